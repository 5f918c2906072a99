"""MP-S105 People alone or in small groups in tree leaves.

A decision tree grown until its leaves are pure, and every tree of a default
random forest or extra-trees ensemble, isolates single people in leaves. A
leaf's path from the root is a box of feature ranges that contains that person
(the box singles them out), and the leaf's value is their label or target
(inference). Isolation forests isolate unusual people by design. Gradient
boosting and HistGradientBoosting leaves with few samples single people out in
the same way, though their values are not labels.

Without training data the check reads the leaf sizes the trees store (the
number of distinct training records in each leaf) and reports leaves with fewer
than ``k`` records. With training data each record is routed through every
tree it was trained on (bootstrap samples are regenerated from the ensemble's
seeds; HistGradientBoosting trees with numeric splits are routed too), and the
check counts the people who sit alone in at least one leaf, the people in
leaves of fewer than ``k``, and for how many the leaf value recovers their
label or target.

Remedy: refit with ``min_samples_leaf=k`` (or larger), or prune leaves with
fewer than ``k`` samples into their parent.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, register
from modelprivacy.inspection.walker import safe_getattr

CHECK_ID = "MP-S105"
_CHUNK = 32  # trees routed at a time (bounds the memory of leaf indices)
# Ensembles whose member leaves are not the label itself: gradients, path lengths,
# embeddings, or one binary problem per class (not counted as label recovery).
_NO_LABEL_ENSEMBLES = (
    "GradientBoosting",
    "IsolationForest",
    "RandomTreesEmbedding",
    "OneVsRest",
    "OneVsOne",
    "OutputCode",
)


@dataclass
class _TreeRef:
    estimator: Any
    tree: Any
    path: str  # path of the estimator holding tree_
    index: int  # position among the ensemble's members, in the order of estimators_


@register(
    CHECK_ID,
    "People alone or in small groups in tree leaves",
    Criterion.SINGLING_OUT,
    "Refit with min_samples_leaf set to at least k (e.g. min_samples_leaf=10), or prune leaves "
    "with fewer than k samples into their parent.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find leaves with fewer than k training records."""
    groups: dict[str, list[_TreeRef]] = defaultdict(list)
    for node in ctx.nodes:
        if node.attr == "tree_" and type(node.value).__name__ == "Tree":
            key = group_path(node.owner_path)
            groups[key].append(_TreeRef(node.owner, node.value, node.owner_path, len(groups[key])))
    by_path = {n.path: n.value for n in ctx.nodes}
    for key, trees in groups.items():
        ens_path = key[: key.rfind(".estimators_[*]")] if ".estimators_[*]" in key else None
        if key.startswith("estimators_[*]"):
            ens_path = ""
        ensemble = by_path.get(ens_path) if ens_path is not None else None
        ctx.claimed[f"{key}.tree_"] = CHECK_ID
        yield from _trees_finding(ctx, key, trees, ensemble)
    yield from _hist_gradient_boosting(ctx)


def _label_semantics(ensemble: Any) -> bool:
    """Whether leaf values are labels or targets (not gradients or path lengths)."""
    return ensemble is None or not type(ensemble).__name__.startswith(_NO_LABEL_ENSEMBLES)


def _trees_finding(
    ctx: Context, key: str, trees: list[_TreeRef], ensemble: Any
) -> Iterator[Finding]:
    k = ctx.k
    n_leaves = n_small = n_single = 0
    for ref in trees:
        t = ref.tree
        leaf = t.children_left == -1
        size = t.n_node_samples[leaf]
        n_leaves += int(leaf.sum())
        n_small += int((size < k).sum())
        n_single += int((size == 1).sum())
    if n_small == 0:
        return
    owner = ensemble if ensemble is not None else trees[0].estimator
    labels = _label_semantics(ensemble)
    path = f"{key}.tree_" if key else "tree_"
    what = f"{plural(len(trees), 'tree')}" if len(trees) > 1 else "the tree"
    where = f"at least one of {what}" if len(trees) > 1 else "the tree"
    evidence: dict[str, Any] = {
        "trees": len(trees),
        "leaves": n_leaves,
        "leaves_below_k": n_small,
        "leaves_of_one": n_single,
        "k": k,
    }
    if ctx.data is None:
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if n_single else Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=path,
            estimator=owner,
            description=(
                f"{plural(n_small, 'leaf', 'leaves')} of {n_leaves:,} in {what} hold fewer than {k} training "
                f"records; {plural(n_single, 'leaf', 'leaves')} hold exactly one person"
                + (", whose label or target is the leaf's value" if labels else "")
                + ". Give the training data to count the people exposed."
            ),
            evidence=evidence,
        )
        return
    routed = _route(ctx, trees, ensemble)
    if routed is None:
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if n_single else Severity.MEDIUM,
            confidence=Confidence.MEDIUM,
            path=path,
            estimator=owner,
            description=(
                f"{plural(n_small, 'leaf', 'leaves')} of {n_leaves:,} in {what} hold fewer than {k} training "
                f"records ({n_single:,} hold one person); the training data could not be routed through "
                "the trees to name them."
            ),
            evidence=evidence,
        )
        return
    alone_trees, small, recovered = routed
    alone = np.flatnonzero(alone_trees)
    assert ctx.data is not None
    n = ctx.data.n
    evidence.update(
        {
            "records_alone": int(alone.size),
            "records_in_small_leaves": int(small.sum()),
            "label_recovered": int(recovered.sum()),
            "median_trees_alone": float(np.median(alone_trees[alone])) if alone.size else 0.0,
        }
    )
    if alone.size:
        label_text = (
            f"; the leaf value is the label or target of {int(recovered.sum()):,} of them"
            if labels
            else ""
        )
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH,
            confidence=Confidence.HIGH,
            path=path,
            estimator=owner,
            title="People alone in a tree leaf",
            description=(
                f"{alone.size:,} of {n:,} training records sit alone in a leaf of {where}"
                + (
                    f" (median {np.median(alone_trees[alone]):.0f} trees each)"
                    if len(trees) > 1
                    else ""
                )
                + f"{label_text}. The leaf's box of feature ranges singles each of them out."
            ),
            positions=alone,
            evidence=evidence,
        )
    rest = np.flatnonzero(small & ~alone_trees.astype(bool))
    if rest.size:
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=path,
            estimator=owner,
            title="People in small tree leaves",
            description=(
                f"{rest.size:,} further training records share a leaf with fewer than {k} people in {where}."
            ),
            positions=rest,
            evidence=evidence,
        )


