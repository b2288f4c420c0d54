"""Qingkuan's ledger: data, money and every business rule. Imports no Qt.

Modules by concern: `db` (opening a ledger), `customers`, `people` (reps, routes),
`posting` (entries, voids, cheques), `ledger` (balances, pages), `aging`, `promises`,
`visits`, `credit`, `statements`, `routesheets`, `summaries`, `importing`, `demo`,
`check`. Records the rest of the app reads are in `records`.
"""
