"""Importing customers: checking each row, then writing the new customers.

A code is used once in the file and is new to the ledger, or it is already there with
the same name (left unchanged); a code differing from another only in case or width is
an error, and so is a new customer whose name is already a customer's (`name_key`).
Once every row has passed, the customers are written many per statement with their
routes, reps and opening balances.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

from peewee import fn

from models.exchange.entry_cells import EntryFields
from models.exchange.importing.rows import Row, Run
from models.exchange.importing.writing import EntryWriter, import_key, insert_many, reserve_ids
from models.ledger import people
from models.ledger.customers import _fields as customer_fields
from models.ledger.customers import near_duplicate_message, parse_terms
from models.storage.tables import CustomerRow, RepRow, RouteRow
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen, parse_money
from models.vocabulary.text_rules import code_key


def import_customers(run: Run) -> None:
    """Check every row of a customers file; write the new customers if all passed."""
    existing = dict(CustomerRow.select(CustomerRow.code, CustomerRow.name).tuples())
    existing_keys: dict[str, str] = {}  # code_key -> the code in the ledger
    for known in sorted(existing):
        existing_keys.setdefault(code_key(known), known)
    seen: dict[str, tuple[str, int]] = {}  # code_key -> (code, row) earlier in the file
    names = _NameCheck(existing)
    writer = _CustomerWriter(run)
    for row in run.rows():
        code, name = row.text("code"), row.text("name")
        if not code:
            row.problem("code", _("The customer needs a code, such as C0001."))
        if not name:
            row.problem("name", _("The customer needs a name."))
        terms = row.parse("terms", parse_terms)
        limit = row.optional("credit_limit", lambda t: parse_money(t, allow_zero=True))
        opening = row.optional(
            "opening_balance", lambda t: parse_money(t, allow_negative=True, allow_zero=True)
        )
        opening_on = None
        if opening:
            opening_on = row.date("opening_date")
        elif row.text("opening_date"):
            row.date("opening_date")  # still report a malformed date
        texts = {k: row.text(k) for k in ("contact", "phone", "address", "payer", "notes")}
        route_name, rep_name = row.text("route"), row.text("rep")
        key = code_key(code)
        if code and key in seen:
            other_code, other_row = seen[key]
            if other_code == code:
                text = _("The code {code} is also used on row {other}.")
            else:
                text = _(
                    "The code {code} differs from {other_code} on row {other} only in "
                    "upper/lower case or full-width characters: give them distinct codes."
                )
            row.problem("code", text.format(code=code, other=other_row, other_code=other_code))
            continue
        if code:
            seen[key] = (code, row.number)
        if code not in existing and key in existing_keys:
            row.problem("code", near_duplicate_message(code, existing_keys[key]))
            continue
        if code in existing:
            if existing[code] == name:
                run.skip(row, _("already there"), code, name)
            elif name:
                row.problem(
                    "code",
                    _(
                        "The code {code} already belongs to ‘{name}’: use another code, or "
                        "the same name to leave that customer as it is."
                    ).format(code=code, name=existing[code]),
                )
            continue
        names.check(row, code, name)
        if row.bad:
            continue
        draft = CustomerDraft(
            code=code,
            name=name,
            contact=texts["contact"],
            phones=texts["phone"],
            address=texts["address"],
            payer=texts["payer"],
            terms=terms,  # type: ignore[arg-type]  # not None: the row is not bad
            credit_limit=limit,
            notes=texts["notes"],
        )
        writer.add(draft, route_name, rep_name, opening, opening_on)
    writer.flush()


def name_key(name: str) -> str:
    """A customer name compared as a clerk reads it: full-width letters and digits as
    half-width, spaces (of any width) ignored, upper and lower case alike."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


