"""The arguments of ``confirm``: record a customer's reply to a printed statement, or
the outcome of a dispute."""

from __future__ import annotations

import argparse

from cli.parser_base import command
from models.vocabulary.i18n import _

OUTCOMES = ("credit_note", "accepted", "written_off")


def add_confirm(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``confirm NUMBER``: agreed, disputed (amount and reason), an outcome, or show."""
    confirm = command(
        commands, "confirm", _("record a customer's reply to a statement (相符 / 不符)"),
        _(
            "Records what the customer answered on the statement's confirmation slip, by the "
            "statement number printed (and coded) on it: agreed, or disputed with the "
            "balance the customer says and why. A statement has one reply: to change it, "
            "give --replace (the first is kept as history). A dispute stays open until "
            "--outcome closes it: credit_note (name the return or discount with --doc), "
            "accepted (the customer accepted our figure) or written_off. Without an answer "
            "it shows where the statement stands."
        ),
        ("main.py confirm DZ-000123 --agreed",
         "main.py confirm DZ-000123 --disputed 1180.50 --reason 少算退货单T0012",
         "main.py confirm DZ-000123 --outcome credit_note --doc T0012",
         "main.py confirm DZ-000123"),
        [db_too],
    )  # fmt: skip
    confirm.add_argument("number", metavar="NUMBER",
                         help=_("the statement number, as printed or scanned (DZ-000123)"))  # fmt: skip
    answer = confirm.add_mutually_exclusive_group()
    answer.add_argument("--agreed", action="store_true",
                        help=_("the customer agreed the balance (相符)"))  # fmt: skip
    answer.add_argument("--disputed", metavar="AMOUNT",
                        help=_("the customer disputed it (不符): the balance they say, in yuan"))  # fmt: skip
    answer.add_argument("--outcome", choices=OUTCOMES,
                        help=_("close the statement's open dispute"))  # fmt: skip
    confirm.add_argument("--reason", metavar="TEXT",
                         help=_("--disputed: why the customer disagrees"))  # fmt: skip
    confirm.add_argument("--handler", metavar="NAME",
                         help=_("--disputed: who sorts it out (default: the customer's rep)"))  # fmt: skip
    confirm.add_argument("--replace", action="store_true",
                         help=_("replace the statement's earlier reply (kept as history)"))  # fmt: skip
    confirm.add_argument("--doc", metavar="DOC_NO",
                         help=_("--outcome: the document number of the credit note or "
                                "write-off entry"))  # fmt: skip
    confirm.add_argument("--note", metavar="TEXT",
                         help=_("--outcome: a note"))  # fmt: skip
