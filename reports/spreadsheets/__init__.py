"""Spreadsheets (CSV and XLSX) that never carry a formula (`safe_export`): the aging
report (`aging_sheet`), the review's tables (`review_exports`), the accountant's and
moving exports (`exports`) and import templates (`templates`).

Uses `reports.typesetting` (its safe file writing) and `models`.
"""
