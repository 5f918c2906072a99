"""``membership_inference``: run the membership attacks on one model and measure them."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from modelprivacy.attacks.cache import reference_cache
from modelprivacy.attacks.cluster import reference_backend
from modelprivacy.attacks.exposure import Exposure, exposure, outlierness
from modelprivacy.attacks.membership import (
    ATTACKS,
    attack_scores,
    choose_rmia_offline_a,
    qmia_attack_scores,
)
from modelprivacy.attacks.reference import (
    DEFAULT_REFERENCE_MODELS,
    KChoice,
    ReferenceSignals,
    check_budget_choice,
    choose_k,
    fit_reference_models,
)
from modelprivacy.attacks.target import DEFAULT_BATCH_SIZE, BlackBox, Target, as_query_model
from modelprivacy.errors import DataError, ModelPrivacyError
from modelprivacy.load.data import check_disjoint, concat_rows

if TYPE_CHECKING:
    from modelprivacy.stats import EpsilonLowerBound, Interval, TprAtFpr

__all__ = [
    "DEFAULT_ATTACKS",
    "MODEL_SPECIFIC_ATTACKS",
    "QUERY_ONLY_ATTACKS",
    "ROC_POINTS",
    "AttackMetrics",
    "MembershipResult",
    "RocCurve",
    "ScoreHistogram",
    "membership_inference",
    "roc_curve",
    "score_histogram",
    "svm_margin_scores",
]

DEFAULT_ATTACKS = (
    "loss",
    "population",
    "lira_offline",
    "lira_online",
    "rmia_offline",
    "rmia_online",
)
FPRS = (0.001, 0.01, 0.1)
# Model-specific attacks, run when the target is of the right kind (see svm_margin_scores).
MODEL_SPECIFIC_ATTACKS = ("svm_margin",)


def _final_estimator(model: Any) -> Any:
    steps = getattr(model, "steps", None)
    return steps[-1][1] if isinstance(steps, list) and steps else model


def svm_margin_applies(model: Any) -> bool:
    """Whether the target is a binary kernel SVM classifier (``SVC``, ``NuSVC``)."""
    est = _final_estimator(model)
    classes = getattr(est, "classes_", None)
    return (
        type(est).__name__ in ("SVC", "NuSVC")
        and classes is not None
        and len(classes) == 2
        and callable(getattr(model, "decision_function", None))
    )


def svm_margin_scores(model: Any, X: Any) -> np.ndarray:
    """Margin attack on a binary kernel SVM: closeness of ``|f(x)|`` to 1.

    A training record that becomes a free support vector (``0 < alpha < C``)
    sits exactly on the margin, ``|f(x)| = 1``; a record the model never saw
    lands there only by chance. The score is ``-| |f(x)| - 1 |`` (higher
    means member). A supervised attack model trained on known members learns
    the same thing; reference-model attacks, which compare Gaussian fits of
    the signal, do not.

    Parameters
    ----------
    model : estimator
        A binary SVC or NuSVC, or a Pipeline ending in one.
    X : array-like
        Records.

    Returns
    -------
    ndarray of shape (n,)
        The scores.
    """
    f = np.asarray(model.decision_function(X), dtype=np.float64).reshape(-1)
    return np.asarray(-np.abs(np.abs(f) - 1.0))


@dataclass(frozen=True)
class AttackMetrics:
    """How well one attack tells members from non-members.

    Attributes
    ----------
    name : str
        The attack.
    auc : Interval
        ROC AUC with DeLong's 95% interval.
    tpr_at_fpr : dict
        ``{fpr: Interval}``: TPR at the largest threshold whose FPR stays at
        or below ``fpr``, with a Clopper-Pearson interval.
    resolvable : dict
        ``{fpr: bool}``: whether there are enough non-members to measure it.
    advantage : float
        max(TPR - FPR) over thresholds (balanced accuracy = (1 + advantage) / 2).
    epsilon : Interval
        Empirical epsilon lower bound (95% Clopper-Pearson) at a threshold
        chosen on one half of the records and counted on the other.
    """

    name: str
    auc: Interval
    tpr_at_fpr: dict[float, TprAtFpr]
    resolvable: dict[float, bool]
    advantage: float
    epsilon: EpsilonLowerBound

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "name": self.name,
            "auc": self.auc.to_dict(),
            "tpr_at_fpr": {str(k): v.to_dict() for k, v in self.tpr_at_fpr.items()},
            "resolvable": {str(k): v for k, v in self.resolvable.items()},
            "advantage": self.advantage,
            "epsilon_lower_bound": self.epsilon.to_dict(),
        }


ROC_POINTS = 300
"""Most points of a stored ROC curve (log-spaced false-positive rates)."""

HISTOGRAM_BINS = 50
"""Bins of the stored score histogram."""


@dataclass(frozen=True)
class RocCurve:
    """The ROC curve of one attack, on a log-spaced grid of false-positive rates.

    Attributes
    ----------
    fpr : tuple of float
        At most :data:`ROC_POINTS` false-positive rates, increasing from
        ``1 / n_nonmembers`` to 1: the points of a log-spaced grid where the
        TPR changes (and the last).
    tpr : tuple of float
        The TPR at the largest threshold whose FPR stays at or below each
        rate, held until the next rate (a step curve).
    """

    fpr: tuple[float, ...]
    tpr: tuple[float, ...]

    def to_dict(self) -> dict[str, list[float]]:
        """Return a JSON-serialisable dict."""
        return {"fpr": list(self.fpr), "tpr": list(self.tpr)}


@dataclass(frozen=True)
class ScoreHistogram:
    """Histogram of members' and non-members' scores under one attack.

    Attributes
    ----------
    attack : str
        The attack.
    edges : tuple of float
        Bin edges shared by both groups (empty when no score is finite).
    members, nonmembers : tuple of float
        Density of each group per bin (each integrates to 1; empty when the
        group has no finite score).
    n_members, n_nonmembers : int
        Records with a finite score in each group.
    """

    attack: str
    edges: tuple[float, ...]
    members: tuple[float, ...]
    nonmembers: tuple[float, ...]
    n_members: int
    n_nonmembers: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "attack": self.attack,
            "edges": list(self.edges),
            "members": list(self.members),
            "nonmembers": list(self.nonmembers),
            "n_members": self.n_members,
            "n_nonmembers": self.n_nonmembers,
        }


def _finite_scores(scores: np.ndarray) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    s = np.where(np.isnan(s), -np.inf, s)
    return np.clip(s, -np.finfo(np.float64).max, np.finfo(np.float64).max)


def roc_curve(scores: np.ndarray, is_member: np.ndarray, points: int = ROC_POINTS) -> RocCurve:
    """The ROC curve of one attack, downsampled to a log-spaced FPR grid.

    Parameters
    ----------
    scores : ndarray
        Scores of the audited records (higher means member; NaN counts as lowest).
    is_member : ndarray of bool
        Ground truth of the audited records.
    points : int, default=ROC_POINTS
        Grid points (log-spaced FPRs from ``1 / n_nonmembers`` to 1).

    Returns
    -------
    RocCurve
        The curve, with at most ``points`` points.
    """
    from modelprivacy import stats

    is_member = np.asarray(is_member, dtype=bool)
    lo = 1.0 / max(int((~is_member).sum()), 1)
    grid = np.unique(np.geomspace(lo, 1.0, points))
    s = _finite_scores(scores)
    fpr, tpr, _ = stats.roc_curve(s[is_member], s[~is_member])
    idx = np.clip(np.searchsorted(fpr, grid, side="right") - 1, 0, len(tpr) - 1)
    y = np.asarray(tpr, dtype=np.float64)[idx]
    # a point whose TPR equals the previous one adds nothing to the step curve
    keep = np.r_[True, y[1:] != y[:-1]]
    keep[-1] = True
    return RocCurve(fpr=tuple(float(x) for x in grid[keep]), tpr=tuple(float(x) for x in y[keep]))


def score_histogram(
    attack: str, scores: np.ndarray, is_member: np.ndarray, bins: int = HISTOGRAM_BINS
) -> ScoreHistogram:
    """Densities of members' and non-members' finite scores over shared bins.

    Parameters
    ----------
    attack : str
        The attack.
    scores : ndarray
        Scores of the audited records.
    is_member : ndarray of bool
        Ground truth of the audited records.
    bins : int, default=HISTOGRAM_BINS
        Number of bins.

    Returns
    -------
    ScoreHistogram
        The histogram.
    """
    s = np.asarray(scores, dtype=np.float64)
    is_member = np.asarray(is_member, dtype=bool)
    ok = np.isfinite(s)
    sel_in, sel_out = is_member & ok, ~is_member & ok
    if not ok.any():
        return ScoreHistogram(attack, (), (), (), 0, 0)
    lo, hi = float(s[ok].min()), float(s[ok].max())
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    edges = np.linspace(lo, hi, bins + 1)

    def density(sel: np.ndarray) -> tuple[float, ...]:
        if not sel.any():
            return ()
        return tuple(float(x) for x in np.histogram(s[sel], bins=edges, density=True)[0])

    return ScoreHistogram(
        attack=attack,
        edges=tuple(float(x) for x in edges),
        members=density(sel_in),
        nonmembers=density(sel_out),
        n_members=int(sel_in.sum()),
        n_nonmembers=int(sel_out.sum()),
    )


@dataclass(frozen=True)
class MembershipResult:
    """The result of :func:`membership_inference`.

    Attributes
    ----------
    metrics : dict
        ``{attack: AttackMetrics}``.
    scores : dict
        ``{attack: ndarray}``: score of every audited record (members first,
        then non-members), higher meaning member.
    is_member : ndarray of bool
        Ground truth for the audited records.
    k : int
        Number of reference models.
    seed : int
        The seed.
    rmia_a : float
        RMIA's offline parameter, chosen on the reference models.
    exposure : Exposure or None
        Per-record vulnerability and its relation to outlierness.
    member_index : ndarray or None
        Row in the training data of each audited member, when the members
        were sampled (``max_records``).
    n_train, n_holdout : int or None
        Records given, before any sampling.
    roc : dict
        ``{attack: RocCurve}``, at most :data:`ROC_POINTS` points each.
    skipped_attacks : dict
        ``{attack: why}``: the attacks asked for that did not run (reference
        attacks on a model that cannot be refitted and has no ``fit_fn``).
    queries : int or None
        Records the black-box target was asked about (``None`` for a model
        object, whose queries are not counted).
    histogram : ScoreHistogram or None
        Scores of members and non-members under the best attack at 1% FPR.
    refit_notes : tuple of str
        What was changed in the model's hyperparameters before the reference
        models were fitted, where it made a difference (a cache directory
        reset, random states turned into seeds, work capped at what the
        fitted model shows; see :mod:`modelprivacy.attacks.refit`); last,
        when parallel fits were asked for (a backend or ``n_jobs``), where the
        reference models ran
        (:attr:`~modelprivacy.attacks.reference.ReferenceSignals.placement`).
    timings : dict
        Seconds spent fitting reference models (``"reference models"``), on
        the audited model's answers on the scored records (``"target
        queries"``), attacking and measuring (``"attacks and statistics"``)
        and on per-record exposure (not part of ``to_dict``: the same seed
        gives the same report).
    k_choice : KChoice or None
        How K was chosen from a time budget (``budget=``), with the measured
        fit time and the sentence the reports show; None when K was given.
    from_cache : bool
        Whether the reference models' signals were read from the cache
        (:mod:`modelprivacy.attacks.cache`) instead of fitted (not part of
        ``to_dict``: a hit gives the same report as the fits).
    class_balance : str
        When the classes were not equally common among members and
        non-members, the sentence saying how many of each were left out of
        the scoring to give both the same class proportions
        (:func:`balance_classes`); empty otherwise.
    """

    metrics: dict[str, AttackMetrics]
    scores: dict[str, np.ndarray] = field(repr=False)
    is_member: np.ndarray = field(repr=False)
    k: int = 8
    seed: int = 0
    rmia_a: float = 1.0
    exposure: Exposure | None = field(default=None, repr=False)
    timings: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    member_index: np.ndarray | None = field(default=None, repr=False)
    n_train: int | None = None
    n_holdout: int | None = None
    refit_notes: tuple[str, ...] = ()
    roc: dict[str, RocCurve] = field(default_factory=dict, repr=False)
    histogram: ScoreHistogram | None = field(default=None, repr=False)
    skipped_attacks: dict[str, str] = field(default_factory=dict)
    queries: int | None = None
    k_choice: KChoice | None = field(default=None, compare=False)
    from_cache: bool = field(default=False, repr=False, compare=False)
    class_balance: str = ""

    def member_positions(self) -> np.ndarray:
        """Row of each audited member in the training data (all rows unless sampled)."""
        if self.member_index is None:
            return np.arange(self.n_members)
        return np.asarray(self.member_index)

    @property
    def n_members(self) -> int:
        """Number of members audited."""
        return int(self.is_member.sum())

    @property
    def n_nonmembers(self) -> int:
        """Number of non-members audited."""
        return int((~self.is_member).sum())

    def best(self, fpr: float = 0.01) -> AttackMetrics:
        """The attack with the highest TPR at ``fpr`` (ties: highest AUC)."""
        return max(self.metrics.values(), key=lambda m: (m.tpr_at_fpr[fpr].value, m.auc.value))

    def render(self, fmt: str = "terminal", **options: Any) -> str:
        """Render with its MP-L201 finding, in one of ``formats("membership")``.

        Parameters
        ----------
        fmt : str, default="terminal"
            ``"terminal"``, ``"json"`` or ``"markdown"``.
        **options
            ``width`` of the terminal table.

        Returns
        -------
        str
            The report (the same as ``modelprivacy attack membership`` writes).
        """
        from modelprivacy.attacks.findings import membership_finding
        from modelprivacy.report.documents import MembershipReport

        return MembershipReport(self, membership_finding(self)).render(fmt, **options)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (without the per-record scores)."""
        return {
            "k": self.k,
            "seed": self.seed,
            "rmia_offline_a": self.rmia_a,
            "n_members": self.n_members,
            "n_nonmembers": self.n_nonmembers,
            "n_train": self.n_train,
            "n_holdout": self.n_holdout,
            "attacks": {name: m.to_dict() for name, m in self.metrics.items()},
            "exposure": self.exposure.to_dict() if self.exposure is not None else None,
            "refit_notes": list(self.refit_notes),
            "roc": {name: c.to_dict() for name, c in self.roc.items()},
            "histogram": self.histogram.to_dict() if self.histogram is not None else None,
            # only when there is something to say: the membership document's schema
            # names these keys for black boxes and models that cannot be refitted
            **({"skipped_attacks": dict(self.skipped_attacks)} if self.skipped_attacks else {}),
            **({"queries": self.queries} if self.queries is not None else {}),
            # only when a time budget chose K: it holds a measured time
            **({"k_choice": self.k_choice.to_dict()} if self.k_choice is not None else {}),
            **({"class_balance": self.class_balance} if self.class_balance else {}),
        }


