"""Tables: columns, their widths taken from the page or from the content, cells, and
the `Table` that lays rows out as blocks, wrapping or shrinking text that is wider than
its column and repeating its header row on every page it reaches (see `layout`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from reports.typesetting.layout import HEADER_FILL, INK, MUTED, RULE, SHADE, Block
from reports.typesetting.pen import Pen


def _rgb(color: Color) -> str:
    return f"{color.red:.3f} {color.green:.3f} {color.blue:.3f}"


@dataclass(frozen=True)
class Column:
    """A table column and what happens to text wider than it (`fit`):

    - "wrap": onto as many lines as it needs (the row grows): names, codes, numbers;
    - "shrink": one line, the font steps down until it fits: amounts;
    - "cut": free text (memos) only: wrapped onto up to `lines` lines, the rest cut
      with an ellipsis.

    By default right-aligned columns (amounts) shrink and the others wrap.
    """

    title: str
    width: float
    align: str = "left"  # "left" | "right" | "center"
    lines: int = 1  # for fit="cut": lines before the ellipsis
    fit: str = ""  # "wrap" | "shrink" | "cut"; "" = by alignment

    @property
    def mode(self) -> str:
        return self.fit or ("shrink" if self.align == "right" else "wrap")


def widths(total: float, shares: Sequence[float], *, minimum: Sequence[float] = ()) -> list[float]:
    """Split `total` points among columns in proportion to `shares`, giving each at
    least its `minimum` (when given): column widths follow the page, not fixed points.
    When even the minimums do not fit, they are scaled down together."""
    mins = list(minimum) or [0.0] * len(shares)
    if sum(mins) >= total:
        return [total * m / sum(mins) for m in mins]
    fixed: set[int] = set()
    while True:
        free = total - sum(mins[i] for i in fixed)
        rest = sum(s for i, s in enumerate(shares) if i not in fixed)
        out = [mins[i] if i in fixed else free * shares[i] / rest for i in range(len(shares))]
        short = {i for i, w in enumerate(out) if i not in fixed and w < mins[i]}
        if not short:
            return out
        fixed |= short


def fit_widths(
    total: float, natural: Sequence[float], least: Sequence[float], flex: int, flex_min: float
) -> list[float]:
    """Column widths from the content: each column at its `natural` width (its widest
    text at the body size), column `flex` (free text) the rest. When they do not fit, the
    other columns give way together towards their `least` width (the same text at the
    smallest type, 7 pt), and the flex column keeps at least `flex_min`."""
    others = [w for i, w in enumerate(natural) if i != flex]
    lows = [w for i, w in enumerate(least) if i != flex]
    need = sum(others) + flex_min - total
    give = sum(o - lo for o, lo in zip(others, lows, strict=True))
    if need > 0 and give > 0:
        ratio = min(1.0, need / give)
        others = [o - ratio * (o - lo) for o, lo in zip(others, lows, strict=True)]
    out = list(others)
    out.insert(flex, max(flex_min if need > 0 else 0.0, total - sum(others)))
    return out


@dataclass(frozen=True)
class Cell:
    """A table cell: one or more lines of text and how they look.

    Only the first line (the main text) is struck through and coloured; later lines are
    notes (grey). Each is wrapped to the column's width (unless the column shrinks its
    text), and a main text may hold line breaks.
    """

    text: str | tuple[str, ...]
    bold: bool = False
    strike: bool = False
    color: Color | None = None
    size: float | None = None
    note_color: Color | None = None  # default: grey

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.text,) if isinstance(self.text, str) else self.text


CellLike = Cell | str


class Table:
    """Column layout with a header row and rows of cells, drawn as blocks.

    `grid=True` draws every cell border (forms to fill in by hand); otherwise rows are
    separated by hairlines, which reads better for long statements.
    """

    def __init__(
        self,
        pen: Pen,
        columns: Sequence[Column],
        left: float,
        *,
        size: float = 8.5,
        row_height: float = 14.0,
        header_height: float = 16.0,
        pad: float = 3.0,
        grid: bool = False,
        header_size: float | None = None,
        leading: float = 1.25,
        vpad: float | None = None,
        valign: str = "middle",
    ) -> None:
        self.pen = pen
        self.columns = tuple(columns)
        self.left = left
        self.size = size
        self.row_height = row_height
        self.header_height = header_height
        self.pad = pad
        self.grid = grid
        self.header_size = header_size or size
        self.leading = leading  # line step as a multiple of the font size
        self.vpad = size * 0.5 if vpad is None else vpad  # room above and below the lines
        self.valign = valign  # "middle" | "top": where a cell's lines sit in a taller row
        xs = [left]
        for col in self.columns:
            xs.append(xs[-1] + col.width)
        self.xs = xs
        self.width = xs[-1] - left
        # Column titles wrap too (a narrow page), and the header row grows to hold them;
        # a title whose longest word is wider than its column is set smaller instead of
        # breaking the word ("Custome / r").
        self._title_sizes = [
            min(
                (
                    pen.size_to_fit(word, self.header_size, self.cell_width(i) * 0.97, 1.0)
                    for word in col.title.split()
                    if word.isascii()  # Chinese wraps between any two characters
                ),
                default=self.header_size,
            )
            for i, col in enumerate(self.columns)
        ]
        self._titles = [
            pen.wrap(col.title, self._title_sizes[i], self.cell_width(i))
            for i, col in enumerate(self.columns)
        ]
        tallest = max((len(t) for t in self._titles), default=1)
        self.header_height = max(header_height, tallest * self.header_size * 1.15 + 5)
        self._header = Block(
            self.header_height, self._draw_header, keep_with_next=True, sticky=True
        )

    def header(self) -> Block:
        """The column-title row; the same block is repeated on continuation pages."""
        return self._header

    def _draw_header(self, c: Canvas, top: float) -> None:
        h = self.header_height
        c.saveState()
        c.setFillColor(HEADER_FILL)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(self.left, top - h, self.width, h, fill=1, stroke=1)
        if self.grid:
            for x in self.xs[1:-1]:
                c.line(x, top, x, top - h)
        c.restoreState()
        step = self.header_size * 1.15
        for i, col in enumerate(self.columns):
            lines = self._titles[i]
            first = top - (h - len(lines) * step) / 2
            for k, line in enumerate(lines):
                base = first - step * (k + 0.5) - self.header_size * 0.35
                self._text(c, i, base, line, self._title_sizes[i], bold=True, align=col.align)

    def _text(
        self,
        c: Canvas,
        i: int,
        baseline: float,
        text: str,
        size: float,
        *,
        align: str,
        bold: bool = False,
        strike: bool = False,
        color: Color | None = None,
    ) -> None:
        """Draw one line in column `i`: too wide, it is drawn smaller (or, in a memo
        column, cut)."""
        x0, x1 = self.xs[i] + self.pad, self.xs[i + 1] - self.pad
        x = {"left": x0, "right": x1, "center": (x0 + x1) / 2}[align]
        self.pen.draw(
            c,
            x,
            baseline,
            text,
            size,
            align=align,
            bold=bold,
            strike=strike,
            color=color,
            max_width=x1 - x0,
            cut=self.columns[i].mode == "cut",
        )

    def cell_width(self, i: int) -> float:
        """Room for text in column `i` (its width less padding)."""
        return self.columns[i].width - 2 * self.pad

    def _layout(self, i: int, cell: Cell, size: float) -> list[tuple[str, bool]]:
        """The lines of `cell` in column `i`: ``(text, is_main)``; the main text (the
        first line) and each note are wrapped unless the column shrinks its text."""
        col = self.columns[i]
        mode = col.mode
        room = self.cell_width(i)
        out: list[tuple[str, bool]] = []
        for k, text in enumerate(cell.lines):
            if mode == "shrink" or not text:
                parts = text.splitlines() or [text]
            elif "\n" in text or self.pen.width(text, size) > room:
                limit = col.lines if mode == "cut" else None
                parts = self.pen.wrap(text, size, room, max_lines=limit)
            else:
                parts = [text]
            out.extend((part, k == 0) for part in parts)
        return out

    def row(
        self,
        cells: Sequence[CellLike],
        *,
        height: float | None = None,
        shade: bool = False,
        rule_above: bool = False,
        keep_with_next: bool = False,
        with_header: bool = True,
        band: float = 0.0,
    ) -> Block:
        """A row block; multi-line cells set their lines from the top of the row (or
        centred, per the table's `valign`). `height` is a minimum: a row grows to hold
        wrapped text."""
        norm = [c if isinstance(c, Cell) else Cell(c) for c in cells]
        laid = [self._layout(i, cell, cell.size or self.size) for i, cell in enumerate(norm)]
        lines = max((len(cell) for cell in laid), default=1)
        line_step = self.size * self.leading
        h = max(height or self.row_height, lines * line_step + self.vpad)
        top_aligned = self.valign == "top"

        def draw(c: Canvas, top: float) -> None:
            # Rules as raw PDF operators: a batch draws hundreds of thousands of them, and
            # reportlab's per-call number formatting was a fifth of the time.
            left, right, bottom = self.left, self.left + self.width, top - h
            ops = ["q"]
            if shade:
                ops.append(
                    f"{_rgb(SHADE)} rg {left:.2f} {bottom:.2f} {self.width:.2f} {h:.2f} re f"
                )
            ops.append(f"{_rgb(RULE)} RG 0.4 w")
            if self.grid:
                ops.append(f"{left:.2f} {bottom:.2f} {self.width:.2f} {h:.2f} re S")
                # With `band`, the rules after the first column stop above a band of that
                # height at the foot of the row: one cell across (a stop's details).
                ops.extend(
                    f"{x:.2f} {top:.2f} m {x:.2f} {bottom + (band if k else 0):.2f} l S"
                    for k, x in enumerate(self.xs[1:-1])
                )
                if band:
                    y = bottom + band
                    ops.append(f"{self.xs[1]:.2f} {y:.2f} m {right:.2f} {y:.2f} l S")
            else:
                ops.append(f"{left:.2f} {bottom:.2f} m {right:.2f} {bottom:.2f} l S")
            if rule_above:
                ops.append(f"{_rgb(INK)} RG 0.8 w {left:.2f} {top:.2f} m {right:.2f} {top:.2f} l S")
            ops.append("Q")
            c._code.append(" ".join(ops))
            for i, cell in enumerate(norm):
                size = cell.size or self.size
                parts = laid[i]
                n = len(parts)
                # Each line is centred in its line box; the block of lines sits at the
                # top of the row (top-aligned tables) or in its middle.
                first = top - (self.vpad / 2 if top_aligned else (h - n * line_step) / 2)
                for k, (text, main) in enumerate(parts):
                    self._text(
                        c,
                        i,
                        first - line_step * (k + 0.5) - size * 0.35,
                        text,
                        size,
                        align=self.columns[i].align,
                        bold=cell.bold,
                        strike=cell.strike and main,
                        color=cell.color if main else (cell.color or cell.note_color or MUTED),
                    )

        return Block(
            h, draw, keep_with_next=keep_with_next, header=self._header if with_header else None
        )
