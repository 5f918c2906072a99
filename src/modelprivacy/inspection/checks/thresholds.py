"""MP-S104 Split thresholds at midpoints of adjacent training values.

A decision tree splits a column halfway between two adjacent training values,
so every threshold locates two values that people in the training data hold.
HistGradientBoosting goes further: for a column with fewer distinct values than
``max_bins`` its bin thresholds are the midpoints of *all* adjacent distinct
values, so the column's whole set of values can be rebuilt from the model
alone (exactly, for integer columns such as age or hours worked).

Without training data the check counts thresholds per column, flags
HistGradientBoosting columns whose every distinct value is located, and names
the columns whose thresholds all lie on the half-integer grid (midpoints of
whole numbers): there a threshold k + 0.5 most likely separates the training
values k and k + 1, so the values can be read off the model. With
training data it computes the midpoints of adjacent distinct training values
per column, matches the stored thresholds against them, and reports how much of
each column can be rebuilt and how many records hold a located value shared by
fewer than ``k`` records.

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

CHECK_ID = "MP-S104"


@register(
    CHECK_ID,
    "Thresholds locate adjacent training values",
    Criterion.SINGLING_OUT,
    "Round or bin the column before fitting, clip extremes, and raise min_samples_leaf so that "
    "splits separate groups rather than individuals.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Match split thresholds against midpoints of adjacent training values."""
    # (group path, input path) -> feature -> list of threshold arrays
    groups: dict[str, dict[int, list[np.ndarray]]] = defaultdict(lambda: defaultdict(list))
    inputs: dict[str, str] = {}
    owners: dict[str, Any] = {}
    for node in ctx.nodes:
        if node.attr == "tree_" and type(node.value).__name__ == "Tree":
            t = node.value
            g = group_path(node.owner_path)
            key = f"{g}.tree_.threshold" if g else "tree_.threshold"
            inputs.setdefault(key, node.owner_path)
            owners.setdefault(key, node.owner)
            split = t.feature >= 0
            feats = t.feature[split]
            thr = t.threshold[split]
            for j in np.unique(feats):
                groups[key][int(j)].append(thr[feats == j])
        elif node.attr == "bin_thresholds_" and isinstance(node.value, list):
            key = node.path
            inputs.setdefault(key, node.owner_path)
            owners.setdefault(key, node.owner)
            n_bins = getattr(node.owner, "max_bins", 255)
            for j, thr in enumerate(node.value):
                if isinstance(thr, np.ndarray) and thr.size:
                    groups[key][j].append(thr.astype(np.float64))
            ctx.cache.setdefault("hgb_max_bins", {})[key] = int(n_bins)
    for key, per_feature in groups.items():
        ctx.claimed[key] = CHECK_ID
        yield from _finding(ctx, key, per_feature, inputs[key], owners[key])


def _finding(
    ctx: Context, key: str, per_feature: dict[int, list[np.ndarray]], owner_path: str, owner: Any
) -> Iterator[Finding]:
    hgb = key.endswith("bin_thresholds_")
    n_thresholds = {j: np.unique(np.concatenate(v)) for j, v in per_feature.items()}
    if ctx.data is None:
        max_bins = ctx.cache.get("hgb_max_bins", {}).get(key, 255)
        full = [j for j, t in n_thresholds.items() if hgb and t.size < max_bins - 1]
        total = sum(t.size for t in n_thresholds.values())
        if hgb and full:
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.LOW,
                confidence=Confidence.MEDIUM,
                path=key,
                estimator=owner,
                description=(
                    f"For {plural(len(full), 'column')} ({_names(full, None)}) the bin thresholds are the "
                    "midpoints of every pair of adjacent distinct training values: the column's full set of "
                    "values can be rebuilt from the model."
                ),
                evidence={"columns_fully_located": len(full), "thresholds": total},
            )
        elif total:
            integer = _integer_columns(n_thresholds)
            rebuilt = ""
            if integer:
                order = sorted(integer, key=lambda j: -integer[j])
                shown = ", ".join(f"{_names([j], None)}: {integer[j]}" for j in order[:5])
                rebuilt = (
                    f" In {plural(len(integer), 'column')} the thresholds lie on the half-integer "
                    "grid, as midpoints of whole numbers: a threshold k + 0.5 most likely separates "
                    "the values k and k + 1 (exactly so when no value lies between them in the "
                    f"tree node). Values suggested: {shown}"
                    + (", ..." if len(order) > 5 else "")
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
                ),
                evidence={
                    "thresholds": total,
                    "thresholds_per_column": {str(j): int(t.size) for j, t in n_thresholds.items()},
                    "whole_number_values_suggested": {str(j): n for j, n in integer.items()},
                },
            )
        return
    X_in = ctx.data.input_for(owner_path)
    m, names = ctx.data.numeric(X_in)
    if m is None:
        return
    located_total = 0
    exposed: list[np.ndarray] = []
    per_col: dict[str, dict[str, float]] = {}
    for j, thr in n_thresholds.items():
        if j >= m.shape[1]:
            continue
        col = m[:, j]
        col = col[~np.isnan(col)]
        if not hgb:
            col = col.astype(np.float32).astype(np.float64)
        distinct, counts = np.unique(col, return_counts=True)
        if distinct.size < 2:
            continue
        mids = distinct[:-1] / 2.0 + distinct[1:] / 2.0
        mids_alt = (distinct[:-1] + distinct[1:]) * 0.5
        hit = np.isin(mids, thr) | np.isin(mids_alt, thr)
        # HistGradientBoosting bins columns with many values at quantiles that are
        # training values themselves
        exact = np.isin(distinct, thr) if hgb else np.zeros(distinct.size, dtype=bool)
        if not hit.any() and not exact.any():
            continue
        located = exact.copy()
        located[:-1] |= hit
        located[1:] |= hit
        located_total += int(located.sum())
        per_col[names[j]] = {
            "distinct_values": int(distinct.size),
            "located_values": int(located.sum()),
            "exact_values": int(exact.sum()),
            "fraction": round(float(located.mean()), 4),
        }
        rare_vals = distinct[located & (counts < ctx.k)]
        if rare_vals.size:
            full_col = m[:, j] if hgb else m[:, j].astype(np.float32).astype(np.float64)
            exposed.append(np.flatnonzero(np.isin(full_col, rare_vals)))
    if not per_col:
        return
    positions = np.unique(np.concatenate(exposed)) if exposed else np.zeros(0, dtype=np.int64)
    top = sorted(per_col.items(), key=lambda kv: -kv[1]["fraction"])[:3]
    top_text = "; ".join(
        f"{c}: {v['located_values']:,} of {v['distinct_values']:,} values" for c, v in top
    )
    yield ctx.finding(
        CHECK_ID,
        severity=Severity.LOW if positions.size else Severity.INFO,
        confidence=Confidence.HIGH,
        path=key,
        estimator=owner,
        description=(
            f"Thresholds locate {plural(located_total, 'distinct training value')} in "
            f"{plural(len(per_col), 'column')} ({top_text}); {plural(positions.size, 'record')} hold a "
            f"located value shared by fewer than {ctx.k} records."
        ),
        positions=positions,
        evidence={"columns": per_col},
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


def _names(cols: list[int], names: list[str] | None) -> str:
    shown = [names[j] if names else f"column {j}" for j in cols[:5]]
    return ", ".join(shown) + (", ..." if len(cols) > 5 else "")
