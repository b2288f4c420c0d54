"""The collector pause around big readers always gives the collector back."""

from __future__ import annotations

import gc

import pytest

from models.vocabulary.gc_pause import gc_paused


def test_collector_runs_again_after_the_block_even_when_it_fails() -> None:
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), gc_paused():
        assert not gc.isenabled()
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_nested_block_leaves_the_collector_to_the_outer_one() -> None:
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()  # the outer reader is still building
    assert gc.isenabled()


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
