"""The credit stop, with the boss's override (先小人后君子, with teeth).

A delivery that takes the balance over the customer's credit limit, or goes to a
customer who broke 2 or more promises in the last 90 days, is refused (`CreditStopped`)
unless the boss approved it. An approval (`approve`, or `approve_as` for the boss at a
clerk's keyboard) covers one delivery of at most its amount for that customer, on the
day it was made; `claim` uses it up in the delivery's own transaction
(models/ledger/posting.py), by one conditional UPDATE, so two clerks cannot both use it.

The other warnings (overdue, one broken promise) stay warnings (models/ledger/credit.py).
Imports are history and are never stopped: they do not go through `post_delivery`.
"""

from __future__ import annotations

import datetime as dt
import json

import peewee as pw

from models.ledger import audit, users
from models.ledger.credit import broken_in_window, broken_promises, over_limit
from models.ledger.customers import get_customer
from models.ledger.ledger import balance
from models.ledger.settings import get_company
from models.storage import file_people, other_login, session
from models.storage.db import is_postgres, transaction
from models.storage.tables import CreditApprovalRow, CustomerRow
from models.vocabulary import clock
from models.vocabulary.aging_records import CreditApproval, CreditWarning
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.errors import InputError, LedgerError, NotAllowed, NotFound
from models.vocabulary.i18n import _
from models.vocabulary.money import MAX_FEN, Fen, format_money
from models.vocabulary.people_records import Action, Role
from models.vocabulary.text_rules import check_text

STOP_BROKEN = 2  # broken promises in the window that stop a delivery (1 only warns)
MAX_NOTE = 300


class CreditStopped(NotAllowed):
    """The delivery is stopped by credit; `reasons` say why. Nothing was written."""

    def __init__(self, reasons: list[CreditWarning]) -> None:
        self.reasons = reasons
        super().__init__(
            "\n".join(
                [_("This delivery is stopped:")]
                + [w.message for w in reasons]
                + [_("Ask the boss to approve it. Nothing was posted.")]
            )
        )


def stop_reasons(customer_id: CustomerId, amount: Fen, on: dt.date) -> list[CreditWarning]:
    """Why delivering `amount` more to the customer on `on` is stopped (empty: it is not):
    the balance would be above the credit limit (at the limit passes), or the customer
    broke `STOP_BROKEN` or more promises in the 90 days before `on`."""
    customer = get_customer(customer_id)
    reasons: list[CreditWarning] = []
    limit = customer.credit_limit
    if limit is not None:
        after = balance(customer_id, on) + amount
        if after > limit:
            reasons.append(over_limit(after, limit, get_company().currency_symbol))
    broken = broken_in_window(customer_id, on)
    if broken >= STOP_BROKEN:
        reasons.append(broken_promises(broken))
    return reasons


def _check(customer_id: CustomerId, amount: Fen, note: str) -> str:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InputError(_("The amount to approve must be more than zero."))
    if amount > MAX_FEN:
        raise InputError(
            _("The amount is too large: amounts must be below 1,000,000,000,000 yuan.")
        )
    note = check_text(note.strip(), _("The note"))
    if len(note) > MAX_NOTE:
        raise InputError(_("The note is too long: use at most 300 characters."))
    get_customer(customer_id)  # NotFound for a customer that is not there
    return note


def _reasons_text(customer_id: CustomerId, amount: Fen, on: dt.date | None) -> str:
    reasons = stop_reasons(customer_id, amount, on or clock.today())
    if not reasons:
        raise InputError(
            _(
                "A delivery of {amount} to this customer is not stopped: no approval is needed."
            ).format(amount=format_money(amount, get_company().currency_symbol))
        )
    return "\n".join(w.message for w in reasons)


def _audit_after(amount: Fen, reasons: str, by: str, note: str) -> dict[str, object]:
    """What the audit trail keeps of an approval (the entry it lets through is on the
    approval's own row, `credit_approval.entry_id`)."""
    after: dict[str, object] = {"amount": amount, "reason": reasons, "approved_by": by}
    return {**after, "note": note} if note else after


