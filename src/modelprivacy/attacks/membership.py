"""Membership inference: loss threshold, population, LiRA and RMIA.

All attacks share one set of signals: the target's signal on every audited
record and the signals of the reference models (see :mod:`reference`). Each
attack turns them into a score per record, higher meaning "member":

- ``loss``: the target's own signal (Yeom et al. 2018).
- ``population``: the share of population signals below the record's signal
  (Ye et al. 2022, attack P); population data if given, else the reference
  models' signals on records they did not train on.
- ``lira_offline`` / ``lira_online``: the likelihood ratio of the signal under
  Gaussians fitted to the reference models that trained without (and with) the
  record (Carlini et al. 2022). Logit signals are clipped at ``p`` in
  ``[1e-16, 1 - 1e-16]`` (+-36.8) as in the reference code. A variance per
  record needs many models, so each record's variance is shrunk toward the
  variance pooled over records of similar mean signal (one per quantile bin
  of the mean), which counts as :data:`PRIOR_DOF` observations: with 4 OUT
  models per record the pooled variance dominates, with 128 the record's
  own (:func:`lira_variance`); the ``*_fixed`` variants always pool.
- ``rmia_offline`` / ``rmia_online``: the ratio of the target's probability of
  the record to its average probability under reference models, compared with
  the same ratio for population records (Zarifzadeh et al. 2024). Offline, the
  parameter ``a`` that corrects for having only OUT models is chosen on the
  reference models alone (one of them plays the target), never on the audited
  records.
- ``qmia``: the signal minus its ``1 - alpha`` quantile among non-members with
  similar features, predicted by a quantile regressor fitted on known
  non-members only (Bertran et al. 2023); no reference models, and no record
  is scored by a regressor that saw it (:func:`qmia`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.special import expit

from modelprivacy.attacks.reference import ReferenceSignals

__all__ = [
    "ATTACKS",
    "LOGIT_CLIP",
    "PRIOR_DOF",
    "QmiaScores",
    "attack_scores",
    "choose_rmia_offline_a",
    "lira_scores",
    "lira_variance",
    "qmia",
    "qmia_features",
]

_MIN_STD = 1e-6


def _masked_stats(
    signals: np.ndarray, mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-record mean, std and count of signals where ``mask`` is True."""
    count = mask.sum(axis=0)
    safe = np.maximum(count, 1)
    mean = np.where(mask, signals, 0.0).sum(axis=0) / safe
    var = np.where(mask, (signals - mean) ** 2, 0.0).sum(axis=0) / np.maximum(count - 1, 1)
    return mean, np.sqrt(var), count


def _pooled_std(signals: np.ndarray, mask: np.ndarray, mean: np.ndarray) -> float:
    resid = np.where(mask, signals - mean, np.nan)
    std = float(np.nanstd(resid))
    return max(std, _MIN_STD) if np.isfinite(std) else 1.0


def _log_normal(x: np.ndarray, mean: np.ndarray, std: np.ndarray | float) -> np.ndarray:
    std = np.maximum(std, _MIN_STD)
    return np.asarray(-0.5 * ((x - mean) / std) ** 2 - np.log(std))


def loss(target: np.ndarray, ref: ReferenceSignals, population: np.ndarray | None) -> np.ndarray:
    """Score = the target's signal."""
    return np.asarray(target, dtype=np.float64)


def population_attack(
    target: np.ndarray, ref: ReferenceSignals, population: np.ndarray | None
) -> np.ndarray:
    """Score = empirical CDF of the signal among population signals."""
    pop = population if population is not None and population.size else ref.signals[~ref.membership]
    pop = np.sort(pop)
    return np.searchsorted(pop, target, side="right") / max(len(pop), 1)


#: The pooled variance's weight, in observations, when LiRA shrinks a record's
#: own variance toward it: ``(dof * own + PRIOR_DOF * pooled) / (dof + PRIOR_DOF)``
#: with ``dof`` the record's OUT (or IN) models minus one. Carlini et al. 2022
#: (section VI.B) use one global variance below 64 shadow models and one per
#: record above. On the 18 targets of benchmarks/lira_variance.py (mean TPR at
#: 1% FPR as a share of the best variant's, K = 8 to 256, offline and online),
#: a per-record variance scored 0.33 to 0.89 (it collapses on forests, whose IN
#: models all say p = 1), a level-pooled one 0.79 to 0.96, a global one 0.75 to
#: 0.81, and this weighting 0.85 to 0.96, within 0.04 of the best at every K.
PRIOR_DOF = 16

