"""Each language its own quotation marks: English messages quote with ‘…’, Chinese
ones with “…”. An English sentence with Chinese-style “…” (or a Chinese one with ‘…’)
reads as a half-translated program."""

from __future__ import annotations

import ast
import json
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "models" / "translations" / "zh_CN.json"
TS = ROOT / "gui" / "translations" / "qingkuan_zh_CN.ts"
CHINESE_QUOTES = "“”"
ENGLISH_QUOTES = "‘’"


def _english_literals() -> dict[str, str]:
    """Every string literal in the program's Python sources that quotes something
    (the English side: translations live in the catalogues), with where it is."""
    found: dict[str, str] = {}
    for folder in ("models", "reports", "cli", "gui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.setdefault(node.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _pairs() -> list[tuple[str, str]]:
    """(English, Chinese) from both catalogues."""
    pairs = list(json.loads(CATALOG.read_text(encoding="utf-8")).items())
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation:
            pairs.append((source, translation))
    return pairs


def test_english_sources_use_english_quotes() -> None:
    wrong = [
        f"{where}: {text!r}"
        for text, where in _english_literals().items()
        if any(q in text for q in CHINESE_QUOTES)
        and not any("\u4e00" <= ch <= "\u9fff" for ch in text.replace("“", "").replace("”", ""))
    ]
    assert not wrong, "English text quotes with “…”; use ‘…’:\n" + "\n".join(wrong)


def test_chinese_translations_use_chinese_quotes() -> None:
    pairs = _pairs()
    assert len(pairs) > 300  # both catalogues were read
    wrong = [
        f"{en!r} → {zh!r}"
        for en, zh in pairs
        if any(q in en for q in CHINESE_QUOTES)
        or any(q in zh for q in ENGLISH_QUOTES)
        or ("‘" in en and "“" not in zh)
    ]
    assert not wrong, "Each language its own quotes:\n" + "\n".join(wrong)
