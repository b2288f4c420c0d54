"""The statement's entries table: its columns sized from what this statement prints,
the balance brought forward, each entry with its running balance (a voided entry struck
through in grey, its reversal left out), the totals and the closing balance, and the
过次页 / 承前页 rows that carry the balance when the table breaks across pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.entry_records import Entry
from models.vocabulary.i18n import _
from models.vocabulary.paper_records import Statement
from reports.typesetting.formatting import money
from reports.typesetting.layout import INK, MUTED, Block, Frame
from reports.typesetting.parts import Style
from reports.typesetting.pen import MIN_SIZE
from reports.typesetting.tables import Cell, Column, Table

WIDOW_ROWS = 3  # entries that go with the totals to a new page
BODY = 9.0  # the entries, open items and promises (issue 18: never below 9 pt)
PAD = 3.0  # = Table's default cell padding


def describe(entry: Entry, memo_room: tuple[Table, int] | None = None) -> str:
    """The description column: kind, method, cheque details, products and memo.

    With `memo_room` (the table and column), a long memo — free text, the only part
    that may be shortened — is cut to about two lines of the column; the rest wraps."""
    parts = [entry.kind.label]
    if entry.method is not None:
        parts.append(entry.method.label)
    if entry.cheque is not None:
        chq = entry.cheque
        bits = [_("No. {number}").format(number=chq.number)] if chq.number else []
        if chq.bank:
            bits.append(chq.bank)
        if chq.due_on:
            bits.append(_("due {date}").format(date=chq.due_on.isoformat()))
        if bits:
            parts.append(" ".join(bits))
    if entry.lines:
        parts.append(", ".join(f"{ln.product} ×{ln.qty}" for ln in entry.lines))
    if entry.memo:
        memo = entry.memo
        if memo_room is not None:
            table, i = memo_room
            memo = table.pen.fit(memo, table.size, table.cell_width(i) * 2)
        parts.append(memo)
    return " · ".join(parts)


def _desc(table: Table) -> int:
    """The description column: 1 when the date and number share the first column."""
    return 1 if len(table.columns) == 5 else 2


def _row(table: Table, cells: Sequence[Cell | str], **kw: object) -> Block:
    """A row of date, number, description, charges, credits and balance; on a narrow
    page the number goes under the date, in one column (see `entries_table`)."""
    if len(table.columns) == 5:
        date, doc = (c if isinstance(c, Cell) else Cell(c) for c in cells[:2])
        lines = tuple(t for t in (*date.lines, *doc.lines) if t) or ("",)
        merged = Cell(
            lines,
            bold=date.bold,
            strike=date.strike,
            color=date.color,
            note_color=date.color or INK,
        )
        cells = [merged, *cells[2:]]
    return table.row(cells, **kw)  # type: ignore[arg-type]


def _balance_text(fen: int, style: Style) -> str:
    return money(fen)


def entry_rows(st: Statement, table: Table, style: Style, voided: str) -> tuple[list[Block], bool]:
    """Table rows for the opening balance, each entry, the totals and the closing balance.

    Returns the blocks and whether a negative (credit) balance was printed.
    """
    blocks: list[Block] = []
    negative = st.opening_balance < 0
    blocks.append(
        _row(
            table,
            [
                # The balance at the end of the day before the period (issue 18).
                (st.period_from - dt.timedelta(days=1)).isoformat(),
                "",
                Cell(_("Balance brought forward"), bold=True),
                "",
                "",
                Cell(_balance_text(st.opening_balance, style), bold=True),
            ],
            shade=True,
        )
    )
    running = st.opening_balance
    debit = credit = 0
    for row in st.rows:
        entry = row.entry
        if entry.is_reversal:
            continue
        if entry.is_voided:
            if voided == "omit":
                continue
            blocks.append(_voided_row(entry, table))
            continue
        before = running
        running += entry.delta
        debit += entry.debit
        credit += entry.credit
        negative = negative or running < 0
        row = _row(
            table,
            [
                entry.date.isoformat(),
                entry.doc_no,
                describe(entry, (table, _desc(table))),
                money(entry.debit) if entry.debit else "",
                money(entry.credit) if entry.credit else "",
                _balance_text(running, style),
            ],
        )
        row.carry = _carry(table, before)
        blocks.append(row)
    if running != st.closing_balance:
        # The paper must add up; a mismatch is a model bug, never silently printed.
        raise ValueError(
            f"statement of {st.customer.code}: rows add up to {running}, "
            f"closing balance is {st.closing_balance}"
        )
    # Never a totals row alone under a header, nor a page holding a single entry before
    # the totals: the last entries (up to three) move with them.
    for block in blocks[-WIDOW_ROWS:] if len(blocks) > 1 else []:
        block.keep_with_next = True
    closing_carry = _carry(table, running)  # a break inside the totals carries the balance
    blocks.append(
        _row(
            table,
            [
                "",
                "",
                Cell(_("Totals for the period"), bold=True),
                Cell(money(debit), bold=True),
                Cell(money(credit), bold=True),
                "",
            ],
            rule_above=True,
            keep_with_next=True,  # totals and closing balance stay on one page
        )
    )
    blocks[-1].carry = closing_carry
    blocks.append(
        _row(
            table,
            [
                st.period_to.isoformat(),
                "",
                Cell(_("Closing balance"), bold=True),
                "",
                "",
                Cell(_balance_text(st.closing_balance, style), bold=True),
            ],
            shade=True,
        )
    )
    # When even they must part (a tail taller than a page), 过次页 / 承前页 join them.
    blocks[-1].carry = closing_carry
    return blocks, negative or st.closing_balance < 0


def _carry(table: Table, balance: int) -> Callable[[], tuple[Block, Block]]:
    """The 过次页 row for the foot of a page and the 承前页 row for the top of the next,
    both with the running balance before the row that starts the new page."""

    def make() -> tuple[Block, Block]:
        def line(label: str) -> Block:
            return _row(
                table,
                ["", "", Cell(label, bold=True), "", "", Cell(money(balance), bold=True)],
                shade=True,
                with_header=False,
            )

        return line(_("Carried forward to next page")), line(
            _("Brought forward from previous page")
        )

    return make


def _voided_row(entry: Entry, table: Table) -> Block:
    reason = entry.void_text or _("no reason given")
    note = _("Voided: {reason}").format(reason=reason)
    return _row(
        table,
        [
            Cell(entry.date.isoformat(), strike=True, color=MUTED),
            Cell(entry.doc_no, strike=True, color=MUTED),
            Cell((describe(entry, (table, _desc(table))), note), strike=True, color=MUTED),
            Cell(money(entry.debit) if entry.debit else "", strike=True, color=MUTED),
            Cell(money(entry.credit) if entry.credit else "", strike=True, color=MUTED),
            Cell("", color=MUTED),
        ],
    )


def entries_table(st: Statement, style: Style, frame: Frame) -> Table:
    """The entries table, its column widths taken from what this statement prints: the
    dates, document numbers and amounts whole on one line at 9 pt, the description the
    rest. On a narrow page the amounts give way first (down to 7 pt, never less), then
    a document number longer than the room left wraps (the description keeps a third)."""
    pen = style.pen
    amounts = [st.opening_balance, st.closing_balance]
    for row in st.rows:
        amounts += [row.entry.debit, row.entry.credit, row.balance]
    debits = sum(r.entry.debit for r in st.rows)
    credits = sum(r.entry.credit for r in st.rows)
    amounts += [debits, credits]  # the totals row, voided entries counted generously
    widest = max(pen.width(money(a), BODY) for a in amounts)
    date_w = pen.width("2026-12-31", BODY) + 2 * PAD + 1
    doc_w = max((pen.width(r.entry.doc_no, BODY) for r in st.rows), default=0.0) + 2 * PAD + 1
    doc_w = max(doc_w, pen.width(_("Doc. no."), BODY) + 2 * PAD + 1, 40.0)
    amount_w = max(widest + 2 * PAD + 1, 52.0)
    desc_min = max(frame.width / 3, 90.0)
    spare = frame.width - desc_min - date_w - doc_w - 3 * amount_w
    stacked = spare < 0 and frame.width < 420  # A5: the number goes under the date
    least = date_w  # the first column never narrower than a date (nor wraps it)
    if stacked:  # the description gives way to a whole number, down to a quarter
        desc_min = max(frame.width / 4, 80.0)
        least = date_w
        doc_w = max(date_w, doc_w)
        date_w, spare = 0.0, frame.width - desc_min - doc_w - 3 * amount_w
    if spare < 0:  # the amounts give way first, never below 7 pt
        smallest = widest * MIN_SIZE / BODY + 2 * PAD + 1
        amount_w = max(smallest, amount_w + spare / 3)
        if not stacked:
            date_w = max(pen.width("2026-12-31", MIN_SIZE) + 2 * PAD + 1, date_w + spare / 6)
        doc_w = max(
            min(doc_w, least if stacked else 40.0), frame.width - desc_min - date_w - 3 * amount_w
        )
    desc_w = frame.width - date_w - doc_w - 3 * amount_w
    first = (
        [Column(_("Date / doc. no."), doc_w)]
        if stacked
        else [Column(_("Date"), date_w, fit="shrink"), Column(_("Doc. no."), doc_w)]
    )
    cols = [
        *first,
        Column(_("Description"), desc_w),
        Column(_("Charges"), amount_w, "right"),
        Column(_("Credits"), amount_w, "right"),
        Column(_("Balance"), amount_w, "right"),
    ]
    return Table(
        pen,
        cols,
        frame.left,
        size=BODY,
        row_height=12.4,
        header_height=14,
        leading=1.2,
        vpad=1.4,
        valign="top",
    )


def note_line(style: Style, frame: Frame, text: str) -> Block:
    """A line of small grey print under a table, explaining it (a minus sign, a star)."""

    def draw(c: Canvas, top: float) -> None:
        style.pen.draw(c, frame.left, top - 9.5, text, 7.5, color=MUTED, max_width=frame.width)

    return Block(13, draw)
