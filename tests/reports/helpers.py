"""Reading PDFs back for the report tests."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def page_texts(path: str | Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def all_text(path: str | Path) -> str:
    return "\n".join(page_texts(path))


def fonts_of(path: str | Path) -> dict[str, bool]:
    """Base font name → embedded (has a font file), over all pages."""
    found: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def squash(text: str) -> str:
    """Text without whitespace: pypdf may split or join lines differently."""
    return "".join(text.split())
