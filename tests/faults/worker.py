"""A child process for the fault tests: posts, imports or backs up until killed.

``python -m tests.faults.worker post TARGET PREFIX COUNT`` posts COUNT deliveries (0:
until killed) to customer F1, printing each document number once its transaction has
committed: what the writer "reported committed". ``import TARGET FILE`` imports an
entries file; ``backup LEDGER FOLDER`` backs up in a loop.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys

from models import backup, db, posting
from models.customers import customer_by_code
from models.errors import LedgerError
from models.importing import import_file

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
        db.open_ledger(rest[0])
        print("started", flush=True)
        import_file("entries", rest[1])
        print("done", flush=True)
        return 0
    if what == "backup":
        print("started", flush=True)
        while True:
            backup.auto_backup(rest[0], rest[1])
            print("backup", flush=True)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
