"""A realistic demo ledger: Chinese shops on five routes, a year of trade.

Three reps, five routes, customers with mixed terms and habits, deliveries, payments in
every method (cheques and drafts, one of them bounced), tail cuts, returns, a few voided
typing slips, promises kept and broken, and visits with the guide's reasons. With
``customers=10000`` and a year of days it writes about a million entries, for
benchmarks; rows go in with bulk inserts inside one transaction.

Made here from its parts: the business's people and customers (`demo_customers`), each
customer's history of entries, promises and visits (`demo_history`) and the bulk writing
of the rows (`demo_rows`); its size is in `demo_defaults`.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Callable
from pathlib import Path

from models.exchange import demo_defaults
from models.exchange.demo_customers import REPS, ROUTES, add_customers
from models.exchange.demo_history import bounce_one, simulate
from models.exchange.demo_rows import CHUNK, Rows, flush
from models.ledger.settings import save_company
from models.storage.db import close_ledger, open_ledger, transaction
from models.storage.tables import CustomerRow, EntryRow, RepRow, RouteRow, database
from models.vocabulary import clock
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import _

# The demo business: the window's "Try the demo" and the command line's ``demo`` build
# the same one (models/exchange/demo_defaults.py).
DEMO_CUSTOMERS = demo_defaults.DEMO_CUSTOMERS
DEMO_DAYS = demo_defaults.DEMO_DAYS


def build_demo_file(
    path: Path, progress: Callable[[int, int], None] | None = None, **options: int
) -> int:
    """Build a demo ledger as the file `path` (which must not exist yet) and return the
    entries written. It is built under a temporary name and renamed when done, so a
    half-built demo never opens. Leaves no ledger open."""
    partial = path.with_name(path.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    open_ledger(str(partial))
    try:
        written = make_demo(progress=progress, **options)
    finally:
        close_ledger()
    os.replace(partial, path)
    return written


def _is_empty() -> bool:
    return not (CustomerRow.select().exists() or EntryRow.select().exists())


def make_demo(
    customers: int | None = None,
    days: int | None = None,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Fill an empty ledger with a demo business. Returns the number of entries written.

    Refuses (LedgerError) to write into a ledger that already has customers or entries.
    `customers` and `days` default to the demo business (DEMO_CUSTOMERS, DEMO_DAYS).
    """
    customers = DEMO_CUSTOMERS if customers is None else customers
    days = DEMO_DAYS if days is None else days
    low, high = demo_defaults.DEMO_CUSTOMERS_RANGE
    if not low <= customers <= high:
        raise LedgerError(_("The demo needs between 1 and 100,000 customers."))
    low, high = demo_defaults.DEMO_DAYS_RANGE
    if not low <= days <= high:
        raise LedgerError(_("The demo needs between 7 and 3,650 days."))
    if not _is_empty():
        raise LedgerError(
            _("This ledger already has customers or entries: the demo only fills an empty ledger.")
        )
    rng = random.Random(seed)
    end = clock.today()
    start = end - dt.timedelta(days=days - 1)
    save_company(
        CompanySettings(
            name="清款示范商贸有限公司",
            address="广东省佛山市禅城区建设路88号",
            phone="0757-8888 6666",
            bank_account="工商银行佛山分行 2013 0088 6666 1234 567",
        )
    )
    with transaction():
        rep_ids = [RepRow.create(name=n, phone=p).id for n, p in REPS]
        route_ids = [
            RouteRow.create(name=n, weekdays=",".join(map(str, w)), rep=rep_ids[r]).id
            for n, w, r in ROUTES
        ]
        shops = add_customers(rng, customers, rep_ids, route_ids, start)
        rows = Rows()
        for i, shop in enumerate(shops):
            route_days = ROUTES[(shop.id - 1) % len(ROUTES)][1]
            simulate(rng, shop, route_days, start, end, rows)
            if len(rows.entries) >= CHUNK:
                flush(rows)
            if progress and i % 500 == 0:
                progress(i, len(shops))
        bounce_one(rng, rows)
        flush(rows, final=True)
    database.execute_sql("ANALYZE")
    return EntryRow.select().count()
