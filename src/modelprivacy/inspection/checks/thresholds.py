"""MP-S104 Split thresholds at midpoints of adjacent training values.

A decision tree splits a column halfway between two adjacent training values,
so every threshold locates two values that people in the training data hold.
HistGradientBoosting goes further: for a column with fewer distinct values than
``max_bins`` its bin thresholds are the midpoints of *all* adjacent distinct
values, so the column's whole set of values can be rebuilt from the model
alone (exactly, for integer columns such as age or hours worked).

Without training data the check counts thresholds per column, names the
HistGradientBoosting columns whose every distinct value is located (rated
medium when such a column has three values or more: the rare values of single
people are among them), and names the columns whose thresholds all lie on the
half-integer grid (midpoints of whole numbers): there a threshold k + 0.5 most
likely separates the training values k and k + 1, so the values can be read
off the model. Columns are named by the names stored in the model
(``feature_names_in_``, and the output names of the pipeline steps before the
estimator); no value is printed. With training data it computes the midpoints
of adjacent distinct training values per column, matches the stored
thresholds against them (CatBoost's float32 borders as the float32 rounding of the
midpoint, within one ulp), and reports how much of each column can be rebuilt
and how many records hold a located value shared by fewer than ``k`` records.
For HistGradientBoosting these are rated as stored values are (MP-S103):
medium when some located values belong to fewer than ``k`` people, high when a
column is mostly rebuilt and at least ``k`` such values are located. Tree
thresholds locate single values, not whole columns, and are rated low.

Tree thresholds are read through the shared tree representation
(:mod:`modelprivacy.models.trees`), built once per model and shared with
MP-S105.

Thresholds on columns of category codes made inside the model (after an
OrdinalEncoder or OneHotEncoder, and HistGradientBoosting's categorical
features) locate categories, not values, and are left out; rare categories
are counted by MP-S106.

Remedy: bin or round the column before fitting (e.g. ages in 5-year bands),
clip extremes, and raise ``min_samples_leaf`` so that splits separate groups,
not individuals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import numpy as np

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, register
from modelprivacy.inspection.checks.tree_leaves import library_tree_models, tree_spec
from modelprivacy.inspection.columns import CODE
from modelprivacy.inspection.walker import safe_getattr
from modelprivacy.models.trees import split_thresholds

CHECK_ID = "MP-S104"
# thresholds held before they are merged into the distinct ones: at least this many (64 MiB
# of features and thresholds, less than a quarter of the trees holding them), and at least
# twice the distinct ones so far (bounded memory, each threshold sorted at most about twice)
_MERGE = 4_000_000


@register(
    CHECK_ID,
    "Thresholds locate adjacent training values",
    Criterion.SINGLING_OUT,
    "Round or bin the column before fitting, clip extremes, and raise min_samples_leaf so that "
    "splits separate groups rather than individuals.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Match split thresholds against midpoints of adjacent training values."""
    # group path -> feature -> list of threshold arrays
    groups: dict[str, dict[int, list[np.ndarray]]] = defaultdict(lambda: defaultdict(list))
    inputs: dict[str, str] = {}
    owners: dict[str, Any] = {}
    skipped: dict[str, set[int]] = defaultdict(set)
    # scikit-learn trees, read through the shared representation: group key -> features, thresholds
    tree_splits: dict[str, tuple[list[np.ndarray], list[np.ndarray]]] = defaultdict(
        lambda: ([], [])
    )
    pending: dict[str, int] = defaultdict(int)  # thresholds held, per group
    distinct: dict[str, int] = defaultdict(int)  # of which distinct (after the last merge)
    for node in ctx.nodes:
        if node.attr == "tree_" and type(node.value).__name__ == "Tree":
            g = group_path(node.owner_path)
            key = f"{g}.tree_.threshold" if g else "tree_.threshold"
            inputs.setdefault(key, node.owner_path)
            owners.setdefault(key, node.owner)
            found = tree_spec(ctx, node.owner_path, node.owner, node.value)
            feats_list, thr_list = tree_splits[key]
            if found is None:
                t = node.value
                split = t.feature >= 0
                feats_list.append(np.asarray(t.feature[split], dtype=np.int64))
                thr_list.append(np.asarray(t.threshold[split], dtype=np.float64))
                continue
            spec = found[1]
            # thresholds on the tree's own columns (a bagging member sees a subset); every
            # node, as stored: leaves hold feature -2 in scikit-learn, which split_thresholds
            # drops once for all trees (a mask per tree costs more than the whole merge)
            feats_list.append(spec.feature)
            thr_list.append(spec.threshold)
            pending[key] += (spec.n_nodes - 1) // 2  # splits: the tree is a full binary one
            if pending[key] >= max(_MERGE, 2 * distinct[key]):  # bounded memory
                merged = split_thresholds(feats_list, thr_list)
                feats_list[:] = [np.full(v.size, j, dtype=np.int64) for j, v in merged.items()]
                thr_list[:] = list(merged.values())
                distinct[key] = pending[key] = sum(v.size for v in merged.values())
        elif node.attr == "bin_thresholds_" and isinstance(node.value, list):
            key = node.path
            inputs.setdefault(key, node.owner_path)
            owners.setdefault(key, node.owner)
            categorical = safe_getattr(node.owner, "is_categorical_")
            if categorical is None:
                categorical = safe_getattr(node.owner, "is_categorical")
            for j, thr in enumerate(node.value):
                if (
                    isinstance(categorical, np.ndarray)
                    and j < categorical.size
                    and bool(categorical[j])
                ):
                    skipped[key].add(j)
                    continue  # the categories' own codes 0..n-1, not values
                if isinstance(thr, np.ndarray) and thr.size:
                    groups[key][j].append(thr.astype(np.float64))
            n_bins = safe_getattr(node.owner, "n_bins")  # max_bins + 1 (the missing bin)
            ebm_max_bins = safe_getattr(node.owner, "max_bins")  # interpret's EBMs
            if n_bins is None and isinstance(ebm_max_bins, int):
                n_bins = ebm_max_bins + 1
            max_bins = int(n_bins) - 1 if isinstance(n_bins, (int, np.integer)) else 255
            ctx.cache.setdefault("hgb_max_bins", {})[key] = max_bins
            n_values = safe_getattr(node.owner, "n_bins_non_missing_")
            if n_values is None:  # EBMs: distinct values (one cut fewer: every pair is cut)
                n_values = safe_getattr(node.owner, "unique_val_counts_")
            if isinstance(n_values, np.ndarray) and n_values.size == len(node.value):
                ctx.cache.setdefault("hgb_n_bins", {})[key] = n_values
    for key, (feats_list, thr_list) in tree_splits.items():
        for j, thr in split_thresholds(feats_list, thr_list).items():
            groups[key][j].append(thr)
    # other libraries' trees (LightGBM, XGBoost), read through the shared representation
    for path, model, forest in library_tree_models(ctx):
        key = f"{path}.{forest.path}.threshold" if path else f"{forest.path}.threshold"
        inputs.setdefault(key, path)
        owners.setdefault(key, model)
        ctx.cache.setdefault("threshold_library", {})[key] = forest.kind
        for j, thr in forest.split_thresholds().items():
            thr = thr[np.isfinite(thr)]  # categorical splits have none
            if thr.size:
                groups[key][j].append(thr)
    for key, per_feature in groups.items():
        ctx.claimed[key] = CHECK_ID
        owner_path = inputs[key]
        cols = ctx.columns(owner_path)
        # thresholds on the codes of an encoder inside the model locate categories, not values
        # (rare categories are counted by MP-S106)
        codes = {
            j for j in per_feature if cols is not None and j < len(cols) and cols[j].kind == CODE
        }
        kept = {j: v for j, v in per_feature.items() if j not in codes}
        if kept:
            yield from _finding(ctx, key, kept, owner_path, owners[key], len(codes | skipped[key]))


