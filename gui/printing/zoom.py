"""Zoom and page navigation for the print preview: fit width, fit page, +/−, Ctrl+wheel,
and "page i of n" (Page Up/Down), so a landscape route sheet can be read on a laptop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0


class ZoomBar(QWidget):
    def __init__(self, view: QPdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.fit_width_button = QPushButton()
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button = QPushButton()
        self.fit_page_button.clicked.connect(self.fit_page)
        self.out_button = QPushButton("−")
        self.out_button.clicked.connect(self.zoom_out)
        self.in_button = QPushButton("+")
        self.in_button.clicked.connect(self.zoom_in)
        self.zoom_label = QLabel()
        self.page_label = QLabel()
        self.page = QSpinBox()
        self.page.setMinimum(1)
        self.page.valueChanged.connect(self.go_to_page)
        self.of_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.fit_width_button, self.fit_page_button, self.out_button,
                       self.zoom_label, self.in_button):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.page_label, self.page, self.of_label):
            layout.addWidget(widget)
        self.page_label.setBuddy(self.page)
        # Keyboard: Ctrl++ / Ctrl+- / Ctrl+0 (fit width), Page Up / Page Down.
        self.shortcuts = [
            QShortcut(QKeySequence.StandardKey.ZoomIn, view.window(), self.zoom_in),
            QShortcut(QKeySequence("Ctrl+="), view.window(), self.zoom_in),
            QShortcut(QKeySequence.StandardKey.ZoomOut, view.window(), self.zoom_out),
            QShortcut(QKeySequence("Ctrl+0"), view.window(), self.fit_width),
            QShortcut(QKeySequence(Qt.Key.Key_PageDown), view.window(), self.next_page),
            QShortcut(QKeySequence(Qt.Key.Key_PageUp), view.window(), self.previous_page),
        ]
        self._wheel = _CtrlWheel(self)
        view.viewport().installEventFilter(self._wheel)
        view.zoomFactorChanged.connect(self._show_zoom)
        view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.retranslate()

    # --- zoom ----------------------------------------------------------------------
    def zoom(self) -> float:
        return self.view.zoomFactor()

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(ZOOM_MAX, max(ZOOM_MIN, factor)))
        self._show_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def _show_zoom(self, *_args: object) -> None:
        mode = self.view.zoomMode()
        if mode is QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(self.tr("fit width"))
        elif mode is QPdfView.ZoomMode.FitInView:
            self.zoom_label.setText(self.tr("fit page"))
        else:
            self.zoom_label.setText(f"{round(self.zoom() * 100)}%")

    # --- pages ---------------------------------------------------------------------
    def page_count(self) -> int:
        document = self.view.document()
        return document.pageCount() if document is not None else 0

    def current_page(self) -> int:
        """The page shown, counting from 1."""
        return self.view.pageNavigator().currentPage() + 1

    def go_to_page(self, number: int) -> None:
        if 1 <= number <= self.page_count() and number != self.current_page():
            self.view.pageNavigator().jump(number - 1, QPointF(), self.view.zoomFactor())

    def next_page(self) -> None:
        self.page.setValue(min(self.page_count(), self.current_page() + 1))

    def previous_page(self) -> None:
        self.page.setValue(max(1, self.current_page() - 1))

    def _show_page(self, index: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)

    def refresh(self) -> None:
        """After the document loaded: the page count and the first page."""
        self.page.setMaximum(max(1, self.page_count()))
        self.of_label.setText(self.tr("of {n}").format(n=self.page_count()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.fit_width_button.setText(self.tr("Fit &width"))
        self.fit_page_button.setText(self.tr("Fit p&age"))
        self.out_button.setToolTip(self.tr("Zoom out (Ctrl+−, or Ctrl+wheel)"))
        self.in_button.setToolTip(self.tr("Zoom in (Ctrl++, or Ctrl+wheel)"))
        self.page_label.setText(self.tr("Pa&ge"))
        self.refresh()
        self._show_zoom()


class _CtrlWheel(QObject):
    """Ctrl+wheel zooms (as in every PDF viewer); the plain wheel scrolls."""

    def __init__(self, bar: ZoomBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.angleDelta().y() > 0:
                self.bar.zoom_in()
            elif event.angleDelta().y() < 0:
                self.bar.zoom_out()
            return True
        return super().eventFilter(watched, event)
