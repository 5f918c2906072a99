"""What the ONNX tests share: an ensemble's output rebuilt from modelprivacy's own routing."""

from __future__ import annotations

import numpy as np

from modelprivacy.models.onnx import OnnxModel
from modelprivacy.models.trees import forest_of


def raw_score(model: OnnxModel, X: np.ndarray) -> np.ndarray:
    """The ensemble's aggregate (before any post transform), from the numpy routing.

    The leaves that :meth:`Forest.leaves` finds for each row, summed (averaged
    for ``AVERAGE``) with the ensemble's base values: what onnxruntime and the
    reference evaluator compute, to compare against.
    """
    forest = forest_of(model)
    (ensemble,) = model.tree_ensembles()
    total = np.zeros((X.shape[0], ensemble.n_outputs))
    for i, rows, leaf in forest.leaves(X, inbag=False, workers=1):
        raw = forest.trees[i].leaf_value
        assert raw is not None
        total[rows] += raw[leaf]
    if ensemble.aggregate == "AVERAGE":
        total /= ensemble.n_trees
    base = ensemble.base_values
    if base.size:
        total[:, : base.size] += base
    return total
