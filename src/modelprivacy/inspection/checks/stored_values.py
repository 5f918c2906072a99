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

import numpy as np

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, redact, register
from modelprivacy.inspection.checks._matching import ValueMatch, is_candidate, match_values
from modelprivacy.inspection.knowledge import STORED_VALUES, lookup

CHECK_ID = "MP-S103"


@register(
    CHECK_ID,
    "Single training values stored verbatim",
    Criterion.SINGLING_OUT,
    "Clip extreme values at robust percentiles before fitting, use fewer quantiles, and group "
    "rare categories (min_frequency) so that no stored value belongs to fewer than k people.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find stored single values of training columns."""
    for node, arr in ctx.arrays():
        if node.path in ctx.claimed or not is_candidate(node, arr):
            continue
        known = lookup(STORED_VALUES, node.owner, node.attr, node.holder)
        if node.attr == "categories_":
            known = "the numeric categories of a column"
        all_values = _stores_every_value(node.owner, node.attr)
        if ctx.data is None:
            if known is None and not all_values:
                continue
            ctx.claimed[node.path] = CHECK_ID
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.HIGH if all_values else Severity.LOW,
                confidence=Confidence.MEDIUM,
                path=node.path,
                estimator=node.owner,
                description=(
                    f"{type(node.owner).__name__} stores "
                    + (
                        "every training value of every column (n_quantiles is at least the number of records)"
                        if all_values
                        else known or ""
                    )
                    + f" ({plural(arr.size, 'value')}); each is a training person's exact value unless "
                    f"at least {ctx.k} people share it. Give the training data to count who is exposed."
                ),
                example=f"{group_path(node.path)}[0] = {redact(arr.reshape(-1)[0], ctx.show_values)}",
                evidence={"values": int(arr.size), "confirmed": False},
            )
            continue
        vm = _best_match(ctx, node.owner_path, arr)
        if vm is None:
            continue
        if vm.rare_values == 0:
            if known is None:
                continue  # a coincidence of common values is no evidence
            ctx.claimed[node.path] = CHECK_ID
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.INFO,
                confidence=Confidence.HIGH,
                path=node.path,
                estimator=node.owner,
                description=(
                    f"{type(node.owner).__name__} stores {known}; each of the {plural(vm.n_values, 'matching value')} "
                    f"is shared by at least {ctx.k} training records, so none singles anyone out."
                ),
                positions=[],
                evidence={"matching_values": vm.n_values, "rare_values": 0},
            )
            continue
        ctx.claimed[node.path] = CHECK_ID
        if vm.coverage >= 0.5 and vm.rare_values >= ctx.k:
            severity = Severity.HIGH
        elif vm.unique_values:
            severity = Severity.MEDIUM
        else:
            severity = Severity.LOW
        what = known or "training values"
        cols = ", ".join(vm.columns[:5]) + (", ..." if len(vm.columns) > 5 else "")
        yield ctx.finding(
            CHECK_ID,
            severity=severity,
            confidence=Confidence.HIGH,
            path=node.path,
            estimator=node.owner,
            description=(
                f"{type(node.owner).__name__} stores {what}: {plural(vm.rare_values, 'stored value')} "
                f"({vm.unique_values:,} held by a single record) belong to fewer than {ctx.k} training "
                f"records, exposing {plural(vm.positions.size, 'record')} (columns: {cols}); up to "
                f"{vm.coverage:.0%} of one column's distinct values are stored."
            ),
            positions=vm.positions,
            example=f"{group_path(node.path)}[0] = {redact(arr.reshape(-1)[0], ctx.show_values)}",
            evidence={
                "matching_values": vm.n_values,
                "rare_values": vm.rare_values,
                "unique_values": vm.unique_values,
                "column_coverage": round(vm.coverage, 4),
                "columns": list(vm.columns),
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
    seen: set[int] = set()
    for X in (ctx.data.input_for(owner_path), ctx.data.X):
        if id(X) in seen:
            continue
        seen.add(id(X))
        for f32 in sorted({arr.dtype == np.float32, False}, reverse=True):
            vm = match_values(ctx, ctx.data.values(X, float32=bool(f32)), arr)
            if vm is not None and (
                best is None or (vm.rare_values, vm.n_values) > (best.rare_values, best.n_values)
            ):
                best = vm
    return best
