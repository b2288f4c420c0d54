from __future__ import annotations

import pytest

from models.ledger import customers, people, search, settings
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import CustomerDraft, Terms, TermsKind
from models.vocabulary.errors import InputError, NotFound
from tests.models.helpers import make_customer


def test_codes_are_unique_and_names_required(ledger_target: None) -> None:
    make_customer("C001")
    with pytest.raises(InputError, match="C001"):
        make_customer("C001", "另一家")
    with pytest.raises(InputError, match="name"):
        customers.add_customer(CustomerDraft(code="C9", name="  "))
    with pytest.raises(NotFound):
        customers.customer_by_code("NOPE")


def test_route_order_and_archive(ledger_target: None) -> None:
    a = make_customer("A", "甲店", route="城东线")
    b = make_customer("B", "乙店", route="城东线")
    route = people.route_by_name("城东线")
    assert [c.code for c in customers.route_customers(route.id)] == ["A", "B"]
    customers.set_route_order(route.id, [b.id, a.id])
    assert [c.code for c in customers.route_customers(route.id)] == ["B", "A"]
    customers.set_archived(b.id)
    assert [c.code for c in customers.route_customers(route.id)] == ["A"]
    assert [c.code for c in customers.list_customers()] == ["A"]


def test_pinyin_initials_find_the_shop(ledger_target: None) -> None:
    c = make_customer("C7", "东城王记")
    key = customers.get_customer(c.id).search_key
    for query in ("dcwj", "DCWJ", "dongcheng", "王记", "c7", "138001"):
        assert search.matches(key, search.normalise_query(query)), query
    assert not search.matches(key, "xgl")


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("0", Terms(TermsKind.CASH)),
        ("30", Terms(TermsKind.DAYS, 30)),
        ("月结", Terms(TermsKind.MONTHLY)),
        ("monthly", Terms(TermsKind.MONTHLY)),
        ("压批", Terms(TermsKind.NEXT)),
        ("next", Terms(TermsKind.NEXT)),
    ],
)
def test_terms_as_typed(text: str, terms: Terms) -> None:
    assert customers.parse_terms(text) == terms


def test_bad_terms_say_what_to_type() -> None:
    with pytest.raises(InputError, match="monthly"):
        customers.parse_terms("soon")


def test_settings_round_trip_and_validation(ledger_target: None) -> None:
    s = CompanySettings(name="清款商贸", aging_edges=(15, 30, 60, 120), doc_language="en")
    settings.save_company(s)
    assert settings.get_company() == s
    with pytest.raises(InputError):
        settings.save_company(CompanySettings(aging_edges=(60, 30)))
    assert settings.get_company() == s


def test_route_days(ledger_target: None) -> None:
    import datetime as dt

    from models.collecting.routesheets import is_route_day, next_route_day

    route = people.add_route("城东线", (1, 4))  # Monday and Thursday
    friday = dt.date(2026, 11, 27)
    assert not is_route_day(route, friday)
    assert next_route_day(route, friday) == dt.date(2026, 11, 30)  # Monday
    assert next_route_day(route, dt.date(2026, 11, 25)) == dt.date(2026, 11, 26)
    anyday = people.add_route("郊县线")
    assert is_route_day(anyday, friday) and next_route_day(anyday, friday) == friday + dt.timedelta(
        1
    )


def test_the_route_for_a_day(ledger_target: None) -> None:
    import datetime as dt

    from models.collecting.routesheets import route_for_day

    assert route_for_day([], dt.date(2026, 11, 26)) is None
    adhoc = people.add_route("一号线")  # no weekdays: runs ad hoc, never "the" route
    monday = people.add_route("三号线", (1,))
    thursday = people.add_route("二号线", (4,))
    both = people.add_route("城东线", (1, 4))
    routes = people.list_routes()
    assert routes == [adhoc, monday, thursday, both]  # by name
    assert route_for_day(routes, dt.date(2026, 11, 26)) == thursday  # Thu: the first of two
    assert route_for_day(routes, dt.date(2026, 11, 30)) == monday
    assert route_for_day(routes, dt.date(2026, 11, 27)) == adhoc  # Fri: none, the first
    assert route_for_day([both, thursday], dt.date(2026, 11, 26)) == both


def test_several_words_must_all_match(ledger_target: None) -> None:
    """ "罗 饭" finds 罗记饭店: each word may match the name, code, phone or pinyin."""
    c = make_customer("LJ01", "罗记饭店")
    key = customers.get_customer(c.id).search_key
    for query in ("罗 饭", "罗  饭店", "罗\u3000饭", "luo 饭", "lj01 fd", "138001 罗记"):
        assert search.matches(key, search.normalise_query(query)), query
    for query in ("罗 面", "luo xyz", "饭 C999"):
        assert not search.matches(key, search.normalise_query(query)), query