class _NameCheck:
    """Flags a new customer whose name is already a customer's (in the ledger, or an
    earlier row), once width and spaces are ignored: the same shop is never created
    twice under two codes without the clerk deciding so."""

    def __init__(self, existing: dict[str, str]) -> None:
        self.ledger = {name_key(n): (c, n) for c, n in sorted(existing.items())}
        self.file: dict[str, int] = {}

    def check(self, row: Row, code: str, name: str) -> None:
        key = name_key(name)
        if not key:
            return
        if key in self.ledger:
            other_code, other_name = self.ledger[key]
            row.problem(
                "name",
                _(
                    "‘{name}’ is already the customer {code} (‘{other}’): use the code "
                    "{code} for it, or make the names different (e.g. add the street)."
                ).format(name=name, code=other_code, other=other_name),
            )
        elif key in self.file:
            row.problem(
                "name",
                _(
                    "‘{name}’ is also the name on row {other}: the same shop twice? Keep one "
                    "row, or make the names different (e.g. add the street)."
                ).format(name=name, other=self.file[key]),
            )
        else:
            self.file[key] = row.number


class _CustomerWriter:
    """Writes checked customers many per statement once every row has been read (a
    rejected file writes nothing), with their routes, reps and opening balances.

    The rows were checked by the import itself exactly as `add_customer` checks a
    customer typed in the window (lengths, characters, codes, terms, limit), so the
    rows go in without a query per customer."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.pending: list[tuple[CustomerDraft, str, str, Fen | None, dt.date | None]] = []

    def add(
        self,
        draft: CustomerDraft,
        route_name: str,
        rep_name: str,
        opening: Fen | None,
        opening_on: dt.date | None,
    ) -> None:
        self.pending.append((draft, route_name, rep_name, opening, opening_on))
        self.run.added += 1

    def flush(self) -> None:
        if self.run.problems or not self.pending:
            return
        routes = {name: id_ for id_, name in RouteRow.select(RouteRow.id, RouteRow.name).tuples()}
        reps = {name: id_ for id_, name in RepRow.select(RepRow.id, RepRow.name).tuples()}
        positions: dict[int, int] = dict(
            CustomerRow.select(CustomerRow.route, fn.MAX(CustomerRow.route_position))
            .where(CustomerRow.route.is_null(False))
            .group_by(CustomerRow.route)
            .tuples()
        )
        now = clock.now()
        ids = reserve_ids("customer", CustomerRow, len(self.pending))
        rows, openings = [], []
        for customer_id, (draft, route_name, rep_name, opening, opening_on) in zip(
            ids, self.pending, strict=True
        ):
            route_id = self._ensure(
                route_name, routes, people.ensure_route, self.run.created_routes
            )
            rep_id = self._ensure(rep_name, reps, people.ensure_rep, self.run.created_reps)
            position = 0
            if route_id is not None:
                position = positions[route_id] = positions.get(route_id, 0) + 1
            fields = customer_fields(dataclasses.replace(draft, route_id=route_id, rep_id=rep_id))
            fields.update(id=customer_id, route_position=position, archived=False, created_at=now)
            rows.append(fields)
            if opening and opening_on is not None:
                openings.append((customer_id, draft.code, opening, opening_on))
        columns = tuple(rows[0])
        meta = CustomerRow._meta.fields  # type: ignore[attr-defined]
        insert_many(
            "customer",
            tuple(meta[c].column_name for c in columns),
            [tuple(meta[c].db_value(r[c]) for c in columns) for r in rows],
        )
        memo = _("Imported from {name}").format(name=self.run.sheet.source)
        openings_writer = EntryWriter()
        openings_writer.write(
            [
                (
                    EntryFields(
                        cid, code, on, EntryKind.OPENING, fen, "", memo, None, "", None, ""
                    ),
                    import_key("opening", code),
                )
                for cid, code, fen, on in openings
            ]
        )
        openings_writer.finish()

    @staticmethod
    def _ensure(name, known, make, created):  # type: ignore[no-untyped-def]
        """The id of the route or rep called `name` (made, and noted, when new)."""
        if not name:
            return None
        if name not in known:
            known[name] = make(name).id
            created.append(name)
        return known[name]
