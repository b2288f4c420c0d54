"""A child process for the fault tests: posts, imports or backs up until killed.

``python -m tests.faults.worker post TARGET PREFIX COUNT`` posts COUNT deliveries (0:
until killed) to customer F1, printing each document number once its transaction has
committed: what the writer "reported committed". ``import TARGET FILE`` imports an
entries file; ``backup LEDGER FOLDER`` backs up in a loop.

For the storm (tests/faults/storm.py), each prints ``ready`` once at work, then one line
per thing done, always after its commit returned:

- ``clerk TARGET PREFIX [lookout]``: deliveries to random customers, re-opening the
  ledger now and then (with ``lookout``, a thread reads all the while); prints ``post DOC``.
- ``settle TARGET PREFIX``: settles route days (models/collecting/settling.py), each grid a few
  cash payments with the note TAG; prints ``grid TAG ROWS`` before and ``settle TAG
  ROWS`` once posted.
- ``backups LEDGER FOLDER``: automatic backups in a loop; prints ``backup NAME``.
- ``reader TARGET``: another program reading the ledger, opening and closing it (plain
  sqlite3 or psycopg2, no Qingkuan code); prints nothing more.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import random
import sqlite3
import sys
import threading
import time

from models.ledger import posting
from models.ledger.customers import customer_by_code
from models.storage import backup_folder, db
from models.vocabulary.errors import LedgerError
from tests.faults.delivering import deliver

DAY = dt.date(2026, 11, 20)


def post(target: str, prefix: str, count: int) -> int:
    db.open_ledger(target)
    customer = customer_by_code("F1").id
    numbers = range(count) if count else itertools.count()
    for i in numbers:
        doc = f"{prefix}-{i}"
        try:
            posting.post_delivery(customer, DAY, 1_00 + i, doc_no=doc)
        except LedgerError as err:
            print(f"ERROR {err}", file=sys.stderr, flush=True)
            return 1
        print(doc, flush=True)
    db.close_ledger()
    return 0


def main(argv: list[str]) -> int:
    what, *rest = argv
    if what == "post":
        return post(rest[0], rest[1], int(rest[2]))
    if what == "import":
        from models.exchange.importing.run import import_file

        db.open_ledger(rest[0])
        print("started", flush=True)
        import_file("entries", rest[1])
        print("done", flush=True)
        return 0
    if what == "backup":
        print("started", flush=True)
        while True:
            backup_folder.auto_backup(rest[0], rest[1])
            print("backup", flush=True)
    if what in STORM:
        return STORM[what](*rest)
    return 2


def clerk(target: str, prefix: str, lookout: str = "") -> int:
    """Deliveries to random customers, as a clerk keys them; re-opens every 40. With
    ``lookout``, a thread meanwhile reads balances through its own connection, which it
    keeps open (SQLite only)."""
    rng = random.Random(prefix)
    db.open_ledger(target)
    from models.storage.tables import CustomerRow

    ids = [c for (c,) in CustomerRow.select(CustomerRow.id).tuples()]
    if lookout:
        threading.Thread(target=_look_out, args=(target,), daemon=True).start()
    print("ready", flush=True)
    for i in itertools.count():
        if i and i % 40 == 0:
            db.open_ledger(target)  # closes it first: a re-open, as the commands do
        doc = f"{prefix}-{i}"
        deliver(rng.choice(ids), DAY, 1_00 + i % 900, doc)
        print(f"post {doc}", flush=True)
        time.sleep(rng.uniform(0.005, 0.04))
    return 0


def _look_out(target: str) -> None:
    """Another reader inside the clerk's process, on a connection of its own that it
    keeps open (as the window's backup thread does with its copy of the ledger)."""
    conn = sqlite3.connect(target, timeout=5, check_same_thread=False)
    while True:
        with contextlib.suppress(sqlite3.Error):  # e.g. busy during a restore: read again
            conn.execute("SELECT count(*), sum(balance) FROM balance_cache").fetchall()
        time.sleep(0.01)


def settler(target: str, prefix: str) -> int:
    """Route days settled one after the other: each grid pays 1.00 to 3.00 at up to four
    stops, every payment with the grid's tag as its note."""
    from models.collecting.settling import SettleRow, settle, settle_stops
    from models.ledger import people
    from models.vocabulary import clock
    from models.vocabulary.entry_records import PaymentMethod

    rng = random.Random(prefix)
    db.open_ledger(target)
    routes = [r.id for r in people.list_routes()]
    print("ready", flush=True)
    for i in itertools.count():
        tag = f"{prefix}-{i}"
        day = clock.today() - dt.timedelta(days=rng.randrange(3))
        route = rng.choice(routes)
        stops = settle_stops(route, day)[:4]
        rows = [
            SettleRow(
                s.customer.id, amount=1_00 * rng.randint(1, 3), method=PaymentMethod.CASH, note=tag
            )
            for s in stops
        ]
        if rows:
            print(f"grid {tag} {len(rows)}", flush=True)  # its size, should it die
            settle(route, day, rows)
            print(f"settle {tag} {len(rows)}", flush=True)
        time.sleep(rng.uniform(0.02, 0.1))
    return 0


def backups(ledger: str, folder: str) -> int:
    """Automatic backups one after the other, as the window's hourly ones but often."""
    print("ready", flush=True)
    while True:
        made = backup_folder.auto_backup(ledger, folder)
        print(f"backup {made.name}", flush=True)
        time.sleep(random.uniform(0.1, 0.4))


def reader(target: str) -> int:
    """Another program on the ledger: opens it, reads, closes it, again and again."""
    pause = (0.05, 0.2) if db.is_postgres_url(target) else (0.005, 0.06)
    if db.is_postgres_url(target):
        import psycopg2

        def connect():  # noqa: ANN202 - either driver's connection
            return psycopg2.connect(target)
    else:

        def connect():  # noqa: ANN202
            return sqlite3.connect(target, timeout=5)

    for i in itertools.count():
        conn = connect()
        try:
            cur = conn.cursor()
            cur.execute("SELECT count(*), sum(delta) FROM entry")
            cur.fetchone()
        finally:
            conn.close()
        if i == 0:
            print("ready", flush=True)
        # A PostgreSQL connection costs the server a process: fewer of them.
        time.sleep(random.uniform(*pause))
    return 0


STORM = {"clerk": clerk, "settle": settler, "backups": backups, "reader": reader}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
