"""The ledger's schema, as this version of Qingkuan makes it: its version number, the
tables, indexes and triggers of a new ledger, and the forward migrations that bring an
older ledger up to date (MIGRATIONS[n] takes version n to n + 1).

A new ledger and an upgraded one end the same: models/storage/schema_audit.py builds
the app's own definition with `create_schema_objects` and upgrades schema-only copies
with `run_migrations`. Opening (models/storage/db.py) decides when either runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import peewee as pw

from models.storage import (
    audit_trail,
    chain,
    edit_versions,
    guards,
    notify_triggers,
    pg_people,
    pg_role_guards,
)
from models.storage.tables import (
    ALL_TABLES,
    PARTIAL_INDEXES,
    PG_INDEXES,
    AuditRow,
    BalanceRow,
    CallRow,
    ChaseDoneRow,
    ChequeStatusChangeRow,
    CreditApprovalRow,
    DailyTotalRow,
    EntryChainRow,
    EntryRow,
    ImportLayoutRow,
    LiveDocumentRow,
    Meta,
    PersonRow,
    PostKeyRow,
    PrintRow,
    PromiseRow,
    StatementNoRow,
)
from models.vocabulary.text_rules import code_key

SCHEMA_VERSION = 19

# Indexes older versions made and a migration drops: not foreign in an older ledger.
RETIRED_INDEXES = (
    "entry_reverses_id",
    "entry_import_key",
    "promise_replaces_id",
    "entry_customer_id_date_delta_reverses_id",
)


# Forward migrations: MIGRATIONS[n] brings a ledger from version n to n + 1.
def _install_triggers(db: pw.Database) -> None:
    """(Re)create the triggers: immutability, no void of a reversal, the balance cache,
    live document numbers (models/storage/guards.py)."""
    guards.install(db)


def _v1_to_v2(db: pw.Database) -> None:
    """Version 2: the balance cache keeps each customer's latest payment, unique indexes
    on mostly-NULL columns are partial. Rebuilds the cache from the entries."""
    db.create_tables([BalanceRow], safe=True)
    if "last_payment_on" not in {c.name for c in db.get_columns("balance_cache")}:
        db.execute_sql("ALTER TABLE balance_cache ADD COLUMN last_payment_on DATE")
    for old in RETIRED_INDEXES[:3]:
        db.execute_sql(f"DROP INDEX IF EXISTS {old}")
    for sql in PARTIAL_INDEXES:
        db.execute_sql(sql)
    db.execute_sql("DELETE FROM balance_cache")
    db.execute_sql(
        "INSERT INTO balance_cache (customer_id, balance, last_date) "
        "SELECT customer_id, SUM(delta), MAX(date) FROM entry GROUP BY customer_id"
    )
    db.execute_sql(
        "UPDATE balance_cache SET last_payment_on = (SELECT MAX(p.date) FROM entry p "
        "WHERE p.customer_id = balance_cache.customer_id AND p.kind = 'payment' "
        "AND p.reverses_id IS NULL AND p.id NOT IN "
        "(SELECT reverses_id FROM entry WHERE reverses_id IS NOT NULL))"
    )
    _install_triggers(db)


def _v2_to_v3(db: pw.Database) -> None:
    """Version 3: a promise remembers the last entry before it, so money keyed earlier
    on the day it was made does not count toward it. Existing promises keep counting
    their whole first day, as before."""
    if "after_entry_id" not in {c.name for c in db.get_columns("promise")}:
        db.execute_sql("ALTER TABLE promise ADD COLUMN after_entry_id BIGINT NOT NULL DEFAULT 0")


def _add_customer_code_keys(db: pw.Database) -> None:
    """Customer codes get a unique normalised key (case and width folded), so that
    c0001 cannot be added beside C0001, not even by two clerks at once. A near-duplicate
    already in the ledger keeps a NULL key (it stays as it is; a new one is refused)."""
    if "code_key" not in {c.name for c in db.get_columns("customer")}:
        db.execute_sql("ALTER TABLE customer ADD COLUMN code_key TEXT")
    taken = {k for (k,) in db.execute_sql("SELECT code_key FROM customer") if k is not None}
    rows = db.execute_sql("SELECT id, code FROM customer WHERE code_key IS NULL ORDER BY id")
    for customer_id, code in list(rows):
        key = code_key(code)
        if key not in taken:
            taken.add(key)
            db.execute_sql(
                f"UPDATE customer SET code_key = {db.param} WHERE id = {db.param}",
                (key, customer_id),
            )
    db.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS customer_code_key ON customer (code_key)")


# Bounce reasons Qingkuan wrote before it stored their kind, in either language.
_OLD_BOUNCE = re.compile(
    r"^(?:支票 (?P<zh>.+?) 跳票(?:：(?P<zr>.*))?|Cheque (?P<en>.+?) bounced(?:: (?P<er>.*))?)$",
    re.S,
)


def store_reason_kinds(db: pw.Database) -> None:
    """Version 5 (before the hash chain, which covers void reasons): a void reason Qingkuan wrote keeps its kind, not a finished sentence in
    the screen's language, so each document prints it in its own language; what the
    user typed stays as typed. Old bounce sentences become kind "bounced" with the typed
    part as the reason. Also: statement numbers, issued by the database."""
    from models.storage.tables import StatementNoRow

    if "void_kind" not in {c.name for c in db.get_columns("entry")}:
        db.execute_sql("ALTER TABLE entry ADD COLUMN void_kind VARCHAR(20) NOT NULL DEFAULT ''")
    db.create_tables([StatementNoRow], safe=True)
    found = db.execute_sql(
        "SELECT id, void_reason FROM entry WHERE reverses_id IS NOT NULL AND void_kind = '' "
        "AND (void_reason LIKE ? OR void_reason LIKE ?)".replace("?", db.param),
        ("Cheque %", "支票 %"),
    ).fetchall()
    changes = []
    for entry_id, reason in found:
        match = _OLD_BOUNCE.match(reason)
        if match:
            changes.append(((match["zr"] or match["er"] or "").strip(), entry_id))
    if not changes:
        return
    # Entries are immutable to everyone else: the trigger steps aside for this one update.
    pg = isinstance(db, pw.PostgresqlDatabase)
    if pg:
        db.execute_sql("ALTER TABLE entry DISABLE TRIGGER entry_immutable")
    else:
        db.execute_sql("DROP TRIGGER IF EXISTS entry_no_update")
    for typed, entry_id in changes:
        db.execute_sql(
            "UPDATE entry SET void_kind = 'bounced', void_reason = ? WHERE id = ?".replace(
                "?", db.param
            ),
            (typed, entry_id),
        )
    if pg:
        db.execute_sql("ALTER TABLE entry ENABLE TRIGGER entry_immutable")
    else:
        _install_triggers(db)


def add_live_documents_and_chain(db: pw.Database) -> None:
    """Version 6: the database itself refuses a second live copy of a document number
    (table live_document, kept by a trigger), and every entry gets its link in the hash
    chain (models/storage/chain.py). Duplicates an older ledger already holds stay as they were
    (the first keeps the number) for `check` to report: refusing to open would help nobody.
    """
    db.create_tables([LiveDocumentRow, EntryChainRow], safe=True)
    ignore = "" if isinstance(db, pw.PostgresqlDatabase) else " OR IGNORE"
    conflict = " ON CONFLICT DO NOTHING" if isinstance(db, pw.PostgresqlDatabase) else ""
    db.execute_sql(
        f"INSERT{ignore} INTO live_document (customer_id, kind, doc_no, entry_id) "
        "SELECT e.customer_id, e.kind, e.doc_no, e.id FROM entry e "
        "WHERE e.doc_no <> '' AND e.kind IN ('delivery', 'return') AND e.reverses_id IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id) "
        f"ORDER BY e.id{conflict}"
    )
    chain.chain_existing(db)


def _add_daily_totals(db: pw.Database) -> None:
    """Version 7: the daily totals per kind (`DailyTotalRow`), built from the entries, and the
    trigger that keeps them. Safe to run again: the totals are rebuilt."""
    db.create_tables([DailyTotalRow], safe=True)
    db.execute_sql("DELETE FROM daily_total")
    db.execute_sql(
        "INSERT INTO daily_total (date, kind, total) "
        "SELECT date, kind, SUM(delta) FROM entry GROUP BY date, kind"
    )
    _install_triggers(db)


def _add_route_day_tables(db: pw.Database) -> None:
    """Version 8: route days: a route can be deactivated, calls about promises are answered,
    printed statements are remembered (the next one starts where the last ended), and
    the day's collections are read from an index on (kind, date)."""
    if "active" not in {c.name for c in db.get_columns("route")}:
        db.execute_sql("ALTER TABLE route ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE")
    db.create_tables([CallRow, PrintRow], safe=True)
    db.execute_sql("CREATE INDEX IF NOT EXISTS entry_kind_date_delta ON entry (kind, date, delta)")


