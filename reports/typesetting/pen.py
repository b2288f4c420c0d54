"""Measuring and drawing text that mixes Chinese and Latin on a reportlab canvas.

Each string is cut into runs by font: characters the CJK font has use it, the others
use the Latin font (see `reports.typesetting.fonts`). Runs and widths are cached, since statements
repeat the same dates, labels and amounts thousands of times in a batch.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from reports.typesetting.fonts import FontSet

ELLIPSIS = "…"
# A Latin word (kept whole when wrapping), a run of spaces, or any other single character.
_TOKEN = re.compile(r"[0-9A-Za-z_.,;:!?'\"()\[\]\-/@#&%+*=<>¥$]+|\s+|.", re.S)
_NO_LINE_END = set("（《「『【([")
# The Latin word or number a line ends with (moved down whole with a closing bracket).
_LAST_WORD = re.compile(r"[0-9A-Za-z_.\-/]+$")
# Characters that must not start a line in Chinese typesetting (避头点).
_NO_LINE_START = set("，。、；：！？）》」』】,.;:!?)]%")
# An amount is never broken across lines: drawn alone on its line, it shrinks to fit.
_AMOUNT = re.compile(r"[¥$]?-?\d{1,3}(,\d{3})+(\.\d+)?|[¥$]?-?\d+\.\d\d")
# The smallest type on any paper (issue 18): text that would need less wraps instead.
MIN_SIZE = 7.0
_BOLD_STROKE = 0.035  # fake bold: outline width as a fraction of the font size
_INK = Color(0.08, 0.08, 0.08)  # = reports.typesetting.layout.INK


class Pen:
    """Draws text in the documents' fonts. One per `FontSet`; cheap to share."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._cjk_cmap = fonts.cjk_cmap
        self._latin_cmap = fonts.latin_cmap
        self.runs = lru_cache(maxsize=20000)(self._runs)
        self.measure = lru_cache(maxsize=50000)(self._measure)
        fonts_used = {fonts.cjk, fonts.latin}
        self._all_truetype = all(getFont(name)._dynamicFont for name in fonts_used)
        self._ops_doc: object = None
        self._ops: dict[tuple[str, float], str] = {}
        # Characters the CJK font has, for the common case of a string it covers whole.
        self._cjk_chars = (
            frozenset(map(chr, fonts.cjk_cmap)) if fonts.cjk_cmap is not None else frozenset()
        )

    def _font_for(self, ch: str) -> str:
        code = ord(ch)
        if self._cjk_cmap is None:
            # Built-in CID font: its Latin glyphs are full-width-ish; prefer the Latin font.
            if code < 0x2E80 and (self._latin_cmap is None or code in self._latin_cmap):
                return self.fonts.latin
            return self.fonts.cjk
        if code in self._cjk_cmap:
            return self.fonts.cjk
        if self._latin_cmap is None:
            return self.fonts.latin if code < 0x100 else self.fonts.cjk
        if code in self._latin_cmap:
            return self.fonts.latin
        return self.fonts.cjk

    def _runs(self, text: str) -> tuple[tuple[str, str], ...]:
        """``(font name, chunk)`` pairs that together spell `text`."""
        if self._cjk_chars.issuperset(text):
            return ((self.fonts.cjk, text),) if text else ()
        runs: list[tuple[str, str]] = []
        current, start = "", 0
        for i, ch in enumerate(text):
            font = self._font_for(ch)
            if font != current:
                if i > start:
                    runs.append((current, text[start:i]))
                current, start = font, i
        if text:
            runs.append((current, text[start:]))
        return tuple(runs)

    def _measure(self, text: str, size: float) -> float:
        return sum(stringWidth(chunk, font, size) for font, chunk in self.runs(text))

    def width(self, text: str, size: float) -> float:
        """Width of `text` in points at `size` (cached)."""
        return self.measure(text, size)

    def _text_ops(self, c: Canvas, text: str, size: float) -> str:
        """PDF operators that show `text` in TrueType fonts, cached per document.

        This is what reportlab's text object writes, minus its per-call bookkeeping,
        which dominated the time of a 500-statement batch. The font subsets a string
        maps to are fixed for the life of a document, so the operators can be reused.
        """
        doc = c._doc
        if doc is not self._ops_doc:
            self._ops_doc, self._ops = doc, {}
        key = (text, size)
        ops = self._ops.get(key)
        if ops is None:
            parts = []
            for name, chunk in self.runs(text):
                font = getFont(name)
                for subset, encoded in font.splitString(chunk, doc):
                    internal = font.getSubsetInternalName(subset, doc)
                    parts.append(f"{internal} {size:g} Tf ({escapePDF(encoded)}) Tj")
            ops = self._ops[key] = " ".join(parts)
        return ops

    def draw(
        self,
        c: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        align: str = "left",
        bold: bool = False,
        color: Color | None = None,
        max_width: float | None = None,
        strike: bool = False,
        cut: bool = False,
    ) -> float:
        """Draw `text` with its baseline at `y`; `x` is the left, centre or right edge
        per `align`. Text wider than `max_width` is drawn in a smaller font until it
        fits, but never below `MIN_SIZE` (callers wrap text that would need less): names,
        codes, document numbers and amounts are never cut. Only free text (a memo) passes
        `cut=True` to be shortened with an ellipsis instead. Returns the drawn width."""
        if max_width is not None:
            if cut:
                text = self.fit(text, size, max_width)
            elif self.measure(text, size) > max_width > 0:
                size = max(min(size, MIN_SIZE), size * max_width / self.measure(text, size) * 0.999)
        if not text:
            return 0.0
        width = self.measure(text, size)
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        # One text object per string; runs continue where the previous one ended. No
        # saveState: the fill colour is set on every call, which is cheaper in a batch.
        fill = color or _INK
        if c._fillColorObj != fill:  # skip repeating the colour: it is most of a row's ops
            c.setFillColor(fill)
        if bold:
            c.setStrokeColor(fill)
            c.setLineWidth(size * _BOLD_STROKE)
        ops = self._text_ops(c, text, size) if self._all_truetype else None
        if ops is not None:
            mode = "2 Tr " if bold else ""
            reset = " 0 Tr" if bold else ""
            c._code.append(f"BT {mode}1 0 0 1 {x:.2f} {y:.2f} Tm {ops}{reset} ET")
        else:
            t = c.beginText(x, y)
            if bold:
                t.setTextRenderMode(2)
            for font, chunk in self.runs(text):
                t.setFont(font, size)
                t.textOut(chunk)
            if bold:
                t.setTextRenderMode(0)
            c.drawText(t)
        if strike:
            c.setStrokeColor(color or _INK)
            c.setLineWidth(0.6)
            mid = y + size * 0.3
            c.line(x, mid, x + width, mid)
        return width

    def fit(self, text: str, size: float, max_width: float) -> str:
        """`text` cut to `max_width` with an ellipsis when it is wider."""
        if self.width(text, size) <= max_width:
            return text
        low, high = 0, len(text)
        while low < high:  # longest prefix that fits with the ellipsis
            mid = (low + high + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS, size) <= max_width:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + ELLIPSIS if low else ""

    def size_to_fit(self, text: str, size: float, max_width: float, min_size: float) -> float:
        """The largest font size ≤ `size` (and ≥ `min_size`, never below `MIN_SIZE`
        unless `size` is) at which `text` fits."""
        width = self.width(text, size)
        if width <= max_width:
            return size
        return max(min(size, max(min_size, MIN_SIZE)), size * max_width / width)

    def wrap(
        self, text: str, size: float, max_width: float, max_lines: int | None = None
    ) -> list[str]:
        """Break `text` into lines no wider than `max_width`.

        Chinese breaks between any two characters, Latin words are kept whole unless a
        word alone is too wide. With `max_lines`, the last line ends in an ellipsis when
        text was left over.
        """
        if "\n" not in text and "\r" not in text and self.width(text, size) <= max_width:
            return [text]  # the common case, without measuring every prefix
        lines: list[str] = []
        for para in text.splitlines() or [""]:
            lines.extend(self._wrap_para(para, size, max_width))
        if max_lines is not None and len(lines) > max_lines:
            kept = lines[:max_lines]
            kept[-1] = self.fit(kept[-1].rstrip() + ELLIPSIS, size, max_width)
            return kept
        return lines

    def _wrap_para(self, text: str, size: float, max_width: float) -> list[str]:
        lines: list[str] = []
        line = ""
        for token in _TOKEN.findall(text):
            candidate = line + token
            if self.width(candidate, size) <= max_width:
                line = candidate
                continue
            if token in _NO_LINE_START and len(line.rstrip()) > 1:
                # Punctuation never starts a line, nor sticks out past the margin: the
                # character before it moves down with it, or the whole word or number
                # it ends ("（C0005）" never breaks as "C000" / "5）").
                kept = line.rstrip()
                word = _LAST_WORD.search(kept)
                cut = word.start() if word and word.start() > 0 else len(kept) - 1
                if cut > 1 and kept[cut - 1] in _NO_LINE_END:  # nor an opening bracket
                    cut -= 1  # end a line
                lines.append(kept[:cut])
                line = kept[cut:] + token
                continue
            if token.isspace():
                lines.append(line)
                line = ""
                continue
            opening = ""
            if len(line.rstrip()) > 1 and line.rstrip()[-1] in _NO_LINE_END:
                opening, line = line.rstrip()[-1], line.rstrip()[:-1]  # "（" goes down too
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            token = opening + token
            while (
                self.width(token, size) > max_width
                and len(token) > 1
                and not _AMOUNT.fullmatch(token)
            ):
                cut = len(token) - 1
                while cut > 1 and self.width(token[:cut], size) > max_width:
                    cut -= 1
                lines.append(token[:cut])
                token = token[cut:]
            line = token
        if line.strip() or not lines:
            lines.append(line.rstrip())
        return lines
