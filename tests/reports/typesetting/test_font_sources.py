"""Where the Chinese font comes from: the system's, else the app's own, else STSong.

The system's fonts are hidden with QK_SYSTEM_FONT_DIRS (or by pointing it at a folder
laid out like a Windows or macOS font folder). Windows and macOS fonts cannot be had
here, so their files are rebuilt from their recorded headers, the only part the font
search reads before handing a file to reportlab.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
from pathlib import Path

import pytest

from models.vocabulary.i18n import using_language
from reports.documents.iou import render_ious
from reports.documents.samples import (
    COMPANY,
    sample_customer,
    sample_note,
    sample_promise,
    sample_statement,
)
from reports.documents.statement import render_statement
from reports.typesetting import fonts as fonts_module
from reports.typesetting.fonts import (
    BUILTIN_CJK,
    BUNDLED_CJK,
    FONT_DIRS_ENV,
    FontRefused,
    find_fonts,
    inspect_font,
    system_cjk_fonts,
    system_latin_fonts,
)
from tests.reports.conftest import WQY
from tests.reports.helpers import all_text, fonts_of, squash

TRUETYPE = b"\x00\x01\x00\x00"
CFF = b"OTTO"

# The start of the real files: the collection tag ('ttcf', or none for a single font) and
# each font's sfnt version: 00010000 = TrueType outlines (glyf), which reportlab embeds;
# 'OTTO' = PostScript (CFF) outlines, which it cannot. Sources: the files' published
# structure (Microsoft Typography's font list for Windows 10/11: msyh.ttc holds Microsoft
# YaHei and YaHei UI, simsun.ttc SimSun and NSimSun); reportlab users registering
# msyh.ttc, simsun.ttc, STHeiti Light.ttc and Songti.ttc with TTFont(subfontIndex=…);
# PingFang.ttc and Hiragino Sans GB.ttc failing in TTFont and Go's freetype with a
# PostScript magic. Subfont counts of the Mac collections are approximate; only the tags
# matter here.
RECORDED: dict[str, tuple[bool, list[bytes]]] = {
    # Windows (%WINDIR%\Fonts)
    "msyh.ttc": (True, [TRUETYPE, TRUETYPE]),
    "msyh.ttf": (False, [TRUETYPE]),  # Windows Vista/7
    "simsun.ttc": (True, [TRUETYPE, TRUETYPE]),
    "simhei.ttf": (False, [TRUETYPE]),
    "Deng.ttf": (False, [TRUETYPE]),
    "simkai.ttf": (False, [TRUETYPE]),
    # macOS (/System/Library/Fonts and Supplemental)
    "STHeiti Light.ttc": (True, [TRUETYPE, TRUETYPE]),  # Heiti SC/TC Light
    "STHeiti Medium.ttc": (True, [TRUETYPE, TRUETYPE]),
    "Songti.ttc": (True, [TRUETYPE] * 8),  # STSong, Songti SC/TC in several weights
    "Arial Unicode.ttf": (False, [TRUETYPE]),
    "PingFang.ttc": (True, [CFF] * 18),  # SC/TC/HK in six weights
    "Hiragino Sans GB.ttc": (True, [CFF, CFF]),  # not listed: CFF too
}


def _write_recorded(path: Path, collection: bool, tags: list[bytes]) -> Path:
    """A file that starts as the real one does: TTC header, offset table of each font."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not collection:
        path.write_bytes(tags[0] + b"\x00" * 200)
        return path
    first = 12 + 4 * len(tags)
    offsets = [first + 12 * i for i in range(len(tags))]
    head = b"ttcf" + struct.pack(">II", 0x00020000, len(tags))
    head += struct.pack(f">{len(tags)}I", *offsets)
    path.write_bytes(head + b"".join(tag + b"\x00" * 8 for tag in tags) + b"\x00" * 64)
    return path


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty folder in place of every system font folder."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv(FONT_DIRS_ENV, str(empty))
    return empty


# The app's own font.


