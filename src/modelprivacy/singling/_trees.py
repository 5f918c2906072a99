"""The decision trees of a fitted model, as plain node arrays.

Every supported estimator is reduced to a :class:`Forest`: a list of
:class:`TreeSpec` (node arrays, the input columns each tree sees, the training
records it was fitted on, and what its leaves say about the label), so that
:mod:`modelprivacy.singling.boxes` treats a single tree, a bagging ensemble,
gradient boosting and HistGradientBoosting alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from modelprivacy.errors import DataError, ModelPrivacyError, NotFittedModelError

__all__ = ["Forest", "TreeSpec", "float32_edge", "forest_of", "node_boxes"]

LabelKind = Literal["classifier", "regressor", "none"]

# Known tree models, to tell "not fitted" from "not a tree model".
_TREE_MODELS = (
    "DecisionTreeClassifier",
    "DecisionTreeRegressor",
    "ExtraTreeClassifier",
    "ExtraTreeRegressor",
    "RandomForestClassifier",
    "RandomForestRegressor",
    "ExtraTreesClassifier",
    "ExtraTreesRegressor",
    "BaggingClassifier",
    "BaggingRegressor",
    "GradientBoostingClassifier",
    "GradientBoostingRegressor",
    "HistGradientBoostingClassifier",
    "HistGradientBoostingRegressor",
    "IsolationForest",
    "RandomTreesEmbedding",
)
# Ensembles whose leaf values are not the label: gradients, path lengths, embeddings.
_NO_LABELS = ("GradientBoosting", "HistGradientBoosting", "IsolationForest", "RandomTreesEmbedding")


@dataclass(frozen=True, eq=False)
class TreeSpec:
    """One tree as node arrays.

    Attributes
    ----------
    left, right : ndarray of int64
        Children of each node; ``-1`` at leaves.
    feature : ndarray of int64
        Split feature of each node (a column of the tree's own input).
    threshold : ndarray of float64
        Split threshold of each node: a row goes left when ``x <= threshold``.
    route : callable
        Maps the tree's input (rows of the model's input restricted to
        ``features``) to the leaf each row falls in.
    features : ndarray of int64 or None
        Columns of the model's input that the tree sees, in the tree's order
        (``None``: all of them, in order).
    samples : ndarray of int64 or None
        Distinct training records the tree was fitted on (``None``: all).
    value : ndarray or None
        Per node, the class distribution aligned with :attr:`Forest.classes`
        (classifiers, shape (n_nodes, n_classes)) or the predicted target
        (regressors, shape (n_nodes,)); ``None`` when leaves are not labels.
    """

    left: np.ndarray
    right: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    route: Callable[[np.ndarray], np.ndarray]
    features: np.ndarray | None = None
    samples: np.ndarray | None = None
    value: np.ndarray | None = None

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return int(self.left.shape[0])


@dataclass(eq=False)
class Forest:
    """The trees of one model.

    Attributes
    ----------
    trees : list of TreeSpec
        The trees.
    path : str
        Attribute path of the trees inside the model (``estimators_[*].tree_``).
    labels : {"classifier", "regressor", "none"}
        What the leaf values say about the training label.
    classes : ndarray or None
        Class labels of a classifier, aligned with the columns of
        :attr:`TreeSpec.value`.
    float32 : bool
        Whether the trees compare float32 inputs (scikit-learn trees) or
        float64 (HistGradientBoosting).
    n_train : int or None
        Number of training records the ensemble's stored seeds regenerate
        samples for (``None`` when not needed).
    notes : list of str
        Caveats, e.g. in-bag records that cannot be regenerated.
    """

    trees: list[TreeSpec]
    path: str
    labels: LabelKind
    classes: np.ndarray | None = None
    float32: bool = True
    n_train: int | None = None
    notes: list[str] = field(default_factory=list)


def node_boxes(tree: TreeSpec, n_features: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the box of every node of a tree.

    One top-down pass, level by level: a left child inherits its parent's box
    with its upper bound on the split feature lowered to the threshold, a right
    child with its lower bound raised to it.

    Parameters
    ----------
    tree : TreeSpec
        The tree.
    n_features : int
        Number of columns of the tree's input.

    Returns
    -------
    low, high : ndarray of shape (n_nodes, n_features)
        Lower (exclusive) and upper (inclusive) bound of each node's box.
    """
    n = tree.n_nodes
    low = np.full((n, n_features), -np.inf)
    high = np.full((n, n_features), np.inf)
    frontier = np.zeros(1, dtype=np.int64)
    while frontier.size:
        parent = frontier[tree.left[frontier] >= 0]
        if not parent.size:
            break
        lc, rc = tree.left[parent], tree.right[parent]
        f, t = tree.feature[parent], tree.threshold[parent]
        low[lc] = low[parent]
        high[lc] = high[parent]
        low[rc] = low[parent]
        high[rc] = high[parent]
        high[lc, f] = np.minimum(high[parent, f], t)
        low[rc, f] = np.maximum(low[parent, f], t)
        frontier = np.concatenate([lc, rc])
    return low, high


