"""How a PDF goes to the printer, decided without Qt: each page 1:1 on paper of its own
size and orientation, the duplex mode of each run of pages, the resolution and colour
of a rasterised page, and whether the file can go to a CUPS queue as it is.

The old path drew every page as a full-colour bitmap at the printer's resolution
(600–1200 dpi), fitted into the printable area: megabytes per page, and a landscape
route sheet shrunk onto portrait paper. Here:

- **CUPS** (macOS, Linux, a named queue): the PDF itself is sent with ``lp`` — vector,
  the size of the file; CUPS places each page on its paper and the job's ``sides``
  option turns duplex on.
- **Qt** (Windows, or any printer Qt drives itself, a PDF file included): each page is
  rendered at ``RASTER_DPI`` (300, never more than the printer's own), in 8-bit grey
  (16 shades) when no page of its job has colour, else in colour at ``COLOUR_DPI`` (200), and drawn at its exact size from the paper's
  corner. Qt fixes duplex and colour mode per job, so each run of pages with the same
  duplex mode is a job of its own.

`gui.printing.printers` drives Qt with these decisions; this module is what the tests
check without a printer.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

POINTS_PER_INCH = 72.0
RASTER_DPI = 300  # plenty for 9-pt text on a laser; 600 would quadruple the job
COLOUR_DPI = 200  # a colour page is 3 bytes a pixel (and a JPEG in Qt's PDF writer)
LOW_DPI = 150  # below this a "printer" is a screen-resolution PDF writer, not a printer


class Orientation(enum.Enum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class Duplex(enum.Enum):
    """Matches QPrinter.DuplexMode's None / LongSide / ShortSide."""

    NONE = "one-sided"
    LONG_EDGE = "two-sided-long-edge"
    SHORT_EDGE = "two-sided-short-edge"


class Route(enum.Enum):
    CUPS = "cups"  # the PDF as it is, to a CUPS queue with lp
    QT = "qt"  # pages drawn through QPrinter (Windows, PDF files)


@dataclass(frozen=True)
class SourcePage:
    """One page of the PDF: its size in points as shown (width across)."""

    index: int  # from 0
    width: float
    height: float


@dataclass(frozen=True)
class PagePlan:
    """How one page is printed: on paper `paper` (portrait width × height, points) turned
    to `orientation`, drawn at scale 1 from the paper's top-left corner; rasterised at
    `dpi` (grey unless the page has colour) when it goes through Qt."""

    index: int
    paper: tuple[float, float]
    orientation: Orientation
    duplex: Duplex
    dpi: int

    def colour_dpi(self) -> int:
        """The resolution of this page in a colour job: `COLOUR_DPI` at most, so that a
        colour page costs about what a grey one does at 300 dpi."""
        return min(self.dpi, COLOUR_DPI)

    @property
    def size(self) -> tuple[float, float]:
        """The page as drawn, in points (width, height) — the source page's size."""
        short, long = self.paper
        return (long, short) if self.orientation is Orientation.LANDSCAPE else (short, long)

    def pixels(self, colour: bool = False) -> tuple[int, int]:
        """The raster's size: the page at `dpi` (a colour page at `colour_dpi`), rounded
        to whole pixels."""
        width, height = self.size
        dpi = self.colour_dpi() if colour else self.dpi
        return (round(width * dpi / POINTS_PER_INCH), round(height * dpi / POINTS_PER_INCH))

    def target(self, device_dpi: float) -> tuple[float, float, float, float]:
        """Where the page goes on the printer, in its device pixels: x, y, width, height.
        1:1 — the page's own size, from the paper's corner (full-page mode)."""
        width, height = self.size
        scale = device_dpi / POINTS_PER_INCH
        return (0.0, 0.0, width * scale, height * scale)


def orientation_of(width: float, height: float) -> Orientation:
    return Orientation.LANDSCAPE if width > height else Orientation.PORTRAIT


def duplex_for(orientation: Orientation) -> Duplex:
    """Two-sided printing turns a portrait page over its long edge and a landscape page
    over its short edge: either way the back reads the same way up as the front."""
    return Duplex.LONG_EDGE if orientation is Orientation.PORTRAIT else Duplex.SHORT_EDGE


