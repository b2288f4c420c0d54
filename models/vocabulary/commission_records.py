"""The office's rules for the collection commission (回款提成): rates by the age of the
debt a payment settles, and whether tail cuts and write-offs are taken off.

Ages are whole days and the bands follow the aging's convention: with edges (30, 90) a
payment part 0–30 days old is in the first band, 31–90 in the second, 91 and more in
the last. Rates are basis points (1 bp = 0.01 %; 100 bp = 1.0 %), whole numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_RATE_BP = 10_000  # 100 %


@dataclass(frozen=True)
class CommissionRules:
    edges: tuple[int, ...] = (30, 90)
    rates_bp: tuple[int, ...] = (100, 50, 20)  # one more than the edges, youngest first
    # A tail cut (抹零) or discount the rep allowed is money not collected: by default
    # it is taken off at the rate of the debt it cleared.
    deduct_tail_cuts: bool = True
    # A write-off is the boss's decision: by default it costs the rep nothing.
    deduct_writeoffs: bool = False

    def band_of(self, age: int) -> int:
        """The band of a part `age` days old (0 = the youngest)."""
        return sum(1 for edge in self.edges if age > edge)
