"""Label-only attacks: membership and attribute inference from predicted labels alone.

A model served behind an API may answer nothing but the predicted label (or
rounded scores, whose argmax is still a label). These attacks call only the
model's ``predict``, so they apply in every release mode.

Membership (after Choquette-Choo et al. 2021, "Label-Only Membership
Inference Attacks", adapted to tabular data). A model tends to keep the true
label of a training record under small perturbations: the record sits deeper
inside its class region than a record it never saw. Per record, from label
queries only:

- ``correct``: whether the predicted label is the true one (the gap attack);
- ``robustness``: the share of perturbed copies that keep the true label, over
  ``n_perturbations`` seeded directions at each radius of a geometric grid.
  Numeric columns get Gaussian noise of standard deviation ``radius`` times
  the column's spread in the population, clipped to its observed range;
  categorical, boolean and one-hot (0/1) columns are resampled from a random
  population record with probability ``radius`` (a one-hot group as one);
- ``boundary``: along each direction, the smallest radius that flips the
  label, bracketed by the grid and refined by a few bisection steps, on a log
  scale from 0 to 1 (0 when the record is misclassified, 1 when no radius of
  the grid flips it); the mean over directions.

The directions are drawn once per record from the seed, and the copies of a
record at every radius are the same direction scaled (coupled), so the
signals are deterministic, monotone in the radius along a direction, and the
same for the target and for every reference model. The combined signal is
``correct + (robustness + boundary) / 2``.

Without reference models the combined signal is the score (a global
threshold-free score). With ``reference_models=K`` (a model that can be
refitted: a clone, or ``fit_fn``), K reference models are trained on random
halves of the pooled records (each record IN half of them) and queried with
the same perturbed copies; LiRA's Gaussian test calibrates each record's
signal against its OUT (offline) or IN and OUT (online) reference signals
(:func:`~modelprivacy.attacks.membership.attack_scores`).

Ties are never broken at random: the gap attack's two scores tie across most
records, and :mod:`modelprivacy.stats` reports the FPRs that the ties leave
unresolved. Every label query is counted (``MembershipResult.queries``).

Attribute inference (:func:`label_only_attribute`): the model-based and
learned attacks of :func:`~modelprivacy.attacks.attribute.attribute_inference`,
with the same baseline and control records, run on a view of the model that
answers, for each record, the share of its perturbed copies given each label
(half the weight on the record's own label): a candidate value scores by its
agreement with the known label and by how robust that agreement is.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin

from modelprivacy.attacks.api import AttackMetrics, MembershipResult, evaluate, roc_curve
from modelprivacy.attacks.target import BlackBox, Target, as_query_model
from modelprivacy.errors import DataError, ModelPrivacyError

__all__ = [
    "DEFAULT_RADII",
    "LABEL_ATTACKS",
    "LabelOnlyError",
    "LabelSignals",
    "Perturbation",
    "label_only_attribute",
    "label_only_membership",
    "label_signals",
]

DEFAULT_RADII = (0.01, 0.03, 0.1, 0.3)
"""Perturbation radii: noise in units of each numeric column's spread, and the
probability of resampling each categorical column."""

DEFAULT_PERTURBATIONS = 16
"""Seeded directions per record."""

DEFAULT_BISECTION = 3
"""Bisection steps that refine each direction's flip radius between two grid radii."""

#: The attacks of :func:`label_only_membership` (the ``label_lira_*`` ones need
#: reference models).
LABEL_ATTACKS = (
    "label_gap",
    "label_robustness",
    "label_boundary",
    "label_only",
    "label_lira_offline",
    "label_lira_online",
)

_MAX_BINARY = 2  # numeric columns with at most this many distinct values are resampled


class LabelOnlyError(ModelPrivacyError, ValueError):
    """A label-only attack cannot run on this model or with these settings."""


# ---------------------------------------------------------------------------
# perturbations
# ---------------------------------------------------------------------------


def _is_numeric(col: pd.Series) -> bool:
    return bool(pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col))


def _one_hot_groups(binary: list[int], values: np.ndarray) -> list[list[int]]:
    """Runs of adjacent 0/1 columns whose values sum to exactly 1 on every row (one-hot groups).

    A column that belongs to no such run is its own group.
    """
    groups: list[list[int]] = []
    i = 0
    while i < len(binary):
        best = i
        total = values[:, binary[i]].astype(np.float64).copy()
        j = i
        while j + 1 < len(binary) and binary[j + 1] == binary[j] + 1:
            j += 1
            total += values[:, binary[j]].astype(np.float64)
            if np.nanmax(total) > 1:
                break
            if np.all(total == 1):
                best = j
        if best > i:
            groups.append(binary[i : best + 1])
            i = best + 1
        else:
            groups.append([binary[i]])
            i += 1
    return groups


