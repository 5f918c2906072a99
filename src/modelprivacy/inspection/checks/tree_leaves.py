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

Trees are read through the shared tree representation
(:mod:`modelprivacy.models.trees`), which matches the training data given to
the fit. When it cannot (the data has another row count than the fit saw, or
the bootstrap samples cannot be regenerated), every record given is routed,
a record counts as alone only where the model's stored leaf size is one and
it is the one record routed there, the finding says that the data could not
be matched and why, and its confidence is low.

Remedy: refit with ``min_samples_leaf=k`` (or larger), or prune leaves with
fewer than ``k`` samples into their parent.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import PREFETCH, Context, group_path, plural, register
from modelprivacy.inspection.walker import safe_getattr
from modelprivacy.models.trees import Forest, TreeSpec

CHECK_ID = "MP-S105"
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
    for key, trees, ensemble in _groups(ctx):
        ctx.claimed[f"{key}.tree_"] = CHECK_ID
        yield from _trees_finding(ctx, key, trees, ensemble)
    yield from _hist_gradient_boosting(ctx)
    yield from _library_forests(ctx)


def _by_path(ctx: Context) -> dict[str, Any]:
    """Every walked value by its path, built once per inspection."""
    if "by_path" not in ctx.cache:
        ctx.cache["by_path"] = {n.path: n.value for n in ctx.nodes}
    by_path: dict[str, Any] = ctx.cache["by_path"]
    return by_path


def _groups(ctx: Context) -> list[tuple[str, list[_TreeRef], Any]]:
    """The scikit-learn trees by group (the members of one ensemble), with their ensemble."""
    cached: list[tuple[str, list[_TreeRef], Any]] | None = ctx.cache.get("tree_groups")
    if cached is not None:
        return cached
    groups: dict[str, list[_TreeRef]] = defaultdict(list)
    for node in ctx.nodes:
        if node.attr == "tree_" and type(node.value).__name__ == "Tree":
            key = group_path(node.owner_path)
            groups[key].append(_TreeRef(node.owner, node.value, node.owner_path, len(groups[key])))
    by_path = _by_path(ctx)
    out = []
    for key, trees in groups.items():
        ens_path = key[: key.rfind(".estimators_[*]")] if ".estimators_[*]" in key else None
        if key.startswith("estimators_[*]"):
            ens_path = ""
        out.append((key, trees, by_path.get(ens_path) if ens_path is not None else None))
    ctx.cache["tree_groups"] = out
    return out


def _start_routing(ctx: Context) -> None:
    """Route the training records through the trees on a background thread.

    Routing releases the GIL (scikit-learn's ``Tree.apply``), so it overlaps the
    checks that run before this one. The forests (in-bag samples) and the trees'
    float32 input are built here, on the calling thread; the thread only routes
    and counts, and :func:`_trees_finding` takes its result (or its exception).
    """
    from concurrent.futures import ThreadPoolExecutor

    if ctx.data is None:
        return
    routes: dict[str, Any] = {}
    for key, trees, ensemble in _groups(ctx):
        if _leaf_counts(ctx, key, trees)[1] == 0:  # no small leaf: the check routes nothing
            continue
        parts = _parts(ctx, trees)
        if parts is None:
            continue
        for part in parts:
            _float32_input(ctx, part.path)
        routes[key] = (parts, _label_semantics(ensemble))
    if not routes:
        return
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="modelprivacy-route")
    try:
        ctx.cache["routes"] = {
            key: pool.submit(_route, ctx, parts, labels) for key, (parts, labels) in routes.items()
        }
    finally:
        pool.shutdown(wait=False)


PREFETCH[CHECK_ID] = _start_routing


