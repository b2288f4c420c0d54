"""Every message and document label the model and the reports translate has Chinese.

The office works in Chinese: an English sentence left in an error message or on a
printed statement is a bug. Strings go through `_()` (models/vocabulary/i18n.py) and are looked up
in models/translations/zh_CN.json; a missing entry silently shows the English.
"""

from __future__ import annotations

import ast
import enum
import importlib
import json
import pkgutil
import re
import string
from pathlib import Path

import pytest

import models.vocabulary
from models.vocabulary.collecting_records import LateReason
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.i18n import using_language

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "models" / "translations" / "zh_CN.json"
# Every module of the program, found rather than listed: the tests and the virtual
# environment are not the program.
SOURCES = sorted(
    path
    for path in ROOT.rglob("*.py")
    if not {"tests", ".venv", ".git"} & set(path.relative_to(ROOT).parts)
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _calls_of_underscore(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_"
        and node.args
    ]


def translatable_strings() -> dict[str, str]:
    """Each literal passed to `_()` (implicit concatenation already joined by `ast`),
    with where it was first seen."""
    found: dict[str, str] = {}
    for path in SOURCES:
        for call in _calls_of_underscore(path):
            arg = call.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def _catalog() -> dict[str, str]:
    return json.loads(CATALOG.read_text(encoding="utf-8"))


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_sources_are_found() -> None:
    strings = translatable_strings()
    assert len(SOURCES) > 10 and len(strings) > 50
    assert "There is no customer number {id}." in strings
    folders = {path.relative_to(ROOT).parts[0] for path in SOURCES}
    assert {"models", "reports", "cli", "gui", "main.py"} <= folders


def test_every_translatable_string_has_chinese() -> None:
    catalog = _catalog()
    missing = [
        f"{where}: {text!r}"
        for text, where in sorted(translatable_strings().items(), key=lambda kv: kv[1])
        if not catalog.get(text, "").strip()
    ]
    assert not missing, f"{len(missing)} strings without Chinese:\n" + "\n".join(missing)


def test_placeholders_survive_translation() -> None:
    """`.format(name=…)` must fill the Chinese as it fills the English: the same
    placeholders, no more and no fewer (a stray one raises KeyError at run time)."""
    catalog = _catalog()
    wrong = [
        f"{english!r}: {_fields(english)} vs {chinese!r}: {_fields(chinese)}"
        for english, chinese in catalog.items()
        if _fields(english) != _fields(chinese)
    ]
    assert not wrong, "\n".join(wrong)


def test_translations_are_chinese() -> None:
    """A translation that is still English (or empty) is a missing translation."""
    not_chinese = [
        f"{english!r} → {chinese!r}"
        for english, chinese in _catalog().items()
        if CJK.search(english) is None and CJK.search(chinese) is None
    ]
    assert not not_chinese, "\n".join(not_chinese)


def test_no_string_built_before_translation() -> None:
    """`_(f"…")` or `_("…" + x)` can never match the catalogue."""
    built = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path in SOURCES
        for call in _calls_of_underscore(path)
        if isinstance(call.args[0], ast.JoinedStr | ast.BinOp)
    ]
    assert not built, "\n".join(built)


# The modules of records (`models.vocabulary.*_records`), and every enum of theirs that
# labels its members, found rather than listed.
RECORD_MODULES = [
    importlib.import_module(f"models.vocabulary.{info.name}")
    for info in pkgutil.iter_modules(models.vocabulary.__path__)
    if info.name.endswith("_records")
]
LABELLED = [
    value
    for module in RECORD_MODULES
    for value in vars(module).values()
    if isinstance(value, type)
    and value.__module__ == module.__name__  # each once, where it is defined
    and issubclass(value, enum.Enum)
    and isinstance(getattr(value, "label", None), property)
]


def test_labelled_enums_are_found() -> None:
    assert EntryKind in LABELLED and LateReason in LABELLED
    assert len(LABELLED) >= 6


@pytest.mark.parametrize("enum", LABELLED, ids=lambda e: e.__name__)
def test_enum_labels_read_in_chinese(enum: type) -> None:
    """Labels built from tables (not literals in `_()`) are shown in Chinese too."""
    for member in enum:
        with using_language("en"):
            english = member.label
        with using_language("zh"):
            chinese = member.label
        assert english and CJK.search(chinese), f"{enum.__name__}.{member.name}: {chinese!r}"


def test_terms_labels_read_in_chinese() -> None:
    terms = [Terms(kind) for kind in TermsKind if kind is not TermsKind.DAYS]
    with using_language("zh"):
        labels = [t.label for t in terms] + [Terms(TermsKind.DAYS, 30).label]
    assert all(CJK.search(label) for label in labels), labels
    assert "30" in labels[-1]