@dataclass(frozen=True)
class Perturbation:
    """How records are perturbed: which columns get noise and which are resampled.

    Built by :meth:`fit` from the attacker's population records.

    Attributes
    ----------
    numeric : ndarray of int
        Positions of the columns that get Gaussian noise.
    scale, low, high : ndarray of float
        Per numeric column: the noise unit (its standard deviation in the
        population) and the range the copies are clipped to.
    units : tuple of tuple of int
        Groups of column positions resampled together from one population
        record (a one-hot group, or one categorical column).
    pool : DataFrame or ndarray
        The population records values are resampled from.
    """

    numeric: np.ndarray
    scale: np.ndarray
    low: np.ndarray
    high: np.ndarray
    units: tuple[tuple[int, ...], ...]
    pool: Any

    @classmethod
    def fit(
        cls,
        population: Any,
        *,
        categorical: Sequence[Any] | None = None,
        frozen: Sequence[int] = (),
    ) -> Perturbation:
        """Learn the columns' kinds and spreads from population records.

        Parameters
        ----------
        population : DataFrame or ndarray of shape (n, d)
            Records of the population (never the audited members' labels).
        categorical : sequence, optional
            Columns (names for a DataFrame, positions for an array) to
            resample instead of adding noise, e.g. integer-coded categories.
            By default: non-numeric, boolean and categorical-dtype columns,
            and numeric columns with at most two distinct values (0/1 and
            one-hot columns; adjacent ones that sum to 1 form one group).
        frozen : sequence of int, default=()
            Column positions never perturbed.

        Returns
        -------
        Perturbation
            The plan.

        Raises
        ------
        LabelOnlyError
            For sparse or non-tabular records, or an unknown categorical column.
        """
        if hasattr(population, "toarray"):
            raise LabelOnlyError(
                "label-only attacks perturb a dense table; pass the records as a DataFrame or a "
                "2-D array (X.toarray())"
            )
        is_frame = isinstance(population, pd.DataFrame)
        frame = population if is_frame else pd.DataFrame(np.asarray(population))
        if frame.ndim != 2 or len(frame) == 0:
            raise LabelOnlyError("label-only attacks need at least one population record")
        names = list(frame.columns)
        forced: set[int] = set()
        for c in categorical or ():
            if is_frame and c in names:
                forced.add(names.index(c))
            elif not is_frame and isinstance(c, int | np.integer) and 0 <= int(c) < len(names):
                forced.add(int(c))
            else:
                raise LabelOnlyError(
                    f"categorical column {c!r} is not a column of the data; columns are "
                    f"{', '.join(map(str, names[:20]))}"
                )
        skip = set(int(f) for f in frozen)
        numeric: list[int] = []
        scale: list[float] = []
        low: list[float] = []
        high: list[float] = []
        binary: list[int] = []
        single: list[int] = []
        for j, name in enumerate(names):
            if j in skip:
                continue
            col = frame[name]
            if j not in forced and _is_numeric(col) and col.nunique(dropna=True) > _MAX_BINARY:
                v = col.to_numpy(dtype=np.float64, na_value=np.nan)
                sd = float(np.nanstd(v)) if np.isfinite(v).any() else 0.0
                if sd > 0:
                    numeric.append(j)
                    scale.append(sd)
                    low.append(float(np.nanmin(v)))
                    high.append(float(np.nanmax(v)))
            elif col.nunique(dropna=False) > 1:
                is_01 = _is_numeric(col) and set(col.dropna().unique().tolist()) <= {0, 1}
                (binary if is_01 and j not in forced else single).append(j)
        units: list[tuple[int, ...]] = [(j,) for j in single]
        if binary:
            values = np.column_stack(
                [frame[names[j]].to_numpy(dtype=np.float64, na_value=np.nan) for j in binary]
            )
            local = _one_hot_groups(list(range(len(binary))), values)
            units += [tuple(binary[k] for k in g) for g in local]
        units.sort()
        return cls(
            numeric=np.asarray(numeric, dtype=np.int64),
            scale=np.asarray(scale, dtype=np.float64),
            low=np.asarray(low, dtype=np.float64),
            high=np.asarray(high, dtype=np.float64),
            units=tuple(units),
            pool=population if is_frame else np.asarray(population),
        )

    @property
    def n_pool(self) -> int:
        """Population records to resample from."""
        return len(self.pool)

    def directions(self, n: int, k: int, seed: int | Sequence[int]) -> _Directions:
        """``k`` seeded directions for each of ``n`` records (unit noise, resampling draws)."""
        rng = np.random.default_rng(seed)
        return _Directions(
            z=rng.standard_normal((n, k, len(self.numeric))),
            u=rng.random((n, k, len(self.units))),
            donor=rng.integers(0, self.n_pool, size=(n, k, len(self.units))),
        )

    def copies(
        self, X: Any, rows: np.ndarray, dirs: np.ndarray, d: _Directions, r: np.ndarray
    ) -> Any:
        """Perturbed copies: record ``rows[m]`` along direction ``dirs[m]`` at radius ``r[m]``.

        Parameters
        ----------
        X : DataFrame or ndarray
            The records.
        rows, dirs : ndarray of int
            For each copy, the record and the direction.
        d : _Directions
            The directions of the records.
        r : ndarray of float
            For each copy, the radius.

        Returns
        -------
        DataFrame or ndarray
            The copies, in the form of ``X``.
        """
        z = d.z[rows, dirs]
        u = d.u[rows, dirs]
        donor = d.donor[rows, dirs]
        if isinstance(X, pd.DataFrame):
            out = X.iloc[rows].reset_index(drop=True)
            cols = list(out.columns)
            for k, j in enumerate(self.numeric):
                name = cols[j]
                v = out[name].to_numpy(dtype=np.float64, na_value=np.nan)
                v = np.clip(v + r * self.scale[k] * z[:, k], self.low[k], self.high[k])
                out[name] = v
            pool = self.pool
            for k, unit in enumerate(self.units):
                hit = np.flatnonzero(u[:, k] < r)
                if not hit.size:
                    continue
                for j in unit:
                    name = cols[j]
                    col = out[name].copy()
                    col.iloc[hit] = pool[name].to_numpy()[donor[hit, k]]
                    out[name] = col
            return out
        base = np.asarray(X)[rows]
        out_a = base.astype(np.float64) if base.dtype.kind in "biu" else base.copy()
        if self.numeric.size:
            noisy = out_a[:, self.numeric].astype(np.float64) + r[:, None] * self.scale * z
            out_a[:, self.numeric] = np.clip(noisy, self.low, self.high)
        for k, unit in enumerate(self.units):
            hit = np.flatnonzero(u[:, k] < r)
            if hit.size:
                idx = np.asarray(unit, dtype=np.int64)
                out_a[np.ix_(hit, idx)] = self.pool[np.ix_(donor[hit, k], idx)]
        return out_a


