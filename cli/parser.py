"""The command line's arguments: ``main.py [--db PATH|URL] [command …]``."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from typing import NoReturn

from models.demo_defaults import DEMO_CUSTOMERS, DEMO_DAYS, DEMO_SEED
from models.errors import InputError
from models.i18n import _
from models.parsing import parse_date
from models.targets import scrub
from models.version import version

EPILOG = """\
Without a command the window opens. Without --db the ledger in your data folder is used.
Exit status: 0 done, 1 error (one line on stderr), 2 wrong arguments, 3 check found problems.
Messages follow the system language; set QK_LANG=en or QK_LANG=zh to choose."""


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
    """A date on the command line: strictly YYYY-MM-DD."""
    try:
        return parse_date(text, strict=True)
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def count_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is not a whole number.").format(text=text)
        ) from None


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


def build_parser() -> Parser:
    """The parser for every subcommand; `args.command` is None when the GUI is wanted."""
    parser = Parser(
        prog="main.py",
        description="Qingkuan (清款): the collections ledger for small distributors.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"Qingkuan {version()}", help="show the version"
    )
    parser.add_argument(
        "--db",
        metavar="PATH|postgresql://…",
        help="the ledger: a file, or a PostgreSQL URL (default: the ledger in your data folder)",
    )
    # --db is also accepted after the command ("main.py check --db x"); SUPPRESS keeps
    # the subcommand from resetting a --db given before it.
    db_too = argparse.ArgumentParser(add_help=False)
    db_too.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="command")

    demo = commands.add_parser(
        "demo", parents=[db_too], help="fill an empty ledger with a realistic demo business"
    )
    demo.add_argument("--customers", type=count_arg, default=DEMO_CUSTOMERS, metavar="N")
    demo.add_argument("--days", type=count_arg, default=DEMO_DAYS, metavar="D")
    demo.add_argument("--seed", type=count_arg, default=DEMO_SEED, metavar="S")

    imp = commands.add_parser(
        "import",
        parents=[db_too],
        help="import customers, entries or promises from a CSV or XLSX file (all or nothing)",
    )
    imp.add_argument("what", choices=("customers", "entries", "promises"))
    imp.add_argument("file", metavar="FILE")

    export = commands.add_parser("export", parents=[db_too], help="export a report as CSV or XLSX")
    export.add_argument("what", choices=("aging",))
    export.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD", help="default: today")
    export.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx")
    export.add_argument(
        "--bom", action="store_true", help="start a CSV with a UTF-8 BOM (for Excel)"
    )

    commands.add_parser("check", parents=[db_too], help="check the ledger's integrity")

    printing = commands.add_parser(
        "print", parents=[db_too], help="print a statement, IOU notes or a route sheet"
    )
    docs = printing.add_subparsers(dest="document", metavar="document", required=True)
    statement = docs.add_parser(
        "statement", parents=[db_too], help="a customer's statement (对账单)"
    )
    statement.add_argument("code", metavar="CODE")
    statement.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD")
    statement.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD")
    statement.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD")
    iou = docs.add_parser(
        "iou", parents=[db_too], help="IOU notes (欠条) of a customer's open promises"
    )
    iou.add_argument("code", metavar="CODE")
    route = docs.add_parser(
        "route", parents=[db_too], help="a route sheet (收款路线单) for a route day"
    )
    route.add_argument("route", metavar="ROUTE")
    route.add_argument(
        "--date", type=date_arg, metavar="YYYY-MM-DD", help="default: the route's next day"
    )
    for doc in (statement, iou, route):
        doc.add_argument("--lang", choices=("zh", "en"), help="default: the company setting")
        doc.add_argument("--out", required=True, metavar="FILE.pdf")
    return parser