def _float32_input(ctx: Context, path: str) -> Any:
    """The input of the tree at ``path`` as float32 (dense, or CSR), cached."""
    data = ctx.data
    assert data is not None
    X_in = data.input_for(path)
    key = f"float32:{id(X_in)}"
    if key not in ctx.cache:
        if sp.issparse(X_in):
            X32 = sp.csr_matrix(X_in, dtype=np.float32)
        else:
            m, _ = data.numeric(X_in)
            X32 = None if m is None else np.ascontiguousarray(m, dtype=np.float32)
        ctx.cache[key] = X32
    return ctx.cache[key]


def _route(
    ctx: Context, trees: list[_TreeRef], ensemble: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Per record: in how many trees alone, whether in a small leaf, whether the label is recovered."""
    data = ctx.data
    assert data is not None
    n = data.n
    samples = _inbag(ensemble, n, len(trees))
    y = data.y
    y_arr = None if y is None else np.asarray(y)
    labels = _label_semantics(ensemble)
    alone_trees = np.zeros(n, dtype=np.int32)
    small = np.zeros(n, dtype=bool)
    recovered = np.zeros(n, dtype=bool)
    inputs = [_float32_input(ctx, ref.path) for ref in trees]
    if any(
        X is None or X.shape[0] != n or X.shape[1] != ref.tree.n_features
        for X, ref in zip(inputs, trees, strict=True)
    ):
        return None
    everyone = np.arange(n)
    k = ctx.k

    def fitted_on(i: int) -> np.ndarray:
        """The distinct records tree ``i`` was fitted on (all, without bootstrap)."""
        if samples is None:
            return everyone
        mask = np.zeros(n, dtype=bool)
        mask[samples[trees[i].index]] = True
        return np.flatnonzero(mask)

    def leaves(i: int) -> tuple[np.ndarray, np.ndarray]:
        # Only the records the tree was fitted on are routed (about 63% of them
        # under bootstrap); Tree.apply releases the GIL.
        idx = fitted_on(i)
        X = inputs[i] if idx is everyone else inputs[i][idx]
        return idx, np.asarray(trees[i].tree.apply(X))

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for start in range(0, len(trees), _CHUNK):
            chunk = range(start, min(start + _CHUNK, len(trees)))
            for i, (idx, leaf_idx) in zip(chunk, pool.map(leaves, chunk), strict=True):
                ref = trees[i]
                counts = np.bincount(leaf_idx, minlength=ref.tree.node_count)
                c = counts[leaf_idx]
                small[idx[c < k]] = True
                alone = c == 1
                one = idx[alone]
                alone_trees[one] += 1
                if labels and y_arr is not None and one.size:
                    holder = ensemble if hasattr(ensemble, "classes_") else ref.estimator
                    recovered[one] |= _recovers(holder, ref.tree, leaf_idx[alone], y_arr[one])
    return alone_trees, small, recovered


def _inbag(ensemble: Any, n: int, n_trees: int) -> list[np.ndarray] | None:
    """The training records each member was fitted on, regenerated from the seeds."""
    if ensemble is None or not hasattr(type(ensemble), "estimators_samples_"):
        return None
    if getattr(ensemble, "_n_samples", n) != n:
        return None
    try:
        samples = list(ensemble.estimators_samples_)
    except Exception:
        return None
    return samples if len(samples) == n_trees else None


def _recovers(estimator: Any, tree: Any, leaves: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Whether each leaf's value equals the true label or target."""
    value = tree.value[leaves, 0, :]
    y0 = y.reshape(len(y), -1)[:, 0]
    classes = getattr(estimator, "classes_", None)
    if tree.max_n_classes > 1 and classes is not None:
        cls = np.asarray(classes[0] if isinstance(classes, list) else classes)
        pred = cls[np.argmax(value, axis=1)]
        try:
            return np.asarray(pred.astype(object) == y0.astype(object), dtype=bool)
        except (TypeError, ValueError):
            return np.zeros(len(y), dtype=bool)
    if y0.dtype.kind not in "biuf":
        return np.zeros(len(y), dtype=bool)
    return np.isclose(value[:, 0], y0.astype(np.float64), rtol=1e-6, atol=1e-9)


def _hist_gradient_boosting(ctx: Context) -> Iterator[Finding]:
    """HistGradientBoosting stores the training count of every leaf; route records to name them."""
    groups: dict[str, list[np.ndarray]] = defaultdict(list)
    owners: dict[str, Any] = {}
    owner_paths: dict[str, str] = {}
    for node in ctx.nodes:
        if (
            node.attr == "nodes"
            and node.holder == "TreePredictor"
            and isinstance(node.value, np.ndarray)
        ):
            key = group_path(node.path)
            groups[key].append(node.value)
            owners[key] = node.owner
            owner_paths[key] = node.owner_path
            ctx.claimed[node.path] = CHECK_ID
    for key, arrays in groups.items():
        n_leaves = n_small = n_single = 0
        for nodes in arrays:
            leaf = nodes["is_leaf"].astype(bool)
            counts = nodes["count"][leaf]
            n_leaves += int(leaf.sum())
            n_small += int((counts < ctx.k).sum())
            n_single += int((counts == 1).sum())
        if n_small == 0:
            continue
        evidence: dict[str, Any] = {
            "trees": len(arrays),
            "leaves": n_leaves,
            "leaves_below_k": n_small,
            "leaves_of_one": n_single,
        }
        routed = (
            _route_hist(ctx, owners[key], owner_paths[key], arrays)
            if ctx.data is not None
            else None
        )
        text = (
            f"{plural(n_small, 'leaf', 'leaves')} of {n_leaves:,} in {plural(len(arrays), 'tree')} hold fewer "
            f"than {ctx.k} training records ({n_single:,} hold one person); each such leaf's box "
            "singles its people out"
        )
        if routed is None:
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.HIGH if n_single else Severity.MEDIUM,
                confidence=Confidence.HIGH,
                path=key,
                estimator=owners[key],
                description=text + ".",
                evidence=evidence,
            )
            continue
        alone, small = routed
        evidence.update(
            {"records_alone": int(alone.size), "records_in_small_leaves": int(small.size)}
        )
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if n_single else Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=key,
            estimator=owners[key],
            description=(
                f"{text}: {plural(small.size, 'training record')} fall into these leaves, "
                f"{alone.size:,} of them alone in a leaf of one."
            ),
            positions=small,
            evidence=evidence,
        )


