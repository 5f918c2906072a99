import itertools
import json
import math

import numpy as np
import pytest
from scipy.stats import binomtest, mannwhitneyu
from sklearn.metrics import roc_auc_score
from sklearn.metrics import roc_curve as sk_roc_curve

from modelprivacy import stats
from modelprivacy.stats import (
    EpsilonLowerBound,
    Interval,
    TprAtFpr,
    advantage,
    auc,
    auc_interval,
    balanced_accuracy,
    check_random_state,
    clopper_pearson,
    epsilon_from_threshold_split,
    epsilon_lower_bound,
    newcombe_difference,
    residual_risk,
    residual_risk_interval,
    resolvable_fpr,
    roc_curve,
    tpr_at_fpr,
    tpr_at_fpr_interval,
    wilson,
)


def _tied(rng, n, levels=7, shift=0.0):
    """Integer-valued scores: many ties."""
    return np.floor(rng.normal(shift, 1.5, size=n) * levels / 3).astype(float)


# ---------------------------------------------------------------- ROC and AUC


@pytest.mark.parametrize("seed", range(5))
def test_roc_and_auc_match_sklearn_with_ties(seed):
    rng = np.random.default_rng(seed)
    m = _tied(rng, int(rng.integers(1, 60)), shift=0.5)
    n = _tied(rng, int(rng.integers(1, 60)))
    y = np.r_[np.ones(m.size), np.zeros(n.size)]
    s = np.r_[m, n]
    fpr, tpr, thr = roc_curve(m, n)
    sk_fpr, sk_tpr, sk_thr = sk_roc_curve(y, s, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr)
    np.testing.assert_allclose(tpr, sk_tpr)
    np.testing.assert_array_equal(thr, sk_thr)
    assert fpr[0] == tpr[0] == 0.0 and fpr[-1] == tpr[-1] == 1.0
    assert np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0)
    assert np.unique(thr[1:]).size == thr.size - 1  # tied scores form one step
    a = auc(m, n)
    assert a == pytest.approx(roc_auc_score(y, s), abs=1e-12)
    assert a == pytest.approx(np.trapezoid(tpr, fpr), abs=1e-12)
    u = mannwhitneyu(m, n, alternative="two-sided", method="asymptotic").statistic
    assert a == pytest.approx(u / (m.size * n.size), abs=1e-12)


def test_roc_accepts_lists_and_infinite_scores():
    fpr, tpr, _ = roc_curve([1.0, np.inf], [-np.inf, 0.5])
    assert fpr[-1] == tpr[-1] == 1.0
    assert auc([1.0, np.inf], [-np.inf, 0.5]) == 1.0


def test_perfect_separation():
    m, n = np.arange(10.0, 20.0), np.arange(0.0, 10.0)
    assert auc(m, n) == 1.0
    assert advantage(m, n) == 1.0
    assert balanced_accuracy(m, n) == 1.0
    for f in (1e-4, 0.001, 0.01, 0.5, 0.99):
        assert tpr_at_fpr(m, n, f) == 1.0
    # reversed scores: AUC 0 and no advantage in the stated direction
    assert auc(n, m) == 0.0
    assert advantage(n, m) == 0.0
    assert balanced_accuracy(n, m) == 0.5


def test_identical_distributions():
    rng = np.random.default_rng(0)
    m, n = rng.normal(size=400), rng.normal(size=400)
    ci = auc_interval(m, n, n_boot=300, random_state=0)
    assert abs(ci.value - 0.5) < 0.05
    assert ci.contains(0.5)
    assert ci.low < ci.value < ci.high
    assert ci.level == 0.95
    # all scores equal: one step, AUC exactly 0.5
    assert auc(np.zeros(5), np.zeros(7)) == 0.5
    fpr, tpr, _ = roc_curve(np.zeros(5), np.zeros(7))
    assert fpr.tolist() == [0.0, 1.0] and tpr.tolist() == [0.0, 1.0]


def test_auc_interval_deterministic_and_generator_advances():
    rng = np.random.default_rng(1)
    m, n = rng.normal(0.3, 1, 200), rng.normal(0, 1, 150)
    a = auc_interval(m, n, n_boot=200, random_state=7)
    b = auc_interval(m, n, n_boot=200, random_state=7)
    assert a == b
    g = np.random.default_rng(7)
    c = auc_interval(m, n, n_boot=200, random_state=g)
    d = auc_interval(m, n, n_boot=200, random_state=g)
    assert c == a and d != c  # same seed, then the generator moved on
    assert a.value == pytest.approx(auc(m, n))


def test_auc_interval_matches_naive_bootstrap():
    rng = np.random.default_rng(3)
    m, n = _tied(rng, 40, shift=0.7), _tied(rng, 30)
    ci = auc_interval(m, n, n_boot=400, random_state=11)
    g = np.random.default_rng(11)
    boots = []
    n_sorted = np.sort(n)
    for _ in range(400):
        nn = n_sorted[g.integers(0, n.size, n.size)]
        mm = m[g.integers(0, m.size, m.size)]
        boots.append(auc(mm, nn))
    low, high = np.quantile(boots, [0.025, 0.975])
    assert ci.low == pytest.approx(low, abs=1e-12)
    assert ci.high == pytest.approx(high, abs=1e-12)


# ---------------------------------------------------------------- TPR at FPR


@pytest.mark.parametrize("seed", range(20))
def test_tpr_at_fpr_is_best_conservative_threshold(seed):
    rng = np.random.default_rng(seed)
    m = rng.integers(0, 6, size=int(rng.integers(1, 9))).astype(float)
    n = rng.integers(0, 6, size=int(rng.integers(1, 9))).astype(float)
    for target in (0.05, 0.1, 0.2, 1 / 3, 0.5, 0.9):
        # brute force over every threshold that can be built from the scores
        best = 0.0
        for t in [np.inf, *np.r_[m, n]]:
            if np.mean(n >= t) <= target:
                best = max(best, float(np.mean(m >= t)))
        assert tpr_at_fpr(m, n, target) == best
        res = tpr_at_fpr_interval(m, n, fpr=target)
        assert res.value == best
        assert res.fpr_achieved <= target
        assert res.fp == int(np.sum(n >= res.threshold))
        assert res.tp == int(np.sum(m >= res.threshold)) or res.threshold == np.inf


def test_tpr_at_fpr_exact_target_rounding():
    # 29 false positives out of 100 is exactly 0.29 and must be allowed
    n = np.arange(100.0)
    m = np.array([70.5, 71.5, 1000.0])
    assert tpr_at_fpr(m, n, 0.29) == 1.0
    # 0.29 * 100 is 28.999999999999996 in floats: a product rounded down must not refuse it
    assert tpr_at_fpr(m, n, 0.289) == pytest.approx(2 / 3)  # 28 false positives


def test_tpr_at_fpr_interval_fields_and_json():
    rng = np.random.default_rng(0)
    m, n = rng.normal(1, 1, 300), rng.normal(0, 1, 500)
    res = tpr_at_fpr_interval(m, n, fpr=0.01)
    assert isinstance(res, TprAtFpr)
    cp = clopper_pearson(res.tp, 300)
    assert (res.low, res.high) == (cp.low, cp.high)
    assert res.low <= res.value <= res.high
    assert res.resolvable and res.n_nonmembers == 500
    assert res.fpr_interval.contains(res.fpr_achieved)
    assert res.interval == Interval(res.value, res.low, res.high, 0.95)
    # continuous scores: no tie straddles the target
    assert res.resolved and res.tie is None
    assert res.to_dict()["resolved"] is True and res.to_dict()["tie"] is None
    json.dumps(res.to_dict(), allow_nan=False)
    # too few non-members for 0.1%: only the zero-FP threshold qualifies
    small = tpr_at_fpr_interval(m, n, fpr=0.001)
    assert not small.resolvable and small.fp == 0
    # nothing qualifies except flagging nobody: threshold +inf, JSON null
    tied = tpr_at_fpr_interval([1.0, 1.0], [1.0, 1.0], fpr=0.1)
    assert tied.value == 0.0 and tied.threshold == np.inf
    assert tied.to_dict()["threshold"] is None


