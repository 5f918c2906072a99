"""ONNX tree ensembles on the shared tree representation: routed as onnxruntime routes.

The exports of real models (skl2onnx for scikit-learn, onnxmltools for
LightGBM and XGBoost) are read into a :class:`~modelprivacy.models.trees.Forest`;
the leaves found by routing in numpy must rebuild onnxruntime's own output,
and the tree checks must count the same people as on the model before export.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import modelprivacy

pytest.importorskip("onnxruntime")
skl2onnx = pytest.importorskip("skl2onnx")

from _onnx_routing import raw_score  # noqa: E402

from modelprivacy.load import load_model  # noqa: E402
from modelprivacy.models.onnx import OnnxModel  # noqa: E402
from modelprivacy.models.trees import (  # noqa: E402
    NotATreeModelError,
    forest_of,
    is_tree_model,
)
from modelprivacy.singling import leaf_boxes  # noqa: E402


def _export(model: Any, X: np.ndarray, **kw: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return skl2onnx.to_onnx(model, X[:1].astype(np.float32), **kw)


def _onnxmltools(model: Any, d: int) -> Any:
    onnxmltools = pytest.importorskip("onnxmltools")
    from onnxmltools.convert.common.data_types import FloatTensorType

    types = [("X", FloatTensorType([None, d]))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if type(model).__module__.startswith("lightgbm"):
            return onnxmltools.convert_lightgbm(model, initial_types=types)
        return onnxmltools.convert_xgboost(model, initial_types=types)


def _save(tmp_path: Path, proto: Any, name: str = "model.onnx") -> Path:
    path = tmp_path / name
    path.write_bytes(proto.SerializeToString())
    return path


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Whole-number columns (ages, hours): midpoints k + 0.5 are exact in float32."""
    rng = np.random.default_rng(0)
    X = rng.integers(18, 80, size=(160, 4)).astype(np.float64)
    y = (X[:, 0] + rng.normal(scale=10, size=160) > 50).astype(int)
    target = X[:, 0] * 2.0 + X[:, 1]  # float32-exact targets
    return X, y, target


def _models(X: np.ndarray, y: np.ndarray, target: np.ndarray) -> list[tuple[str, Any, Any]]:
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from sklearn.tree import DecisionTreeRegressor

    out = [
        ("forest", _export(RandomForestClassifier(8, random_state=0).fit(X, y), X), "proba"),
        ("tree", _export(DecisionTreeRegressor(random_state=0).fit(X, target), X), "value"),
        (
            "gradient boosting",
            _export(GradientBoostingClassifier(n_estimators=10, random_state=0).fit(X, y), X),
            "logistic",
        ),
    ]
    lightgbm = pytest.importorskip("lightgbm")
    xgboost = pytest.importorskip("xgboost")
    holes = X.copy()
    holes[::7, 1] = np.nan  # missing values follow nodes_missing_value_tracks_true
    lgb = lightgbm.LGBMClassifier(
        n_estimators=10, num_leaves=8, min_child_samples=2, verbose=-1, random_state=0
    ).fit(holes, y)
    out.append(("lightgbm", _onnxmltools(lgb, 4), "logistic"))
    xgb = xgboost.XGBRegressor(n_estimators=10, max_depth=4, random_state=0).fit(holes, target)
    out.append(("xgboost", _onnxmltools(xgb, 4), "value"))  # BRANCH_LT splits
    return out