@dataclass(frozen=True)
class _Directions:
    """Per record and direction: unit Gaussian noise, resampling draws and donor records."""

    z: np.ndarray
    u: np.ndarray
    donor: np.ndarray


# ---------------------------------------------------------------------------
# the signal
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelSignals:
    """What label queries say about each record.

    Attributes
    ----------
    correct : ndarray of bool
        Whether the predicted label is the true one.
    robustness : ndarray of float
        Share of the perturbed copies (every direction at every radius) that
        keep the true label.
    boundary : ndarray of float
        Mean over directions of the flip radius on a log scale from 0 (the
        smallest grid radius divided by its step) to 1 (the largest times
        its step, or never flipped); 0 when the record is misclassified.
    queries : int
        Records the model was asked to label.
    """

    correct: np.ndarray
    robustness: np.ndarray
    boundary: np.ndarray
    queries: int

    @property
    def combined(self) -> np.ndarray:
        """``correct + (robustness + boundary) / 2``, in [0, 2]; higher means member."""
        return np.asarray(self.correct + 0.5 * (self.robustness + self.boundary), dtype=np.float64)


class _Counter:
    """A model's ``predict``, counting the records it labels."""

    def __init__(self, model: Any) -> None:
        self.predict = model.predict
        self.n = 0

    def __call__(self, X: Any) -> np.ndarray:
        self.n += int(X.shape[0]) if hasattr(X, "shape") else len(X)
        return np.asarray(self.predict(X))