def _add_cheque_status_history(db: pw.Database) -> None:
    """Version 9: a cheque keeps the history of its status (who, when, from → to), so a status set
    by mistake can be set back without losing what happened. The table only grows: the
    database refuses to change or delete its rows (guards in models/storage/guards.py), and refuses
    moves that are not allowed."""
    create_tables(db, [ChequeStatusChangeRow])
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS cheque_status_change_entry ON cheque_status_change (entry_id)"
    )
    _install_triggers(db)


def _add_reading_indexes(db: pw.Database) -> None:
    """Version 10: indexes that let the big readers stop early. The (customer, date, …)
    index on entries also holds id and kind, so aging reads a customer's debits newest
    first from the index alone and stops once the balance is covered (it sorted and
    looked up every row before); promises get (customer, created_at), so "did the
    customer promise again since?" is one seek. Safe to run again."""
    db.execute_sql(f"DROP INDEX IF EXISTS {RETIRED_INDEXES[3]}")
    db.create_tables([EntryRow, PromiseRow], safe=True)  # the indexes they declare, if missing
    # Statistics for the new indexes now: without them the planner chose worse plans
    # until the next close, and the first review after the upgrade took 2.7 s, not 0.8.
    if isinstance(db, pw.SqliteDatabase):
        db.execute_sql("PRAGMA analysis_limit = 400")
    db.execute_sql("ANALYZE entry")
    db.execute_sql("ANALYZE promise")