def _leaf_counts(ctx: Context, key: str, trees: list[_TreeRef]) -> tuple[int, int, int]:
    """Leaves, leaves of fewer than ``k`` records and leaves of one, over the trees of a group.

    From the model's own counts (``n_node_samples``), also without a
    representation; counted once per group (the prefetch and the check ask).
    """
    cache: dict[str, tuple[int, int, int]] = ctx.cache.setdefault("leaf_counts", {})
    if key not in cache:
        k = ctx.k
        n_leaves = n_small = n_single = 0
        ones: dict[int, int] = ctx.cache.setdefault("leaves_of_one", {})
        for ref in trees:
            t = ref.tree
            size = t.n_node_samples[t.children_left == -1]
            n_leaves += int(size.size)
            n_small += int(np.count_nonzero(size < k))
            single = int(np.count_nonzero(size == 1))
            n_single += single
            ones[id(t)] = single  # for the routing's count of pairs (a pass over the nodes)
        cache[key] = (n_leaves, n_small, n_single)
    return cache[key]


def _label_semantics(ensemble: Any) -> bool:
    """Whether leaf values are labels or targets (not gradients or path lengths)."""
    return ensemble is None or not type(ensemble).__name__.startswith(_NO_LABEL_ENSEMBLES)


@dataclass
class _Part:
    """The trees of one group that one tree model holds, with where its input comes from."""

    forest: Forest
    specs: list[TreeSpec]
    path: str


def tree_spec(
    ctx: Context, owner_path: str, owner: Any, tree: Any
) -> tuple[Forest, TreeSpec, str] | None:
    """The shared representation of one scikit-learn tree reached by the walker.

    The tree is looked up in the forest of the tree model that holds it (the
    ensemble above ``owner_path``), so that in-bag samples are those of the
    ensemble; a tree held by anything else is read alone.

    Parameters
    ----------
    ctx : Context
        The inspection context (its forests are built once).
    owner_path : str
        Path of the estimator holding ``tree`` (``estimators_[3]``).
    owner : object
        That estimator.
    tree : sklearn.tree._tree.Tree
        The tree.

    Returns
    -------
    (Forest, TreeSpec, str) or None
        The forest, the tree in it, and the path of the forest's model; None
        when the tree cannot be read.
    """
    by_path = _by_path(ctx)
    index: dict[int, dict[int, TreeSpec]] = ctx.cache.setdefault("tree_specs", {})
    cut = owner_path.rfind("estimators_[")
    if cut >= 0:
        parent = owner_path[: max(cut - 1, 0)]
        holder = by_path.get(parent)
        forest = ctx.forest(holder) if holder is not None else None
        if forest is not None and forest.kind == "sklearn":
            if id(forest) not in index:
                index[id(forest)] = {id(t.source): t for t in forest.trees}
            spec = index[id(forest)].get(id(tree))
            if spec is not None:
                return forest, spec, parent
    forest = ctx.forest(owner)
    if forest is None or forest.kind != "sklearn" or forest.trees[0].source is not tree:
        return None
    if cut >= 0 and forest.classes is not None:
        forest = _parent_labels(forest, by_path.get(owner_path[: max(cut - 1, 0)]))
    return forest, forest.trees[0], owner_path


def _parent_labels(forest: Forest, parent: Any) -> Forest:
    """A member tree fitted on encoded labels (voting, stacking), with the parent's labels.

    Voting and stacking classifiers fit their members on ``le_.transform(y)``:
    a member's classes are the positions ``0..C-1`` of the parent's
    ``classes_``, so its leaves name the parent's labels through them.
    """
    if parent is None or safe_getattr(parent, "le_") is None:
        return forest
    outer = safe_getattr(parent, "classes_")
    own = forest.classes
    if outer is None or own is None:
        return forest
    outer = np.asarray(outer)
    own = np.asarray(own)
    if own.dtype.kind not in "iu" or own.size == 0 or own.min() < 0 or own.max() >= outer.size:
        return forest
    return dataclasses.replace(forest, classes=outer[own])


def _parts(ctx: Context, trees: list[_TreeRef]) -> list[_Part] | None:
    """Group the trees of a group by the tree model holding them."""
    parts: dict[int, _Part] = {}
    for ref in trees:
        found = tree_spec(ctx, ref.path, ref.estimator, ref.tree)
        if found is None:
            return None
        forest, spec, where = found
        part = parts.setdefault(id(forest), _Part(forest, [], where))
        part.specs.append(spec)
    return list(parts.values())


