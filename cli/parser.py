"""The command line's arguments: ``main.py [--db PATH|URL] [command …]`` (``qingkuan`` or
``qingkuan-cli.exe`` in the built app: help and errors name the program as it was started)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import textwrap
from collections.abc import Callable
from typing import NoReturn

from cli.packaged import command_docs, program_name
from models.exchange.demo_defaults import (
    DEMO_CUSTOMERS,
    DEMO_CUSTOMERS_RANGE,
    DEMO_DAYS,
    DEMO_DAYS_RANGE,
    DEMO_SEED,
)
from models.storage.targets import scrub
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.parsing import parse_date
from models.vocabulary.version import version


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (exit status 2), in the
    language of the messages (argparse itself only speaks English)."""

    def error(self, message: str) -> NoReturn:
        # scrub: a URL typed where a command was expected is echoed back by argparse.
        text = " ".join(scrub(translate_argparse(message)).split("\n"))
        self.exit(2, f"{self.prog}: {text} (--help)\n")


def _unquote(text: str) -> str:
    """``'x'`` (argparse shows values with repr) → ``x``."""
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


def _choices(text: str) -> str:
    return ", ".join(_unquote(c.strip()) for c in text.split(","))


# argparse's messages (Python 3.11 to 3.13) and what to say instead; the first match wins.
_ARGPARSE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"the following arguments are required: (?P<names>.+)"),
        lambda m: _("Missing: {names}.").format(names=m["names"]),
    ),
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"
        ),
        lambda m: _("{argument}: ‘{value}’ is not one of {choices}.").format(
            argument=m["arg"], value=_unquote(m["value"]), choices=_choices(m["choices"])
        ),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): expected (?:one|at least one|at most one) argument"),
        lambda m: _("{argument} needs a value after it.").format(argument=m["arg"]),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid \S+ value: (?P<value>.+)"),
        lambda m: _("{argument}: ‘{value}’ is not a valid value.").format(
            argument=m["arg"], value=_unquote(m["value"])
        ),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.+)"),
        lambda m: _("Not understood: {args}.").format(args=m["args"]),
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
        lambda m: _("{option} is ambiguous: it could mean {matches}.").format(
            option=m["option"], matches=m["matches"]
        ),
    ),
    # Our own type checks (dates, counts) already give a translated sentence.
    (
        re.compile(r"argument (?P<arg>\S+): (?P<problem>.+)", re.DOTALL),
        lambda m: _("{argument}: {problem}").format(argument=m["arg"], problem=m["problem"]),
    ),
)


def translate_argparse(message: str) -> str:
    """One of argparse's English error messages as a sentence in the current language;
    a message it does not know is kept as it is."""
    for pattern, say in _ARGPARSE:
        match = pattern.fullmatch(message.strip())
        if match:
            return say(match)
    return message


def date_arg(text: str) -> dt.date:
    """A date on the command line: strictly YYYY-MM-DD, within the dates an entry may
    have (1990-01-01 to a year after today): outside them a report has nothing to show,
    and the calendar's own ends (0001-01-01, 9999-12-31) overflowed the day arithmetic."""
    from models.ledger.posting import EARLIEST, FUTURE_DAYS
    from models.vocabulary import clock

    try:
        on = parse_date(text, strict=True)
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    last = clock.today() + dt.timedelta(days=FUTURE_DAYS)
    if not EARLIEST <= on <= last:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is outside the ledger's dates: give a date from {first} to {last}.").format(
                text=text, first=EARLIEST.isoformat(), last=last.isoformat()
            )
        )
    return on


def count_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is not a whole number.").format(text=text)
        ) from None


# A packet's statements cover at most ten years back (`--days`).
MAX_STATEMENT_DAYS = 3660


def days_arg(text: str) -> int:
    """``--days`` of a packet's statements: a whole number from 1 to `MAX_STATEMENT_DAYS`."""
    days = count_arg(text)
    if not 1 <= days <= MAX_STATEMENT_DAYS:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is not a number of days from 1 to {most:,}.").format(
                text=text, most=MAX_STATEMENT_DAYS
            )
        )
    return days