def _add_import_layouts(db: pw.Database) -> None:
    """Version 11: named import layouts (models/exchange/import_layouts.py) live in the ledger, so
    every PC of the office imports the invoicing program's export the same way."""
    create_tables(db, [ImportLayoutRow])


# The rows that name who made them (the signed-in person, models/storage/session.py).
ENTERED_BY_TABLES = ("promise", "visit", "statement_no", "statement_print")


def add_people_and_roles(db: pw.Database) -> None:
    """Version 12: people and roles. Promises, visits and printed statements name who
    made them (`entered_by`, as entries and calls do); a ledger file keeps its people
    (table `person`, for sign-in); on PostgreSQL the database checks each role's rights
    and the `entered_by` it is sent (models/storage/pg_role_guards.py). Rows made before
    keep an empty `entered_by`. Safe to run again."""
    tables = set(db.get_tables())  # a damaged file may lack some: the audit names them
    for table in ENTERED_BY_TABLES:
        if table in tables and "entered_by" not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(
                f"ALTER TABLE {table} ADD COLUMN entered_by VARCHAR(60) NOT NULL DEFAULT ''"
            )
    create_tables(db, [PersonRow])
    if isinstance(db, pw.PostgresqlDatabase):
        pg_role_guards.install(db)


def add_edit_versions_post_keys_and_notices(db: pw.Database) -> None:
    """Version 13, working together: customers and settings get a version the database
    bumps on every change, with who and when (a save over someone else's is refused:
    models/storage/edit_versions.py); posts get their client-made keys (`post_key`), so
    a retried post cannot post twice; PostgreSQL notifies open windows of changes
    (models/storage/notify_triggers.py). Safe to run twice."""
    edit_versions.add_columns(db)
    create_tables(db, [PostKeyRow])
    edit_versions.install(db)
    notify_triggers.install(db)


def add_audit_trail(db: pw.Database) -> None:
    """Version 14: the audit trail (models/storage/audit_trail.py): table `audit_log`, its
    chain's tip in `meta`, and the triggers that write it and keep it insert-only
    (models/storage/audit_guards.py). Safe to run again. What happened before the upgrade
    is not in it: the trail starts here."""
    create_tables(db, [AuditRow])
    audit_trail.start_tip(db)
    _install_triggers(db)


