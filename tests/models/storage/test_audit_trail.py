"""The audit trail: every audited change is written by the database with its person,
before and after, whoever makes it and however (the model, raw SQL, another login),
and nobody can change or delete a row of it.

Runs on SQLite and PostgreSQL (the `ledger` fixture).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import peewee as pw
import psycopg2
import pytest

from models.exchange import import_layouts
from models.ledger import audit, cheque_status, customers, people, posting, promises, settings
from models.storage import db, session
from models.storage.tables import database
from models.vocabulary import clock
from models.vocabulary.audit_records import AuditFilter, AuditRecord
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import ChequeStatus, PaymentMethod
from models.vocabulary.errors import InputError, NotFound
from tests.pg_roles import make_role, url_for

__all__ = ["make_role"]  # a fixture, used by name

ON = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _clerk() -> object:
    session.set_user("clerk2")
    yield
    session.set_user("")


def _me() -> str:
    """Who the ledger says is signed in: PostgreSQL's session_user, or the sign-in."""
    if db.is_postgres():
        return database.execute_sql("SELECT session_user").fetchone()[0]
    return "clerk2"


def _found(kind: str, subject: str | None = None) -> list[AuditRecord]:
    return [
        r for r in audit.audit_log() if r.kind == kind and (subject is None or r.subject == subject)
    ]


def _one(kind: str, subject: str | None = None) -> AuditRecord:
    found = _found(kind, subject)
    assert len(found) == 1, (kind, subject, found)
    return found[0]


def _customer(code: str = "C1", **fields: object) -> int:
    return customers.add_customer(CustomerDraft(code=code, name="东城王记", **fields)).id


def test_a_customer_added_and_its_credit_limit_raised(ledger: str) -> None:
    cid = _customer(credit_limit=5_000_00)
    draft = CustomerDraft(code="C1", name="东城王记", credit_limit=8_000_00)
    customers.update_customer(cid, draft)
    added = _one("customer.add")
    assert (added.who, added.customer_id, added.customer_code) == (_me(), cid, "C1")
    assert added.before == {} and added.after["credit_limit"] == 5_000_00
    edited = _one("customer.edit")
    # Only what changed, money in fen.
    assert edited.before == {"credit_limit": 5_000_00}
    assert edited.after == {"credit_limit": 8_000_00}
    assert edited.who == _me()


def test_an_edit_that_changes_nothing_is_not_audited(ledger: str) -> None:
    cid = _customer()
    customers.update_customer(cid, CustomerDraft(code="C1", name="东城王记"))
    assert _found("customer.edit") == []


def test_a_raw_sql_edit_is_audited_too(ledger: str) -> None:
    cid = _customer(credit_limit=5_000_00)
    database.execute_sql(
        f"UPDATE customer SET credit_limit = 999999999, phones = '138' WHERE id = {cid}"
    )
    edited = _one("customer.edit")
    assert edited.before == {"phones": "", "credit_limit": 5_000_00}
    assert edited.after == {"phones": "138", "credit_limit": 999_999_999}


def test_a_route_move_names_the_route_and_the_rep(ledger: str) -> None:
    cid = _customer()
    rep = people.add_rep("张伟")
    route = people.add_route("城北线", (1, 3), rep.id)
    people.move_to_route([cid], route.id)
    edited = _one("customer.edit")
    assert edited.after["route"] == "城北线" and edited.before["route"] is None
    assert _one("rep.add").after["name"] == "张伟"
    assert _one("route.add").after["rep"] == "张伟"
    people.update_route(route.id, "城北线", (1, 3, 5), rep.id)
    assert _one("route.edit").after == {"weekdays": "1,3,5"}


def test_settings_changes_name_the_fields_that_changed(ledger: str) -> None:
    settings.save_company(dataclasses.replace(settings.get_company(), name="清款商行"))
    settings.save_company(
        dataclasses.replace(settings.get_company(), name="清款贸易", aging_edges=(30, 60, 120))
    )
    changes = [r for r in _found("setting.change", "company") if r.before]
    assert len(changes) == 1
    assert changes[0].before == {"name": "清款商行", "aging_edges": [30, 60, 90]}
    assert changes[0].after == {"name": "清款贸易", "aging_edges": [30, 60, 120]}
    # Saving the same again writes the rows but changes nothing: nothing audited.
    before = len(audit.audit_log())
    settings.save_company(settings.get_company())
    assert len(audit.audit_log()) == before


