"""People and roles on a shared ledger: what a clerk and a viewer may not do is refused
through the model API and by PostgreSQL itself (raw SQL as that person), the ledger
unchanged; what they may do works; `entered_by` is the signed-in person."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import psycopg2
import pytest

from models.collecting import calls, visits
from models.ledger import (
    chase_schedule,
    check,
    commission_rules,
    customers,
    ledger,
    people,
    posting,
    promises,
    settings,
    users,
)
from models.papers import confirmations, statement_prints, statements
from models.storage import db, session
from models.vocabulary import clock
from models.vocabulary.collecting_records import CallOutcome, VisitOutcome
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.customer_records import CustomerDraft, Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import LedgerError, NotAllowed
from models.vocabulary.people_records import Role
from tests.office import Office, office_fixture  # noqa: F401  (the fixture)

pytestmark = pytest.mark.postgres

DRAFT = CustomerDraft(code="C001", name="东城王记", terms=Terms(TermsKind.DAYS, 30))


def _ago(days: int) -> dt.datetime:
    return clock.now() - dt.timedelta(days=days)


@dataclasses.dataclass
class Shop:
    customer: int
    keyed: dict[int, int]  # days ago -> entry id keyed then
    promise: int
    statement: str  # a printed statement's number, not yet answered


def _shop(office: Office) -> Shop:
    """As the admin: a customer, deliveries keyed 7 and 8 days ago, a promise."""
    now = clock.now()
    c = customers.add_customer(DRAFT)
    keyed = {}
    for days in (7, 8):
        clock.pin(now - dt.timedelta(days=days))
        keyed[days] = posting.post_delivery(c.id, clock.today(), 100_00, doc_no=f"D{days}").id
    clock.pin(now)
    p = promises.make_promise(c.id, 50_00, now + dt.timedelta(days=2))
    number = statements.issue_number(_statement(c.id)).number
    return Shop(c.id, keyed, p.id, number)


def _state(office: Office) -> tuple:
    """What a refused action must leave as it was, read as the admin."""
    conn = psycopg2.connect(office.admin)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT (SELECT count(*) FROM entry), (SELECT count(*) FROM rep), "
                "(SELECT count(*) FROM route), (SELECT count(*) FROM promise), "
                "(SELECT count(*) FROM visit), (SELECT count(*) FROM setting), "
                "(SELECT count(*) FROM statement_reply), "
                "(SELECT array_agg(ROW(credit_limit, terms_kind, terms_days)::text) FROM customer), "
                "(SELECT count(*) FROM pg_roles WHERE rolname LIKE 'evil%')"
            )
            return cur.fetchone()
    finally:
        conn.close()


def _statement(customer: int) -> statements.Statement:
    return statements.statement(customer, clock.today() - dt.timedelta(days=30), clock.today())


def _boss_only(shop: Shop) -> dict[str, Callable[[], object]]:
    return {
        "writeoff": lambda: posting.post_writeoff(shop.customer, clock.today(), 1_00, memo="dead"),
        "void keyed 8 days ago": lambda: posting.void(shop.keyed[8], "typo"),
        "credit limit": lambda: customers.update_customer(
            shop.customer, dataclasses.replace(DRAFT, credit_limit=5_000_00)
        ),
        "terms": lambda: customers.update_customer(
            shop.customer, dataclasses.replace(DRAFT, terms=Terms(TermsKind.DAYS, 60))
        ),
        "add a rep": lambda: people.add_rep("张伟"),
        "add a route": lambda: people.add_route("城东线"),
        "add a person": lambda: users.add_person("evil_x", Role.BOSS, "Password-123"),
        "company settings": lambda: settings.save_company(settings.get_company()),
        "commission rules": lambda: commission_rules.save_commission_rules(CommissionRules()),
        "chasing steps": lambda: chase_schedule.save_schedules({"": chase_schedule.DEFAULT_STEPS}),
    }


def _clerk_only(shop: Shop) -> dict[str, Callable[[], object]]:
    return {
        "delivery": lambda: posting.post_delivery(shop.customer, clock.today(), 9_00),
        "payment": lambda: posting.post_payment(
            shop.customer, clock.today(), 9_00, PaymentMethod.CASH
        ),
        "void keyed 7 days ago": lambda: posting.void(shop.keyed[7], "typo"),
        "promise": lambda: promises.make_promise(
            shop.customer, 9_00, clock.now() + dt.timedelta(days=1)
        ),
        "visit": lambda: visits.log_visit(shop.customer, clock.now(), VisitOutcome.PAID),
        "call": lambda: calls.record_call(shop.promise, CallOutcome.CONFIRMED),
        "add a customer": lambda: customers.add_customer(dataclasses.replace(DRAFT, code="C9")),
        "statement reply": lambda: confirmations.record_agreed(shop.statement),
    }


@pytest.mark.parametrize("role", ["clerk", "viewer"])
def test_what_the_role_may_not_do_is_refused_by_the_model_and_nothing_changes(
    office: Office, role: str
) -> None:
    shop = _shop(office)
    office.open_as(role)
    forbidden = _boss_only(shop) | (_clerk_only(shop) if role == "viewer" else {})
    before = _state(office)
    for what, action in forbidden.items():
        with pytest.raises(NotAllowed, match="may not") as refused:
            action()
        assert office.names[role] in str(refused.value), what
    assert _state(office) == before


def test_a_clerk_posts_promises_visits_calls_and_voids_what_was_keyed_7_days_ago(
    office: Office,
) -> None:
    shop = _shop(office)
    office.open_as("clerk")
    for action in _clerk_only(shop).values():
        action()  # none refused
    customers.update_customer(shop.customer, dataclasses.replace(DRAFT, phones="13800000000"))
    assert users.current_role() is Role.CLERK


def test_the_boss_writes_off_and_voids_what_was_keyed_8_days_ago(office: Office) -> None:
    shop = _shop(office)
    office.open_as("boss")
    posting.post_writeoff(shop.customer, clock.today(), 1_00, memo="dead")
    posting.void(shop.keyed[8], "typo")
    customers.update_customer(shop.customer, dataclasses.replace(DRAFT, credit_limit=5_000_00))
    people.add_rep("张伟")
    assert customers.get_customer(shop.customer).credit_limit == 5_000_00


def test_a_viewer_prints_statements_and_iou_notes(office: Office) -> None:
    shop = _shop(office)
    office.open_as("viewer")
    st = statements.issue_number(_statement(shop.customer))
    assert st.number
    statement_prints.record_printed([(shop.customer, clock.today(), clock.today())])
    assert promises.mark_printed(shop.promise).prints == 1


def test_every_row_names_the_person_signed_in(office: Office) -> None:
    shop = _shop(office)
    office.open_as("clerk")
    name = office.names["clerk"]
    assert session.current_user() == name
    entry = posting.post_delivery(shop.customer, clock.today(), 9_00)
    promise = promises.make_promise(shop.customer, 9_00, clock.now() + dt.timedelta(days=1))
    visits.log_visit(shop.customer, clock.now(), VisitOutcome.PAID)
    calls.record_call(shop.promise, CallOutcome.CONFIRMED)
    statements.issue_number(_statement(shop.customer))
    statement_prints.record_printed([(shop.customer, clock.today(), clock.today())])
    assert entry.entered_by == name
    conn = psycopg2.connect(office.admin)
    with conn, conn.cursor() as cur:
        for table, where in (
            ("entry", f"id = {entry.id}"),
            ("promise", f"id = {promise.id}"),
            ("visit", "true"),
            ("promise_call", "true"),
            ("statement_no", "id > 1"),  # not the admin's (_shop)
            ("statement_print", "true"),
        ):
            cur.execute(f"SELECT DISTINCT entered_by FROM {table} WHERE {where}")
            assert cur.fetchall() == [(name,)], table
    conn.close()


# --- raw SQL as the person: PostgreSQL itself refuses ----------------------------------

_ENTRY = (
    "INSERT INTO entry (customer_id, date, kind, amount, delta, doc_no, memo, reverses_id, "
    "void_reason, void_kind, entered_by, created_at) VALUES "
    "(%s, current_date, %s, 100, %s, '', '', %s, '', '', %s, now())"
)


def _raw_refused(office: Office, role: str, sql: str, params: tuple = ()) -> str:
    """Run `sql` as the person of `role`; returns the refusal's hint ('' for a plain
    permission denied). Fails when PostgreSQL accepts it."""
    conn = office.raw(role)
    try:
        with conn.cursor() as cur, pytest.raises(psycopg2.Error) as refused:
            cur.execute(sql, params)
        assert refused.value.pgcode == "42501", refused.value
        return refused.value.diag.message_hint or ""
    finally:
        conn.rollback()
        conn.close()


def test_a_clerks_raw_sql_is_refused_by_the_database(office: Office) -> None:
    shop = _shop(office)
    db.close_ledger()
    me = office.names["clerk"]
    before = _state(office)
    c = shop.customer
    cases = {
        "writeoff": (_ENTRY, (c, "writeoff", -100, None, me)),
        "void_old": (_ENTRY, (c, "delivery", -100_00, shop.keyed[8], me)),
        "entered_by": (_ENTRY, (c, "delivery", 100, None, "someone_else")),
        "credit_terms": ("UPDATE customer SET credit_limit = 1 WHERE id = %s", (c,)),
        "": ("INSERT INTO rep (name, phone, active) VALUES ('x', '', true)", ()),
        "meta": ("UPDATE meta SET value = '1' WHERE key = 'schema_version'", ()),
        "balance": ("UPDATE balance_cache SET balance = 0 WHERE customer_id = %s", (c,)),
        "day totals": ("DELETE FROM daily_total", ()),
        "documents": ("DELETE FROM live_document", ()),
    }
    for hint, (sql, params) in cases.items():
        expected = (
            f"qk:{hint}"
            if hint in ("writeoff", "void_old", "entered_by", "credit_terms", "meta")
            else ""
        )
        assert _raw_refused(office, "clerk", sql, params) == expected, hint
    conn = office.raw("clerk")  # keyed 7 days ago: the clerk may still void it
    with conn.cursor() as cur:
        cur.execute(_ENTRY, (c, "delivery", -100_00, shop.keyed[7], me))
    conn.rollback()
    conn.close()
    conn = office.raw("clerk")
    with conn.cursor() as cur, pytest.raises(psycopg2.Error) as refused:
        cur.execute("SELECT qk_add_person('evil_y', 'boss', 'SCRAM-SHA-256$x')")
    assert refused.value.pgcode == "42501"
    conn.close()
    assert _state(office) == before


def test_a_viewers_raw_sql_is_refused_except_printing(office: Office) -> None:
    shop = _shop(office)
    db.close_ledger()
    me = office.names["viewer"]
    before = _state(office)
    assert _raw_refused(office, "viewer", _ENTRY, (shop.customer, "delivery", 100, None, me)) == ""
    assert (
        _raw_refused(
            office,
            "viewer",
            "INSERT INTO visit (customer_id, at, outcome, note, created_at, entered_by) "
            "VALUES (%s, now(), 'paid', '', now(), %s)",
            (shop.customer, me),
        )
        == ""
    )
    assert _state(office) == before
    conn = office.raw("viewer")
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO statement_no (customer_id, period_from, period_to, as_of, balance, "
            "created_at, entered_by) VALUES (%s, current_date, current_date, current_date, 0, "
            "now(), %s)",
            (shop.customer, me),
        )
    conn.close()


def test_a_refusal_by_the_database_reads_as_a_sentence(office: Office) -> None:
    """Past the model's own check (here skipped), the database's refusal becomes a
    translated sentence, nothing written."""
    shop = _shop(office)
    office.open_as("clerk")
    session.set_signed_in(session.SignedIn(office.names["clerk"], Role.BOSS))  # a lie
    before = _state(office)
    with pytest.raises(LedgerError, match="only the boss may write off a debt"):
        posting.post_writeoff(shop.customer, clock.today(), 1_00, memo="dead")
    with pytest.raises(LedgerError, match="credit limit or terms"):
        customers.update_customer(shop.customer, dataclasses.replace(DRAFT, credit_limit=1))
    assert _state(office) == before


def test_an_upgrade_gives_the_groups_their_rights_on_what_it_adds(office: Office) -> None:
    """A later version's new tables: the upgrade (run by the administrator) grants them,
    so the office need not run setup-server again."""
    shop = _shop(office)
    db.close_ledger()
    conn = psycopg2.connect(office.admin)
    with conn, conn.cursor() as cur:  # as if `promise` were new in this version
        cur.execute(
            "SELECT 'qk' || oid || '_clerk' FROM pg_database WHERE datname = current_database()"
        )
        (clerks,) = cur.fetchone()
        cur.execute(f'REVOKE ALL ON promise FROM "{clerks}"')
        cur.execute("UPDATE meta SET value = '11' WHERE key = 'schema_version'")
    conn.close()
    office.open_as("admin")  # upgrades
    office.open_as("clerk")
    promises.make_promise(shop.customer, 9_00, clock.now() + dt.timedelta(days=1))


@pytest.mark.parametrize("role", ["boss", "clerk"])
def test_only_the_entry_triggers_write_the_derived_tables(office: Office, role: str) -> None:
    """Balances, day totals and live document numbers follow the entries: the triggers
    that keep them run as the ledger's owner, and no person may write them, the boss
    neither; a person's post still keeps them."""
    shop = _shop(office)
    for sql in (
        "UPDATE balance_cache SET balance = 0",
        "INSERT INTO daily_total (date, kind, total) VALUES (current_date, 'delivery', 1)",
        "DELETE FROM live_document",
    ):
        assert _raw_refused(office, role, sql) == "", sql
    office.open_as(role)
    posting.post_delivery(shop.customer, clock.today(), 9_00, doc_no="D9")
    office.open_as("admin")
    assert ledger.balance(shop.customer, clock.today()) == 200_00 + 9_00
    assert check.check_ledger() == []
