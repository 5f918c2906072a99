"""Sanitise interpret's Explainable Boosting Machines: bins of at least k people, no extremes.

An EBM predicts from ``bins_`` (cut points and category maps), ``term_features_``,
``term_scores_`` and ``intercept_`` alone (interpret's ``ebm_predict_scores``);
what it stores besides, and its bins themselves, give training records away
(:mod:`modelprivacy.models.interpret`). The rule ``ebm_bins`` changes a copy:

1. ``feature_bounds_`` (each feature's exact minimum and maximum, MP-S103) is
   deleted, and every entry of ``histogram_edges_`` and ``histogram_weights_``
   (equal-width edges from that minimum to that maximum, and their counts)
   becomes None. Prediction does not read them; ``explain_global`` falls back
   on the bins (interpret reads them with ``getattr``), but ``remove_features``
   needs ``feature_bounds_``: remove features before sanitising.
2. Bins are merged until every non-empty bin of every term (cell, for pairs)
   holds at least ``k`` training records (MP-S106): two adjacent numeric bins
   are merged by removing the cut point between them, a category by moving it
   into the bin interpret uses for a category it does not know (its string is
   deleted: MP-S106's category strings). The merged bin's score is the average
   of the scores it replaces weighted by ``bin_weights_`` (its weight their
   sum), in every table indexed by those bins (``term_scores_``,
   ``bagged_scores_``, ``standard_deviations_``, ``bin_weights_``), so a
   record's prediction changes only when its bin was merged. The smallest bin
   is merged first, with its smaller neighbour, along the feature of a pair
   whose bin is the rarer; a feature whose one binning level is shared by its
   main effect and its pairs first gets a copy of that level for the pairs,
   so that merging a pair's cells leaves the main effect as it was.
   People are counted on the training data when it is given (every record
   binned as the EBM bins it), else read from ``bin_weights_`` when those are
   whole numbers (without sample weights).
3. With the training data, every cut point left is moved to the shortest
   decimal strictly between the two training values it separates other than
   their exact midpoint (MP-S104; 41.4 between the ages 41 and 42), so the
   training data is binned exactly as before and the cut points no longer
   rebuild the column's values.

What remains is said in the actions: bins of missing values that hold fewer
than ``k`` records (no cut point separates them, so they cannot be merged:
refused), and cut points that still lie on the midpoint of two values one of
which fewer than ``k`` records hold (only when the two values are a few ulps
apart, so that no other number lies between them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.models import interpret as ebm_model
from modelprivacy.sanitizing.rules import Rule, RuleContext, RuleOutcome

__all__ = ["EBM_RULES", "EBMBinsRule", "MergeReport", "merge_small_bins", "round_between"]

_CONTINUOUS = "continuous"


@dataclass(eq=False)
class _Term:
    """One term's tables, indexed by its features' bins (cells for pairs)."""

    features: tuple[int, ...]
    scores: np.ndarray
    weights: np.ndarray
    counts: np.ndarray
    stds: np.ndarray | None
    bagged: np.ndarray | None


@dataclass
class MergeReport:
    """What :func:`merge_small_bins` did.

    Attributes
    ----------
    cuts_before, cuts_after : int
        Cut points of every binning level before and after.
    categories_before, categories_after : int
        Distinct category strings before and after (the others were moved
        into the unknown-category bin).
    small_before, small_after : int
        Non-empty bins of fewer than ``k`` records before and after.
    stuck : int
        Of ``small_after``, bins that no merge can reach (missing values).
    levels_added : int
        Binning levels copied so that pairs merge apart from main effects.
    merges : int
        Bins merged (0: the model was left as it was).
    """

    cuts_before: int = 0
    cuts_after: int = 0
    categories_before: int = 0
    categories_after: int = 0
    small_before: int = 0
    small_after: int = 0
    stuck: int = 0
    levels_added: int = 0
    merges: int = 0


def round_between(lo: float, hi: float) -> float:
    """The number of fewest significant digits strictly between ``lo`` and ``hi``, not their midpoint.

    The midpoint of two values gives both away when one of them is known (or
    when they are whole numbers one apart): where the shortest decimal inside
    is the midpoint itself (41.5 between 41 and 42), its neighbour at the same
    precision below (41.4), or above, is taken instead.

    Parameters
    ----------
    lo, hi : float
        Two adjacent training values, ``lo < hi``.

    Returns
    -------
    float
        ``lo < value < hi``: the midpoint rounded to the fewest significant
        digits that stay inside and differ from it; the exact midpoint only
        when no such number exists (``lo`` and ``hi`` a few ulps apart).
    """
    import math
    from decimal import Decimal

    mid = lo / 2.0 + hi / 2.0
    tolerance = math.ulp(mid)  # MP-S104 finds midpoints to 1 ulp: 0.15 is 0.1 and 0.2's

    def off(value: float) -> bool:
        return lo < value < hi and abs(value - mid) > tolerance

    for digits in range(1, 18):
        text = f"{mid:.{digits}g}"
        value = float(text)
        if not lo < value < hi:
            continue
        if off(value):
            return value
        near = Decimal(text)
        step = Decimal(1).scaleb(near.adjusted() - digits + 1)
        for other in (float(near - step), float(near + step)):
            if off(other):
                return other
    return mid


def _level_of(levels: list[Any], n_features: int) -> int:
    """The binning level interpret uses for a feature in a term of ``n_features`` features."""
    return min(len(levels), n_features) - 1


def _is_small(counts: np.ndarray, k: int) -> np.ndarray:
    return (counts > 0) & (counts < k)


def _combine(
    arr: np.ndarray, axis: int, src: int, dst: int, w: np.ndarray, *, add: bool = False
) -> np.ndarray:
    """Fold slot ``src`` into ``dst`` along ``axis``: a ``w``-weighted average, or a sum.

    ``w`` has the leading dimensions of ``arr``; trailing ones (classes) are broadcast.
    """
    a = np.moveaxis(arr.copy(), axis, 0)
    if add:
        a[dst] = a[dst] + a[src]
    else:
        ws = np.moveaxis(w, axis, 0)
        trailing = (1,) * (arr.ndim - w.ndim)
        w_src = ws[src].reshape(ws[src].shape + trailing)
        w_dst = ws[dst].reshape(ws[dst].shape + trailing)
        total = w_src + w_dst
        with np.errstate(invalid="ignore", divide="ignore"):
            mixed = (w_src * a[src] + w_dst * a[dst]) / total
        a[dst] = np.where(total > 0, mixed, a[dst])
    a = np.delete(a, src, axis=0)
    return np.ascontiguousarray(np.moveaxis(a, 0, axis))


def _fold_term(term: _Term, axis: int, src: int, dst: int) -> None:
    """Merge slot ``src`` into ``dst`` along ``axis`` in every table of one term."""
    w = term.weights
    term.scores = _combine(term.scores, axis, src, dst, w)
    if term.stds is not None:
        term.stds = _combine(term.stds, axis, src, dst, w)
    if term.bagged is not None:
        wb = np.broadcast_to(w, (term.bagged.shape[0], *w.shape))
        term.bagged = _combine(term.bagged, axis + 1, src, dst, wb)
    term.counts = _combine(term.counts, axis, src, dst, term.counts, add=True)
    term.weights = _combine(w, axis, src, dst, w, add=True)


def _marginal(term: _Term, axis: int) -> np.ndarray:
    other = tuple(a for a in range(term.counts.ndim) if a != axis)
    return term.counts.sum(axis=other) if other else term.counts


class _Merger:
    """The merging of one EBM's bins, on plain copies of its tables."""

    def __init__(
        self,
        state: dict[str, Any],
        counts: list[np.ndarray],
        k: int,
    ) -> None:
        self.k = k
        self.merges = 0
        self.kinds: list[str] = list(state["feature_types_in_"])
        self.bins: list[list[Any]] = [
            [lv.copy() if isinstance(lv, np.ndarray | dict) else lv for lv in levels]
            for levels in state["bins_"]
        ]
        stds = state.get("standard_deviations_")
        bagged = state.get("bagged_scores_")
        weights = state.get("bin_weights_")
        self.terms: list[_Term] = []
        for t, features in enumerate(state["term_features_"]):
            scores = np.asarray(state["term_scores_"][t], dtype=np.float64)
            w = (
                np.asarray(weights[t], dtype=np.float64)
                if isinstance(weights, list)
                else counts[t].astype(np.float64)
            )
            s = stds[t] if isinstance(stds, list) and t < len(stds) else None
            b = bagged[t] if isinstance(bagged, list) and t < len(bagged) else None
            self.terms.append(
                _Term(
                    tuple(int(f) for f in features),
                    scores,
                    w,
                    counts[t].astype(np.int64),
                    np.asarray(s, dtype=np.float64) if isinstance(s, np.ndarray) else None,
                    np.asarray(b, dtype=np.float64) if isinstance(b, np.ndarray) else None,
                )
            )
        self.report = MergeReport()
        #: per term, its smallest mergeable cell (recomputed when a merge touches the term)
        self._cache: dict[int, tuple[int, tuple[int, ...], list[int]] | None] = {}

    def split_levels(self) -> None:
        """Give pairs a level of their own where main effects and pairs share one."""
        sizes: dict[int, set[int]] = {}
        for term in self.terms:
            for f in term.features:
                sizes.setdefault(f, set()).add(len(term.features))
        for f, used in sizes.items():
            if len(self.bins[f]) == 1 and 1 in used and any(n > 1 for n in used):
                level = self.bins[f][0]
                self.bins[f].append(level.copy())
                self.report.levels_added += 1

    def users(self, f: int, level: int) -> list[tuple[int, int]]:
        """The (term index, axis) pairs whose binning of feature ``f`` is ``level``."""
        out = []
        for t, term in enumerate(self.terms):
            for axis, g in enumerate(term.features):
                if g == f and _level_of(self.bins[f], len(term.features)) == level:
                    out.append((t, axis))
        return out

    def n_slots(self, f: int, level: int) -> int:
        lv = self.bins[f][level]
        if self.kinds[f] == _CONTINUOUS:
            return int(lv.size) + 3
        return max((int(v) for v in lv.values()), default=0) + 2

    def candidate(self, term: _Term, axis: int, slot: int) -> tuple[int, int, int] | None:
        """``(src, dst, level)`` of the merge that takes ``slot`` of ``axis`` into a larger bin."""
        f = term.features[axis]
        level = _level_of(self.bins[f], len(term.features))
        n = self.n_slots(f, level)
        marg = _marginal(term, axis)
        if self.kinds[f] == _CONTINUOUS:
            last = n - 2  # intervals are slots 1..n-2
            if not 1 <= slot <= last or last < 2:
                return None
            neighbours = [s for s in (slot - 1, slot + 1) if 1 <= s <= last]
            other = min(neighbours, key=lambda s: (marg[s], s))
            lo, hi = min(slot, other), max(slot, other)
            return hi, lo, level
        unseen = n - 1
        if 1 <= slot < unseen:
            return slot, unseen, level
        if slot == unseen and unseen > 1:  # the unknown bin is small: give it another category
            kept = [s for s in range(1, unseen) if marg[s] > 0] or list(range(1, unseen))
            return min(kept, key=lambda s: (marg[s], s)), unseen, level
        return None

    def apply(self, f: int, level: int, src: int, dst: int) -> None:
        """Merge bin ``src`` of ``(f, level)`` into ``dst`` in the bins and every table."""
        for t, axis in self.users(f, level):
            _fold_term(self.terms[t], axis, src, dst)
            self._cache.pop(t, None)
        lv = self.bins[f][level]
        if self.kinds[f] == _CONTINUOUS:
            # interval slot s lies between cuts s - 2 and s - 1: merging s and s + 1 removes s - 1
            self.bins[f][level] = np.ascontiguousarray(np.delete(lv, min(src, dst) - 1))
        else:
            self.bins[f][level] = {
                key: (int(v) - 1 if int(v) > src else int(v))
                for key, v in lv.items()
                if int(v) != src
            }
        self.merges += 1

    def totals(self) -> tuple[int, int]:
        """Cut points of every level, and distinct category strings."""
        cuts = sum(
            int(lv.size)
            for f, levels in enumerate(self.bins)
            for lv in levels
            if self.kinds[f] == _CONTINUOUS
        )
        strings = {
            (f, key)
            for f, levels in enumerate(self.bins)
            for lv in levels
            if self.kinds[f] != _CONTINUOUS
            for key in lv
        }
        return cuts, len(strings)

    def _term_smallest(self, term: _Term) -> tuple[int, tuple[int, ...], list[int]] | None:
        """The smallest cell of one term of fewer than k records that a merge can reach."""
        small = _is_small(term.counts, self.k)
        if not small.any():
            return None
        order = np.argsort(np.where(small, term.counts, np.iinfo(np.int64).max), axis=None)
        for flat in order:
            cell = tuple(int(i) for i in np.unravel_index(int(flat), term.counts.shape))
            if not small[cell]:
                break
            axes = [a for a in range(len(cell)) if self.candidate(term, a, cell[a]) is not None]
            if axes:
                return int(term.counts[cell]), cell, axes
        return None

    def smallest(self) -> tuple[_Term, tuple[int, ...], list[int]] | None:
        """The smallest cell of fewer than k records that some merge can reach."""
        best: tuple[int, _Term, tuple[int, ...], list[int]] | None = None
        for i, term in enumerate(self.terms):
            if i not in self._cache:
                self._cache[i] = self._term_smallest(term)
            found = self._cache[i]
            if found is not None and (best is None or found[0] < best[0]):
                best = (found[0], term, found[1], found[2])
        return None if best is None else best[1:]

    def run(self) -> None:
        """Merge until no bin of fewer than k records can be merged."""
        self.report.small_before = sum(int(_is_small(t.counts, self.k).sum()) for t in self.terms)
        self.report.cuts_before, self.report.categories_before = self.totals()
        self.split_levels()
        while (found := self.smallest()) is not None:
            term, cell, axes = found
            # merge along the feature whose bin holds the fewest records
            axis = min(axes, key=lambda a: (_marginal(term, a)[cell[a]], a))
            merge = self.candidate(term, axis, cell[axis])
            assert merge is not None
            src, dst, level = merge
            self.apply(term.features[axis], level, src, dst)
        self.report.small_after = sum(int(_is_small(t.counts, self.k).sum()) for t in self.terms)
        self.report.stuck = self.report.small_after
        self.report.cuts_after, self.report.categories_after = self.totals()
        self.report.merges = self.merges


