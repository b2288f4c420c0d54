"""Who may approve a delivery the credit stop refuses: only the boss, checked by the
model and, on a shared ledger, by PostgreSQL itself; the boss at a clerk's keyboard
approves with their own name and password (the server's login, or the ledger file's
sign-in), and the approval names that boss."""

from __future__ import annotations

import datetime as dt

import psycopg2
import pytest

from models.ledger import audit, credit_stop, customers, posting, users
from models.ledger.credit_stop import CreditStopped
from models.vocabulary import clock
from models.vocabulary.audit_records import AuditFilter
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.errors import NotAllowed
from models.vocabulary.people_records import Role
from tests.models.ledger.test_sign_in_file import BOSS_PW, CLERK_PW, office_file  # noqa: F401
from tests.office import Office, office_fixture  # noqa: F401  (the fixture)

LIMIT = 1000_00


def _limited() -> int:
    """As whoever is signed in: a customer at its limit of 1,000.00."""
    c = customers.add_customer(CustomerDraft(code="C9", name="西街李记", credit_limit=LIMIT))
    posting.post_delivery(c.id, clock.today() - dt.timedelta(days=3), LIMIT, doc_no="D1")
    return c.id


def _approvals(office: Office) -> int:
    conn = psycopg2.connect(office.admin)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM credit_approval")
            return int(cur.fetchone()[0])
    finally:
        conn.close()


@pytest.mark.postgres
def test_a_clerk_may_not_approve_through_the_model_nor_by_sql(office: Office) -> None:
    cid = _limited()
    office.open_as("clerk")
    with pytest.raises(NotAllowed, match="approve a delivery the credit stop refuses"):
        credit_stop.approve(cid, 100_00)
    conn = office.raw("clerk")
    try:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege), conn.cursor() as cur:
            cur.execute(
                "INSERT INTO credit_approval (customer_id, amount, reasons, note, approved_by, "
                "approved_at) VALUES (%s, 100000, 'x', '', 'me', now())",
                (cid,),
            )
    finally:
        conn.close()
    office.open_as("viewer")
    with pytest.raises(NotAllowed):
        credit_stop.approve(cid, 100_00)
    assert _approvals(office) == 0


@pytest.mark.postgres
def test_the_boss_at_the_clerks_keyboard_approves_as_their_login(office: Office) -> None:
    cid = _limited()
    office.open_as("clerk")
    with pytest.raises(CreditStopped):
        posting.post_delivery(cid, clock.today(), 100_00)
    boss, password = office.names["boss"], office.passwords["boss"]
    approval = credit_stop.approve_as(boss, password, cid, 100_00, "熟客")
    assert approval.approved_by == boss
    entry = posting.post_delivery(cid, clock.today(), 100_00, approval=approval.id)
    used = credit_stop.get_approval(approval.id)
    assert used.entry_id == entry.id and entry.entered_by == office.names["clerk"]
    # A clerk may claim an approval (its used columns), never change what it allows.
    conn = office.raw("clerk")
    try:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege), conn.cursor() as cur:
            cur.execute("UPDATE credit_approval SET amount = 999999999 WHERE id = %s", (used.id,))
    finally:
        conn.close()
    assert credit_stop.get_approval(approval.id).amount == 100_00
    [row] = [r for r in audit.audit_log(AuditFilter()) if r.kind == "credit.approve"]
    assert row.who == boss and row.after["amount"] == 100_00


@pytest.mark.postgres
def test_a_wrong_password_or_a_clerks_login_approves_nothing(office: Office) -> None:
    cid = _limited()
    office.open_as("clerk")
    boss, password = office.names["boss"], office.passwords["boss"]
    clerk, clerk_pw = office.names["clerk"], office.passwords["clerk"]
    for name, secret in ((boss, password + "x"), ("nobody_here", password), (clerk, clerk_pw)):
        with pytest.raises(NotAllowed, match="cannot approve") as refused:
            credit_stop.approve_as(name, secret, cid, 100_00)
        assert secret not in str(refused.value) and secret not in repr(refused.value)
        context = refused.value.__context__
        assert refused.value.__cause__ is None and secret not in str(context or "")
    assert _approvals(office) == 0


@pytest.mark.postgres
def test_the_boss_approves_in_one_step_and_is_stopped_without(office: Office) -> None:
    cid = _limited()
    office.open_as("boss")
    with pytest.raises(CreditStopped):  # the boss too: approving is explicit
        posting.post_delivery(cid, clock.today(), 100_00)
    approval = credit_stop.approve(cid, 100_00)
    assert approval.approved_by == office.names["boss"]
    posting.post_delivery(cid, clock.today(), 100_00, approval=approval.id)


def test_on_a_ledger_file_the_boss_approves_with_their_password(office_file: str) -> None:  # noqa: F811
    users.sign_in("xiaoli", CLERK_PW)
    cid = _limited()
    with pytest.raises(NotAllowed, match="approve a delivery"):
        credit_stop.approve(cid, 100_00)
    for name, secret in (("xiaoli", CLERK_PW), ("老王", CLERK_PW), ("nobody", BOSS_PW)):
        with pytest.raises(NotAllowed, match="cannot approve"):
            credit_stop.approve_as(name, secret, cid, 100_00)
    assert credit_stop.approvals(cid) == []
    approval = credit_stop.approve_as("老王", BOSS_PW, cid, 100_00)
    assert approval.approved_by == "老王"
    entry = posting.post_delivery(cid, clock.today(), 100_00, approval=approval.id)
    assert entry.entered_by == "xiaoli"
    assert credit_stop.get_approval(approval.id).entry_id == entry.id
    assert users.current_role() is Role.CLERK  # still the clerk at the keyboard