#: Bins of the signal level within which a pooled variance is shared.
VARIANCE_BINS = 20

#: LiRA clips probabilities to [P_CLIP, 1 - P_CLIP] before the logit, as the
#: reference implementations do; logit signals are clipped to +-LOGIT_CLIP.
P_CLIP = 1e-16
LOGIT_CLIP = float(np.log1p(-P_CLIP) - np.log(P_CLIP))


def lira_variance(ref: ReferenceSignals, online: bool) -> str:
    """Which variance the default LiRA attacks use with these reference models.

    Parameters
    ----------
    ref : ReferenceSignals
        The reference models' membership and signals.
    online : bool
        Whether the IN models count too (online LiRA).

    Returns
    -------
    str
        ``"shrunk"``: each record's variance shrunk toward the variance of
        records of similar mean signal, weighted by its degrees of freedom
        against :data:`PRIOR_DOF` (``"pooled"`` when no record has two OUT,
        or online two IN, models: the pooled variance alone).
    """
    if ref.k == 0:
        return "pooled"
    counts = [(~ref.membership).sum(axis=0)]
    if online:
        counts.append(ref.membership.sum(axis=0))
    return "shrunk" if all(int(c.max()) >= 2 for c in counts) else "pooled"


def _lira_signals(target: np.ndarray, ref: ReferenceSignals) -> tuple[np.ndarray, np.ndarray]:
    """The target's and reference signals, clipped as LiRA clips logits."""
    t = np.asarray(target, dtype=np.float64)
    s = np.asarray(ref.signals, dtype=np.float64)
    if ref.signal == "logit":
        return np.clip(t, -LOGIT_CLIP, LOGIT_CLIP), np.clip(s, -LOGIT_CLIP, LOGIT_CLIP)
    return t, s


def _pooled_var(
    signals: np.ndarray, mask: np.ndarray, mean: np.ndarray, count: np.ndarray, bins: int
) -> np.ndarray:
    """Variance shared by records of similar mean signal (``bins`` quantile bins).

    Squared residuals are summed over the records of a bin and divided by
    their degrees of freedom (count - 1 per record): one global variance when
    the signal's spread does not depend on its level, one per level when it
    does (a forest's logit of 36.8 at p = 1 beside 4.6 at p = 0.99).
    """
    sq = np.where(mask, (signals - mean) ** 2, 0.0).sum(axis=0)
    dof = np.maximum(count - 1, 0).astype(np.float64)
    edges = np.unique(np.quantile(mean, np.linspace(0.0, 1.0, bins + 1)))
    which = np.clip(np.searchsorted(edges, mean, side="right") - 1, 0, max(len(edges) - 2, 0))
    sq_bin = np.bincount(which, weights=sq, minlength=len(edges))
    dof_bin = np.bincount(which, weights=dof, minlength=len(edges))
    total = sq.sum() / dof.sum() if dof.sum() > 0 else 1.0
    var_bin = np.where(dof_bin > 0, sq_bin / np.maximum(dof_bin, 1.0), total)
    return np.asarray(var_bin[which])


def _shrunk_var(
    sd: np.ndarray, pooled: np.ndarray, count: np.ndarray, prior_dof: float
) -> np.ndarray:
    """Each record's variance shrunk toward ``pooled``, which counts as ``prior_dof`` observations."""
    dof = np.maximum(count - 1, 0).astype(np.float64)
    return np.asarray((dof * sd**2 + prior_dof * pooled) / (dof + prior_dof))