def _xy(
    data: Any, y: Any, target: str | None, what: str, model: Any = None
) -> tuple[Any, np.ndarray]:
    from modelprivacy.inspection.runner import check_columns
    from modelprivacy.load.audit_data import Part

    where = "training" if what == "train" else what
    if isinstance(data, pd.DataFrame) and target is not None:
        part = Part.split(data, target=target, name=where)
    elif y is None:
        raise DataError(f"the {what} data has no target: pass target='column' or y_{what}")
    else:
        part = Part.split(data, y, name=where)
    assert part.y is not None
    if model is not None:
        check_columns(model, part.X, where=where)
    return part.X, part.y


def _sample(n: int, cap: int | None, rng: np.random.Generator) -> np.ndarray:
    """Sorted positions of at most ``cap`` of ``n`` records (all when ``cap`` is None)."""
    if cap is None or n <= cap:
        return np.arange(n)
    return np.sort(rng.choice(n, size=cap, replace=False))


def _sample_by_class(codes: np.ndarray, cap: int | None, rng: np.random.Generator) -> np.ndarray:
    """Sorted positions of at most ``cap`` records, each class in its share (largest remainders)."""
    n = codes.size
    if cap is None or n <= cap:
        return np.arange(n)
    counts = np.bincount(codes)
    exact = cap * counts / n
    take = np.floor(exact).astype(int)
    # the records left go to the largest remainders (ties: the first class)
    order = np.argsort(-(exact - take), kind="stable")
    take[order[: cap - int(take.sum())]] += 1
    return _take_by_class(codes, take, rng)