def _values(ebm: Any, X: Any) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """The distinct training values of every numeric feature, and their records."""
    state = vars(ebm)
    names = state.get("feature_names_in_") or []
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for j, kind in enumerate(state.get("feature_types_in_") or []):
        col = ebm_model._column(X, j, str(names[j])) if j < len(names) else None
        if kind != _CONTINUOUS or col is None:
            continue
        x = pd.to_numeric(pd.Series(col, dtype=object), errors="coerce").to_numpy(np.float64)
        out[j] = np.unique(x[np.isfinite(x)], return_counts=True)
    return out


def _counts(ebm: Any, X: Any) -> tuple[list[np.ndarray] | None, str]:
    """People per cell of every term, from the data or from whole-number bin weights."""
    state = vars(ebm)
    terms = state.get("term_features_") or []
    scores = state.get("term_scores_") or []
    out: list[np.ndarray] = []
    if X is not None:
        for t, features in enumerate(terms):
            shape = scores[t].shape[: len(features)]
            cells = ebm_model._term_cells(ebm, X, tuple(int(f) for f in features))
            if cells is None:
                return None, "the training data does not bin as the model's features"
            size = int(np.prod(shape))
            out.append(np.bincount(cells, minlength=size)[:size].reshape(shape))
        return out, "counted on the training data"
    weights = state.get("bin_weights_")
    if not isinstance(weights, list) or len(weights) != len(terms):
        return None, "the model stores no bin weights"
    for w in weights:
        w = np.asarray(w, dtype=np.float64)
        if not np.isfinite(w).all() or not np.array_equal(w, np.round(w)):
            return None, "its bin weights are sample weights, not people"
        out.append(w.astype(np.int64))
    return out, "read from bin_weights_ (without the training data)"