def test_the_bundled_font_ships_with_its_licence() -> None:
    folder = BUNDLED_CJK.parent
    assert BUNDLED_CJK.is_file() and BUNDLED_CJK.stat().st_size > 4_000_000
    assert "Apache License" in (folder / "wqy-microhei-LICENSE-Apache-2.0.txt").read_text()
    assert "WenQuanYi" in (folder / "wqy-microhei-COPYRIGHT.txt").read_text()
    digest = hashlib.sha256(BUNDLED_CJK.read_bytes()).hexdigest()
    assert digest in (folder / "README.md").read_text(), "README records another file"
    assert inspect_font(BUNDLED_CJK) == [0, 1]  # two TrueType faces


def test_system_fonts_can_be_hidden(no_system_fonts: Path) -> None:
    for platform in ("win32", "darwin", "linux"):
        listed = system_cjk_fonts(platform) + system_latin_fonts(platform)[:-2]
        assert listed and all(no_system_fonts in p.parents for p in listed), platform
    # Reportlab's Vera and the app's own font stay: they are not the system's.
    assert system_latin_fonts("linux")[-1] == BUNDLED_CJK


def test_without_system_fonts_the_bundled_one_is_found_and_embedded(
    no_system_fonts: Path, tmp_path: Path
) -> None:
    fonts = find_fonts()
    assert fonts.bundled and fonts.embedded and not fonts.fallback
    assert fonts.cjk_path == str(BUNDLED_CJK) and fonts.cjk_subfont == 0
    assert fonts.warning == "" and fonts.skipped == ()

    statement = render_statement(sample_statement(10), tmp_path / "s.pdf", fonts=fonts)
    customer = sample_customer()
    iou = tmp_path / "iou.pdf"
    note = sample_note(sample_promise(7, customer))
    render_ious([note], customer, COMPANY, iou, fonts=fonts, lang="zh")
    for out in (statement, iou):
        used = fonts_of(out)
        assert used and all(used.values()), f"every font must be embedded: {used}"
        assert any("WenQuanYiMicroHei" in name for name in used), used
        assert not any(BUILTIN_CJK in name for name in used)
    assert "对账单" in all_text(statement)
    text = squash(all_text(iou))
    assert "约定于2026年12月14日10:00前清款" in text and "壹万零伍元零柒分" in text


