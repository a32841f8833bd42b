"""Batching of windows for prediction."""

from __future__ import annotations

import random

from conflict_ner.tagging.predict import token_budget_batches


def test_token_budget_batches_cover_every_window_once_within_the_budget():
    rng = random.Random(0)
    for _ in range(50):
        lengths = sorted(rng.randint(3, 256) for _ in range(rng.randint(0, 300)))
        budget = rng.choice([256, 1024, 8192])
        ranges = token_budget_batches(lengths, budget)
        assert [i for b, e in ranges for i in range(b, e)] == list(range(len(lengths)))
        for b, e in ranges:
            assert e - b == 1 or (e - b) * lengths[e - 1] <= budget
        # greedy: adding the next window would have broken the budget
        for (b, e), (nb, _) in zip(ranges, ranges[1:]):
            assert (e - b + 1) * lengths[nb] > budget
