"""The triggers that write the audit trail (models/storage/audit_trail.py), and the ones
that keep it insert-only, on SQLite and PostgreSQL.

What is audited, each as one kind of row (`subject` names the thing, `old_values` and
`new_values` hold the fields that changed, as JSON objects):

- customers added, edited (only the fields that changed) and removed;
- settings (a JSON setting by its keys; a large value such as the QR image by its size);
- promises made, given a new date (replaced), cancelled or edited;
- voids (an entry that reverses another; plain posts are in the entries' own chain, and
  an import of 100,000 entries passes a WHEN clause per row and nothing more);
- a cheque's status; reps and routes; import layouts.

The triggers compare whole rows, so an edit made with raw SQL is audited like one made
by the window. guards.py installs these with its own and reports them missing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import peewee as pw

from models.storage.audit_trail import GENESIS, SQLITE_WRITE

_REFUSE = "the audit trail is never changed or deleted"

# Audited fields per table: (key in the JSON, the column that changes, the value read
# from a row `{r}`: OLD or NEW). Names, not ids, for reps and routes: readable later.
_REP_NAME = "(SELECT name FROM rep WHERE id = {r}.rep_id)"
_ROUTE_NAME = "(SELECT name FROM route WHERE id = {r}.route_id)"
Field = tuple[str, str]  # (key, value expression with {r})


def _plain(*names: str) -> list[Field]:
    return [(name, "{r}." + name) for name in names]


CUSTOMER_FIELDS: list[Field] = [
    *_plain("code", "name", "contact", "phones", "address", "payer"),
    ("route", _ROUTE_NAME),
    *_plain("route_position"),
    ("rep", _REP_NAME),
    *_plain("terms_kind", "terms_days", "credit_limit", "notes", "archived"),
]
PROMISE_FIELDS: list[Field] = [
    *_plain("amount", "due_at", "method", "payer"),
    ("rep", _REP_NAME),
    *_plain("note", "cancelled_at"),
]
REP_FIELDS = _plain("name", "phone", "active")
ROUTE_FIELDS: list[Field] = [*_plain("name", "weekdays"), ("rep", _REP_NAME), *_plain("active")]
LAYOUT_FIELDS = _plain("name", "kind", "headers", "columns", "fixed", "sheet")
_VOIDED = "(SELECT {what} FROM entry WHERE id = NEW.reverses_id)"


# ---------------------------------------------------------------- SQLite


def _sqlite_object(fields: Sequence[Field], r: str) -> str:
    pairs = ", ".join(f"'{key}', {value.format(r=r)}" for key, value in fields)
    return f"json_object({pairs})"


def _sqlite_diff(mine: str, theirs: str) -> str:
    """The keys of JSON object `mine` whose value `theirs` lacks or holds otherwise,
    with `mine`'s values (arrays and objects stay JSON)."""
    return f"""(SELECT json_group_object(a.key,
        CASE WHEN a.type IN ('array', 'object', 'true', 'false') THEN json(a.atom_json)
             ELSE a.value END)
      FROM (SELECT key, type, value, CASE WHEN type IN ('true', 'false') THEN type
            ELSE value END AS atom_json FROM json_each({mine})) a
      WHERE NOT EXISTS (SELECT 1 FROM json_each({theirs}) b
                        WHERE b.key = a.key AND b.type = a.type AND b.value IS a.value))"""


def _compared(key: str, value: str) -> str:
    """The column whose change a field shows (a rep's name changes with rep_id)."""
    for column in ("rep_id", "route_id"):
        if "{r}." + column in value:
            return column
    return key


def _sqlite_changed(fields: Sequence[Field]) -> str:
    """Any audited column changed: compared column by column (a WHEN clause that built
    and compared whole JSON objects cost a customer edit 3 ms)."""
    return " OR ".join(f"OLD.{_compared(k, v)} IS NOT NEW.{_compared(k, v)}" for k, v in fields)


