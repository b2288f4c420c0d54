"""The peewee tables. Only `models/` touches these; everyone else reads records."""

from __future__ import annotations

import peewee as pw

from models.storage.fields import DateField, DateTimeField, EnumField, MoneyField
from models.vocabulary.collecting_records import CallOutcome, LateReason, VisitOutcome
from models.vocabulary.customer_records import TermsKind
from models.vocabulary.entry_records import CHEQUE_MOVES, ChequeStatus, EntryKind, PaymentMethod

database = pw.DatabaseProxy()


class Base(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Meta(Base):
    """Ledger identity and schema version (key/value)."""

    key = pw.CharField(primary_key=True, max_length=40)
    value = pw.TextField()


class Setting(Base):
    key = pw.CharField(primary_key=True, max_length=40)
    value = pw.TextField()
    # Who saved it last and when; `version` is bumped by the database on every change
    # (models/storage/edit_versions.py), so a second clerk's save cannot overwrite it.
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])
    changed_by = pw.CharField(max_length=60, default="", constraints=[pw.SQL("DEFAULT ''")])
    changed_at = DateTimeField(null=True)


class RepRow(Base):
    name = pw.CharField(max_length=60, unique=True)
    phone = pw.CharField(max_length=60, default="")
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "rep"


class RouteRow(Base):
    name = pw.CharField(max_length=60, unique=True)
    weekdays = pw.CharField(max_length=20, default="")  # "1,3,5"
    rep = pw.ForeignKeyField(RepRow, null=True, on_delete="RESTRICT")
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "route"


class CustomerRow(Base):
    code = pw.CharField(max_length=40, unique=True)
    # `models.vocabulary.text_rules.code_key(code)`: unique, so c0001 cannot join C0001 even when
    # two clerks add them at once. NULL only for near-duplicates older than the rule.
    code_key = pw.TextField(null=True, unique=True)
    name = pw.CharField(max_length=200)
    contact = pw.CharField(max_length=100, default="")
    phones = pw.CharField(max_length=200, default="")
    address = pw.CharField(max_length=300, default="")
    payer = pw.CharField(max_length=100, default="")
    route = pw.ForeignKeyField(RouteRow, null=True, on_delete="RESTRICT")
    route_position = pw.IntegerField(default=0)
    rep = pw.ForeignKeyField(RepRow, null=True, on_delete="RESTRICT")
    terms_kind = EnumField(TermsKind, default=TermsKind.CASH)
    terms_days = pw.IntegerField(default=0)
    credit_limit = MoneyField(null=True)
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)
    search_key = pw.TextField(default="")  # lower-case name, code, phones, pinyin
    created_at = DateTimeField()
    # Bumped by the database on every change (models/storage/edit_versions.py): a save
    # names the version it read, so two clerks' edits never silently overwrite.
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])
    changed_by = pw.CharField(max_length=60, default="", constraints=[pw.SQL("DEFAULT ''")])
    changed_at = DateTimeField(null=True)

    class Meta:
        table_name = "customer"


class EntryRow(Base):
    """Immutable: database triggers refuse UPDATE and DELETE."""

    customer = pw.ForeignKeyField(CustomerRow, on_delete="RESTRICT")
    date = DateField()
    kind = EnumField(EntryKind)
    amount = MoneyField()
    delta = MoneyField()
    doc_no = pw.CharField(max_length=60, default="")
    memo = pw.CharField(max_length=300, default="")
    method = EnumField(PaymentMethod, null=True)
    # Unique where set: see PARTIAL_INDEXES (a full index of mostly-NULLs misleads SQLite).
    reverses = pw.ForeignKeyField("self", null=True, index=False, on_delete="RESTRICT")
    void_reason = pw.CharField(max_length=300, default="")  # as the user typed it
    # What Qingkuan itself wrote ("bounced"): printed in each document's own language.
    void_kind = pw.CharField(max_length=20, default="", constraints=[pw.SQL("DEFAULT ''")])
    entered_by = pw.CharField(max_length=60, default="")
    created_at = DateTimeField()
    import_key = pw.CharField(max_length=64, null=True, index=False)

    class Meta:
        table_name = "entry"
        indexes = (
            # A customer's entries by date and id, newest first, read from the index
            # alone: aging walks each customer's debits back only until the balance is
            # covered, and the statement sums balances before a date.
            (("customer", "date", "id", "delta", "reverses", "kind"), False),
            (("kind", "customer", "date", "reverses"), False),
            (("kind", "date", "delta"), False),  # the day's and month's collections
        )


