"""A post retried with its key (a lost reply, a timeout) posts once and answers with
the entry already posted; a key reused for another post is refused."""

from __future__ import annotations

import uuid

import pytest

from models.collecting import settling
from models.ledger import ledger as ledger_pages
from models.ledger import people, posting
from models.ledger.check import check_ledger
from models.storage.tables import EntryRow, PostKeyRow, VisitRow
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import InputError
from tests.conftest import PINNED
from tests.models.helpers import make_customer

DAY = PINNED.date()


def _entries() -> int:
    return EntryRow.select().count()


@pytest.mark.parametrize(
    ("kind", "post"),
    [
        (EntryKind.DELIVERY, lambda c, k: posting.post_delivery(c, DAY, 500, doc_no="D1", post_key=k)),
        (EntryKind.PAYMENT, lambda c, k: posting.post_payment(
            c, DAY, 500, PaymentMethod.CHEQUE, cheque_no="88", post_key=k)),
        (EntryKind.RETURN, lambda c, k: posting.post_return(c, DAY, 500, doc_no="R1", post_key=k)),
        (EntryKind.DISCOUNT, lambda c, k: posting.post_discount(c, DAY, 500, post_key=k)),
        (EntryKind.WRITEOFF, lambda c, k: posting.post_writeoff(c, DAY, 500, memo="跑路", post_key=k)),
        (EntryKind.OPENING, lambda c, k: posting.post_opening(c, DAY, -500, post_key=k)),
    ],
)  # fmt: skip
def test_a_post_retried_with_its_key_posts_once(ledger: str, kind: EntryKind, post) -> None:  # type: ignore[no-untyped-def]
    c = make_customer()
    key = str(uuid.uuid4())
    first = post(c.id, key)
    again = post(c.id, key)
    assert first.kind is kind and again == first  # the same entry, cheque and all
    assert _entries() == 1
    assert ledger_pages.balance(c.id) == first.delta
    assert check_ledger() == []


def test_posts_without_a_key_or_with_new_keys_are_each_posted(ledger: str) -> None:
    c = make_customer()
    posting.post_discount(c.id, DAY, 100)
    posting.post_discount(c.id, DAY, 100)
    posting.post_discount(c.id, DAY, 100, post_key=str(uuid.uuid4()))
    posting.post_discount(c.id, DAY, 100, post_key=str(uuid.uuid4()))
    assert _entries() == 4


def test_a_key_reused_for_another_post_is_refused_and_posts_nothing(ledger: str) -> None:
    c, other = make_customer(), make_customer("C002")
    first = posting.post_delivery(c.id, DAY, 500, post_key="k-1")
    for retry in (
        lambda: posting.post_delivery(c.id, DAY, 501, post_key="k-1"),  # one fen more
        lambda: posting.post_delivery(other.id, DAY, 500, post_key="k-1"),
        lambda: posting.post_return(c.id, DAY, 500, post_key="k-1"),
    ):
        with pytest.raises(InputError) as refused:
            retry()
        assert str(refused.value) == (
            f"The key ‘k-1’ was already used for another post (entry {first.id}): nothing "
            "was posted. Each post needs its own key."
        )
    assert _entries() == 1


@pytest.mark.parametrize("length", [1, 64])
def test_keys_of_1_to_64_characters_are_taken(ledger: str, length: int) -> None:
    c = make_customer()
    posting.post_discount(c.id, DAY, 100, post_key="k" * length)
    assert PostKeyRow.select().count() == 1


@pytest.mark.parametrize("key", ["", "k" * 65, "has space", "引号", "a'b"])
def test_a_key_that_cannot_be_one_is_refused_before_anything_is_written(
    ledger: str, key: str
) -> None:
    c = make_customer()
    with pytest.raises(InputError, match="cannot identify a post"):
        posting.post_discount(c.id, DAY, 100, post_key=key)
    assert _entries() == 0


def test_a_void_retried_with_its_key_returns_the_reversal(ledger: str) -> None:
    c = make_customer()
    entry = posting.post_delivery(c.id, DAY, 500)
    first = posting.void(entry.id, "录错", post_key="void-1")
    assert posting.void(entry.id, "录错", post_key="void-1") == first
    assert _entries() == 2 and ledger_pages.balance(c.id) == 0
    with pytest.raises(Exception, match="already been voided"):
        posting.void(entry.id, "录错", post_key="void-2")  # a new void: refused as before


def test_a_route_day_saved_twice_with_its_key_is_posted_once(ledger: str) -> None:
    route = people.add_route("城东线", (PINNED.isoweekday(),))
    c = make_customer(route="城东线")
    posting.post_delivery(c.id, DAY, 1000_00)
    rows = [
        settling.SettleRow(customer_id=c.id, amount=900_00, method=PaymentMethod.CASH, tail_cut=50)
    ]
    first = settling.settle(route.id, DAY, rows, post_key="grid-1")
    again = settling.settle(route.id, DAY, rows, post_key="grid-1")
    assert again.payments == first.payments and again.tail_cuts == first.tail_cuts
    assert _entries() == 3 and VisitRow.select().count() == 1  # the visit is not logged twice
    assert ledger_pages.balance(c.id) == 1000_00 - 900_00 - 50
