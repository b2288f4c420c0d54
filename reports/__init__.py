"""Printable documents: statements (对账单), IOU notes (欠条) and route sheets (收款路线单).

Turns the frozen records of `models.records` into PDFs with reportlab. Imports no Qt:
the GUI, the command line and batch jobs all call the same functions.
"""
