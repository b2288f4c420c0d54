"""A process with the ledger open, a worker thread reading it, something touching the file
from outside SQLite, another program reading and closing the ledger, then posts.

Run as ``python -m tests.models.live_processes LEDGER ACTION``; prints ``posted N seen M``:
the posts it saw committed and the entries another program counts while this process
still has the ledger open. The test counts them in the file again once it has ended
(tests/models/storage/test_live_files.py). ACTION is what touches the ledger while the worker reads:

- ``raw``: plain ``open``/``close`` of the file (what the old header sniff did), the
  harness's own proof that a loss is seen;
- ``reopen``: `db.open_ledger` on the same file again (the window opening a ledger);
- ``read_totals``: `backup.read_totals` on the open ledger (the backups list);
- ``import_sheet``, ``font``, ``output``: the ledger chosen as a file to import, as the
  documents' font, as a document's ``--out`` (each refused);
- ``none``: nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path

from models.exchange.importing.reading import read_sheet
from models.ledger.posting import post_delivery
from models.storage import backup, db
from models.storage.output_paths import OutputKind, check_output
from models.storage.tables import CustomerRow, EntryRow
from models.vocabulary import clock
from models.vocabulary.errors import InputError
from reports.typesetting.fonts import FontRefused, inspect_font

POSTS = 200


def other_program_reads(path: str) -> int:
    """Another process opens the ledger, counts the entries, closes (and checkpoints and
    deletes the -wal file if it finds itself alone)."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('SELECT count(*) FROM entry').fetchone()[0]); c.close()"
    )
    done = subprocess.run([sys.executable, "-c", code, path], check=True, capture_output=True)
    return int(done.stdout)


def main(path: str, action: str) -> None:
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    db.open_ledger(path, create=False)
    customer = CustomerRow.select().first().id
    reading, done = threading.Event(), threading.Event()

    def worker() -> None:  # a background read in a snapshot, as the window's readers do
        with db.read_snapshot():
            EntryRow.select().count()
            reading.set()
            done.wait()
        db.close_thread_connection()

    thread = threading.Thread(target=worker)
    thread.start()
    reading.wait()
    if action == "raw":
        with Path(path).open("rb") as fh:
            fh.read(16)
    elif action == "reopen":
        db.open_ledger(path, create=False)
    elif action == "read_totals":
        backup.read_totals(path, check=False)
    elif action == "import_sheet":  # the ledger chosen as the file to import: refused
        with contextlib.suppress(InputError):
            read_sheet(path)
    elif action == "font":  # the ledger chosen as the PDF font in Settings: refused
        with contextlib.suppress(FontRefused):
            inspect_font(path)
    elif action == "output":  # the ledger named as a document's --out: refused
        with contextlib.suppress(InputError):
            check_output(path, OutputKind.PDF)
    other_program_reads(path)
    posted = 0
    for i in range(POSTS):
        post_delivery(customer, dt.date(2026, 11, 20), 100 + i, doc_no=f"live-{i}")
        posted += 1
    seen = other_program_reads(path)  # the ledger still open here, as in the window
    done.set()
    thread.join()
    db.close_ledger()
    print(f"posted {posted} seen {seen}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
