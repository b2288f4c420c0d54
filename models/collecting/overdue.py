"""Every customer's balance and overdue amount in two queries, for Today.

Aging walks each customer's open debits (`models.ledger.aging`): exact, but 10,000 customers
take about half a second. Today needs only the overdue total per customer, and under
FIFO that has a shortcut: what stays open is the newest debits covering the balance,
and under cash, N-day and monthly terms a debit's due date grows with its date — so
the debits not yet due are the newest ones, and

    overdue = balance − min(balance, sum of the deliveries not yet due).

Under "pay on the next delivery" only the newest delivery before the day (and any on
the day) is not yet due. An opening balance is due on its own date whatever the terms;
the rare customer with a recent opening balance is aged the slow, exact way. The test
suite checks this against `models.ledger.aging` on a demo ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from models.ledger.aging import age_customers, balances_as_of
from models.storage.db import is_postgres, placeholders
from models.storage.tables import database
from models.vocabulary.customer_records import Customer, TermsKind
from models.vocabulary.money import Fen

_STANDING = (
    "e.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id)"
)

_NOT_DUE_SQLITE = f"""
SELECT e.customer_id, SUM(e.delta) FROM customer c JOIN entry e ON e.customer_id = c.id
WHERE c.terms_kind IN ('cash', 'days', 'monthly') AND e.delta > 0
  AND e.date <= ? AND e.date >= CASE c.terms_kind WHEN 'cash' THEN ? WHEN 'monthly' THEN ?
      ELSE date(?, '-' || c.terms_days || ' days') END
  AND {_STANDING}
GROUP BY e.customer_id
"""
# PostgreSQL: the same sums, each customer's read from the (customer, date) index (a
# join let the planner scan all million entries: the lower date bound depends on the
# customer's terms).
_NOT_DUE_PG = f"""
SELECT c.id, d.total FROM customer c CROSS JOIN LATERAL (
    SELECT SUM(e.delta) AS total FROM entry e
    WHERE e.customer_id = c.id AND e.delta > 0 AND e.date <= %s
      AND e.date >= CASE c.terms_kind WHEN 'cash' THEN %s WHEN 'monthly' THEN %s
          ELSE %s::date - c.terms_days END
      AND {_STANDING}
) d
WHERE c.terms_kind IN ('cash', 'days', 'monthly') AND d.total IS NOT NULL
"""
# Next-delivery terms: the day's debits, and the newest debit before the day (unless it
# is an opening balance, due on its date). Debits are the standing entries with a
# positive delta: deliveries and openings, which the covering index answers alone.
_NEXT = f"""
SELECT c.id,
  (SELECT COALESCE(SUM(e.delta), 0) FROM entry e WHERE e.customer_id = c.id
     AND e.delta > 0 AND e.date = ? AND {_STANDING}),
  (SELECT CASE WHEN e.kind = 'opening' THEN 0 ELSE e.delta END FROM entry e
     WHERE e.customer_id = c.id AND e.delta > 0 AND e.date < ? AND {_STANDING}
     ORDER BY e.date DESC, e.id DESC LIMIT 1)
FROM customer c WHERE c.terms_kind = 'next'
"""
_RECENT_OPENINGS = (
    "SELECT DISTINCT customer_id FROM entry WHERE kind = 'opening' AND delta > 0 "
    "AND reverses_id IS NULL AND date >= ?"
)


def _previous_month_start(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def owed_and_overdue(customers: Iterable[Customer], as_of: dt.date) -> dict[int, tuple[Fen, Fen]]:
    """Customer id → (balance, overdue) as of the end of `as_of`, as `models.ledger.aging`
    would give them."""
    customers = list(customers)
    balances = balances_as_of(as_of)
    month = _previous_month_start(as_of)
    sql = _NOT_DUE_PG if is_postgres() else _NOT_DUE_SQLITE
    not_due = {
        cid: int(total) for cid, total in database.execute_sql(sql, (as_of, as_of, month, as_of))
    }
    for cid, today_sum, newest in database.execute_sql(placeholders(_NEXT), (as_of, as_of)):
        not_due[cid] = int(today_sum or 0) + int(newest or 0)
    longest = max((c.terms.days for c in customers if c.terms.kind is TermsKind.DAYS), default=0)
    since = min(as_of - dt.timedelta(days=longest), month)
    slow_ids = {row[0] for row in database.execute_sql(placeholders(_RECENT_OPENINGS), (since,))}
    result: dict[int, tuple[Fen, Fen]] = {}
    slow = []
    for c in customers:
        balance = balances.get(c.id, 0)
        if balance <= 0:
            result[c.id] = (balance, 0)
        elif c.id in slow_ids:
            slow.append(c)
        else:
            result[c.id] = (balance, balance - min(balance, not_due.get(c.id, 0)))
    for row in age_customers(slow, as_of).rows:
        result[row.customer_id] = (row.balance, row.overdue)
    return result
