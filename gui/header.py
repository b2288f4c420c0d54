"""Table headers whose sort arrow sits beside the text, never on it.

Fusion and the Windows styles draw the arrow in the middle of the section, over a short
header's text ("Balance" with a triangle through it). This style keeps room at the right
edge for the arrow and draws the label in what is left.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QWidget

ARROW = 8  # the arrow's size in pixels
GAP = 4  # between the label, the arrow and the edge


def header_rects(rect: QRect) -> tuple[QRect, QRect]:
    """(label, arrow) inside a section's rect when it shows a sort arrow."""
    arrow = QRect(rect.right() - GAP - ARROW + 1, rect.center().y() - ARROW // 2, ARROW, ARROW)
    label = QRect(rect.left() + GAP, rect.top(), rect.width() - 3 * GAP - ARROW, rect.height())
    return label, arrow


class ArrowBesideTextStyle(QProxyStyle):
    def drawControl(  # noqa: N802
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            element != QStyle.ControlElement.CE_Header
            or not isinstance(option, QStyleOptionHeader)
            or option.sortIndicator == QStyleOptionHeader.SortIndicator.None_
        ):
            super().drawControl(element, option, painter, widget)
            return
        label_rect, arrow_rect = header_rects(option.rect)
        self.drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, widget)
        label = QStyleOptionHeader(option)
        label.rect = label_rect
        self.drawControl(QStyle.ControlElement.CE_HeaderLabel, label, painter, widget)
        arrow = QStyleOptionHeader(option)
        arrow.rect = arrow_rect
        self.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, arrow, painter, widget)

    def sizeFromContents(  # noqa: N802
        self,
        contents: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        """A section is wide enough for its text and the arrow beside it."""
        result = super().sizeFromContents(contents, option, size, widget)
        if contents == QStyle.ContentsType.CT_HeaderSection and isinstance(
            option, QStyleOptionHeader
        ):
            text = option.fontMetrics.horizontalAdvance(option.text)
            result.setWidth(max(result.width(), text + 4 * GAP + ARROW))
        return result


_styles: list[ArrowBesideTextStyle] = []  # one, alive as long as the application


def keep_arrow_beside_text(header: QWidget) -> None:
    """Give a header the style above."""
    if not _styles:
        _styles.append(ArrowBesideTextStyle())
    header.setStyle(_styles[0])
