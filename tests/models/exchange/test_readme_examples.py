"""The README's search example works on the demo ledger a newcomer gets."""

from __future__ import annotations

import re
from pathlib import Path

from models.exchange import demo
from models.ledger import customers
from models.ledger.search import matches, search_key

ROOT = Path(__file__).resolve().parents[3]


def test_readme_search_example_finds_its_customer_in_the_demo(ledger_target: None) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"search `([^`]+)` finds ([^\s)|]+)", readme)
    assert example is not None
    query, name = example.groups()
    demo.make_demo(days=7)  # the demo's customers; fewer days of history
    found = [
        c.name
        for c in customers.list_customers()
        if matches(search_key(c.code, c.name, c.phones, c.contact), query)
    ]
    assert name in found