def _sqlite_field_diff(fields: Sequence[Field], r: str) -> str:
    """The fields that changed, with their values in row `r` (OLD or NEW)."""
    picks = " UNION ALL ".join(
        f"SELECT '{k}' AS k, {v.format(r=r)} AS v "
        f"WHERE OLD.{_compared(k, v)} IS NOT NEW.{_compared(k, v)}"
        for k, v in fields
    )
    return f"(SELECT json_group_object(k, v) FROM ({picks}))"


def _sqlite_trigger(
    name: str, table: str, when: str, condition: str, kind: str, subject: str,
    customer: str, old: str, new: str,
) -> tuple[str, str]:  # fmt: skip
    """(table, CREATE TRIGGER) writing one audit row."""
    guard = f" WHEN {condition}" if condition else ""
    body = SQLITE_WRITE.format(kind=kind, subject=subject, customer=customer, old=old, new=new)
    return table, (
        f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {when} ON {table}{guard}\n BEGIN\n{body}\n END"
    )


def _sqlite_row_triggers(
    table: str, fields: Sequence[Field], kind: str, subject: str, customer: str = "NULL"
) -> dict[str, tuple[str, str]]:
    """Added, edited (fields that changed), removed: one trigger each."""
    old, new = _sqlite_object(fields, "OLD"), _sqlite_object(fields, "NEW")
    at = {r: f.format(r=r) for r, f in (("OLD", subject), ("NEW", subject))}
    cust = {r: customer.format(r=r) for r in ("OLD", "NEW")}
    return {
        f"{table}_audits_insert": _sqlite_trigger(
            f"{table}_audits_insert", table, "INSERT", "", f"'{kind}.add'", at["NEW"],
            cust["NEW"], "'{}'", new,
        ),
        f"{table}_audits_update": _sqlite_trigger(
            f"{table}_audits_update", table, "UPDATE", _sqlite_changed(fields), f"'{kind}.edit'",
            at["NEW"], cust["NEW"], _sqlite_field_diff(fields, "OLD"),
            _sqlite_field_diff(fields, "NEW"),
        ),
        f"{table}_audits_delete": _sqlite_trigger(
            f"{table}_audits_delete", table, "DELETE", "", f"'{kind}.remove'", at["OLD"],
            cust["OLD"], old, "'{}'",
        ),
    }  # fmt: skip


# A setting's value as a JSON object: itself when it is one, else its text or, when
# long (the QR image), its size.
_SQLITE_SETTING = (
    "CASE WHEN json_valid({v}) AND json_type({v}) = 'object' THEN {v} "
    "WHEN length({v}) > 200 THEN json_object('size', length({v})) "
    "ELSE json_object('value', {v}) END"
)


