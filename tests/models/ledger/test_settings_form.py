"""Settings' one Save (models/ledger/settings_form.py): the company settings, the
commission rules and the chasing schedules are stored together or not at all."""

from __future__ import annotations

import dataclasses

import pytest

from models.ledger import chase_schedule, settings
from models.ledger.commission_rules import get_commission_rules
from models.ledger.settings_form import save_settings
from models.vocabulary.chase_records import ChaseAction, ChaseStep
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.errors import ChangedMeanwhile, InputError
from tests.models.helpers import act_as

RULES = CommissionRules(edges=(30, 60), rates_bp=(150, 80, 10))
STEPS = {"": (ChaseStep(-2, ChaseAction.NOTE, "快到期了"), ChaseStep(0, ChaseAction.CALL, ""))}


def _renamed(name: str) -> settings.CompanySettings:
    return dataclasses.replace(settings.get_company(), name=name)


def test_all_three_are_stored_by_one_save(ledger: str) -> None:
    company, version = settings.company_for_editing()
    save_settings(dataclasses.replace(company, name="新华商贸"), RULES, STEPS, version=version)
    assert settings.get_company().name == "新华商贸"
    assert get_commission_rules() == RULES
    assert chase_schedule.get_schedules()[""] == STEPS[""]


def test_a_refused_schedule_stores_neither_the_company_nor_the_rules(ledger: str) -> None:
    before = (settings.get_company(), get_commission_rules(), chase_schedule.get_schedules())
    bad = {"": (ChaseStep(0, ChaseAction.CALL, ""), ChaseStep(0, ChaseAction.CALL, ""))}
    with pytest.raises(InputError):
        save_settings(_renamed("新华商贸"), RULES, bad)
    after = (settings.get_company(), get_commission_rules(), chase_schedule.get_schedules())
    assert after == before


def test_refused_rules_store_nothing(ledger: str) -> None:
    before = (settings.get_company(), chase_schedule.get_schedules())
    with pytest.raises(InputError):
        save_settings(_renamed("新华商贸"), CommissionRules(edges=(30,), rates_bp=(1,)), STEPS)
    assert (settings.get_company(), chase_schedule.get_schedules()) == before


def test_a_save_made_meanwhile_refuses_the_whole_form(ledger: str) -> None:
    company, version = settings.company_for_editing()
    act_as("boss2")
    try:
        settings.save_company(_renamed("别人改的"))
    finally:
        act_as("")
    with pytest.raises(ChangedMeanwhile):
        save_settings(_renamed("我的"), RULES, STEPS, version=version)
    assert settings.get_company().name == "别人改的"
    assert get_commission_rules() != RULES
    assert chase_schedule.get_schedules()[""] != STEPS[""]