def _radius_grid(radii: Sequence[float]) -> np.ndarray:
    r = np.asarray(list(radii), dtype=np.float64)
    if r.ndim != 1 or r.size < 1 or not np.all(np.isfinite(r)) or np.any(r <= 0):
        raise LabelOnlyError(f"radii must be positive numbers; got {list(radii)!r}")
    if np.any(np.diff(r) <= 0):
        raise LabelOnlyError(f"radii must be increasing; got {list(radii)!r}")
    return r


def _step(r: np.ndarray) -> float:
    """The grid's ratio between neighbouring radii (the extension below and above it)."""
    return float(np.exp(np.mean(np.diff(np.log(r))))) if r.size > 1 else 2.0


def label_signals(
    model: Any,
    X: Any,
    y: Any,
    perturbation: Perturbation,
    *,
    n_perturbations: int = DEFAULT_PERTURBATIONS,
    radii: Sequence[float] = DEFAULT_RADII,
    bisection: int = DEFAULT_BISECTION,
    seed: int | Sequence[int] = 0,
) -> LabelSignals:
    """Correctness, robustness and boundary distance of records, from ``model.predict`` only.

    Parameters
    ----------
    model : estimator
        Anything with ``predict`` (a classifier, a served wrapper, a black box).
    X : DataFrame or ndarray
        The records, as the model takes them.
    y : array-like
        Their true labels.
    perturbation : Perturbation
        How to perturb them (:meth:`Perturbation.fit`).
    n_perturbations : int, default=16
        Directions per record.
    radii : sequence of float, default=(0.01, 0.03, 0.1, 0.3)
        Increasing radii of the grid.
    bisection : int, default=3
        Bisection steps refining each flip radius (0: the grid alone).
    seed : int or sequence of int, default=0
        Seeds the directions: the same seed and records give the same copies,
        for every model.

    Returns
    -------
    LabelSignals
        The signals and the number of label queries,
        ``n * (1 + n_perturbations * len(radii))`` plus ``bisection`` per
        direction that flips within the grid.
    """
    r = _radius_grid(radii)
    if (
        isinstance(n_perturbations, bool)
        or not isinstance(n_perturbations, int)
        or n_perturbations < 1
    ):
        raise LabelOnlyError(f"n_perturbations must be an integer >= 1; got {n_perturbations!r}")
    if isinstance(bisection, bool) or not isinstance(bisection, int) or bisection < 0:
        raise LabelOnlyError(f"bisection must be an integer >= 0; got {bisection!r}")
    ask = _Counter(model)
    y = np.asarray(y)
    n, k, g = len(y), n_perturbations, r.size
    correct = ask(X) == y
    d = perturbation.directions(n, k, seed)
    rows = np.repeat(np.arange(n), k)
    dirs = np.tile(np.arange(k), n)
    y_rep = y[rows]
    keep = np.empty((g, n * k), dtype=bool)
    for i, radius in enumerate(r):
        keep[i] = ask(perturbation.copies(X, rows, dirs, d, np.full(n * k, radius))) == y_rep
    robustness = keep.reshape(g, n, k).mean(axis=(0, 2))
    q = _step(r)
    r_lo, r_hi = r[0] / q, r[-1] * q
    flipped = ~keep
    first = np.where(flipped.any(axis=0), np.argmax(flipped, axis=0), g)
    ext = np.r_[r_lo, r, r_hi]  # ext[i + 1] is grid radius i
    lo, hi = ext[first], ext[first + 1]
    rho = np.full(n * k, r_hi)
    search = (first < g) & correct[rows]
    s = np.flatnonzero(search)
    if s.size:
        a, b = lo[s].copy(), hi[s].copy()
        for _ in range(bisection):
            mid = np.sqrt(a * b)
            kept = ask(perturbation.copies(X, rows[s], dirs[s], d, mid)) == y_rep[s]
            a, b = np.where(kept, mid, a), np.where(kept, b, mid)
        rho[s] = np.sqrt(a * b)
    t = np.clip(np.log(rho / r_lo) / np.log(r_hi / r_lo), 0.0, 1.0)
    t = np.where(correct[rows], t, 0.0)
    boundary = t.reshape(n, k).mean(axis=1)
    return LabelSignals(
        correct=np.asarray(correct),
        robustness=np.asarray(robustness, dtype=np.float64),
        boundary=np.asarray(boundary, dtype=np.float64),
        queries=ask.n,
    )


# ---------------------------------------------------------------------------
# membership
# ---------------------------------------------------------------------------