def _sqlite_triggers() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {
        f"audit_log_no_{op.lower()}": (
            "audit_log",
            f"CREATE TRIGGER IF NOT EXISTS audit_log_no_{op.lower()} BEFORE {op} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END",
        )
        for op in ("UPDATE", "DELETE")
    }
    found.update(
        _sqlite_row_triggers("customer", CUSTOMER_FIELDS, "customer", "{r}.code", "{r}.id")
    )
    found.update(_sqlite_row_triggers("rep", REP_FIELDS, "rep", "{r}.name"))
    found.update(_sqlite_row_triggers("route", ROUTE_FIELDS, "route", "{r}.name"))
    found.update(_sqlite_row_triggers("import_layout", LAYOUT_FIELDS, "layout", "{r}.name"))
    old_s, new_s = _SQLITE_SETTING.format(v="OLD.value"), _SQLITE_SETTING.format(v="NEW.value")
    for op, condition, old, new, r in (
        ("INSERT", "", "'{}'", new_s, "NEW"),
        ("UPDATE", "OLD.value IS NOT NEW.value", _sqlite_diff(old_s, new_s),
         _sqlite_diff(new_s, old_s), "NEW"),
        ("DELETE", "", old_s, "'{}'", "OLD"),
    ):  # fmt: skip
        name = f"setting_audits_{op.lower()}"
        found[name] = _sqlite_trigger(
            name, "setting", op, condition, "'setting.change'", f"{r}.key", "NULL", old, new
        )
    p_new = _sqlite_object(PROMISE_FIELDS, "NEW")
    replaced = _sqlite_object(PROMISE_FIELDS, "p")
    found["promise_audits_insert"] = _sqlite_trigger(
        "promise_audits_insert", "promise", "INSERT", "",
        "CASE WHEN NEW.replaces_id IS NULL THEN 'promise.made' ELSE 'promise.replaced' END",
        "'QK-' || substr('000000' || NEW.id, -6, 6)", "NEW.customer_id",
        f"COALESCE((SELECT {replaced} FROM promise p WHERE p.id = NEW.replaces_id), '{{}}')",
        p_new,
    )  # fmt: skip
    found["promise_audits_update"] = _sqlite_trigger(
        "promise_audits_update", "promise", "UPDATE", _sqlite_changed(PROMISE_FIELDS),
        "CASE WHEN OLD.cancelled_at IS NULL AND NEW.cancelled_at IS NOT NULL "
        "THEN 'promise.cancelled' ELSE 'promise.edit' END",
        "'QK-' || substr('000000' || NEW.id, -6, 6)", "NEW.customer_id",
        _sqlite_field_diff(PROMISE_FIELDS, "OLD"), _sqlite_field_diff(PROMISE_FIELDS, "NEW"),
    )  # fmt: skip
    voided = _VOIDED.format(
        what="json_object('kind', kind, 'date', date, 'amount', amount, 'doc_no', doc_no)"
    )
    found["entry_audits_void"] = _sqlite_trigger(
        "entry_audits_void", "entry", "INSERT", "NEW.reverses_id IS NOT NULL", "'entry.void'",
        _VOIDED.format(what="CASE WHEN doc_no <> '' THEN doc_no ELSE '#' || id END"),
        "NEW.customer_id", voided,
        "json_object('reason', NEW.void_reason, 'void_kind', NEW.void_kind)",
    )  # fmt: skip
    found["cheque_audits_status"] = _sqlite_trigger(
        "cheque_audits_status", "cheque", "UPDATE", "OLD.status IS NOT NEW.status",
        "'cheque.status'", "NEW.number",
        "(SELECT customer_id FROM entry WHERE id = NEW.entry_id)",
        "json_object('status', OLD.status)", "json_object('status', NEW.status)",
    )  # fmt: skip
    return found


SQLITE_TRIGGERS = _sqlite_triggers()


# ---------------------------------------------------------------- PostgreSQL

# Functions other than trigger functions: (name, arguments) -> (declaration, body).
_LINK_SQL = """left(encode(sha256(convert_to(concat_ws('|', previous, new_id::text,
      qk_audit_part(to_char(now_at, 'YYYY-MM-DD HH24:MI:SS')), qk_audit_part(who),
      qk_audit_part(kind), qk_audit_part(subject), COALESCE(customer::text, '-'),
      qk_audit_part(old_values), qk_audit_part(new_values)), 'UTF8')), 'hex'), 32)"""

PG_HELPERS: dict[str, tuple[str, str, str]] = {
    # name -> (arguments, "RETURNS … LANGUAGE … [SECURITY DEFINER …]", body)
    "qk_audit_part": (
        "value text",
        "RETURNS text LANGUAGE sql IMMUTABLE",
        """
       SELECT CASE WHEN value IS NULL THEN '-' ELSE char_length(value)::text || ':' || value END
       """,
    ),
    "qk_audit_diff": (
        "mine jsonb, theirs jsonb",
        "RETURNS text LANGUAGE sql IMMUTABLE",
        """
       SELECT COALESCE(jsonb_object_agg(key, value), '{}'::jsonb)::text
       FROM jsonb_each(mine) WHERE theirs -> key IS DISTINCT FROM value
       """,
    ),
    "qk_audit_setting": (
        "value text",
        "RETURNS jsonb LANGUAGE plpgsql IMMUTABLE",
        """
       DECLARE found jsonb;
       BEGIN
         IF value IS NULL THEN RETURN '{}'::jsonb; END IF;
         IF left(ltrim(value), 1) = '{' THEN
           BEGIN
             found := value::jsonb;
             IF jsonb_typeof(found) = 'object' THEN RETURN found; END IF;
           EXCEPTION WHEN others THEN NULL;  -- not JSON after all: kept as text below
           END;
         END IF;
         IF char_length(value) > 200 THEN
           RETURN jsonb_build_object('size', char_length(value));
         END IF;
         RETURN jsonb_build_object('value', value);
       END; """,
    ),
    # Runs as the ledger's owner: a clerk who may not insert into audit_log directly
    # still has every change audited. session_user stays the person signed in.
    "qk_audit_write": (
        "kind text, subject text, customer bigint, old_values text, new_values text",
        "RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT",
        f"""
       DECLARE
         tip text;
         previous text;
         new_id bigint;
         now_at timestamp := localtimestamp(0);
         who text := session_user;
         new_link text;
       BEGIN
         SELECT value INTO tip FROM meta WHERE key = 'audit_chain_tip' FOR UPDATE;
         previous := COALESCE(NULLIF(split_part(tip, ':', 2), ''), '{GENESIS}');
         new_id := nextval(pg_get_serial_sequence('audit_log', 'id'));
         new_link := {_LINK_SQL};
         INSERT INTO audit_log
           (id, at, who, kind, subject, customer_id, old_values, new_values, link)
         VALUES (new_id, now_at, who, kind, subject, customer, old_values, new_values,
           new_link);
         INSERT INTO meta (key, value) VALUES ('audit_chain_tip', new_id || ':' || new_link)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
       END; """,
    ),
    "qk_audit_note": (
        "kind text, subject text, old_values text, new_values text",
        "RETURNS void LANGUAGE sql",
        """
       SELECT qk_audit_write(kind, subject, NULL, old_values, new_values)
       """,
    ),
}


def _pg_object(fields: Sequence[Field], r: str) -> str:
    pairs = ", ".join(f"'{key}', {value.format(r=r)}" for key, value in fields)
    return f"jsonb_build_object({pairs})"


def _pg_row_function(fields: Sequence[Field], kind: str, subject: str, customer: str) -> str:
    """A trigger function for added, edited and removed rows of one table."""
    old, new = _pg_object(fields, "OLD"), _pg_object(fields, "NEW")
    return f"""
       DECLARE old_j jsonb; new_j jsonb;
       BEGIN
         IF TG_OP = 'INSERT' THEN
           PERFORM qk_audit_write('{kind}.add', {subject.format(r="NEW")},
             {customer.format(r="NEW")}, '{{}}', {new}::text);
         ELSIF TG_OP = 'DELETE' THEN
           PERFORM qk_audit_write('{kind}.remove', {subject.format(r="OLD")},
             {customer.format(r="OLD")}, {old}::text, '{{}}');
         ELSE
           old_j := {old};
           new_j := {new};
           IF old_j IS DISTINCT FROM new_j THEN
             PERFORM qk_audit_write('{kind}.edit', {subject.format(r="NEW")},
               {customer.format(r="NEW")}, qk_audit_diff(old_j, new_j),
               qk_audit_diff(new_j, old_j));
           END IF;
         END IF;
         RETURN NULL;
       END; """


