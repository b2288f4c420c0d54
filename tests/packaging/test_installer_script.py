"""The Windows installer's Inno Setup script, read here since no Windows machine is: it
must be UTF-8 with a BOM (else iscc reads 清款 in the ANSI code page), and every file it
names must exist, in the repository or in what every Inno Setup 6 installs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "windows" / "qingkuan.iss"
BOM = b"\xef\xbb\xbf"

# What every Inno Setup 6 release (6.0.0 on) installs beside the compiler: Default.isl and
# the official translations. Simplified Chinese is not among them: it was one of the
# user-contributed translations, so the script ships its own (deploy/windows/).
INNO_SETUP_6_FILES = {"Default.isl"} | {
    f"Languages\\{name}.isl"
    for name in (
        "Armenian", "BrazilianPortuguese", "Catalan", "Corsican", "Czech", "Danish",
        "Dutch", "Finnish", "French", "German", "Hebrew", "Icelandic", "Italian",
        "Japanese", "Norwegian", "Polish", "Portuguese", "Russian", "Slovak",
        "Slovenian", "Spanish", "Turkish", "Ukrainian",
    )
}  # fmt: skip

# Parameters and [Setup] directives whose value is a file the compiler reads.
FILE_PARAMETERS = (
    "MessagesFile", "Source", "LicenseFile", "InfoBeforeFile", "InfoAfterFile",
    "SetupIconFile", "WizardImageFile", "WizardSmallImageFile",
)  # fmt: skip
_VALUE = re.compile(
    r"(?:^|;\s*)(?P<key>" + "|".join(FILE_PARAMETERS) + r")\s*[:=]\s*"
    r'(?P<value>"[^"]*"|[^;\r\n]+)',
    re.MULTILINE,
)


def referenced_files(text: str) -> list[str]:
    """Every file name the script gives a file parameter, comments left out (a
    MessagesFile may list several, separated by commas)."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(";")]
    names = []
    for match in _VALUE.finditer("\n".join(lines)):
        value = match["value"].strip().strip('"')
        names.extend(part.strip() for part in value.split(",") if part.strip())
    return names


def test_the_script_is_utf8_with_a_bom() -> None:
    raw = SCRIPT.read_bytes()
    assert raw.startswith(BOM)
    assert "清款" in raw[len(BOM) :].decode("utf-8")


def test_every_file_it_names_exists() -> None:
    names = referenced_files(SCRIPT.read_bytes().decode("utf-8-sig"))
    assert any(name.startswith("compiler:") for name in names)  # the parse found them
    assert "ChineseSimplified.isl" in names
    for name in names:
        if "{#" in name:
            continue  # a define deploy/build.py passes to iscc (the app folder, the icon)
        if name.startswith("compiler:"):
            assert name.removeprefix("compiler:") in INNO_SETUP_6_FILES, name
        else:
            assert (SCRIPT.parent / name.replace("\\", "/")).is_file(), name


def test_the_shipped_translation_is_utf8_with_a_bom_and_its_licence() -> None:
    isl = SCRIPT.parent / "ChineseSimplified.isl"
    raw = isl.read_bytes()
    assert raw.startswith(BOM)
    text = raw[len(BOM) :].decode("utf-8")
    assert "LanguageName=简体中文" in text and "LanguageID=$0804" in text
    assert "ButtonNext=下一步(&N) >" in text  # messages, not just the header
    licence = (SCRIPT.parent / "ChineseSimplified-LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence
