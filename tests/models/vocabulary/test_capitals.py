"""Amounts in capitals, checked against the examples in the PBoC rules for bills
(支付结算办法 附件一) and the cheque-writing cases clerks get wrong."""

from __future__ import annotations

import pytest

from models.vocabulary.capitals import rmb_capitals


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (1409_50, "壹仟肆佰零玖元伍角"),  # PBoC example
        (6007_14, "陆仟零柒元壹角肆分"),  # PBoC: several zeros in the middle → one 零
        (1680_32, "壹仟陆佰捌拾元零叁角贰分"),  # PBoC: zero in 元 place before 角
        (107000_53, "壹拾万柒仟元零伍角叁分"),  # PBoC
        (16409_02, "壹万陆仟肆佰零玖元零贰分"),  # PBoC: 角 zero before 分
        (325_04, "叁佰贰拾伍元零肆分"),  # PBoC
        (100000_00, "壹拾万元整"),  # every digit written: 壹拾, not 拾
        (10_00, "壹拾元整"),
        (10005_07, "壹万零伍元零柒分"),  # DOMAIN.md's example
        (100500_00, "壹拾万零伍佰元整"),
        (1000010_00, "壹佰万零壹拾元整"),
        (200000005_00, "贰亿零伍元整"),
        (105000000_00, "壹亿零伍佰万元整"),
        (100000000_00, "壹亿元整"),
        (1_00, "壹元整"),
        (50, "伍角"),
        (5, "伍分"),
        (0, "零元整"),
        (999999999999_99, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_capitals(fen: int, words: str) -> None:
    assert rmb_capitals(fen) == words


def test_prefix_and_sign() -> None:
    assert rmb_capitals(12_00, prefix=True) == "人民币壹拾贰元整"
    assert rmb_capitals(-12_00) == "负壹拾贰元整"


def test_no_bare_ten_and_no_double_zero() -> None:
    for fen in range(0, 2_000_000_00, 7_777_77):
        words = rmb_capitals(fen)
        assert "零零" not in words
        assert not words.startswith("拾")
        assert "整" not in words or words.endswith("元整")
