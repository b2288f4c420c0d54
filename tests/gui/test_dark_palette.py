"""Dark mode (issue 20, 14): with a light and with a dark palette applied to the app,
every colour the screens set on text reads against the background it is drawn on
(WCAG contrast ratio ≥ 4.5), and a cell given a background also gets its text colour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gui import colours
from gui.customers.table_model import CustomerListModel
from gui.importing.steps import COLUMNS_PAGE
from gui.importing.wizard import ImportWizard
from gui.mainwindow import MainWindow
from gui.widgets import ErrorLabel
from models.exchange.importing.columns import ImportKind

Role = QPalette.ColorRole


def luminance(color: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(fg: QColor, bg: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_contrast_helper() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    # What the issue saw: dark red and #666 on a dark window.
    assert contrast(QColor("#b41e1e"), QColor("#2d2d2d")) < 4.5
    assert contrast(QColor("#666666"), QColor("#2d2d2d")) < 4.5


def _palette(dark: bool) -> QPalette:
    """The light palette, or a dark one as macOS and Windows give in dark mode."""
    if not dark:
        pal = QPalette(QColor("#efefef"))
        for role, color in ((Role.Base, "#ffffff"), (Role.Text, "#000000")):
            pal.setColor(role, QColor(color))
        pal.setColor(Role.WindowText, QColor("#000000"))
        return pal
    pal = QPalette(QColor("#323232"))
    for role, color in (
        (Role.Window, "#323232"),
        (Role.WindowText, "#f0f0f0"),
        (Role.Base, "#1e1e1e"),
        (Role.AlternateBase, "#2a2a2a"),
        (Role.Text, "#f0f0f0"),
        (Role.Button, "#3c3c3c"),
        (Role.ButtonText, "#f0f0f0"),
        (Role.Highlight, "#2f65ca"),
        (Role.HighlightedText, "#ffffff"),
    ):
        pal.setColor(role, QColor(color))
    return pal


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    before = QGuiApplication.palette()
    pal = _palette(request.param == "dark")
    QApplication.setPalette(pal)
    try:
        yield pal
    finally:
        QApplication.setPalette(before)


def _style_colour(label: QLabel) -> QColor:
    found = re.search(r"color:\s*(#[0-9a-fA-F]{6})", label.styleSheet())
    assert found, label.styleSheet()
    return QColor(found.group(1))


def test_every_text_colour_reads_on_both_backgrounds(palette: QPalette) -> None:
    assert colours.is_dark(palette) == (palette.color(Role.Window).lightness() < 128)
    for name in ("error", "warning", "good", "muted"):
        color = getattr(colours, name)()
        for role in (Role.Window, Role.Base, Role.AlternateBase):
            ratio = contrast(color, palette.color(role))
            assert ratio >= 4.5, f"{name} {color.name()} on {role.name}: {ratio:.2f}"


def test_the_error_line_reads(palette: QPalette, qtbot: QtBot) -> None:
    label = ErrorLabel()
    qtbot.addWidget(label)
    fg, bg = label.palette().color(Role.WindowText), label.palette().color(Role.Window)
    assert contrast(fg, bg) >= 4.5


def test_the_import_wizards_problem_cell_reads(
    palette: QPalette, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("编号,名称,期初余额,期初日期\nC1,东城王记,12x,2026-11-01\n", encoding="utf-8")
    wizard = window.import_wizard(ImportKind.CUSTOMERS)
    wizard.path.setText(str(path))
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.problems.count() > 0)
    wizard.problems.setCurrentRow(0)
    row = wizard.problem_row.currentRow()
    marked = 0
    for column in range(2):
        item = wizard.problem_row.item(row, column)
        bg, fg = item.background(), item.foreground()
        assert bg.style() != Qt.BrushStyle.NoBrush and fg.style() != Qt.BrushStyle.NoBrush
        assert contrast(fg.color(), bg.color()) >= 4.5
        marked += 1
    assert marked == 2
    # The cells left alone draw the palette's own text on its own base.
    plain = wizard.problem_row.item(0 if row else 1, 1)
    assert plain.background().style() == Qt.BrushStyle.NoBrush
    assert isinstance(wizard, ImportWizard)
    wizard.reject()


def test_marked_labels_and_warnings_read(
    palette: QPalette, window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    """The form's marked label and the posting dialog's warning."""
    from gui.posting.dialogs import PostingDialog
    from models.ledger import customers
    from models.vocabulary.entry_records import EntryKind

    dialog = PostingDialog(window.ops, customers.get_customer(shop), EntryKind.PAYMENT, window)
    qtbot.addWidget(dialog)
    bg = dialog.palette().color(Role.Window)
    assert contrast(_style_colour(dialog.warnings), bg) >= 4.5
    dialog.show_error("bad", dialog.amount)
    marked = dialog.label_of(dialog.amount)
    assert marked is not None and contrast(_style_colour(marked), bg) >= 4.5
    dialog.reject()


def test_the_customer_lists_red_reads(palette: QPalette) -> None:
    brush = colours.error()
    assert contrast(brush, palette.color(Role.Base)) >= 4.5
    assert contrast(brush, palette.color(Role.AlternateBase)) >= 4.5
    assert CustomerListModel is not None  # its overdue cells use colours.error()
