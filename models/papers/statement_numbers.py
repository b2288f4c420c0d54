"""Statement numbers (``DZ-000123``): the form a number is printed in, and the last one
a customer was given. Apart from `models.papers.statements`, which issues them, so that an IOU
note can name its statement (`models.papers.ious`) without importing what builds statements."""

from __future__ import annotations

from models.storage.tables import StatementNoRow
from models.vocabulary.customer_records import CustomerId


def statement_number(n: int) -> str:
    """``DZ-000123``: the printed form of statement number `n`."""
    return f"DZ-{n:06d}"


def last_statement_number(customer_id: CustomerId) -> str:
    """The number of the customer's last printed statement, "" when none."""
    last = (
        StatementNoRow.select(StatementNoRow.id)
        .where(StatementNoRow.customer == customer_id)
        .order_by(StatementNoRow.id.desc())
        .first()
    )
    return statement_number(last.id) if last is not None else ""