def test_resolvable_fpr():
    assert resolvable_fpr(1000, 0.001)
    assert not resolvable_fpr(999, 0.001)
    assert resolvable_fpr(100, 0.01) and not resolvable_fpr(99, 0.01)
    assert resolvable_fpr(10, 0.1) and not resolvable_fpr(0, 0.5)
    assert resolvable_fpr(4, 0.3) and not resolvable_fpr(3, 0.3)


# ---------------------------------------------------------------- binomial intervals


@pytest.mark.parametrize(("k", "n"), [(0, 1), (1, 1), (0, 10), (10, 10), (3, 10), (17, 250)])
@pytest.mark.parametrize("level", [0.9, 0.95, 0.99])
def test_clopper_pearson_matches_scipy(k, n, level):
    for alternative in ("two-sided", "greater", "less"):
        ours = clopper_pearson(k, n, level, alternative=alternative)
        ref = binomtest(k, n, alternative=alternative).proportion_ci(
            confidence_level=level, method="exact"
        )
        assert ours.low == pytest.approx(ref.low, abs=1e-12)
        assert ours.high == pytest.approx(ref.high, abs=1e-12)
        assert ours.value == k / n
    ci = clopper_pearson(k, n, level)
    if k == 0:
        assert ci.low == 0.0 and ci.high == pytest.approx(1 - ((1 - level) / 2) ** (1 / n))
    if k == n:
        assert ci.high == 1.0 and ci.low == pytest.approx(((1 - level) / 2) ** (1 / n))


def test_wilson_hand_values():
    ci = wilson(5, 10)
    assert (ci.value, ci.level) == (0.5, 0.95)
    assert ci.low == pytest.approx(0.236593, abs=1e-6)
    assert ci.high == pytest.approx(0.763407, abs=1e-6)
    z2 = 1.959963984540054**2
    zero = wilson(0, 10)
    assert zero.low == 0.0 and zero.high == pytest.approx(z2 / (10 + z2))
    full = wilson(10, 10)
    assert full.high == 1.0 and full.low == pytest.approx(10 / (10 + z2))


# ---------------------------------------------------------------- epsilon


def test_epsilon_large_separation():
    res = epsilon_lower_bound(1000, 1000, 0, 1000)
    assert isinstance(res, EpsilonLowerBound)
    assert res.low > 2.0 and res.informative
    assert res.value is None  # fp = 0: the raw rates give no finite epsilon
    assert res.tpr_low == pytest.approx(0.05 ** (1 / 1000))
    assert res.fpr_high == pytest.approx(1 - 0.05 ** (1 / 1000))
    d = res.to_dict()
    assert d["value"] is None and d["threshold"] is None
    json.dumps(d, allow_nan=False)


def test_epsilon_formula_and_point_estimate():
    res = epsilon_lower_bound(500, 1000, 50, 1000)
    assert res.value == pytest.approx(math.log(0.5 / 0.05))
    expected = max(
        math.log(res.tpr_low / res.fpr_high), math.log((1 - res.fpr_high) / (1 - res.tpr_low))
    )
    assert res.low == pytest.approx(expected)
    assert 0 < res.low < res.value
    with_delta = epsilon_lower_bound(500, 1000, 50, 1000, delta=0.1)
    assert with_delta.low < res.low


def test_epsilon_equal_rates_is_zero():
    for k, n in [(0, 10), (5, 10), (500, 1000), (1000, 1000)]:
        res = epsilon_lower_bound(k, n, k, n)
        assert res.low == 0.0 and not res.informative
        assert res.value == 0.0