def _query_model(target_or_model: Any) -> Any:
    """The object whose ``predict`` is called: a Target's estimator, or the model."""
    if isinstance(target_or_model, Target):
        return target_or_model.estimator
    model = as_query_model(target_or_model)
    if isinstance(model, BlackBox):
        return model
    from modelprivacy.models._registry import as_estimator

    return as_estimator(model)  # a library's own model (an XGBoost Booster): its adapter


def _as_target(
    target_or_model: Any, model: Any, fit_fn: Callable[[Any, Any], Any] | None
) -> Target:
    """The Target given, or one of ``model`` (a black box bound to the data first)."""
    if isinstance(target_or_model, Target):
        if fit_fn is not None:
            raise LabelOnlyError(
                "fit_fn= is for a model; a Target carries its own fit_fn (Target(model, fit_fn=...))"
            )
        tgt = target_or_model
    else:
        tgt = Target(model, fit_fn=fit_fn)
    if tgt.output == "regression":
        raise LabelOnlyError(
            "label-only attacks need a classifier; a regressor's outputs, rounded or not, are "
            "attacked by membership_inference (the loss signal handles rounded outputs)"
        )
    if not callable(getattr(tgt.estimator, "predict", None)):
        raise LabelOnlyError(
            f"the {type(tgt.estimator).__name__} has no predict: label-only attacks ask for labels"
        )
    return tgt


def _refuse_regressor(model: Any) -> None:
    from modelprivacy.attacks.target import _is_regressor

    if (isinstance(model, BlackBox) and model.output == "regression") or (
        not isinstance(model, BlackBox) and _is_regressor(model)
    ):
        raise LabelOnlyError(
            "label-only attacks need a classifier; a regressor's outputs, rounded or not, are "
            "attacked by membership_inference (the loss signal handles rounded outputs)"
        )


def _check_k(reference_models: Any) -> int:
    k = reference_models
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not (k == 0 or 2 <= k <= 256):
        raise LabelOnlyError(
            f"reference_models must be 0 (none) or an integer from 2 to 256; got {k!r}"
        )
    return int(k)


