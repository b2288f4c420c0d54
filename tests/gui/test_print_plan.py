"""How a PDF goes to the printer (issue 19, item 10), decided without a printer: each
page 1:1 on paper of its own size and orientation, duplex by orientation, 300 dpi at
most, grey unless a page has colour, and the PDF itself to a CUPS queue."""

from __future__ import annotations

import ast
from pathlib import Path

from gui.printing import plan
from gui.printing.plan import Duplex, Orientation, Route, SourcePage

A4 = (595.2756, 841.8898)
A5 = (419.5276, 595.2756)


def _packet() -> list[SourcePage]:
    """A route sheet (A4 landscape, 2 pages), statements (A4 portrait), an A5 IOU."""
    sizes = [(A4[1], A4[0])] * 2 + [A4] * 3 + [(A5[1], A5[0])] + [A4]
    return [SourcePage(n, w, h) for n, (w, h) in enumerate(sizes)]


def test_each_page_keeps_its_size_and_orientation_at_scale_one() -> None:
    plans = plan.plan_pages(_packet(), duplex=False, printer_dpi=600)
    assert [p.orientation for p in plans[:3]] == [
        Orientation.LANDSCAPE,
        Orientation.LANDSCAPE,
        Orientation.PORTRAIT,
    ]
    for page, source in zip(plans, _packet(), strict=True):
        assert page.size == (source.width, source.height)  # as the source, not fitted
        assert page.paper[0] <= page.paper[1]  # paper named portrait, then turned
        x, y, w, h = page.target(600)
        assert (x, y) == (0, 0)  # from the paper's corner
        assert abs(w - source.width / 72 * 600) < 1e-6 and abs(h - source.height / 72 * 600) < 1e-6
    assert all(p.duplex is Duplex.NONE for p in plans)


def test_duplex_long_edge_for_portrait_short_for_landscape() -> None:
    plans = plan.plan_pages(_packet(), duplex=True)
    assert [p.duplex for p in plans] == [Duplex.SHORT_EDGE] * 2 + [Duplex.LONG_EDGE] * 3 + [
        Duplex.SHORT_EDGE,
        Duplex.LONG_EDGE,
    ]
    assert [[p.index for p in run] for run in plan.runs(plans)] == [[0, 1], [2, 3, 4], [5], [6]]
    one_sided = plan.plan_pages(_packet(), duplex=False)
    assert len(plan.runs(one_sided)) == 1  # one job when nothing differs


def test_resolution_is_at_most_300_dpi() -> None:
    assert plan.raster_dpi(1200) == 300
    assert plan.raster_dpi(600) == 300
    assert plan.raster_dpi(300) == 300
    assert plan.raster_dpi(200) == 200  # a 200-dpi printer gets no more than it prints
    assert plan.raster_dpi(96) == 300  # a screen-resolution PDF writer: a printer's 300
    [page] = plan.plan_pages([SourcePage(0, *A4)], duplex=False, printer_dpi=1200)
    assert page.pixels() == (2480, 3508)  # A4 at 300 dpi, not 9921 × 14032 at 1200
    assert page.pixels(colour=True) == (1654, 2339)  # colour: 200 dpi


def test_grey_pages_and_grey_jobs() -> None:
    white = bytes([255, 255, 255, 255]) * 10
    near_grey = bytes([0, 1, 2, 255, 160, 162, 161, 255])  # a grey rendered a step off
    red = bytes([0, 0, 180, 255])  # |red − its grey| in its red channel
    assert plan.is_grey(bytes([0, 0, 0, 255]) * 4)
    assert plan.is_grey(bytes(4) + bytes([3, 2, 1, 255]))
    assert not plan.is_grey(bytes(4) + red)
    assert not plan.is_grey(near_grey[4:])  # 160+ off grey is colour
    assert plan.is_grey(white[:0])
    assert plan.grey_job([False, False]) and not plan.grey_job([False, True])


def test_cups_for_a_queue_on_mac_and_linux_qt_on_windows_and_files() -> None:
    assert plan.choose_route(platform="linux", to_file=False, cups_queue=True) is Route.CUPS
    assert plan.choose_route(platform="darwin", to_file=False, cups_queue=True) is Route.CUPS
    assert plan.choose_route(platform="darwin", to_file=False, cups_queue=False) is Route.QT
    assert plan.choose_route(platform="win32", to_file=False, cups_queue=True) is Route.QT
    assert plan.choose_route(platform="linux", to_file=True, cups_queue=True) is Route.QT


def test_lp_commands_send_the_pdf_as_it_is() -> None:
    pages = _packet()
    one = plan.lp_commands("Laser", "/tmp/p.pdf", "城东线", plan.plan_pages(pages, duplex=False),
                           page_count=len(pages))  # fmt: skip
    assert one == [
        ["lp", "-d", "Laser", "-t", "城东线", "-n", "1", "-o", "sides=one-sided",
         "-o", "print-scaling=none", "--", "/tmp/p.pdf"],
    ]  # fmt: skip
    two = plan.lp_commands("Laser", "/tmp/p.pdf", "t", plan.plan_pages(pages, duplex=True),
                           page_count=len(pages), copies=2)  # fmt: skip
    assert [c[c.index("-o") + 1] for c in two] == [
        "sides=two-sided-short-edge",
        "sides=two-sided-long-edge",
        "sides=two-sided-short-edge",
        "sides=two-sided-long-edge",
    ]
    assert [c for c in two[1] if c.startswith("page-ranges")] == ["page-ranges=3-5"]
    assert two[0][two[0].index("-n") + 1] == "2"
    assert (
        plan.page_ranges(plan.plan_pages([pages[0], pages[2], pages[3]], duplex=False)) == "1,3-4"
    )


def test_the_plan_needs_no_qt() -> None:
    source = (Path(plan.__file__)).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom | ast.Import):
            names = [node.module] if isinstance(node, ast.ImportFrom) else [
                a.name for a in node.names]  # fmt: skip
            assert not any(str(n).startswith("PySide6") for n in names)


def test_grey_levels_keep_black_white_and_order() -> None:
    table = plan.grey_levels(16)
    assert table[0] == 0 and table[255] == 255
    assert len(set(table)) == 16
    assert list(table) == sorted(table)
    assert all(abs(table[v] - v) <= 9 for v in range(256))  # never far from the shade
