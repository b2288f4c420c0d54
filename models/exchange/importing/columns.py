"""The three kinds of import, the columns each reads, and what any cell may hold.

`Column` names a column as clerks head it (English, Chinese and the usual aliases);
`COLUMNS` lists each kind's. `cell_problems` is the check every cell passes whatever its
row means: not longer than its column holds (`MAX_LEN`), no control characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.vocabulary.i18n import _
from models.vocabulary.text_rules import control_problem


@dataclass(frozen=True)
class Column:
    """A column an import understands: its key and the headers that name it."""

    key: str  # the English header, e.g. "customer_code"
    zh: str  # the Chinese header, e.g. "客户编号"
    aliases: tuple[str, ...] = ()  # other headers clerks use; any case and spacing
    required: bool = False


class ImportKind(StrEnum):
    CUSTOMERS = "customers"
    ENTRIES = "entries"
    PROMISES = "promises"


CUSTOMER_COLUMNS = (
    Column("code", "编号", ("customer_code", "客户编号", "代码"), required=True),
    Column("name", "名称", ("customer_name", "客户名称", "客户", "店名"), required=True),
    Column("contact", "联系人", ("老板",)),
    Column("phone", "电话", ("phones", "手机", "联系电话")),
    Column("address", "地址", ("送货地址",)),
    Column("route", "线路", ("路线",)),
    Column("rep", "业务员", ("salesman", "sales_rep")),
    Column("terms", "账期", ("credit_terms", "结算方式")),
    Column("credit_limit", "信用额度", ("limit", "额度")),
    Column("opening_balance", "期初余额", ("opening", "期初")),
    Column("opening_date", "期初日期"),
    Column("payer", "付款人", ("who_pays", "代付人")),
    Column("notes", "备注", ("note", "memo")),
)
ENTRY_COLUMNS = (
    Column("customer_code", "客户编号", ("code", "编号"), required=True),
    Column("date", "日期", ("日期",), required=True),
    Column("kind", "类型", ("type", "类别", "业务类型"), required=True),
    Column("amount", "金额", (), required=True),
    Column("doc_no", "单号", ("document", "doc", "送货单号", "单据号")),
    Column("memo", "备注", ("note", "摘要")),
    Column("method", "付款方式", ("payment_method", "收款方式", "方式")),
    Column("cheque_no", "支票号", ("cheque_number", "票号", "汇票号")),
    Column("cheque_due", "票期", ("due", "到期日", "cheque_due_date")),
    Column("bank", "银行", ("开户行", "付款行")),
)
PROMISE_COLUMNS = (
    Column("customer_code", "客户编号", ("code", "编号"), required=True),
    Column("amount", "金额", ("约定金额",), required=True),
    Column("due", "清款时间", ("due_at", "约定时间", "约定清款时间", "清款日期"), required=True),
    Column("method", "付款方式", ("payment_method", "方式")),
    Column("payer", "付款人", ("who_pays",)),
    Column("rep", "业务员", ()),
    Column("note", "备注", ("memo", "notes")),
)
COLUMNS = {
    ImportKind.CUSTOMERS: CUSTOMER_COLUMNS,
    ImportKind.ENTRIES: ENTRY_COLUMNS,
    ImportKind.PROMISES: PROMISE_COLUMNS,
}

# Column widths of the tables (PostgreSQL refuses longer text; SQLite would keep it).
MAX_LEN = {
    "code": 40,
    "customer_code": 40,
    "name": 200,
    "contact": 100,
    "phone": 200,
    "address": 300,
    "payer": 100,
    "route": 60,
    "rep": 60,
    "doc_no": 60,
    "memo": 300,
    "note": 300,
    "cheque_no": 60,
    "bank": 100,
}
# Columns whose cells may hold tabs and line breaks (Alt+Enter in an Excel cell).
_MULTILINE = frozenset({"notes"})


def cell_problems(key: str, value: str) -> list[str]:
    """What is wrong with one cell's text whatever its row means: longer than its
    column holds, or a control character. Every import path checks cells with this."""
    if not value:
        return []
    problems = []
    limit = MAX_LEN.get(key)
    if limit is not None and len(value) > limit:
        problems.append(_("Too long: use at most {n} characters.").format(n=limit))
    control = control_problem(value, multiline=key in _MULTILINE)
    if control:
        problems.append(control)
    return problems
