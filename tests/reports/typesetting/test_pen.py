"""Mixed Chinese/Latin text: runs, fitting and wrapping."""

from __future__ import annotations

from reports.typesetting.pen import ELLIPSIS, Pen


def test_runs_and_fit(cjk_fonts):
    pen = Pen(cjk_fonts)
    assert "".join(chunk for _, chunk in pen.runs("清款 ¥1,234.50 ✂")) == "清款 ¥1,234.50 ✂"
    # ✂ is not in WenQuanYi: it comes from the Latin font.
    assert pen.runs("✂")[0][0] == cjk_fonts.latin
    text = "广州市白云区石井街道庆丰村好又多便利店" * 3
    cut = pen.fit(text, 9, 100)
    assert cut.endswith(ELLIPSIS) and pen.width(cut, 9) <= 100
    assert pen.fit("short", 9, 100) == "short"


def test_wrap_keeps_latin_words_and_width(cjk_fonts):
    pen = Pen(cjk_fonts)
    text = "截至 2026年12月13日，我方尚欠广州市清源副食品批发有限公司货款 ¥12,345.67（人民币壹万贰仟叁佰肆拾伍元陆角柒分）"
    lines = pen.wrap(text, 9.5, 200)
    assert len(lines) > 2
    assert all(pen.width(line, 9.5) <= 200 + 9.5 for line in lines)  # a hanging comma at most
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert any("¥12,345.67" in line for line in lines)
    limited = pen.wrap(text, 9.5, 200, max_lines=2)
    assert len(limited) == 2 and limited[-1].endswith(ELLIPSIS)
