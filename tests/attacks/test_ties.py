"""Ties of scores are never broken: a target FPR inside a tie is reported as unresolved."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.attacks import membership_inference
from modelprivacy.stats import TIE_RESOLUTION, FprTie, tpr_at_fpr, tpr_at_fpr_interval

SCHEMA = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "modelprivacy"
    / "report"
    / "schema"
    / "membership.schema.json"
)


# ------------------------------------------------------------ crafted scores


def _scores(*groups: tuple[float, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Members and non-members from ``(score, members, non-members)`` groups."""
    m = np.concatenate([np.full(k, s) for s, k, _ in groups])
    n = np.concatenate([np.full(j, s) for s, _, j in groups])
    return m, n


def test_tie_straddling_the_target_is_unresolved_with_its_diagnostics():
    # 1,000 non-members, 1% allows 10 false positives; 3 non-members score above a
    # tie of 40 members and 20 non-members: the best threshold reaches 0.3% FPR
    m, n = _scores((3.0, 30, 3), (2.0, 40, 20), (0.0, 930, 977))
    res = tpr_at_fpr_interval(m, n, fpr=0.01)
    assert not res.resolved and res.resolvable
    assert res.tie == FprTie(
        score=2.0,
        members=40,
        nonmembers=20,
        fpr_below=0.003,
        fpr_above=0.023,
        tpr_below=0.03,
        tpr_above=0.07,
    )
    # the number kept is the TPR of the threshold above the tie, at its own FPR
    assert (res.value, res.fpr_achieved, res.threshold) == (0.03, 0.003, 3.0)
    assert tpr_at_fpr(m, n, 0.01) == 0.03
    assert tpr_at_fpr(m, n, 0.01, strict=True) is None
    assert str(res.tie) == (
        "a tie of 40 members and 20 non-members spans 0.30% to 2.3% FPR and 3.0% to 7.0% TPR"
    )
    doc = res.to_dict()
    assert doc["resolved"] is False and doc["tie"]["members"] == 40
    assert doc["tie"]["fpr_below"] == 0.003 and doc["tie"]["fpr_above"] == 0.023
    json.dumps(doc, allow_nan=False)


def test_tie_starting_exactly_at_the_target_is_resolved():
    # the 10 non-members above the tie are exactly 1%: that threshold meets the target
    m, n = _scores((3.0, 30, 10), (2.0, 40, 20), (0.0, 930, 970))
    res = tpr_at_fpr_interval(m, n, fpr=0.01)
    assert res.resolved and res.tie is None
    assert (res.value, res.fpr_achieved) == (0.03, 0.01)
    assert tpr_at_fpr(m, n, 0.01, strict=True) == 0.03
    assert res.to_dict()["resolved"] is True and res.to_dict()["tie"] is None


def test_tie_ending_exactly_at_the_target_is_taken_whole():
    m, n = _scores((3.0, 30, 2), (2.0, 40, 8), (0.0, 930, 990))
    res = tpr_at_fpr_interval(m, n, fpr=0.01)
    assert res.resolved and (res.value, res.fpr_achieved, res.threshold) == (0.07, 0.01, 2.0)


def test_no_ties_resolve_every_target():
    rng = np.random.default_rng(0)
    m, n = rng.normal(1.0, 1.0, 2000), rng.normal(0.0, 1.0, 2000)
    for f in (0.001, 0.01, 0.1):
        res = tpr_at_fpr_interval(m, n, fpr=f)
        assert res.resolved and res.fp == int(f * 2000)
        assert tpr_at_fpr(m, n, f, strict=True) == res.value > 0.0


def test_tie_of_non_members_only_leaves_the_tpr_determined():
    # no member shares the tied score: every threshold inside it has the same TPR
    m, n = _scores((3.0, 30, 0), (2.0, 0, 50), (0.0, 970, 950))
    res = tpr_at_fpr_interval(m, n, fpr=0.01)
    assert res.resolved and res.value == 0.03 and res.fpr_achieved == 0.0


def test_tie_is_unresolved_only_below_half_the_target():
    # 10 false positives allowed: 5 above the tie is half (resolved), 4 is not
    for above, resolved in ((5, True), (4, False)):
        m, n = _scores((3.0, 30, above), (2.0, 40, 20), (0.0, 930, 980 - above))
        assert tpr_at_fpr_interval(m, n, fpr=0.01).resolved is resolved
    assert TIE_RESOLUTION == 0.5


def test_too_few_non_members_is_unresolvable_not_a_tie():
    # 500 non-members cannot resolve 0.1%: no false positive is allowed, no tie counts
    m, n = _scores((2.0, 40, 20), (0.0, 460, 480))
    res = tpr_at_fpr_interval(m, n, fpr=0.001)
    assert not res.resolvable and res.resolved and res.value == 0.0