def test_promises_made_replaced_and_cancelled(ledger: str) -> None:
    cid = _customer()
    first = promises.make_promise(cid, 300_00, dt.datetime(2026, 11, 28, 10, 0))
    second = promises.reschedule(first.id, dt.datetime(2026, 11, 30, 10, 0))
    promises.cancel_promise(second.id)
    made = _one("promise.made")
    assert (made.subject, made.after["amount"], made.customer_id) == ("QK-000001", 300_00, cid)
    replaced = _one("promise.replaced")
    assert replaced.subject == "QK-000002"
    assert replaced.before["due_at"].startswith("2026-11-28")
    assert replaced.after["due_at"].startswith("2026-11-30")
    assert {r.subject for r in _found("promise.cancelled")} == {"QK-000001", "QK-000002"}
    # Printing an IOU counts prints: not a change worth auditing.
    promises.mark_printed(second.id)
    assert _found("promise.edit") == []


def test_a_void_is_audited_and_a_post_is_not(ledger: str) -> None:
    cid = _customer()
    delivery = posting.post_delivery(cid, ON, 500_00, doc_no="D1")
    posting.post_payment(cid, ON, 100_00, PaymentMethod.CASH)
    assert audit.audit_log(AuditFilter(kind="entry")) == []
    posting.void(delivery.id, "wrong customer")
    void = _one("entry.void")
    assert void.subject == "D1" and void.who == _me() and void.customer_id == cid
    assert void.before == {"kind": "delivery", "date": "2026-11-20", "amount": 500_00,
                           "doc_no": "D1"}  # fmt: skip
    assert void.after == {"reason": "wrong customer", "void_kind": ""}


def test_cheque_status_moves_are_audited(ledger: str) -> None:
    cid = _customer()
    cheque = posting.post_payment(cid, ON, 200_00, PaymentMethod.CHEQUE, cheque_no="CH9")
    cheque_status.set_cheque_status(cheque.id, ChequeStatus.DEPOSITED)
    moved = _one("cheque.status", "CH9")
    assert (moved.before, moved.after) == ({"status": "received"}, {"status": "deposited"})
    assert moved.customer_id == cid


def test_import_layouts_are_audited(ledger: str) -> None:
    headers = ("单据编号", "开单日期", "客户代码", "合计金额（元）")
    mapping = {0: "doc_no", 1: "date", 2: "customer_code", 3: "amount"}
    layout = import_layouts.save_layout(
        "进销存", "entries", headers, mapping, fixed={"kind": "delivery"}
    )
    assert _one("layout.add", "进销存").after["kind"] == "entries"
    import_layouts.delete_layout(layout.id)
    assert _one("layout.remove", "进销存").before["name"] == "进销存"


def test_the_program_records_what_no_trigger_sees(ledger: str) -> None:
    audit.record("person.role", "clerk3", {"role": "clerk"}, {"role": "boss"})
    noted = _one("person.role", "clerk3")
    assert (noted.before, noted.after, noted.who) == ({"role": "clerk"}, {"role": "boss"}, _me())


@pytest.mark.parametrize("sql", ["UPDATE audit_log SET who = 'boss'", "DELETE FROM audit_log"])
def test_audit_rows_cannot_be_changed_or_deleted(ledger: str, sql: str) -> None:
    _customer()
    refused = pytest.raises(pw.DatabaseError, match="audit trail is never changed")
    with refused, db.transaction():
        database.execute_sql(sql)
    assert [r.who for r in audit.audit_log()] == [_me()]


