"""Pausing Python's cyclic garbage collector while a reader builds many records.

Today, aging and the customer list build tens of thousands of small frozen records
that never form reference cycles. Each 700 allocations start a collection, and with
10,000 customers already alive the older generations get walked again and again:
about a tenth of Today's time on the 10,000-customer ledger went to collections that
found nothing. Reference counting still frees everything as usual; the collector runs
again when the reader is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (nested blocks leave it to the
    outermost one; a thread entering meanwhile only delays the next collection)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