def float32_edge(threshold: np.ndarray) -> np.ndarray:
    """The float64 bound equivalent to comparing float32 inputs with ``threshold``.

    scikit-learn trees round their input to float32 before the comparison
    ``x <= threshold``; a float64 value slightly above a threshold that is
    itself a float32 value still goes left. The returned bound is the
    midpoint between the largest float32 at or below the threshold and the
    next float32, so that ``x <= bound`` (for float64 ``x``) routes as the
    tree does, up to ties at the midpoint.

    Parameters
    ----------
    threshold : ndarray of float64
        Split thresholds.

    Returns
    -------
    ndarray of float64
        The bounds.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        t32 = threshold.astype(np.float32)
        t32 = np.where(
            t32.astype(np.float64) > threshold, np.nextafter(t32, np.float32(-np.inf)), t32
        )
        nxt = np.nextafter(t32, np.float32(np.inf))
        edge = (t32.astype(np.float64) + nxt.astype(np.float64)) / 2.0
    return np.where(np.isfinite(edge), edge, threshold)


def _sklearn_tree(
    estimator: Any,
    features: np.ndarray | None,
    samples: np.ndarray | None,
    labels: LabelKind,
    classes: np.ndarray | None,
    own_classes: bool,
) -> TreeSpec:
    t = estimator.tree_
    left = np.asarray(t.children_left, dtype=np.int64)
    value: np.ndarray | None = None
    if labels == "classifier" and classes is not None:
        v = np.asarray(t.value[:, 0, :], dtype=np.float64)
        v = v / np.maximum(v.sum(axis=1, keepdims=True), 1e-300)
        if own_classes:
            value = v
        else:  # ensemble members are fitted on class indices, maybe a subset of them
            value = np.zeros((v.shape[0], len(classes)))
            cols = np.asarray(estimator.classes_).astype(np.int64)
            value[:, cols] = v
    elif labels == "regressor":
        value = np.asarray(t.value[:, 0, 0], dtype=np.float64)

    def route(X: np.ndarray) -> np.ndarray:
        return np.asarray(t.apply(X), dtype=np.int64)

    return TreeSpec(
        left=left,
        right=np.asarray(t.children_right, dtype=np.int64),
        feature=np.maximum(np.asarray(t.feature, dtype=np.int64), 0),
        threshold=float32_edge(np.asarray(t.threshold, dtype=np.float64)),
        route=route,
        features=features,
        samples=samples,
        value=value,
    )


def _hist_tree(nodes: np.ndarray) -> TreeSpec:
    if nodes["is_categorical"].any():
        raise ModelPrivacyError(
            "HistGradientBoosting trees with categorical splits are not supported: their splits "
            "are bitsets, not thresholds. Encode categories numerically (e.g. OrdinalEncoder) "
            "and refit with categorical_features=None to audit the boxes."
        )
    is_leaf = nodes["is_leaf"].astype(bool)
    left = np.where(is_leaf, -1, nodes["left"].astype(np.int64))
    right = np.where(is_leaf, -1, nodes["right"].astype(np.int64))
    feature = nodes["feature_idx"].astype(np.int64)
    threshold = nodes["num_threshold"].astype(np.float64)
    missing_left = nodes["missing_go_to_left"].astype(bool)
    depth = int(nodes["depth"].max(initial=0))

    def route(X: np.ndarray) -> np.ndarray:
        at = np.zeros(X.shape[0], dtype=np.int64)
        rows = np.arange(X.shape[0])
        for _ in range(depth + 1):
            active = left[at] >= 0
            if not active.any():
                break
            cur = at[active]
            x = X[rows[active], feature[cur]]
            go_left = np.where(np.isnan(x), missing_left[cur], x <= threshold[cur])
            at[active] = np.where(go_left, left[cur], right[cur])
        return at

    return TreeSpec(left=left, right=right, feature=feature, threshold=threshold, route=route)


def _members(estimator: Any) -> list[Any]:
    members = getattr(estimator, "estimators_", None)
    if members is None:
        return []
    return list(np.asarray(members, dtype=object).reshape(-1))


def forest_of(estimator: Any) -> Forest:
    """Reduce a fitted tree model to its trees.

    Parameters
    ----------
    estimator : estimator
        A fitted decision tree, tree ensemble, gradient boosting,
        HistGradientBoosting or isolation forest (not a Pipeline).

    Returns
    -------
    Forest
        Its trees.

    Raises
    ------
    NotFittedModelError
        If a known tree model is not fitted.
    ModelPrivacyError
        If the model holds no decision trees, or HistGradientBoosting trees
        with categorical splits.
    """
    name = type(estimator).__name__
    classes_attr = getattr(estimator, "classes_", None)
    multi = isinstance(classes_attr, list)
    labels: LabelKind = "none"
    if not name.startswith(_NO_LABELS):
        if classes_attr is not None and not multi:
            labels = "classifier"
        elif getattr(estimator, "_estimator_type", None) == "regressor" or name.endswith(
            "Regressor"
        ):
            labels = "regressor"
    classes = None if labels != "classifier" else np.asarray(classes_attr)

    if hasattr(estimator, "tree_") and getattr(estimator, "tree_", None) is not None:
        if labels == "regressor" and estimator.tree_.value.shape[1] != 1:
            labels = "none"  # multi-output
        spec = _sklearn_tree(estimator, None, None, labels, classes, own_classes=True)
        return Forest([spec], "tree_", labels, classes)

    predictors = getattr(estimator, "_predictors", None)
    if name.startswith("HistGradientBoosting") and predictors is not None:
        if getattr(estimator, "_preprocessor", None) is not None:
            raise ModelPrivacyError(
                f"{name} was fitted with categorical features, whose splits are bitsets, not "
                "thresholds. Encode categories numerically and refit with "
                "categorical_features=None to audit the boxes."
            )
        trees = [_hist_tree(p.nodes) for stage in predictors for p in stage]
        notes = []
        if getattr(estimator, "do_early_stopping_", False) and getattr(
            estimator, "validation_fraction", None
        ):
            notes.append(
                "early stopping held out a validation split that cannot be told apart: all "
                "records are routed, so leaf sizes are upper bounds and counts lower bounds"
            )
        return Forest(trees, "_predictors[*][*].nodes", "none", None, float32=False, notes=notes)

    members = _members(estimator)
    if members and all(getattr(m, "tree_", None) is not None for m in members):
        notes = []
        samples: list[np.ndarray] | None = None
        n_train: int | None = None
        if hasattr(type(estimator), "estimators_samples_"):
            n_train = getattr(estimator, "_n_samples", None)
            try:
                samples = [np.unique(np.asarray(s)) for s in estimator.estimators_samples_]
            except Exception as exc:  # pragma: no cover - depends on sklearn internals
                raise DataError(
                    f"the bootstrap samples of {name} could not be regenerated ({exc}); "
                    "pass the exact training data the model was fitted on"
                ) from exc
        elif name.startswith("GradientBoosting") and (
            getattr(estimator, "subsample", 1.0) < 1.0
            or getattr(estimator, "n_iter_no_change", None)
        ):
            notes.append(
                "subsampling or early stopping: the records each tree was fitted on are "
                "unknown, so all are routed; leaf sizes are upper bounds and counts lower "
                "bounds"
            )
        features = getattr(estimator, "estimators_features_", None)
        trees = []
        for i, m in enumerate(members):
            f = None if features is None else np.asarray(features[i], dtype=np.int64)
            s = None if samples is None else samples[i]
            trees.append(_sklearn_tree(m, f, s, labels, classes, own_classes=False))
        if labels == "regressor" and members[0].tree_.value.shape[1] != 1:
            labels = "none"
            trees = [TreeSpec(**{**t.__dict__, "value": None}) for t in trees]
        path = "estimators_[*, *].tree_" if name.startswith("GradientBoosting") else None
        return Forest(
            trees, path or "estimators_[*].tree_", labels, classes, n_train=n_train, notes=notes
        )

    if name in _TREE_MODELS:
        raise NotFittedModelError(f"this {name} is not fitted; fit it before auditing its leaves")
    raise ModelPrivacyError(
        f"{name} holds no decision trees; leaf boxes need a decision tree, a tree ensemble "
        "(random forest, extra trees, bagging of trees, gradient boosting, "
        "HistGradientBoosting) or an isolation forest, alone or as the last step of a Pipeline"
    )
