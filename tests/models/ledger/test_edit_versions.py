"""Two clerks editing one customer (or the settings): the second save is refused with
who saved and when, never a silent overwrite; the database bumps the version, so a
raw edit counts too. One process here; tests/models/storage/test_working_together.py
races real processes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from models.ledger import customers, settings
from models.storage import db
from models.storage.tables import database
from models.vocabulary import clock
from models.vocabulary.customer_records import Customer, CustomerDraft
from models.vocabulary.errors import ChangedMeanwhile
from models.vocabulary.i18n import set_language
from tests.models.helpers import act_as, make_customer


@pytest.fixture(autouse=True)
def _clerks() -> object:
    yield
    act_as("")


def _draft(c: Customer, **changes: object) -> CustomerDraft:
    base = CustomerDraft(code=c.code, name=c.name, phones=c.phones, terms=c.terms)
    return dataclasses.replace(base, **changes)


def test_the_second_save_from_the_same_version_is_refused_naming_the_first(ledger: str) -> None:
    c = make_customer()
    assert c.version == 1
    act_as("clerk2")
    clock.pin(dt.datetime(2026, 11, 26, 14, 5))
    saved = customers.update_customer(c.id, _draft(c, name="王记新店"), version=c.version)
    assert saved.version == 2
    act_as("clerk1")
    with pytest.raises(ChangedMeanwhile) as refused:
        customers.update_customer(c.id, _draft(c, address="东城路 8 号"), version=c.version)
    assert str(refused.value) == (
        "Customer C001: changed by clerk2 at 14:05 while you were editing — nothing was "
        "saved. Reload to see their change, then make yours again."
    )
    assert (refused.value.by, refused.value.at) == ("clerk2", dt.datetime(2026, 11, 26, 14, 5))
    now = customers.get_customer(c.id)
    assert (now.name, now.address, now.version) == ("王记新店", "", 2)  # clerk1 wrote nothing


def test_saving_at_the_version_read_succeeds_one_behind_or_ahead_is_refused(ledger: str) -> None:
    c = make_customer()
    c = customers.update_customer(c.id, _draft(c, name="一"), version=1)
    assert c.version == 2
    for stale in (1, 3, 0, -1):  # one behind, one ahead, never saved, the marker itself
        with pytest.raises(ChangedMeanwhile):
            customers.update_customer(c.id, _draft(c, name="二"), version=stale)
    assert customers.get_customer(c.id).name == "一"
    assert customers.update_customer(c.id, _draft(c, name="二"), version=2).version == 3


def test_an_earlier_day_is_named_with_its_date(ledger: str) -> None:
    c = make_customer()
    act_as("boss")
    clock.pin(dt.datetime(2026, 11, 25, 17, 30))
    customers.update_customer(c.id, _draft(c, name="改"), version=1)
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    with pytest.raises(ChangedMeanwhile, match="changed by boss at 2026-11-25 17:30"):
        customers.update_customer(c.id, _draft(c), version=1)


def test_the_refusal_is_translated(ledger: str) -> None:
    c = make_customer()
    act_as("clerk2")
    clock.pin(dt.datetime(2026, 11, 26, 14, 5))
    customers.update_customer(c.id, _draft(c, name="改"), version=1)
    set_language("zh")
    with pytest.raises(ChangedMeanwhile) as refused:
        customers.update_customer(c.id, _draft(c), version=1)
    assert "clerk2" in str(refused.value) and "14:05" in str(refused.value)
    assert "C001" in str(refused.value) and "重新载入" in str(refused.value)


def test_archiving_and_saving_go_in_one_checked_write(ledger: str) -> None:
    c = make_customer()
    saved = customers.update_customer(c.id, _draft(c), version=1, archived=True)
    assert saved.archived and saved.version == 2
    with pytest.raises(ChangedMeanwhile):
        customers.set_archived(c.id, False, version=1)
    assert customers.get_customer(c.id).archived
    assert customers.set_archived(c.id, False, version=2).version == 3


def test_a_raw_edit_bumps_the_version_so_the_open_form_cannot_overwrite_it(
    ledger: str,
) -> None:
    c = make_customer()
    database.execute_sql(f"UPDATE customer SET notes = 'by hand' WHERE id = {c.id}")
    database.execute_sql(f"UPDATE customer SET version = 1 WHERE id = {c.id}")  # no way back
    assert customers.get_customer(c.id).version == 3
    with pytest.raises(ChangedMeanwhile) as refused:
        customers.update_customer(c.id, _draft(c, notes="form"), version=1)
    if db.is_postgres():  # the signed-in role did it
        assert "changed by qingkuan at" in str(refused.value)
    else:  # SQLite knows no user: nobody is blamed by name
        assert "changed by someone else" in str(refused.value)
    assert customers.get_customer(c.id).notes == "by hand"


def test_route_order_changes_bump_versions_too(ledger: str) -> None:
    a, b = make_customer("A1", route="东线"), make_customer("B1", route="东线")
    customers.set_route_order(a.route_id, [b.id, a.id])
    assert customers.get_customer(a.id).version == 2
    with pytest.raises(ChangedMeanwhile):
        customers.update_customer(a.id, _draft(a), version=1)


def test_without_a_version_the_customer_as_it_is_now_is_changed(ledger: str) -> None:
    c = make_customer()
    customers.update_customer(c.id, _draft(c, name="一"))
    assert customers.update_customer(c.id, _draft(c, name="二")).version == 3


def test_settings_saved_meanwhile_are_not_overwritten(ledger: str) -> None:
    company, version = settings.company_for_editing()
    assert version == 0  # never saved
    act_as("boss")
    clock.pin(dt.datetime(2026, 11, 26, 10, 15))
    settings.save_company(dataclasses.replace(company, name="鑫达"), version=0)
    act_as("clerk1")
    with pytest.raises(ChangedMeanwhile) as refused:  # a second "first save"
        settings.save_company(dataclasses.replace(company, phone="0757-1"), version=0)
    assert "changed by boss at 10:15" in str(refused.value)
    assert settings.get_company().name == "鑫达" and settings.get_company().phone == ""
    company, version = settings.company_for_editing()
    assert version == 1
    settings.save_company(dataclasses.replace(company, phone="0757-1"), version=1)
    with pytest.raises(ChangedMeanwhile, match="changed by clerk1 at 10:15"):
        settings.save_company(dataclasses.replace(company, name="别的"), version=1)
    assert (settings.get_company().name, settings.get_company().phone) == ("鑫达", "0757-1")
    assert settings.company_version() == 2


def test_a_settings_save_without_a_version_still_saves(ledger: str) -> None:
    company = settings.get_company()
    settings.save_company(dataclasses.replace(company, name="一"))
    settings.save_company(dataclasses.replace(company, name="二"))
    assert settings.get_company().name == "二" and settings.company_version() == 2
