"""The arguments of data in and out: ``import`` and ``export``."""

from __future__ import annotations

import argparse

from cli.arg_types import date_arg, month_arg, weeks_arg
from cli.packaged import command_docs
from cli.parser_base import command
from models.vocabulary.i18n import _


def add_import(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``import``: what the file holds, the file, a saved layout."""
    imp = command(
        commands, "import",
        _("import customers, entries or promises from a CSV or XLSX file (all or nothing)"),
        _(
            "Reads a CSV (UTF-8, UTF-8 with BOM, GB18030/GBK as Chinese Excel saves it, or "
            "UTF-16) or an XLSX workbook, with English or Chinese column headers in any "
            "order. Every bad row is reported as 'row N, column C: what is wrong' and then "
            "nothing is written. Importing the same entries again posts nothing twice. The "
            "columns of each kind are in {docs}. Without --db it imports into the ledger the "
            "window opened last (a new one is created and named if none exists). With "
            "--layout the file's columns are read as the named layout saved in the ledger "
            "says (e.g. the invoicing program's daily export)."
        ).format(docs=command_docs()),
        ("main.py import customers customers.xlsx",
         "main.py --db shop.qkledger import entries 2026-11.csv",
         "main.py --db shop.qkledger import entries today.xlsx --layout 开单软件导出"),
        [db_too],
    )  # fmt: skip
    imp.add_argument("what", choices=("customers", "entries", "promises"),
                     help=_("what the file holds"))  # fmt: skip
    imp.add_argument("file", metavar="FILE", help=_("a .csv or .xlsx file"))
    imp.add_argument("--layout", metavar="NAME",
                     help=_("read the file's columns as the import layout NAME saved in the "
                            "ledger says (File → Import deliveries in the window saves one)"))  # fmt: skip


def add_export(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``export``: which report, its dates, the file."""
    export = command(
        commands, "export", _("export a report as CSV or XLSX"),
        _(
            "aging: one row per customer with balance, the aging buckets (the Settings' "
            "edges) and overdue, as of a date. reps, routes: one row per rep (route) with "
            "customers, balance, overdue, the buckets, the month's payments and promises "
            "made, kept and broken. entries: every standing entry of a period, in the "
            "import's columns (for the accountant). customers: every customer, in the "
            "import's columns, so export then import into a new ledger gives the same "
            "balances. commission: the month's collection commission (--month), in an XLSX a "
            "summary per rep and every payment, in a CSV the payments. forecast: the money "
            "expected in each of the next --weeks weeks (13) after --as-of, from promises "
            "and the customers' paying habits. Money is written as numbers, text never as a "
            "formula. The file type follows the name: .csv or .xlsx."
        ),
        ("main.py export aging --out aging.xlsx",
         "main.py export aging --as-of 2026-11-30 --out aging.csv --bom",
         "main.py export reps --out reps.xlsx",
         "main.py export entries --from 2026-11-01 --to 2026-11-30 --out entries.xlsx",
         "main.py export commission --month 2026-11 --out commission.xlsx",
         "main.py export forecast --weeks 13 --out forecast.xlsx",
         "main.py export confirmations --out confirmations.xlsx"),
        [db_too],
    )  # fmt: skip
    export.add_argument("what", choices=("aging", "reps", "routes", "entries", "customers",
                                         "commission", "forecast", "confirmations"),
                        help=_("which report"))  # fmt: skip
    export.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("the date to age at (default: today)"))  # fmt: skip
    export.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx",
                        help=_("where to write it"))  # fmt: skip
    export.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("entries: the first day (default: the first entry)"))  # fmt: skip
    export.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("entries: the last day (default: the last entry)"))  # fmt: skip
    export.add_argument("--month", type=month_arg, metavar="YYYY-MM",
                        help=_("commission: the month (default: last month)"))  # fmt: skip
    export.add_argument("--weeks", type=weeks_arg, metavar="N",
                        help=_("forecast: how many weeks (default: 13)"))  # fmt: skip
    export.add_argument(
        "--bom", action="store_true", help=_("start a CSV with a UTF-8 BOM (for Excel)")
    )