def merge_small_bins(ebm: Any, k: int, X: Any = None) -> MergeReport | None:
    """Merge the bins of ``ebm`` in place until every non-empty bin holds ``k`` records.

    Parameters
    ----------
    ebm : EBM
        A fitted Explainable Boosting Machine (modified).
    k : int
        The fewest records a bin may hold.
    X : table, optional
        The training data as given to ``fit``; without it the people are read
        from ``bin_weights_``.

    Returns
    -------
    MergeReport or None
        None when people cannot be counted (sample weights and no data).
    """
    counts, _ = _counts(ebm, X)
    if counts is None:
        return None
    state = vars(ebm)
    merger = _Merger(state, counts, k)
    merger.run()
    if merger.merges:
        ebm.bins_ = merger.bins
        ebm.term_scores_ = [t.scores for t in merger.terms]
        ebm.bin_weights_ = [t.weights for t in merger.terms]
        if isinstance(state.get("standard_deviations_"), list):
            ebm.standard_deviations_ = [t.stds for t in merger.terms]
        if isinstance(state.get("bagged_scores_"), list):
            ebm.bagged_scores_ = [t.bagged for t in merger.terms]
    return merger.report


def _round_cuts(ebm: Any, X: Any, k: int) -> tuple[int, int]:
    """Move every cut point to the shortest decimal between its two training values.

    Returns the cut points moved, and the cut points left next to a value of
    fewer than ``k`` records.
    """
    state = vars(ebm)
    values = _values(ebm, X)
    moved = rare = 0
    new_bins: list[list[Any]] = []
    for j, levels in enumerate(state["bins_"]):
        if j not in values:
            new_bins.append(levels)
            continue
        distinct, counts = values[j]
        out_levels: list[Any] = []
        for cuts in levels:
            if not isinstance(cuts, np.ndarray) or cuts.size == 0 or distinct.size < 2:
                out_levels.append(cuts)
                continue
            above = np.searchsorted(distinct, cuts, side="left")  # first value >= cut
            new = cuts.copy()
            n_moved = n_rare = 0
            for i, (c, b) in enumerate(zip(cuts, above, strict=True)):
                if b == 0 or b >= distinct.size:
                    continue  # no training value on one side: the cut separates no one
                lo, hi = float(distinct[b - 1]), float(distinct[b])
                new[i] = round_between(lo, hi)
                n_moved += int(new[i] != c)
                n_rare += int(new[i] == lo / 2.0 + hi / 2.0 and min(counts[b - 1], counts[b]) < k)
            if new.size > 1 and not (np.diff(new) > 0).all():
                new, n_moved = cuts, 0  # two cuts between the same two values: keep them
            moved += n_moved
            rare += n_rare
            out_levels.append(np.ascontiguousarray(new, dtype=np.float64))
        new_bins.append(out_levels)
    ebm.bins_ = new_bins
    return moved, rare


