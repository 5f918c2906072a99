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

A value is matched only against the column it belongs to, followed through
the pipeline: entry ``j`` of a per-column attribute (``data_max_[j]``,
``categories_[j]``) against column ``j`` of its estimator's input, and in the
raw data only against the raw column that reaches the estimator unchanged
(ColumnTransformer selections, passthrough, imputers). Codes made by an
encoder inside the model (ordinal codes, one-hot indicators, bin numbers, a
HistGradientBoosting model's categories after an OrdinalEncoder) are not
training values and are never matched: rare categories are counted, once, at
the encoder that saw the raw strings (MP-S106).

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
from modelprivacy.inspection.columns import CODE, VALUE, Column, column_of_entry
from modelprivacy.inspection.knowledge import STORED_VALUES, lookup
from modelprivacy.inspection.walker import Node

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
        cols = ctx.columns(node.owner_path)
        if _only_codes(cols, node):
            continue  # codes made by an encoder inside the model are not training values
        key = group_path(node.path)
        if _stores_every_value(node.owner, node.attr):
            every.add(key)
        if ctx.data is None:
            if known is None and key not in every:
                continue
            vm = None
        else:
            values = arr if known is not None else without_small_integers(arr)
            vm = _best_match(ctx, node, values, cols)
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


def _only_codes(cols: tuple[Column, ...] | None, node: Node) -> bool:
    """Whether the node's values all belong to columns of encoder codes in the owner's input."""
    if not cols:
        return False
    j = column_of_entry(node.path, node.attr)
    if j is not None:
        return j < len(cols) and cols[j].kind == CODE
    return all(c.kind == CODE for c in cols)


def _plan(
    ctx: Context,
    X: Any,
    own: bool,
    cols: tuple[Column, ...] | None,
    node: Node,
    values: np.ndarray,
) -> dict[str, Any] | None:
    """Which columns of the input ``X`` the node's values may be matched against.

    Returns keyword arguments for :func:`match_values` (empty: match anywhere,
    as for a model whose structure is unknown), or None when no column of
    ``X`` can hold them (they belong to encoder codes, or to columns that do not
    come from ``X`` unchanged).
    """
    assert ctx.data is not None
    index = ctx.data.values(X)
    if cols is None or index is None:
        return {}
    positions = ctx.data.positions(X)
    if own:
        if len(positions) and max(positions) >= len(cols):
            return {}  # the data does not have the model's shape: match as before

        def target(p: int) -> int | None:
            if p >= len(cols) or cols[p].kind == CODE or p not in positions:
                return None
            return positions.index(p)

    else:
        raw = {name: i for i, name in enumerate(index.names)}

        def target(p: int) -> int | None:
            c = cols[p] if p < len(cols) else None
            if c is None or c.kind != VALUE or c.source is None:
                return None
            return raw.get(c.source)

    j = column_of_entry(node.path, node.attr)
    if j is not None:
        t = target(j)
        return None if t is None else {"column": t}
    if values.ndim >= 1 and values.shape[-1] == len(cols) and len(cols) > 1:
        cmap = [target(p) for p in range(len(cols))]
        return {"column_map": cmap} if any(c is not None for c in cmap) else None
    allowed = sorted({t for p in range(len(cols)) if (t := target(p)) is not None})
    return {"allowed": allowed} if allowed else None


def _best_match(
    ctx: Context, node: Node, arr: np.ndarray, cols: tuple[Column, ...] | None
) -> ValueMatch | None:
    """Match against the owner's input, then the raw data; float32 for float32 arrays.

    Values are matched only against the columns they belong to: entry ``j``
    of a per-column attribute against input column ``j``, and never against
    columns of encoder codes; in the raw data only against the raw columns
    that reach the owner unchanged.
    """
    assert ctx.data is not None
    best: ValueMatch | None = None
    own_input = ctx.data.input_for(node.owner_path)
    for X in ctx.data.inputs_to_match(node.owner_path):
        plan = _plan(ctx, X, X is own_input, cols, node, arr)
        if plan is None:
            continue
        for f32 in sorted({arr.dtype == np.float32, False}, reverse=True):
            vm = match_values(ctx, ctx.data.values(X, float32=bool(f32)), arr, **plan)
            if vm is not None and (
                best is None or (vm.rare_values, vm.n_values) > (best.rare_values, best.n_values)
            ):
                best = vm
    return best
