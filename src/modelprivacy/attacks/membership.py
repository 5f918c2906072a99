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
  record (Carlini et al. 2022); ``*_fixed`` variants use one variance for all
  records, the others a variance per record.
- ``rmia_offline`` / ``rmia_online``: the ratio of the target's probability of
  the record to its average probability under reference models, compared with
  the same ratio for population records (Zarifzadeh et al. 2024). Offline, the
  parameter ``a`` that corrects for having only OUT models is chosen on the
  reference models alone (one of them plays the target), never on the audited
  records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.special import expit

from modelprivacy.attacks.reference import ReferenceSignals

__all__ = ["ATTACKS", "attack_scores", "choose_rmia_offline_a"]

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


def _lira(target: np.ndarray, ref: ReferenceSignals, online: bool, fixed: bool) -> np.ndarray:
    out = ~ref.membership
    mu_out, sd_out, _ = _masked_stats(ref.signals, out)
    if fixed:
        sd_out = np.full_like(mu_out, _pooled_std(ref.signals, out, mu_out))
    if not online:
        # one-sided: how far above the OUT distribution the target's signal lies
        return np.asarray((target - mu_out) / np.maximum(sd_out, _MIN_STD))
    mu_in, sd_in, n_in = _masked_stats(ref.signals, ref.membership)
    if fixed:
        sd_in = np.full_like(mu_in, _pooled_std(ref.signals, ref.membership, mu_in))
    mu_in = np.where(n_in > 0, mu_in, mu_out)
    return _log_normal(target, mu_in, sd_in) - _log_normal(target, mu_out, sd_out)


def _probability(signals: np.ndarray) -> np.ndarray:
    """The model's probability of the true label, from the logit signal."""
    return np.asarray(expit(signals))


def _rmia_scores(
    p_target: np.ndarray,
    p_ref_x: np.ndarray,
    p_target_z: np.ndarray,
    p_ref_z: np.ndarray,
    gamma: float = 1.0,
) -> np.ndarray:
    """Share of population records z with ratio(x) / ratio(z) > gamma, by sorting."""
    ratio_x = p_target / np.maximum(p_ref_x, 1e-300)
    ratio_z = np.sort(p_target_z / np.maximum(p_ref_z, 1e-300))
    return np.searchsorted(ratio_z, ratio_x / gamma, side="left") / max(len(ratio_z), 1)


def _rmia(
    target: np.ndarray, ref: ReferenceSignals, population: np.ndarray | None, online: bool, a: float
) -> np.ndarray:
    probs = _probability(ref.signals)
    if online:
        p_ref = probs.mean(axis=0)
    else:
        out = ~ref.membership
        mean_out = np.where(out, probs, 0.0).sum(axis=0) / np.maximum(out.sum(axis=0), 1)
        p_ref = 0.5 * ((1 + a) * mean_out + (1 - a))
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
    best_a, best_auc = 1.0, -np.inf
    for a in grid:
        aucs = []
        for j in range(min(n_targets, ref.k)):
            others = np.delete(np.arange(ref.k), j)
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
    "lira_offline": lambda t, r, p: _lira(t, r, online=False, fixed=False),
    "lira_offline_fixed": lambda t, r, p: _lira(t, r, online=False, fixed=True),
    "lira_online": lambda t, r, p: _lira(t, r, online=True, fixed=False),
    "lira_online_fixed": lambda t, r, p: _lira(t, r, online=True, fixed=True),
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
