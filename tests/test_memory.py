"""Memory between audit steps: freed heap returned, compact bins for HistGradientBoosting."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import HistGradientBoostingClassifier

from modelprivacy._memory import release_free_memory
from modelprivacy.models.trees import forest_of


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_memory_is_handed_back_on_linux() -> None:
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    blocks = [bytearray(4096) for _ in range(20_000)]  # small blocks on the C heap
    del blocks
    assert release_free_memory() is True
    assert release_free_memory() is True  # again: nothing held is touched


def test_histogram_gradient_boosting_bins_fit_in_one_byte_and_route_the_same() -> None:
    X, y = load_breast_cancer(return_X_y=True)
    X = X.copy()
    X[::7, 3] = np.nan
    model = HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(X, y)
    forest = forest_of(model)
    bins = forest.prepare(X)
    assert bins.dtype == np.uint8
    raw = model._raw_predict(X)[:, 0]
    # the trees' leaf values summed along our routes give the model's own raw scores
    total = np.full(len(X), float(model._baseline_prediction.ravel()[0]))
    for tree in forest.trees:
        leaf = tree.route(np.ascontiguousarray(bins))
        total += tree.leaf_value[leaf]
    np.testing.assert_allclose(total, raw, rtol=1e-9, atol=1e-9)
