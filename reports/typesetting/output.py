"""Writing PDFs safely: whole files or nothing, with errors a clerk can act on.

A PDF is drawn into memory, written to a temporary file in the destination folder and
moved over the destination with `os.replace`, so a failure or a crash never leaves a
half-written file where the user expects a document, and an existing document is only
replaced by a complete new one.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.errors import LedgerError
from models.vocabulary.version import version
from reports.typesetting.files import OutputError, check_destination, write_atomic
from reports.typesetting.layout import Document

__all__ = [
    "OutputError",
    "check_destination",
    "write_atomic",
]  # re-exported: reports.typesetting.files

# Page streams are zlib-compressed binary; reportlab would also ASCII85-encode them, which
# makes files 25% larger and costs a tenth of the time of a 500-statement batch.
rl_config.useA85 = 0


class NothingToPrint(LedgerError):
    """There is no document to make (no open promises, no customers on the route …)."""


def new_canvas(
    target: io.BytesIO, *, title: str = "", author: str = "", subject: str = "", font: str = ""
) -> Canvas:
    """A compressed canvas with the document properties set; `font` is the initial font
    (by default reportlab starts every page in Helvetica, which is not embedded)."""
    kwargs = {"initialFontName": font} if font else {}
    c = Canvas(target, pagesize=A4, pageCompression=1, **kwargs)
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator(f"Qingkuan {version()}")
    return c


def pdf_bytes(docs: Iterable[Document], *, title: str = "", author: str = "") -> bytes:
    """Draw `docs` one after another into one PDF and return its bytes."""
    docs = list(docs)
    buffer = io.BytesIO()
    c = new_canvas(buffer, title=title, author=author, font=docs[0].font if docs else "")
    for doc in docs:
        doc.draw(c)
    c.save()
    return buffer.getvalue()


def write_documents(
    out: str | Path, docs: Iterable[Document], *, title: str = "", author: str = ""
) -> Path:
    """Draw `docs` into one PDF at `out`, atomically. Returns the path written."""
    check_destination(out)
    return write_atomic(out, pdf_bytes(docs, title=title, author=author))
