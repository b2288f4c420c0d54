"""bench/bench_confirmations.py runs and prints its table (min, median, max)."""

from __future__ import annotations

from tests.test_bench import _bench, _table_has_min_median_max


def test_confirmations_bench_prints_its_table() -> None:
    out = _bench("bench_confirmations.py", "--statements", "300", "--customers", "20",
                 "--runs", "1")  # fmt: skip
    assert "300 statements of 20 customers, 100 replies" in out
    _table_has_min_median_max(out, "Today: open disputes", "review: confirmed vs unconfirmed")
