"""Honest statistics for privacy attacks.

Every figure an attack reports comes with its uncertainty: ROC curves and AUC
with a bootstrap interval, the TPR at a fixed low FPR with a Clopper-Pearson
interval and a flag that says whether there were enough non-members to
measure that FPR at all, an empirical differential-privacy epsilon lower bound,
and the residual risk of an attack over a control set (as in anonymeter).

Conventions
-----------
- Scores: a HIGHER score means "member". A threshold ``t`` flags a record as a
  member when ``score >= t``.
- Inputs are the scores of the members (``scores_members``) and of the
  non-members (``scores_nonmembers``) as two 1-D arrays, not labels.
- NaN scores are refused (the error says how many); infinite scores are
  allowed, as they are ordered.
- Results are frozen dataclasses with a ``to_dict()`` that returns plain JSON
  (non-finite floats become ``None``).
- Every randomised function takes ``random_state`` (int, None or
  :class:`numpy.random.Generator`), see :func:`check_random_state`.

References
----------
.. [1] Carlini et al., "Membership Inference Attacks From First Principles",
   IEEE S&P 2022 (report TPR at low FPR, not only AUC).
.. [2] Jagielski, Ullman and Oprea, "Auditing Differentially Private Machine
   Learning: How Private is Private SGD?", NeurIPS 2020.
.. [3] Nasr et al., "Adversary Instantiation: Lower Bounds for Differentially
   Private Machine Learning", IEEE S&P 2021.
.. [4] Giomi et al., "A Unified Framework for Quantifying Privacy Risk in
   Synthetic Data" (anonymeter), PoPETs 2023.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from dataclasses import dataclass
from typing import Any, Literal, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import stats as _sps

__all__ = [
    "TIE_RESOLUTION",
    "EpsilonLowerBound",
    "FprTie",
    "Interval",
    "TprAtFpr",
    "advantage",
    "auc",
    "auc_interval",
    "auc_interval_delong",
    "balanced_accuracy",
    "check_random_state",
    "clopper_pearson",
    "epsilon_from_threshold_split",
    "epsilon_lower_bound",
    "newcombe_difference",
    "residual_risk",
    "residual_risk_interval",
    "resolvable_fpr",
    "roc_curve",
    "tpr_at_fpr",
    "tpr_at_fpr_interval",
    "wilson",
]

FloatArray = NDArray[np.float64]


def _json_float(x: float | None) -> float | None:
    """``x`` as a plain float, or ``None`` when it is missing or not finite."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """A point estimate with a confidence interval.

    Parameters
    ----------
    value : float
        The point estimate.
    low, high : float
        The bounds of the interval, ``low <= high``.
    level : float, default=0.95
        The confidence level of the interval, in (0, 1).
    """

    value: float
    low: float
    high: float
    level: float = 0.95

    def __post_init__(self) -> None:
        if not 0.0 < self.level < 1.0:
            raise ValueError(
                f"The 'level' parameter of Interval must be a float in (0, 1). Got {self.level!r} instead."
            )
        if not self.low <= self.high:
            raise ValueError(
                f"The bounds of an Interval must satisfy low <= high. Got low={self.low!r} and "
                f"high={self.high!r} instead."
            )

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies in the closed interval ``[low, high]``.

        Parameters
        ----------
        x : float
            The value to test.

        Returns
        -------
        bool
            ``low <= x <= high``.
        """
        return bool(self.low <= x <= self.high)

    @property
    def width(self) -> float:
        """``high - low``."""
        return self.high - self.low

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict.

        Returns
        -------
        dict
            Keys ``value``, ``low``, ``high``, ``level``; non-finite floats
            become ``None``.
        """
        return {
            "value": _json_float(self.value),
            "low": _json_float(self.low),
            "high": _json_float(self.high),
            "level": float(self.level),
        }

    def __str__(self) -> str:
        return f"{self.value:.4g} [{self.low:.4g}, {self.high:.4g}]"


#: A target FPR that falls inside a tie is resolved when the best threshold
#: above the tie reaches at least this share of the target (see
#: :func:`tpr_at_fpr_interval`).
TIE_RESOLUTION = 0.5


def _rate(x: float) -> str:
    """A rate as a percentage, with one more digit below 1%."""
    return f"{x:.1%}" if x == 0.0 or x >= 0.01 else f"{x:.2%}"


@dataclass(frozen=True)
class FprTie:
    """A tie of scores across a target FPR that no threshold can split.

    Flagging ``score >= score`` takes the whole tie or none of it: the
    operating points on either side have FPR ``fpr_below`` and ``fpr_above``
    and the target lies strictly between them. The TPR at the target is then
    not measured by these scores: a deterministic threshold reaches
    ``tpr_below`` (at an FPR far under the target) or ``tpr_above`` (above it),
    and anything in between would need the tie broken at random or by record
    order.

    Parameters
    ----------
    score : float
        The tied score.
    members, nonmembers : int
        How many members and non-members share it.
    fpr_below, fpr_above : float
        The FPR of flagging every record scored above the tie, and of
        flagging the tie too.
    tpr_below, tpr_above : float
        The TPR at the same two thresholds.
    """

    score: float
    members: int
    nonmembers: int
    fpr_below: float
    fpr_above: float
    tpr_below: float
    tpr_above: float

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict.

        Returns
        -------
        dict
            All fields; a non-finite ``score`` becomes ``None``.
        """
        return {
            "score": _json_float(self.score),
            "members": int(self.members),
            "nonmembers": int(self.nonmembers),
            "fpr_below": float(self.fpr_below),
            "fpr_above": float(self.fpr_above),
            "tpr_below": float(self.tpr_below),
            "tpr_above": float(self.tpr_above),
        }

    def __str__(self) -> str:
        return (
            f"a tie of {self.members:,} member{'s' if self.members != 1 else ''} and "
            f"{self.nonmembers:,} non-member{'s' if self.nonmembers != 1 else ''} spans "
            f"{_rate(self.fpr_below)} to {_rate(self.fpr_above)} FPR and "
            f"{_rate(self.tpr_below)} to {_rate(self.tpr_above)} TPR"
        )


