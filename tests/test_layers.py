"""Imports point one way: gui → reports → models, never back; inside models/ and
reports/ from room to room in one order; and no module is part of an import circle.

The model must run without Qt (the CLI, import, the batch printer and a headless server
use it); the documents must print without a window; and the GUI reads and writes only
through the model's services, so every rule (immutability, one transaction per write,
FIFO aging) holds whatever screen the clerk uses.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6")
SQL_TEXT = re.compile(
    r"^\s*(SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|"
    r"CREATE\s+(TABLE|INDEX|TRIGGER)\s|DROP\s+TABLE\s|PRAGMA\s)",
    re.DOTALL,
)


def _module_name(path: Path) -> str:
    """Dotted name of a file; a package's __init__ is named ``pkg.__init__``."""
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def imports_of(source: str, module: str = "") -> list[tuple[int, str]]:
    """(line, dotted name) of everything a module imports, including `from x import y`
    as ``x.y``, relative imports resolved against the file's dotted name `module`, and
    ``importlib.import_module("…")`` / ``__import__("…")`` with a literal name."""
    found: list[tuple[int, str]] = []
    package = module.split(".")[:-1]  # the package the file is in
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # level 1: this file's package; 2: its parent …
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _is_under(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def forbidden_imports(folder: str, packages: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for line, name in imports_of(source, _module_name(path)):
            if _is_under(name, packages):
                bad.append(f"{path.relative_to(ROOT)}:{line}: imports {name}")
    return bad


def sql_in(source: str) -> list[tuple[int, str]]:
    """Places where a module talks to the database directly."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Attribute) and node.attr == "execute_sql") or (
            isinstance(node, ast.Name) and node.id == "execute_sql"
        ):
            found.append((node.lineno, "calls execute_sql"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and SQL_TEXT.match(node.value)
        ):
            found.append((node.lineno, f"SQL text {node.value[:40]!r}"))
    return found


# --- the rules --------------------------------------------------------------------


def test_sources_are_where_the_rules_look() -> None:
    for folder in ("models", "reports", "gui"):
        assert list((ROOT / folder).rglob("*.py")), f"no Python files in {folder}/"


def test_models_import_no_qt_reports_or_gui() -> None:
    bad = forbidden_imports("models", (*QT, "reports", "gui"))
    assert not bad, "\n".join(bad)


def test_reports_import_no_qt_or_gui() -> None:
    bad = forbidden_imports("reports", (*QT, "gui"))
    assert not bad, "\n".join(bad)


def test_gui_imports_no_database_layer() -> None:
    """The GUI goes through the model's services, never to the tables or peewee."""
    bad = forbidden_imports(
        "gui", ("peewee", "playhouse", "sqlite3", "psycopg2", "models.storage.tables")
    )
    assert not bad, "\n".join(bad)


def test_gui_contains_no_sql() -> None:
    bad = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sorted((ROOT / "gui").rglob("*.py"))
        for line, what in sql_in(path.read_text(encoding="utf-8"))
    ]
    assert not bad, "\n".join(bad)


# Each room of models/ and reports/ may import only rooms of a lower rank (rooms of one
# rank know nothing of each other). models/__init__.py says what each room holds.
MODEL_ROOMS = {
    "vocabulary": 0,
    "storage": 1,
    "ledger": 2,
    "papers": 3,
    "collecting": 3,
    "review": 3,
    "exchange": 4,
}
REPORT_ROOMS = {"typesetting": 0, "spreadsheets": 1, "documents": 2}


def room_order_breaks(top: str, rooms: dict[str, int], files: list[Path]) -> list[str]:
    """Imports from one room of `top` into a room of the same or a higher rank, and
    modules of `top` outside every room."""
    bad = []
    for path in files:
        parts = _module_name(path).split(".")
        if parts == [top, "__init__"]:
            continue
        room = parts[1]
        if room not in rooms:
            bad.append(f"{path.relative_to(ROOT)}: in no room of {top}/")
            continue
        for line, name in imports_of(path.read_text(encoding="utf-8"), ".".join(parts)):
            other = name.split(".")
            if other[0] != top or len(other) < 2 or other[1] == room or other[1] not in rooms:
                continue
            if rooms[other[1]] >= rooms[room]:
                bad.append(f"{path.relative_to(ROOT)}:{line}: {room} imports {name}")
    return bad


def _sources(top: str) -> list[Path]:
    return sorted((ROOT / top).rglob("*.py"))


def test_model_rooms_import_downwards_only() -> None:
    bad = room_order_breaks("models", MODEL_ROOMS, _sources("models"))
    assert not bad, "\n".join(bad)


def test_report_rooms_import_downwards_only() -> None:
    bad = room_order_breaks("reports", REPORT_ROOMS, _sources("reports"))
    assert not bad, "\n".join(bad)


APP_FOLDERS = ("models", "reports", "gui", "cli")


def import_graph(files: list[Path]) -> dict[str, set[str]]:
    """Module -> the app's modules it imports (at any depth in the file: an import
    inside a function is still an arrow). ``from pkg import name`` counts as importing
    ``pkg.name`` when that is a module, else ``pkg``."""
    modules = {_module_name(p).removesuffix(".__init__") for p in files}
    graph: dict[str, set[str]] = {}
    for path in files:
        module = _module_name(path)
        own = module.removesuffix(".__init__")
        targets = set()
        for _line, name in imports_of(path.read_text(encoding="utf-8"), module):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != own and not own.startswith(name + "."):
                targets.add(name)
        graph[own] = targets
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles() -> None:
    files = [p for folder in APP_FOLDERS for p in _sources(folder)]
    found = circles(import_graph(files))
    assert not found, "\n".join(" <-> ".join(group) for group in found)


def test_circle_finder_sees_circles_and_function_imports() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []
    # an import inside a function is an arrow too
    names = [n for _l, n in imports_of("def f():\n    from models.vocabulary import money\n")]
    assert "models.vocabulary.money" in names


def test_room_checker_sees_an_upward_import(tmp_path: Path) -> None:
    room = tmp_path / "models" / "storage"
    room.mkdir(parents=True)
    upward = room / "db.py"
    upward.write_text("from models.ledger import aging\n", encoding="utf-8")
    stray = tmp_path / "models" / "loose.py"
    stray.write_text("", encoding="utf-8")
    peers = tmp_path / "models" / "papers"
    peers.mkdir()
    (peers / "x.py").write_text("from models.collecting import today\n", encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        bad = room_order_breaks("models", MODEL_ROOMS, [upward, stray, peers / "x.py"])
    finally:
        ROOT = saved
    assert any("storage imports models.ledger" in b for b in bad), bad
    assert any("loose.py: in no room" in b for b in bad), bad
    assert any("papers imports models.collecting" in b for b in bad), bad


# --- the checker sees what it must see ----------------------------------------------


@pytest.mark.parametrize(
    ("source", "module", "name"),
    [
        ("import PySide6.QtCore", "models.ledger.aging", "PySide6.QtCore"),
        ("from PySide6.QtWidgets import QWidget", "models.ledger.aging", "PySide6.QtWidgets"),
        ("from models.storage import tables", "gui.app", "models.storage.tables"),
        ("from models.storage.tables import database", "gui.app", "models.storage.tables"),
        ("import models.storage.tables as t", "gui.app", "models.storage.tables"),
        ("from ..gui import widgets", "reports.pen", "gui"),
        ("from ...gui import widgets", "reports.typesetting.pen", "gui"),
        ("from .tables import EntryRow", "models.storage.guards", "models.storage.tables"),
        ("from . import tables", "models.storage.__init__", "models.storage.tables"),
        ("def f():\n    import peewee\n", "gui.app", "peewee"),
        ("import importlib\nimportlib.import_module('PySide6.QtGui')", "models.x", "PySide6"),
        ("__import__('gui.app')", "reports.x", "gui"),
    ],
)
def test_checker_sees_an_import(source: str, module: str, name: str) -> None:
    names = [n for _line, n in imports_of(source, module)]
    assert any(n == name or n.startswith(name + ".") for n in names), names


def test_checker_allows_the_model_services() -> None:
    names = [n for _l, n in imports_of("from models.ledger import customers, posting", "gui.app")]
    assert not any(_is_under(n, ("models.storage.tables", "peewee")) for n in names)


@pytest.mark.parametrize(
    "source",
    [
        "database.execute_sql('x')",
        "execute_sql('x')",
        "q = 'SELECT id FROM entry WHERE customer_id = ?'",
        "q = '''\n  UPDATE entry SET amount = 1'''",
        "q = 'DELETE FROM promise'",
        "q = 'PRAGMA journal_mode'",
    ],
)
def test_checker_sees_sql(source: str) -> None:
    assert sql_in(source)


@pytest.mark.parametrize(
    "source",
    [
        "label = 'Delete from route'",
        "tip = 'Select the customers from the list'",
        "self.tr('Update')",
    ],
)
def test_checker_leaves_ordinary_text_alone(source: str) -> None:
    assert not sql_in(source)