def entry_triggers_per_statement(db: pw.Database) -> None:
    """Version 15: on PostgreSQL the entry triggers that keep the balance cache, the daily
    totals and the live document numbers (and refuse the void of a reversal) run once
    per INSERT statement over its rows instead of once per row (models/storage/guards.py);
    their row-level functions go, and the tables they bloated are rewritten. SQLite
    keeps its row triggers: nothing to do."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    guards.install(db, replace=guards.PER_STATEMENT)
    for name in guards.RETIRED_PG_FUNCTIONS:
        db.execute_sql(f"DROP FUNCTION IF EXISTS {name}()")
    # The row triggers updated a customer's cache row once per entry: after an import
    # in one transaction nothing could be reclaimed, and the big ledger's 10,000 cache
    # rows filled 71 MB, read whole by every aging. Rewritten compact (a few MB).
    for table in ("balance_cache", "daily_total"):
        db.execute_sql(f"CLUSTER {table} USING {table}_pkey")


def add_statement_replies(db: pw.Database) -> None:
    """Version 16: confirmations. A printed statement keeps the reply-by date its slip
    printed; customers' replies (agreed / disputed) and disputes' outcomes get their own
    tables, which only grow (guards), with one first reply per statement and each reply
    replaced at most once (partial unique indexes). Safe to run again."""
    from models.storage.tables import REPLY_INDEXES, DisputeOutcomeRow, StatementReplyRow

    has_numbers = "statement_no" in db.get_tables()
    if has_numbers and "reply_by" not in {c.name for c in db.get_columns("statement_no")}:
        db.execute_sql("ALTER TABLE statement_no ADD COLUMN reply_by DATE")
    create_tables(db, [StatementNoRow, StatementReplyRow, DisputeOutcomeRow])
    for sql in REPLY_INDEXES:
        db.execute_sql(sql)
    _install_triggers(db)


def add_chase_done(db: pw.Database) -> None:
    """Version 17: chasing steps the office did (models/collecting/chasing.py), one row per
    customer, debt, step and day. Safe to run again."""
    create_tables(db, [ChaseDoneRow])


def add_credit_approvals(db: pw.Database) -> None:
    """Version 18: the boss's approvals of deliveries the credit stop refuses
    (models/ledger/credit_stop.py), table `credit_approval`, kept by guards: never
    deleted, used once (models/storage/guards.py). Safe to run again."""
    create_tables(db, [CreditApprovalRow])
    _install_triggers(db)


def entry_triggers_skip_void_work(db: pw.Database) -> None:
    """Version 19: on PostgreSQL the per-statement entry triggers do what only a void
    needs (the reversal check, the balance's last payment, live document numbers taken
    back) only for a statement holding a void (models/storage/guards.py), and the aging
    walk gets its index of standing debits (`PG_INDEXES`). SQLite: nothing to do."""
    if isinstance(db, pw.PostgresqlDatabase):
        guards.install(db, replace=guards.PER_STATEMENT)
        for sql in PG_INDEXES:
            db.execute_sql(sql)


MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _add_customer_code_keys,
    4: store_reason_kinds,
    5: add_live_documents_and_chain,
    6: _add_daily_totals,
    7: _add_route_day_tables,
    8: _add_cheque_status_history,
    9: _add_reading_indexes,
    10: _add_import_layouts,
    11: add_people_and_roles,
    12: add_edit_versions_post_keys_and_notices,
    13: add_audit_trail,
    14: entry_triggers_per_statement,
    15: add_statement_replies,
    16: add_chase_done,
    17: add_credit_approvals,
    18: entry_triggers_skip_void_work,
}


def create_tables(
    db: pw.Database, models: list[type[pw.Model]] | tuple[type[pw.Model], ...]
) -> None:
    """Create these tables (and the indexes they declare) on `db` itself, whatever
    ledger is open (peewee's own `create_tables` goes through the models' binding)."""
    for model in pw.sort_models(models):
        pw.SchemaManager(model, database=db).create_all(safe=True)


def create_schema_objects(db: pw.Database) -> None:
    """Every table, index and trigger of a new ledger, on `db`. models/storage/schema_audit.py
    builds the app's own definition with it in memory: one path, so it cannot drift."""
    create_tables(db, ALL_TABLES)
    for sql in PARTIAL_INDEXES:
        db.execute_sql(sql)
    _install_triggers(db)
    _add_cheque_status_history(db)
    if isinstance(db, pw.PostgresqlDatabase):
        pg_role_guards.install(db)
        for sql in PG_INDEXES:
            db.execute_sql(sql)
    add_edit_versions_post_keys_and_notices(db)
    audit_trail.start_tip(db)
    add_statement_replies(db)


def run_migrations(db: pw.Database, version: int) -> None:
    """Run the migrations from `version` up to this program's; the caller holds the
    transaction (models/storage/schema_audit.py upgrades a schema-only copy in memory too)."""
    upgraded = version < SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        Meta.update(value=str(version)).where(Meta.key == "schema_version").execute()
    # People and roles are on: the tables a migration added get their rights too.
    if upgraded and isinstance(db, pw.PostgresqlDatabase) and pg_people.groups_exist(db):
        pg_people.grant(db, meta_guard=False)