@dataclass(frozen=True)
class TprAtFpr:
    """TPR at a fixed target FPR, with its Clopper-Pearson interval.

    Produced by :func:`tpr_at_fpr_interval`. ``value``, ``low``, ``high`` and
    ``level`` read like an :class:`Interval` on the TPR.

    Parameters
    ----------
    value : float
        The TPR ``tp / n_members`` at the chosen threshold.
    low, high : float
        Two-sided Clopper-Pearson interval on the TPR at that threshold (a
        binomial on the members); it is conditional on the threshold, which
        was chosen on these non-members.
    level : float
        Confidence level of the interval.
    fpr : float
        The target FPR.
    fpr_achieved : float
        The empirical FPR ``fp / n_nonmembers`` of the chosen threshold, never
        above ``fpr``.
    fpr_interval : Interval
        Two-sided Clopper-Pearson interval on the true FPR of that threshold:
        the achieved FPR is itself an estimate.
    threshold : float
        The chosen threshold (flag ``score >= threshold``); ``+inf`` when only
        flagging nobody stays within the target.
    tp, n_members, fp, n_nonmembers : int
        The counts behind the rates.
    resolvable : bool
        Whether the non-members were enough to resolve ``fpr`` (see
        :func:`resolvable_fpr`). When False, the TPR is really the TPR at
        zero false positives: conservative, but not the figure asked for.
    tie : FprTie or None, default=None
        The tie of scores that straddles ``fpr`` when it leaves the target
        unresolved (see :attr:`resolved`); ``None`` otherwise.
    """

    value: float
    low: float
    high: float
    level: float
    fpr: float
    fpr_achieved: float
    fpr_interval: Interval
    threshold: float
    tp: int
    n_members: int
    fp: int
    n_nonmembers: int
    resolvable: bool
    tie: FprTie | None = None

    @property
    def resolved(self) -> bool:
        """Whether the scores resolve the target FPR (no tie straddles it).

        When False, ``value`` is the TPR at ``fpr_achieved``, far below the
        target, and not the TPR at ``fpr``: report it as unresolved, with
        :attr:`tie`.
        """
        return self.tie is None

    @property
    def interval(self) -> Interval:
        """The TPR with its interval, as an :class:`Interval`."""
        return Interval(self.value, self.low, self.high, self.level)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict.

        Returns
        -------
        dict
            All fields; ``fpr_interval`` and ``tie`` as nested dicts (``tie``
            ``None`` when the target is resolved), ``resolved`` (see
            :attr:`resolved`) and a non-finite ``threshold`` as ``None``.
        """
        return {
            "value": _json_float(self.value),
            "low": _json_float(self.low),
            "high": _json_float(self.high),
            "level": float(self.level),
            "fpr": float(self.fpr),
            "fpr_achieved": float(self.fpr_achieved),
            "fpr_interval": self.fpr_interval.to_dict(),
            "threshold": _json_float(self.threshold),
            "tp": int(self.tp),
            "n_members": int(self.n_members),
            "fp": int(self.fp),
            "n_nonmembers": int(self.n_nonmembers),
            "resolvable": bool(self.resolvable),
            "resolved": self.resolved,
            "tie": None if self.tie is None else self.tie.to_dict(),
        }


@dataclass(frozen=True)
class EpsilonLowerBound:
    """An empirical lower bound on the differential-privacy epsilon.

    Produced by :func:`epsilon_lower_bound` and
    :func:`epsilon_from_threshold_split`. It is a one-sided result: ``low``
    is the bound, there is no upper bound.

    Parameters
    ----------
    value : float or None
        Point estimate from the raw rates ``tp / n_members`` and
        ``fp / n_nonmembers`` (same formula, no confidence correction).
        ``None`` when it is unbounded (e.g. no false positive at all while
        the TPR exceeds ``delta``): the raw rates are compatible with no
        finite epsilon, which says little with finite samples. Never use it
        as a claim; ``low`` is the claim.
    low : float
        The epsilon lower bound at confidence ``level``; ``0.0`` when the
        counts are not informative.
    level : float
        Confidence level of each one-sided Clopper-Pearson bound.
    delta : float
        The delta of (epsilon, delta)-DP assumed.
    tp, n_members, fp, n_nonmembers : int
        Members flagged, members, non-members flagged, non-members.
    tpr_low : float
        One-sided lower Clopper-Pearson bound on the TPR.
    fpr_high : float
        One-sided upper Clopper-Pearson bound on the FPR.
    threshold : float or None, default=None
        The threshold that produced the counts, when known.
    """

    value: float | None
    low: float
    level: float
    delta: float
    tp: int
    n_members: int
    fp: int
    n_nonmembers: int
    tpr_low: float
    fpr_high: float
    threshold: float | None = None

    @property
    def informative(self) -> bool:
        """Whether the bound excludes epsilon = 0 (``low > 0``)."""
        return self.low > 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict.

        Returns
        -------
        dict
            All fields; non-finite floats (an unbounded point estimate, an
            infinite threshold) become ``None``.
        """
        return {
            "value": _json_float(self.value),
            "low": float(self.low),
            "level": float(self.level),
            "delta": float(self.delta),
            "tp": int(self.tp),
            "n_members": int(self.n_members),
            "fp": int(self.fp),
            "n_nonmembers": int(self.n_nonmembers),
            "tpr_low": float(self.tpr_low),
            "fpr_high": float(self.fpr_high),
            "threshold": _json_float(self.threshold),
        }


# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------


def _is_int(x: object) -> bool:
    return isinstance(x, numbers.Integral) and not isinstance(x, bool | np.bool_)


def _is_real(x: object) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool | np.bool_)


def _check_open_unit(x: Any, name: str, caller: str) -> float:
    """``x`` as a float in the open interval (0, 1), or a ValueError."""
    if not _is_real(x) or not 0.0 < float(x) < 1.0:
        raise ValueError(
            f"The '{name}' parameter of {caller} must be a float in (0, 1). Got {x!r} instead."
        )
    return float(x)


def _check_closed_unit(x: Any, name: str, caller: str) -> float:
    """``x`` as a float in [0, 1], or a ValueError."""
    if not _is_real(x) or not 0.0 <= float(x) <= 1.0:
        raise ValueError(
            f"The '{name}' parameter of {caller} must be a float in [0, 1]. Got {x!r} instead."
        )
    return float(x)


