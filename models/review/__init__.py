"""The boss's review: the week's figures per rep and route, trends and promise records
(`review`) and how each measure is defined and shown (`measures`).

Uses `models.vocabulary`, `models.storage` and `models.ledger`.
"""
