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


@register(
    CHECK_ID,
    "Training labels or targets stored verbatim",
    Criterion.INFERENCE,
    "Remove per-record predictions and labels before sharing (e.g. refit without oob_score); "
    "a model that needs them to predict (k-NN, Gaussian process) must not be shared.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find stored labels and targets."""
    rows_owners = {
        p.rsplit(".", 1)[0] if "." in p else "" for p, c in ctx.claimed.items() if c == "MP-S101"
    }
    tindex = target_index(ctx)
    for node, arr in ctx.arrays():
        if node.path in ctx.claimed:
            continue
        known = lookup(TARGETS, node.owner, node.attr, node.holder)
        with_rows = node.owner_path in rows_owners
        if ctx.data is None:
            if known is None:
                continue
            ctx.claimed[node.path] = CHECK_ID
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.HIGH if with_rows else Severity.MEDIUM,
                confidence=Confidence.MEDIUM,
                path=node.path,
                estimator=node.owner,
                description=f"{type(node.owner).__name__} stores {known} ({plural(arr.shape[0], 'entry', 'entries')}).",
                example=f"{group_path(node.path)}[0] = {redact(arr.reshape(-1)[0], ctx.show_values)}",
                evidence={"entries": int(arr.shape[0]), "confirmed": False},
            )
            continue
        positions = _labels_match(ctx, node.owner, arr) if known else None
        if positions is None and tindex is not None and is_candidate(node, arr):
            vm = match_values(ctx, tindex, without_small_integers(arr))
            if vm is not None and vm.rare_values:
                positions = vm.positions
        if positions is None or positions.size == 0:
            continue
        ctx.claimed[node.path] = CHECK_ID
        what = known or "training targets"
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH
            if with_rows or (positions.size >= 1 and known is None)
            else Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=node.path,
            estimator=node.owner,
            description=(
                f"{type(node.owner).__name__} stores {what}: the label or target of "
                f"{plural(positions.size, 'training record')} can be read from the model."
            ),
            positions=positions,
            example=f"{group_path(node.path)}[0] = {redact(arr.reshape(-1)[0], ctx.show_values)}",
            evidence={"entries": int(arr.shape[0]), "confirmed": True},
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
