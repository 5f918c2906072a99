"""MP-S102 Arrays with one entry per training record.

Some fitted attributes have one entry per training record: cluster labels,
embeddings (t-SNE, Isomap, spectral), outlier scores, dual coefficients,
affinity and distance matrices, OPTICS orderings and reachabilities, inlier
masks, out-of-bag predictions. They are not the rows themselves, but they are
personal data about every training record, in training order: anyone who also
holds the training rows (or one person's position in them) can link the two.

Without training data the check reports attributes that known estimators use
for per-record data (medium confidence), and arrays whose length equals the
number of training records the model recorded. With training data any array
with an axis as long as the training set is reported.

Remedy: delete per-record attributes that prediction does not need before
saving (``modelprivacy sanitize``), or refit without them (``oob_score=False``).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import scipy.sparse as sp

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, register
from modelprivacy.inspection.knowledge import NOT_DATA, PER_RECORD, lookup
from modelprivacy.inspection.walker import safe_getattr

CHECK_ID = "MP-S102"
_STRUCTURE_HOLDERS = frozenset({"Tree", "TreePredictor"})
# categories and vocabularies are lists of values, not entries per record (MP-S106, MP-S107)
# index arrays: their values are positions of training records
_INDEX_ATTRS = frozenset({"support_", "core_sample_indices_", "component_indices_"})
_OTHER_CHECKS = frozenset({"categories_", "vocabulary_", "classes_"})


@register(
    CHECK_ID,
    "Arrays with one entry per training record",
    Criterion.LINKABILITY,
    "Delete per-record attributes that prediction does not need before sharing (e.g. labels_, "
    "embedding_, oob_*), or refit without them.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find arrays with an axis as long as the training set."""
    n = ctx.n_train
    reported: set[str] = set()
    for node in ctx.nodes:
        v = node.value
        if not (isinstance(v, np.ndarray) or sp.issparse(v)) or node.path in ctx.claimed:
            continue
        if (
            node.attr in NOT_DATA
            or node.attr in _OTHER_CHECKS
            or node.holder in _STRUCTURE_HOLDERS
            or "bin_thresholds_" in node.path
        ):
            continue
        shape = v.shape
        if len(shape) == 0 or max(shape) <= 1:
            continue
        known = lookup(PER_RECORD, node.owner, node.attr, node.holder)
        long_axis = n is not None and n in shape
        if not (known or long_axis) or (ctx.data is not None and not long_axis and known is None):
            continue
        key = group_path(node.path)
        if key in reported:
            continue
        reported.add(key)
        ctx.claimed[node.path] = CHECK_ID
        confirmed = long_axis and ctx.data is not None
        positions = (
            np.arange(n)
            if confirmed and n is not None
            else _indexed_records(node.owner, node.attr, v, n)
        )
        what = known or "an array with one entry per training record"
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.MEDIUM,
            confidence=Confidence.HIGH if confirmed and known else Confidence.MEDIUM,
            path=key,
            estimator=node.owner,
            description=(
                f"{type(node.owner).__name__} stores {what} (shape {'x'.join(str(s) for s in shape)}"
                + (f"; the training set has {plural(n, 'record')}" if n is not None else "")
                + ")."
            ),
            positions=positions,
            count=None if positions is not None else (n if long_axis else None),
            evidence={"shape": list(shape), "length_matches_training_set": bool(long_axis)},
        )


def _indexed_records(owner: object, attr: str, value: object, n: int | None) -> np.ndarray | None:
    """Records named by index arrays (``support_``) and by arrays aligned with them (``dual_coef_``)."""
    if attr == "dual_coef_":
        value = safe_getattr(owner, "support_")
    elif attr not in _INDEX_ATTRS:
        return None
    if (
        not isinstance(value, np.ndarray)
        or value.dtype.kind not in "iu"
        or value.ndim != 1
        or value.size == 0
    ):
        return None
    if value.min() < 0 or (n is not None and value.max() >= n):
        return None
    return np.unique(value)
