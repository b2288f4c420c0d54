"""What an IOU note (欠条) prints: the customer, their promise(s) and the letterhead,
read in one snapshot so the paid-so-far figure and the status agree while others post."""

from __future__ import annotations

from dataclasses import dataclass

from models.customers import get_customer
from models.db import read_snapshot
from models.promises import get_promise, promises_for
from models.records import CompanySettings, Customer, CustomerId, Promise, PromiseId, PromiseStatus
from models.settings import get_company


@dataclass(frozen=True)
class IouPapers:
    """One customer's IOU notes to print: one page per promise, oldest due first."""

    customer: Customer
    promises: tuple[Promise, ...]
    company: CompanySettings


def open_ious(customer_id: CustomerId) -> IouPapers:
    """The IOU notes of the customer's open promises, by due time."""
    with read_snapshot():
        customer = get_customer(customer_id)
        promises = [p for p in promises_for(customer_id) if p.status is PromiseStatus.OPEN]
        company = get_company()
    promises.sort(key=lambda p: (p.due_at, p.id))
    return IouPapers(customer, tuple(promises), company)


def iou_of(promise_id: PromiseId) -> IouPapers:
    """The IOU note of one promise (whatever its status: a reprint is allowed)."""
    with read_snapshot():
        promise = get_promise(promise_id)
        customer = get_customer(promise.customer_id)
        company = get_company()
    return IouPapers(customer, (promise,), company)
