"""Which debtors an IOU note addresses as a company (本单位) rather than a person (本人)."""

from __future__ import annotations

import pytest

from models.papers.debtors import is_company_name


@pytest.mark.parametrize(
    "name",
    [
        "广州市清源副食品批发有限公司",
        "华润万家集团",
        "佛山东城商贸股份有限公司",
        "Acme Trading Co., Ltd.",
    ],
)
def test_company_forms_are_companies(name: str) -> None:
    assert is_company_name(name)


@pytest.mark.parametrize(
    "name", ["白云区好又多便利店", "老李商行", "东城朱老酒家", "Incredible Corner Shop", "Lincoln"]
)
def test_shops_run_by_their_owners_are_people(name: str) -> None:
    # 个体工商户: the owner owes the debt personally and signs 本人确认.
    assert not is_company_name(name)
