"""A shared ledger reached through a connection pooler: PgBouncer in session pooling
in front of the office's server, as README's server set-up offers it (opening then
reuses a server process whose caches are warm: 8.9 ms instead of 18 on the bench
ledger). Everything works through it as when connected directly: the ledger is set up
and opened, the signed-in person and their role are the login's, posting and reading
agree, opening again finds every guard in place, and change notices reach another
connection while a program's own are left out (the pooler gives libpq a process id of
its own making: the server's is asked).

QK_TEST_PGBOUNCER names the pooler (host:port) in front of QK_TEST_PG's server;
without it these tests skip, saying so (.ci/run starts one and sets it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from models.ledger import ledger, posting
from models.storage import change_notices, connections, db, session
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.people_records import Role
from tests.conftest import close_test_ledger, postgres_or_skip
from tests.models.helpers import D, make_customer

POOLER = os.environ.get("QK_TEST_PGBOUNCER", "")


@pytest.fixture
def pooled() -> Iterator[str]:
    """This run's database, reached through the pooler."""
    if not POOLER:
        reason = "no connection pooler to test through: set QK_TEST_PGBOUNCER=host:port"
        if os.environ.get("QK_REQUIRE_PG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    direct = urlparse(postgres_or_skip())
    login = direct.netloc.rsplit("@", 1)[0]
    url = direct._replace(netloc=f"{login}@{POOLER}").geturl()
    try:
        yield url
    finally:
        close_test_ledger()


@pytest.mark.postgres
def test_a_ledger_through_the_pooler_is_set_up_signed_in_posted_and_read(pooled: str) -> None:
    db.open_ledger(pooled)
    who = session.signed_in()
    assert who is not None and who.name == urlparse(pooled).username and who.role is Role.BOSS
    shop = make_customer()
    posting.post_delivery(shop.id, D(2026, 11, 2), 120_00, doc_no="SH-1")
    posting.post_payment(shop.id, D(2026, 11, 3), 20_00, PaymentMethod.CASH)
    db.close_ledger()
    db.open_ledger(pooled)  # the pooler hands over the same server process
    assert db.guards_warning() == ""
    assert ledger.balance(shop.id, D(2026, 11, 3)) == 100_00


@pytest.mark.postgres
def test_change_notices_reach_others_through_the_pooler_and_not_their_sender(
    pooled: str,
) -> None:
    db.open_ledger(pooled)
    shop = make_customer()
    watcher = change_notices.watch()
    try:
        posting.post_delivery(shop.id, D(2026, 11, 2), 10_00)  # this program's own
        assert watcher.poll() == frozenset()
        other = connections.connect_postgres(pooled)  # another program's connection
        try:
            other.execute_sql("INSERT INTO rep (name, phone, active) VALUES ('王五', '', true)")
        finally:
            other.close()
        assert "rep" in watcher.poll()
    finally:
        watcher.close()
