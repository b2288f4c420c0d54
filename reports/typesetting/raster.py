"""PDF pages as PNG images, with PDFium (pypdfium2: wheels for Windows, macOS and Linux,
no poppler to install), for documents laid out for a phone screen.

The PDF stays the one source: what the images show is what the PDF states, and tests
read the figures back from the same PDF.
"""

from __future__ import annotations

import io
from pathlib import Path

from reports.typesetting.files import check_destination, write_atomic

PHONE_WIDTH = 1080  # pixels: a phone screenshot's width, what WeChat shows without zoom


def png_pages(pdf: bytes, width: int = PHONE_WIDTH) -> list[bytes]:
    """Each page of `pdf` as a PNG `width` pixels wide (height to scale), on white."""
    import pypdfium2 as pdfium  # here: only the phone images need PDFium loaded

    document = pdfium.PdfDocument(pdf)
    try:
        out = []
        for page in document:
            scale = width / page.get_width()
            image = page.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil()
            if image.width != width:  # rounding of the scale: never a pixel off
                image = image.resize((width, round(image.height * width / image.width)))
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, "PNG", optimize=True)
            out.append(buffer.getvalue())
            page.close()
        return out
    finally:
        document.close()


def page_paths(out: str | Path, count: int) -> list[Path]:
    """Where `count` images go for `out` (``OUT.png``): one image is OUT.png itself;
    several are OUT-1.png, OUT-2.png, … (OUT.png is then not written)."""
    path = Path(out).expanduser()
    if path.suffix.lower() != ".png":
        path = path.with_name(path.name + ".png")
    if count == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, count + 1)]


def write_pngs(out: str | Path, images: list[bytes]) -> list[Path]:
    """Write `images` as `page_paths` says, each whole or not at all; the paths."""
    paths = page_paths(out, len(images))
    for path in paths:
        check_destination(path)  # every destination checked before the first is written
    return [write_atomic(path, data) for path, data in zip(paths, images, strict=True)]