_PROMISE_SERIAL = "'QK-' || lpad(NEW.id::text, 6, '0')"
PG_FUNCTIONS: dict[str, str] = {
    "qk_refuse_audit_change": f"""
       BEGIN RAISE EXCEPTION '{_REFUSE}'; END;
       """,
    "qk_audit_customer": _pg_row_function(CUSTOMER_FIELDS, "customer", "{r}.code", "{r}.id"),
    "qk_audit_rep": _pg_row_function(REP_FIELDS, "rep", "{r}.name", "NULL"),
    "qk_audit_route": _pg_row_function(ROUTE_FIELDS, "route", "{r}.name", "NULL"),
    "qk_audit_layout": _pg_row_function(LAYOUT_FIELDS, "layout", "{r}.name", "NULL"),
    "qk_audit_setting_change": """
       DECLARE old_j jsonb; new_j jsonb;
       BEGIN
         old_j := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb
                   ELSE qk_audit_setting(OLD.value) END;
         new_j := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb
                  ELSE qk_audit_setting(NEW.value) END;
         IF TG_OP = 'UPDATE' AND OLD.value IS NOT DISTINCT FROM NEW.value THEN
           RETURN NULL;
         END IF;
         PERFORM qk_audit_write('setting.change',
           CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END, NULL,
           qk_audit_diff(old_j, new_j), qk_audit_diff(new_j, old_j));
         RETURN NULL;
       END; """,
    "qk_audit_promise": f"""
       DECLARE old_j jsonb; new_j jsonb;
       BEGIN
         new_j := {_pg_object(PROMISE_FIELDS, "NEW")};
         IF TG_OP = 'INSERT' THEN
           IF NEW.replaces_id IS NULL THEN
             PERFORM qk_audit_write('promise.made', {_PROMISE_SERIAL}, NEW.customer_id,
               '{{}}', new_j::text);
           ELSE
             SELECT {_pg_object(PROMISE_FIELDS, "p")} INTO old_j
               FROM promise p WHERE p.id = NEW.replaces_id;
             PERFORM qk_audit_write('promise.replaced', {_PROMISE_SERIAL}, NEW.customer_id,
               COALESCE(old_j, '{{}}'::jsonb)::text, new_j::text);
           END IF;
           RETURN NULL;
         END IF;
         old_j := {_pg_object(PROMISE_FIELDS, "OLD")};
         IF old_j IS DISTINCT FROM new_j THEN
           PERFORM qk_audit_write(
             CASE WHEN OLD.cancelled_at IS NULL AND NEW.cancelled_at IS NOT NULL
                  THEN 'promise.cancelled' ELSE 'promise.edit' END,
             {_PROMISE_SERIAL}, NEW.customer_id, qk_audit_diff(old_j, new_j),
             qk_audit_diff(new_j, old_j));
         END IF;
         RETURN NULL;
       END; """,
    "qk_audit_void": """
       DECLARE voided record;
       BEGIN
         SELECT * INTO voided FROM entry WHERE id = NEW.reverses_id;
         PERFORM qk_audit_write('entry.void',
           CASE WHEN voided.doc_no <> '' THEN voided.doc_no ELSE '#' || voided.id END,
           NEW.customer_id,
           jsonb_build_object('kind', voided.kind, 'date', voided.date,
             'amount', voided.amount, 'doc_no', voided.doc_no)::text,
           jsonb_build_object('reason', NEW.void_reason, 'void_kind', NEW.void_kind)::text);
         RETURN NULL;
       END; """,
    "qk_audit_cheque": """
       BEGIN
         PERFORM qk_audit_write('cheque.status', NEW.number,
           (SELECT customer_id FROM entry WHERE id = NEW.entry_id),
           jsonb_build_object('status', OLD.status)::text,
           jsonb_build_object('status', NEW.status)::text);
         RETURN NULL;
       END; """,
}

