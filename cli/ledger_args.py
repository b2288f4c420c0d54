"""The arguments of the commands on a ledger as a whole: ``demo`` and ``check``."""

from __future__ import annotations

import argparse

from cli.arg_types import count_arg, ranged_arg
from cli.parser_base import command
from models.exchange.demo_defaults import (
    DEMO_CUSTOMERS,
    DEMO_CUSTOMERS_RANGE,
    DEMO_DAYS,
    DEMO_DAYS_RANGE,
    DEMO_SEED,
)
from models.vocabulary.i18n import _


def add_demo(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``demo``: its size and seed."""
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


def add_check(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``check``: whether it first accepts the chain or removes what Qingkuan did not make."""
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
