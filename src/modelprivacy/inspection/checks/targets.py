"""MP-S108 Training labels or targets stored verbatim.

Neighbour models keep the label of every stored row (``_y``), Gaussian
processes keep every training target (``y_train_``), isotonic regression keeps
targets at its steps, semi-supervised models keep the label they assigned to
every record, out-of-bag predictions approximate every record's label, and a
target encoder's value for a category of one person is that person's target.
A stored label next to a stored row tells an attacker the hidden attribute of a
known person (inference).

With training data the stored labels are compared to the training target and
the records whose label or target is stored are counted; continuous targets are
matched value by value anywhere in the model (tree leaves are covered by
MP-S105).

Remedy: remove per-record predictions (``oob_*``) before sharing; for models
that must keep labels (k-NN, Gaussian processes), do not share the model file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, redact, register
from modelprivacy.inspection.checks._matching import (
    is_candidate,
    match_values,
    target_index,
    without_small_integers,
)
from modelprivacy.inspection.knowledge import TARGETS, lookup

CHECK_ID = "MP-S108"


@dataclass
class _Group:
    owner: Any
    known: str | None
    example: str
    with_rows: bool
    entries: int = 0
    positions: list[np.ndarray] = field(default_factory=list)
    confirmed: bool = False


@register(
    CHECK_ID,
    "Training labels or targets stored verbatim",
    Criterion.INFERENCE,
    "Remove per-record predictions and labels before sharing (e.g. refit without oob_score); "
    "a model that needs them to predict (k-NN, Gaussian process) must not be shared.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find stored labels and targets."""
    rows_owners: set[str] = ctx.cache.get("rows_owners", set())
    tindex = target_index(ctx)
    groups: dict[str, _Group] = {}
    for node, arr in ctx.arrays():
        if node.path in ctx.claimed:
            continue
        known = lookup(TARGETS, node.owner, node.attr, node.holder)
        positions = None
        if ctx.data is not None:
            positions = _labels_match(ctx, node.owner, arr) if known else None
            if positions is None and tindex is not None and is_candidate(node, arr):
                vm = match_values(ctx, tindex, without_small_integers(arr))
                if vm is not None and vm.rare_values:
                    positions = vm.positions
            if positions is not None and positions.size == 0:
                positions = None
        if known is None and positions is None:
            continue
        # a known attribute that the data does not confirm (a member fitted on a subset,
        # a normalised target) is still reported, from what is known of the estimator
        ctx.claimed[node.path] = CHECK_ID
        key = group_path(node.path)
        example = f"{key}[0] = {redact(arr.reshape(-1)[0], ctx.show_values)}"
        g = groups.setdefault(
            key, _Group(node.owner, known, example, node.owner_path in rows_owners)
        )
        g.entries += int(arr.shape[0])
        if positions is not None:
            g.positions.append(positions)
            g.confirmed = True
    for key, g in groups.items():
        cls = type(g.owner).__name__
        if not g.confirmed:
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.HIGH if g.with_rows else Severity.MEDIUM,
                confidence=Confidence.MEDIUM,
                path=key,
                estimator=g.owner,
                description=f"{cls} stores {g.known} ({plural(g.entries, 'entry', 'entries')}).",
                example=g.example,
                evidence={"entries": g.entries, "confirmed": False},
            )
            continue
        positions = np.unique(np.concatenate(g.positions))
        yield ctx.finding(
            CHECK_ID,
            # continuous targets matched value by value are each one person's exact target
            severity=Severity.HIGH if g.with_rows or g.known is None else Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=key,
            estimator=g.owner,
            description=(
                f"{cls} stores {g.known or 'training targets'}: the label or target of "
                f"{plural(positions.size, 'training record')} can be read from the model."
            ),
            positions=positions,
            example=g.example,
            evidence={"entries": g.entries, "confirmed": True},
        )


def _labels_match(ctx: Context, owner: object, arr: np.ndarray) -> np.ndarray | None:
    """Records whose stored label equals their training label, if aligned with the data."""
    assert ctx.data is not None
    y = ctx.data.y
    if y is None or arr.shape[0] != ctx.data.n:
        return None
    y = np.asarray(y)
    stored = arr
    classes = getattr(owner, "classes_", None)
    if stored.dtype.kind in "iu" and classes is not None:
        try:
            cls = np.asarray(classes) if not isinstance(classes, list) else np.asarray(classes[0])
            stored = cls[stored.reshape(len(stored), -1)[:, 0]]
        except (IndexError, ValueError):
            return None
    if stored.ndim == 2 and stored.shape[1] > 1 and y.ndim == 1:
        # probabilities (out-of-bag): the predicted class is the label
        if classes is None:
            return None
        stored = np.asarray(classes)[np.nanargmax(np.nan_to_num(stored, nan=-1), axis=1)]
    stored = stored.reshape(len(stored), -1)[:, 0] if stored.ndim > 1 else stored
    ytrue = y.reshape(len(y), -1)[:, 0] if y.ndim > 1 else y
    try:
        if stored.dtype.kind == "f" and ytrue.dtype.kind == "f":
            equal = np.isclose(stored, ytrue, rtol=1e-6, atol=0)
        else:
            equal = stored.astype(object) == ytrue.astype(object)
    except (TypeError, ValueError):
        return None
    equal = np.asarray(equal, dtype=bool)
    if equal.mean() < 0.5:
        return None
    return np.flatnonzero(equal)
