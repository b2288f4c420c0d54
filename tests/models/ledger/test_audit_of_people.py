"""Issue 22: the audit trail and people together. Changes to people and roles are in the
trail with the boss who made them; a clerk's change is recorded under the clerk's own
login, and no person may write the trail or its chain tip directly."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import psycopg2
import pytest

from models.ledger import audit, customers, users
from models.storage import session
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.people_records import Role
from tests.office import Office, office_fixture  # noqa: F401  (the fixture)

BOSS_PW, CLERK_PW = "Boss-secret-1", "Clerk-secret-2"


def _kinds(subject: str) -> list[tuple[str, str, dict, dict]]:
    rows = sorted(audit.audit_log(), key=lambda r: r.id)  # oldest first
    return [(r.kind, r.who, r.before, r.after) for r in rows if r.subject == subject]


def test_people_changes_on_a_ledger_file_are_audited_with_the_boss(sqlite_ledger: str) -> None:
    opened_by = session.current_user()  # the computer's login: nobody signed in yet
    users.turn_on_sign_in("老王", BOSS_PW)
    users.add_person("xiaoli", Role.CLERK, CLERK_PW)
    users.set_person_role("xiaoli", Role.VIEWER)
    users.disable_person("xiaoli")
    assert _kinds("老王") == [("person.add", opened_by, {}, {"role": "boss"})]
    assert _kinds("xiaoli") == [
        ("person.add", "老王", {}, {"role": "clerk"}),
        ("person.role", "老王", {"role": "clerk"}, {"role": "viewer"}),
        ("person.disable", "老王", {"disabled": False}, {"disabled": True}),
    ]


def test_a_refused_people_change_leaves_no_audit_row(sqlite_ledger: str) -> None:
    users.turn_on_sign_in("老王", BOSS_PW)
    before = len(audit.audit_log())
    with pytest.raises(Exception):  # noqa: B017  (the ledger would have no boss)
        users.set_person_role("老王", Role.CLERK)
    assert len(audit.audit_log()) == before


@pytest.mark.postgres
def test_a_clerk_s_change_is_audited_under_the_clerk_s_login(office: Office) -> None:
    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    office.open_as("clerk")
    c = customers.customer_by_code("C1")
    customers.update_customer(
        c.id, CustomerDraft(code="C1", name="东城王记", address="东城路 8 号"), version=c.version
    )
    office.open_as("admin")
    edits = [r for r in audit.audit_log() if r.kind == "customer.edit" and r.subject == "C1"]
    assert [r.who for r in edits] == [office.names["clerk"]]
    assert edits[0].after.get("address") == "东城路 8 号"
    assert audit.audit_log()[-1].at.date() <= dt.date.today() + dt.timedelta(days=1)


@pytest.mark.postgres
def test_people_changes_on_a_shared_ledger_are_audited_with_the_boss(office: Office) -> None:
    office.open_as("boss")
    users.set_person_role(office.names["viewer"], Role.CLERK)
    office.open_as("admin")
    rows = _kinds(office.names["viewer"])
    assert ("person.role", office.names["boss"], {"role": "viewer"}, {"role": "clerk"}) in rows
    admin = urlsplit(office.admin).username  # the fixture added the viewer as the admin
    assert ("person.add", admin, {}, {"role": "viewer"}) in rows


@pytest.mark.postgres
@pytest.mark.parametrize("role", ["clerk", "boss"])
@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO audit_log (at, who, kind, link) VALUES (now(), 'x', 'customer.edit', 'x')",
        "UPDATE audit_log SET who = 'nobody'",
        "DELETE FROM audit_log",
        "UPDATE meta SET value = '1:x' WHERE key = 'audit_chain_tip'",
    ],
    ids=["insert", "update", "delete", "move-tip"],
)
def test_no_person_writes_the_audit_trail_directly(office: Office, role: str, sql: str) -> None:
    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))  # one row in the trail
    before = [(r.id, r.who, r.kind) for r in audit.audit_log()]
    conn = office.raw(role)
    try:
        with pytest.raises(psycopg2.Error):
            with conn.cursor() as cur:
                cur.execute(sql)
            conn.commit()
    finally:
        conn.close()
    assert [(r.id, r.who, r.kind) for r in audit.audit_log()] == before
