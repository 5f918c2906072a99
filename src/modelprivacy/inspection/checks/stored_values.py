"""MP-S103 Single training values stored verbatim.

Many preprocessing steps keep single people's exact values: MinMaxScaler and
MaxAbsScaler keep each column's extremes, KBinsDiscretizer and SplineTransformer
keep them as the outer bin edges and knots, QuantileTransformer keeps values at
quantiles (every value of every column when ``n_quantiles`` is at least the
number of records), RobustScaler and SimpleImputer keep medians, encoders keep
numeric categories, KD-trees keep the extremes of every node, isotonic
regression keeps its input steps. The most extreme people are the most exposed:
the oldest person's age, the highest income.

A stored value exposes the people who hold it when fewer than ``k`` training
records share it. With training data every float stored anywhere in the model
(not only in known attributes) is looked up among the values of the data the
estimator saw; the records holding a rare matched value are counted. A model
that stores most of a column's distinct values is rated high.

Remedy: clip extremes at robust percentiles before fitting (or use
StandardScaler/RobustScaler on clipped data), use fewer quantiles, and group
rare categories (``min_frequency``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, redact, register
from modelprivacy.inspection.checks._matching import (
    ValueMatch,
    is_candidate,
    match_values,
    without_small_integers,
)
from modelprivacy.inspection.knowledge import STORED_VALUES, lookup

CHECK_ID = "MP-S103"


@dataclass
class _Group:
    owner: Any
    known: str | None
    example: str
    values: int = 0
    matching: int = 0
    rare: int = 0
    unique: int = 0
    coverage: float = 0.0
    columns: set[str] = field(default_factory=set)
    positions: list[np.ndarray] = field(default_factory=list)


@register(
    CHECK_ID,
    "Single training values stored verbatim",
    Criterion.SINGLING_OUT,
    "Clip extreme values at robust percentiles before fitting, use fewer quantiles, and group "
    "rare categories (min_frequency) so that no stored value belongs to fewer than k people.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find stored single values of training columns."""
    groups: dict[str, _Group] = {}
    every: set[str] = set()
    for node, arr in ctx.arrays():
        if node.path in ctx.claimed or not is_candidate(node, arr):
            continue
        known = lookup(STORED_VALUES, node.owner, node.attr, node.holder)
        if node.attr == "categories_":
            known = "the numeric categories of each column"
        key = group_path(node.path)
        if _stores_every_value(node.owner, node.attr):
            every.add(key)
        if ctx.data is None:
            if known is None and key not in every:
                continue
            vm = None
        else:
            values = arr if known is not None else without_small_integers(arr)
            vm = _best_match(ctx, node.owner_path, values)
            if vm is None or (vm.rare_values == 0 and known is None):
                continue  # a coincidence of common values is no evidence
        ctx.claimed[node.path] = CHECK_ID
        example = f"{key} = [{redact(arr.reshape(-1)[0], ctx.show_values)}, ...]"
        g = groups.setdefault(key, _Group(node.owner, known, example))
        g.values += int(arr.size)
        if vm is not None:
            g.matching += vm.n_values
            g.rare += vm.rare_values
            g.unique += vm.unique_values
            g.coverage = max(g.coverage, vm.coverage)
            g.columns.update(vm.columns)
            g.positions.append(vm.positions)
    for key, g in groups.items():
        yield _finding(ctx, key, g, key in every)


def _finding(ctx: Context, key: str, g: _Group, every: bool) -> Finding:
    cls = type(g.owner).__name__
    if every:
        what = (
            "every training value of every column (n_quantiles is at least the number of records)"
        )
    else:
        what = g.known or "training values"
    if ctx.data is None:
        return ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if every else Severity.LOW,
            confidence=Confidence.MEDIUM,
            path=key,
            estimator=g.owner,
            description=(
                f"{cls} stores {what} ({plural(g.values, 'value')}); each is a training person's exact value "
                f"unless at least {ctx.k} people share it. Give the training data to count who is exposed."
            ),
            example=g.example,
            evidence={"values": g.values, "confirmed": False},
        )
    positions = (
        np.unique(np.concatenate(g.positions)) if g.positions else np.zeros(0, dtype=np.int64)
    )
    if g.rare == 0:
        return ctx.finding(
            CHECK_ID,
            severity=Severity.INFO,
            confidence=Confidence.HIGH,
            path=key,
            estimator=g.owner,
            description=(
                f"{cls} stores {what}; each of the {plural(g.matching, 'matching value')} is shared by at "
                f"least {ctx.k} training records, so none singles anyone out."
            ),
            positions=[],
            evidence={"matching_values": g.matching, "rare_values": 0},
        )
    if every or (g.coverage >= 0.5 and g.rare >= ctx.k):
        severity = Severity.HIGH
    elif g.unique:
        severity = Severity.MEDIUM
    else:
        severity = Severity.LOW
    cols = sorted(g.columns)
    shown = ", ".join(cols[:5]) + (", ..." if len(cols) > 5 else "")
    return ctx.finding(
        CHECK_ID,
        severity=severity,
        confidence=Confidence.HIGH,
        path=key,
        estimator=g.owner,
        description=(
            f"{cls} stores {what}: {plural(g.rare, 'stored value')} ({g.unique:,} held by a single record) "
            f"belong to fewer than {ctx.k} training records, exposing {plural(positions.size, 'record')} "
            f"(columns: {shown}); up to {g.coverage:.0%} of one column's distinct values are stored."
        ),
        positions=positions,
        example=g.example,
        evidence={
            "matching_values": g.matching,
            "rare_values": g.rare,
            "unique_values": g.unique,
            "column_coverage": round(g.coverage, 4),
            "columns": cols,
        },
    )


def _stores_every_value(owner: object, attr: str) -> bool:
    """QuantileTransformer keeps every value when it has as many quantiles as records."""
    if attr != "quantiles_" or type(owner).__name__ != "QuantileTransformer":
        return False
    n_q = getattr(owner, "n_quantiles_", None)
    asked = getattr(owner, "n_quantiles", None)
    return bool(isinstance(n_q, (int, np.integer)) and isinstance(asked, int) and n_q < asked)


def _best_match(ctx: Context, owner_path: str, arr: np.ndarray) -> ValueMatch | None:
    """Match against the owner's input, then the raw data; float32 for float32 arrays."""
    assert ctx.data is not None
    best: ValueMatch | None = None
    for X in ctx.data.inputs_to_match(owner_path):
        for f32 in sorted({arr.dtype == np.float32, False}, reverse=True):
            vm = match_values(ctx, ctx.data.values(X, float32=bool(f32)), arr)
            if vm is not None and (
                best is None or (vm.rare_values, vm.n_values) > (best.rare_values, best.n_values)
            ):
                best = vm
    return best
