"""PostgreSQL: this ledger's group roles, what each may touch (grants), and the
functions through which the boss adds people without the administrator.

Roles are the cluster's, not the database's: each ledger has its own three groups,
``qk<database oid>_boss``, ``…_clerk``, ``…_viewer`` (`group`), so two ledgers on one
server (and the test suite's many databases) never share them. A person is a LOGIN
role that is a member of exactly one of them.

`setup(db, …)` (``main.py setup-server``) is run once by the administrator, who may
create roles: it makes the groups, grants the tables, creates the people functions
(SECURITY DEFINER, owned by the administrator, EXECUTE granted to the boss group only)
and adds the first boss. Re-running it re-applies the grants. From then on the boss adds,
re-roles and disables people through those functions (`add`, `set_role`, `disable`);
the password travels as a SCRAM verifier computed on this computer
(``psycopg2.extensions.encrypt_password``), never in plain text.
"""

from __future__ import annotations

import peewee as pw

from models.storage import pg_role_guards
from models.storage.pg_role_guards import PREFIX_SQL
from models.storage.tables import ALL_TABLES
from models.vocabulary.people_records import Person, Role

# What a clerk writes besides reading everything: posting (and the tables the entry
# triggers keep), promises, visits, calls, settling cheques, printing, importing, and
# customers' details (their credit limit and terms: pg_role_guards refuses).
CLERK_WRITES: dict[str, str] = {
    "entry": "INSERT",
    "entry_line": "INSERT",
    "entry_chain": "INSERT",
    "cheque": "INSERT, UPDATE",
    "cheque_status_change": "INSERT",
    "promise": "INSERT, UPDATE",
    "visit": "INSERT",
    "promise_call": "INSERT",
    "statement_no": "INSERT",
    "statement_print": "INSERT",
    "customer": "INSERT, UPDATE",
    "import_layout": "INSERT, UPDATE, DELETE",
    "post_key": "INSERT",
    "statement_reply": "INSERT",  # replies to statements (models/papers/confirmations.py)
    "dispute_outcome": "INSERT",
    "chase_done": "INSERT",  # chasing steps done (models/collecting/chasing.py)  # a post's client-made key (models/ledger/post_keys.py)
    # A clerk claims the boss's approval for the delivery it lets through; only the
    # boss writes one (models/ledger/credit_stop.py).
    "credit_approval": "UPDATE (entry_id, used_at)",
    "meta": "INSERT, UPDATE",  # the chain's tip only (pg_role_guards)
}
# Nobody writes these but the database's own triggers (as the ledger's owner).
WRITTEN_BY_TRIGGERS_ONLY = frozenset({"audit_log", "balance_cache", "daily_total", "live_document"})
# A viewer prints: statement numbers, statements printed, an IOU's print count.
VIEWER_WRITES: dict[str, str] = {
    "statement_no": "INSERT",
    "statement_print": "INSERT",
    "promise": "UPDATE (prints)",
}

_PEOPLE_FUNCTIONS: dict[str, str] = {
    "qk_add_person(person text, person_role text, verifier text)": """
      BEGIN
        PERFORM qk_people_check(person_role, verifier);
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = person) THEN
          RAISE EXCEPTION 'the server already has a login named %', person
            USING ERRCODE = '42710', HINT = 'qk:taken';
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I',
                       person, verifier, qk_group_prefix() || person_role);
      END; """,
    "qk_set_person_role(person text, person_role text)": """
      BEGIN
        PERFORM qk_people_check(person_role, NULL);
        PERFORM qk_one_of_ours(person);
        IF person_role <> 'boss' AND NOT EXISTS (
             SELECT 1 FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member
             WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = qk_group_prefix() || 'boss')
               AND u.rolcanlogin AND u.rolname <> person) THEN
          RAISE EXCEPTION 'the ledger would have no boss left'
            USING ERRCODE = '42501', HINT = 'qk:last_boss';
        END IF;
        EXECUTE format('REVOKE %I, %I, %I FROM %I', qk_group_prefix() || 'boss',
                       qk_group_prefix() || 'clerk', qk_group_prefix() || 'viewer', person);
        EXECUTE format('GRANT %I TO %I', qk_group_prefix() || person_role, person);
      END; """,
    "qk_disable_person(person text)": """
      BEGIN
        PERFORM qk_people_check('boss', NULL);
        PERFORM qk_one_of_ours(person);
        IF person = session_user THEN
          RAISE EXCEPTION 'you cannot disable yourself' USING ERRCODE = '42501', HINT = 'qk:self';
        END IF;
        EXECUTE format('ALTER ROLE %I NOLOGIN', person);
      END; """,
    "qk_people_check(person_role text, verifier text)": """
      BEGIN
        IF NOT qk_is_boss() THEN
          RAISE EXCEPTION 'only the boss may add or change people (signed in as %)', session_user
            USING ERRCODE = '42501', HINT = 'qk:people';
        END IF;
        IF person_role IS NULL OR person_role NOT IN ('boss', 'clerk', 'viewer') THEN
          RAISE EXCEPTION 'there is no role %', person_role USING HINT = 'qk:no_role';
        END IF;
        IF verifier IS NOT NULL AND verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
          RAISE EXCEPTION 'a password must be sent as a SCRAM verifier' USING HINT = 'qk:verifier';
        END IF;
      END; """,
    "qk_one_of_ours(person text)": """
      BEGIN
        IF NOT EXISTS (
             SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             JOIN pg_roles u ON u.oid = m.member
             WHERE u.rolname = person AND g.rolname IN (qk_group_prefix() || 'boss',
                   qk_group_prefix() || 'clerk', qk_group_prefix() || 'viewer')) THEN
          RAISE EXCEPTION 'there is no person named % in this ledger', person
            USING ERRCODE = '42704', HINT = 'qk:no_person';
        END IF;
      END; """,
}
_BOSS_ONLY = ("qk_add_person", "qk_set_person_role", "qk_disable_person")


def prefix(db: pw.Database) -> str:
    """``qk<oid>_``: the start of this ledger's group names."""
    return str(db.execute_sql(PREFIX_SQL).fetchone()[0])


def group(db: pw.Database, role: Role) -> str:
    return prefix(db) + role.value


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def groups_exist(db: pw.Database) -> bool:
    """True once `setup` made this ledger's groups (people and roles are on)."""
    return bool(
        db.execute_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (group(db, Role.BOSS),)
        ).fetchone()
    )


def may_create_roles(db: pw.Database) -> bool:
    return bool(
        db.execute_sql(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).fetchone()[0]
    )


def make_groups(db: pw.Database) -> None:
    """Create the three groups that do not exist yet (NOLOGIN: nobody signs in as one)."""
    for role in Role:
        name = group(db, role)
        if not db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            db.execute_sql(f"CREATE ROLE {quoted(name)} NOLOGIN")


def grant(db: pw.Database, *, meta_guard: bool = True) -> None:
    """(Re)apply what each group may touch: first take everything back, then grant.
    An upgrade re-grants without (re)making the guard on `meta`: that needs a lock the
    programs waiting to upgrade the same ledger hold (setup-server makes it)."""
    groups = {role: quoted(group(db, role)) for role in Role}
    everyone = ", ".join(groups.values())
    database_name = db.execute_sql("SELECT current_database()").fetchone()[0]
    db.execute_sql(f"GRANT CONNECT ON DATABASE {quoted(database_name)} TO {everyone}")
    db.execute_sql(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    db.execute_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone}")
    db.execute_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {everyone}")
    db.execute_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}")
    tables = [model._meta.table_name for model in ALL_TABLES]
    boss = groups[Role.BOSS]
    for table in tables:
        if table in WRITTEN_BY_TRIGGERS_ONLY:
            continue
        db.execute_sql(f"GRANT INSERT, UPDATE, DELETE ON {quoted(table)} TO {boss}")
    db.execute_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {boss}")
    for table, rights in CLERK_WRITES.items():
        db.execute_sql(f"GRANT {rights} ON {quoted(table)} TO {groups[Role.CLERK]}")
    db.execute_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {groups[Role.CLERK]}")
    for table, rights in VIEWER_WRITES.items():
        db.execute_sql(f"GRANT {rights} ON {quoted(table)} TO {groups[Role.VIEWER]}")
    for table in ("statement_no", "statement_print"):
        db.execute_sql(
            f"GRANT USAGE ON SEQUENCE {quoted(table + '_id_seq')} TO {groups[Role.VIEWER]}"
        )
    _install_people_functions(db, boss)
    if meta_guard:
        pg_role_guards.install(db, pg_role_guards.SETUP_TRIGGERS)


def _install_people_functions(db: pw.Database, boss: str) -> None:
    """The people functions run with their owner's (the administrator's) right to
    create roles; only the boss group may call them, and each checks again."""
    for signature, body in _PEOPLE_FUNCTIONS.items():
        db.execute_sql(
            f"CREATE OR REPLACE FUNCTION {signature} RETURNS void LANGUAGE plpgsql "
            f"SECURITY DEFINER SET search_path = pg_catalog, public AS $qk${body.replace('%', '%%')}$qk$"
        )
        db.execute_sql(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        # The checks (qk_people_check, qk_one_of_ours) are only called by the three
        # boss-only functions, as their owner: nobody else may call them.
        if signature.split("(")[0] in _BOSS_ONLY:
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION {signature} TO {boss}")


def verifier(db: pw.Database, name: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of `password` for login `name`, computed here: the
    server never sees the password itself."""
    from psycopg2.extensions import encrypt_password

    return encrypt_password(password, name, db.connection(), "scram-sha-256")


def add(db: pw.Database, name: str, role: Role, password: str) -> None:
    db.execute_sql(
        "SELECT qk_add_person(%s, %s, %s)", (name, role.value, verifier(db, name, password))
    )


def set_role(db: pw.Database, name: str, role: Role) -> None:
    db.execute_sql("SELECT qk_set_person_role(%s, %s)", (name, role.value))


def disable(db: pw.Database, name: str) -> None:
    db.execute_sql("SELECT qk_disable_person(%s)", (name,))


def people(db: pw.Database) -> list[Person]:
    """Every login in one of this ledger's groups, by name."""
    start = prefix(db)
    rows = db.execute_sql(
        "SELECT u.rolname, substr(g.rolname, length(%s) + 1), NOT u.rolcanlogin "
        "FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member "
        "WHERE g.rolname IN (%s, %s, %s) ORDER BY u.rolname, g.rolname",
        (start, *(start + r.value for r in (Role.BOSS, Role.CLERK, Role.VIEWER))),
    ).fetchall()
    found: dict[str, Person] = {}
    for name, role, disabled in rows:
        found.setdefault(name, Person(name, Role(role), bool(disabled)))
    return list(found.values())


def role_of_session(db: pw.Database) -> tuple[str, Role | None]:
    """(session_user, its role in this ledger): what the database's guards see."""
    name, role = db.execute_sql("SELECT session_user, qk_role()").fetchone()
    return str(name), role_named(role)


def role_named(role: str | None) -> Role | None:
    """The role `qk_role()` names ('' for a person of no role: none)."""
    return Role(role) if role in {r.value for r in Role} else None
