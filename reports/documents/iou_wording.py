"""The words of the IOU note (欠条): the operative sentence that makes it evidence of the
debt (why the money is owed, how much in all, how much this note promises by when, in
figures and in capitals), the late-payment clause and the papers it refers to.
"""

from __future__ import annotations

from models.papers.debtors import is_company
from models.papers.ious import IouNote
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer
from models.vocabulary.i18n import _
from reports.typesetting.formatting import capitals, format_date, format_datetime, money
from reports.typesetting.parts import Style


def operative_text(
    note: IouNote, company: CompanySettings, style: Style, customer: Customer | None = None
) -> str:
    """The sentence that makes the note evidence: why the money is owed, how much in
    all, and how much this note promises by when (in figures and capitals). Every
    figure is the ledger's on the note's day (`models.papers.ious.notes_for`). A company
    debtor (`customer`) speaks as "we" (本单位), a person as "I" (本人); see
    `models.papers.debtors`."""
    creditor = company.name or _("(Company name not set)")
    symbol = style.symbol
    promise = note.promise
    when = format_datetime(promise.due_at, style.lang)
    firm = customer is not None and is_company(customer)
    text = (
        _(
            "For goods purchased, as of {date} we owe {creditor} {total} in all (in "
            "capitals: {total_words}), of which we will pay {amount} (in capitals: {words}) "
            "by {when} under this note."
        )
        if firm
        else _(
            "For goods purchased, as of {date} I owe {creditor} {total} in all (in capitals: "
            "{total_words}), of which I will pay {amount} (in capitals: {words}) by {when} "
            "under this note."
        )
    ).format(
        date=format_date(note.on, style.lang),
        creditor=creditor,
        total=money(note.owed, symbol),
        total_words=capitals(note.owed),
        amount=money(note.amount, symbol),
        words=capitals(note.amount),
        when=when,
    )
    rest = note.owed - note.amount
    if rest > 0 and customer is not None:  # the part this note does not cover
        text += _(
            " The remaining {rest} ({words}) is due under the agreed terms ({terms})."
        ).format(rest=money(rest, symbol), words=capitals(rest), terms=customer.terms.label)
    if promise.paid:
        text += _(" Of the {promised} promised, {paid} is already paid.").format(
            promised=money(promise.amount, symbol), paid=money(promise.paid, symbol)
        )
    if note.reduced:
        text += _(
            " The promise asked for {rest}, more than is owed: this note is reduced to {amount}."
        ).format(rest=money(note.rest, symbol), amount=money(note.amount, symbol))
    if firm:
        return text + _(
            " We confirm that this debt is true and will pay it in full by the agreed time."
        )
    return text + _(" I confirm that this debt is true and will pay it in full by the agreed time.")


def clause_text(company: CompanySettings) -> str:
    """The late-payment clause (违约责任) when Settings turn it on, else ""."""
    if not company.iou_default_clause:
        return ""
    return company.iou_clause_text.strip() or _(
        "If the debtor does not pay by the agreed time, the debtor will bear the creditor's "
        "reasonable costs of collecting the debt (court and lawyer's fees included) and pay "
        "interest on the overdue amount at the one-year loan prime rate (LPR) from the day "
        "after the agreed time."
    )


def references_text(note: IouNote, lang: str = "en") -> str:
    """ "Refers to statement no. …; delivery notes …" when the note names them."""
    parts = []
    if note.statement_no:
        parts.append(_("statement no. {number}").format(number=note.statement_no))
    if note.delivery_notes:
        parts.append(_("delivery notes {numbers}").format(numbers=", ".join(note.delivery_notes)))
    sep = "；" if lang == "zh" else "; "
    return _("Refers to: {what}").format(what=sep.join(parts)) if parts else ""
