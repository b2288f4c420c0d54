"""Company settings: letterhead, currency, aging edges, document language, paper, font."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json

from models.ledger import users
from models.ledger.reminder_templates import check_templates
from models.storage import edit_versions, session
from models.storage.db import placeholders, read_snapshot, transaction
from models.storage.tables import Setting, database
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen
from models.vocabulary.people_records import Action
from models.vocabulary.text_rules import check_text

_KEY = "company"
_QR_KEY = "payment_qr"  # kept apart: an image is large next to the other settings
QR_MAX_BYTES = 512 * 1024
_IMAGE_HEADERS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG

# The largest tail cut (抹零) there is: the highest limit Settings takes, and the most the
# boss may allow over a lower limit when settling. More is a discount, not an odd tail.
MAX_TAIL_CUT: Fen = 100_00


_SETTINGS_SQL = "SELECT key, value FROM setting WHERE key IN (?, ?)"


def get_company() -> CompanySettings:
    """The company settings stored in this ledger (defaults for a new ledger)."""
    # Both rows in one statement (on a server each is a round trip), written out: every
    # statement and route sheet reads them, and peewee's compiling cost more than the read.
    rows = dict(database.execute_sql(placeholders(_SETTINGS_SQL), (_KEY, _QR_KEY)))
    if _KEY not in rows:
        return CompanySettings()
    data = json.loads(rows[_KEY])
    fields = {f.name for f in dataclasses.fields(CompanySettings)}
    data = {k: v for k, v in data.items() if k in fields}
    data.pop("payment_qr", None)
    if "aging_edges" in data:
        data["aging_edges"] = tuple(data["aging_edges"])
    qr = rows.get(_QR_KEY)
    if qr:
        try:
            data["payment_qr"] = base64.b64decode(qr)
        except (binascii.Error, ValueError):
            data["payment_qr"] = b""  # a damaged image is not printed; Settings can replace it
    return CompanySettings(**data)


def check_qr_image(data: bytes) -> bytes:
    """The receiving QR code image the company uploads: a PNG or JPEG of at most 512 KB."""
    if not data:
        return b""
    if len(data) > QR_MAX_BYTES:
        raise InputError(_("The QR code image is larger than 512 KB: save a smaller one."))
    if not data.startswith(_IMAGE_HEADERS):
        raise InputError(_("The QR code image must be a PNG or JPEG picture."))
    return data


def check_credit_code(code: str) -> str:
    """A unified social credit code (统一社会信用代码): blank, or 18 digits and capital
    letters (the check digit is not verified: a typo is the office's to see on paper)."""
    if code and not (
        len(code) == 18 and code.isascii() and code.isalnum() and code == code.upper()
    ):
        raise InputError(
            _(
                "The unified social credit code has 18 digits and capital letters, "
                "as on the business licence: check it, or leave it blank."
            )
        )
    return code


def validate_edges(edges: tuple[int, ...]) -> tuple[int, ...]:
    """Aging edges must be 1–6 whole days, strictly increasing, each at least 1."""
    if not edges or len(edges) > 6:
        raise InputError(_("Give between one and six aging edges, such as 30, 60, 90."))
    if any(e < 1 for e in edges) or any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
        raise InputError(_("Aging edges must be whole days that increase, such as 30, 60, 90."))
    return tuple(edges)


def company_version() -> int:
    """The stored company settings' version (0: never saved): the Settings dialog keeps
    the one it opened with and hands it to `save_company`."""
    return edit_versions.current_version(database.obj, "setting", _KEY)


def company_for_editing() -> tuple[CompanySettings, int]:
    """The company settings and their version, read together (for `save_company`)."""
    with read_snapshot():
        return get_company(), company_version()


def save_company(settings: CompanySettings, *, version: int | None = None) -> CompanySettings:
    """Validate and store the company settings.

    With `version` (what `company_version` said when the form was filled), a save made
    since by someone else is not overwritten: `ChangedMeanwhile` names them, nothing is
    written. The settings are one record: two people saving different fields would
    otherwise lose the first one's field without a word."""
    users.require(Action.SETTINGS)
    validate_edges(settings.aging_edges)
    for value, what in (
        (settings.name, _("The company name")),
        (settings.address, _("The address")),
        (settings.phone, _("The phone number")),
        (settings.bank_account, _("The bank account")),
        (settings.currency_symbol, _("The currency symbol")),
        (settings.pdf_font_path, _("The font file")),
    ):
        check_text(value, what)
    check_text(settings.reminder_promise, _("The promise reminder"), multiline=True)
    check_text(settings.iou_clause_text, _("The IOU's late-payment clause"), multiline=True)
    check_credit_code(settings.credit_code)
    check_text(settings.reminder_overdue, _("The overdue reminder"), multiline=True)
    if settings.doc_language not in ("zh", "en"):
        raise InputError(_("The document language must be Chinese or English."))
    if settings.paper_size not in ("A4", "A5", "Letter"):
        raise InputError(_("The paper size must be A4, A5 or Letter."))
    if not 0 <= settings.tail_cut_limit <= MAX_TAIL_CUT:
        raise InputError(_("The tail-cut limit must be from 0 to 100.00."))
    check_templates(settings)
    if not 1 <= settings.reply_days <= 90:
        raise InputError(_("The days to reply to a statement must be between 1 and 90."))
    qr = check_qr_image(settings.payment_qr)
    data = dataclasses.asdict(settings)
    data["aging_edges"] = list(settings.aging_edges)
    data.pop("payment_qr")
    text = json.dumps(data, ensure_ascii=False)
    with transaction():
        if version is None:
            _put(_KEY, text)
        else:
            _put_if_unchanged(_KEY, text, version)
        _put(_QR_KEY, base64.b64encode(qr).decode("ascii"))
    return settings


def put_setting(key: str, value: str) -> None:
    """Store one setting in its own transaction (the rules kept beside the company's)."""
    with transaction():
        _put(key, value)


def _put(key: str, value: str) -> None:
    """Insert or replace one setting (an upsert both SQLite and PostgreSQL understand)."""
    stamp = edit_versions.stamp(session.current_user())
    Setting.insert(
        key=key, value=value, **{k: v for k, v in stamp.items() if k != "version"}
    ).on_conflict(
        conflict_target=[Setting.key],
        update={Setting.value: value, **{getattr(Setting, k): v for k, v in stamp.items()}},
    ).execute()


def _put_if_unchanged(key: str, value: str, version: int) -> None:
    """Store `value` only if the setting is still at `version` (0: not stored yet; the
    primary key then refuses a second first save)."""
    what = _("The company settings")
    by = session.current_user()
    if version == 0:
        stamp = edit_versions.stamp(by)
        inserted = database.execute_sql(
            placeholders(
                "INSERT INTO setting (key, value, changed_by, changed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING"
            ),
            (key, value, by, stamp["changed_at"]),
        ).rowcount
        if inserted != 1:
            raise edit_versions.changed_meanwhile(database.obj, "setting", key, what)
        return
    edit_versions.save_if_unchanged(
        database.obj, "setting", key, version, {"value": value}, by, what
    )
