"""Ranks as the pages print them: 1 for the highest score, equal scores **at the one decimal
shown** share the better rank (1, 2, 2, 4), so two countries that look tied are tied."""

from __future__ import annotations

import numpy as np
from scipy.stats import rankdata

PRINTED_DECIMALS = 1


def competition_ranks(scores: np.ndarray, axis: int = -1) -> np.ndarray:
    """Competition ranks of `scores` along `axis` at the printed precision; NaN stays NaN."""
    shown = np.round(np.asarray(scores, dtype=float), PRINTED_DECIMALS)
    return rankdata(-shown, method="min", axis=axis, nan_policy="omit")
