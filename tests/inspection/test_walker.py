"""The object-graph walker: paths, private attributes, compiled objects, aliases."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import Birch
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from modelprivacy.inspection.walker import walk


def paths(obj):
    return {n.path: n for n in walk(obj)}


def test_readable_paths_through_pipeline_and_forest():
    X, y = np.random.default_rng(0).normal(size=(40, 3)), np.arange(40) % 2
    pipe = make_pipeline(
        StandardScaler(), RandomForestClassifier(n_estimators=3, random_state=0)
    ).fit(X, y)
    p = paths(pipe)
    assert "steps[1].estimators_[2].tree_.threshold" in p
    node = p["steps[1].estimators_[2].tree_.value"]
    assert node.holder == "Tree" and type(node.owner).__name__ == "DecisionTreeClassifier"
    assert node.owner_path == "steps[1].estimators_[2]"


def test_private_attributes_and_kd_tree_state():
    X, y = np.random.default_rng(0).normal(size=(40, 3)), np.arange(40) % 2
    p = paths(KNeighborsClassifier(algorithm="kd_tree").fit(X, y))
    assert "_fit_X" in p and "_y" in p
    assert "_tree.node_bounds" in p and "_tree.idx_array" in p
    assert "_tree.data" not in p  # the same array as _fit_X: visited once


def test_hist_gradient_boosting_predictors_and_bin_mapper():
    X, y = np.random.default_rng(0).normal(size=(60, 2)), np.arange(60) % 2
    p = paths(HistGradientBoostingClassifier(max_iter=2).fit(X, y))
    assert "_predictors[1][0].nodes['count']" in p
    assert "_bin_mapper.bin_thresholds_[0]" in p


def test_aliases_and_cycles_are_visited_once():
    X = np.random.default_rng(0).normal(size=(30, 2))
    birch = Birch(n_clusters=None).fit(X)
    nodes = list(walk(birch))
    ids = [
        id(n.value)
        for n in nodes
        if not isinstance(n.value, (int, float, str, bool, type(None), np.generic))
    ]
    assert len(ids) == len(set(ids))


def test_dicts_lists_sparse_and_column_transformer():
    vec = CountVectorizer().fit(["alpha beta gamma", "beta gamma delta"])
    p = paths(vec)
    assert isinstance(p["vocabulary_"].value, dict)
    ct = ColumnTransformer([("s", StandardScaler(), [0])]).fit(np.ones((3, 2)))
    p = paths(ct)
    assert "transformers_[0].mean_" in p
    # the column list is shared with the unfitted `transformers` parameter: visited once
    cols = p.get("transformers_[0].columns") or p["transformers[0].columns"]
    assert cols.value == [0]
    holder = {"m": sp.csr_matrix(np.eye(3))}

    class Custom:
        def predict(self, X):
            return X

    c = Custom()
    c.state_ = holder
    c.self_ = c  # a cycle
    p = paths(c)
    assert "state_['m']" in p and sp.issparse(p["state_['m']"].value)
