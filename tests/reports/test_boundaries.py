"""`reports/` imports no Qt and no GUI; every string it translates has Chinese."""

from __future__ import annotations

import ast
import json
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "reports"
CATALOG = Path(__file__).resolve().parents[2] / "models" / "translations" / "zh_CN.json"


def _modules():
    """Every module of reports/, found rather than listed (a hand list missed one)."""
    found = sorted(REPORTS.rglob("*.py"))
    assert len(found) > 10 and REPORTS / "documents" / "statement.py" in found
    return found


def test_reports_import_no_qt_or_gui():
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("PySide6", "PyQt", "gui")), f"{path.name}: {name}"


def test_document_strings_are_translated():
    catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    missing = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and not catalog.get(node.args[0].value, "").strip()
            ):
                missing.append(f"{path.name}: {node.args[0].value!r}")
    assert not missing, "\n".join(missing)