class BalanceRow(Base):
    """Each customer's balance over all entries, latest entry date and latest payment.

    Kept by a database trigger on every entry insert (entries are append-only), so the
    aging of 10,000 customers as of today need not sum a million entries. `check`
    verifies it against the entries.
    """

    customer = pw.ForeignKeyField(CustomerRow, primary_key=True, on_delete="RESTRICT")
    balance = MoneyField(default=0)
    last_date = DateField()
    last_payment_on = DateField(null=True)  # latest standing payment

    class Meta:
        table_name = "balance_cache"


class DailyTotalRow(Base):
    """Every entry's delta summed per day and kind, kept by a database trigger on every
    entry insert (a reversal has its entry's date and kind, so voided pairs cancel).
    The review's 13-month trend and DSO read a few hundred of these rows instead of
    summing a million entries."""

    date = DateField()
    kind = EnumField(EntryKind)
    total = MoneyField(default=0)

    class Meta:
        table_name = "daily_total"
        primary_key = pw.CompositeKey("date", "kind")


class LiveDocumentRow(Base):
    """A standing (unvoided) delivery or return that carries a document number.

    Its primary key is the rule "a document is posted once per customer": the insert
    trigger on `entry` adds a row for each such entry and removes it when the entry is
    voided, so the database itself refuses a second live copy, whoever writes it.
    """

    # Plain ids, no foreign keys: the trigger writes only ids it was given by the entry
    # table, and checking them again cost a bulk insert (demo, import) a tenth of its time.
    customer = pw.IntegerField(column_name="customer_id")
    kind = EnumField(EntryKind)
    doc_no = pw.CharField(max_length=60)
    entry = pw.IntegerField(column_name="entry_id", unique=True)

    class Meta:
        table_name = "live_document"
        primary_key = pw.CompositeKey("customer", "kind", "doc_no")


class EntryChainRow(Base):
    """Each entry's link in the hash chain (see models/storage/chain.py); immutable like it."""

    entry = pw.ForeignKeyField(EntryRow, primary_key=True, on_delete="RESTRICT")
    hash = pw.CharField(max_length=64)

    class Meta:
        table_name = "entry_chain"


class EntryLineRow(Base):
    """A delivery's product line; immutable like its entry."""

    entry = pw.ForeignKeyField(EntryRow, on_delete="RESTRICT")
    product = pw.CharField(max_length=200)
    qty = pw.CharField(max_length=30)
    unit_price = MoneyField()
    amount = MoneyField()

    class Meta:
        table_name = "entry_line"


class ChequeRow(Base):
    """A cheque or draft. Its entry never changes; its status moves on."""

    entry = pw.ForeignKeyField(EntryRow, primary_key=True, on_delete="RESTRICT")
    number = pw.CharField(max_length=60)
    bank = pw.CharField(max_length=100, default="")
    written_on = DateField(null=True)
    due_on = DateField(null=True)
    status = EnumField(ChequeStatus, default=ChequeStatus.RECEIVED)
    status_at = DateTimeField()

    class Meta:
        table_name = "cheque"


def _cheque_moves_sql() -> str:
    """The moves a status change may record, as SQL: the database refuses any other."""
    pairs = [(a.value, b.value) for a, targets in CHEQUE_MOVES.items() for b in targets]
    pairs += [(a.value, "bounced") for a in ChequeStatus if a is not ChequeStatus.BOUNCED]
    return " OR ".join(f"(from_status = '{a}' AND to_status = '{b}')" for a, b in sorted(pairs))