def approve(
    customer_id: CustomerId, amount: Fen, note: str = "", *, on: dt.date | None = None
) -> CreditApproval:
    """The signed-in boss approves one delivery of at most `amount` to the customer,
    today, though the credit stop refuses it (`on`: the delivery's date, default today,
    for the reasons). Refused (`NotAllowed`) for other roles; `InputError` when such a
    delivery is not stopped."""
    users.require(Action.CREDIT_OVERRIDE)
    note = _check(customer_id, amount, note)
    with transaction():
        reasons = _reasons_text(customer_id, amount, on)
        by = pw.SQL("session_user") if is_postgres() else session.current_user()
        row_id = CreditApprovalRow.insert(
            customer=customer_id,
            amount=amount,
            reasons=reasons,
            note=note,
            approved_by=by,
            approved_at=clock.now(),
        ).execute()
        code = get_customer(customer_id).code
        audit.record(
            "credit.approve",
            code,
            after=_audit_after(
                amount, reasons, users.signed_in_name() or session.current_user(), note
            ),
            customer_id=customer_id,
        )
    return get_approval(row_id)


def _refused_login(name: str) -> NotAllowed:
    return NotAllowed(
        _(
            "‘{name}’ cannot approve: the name or the password is wrong, or that person is "
            "not a boss of this ledger. Nothing was approved."
        ).format(name=name)
    )


def approve_as(
    name: str,
    password: str,
    customer_id: CustomerId,
    amount: Fen,
    note: str = "",
    *,
    on: dt.date | None = None,
) -> CreditApproval:
    """The boss `name` approves at someone else's keyboard with their password: as
    `approve`, but checked against the boss's own sign-in. On a ledger file its people
    (scrypt passwords); on PostgreSQL the approval is written over a short connection
    as that login, so the database records the boss's session_user. A wrong or unknown
    name or password, or a person who is not a boss: one refusal, nothing written."""
    note = _check(customer_id, amount, note)
    reasons = _reasons_text(customer_id, amount, on)
    code = get_customer(customer_id).code
    if not is_postgres():
        person = file_people.check_password(name, password)
        if person is None or person.role is not Role.BOSS:
            raise _refused_login(name)
        with transaction():
            row_id = CreditApprovalRow.insert(
                customer=customer_id,
                amount=amount,
                reasons=reasons,
                note=note,
                approved_by=person.name,
                approved_at=clock.now(),
            ).execute()
            audit.record(
                "credit.approve",
                code,
                after=_audit_after(amount, reasons, person.name, note),
                customer_id=customer_id,
            )
        return get_approval(row_id)
    return get_approval(_approve_on_pg(name, password, customer_id, amount, reasons, note, code))


def _approve_on_pg(
    name: str,
    password: str,
    customer_id: CustomerId,
    amount: Fen,
    reasons: str,
    note: str,
    code: str,
) -> int:
    after = json.dumps(_audit_after(amount, reasons, name, note), ensure_ascii=False)
    try:
        with other_login.connected_as(name, password) as conn, conn.cursor() as cur:
            cur.execute("SELECT qk_role()")
            if cur.fetchone()[0] != Role.BOSS.value:
                raise _refused_login(name)
            cur.execute(
                "INSERT INTO credit_approval "
                "(customer_id, amount, reasons, note, approved_by, approved_at) "
                "VALUES (%s, %s, %s, %s, session_user, %s) RETURNING id",
                (customer_id, amount, reasons, note, clock.now()),
            )
            row_id = int(cur.fetchone()[0])
            cur.execute(
                "SELECT qk_audit_write(%s, %s, %s, %s, %s)",
                ("credit.approve", code, customer_id, "{}", after),
            )
            return row_id
    except other_login.LoginRefused:
        raise _refused_login(name) from None
    except other_login.Unreachable as err:
        raise LedgerError(
            _("The boss's approval could not be recorded: {reason}").format(reason=err.reason)
        ) from None