def _check_count(k: Any, n: Any, k_name: str, n_name: str, caller: str) -> tuple[int, int]:
    """``(k, n)`` as ints with ``n >= 1`` and ``0 <= k <= n``, or a ValueError."""
    if not _is_int(n) or int(n) < 1:
        raise ValueError(
            f"The '{n_name}' parameter of {caller} must be an int >= 1. Got {n!r} instead."
        )
    if not _is_int(k) or not 0 <= int(k) <= int(n):
        raise ValueError(
            f"The '{k_name}' parameter of {caller} must be an int in [0, {n_name}={int(n)}]. "
            f"Got {k!r} instead."
        )
    return int(k), int(n)


def _check_scores(scores: ArrayLike, name: str, caller: str) -> FloatArray:
    """Validate one set of attack scores: 1-D, numeric, non-empty, no NaN."""
    arr = np.asarray(scores)
    if arr.ndim != 1:
        raise ValueError(
            f"The '{name}' parameter of {caller} must be a 1-D array of scores. "
            f"Got an array of shape {arr.shape} instead."
        )
    if arr.dtype.kind not in "biuf":
        raise ValueError(
            f"The '{name}' parameter of {caller} must be an array of real numbers. "
            f"Got an array of dtype {arr.dtype} instead."
        )
    if arr.size == 0:
        raise ValueError(
            f"The '{name}' parameter of {caller} must not be empty. Got 0 scores instead; "
            "pass the attack's score of at least one record."
        )
    out = arr.astype(np.float64)
    n_nan = int(np.isnan(out).sum())
    if n_nan:
        raise ValueError(
            f"The '{name}' parameter of {caller} contains {n_nan} NaN value"
            f"{'s' if n_nan != 1 else ''} (of {out.size} scores). An attack must score every "
            "record: drop those records from both sets or fix the attack."
        )
    return out


def _check_pair(
    scores_members: ArrayLike, scores_nonmembers: ArrayLike, caller: str
) -> tuple[FloatArray, FloatArray]:
    return (
        _check_scores(scores_members, "scores_members", caller),
        _check_scores(scores_nonmembers, "scores_nonmembers", caller),
    )


def check_random_state(seed: int | np.random.Generator | None) -> np.random.Generator:
    """Turn ``seed`` into a :class:`numpy.random.Generator`.

    Parameters
    ----------
    seed : int, numpy.random.Generator or None
        ``None``: a fresh generator seeded from the operating system (not
        reproducible). A non-negative int: a new generator seeded with it
        (reproducible). A Generator: returned as is, so that its state
        advances as it is used.

    Returns
    -------
    numpy.random.Generator
        The generator.

    Raises
    ------
    ValueError
        If ``seed`` is of another type or a negative int.
    """
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, np.random.Generator):
        return seed
    if _is_int(seed) and int(seed) >= 0:
        return np.random.default_rng(int(seed))
    raise ValueError(
        "The 'random_state' parameter of check_random_state must be a non-negative int, None "
        f"or a numpy.random.Generator. Got {seed!r} instead."
    )


# ---------------------------------------------------------------------------
# ROC, AUC, TPR at fixed FPR, advantage
# ---------------------------------------------------------------------------


def _roc_counts(
    members: FloatArray, nonmembers: FloatArray
) -> tuple[NDArray[np.int64], NDArray[np.int64], FloatArray]:
    """Counts ``tp``, ``fp`` (flagged ``score >= t``) at every distinct threshold.

    Both count arrays start with 0 (threshold ``+inf``, nobody flagged) and
    end with the set sizes (the lowest score, everybody flagged).
    """
    m = np.sort(members)
    n = np.sort(nonmembers)
    # A stable sort merges the two sorted runs in linear time (np.unique would sort the
    # concatenation from scratch). Counting the members and non-members below the first
    # of each distinct score gives what searching each distinct score in m and n gives.
    both = np.concatenate([m, n])
    order = np.argsort(both, kind="stable")
    merged = both[order]
    first = np.flatnonzero(np.concatenate([[True], merged[1:] != merged[:-1]]))[::-1]
    members_below = np.concatenate([[0], np.cumsum(order < m.size)])[first]
    distinct = merged[first]
    tp = m.size - members_below
    fp = n.size - (first - members_below)
    zero = np.zeros(1, dtype=np.int64)
    return (
        np.concatenate([zero, tp.astype(np.int64)]),
        np.concatenate([zero, fp.astype(np.int64)]),
        np.concatenate([[np.inf], distinct]).astype(np.float64),
    )


