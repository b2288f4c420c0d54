"""Font discovery: settings path, collections, CFF refusal, digits fallback, built-in."""

from __future__ import annotations

import shutil
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
from reports.typesetting.fonts import (
    BUILTIN_CJK,
    FontRefused,
    find_fonts,
    inspect_font,
    load_cjk_font,
)
from tests.reports.conftest import DROID, WQY
from tests.reports.helpers import all_text, fonts_of, squash


def _otto(path: Path) -> Path:
    """A file with an OpenType/CFF header, like Noto Sans CJK or PingFang."""
    path.write_bytes(b"OTTO" + b"\x00" * 200)
    return path


def test_system_font_is_found_and_embedded(cjk_fonts, tmp_path):
    assert cjk_fonts.embedded and not cjk_fonts.fallback
    assert cjk_fonts.warning == ""
    out = render_statement(sample_statement(10), tmp_path / "s.pdf", fonts=cjk_fonts)
    fonts = fonts_of(out)
    assert fonts, "no fonts in the PDF"
    assert all(fonts.values()), f"every font must be embedded: {fonts}"
    assert "对账单" in all_text(out)


def test_cff_fonts_are_detected_and_skipped(tmp_path):
    with pytest.raises(FontRefused, match="CFF"):
        inspect_font(_otto(tmp_path / "NotoSansCJK-Regular.otf"))


def test_collection_with_only_cff_subfonts_is_refused(tmp_path):
    path = tmp_path / "NotoSansCJK.ttc"
    head = b"ttcf" + b"\x00\x01\x00\x00" + (1).to_bytes(4, "big") + (16).to_bytes(4, "big")
    path.write_bytes(head + b"OTTO" + b"\x00" * 100)
    with pytest.raises(FontRefused, match="CFF"):
        inspect_font(path)


def test_missing_and_non_font_files_are_refused(tmp_path):
    with pytest.raises(FontRefused, match="not found"):
        inspect_font(tmp_path / "nope.ttf")
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"hello, not a font at all")
    with pytest.raises(FontRefused):
        inspect_font(junk)


@pytest.mark.skipif(not WQY.exists(), reason="WenQuanYi Micro Hei not installed")
def test_ttc_subfonts(tmp_path):
    assert 0 in inspect_font(WQY)
    assert load_cjk_font(f"{WQY}#0").face.name == b"WenQuanYiMicroHei"
    with pytest.raises(FontRefused, match="subfont 3"):
        load_cjk_font(f"{WQY}#3")


@pytest.mark.skipif(not WQY.exists(), reason="WenQuanYi Micro Hei not installed")
def test_a_collection_stops_at_its_first_regular_chinese_subfont(tmp_path):
    """Each subfont parsed costs every print a seventh of a second: the Mono subfont
    after the regular one is never read."""
    from reportlab.pdfbase import pdfmetrics

    copy = shutil.copy(WQY, tmp_path / "wqy-copy.ttc")  # a name no other test registered
    assert inspect_font(copy) == [0, 1]
    assert load_cjk_font(copy).face.name == b"WenQuanYiMicroHei"
    registered = [n for n in pdfmetrics.getRegisteredFontNames() if "wqy-copy" in n]
    assert registered == ["QK-wqy-copy-0"]


@pytest.mark.skipif(not WQY.exists(), reason="WenQuanYi Micro Hei not installed")
def test_settings_font_comes_first(tmp_path):
    copy = tmp_path / "我的字体.ttc"
    shutil.copy(WQY, copy)
    fonts = find_fonts(str(copy), candidates=[])
    assert fonts.cjk_path == str(copy) and fonts.embedded and not fonts.notices


@pytest.mark.skipif(not WQY.exists(), reason="WenQuanYi Micro Hei not installed")
def test_unusable_settings_font_falls_back_with_a_notice(tmp_path):
    bad = _otto(tmp_path / "PingFang.otf")
    fonts = find_fonts(str(bad), candidates=[WQY])
    assert fonts.embedded and fonts.cjk_path == str(WQY)
    assert (str(bad), "PostScript (CFF) outlines cannot be embedded") in fonts.skipped
    with using_language("zh"):
        assert "PingFang.otf" in fonts.warning and "无法使用" in fonts.warning
    with using_language("en"):
        assert "cannot be used" in fonts.warning


def test_no_chinese_font_uses_builtin_stsong_with_a_warning(builtin_fonts, tmp_path):
    assert builtin_fonts.cjk == BUILTIN_CJK
    assert builtin_fonts.fallback and not builtin_fonts.embedded
    with using_language("en"):
        assert "STSong" in builtin_fonts.warning and "Settings" in builtin_fonts.warning
    out = render_statement(sample_statement(8), tmp_path / "s.pdf", fonts=builtin_fonts)
    fonts = fonts_of(out)
    assert any(BUILTIN_CJK in name for name in fonts)
    assert not any(embedded for name, embedded in fonts.items() if BUILTIN_CJK in name)


@pytest.mark.skipif(not DROID.exists(), reason="Droid Sans Fallback not installed")
def test_cjk_font_without_digits_draws_them_with_the_latin_font(tmp_path):
    fonts = find_fonts(candidates=[DROID])
    assert fonts.embedded and ord("5") not in fonts.cjk_cmap
    customer = sample_customer()
    out = tmp_path / "iou.pdf"
    render_ious(
        [sample_note(sample_promise(7, customer))], customer, COMPANY, out, fonts=fonts, lang="zh"
    )
    used = fonts_of(out)
    assert any("DroidSans" in name for name in used)
    assert len(used) >= 2, f"digits need a second (Latin) font: {used}"
    assert all(used.values())
    text = squash(all_text(out))
    assert "¥10,005.07" in text and "QK-000007" in text
    assert "约定于2026年12月14日10:00前清款" in text