def _finding(
    ctx: Context,
    key: str,
    per_feature: dict[int, list[np.ndarray]],
    owner_path: str,
    owner: Any,
    n_codes: int,
) -> Iterator[Finding]:
    library = ctx.cache.get("threshold_library", {}).get(key)
    # thresholds that are training values themselves: HistGradientBoosting's bin thresholds,
    # XGBoost's split conditions (hist)
    hgb = key.endswith("bin_thresholds_") or library == "xgboost"
    n_thresholds = {j: _distinct(v) for j, v in per_feature.items()}
    X_in = None
    if ctx.data is not None:
        # a booster with categorical features bins its preprocessor's output, whose columns
        # are in another order: use that input or none
        X_in = (
            ctx.data.inputs.get(owner_path)
            if key.endswith("bin_thresholds_")
            else ctx.data.input_for(owner_path)
        )
    if X_in is None:
        yield from _model_only(
            ctx, key, n_thresholds, owner_path, owner, key.endswith("bin_thresholds_"), n_codes
        )
        return
    assert ctx.data is not None
    m, data_names = ctx.data.numeric(X_in)
    if m is None:
        return
    names = ctx.column_names(owner_path, m.shape[1]) or data_names
    located_total = 0
    rare_total = 0
    single_total = 0
    exposed: list[np.ndarray] = []
    per_col: dict[str, dict[str, float]] = {}
    for j, thr in n_thresholds.items():
        if j >= m.shape[1]:
            continue
        col = m[:, j]
        col = col[~np.isnan(col)]
        as_float32 = library != "lightgbm" and not key.endswith("bin_thresholds_")
        if as_float32:
            col = col.astype(np.float32).astype(np.float64)  # the trees compare float32
        distinct, counts = np.unique(col, return_counts=True)
        if distinct.size < 2:
            continue
        mids = distinct[:-1] / 2.0 + distinct[1:] / 2.0
        mids_alt = (distinct[:-1] + distinct[1:]) * 0.5
        if library == "xgboost":  # float32 conditions, written to JSON in their shortest form
            thr32 = thr.astype(np.float32)
            hit = np.isin(mids.astype(np.float32), thr32)
            exact = np.isin(distinct.astype(np.float32), thr32)
        elif library in ("catboost", "onnx"):  # float32: the midpoint rounded to float32, 1 ulp
            thr32 = thr.astype(np.float32)
            m32 = mids.astype(np.float32)
            hit = np.isin(m32, thr32)
            for way in (np.inf, -np.inf):
                hit |= np.isin(np.nextafter(m32, np.float32(way)), thr32)
            # an ONNX export keeps what the library stored: XGBoost's hist conditions are
            # training values themselves
            exact = (
                np.isin(distinct.astype(np.float32), thr32)
                if library == "onnx"
                else np.zeros(distinct.size, dtype=bool)
            )
        else:
            hit = np.isin(mids, thr) | np.isin(mids_alt, thr)
            if library == "lightgbm":  # LightGBM stores the double just above the midpoint
                hit |= np.isin(np.nextafter(mids, np.inf), thr)
            # HistGradientBoosting bins columns with many values at quantiles that are
            # training values themselves
            exact = np.isin(distinct, thr) if hgb else np.zeros(distinct.size, dtype=bool)
        if not hit.any() and not exact.any():
            continue
        located = exact.copy()
        located[:-1] |= hit
        located[1:] |= hit
        located_total += int(located.sum())
        rare = located & (counts < ctx.k)
        rare_total += int(rare.sum())
        single_total += int((located & (counts == 1)).sum())
        per_col[names[j]] = {
            "distinct_values": int(distinct.size),
            "located_values": int(located.sum()),
            "exact_values": int(exact.sum()),
            "rare_values": int(rare.sum()),
            "fraction": round(float(located.mean()), 4),
        }
        rare_vals = distinct[rare]
        if rare_vals.size:
            full_col = m[:, j].astype(np.float32).astype(np.float64) if as_float32 else m[:, j]
            exposed.append(np.flatnonzero(np.isin(full_col, rare_vals)))
    if not per_col:
        return
    positions = np.unique(np.concatenate(exposed)) if exposed else np.zeros(0, dtype=np.int64)
    top = sorted(per_col.items(), key=lambda kv: -kv[1]["fraction"])[:3]
    top_text = "; ".join(
        f"{c}: {v['located_values']:,} of {v['distinct_values']:,} values" for c, v in top
    )
    coverage = max(v["fraction"] for v in per_col.values())
    if not positions.size:
        severity = Severity.INFO
    elif not hgb:
        severity = Severity.LOW
    elif coverage >= 0.5 and rare_total >= ctx.k:
        # as for stored values (MP-S103): most of a column rebuilt, many rare values in it
        severity = Severity.HIGH
    else:
        severity = Severity.MEDIUM
    rebuilt = (
        " The bin thresholds are the midpoints of every pair of adjacent distinct values, so "
        "from one known value (for whole numbers, from the thresholds alone) the located values "
        "are rebuilt exactly."
        if hgb and positions.size
        else ""
    )
    yield ctx.finding(
        CHECK_ID,
        severity=severity,
        confidence=Confidence.HIGH,
        path=key,
        estimator=owner,
        description=(
            f"Thresholds locate {plural(located_total, 'distinct training value')} in "
            f"{plural(len(per_col), 'column')} ({top_text}); "
            f"{plural(rare_total, 'located value')} ({single_total:,} held by a single record) "
            f"belong to fewer than {ctx.k} records, exposing {plural(positions.size, 'record')}."
            + rebuilt
            + _codes_note(n_codes)
        ),
        positions=positions,
        evidence={
            "columns": per_col,
            "rare_values": rare_total,
            "unique_values": single_total,
            "column_coverage": round(coverage, 4),
            "code_columns_skipped": n_codes,
        },
    )


