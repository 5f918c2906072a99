"""LiRA checked against an independent computation in the style of Carlini et al.'s code."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import norm

from modelprivacy.attacks.membership import (
    LOGIT_CLIP,
    PRIOR_DOF,
    attack_scores,
    lira_scores,
    lira_variance,
)
from modelprivacy.attacks.reference import ReferenceSignals, balanced_membership
from modelprivacy.attacks.target import logit_signal


def _signals(k: int, n: int = 40, seed: int = 0) -> tuple[np.ndarray, ReferenceSignals]:
    rng = np.random.default_rng(seed)
    membership = balanced_membership(n, k, rng)
    level = rng.normal(0.0, 2.0, size=n)
    spread = rng.uniform(0.3, 2.0, size=n)
    signals = level + spread * rng.normal(size=(k, n)) + 1.5 * membership
    target = level + spread * rng.normal(size=n) + 1.5 * (np.arange(n) % 2)
    return target, ReferenceSignals(membership, signals, signal="logit")


def _carlini(target, ref, online):
    """Per-record Gaussians, as in Carlini et al.'s score.py, record by record."""
    out = np.empty(len(target))
    for i, x in enumerate(target):
        s_in = ref.signals[ref.membership[:, i], i]
        s_out = ref.signals[~ref.membership[:, i], i]
        mu_out, sd_out = s_out.mean(), s_out.std(ddof=1)
        if online:
            mu_in, sd_in = s_in.mean(), s_in.std(ddof=1)
            out[i] = norm.logpdf(x, mu_in, sd_in) - norm.logpdf(x, mu_out, sd_out)
        else:
            # one-sided test: log of the probability of a signal at least this low
            out[i] = norm.logcdf(x, mu_out, sd_out)
    return out


def test_online_per_record_equals_the_log_likelihood_ratio():
    target, ref = _signals(k=32)
    ours = lira_scores(target, ref, online=True, variance="per-record")
    np.testing.assert_allclose(ours, _carlini(target, ref, online=True), rtol=1e-9, atol=1e-9)


def test_offline_per_record_ranks_as_the_gaussian_p_value():
    target, ref = _signals(k=32)
    ours = lira_scores(target, ref, online=False, variance="per-record")
    theirs = _carlini(target, ref, online=False)
    # ours is the z-score; Carlini's log-CDF is a monotone function of it
    np.testing.assert_allclose(norm.logcdf(ours), theirs, rtol=1e-9, atol=1e-12)
    assert np.array_equal(np.argsort(ours), np.argsort(theirs))