def test_without_system_fonts_the_latin_font_is_embedded_too(
    no_system_fonts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packaged app has no reportlab Vera: the app's font draws the Latin letters."""
    real = fonts_module.system_latin_fonts
    monkeypatch.setattr(
        fonts_module, "system_latin_fonts", lambda: [p for p in real() if p.name != "Vera.ttf"]
    )
    fonts = find_fonts()
    assert fonts.latin_path == str(BUNDLED_CJK) and fonts.latin_cmap is not None


@pytest.mark.skipif(not WQY.exists(), reason="WenQuanYi Micro Hei not installed")
def test_a_system_font_comes_before_the_bundled_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    system = tmp_path / "usr-share-fonts"
    installed = system / "truetype" / "wqy" / "wqy-microhei.ttc"
    installed.parent.mkdir(parents=True)
    shutil.copy(WQY, installed)
    monkeypatch.setenv(FONT_DIRS_ENV, str(system))
    fonts = find_fonts()
    assert fonts.cjk_path == str(installed) and not fonts.bundled
    # Same file name as the bundled font, yet its own reportlab name: one name for two
    # files would draw one file's glyphs with the other's metrics.
    bundled = find_fonts(candidates=[BUNDLED_CJK])
    assert bundled.bundled and bundled.cjk != fonts.cjk


def test_if_the_bundled_font_is_missing_too_the_stsong_warning_stays(
    no_system_fonts: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts_module, "BUNDLED_CJK", tmp_path / "gone" / "wqy-microhei.ttc")
    fonts = find_fonts()
    assert fonts.cjk == BUILTIN_CJK and fonts.fallback and not fonts.bundled
    with using_language("en"):
        assert "STSong" in fonts.warning and "Reinstall Qingkuan" in fonts.warning
    with using_language("zh"):
        assert "重新安装清款" in fonts.warning and "“设置”" in fonts.warning
    out = render_statement(sample_statement(3), tmp_path / "s.pdf", fonts=fonts)
    assert not all(fonts_of(out).values())  # the reason for the warning


# Windows and macOS: the candidate lists against the real files' headers.


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_recorded_headers_are_told_apart(name: str, tmp_path: Path) -> None:
    collection, tags = RECORDED[name]
    path = _write_recorded(tmp_path / name, collection, tags)
    if CFF in tags:
        with pytest.raises(FontRefused, match="CFF"):
            inspect_font(path)
    else:
        assert inspect_font(path) == list(range(len(tags)))


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_every_listed_font_has_a_recorded_header(platform: str) -> None:
    names = {p.name for p in system_cjk_fonts(platform)}
    assert names <= set(RECORDED), f"record the header of {names - set(RECORDED)}"


def test_cff_fonts_come_last_in_the_mac_list() -> None:
    names = list(dict.fromkeys(p.name for p in system_cjk_fonts("darwin")))
    assert names[-1] == "PingFang.ttc"
    assert all(CFF not in RECORDED[n][1] for n in names[:-1])


def test_windows_picks_microsoft_yahei_first_subfont(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stand-in msyh.ttc (a real TrueType collection of two faces, as msyh.ttc is)
    next to recorded simsun.ttc and simhei.ttf: the first of the list wins, subfont 0."""
    fonts_dir = tmp_path / "Windows" / "Fonts"
    fonts_dir.mkdir(parents=True)
    shutil.copy(BUNDLED_CJK, fonts_dir / "msyh.ttc")
    for name in ("simsun.ttc", "simhei.ttf"):
        _write_recorded(fonts_dir / name, *RECORDED[name])
    monkeypatch.setenv(FONT_DIRS_ENV, str(fonts_dir))
    fonts = find_fonts(candidates=[*system_cjk_fonts("win32"), BUNDLED_CJK])
    assert fonts.cjk_path == str(fonts_dir / "msyh.ttc") and fonts.cjk_subfont == 0
    assert fonts.skipped == ()


def test_a_mac_with_only_pingfang_gets_the_bundled_font(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    system = tmp_path / "System" / "Library" / "Fonts"
    _write_recorded(system / "PingFang.ttc", *RECORDED["PingFang.ttc"])
    monkeypatch.setenv(FONT_DIRS_ENV, str(system))
    fonts = find_fonts(candidates=[*system_cjk_fonts("darwin"), BUNDLED_CJK])
    assert fonts.bundled and fonts.embedded and fonts.warning == ""
    assert fonts.skipped == (
        (str(system / "PingFang.ttc"), "PostScript (CFF) outlines cannot be embedded"),
    )


def test_a_mac_prefers_heiti_over_pingfang(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    system = tmp_path / "System" / "Library" / "Fonts"
    _write_recorded(system / "PingFang.ttc", *RECORDED["PingFang.ttc"])
    shutil.copy(BUNDLED_CJK, system / "STHeiti Light.ttc")  # stand-in: TrueType, two faces
    monkeypatch.setenv(FONT_DIRS_ENV, str(system))
    fonts = find_fonts(candidates=[*system_cjk_fonts("darwin"), BUNDLED_CJK])
    assert fonts.cjk_path == str(system / "STHeiti Light.ttc") and fonts.embedded


def test_a_truetype_header_without_outlines_is_refused_when_loaded(tmp_path: Path) -> None:
    """macOS 15's PingFangUI.ttc keeps a TrueType-looking header but has no glyf/loca
    tables: the header check lets it through, reportlab's parser refuses it, and the
    search moves on instead of printing tofu."""
    odd = _write_recorded(tmp_path / "PingFangUI.ttc", True, [TRUETYPE, TRUETYPE])
    assert inspect_font(odd) == [0, 1]
    fonts = find_fonts(candidates=[odd, BUNDLED_CJK])
    assert fonts.bundled and fonts.skipped and fonts.skipped[0][0] == str(odd)