def _n_cuts(ebm: Any) -> int:
    state = vars(ebm)
    return sum(
        int(lv.size)
        for kind, levels in zip(state["feature_types_in_"], state["bins_"], strict=True)
        if kind == _CONTINUOUS
        for lv in levels
        if isinstance(lv, np.ndarray)
    )


class EBMBinsRule(Rule):
    """Coarsen interpret's EBMs: no stored extremes, bins of at least ``k`` records, rounded cuts.

    ``feature_bounds_`` is deleted and ``histogram_edges_``/``histogram_weights_``
    emptied (prediction does not use them); adjacent bins are merged (scores
    averaged by bin weight) and rare categories moved into the unknown-category
    bin until every non-empty bin of every term holds at least ``k`` records;
    with the training data every cut point left is moved to the shortest
    decimal between the two training values it separates. Predictions change
    only for records whose bin was merged. See :mod:`modelprivacy.sanitizing.ebm`.
    """

    name = "ebm_bins"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted EBM of interpret."""
        return ebm_model.is_ebm(estimator) and isinstance(
            getattr(estimator, "__dict__", {}).get("bins_"), list
        )

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Blank the extremes, merge small bins, round the cut points (with data)."""
        state = vars(estimator)
        bounds = state.get("feature_bounds_")
        if bounds is not None:
            finite = isinstance(bounds, np.ndarray) and bounds.ndim == 2
            n = int(np.isfinite(bounds).any(axis=1).sum()) if finite else 0
            del estimator.feature_bounds_
            ctx.record(
                self.name,
                ctx.where("feature_bounds_"),
                f"deleted: the exact minimum and maximum of {n:,} numeric feature(s) "
                "(prediction does not use them)",
                "strip",
            )
        hist = [a for a in ("histogram_edges_", "histogram_weights_") if state.get(a) is not None]
        for attr in hist:
            value = state[attr]
            setattr(estimator, attr, [None] * len(value) if isinstance(value, list) else None)
        if hist:
            ctx.record(
                self.name,
                ctx.where(hist[0]),
                "emptied: " + " and ".join(hist) + " (equal-width edges from each feature's "
                "minimum to its maximum, and the records between them, or per category; "
                "prediction does not use them and explanations fall back on the bins)",
                "strip",
            )
        counts, source = _counts(estimator, ctx.X)
        changed = False
        if counts is None:
            ctx.refuse(
                self.name,
                ctx.where("bins_"),
                f"the bins of fewer than {ctx.k} records cannot be found: {source}; pass the "
                "training data to merge them",
            )
        else:
            report = merge_small_bins(estimator, ctx.k, ctx.X)
            assert report is not None
            if report.merges:
                changed = True
                copied = (
                    f"; pairs got their own copy of the cut points of {report.levels_added:,} "
                    "feature(s) shared with main effects"
                    if report.levels_added
                    else ""
                )
                ctx.record(
                    self.name,
                    ctx.where("bins_"),
                    f"merged bins until every bin of every term holds at least {ctx.k} records "
                    f"({source}): {report.cuts_after:,} of {report.cuts_before:,} cut points "
                    f"left{copied}; {report.categories_after:,} of "
                    f"{report.categories_before:,} category strings left (the others deleted, "
                    f"their records moved into the unknown-category bin); "
                    f"{report.small_before:,} bins of fewer than {ctx.k} before, "
                    f"{report.small_after:,} after; a merged bin's score is the average of the "
                    "scores it replaces weighted by bin_weights_ (predictions change for the "
                    "records of merged bins)",
                    "prune",
                )
            if report.stuck:
                ctx.refuse(
                    self.name,
                    ctx.where("bins_"),
                    f"{report.stuck:,} bin(s) hold fewer than {ctx.k} records and cannot be "
                    "merged (bins of missing values, which no cut point separates, or a feature "
                    "left with one bin); fill or drop the missing values before fitting, or "
                    "share a model fitted on more records",
                )
        n_cuts = _n_cuts(estimator)
        if ctx.X is None and n_cuts:
            ctx.refuse(
                self.name,
                ctx.where("bins_"),
                f"{n_cuts:,} cut point(s) stay the exact midpoints of adjacent training values "
                "(MP-S104); moving them off needs the training data",
            )
        elif ctx.X is not None and counts is not None:
            moved, rare = _round_cuts(estimator, ctx.X, ctx.k)
            if moved:
                changed = True
                left = (
                    f"; {rare:,} cut point(s) are still the midpoint of two adjacent training "
                    f"values one of which fewer than {ctx.k} records hold (no other number "
                    "lies between them)"
                    if rare
                    else ""
                )
                ctx.record(
                    self.name,
                    ctx.where("bins_"),
                    f"moved {moved:,} cut point(s) from the midpoint of two adjacent training "
                    "values to the shortest other decimal between them (the training data is "
                    f"binned as before){left}",
                    "clip",
                )
        return RuleOutcome(changed=changed)


#: The rules of this module, registered in :data:`~modelprivacy.sanitizing.rules.RULES`.
EBM_RULES: tuple[Rule, ...] = (EBMBinsRule(),)
