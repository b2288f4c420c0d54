"""The collector's work: Today's list (`today`), overdue accounts (`overdue`), calls and
reminders (`calls`, `reminders`), visits (`visits`), route days' sheets
(`routesheets`), settling a route day's takings (`settling`) and the hand-over to the
office (`handover`).

Uses `models.vocabulary`, `models.storage` and `models.ledger`.
"""
