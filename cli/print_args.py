"""The arguments of the documents: ``print`` (statement, iou, route, aging, review,
packet) and ``today``."""

from __future__ import annotations

import argparse

from cli.arg_types import date_arg, days_arg, month_arg, paper_arg
from cli.parser_base import command
from models.vocabulary.i18n import _


def add_print(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``print`` and its documents, each with its language, paper and output file."""
    printing = command(
        commands, "print", _("print a statement, IOU notes or a route sheet"),
        _("Writes a PDF: a statement, the IOU notes of open promises, or a route sheet."),
        ("main.py print statement C00012 --out s.pdf", "main.py print route 城东线 --out r.pdf"),
        [db_too],
    )  # fmt: skip
    docs = printing.add_subparsers(dest="document", metavar="document", required=True)
    statement = command(
        docs, "statement", _("a customer's statement (对账单)"),
        _(
            "The customer's entries in the period with a running balance, open promises, "
            "the aging and a balance-confirmation slip to tear off. The period defaults to "
            "the last 90 days up to today."
        ),
        ("main.py print statement C00012 --out s.pdf",
         "main.py print statement C00012 --from 2026-11-01 --to 2026-11-30 --lang en --out s.pdf",
         "main.py print statement C00012 --image s.png"),
        [db_too],
    )  # fmt: skip
    statement.add_argument("code", metavar="CODE", help=_("the customer's code"))
    statement.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD",
                           help=_("first day of the period (default: 90 days in all, up to --to)"))  # fmt: skip
    statement.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD",
                           help=_("last day of the period (default: --as-of, else today)"))  # fmt: skip
    statement.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD",
                           help=_("the date the balance and aging are given at "
                                  "(default: the end of the period)"))  # fmt: skip
    iou = command(
        docs, "iou", _("IOU notes (欠条) of a customer's open promises"),
        _(
            "One IOU note per open promise, with the amount in figures and in capitals and "
            "the agreed clearance date in large type, for the customer to sign."
        ),
        ("main.py print iou C00012 --out iou.pdf",),
        [db_too],
    )  # fmt: skip
    iou.add_argument("code", metavar="CODE", help=_("the customer's code"))
    route = command(
        docs, "route", _("a route sheet (收款路线单) for a route day"),
        _(
            "The route's stops in visit order with balance, overdue, the day's promises, "
            "phone and who can pay, and columns to fill in by hand."
        ),
        ("main.py print route 城东线 --out route.pdf",
         "main.py print route 城东线 --date 2026-12-14 --out route.pdf"),
        [db_too],
    )  # fmt: skip
    route.add_argument("route", metavar="ROUTE", help=_("the route's name"))
    route.add_argument(
        "--date", type=date_arg, metavar="YYYY-MM-DD",
        help=_("the route day (default: the route's next route day after today)"),
    )  # fmt: skip
    aging = command(
        docs, "aging", _("the aging report (账龄分析表) by rep or by route"),
        _(
            "A row per customer with a balance: balance, the aging buckets and overdue, "
            "grouped by rep or by route with subtotals and a grand total. A4 portrait."
        ),
        ("main.py print aging --out aging.pdf",
         "main.py print aging --by route --as-of 2026-11-30 --out aging.pdf"),
        [db_too],
    )  # fmt: skip
    aging.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD",
                       help=_("the date to age at (default: today)"))  # fmt: skip
    aging.add_argument("--by", choices=("rep", "route"), default="rep",
                       help=_("group by rep (default) or by route"))  # fmt: skip
    review = command(
        docs, "review", _("the weekly review for the boss's meeting"),
        _(
            "Total owed and overdue, DSO, CEI and ADD, this month against last month and "
            "last year, the charts, the per-rep and per-route tables, top debtors, broken "
            "promises and the reasons customers gave."
        ),
        ("main.py print review --out review.pdf",
         "main.py print review --as-of 2026-11-30 --lang en --out review.pdf"),
        [db_too],
    )  # fmt: skip
    review.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("the date of the review (default: today)"))  # fmt: skip
    route.add_argument("--all", action="store_true",
                       help=_("every stop, also those owing nothing"))  # fmt: skip
    packet = command(
        docs, "packet",
        _("a route-day packet: the route sheet, then each stop's statement and IOU notes"),
        _(
            "One PDF for the rep's route day: the route sheet first, then for every stop "
            "in visit order that owes something its statement with the confirmation slip "
            "and the IOU notes of its promises due that day."
        ),
        ("main.py print packet 城东线 --out packet.pdf",
         "main.py print packet 城东线 --date 2026-12-14 --all --duplex --out packet.pdf"),
        [db_too],
    )  # fmt: skip
    packet.add_argument("route", metavar="ROUTE", help=_("the route's name"))
    packet.add_argument(
        "--date", type=date_arg, metavar="YYYY-MM-DD",
        help=_("the route day (default: the route's next route day after today)"),
    )  # fmt: skip
    packet.add_argument("--all", action="store_true",
                        help=_("every stop, also those owing nothing"))  # fmt: skip
    packet.add_argument(
        "--days", type=days_arg, metavar="N",
        help=_("statements of the last N days (default: since the last one printed)"),
    )  # fmt: skip
    packet.add_argument("--duplex", action="store_true",
                        help=_("each customer starts on an odd page"))  # fmt: skip
    commission = command(
        docs, "commission", _("the month's collection commission (回款提成) per rep"),
        _(
            "Per rep: the month's payments split by the age of the debts they settled, the "
            "rate of each band (Settings), tail cuts and write-offs taken off as Settings "
            "say, and the commission; then each rep's payments. The total is the month's "
            "collections."
        ),
        ("main.py print commission --month 2026-11 --out commission.pdf",),
        [db_too],
    )  # fmt: skip
    commission.add_argument("--month", type=month_arg, metavar="YYYY-MM",
                            help=_("the month (default: last month)"))  # fmt: skip
    # A statement goes to a PDF or, for WeChat, to phone images: one of the two.
    statement_target = statement.add_mutually_exclusive_group(required=True)
    for doc in (statement, iou, route, aging, review, packet, commission):
        doc.add_argument("--lang", choices=("zh", "en"),
                         help=_("the document's language (default: the company setting)"))  # fmt: skip
        if doc in (statement, iou, route):
            doc.add_argument("--paper", type=paper_arg, metavar="A4|A5|Letter",
                             help=_("the paper size (default: the company setting)"))  # fmt: skip
        where = statement_target if doc is statement else doc
        where.add_argument("--out", required=doc is not statement, metavar="FILE.pdf",
                           help=_("where to write the PDF"))  # fmt: skip
    statement_target.add_argument(
        "--image", metavar="OUT.png",
        help=_(
            "instead of a PDF, phone images 1080 pixels wide to send by WeChat: OUT.png, "
            "or OUT-1.png, OUT-2.png … when there are several pages; the message to send "
            "with them is printed"
        ),
    )  # fmt: skip


def add_today(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``today``: the day to look at."""
    today = command(
        commands, "today", _("what is due today and tomorrow, as plain text"),
        _(
            "Today's and tomorrow's routes, promises due with whether money already covers "
            "them, broken promises with no new date, cheques maturing, customers over their "
            "limit, and the day's totals: what the Today screen shows, for scripts."
        ),
        ("main.py today", "main.py today --date 2026-12-14"),
        [db_too],
    )  # fmt: skip
    today.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD",
                       help=_("the day to look at (default: today)"))  # fmt: skip
