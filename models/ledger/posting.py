"""Posting ledger entries, and voiding them; what an entry must be to be posted (its
date, amount, document number and lines).

Entries are never changed or deleted. A mistake is voided by a reversal: a new entry
of the same kind and date with the opposite delta, linked to the original, carrying the
reason. Bouncing a cheque voids its payment, which reopens the debt (`cheque_status`).
Reading an entry back is `entries`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import peewee as pw

from models.ledger import credit_stop, post_keys, users
from models.ledger.entries import get_entry, to_entry
from models.storage import chain, session
from models.storage.db import transaction
from models.storage.tables import ChequeRow, CustomerRow, EntryLineRow, EntryRow
from models.storage.transactions import retried
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.entry_records import (
    CREDIT_KINDS,
    ChequeStatus,
    DeliveryLine,
    Entry,
    EntryId,
    EntryKind,
    PaymentMethod,
)
from models.vocabulary.errors import InputError, LedgerError, NotFound, refused_as
from models.vocabulary.i18n import _
from models.vocabulary.money import MAX_FEN, Fen
from models.vocabulary.people_records import Action
from models.vocabulary.text_rules import check_text

EARLIEST = dt.date(1990, 1, 1)
FUTURE_DAYS = 366


def _check_customer(customer_id: CustomerId) -> None:
    if not CustomerRow.select().where(CustomerRow.id == customer_id).exists():
        raise NotFound(_("There is no customer number {id}.").format(id=customer_id))


def check_date(on: dt.date) -> dt.date:
    """Entries must be dated from 1990 to a year ahead; anything else is a typing slip."""
    if not isinstance(on, dt.date):
        raise InputError(_("Give the date as YYYY-MM-DD, such as 2026-12-14."))
    if isinstance(on, dt.datetime):
        on = on.date()
    if on < EARLIEST:
        raise InputError(_("The date {date} is before 1990: check the year.").format(date=on))
    if on > clock.today() + dt.timedelta(days=FUTURE_DAYS):
        raise InputError(
            _("The date {date} is more than a year ahead: check the year.").format(date=on)
        )
    return on


def _check_amount(amount: Fen, *, allow_negative: bool = False) -> Fen:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InputError(_("The amount must be a whole number of fen."))
    if amount == 0 or (amount < 0 and not allow_negative):
        raise InputError(_("The amount must be more than zero."))
    if abs(amount) > MAX_FEN:
        raise InputError(
            _("The amount is too large: amounts must be below 1,000,000,000,000 yuan.")
        )
    return amount


def line_amount(qty: str, unit_price: Fen) -> Fen:
    """qty × unit price, rounded half up to the fen (the one place lines are rounded)."""
    try:
        quantity = Decimal(qty.strip())
    except (InvalidOperation, AttributeError) as err:
        raise InputError(
            _("‘{qty}’ is not a quantity: type a number such as 12 or 2.5.").format(qty=qty)
        ) from err
    if not quantity.is_finite() or quantity <= 0:
        raise InputError(_("The quantity must be more than zero."))
    return int((quantity * unit_price).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _post(
    customer_id: CustomerId,
    on: dt.date,
    kind: EntryKind,
    amount: Fen,
    *,
    doc_no: str = "",
    memo: str = "",
    method: PaymentMethod | None = None,
    import_key: str | None = None,
    post_key: str | None = None,
) -> EntryRow:
    """Insert one entry (and its post key); the caller holds the transaction."""
    users.require(Action.WRITEOFF if kind is EntryKind.WRITEOFF else Action.POST)
    check_text(memo.strip(), _("The note"))
    check_text(doc_no.strip(), _("The document number"))
    if len(memo.strip()) > 300:
        raise InputError(_("The note is too long: use at most 300 characters."))
    if len(doc_no.strip()) > 60:
        raise InputError(_("The document number is too long: use at most 60 characters."))
    delta = -amount if kind in CREDIT_KINDS else amount
    # Another clerk may post the same document between our check and this insert:
    # the live_document key refuses the second copy.
    with refused_as(InputError(_already_posted(doc_no.strip())), "live_document"):
        row = chain.add_entry(
            customer=customer_id,
            date=on,
            kind=kind,
            amount=amount,
            delta=delta,
            doc_no=doc_no.strip(),
            memo=memo.strip(),
            method=method,
            entered_by=session.current_user(),
            created_at=clock.now(),
            import_key=import_key,
        )
    post_keys.remember(post_key, row.id)
    return row


def _same(customer_id: CustomerId, on: dt.date, kind: EntryKind, amount: Fen):  # noqa: ANN202
    """Whether an entry found by its post key is the post asked for again."""
    return lambda e: (
        e.customer_id == customer_id and e.date == on and e.kind is kind and e.amount == amount
    )


def _already_posted(doc_no: str) -> str:
    return _(
        "Document {doc} is already posted for this customer: void that entry first if it was wrong."
    ).format(doc=doc_no)


def _check_doc_no(customer_id: CustomerId, kind: EntryKind, doc_no: str) -> None:
    doc_no = doc_no.strip()
    if not doc_no:
        return
    if len(doc_no) > 60:
        raise InputError(_("The document number is too long: use at most 60 characters."))
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    same = EntryRow.select().where(
        (EntryRow.customer == customer_id)
        & (EntryRow.kind == kind)
        & (EntryRow.doc_no == doc_no)
        & EntryRow.reverses.is_null()
        & EntryRow.id.not_in(voided)
    )
    if same.exists():
        raise InputError(_already_posted(doc_no))


def post_delivery(
    customer_id: CustomerId,
    on: dt.date,
    amount: Fen,
    *,
    doc_no: str = "",
    memo: str = "",
    lines: Iterable[DeliveryLine] = (),
    import_key: str | None = None,
    post_key: str | None = None,
    approval: int | None = None,
) -> Entry:
    """Post goods delivered on credit (送货). With lines, their amounts must sum to `amount`.

    The credit stop (models/ledger/credit_stop.py): over the credit limit, or to a
    customer with 2+ broken promises in 90 days, it is refused (`CreditStopped`) unless
    `approval` names the boss's approval, which this post then uses up. For every role.

    `post_key` (every post takes one): the window's id for this post; posting again with
    it returns the entry it made (models/ledger/post_keys.py)."""
    _check_customer(customer_id)
    on, amount = check_date(on), _check_amount(amount)
    lines = tuple(lines)
    if lines and sum(ln.amount for ln in lines) != amount:
        raise InputError(_("The lines add up to a different amount than the delivery total."))
    for ln in lines:
        if not ln.product.strip():
            raise InputError(_("Every line needs a product."))
        check_text(ln.product.strip(), _("The product"))
        check_text(ln.qty.strip(), _("The quantity"))

    @retried
    def post() -> Entry:
        with transaction():
            _check_doc_no(customer_id, EntryKind.DELIVERY, doc_no)
            stopped = credit_stop.stopped(customer_id, amount, on, approval)
            row = _post(
                customer_id,
                on,
                EntryKind.DELIVERY,
                amount,
                doc_no=doc_no,
                memo=memo,
                import_key=import_key,
                post_key=post_key,
            )
            if stopped:
                assert approval is not None  # `stopped` refused it otherwise
                credit_stop.claim(approval, customer_id, amount, row.id)
            line_rows = [
                EntryLineRow.create(
                    entry=row,
                    product=ln.product.strip(),
                    qty=ln.qty,
                    unit_price=ln.unit_price,
                    amount=ln.amount,
                )
                for ln in lines
            ]
        return to_entry(row, lines=line_rows)  # new: nothing voids it yet

    return post_keys.once(post_key, post, _same(customer_id, on, EntryKind.DELIVERY, amount))


def post_payment(
    customer_id: CustomerId,
    on: dt.date,
    amount: Fen,
    method: PaymentMethod,
    *,
    doc_no: str = "",
    memo: str = "",
    cheque_no: str = "",
    bank: str = "",
    written_on: dt.date | None = None,
    due_on: dt.date | None = None,
    import_key: str | None = None,
    post_key: str | None = None,
) -> Entry:
    """Post money received (收款). A cheque or draft needs its number; it starts 'received'.
    `post_key` as for `post_delivery`."""
    _check_customer(customer_id)
    on, amount = check_date(on), _check_amount(amount)
    method = PaymentMethod(method)
    if method.is_instrument and not cheque_no.strip():
        raise InputError(_("A cheque or draft needs its number."))
    check_text(cheque_no.strip(), _("The cheque number"))
    check_text(bank.strip(), _("The bank"))
    if due_on is not None and written_on is not None and due_on < written_on:
        raise InputError(_("The cheque's due date is before the date it was written."))

    @retried
    def post() -> Entry:
        with transaction():
            row = _post(
                customer_id,
                on,
                EntryKind.PAYMENT,
                amount,
                doc_no=doc_no,
                memo=memo,
                method=method,
                import_key=import_key,
                post_key=post_key,
            )
            cheque = None
            if method.is_instrument:
                cheque = ChequeRow.create(
                    entry=row,
                    number=cheque_no.strip(),
                    bank=bank.strip(),
                    written_on=written_on,
                    due_on=due_on,
                    status=ChequeStatus.RECEIVED,
                    status_at=clock.now(),
                )
        return to_entry(row, cheque=cheque)

    return post_keys.once(post_key, post, _same(customer_id, on, EntryKind.PAYMENT, amount))


def _post_simple(
    kind: EntryKind,
    customer_id: CustomerId,
    on: dt.date,
    amount: Fen,
    doc_no: str,
    memo: str,
    import_key: str | None,
    post_key: str | None,
    allow_negative: bool = False,
) -> Entry:
    _check_customer(customer_id)
    on, amount = check_date(on), _check_amount(amount, allow_negative=allow_negative)

    @retried
    def post() -> Entry:
        with transaction():
            if kind is EntryKind.RETURN:
                _check_doc_no(customer_id, kind, doc_no)
            row = _post(
                customer_id,
                on,
                kind,
                amount,
                doc_no=doc_no,
                memo=memo,
                import_key=import_key,
                post_key=post_key,
            )
        return to_entry(row)

    return post_keys.once(post_key, post, _same(customer_id, on, kind, amount))


def post_return(
    customer_id: CustomerId,
    on: dt.date,
    amount: Fen,
    *,
    doc_no: str = "",
    memo: str = "",
    import_key: str | None = None,
    post_key: str | None = None,
) -> Entry:
    """Post goods taken back (退货): a credit."""
    return _post_simple(
        EntryKind.RETURN, customer_id, on, amount, doc_no, memo, import_key, post_key
    )


def post_discount(
    customer_id: CustomerId,
    on: dt.date,
    amount: Fen,
    *,
    doc_no: str = "",
    memo: str = "",
    import_key: str | None = None,
    post_key: str | None = None,
) -> Entry:
    """Post a discount or a tail cut (折让/抹零): a credit, reported per rep."""
    return _post_simple(
        EntryKind.DISCOUNT, customer_id, on, amount, doc_no, memo, import_key, post_key
    )


def post_writeoff(
    customer_id: CustomerId,
    on: dt.date,
    amount: Fen,
    *,
    memo: str,
    doc_no: str = "",
    import_key: str | None = None,
    post_key: str | None = None,
) -> Entry:
    """Write off a dead debt (坏账核销). A reason is required."""
    users.require(Action.WRITEOFF)
    if not memo.strip():
        raise InputError(_("Say why the debt is written off."))
    return _post_simple(
        EntryKind.WRITEOFF, customer_id, on, amount, doc_no, memo, import_key, post_key
    )


def post_opening(
    customer_id: CustomerId,
    on: dt.date,
    amount: Fen,
    *,
    memo: str = "",
    doc_no: str = "",
    import_key: str | None = None,
    post_key: str | None = None,
) -> Entry:
    """Post an opening balance (期初) from paper or Excel; negative if the customer was
    in credit."""
    return _post_simple(
        EntryKind.OPENING,
        customer_id,
        on,
        amount,
        doc_no,
        memo,
        import_key,
        post_key,
        allow_negative=True,
    )


def void(entry_id: EntryId, reason: str, *, kind: str = "", post_key: str | None = None) -> Entry:
    """Void an entry by posting its reversal with `reason`. Returns the reversal.

    An entry can be voided once; a reversal cannot be voided. `kind` says Qingkuan
    itself voided it (`VOID_BOUNCED`); `reason` is then only what the user typed.
    `post_key` as for `post_delivery`: voiding again with it returns the reversal.
    """
    reason = reason.strip()
    users.require(Action.SETTLE if kind else Action.POST)
    if not reason and not kind:
        raise InputError(_("Say why the entry is voided."))
    check_text(reason, _("The reason"))
    if len(reason) > 300:
        raise InputError(_("The reason is too long: use at most 300 characters."))

    @retried
    def post() -> Entry:
        with transaction():
            original = EntryRow.get_or_none(EntryRow.id == entry_id)
            if original is None:
                raise NotFound(_("There is no entry number {id}.").format(id=entry_id))
            if original.reverses_id is not None:
                raise LedgerError(_("This entry is itself a reversal and cannot be voided."))
            if EntryRow.select().where(EntryRow.reverses == entry_id).exists():
                raise LedgerError(_("This entry has already been voided."))
            if original.kind is EntryKind.WRITEOFF:
                users.require(Action.WRITEOFF)
            if not kind:  # a bounced cheque's payment is voided by settling, at any age
                users.require_void(original.created_at)
            try:
                row = chain.add_entry(
                    customer=original.customer_id,
                    date=original.date,
                    kind=original.kind,
                    amount=original.amount,
                    delta=-original.delta,
                    doc_no=original.doc_no,
                    memo=original.memo,
                    method=original.method,
                    reverses=original.id,
                    void_reason=reason,
                    void_kind=kind,
                    entered_by=session.current_user(),
                    created_at=clock.now(),
                )
            except pw.IntegrityError as err:  # a concurrent void got there first
                raise LedgerError(_("This entry has already been voided.")) from err
            post_keys.remember(post_key, row.id)
        return get_entry(row.id)

    return post_keys.once(post_key, post, lambda e: e.reverses_id == entry_id)
