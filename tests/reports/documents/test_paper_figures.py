"""Every paper read back, every figure compared with what the test itself sums.

One small ledger built to hit the edges the papers got wrong: entries on the period's
first day, a return after a promise (the promise now larger than the debt), a customer
in credit with a promise still open, cheques beside cash on the hand-over day, payments
one fen short of a promise. The expected figures are summed here from the postings
(`Books`), and the capitals written by `tests.reports.reference`, never by the code
that printed the paper.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from models.ledger import people, posting, promises, settings
from models.vocabulary import clock
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import make_customer
from tests.reports.reference import (
    MONEY,
    amounts_after,
    capitals,
    fen_of,
    figure,
    page_texts,
    text_of,
)

D = dt.date
MADE = dt.datetime(2026, 11, 25, 9, 0)  # when the promises were made
NOW = dt.datetime(2026, 12, 3, 9, 0)  # when the papers are printed (D)
TODAY = NOW.date()
ROUTE_DAY = D(2026, 12, 4)  # the packet and route sheet are for tomorrow


@dataclass
class Books:
    """What the test posted, to sum the expected figures from."""

    ids: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    entries: list[tuple[str, D, int, str]] = field(default_factory=list)  # code, date, delta, kind
    route_id: int = 0

    def owed(self, code: str, on: D = TODAY) -> int:
        return sum(d for c, day, d, _k in self.entries if c == code and day <= on)

    def before(self, code: str, first: D) -> int:
        return sum(d for c, day, d, _k in self.entries if c == code and day < first)

    def paid_on(self, first: D, last: D, *methods: str) -> int:
        return -sum(
            d for _c, day, d, k in self.entries if first <= day <= last and k in methods and d < 0
        )


CASH, CHEQUE, TRANSFER = "cash", "cheque", "transfer"


@pytest.fixture
def books(ledger_target: None) -> Books:
    b = Books()
    route = people.add_route("城东", ())  # runs every day
    b.route_id = route.id
    # An IOU note names its creditor: it is not printed without the company's name.
    settings.save_company(replace(settings.get_company(), name="广州市清源副食品批发有限公司"))
    clock.pin(MADE)

    def customer(code: str, name: str) -> int:
        b.ids[code], b.names[code] = make_customer(code, name, route="城东").id, name
        return b.ids[code]

    def deliver(code: str, on: D, fen: int) -> None:
        posting.post_delivery(b.ids[code], on, fen, doc_no=f"SD-{code}-{on:%m%d}")
        b.entries.append((code, on, fen, "delivery"))

    # R1: a return after the promise leaves the promise larger than the debt.
    customer("R1", "退货后店")
    deliver("R1", D(2026, 11, 2), 7_099_50)
    deliver("R1", D(2026, 11, 20), 2_925_00)
    promises.make_promise(b.ids["R1"], 7_099_50, dt.datetime(2026, 12, 10, 10, 0))
    # R2: owes much more than it promised for the route day; the period starts on a
    # day with an entry (11-15).
    customer("R2", "部分约定店")
    deliver("R2", D(2026, 11, 1), 10_000_00)
    deliver("R2", D(2026, 11, 15), 2_345_67)
    promises.make_promise(b.ids["R2"], 3_000_05, dt.datetime(2026, 12, 4, 10, 0))
    # R3: a promise, then a return larger than the debt: in credit, promise still open.
    customer("R3", "预收店")
    deliver("R3", D(2026, 11, 1), 1_000_00)
    promises.make_promise(b.ids["R3"], 1_000_00, dt.datetime(2026, 12, 10, 10, 0))
    # R4: cash and a cheque on the hand-over day.
    customer("R4", "现金支票店")
    deliver("R4", D(2026, 11, 1), 3_000_00)
    # T1, T2, T3: payments one fen short of a promise, and one exactly paid.
    for code in ("T1", "T2", "T3"):
        customer(code, f"约定店{code}")
        deliver(code, D(2026, 11, 1), 500_00)
    promises.make_promise(b.ids["T1"], 200_00, dt.datetime(2026, 12, 2, 17, 0))
    promises.make_promise(b.ids["T2"], 300_00, dt.datetime(2026, 12, 3, 17, 0))
    promises.make_promise(b.ids["T3"], 300_00, dt.datetime(2026, 12, 3, 18, 0))
    # V1 (no route): due at the very minute the papers are printed, unpaid: not broken yet.
    b.ids["V1"], b.names["V1"] = make_customer("V1", "整点约定店").id, "整点约定店"
    deliver("V1", D(2026, 11, 1), 400_00)
    promises.make_promise(b.ids["V1"], 400_00, NOW)

    clock.pin(NOW)

    def give_back(code: str, on: D, fen: int) -> None:
        posting.post_return(b.ids[code], on, fen)
        b.entries.append((code, on, -fen, "return"))

    def pay(code: str, on: D, fen: int, how: str) -> None:
        method = {CASH: PaymentMethod.CASH, CHEQUE: PaymentMethod.CHEQUE}.get(
            how, PaymentMethod.TRANSFER
        )
        extra = {"cheque_no": "CK-9", "bank": "工行", "due_on": D(2026, 12, 20)}
        posting.post_payment(b.ids[code], on, fen, method, **(extra if how == CHEQUE else {}))
        b.entries.append((code, on, -fen, how))

    give_back("R1", D(2026, 11, 28), 5_000_00)
    give_back("R3", D(2026, 11, 29), 1_500_00)
    pay("R4", TODAY, 1_234_56, CASH)
    pay("R4", TODAY, 1_000_00, CHEQUE)
    pay("R4", D(2026, 12, 1), 100_00, TRANSFER)  # this month, before today
    pay("R4", D(2026, 11, 28), 50_00, CASH)  # within 30 days, but last month
    pay("T1", D(2026, 12, 1), 199_99, CASH)  # one fen short, due yesterday
    pay("T2", TODAY, 299_99, CASH)  # one fen short, due today
    pay("T3", TODAY, 300_00, CASH)  # exactly paid
    return b


def _pairs(text: str, label: str) -> list[tuple[int, str]]:
    """(amount, capitals) printed as ``label¥1,234.56（大写：人民币…）``."""
    found = re.findall(re.escape(label) + f"({MONEY})（大写：(人民币[^）]+)）", text)
    return [(fen_of(f), words) for f, words in found]


# --- IOU notes --------------------------------------------------------------------------


def test_iou_states_the_whole_debt_and_the_part_in_figures_and_capitals(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    from models.papers.ious import open_ious
    from reports.documents.iou import render_ious

    papers = open_ious(books.ids["R2"])
    out = render_ious(papers.notes, papers.customer, papers.company, tmp_path / "i.pdf",
                      fonts=cjk_fonts, lang="zh")  # fmt: skip
    text = text_of(out)
    owed, part = books.owed("R2"), 3_000_05
    assert owed == 12_345_67
    assert _pairs(text, "共计") == [(owed, capitals(owed))] * 2  # both copies
    assert _pairs(text, "清偿") == [(part, capitals(part))] * 2
    assert text.count(f"清款：{figure(part, '¥')}") == 2  # the large line: the same part
    assert "减为" not in text


def test_iou_after_a_return_asks_for_no_more_than_is_owed(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    from models.papers.ious import open_ious
    from reports.documents.iou import render_ious

    papers = open_ious(books.ids["R1"])
    out = render_ious(papers.notes, papers.customer, papers.company, tmp_path / "i.pdf",
                      fonts=cjk_fonts, lang="zh")  # fmt: skip
    text = text_of(out)
    owed = books.owed("R1")
    assert owed == 5_024_50  # 7,099.50 + 2,925.00 − 5,000.00
    assert _pairs(text, "共计") == [(owed, capitals(owed))] * 2
    assert _pairs(text, "清偿") == [(owed, capitals(owed))] * 2  # never the 7,099.50 promised
    assert text.count(f"清款：{figure(owed, '¥')}") == 2
    # ... and says the promise was reduced, and from what.
    assert text.count(f"原约定尚需支付{figure(7_099_50, '¥')}") == 2
    assert text.count(f"减为{figure(owed, '¥')}") == 2


def test_no_iou_for_a_customer_in_credit(books: Books, cjk_fonts, tmp_path: Path) -> None:
    from models.papers.ious import NothingOwed, iou_of, open_ious
    from reports.documents import cli

    assert books.owed("R3") == -500_00
    with pytest.raises(NothingOwed, match="owes nothing"):
        open_ious(books.ids["R3"])
    (promise,) = promises.promises_for(books.ids["R3"])
    with pytest.raises(NothingOwed, match="owes nothing"):
        iou_of(promise.id)  # the F4 window's note
    with pytest.raises(NothingOwed):
        cli.print_iou("R3", out=tmp_path / "i.pdf")
    assert not (tmp_path / "i.pdf").exists()
    assert promises.promises_for(books.ids["R3"])[0].prints == 0  # not counted as printed


# --- statements ---------------------------------------------------------------------------


def _statement(code: str, books: Books, first: D, cjk_fonts, tmp_path: Path) -> str:
    from models.papers.statements import issue_number, statement
    from reports.documents.statement import render_statement

    st = issue_number(statement(books.ids[code], first, TODAY))
    out = render_statement(st, tmp_path / f"s-{code}.pdf", fonts=cjk_fonts, lang="zh")
    return text_of(out)


def test_statement_opening_leaves_out_the_periods_first_day(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    first = D(2026, 11, 15)  # R2 has a delivery on this very day
    text = _statement("R2", books, first, cjk_fonts, tmp_path)
    opening, closing = books.before("R2", first), books.owed("R2")
    assert (opening, closing) == (10_000_00, 12_345_67)
    assert amounts_after(text, "期初余额")[:1] == [opening]
    assert figure(2_345_67) in text  # the first day's delivery is a row of the period
    assert amounts_after(text, "期末余额")[:1] == [closing]
    # every amount in capitals on the statement (the summary box, the slip) is the
    # closing balance: one written a fen off anywhere is a different run of words
    in_capitals = re.findall(
        r"人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+", text.replace("\n", "")
    )
    assert in_capitals and set(in_capitals) == {capitals(closing)}, in_capitals


def test_statement_of_a_customer_in_credit_lists_no_promise_as_owed(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    text = _statement("R3", books, D(2026, 11, 1), cjk_fonts, tmp_path)
    assert "约定还款" not in text and "尚需支付" not in text and "QK-" not in text
    assert figure(500_00) in text  # what was paid in advance


def test_statement_lists_a_promise_as_no_more_than_is_owed(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    text = _statement("R1", books, D(2026, 11, 1), cjk_fonts, tmp_path)
    owed = books.owed("R1")
    assert f"{figure(owed)}*" in text and "已按欠款金额减少" in text
    assert f"{figure(7_099_50)}{figure(0)}{figure(7_099_50)}" not in text


# --- the route-day packet -----------------------------------------------------------------


def test_packet_iou_states_the_total_and_statements_are_numbered(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    from reports.documents.packet import PacketOptions, render_packet

    out = tmp_path / "p.pdf"
    render_packet(books.route_id, ROUTE_DAY, out, PacketOptions(lang="zh"))
    pages = page_texts(out)
    ious = [p for p in pages if "第一联客户留存" in p and "（R2）" in p]
    owed, part = books.owed("R2"), 3_000_05
    assert len(ious) == 1
    assert ious[0].count("截至2026年12月3日尚欠") == 2  # owed on the day it is printed
    assert _pairs(ious[0], "共计") == [(owed, capitals(owed))] * 2
    assert _pairs(ious[0], "清偿") == [(part, capitals(part))] * 2
    # Every statement has its number, on the statement and on its slip.
    statements = [p for p in pages if "对账单编号" in p and "第一联客户留存" not in p]
    # ... and each note names the statement printed with it.
    assert set(re.findall(r"DZ-\d{6}", ious[0])) <= set().union(
        *(re.findall(r"DZ-\d{6}", p) for p in statements)
    )
    numbers = [set(re.findall(r"DZ-\d{6}", p)) for p in statements]
    owing = [c for c in books.ids if c != "V1" and books.owed(c, ROUTE_DAY) > 0]
    assert len(statements) == len(owing) == 6  # all but R3, in credit
    assert all(len(n) == 1 for n in numbers)
    assert all(len(re.findall(r"DZ-\d{6}", p)) >= 2 for p in statements)  # head and slip
    assert len(set().union(*numbers)) == len(owing)


# --- route sheet, hand-over, Today, aging ---------------------------------------------------


def test_route_sheet_total_is_every_stop(books: Books, cjk_fonts, tmp_path: Path) -> None:
    from models.collecting.routesheets import route_sheet
    from reports.documents.routesheet import render_route_sheet

    sheet = route_sheet(books.route_id, ROUTE_DAY)
    company = settings.get_company()
    text = text_of(render_route_sheet(sheet, company, tmp_path / "r.pdf", fonts=cjk_fonts,
                                      lang="zh"))  # fmt: skip
    owing = [c for c in books.ids if c != "V1" and books.owed(c, ROUTE_DAY) > 0]
    assert "R3" not in owing  # in credit: no stop
    total = sum(books.owed(c, ROUTE_DAY) for c in owing)
    assert amounts_after(text, "合计") == [total]


def test_handover_cash_to_count_is_cash_only(books: Books, cjk_fonts, tmp_path: Path) -> None:
    from models.collecting.handover import handover
    from reports.documents.handover import print_handover

    h = handover(TODAY)
    text = text_of(print_handover(h, settings.get_company(), tmp_path / "h.pdf", lang="zh"))
    cash = books.paid_on(TODAY, TODAY, CASH)
    assert cash == 1_234_56 + 299_99 + 300_00
    assert amounts_after(text, "应点现金") == [cash]
    assert amounts_after(text, "支票和汇票") == [books.paid_on(TODAY, TODAY, CHEQUE)]
    assert amounts_after(text, "实收合计") == [books.paid_on(TODAY, TODAY, CASH, CHEQUE)]


def test_today_collected_this_month_and_promises_one_fen_short(books: Books) -> None:
    from models.collecting.today import today
    from models.vocabulary.i18n import set_language
    from reports.documents.today import today_text

    set_language("zh")
    text = today_text(today(TODAY), "zh")
    month = books.paid_on(TODAY.replace(day=1), TODAY, CASH, CHEQUE, TRANSFER)
    day = books.paid_on(TODAY, TODAY, CASH, CHEQUE, TRANSFER)
    assert f"今日收款 {figure(day)} · 本月 {figure(month)}" in text
    sections = text.split("== ")
    due_today = next(s for s in sections if s.startswith("今日到期"))
    broken = next(s for s in sections if s.startswith("已失约"))
    t2 = next(line for line in due_today.splitlines() if "T2" in line)
    t3 = next(line for line in due_today.splitlines() if "T3" in line)
    assert "待收 0.01" in t2 and "已付清" not in t2  # one fen short is not kept
    assert "已付清" in t3  # exactly paid is
    assert "T1" in broken  # due yesterday, one fen short: broken


def test_review_does_not_count_a_promise_broken_at_its_due_minute(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    from reports.documents.review_report import print_review

    text = text_of(print_review(tmp_path / "r.pdf", TODAY, lang="zh", fonts=cjk_fonts))
    broken = text[text.index("失约最多") : text.index("客户未付款的原因")]
    assert "T1" in broken  # due yesterday, one fen short
    assert "V1" not in broken  # due this very minute: not broken yet


def _reference_buckets(books: Books, code: str, edges=(30, 60, 90)) -> list[int]:
    """FIFO by hand: what is owed is the newest deliveries, aged as of today."""
    buckets, left = [0] * (len(edges) + 1), books.owed(code)
    debits = sorted((day, d) for c, day, d, _k in books.entries if c == code and d > 0)
    for day, fen in reversed(debits):
        part = min(fen, left)
        if part <= 0:
            break
        age = (TODAY - day).days
        buckets[sum(1 for e in edges if age > e)] += part
        left -= part
    return buckets


def test_aging_rows_and_totals_add_across_with_customers_in_credit(
    books: Books, cjk_fonts, tmp_path: Path
) -> None:
    from reports.documents.aging_report import print_aging

    text = text_of(print_aging(tmp_path / "a.pdf", TODAY, lang="zh", fonts=cjk_fonts))
    assert "预收" in text
    amounts = f"((?:{MONEY}){{7}})"
    for code in books.ids:
        (row,) = re.findall(re.escape(code + books.names[code]) + amounts, text)
        balance, *buckets, credit, _overdue = (fen_of(m) for m in re.findall(MONEY, row))
        owed = books.owed(code)
        assert (balance, credit) == (owed, min(owed, 0)), code
        assert buckets == _reference_buckets(books, code), code
        assert sum(buckets) + credit == balance, code  # the row adds across
    (total,) = re.findall("总计" + amounts, text)
    balance, *buckets, credit, _overdue = (fen_of(m) for m in re.findall(MONEY, total))
    owed = [books.owed(c) for c in books.ids]
    assert balance == sum(owed) and credit == sum(o for o in owed if o < 0) == -500_00
    assert sum(buckets) + credit == balance