@pytest.mark.parametrize("seed", range(10))
def test_unresolved_exactly_when_a_tie_with_members_straddles_the_target(seed):
    # few distinct scores: check the flag against its definition, by brute force
    rng = np.random.default_rng(seed)
    m = rng.integers(0, 5, size=300).astype(float)
    n = rng.integers(0, 5, size=300).astype(float)
    for f in (0.01, 0.05, 0.2, 0.5):
        res = tpr_at_fpr_interval(m, n, fpr=f)
        allowed = int(np.floor(f * 300 + 1e-9))
        below = [t for t in np.unique(np.r_[m, n]) if np.sum(n >= t) > allowed]
        t = max(below) if below else None
        fp_above = int(np.sum(n > t)) if t is not None else None
        expected = t is not None and int(np.sum(m == t)) > 0 and fp_above < TIE_RESOLUTION * allowed
        assert res.resolved is not expected
        if expected:
            assert res.tie is not None and res.tie.score == t
            assert res.tie.members == int(np.sum(m == t))
            assert res.tie.nonmembers == int(np.sum(n == t))


# ------------------------------------------------------------- real models


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    order = np.random.default_rng(0).permutation(len(y))
    tr, ho = order[: len(y) // 2], order[len(y) // 2 :]
    return X[tr], y[tr], X[ho], y[ho]


def _run(model, digits):
    X_tr, y_tr, X_ho, y_ho = digits
    model.fit(X_tr, y_tr)
    return membership_inference(
        model,
        X_tr,
        X_ho,
        y_train=y_tr,
        y_holdout=y_ho,
        attacks=["loss"],
        reference_models=2,
        seed=0,
    )


@pytest.fixture(scope="module")
def shallow_tree(digits):
    # 16 leaves: the loss takes a handful of values, each shared by many records
    return _run(DecisionTreeClassifier(max_depth=4, random_state=0), digits)


def test_shallow_tree_tpr_at_one_percent_is_unresolved(shallow_tree):
    result = shallow_tree
    t = result.metrics["loss"].tpr_at_fpr[0.01]
    assert not t.resolved and t.resolvable
    tie = t.tie
    assert tie is not None and tie.members > 0 and tie.nonmembers > 0.01 * result.n_nonmembers
    assert tie.fpr_below < 0.005 < 0.01 < tie.fpr_above
    # the tie's counts are those of the records that share its score
    assert t.fp == round(tie.fpr_below * result.n_nonmembers)


def test_shallow_tree_reports_show_unresolved_and_the_tie(shallow_tree):
    result = shallow_tree
    tie = result.metrics["loss"].tpr_at_fpr[0.01].tie
    for fmt in ("terminal", "markdown"):
        text = result.render(fmt, width=200) if fmt == "terminal" else result.render(fmt)
        assert "unresolved\u2020" in text, fmt
        assert "loss, TPR at 1% FPR: unresolved" in text, fmt
        assert f"{tie.members:,} members and {tie.nonmembers:,} non-members" in text, fmt
        assert "never broken at random or by record order" in text, fmt
    doc = json.loads(result.render("json"))
    jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
    cell = doc["attacks"]["loss"]["tpr_at_fpr"]["0.01"]
    assert cell["resolved"] is False and cell["tie"]["members"] == tie.members


def test_the_membership_finding_says_unresolved_and_rates_on_the_threshold_above(shallow_tree):
    from modelprivacy.attacks.findings import membership_finding

    t = shallow_tree.metrics["loss"].tpr_at_fpr[0.01]
    text = membership_finding(shallow_tree).description
    assert "TPR at 1% FPR unresolved" in text
    assert f"a tie of {t.tie.members:,} members and {t.tie.nonmembers:,} non-members" in text
    assert f"at {t.fpr_achieved:.1%} FPR" in text
    assert f"TPR {t.value:.1%} [" in text and "] at 1% FPR" not in text


def test_model_without_ties_gets_its_number(digits):
    result = _run(LogisticRegression(max_iter=2000), digits)
    t = result.metrics["loss"].tpr_at_fpr[0.01]
    assert t.resolved and t.tie is None and t.value > 0.0
    text = result.render("terminal", width=200)
    assert "unresolved" not in text and f"{t.value:.1%}" in text
    doc = json.loads(result.render("json"))
    jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
    assert doc["attacks"]["loss"]["tpr_at_fpr"]["0.01"]["resolved"] is True
    from modelprivacy.attacks.findings import membership_finding

    described = membership_finding(result).description
    assert "unresolved" not in described and "at 1% FPR (95% Clopper-Pearson)" in described


def test_audit_reports_show_the_unresolved_tpr_in_every_format(digits):
    import pandas as pd

    from modelprivacy import audit

    X_tr, y_tr, X_ho, y_ho = digits
    cols = [f"p{i}" for i in range(X_tr.shape[1])]
    train = pd.DataFrame(X_tr, columns=cols).assign(y=y_tr)
    holdout = pd.DataFrame(X_ho, columns=cols).assign(y=y_ho)
    model = DecisionTreeClassifier(max_depth=4, random_state=0).fit(train[cols], y_tr)
    result = audit(model, train=train, holdout=holdout, target="y", reference_models=2, seed=0)
    t = result.membership.metrics["loss"].tpr_at_fpr[0.01]
    assert not t.resolved
    html = result.render("html")
    assert "unresolved<span" in html and f"({t.tie})" in html
    for fmt in ("terminal", "markdown"):
        text = result.render(fmt)
        assert "unresolved\u2020" in text and "loss, TPR at 1% FPR: unresolved" in text, fmt
    doc = json.loads(result.render("json"))
    assert doc["membership"]["attacks"]["loss"]["tpr_at_fpr"]["0.01"]["resolved"] is False


# ------------------------------------------------ a finer signal from the model


def test_leaf_proba_smooths_the_training_counts_of_each_leaf(digits):
    from modelprivacy.attacks.target import leaf_proba

    X_tr, y_tr, X_ho, _ = digits
    tree = DecisionTreeClassifier(random_state=0).fit(X_tr, y_tr)
    p = leaf_proba(tree, X_ho)
    leaf = tree.apply(X_ho)
    size = tree.tree_.n_node_samples[leaf]
    counts = np.rint(tree.tree_.value[leaf, 0, :] * size[:, None])
    np.testing.assert_allclose(p, (counts + 0.1) / (size[:, None] + 1.0))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    # the same class as predict_proba, with the leaf's size in the confidence
    assert np.array_equal(p.argmax(axis=1), tree.predict_proba(X_ho).argmax(axis=1))
    from modelprivacy.errors import ModelPrivacyError

    with pytest.raises(ModelPrivacyError, match="tree classifier"):
        leaf_proba(LogisticRegression(), X_ho)
    with pytest.raises(ModelPrivacyError, match="positive"):
        leaf_proba(tree, X_ho, prior=0.0)


def test_leaf_counts_break_a_grown_trees_ties_deterministically(digits):
    from modelprivacy.attacks.target import Target

    X_tr, y_tr, X_ho, y_ho = digits
    X_all, y_all = np.r_[X_tr, X_ho], np.r_[y_tr, y_ho]
    tree = DecisionTreeClassifier(random_state=0).fit(X_tr, y_tr)
    plain = Target(tree).signal(X_all, y_all)
    leaf = Target(tree, leaf_counts=True).signal(X_all, y_all)
    assert np.unique(plain).size == 2 and np.unique(leaf).size > 30
    np.testing.assert_array_equal(leaf, Target(tree, leaf_counts=True).signal(X_all, y_all))
    # another model keeps its usual signal
    lr = LogisticRegression(max_iter=2000).fit(X_tr, y_tr)
    np.testing.assert_array_equal(
        Target(lr, leaf_counts=True).signal(X_ho, y_ho), Target(lr).signal(X_ho, y_ho)
    )


def test_leaf_counts_resolve_the_grown_trees_tpr_at_one_percent():
    # benchmarks/tree_ties.py, split 1, K=8: predict_proba leaves 1% FPR inside a tie
    from modelprivacy.attacks.membership import attack_scores, choose_rmia_offline_a
    from modelprivacy.attacks.reference import fit_reference_models
    from modelprivacy.attacks.target import Target

    X, y = load_digits(return_X_y=True)
    order = np.random.default_rng(1).permutation(len(y))
    tr, ho = order[: len(y) // 2], order[len(y) // 2 :]
    tree = DecisionTreeClassifier(random_state=0).fit(X[tr], y[tr])
    X_all, y_all = np.r_[X[tr], X[ho]], np.r_[y[tr], y[ho]]
    member = np.r_[np.ones(len(tr), dtype=bool), np.zeros(len(ho), dtype=bool)]
    out = {}
    for leaf_counts in (False, True):
        tgt = Target(tree, leaf_counts=leaf_counts)
        ref = fit_reference_models(tgt, X_all, y_all, k=8, random_state=np.random.default_rng(1))
        s = attack_scores(
            "rmia_offline", tgt.signal(X_all, y_all), ref, None, a=choose_rmia_offline_a(ref)
        )
        out[leaf_counts] = (np.unique(s).size, tpr_at_fpr_interval(s[member], s[~member], 0.01))
    (n_plain, plain), (n_leaf, leaf) = out[False], out[True]
    assert n_plain <= 12 and not plain.resolved
    assert n_leaf > 1000 and leaf.resolved and leaf.value > 0.0