def _trees_finding(
    ctx: Context, key: str, trees: list[_TreeRef], ensemble: Any
) -> Iterator[Finding]:
    k = ctx.k
    parts = _parts(ctx, trees)
    n_leaves, n_small, n_single = _leaf_counts(ctx, key, trees)
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
    started = ctx.cache.get("routes", {}).get(key)
    if started is not None and parts is not None:
        routed = started.result()  # routed on the background thread (_start_routing)
    else:
        routed = None if parts is None else _route(ctx, parts, labels)
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
    assert parts is not None
    alone_mask, small, recovered, pairs = routed
    alone = np.flatnonzero(alone_mask)
    mean_trees = pairs / alone.size if alone.size else 0.0
    assert ctx.data is not None
    n = ctx.data.n
    unmatched = [p.forest for p in parts if not p.forest.matched]
    inexact = [p.forest for p in parts if p.forest.matched and not p.forest.exact]
    confidence = Confidence.LOW if unmatched else Confidence.MEDIUM if inexact else Confidence.HIGH
    caveat = (
        f" The training data given could not be matched to the fit ({unmatched[0].reason}): "
        "a record counts as alone only where the model's stored leaf size is one and it is the "
        "one record routed there, so these counts are estimates."
        if unmatched
        else ""
    )
    evidence.update(
        {
            "records_alone": int(alone.size),
            "records_in_small_leaves": int(small.sum()),
            "label_recovered": int(recovered.sum()),
            "mean_trees_alone": round(float(mean_trees), 2),
            "matched": not unmatched,
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
            confidence=confidence,
            path=path,
            estimator=owner,
            title="People alone in a tree leaf",
            description=(
                f"{alone.size:,} of {n:,} training records sit alone in a leaf of {where}"
                + (f" ({mean_trees:.1f} trees each on average)" if len(trees) > 1 else "")
                + f"{label_text}. The leaf's box of feature ranges singles each of them out."
                + caveat
            ),
            positions=alone,
            evidence=evidence,
        )
    rest = np.flatnonzero(small & ~alone_mask)
    if rest.size:
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.MEDIUM,
            confidence=confidence,
            path=path,
            estimator=owner,
            title="People in small tree leaves",
            description=(
                f"{rest.size:,} further training records share a leaf with fewer than {k} people "
                f"in {where}." + caveat
            ),
            positions=rest,
            evidence=evidence,
        )


def _float32_input(ctx: Context, path: str) -> Any:
    """The input of the trees at ``path`` as float32 (dense, or CSR), cached."""
    data = ctx.data
    assert data is not None
    X_in = data.input_for(path)
    key = f"float32:{id(X_in)}"
    if key not in ctx.cache:
        if sp.issparse(X_in):
            X32 = sp.csr_matrix(X_in, dtype=np.float32)
            X32.sort_indices()
        else:
            m, _ = data.numeric(X_in)
            X32 = None if m is None else np.ascontiguousarray(m, dtype=np.float32)
        ctx.cache[key] = X32
    return ctx.cache[key]


