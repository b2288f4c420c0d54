"""The print preview fits the screen and can be read there: zoom and page navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from gui.app import Launcher
from gui.printing.documents import Printout
from gui.printing.preview import PreviewDialog


@pytest.fixture
def preview(launcher: Launcher, qtbot: QtBot, tmp_path: Path) -> PreviewDialog:
    path = tmp_path / "three.pdf"
    canvas = Canvas(str(path), pagesize=landscape(A4))
    for page in range(3):
        canvas.drawString(100, 100, f"page {page + 1}")
        canvas.showPage()
    canvas.save()
    dialog = PreviewDialog(Printout(path, "route sheet", ""))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() == 3)
    return dialog


def test_preview_fills_but_fits_the_screen(preview: PreviewDialog) -> None:
    area = preview.screen().availableGeometry()
    assert area.contains(preview.frameGeometry())
    assert preview.height() > area.height() * 0.8  # a page is only readable large
    button = preview.close_button
    assert area.contains(button.mapToGlobal(QPoint(button.width(), button.height())))


def test_zoom_buttons_and_keys(preview: PreviewDialog, qtbot: QtBot) -> None:
    bar = preview.zoom
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    bar.fit_page_button.click()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitInView
    bar.set_zoom(1.0)
    bar.in_button.click()
    assert preview.view.zoomFactor() == pytest.approx(1.25)
    assert bar.zoom_label.text() == "125%"
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomFactor() == pytest.approx(1.0)
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth


def test_ctrl_wheel_zooms(preview: PreviewDialog) -> None:
    preview.zoom.set_zoom(1.0)
    viewport = preview.view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(
        centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)
    assert preview.view.zoomFactor() == pytest.approx(1.25)


def test_page_navigation(preview: PreviewDialog, qtbot: QtBot) -> None:
    bar = preview.zoom
    assert bar.of_label.text() == "of 3" and bar.page.maximum() == 3
    bar.page.setValue(3)
    qtbot.waitUntil(lambda: bar.current_page() == 3)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: bar.current_page() == 2)
    assert bar.page.value() == 2
