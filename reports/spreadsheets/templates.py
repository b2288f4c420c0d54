"""Import templates: an XLSX with the right headers (Chinese or English), an example row,
and a second sheet explaining each column — what "Save a template…" writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.exchange.importing.columns import COLUMNS, ImportKind
from models.vocabulary import clock
from models.vocabulary.i18n import _
from reports.spreadsheets.safe_export import Cell, xlsx_book
from reports.typesetting.output import check_destination, write_atomic

# What each column holds, and an example row's value (kind-specific ones first).
_EXAMPLES: dict[ImportKind, dict[str, str]] = {
    ImportKind.CUSTOMERS: {
        "code": "C0001",
        "name": "东城王记便利店",
        "contact": "王老板",
        "phone": "13800138000",
        "address": "东城路 12 号",
        "route": "城东线",
        "rep": "张伟",
        "terms": "30",
        "credit_limit": "5000",
        "opening_balance": "1200.50",
        "opening_date": "2026-01-01",
        "payer": "王太太",
        "notes": "",
    },
    ImportKind.ENTRIES: {
        "customer_code": "C0001",
        "date": "2026-03-05",
        "kind": "payment",
        "amount": "800.00",
        "doc_no": "",
        "memo": "",
        "method": "cheque",
        "cheque_no": "10203040",
        "cheque_due": "2026-04-05",
        "bank": "工商银行",
    },
    ImportKind.PROMISES: {
        "customer_code": "C0001",
        "amount": "500",
        "due": "",  # a week from today: see template_bytes
        "method": "wechat",
        "payer": "",
        "rep": "张伟",
        "note": "",
    },
}


def _meaning(key: str) -> str:
    meanings = {
        "code": _("The customer's code, unique in the ledger (required)."),
        "customer_code": _("The code of a customer already in the ledger (required)."),
        "name": _("The shop's name (required); the same name twice is flagged."),
        "contact": _("Who to ask for."),
        "phone": _("Phone numbers, separated by commas or spaces."),
        "address": _("Where goods are delivered."),
        "route": _("The route the shop is on; a new route is created."),
        "rep": _("The sales rep; a new rep is created."),
        "terms": _("Credit terms: days (0 for cash), monthly (月结) or next (压批)."),
        "credit_limit": _("The most the shop may owe, in yuan; empty for no limit."),
        "opening_balance": _("What the shop owes when the ledger starts, in yuan."),
        "opening_date": _("The date of the opening balance (YYYY-MM-DD)."),
        "payer": _("Who else can pay when the boss is out."),
        "notes": _("Anything else worth knowing."),
        "date": _("The date of the entry (YYYY-MM-DD) (required)."),
        "kind": _(
            "delivery, payment, return, discount, writeoff or opening "
            "(送货, 收款, 退货, 折让, 核销, 期初) (required)."
        ),
        "amount": _("The amount in yuan, such as 1234.50 (required)."),
        "doc_no": _("The delivery note or return number; once per customer."),
        "memo": _("A note printed on the statement; a write-off needs its reason here."),
        "method": _(
            "For payments only: cash, cheque, draft, transfer, wechat or alipay "
            "(现金, 支票, 汇票, 转账, 微信, 支付宝)."
        ),
        "cheque_no": _("A cheque's or draft's number."),
        "cheque_due": _("When the cheque or draft can be cashed (YYYY-MM-DD)."),
        "bank": _("The bank of the cheque or draft."),
        "due": _("When the shop promised to pay, such as 2026-03-20 17:00 (required)."),
        "note": _("A note about the promise."),
    }
    return meanings[key]


def template_bytes(kind: ImportKind | str, lang: str = "zh") -> bytes:
    """The template workbook for an import of `kind`, with headers in `lang`."""
    kind = ImportKind(kind)
    columns = COLUMNS[kind]
    header = [c.zh if lang == "zh" else c.key for c in columns]
    values = dict(_EXAMPLES[kind])
    if kind is ImportKind.PROMISES:  # a promise must lie ahead
        values["due"] = f"{clock.today() + dt.timedelta(days=7)} 17:00"
    example: list[Cell] = [values[c.key] for c in columns]
    notes: list[list[Cell]] = [
        [c.zh if lang == "zh" else c.key, c.key if lang == "zh" else c.zh, _meaning(c.key)]
        for c in columns
    ]
    explain = [_("Column"), _("Also accepted"), _("What it holds")]
    return xlsx_book([(kind.value, header, [example]), (_("Columns"), explain, notes)])


def save_template(out: str | Path, kind: ImportKind | str, lang: str = "zh") -> Path:
    """Write the template to `out` (an .xlsx file), whole or not at all."""
    path = Path(out).expanduser()
    if path.suffix.lower() != ".xlsx":  # a template is a workbook, whatever was typed
        path = path.with_suffix(".xlsx")
    return write_atomic(check_destination(path, spreadsheet=True), template_bytes(kind, lang))