def test_routing_rebuilds_onnxruntime_output(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    X, y, target = data
    holes = X.copy()
    holes[::5, 1] = np.nan
    for name, proto, how in _models(X, y, target):
        model = OnnxModel(proto)
        assert is_tree_model(model)
        forest = forest_of(model)
        assert forest.kind == "onnx" and forest.path.startswith("TreeEnsemble")
        rows = holes if name in ("lightgbm", "xgboost") else X
        score = raw_score(model, rows)
        if how == "proba":
            ours = score[:, 0]  # a binary forest stores the second class's score only
            theirs = model.predict_proba(rows)[:, 1]
        elif how == "logistic":
            ours = 1.0 / (1.0 + np.exp(-score[:, 0]))
            theirs = model.predict_proba(rows)[:, 1]
        else:
            ours, theirs = score[:, 0], model.predict(rows)
        np.testing.assert_allclose(ours, theirs, rtol=1e-4, atol=1e-5, err_msg=name)


def _as_double(proto: Any, tree: Any) -> Any:
    """A float export rewritten as ai.onnx.ml opset 3: a double input, double values.

    (skl2onnx 1.20 writes double trees with the float-only opset 1 attributes, which
    onnxruntime refuses.)
    """
    from onnx import TensorProto, helper

    node = proto.graph.node[0]
    kept = [a for a in node.attribute if a.name not in ("nodes_values", "target_weights")]
    split = tree.tree_.children_left >= 0
    thresholds = np.where(split, tree.tree_.threshold, 0.0)
    leaves = np.flatnonzero(~split)
    attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
    assert list(attrs["target_nodeids"]) == leaves.tolist()
    del node.attribute[:]
    node.attribute.extend(kept)
    node.attribute.extend(
        [
            helper.make_attribute(
                "nodes_values_as_tensor",
                helper.make_tensor("v", TensorProto.DOUBLE, [thresholds.size], thresholds),
            ),
            helper.make_attribute(
                "target_weights_as_tensor",
                helper.make_tensor(
                    "w", TensorProto.DOUBLE, [leaves.size], tree.tree_.value[leaves, 0, 0]
                ),
            ),
        ]
    )
    for value in proto.graph.input:  # the output stays float (opset 3 keeps tensor(float))
        value.type.tensor_type.elem_type = TensorProto.DOUBLE
    for opset in proto.opset_import:
        if opset.domain == "ai.onnx.ml":
            opset.version = 3
    return proto


def test_double_input_is_compared_in_float64(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    from sklearn.tree import DecisionTreeRegressor

    X, _, target = data
    X = X + np.random.default_rng(1).normal(scale=1e-3, size=X.shape)
    tree = DecisionTreeRegressor(max_depth=6, random_state=0).fit(X, target)
    model = OnnxModel(_as_double(_export(tree, X), tree))
    forest = forest_of(model)
    assert not forest.float32
    np.testing.assert_allclose(raw_score(model, X)[:, 0], model.predict(X), rtol=1e-6)
    # right at a threshold, and one float64 ulp above it (float32 would round both alike)
    t = float(tree.tree_.threshold[0])
    f = int(tree.tree_.feature[0])
    edge = np.repeat(X[:1], 2, axis=0)
    edge[:, f] = [t, np.nextafter(t, np.inf)]
    np.testing.assert_allclose(raw_score(model, edge)[:, 0], model.predict(edge), rtol=1e-6)


def test_leaf_boxes_agree_with_scikit_learn(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.tree import DecisionTreeRegressor

    X, y, target = data
    for est, labels in (
        (RandomForestClassifier(6, bootstrap=False, max_features=2, random_state=0).fit(X, y), y),
        (DecisionTreeRegressor(random_state=0).fit(X, target), target),
    ):
        model = OnnxModel(_export(est, X))
        assert forest_of(model).labels == forest_of(est).labels
        ours, theirs = leaf_boxes(model, X, labels), leaf_boxes(est, X, labels)
        assert ours.singled_out.sum() > 0
        for field in ("small_leaf_trees", "alone_trees", "label_recovered", "singled_out"):
            np.testing.assert_array_equal(getattr(ours, field), getattr(theirs, field), field)


def test_bootstrap_forest_counts_are_a_lower_bound(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """The export keeps no in-bag samples: every record is routed, so fewer leaves hold one."""
    from sklearn.ensemble import RandomForestClassifier

    X, y, _ = data
    forest = RandomForestClassifier(6, random_state=0).fit(X, y)
    ours = leaf_boxes(OnnxModel(_export(forest, X)), X, y)
    theirs = leaf_boxes(forest, X, y)
    assert (ours.alone_trees <= theirs.alone_trees).all()
    assert 0 < ours.alone_trees.sum() < theirs.alone_trees.sum()


def test_gbdt_exports_leaf_boxes_agree(data: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    lightgbm = pytest.importorskip("lightgbm")
    xgboost = pytest.importorskip("xgboost")
    X, y, target = data
    for est, labels in (
        (
            lightgbm.LGBMClassifier(
                n_estimators=10, num_leaves=8, min_child_samples=2, verbose=-1, random_state=0
            ).fit(X, y),
            y,
        ),
        (xgboost.XGBRegressor(n_estimators=10, max_depth=4, random_state=0).fit(X, target), target),
    ):
        model = OnnxModel(_onnxmltools(est, 4))
        ours, theirs = leaf_boxes(model, X, labels), leaf_boxes(est, X, labels)
        assert ours.small_leaf_trees.sum() > 0
        for field in ("small_leaf_trees", "alone_trees", "singled_out"):
            np.testing.assert_array_equal(getattr(ours, field), getattr(theirs, field), field)


def test_regularised_forest_is_not_accused(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    from sklearn.ensemble import RandomForestClassifier

    X, y, _ = data
    forest = RandomForestClassifier(5, min_samples_leaf=20, random_state=0).fit(X, y)
    result = leaf_boxes(OnnxModel(_export(forest, X)), X, y)
    assert result.alone_trees.sum() == 0 and result.singled_out.sum() == 0
    findings = modelprivacy.inspect(OnnxModel(_export(forest, X)), X, y).findings
    assert not [f for f in findings if f.check_id == "MP-S105"]


def test_graph_without_trees_is_not_a_forest(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    from sklearn.linear_model import LogisticRegression

    X, y, _ = data
    model = OnnxModel(_export(LogisticRegression(max_iter=500).fit(X, y), X))
    with pytest.raises(NotATreeModelError):
        forest_of(model)


def _counts(result: Any, check: str) -> dict[str, Any]:
    found = [f for f in result.findings if f.check_id == check]
    assert found, check
    keys = ("records_alone", "records_in_small_leaves", "label_recovered", "rare_values")
    return {k: found[0].evidence[k] for k in keys if k in found[0].evidence}


def test_inspection_of_the_file_counts_as_before_export(
    tmp_path: Path, data: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> None:
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.tree import DecisionTreeRegressor

    X, y, target = data
    for est, labels in (
        (RandomForestClassifier(6, bootstrap=False, max_features=2, random_state=0).fit(X, y), y),
        (DecisionTreeRegressor(random_state=0).fit(X, target), target),
    ):
        path = _save(tmp_path, _export(est, X))
        assert isinstance(load_model(path, contain=False).estimator, OnnxModel)
        ours = modelprivacy.inspect(path, X, labels)
        theirs = modelprivacy.inspect(est, X, labels)
        leaves = [f for f in ours.findings if f.check_id == "MP-S105"]
        assert leaves[0].path.startswith("TreeEnsemble")
        assert leaves[0].evidence["label_recovered"] > 0
        assert _counts(ours, "MP-S105") == _counts(theirs, "MP-S105")
        # the same thresholds in float32; scikit-learn 1.9 puts some at a training value
        # itself, which the float32 rule also counts: at least as many values located
        ours_cols, theirs_cols = (
            next(f for f in r.findings if f.check_id == "MP-S104").evidence["columns"]
            for r in (ours, theirs)
        )
        assert ours_cols.keys() == theirs_cols.keys()
        for name, col in theirs_cols.items():
            assert ours_cols[name]["located_values"] >= col["located_values"] > 0
        assert any(f.check_id == "MP-S108" for f in ours.findings)  # still reported


def test_inspection_of_gbdt_exports_counts_as_native(
    data: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    lightgbm = pytest.importorskip("lightgbm")
    xgboost = pytest.importorskip("xgboost")
    X, y, target = data
    for est, labels in (
        (
            lightgbm.LGBMClassifier(
                n_estimators=10, num_leaves=8, min_child_samples=2, verbose=-1, random_state=0
            ).fit(X, y),
            y,
        ),
        (xgboost.XGBClassifier(n_estimators=10, max_depth=4, random_state=0).fit(X, y), y),
        (xgboost.XGBRegressor(n_estimators=10, max_depth=4, random_state=0).fit(X, target), target),
    ):
        model = OnnxModel(_onnxmltools(est, 4))
        ours = modelprivacy.inspect(model, X, labels)
        theirs = modelprivacy.inspect(est, X, labels)
        assert _counts(ours, "MP-S105") == _counts(theirs, "MP-S105"), type(est).__name__
        assert _counts(ours, "MP-S104") == _counts(theirs, "MP-S104"), type(est).__name__
