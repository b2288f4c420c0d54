"""Qingkuan's ledger: data, money and every business rule. Imports no Qt.

Rooms, each importing only the ones before it:
`vocabulary` (money, records, errors, clock, translations) ← `storage` (the ledger file
or database, its guards, chain, backups) ← `ledger` (customers, posting, balances,
aging, promises, credit, settings) ← `papers` (what statements and IOU notes state),
`collecting` (Today, calls, visits, route days, settling, hand-over) and `review` (the
boss's figures) ← `exchange` (import, export, the demo). tests/test_layers.py keeps
that order. docs/architecture.md walks through it.
"""