def _class_codes(classes: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Position of each label among ``classes`` (``-1`` when absent)."""
    try:
        order = np.argsort(classes)
        pos = np.clip(np.searchsorted(classes[order], y), 0, len(classes) - 1)
        hit = np.asarray(classes[order][pos] == y, dtype=bool)
        return np.where(hit, order[pos], -1).astype(np.int64)
    except (TypeError, ValueError):
        index = {c: i for i, c in enumerate(classes.tolist())}
        return np.asarray([index.get(v, -1) for v in y.tolist()], dtype=np.int64)


def _route(
    ctx: Context, parts: list[_Part], labels: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int] | None:
    """Route the training records through the trees.

    Returns, per record, whether it is alone in a leaf of at least one tree,
    whether it is in a leaf of fewer than ``k``, whether a leaf it is alone in
    holds its label or target; and the number of (record, tree) pairs in
    which a record is alone.

    Where the records each tree was grown on are known exactly, a record is
    routed only until it is found alone (with its label, when labels are
    checked): further trees cannot change its answers, and most records are
    found in their first few trees. The pairs are then the model's own count
    of leaves of one, since each holds exactly one of those records.
    Otherwise every record goes through every tree, and a record counts as
    alone only where it is the one record routed to a leaf of one.
    """
    data = ctx.data
    assert data is not None
    n = data.n
    k = ctx.k
    y = data.y
    y0: np.ndarray | None = None
    if y is not None:
        y_arr = np.asarray(y)
        y0 = y_arr.reshape(len(y_arr), -1)[:, 0]
    alone = np.zeros(n, dtype=bool)
    small = np.zeros(n, dtype=bool)
    recovered = np.zeros(n, dtype=bool)
    pairs = 0
    for part in parts:
        forest = part.forest
        X = _float32_input(ctx, part.path)
        width = getattr(forest.model, "n_features_in_", None)
        if X is None or X.shape[0] != n or (width is not None and X.shape[1] != width):
            return None
        wanted = {id(s) for s in part.specs}
        codes: np.ndarray | None = None
        if (
            labels
            and y0 is not None
            and forest.labels == "classifier"
            and forest.classes is not None
        ):
            codes = _class_codes(forest.classes, y0)
        numeric_y = (
            y0.astype(np.float64)
            if labels
            and y0 is not None
            and forest.labels == "regressor"
            and y0.dtype.kind in "biuf"
            else None
        )
        # exact: the records routed are the records each tree was grown on
        exact = forest.matched and all(
            t.inbag is not None or int(t.n_node_samples[0]) == n for t in forest.trees
        )
        sub = forest if len(wanted) == forest.n_trees else _subset(forest, part.specs)
        # settled records (alone, with their label where labels are checked) are not
        # routed further; only where each leaf's records are exactly the in-bag ones
        settled = np.zeros(n, dtype=bool) if exact else None
        count = _counter(sub, wanted, exact, codes, numeric_y, k, settled)
        for _, _, out in sub.leaves(X, prepared=True, then=count, skip=settled):
            if out is None:
                continue
            in_small, one, hit = out
            small[in_small] = True
            alone[one] = True
            if not exact:
                pairs += int(one.size)
            if hit is not None:
                recovered[hit] = True
        if exact:
            ones: dict[int, int] = ctx.cache.get("leaves_of_one", {})
            pairs += sum(
                ones[id(s.source)]
                if id(s.source) in ones
                else int(np.count_nonzero(s.n_node_samples[s.is_leaf] == 1))
                for s in part.specs
            )
    return alone, small, recovered, pairs


def _counter(
    sub: Forest,
    wanted: set[int],
    exact: bool,
    codes: np.ndarray | None,
    numeric_y: np.ndarray | None,
    k: int,
    settled: np.ndarray | None = None,
) -> Any:
    """The per-tree count of :func:`_route`, run on the routing threads.

    Records whose answers no further tree can change are marked in
    ``settled`` (when given), which the routing reads as each tree starts.
    """

    def count(i: int, rows: np.ndarray, leaf: np.ndarray) -> tuple[Any, ...] | None:
        """Per tree, on the routing thread: records in small leaves, alone, recovered."""
        spec = sub.trees[i]
        if id(spec) not in wanted:
            return None
        size = spec.n_node_samples[leaf]
        in_small = rows[size < k]
        one_mask = size == 1
        if not exact:  # alone only when the one training record is the one routed there
            one_mask &= np.bincount(leaf, minlength=spec.n_nodes)[leaf] == 1
        one = rows[one_mask]
        hit = None
        checked = False
        if one.size and codes is not None:
            pred = spec.class_at(leaf[one_mask])
            checked = pred is not None
            hit = None if pred is None else one[pred == codes[one]]
        elif one.size and numeric_y is not None and spec.value is not None:
            checked = True
            same = np.isclose(spec.value[leaf[one_mask]], numeric_y[one], rtol=1e-6, atol=1e-9)
            hit = one[same]
        if settled is not None and one.size:
            # alone implies a small leaf (k >= 2); with its label found, nothing is left
            settled[hit if checked and hit is not None else one] = True
        return in_small, one, hit

    return count


def _subset(forest: Forest, specs: list[TreeSpec]) -> Forest:
    """The same forest restricted to some of its trees."""
    from dataclasses import replace

    return replace(forest, trees=list(specs))


def _hist_gradient_boosting(ctx: Context) -> Iterator[Finding]:
    """HistGradientBoosting stores the training count of every leaf; route records to name them."""
    groups: dict[str, list[np.ndarray]] = defaultdict(list)
    owners: dict[str, Any] = {}
    owner_paths: dict[str, str] = {}
    by_path = _by_path(ctx)
    for node in ctx.nodes:
        if (
            node.attr == "nodes"
            and node.holder == "TreePredictor"
            and isinstance(node.value, np.ndarray)
        ):
            key = group_path(node.path)
            groups[key].append(node.value)
            cut = node.path.rfind("_predictors[")
            model_path = node.path[: max(cut - 1, 0)] if cut >= 0 else node.owner_path
            owners[key] = by_path.get(model_path, node.owner) if cut >= 0 else node.owner
            owner_paths[key] = model_path
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
        forest = ctx.forest(owners[key]) if ctx.data is not None else None
        routed = (
            _route_hist(ctx, forest, owner_paths[key])
            if forest is not None and forest.n_trees == len(arrays)
            else None
        )
        text = (
            f"{plural(n_small, 'leaf', 'leaves')} of {n_leaves:,} in {plural(len(arrays), 'tree')} hold fewer "
            f"than {ctx.k} training records ({n_single:,} hold one person); each such leaf's box "
            "singles its people out"
        )
        if routed is None or forest is None:
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
            {
                "records_alone": int(alone.size),
                "records_in_small_leaves": int(small.size),
                "matched": forest.matched,
            }
        )
        caveat = (
            f" The training data given could not be matched to the fit ({forest.reason}): these "
            "counts are estimates."
            if not forest.matched
            else ""
        )
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if n_single else Severity.MEDIUM,
            confidence=Confidence.HIGH if forest.matched else Confidence.LOW,
            path=key,
            estimator=owners[key],
            description=(
                f"{text}: {plural(small.size, 'training record')} fall into these leaves, "
                f"{alone.size:,} of them alone in a leaf of one." + caveat
            ),
            positions=small,
            evidence=evidence,
        )


def _route_hist(
    ctx: Context, forest: Forest, owner_path: str
) -> tuple[np.ndarray, np.ndarray] | None:
    """Route the records through HistGradientBoosting trees with numeric splits.

    Returns the records alone in a leaf of one and the records in leaves of
    fewer than k. A model that held out a validation split (early stopping)
    routes held-out records too: a record counts as alone only when it is the
    one record routed into a leaf of one, so the counts are lower bounds there.
    """
    assert ctx.data is not None
    m, _ = ctx.data.numeric(ctx.data.input_for(owner_path))
    width = getattr(forest.model, "n_features_in_", None)
    if m is None or m.shape[0] != ctx.data.n or (width is not None and m.shape[1] != width):
        return None
    n = m.shape[0]
    alone = np.zeros(n, dtype=bool)
    small = np.zeros(n, dtype=bool)
    for i, rows, leaf in forest.leaves(m, inbag=False):
        spec = forest.trees[i]
        size = spec.n_node_samples[leaf]
        routed = np.bincount(leaf, minlength=spec.n_nodes)[leaf]
        small[rows[size < ctx.k]] = True
        alone[rows[(size == 1) & (routed == 1)]] = True
    return np.flatnonzero(alone), np.flatnonzero(small)


# --------------------------------------------------------------------------- other libraries


def library_tree_models(ctx: Context) -> list[tuple[str, Any, Forest]]:
    """The tree models of other libraries (LightGBM, XGBoost, ...) in the model, outermost first.

    A booster inside a scikit-learn wrapper of the same library is read once,
    through the wrapper.

    Returns
    -------
    list of (path, model, Forest)
        Each model's path, the model, and its forest (matched to the
        training data when given).
    """
    from modelprivacy.models._registry import LIBRARIES
    from modelprivacy.models.trees import is_tree_model

    cached: list[tuple[str, Any, Forest]] | None = ctx.cache.get("library_tree_models")
    if cached is not None:  # several checks ask; the walk does not change
        return list(cached)
    found: list[tuple[str, Any, Forest]] = []
    for node in ctx.nodes:
        value = node.value
        module = str(getattr(type(value), "__module__", ""))
        if isinstance(value, type) or (
            module.split(".", 1)[0] not in LIBRARIES
            and not module.startswith("modelprivacy.models.")  # ONNX graphs, wrappers
        ):
            continue
        if any(p == "" or node.path == p or node.path.startswith(p + ".") for p, _, _ in found):
            continue
        if not is_tree_model(value, registered_only=True):
            continue
        forest = ctx.forest(value)
        if forest is None or forest.kind in ("sklearn", "hist") or not forest.trees:
            continue
        found.append((node.path, value, forest))
    ctx.cache["library_tree_models"] = found
    return list(found)


def _library_forests(ctx: Context) -> Iterator[Finding]:
    """Leaves of few rows in the trees of other libraries, from their stored counts."""
    for path, model, forest in library_tree_models(ctx):
        ctx.claimed[path or "(model)"] = CHECK_ID
        counted = [t for t in forest.trees if t.n_node_samples.size and t.n_node_samples[0] > 0]
        n_leaves = n_small = n_single = 0
        for t in counted:
            size = t.n_node_samples[t.is_leaf]
            size = size[size > 0]  # empty leaves (of oblivious trees) hold no one
            n_leaves += int(size.size)
            n_small += int((size < ctx.k).sum())
            n_single += int((size == 1).sum())
        where = f"{plural(forest.n_trees, 'tree')}" if forest.n_trees > 1 else "the tree"
        key = f"{path}.{forest.path}" if path else forest.path
        evidence: dict[str, Any] = {
            "trees": forest.n_trees,
            "leaves": n_leaves,
            "leaves_below_k": n_small,
            "leaves_of_one": n_single,
            "k": ctx.k,
            "library": forest.kind,
        }
        routed = _route_library(ctx, forest, path) if ctx.data is not None else None
        if routed is None:
            if not counted or n_small == 0:
                continue
            in_what = (
                where
                if len(counted) == forest.n_trees
                else f"the {plural(len(counted), 'tree')} of {forest.n_trees:,} whose row counts "
                "the model stores"
            )
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.HIGH if n_single else Severity.MEDIUM,
                confidence=Confidence.HIGH,
                path=key,
                estimator=model,
                description=(
                    f"{plural(n_small, 'leaf', 'leaves')} of {n_leaves:,} in {in_what} hold fewer "
                    f"than {ctx.k} training records, as the model's own counts say"
                    + (
                        f"; {plural(n_single, 'leaf', 'leaves')} hold exactly one person, whose "
                        "gradient step the leaf value is. "
                        if n_single
                        else ". "
                    )
                    + (
                        "Give the training data to count the people exposed."
                        if ctx.data is None
                        else "The training data could not be routed through the trees to name them."
                    )
                ),
                evidence=evidence,
            )
            continue
        alone, small, recovered = routed
        confidence = (
            Confidence.LOW
            if not forest.matched
            else Confidence.MEDIUM
            if not forest.exact
            else Confidence.HIGH
        )
        caveat = (
            f" The training data given could not be matched to the fit ({forest.reason}): a record "
            "counts as alone only where it is the one record routed to a leaf the model counts "
            "as one, so these counts are estimates."
            if not forest.matched
            else f" {forest.reason[0].upper()}{forest.reason[1:]}."
            if not forest.exact
            else ""
        )
        evidence.update(
            {
                "records_alone": int(alone.size),
                "records_in_small_leaves": int(small.size),
                "matched": forest.matched,
            }
        )
        if recovered is not None:
            evidence["label_recovered"] = int(recovered.size)
        if alone.size:
            label_text = (
                f"; the leaf value gives away the label or target of {recovered.size:,} of them"
                if recovered is not None
                else ""
            )
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.HIGH,
                confidence=confidence,
                path=key,
                estimator=model,
                title="People alone in a tree leaf",
                description=(
                    f"{alone.size:,} of {ctx.data.n if ctx.data else 0:,} training records sit "
                    f"alone in a leaf of at least one of {where}{label_text}. The leaf's box of "
                    "feature ranges singles each of them out." + caveat
                ),
                positions=alone,
                evidence=evidence,
            )
        rest = np.setdiff1d(small, alone)
        if rest.size:
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.MEDIUM,
                confidence=confidence,
                path=key,
                estimator=model,
                title="People in small tree leaves",
                description=(
                    f"{rest.size:,} {'further ' if alone.size else ''}training records share a "
                    f"leaf with fewer than {ctx.k} people in at least one of {where}." + caveat
                ),
                positions=rest,
                evidence=evidence,
            )


def _route_library(
    ctx: Context, forest: Forest, path: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None] | None:
    """Route the records through another library's trees; None when they cannot be.

    Every record goes through every tree (boosting fits each tree on all rows,
    or on a sample that cannot be regenerated). A record is alone where it is
    the one record routed to a leaf and the model's own count of that leaf,
    when it stores one, is one; in small leaves where fewer than k records
    fall (or the model counts fewer than k). Where the adapter knows what a
    leaf of one says of its row's label (the sign of a binary model's
    gradient step), the labels recovered are counted.
    """
    data = ctx.data
    assert data is not None
    X_in = data.input_for(path)
    if forest.raw_input and hasattr(X_in, "shape") and len(X_in.shape) == 2:
        m = X_in  # the adapter's prepare reads category columns itself
    else:
        m, _ = data.numeric(X_in)
    width = getattr(forest.model, "n_features_in_", None)
    for name in ("num_feature", "num_features"):  # LightGBM's and XGBoost's boosters
        if width is None and callable(getattr(forest.model, name, None)):
            width = int(getattr(forest.model, name)())
    if m is None or m.shape[0] != data.n or (isinstance(width, int) and m.shape[1] != width):
        return None
    n = m.shape[0]
    alone = np.zeros(n, dtype=bool)
    small = np.zeros(n, dtype=bool)
    recovered = np.zeros(n, dtype=bool) if forest.leaf_label is not None else None
    y = None if data.y is None else np.asarray(data.y).reshape(n, -1)[:, 0]
    for i, rows, leaf in forest.leaves(m, inbag=False):
        spec = forest.trees[i]
        routed = np.bincount(leaf, minlength=spec.n_nodes)[leaf]
        stored = spec.n_node_samples[leaf]
        known = bool(spec.n_node_samples.size and spec.n_node_samples[0] > 0)
        size = stored if known else routed
        small[rows[(size < ctx.k) | (routed < ctx.k)]] = True
        one = (routed == 1) & ((stored == 1) if known else True)
        alone[rows[one]] = True
        if recovered is not None and y is not None and one.any():
            assert forest.leaf_label is not None
            said = forest.leaf_label(i, leaf[one])
            if said is not None:
                truth = y[rows[one]]
                if np.asarray(said).dtype.kind == "f" and truth.dtype.kind in "biuf":
                    # a target rebuilt from the leaf (a regressor's step), to float precision
                    hit = np.isclose(said, truth.astype(np.float64), rtol=1e-6, atol=1e-9)
                else:
                    hit = np.asarray(said == truth, dtype=bool)
                recovered[rows[one][hit]] = True
    return (
        np.flatnonzero(alone),
        np.flatnonzero(small),
        None if recovered is None or y is None else np.flatnonzero(recovered),
    )