def _level_pooled_sd(signals: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Independently: 20 quantile bins of the mean, squared residuals over degrees of freedom."""
    s = np.where(mask, signals, np.nan)
    mu = np.nanmean(s, axis=0)
    edges = np.unique(np.quantile(mu, np.linspace(0, 1, 21)))
    b = np.clip(np.searchsorted(edges, mu, side="right") - 1, 0, len(edges) - 2)
    sd = np.empty_like(mu)
    for j in np.unique(b):
        r = s[:, b == j] - mu[b == j]
        sd[b == j] = np.sqrt(np.nansum(r**2) / (np.sum(~np.isnan(r)) - (b == j).sum()))
    return mu, sd


def test_the_default_shrinks_each_records_variance_toward_the_pooled_one():
    target, ref = _signals(k=16, n=400)
    assert lira_variance(ref, online=False) == lira_variance(ref, online=True) == "shrunk"
    ours = attack_scores("lira_online", target, ref)
    expected = np.zeros(len(target))
    for mask, sign in ((ref.membership, 1.0), (~ref.membership, -1.0)):
        mu, pooled = _level_pooled_sd(ref.signals, mask)
        own = np.nanstd(np.where(mask, ref.signals, np.nan), axis=0, ddof=1)
        dof = mask.sum(axis=0) - 1
        sd = np.sqrt((dof * own**2 + PRIOR_DOF * pooled**2) / (dof + PRIOR_DOF))
        expected += sign * norm.logpdf(target, mu, sd)
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-9)
    # between the two it shrinks: nearer the pooled with few models, the own with many
    pooled = attack_scores("lira_online_fixed", target, ref)
    own = lira_scores(target, ref, online=True, variance="per-record")
    assert not np.allclose(ours, pooled) and not np.allclose(ours, own)
    assert np.abs(ours - pooled).mean() < np.abs(ours - own).mean()
    target, ref = _signals(k=256, n=400)
    ours = attack_scores("lira_online", target, ref)
    pooled = attack_scores("lira_online_fixed", target, ref)
    own = lira_scores(target, ref, online=True, variance="per-record")
    assert np.abs(ours - own).mean() < np.abs(ours - pooled).mean()


def test_a_record_whose_models_agree_exactly_borrows_the_pooled_variance():
    # a forest's IN models all say p = 1: the record's own variance is 0, and a
    # per-record Gaussian with it makes any other signal infinitely unlikely
    target, ref = _signals(k=32, n=200)
    signals = ref.signals.copy()
    signals[:, 0] = np.where(ref.membership[:, 0], LOGIT_CLIP, signals[:, 0])
    ref = ReferenceSignals(ref.membership, signals, signal="logit")
    t = target.copy()
    t[0] = LOGIT_CLIP - 0.5
    ours = attack_scores("lira_online", t, ref)
    own = lira_scores(t, ref, online=True, variance="per-record")
    assert own[0] < -1e9
    assert np.isfinite(ours[0]) and ours[0] > -1e3


def test_the_fixed_variants_pool_the_variance_over_records_of_similar_level():
    target, ref = _signals(k=8, n=400)
    ours = attack_scores("lira_online_fixed", target, ref)
    assert np.array_equal(ours, lira_scores(target, ref, online=True, variance="pooled"))
    expected = np.zeros(len(target))
    for mask, sign in ((ref.membership, 1.0), (~ref.membership, -1.0)):
        mu, sd = _level_pooled_sd(ref.signals, mask)
        expected += sign * norm.logpdf(target, mu, sd)
    # log N differs from ours by the constant -log(sqrt(2 pi)) on both sides: it cancels
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-9)
    off = attack_scores("lira_offline", target, ref)
    mu_out = np.nanmean(np.where(~ref.membership, ref.signals, np.nan), axis=0)
    assert np.all(np.sign(off) == np.sign(target - mu_out))


def test_an_unknown_variance_is_refused():
    target, ref = _signals(k=8)
    with pytest.raises(ValueError, match="unknown LiRA variance"):
        lira_scores(target, ref, online=True, variance="median")


def test_one_global_variance_when_the_spread_does_not_depend_on_the_level():
    rng = np.random.default_rng(3)
    k, n = 8, 300
    membership = balanced_membership(n, k, rng)
    level = rng.normal(size=n)
    signals = level + rng.normal(size=(k, n))
    target = level + rng.normal(size=n)
    ref = ReferenceSignals(membership, signals)
    s_out = np.where(~membership, signals, np.nan)
    mu = np.nanmean(s_out, axis=0)
    z = attack_scores("lira_offline_fixed", target, ref) * 1.0
    sd = (target - mu) / z
    # one sd per bin, all close to the true spread of 1
    assert sd.min() > 0.7 and sd.max() < 1.3


def test_logits_are_clipped_as_the_reference_code_clips_p():
    proba = np.array([[1.0, 0.0], [1 - 1e-20, 1e-20], [0.5, 0.5], [0.0, 1.0]])
    raw = logit_signal(proba, np.zeros(4, dtype=int))
    assert raw[0] > 600  # the unclipped signal at p = 1
    assert np.isclose(LOGIT_CLIP, np.log((1 - 1e-16) / 1e-16))
    k = 32
    rng = np.random.default_rng(0)
    membership = balanced_membership(4, k, rng)
    signals = np.tile(raw, (k, 1)) + rng.normal(scale=0.1, size=(k, 4))
    ref = ReferenceSignals(membership, signals, signal="logit")
    clipped = ReferenceSignals(membership, np.clip(signals, -LOGIT_CLIP, LOGIT_CLIP))
    t = np.clip(raw, -LOGIT_CLIP, LOGIT_CLIP)
    np.testing.assert_array_equal(
        attack_scores("lira_online", raw, ref), attack_scores("lira_online", t, clipped)
    )
    # margins and squared errors are not probabilities: never clipped
    unclipped = ReferenceSignals(membership, signals)
    assert not np.array_equal(
        attack_scores("lira_online", raw, unclipped), attack_scores("lira_online", t, clipped)
    )