# trigger name -> (table, "BEFORE …"/"AFTER …", FOR EACH …, WHEN (…) or "", function)
_ROW_OPS = "AFTER INSERT OR UPDATE OR DELETE"
PG_TRIGGERS: dict[str, tuple[str, str, str, str, str]] = {
    "audit_log_immutable": (
        "audit_log", "BEFORE UPDATE OR DELETE", "ROW", "", "qk_refuse_audit_change"
    ),
    "audit_log_no_truncate": (
        "audit_log", "BEFORE TRUNCATE", "STATEMENT", "", "qk_refuse_audit_change"
    ),
    "customer_audited": ("customer", _ROW_OPS, "ROW", "", "qk_audit_customer"),
    "rep_audited": ("rep", _ROW_OPS, "ROW", "", "qk_audit_rep"),
    "route_audited": ("route", _ROW_OPS, "ROW", "", "qk_audit_route"),
    "import_layout_audited": ("import_layout", _ROW_OPS, "ROW", "", "qk_audit_layout"),
    "setting_audited": ("setting", _ROW_OPS, "ROW", "", "qk_audit_setting_change"),
    "promise_audited": ("promise", "AFTER INSERT OR UPDATE", "ROW", "", "qk_audit_promise"),
    "entry_audits_void": (
        "entry", "AFTER INSERT", "ROW", "NEW.reverses_id IS NOT NULL", "qk_audit_void"
    ),
    "cheque_audits_status": (
        "cheque", "AFTER UPDATE", "ROW", "OLD.status IS DISTINCT FROM NEW.status",
        "qk_audit_cheque",
    ),
}  # fmt: skip


def ready(table: str, tables: Collection[str]) -> bool:
    """An audit trigger goes in once its table and the trail exist (version 12)."""
    return table in tables and "audit_log" in tables


def install_pg(db: pw.Database, replace: Collection[str] = ()) -> None:
    """PostgreSQL: (re)create the audit functions, and the triggers that are absent or
    named in `replace`. Nothing before the trail's table exists."""
    tables = set(db.get_tables())
    if "audit_log" not in tables:
        return
    for name, (args, returns, body) in PG_HELPERS.items():
        db.execute_sql(f"CREATE OR REPLACE FUNCTION {name}({args}) {returns} AS $${body}$$")
    for name, body in PG_FUNCTIONS.items():
        db.execute_sql(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $${body}$$ LANGUAGE plpgsql"
        )
    present = {row[0] for row in _pg_triggers(db)}
    for name, (table, when, each, condition, function) in PG_TRIGGERS.items():
        if not ready(table, tables) or (name in present and name not in replace):
            continue
        guard = f" WHEN ({condition})" if condition else ""
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        db.execute_sql(
            f"CREATE TRIGGER {name} {when} ON {table} FOR EACH {each}{guard} "
            f"EXECUTE FUNCTION {function}()"
        )


def _pg_triggers(db: pw.Database) -> list[tuple]:
    return list(
        db.execute_sql(
            "SELECT t.tgname, c.relname, t.tgenabled, p.proname, p.prosrc "
            "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
        )
    )


def missing_pg(
    db: pw.Database,
    tables: Collection[str] | None = None,
    triggers: list[tuple] | None = None,
    functions: dict[str, str] | None = None,
) -> list[str]:
    """PostgreSQL: the audit triggers and functions not in place as this program made
    them (gone, disabled, or with another body), by name. Nothing before the trail.
    `tables`, `triggers` (rows as `guards.PG_TRIGGERS_FOUND` reads them) and `functions`
    (name -> body): what opening read already, in its one look at the catalog."""
    if "audit_log" not in (db.get_tables() if tables is None else tables):
        return []
    rows = _pg_triggers(db) if triggers is None else [row[:5] for row in triggers]
    found = {name: tuple(rest) for name, *rest in rows}
    gone = [
        name
        for name, (table, _when, _each, _cond, function) in PG_TRIGGERS.items()
        if found.get(name)
        not in tuple((table, state, function, PG_FUNCTIONS[function]) for state in ("O", "A"))
    ]
    bodies = functions
    if bodies is None:
        bodies = dict(
            db.execute_sql(
                "SELECT proname, prosrc FROM pg_proc "
                "WHERE pronamespace = current_schema()::regnamespace AND proname = ANY(%s)",
                (list(PG_HELPERS),),
            ).fetchall()
        )
    gone += [name for name, (_a, _r, body) in PG_HELPERS.items() if bodies.get(name) != body]
    return gone