def label_only_membership(
    target_or_model: Any,
    train: Any,
    holdout: Any,
    *,
    target: str | None = None,
    y_train: Any = None,
    y_holdout: Any = None,
    population: Any = None,
    y_population: Any = None,
    reference_models: int = 0,
    n_perturbations: int = DEFAULT_PERTURBATIONS,
    radii: Sequence[float] = DEFAULT_RADII,
    bisection: int = DEFAULT_BISECTION,
    categorical: Sequence[Any] | None = None,
    max_records: int | None = None,
    fit_fn: Callable[[Any, Any], Any] | None = None,
    fit_budget: float | None = None,
    seed: int = 0,
) -> MembershipResult:
    """Membership inference from predicted labels only: correctness and robustness to perturbation.

    Parameters
    ----------
    target_or_model : Target, estimator or BlackBox
        The audited model; only its ``predict`` is called. A
        :class:`~modelprivacy.attacks.target.Target` (for instance one whose
        output is filtered by a release mode) is queried through its
        ``estimator``, and refitted through it for reference models.
    train : DataFrame or array-like
        The records the model was fitted on (members).
    holdout : DataFrame or array-like
        Records of the same population it was not fitted on (non-members).
    target : str, optional
        The label column of the data frames.
    y_train, y_holdout : array-like, optional
        Labels, when the data has no label column.
    population, y_population : optional
        Extra population records: the spreads and resampled values of the
        perturbations come from them (from the holdout otherwise), and they
        join the pool the reference models train on; never audited.
    reference_models : int, default=0
        K reference models (0: none; 2 to 256) for the ``label_lira_*``
        attacks. Each is fitted on a random half of the pooled records and
        queried with the same perturbed copies as the target.
    n_perturbations : int, default=16
        Seeded directions per record.
    radii : sequence of float, default=(0.01, 0.03, 0.1, 0.3)
        Increasing perturbation radii (noise in units of each numeric
        column's spread; resampling probability of categorical columns).
    bisection : int, default=3
        Bisection steps refining the flip radius of each direction.
    categorical : sequence, optional
        Columns to resample rather than add noise to (see
        :meth:`Perturbation.fit`).
    max_records : int, optional
        Audit at most this many members and as many non-members (a seeded
        sample); all by default.
    fit_fn : callable, optional
        ``fit_fn(X, y) -> fitted model`` for reference models of a model that
        cannot be cloned (not with a Target, which carries its own).
    fit_budget : float, optional
        Seconds each reference fit may take (no limit by default).
    seed : int, default=0
        Seeds the sample, the directions, the reference halves and the
        statistics: the same seed gives the same result.

    Returns
    -------
    MembershipResult
        Attacks ``label_gap``, ``label_robustness``, ``label_boundary``,
        ``label_only`` (the combined signal) and, with reference models,
        ``label_lira_offline`` and ``label_lira_online``; ``queries`` is the
        number of records the target was asked to label; ``k`` the number
        of reference models.

    Raises
    ------
    LabelOnlyError
        A regressor, a model without ``predict``, or invalid settings.
    DataError
        Missing labels, overlapping members and non-members, or too few records.

    Notes
    -----
    Cost: about ``n * (1 + n_perturbations * (len(radii) + bisection))``
    label queries for ``n`` audited records (the bisection runs only for the
    directions that flip within the grid), and as many again on each
    reference model. A reference model that cannot be fitted leaves the
    ``label_lira_*`` attacks out, listed in ``skipped_attacks``.
    """
    from sklearn.utils import _safe_indexing

    from modelprivacy.attacks.api import _xy, scored_records
    from modelprivacy.attacks.exposure import exposure
    from modelprivacy.attacks.reference import ReferenceSignals, balanced_membership
    from modelprivacy.load.data import check_disjoint, concat_rows

    k = _check_k(reference_models)
    model = _query_model(target_or_model)
    _refuse_regressor(model)
    if train is None or holdout is None:
        raise DataError("membership inference needs the training data and a holdout of non-members")
    Xm, ym = _xy(train, y_train, target, "train", model)
    if isinstance(model, BlackBox):
        model.bind(Xm, ym)
    tgt = _as_target(target_or_model, model, fit_fn)
    Xn, yn = _xy(holdout, y_holdout, target, "holdout", model)
    check_disjoint(Xm, Xn)
    if len(ym) < 2 or len(yn) < 2:
        raise DataError("membership inference needs at least 2 members and 2 non-members")
    parts_X, parts_y = [Xm, Xn], [ym, yn]
    if population is not None:
        Xp, yp = _xy(population, y_population, target, "population", model)
        parts_X.append(Xp)
        parts_y.append(yp)
    pool_X = parts_X[2] if population is not None else Xn
    perturbation = Perturbation.fit(pool_X, categorical=categorical)
    # a classifier (regressors are refused): the same class proportions on both sides
    sel_m, sel_n, class_note = scored_records(ym, yn, max_records, seed)
    X_audit = concat_rows([_safe_indexing(Xm, sel_m), _safe_indexing(Xn, sel_n)])
    y_audit = np.r_[ym[sel_m], yn[sel_n]]
    is_member = np.r_[np.ones(sel_m.size, dtype=bool), np.zeros(sel_n.size, dtype=bool)]

    def signals_of(m: Any) -> LabelSignals:
        # the same copies of the same records for the target and every reference model
        return label_signals(
            m,
            X_audit,
            y_audit,
            perturbation,
            n_perturbations=n_perturbations,
            radii=radii,
            bisection=bisection,
            seed=[seed, 2],
        )

    t0 = time.perf_counter()
    sig = signals_of(model)
    scores: dict[str, np.ndarray] = {
        "label_gap": sig.correct.astype(np.float64),
        "label_robustness": sig.robustness,
        "label_boundary": sig.boundary,
        "label_only": sig.combined,
    }
    timings = {"target queries": time.perf_counter() - t0}
    skipped: dict[str, str] = {}
    notes: tuple[str, ...] = ()
    k_done = 0
    if k:
        why_not = tgt.refit_reason()
        if why_not:
            skipped = {"label_lira_offline": why_not, "label_lira_online": why_not}
        else:
            t0 = time.perf_counter()
            X_all, y_all = concat_rows(parts_X), np.concatenate(parts_y)
            membership = balanced_membership(len(y_all), k, np.random.default_rng([seed, 3]))
            audit_pos = np.r_[sel_m, len(ym) + sel_n]
            rows = []
            plan = tgt.refit_plan()
            reached: list[tuple[bool, ...]] = []
            for i in range(k):
                inside = np.flatnonzero(membership[i])
                ref_model = tgt.fit_clone(
                    _safe_indexing(X_all, inside),
                    y_all[inside],
                    budget=fit_budget,
                    what=f"reference model {i + 1} of {k} ({type(model).__name__})",
                )
                if plan is not None:
                    reached.append(plan.reached(ref_model))
                rows.append(signals_of(ref_model).combined)
            ref = ReferenceSignals(membership[:, audit_pos], np.vstack(rows))
            from modelprivacy.attacks.membership import attack_scores

            for name in ("lira_offline", "lira_online"):
                scores[f"label_{name}"] = attack_scores(name, sig.combined, ref)
            notes = plan.report(reached) if plan is not None else ()
            k_done = k
            timings["reference models"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    rng = np.random.default_rng([seed, 4])
    metrics: dict[str, AttackMetrics] = {
        name: evaluate(name, s[is_member], s[~is_member], rng) for name, s in scores.items()
    }
    result = MembershipResult(
        metrics=metrics,
        scores=scores,
        is_member=is_member,
        k=k_done,
        seed=seed,
        member_index=sel_m,
        n_train=len(ym),
        n_holdout=len(yn),
        refit_notes=notes,
        roc={name: roc_curve(s, is_member) for name, s in scores.items()},
        skipped_attacks=skipped,
        queries=sig.queries,
        class_balance=class_note,
    )
    from modelprivacy.attacks.api import score_histogram

    best = result.best(0.01).name
    exp = exposure(best, scores[best], is_member, y_audit, None, member_index=sel_m)
    timings["attacks and statistics"] = time.perf_counter() - t0
    return dataclasses.replace(
        result,
        histogram=score_histogram(best, scores[best], is_member),
        exposure=exp,
        timings=timings,
    )


# ---------------------------------------------------------------------------
# attribute inference
# ---------------------------------------------------------------------------


class _RobustLabels(ClassifierMixin, BaseEstimator):
    """A view of a classifier that answers label shares of perturbed copies (labels only).

    ``predict_proba(X)[i, c]`` is half of ``[predict(X[i]) == c]`` plus half
    of the share of ``n`` perturbed copies of record ``i`` that the model
    labels ``c``. The copies of a batch of ``m`` records are the same for
    every batch of ``m`` records (the seed and ``m`` fix them), so candidate
    values tried on the same records are compared on the same copies.
    """

    def __init__(
        self,
        model: Any = None,
        perturbation: Perturbation | None = None,
        n_perturbations: int = 8,
        radius: float = 0.1,
        seed: int = 0,
    ) -> None:
        self.model = model
        self.perturbation = perturbation
        self.n_perturbations = n_perturbations
        self.radius = radius
        self.seed = seed

    def __sklearn_is_fitted__(self) -> bool:
        return True

    @property
    def classes_(self) -> np.ndarray:
        return np.asarray(self.model.classes_)

    @property
    def feature_names_in_(self) -> np.ndarray:
        names = getattr(self.model, "feature_names_in_", None)
        if names is None:
            raise AttributeError("the model was not fitted on named columns")
        return np.asarray(names)

    @property
    def n_features_in_(self) -> int:
        n = getattr(self.model, "n_features_in_", None)
        if n is None:
            raise AttributeError("the model does not say how many features it takes")
        return int(n)

    def _ask(self, X: Any) -> np.ndarray:
        self.n_queries_ = getattr(self, "n_queries_", 0) + (
            int(X.shape[0]) if hasattr(X, "shape") else len(X)
        )
        return np.asarray(self.model.predict(X))

    def predict(self, X: Any) -> np.ndarray:
        return self._ask(X)

    def predict_proba(self, X: Any) -> np.ndarray:
        assert self.perturbation is not None
        classes = self.classes_
        m = int(X.shape[0]) if hasattr(X, "shape") else len(X)
        k = self.n_perturbations
        own = pd.Index(classes).get_indexer(self._ask(X))
        out = np.zeros((m, len(classes)))
        out[np.arange(m), own] += 0.5
        if k:
            d = self.perturbation.directions(m, k, [self.seed, m])
            rows, dirs = np.repeat(np.arange(m), k), np.tile(np.arange(k), m)
            copies = self.perturbation.copies(X, rows, dirs, d, np.full(m * k, self.radius))
            idx = pd.Index(classes).get_indexer(self._ask(copies))
            np.add.at(out, (rows, idx), 0.5 / k)
        return out


def label_only_attribute(
    model: Any,
    train: Any,
    holdout: Any,
    *,
    sensitive: Sequence[Any],
    target: str | None = None,
    y_train: Any = None,
    y_holdout: Any = None,
    population: Any = None,
    y_population: Any = None,
    n_perturbations: int = 8,
    radius: float = 0.1,
    categorical: Sequence[Any] | None = None,
    attacks: Sequence[str] = ("model", "learned"),
    tolerance: float = 0.05,
    grid: int = 20,
    max_records: int | None = 5000,
    seed: int = 0,
) -> Any:
    """Attribute inference from predicted labels only, against the usual baseline and control.

    For each candidate value of a sensitive column, the record is labelled
    with that value and along ``n_perturbations`` perturbed copies (the
    sensitive columns themselves are never perturbed); a candidate scores by
    its agreement with the known label, half on the record's own label and
    half on the share of copies that keep it, times its population
    frequency. The attacks, the baseline (the other columns and the label,
    without the model) and the control records are those of
    :func:`~modelprivacy.attacks.attribute.attribute_inference`, which runs
    on a view of the model that answers these label shares.

    Parameters
    ----------
    model : Target, estimator or BlackBox
        The audited classifier; only its ``predict`` is called (a Target's
        ``estimator``).
    train, holdout : DataFrame or array-like
        Members, and non-members (half train the attack, half are control,
        unless ``population`` is given).
    sensitive : sequence of str or int
        The columns to infer.
    target, y_train, y_holdout, population, y_population
        As for :func:`~modelprivacy.attacks.attribute.attribute_inference`
        (the attacker always knows the label). The perturbations' spreads
        come from the population records, or the holdout.
    n_perturbations : int, default=8
        Perturbed copies per record and candidate (0: the label alone).
    radius : float, default=0.1
        Their radius (see :func:`label_only_membership`).
    categorical : sequence, optional
        Columns to resample rather than add noise to.
    attacks, tolerance, grid, max_records, seed
        As for :func:`~modelprivacy.attacks.attribute.attribute_inference`.

    Returns
    -------
    AttributeResult
        As :func:`~modelprivacy.attacks.attribute.attribute_inference`
        returns it, ``output`` ``"label"`` and ``queries`` the records the
        model was asked to label.

    Raises
    ------
    LabelOnlyError
        A regressor, a model without ``predict``, or invalid settings.
    DataError
        As for :func:`~modelprivacy.attacks.attribute.attribute_inference`.
    """
    from modelprivacy.attacks.attribute import _model_columns, _part, _resolve_sensitive
    from modelprivacy.attacks.attribute import attribute_inference as _attribute

    est = _query_model(model)
    _refuse_regressor(est)
    if (
        isinstance(n_perturbations, bool)
        or not isinstance(n_perturbations, int)
        or n_perturbations < 0
    ):
        raise LabelOnlyError(f"n_perturbations must be an integer >= 0; got {n_perturbations!r}")
    if not (isinstance(radius, int | float) and math.isfinite(radius) and radius > 0):
        raise LabelOnlyError(f"radius must be a positive number; got {radius!r}")
    if train is None or holdout is None:
        raise DataError("attribute inference needs the training data and a holdout of non-members")
    tr, is_frame, columns = _part(train, y_train, target, "train", True)
    sens = _resolve_sensitive(
        [sensitive] if isinstance(sensitive, str | int) else list(sensitive),
        columns,
        is_frame,
        target,
    )
    if isinstance(est, BlackBox):
        est.bind(tr.X if is_frame else tr.X.to_numpy(), tr.y)
    _as_target(model, est, None)  # a classifier with classes_ and predict
    model_cols, as_frame = _model_columns(est, columns, sens, is_frame)
    src = population if population is not None else holdout
    y_src = y_population if population is not None else y_holdout
    pop, _, _ = _part(src, y_src, target, "population", False)
    pop_X = pop.X[model_cols] if as_frame else pop.X[model_cols].to_numpy()
    frozen = [model_cols.index(c) for c in sens if c in model_cols]
    if categorical is not None and not as_frame:
        categorical = [model_cols.index(c) for c in categorical if c in model_cols]
    perturbation = Perturbation.fit(pop_X, categorical=categorical, frozen=frozen)
    view = _RobustLabels(est, perturbation, n_perturbations, float(radius), seed)
    result = _attribute(
        view,
        train,
        holdout,
        target=target,
        y_train=y_train,
        y_holdout=y_holdout,
        sensitive=sens,
        population=population,
        y_population=y_population,
        known_label=True,
        attacks=attacks,
        tolerance=tolerance,
        grid=grid,
        max_records=max_records,
        seed=seed,
    )
    return dataclasses.replace(result, output="label", queries=getattr(view, "n_queries_", 0))
