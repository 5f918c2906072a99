"""How attack results are rated and counted: beyond chance, beyond the baseline, on lower ends.

Built like the cases that exposed them (issue 11): real estimators on a small
sample of the Adult census data, a constant ``DummyClassifier`` that must
expose nobody, and overfit models (a fully grown forest, a 1-NN) that must be
clearly beyond chance.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from modelprivacy.attacks.api import MembershipResult, membership_inference
from modelprivacy.attacks.attribute import AttributeResult, attribute_finding, attribute_inference
from modelprivacy.attacks.findings import beyond_chance, membership_finding
from modelprivacy.datasets import load_adult
from modelprivacy.findings import Severity

NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
CATS = ["sex", "race"]


@pytest.fixture(scope="module")
def adult() -> pd.DataFrame:
    return load_adult().sample(3000, random_state=0).reset_index(drop=True)


# ---------------------------------------------------------------- membership: beyond chance


def _membership(model: object, adult: pd.DataFrame, n: int = 1500) -> MembershipResult:
    df = adult[[*NUMERIC, "income"]]
    tr, ho = df.iloc[:n], df.iloc[n : 2 * n]
    model.fit(tr[NUMERIC], tr["income"])  # type: ignore[attr-defined]
    return membership_inference(model, tr, ho, target="income", reference_models=2, seed=0)


@pytest.mark.parametrize("strategy", ["prior", "stratified"])
def test_dummy_exposes_no_record_beyond_chance(adult: pd.DataFrame, strategy: str) -> None:
    # the stratified dummy answers at random: about 1% of members score above the 1%-FPR
    # threshold, exactly as many as chance predicts; they used to be "records exposed"
    result = _membership(DummyClassifier(strategy=strategy, random_state=0), adult)
    f = membership_finding(result)
    tpr = result.best(0.01).tpr_at_fpr[0.01]
    assert f.severity is Severity.INFO
    assert f.records.count == 0 and f.records.ids == ()
    chance = f.evidence["records_beyond_chance"]
    assert chance["flagged"] == tpr.tp and chance["counted"] == 0
    assert chance["beyond_chance"]["low"] <= 0
    expected = tpr.fp / tpr.n_nonmembers * tpr.n_members
    assert chance["expected_by_chance"] == pytest.approx(expected)
    assert f"{tpr.tp:,} flagged, {expected:,.0f} expected by chance: 0 beyond chance" in (
        f.description
    )
    if strategy == "stratified":
        assert tpr.tp > 0  # hits there were, all of them chance


def test_overfit_forest_exposes_records_clearly_beyond_chance(adult: pd.DataFrame) -> None:
    result = _membership(RandomForestClassifier(n_estimators=30, random_state=0), adult, n=800)
    f = membership_finding(result)
    tpr = result.best(0.01).tpr_at_fpr[0.01]
    chance = f.evidence["records_beyond_chance"]
    expected = tpr.fp / tpr.n_nonmembers * tpr.n_members
    assert chance["beyond_chance"]["low"] > 10
    assert f.records.count == round(tpr.tp - expected) == len(f.records.ids)
    assert 0 < f.records.count < tpr.tp  # the chance hits are not counted
    # named by score: the highest-scoring flagged members
    scores = result.scores[result.best(0.01).name][result.is_member]
    # the ids are training rows; the scores are in the order of the members scored
    named = np.searchsorted(result.member_positions(), np.asarray(f.records.ids))
    others = np.setdiff1d(np.flatnonzero(scores >= tpr.threshold), named)
    assert scores[named].min() >= scores[others].max()
    assert f"{tpr.tp:,} flagged, {expected:,.0f} expected by chance" in f.description


def test_beyond_chance_counts() -> None:
    # the figures: 46 of 4,552 members flagged at 1% FPR, as chance predicts
    c = beyond_chance(46, 4552, 46, 4552)
    assert c.count == 0 and c.expected == 46 and c.beyond.contains(0.0)
    assert c.phrase().startswith("46 flagged, 46 expected by chance: 0 beyond chance [")
    strong = beyond_chance(500, 4552, 45, 4552)
    assert strong.count == 455 and strong.beyond.low > 400


# ---------------------------------------------------------------- membership: lower ends


def test_membership_tpr_is_rated_on_its_interval_lower_end(adult: pd.DataFrame) -> None:
    result = _membership(RandomForestClassifier(n_estimators=30, random_state=0), adult, n=800)
    tpr = result.best(0.01).tpr_at_fpr[0.01]
    assert tpr.low < tpr.value
    between = (tpr.low + tpr.value) / 2  # the point estimate clears it, the lower end does not
    no_eps = {"high_epsilon": 1e9, "medium_epsilon": 1e9}
    cliff = membership_finding(result, high_tpr=between, medium_tpr=0.0, **no_eps)
    assert cliff.severity is Severity.MEDIUM
    clear = membership_finding(result, high_tpr=tpr.low, medium_tpr=0.0, **no_eps)
    assert clear.severity is Severity.HIGH
    assert "the TPR's lower end is at least" in clear.description
    # the interval and the epsilon bound are in the text
    assert f"TPR {tpr.value:.1%} [{tpr.low:.1%}, {tpr.high:.1%}] at 1% FPR" in clear.description
    assert f"epsilon lower bound {result.best(0.01).epsilon.low:.2f}" in clear.description


# ---------------------------------------------------------------- attribute inference


def _attribute(model: object, adult: pd.DataFrame, target: str) -> AttributeResult:
    cols = ["age", "education-num", "hours-per-week", *CATS]
    df = adult[[*cols, target]].iloc[:800]
    tr, ho = df.iloc[:300], df.iloc[300:]
    model.fit(tr[cols], tr[target])  # type: ignore[attr-defined]
    return attribute_inference(model, tr, ho, target=target, sensitive=CATS, seed=0)


def _pipe(est: object) -> object:
    pre = make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore"), CATS), remainder=StandardScaler()
    )
    return make_pipeline(pre, est)


def test_dummy_is_not_accused_of_inference(adult: pd.DataFrame) -> None:
    # a constant model lets the model-based attack guess the most frequent value, which an
    # attacker without the model guesses too: no advantage, nothing beyond the baseline
    r = _attribute(DummyClassifier(strategy="prior"), adult, "income")
    for col in CATS:
        f = attribute_finding(r, col)
        best = r.best(col)
        assert f.severity is Severity.INFO, col
        assert f.records.count == 0 and f.records.ids == ()
        assert best.advantage.low <= 0 and best.n_exposed == 0
        assert "does no better than the baseline" in f.description
        assert f"{best.baseline_recovered:,} of the same {best.n_members:,}" in f.description


def test_gap_without_advantage_is_membership_signal(adult: pd.DataFrame) -> None:
    # the case: members recovered more often than control records, no advantage
    # over the baseline; it was rated medium
    r = _attribute(_pipe(KNeighborsClassifier(n_neighbors=1)), adult, "income")
    best = r.best("race")
    assert best.residual_risk.low > 0 and best.advantage.low <= 0
    f = attribute_finding(r, "race")
    assert f.severity is Severity.INFO and f.records.count == 0
    gap = best.members.value - best.control.value
    assert f"members-vs-control gap of {gap:+.1%}" in f.description
    assert "membership signal, counted under linkability" in f.description


def test_overfit_model_is_rated_on_its_advantage(adult: pd.DataFrame) -> None:
    # a 1-NN regressor returns a member's own target only under its true sensitive value
    r = _attribute(_pipe(KNeighborsRegressor(n_neighbors=1)), adult, "fnlwgt")
    f = attribute_finding(r, "sex")
    best = r.best("sex")
    assert best.advantage.low >= 0.10 and f.severity is Severity.HIGH
    beyond = best.recovered - best.baseline_recovered
    assert f.records.count == beyond == len(f.records.ids) > 10
    only = set(best.member_index[best.member_success & ~best.baseline_success].tolist())
    assert set(f.records.ids) <= only
    # the rating steps on the lower end of the advantage
    low = best.advantage.low
    assert attribute_finding(r, "sex", high_risk=low + 1e-9).severity is Severity.MEDIUM
    assert (
        attribute_finding(r, "sex", high_risk=low + 1e-9, medium_risk=low + 1e-9).severity
        is Severity.LOW
    )


def test_attribute_denominators_are_explained(adult: pd.DataFrame) -> None:
    r = _attribute(DummyRegressor(), adult, "fnlwgt")
    best = r.best("sex")
    # 300 training records, 500 holdout: half of it (250) is control, so 250 members
    assert best.n_members == best.n_control == 250
    f = attribute_finding(r, "sex")
    assert f.records.of == 250
    assert (
        "250 of the 300 training records were attacked, as many as the control records "
        "(half of the 500 holdout records; the other half trains the attack)"
    ) in f.description
    assert "out of these 250" in f.description
    ev = f.evidence
    assert ev["n_train"] == 300 and ev["n_holdout"] == 500 and ev["n_control_available"] == 250


def test_population_inference_is_rated_low_at_most(adult: pd.DataFrame) -> None:
    # a logistic regression's output and a person's other features give away a numeric input
    # of anyone, member or not: an advantage over the baseline with no members-vs-control gap
    from sklearn.linear_model import LogisticRegression

    cols = ["age", "education-num", "hours-per-week", "capital-gain"]
    df = adult[[*cols, "income"]]
    tr, ho = df.iloc[:1000], df.iloc[1000:3000]
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(tr[cols], tr["income"])
    r = attribute_inference(model, tr, ho, target="income", sensitive=["age"], seed=0)
    best = r.best("age")
    assert best.advantage.low > 0.10 and best.gap.low <= 0
    f = attribute_finding(r, "age")
    assert f.severity is Severity.LOW
    assert "training and control records alike" in f.description