class ChequeStatusChangeRow(Base):
    """The history of a cheque's status: rows are only ever added."""

    entry = pw.ForeignKeyField(ChequeRow, on_delete="RESTRICT", column_name="entry_id")
    from_status = EnumField(ChequeStatus)
    to_status = EnumField(ChequeStatus)
    changed_by = pw.CharField(max_length=60, default="")
    changed_at = DateTimeField()

    class Meta:
        table_name = "cheque_status_change"
        constraints = [pw.Check(_cheque_moves_sql())]


class PromiseRow(Base):
    customer = pw.ForeignKeyField(CustomerRow, on_delete="RESTRICT")
    amount = MoneyField()
    due_at = DateTimeField()
    start_on = DateField()  # created_at's date: payments from here count toward it
    # The last entry id when it was made: same-day entries up to it came before it.
    after_entry_id = pw.BigIntegerField(default=0)
    due_on = DateField()  # due_at's date: payments up to here count toward it
    method = EnumField(PaymentMethod, null=True)
    payer = pw.CharField(max_length=100, default="")
    rep = pw.ForeignKeyField(RepRow, null=True, on_delete="RESTRICT")
    note = pw.CharField(max_length=300, default="")
    created_at = DateTimeField()
    replaces = pw.ForeignKeyField("self", null=True, index=False, on_delete="RESTRICT")
    cancelled_at = DateTimeField(null=True)
    prints = pw.IntegerField(default=0)
    # Who made it (models/storage/session.py): the signed-in person.
    entered_by = pw.CharField(max_length=60, default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        table_name = "promise"
        indexes = (
            (("customer", "due_on"), False),
            (("due_on",), False),
            # "Did the customer promise again since?": one seek for Today's broken list.
            (("customer", "created_at"), False),
        )


class VisitRow(Base):
    customer = pw.ForeignKeyField(CustomerRow, on_delete="RESTRICT")
    at = DateTimeField()
    rep = pw.ForeignKeyField(RepRow, null=True, on_delete="RESTRICT")
    outcome = EnumField(VisitOutcome)
    reason = EnumField(LateReason, null=True, max_length=30)
    note = pw.CharField(max_length=500, default="")
    created_at = DateTimeField()
    # Who made it (models/storage/session.py): the signed-in person.
    entered_by = pw.CharField(max_length=60, default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        table_name = "visit"
        indexes = ((("customer", "at"), False),)


class CallRow(Base):
    """A call about a promise the day before it falls due; the latest one counts."""

    promise = pw.ForeignKeyField(PromiseRow, on_delete="RESTRICT")
    outcome = EnumField(CallOutcome, max_length=20)
    at = DateTimeField()
    note = pw.CharField(max_length=300, default="")
    entered_by = pw.CharField(max_length=60, default="")

    class Meta:
        table_name = "promise_call"


class PrintRow(Base):
    """A statement printed for a customer: the next one's period starts after it."""

    customer = pw.ForeignKeyField(CustomerRow, on_delete="RESTRICT")
    period_from = DateField()
    period_to = DateField()
    printed_at = DateTimeField()
    # Who made it (models/storage/session.py): the signed-in person.
    entered_by = pw.CharField(max_length=60, default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        table_name = "statement_print"
        indexes = ((("customer", "period_to"), False),)


class StatementNoRow(Base):
    """A statement number, issued once per printed statement: the id is the number the
    statement and its confirmation slip carry, so the database keeps it unique."""

    customer = pw.ForeignKeyField(CustomerRow, on_delete="RESTRICT")
    period_from = DateField()
    period_to = DateField()
    as_of = DateField()
    balance = MoneyField()
    created_at = DateTimeField()
    # Who made it (models/storage/session.py): the signed-in person.
    entered_by = pw.CharField(max_length=60, default="", constraints=[pw.SQL("DEFAULT ''")])
    # The reply-by date printed on the slip (issue date + Settings' reply days); NULL on
    # statements printed before version 12, whose reply-by is reckoned from created_at.
    reply_by = DateField(null=True)

    class Meta:
        table_name = "statement_no"


class StatementReplyRow(Base):
    """A customer's reply to a printed statement (models/papers/confirmations.py): agreed, or
    disputed with the customer's own balance and why. Rows are only ever added: a reply
    that changes an earlier one replaces it (`replaces`), and the database lets a
    statement have one first reply and each reply be replaced once (partial indexes
    below), so the current reply is the one nobody replaced."""

    statement = pw.ForeignKeyField(
        StatementNoRow, on_delete="RESTRICT", column_name="statement_no_id", index=True
    )
    agreed = pw.BooleanField()
    customer_amount = MoneyField(null=True)  # disputed: the balance the customer says
    reason = pw.CharField(max_length=300, default="")
    handler = pw.CharField(max_length=60, default="")  # disputed: who sorts it out
    replaces = pw.ForeignKeyField("self", null=True, index=False, on_delete="RESTRICT")
    recorded_by = pw.CharField(max_length=60, default="")
    recorded_at = DateTimeField()

    class Meta:
        table_name = "statement_reply"
        constraints = [
            pw.Check(
                "(agreed AND customer_amount IS NULL) OR "
                "(NOT agreed AND customer_amount IS NOT NULL AND reason <> '')"
            )
        ]


class DisputeOutcomeRow(Base):
    """How a dispute ended, once (the reply's id is unique here): a credit note (the
    entry that posted it), the customer accepted our figure, or written off."""

    reply = pw.ForeignKeyField(StatementReplyRow, on_delete="RESTRICT", unique=True)
    outcome = pw.CharField(max_length=20)  # `DisputeOutcome` value
    entry = pw.ForeignKeyField(EntryRow, null=True, on_delete="RESTRICT")
    note = pw.CharField(max_length=300, default="")
    recorded_by = pw.CharField(max_length=60, default="")
    recorded_at = DateTimeField()

    class Meta:
        table_name = "dispute_outcome"
        constraints = [
            pw.Check("outcome IN ('credit_note', 'accepted', 'written_off')"),
            pw.Check("outcome <> 'credit_note' OR entry_id IS NOT NULL"),
        ]


class ImportLayoutRow(Base):
    """A named import layout (models/exchange/import_layouts.py): which column of a file the
    office's other program exports holds each of ours. Stored in the ledger, so every
    PC of the office has it; the name is unique."""

    name = pw.CharField(max_length=60, unique=True)
    kind = pw.CharField(max_length=20)  # `models.exchange.importing.columns.ImportKind` value
    headers = pw.TextField()  # JSON list: the file's header row, as written
    columns = pw.TextField()  # JSON list of [column key, position, header as written]
    fixed = pw.TextField(default="{}")  # JSON {column key: value of every row}
    sheet = pw.CharField(max_length=100, default="")  # an XLSX worksheet name, or ""
    saved_by = pw.CharField(max_length=60, default="")
    saved_at = DateTimeField()

    class Meta:
        table_name = "import_layout"


class PersonRow(Base):
    """A person who signs in to a ledger file with sign-in turned on
    (models/ledger/users.py). A shared PostgreSQL ledger keeps its people as the
    server's logins instead, and leaves this table empty."""

    name = pw.CharField(max_length=60, unique=True)  # exact, as typed
    role = pw.CharField(max_length=10)  # `models.vocabulary.people_records.Role` value
    password_hash = pw.CharField(max_length=200)  # scrypt: models/storage/file_people.py
    disabled = pw.BooleanField(default=False)
    created_at = DateTimeField()

    class Meta:
        table_name = "person"


class AuditRow(Base):
    """One change, as the database recorded it (models/storage/audit_trail.py): who, when,
    what, the changed fields before and after (JSON objects as text), and its link in the
    trail's hash chain. Only ever added to: the database refuses to change or delete a row.
    Written by triggers and `qk_audit_write`, never by peewee."""

    id = pw.BigAutoField()
    at = DateTimeField()
    who = pw.TextField(default="")  # PostgreSQL's session_user, or the signed-in name
    kind = pw.CharField(max_length=40)  # "customer.edit", "entry.void", …
    subject = pw.TextField(default="")  # the customer's code, the setting's key, …
    customer = pw.BigIntegerField(null=True, column_name="customer_id")  # plain id
    old_values = pw.TextField(default="{}")
    new_values = pw.TextField(default="{}")
    link = pw.CharField(max_length=64)

    class Meta:
        table_name = "audit_log"
        indexes = ((("customer", "id"), False), (("at",), False))


# One first reply per statement number, and each reply replaced at most once: together
# the replies of a statement form one line, whoever records them at the same moment.
REPLY_INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS statement_reply_first_once "
    "ON statement_reply (statement_no_id) WHERE replaces_id IS NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS statement_reply_replaced_once "
    "ON statement_reply (replaces_id) WHERE replaces_id IS NOT NULL",
)


class ChaseDoneRow(Base):
    """A chasing step the office did (models/collecting/chasing.py): for a customer, the
    debt due on `due_on`, its step number, on a day. The database keeps one row per
    step and day, so two PCs recording it at once make one record."""

    customer = pw.ForeignKeyField(CustomerRow, on_delete="RESTRICT")
    due_on = DateField()
    step_no = pw.IntegerField()
    done_on = DateField()
    action = pw.CharField(max_length=20)
    entered_by = pw.CharField(max_length=60, default="")
    created_at = DateTimeField()

    class Meta:
        table_name = "chase_done"
        indexes = ((("customer", "due_on", "step_no", "done_on"), True),)


# Unique indexes on columns that are NULL for almost every row. As partial indexes they
# stay small, and SQLite's planner does not mistake "reverses_id IS NULL" for selective.
class PostKeyRow(Base):
    """The key a window made for one post (uuid4): a retried post (lost reply, timeout)
    finds its entry here instead of posting twice. The primary key is the database's
    guarantee, even for two processes racing the same key. Apart from `entry`: the
    hash chain covers the entry's columns."""

    key = pw.CharField(primary_key=True, max_length=64)
    entry = pw.ForeignKeyField(EntryRow, on_delete="RESTRICT", index=False)

    class Meta:
        table_name = "post_key"


class CreditApprovalRow(Base):
    """The boss's approval of one delivery the credit stop refuses (models/ledger/
    credit_stop.py): at most `amount` fen for `customer`, on the day it was made; claimed
    by setting `entry` and `used_at` (NULL until then) in the delivery's transaction."""

    customer = pw.ForeignKeyField(CustomerRow, on_delete="RESTRICT")
    amount = MoneyField()
    reasons = pw.TextField()
    note = pw.TextField(default="")
    approved_by = pw.CharField(max_length=60)
    approved_at = DateTimeField()
    entry = pw.ForeignKeyField(EntryRow, null=True, on_delete="RESTRICT", index=False)
    used_at = DateTimeField(null=True)

    class Meta:
        table_name = "credit_approval"


PARTIAL_INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS entry_reverses_once ON entry (reverses_id) "
    "WHERE reverses_id IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS entry_import_key_once ON entry (import_key) "
    "WHERE import_key IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS promise_replaces_once ON promise (replaces_id) "
    "WHERE replaces_id IS NOT NULL",
)

# PostgreSQL only: every customer's standing debits, newest first, with what the aging
# walk reads (models/ledger/aging.py `_open_debits_pg`): half the entries, so each of
# the 8,763 owing customers' look-ups of the big ledger reads half the index pages.
# SQLite reads a customer's debits one by one in-process, where the full index serves.
PG_INDEXES = (
    "CREATE INDEX IF NOT EXISTS entry_open_debits ON entry (customer_id, date DESC, id DESC) "
    "INCLUDE (delta, kind) WHERE delta > 0 AND reverses_id IS NULL",
)

ALL_TABLES: tuple[type[Base], ...] = (
    Meta,
    Setting,
    RepRow,
    RouteRow,
    CustomerRow,
    EntryRow,
    BalanceRow,
    DailyTotalRow,
    EntryLineRow,
    ChequeRow,
    ChequeStatusChangeRow,
    PromiseRow,
    VisitRow,
    LiveDocumentRow,
    EntryChainRow,
    CallRow,
    PrintRow,
    StatementNoRow,
    ImportLayoutRow,
    PersonRow,
    PostKeyRow,
    AuditRow,
    StatementReplyRow,
    DisputeOutcomeRow,
    ChaseDoneRow,
    CreditApprovalRow,
)
