"""Printable documents and spreadsheets: statements (对账单), IOU notes (欠条), route
sheets (收款路线单), reports for the boss, and exports.

Rooms: `typesetting` (fonts, the pen, page layout, safe output) ← `spreadsheets` (CSV and
XLSX without formulas) ← `documents` (each paper). They turn the frozen records of
`models.vocabulary` (its `*_records` modules) into files. Imports no Qt: the GUI, the
command line and batch jobs all call the same functions.
"""
