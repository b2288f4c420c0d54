"""What the printed papers state, read from the ledger: statements of account and their
numbers and print log (`statements`, `statement_numbers`, `statement_prints`), IOU
notes (`ious`) and whether a debtor signs as a company or a person (`debtors`).

Uses `models.vocabulary`, `models.storage` and `models.ledger`.
"""
