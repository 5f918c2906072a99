"""MP-S101 Training rows stored verbatim.

Some models are their training data: k-nearest neighbours, radius neighbours,
local outlier factor and kernel density keep every training row; support vector
machines keep the support vectors; Gaussian processes, kernel ridge, kernel PCA
and label propagation keep the whole training set; affinity propagation,
DBSCAN and Nystroem keep some rows; Birch keeps the centroid of every
subcluster, which is one person's row when the subcluster holds one person.
Anyone with the model file can read these rows: every one is a person's record.

Without training data the check reports the attributes that known estimators
use for training rows (medium confidence). With training data every 2-D array
in the model is compared row by row with the training data as the estimator saw
it (raw, or as transformed by the preceding pipeline steps, and as float32),
and the matching records are counted. The members of an ensemble (a bagging
ensemble of k-NN models) are reported together.

Remedy: do not share the model file. Replace the model by one that does not
store rows (a tree ensemble with a minimum leaf size, a linear model), or keep
it inside a trusted environment and share only predictions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, redact, register
from modelprivacy.inspection.checks._matching import is_candidate
from modelprivacy.inspection.knowledge import NOT_DATA, STORED_VALUES, VERBATIM_ROWS, lookup
from modelprivacy.inspection.walker import Node

CHECK_ID = "MP-S101"


@dataclass
class _Group:
    owner: Any
    known: str | None
    example: str
    rows: int = 0
    columns: int = 0
    matching: int = 0
    positions: list[np.ndarray] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


@register(
    CHECK_ID,
    "Training rows stored verbatim",
    Criterion.SINGLING_OUT,
    "Do not share this model file: it contains people's records. Use a model that does not "
    "store training rows, or keep the model in a trusted environment and share predictions only.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find 2-D arrays whose rows are training rows."""
    groups: dict[str, _Group] = {}
    for node, arr in ctx.arrays():
        if (
            node.path in ctx.claimed
            or arr.ndim != 2
            or arr.shape[0] == 0
            or not _may_hold_rows(node, arr)
        ):
            continue
        known = lookup(VERBATIM_ROWS, node.owner, node.attr, node.holder)
        if ctx.data is None:
            if known is None:
                continue
            n_rows, positions = arr.shape[0], None
        else:
            n_rows, positions = _match_rows(ctx, node.owner_path, arr)
            if known is None and (n_rows == 0 or n_rows < arr.shape[0] // 2):
                continue  # a few coincident rows in an unknown array: MP-S103 counts values
            if n_rows == 0:
                positions = None  # known to hold rows, but not these (an input we could not replay)
        ctx.claimed[node.path] = CHECK_ID
        ctx.cache.setdefault("rows_owners", set()).add(node.owner_path)
        key = group_path(node.path)
        g = groups.setdefault(key, _Group(node.owner, known, _example(ctx, key, arr)))
        g.rows += arr.shape[0]
        g.columns = arr.shape[1]
        g.matching += n_rows
        if positions is not None:
            g.positions.append(positions)
        g.paths.append(node.path)
    for key, g in groups.items():
        cls = type(g.owner).__name__
        what = g.known or "training rows"
        if ctx.data is None or not g.positions:
            note = (
                "Give the training data to confirm and count the people."
                if ctx.data is None
                else "They do not equal the training data as given (an input that could not be replayed?)."
            )
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.HIGH,
                confidence=Confidence.MEDIUM,
                path=key,
                estimator=g.owner,
                description=f"{cls} stores {what}: {plural(g.rows, 'row')} of {plural(g.columns, 'column')}. {note}",
                example=g.example,
                evidence={
                    "rows": g.rows,
                    "columns": g.columns,
                    "confirmed": False,
                    **_paths(key, g),
                },
            )
            continue
        positions = np.unique(np.concatenate(g.positions))
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH,
            confidence=Confidence.HIGH,
            path=key,
            estimator=g.owner,
            description=(
                f"{cls} stores {what}: {g.matching:,} of {plural(g.rows, 'stored row')} equal training rows, "
                f"exposing {plural(positions.size, 'training record')}."
            ),
            positions=positions,
            example=g.example,
            evidence={
                "rows": g.rows,
                "matching_rows": g.matching,
                "columns": g.columns,
                "confirmed": True,
                **_paths(key, g),
            },
        )


def _may_hold_rows(node: Node, arr: np.ndarray) -> bool:
    """Floats anywhere; integers too (a k-NN keeps integer data as it is), except structure."""
    if lookup(STORED_VALUES, node.owner, node.attr, node.holder) is not None:
        return False  # per-column values (quantiles, node bounds): MP-S103 reports them
    if is_candidate(node, arr):
        return True
    return (
        arr.dtype.kind in "iu"
        and node.attr not in NOT_DATA
        and node.holder not in ("Tree", "TreePredictor")
    )


def _paths(key: str, g: _Group) -> dict[str, list[str]]:
    """List the member paths when the group path does not name them all (Birch's CF tree)."""
    return {"paths": g.paths} if "(CF tree)" in key else {}


def _match_rows(ctx: Context, owner_path: str, rows: np.ndarray) -> tuple[int, np.ndarray]:
    """Match against the owner's input and the raw data, as float64 and as float32.

    Rows wider than the data are matched on their last columns too: a stacking
    ensemble with ``passthrough=True`` feeds its final estimator the members'
    predictions followed by the raw features.
    """
    assert ctx.data is not None
    best: tuple[int, np.ndarray] = (0, np.zeros(0, dtype=np.int64))
    for X in ctx.data.inputs_to_match(owner_path):
        m, _ = ctx.data.numeric(X)
        if m is None or m.shape[1] > rows.shape[1]:
            continue
        candidate = rows if m.shape[1] == rows.shape[1] else rows[:, -m.shape[1] :]
        for f32 in (rows.dtype == np.float32, rows.dtype != np.float32):
            index = ctx.data.rows(X, float32=bool(f32))
            found = index.match(candidate) if index is not None else best
            if found[0] > best[0]:
                best = found
            if found[0]:
                break
    return best


def _example(ctx: Context, path: str, rows: np.ndarray) -> str:
    cells = ", ".join(redact(v, ctx.show_values) for v in rows[0, : min(4, rows.shape[1])])
    more = ", ..." if rows.shape[1] > 4 else ""
    return f"{path}[0] = [{cells}{more}]"
