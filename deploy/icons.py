"""The icon files a build needs, drawn from the one SVG in deploy/assets.

Qt renders the SVG to PNGs; Pillow (already installed with reportlab) packs them into a
Windows .ico and a macOS .icns, so no drawing program or platform tool is needed.
"""

from __future__ import annotations

from pathlib import Path

SVG = Path(__file__).resolve().parent.parent / "gui" / "assets" / "qingkuan.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_png(size: int, target: Path) -> Path:
    """The SVG rendered at size × size pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")
    return target


def write_icons(folder: Path) -> dict[str, Path]:
    """Write qingkuan.png (256 px), qingkuan.ico and qingkuan.icns into `folder`."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(size, folder / f"qingkuan-{size}.png") for size in SIZES}
    largest = Image.open(pngs[512])
    ico = folder / "qingkuan.ico"
    largest.save(ico, sizes=[(s, s) for s in SIZES if s <= 256])
    icns = folder / "qingkuan.icns"
    largest.save(icns)
    png = folder / "qingkuan.png"
    Image.open(pngs[256]).save(png)
    return {"png": png, "ico": ico, "icns": icns}
