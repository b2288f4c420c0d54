"""Today as plain text (``main.py today``): the sections and figures of the Today
screen, for offices that script their morning."""

from __future__ import annotations

from models.collecting.today import PromiseLine, RouteDay, TodayReport
from models.vocabulary.collecting_records import CallAnswer
from models.vocabulary.confirmation_records import Confirmation, StatementReply
from models.vocabulary.i18n import _
from reports.typesetting.formatting import format_weekday, money

LIMIT = 20  # lines listed per section; the rest are counted


def _section(title: str, lines: list[str]) -> list[str]:
    shown = lines[:LIMIT]
    if len(lines) > LIMIT:
        shown.append("  " + _("+{n} more").format(n=len(lines) - LIMIT))
    return ["", f"== {title} ({len(lines)})", *(shown or ["  " + _("None.")])]


def _customer(code: str, name: str) -> str:
    return f"{code} {name}"


def _answer(answer: CallAnswer | None) -> str:
    return f" [{answer.outcome.label}]" if answer else ""


def _promise(line: PromiseLine, with_date: bool = False) -> str:
    p = line.promise
    when = f"{p.due_at:%Y-%m-%d %H:%M}" if with_date else f"{p.due_at:%H:%M}"
    state = (
        _("covered")
        if line.covered
        else _("to collect {amount}").format(amount=money(line.outstanding))
    )
    phones = f"  {line.customer.phones}" if line.customer.phones else ""
    return (
        f"  {when}  {_customer(line.customer.code, line.customer.name)}"
        f"  {money(p.amount)}  {state}{_answer(line.answer)}{phones}"
    )


def _route(route: RouteDay) -> str:
    rep = f" ({route.rep_name})" if route.rep_name else ""
    line = (
        _("{route}{rep}: 1 stop, {owing} owing, owed {owed}, overdue {overdue}")
        if len(route.stops) == 1
        else _("{route}{rep}: {stops} stops, {owing} owing, owed {owed}, overdue {overdue}")
    )
    return "  " + line.format(
        route=route.route.name,
        rep=rep,
        stops=len(route.stops),
        owing=route.owing_stops,
        owed=money(route.owed),
        overdue=money(route.overdue),
    )


def today_text(report: TodayReport, lang: str) -> str:
    """The report as lines of text in the current message language."""
    day = report.day
    head = [
        _("Today {date} {weekday}").format(date=day.isoformat(), weekday=format_weekday(day, lang)),
        _("Owed {owed} · overdue {overdue} · promised this week {week}").format(
            owed=money(report.owed),
            overdue=money(report.overdue),
            week=money(report.promised_this_week),
        ),
        _("Collected today {today} · this month {month}").format(
            today=money(report.collected_today), month=money(report.collected_this_month)
        ),
    ]
    out = head
    out += _section(_("Today's routes"), [_route(r) for r in report.routes_today])
    out += _section(_("Tomorrow's routes"), [_route(r) for r in report.routes_tomorrow])
    out += _section(_("Promises due today"), [_promise(p) for p in report.promises_today])
    out += _section(_("Promises due tomorrow"), [_promise(p) for p in report.promises_tomorrow])
    out += _section(
        _("Broken promises without a new date"), [_promise(p, True) for p in report.broken]
    )
    out += _section(
        _("Cheques and drafts maturing within 7 days"),
        [
            f"  {c.due_on}  {_customer(c.customer.code, c.customer.name)}  {c.number}"
            f"  {c.bank}  {money(c.amount)}"
            for c in report.cheques_maturing
        ],
    )
    out += _section(
        _("Bounced cheques not yet re-paid"),
        [
            f"  {_customer(c.customer.code, c.customer.name)}  {c.number}  {money(c.amount)}"
            f"  " + _("re-paid {amount}").format(amount=money(c.repaid))
            for c in report.cheques_bounced
        ],
    )
    out += _section(
        _("Over the credit limit"),
        [
            f"  {_customer(f.customer.code, f.customer.name)}  {money(f.balance)}"
            f" > {money(f.credit_limit or 0)}"
            for f in report.over_limit
        ],
    )
    out += _section(
        _("Two or more broken promises in 90 days"),
        [
            f"  {_customer(f.customer.code, f.customer.name)}  "
            + _("{n} broken").format(n=f.broken)
            + f"  {money(f.balance)}"
            for f in report.breaking_promises
        ],
    )
    out += _section(
        _("Chasing steps due"),
        [
            f"  {c.day}  {_customer(c.customer.code, c.customer.name)}  "
            + _("step {n} of {m}: {action}").format(
                n=c.step_no, m=c.steps, action=c.step.action.label
            )
            + f"  {money(c.amount)}  {c.customer.phones}"
            for c in report.chasing
        ],
    )
    return "\n".join(out)


def confirmations_text(disputes: list[StatementReply], unanswered: list[Confirmation]) -> str:
    """Today's follow-ups of statements, as sections like `today_text`'s: the open
    disputes (who handles them) and statements unanswered past their reply-by date."""
    out = _section(
        _("Open disputes about statements"),
        [
            f"  {d.statement.number}  {_customer(d.statement.customer_code, d.statement.customer_name)}"
            f"  {money(d.difference)}  {d.reason}  "
            + _("handled by {who}").format(who=d.handler or "—")
            for d in disputes
        ],
    )
    out += _section(
        _("Statements unanswered past their reply-by date"),
        [
            f"  {c.statement.number}  {_customer(c.statement.customer_code, c.statement.customer_name)}"
            f"  {money(c.statement.balance)}  "
            + _("reply was due {date}").format(date=c.statement.reply_by.isoformat())
            for c in unanswered
        ],
    )
    return "\n".join(out[1:])  # no blank line of its own: it follows today_text
