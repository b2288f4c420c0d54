"""The ledger's rules: customers and their terms (`customers`, `search`), reps and
routes (`people`), posting and voiding entries (`posting`), an entry read back
(`entries`), cheques and their status (`cheque_status`), balances and pages
(`ledger`), aging and due dates (`aging`), credit limits (`credit`), promises to pay
and whether one is kept (`promises`), the office's settings (`settings`,
`reminder_templates`), the customer list's summaries (`summaries`) and the
whole-ledger check (`check`).

Uses `models.vocabulary` and `models.storage`.
"""
