"""Arrays of NaN placeholders (what a sanitizer leaves) are not stored training values."""

from __future__ import annotations

import numpy as np
from sklearn.preprocessing import MinMaxScaler

import modelprivacy


def test_all_nan_extremes_are_not_reported_as_stored_values() -> None:
    X = np.random.default_rng(0).normal(size=(50, 3))
    scaler = MinMaxScaler().fit(X)
    before = {(f.check_id, f.path) for f in modelprivacy.inspect(scaler).findings}
    assert ("MP-S103", "data_min_") in before
    scaler.data_min_ = np.full(3, np.nan)
    after = {(f.check_id, f.path) for f in modelprivacy.inspect(scaler).findings}
    assert ("MP-S103", "data_min_") not in after
    assert ("MP-S103", "data_max_") in after  # the other extremes are still there


def test_a_partly_nan_array_is_still_read() -> None:
    X = np.random.default_rng(1).normal(size=(50, 3))
    scaler = MinMaxScaler().fit(X)
    scaler.data_min_[1] = np.nan
    found = {(f.check_id, f.path) for f in modelprivacy.inspect(scaler).findings}
    assert ("MP-S103", "data_min_") in found