def test_filters(ledger: str) -> None:
    c1, c2 = _customer("C1"), _customer("C2")
    session.set_user("clerk3")
    customers.update_customer(c2, CustomerDraft(code="C2", name="西关李记"))
    people.add_rep("张伟")
    everything = audit.audit_log()
    assert [r.kind for r in everything] == ["rep.add", "customer.edit", "customer.add",
                                            "customer.add"]  # fmt: skip
    assert {r.customer_id for r in audit.audit_log(AuditFilter(customer_code="c2"))} == {c2}
    assert len(audit.audit_log(AuditFilter(customer_code="C1"))) == 1
    assert [r.kind for r in audit.audit_log(AuditFilter(kind="rep"))] == ["rep.add"]
    assert len(audit.audit_log(AuditFilter(kind="customer.add"))) == 2
    if not db.is_postgres():  # PostgreSQL's who is the login, whatever the program says
        assert len(audit.audit_log(AuditFilter(user="clerk3"))) == 2
        assert len(audit.audit_log(AuditFilter(user="clerk2"))) == 2
        assert audit.audit_people() == ["clerk2", "clerk3"]
    assert audit.audit_log(AuditFilter(user="nobody")) == []
    day = everything[0].at.date()  # the server's clock on PostgreSQL
    assert len(audit.audit_log(AuditFilter(date_from=day, date_to=day))) == 4
    after = day + dt.timedelta(days=1)
    assert audit.audit_log(AuditFilter(date_from=after)) == []
    assert len(audit.audit_log(AuditFilter(date_to=day))) == 4
    assert audit.audit_log(AuditFilter(date_to=day - dt.timedelta(days=1))) == []
    assert c1 != c2


def test_a_filter_that_cannot_match_is_refused(ledger: str) -> None:
    with pytest.raises(NotFound, match="NOPE"):
        audit.audit_log(AuditFilter(customer_code="NOPE"))
    with pytest.raises(InputError, match="swap them"):
        audit.audit_log(AuditFilter(date_from=ON, date_to=ON - dt.timedelta(days=1)))
    assert audit.audit_log(AuditFilter(date_from=ON, date_to=ON)) == []  # one day: fine


def test_the_sqlite_clock_is_the_programs(sqlite_ledger: str) -> None:
    clock.pin(dt.datetime(2026, 11, 1, 8, 30))
    _customer("C1")
    clock.pin(dt.datetime(2026, 11, 2, 8, 30))
    _customer("C2")
    first = audit.audit_log(AuditFilter(date_to=dt.date(2026, 11, 1)))
    assert [(r.subject, r.at) for r in first] == [("C1", dt.datetime(2026, 11, 1, 8, 30))]


def test_another_sqlite_tool_cannot_change_a_customer_unaudited(sqlite_ledger: str) -> None:
    """The audit triggers call the program's functions: without them, the edit fails."""
    import sqlite3

    _customer()
    db.close_ledger()
    conn = sqlite3.connect(sqlite_ledger)
    try:
        with pytest.raises(sqlite3.OperationalError, match="qk_"):
            conn.execute("UPDATE customer SET credit_limit = 1")
    finally:
        conn.close()
    db.open_ledger(sqlite_ledger)
    assert _found("customer.edit") == []


@pytest.mark.only_on("postgres")  # TRUNCATE is PostgreSQL's
def test_a_truncate_is_refused_on_postgres(ledger: str) -> None:
    _customer()
    refused = pytest.raises(pw.DatabaseError, match="audit trail is never changed")
    with refused, db.transaction():
        database.execute_sql("TRUNCATE audit_log")


@pytest.mark.only_on("postgres")  # logins are PostgreSQL's
def test_another_postgres_login_is_named(ledger: str, make_role: object) -> None:
    """A raw UPDATE from psql as another person: audited with that person's login."""
    cid = _customer(credit_limit=5_000_00)
    role, password = make_role(  # type: ignore[operator]
        "clerk",
        "GRANT USAGE ON SCHEMA public TO {role}; "
        "GRANT SELECT, UPDATE ON customer, rep, route TO {role}; GRANT SELECT ON meta TO {role}",
    )
    conn = psycopg2.connect(url_for(role, password))
    try:
        with conn, conn.cursor() as cur:
            cur.execute("UPDATE customer SET credit_limit = 8000000 WHERE id = %s", (cid,))
        refused = pytest.raises(psycopg2.errors.InsufficientPrivilege)
        with conn, conn.cursor() as cur, refused:  # the trail itself is the owner's only
            cur.execute("DELETE FROM audit_log")
    finally:
        conn.close()
    edited = _one("customer.edit")
    assert (edited.who, edited.after) == (role, {"credit_limit": 8_000_000})
    from models.ledger.check import check_ledger

    assert check_ledger() == []


def test_a_customer_without_a_code_key_is_found_by_its_code(ledger: str) -> None:
    """The demo and older imports leave code_key empty: the code itself still filters."""
    cid = _customer("C00001")
    database.execute_sql(f"UPDATE customer SET code_key = NULL WHERE id = {cid}")
    found = audit.audit_log(AuditFilter(customer_code="C00001"))
    assert [r.kind for r in found] == ["customer.add"]