def ranged_arg(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high`, refused as a wrong argument before anything
    (a ledger file, say) is made."""

    def check(text: str) -> int:
        number = count_arg(text)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                _("‘{text}’ is not a number from {low:,} to {high:,}.").format(
                    text=text, low=low, high=high
                )
            )
        return number

    return check


def paper_arg(text: str) -> str:
    """``--paper``: A4, A5 or Letter, in any case."""
    for name in ("A4", "A5", "Letter"):
        if text.strip().lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(
        _("‘{text}’ is not a paper size: use A4, A5 or Letter.").format(text=text)
    )


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    """The subcommands the parser knows (demo, import, …)."""
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def ledger_shorthand(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``main.py FILE.qkledger`` (what a double-click on a ledger runs) means
    ``main.py --db FILE.qkledger``: open the window on that ledger."""
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in command_names(parser):
        return ["--db", argv[0]]
    return argv


class HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions to the terminal, but keeps the example lines (indented) as
    they are so they can be copied."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            if line.startswith("  ") or not line:
                lines.append(indent + line)
            else:
                # A path (the shipped docs) is never cut at a hyphen: it must copy whole.
                lines.append(textwrap.fill(line, width, initial_indent=indent,
                                           subsequent_indent=indent, break_on_hyphens=False,
                                           break_long_words=False))  # fmt: skip
        return "\n".join(lines)


def command(
    group: argparse._SubParsersAction,
    name: str,
    summary: str,
    description: str,
    examples: tuple[str, ...],
    parents: list[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it does, its defaults, and how to call it.
    The examples are written for ``main.py``; they name the program as it was started."""
    prog = program_name()
    lines = [_("Examples:"), *(f"  {example.replace('main.py', prog, 1)}" for example in examples)]
    return group.add_parser(
        name,
        parents=parents,
        help=summary,
        description=description,
        epilog="\n".join(lines),
        formatter_class=HelpFormatter,
    )


def build_parser() -> Parser:
    """The parser for every subcommand; `args.command` is None when the GUI is wanted."""
    prog = program_name()
    parser = Parser(
        prog=prog,
        description=_("Qingkuan (清款): the collections ledger for small distributors."),
        epilog=_(
            "Without a command the window opens. Without --db the ledger is the one the "
            "window opened last (else ledger.qkledger in your data folder).\n"
            "Exit status: 0 done, 1 error (one line on stderr), 2 wrong arguments, 3 check "
            "found problems.\n"
            "Messages follow the system language; set QK_LANG=en or QK_LANG=zh to choose.\n"
            "Each command has its own help: {prog} COMMAND --help. Formats and rules: {docs}."
        ).format(prog=prog, docs=command_docs()),
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"Qingkuan {version()}", help=_("show the version")
    )
    parser.add_argument(
        "--db",
        metavar="PATH|postgresql://…",
        help=_(
            "the ledger: a file, or a PostgreSQL URL (default: the ledger the window opened "
            "last); a password is better kept in PGPASSWORD or ~/.pgpass"
        ),
    )
    # --db is also accepted after the command ("main.py check --db x"); SUPPRESS keeps
    # the subcommand from resetting a --db given before it.
    db_too = argparse.ArgumentParser(add_help=False)
    db_too.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="command")

    demo = command(
        commands, "demo", _("fill an empty ledger with a realistic demo business"),
        _(
            "Builds a demo business (customers on routes with reps, deliveries, payments, "
            "cheques, promises and visits over the last days) to try Qingkuan on. Without "
            "--db it is the window's demo ledger (demo.qkledger in your data folder), which "
            "then becomes the ledger commands and the window use. With --db the ledger must "
            "be empty."
        ),
        ("main.py demo", "main.py --db try.qkledger demo --customers 30 --days 90"),
        [db_too],
    )  # fmt: skip
    demo.add_argument("--customers", type=ranged_arg(*DEMO_CUSTOMERS_RANGE), default=DEMO_CUSTOMERS, metavar="N",
                      help=_("how many customers (default: %(default)s)"))  # fmt: skip
    demo.add_argument("--days", type=ranged_arg(*DEMO_DAYS_RANGE), default=DEMO_DAYS, metavar="D",
                      help=_("how many days of history, up to today (default: %(default)s)"))  # fmt: skip
    demo.add_argument("--seed", type=count_arg, default=DEMO_SEED, metavar="S",
                      help=_("another number gives another demo (default: %(default)s)"))  # fmt: skip

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

    export = command(
        commands, "export", _("export a report as CSV or XLSX"),
        _(
            "aging: one row per customer with balance, the aging buckets (the Settings' "
            "edges) and overdue, as of a date. reps, routes: one row per rep (route) with "
            "customers, balance, overdue, the buckets, the month's payments and promises "
            "made, kept and broken. entries: every standing entry of a period, in the "
            "import's columns (for the accountant). customers: every customer, in the "
            "import's columns, so export then import into a new ledger gives the same "
            "balances. Money is written as numbers, text never as a formula. The file type "
            "follows the name: .csv or .xlsx."
        ),
        ("main.py export aging --out aging.xlsx",
         "main.py export aging --as-of 2026-11-30 --out aging.csv --bom",
         "main.py export reps --out reps.xlsx",
         "main.py export entries --from 2026-11-01 --to 2026-11-30 --out entries.xlsx"),
        [db_too],
    )  # fmt: skip
    export.add_argument("what", choices=("aging", "reps", "routes", "entries", "customers"),
                        help=_("which report"))  # fmt: skip
    export.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("the date to age at (default: today)"))  # fmt: skip
    export.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx",
                        help=_("where to write it"))  # fmt: skip
    export.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("entries: the first day (default: the first entry)"))  # fmt: skip
    export.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD",
                        help=_("entries: the last day (default: the last entry)"))  # fmt: skip
    export.add_argument(
        "--bom", action="store_true", help=_("start a CSV with a UTF-8 BOM (for Excel)")
    )

    check = command(
        commands, "check", _("check the ledger's integrity"),
        _(
            "Checks that every customer's balance equals the sum of their entries, that "
            "voids pair up, that the database's guards are in place, that the ledger holds "
            "nothing Qingkuan did not make, and more. Prints every problem; exit status 3 "
            "when there are any, 0 when there are none."
        ),
        ("main.py check", "main.py --db postgresql://clerk@server/shop check",
         "main.py --db received.qkledger check --remove-foreign"),
        [db_too],
    )  # fmt: skip
    check.add_argument(
        "--accept-chain", action="store_true",
        help=_(
            "accept the chain of entries as it is now, after you replaced the ledger by an "
            "older copy yourself (this computer forgets where it saw the chain before)"
        ),
    )  # fmt: skip
    check.add_argument(
        "--remove-foreign", action="store_true",
        help=_(
            "first remove the triggers, views, tables, columns and indexes Qingkuan did not "
            "make (a ledger file received from elsewhere)"
        ),
    )  # fmt: skip

    backup = command(
        commands, "backup", _("back up a ledger file (checked before it is kept)"),
        _(
            "Copies the ledger with SQLite's online backup (safe while the window is "
            "open), checks the copy and only then gives it its name. A shared PostgreSQL "
            "ledger is backed up with pg_dump instead: the command says how."
        ),
        ("main.py backup --out shop-2026-11-30.qkledger",),
        [db_too],
    )  # fmt: skip
    backup.add_argument("--out", required=True, metavar="FILE.qkledger",
                        help=_("where to write the backup"))  # fmt: skip
    restore = command(
        commands, "restore", _("replace the ledger by a backup (the old one is kept)"),
        _(
            "Checks the backup fully, asks, keeps the ledger as it is now in the backups "
            "folder beside it, then replaces it by the backup. Refuses a file that is not a "
            "ledger or comes from a newer version of Qingkuan."
        ),
        ("main.py restore backups/shop-20261130-090000.qkledger",
         "main.py --db shop.qkledger restore old.qkledger --yes",
         "main.py --db shop.qkledger restore --latest",
         "main.py --db shop.qkledger restore --list"),
        [db_too],
    )  # fmt: skip
    which = restore.add_mutually_exclusive_group()
    which.add_argument("file", metavar="FILE", nargs="?", help=_("the backup to restore"))
    which.add_argument("--latest", action="store_true",
                       help=_("restore the newest backup that checks out"))  # fmt: skip
    which.add_argument("--list", action="store_true",
                       help=_("list the backups beside the ledger, newest first"))  # fmt: skip
    restore.add_argument("--yes", action="store_true",
                         help=_("do not ask before replacing"))  # fmt: skip

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
         "main.py print statement C00012 --from 2026-11-01 --to 2026-11-30 --lang en --out s.pdf"),
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
    for doc in (statement, iou, route, aging, review, packet):
        doc.add_argument("--lang", choices=("zh", "en"),
                         help=_("the document's language (default: the company setting)"))  # fmt: skip
        if doc in (statement, iou, route):
            doc.add_argument("--paper", type=paper_arg, metavar="A4|A5|Letter",
                             help=_("the paper size (default: the company setting)"))  # fmt: skip
        doc.add_argument("--out", required=True, metavar="FILE.pdf",
                         help=_("where to write the PDF"))  # fmt: skip

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
    return parser