def _take_by_class(codes: np.ndarray, take: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Sorted positions of ``take[c]`` records of each class ``c``, a seeded choice within it."""
    picked = [
        rng.choice(np.flatnonzero(codes == c), size=int(take[c]), replace=False)
        for c in range(take.size)
        if take[c]
    ]
    return np.sort(np.concatenate(picked).astype(np.int64)) if picked else np.zeros(0, np.int64)


def _class_codes(*labels: np.ndarray) -> list[np.ndarray] | None:
    """One integer code per label, shared by every array (None when a label is missing)."""
    joined = np.concatenate([np.asarray(lab) for lab in labels])
    codes, _ = pd.factorize(pd.Series(joined, dtype=object))
    if (codes < 0).any():
        return None
    out, start = [], 0
    for lab in labels:
        out.append(codes[start : start + len(lab)])
        start += len(lab)
    return out


def scored_records(
    y_members: np.ndarray,
    y_nonmembers: np.ndarray,
    cap: int | None,
    seed: int,
    *,
    by_class: bool = True,
) -> tuple[np.ndarray, np.ndarray, str]:
    """The members and non-members an attack scores: at most ``cap`` each, seeded.

    For a classifier (``by_class``) the two sets get the same class
    proportions (:func:`balance_classes`), and a ``cap`` then samples each
    class in its share, so that the sample keeps them. Otherwise ``cap``
    records of each, at random.

    Parameters
    ----------
    y_members, y_nonmembers : ndarray
        The labels of every member and non-member.
    cap : int or None
        The most records of each to score (``max_records``); None for all.
    seed : int
        Seeds the sample.
    by_class : bool, default=True
        Whether the labels are classes.

    Returns
    -------
    sel_m, sel_n : ndarray of int
        Sorted positions of the members and non-members scored.
    note : str
        :func:`balance_classes`' sentence, when records were left out for it.
    """
    n_m, n_n = len(y_members), len(y_nonmembers)
    codes = _class_codes(y_members, y_nonmembers) if by_class else None
    if codes is None:
        return (
            _sample(n_m, cap, np.random.default_rng([seed, 0])),
            _sample(n_n, cap, np.random.default_rng([seed, 1])),
            "",
        )
    code_m, code_n = codes
    sel_m, sel_n, note = _balance(code_m, code_n, np.arange(n_m), np.arange(n_n), seed)
    sel_m = sel_m[_sample_by_class(code_m[sel_m], cap, np.random.default_rng([seed, 0]))]
    sel_n = sel_n[_sample_by_class(code_n[sel_n], cap, np.random.default_rng([seed, 1]))]
    return sel_m, sel_n, note


def balance_classes(
    y_members: np.ndarray,
    y_nonmembers: np.ndarray,
    sel_m: np.ndarray,
    sel_n: np.ndarray,
    seed: int,
) -> tuple[np.ndarray, np.ndarray, str]:
    """Keep members and non-members so that every class is as common among both.

    A model that knows nothing of its training records but their class
    frequencies (a ``DummyClassifier``) answers every record of a class alike,
    and when a class is more common among the members than among the
    non-members (a holdout that is not stratified), any attack on its answers
    "finds" members of that class: a class-prior artefact of the split, not
    something the model reveals about a person. Scored on sets with the same
    class proportions, that model's attacks score an AUC of 0.5. Within
    rounding the sets are kept as they are: when every class is divided
    between them in proportion to their sizes within one record (a stratified
    split), or balancing would leave out at most one record per class on
    either side. A difference too small for a test of homogeneity to
    detect is still balanced: the attacks read it as a signal all the same
    (on a random split of digits, a prior-only model's loss attack had an AUC
    interval of [0.52, 0.57] where a chi-square test saw no difference).

    The proportions kept are ``q_c / sum(q)`` with ``q_c = min(m_c / M, n_c / N)``
    (the overlap of the two class distributions): ``floor(q_c M)`` members and
    ``floor(q_c N)`` non-members of class ``c``, a seeded choice within the class.

    Parameters
    ----------
    y_members, y_nonmembers : ndarray
        The labels of every member and non-member.
    sel_m, sel_n : ndarray of int
        The sorted positions sampled for scoring (``max_records``).
    seed : int
        Seeds which records of a class are kept.

    Returns
    -------
    sel_m, sel_n : ndarray of int
        The positions kept, sorted.
    note : str
        One sentence for the report when records were left out, else empty.
    """
    codes = _class_codes(np.asarray(y_members)[sel_m], np.asarray(y_nonmembers)[sel_n])
    if codes is None:  # a missing label: nothing to balance on
        return sel_m, sel_n, ""
    code_m, code_n = codes
    return _balance(code_m, code_n, sel_m, sel_n, seed)


def _balance(
    code_m: np.ndarray, code_n: np.ndarray, sel_m: np.ndarray, sel_n: np.ndarray, seed: int
) -> tuple[np.ndarray, np.ndarray, str]:
    """:func:`balance_classes` on class codes (``code_m[i]`` the class of record ``sel_m[i]``)."""
    n_classes = int(max(code_m.max(initial=-1), code_n.max(initial=-1))) + 1
    m_c = np.bincount(code_m, minlength=n_classes)
    n_c = np.bincount(code_n, minlength=n_classes)
    big_m, big_n = sel_m.size, sel_n.size
    q = np.minimum(m_c / big_m, n_c / big_n)
    keep_m = np.minimum(np.floor(q * big_m + 1e-9).astype(int), m_c)
    keep_n = np.minimum(np.floor(q * big_n + 1e-9).astype(int), n_c)
    # a stratified split: each class divided between the two sets in proportion to
    # their sizes, within one record (a class of 179 split 90 / 89 beside 898 / 899)
    share_m = (m_c + n_c) * big_m / max(big_m + big_n, 1)
    if np.all(np.abs(m_c - share_m) <= 1 + 1e-9):
        return sel_m, sel_n, ""
    if np.all(m_c - keep_m <= 1) and np.all(n_c - keep_n <= 1):
        return sel_m, sel_n, ""
    if keep_m.sum() < 2 or keep_n.sum() < 2:
        return sel_m, sel_n, ""
    rng = np.random.default_rng([seed, 5])
    out = [
        sel[_take_by_class(codes_g, keep, rng)]  # sel is sorted: so are the records kept
        for codes_g, sel, keep in ((code_m, sel_m, keep_m), (code_n, sel_n, keep_n))
    ]
    dropped_m, dropped_n = big_m - out[0].size, big_n - out[1].size
    note = (
        f"The classes are not equally common among the members and the non-members (a holdout "
        f"that is not stratified), so {dropped_m:,} members and {dropped_n:,} non-members were "
        f"left out of the scoring (seeded) to give both the same class proportions: otherwise a "
        f"model that knows only the class frequencies would seem to reveal membership. "
        f"Stratify the holdout by the label to score every record."
    )
    return out[0], out[1], note


def evaluate(
    name: str, scores_in: np.ndarray, scores_out: np.ndarray, rng: np.random.Generator
) -> AttackMetrics:
    """Measure one attack from its scores on members and non-members.

    Parameters
    ----------
    name : str
        The attack.
    scores_in, scores_out : ndarray
        Scores of members and of non-members.
    rng : numpy.random.Generator
        For the bootstrap and the threshold split.

    Returns
    -------
    AttackMetrics
        AUC, TPR at fixed FPRs, advantage and the epsilon lower bound.
    """
    from modelprivacy import stats

    auc = stats.auc_interval_delong(scores_in, scores_out)
    # one ROC count for the TPRs and the advantage: what tpr_at_fpr_interval and
    # advantage compute, without sorting the same scores four times
    m, n = stats._check_pair(scores_in, scores_out, "evaluate")
    counts = stats._roc_counts(m, n)
    tprs = {f: stats._tpr_at_fpr_from_counts(counts, m.size, n.size, f, 0.95) for f in FPRS}
    resolvable = {f: stats.resolvable_fpr(len(scores_out), f) for f in FPRS}
    # the threshold for epsilon is chosen on one half and counted on the other
    half_in = rng.random(len(scores_in)) < 0.5
    half_out = rng.random(len(scores_out)) < 0.5
    threshold = _best_threshold(scores_in[half_in], scores_out[half_out])
    # each one-sided bound at 97.5%: jointly (union bound) the 95% the reports state
    eps = stats.epsilon_from_threshold_split(
        scores_in[~half_in], scores_out[~half_out], threshold, level=EPSILON_LEVEL
    )
    return AttackMetrics(
        name=name,
        auc=auc,
        tpr_at_fpr=tprs,
        resolvable=resolvable,
        advantage=stats._advantage_from_counts(counts[0], counts[1]),
        epsilon=eps,
    )


#: Confidence of each one-sided Clopper-Pearson bound behind the epsilon lower bound: the two
#: hold jointly with probability at least ``2 * EPSILON_LEVEL - 1`` = 95%, as the reports say.
EPSILON_LEVEL = 0.975


def _best_threshold(scores_in: np.ndarray, scores_out: np.ndarray) -> float:
    """Threshold maximising TPR - FPR on the choosing half."""
    from modelprivacy import stats

    fpr, tpr, thresholds = stats.roc_curve(scores_in, scores_out)
    i = int(np.argmax(tpr - fpr))
    return float(thresholds[i])


#: The attacks that need only the target's answers (no reference model).
QUERY_ONLY_ATTACKS = ("loss", "population", "qmia", "svm_margin")


def membership_inference(
    model: Any = None,
    train: Any = None,
    holdout: Any = None,
    *,
    predict_proba: Callable[[Any], Any] | None = None,
    predict: Callable[[Any], Any] | None = None,
    classes: Any = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    target: str | None = None,
    y_train: Any = None,
    y_holdout: Any = None,
    population: Any = None,
    y_population: Any = None,
    reference_models: int | None = None,
    attacks: Sequence[str] | None = None,
    n_jobs: int | None = None,
    backend: str | None = None,
    seed: int = 0,
    fit_fn: Callable[[Any, Any], Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
    max_records: int | None = None,
    fit_budget: float | None = None,
    budget: float | None = None,
    scheduler: Any = None,
    cache: Any = None,
) -> MembershipResult:
    """Test whether an attacker holding a person's record can tell they were in the training set.

    Parameters
    ----------
    model : estimator, optional
        The fitted target model.
    train : DataFrame or array-like
        The records the model was fitted on (members).
    holdout : DataFrame or array-like
        Records from the same population that it was not fitted on (non-members).
    predict_proba : callable, optional
        Instead of ``model``, a black box: a function from records (a
        DataFrame with the training columns) to class probabilities (see
        :class:`~modelprivacy.attacks.target.BlackBox`).
    predict : callable, optional
        Instead of ``model``, a regressor's function from records to predictions.
    classes : array-like, optional
        The labels of ``predict_proba``'s columns; by default the sorted
        distinct labels of ``train``'s target.
    batch_size : int, default=1000
        Records per call of a black-box function.
    target : str, optional
        Name of the label column in ``train``/``holdout``/``population``.
    y_train, y_holdout : array-like, optional
        Labels, when the data has no target column.
    population, y_population : optional
        Extra population records: used to train reference models and as the
        population of the population attack; never audited.
    reference_models : int, optional
        Number K of reference models (2 to 256); 8 by default, or chosen by
        ``budget``.
    attacks : sequence of str, optional
        Which attacks to run (default :data:`DEFAULT_ATTACKS`, plus
        ``svm_margin`` when the target is a binary kernel SVM).
    n_jobs : int, optional
        Parallel jobs for the reference models (with a backend and no
        ``n_jobs``: every core; for a local Dask cluster, its worker processes).
    backend : {"loky", "threading", "dask", "ray"}, optional
        Where the reference models after the first are fitted: joblib's loky
        worker processes or threads, or Dask or Ray, one task per model, on
        ``scheduler`` or on a local cluster (Dask worker processes, or a Ray
        instance) started for the call (see :func:`~modelprivacy.attacks.reference.fit_reference_models`).
        The result's ``refit_notes`` say where they ran.
    seed : int, default=0
        Seeds the reference halves, the bootstrap and the threshold split.
    fit_fn : callable, optional
        ``fit_fn(X, y) -> fitted model or function`` trains a reference
        model, for targets that cannot be cloned and black boxes. Without it
        such a target gets only the attacks that need no reference model
        (loss, and population with ``population`` records); the others are
        listed in ``skipped_attacks`` with the reason.
    progress : callable, optional
        ``progress(done, total)`` after each reference model. In a Jupyter
        kernel, by default, a progress display in the cell
        (:func:`~modelprivacy.progress.notebook_progress_bar`).
    max_records : int, optional
        Audit at most this many members and as many non-members (and
        population records), a seeded random sample; reference models still
        train on halves of all records. Queries cost the same per record for
        every model, so this bounds the time of models whose predictions are
        slow (k-NN, kernel methods). All records by default.
    fit_budget : float, optional
        Wall-clock seconds each reference fit may take. By default the first
        may take 600 s and each later one 20 times as long as the first did,
        at least 60 s (see :func:`~modelprivacy.attacks.refit.reference_budget`).
    budget : float, optional
        Seconds for all the reference fits: a reference fit is timed (two
        when the first is quick) and K is the largest number of fits (2 to
        256) that the rest of the budget pays for on ``n_jobs`` jobs
        (:func:`~modelprivacy.attacks.reference.choose_k`). The result's
        ``k_choice`` says which K and why. The chosen K depends on the
        measured time: to reproduce a result, pass its K as
        ``reference_models`` (the same seed and K give the same result).
        Not with ``reference_models``.
    scheduler : str or distributed.Client, optional
        A Dask scheduler's address (``tcp://HOST:PORT``) or a connected
        Client (implies ``backend="dask"``), or a Ray cluster: ``auto`` or
        ``ray://HOST:PORT`` (implies ``backend="ray"``), or a head node's
        ``HOST:PORT`` with ``backend="ray"``.
    cache : None, False, str or Path, default=None
        Where the reference models' signals are kept and reused
        (:mod:`modelprivacy.attacks.cache`): None for the enclosing
        :func:`~modelprivacy.attacks.cache.reference_cache` block's, else the
        default directory (``$MODELPRIVACY_CACHE_DIR`` or the user's cache
        directory); False for no cache; or a directory. A hit fits no
        reference model and gives the same result (``from_cache`` says so).

    Returns
    -------
    MembershipResult
        Metrics per attack, per-record scores, and the refit notes.

    Raises
    ------
    BudgetError
        If ``budget`` is not a positive number of seconds, or comes with
        ``reference_models``.
    RefitBudgetError
        If a reference fit did not finish within its budget.
    BlackBoxError
        If the black-box function fails or answers what no attack can use.
    BackendError
        For an unknown backend, a missing ``distributed`` package or a Dask
        scheduler that does not answer (checked before anything is fitted).

    Notes
    -----
    The reference models are clones of ``model`` whose hyperparameters are
    first made safe (:func:`~modelprivacy.attacks.refit.plan_refit`): no
    cache directory, integer seeds instead of random states, ``n_jobs`` at
    most the machine's cores, and ``max_iter``, ``n_estimators``, layer sizes
    and tree depth capped at what the fitted model shows. The changes that
    made a difference are listed in ``refit_notes``.
    """
    from modelprivacy.progress import notebook_progress_bar

    progress = notebook_progress_bar() if progress is None else progress
    check_budget_choice(budget, reference_models)
    with reference_backend(backend, scheduler, n_jobs), reference_cache(cache):
        return _membership_inference(
            model,
            train,
            holdout,
            predict_proba=predict_proba,
            predict=predict,
            classes=classes,
            batch_size=batch_size,
            target=target,
            y_train=y_train,
            y_holdout=y_holdout,
            population=population,
            y_population=y_population,
            reference_models=reference_models,
            attacks=attacks,
            seed=seed,
            fit_fn=fit_fn,
            progress=progress,
            max_records=max_records,
            fit_budget=fit_budget,
            budget=budget,
        )


def _membership_inference(
    model: Any,
    train: Any,
    holdout: Any,
    *,
    predict_proba: Callable[[Any], Any] | None,
    predict: Callable[[Any], Any] | None,
    classes: Any,
    batch_size: int,
    target: str | None,
    y_train: Any,
    y_holdout: Any,
    population: Any,
    y_population: Any,
    reference_models: int | None,
    attacks: Sequence[str] | None,
    seed: int,
    fit_fn: Callable[[Any, Any], Any] | None,
    progress: Callable[[int, int], None] | None,
    max_records: int | None,
    fit_budget: float | None,
    budget: float | None,
) -> MembershipResult:
    """:func:`membership_inference` inside its ``reference_backend`` block."""
    model = as_query_model(model, predict_proba, predict, classes=classes, batch_size=batch_size)
    if train is None or holdout is None:
        raise DataError("membership inference needs the training data and a holdout of non-members")
    chosen = tuple(attacks) if attacks is not None else DEFAULT_ATTACKS
    known = [*ATTACKS, "rmia_offline", "qmia", *MODEL_SPECIFIC_ATTACKS]
    for name in chosen:
        if name not in known:
            raise ValueError(f"unknown attack {name!r}; choose from: {', '.join(known)}")
    if attacks is None and svm_margin_applies(model):
        chosen = (*chosen, "svm_margin")
    elif "svm_margin" in chosen and not svm_margin_applies(model):
        raise ValueError(
            f"the svm_margin attack needs a binary SVC or NuSVC; the target is a {type(model).__name__}"
        )
    Xm, ym = _xy(train, y_train, target, "train", model)
    if isinstance(model, BlackBox):
        model.bind(Xm, ym)
    queries_before = model.n_queries if isinstance(model, BlackBox) else 0
    Xn, yn = _xy(holdout, y_holdout, target, "holdout", model)
    check_disjoint(Xm, Xn)
    if len(ym) < 2 or len(yn) < 2:
        raise DataError("membership inference needs at least 2 members and 2 non-members")
    parts_X, parts_y = [Xm, Xn], [ym, yn]
    n_pop = 0
    if population is not None:
        Xp, yp = _xy(population, y_population, target, "population", model)
        parts_X.append(Xp)
        parts_y.append(yp)
        n_pop = len(yp)
    X_all, y_all = concat_rows(parts_X), np.concatenate(parts_y)
    tgt = Target(model, fit_fn=fit_fn)
    rng = np.random.default_rng(seed)
    n_m, n_n = len(ym), len(yn)
    sel_p = _sample(n_pop, max_records, np.random.default_rng([seed, 2]))
    sel_m, sel_n, class_note = scored_records(
        ym, yn, max_records, seed, by_class=tgt.output != "regression"
    )
    eval_idx = np.r_[sel_m, n_m + sel_n, n_m + n_n + sel_p]
    exact = eval_idx.size == len(y_all)
    t0 = time.perf_counter()
    why_not = tgt.refit_reason()
    skipped: dict[str, str] = {}
    k_choice: KChoice | None = None
    if why_not:
        # only the attacks that need nothing but the target's answers
        skipped = {a: why_not for a in chosen if a not in QUERY_ONLY_ATTACKS}
        if "population" in chosen and population is None:
            skipped["population"] = (
                "needs population records (population=) or reference models (fit_fn=)"
            )
        chosen = tuple(a for a in chosen if a not in skipped)
        if not chosen:
            raise ModelPrivacyError(
                f"none of the attacks asked for can run: {why_not}; add 'loss', which needs only "
                "queries"
            )
        ref = ReferenceSignals(
            np.zeros((0, eval_idx.size), dtype=bool), np.zeros((0, eval_idx.size))
        )
    else:
        k = DEFAULT_REFERENCE_MODELS if reference_models is None else reference_models
        if budget is not None:
            k_choice = choose_k(
                tgt,
                X_all,
                y_all,
                budget,
                random_state=np.random.default_rng([seed, 3]),
                eval_idx=None if exact else eval_idx,
                fit_budget=fit_budget,
            )
            k = k_choice.k
        ref = fit_reference_models(
            tgt,
            X_all,
            y_all,
            k=k,
            random_state=rng,
            progress=progress,
            eval_idx=None if exact else eval_idx,
            fit_budget=fit_budget,
        )
    timings = {"reference models": time.perf_counter() - t0}
    t0 = time.perf_counter()
    from sklearn.utils import _safe_indexing

    X_eval = X_all if exact else _safe_indexing(X_all, eval_idx)
    y_eval = y_all[eval_idx]
    target_signal = tgt.signal(X_eval, y_eval)
    # the audited model's answers on the scored records: the "+1" of K+1 models, not a fixed cost
    timings["target queries"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_audit = sel_m.size + sel_n.size
    pop_signal = target_signal[n_audit:] if n_pop else None
    a = choose_rmia_offline_a(ref) if "rmia_offline" in chosen else 1.0
    is_member = np.r_[np.ones(sel_m.size, dtype=bool), np.zeros(sel_n.size, dtype=bool)]
    X_audit = _safe_indexing(X_eval, np.arange(n_audit)) if n_pop else X_eval
    audit_ref = dataclasses.replace(
        ref, membership=ref.membership[:, :n_audit], signals=ref.signals[:, :n_audit]
    )
    scores: dict[str, np.ndarray] = {}
    metrics: dict[str, AttackMetrics] = {}
    for name in chosen:
        if name == "svm_margin":
            s = svm_margin_scores(model, X_audit)
        elif name == "qmia":
            logit = tgt.output == "proba"
            s = qmia_attack_scores(X_eval, y_eval, target_signal, is_member, logit=logit, seed=seed)
        elif name.startswith("rmia") or name == "population":
            s = attack_scores(name, target_signal, ref, pop_signal, a=a)[:n_audit]
        else:
            s = attack_scores(name, target_signal[:n_audit], audit_ref, pop_signal, a=a)
        scores[name] = s
        metrics[name] = evaluate(name, s[is_member], s[~is_member], rng)
    result = MembershipResult(
        metrics=metrics,
        scores=scores,
        is_member=is_member,
        k=ref.k,
        seed=seed,
        rmia_a=a,
        member_index=sel_m,
        n_train=n_m,
        n_holdout=n_n,
        refit_notes=(*ref.refit_notes, ref.placement) if ref.placement else ref.refit_notes,
        roc={name: roc_curve(s, is_member) for name, s in scores.items()},
        skipped_attacks=skipped,
        k_choice=k_choice,
        from_cache=ref.cached,
        class_balance=class_note,
    )
    best = result.best(0.01).name
    result = dataclasses.replace(result, histogram=score_histogram(best, scores[best], is_member))
    timings["attacks and statistics"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    X_ref = concat_rows([Xn, *parts_X[2:]])
    # measured for the members only, the one use of it (how unusual the exposed are):
    # the same distances at half the search on a 50/50 audit
    audited_members = np.flatnonzero(is_member)
    # through the model inside a serving wrapper: its preprocessing places the records
    member_outliers = outlierness(
        tgt.estimator, _safe_indexing(X_audit, audited_members), X_ref, seed=seed
    )
    outliers = None
    if member_outliers is not None:
        outliers = np.full(n_audit, np.nan)
        outliers[audited_members] = member_outliers
    labels = y_eval[:n_audit] if tgt.output != "regression" else None
    exp = exposure(best, scores[best], is_member, labels, outliers, member_index=sel_m)
    timings["per-record exposure"] = time.perf_counter() - t0
    queries = model.n_queries - queries_before if isinstance(model, BlackBox) else None
    return dataclasses.replace(result, exposure=exp, timings=timings, queries=queries)