def get_approval(approval_id: int) -> CreditApproval:
    """One approval, as recorded."""
    row = CreditApprovalRow.get_or_none(CreditApprovalRow.id == approval_id)
    if row is None:
        raise NotFound(_("There is no credit approval number {id}.").format(id=approval_id))
    return _record(row)


def approvals(customer_id: CustomerId) -> list[CreditApproval]:
    """The customer's approvals, newest first."""
    rows = (
        CreditApprovalRow.select()
        .where(CreditApprovalRow.customer == customer_id)
        .order_by(CreditApprovalRow.id.desc())
    )
    return [_record(row) for row in rows]


def _record(row: CreditApprovalRow) -> CreditApproval:
    return CreditApproval(
        id=row.id,
        customer_id=row.customer_id,
        amount=row.amount,
        reasons=row.reasons,
        note=row.note,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        entry_id=row.entry_id,
        used_at=row.used_at,
    )


def stopped(customer_id: CustomerId, amount: Fen, on: dt.date, approval: int | None) -> bool:
    """In a delivery's transaction, before it is written: whether the stop applies (the
    caller then claims `approval`); `CreditStopped` when it does and there is none. On
    PostgreSQL the customer's row is locked first, so two deliveries to one customer
    are checked one after the other: each sees the other's balance. NO KEY UPDATE, not
    UPDATE: an entry written meanwhile (an import holding the chain's tip) takes a key
    share on its customer, which FOR UPDATE would block while it waits for that tip —
    a deadlock the fault storm found."""
    users.require(Action.POST)  # a viewer hears that, not the credit stop
    if is_postgres():
        CustomerRow.select(CustomerRow.id).where(CustomerRow.id == customer_id).for_update(
            "FOR NO KEY UPDATE"
        ).execute()
    reasons = stop_reasons(customer_id, amount, on)
    if reasons and approval is None:
        raise CreditStopped(reasons)
    return bool(reasons)


def claim(approval_id: int, customer_id: CustomerId, amount: Fen, entry_id: int) -> None:
    """Use the approval up for the delivery `entry_id`, in the caller's transaction: one
    conditional UPDATE (this customer, not used yet, at least `amount`, made today), so
    two deliveries racing for it cannot both have it. Refused with the reason."""
    today = clock.today()
    start = dt.datetime.combine(today, dt.time())
    t = CreditApprovalRow
    claimed = (
        t.update(entry=entry_id, used_at=clock.now())
        .where(
            (t.id == approval_id)
            & (t.customer == customer_id)
            & t.entry.is_null()
            & (t.amount >= amount)
            & (t.approved_at >= start)
            & (t.approved_at < start + dt.timedelta(days=1))
        )
        .execute()
    )
    if claimed != 1:
        raise _claim_refusal(approval_id, customer_id, amount, today)


def _claim_refusal(
    approval_id: int, customer_id: CustomerId, amount: Fen, today: dt.date
) -> NotAllowed:
    row = CreditApprovalRow.get_or_none(CreditApprovalRow.id == approval_id)
    symbol = get_company().currency_symbol
    if row is None:
        why = _("there is no such approval")
    elif row.entry_id is not None:
        why = _("it was used already, for another delivery")
    elif row.customer_id != customer_id:
        why = _("it was given for another customer")
    elif row.amount < amount:
        why = _("it covers at most {approved}, and this delivery is {amount}").format(
            approved=format_money(row.amount, symbol), amount=format_money(amount, symbol)
        )
    elif row.approved_at.date() != today:
        why = _("it was given on {day}: an approval holds on its own day only").format(
            day=row.approved_at.date().isoformat()
        )
    else:
        why = _("another delivery took it meanwhile")
    return NotAllowed(
        _(
            "The boss's approval cannot be used: {why}. Ask the boss again. Nothing was posted."
        ).format(why=why)
    )
