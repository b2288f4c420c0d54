"""Machine-readable statement numbers: a Code 128 barcode for the paper slip (every
desk scanner reads it, 1D and 2D alike, and types the number into the field that has
the focus) and a QR code for the phone images (a 2D scanner reads it off a screen)."""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

BAR = 0.33 * mm  # the narrowest bar: 13 mil, within what office laser printers keep sharp


def barcode(value: str, height: float) -> Code128:
    """`value` as a Code 128 barcode `height` points tall, with its quiet zones."""
    return Code128(value, barWidth=BAR, barHeight=height, humanReadable=False, quiet=True)


def draw_barcode(c: Canvas, value: str, right: float, bottom: float, height: float) -> float:
    """Draw `value`'s barcode ending at `right` (its quiet zone included), standing on
    `bottom`; returns its width."""
    code = barcode(value, height)
    code.drawOn(c, right - code.width, bottom)
    return code.width


def qr_drawing(value: str, size: float) -> Drawing:
    """`value` as a QR code `size` points square (medium error correction)."""
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing
