"""Whether the ledger just opened may be used as it is: a Qingkuan ledger, not written by
a newer version, holding nothing Qingkuan did not make and missing nothing it needs; an
older one is upgraded here, all steps in one transaction or none.

models/storage/db.py runs `check_version` on opening, before anything is written. The
schema version is looked up in models/storage/schema.py each time (tests change it).
"""

from __future__ import annotations

import re

import peewee as pw

from models.storage import pg_failures, schema, schema_audit
from models.storage.current_ledger import (
    APP_ID,
    FOREIGN,
    foreign_refusal,
    forget_meta,
    opened,
    read_meta,
)
from models.storage.dialect import placeholders
from models.storage.schema_audit import Problem
from models.storage.targets import display_target, scrub
from models.storage.transactions import transaction
from models.vocabulary.errors import CannotConnect, LedgerFileError
from models.vocabulary.i18n import _


def check_version(db: pw.Database, *, upgrade: bool = True, inspect: bool = False) -> bool:
    """Refuse what is not a Qingkuan ledger or is newer than this program, audit a SQLite
    ledger's schema (`inspect`: ``check`` opens a foreign or damaged one read-only), and
    upgrade an older ledger when `upgrade` (else refuse it, nothing changed). True when
    it upgraded the ledger."""
    if read_meta("app") != APP_ID:
        if isinstance(db, pw.PostgresqlDatabase):
            raise pg_failures.not_qingkuan(opened.target, empty=False)
        raise LedgerFileError(
            _("‘{target}’ is a database, but not a Qingkuan ledger.").format(
                target=display_target(opened.target)
            )
        )
    version = _schema_version(db)
    if version > schema.SCHEMA_VERSION:
        raise newer_version(version)
    sqlite = isinstance(db, pw.SqliteDatabase)
    if sqlite:
        _audit_schema(db, version, inspect=inspect)
    if version == schema.SCHEMA_VERSION:
        return False
    if not upgrade:
        raise LedgerFileError(
            _(
                "{target} was written by an older version of Qingkuan (schema {found}; this "
                "program uses {known}) and must be upgraded before it can be read. Nothing was "
                "changed: back it up, then open it once in Qingkuan's window, which upgrades it."
            ).format(
                target=display_target(opened.target), found=version, known=schema.SCHEMA_VERSION
            )
        )
    if opened.read_only == FOREIGN:  # an upgrade writes: not with their triggers in place
        raise foreign_refusal(opened.foreign)
    if opened.read_only:
        raise LedgerFileError(
            _(
                "‘{target}’ was written by an older version of Qingkuan and must be upgraded, "
                "which needs write access: copy it to a folder you can write to and open the copy."
            ).format(target=display_target(opened.target))
        )
    try:
        # All steps or none: a half-upgraded ledger is never left behind. Several
        # programs may open the old ledger at once: the first upgrades it, the others
        # wait for its transaction and then find the version already current.
        with transaction():
            version = _version_for_upgrade(db)
            if sqlite:
                schema_audit.drop_altered_triggers(db.connection())
            forget_meta()  # the migrations write meta rows
            schema.run_migrations(db, version)
            if sqlite:
                _check_upgraded(db)
    except Exception as err:
        raise LedgerFileError(
            _(
                "This ledger could not be upgraded to the current version ({reason}); it was "
                "left as it was. Keep a copy and report the problem."
            ).format(reason=scrub(str(err)))
        ) from err
    forget_meta()
    return True


def newer_version(found: int) -> CannotConnect:
    """The refusal of a ledger upgraded by a newer Qingkuan (schema `found`)."""
    return CannotConnect(
        _(
            "This ledger was written by a newer version of Qingkuan (schema {found}; this "
            "program knows {known}). Install the newer version to open it."
        ).format(found=found, known=schema.SCHEMA_VERSION),
        pg_failures.NEWER_VERSION,
    )


def _audit_schema(db: pw.SqliteDatabase, version: int, *, inspect: bool) -> None:
    """Before anything is written: refuse a ledger holding what Qingkuan did not make
    (read-only it may open: nothing can fire), and one missing tables or columns."""
    conn = db.connection()
    older = version < schema.SCHEMA_VERSION
    found = schema_audit.schema_problems(conn, older=older)
    foreign = [p for p in found if p.must_be_removed]
    opened.foreign.extend(foreign)
    if foreign and not opened.read_only:
        if not inspect:
            raise foreign_refusal(foreign)
        opened.read_only = FOREIGN
    damage = [p for p in found if schema_audit.is_damage(p)]
    if damage and not inspect:
        raise _damaged_schema(damage)


def _damaged_schema(damage: list[Problem]) -> LedgerFileError:
    return LedgerFileError(
        _("‘{target}’ is damaged: {found}. Restore your latest backup instead.").format(
            target=display_target(opened.target), found=schema_audit.refusal_text(damage)
        )
    )


def _check_upgraded(db: pw.SqliteDatabase) -> None:
    """After an upgrade, inside its transaction: the ledger must now be what this version
    makes (else the upgrade is rolled back)."""
    found = [
        p
        for p in schema_audit.schema_problems(db.connection())
        if p.must_be_removed or schema_audit.is_damage(p)
    ]
    if found:
        raise LedgerFileError(schema_audit.refusal_text(found))


def _schema_version(db: pw.Database) -> int:
    """The ledger's schema version; a missing, empty or garbled one means damage."""
    value = (read_meta("schema_version") or "").strip()
    if not re.fullmatch(r"[0-9]{1,6}", value) or int(value) < 1:
        raise LedgerFileError(
            _(
                "‘{target}’ is not a Qingkuan ledger or is damaged: its version is missing "
                "or unreadable. Open your latest backup instead."
            ).format(target=display_target(opened.target))
        )
    return int(value)


def _version_for_upgrade(db: pw.Database) -> int:
    """The schema version read inside the upgrade's transaction, locked against a second
    upgrader (SQLite: the transaction is BEGIN IMMEDIATE already; PostgreSQL: the row)."""
    lock = " FOR UPDATE" if isinstance(db, pw.PostgresqlDatabase) else ""
    sql = placeholders(f"SELECT value FROM meta WHERE key = ?{lock}")
    return int(db.execute_sql(sql, ("schema_version",)).fetchone()[0])