def roc_curve(
    scores_members: ArrayLike, scores_nonmembers: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Exact ROC curve of a membership attack.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.

    Returns
    -------
    fpr : ndarray of float
        False-positive rate at each threshold, non-decreasing from 0 to 1.
    tpr : ndarray of float
        True-positive rate at each threshold, non-decreasing from 0 to 1.
    thresholds : ndarray of float
        Decreasing thresholds; point ``i`` flags ``score >= thresholds[i]``.
        ``thresholds[0]`` is ``+inf`` and stands for flagging nobody (the
        ``(0, 0)`` point, as in scikit-learn); the others are the distinct
        scores, so tied scores form a single step. No point is dropped (same
        as ``sklearn.metrics.roc_curve(..., drop_intermediate=False)``).

    Raises
    ------
    ValueError
        If either set is empty, not 1-D, or contains NaN.
    """
    m, n = _check_pair(scores_members, scores_nonmembers, "roc_curve")
    tp, fp, thresholds = _roc_counts(m, n)
    return fp / n.size, tp / m.size, thresholds


def _auc_from_counts(tp: NDArray[np.int64], fp: NDArray[np.int64]) -> float:
    """Trapezoid area from the count curve, computed in exact integer steps."""
    twice_area = np.sum(np.diff(fp) * (tp[1:] + tp[:-1]), dtype=np.float64)
    return float(twice_area / 2.0 / (float(tp[-1]) * float(fp[-1])))


def auc(scores_members: ArrayLike, scores_nonmembers: ArrayLike) -> float:
    """Area under the ROC curve of a membership attack.

    The Mann-Whitney statistic: the probability that a random member scores
    higher than a random non-member, ties counting 1/2. It equals the
    trapezoid area under :func:`roc_curve`.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.

    Returns
    -------
    float
        The AUC in [0, 1]; 0.5 is chance.

    Raises
    ------
    ValueError
        If either set is empty, not 1-D, or contains NaN.
    """
    m, n = _check_pair(scores_members, scores_nonmembers, "auc")
    tp, fp, _ = _roc_counts(m, n)
    return _auc_from_counts(tp, fp)


def auc_interval(
    scores_members: ArrayLike,
    scores_nonmembers: ArrayLike,
    n_boot: int = 1000,
    level: float = 0.95,
    random_state: int | np.random.Generator | None = None,
) -> Interval:
    """AUC with a stratified percentile-bootstrap confidence interval.

    Each bootstrap replicate resamples the members and the non-members
    separately, with replacement and at their own sizes, so that every
    replicate keeps the original class balance.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.
    n_boot : int, default=1000
        Number of bootstrap replicates.
    level : float, default=0.95
        Confidence level, in (0, 1).
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the resampling (see :func:`check_random_state`).

    Returns
    -------
    Interval
        ``value`` is the AUC of the full data; ``low`` and ``high`` are the
        ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the
        bootstrap AUCs.

    Raises
    ------
    ValueError
        On invalid scores, ``n_boot < 1`` or ``level`` outside (0, 1).
    """
    m, n = _check_pair(scores_members, scores_nonmembers, "auc_interval")
    if not _is_int(n_boot) or int(n_boot) < 1:
        raise ValueError(
            f"The 'n_boot' parameter of auc_interval must be an int >= 1. Got {n_boot!r} instead."
        )
    level = _check_open_unit(level, "level", "auc_interval")
    rng = check_random_state(random_state)
    value = _auc_from_counts(*_roc_counts(m, n)[:2])

    # Each member's placement among the (resampled) non-members: the weight of
    # non-members strictly below plus half the weight of those tied with it.
    # With non-member multiplicities v (in sorted order), that is
    # cum[left] + (cum[right] - cum[left]) / 2 with cum = [0, cumsum(v)].
    n_sorted = np.sort(n)
    left = np.searchsorted(n_sorted, m, side="left")
    right = np.searchsorted(n_sorted, m, side="right")
    n_m, n_n = m.size, n.size
    boots = np.empty(int(n_boot), dtype=np.float64)
    cum = np.zeros(n_n + 1, dtype=np.float64)
    for b in range(int(n_boot)):
        counts = np.bincount(rng.integers(0, n_n, size=n_n), minlength=n_n)
        np.cumsum(counts, out=cum[1:])
        placement = 0.5 * (cum[left] + cum[right])
        boots[b] = placement[rng.integers(0, n_m, size=n_m)].sum() / (n_m * n_n)
    alpha = 1.0 - level
    low, high = np.quantile(boots, [alpha / 2.0, 1.0 - alpha / 2.0])
    return Interval(value=value, low=float(low), high=float(high), level=level)


def auc_interval_delong(
    scores_members: ArrayLike, scores_nonmembers: ArrayLike, level: float = 0.95
) -> Interval:
    """AUC with DeLong's asymptotic confidence interval (no resampling).

    The variance of the AUC is estimated from its structural components
    (DeLong, DeLong and Clarke-Pearson 1988): each member's placement among
    the non-members and each non-member's placement among the members, ties
    counting one half. It costs two sorts, against ``n_boot`` passes for
    :func:`auc_interval`, and agrees with the bootstrap when both groups hold
    more than a few dozen records.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.
    level : float, default=0.95
        Confidence level, in (0, 1).

    Returns
    -------
    Interval
        The AUC and ``AUC -/+ z * se``, clipped to [0, 1].

    Raises
    ------
    ValueError
        On invalid scores or ``level`` outside (0, 1).
    """
    m, n = _check_pair(scores_members, scores_nonmembers, "auc_interval_delong")
    level = _check_open_unit(level, "level", "auc_interval_delong")
    n_sorted, m_sorted = np.sort(n), np.sort(m)
    # member i: share of non-members below it (ties half); non-member j: share of members above
    v10 = (
        np.searchsorted(n_sorted, m, side="left") + np.searchsorted(n_sorted, m, side="right")
    ) / (2.0 * n.size)
    v01 = 1.0 - (
        np.searchsorted(m_sorted, n, side="left") + np.searchsorted(m_sorted, n, side="right")
    ) / (2.0 * m.size)
    value = float(v10.mean())
    var = 0.0
    if m.size > 1:
        var += float(np.var(v10, ddof=1)) / m.size
    if n.size > 1:
        var += float(np.var(v01, ddof=1)) / n.size
    z = float(_sps.norm.ppf(0.5 + level / 2.0))
    half = z * math.sqrt(var)
    return Interval(
        value=value, low=max(0.0, value - half), high=min(1.0, value + half), level=level
    )


def _max_count(rate: float, n: int) -> int:
    """Largest count ``c`` with ``c / n <= rate`` (robust to rounding of ``rate * n``)."""
    return min(n, math.floor(rate * n * (1.0 + 1e-12)))


def _tpr_at_fpr_index(
    tp: NDArray[np.int64], fp: NDArray[np.int64], n_nonmembers: int, fpr: float
) -> int:
    """Index of the ROC point with the largest TPR among those with FPR <= fpr."""
    # fp is non-decreasing and fp[0] == 0, so the last admissible point wins
    return int(np.searchsorted(fp, _max_count(fpr, n_nonmembers), side="right")) - 1


def _straddling_tie(
    tp: NDArray[np.int64],
    fp: NDArray[np.int64],
    thresholds: FloatArray,
    i: int,
    n_members: int,
    n_nonmembers: int,
    fpr: float,
) -> FprTie | None:
    """The tie just below ROC point ``i`` when it leaves ``fpr`` unresolved, else ``None``.

    Point ``i`` is the last with FPR ``<= fpr``; the next step is one
    distinct score, so it is the tie that straddles the target. The target
    is unresolved when that tie holds members (so the TPR at the target
    depends on how it would be split) and point ``i`` uses fewer than
    :data:`TIE_RESOLUTION` of the false positives the target allows. With no
    tied non-members the next step adds one false positive, so point ``i``
    uses them all and the target is resolved.
    """
    allowed = _max_count(fpr, n_nonmembers)
    if i + 1 >= tp.size or int(tp[i + 1]) == int(tp[i]):
        return None
    if int(fp[i]) >= TIE_RESOLUTION * allowed:
        return None
    return FprTie(
        score=float(thresholds[i + 1]),
        members=int(tp[i + 1] - tp[i]),
        nonmembers=int(fp[i + 1] - fp[i]),
        fpr_below=int(fp[i]) / n_nonmembers,
        fpr_above=int(fp[i + 1]) / n_nonmembers,
        tpr_below=int(tp[i]) / n_members,
        tpr_above=int(tp[i + 1]) / n_members,
    )


@overload
def tpr_at_fpr(
    scores_members: ArrayLike,
    scores_nonmembers: ArrayLike,
    fpr: float,
    *,
    strict: Literal[False] = ...,
) -> float: ...


@overload
def tpr_at_fpr(
    scores_members: ArrayLike, scores_nonmembers: ArrayLike, fpr: float, *, strict: bool
) -> float | None: ...


def tpr_at_fpr(
    scores_members: ArrayLike, scores_nonmembers: ArrayLike, fpr: float, *, strict: bool = False
) -> float | None:
    """TPR of the best threshold whose empirical FPR is at most ``fpr``.

    Conservative: only thresholds actually observed are used, with no
    interpolation across the target (no randomised classifier mixing two
    thresholds), so the reported TPR is achieved at an FPR ``<= fpr`` on
    these non-members. Ties are never broken: when a tie of scores
    straddles the target, that TPR may be measured far below it (see
    :func:`tpr_at_fpr_interval`, whose ``resolved`` says so, and ``strict``).

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.
    fpr : float
        The target false-positive rate, in (0, 1).
    strict : bool, default=False
        Return ``None`` instead of a number when a tie of scores leaves the
        target unresolved (:attr:`TprAtFpr.resolved` is False).

    Returns
    -------
    float or None
        The largest TPR over thresholds with ``fp / n_nonmembers <= fpr``;
        0.0 when only flagging nobody stays within the target; ``None``
        with ``strict=True`` when the target is unresolved.

    Raises
    ------
    ValueError
        On invalid scores or ``fpr`` outside (0, 1).

    See Also
    --------
    tpr_at_fpr_interval : The same, with a confidence interval and
        diagnostics.
    resolvable_fpr : Whether there are enough non-members for ``fpr``.
    """
    fpr = _check_open_unit(fpr, "fpr", "tpr_at_fpr")
    m, n = _check_pair(scores_members, scores_nonmembers, "tpr_at_fpr")
    tp, fp, thresholds = _roc_counts(m, n)
    i = _tpr_at_fpr_index(tp, fp, n.size, fpr)
    if strict and _straddling_tie(tp, fp, thresholds, i, m.size, n.size, fpr) is not None:
        return None
    return float(tp[i] / m.size)


def resolvable_fpr(n_nonmembers: int, fpr: float) -> bool:
    """Whether ``n_nonmembers`` non-members can resolve a false-positive rate ``fpr``.

    Rule: resolvable when ``n_nonmembers >= 1 / fpr`` (equivalently
    ``n_nonmembers * fpr >= 1``), i.e. the target allows at least one false
    positive. With fewer non-members the only thresholds within the target
    make no false positive at all, so "TPR at ``fpr``" is really the TPR at
    FPR 0 on this sample: conservative, but it measures a stricter operating
    point than the one asked for, and an FPR of 0 on fewer than ``1 / fpr``
    records does not show that the true FPR is below ``fpr``. For example,
    0.1% FPR needs at least 1,000 non-members and 1% needs 100. This is a
    minimum: the FPR of the chosen threshold is itself uncertain (see
    ``fpr_interval`` in :func:`tpr_at_fpr_interval`), and tens of expected
    false positives (``n_nonmembers * fpr >= 10`` or more) make the
    estimate stable.

    Parameters
    ----------
    n_nonmembers : int
        Number of non-members scored.
    fpr : float
        The target false-positive rate, in (0, 1).

    Returns
    -------
    bool
        ``n_nonmembers * fpr >= 1`` (up to rounding of ``fpr``).

    Raises
    ------
    ValueError
        If ``n_nonmembers`` is not a non-negative int or ``fpr`` is outside
        (0, 1).
    """
    fpr = _check_open_unit(fpr, "fpr", "resolvable_fpr")
    if not _is_int(n_nonmembers) or int(n_nonmembers) < 0:
        raise ValueError(
            "The 'n_nonmembers' parameter of resolvable_fpr must be an int >= 0. "
            f"Got {n_nonmembers!r} instead."
        )
    return _max_count(fpr, int(n_nonmembers)) >= 1


def tpr_at_fpr_interval(
    scores_members: ArrayLike,
    scores_nonmembers: ArrayLike,
    fpr: float,
    level: float = 0.95,
) -> TprAtFpr:
    """TPR at a fixed FPR with a Clopper-Pearson interval and diagnostics.

    The threshold is the one :func:`tpr_at_fpr` picks (largest TPR with
    empirical FPR ``<= fpr``). The interval is the exact binomial
    (Clopper-Pearson) interval on the members flagged at that threshold; it
    treats the threshold as fixed, so it does not include the uncertainty of
    the threshold's FPR, which is reported separately (``fpr_interval``).

    Ties are never broken. When one tied score holds members and non-members
    on both sides of the target (its non-members take the FPR from below to
    above ``fpr``), no threshold reaches the target: the best one above the
    tie may flag far fewer records than the target allows. The result then
    says the target is unresolved (``resolved`` False) and carries the tie
    (``tie``: its members and non-members, the FPR and TPR just above and
    just below it) whenever that threshold's FPR is under
    :data:`TIE_RESOLUTION` (half) of the target; ``value`` is still the TPR
    of that threshold, at ``fpr_achieved``, never a TPR invented by
    splitting the tie at random or by record order. A tie without members
    does not change the TPR on either side and leaves the target resolved.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.
    fpr : float
        The target false-positive rate, in (0, 1).
    level : float, default=0.95
        Confidence level of the intervals, in (0, 1).

    Returns
    -------
    TprAtFpr
        The TPR with its interval (``value``, ``low``, ``high``), the
        threshold, the counts, the achieved FPR with its interval,
        ``resolvable`` (see :func:`resolvable_fpr`) and ``tie`` (see above).

    Raises
    ------
    ValueError
        On invalid scores, or ``fpr`` or ``level`` outside (0, 1).
    """
    fpr = _check_open_unit(fpr, "fpr", "tpr_at_fpr_interval")
    level = _check_open_unit(level, "level", "tpr_at_fpr_interval")
    m, n = _check_pair(scores_members, scores_nonmembers, "tpr_at_fpr_interval")
    return _tpr_at_fpr_from_counts(_roc_counts(m, n), m.size, n.size, fpr, level)


def _tpr_at_fpr_from_counts(
    counts: tuple[NDArray[np.int64], NDArray[np.int64], FloatArray],
    n_members: int,
    n_nonmembers: int,
    fpr: float,
    level: float,
) -> TprAtFpr:
    """:func:`tpr_at_fpr_interval` from the counts of :func:`_roc_counts` (checked inputs)."""
    tp, fp, thresholds = counts
    i = _tpr_at_fpr_index(tp, fp, n_nonmembers, fpr)
    k_tp, k_fp = int(tp[i]), int(fp[i])
    tpr_ci = clopper_pearson(k_tp, n_members, level)
    return TprAtFpr(
        value=tpr_ci.value,
        low=tpr_ci.low,
        high=tpr_ci.high,
        level=level,
        fpr=fpr,
        fpr_achieved=k_fp / n_nonmembers,
        fpr_interval=clopper_pearson(k_fp, n_nonmembers, level),
        threshold=float(thresholds[i]),
        tp=k_tp,
        n_members=n_members,
        fp=k_fp,
        n_nonmembers=n_nonmembers,
        resolvable=resolvable_fpr(n_nonmembers, fpr),
        tie=_straddling_tie(tp, fp, thresholds, i, n_members, n_nonmembers, fpr),
    )


def advantage(scores_members: ArrayLike, scores_nonmembers: ArrayLike) -> float:
    """Membership advantage of the best threshold: ``max_t TPR(t) - FPR(t)``.

    Only the stated direction is used (higher score means member); an attack
    that works backwards gets advantage 0, not the advantage of its mirror.
    The threshold is chosen on the same data it is measured on, so this is
    optimistic for small samples; it is a descriptive figure, not a bound.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.

    Returns
    -------
    float
        The advantage in [0, 1] (Yeom et al. 2018); 0 is chance, 1 perfect
        separation.

    Raises
    ------
    ValueError
        If either set is empty, not 1-D, or contains NaN.
    """
    m, n = _check_pair(scores_members, scores_nonmembers, "advantage")
    tp, fp, _ = _roc_counts(m, n)
    return _advantage_from_counts(tp, fp)


def _advantage_from_counts(tp: NDArray[np.int64], fp: NDArray[np.int64]) -> float:
    """:func:`advantage` from the counts of :func:`_roc_counts`."""
    return float(np.max(tp / int(tp[-1]) - fp / int(fp[-1])))


def balanced_accuracy(scores_members: ArrayLike, scores_nonmembers: ArrayLike) -> float:
    """Balanced accuracy of the best threshold: ``(1 + advantage) / 2``.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of the members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of the non-members.

    Returns
    -------
    float
        ``max_t (TPR(t) + 1 - FPR(t)) / 2`` in [0.5, 1].

    Raises
    ------
    ValueError
        If either set is empty, not 1-D, or contains NaN.

    See Also
    --------
    advantage : The same figure as ``TPR - FPR``.
    """
    m, n = _check_pair(scores_members, scores_nonmembers, "balanced_accuracy")
    tp, fp, _ = _roc_counts(m, n)
    return float((1.0 + np.max(tp / m.size - fp / n.size)) / 2.0)


# ---------------------------------------------------------------------------
# binomial intervals
# ---------------------------------------------------------------------------


def _cp_lower(k: int, n: int, confidence: float) -> float:
    """One-sided lower Clopper-Pearson bound at ``confidence``."""
    if k == 0:
        return 0.0
    return float(_sps.beta.ppf(1.0 - confidence, k, n - k + 1))


def _cp_upper(k: int, n: int, confidence: float) -> float:
    """One-sided upper Clopper-Pearson bound at ``confidence``."""
    if k == n:
        return 1.0
    return float(_sps.beta.ppf(confidence, k + 1, n - k))


def clopper_pearson(
    k: int,
    n: int,
    level: float = 0.95,
    alternative: Literal["two-sided", "greater", "less"] = "two-sided",
) -> Interval:
    """Exact (Clopper-Pearson) confidence interval for a binomial proportion.

    Parameters
    ----------
    k : int
        Number of successes, ``0 <= k <= n``.
    n : int
        Number of trials, ``n >= 1``.
    level : float, default=0.95
        Confidence level, in (0, 1).
    alternative : {"two-sided", "greater", "less"}, default="two-sided"
        ``"two-sided"``: bounds at ``(1 - level) / 2`` in each tail.
        ``"greater"``: a one-sided lower bound, ``high = 1``.
        ``"less"``: a one-sided upper bound, ``low = 0``. Same meaning as in
        :func:`scipy.stats.binomtest`.

    Returns
    -------
    Interval
        ``value = k / n``; bounds from beta quantiles:
        ``low = Beta(k, n - k + 1).ppf(a)`` (0 when ``k = 0``) and
        ``high = Beta(k + 1, n - k).ppf(1 - a)`` (1 when ``k = n``), with
        ``a = (1 - level) / 2`` two-sided and ``1 - level`` one-sided.

    Raises
    ------
    ValueError
        If the counts or ``level`` are invalid.
    """
    k, n = _check_count(k, n, "k", "n", "clopper_pearson")
    level = _check_open_unit(level, "level", "clopper_pearson")
    if alternative == "two-sided":
        conf = 1.0 - (1.0 - level) / 2.0
        low, high = _cp_lower(k, n, conf), _cp_upper(k, n, conf)
    elif alternative == "greater":
        low, high = _cp_lower(k, n, level), 1.0
    elif alternative == "less":
        low, high = 0.0, _cp_upper(k, n, level)
    else:
        raise ValueError(
            "The 'alternative' parameter of clopper_pearson must be one of 'two-sided', "
            f"'greater', 'less'. Got {alternative!r} instead."
        )
    return Interval(value=k / n, low=low, high=high, level=level)


def wilson(k: int, n: int, level: float = 0.95) -> Interval:
    """Wilson score confidence interval for a binomial proportion.

    Parameters
    ----------
    k : int
        Number of successes, ``0 <= k <= n``.
    n : int
        Number of trials, ``n >= 1``.
    level : float, default=0.95
        Confidence level, in (0, 1).

    Returns
    -------
    Interval
        ``value = k / n``; bounds
        ``(p + z^2 / 2n -+ z sqrt(p (1 - p) / n + z^2 / 4n^2)) / (1 + z^2 / n)``
        with ``z`` the ``(1 + level) / 2`` normal quantile, clipped to [0, 1].

    Raises
    ------
    ValueError
        If the counts or ``level`` are invalid.
    """
    k, n = _check_count(k, n, "k", "n", "wilson")
    level = _check_open_unit(level, "level", "wilson")
    z = float(_sps.norm.ppf(0.5 + level / 2.0))
    p = k / n
    z2n = z * z / n
    center = (p + z2n / 2.0) / (1.0 + z2n)
    half = z / (1.0 + z2n) * math.sqrt(p * (1.0 - p) / n + z2n / (4.0 * n))
    low = 0.0 if k == 0 else max(0.0, center - half)
    high = 1.0 if k == n else min(1.0, center + half)
    return Interval(value=p, low=low, high=high, level=level)


def newcombe_difference(k1: int, n1: int, k2: int, n2: int, level: float = 0.95) -> Interval:
    """Difference of two independent binomial proportions with Newcombe's hybrid score interval.

    Parameters
    ----------
    k1, n1 : int
        Successes and trials of the first proportion, ``0 <= k1 <= n1``, ``n1 >= 1``.
    k2, n2 : int
        Successes and trials of the second proportion.
    level : float, default=0.95
        Confidence level, in (0, 1).

    Returns
    -------
    Interval
        ``value = k1 / n1 - k2 / n2``; bounds from the two Wilson intervals
        ``(l1, u1)``, ``(l2, u2)`` (Newcombe 1998, method 10):
        ``low = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)`` and
        ``high = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)``, within [-1, 1].

    Raises
    ------
    ValueError
        If the counts or ``level`` are invalid.

    Notes
    -----
    Used for the records an attack flags beyond chance: members flagged at a
    threshold minus the false-positive rate of that threshold on the
    non-members, times the members.
    """
    caller = "newcombe_difference"
    k1, n1 = _check_count(k1, n1, "k1", "n1", caller)
    k2, n2 = _check_count(k2, n2, "k2", "n2", caller)
    level = _check_open_unit(level, "level", caller)
    a, b = wilson(k1, n1, level), wilson(k2, n2, level)
    d = a.value - b.value
    low = d - math.sqrt((a.value - a.low) ** 2 + (b.high - b.value) ** 2)
    high = d + math.sqrt((a.high - a.value) ** 2 + (b.value - b.low) ** 2)
    return Interval(value=d, low=max(-1.0, min(low, d)), high=min(1.0, max(high, d)), level=level)


# ---------------------------------------------------------------------------
# empirical differential-privacy epsilon
# ---------------------------------------------------------------------------


def _epsilon(tpr: float, fpr: float, delta: float) -> float:
    """``max(log((tpr - delta) / fpr), log((1 - delta - fpr) / (1 - tpr)), 0)``.

    A term whose numerator is not positive is skipped (it does not constrain
    epsilon); a term with a positive numerator over a zero denominator is
    ``+inf``.
    """
    best = 0.0
    for num, den in ((tpr - delta, fpr), (1.0 - delta - fpr, 1.0 - tpr)):
        if num <= 0.0:
            continue
        best = max(best, math.inf if den <= 0.0 else math.log(num / den))
    return best


def epsilon_lower_bound(
    tp: int,
    n_members: int,
    fp: int,
    n_nonmembers: int,
    delta: float = 0.0,
    level: float = 0.95,
) -> EpsilonLowerBound:
    """Empirical lower bound on epsilon from an attack's counts at one threshold.

    An (epsilon, delta)-DP training algorithm forces every membership test to
    satisfy ``TPR <= exp(eps) FPR + delta`` and
    ``1 - FPR <= exp(eps) (1 - TPR) + delta`` (Kairouz et al. 2015). Observed
    counts therefore imply (Jagielski et al. 2020; Nasr et al. 2021)::

        eps_lb = max(log((TPR_lo - delta) / FPR_hi),
                     log((1 - delta - FPR_hi) / (1 - TPR_lo)),
                     0)

    where ``TPR_lo`` is the one-sided lower Clopper-Pearson bound on the TPR
    and ``FPR_hi`` the one-sided upper bound on the FPR, each at confidence
    ``level``. A term whose numerator is not positive is dropped (not
    informative); ``FPR_hi > 0`` and ``TPR_lo < 1`` always hold, so ``eps_lb``
    is finite. The two bounds hold jointly with probability at least
    ``2 * level - 1`` (union bound; 0.90 for the default), so ``eps_lb`` is a
    valid lower bound at that joint confidence, provided the threshold was
    fixed before these counts were taken (see
    :func:`epsilon_from_threshold_split`).

    The bound concerns the model-training procedure as audited here (one
    model, these records); it shows a model is *not* ``eps``-DP for any
    ``eps < eps_lb``, never that it is DP.

    Parameters
    ----------
    tp : int
        Members flagged by the test, ``0 <= tp <= n_members``.
    n_members : int
        Members tested, ``>= 1``.
    fp : int
        Non-members flagged, ``0 <= fp <= n_nonmembers``.
    n_nonmembers : int
        Non-members tested, ``>= 1``.
    delta : float, default=0.0
        The delta of (epsilon, delta)-DP, in [0, 1).
    level : float, default=0.95
        Confidence of each one-sided Clopper-Pearson bound, in (0, 1).

    Returns
    -------
    EpsilonLowerBound
        ``low`` is ``eps_lb`` (0.0 when not informative); ``value`` is the
        same formula on the raw rates ``tp / n_members`` and
        ``fp / n_nonmembers``, or ``None`` when that is unbounded (a positive
        numerator over a zero rate, e.g. ``fp = 0`` with ``tp > 0``).

    Raises
    ------
    ValueError
        If the counts, ``delta`` or ``level`` are invalid.
    """
    caller = "epsilon_lower_bound"
    tp, n_members = _check_count(tp, n_members, "tp", "n_members", caller)
    fp, n_nonmembers = _check_count(fp, n_nonmembers, "fp", "n_nonmembers", caller)
    if not _is_real(delta) or not 0.0 <= float(delta) < 1.0:
        raise ValueError(
            f"The 'delta' parameter of {caller} must be a float in [0, 1). Got {delta!r} instead."
        )
    delta = float(delta)
    level = _check_open_unit(level, "level", caller)
    tpr_low = _cp_lower(tp, n_members, level)
    fpr_high = _cp_upper(fp, n_nonmembers, level)
    point = _epsilon(tp / n_members, fp / n_nonmembers, delta)
    return EpsilonLowerBound(
        value=point if math.isfinite(point) else None,
        low=_epsilon(tpr_low, fpr_high, delta),
        level=level,
        delta=delta,
        tp=tp,
        n_members=n_members,
        fp=fp,
        n_nonmembers=n_nonmembers,
        tpr_low=tpr_low,
        fpr_high=fpr_high,
    )


def epsilon_from_threshold_split(
    scores_members: ArrayLike,
    scores_nonmembers: ArrayLike,
    threshold: float,
    delta: float = 0.0,
    level: float = 0.95,
) -> EpsilonLowerBound:
    """Epsilon lower bound of the test ``score >= threshold`` on held-out scores.

    Counts the members and non-members flagged at ``threshold`` and passes
    the counts to :func:`epsilon_lower_bound`.

    The threshold MUST have been chosen on other records than the ones
    scored here (e.g. one random half of the members and non-members chooses
    the threshold, the other half is passed here). Choosing the threshold on
    these same scores (say, the one with the best ratio) selects for lucky
    noise and makes the bound optimistic: it is then no longer a valid
    confidence bound. This function cannot check that; the caller must.

    Parameters
    ----------
    scores_members : array-like of shape (n_members,)
        Attack scores of held-out members; higher means "member".
    scores_nonmembers : array-like of shape (n_nonmembers,)
        Attack scores of held-out non-members.
    threshold : float
        A record is flagged when ``score >= threshold``; ``+inf`` flags
        nobody (and gives a bound of 0).
    delta : float, default=0.0
        The delta of (epsilon, delta)-DP, in [0, 1).
    level : float, default=0.95
        Confidence of each one-sided Clopper-Pearson bound, in (0, 1).

    Returns
    -------
    EpsilonLowerBound
        The bound, with its counts and ``threshold`` recorded.

    Raises
    ------
    ValueError
        On invalid scores, a NaN threshold, or invalid ``delta``/``level``.
    """
    caller = "epsilon_from_threshold_split"
    m, n = _check_pair(scores_members, scores_nonmembers, caller)
    if not _is_real(threshold) or math.isnan(float(threshold)):
        raise ValueError(
            f"The 'threshold' parameter of {caller} must be a real number (not NaN). "
            f"Got {threshold!r} instead."
        )
    t = float(threshold)
    if t == math.inf:
        tp, fp = 0, 0  # +inf is the "flag nobody" threshold of roc_curve
    else:
        tp, fp = int(np.sum(m >= t)), int(np.sum(n >= t))
    result = epsilon_lower_bound(tp, m.size, fp, n.size, delta=delta, level=level)
    return dataclasses.replace(result, threshold=t)


# ---------------------------------------------------------------------------
# residual risk over a control set (anonymeter)
# ---------------------------------------------------------------------------


def residual_risk(attack_success: float, control_success: float) -> float:
    """Residual risk of an attack over a control: ``(attack - control) / (1 - control)``.

    The control rate is the attack's success on records that were not used
    (the control set): what it achieves from population-level knowledge
    alone. The residual risk is the share of the remaining room that the
    attack captures thanks to the data used (Giomi et al. 2023, anonymeter).

    Parameters
    ----------
    attack_success : float
        Success rate of the attack on the audited records, in [0, 1].
    control_success : float
        Success rate of the same attack on the control records, in [0, 1].

    Returns
    -------
    float
        The risk clipped to [0, 1]; 0.0 when ``control_success == 1`` (no
        room left to exceed the control).

    Raises
    ------
    ValueError
        If a rate is outside [0, 1].
    """
    a = _check_closed_unit(attack_success, "attack_success", "residual_risk")
    c = _check_closed_unit(control_success, "control_success", "residual_risk")
    if c >= 1.0:
        return 0.0
    return float(min(1.0, max(0.0, (a - c) / (1.0 - c))))


def residual_risk_interval(
    k_attack: int,
    n_attack: int,
    k_control: int,
    n_control: int,
    level: float = 0.95,
) -> Interval:
    """Residual risk with an interval from Wilson intervals on both rates.

    ``value = residual_risk(k_attack / n_attack, k_control / n_control)``.
    The bounds take the worst corners of the two Wilson intervals:
    ``low = residual_risk(attack_low, control_high)`` and
    ``high = residual_risk(attack_high, control_low)``, all clipped to
    [0, 1]. (anonymeter propagates the Wilson half-widths to first order
    instead; the corners are wider and never shorter.) The two intervals
    hold jointly with probability at least ``2 * level - 1``.

    Parameters
    ----------
    k_attack : int
        Successful attacks on the audited records.
    n_attack : int
        Attacks on the audited records, ``>= 1``.
    k_control : int
        Successful attacks on the control records.
    n_control : int
        Attacks on the control records, ``>= 1``.
    level : float, default=0.95
        Confidence level of each Wilson interval, in (0, 1).

    Returns
    -------
    Interval
        The residual risk and its bounds, in [0, 1].

    Raises
    ------
    ValueError
        If the counts or ``level`` are invalid.
    """
    caller = "residual_risk_interval"
    k_attack, n_attack = _check_count(k_attack, n_attack, "k_attack", "n_attack", caller)
    k_control, n_control = _check_count(k_control, n_control, "k_control", "n_control", caller)
    level = _check_open_unit(level, "level", caller)
    a = wilson(k_attack, n_attack, level)
    c = wilson(k_control, n_control, level)
    return Interval(
        value=residual_risk(a.value, c.value),
        low=residual_risk(a.low, c.high),
        high=residual_risk(a.high, c.low),
        level=level,
    )
