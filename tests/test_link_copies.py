"""Order evidence for translations (copies.translation_score): chain and its chance."""

from __future__ import annotations

import bisect
import math
from itertools import pairwise, permutations

from claimscope.link.copies import _monotone_chain, chance_of_order


def _lis(sequence: tuple[int, ...]) -> int:
    tails: list[int] = []
    for x in sequence:
        k = bisect.bisect_left(tails, x)
        tails[k : k + 1] = [x]
    return len(tails)


def test_chance_of_order_matches_enumeration():
    for n in range(1, 8):
        counts = [_lis(p) for p in permutations(range(n))]
        for chain in range(1, n + 1):
            expected = sum(c >= chain for c in counts) / math.factorial(n)
            assert abs(chance_of_order(n, chain) - expected) < 1e-12


def test_chance_of_order_edges():
    assert chance_of_order(5, 5) == 1 / 120  # a rewrite keeping 5 of 5 matches in order
    assert chance_of_order(3, 4) == 0.0
    assert chance_of_order(0, 0) == 1.0
    assert chance_of_order(14, 5) > 0.5  # 5 in order among 14 matches is no evidence


def test_monotone_chain_keeps_order():
    assert _monotone_chain([(0, 0), (2, 4), (5, 5), (9, 7), (13, 8)]) == [
        (0, 0), (2, 4), (5, 5), (9, 7), (13, 8)
    ]  # fmt: skip
    chain = _monotone_chain([(0, 2), (2, 10), (4, 4), (5, 0), (9, 13), (12, 7)])
    assert len(chain) == 3
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(chain))
    assert _monotone_chain([]) == []