def test_epsilon_bound_grows_with_sample_size():
    lows = [epsilon_lower_bound(n // 2, n, n // 20, n).low for n in (100, 1000, 10000, 100000)]
    assert all(a < b for a, b in itertools.pairwise(lows))
    assert lows[-1] < math.log(10)  # never above the point estimate


def test_epsilon_from_threshold_split_counts():
    m = np.array([0.1, 0.5, 0.9, 0.95])
    n = np.array([0.0, 0.2, 0.6])
    res = epsilon_from_threshold_split(m, n, 0.5)
    assert (res.tp, res.n_members, res.fp, res.n_nonmembers) == (3, 4, 1, 3)
    assert res.threshold == 0.5
    same = epsilon_lower_bound(3, 4, 1, 3)
    assert res.low == same.low and res.value == same.value
    nobody = epsilon_from_threshold_split(m, n, np.inf)
    assert (nobody.tp, nobody.fp, nobody.low) == (0, 0, 0.0)
    assert nobody.to_dict()["threshold"] is None


def test_epsilon_from_threshold_split_separated():
    rng = np.random.default_rng(0)
    m, n = rng.normal(6, 1, 1000), rng.normal(0, 1, 1000)
    assert epsilon_from_threshold_split(m, n, 3.0).low > 2.0


# ---------------------------------------------------------------- residual risk


def test_residual_risk_and_clipping():
    assert residual_risk(0.6, 0.2) == pytest.approx(0.5)
    assert residual_risk(0.1, 0.3) == 0.0  # worse than control: clipped
    assert residual_risk(1.0, 0.0) == 1.0
    assert residual_risk(0.5, 1.0) == 0.0  # no room above the control


def test_residual_risk_interval():
    ci = residual_risk_interval(60, 100, 20, 100)
    a, c = wilson(60, 100), wilson(20, 100)
    assert ci.value == pytest.approx(0.5)
    assert ci.low == pytest.approx((a.low - c.high) / (1 - c.high))
    assert ci.high == pytest.approx((a.high - c.low) / (1 - c.low))
    null = residual_risk_interval(20, 100, 25, 100)
    assert null.value == 0.0 and null.low == 0.0 and 0.0 < null.high <= 1.0
    top = residual_risk_interval(100, 100, 0, 100)
    assert top.value == 1.0 and top.high == 1.0 and top.low < 1.0
    assert (
        residual_risk_interval(10, 1000, 10, 1000).width
        < residual_risk_interval(1, 100, 1, 100).width
    )


# ---------------------------------------------------------------- seeds, validation, JSON


def test_check_random_state():
    g = np.random.default_rng(0)
    assert check_random_state(g) is g
    assert check_random_state(3).random() == np.random.default_rng(3).random()
    assert check_random_state(np.int64(3)).random() == np.random.default_rng(3).random()
    assert isinstance(check_random_state(None), np.random.Generator)
    for bad in ("abc", -1, 1.5, True, np.random.RandomState(0)):
        with pytest.raises(ValueError, match="'random_state' parameter"):
            check_random_state(bad)


@pytest.mark.parametrize("bad", [1.5, 0.0, 1.0, -0.1, "0.1", None, True])
def test_fpr_validation_message(bad):
    with pytest.raises(
        ValueError,
        match=rf"^The 'fpr' parameter of tpr_at_fpr must be a float in \(0, 1\)\. Got {bad!r} instead\.$",
    ):
        tpr_at_fpr([1.0], [0.0], bad)


def test_score_validation():
    with pytest.raises(ValueError, match="'scores_members' parameter of auc must not be empty"):
        auc([], [1.0])
    with pytest.raises(
        ValueError, match="'scores_nonmembers' parameter of roc_curve must not be empty"
    ):
        roc_curve([1.0], np.array([]))
    with pytest.raises(
        ValueError, match=r"scores_nonmembers.*contains 2 NaN values \(of 3 scores\)"
    ):
        auc([1.0], [np.nan, 1.0, np.nan])
    with pytest.raises(ValueError, match="contains 1 NaN value "):
        advantage([np.nan], [1.0])
    with pytest.raises(ValueError, match=r"1-D array.*shape \(2, 2\)"):
        auc(np.zeros((2, 2)), [1.0])
    with pytest.raises(ValueError, match="real numbers"):
        auc(["a", "b"], [1.0])


def test_parameter_validation():
    with pytest.raises(
        ValueError, match=r"'level' parameter of wilson must be a float in \(0, 1\)\. Got 95"
    ):
        wilson(1, 2, level=95)
    with pytest.raises(
        ValueError, match=r"'k' parameter of clopper_pearson must be an int in \[0, n=10\]"
    ):
        clopper_pearson(11, 10)
    with pytest.raises(ValueError, match="'n' parameter of clopper_pearson must be an int >= 1"):
        clopper_pearson(0, 0)
    with pytest.raises(ValueError, match="'alternative' parameter"):
        clopper_pearson(1, 2, alternative="both")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'n_boot' parameter of auc_interval"):
        auc_interval([1.0], [0.0], n_boot=0)
    with pytest.raises(
        ValueError, match=r"'delta' parameter of epsilon_lower_bound must be a float in \[0, 1\)"
    ):
        epsilon_lower_bound(1, 2, 0, 2, delta=1.0)
    with pytest.raises(ValueError, match="'fp' parameter of epsilon_lower_bound"):
        epsilon_lower_bound(1, 2, 3, 2)
    with pytest.raises(ValueError, match="'threshold' parameter"):
        epsilon_from_threshold_split([1.0], [0.0], float("nan"))
    with pytest.raises(ValueError, match="'attack_success' parameter of residual_risk"):
        residual_risk(1.2, 0.0)
    with pytest.raises(ValueError, match="'n_nonmembers' parameter of resolvable_fpr"):
        resolvable_fpr(-1, 0.1)
    with pytest.raises(ValueError, match="low <= high"):
        Interval(0.5, 0.6, 0.4)


def test_interval_json_and_frozen():
    ci = Interval(0.5, 0.25, np.inf, 0.9)
    assert ci.to_dict() == {"value": 0.5, "low": 0.25, "high": None, "level": 0.9}
    assert str(Interval(0.5, 0.25, 0.75)) == "0.5 [0.25, 0.75]"
    with pytest.raises(AttributeError):
        ci.value = 1.0  # type: ignore[misc]


def test_public_api_is_exported():
    for name in stats.__all__:
        assert hasattr(stats, name), name


def test_auc_interval_delong_agrees_with_bootstrap():
    from modelprivacy.stats import auc_interval_delong

    rng = np.random.default_rng(11)
    m, n = rng.normal(0.4, 1, 800), rng.normal(0, 1, 900)
    d = auc_interval_delong(m, n)
    b = auc_interval(m, n, n_boot=2000, random_state=0)
    assert d.value == pytest.approx(b.value)
    assert d.low == pytest.approx(b.low, abs=0.01) and d.high == pytest.approx(b.high, abs=0.01)
    # ties count one half: identical scores give AUC 0.5
    same = auc_interval_delong(np.zeros(50), np.zeros(60))
    assert same.value == 0.5 and same.low == same.high == 0.5
    # perfect separation: AUC 1, a zero-width interval
    assert auc_interval_delong(np.ones(5), np.zeros(5)).low == 1.0


def test_newcombe_difference_hand_values():
    # Newcombe (1998), Table II example (a): 56/70 vs 48/80, method 10: 0.0524 to 0.3339
    iv = newcombe_difference(56, 70, 48, 80)
    assert iv.value == pytest.approx(0.2)
    assert iv.low == pytest.approx(0.0524, abs=5e-4)
    assert iv.high == pytest.approx(0.3339, abs=5e-4)
    same = newcombe_difference(46, 4552, 46, 4552)
    assert same.value == 0.0 and same.low < 0 < same.high
    assert newcombe_difference(0, 10, 10, 10).low >= -1.0
    with pytest.raises(ValueError, match="'k2' parameter of newcombe_difference"):
        newcombe_difference(1, 10, 11, 10)
