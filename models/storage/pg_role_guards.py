"""PostgreSQL: the database checks who may do what (people and roles, issue 22).

Every person signs in with a login of their own; this ledger's group roles say what
each may do (models/storage/pg_people.py makes the groups, grants the tables and adds
people). Grants keep a viewer from posting at all; what a grant cannot say is checked
here by triggers that ask `qk_role()`:

- only the boss posts (or voids) a write-off;
- only the boss voids an entry keyed more than 7 days ago: the voided entry's
  `created_at` date is more than 7 days before the server's today (keyed 7 days ago
  may still be voided by a clerk; 8 days ago may not). A bounced cheque's payment is
  voided by settling, at any age;
- only the boss changes a customer's credit limit or terms;
- `entered_by` is the signed-in person (`session_user`) on entries, promises, visits,
  calls and printed statements: the client sends it (it is part of the entries' hash
  chain, computed before the insert) and the database refuses another name rather
  than rewrite it;
- `meta` holds the schema's version and the ledger's identity: people only move the
  entries' chain tip (a guard `setup-server` adds).

Who counts as the boss: a member of this ledger's boss group, and the administrator
(a superuser, the database's owner, the owner of the tables), so a ledger one login
has always used, and the test suite, keep every right. Before the groups exist (no
`setup-server` yet) everyone who can write is the boss, as before.

The entry checks are statement-level triggers over the inserted rows (a transition
table), so an import of 100,000 entries runs them once per statement, not per row.
Refusals carry SQLSTATE 42501 (insufficient privilege) and a hint ``qk:<what>`` the
app turns into a translated sentence (models/storage/storage_errors.py).
"""

from __future__ import annotations

import peewee as pw

from models.vocabulary.people_records import CLERK_VOID_DAYS

# The group roles of this ledger: qk<database oid>_boss … (roles are the cluster's, a
# database's oid is unique in it and survives a rename; well under 63 bytes).
PREFIX_SQL = "SELECT 'qk' || oid::text || '_' FROM pg_database WHERE datname = current_database()"

# name -> (arguments and result, language, body)
FUNCTIONS: dict[str, tuple[str, str, str]] = {
    "qk_group_prefix": ("() RETURNS text", "sql STABLE", PREFIX_SQL),
    "qk_is_admin": (
        "() RETURNS boolean",
        "sql STABLE",
        """SELECT COALESCE((SELECT r.rolsuper OR r.oid = d.datdba
              OR r.oid = (SELECT relowner FROM pg_class WHERE oid = to_regclass('entry'))
            FROM pg_roles r, pg_database d
            WHERE r.rolname = session_user AND d.datname = current_database()), false)""",
    ),
    "qk_role": (
        "() RETURNS text",
        "sql STABLE",
        """SELECT CASE
          WHEN qk_is_admin() THEN 'boss'
          WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = qk_group_prefix() || 'boss')
            THEN 'boss'
          ELSE COALESCE((
            SELECT substr(g.rolname, length(qk_group_prefix()) + 1)
            FROM pg_auth_members m
            JOIN pg_roles g ON g.oid = m.roleid
            JOIN pg_roles u ON u.oid = m.member
            WHERE u.rolname = session_user
              AND g.rolname IN (qk_group_prefix() || 'boss', qk_group_prefix() || 'clerk',
                                qk_group_prefix() || 'viewer')
            ORDER BY g.rolname = qk_group_prefix() || 'boss' DESC,
                     g.rolname = qk_group_prefix() || 'clerk' DESC
            LIMIT 1), '')
        END""",
    ),
    "qk_is_boss": ("() RETURNS boolean", "sql STABLE", "SELECT qk_role() = 'boss'"),
    "qk_entry_rights": (
        "() RETURNS trigger",
        "plpgsql",
        f"""
        BEGIN
          IF qk_is_admin() THEN
            RETURN NULL;
          END IF;
          IF EXISTS (SELECT 1 FROM qk_new WHERE entered_by IS DISTINCT FROM session_user) THEN
            RAISE EXCEPTION 'entered_by must be the signed-in person (%)', session_user
              USING ERRCODE = '42501', HINT = 'qk:entered_by';
          END IF;
          IF qk_role() = 'boss' THEN
            RETURN NULL;
          END IF;
          IF EXISTS (SELECT 1 FROM qk_new WHERE kind = 'writeoff') THEN
            RAISE EXCEPTION 'only the boss may write off a debt (signed in as %)', session_user
              USING ERRCODE = '42501', HINT = 'qk:writeoff';
          END IF;
          IF EXISTS (SELECT 1 FROM qk_new n JOIN entry e ON e.id = n.reverses_id
                     WHERE e.created_at::date < current_date - {CLERK_VOID_DAYS}
                       AND NOT (n.void_kind = 'bounced'
                                AND EXISTS (SELECT 1 FROM cheque c WHERE c.entry_id = e.id)))
          THEN
            RAISE EXCEPTION 'only the boss may void an entry keyed more than {CLERK_VOID_DAYS} days ago (signed in as %)', session_user
              USING ERRCODE = '42501', HINT = 'qk:void_old';
          END IF;
          RETURN NULL;
        END; """,
    ),
    "qk_entered_by_rights": (
        "() RETURNS trigger",
        "plpgsql",
        """
        BEGIN
          IF NOT qk_is_admin()
             AND EXISTS (SELECT 1 FROM qk_new WHERE entered_by IS DISTINCT FROM session_user)
          THEN
            RAISE EXCEPTION 'entered_by must be the signed-in person (%)', session_user
              USING ERRCODE = '42501', HINT = 'qk:entered_by';
          END IF;
          RETURN NULL;
        END; """,
    ),
    "qk_customer_rights": (
        "() RETURNS trigger",
        "plpgsql",
        """
        BEGIN
          IF NOT qk_is_boss() THEN
            RAISE EXCEPTION 'only the boss may change a customer''s credit limit or terms (signed in as %)', session_user
              USING ERRCODE = '42501', HINT = 'qk:credit_terms';
          END IF;
          RETURN NEW;
        END; """,
    ),
    "qk_meta_rights": (
        "() RETURNS trigger",
        "plpgsql",
        """
        BEGIN
          -- People move the entries' chain tip, and the audit trail's only through
          -- qk_audit_write (which runs as the ledger's owner: current_user differs).
          IF NOT qk_is_admin() AND (
               TG_OP = 'DELETE'
               OR NOT (NEW.key = 'entry_chain_tip'
                       OR (NEW.key = 'audit_chain_tip' AND current_user <> session_user))
               OR (TG_OP = 'UPDATE' AND OLD.key <> NEW.key)) THEN
            RAISE EXCEPTION 'only the administrator changes the ledger''s meta rows'
              USING ERRCODE = '42501', HINT = 'qk:meta';
          END IF;
          IF TG_OP = 'DELETE' THEN
            RETURN OLD;
          END IF;
          RETURN NEW;
        END; """,
    ),
}

