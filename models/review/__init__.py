"""The boss's review: every figure as of a date and what is behind it (`review`), made of
the trend of collections against deliveries (`trends`), the figures per rep and route
(`groups`) and how customers keep promises and what they say on visits
(`promise_keeping`), reading the database's raw rows with `raw_rows`; and how each
measure is defined and shown (`measures`).

Uses `models.vocabulary`, `models.storage` and `models.ledger`.
"""
