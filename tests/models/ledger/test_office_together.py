"""Issue 22's test of the shared office: concurrent sessions of different people, each
signed in as their own PostgreSQL login, in processes of their own. No update is lost,
no retried post posts twice, and every change is in the audit trail with its person."""

from __future__ import annotations

from collections import Counter

import psycopg2

from models.ledger import audit, customers
from models.ledger.check import check_ledger
from models.vocabulary.customer_records import CustomerDraft
from tests.models import together_racers
from tests.office import Office, office_fixture, person_url  # noqa: F401  (the fixture)

TIMES = 10


def _rows(office: Office, sql: str) -> list[tuple]:
    conn = psycopg2.connect(office.admin)
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()
    finally:
        conn.close()


def test_two_clerks_at_once_lose_no_update_post_once_and_are_each_audited(
    office: Office,
) -> None:
    c = customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    first = office.names["clerk"]
    second, password = office.add("clerk", "clerk2")
    urls = {first: office.url("clerk"), second: person_url(office.admin, second, password)}

    # Each edits the same customer TIMES times (read, edit, save; reload when refused).
    together_racers.run_each(
        together_racers.count_up, [(url, c.id, "", TIMES) for url in urls.values()]
    )
    assert customers.get_customer(c.id).notes == str(2 * TIMES)  # nothing lost

    # Each retries its post (same key, twice at once); both post at the same moment.
    keys = {
        first: "0b6f6a52-1d1e-4f7e-9a51-5d1e0d0c0001",
        second: "0b6f6a52-1d1e-4f7e-9a51-5d1e0d0c0002",
    }
    jobs = [(urls[who], c.id, keys[who]) for who in (first, first, second, second)]
    ids = together_racers.run_each(together_racers.post_with_key, jobs)
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    assert _rows(office, "SELECT count(*) FROM entry") == [(2,)]  # no double post
    by = dict(_rows(office, "SELECT id, entered_by FROM entry"))
    assert (by[ids[0]], by[ids[2]]) == (first, second)

    edits = Counter(r.who for r in audit.audit_log() if r.kind == "customer.edit")
    assert edits == {first: TIMES, second: TIMES}  # every save, under its person
    assert check_ledger() == []