def raster_dpi(printer_dpi: int) -> int:
    """The resolution pages are rendered at: the printer's, at most `RASTER_DPI`. A
    screen-resolution device (a PDF writer at 72–96 dpi) gets `RASTER_DPI` too."""
    if printer_dpi < LOW_DPI:
        return RASTER_DPI
    return min(printer_dpi, RASTER_DPI)


def plan_pages(
    pages: Iterable[SourcePage], *, duplex: bool, printer_dpi: int = RASTER_DPI
) -> list[PagePlan]:
    """Each page on paper of its own size and orientation; when two-sided printing is
    asked, each page's duplex mode follows its orientation."""
    dpi = raster_dpi(printer_dpi)
    plans = []
    for page in pages:
        orientation = orientation_of(page.width, page.height)
        paper = (min(page.width, page.height), max(page.width, page.height))
        mode = duplex_for(orientation) if duplex else Duplex.NONE
        plans.append(PagePlan(page.index, paper, orientation, mode, dpi))
    return plans


def runs(plans: Sequence[PagePlan]) -> list[list[PagePlan]]:
    """Consecutive pages printed with the same duplex mode: each run is one CUPS job
    (``sides`` holds for a whole job). Without duplex the whole document is one run."""
    out: list[list[PagePlan]] = []
    for plan in plans:
        if out and out[-1][-1].duplex is plan.duplex:
            out[-1].append(plan)
        else:
            out.append([plan])
    return out


GREY_TOLERANCE = 24  # of 255: PDF greys render a step or two off grey; red is ~180 off


def is_grey(difference: bytes | memoryview) -> bool:
    """True when a page is a shade of grey, given the 32-bit pixels (B, G, R, A bytes) of
    |page − the page turned grey|: no channel is further than `GREY_TOLERANCE` from
    grey. Such a page is rendered in 8-bit grey, a third of the colour raster."""
    data = bytes(difference)
    return max(max(data[0::4], default=0), max(data[1::4], default=0),
               max(data[2::4], default=0)) <= GREY_TOLERANCE  # fmt: skip


GREY_LEVELS = 16  # a laser halftones grey anyway; 16 levels keep text edges smooth


def grey_levels(levels: int = GREY_LEVELS) -> bytes:
    """A byte table (for ``bytes.translate``) that rounds 8-bit grey to `levels` evenly
    spaced shades, black and white kept: the raster compresses a third smaller."""
    step = 255 / (levels - 1)
    return bytes(round(round(v / step) * step) for v in range(256))


def grey_job(page_has_colour: Sequence[bool]) -> bool:
    """A job is printed in grey unless one of its pages has colour (Qt sets the colour
    mode per job; grey rasters are a third of colour ones, and not JPEG-blurred)."""
    return not any(page_has_colour)


def choose_route(*, platform: str, to_file: bool, cups_queue: bool) -> Route:
    """CUPS when the printer is a CUPS queue on macOS or Linux (the PDF as it is);
    Qt otherwise: Windows, a PDF file, or a printer CUPS does not know."""
    if to_file or platform.startswith("win"):
        return Route.QT
    return Route.CUPS if cups_queue else Route.QT


def page_ranges(plans: Sequence[PagePlan]) -> str:
    """CUPS ``page-ranges`` for these pages (1-based, neighbours merged): "1-2,5"."""
    spans: list[list[int]] = []
    for n in sorted(p.index + 1 for p in plans):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def lp_commands(
    printer: str,
    pdf: str,
    title: str,
    plans: Sequence[PagePlan],
    *,
    page_count: int,
    copies: int = 1,
) -> list[list[str]]:
    """The ``lp`` commands that print `pdf` (of `page_count` pages) on the CUPS queue
    `printer`: one job per run of pages with the same duplex mode, unscaled."""
    commands = []
    for run in runs(plans):
        command = ["lp", "-d", printer, "-t", title, "-n", str(max(copies, 1))]
        command += ["-o", f"sides={run[0].duplex.value}"]
        command += ["-o", "print-scaling=none"]  # 1:1: no fit-to-page by CUPS
        if len(run) != page_count:
            command += ["-o", f"page-ranges={page_ranges(run)}"]
        command += ["--", pdf]
        commands.append(command)
    return commands
