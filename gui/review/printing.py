"""The review's PDFs for the preview, made through `reports/` like the other documents."""

from __future__ import annotations

import datetime as dt

from gui.printing.documents import Kind, Printout, _font_warning, print_folder


def review_pdf(as_of: dt.date) -> Printout:
    """The weekly review as of `as_of`."""
    from reports.documents.review_report import print_review

    path = print_review(print_folder() / f"review-{as_of.isoformat()}.pdf", as_of)
    return Printout(path, path.stem, _font_warning(), Kind.REVIEW)


def aging_pdf(as_of: dt.date, by: str) -> Printout:
    """The aging report as of `as_of`, grouped `by` "rep" or "route"."""
    from reports.documents.aging_report import print_aging

    path = print_aging(print_folder() / f"aging-{by}-{as_of.isoformat()}.pdf", as_of, by)
    return Printout(path, path.stem, _font_warning(), Kind.REVIEW)


def commission_pdf(month: dt.date) -> Printout:
    """The collection commission of `month`'s month."""
    from reports.documents.commission_report import print_commission

    path = print_commission(print_folder() / f"commission-{month:%Y-%m}.pdf", month)
    return Printout(path, path.stem, _font_warning(), Kind.REVIEW)
