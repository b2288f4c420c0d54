"""Processes that work on one ledger together (tests/models/storage/test_working_together.py):
clerks editing one customer, retrying a post with one key, posting while another
process listens. Each is spawned (shares nothing with the test but the ledger) and
waits at a barrier so all start together."""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
from collections.abc import Callable
from typing import Any

from models.ledger import customers, posting
from models.storage import db
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.errors import ChangedMeanwhile
from tests.models.helpers import act_as
from tests.models.racers import PINNED, _start


def run_each(worker: Callable[..., Any], arg_lists: list[tuple]) -> list[Any]:
    """Run `worker(barrier, *args)` once per args, each in its own spawned process."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Manager().Barrier(len(arg_lists))
    with ctx.Pool(len(arg_lists)) as pool:
        pending = [pool.apply_async(worker, (barrier, *args)) for args in arg_lists]
        return [p.get(timeout=600) for p in pending]


def _draft(customer_id: int, **changes: object) -> tuple[int, CustomerDraft]:
    c = customers.get_customer(customer_id)
    draft = CustomerDraft(code=c.code, name=c.name, notes=c.notes, terms=c.terms)
    return c.version, dataclasses.replace(draft, **changes)


def save_once(barrier: Any, target: str, customer_id: int, clerk: str, address: str) -> str:
    """Read the customer, wait for the other clerk, save a new address: "ok" or the
    sentence the save was refused with."""
    _start(barrier, target)  # opens, then waits for every racer
    act_as(clerk)
    try:
        version, draft = _draft(customer_id, address=address)
        barrier.wait()  # both have read the same version
        try:
            customers.update_customer(customer_id, draft, version=version)
        except ChangedMeanwhile as err:
            return str(err)
        return "ok"
    finally:
        db.close_ledger()


def count_up(barrier: Any, target: str, customer_id: int, clerk: str, times: int) -> int:
    """Add one to the number in the customer's notes `times` times, each as a clerk
    would (read, edit, save; reload when refused). Returns how often it was refused."""
    _start(barrier, target)
    act_as(clerk)
    refused = 0
    try:
        for _n in range(times):
            while True:
                c = customers.get_customer(customer_id)
                version, draft = _draft(customer_id, notes=str(int(c.notes or "0") + 1))
                if version != c.version:
                    continue  # read between two saves: read again
                try:
                    customers.update_customer(customer_id, draft, version=version)
                except ChangedMeanwhile as err:
                    assert "changed by clerk" in str(err), str(err)
                    refused += 1
                    continue
                break
        return refused
    finally:
        db.close_ledger()


def post_with_key(barrier: Any, target: str, customer_id: int, key: str) -> int:
    """Post one delivery with `key` at the same moment as the others: its entry id."""
    _start(barrier, target)
    try:
        return posting.post_delivery(customer_id, PINNED.date(), 700, post_key=key).id
    finally:
        db.close_ledger()


def post_one(target: str, customer_id: int) -> int:
    """Another clerk's window posts a payment (no barrier)."""
    from models.vocabulary import clock
    from models.vocabulary.i18n import set_language

    clock.pin(PINNED)
    set_language("en")
    db.open_ledger(target, create=False)
    try:
        return posting.post_payment(customer_id, PINNED.date(), 300, "cash").id
    finally:
        db.close_ledger()