_STATEMENT = "AFTER INSERT ON {table} REFERENCING NEW TABLE AS qk_new FOR EACH STATEMENT"
ENTERED_BY_TABLES = ("promise", "visit", "promise_call", "statement_no", "statement_print")

# trigger name -> (table, how it fires, function)
TRIGGERS: dict[str, tuple[str, str, str]] = {
    "entry_rights": ("entry", _STATEMENT.format(table="entry"), "qk_entry_rights"),
    **{
        f"{table}_entered_by": (table, _STATEMENT.format(table=table), "qk_entered_by_rights")
        for table in ENTERED_BY_TABLES
    },
    "customer_credit_rights": (
        "customer",
        "BEFORE UPDATE ON customer FOR EACH ROW WHEN ("
        "OLD.credit_limit IS DISTINCT FROM NEW.credit_limit "
        "OR OLD.terms_kind IS DISTINCT FROM NEW.terms_kind "
        "OR OLD.terms_days IS DISTINCT FROM NEW.terms_days)",
        "qk_customer_rights",
    ),
}
# Made by `setup-server` (models/storage/pg_people.py), not by an upgrade: a trigger on
# `meta` takes a lock that programs waiting to upgrade the same ledger hold (deadlock).
SETUP_TRIGGERS: dict[str, tuple[str, str, str]] = {
    "meta_rights": (
        "meta",
        "BEFORE INSERT OR UPDATE OR DELETE ON meta FOR EACH ROW",
        "qk_meta_rights",
    ),
}


def install(db: pw.Database, triggers: dict[str, tuple[str, str, str]] = TRIGGERS) -> None:
    """(Re)create the functions and `triggers` (safe to run again). PostgreSQL only."""
    for name, (signature, language, body) in FUNCTIONS.items():
        db.execute_sql(
            f"CREATE OR REPLACE FUNCTION {name}{signature} LANGUAGE {language} "
            f"AS $qk${body.replace('%', '%%')}$qk$"
        )
    for name, (table, how, function) in triggers.items():
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        db.execute_sql(f"CREATE TRIGGER {name} {how} EXECUTE FUNCTION {function}()")


def missing(db: pw.Database, triggers: list[tuple] | None = None) -> list[str]:
    """The role guards that are gone, disabled or altered, by name. `triggers`: the rows
    `guards.PG_TRIGGERS_FOUND` read when opening (else they are read here)."""
    rows = triggers
    if rows is None:
        rows = db.execute_sql(
            "SELECT t.tgname, c.relname, t.tgenabled, p.proname, p.prosrc "
            "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
        ).fetchall()
    found = {row[0]: tuple(row[1:5]) for row in rows}
    gone = []
    for name, (table, _how, function) in TRIGGERS.items():
        body = FUNCTIONS[function][2]
        have = found.get(name)
        if (
            have is None
            or have[1] not in ("O", "A")
            or (have[0], have[2], have[3]) != (table, function, body)
        ):
            gone.append(name)
    return gone
