"""Page geometry and pagination shared by the documents: paper sizes, margins and
frames, the colours, blocks, pages and the laid-out `Document`, and the rules and boxes
drawn on them. Tables, their columns and cells are in `tables`.

Documents are laid out in two passes: first every piece of content becomes a `Block` of
known height and `paginate` assigns blocks to pages (so "page i of n" is known before
anything is drawn), then `Document.draw` paints each page: its running header and footer
(`chrome`), then its blocks. Tables repeat their header row on every page they reach.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, A5, landscape, letter  # noqa: F401 (re-exported)
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.i18n import using_language

INK = Color(0.08, 0.08, 0.08)
MUTED = Color(0.42, 0.42, 0.42)
RULE = Color(0.62, 0.62, 0.62)
SHADE = Color(0.93, 0.93, 0.93)
HEADER_FILL = Color(0.86, 0.88, 0.91)
ACCENT = Color(0.72, 0.1, 0.1)  # reprint stamp and overdue amounts

PAPER_SIZES = {"A4": A4, "A5": A5, "LETTER": letter}

Draw = Callable[[Canvas, float], None]


def paper(name: str, *, wide: bool = False) -> tuple[float, float]:
    """Page size in points for a settings name ("A4", "A5", "Letter"); A4 if unknown."""
    size = PAPER_SIZES.get(name.strip().upper(), A4)
    return landscape(size) if wide else size


@dataclass(frozen=True)
class Frame:
    """Where content goes on a page, in points from the bottom-left corner."""

    left: float
    right: float
    top: float  # top of content on continuation pages
    bottom: float
    first_top: float  # top of content on the first page (below the letterhead)
    page_top: float = 0.0  # the top margin's line: the running header sits under it

    @property
    def width(self) -> float:
        return self.right - self.left


BINDING = 20 * mm  # ISO 838 punch holes sit 9–15 mm from the edge


def margins(size: tuple[float, float], margin: float, binding: bool) -> tuple[float, float, float]:
    """Left, right and top margins: with `binding`, the binding side (the left of a
    portrait page, the top of a landscape one) gets at least `BINDING`."""
    width, height = size
    if not binding:
        return margin, margin, margin
    if height >= width:
        return max(margin, BINDING), margin, margin
    return margin, margin, max(margin, BINDING)


def frame_for(
    size: tuple[float, float],
    *,
    margin: float = 14 * mm,
    head: float = 14 * mm,
    foot: float = 12 * mm,
    binding: bool = False,
) -> Frame:
    """A frame with `margin` at the sides (at least 20 mm on the binding side with
    `binding`) and room for the running header and footer."""
    width, height = size
    left, right, top_margin = margins(size, margin, binding)
    top = height - top_margin - head
    return Frame(left, width - right, top, margin + foot, top, height - top_margin)


@dataclass
class Block:
    """A piece of content of known height; `draw(canvas, top)` paints it from `top` down.

    `keep_with_next` keeps it on the same page as the following block (headings).
    `header` is drawn first when this block opens a page (a table's column titles).
    `at_bottom` sets it at the foot of the page (a tear-off slip), after what precedes it.
    `carry` (long statements) makes the 过次页 / 承前页 rows when a page breaks before it.
    """

    height: float
    draw: Draw
    keep_with_next: bool = False
    header: Block | None = None
    at_bottom: bool = False
    # A table row after which the page may break: makes the "carried forward" row for
    # the foot of the page and the "brought forward" row for the top of the next.
    carry: Callable[[], tuple[Block, Block]] | None = None
    # Never the last block of a page, even in a run too tall for one page that flows
    # (a section heading, a table's header row).
    sticky: bool = False


@dataclass
class Page:
    placed: list[tuple[Block, float]] = field(default_factory=list)


def paginate(blocks: Sequence[Block], frame: Frame) -> list[Page]:
    """Assign `blocks` to pages, top to bottom; always returns at least one page.

    A run of blocks joined by `keep_with_next` moves to a new page together when it does
    not fit; a run too tall for any page flows like separate blocks instead (so a long
    run never leaves a page holding one block each).
    """
    pages = [Page()]
    y = frame.first_top
    room = frame.top - frame.bottom + 0.01  # the height of a continuation page
    carry_room = 0.0  # kept free at the foot of the page for a "carried forward" row
    held = False  # the block placed last is a sticky heading
    i = 0
    while i < len(blocks):
        block = blocks[i]
        # Height of the run of blocks that must stay together with this one.
        need, j = block.height, i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            need += blocks[j].height
        head = block.header.height if block.header is not None else 0.0
        # A sticky heading placed above was placed knowing this block fits under it:
        # only the heading's own hold counts now, or a run that fits a fresh page would
        # move on and leave the heading alone at the foot of this one.
        if need + head > room or held:  # the run can never fit: only this block (and
            need, k = block.height, i  # what a sticky heading holds on to) must
            while blocks[k].sticky and k + 1 < len(blocks):
                k += 1
                need += blocks[k].height
        # Room for a "carried forward" row is kept only while a page may still break
        # after this run: a run that ends the document needs none.
        reserve = carry_room if j < len(blocks) - 1 else 0.0
        fits = y - need - reserve >= frame.bottom - 0.01
        if block.carry is not None and not fits and pages[-1].placed:
            forward, brought = block.carry()
            pages[-1].placed.append((forward, y))
            pages.append(Page())
            y = frame.top
            if block.header is not None:
                pages[-1].placed.append((block.header, y))
                y -= block.header.height
            pages[-1].placed.append((brought, y))
            y -= brought.height
            carry_room = forward.height
        elif not fits and pages[-1].placed:
            pages.append(Page())
            y = frame.top
            if block.header is not None:
                pages[-1].placed.append((block.header, y))
                y -= block.header.height
        if block.carry is not None:
            carry_room = block.carry()[0].height if carry_room == 0.0 else carry_room
        if block.at_bottom:
            y = min(y, frame.bottom + block.height)
        pages[-1].placed.append((block, y))
        y -= block.height
        held = block.sticky
        i += 1
    return pages


@dataclass
class Document:
    """A laid-out document: pages of placed blocks plus the per-page running parts."""

    title: str
    size: tuple[float, float]
    pages: list[Page]
    chrome: Callable[[Canvas, int, int], None]
    kind: str = ""
    file_stem: str = "document"
    lang: str = "zh"
    font: str = ""  # the Latin font, set as the canvas's initial font (no stray Helvetica)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def draw(self, c: Canvas) -> None:
        """Paint every page onto `c`, ending each with ``showPage``.

        Drawing runs in the document's language too, so text that blocks translate while
        drawing matches the text translated while laying out.
        """
        n = len(self.pages)
        with using_language(self.lang):
            for number, page in enumerate(self.pages, start=1):
                c.setPageSize(self.size)
                self.chrome(c, number, n)
                for block, top in page.placed:
                    block.draw(c, top)
                c.showPage()


def spacer(height: float) -> Block:
    """Empty vertical space."""
    return Block(height, lambda c, top: None)


def hline(
    c: Canvas,
    x0: float,
    x1: float,
    y: float,
    *,
    width: float = 0.5,
    color: Color = RULE,
    dash: tuple[float, float] | None = None,
) -> None:
    """A horizontal rule (dashed for cut lines)."""
    c.saveState()
    c.setStrokeColor(color)
    c.setLineWidth(width)
    if dash:
        c.setDash(*dash)
    c.line(x0, y, x1, y)
    c.restoreState()


def box(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    width: float = 0.5,
    color: Color = RULE,
    fill: Color | None = None,
) -> None:
    """A rectangle with its bottom-left corner at (x, y)."""
    c.saveState()
    c.setStrokeColor(color)
    c.setLineWidth(width)
    if fill is not None:
        c.setFillColor(fill)
    c.rect(x, y, w, h, fill=1 if fill is not None else 0, stroke=1)
    c.restoreState()
