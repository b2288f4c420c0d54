"""Which SQL the open ledger's database speaks: SQLite's or PostgreSQL's.

The lowest of the modules that read the open ledger: hand-written SQL everywhere (the
hash chain included) asks here, and this module knows nothing of opening or checking.
"""

from __future__ import annotations

import peewee as pw

from models.storage.tables import database


def is_postgres() -> bool:
    """True when the open ledger is a PostgreSQL database (else a SQLite file)."""
    return isinstance(database.obj, pw.PostgresqlDatabase)


def placeholders(sql: str) -> str:
    """Hand-written SQL is written with ``?``; PostgreSQL's driver wants ``%s``."""
    return sql.replace("?", database.obj.param)
