"""Imports point one way: gui → reports → models, never back.

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
    bad = forbidden_imports("gui", ("peewee", "playhouse", "sqlite3", "psycopg2", "models.tables"))
    assert not bad, "\n".join(bad)


def test_gui_contains_no_sql() -> None:
    bad = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sorted((ROOT / "gui").rglob("*.py"))
        for line, what in sql_in(path.read_text(encoding="utf-8"))
    ]
    assert not bad, "\n".join(bad)


# --- the checker sees what it must see ----------------------------------------------


@pytest.mark.parametrize(
    ("source", "module", "name"),
    [
        ("import PySide6.QtCore", "models.aging", "PySide6.QtCore"),
        ("from PySide6.QtWidgets import QWidget", "models.aging", "PySide6.QtWidgets"),
        ("from models import tables", "gui.app", "models.tables"),
        ("from models.tables import database", "gui.app", "models.tables"),
        ("import models.tables as t", "gui.app", "models.tables"),
        ("from ..gui import widgets", "reports.pen", "gui"),
        ("from ...gui import widgets", "reports.sub.pen", "gui"),
        ("from .tables import EntryRow", "models.aging", "models.tables"),
        ("from . import tables", "models.__init__", "models.tables"),
        ("def f():\n    import peewee\n", "gui.app", "peewee"),
        ("import importlib\nimportlib.import_module('PySide6.QtGui')", "models.x", "PySide6"),
        ("__import__('gui.app')", "reports.x", "gui"),
    ],
)
def test_checker_sees_an_import(source: str, module: str, name: str) -> None:
    names = [n for _line, n in imports_of(source, module)]
    assert any(n == name or n.startswith(name + ".") for n in names), names


def test_checker_allows_the_model_services() -> None:
    names = [n for _l, n in imports_of("from models import customers, posting", "gui.app")]
    assert not any(_is_under(n, ("models.tables", "peewee")) for n in names)


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
