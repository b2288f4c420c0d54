"""A program posting deliveries into a ledger in a loop while a test restores it.

``python -m tests.models.restore_poster LEDGER MODE STOP``: posts delivery notes P000001,
P000002 … for customer 1 until the file STOP exists, printing ``committed <doc_no>``
after each commit returns (what this program was told was committed) and ``refused
<sentence>`` for a post that was refused. MODE ``each`` opens and closes the ledger for
every post (a command run again and again); ``held`` keeps it open (a window).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import peewee as pw

from models.ledger import posting
from models.storage import db
from models.vocabulary import clock
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import set_language

ON = dt.date(2026, 11, 20)


def main(ledger: str, mode: str, stop: Path) -> None:
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    set_language("en")
    n = 0
    if mode == "held":
        db.open_ledger(ledger, create=False)
    print("started", flush=True)
    while not stop.exists():
        n += 1
        doc = f"P{n:06d}"
        try:
            if mode == "each":
                db.open_ledger(ledger, create=False)
            posting.post_delivery(1, ON, 100, doc_no=doc)
        except (LedgerError, pw.OperationalError) as err:
            print("refused", " ".join(str(err).split()), flush=True)
            time.sleep(0.01)
            continue
        finally:
            if mode == "each":
                db.close_ledger()
        print("committed", doc, flush=True)
    db.close_ledger()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