def _gaussian(
    signals: np.ndarray, mask: np.ndarray, variance: str, prior_dof: float = PRIOR_DOF
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-record mean and standard deviation of the masked signals, and their count.

    ``variance``: ``"per-record"`` (each record's own), ``"pooled"`` (over
    records of similar mean signal), ``"shrunk"`` (the first toward the
    second, ``prior_dof``) or ``"global"`` (one for all records).
    """
    mean, sd, count = _masked_stats(signals, mask)
    if variance == "global":
        sd = np.full_like(mean, _pooled_std(signals, mask, mean))
    elif variance in ("pooled", "shrunk"):
        pooled = _pooled_var(signals, mask, mean, count, VARIANCE_BINS)
        sd = np.sqrt(pooled if variance == "pooled" else _shrunk_var(sd, pooled, count, prior_dof))
    elif variance != "per-record":
        raise ValueError(f"unknown LiRA variance {variance!r}")
    return mean, np.maximum(sd, _MIN_STD), count


def lira_scores(
    target: np.ndarray,
    ref: ReferenceSignals,
    *,
    online: bool,
    variance: str = "auto",
    prior_dof: float = PRIOR_DOF,
) -> np.ndarray:
    """LiRA's score of every record (Carlini et al. 2022), higher meaning member.

    Parameters
    ----------
    target : ndarray of shape (n,)
        The target's signal on each record.
    ref : ReferenceSignals
        The reference models' membership and signals on the same records.
    online : bool
        Online: the log-likelihood ratio of the signal under the IN and OUT
        Gaussians. Offline: how many OUT standard deviations the signal lies
        above the OUT mean (a monotone transform of the one-sided Gaussian
        p-value of Carlini et al.'s offline test).
    variance : {"auto", "shrunk", "per-record", "pooled", "global"}, default="auto"
        How each Gaussian's variance is estimated: each record's own,
        pooled over records of similar mean signal (20 quantile bins of the
        mean), the first shrunk toward the second (``"auto"``, see
        :func:`lira_variance`), or one for all records.
    prior_dof : float, default=PRIOR_DOF
        For ``"shrunk"``: how many observations the pooled variance counts as.

    Returns
    -------
    ndarray of shape (n,)
        The scores.
    """
    if variance == "auto":
        variance = lira_variance(ref, online)
    t, s = _lira_signals(target, ref)
    out = ~ref.membership
    mu_out, sd_out, _ = _gaussian(s, out, variance, prior_dof)
    if not online:
        return np.asarray((t - mu_out) / sd_out)
    mu_in, sd_in, n_in = _gaussian(s, ref.membership, variance, prior_dof)
    mu_in = np.where(n_in > 0, mu_in, mu_out)
    return _log_normal(t, mu_in, sd_in) - _log_normal(t, mu_out, sd_out)


def _probability(signals: np.ndarray) -> np.ndarray:
    """The model's probability of the true label, from the logit signal."""
    return np.asarray(expit(signals))


def _ratio(p_target: np.ndarray, p_ref: np.ndarray) -> np.ndarray:
    """RMIA's likelihood ratio ``Pr(x | theta) / Pr(x)``."""
    return p_target / np.maximum(p_ref, 1e-300)


def _mean_out(probs: np.ndarray, membership: np.ndarray) -> np.ndarray:
    """Per record, the mean probability over the reference models it was OUT of."""
    out = ~membership
    return np.where(out, probs, 0.0).sum(axis=0) / np.maximum(out.sum(axis=0), 1)


def _offline_reference(mean_out: np.ndarray, a: float) -> np.ndarray:
    """Offline RMIA's ``Pr(x)``: the OUT mean scaled by ``a`` toward what IN models would give."""
    return 0.5 * ((1 + a) * mean_out + (1 - a))


def _rmia_scores(
    p_target: np.ndarray,
    p_ref_x: np.ndarray,
    p_target_z: np.ndarray,
    p_ref_z: np.ndarray,
    gamma: float = 1.0,
) -> np.ndarray:
    """Share of population records z with ratio(x) / ratio(z) > gamma, by sorting."""
    ratio_x = _ratio(p_target, p_ref_x)
    ratio_z = np.sort(_ratio(p_target_z, p_ref_z))
    return np.searchsorted(ratio_z, ratio_x / gamma, side="left") / max(len(ratio_z), 1)


def _rmia(
    target: np.ndarray, ref: ReferenceSignals, population: np.ndarray | None, online: bool, a: float
) -> np.ndarray:
    probs = _probability(ref.signals)
    if online:
        p_ref = probs.mean(axis=0)
    else:
        p_ref = _offline_reference(_mean_out(probs, ref.membership), a)
    p_target = _probability(target)
    # population records z: their target and reference probabilities; by default
    # all pooled records serve (membership of z is unknown to the attacker)
    return _rmia_scores(p_target, p_ref, p_target, p_ref)


def choose_rmia_offline_a(
    ref: ReferenceSignals,
    grid: Sequence[float] = tuple(np.linspace(0.0, 1.0, 11)),
    n_targets: int = 4,
) -> float:
    """Choose RMIA's offline parameter ``a`` on the reference models alone.

    Each of up to ``n_targets`` reference models plays the target; the others
    are its references; ``a`` maximises the mean AUC of telling that model's
    training records from the rest. The audited records' membership is never
    used.

    Parameters
    ----------
    ref : ReferenceSignals
        Signals of the reference models.
    grid : sequence of float, optional
        Candidate values in [0, 1].
    n_targets : int, default=4
        How many reference models play the target.

    Returns
    -------
    float
        The chosen ``a``.
    """
    from modelprivacy.stats import auc

    if ref.k < 3:
        return 1.0
    # What _rmia(ref.signals[j], others, None, online=False, a) computes, with the parts
    # that do not depend on ``a`` computed once per model: the same numbers. RMIA's score
    # is the rank of the record's ratio among all ratios, a strictly increasing function
    # of the ratio, so the AUC of the ratios is the AUC of the scores (the same counts).
    probs = _probability(ref.signals)
    per_target = []
    for j in range(min(n_targets, ref.k)):
        others = np.delete(np.arange(ref.k), j)
        per_target.append((j, others, _mean_out(probs[others], ref.membership[others])))
    best_a, best_auc = 1.0, -np.inf
    for a in grid:
        aucs = []
        for j, others, mean_out in per_target:
            scores = _ratio(probs[j], _offline_reference(mean_out, float(a)))
            if np.isnan(scores).any():  # ranks are not increasing in NaN ratios: rank them
                sub = ReferenceSignals(ref.membership[others], ref.signals[others])
                scores = _rmia(ref.signals[j], sub, None, online=False, a=float(a))
            member = ref.membership[j]
            aucs.append(auc(scores[member], scores[~member]))
        mean_auc = float(np.mean(aucs))
        if mean_auc > best_auc + 1e-12:
            best_a, best_auc = float(a), mean_auc
    return best_a


AttackFn = Callable[[np.ndarray, ReferenceSignals, np.ndarray | None], np.ndarray]

ATTACKS: dict[str, AttackFn] = {
    "loss": loss,
    "population": population_attack,
    "lira_offline": lambda t, r, p: lira_scores(t, r, online=False),
    "lira_offline_fixed": lambda t, r, p: lira_scores(t, r, online=False, variance="pooled"),
    "lira_online": lambda t, r, p: lira_scores(t, r, online=True),
    "lira_online_fixed": lambda t, r, p: lira_scores(t, r, online=True, variance="pooled"),
    "rmia_online": lambda t, r, p: _rmia(t, r, p, online=True, a=1.0),
}


def attack_scores(
    name: str,
    target: np.ndarray,
    ref: ReferenceSignals,
    population: np.ndarray | None = None,
    a: float = 1.0,
) -> np.ndarray:
    """Scores of one attack on every pooled record (higher means member).

    Parameters
    ----------
    name : str
        One of :data:`ATTACKS` or ``"rmia_offline"``.
    target : ndarray of shape (n,)
        The target's signal on each pooled record.
    ref : ReferenceSignals
        The reference models' membership and signals on the same records.
    population : ndarray, optional
        The target's signals on extra population records.
    a : float, default=1.0
        RMIA's offline parameter (see :func:`choose_rmia_offline_a`).

    Returns
    -------
    ndarray of shape (n,)
        The scores.
    """
    if name == "rmia_offline":
        return _rmia(target, ref, population, online=False, a=a)
    if name not in ATTACKS:
        choices = ", ".join([*ATTACKS, "rmia_offline"])
        raise ValueError(f"unknown attack {name!r}; choose from: {choices}")
    return ATTACKS[name](target, ref, population)


@dataclass(frozen=True)
class QmiaScores:
    """Scores of the quantile-regression attack and which regressor gave them.

    Attributes
    ----------
    scores : ndarray of shape (n,)
        ``signal - predicted quantile`` of every scored record (higher means
        member); NaN for the records not scored.
    scored_by : ndarray of int, shape (n,)
        The regressor that scored each record (-1: not scored).
    fitted_on : ndarray of bool, shape (n_regressors, n)
        ``fitted_on[j, i]`` is True when regressor ``j`` was fitted on record ``i``.
    """

    scores: np.ndarray
    scored_by: np.ndarray
    fitted_on: np.ndarray


def qmia_features(X: Any, y: np.ndarray) -> np.ndarray:
    """A numeric matrix of the records and their labels, for the quantile regressor.

    Parameters
    ----------
    X : array-like of shape (n, ...)
        Records (arrays, sparse matrices or DataFrames; non-numeric columns
        are ordinal-encoded, arrays of more than two axes flattened).
    y : ndarray of shape (n,)
        Labels (or targets), appended as the last column (their rank among
        the distinct labels when they are not numbers).

    Returns
    -------
    ndarray of shape (n, d + 1)
        The features.
    """
    import pandas as pd

    n = len(y)
    if isinstance(X, pd.DataFrame):
        cols = []
        for name in X.columns:
            col = X[name]
            if pd.api.types.is_bool_dtype(col) or not pd.api.types.is_numeric_dtype(col):
                codes = pd.Series(pd.Categorical(col.astype("string"))).cat.codes
                cols.append(np.where(codes.to_numpy() < 0, np.nan, codes.to_numpy(np.float64)))
            else:
                cols.append(col.to_numpy(dtype=np.float64, na_value=np.nan))
        F = np.column_stack(cols) if cols else np.zeros((n, 0))
    elif hasattr(X, "toarray"):
        F = np.asarray(X.toarray(), dtype=np.float64).reshape(n, -1)
    else:
        arr = np.asarray(X)
        try:
            F = arr.astype(np.float64).reshape(n, -1)
        except (TypeError, ValueError):
            flat = arr.reshape(n, -1)
            F = np.column_stack(
                [
                    np.unique(flat[:, j].astype(str), return_inverse=True)[1]
                    for j in range(flat.shape[1])
                ]
            ).astype(np.float64)
    y = np.asarray(y)
    label = (
        y.astype(np.float64)
        if np.issubdtype(y.dtype, np.number)
        else np.unique(y.astype(str), return_inverse=True)[1].astype(np.float64)
    )
    return np.column_stack([F, label.reshape(n, -1)])


def _quantile_regressor(alpha: float, seed: int) -> Any:
    from sklearn.ensemble import HistGradientBoostingRegressor

    return HistGradientBoostingRegressor(
        loss="quantile", quantile=1.0 - alpha, max_iter=100, random_state=seed
    )


def qmia(
    features: np.ndarray,
    signal: np.ndarray,
    known_nonmember: np.ndarray,
    scored: np.ndarray,
    *,
    alpha: float = 0.01,
    seed: int = 0,
) -> QmiaScores:
    """Quantile-regression membership attack (Bertran et al. 2023); no reference models.

    A gradient-boosted quantile regressor learns, from records known not to
    be members, the ``1 - alpha`` quantile of the target's signal given the
    record (features and label); a record scores ``signal - quantile``, so a
    threshold at 0 flags about ``alpha`` of non-members. No record is scored
    by a regressor that was fitted on it:

    - when no scored record is a known non-member (population records fit
      the regressor, audited records are scored), one regressor is fitted on
      all known non-members;
    - otherwise the known non-members are split at random into two halves
      and each half fits one regressor, which scores the other half and a
      random half of the other scored records (two-fold cross-fitting).

    Parameters
    ----------
    features : ndarray of shape (n, d)
        Numeric features of every record (:func:`qmia_features`).
    signal : ndarray of shape (n,)
        The target's signal on every record.
    known_nonmember : ndarray of bool, shape (n,)
        Records the attacker knows were not trained on (the regressor's data).
    scored : ndarray of bool, shape (n,)
        Records to score.
    alpha : float, default=0.01
        The regressed quantile is ``1 - alpha``.
    seed : int, default=0
        Seeds the split and the regressors; the same seed gives the same scores.

    Returns
    -------
    QmiaScores
        The scores, and which regressor scored and was fitted on each record.
    """
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must be in (0, 1); got {alpha!r}")
    features = np.asarray(features, dtype=np.float64)
    signal = np.asarray(signal, dtype=np.float64)
    known = np.asarray(known_nonmember, dtype=bool)
    scored = np.asarray(scored, dtype=bool)
    n = len(signal)
    rng = np.random.default_rng(seed)
    if not (known & scored).any():
        fitted_on = known[None, :].copy()
        scored_by = np.where(scored, 0, -1)
    else:
        # the folds of the known non-members and of the other scored records,
        # each split into halves of equal size (up to one record)
        fold = np.full(n, -1)
        for group in (known, scored & ~known):
            idx = rng.permutation(np.flatnonzero(group))
            fold[idx] = np.arange(idx.size) % 2
        fitted_on = np.stack([known & (fold == 1), known & (fold == 0)])
        scored_by = np.where(scored, fold, -1)
    if int(fitted_on.sum(axis=1).min()) < 2:
        raise ValueError("the quantile attack needs at least 2 known non-members per regressor")
    from modelprivacy._threads import fit_threads, limited_threads

    scores = np.full(n, np.nan)
    finite = np.isfinite(signal)
    # OpenMP threads on cores that other tasks use wait for each other
    with limited_threads(fit_threads()):
        for j, fit in enumerate(fitted_on):
            reg = _quantile_regressor(alpha, seed + j)
            fit = fit & finite
            reg.fit(features[fit], signal[fit])
            rows = scored_by == j
            if rows.any():
                scores[rows] = signal[rows] - reg.predict(features[rows])
    return QmiaScores(scores=scores, scored_by=scored_by, fitted_on=fitted_on)


#: With at least this many population records, they alone fit QMIA's regressor.
QMIA_MIN_POPULATION = 100


def qmia_attack_scores(
    X: Any,
    y: np.ndarray,
    signal: np.ndarray,
    is_member: np.ndarray,
    *,
    logit: bool = False,
    alpha: float = 0.01,
    seed: int = 0,
) -> np.ndarray:
    """QMIA's score of every audited record, as :func:`membership_inference` runs it.

    Parameters
    ----------
    X : array-like of shape (n, ...)
        The audited records (members, then non-members), then any population records.
    y : ndarray of shape (n,)
        Their labels.
    signal : ndarray of shape (n,)
        The target's signal on them.
    is_member : ndarray of bool, shape (n_audit,)
        Which of the first ``n_audit`` records are members; the rest of
        ``X`` is population.
    logit : bool, default=False
        Whether the signal is a logit (clipped at ``p`` in
        ``[1e-16, 1 - 1e-16]``, as for LiRA).
    alpha : float, default=0.01
        The regressed quantile is ``1 - alpha``.
    seed : int, default=0
        Seeds the split and the regressors.

    Returns
    -------
    ndarray of shape (n_audit,)
        The scores. With at least :data:`QMIA_MIN_POPULATION` population
        records, one regressor fitted on them scores every audited record;
        otherwise the audited non-members (and any population records) are
        split in two halves, each fitting a regressor that scores the other
        half's audited non-members and half of the members (see :func:`qmia`).
    """
    is_member = np.asarray(is_member, dtype=bool)
    n_audit = is_member.size
    s = np.asarray(signal, dtype=np.float64)
    if logit:
        s = np.clip(s, -LOGIT_CLIP, LOGIT_CLIP)
    n = s.size
    scored = np.arange(n) < n_audit
    if n - n_audit >= QMIA_MIN_POPULATION:
        known = ~scored
    else:
        known = np.r_[~is_member, np.ones(n - n_audit, dtype=bool)]
    result = qmia(qmia_features(X, y), s, known, scored, alpha=alpha, seed=seed)
    return np.asarray(result.scores[:n_audit])
