"""``confirm``: record a customer's reply to a printed statement, close a dispute, or
show where a statement's confirmation stands."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.ledger_target import open_target
from cli.output import EXIT_OK, say
from models.vocabulary import clock
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

if TYPE_CHECKING:
    from models.vocabulary.confirmation_records import Confirmation, StatementReply


def cmd_confirm(args: argparse.Namespace) -> int:
    from models.papers import confirmations
    from models.papers.confirmation_reads import confirmation, parse_statement_number
    from models.vocabulary.confirmation_records import DisputeOutcome
    from models.vocabulary.money import parse_money

    parse_statement_number(args.number)  # a typo is told before the ledger is opened
    if args.disputed is None and (args.reason or args.handler):
        raise InputError(_("--reason and --handler go with --disputed AMOUNT."))
    if args.outcome is None and (args.doc or args.note):
        raise InputError(_("--doc and --note go with --outcome."))
    if args.replace and not (args.agreed or args.disputed is not None):
        raise InputError(_("--replace goes with --agreed or --disputed."))
    amount = None
    if args.disputed is not None:
        if not (args.reason or "").strip():
            raise InputError(_("Give the customer's reason with --reason TEXT."))
        amount = parse_money(args.disputed, allow_negative=True, allow_zero=True)
    open_target(args, create=False)
    if args.agreed:
        reply = confirmations.record_agreed(args.number, replace=args.replace)
    elif amount is not None:
        reply = confirmations.record_disputed(
            args.number, amount, args.reason, args.handler, replace=args.replace
        )
    elif args.outcome is not None:
        outcome = DisputeOutcome(args.outcome)
        entry_id = confirmations.outcome_entry(args.number, outcome, args.doc)
        reply = confirmations.record_outcome(
            args.number, outcome, entry_id=entry_id, note=args.note
        )
    else:
        say(describe(confirmation(args.number, clock.today())))
        return EXIT_OK
    say(describe_reply(reply))
    return EXIT_OK


def describe(c: Confirmation) -> str:
    """Where a statement's confirmation stands, in one or two lines."""
    from models.vocabulary.money import format_money

    ref = c.statement
    head = _("Statement {number} ({code} {name}), balance {amount} as of {date}: {state}.").format(
        number=ref.number,
        code=ref.customer_code,
        name=ref.customer_name,
        amount=format_money(ref.balance, "¥"),
        date=ref.period_to.isoformat(),
        state=c.state.label,
    )
    if c.reply is None:
        return f"{head} " + _("Reply by {date}.").format(date=ref.reply_by.isoformat())
    return describe_reply(c.reply)


def describe_reply(reply: StatementReply) -> str:
    """What was recorded, as a sentence."""
    from models.vocabulary.money import format_money

    ref = reply.statement
    who = f"{ref.customer_code} {ref.customer_name}"
    if reply.agreed:
        return _("Statement {number} ({who}): agreed, {amount}.").format(
            number=ref.number, who=who, amount=format_money(ref.balance, "¥")
        )
    text = _(
        "Statement {number} ({who}): disputed. The customer says {theirs}, we say {ours} "
        "(difference {diff}); reason: {reason}; handled by {handler}."
    ).format(
        number=ref.number,
        who=who,
        theirs=format_money(reply.customer_amount or 0, "¥"),
        ours=format_money(ref.balance, "¥"),
        diff=format_money(reply.difference, "¥"),
        reason=reply.reason,
        handler=reply.handler or "—",
    )
    if reply.outcome is not None:
        text += " " + _("Closed: {outcome}.").format(outcome=reply.outcome.label)
    else:
        text += " " + _("Open until it has an outcome.")
    return text
