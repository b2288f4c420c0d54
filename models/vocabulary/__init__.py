"""The words every other room speaks: money in fen (`money`, `capitals` for the amount
in Chinese capitals), the frozen records the GUI, documents, import and CLI read (the
`*_records` modules: `customer_records`, `company_records`, `entry_records`,
`collecting_records`, `aging_records`, `paper_records`), the errors a user is shown
(`errors`), reading what a clerk typed (`parsing`, `text_rules`), today's date and time
(`clock`), translated messages (`i18n`), the program's name and version (`program`,
`version`) and `gc_pause`.

The screen and the PDF consume the same records, so they can never disagree about a
balance.

Uses nothing else of `models` (and no database): anything may use it.
"""
