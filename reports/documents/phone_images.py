"""A statement as phone images for WeChat (`main.py print statement CODE --image
OUT.png` and the window's "Statement for WeChat"): the numbered statement laid out for
a phone (`phone_statement`), rasterised to 1080-pixel PNGs, with the message to send.

One page is written as OUT.png; several as OUT-1.png, OUT-2.png, … in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.collecting.statement_message import statement_message
from models.vocabulary.paper_records import Statement
from reports.documents.phone_statement import build_phone_statement
from reports.typesetting.output import pdf_bytes
from reports.typesetting.raster import png_pages, write_pngs


@dataclass(frozen=True)
class PhoneStatement:
    """The images (PNG bytes, first page first), the PDF they were drawn from, and the
    message to send with them."""

    number: str
    pngs: tuple[bytes, ...]
    pdf: bytes
    message: str


def phone_statement(st: Statement, lang: str | None = None) -> PhoneStatement:
    """`st` (numbered: printed) as phone images and the message in `lang`."""
    docs = build_phone_statement(st, lang=lang)
    doc = docs[0]
    pdf = pdf_bytes(docs, title=doc.title, author=st.company.name)
    message = statement_message(
        st.customer.id, st.number, st.as_of, st.closing_balance, st.reply_by, doc.lang
    )
    return PhoneStatement(st.number, tuple(png_pages(pdf)), pdf, message)


def write_phone_statement(result: PhoneStatement, out: str | Path) -> list[Path]:
    """Write the images as OUT.png (one page) or OUT-1.png, OUT-2.png, …; the paths."""
    return write_pngs(out, list(result.pngs))