def _distinct(pieces: list[np.ndarray]) -> np.ndarray:
    """The sorted distinct values of some arrays (one that already is, as it is)."""
    if len(pieces) == 1:
        v = pieces[0]
        if v.ndim == 1 and v.dtype == np.float64 and bool(np.all(v[1:] > v[:-1])):
            return v
    return np.unique(np.concatenate(pieces))


def _codes_note(n_codes: int) -> str:
    if not n_codes:
        return ""
    return (
        f" Thresholds on {plural(n_codes, 'column')} of category codes made inside the model are "
        "not training values and were left out (rare categories are counted by MP-S106)."
    )


def _model_only(
    ctx: Context,
    key: str,
    n_thresholds: dict[int, np.ndarray],
    owner_path: str,
    owner: Any,
    hgb: bool,
    n_codes: int,
) -> Iterator[Finding]:
    width = max(n_thresholds) + 1 if n_thresholds else 0
    cols = ctx.columns(owner_path)
    names = [c.name for c in cols] if cols is not None and len(cols) >= width else None
    max_bins = ctx.cache.get("hgb_max_bins", {}).get(key, 255)
    n_bins = ctx.cache.get("hgb_n_bins", {}).get(key)
    # every value is located when a column has fewer distinct values than bins, and its
    # thresholds were not thinned out afterwards (a sanitized model keeps only split points)
    full = sorted(
        j
        for j, t in n_thresholds.items()
        if hgb and t.size < max_bins - 1 and (n_bins is None or t.size == int(n_bins[j]) - 1)
    )
    total = sum(t.size for t in n_thresholds.values())
    if hgb and full:
        # a column of two values (one threshold) tells little; three or more rebuild a range
        many = [j for j in full if n_thresholds[j].size >= 2]
        values = {_name(j, names): int(n_thresholds[j].size) + 1 for j in full}
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.MEDIUM if many else Severity.LOW,
            confidence=Confidence.MEDIUM,
            path=key,
            estimator=owner,
            description=(
                f"{plural(len(full), 'column')} of {len(n_thresholds):,} can be rebuilt in full "
                f"({_names(full, names)}): their bin thresholds are the midpoints of every pair of "
                "adjacent distinct training values, so one known value of such a column (for whole "
                "numbers, the thresholds alone) gives all of its distinct values, the rare values of "
                f"single people included ({sum(values.values()):,} values in all). Give the training "
                f"data to count the people who hold values shared by fewer than {ctx.k}."
                + _codes_note(n_codes)
            ),
            evidence={
                "columns_fully_located": len(full),
                "columns": len(n_thresholds),
                "distinct_values_rebuilt": values,
                "thresholds": total,
                "code_columns_skipped": n_codes,
            },
        )
    elif total:
        integer = _integer_columns(n_thresholds)
        rebuilt = ""
        if integer:
            order = sorted(integer, key=lambda j: -integer[j])
            shown = ", ".join(
                f"{_name(j, names)} ({plural(integer[j], 'value')})" for j in order[:5]
            )
            rebuilt = (
                f" In {plural(len(integer), 'column')} the thresholds lie on the half-integer "
                "grid, as midpoints of whole numbers: a threshold k + 0.5 most likely separates "
                "the values k and k + 1 (exactly so when no value lies between them in the "
                f"tree node). Whole numbers suggested: {shown}"
                + (f" and {plural(len(order) - 5, 'more column')}" if len(order) > 5 else "")
                + "."
            )
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.INFO,
            confidence=Confidence.MEDIUM,
            path=key,
            estimator=owner,
            description=(
                f"{plural(total, 'distinct threshold')} over {plural(len(n_thresholds), 'column')}; each "
                "lies halfway between two adjacent training values."
                + rebuilt
                + " Give the training data to count how much of each column can be rebuilt."
                + _codes_note(n_codes)
            ),
            evidence={
                "thresholds": total,
                "thresholds_per_column": {
                    _name(j, names): int(t.size) for j, t in n_thresholds.items()
                },
                "whole_number_values_suggested": {_name(j, names): n for j, n in integer.items()},
                "code_columns_skipped": n_codes,
            },
        )


def _integer_columns(thresholds: dict[int, np.ndarray]) -> dict[int, int]:
    """Columns whose thresholds all lie on the half-integer grid, as between whole numbers.

    Returns ``{column: values}``: how many whole numbers the half-integer
    thresholds suggest (each ``k + 0.5`` most likely lies between the values ``k``
    and ``k + 1``; a node may skip values, so some suggestions are wrong).
    """
    out: dict[int, int] = {}
    for j, t in sorted(thresholds.items()):
        t = t[np.isfinite(t)]
        twice = 2.0 * t
        if not t.size or not np.allclose(twice, np.round(twice), atol=1e-9):
            continue
        half = t[~np.isclose(t, np.round(t), atol=1e-9)]
        if half.size:
            out[j] = int(np.unique(np.r_[half - 0.5, half + 0.5]).size)
    return out


def _name(j: int, names: list[str] | None) -> str:
    return names[j] if names is not None and j < len(names) else f"x{j}"


def _names(cols: list[int], names: list[str] | None) -> str:
    shown = [_name(j, names) for j in cols[:5]]
    return ", ".join(shown) + (", ..." if len(cols) > 5 else "")
