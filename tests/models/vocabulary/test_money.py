from __future__ import annotations

import pytest

from models.vocabulary.errors import InputError
from models.vocabulary.money import format_money, format_plain, parse_money


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1,234.5", 123450),
        ("¥1,234.50", 123450),
        ("￥１，２３４．５０", 123450),  # full-width, as a Chinese IME types it
        ("  12 ", 1200),
        ("0.07", 7),
        (".5", 50),
        ("12.", 1200),
        ("RMB 88", 8800),
        ("100元", 10000),
        ("999,999,999,999.99", 99999999999999),
    ],
)
def test_accepts_what_clerks_type(text: str, fen: int) -> None:
    assert parse_money(text) == fen


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1.234", "two decimals"),
        ("NaN", "not an amount"),
        ("inf", "not an amount"),
        ("1e5", "not an amount"),
        ("12,34", "not an amount"),
        ("1,2345.00", "not an amount"),
        ("abc", "not an amount"),
        ("1,000,000,000,000", "too large"),
        ("-5", "negative"),
        ("0", "more than zero"),
        ("0.00", "more than zero"),
    ],
)
def test_rejects_with_a_sentence_saying_what_to_type(text: str, hint: str) -> None:
    with pytest.raises(InputError) as err:
        parse_money(text)
    assert hint in str(err.value)


def test_negative_only_where_the_kind_allows_it() -> None:
    assert parse_money("-1,200.00", allow_negative=True) == -120000
    assert parse_money("0", allow_zero=True) == 0


def test_never_returns_float() -> None:
    assert type(parse_money("0.1")) is int
    assert parse_money("0.1") + parse_money("0.2") == parse_money("0.3")


def test_formats() -> None:
    assert format_money(123450) == "1,234.50"
    assert format_money(123450, "¥") == "¥1,234.50"
    assert format_money(-5, "¥") == "-¥0.05"
    assert format_plain(-123456) == "-1234.56"
    assert format_plain(7) == "0.07"
    assert [format_plain(f) for f in (0, -1, 100, -100)] == ["0.00", "-0.01", "1.00", "-1.00"]


def test_plain_format_reads_back() -> None:
    for fen in (-99999999999999, -100, -1, 0, 1, 99, 100, 123456789, 99999999999999):
        assert parse_money(format_plain(fen), allow_negative=True, allow_zero=True) == fen


def test_round_trip() -> None:
    for fen in (1, 99, 100, 123456789, 99999999999999):
        assert parse_money(format_money(fen, "¥")) == fen