def _route_hist(
    ctx: Context, owner: Any, owner_path: str, predictors: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray] | None:
    """Route the records through HistGradientBoosting trees with numeric splits.

    Returns the records alone in a leaf of one and the records in leaves of
    fewer than k. A model that held out a validation split (early stopping)
    routes held-out records too: a record counts as alone only when it is the
    one record routed into a leaf of one, so the counts are lower bounds there.
    """
    assert ctx.data is not None
    if safe_getattr(owner, "_preprocessor") is not None:
        return None  # categorical features: splits on bitsets, not thresholds
    m, _ = ctx.data.numeric(ctx.data.input_for(owner_path))
    if m is None or m.shape[0] != ctx.data.n:
        return None
    n = m.shape[0]
    alone = np.zeros(n, dtype=bool)
    small = np.zeros(n, dtype=bool)
    rows = np.arange(n)
    for nodes in predictors:
        if nodes["is_categorical"].any() or nodes["feature_idx"].max(initial=0) >= m.shape[1]:
            return None
        at = np.zeros(n, dtype=np.int64)
        for _ in range(int(nodes["depth"].max(initial=0)) + 1):
            active = ~nodes["is_leaf"][at].astype(bool)
            if not active.any():
                break
            cur = at[active]
            x = m[rows[active], nodes["feature_idx"][cur]]
            left = np.where(
                np.isnan(x),
                nodes["missing_go_to_left"][cur].astype(bool),
                x <= nodes["num_threshold"][cur],
            )
            at[active] = np.where(left, nodes["left"][cur], nodes["right"][cur])
        size = nodes["count"][at]
        routed = np.bincount(at, minlength=len(nodes))[at]
        small |= size < ctx.k
        alone |= (size == 1) & (routed == 1)
    return np.flatnonzero(alone), np.flatnonzero(small)
