"""Release modes: parsing, output filters on real models, and the attack Target through them."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_iris, make_regression
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.attacks.membership import attack_scores
from modelprivacy.attacks.reference import fit_reference_models
from modelprivacy.attacks.target import BlackBox, Target, logit_signal, served_logit
from modelprivacy.errors import ModelPrivacyError
from modelprivacy.release import (
    ALL_MODES,
    FAMILIES,
    ReleaseMode,
    ReleaseModeError,
    applies,
    exposes,
    exposure_table,
    filter_output,
    not_applicable,
    parse_modes,
)

# -- parsing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("file", "file", None),
        ("scores", "scores", None),
        ("rounded:2", "rounded", 2),
        ("rounded:0", "rounded", 0),
        ("rounded:15", "rounded", 15),
        ("top:1", "top", 1),
        ("top:10", "top", 10),
        ("labels", "labels", None),
        ("  Rounded:3 ", "rounded", 3),
    ],
)
def test_parse_and_str_round_trip(text: str, kind: str, value: int | None) -> None:
    mode = ReleaseMode.parse(text)
    assert (mode.kind, mode.value) == (kind, value)
    assert ReleaseMode.parse(str(mode)) == mode
    assert str(mode) == text.strip().lower()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("rounded:16", "0 to 15"),
        ("rounded:-1", "0 to 15"),
        ("top:0", "K >= 1"),
        ("rounded", "needs a number"),
        ("top", "needs a number"),
        ("labels:2", "takes no number"),
        ("top:two", "unknown release mode"),
        ("probabilities", "unknown release mode"),
        ("", "unknown release mode"),
        ("labels\x1b[2J", "unknown release mode"),
    ],
)
def test_bad_modes_are_one_clean_line_naming_the_forms(text: str, says: str) -> None:
    with pytest.raises(ReleaseModeError) as err:
        ReleaseMode.parse(text)
    message = str(err.value)
    assert says in message
    assert "rounded:D" in message and "top:K" in message and "labels" in message
    assert "\n" not in message and "\x1b" not in message
    assert isinstance(err.value, ModelPrivacyError) and isinstance(err.value, ValueError)


def test_constructor_validates_too() -> None:
    with pytest.raises(ReleaseModeError, match="needs a number"):
        ReleaseMode("rounded")
    with pytest.raises(ReleaseModeError, match="needs a number"):
        ReleaseMode("top", True)  # type: ignore[arg-type]
    with pytest.raises(ReleaseModeError, match="unknown release mode"):
        ReleaseMode("everything")  # type: ignore[arg-type]
    with pytest.raises(ReleaseModeError, match="a string"):
        ReleaseMode.parse(2)  # type: ignore[arg-type]


def test_all_modes_default_and_lists() -> None:
    assert [str(m) for m in ALL_MODES] == ["file", "scores", "rounded:2", "top:1", "labels"]
    assert parse_modes(None) == ALL_MODES == parse_modes("all")
    assert [str(m) for m in parse_modes("labels, rounded:1,labels")] == ["labels", "rounded:1"]
    with pytest.raises(ReleaseModeError, match="no release mode"):
        parse_modes(" , ")
    with pytest.raises(ReleaseModeError, match="0 to 15"):
        parse_modes("file,rounded:99")


# -- filters on real models' answers ---------------------------------------------


@pytest.fixture(scope="module")
def iris_forest() -> tuple[RandomForestClassifier, np.ndarray, np.ndarray]:
    X, y = load_iris(return_X_y=True)
    return RandomForestClassifier(n_estimators=25, random_state=0).fit(X, y), X, y


def test_rounding_probabilities_keeps_them_as_served(iris_forest) -> None:
    model, X, _ = iris_forest
    proba = model.predict_proba(X)
    out = filter_output("rounded:1", proba, "proba")
    assert out.shape == proba.shape
    np.testing.assert_array_equal(out, np.round(proba, 1))
    assert np.all(np.abs(out - proba) <= 0.05 + 1e-12)
    # not renormalised: a row of [0.33, 0.33, 0.33] stays as the server rounds it
    three = filter_output("rounded:2", [[1 / 3, 1 / 3, 1 / 3]], "proba")
    np.testing.assert_array_equal(three, [[0.33, 0.33, 0.33]])
    assert filter_output("rounded:0", [[0.3, 0.3, 0.4]], "proba").tolist() == [[0.0, 0.0, 0.0]]
    # the model's own answers are not changed in place
    np.testing.assert_array_equal(proba, model.predict_proba(X))


def test_top_k_keeps_the_largest_and_breaks_ties_by_class_order(iris_forest) -> None:
    model, X, _ = iris_forest
    proba = model.predict_proba(X)
    top1 = filter_output("top:1", proba, "proba")
    assert np.all((top1 > 0).sum(axis=1) <= 1)
    rows = np.arange(len(X))
    best = np.argmax(proba, axis=1)  # argmax takes the first of equal values
    np.testing.assert_array_equal(top1[rows, best], proba[rows, best])
    top2 = filter_output("top:2", proba, "proba")
    assert np.all((top2 > 0).sum(axis=1) <= 2)
    smallest = np.argsort(-proba, axis=1, kind="stable")[:, 2]
    assert np.all(top2[rows, smallest] == 0)
    np.testing.assert_array_equal(filter_output("top:3", proba, "proba"), proba)
    ties = np.array([[0.4, 0.4, 0.2], [0.2, 0.4, 0.4], [0.25, 0.25, 0.5]])
    np.testing.assert_array_equal(
        filter_output("top:1", ties, "proba"), [[0.4, 0, 0], [0, 0.4, 0], [0, 0, 0.5]]
    )
    np.testing.assert_array_equal(
        filter_output("top:2", ties, "proba"), [[0.4, 0.4, 0], [0, 0.4, 0.4], [0.25, 0, 0.5]]
    )


def test_decision_values_regression_and_labels() -> None:
    X, y = load_breast_cancer(return_X_y=True)
    svm = LinearSVC(C=0.01, random_state=0, max_iter=5000).fit(X, y)
    scores = svm.decision_function(X)
    np.testing.assert_array_equal(filter_output("rounded:0", scores, "decision"), np.round(scores))
    np.testing.assert_array_equal(filter_output("top:1", scores, "decision"), scores)  # binary
    labels = svm.predict(X)
    for mode in ALL_MODES:
        np.testing.assert_array_equal(filter_output(mode, labels, "label"), labels)
    with pytest.raises(ReleaseModeError, match="predict"):
        filter_output("labels", scores, "decision")

    Xr, yr = make_regression(n_samples=50, n_features=3, noise=1.0, random_state=0)
    pred = LinearRegression().fit(Xr, yr).predict(Xr)
    np.testing.assert_array_equal(filter_output("rounded:1", pred, "regression"), np.round(pred, 1))
    np.testing.assert_array_equal(filter_output("labels", pred, "regression"), pred)
    with pytest.raises(ReleaseModeError, match="does not apply to a regressor"):
        filter_output("top:1", pred, "regression")
    assert not_applicable(ReleaseMode.parse("top:1"), "regression")
    assert not_applicable(ReleaseMode.parse("top:2"), "decision", 3)
    assert not not_applicable(ReleaseMode.parse("top:3"), "decision", 3)
    assert not not_applicable(ReleaseMode.parse("rounded:2"), "regression")
    with pytest.raises(ReleaseModeError, match="decision values"):
        filter_output("top:1", np.zeros((4, 3)), "decision")


def test_exposure_table_as_data() -> None:
    assert set(applies("file")) == set(FAMILIES)
    assert set(applies("scores")) == {"score_attacks", "label_only", "attribute"}
    assert set(applies("rounded:2")) == {"score_attacks", "label_only", "attribute"}
    assert set(applies("top:1")) == {"score_attacks", "label_only", "attribute"}
    assert set(applies("labels")) == {"label_only", "attribute"}
    for mode in ALL_MODES:
        rows = exposes(mode)
        assert [r.family for r in rows] == list(FAMILIES)
        assert all(r.reason and "\n" not in r.reason for r in rows)
    why_not = {r.family: r.reason for r in exposes("labels") if not r.applies}
    assert "label" in why_not["score_attacks"]
    table = exposure_table()
    json.dumps(table)
    assert [row["family"] for row in table] == list(FAMILIES)
    assert list(table[0]["modes"]) == [str(m) for m in ALL_MODES]
    assert table[0]["modes"]["file"]["applies"] and not table[0]["modes"]["scores"]["applies"]
    assert "MP-L202" in next(r for r in table if r["family"] == "stored_rows")["checks"]


# -- the attack Target through a mode ----------------------------------------------


@pytest.fixture(scope="module")
def cancer_halves():
    X, y = load_breast_cancer(return_X_y=True)
    order = np.random.default_rng(0).permutation(len(y))
    tr, ho = order[: len(y) // 2], order[len(y) // 2 :]
    return X, y, tr, ho


def test_target_filters_the_reference_models_too(cancer_halves) -> None:
    X, y, tr, _ = cancer_halves
    forest = RandomForestClassifier(n_estimators=20, random_state=0).fit(X[tr], y[tr])
    tgt = Target(forest, release="rounded:0")
    assert tgt.output == "proba" and tgt.native_output == "proba"
    np.testing.assert_array_equal(tgt.answers(X), np.round(forest.predict_proba(X)))
    ref = tgt.fit_clone(X[: len(y) // 3], y[: len(y) // 3])
    idx = tgt.label_index(y)
    mode = ReleaseMode.parse("rounded:0")
    np.testing.assert_array_equal(
        tgt.signal(X, y, model=ref), served_logit(mode, np.round(ref.predict_proba(X)), idx)
    )
    signals = fit_reference_models(tgt, X, y, k=4, random_state=0, cache=False).signals
    # rounded to 0 decimals, every reference answer is 0 or 1 (a tie of 0.5 rounds to even,
    # 0): read as 0.25 or 0.75, two signal values
    logit = float(np.log(3.0))
    assert set(np.unique(np.round(signals, 6))) == {round(-logit, 6), round(logit, 6)}
    full = fit_reference_models(Target(forest), X, y, k=4, random_state=0, cache=False).signals
    assert len(np.unique(np.round(full, 6))) > 20


def test_served_logit_reads_what_the_mode_hides() -> None:
    X, y = load_breast_cancer(return_X_y=True)
    model = LogisticRegression(max_iter=5000).fit(X, y)
    proba = model.predict_proba(X)
    idx = y.astype(int)
    full = logit_signal(proba, idx)
    # binary top:1 answers everything there is: the same signal as the full scores
    top1 = served_logit(ReleaseMode.parse("top:1"), filter_output("top:1", proba, "proba"), idx)
    finite = np.abs(full) < 20  # beyond, 1 - p computed from p loses digits
    np.testing.assert_allclose(top1[finite], full[finite], rtol=1e-6, atol=1e-6)
    # rounded: never beyond the logit of a quarter step from 0 or 1
    for d in (0, 1, 3):
        mode = ReleaseMode("rounded", d)
        s = served_logit(mode, filter_output(mode, proba, "proba"), idx)
        q = 0.25 * 10.0**-d
        assert np.all(np.abs(s) <= np.log((1 - q) / q) + 1e-9)
        p_y = proba[np.arange(len(y)), idx]
        assert np.all(np.diff(s[np.argsort(p_y, kind="stable")]) >= -1e-12)  # same order as p
        assert len(np.unique(s)) <= 10**d + 1
    # top:1 of three classes: a class not served gets what the served one leaves
    served = np.array([[0.7, 0.0, 0.0], [0.0, 0.9, 0.0]])
    s = served_logit(ReleaseMode.parse("top:1"), served, np.array([1, 1]))
    np.testing.assert_allclose(s, [np.log(0.15 / 0.85), np.log(0.9 / 0.1)])


def _auc(tgt: Target, X, y, tr, ho, name: str) -> float:
    pool = np.r_[tr, ho]
    Xp, yp = X[pool], y[pool]
    ref = fit_reference_models(tgt, Xp, yp, k=8, random_state=0, cache=False)
    s = attack_scores(name, tgt.signal(Xp, yp), ref)
    member = np.r_[np.ones(len(tr), bool), np.zeros(len(ho), bool)]
    return float(roc_auc_score(member, s))


def test_rounding_lowers_the_attack_on_a_forest(cancer_halves) -> None:
    X, y, tr, ho = cancer_halves
    forest = RandomForestClassifier(n_estimators=30, random_state=0).fit(X[tr], y[tr])
    scores = _auc(Target(forest, release="scores"), X, y, tr, ho, "lira_offline")
    rounded = _auc(Target(forest, release="rounded:0"), X, y, tr, ho, "lira_offline")
    labels = _auc(Target(forest, release="labels"), X, y, tr, ho, "loss")
    assert scores > 0.6, scores
    assert rounded < scores - 0.05, (rounded, scores)
    assert labels < scores - 0.05, (labels, scores)


def test_labels_mode_answers_labels_only(cancer_halves) -> None:
    X, y, tr, _ = cancer_halves
    forest = RandomForestClassifier(n_estimators=10, random_state=0).fit(X[tr], y[tr])
    tgt = Target(forest, release="labels")
    assert tgt.output == "label" and tgt.native_output == "proba"
    answers = tgt.answers(X)
    assert answers.shape == (len(y), 1)
    np.testing.assert_array_equal(answers[:, 0], tgt.class_index(forest.predict(X)))
    assert set(np.unique(tgt.signal(X, y))) <= {0.0, 1.0}
    ref = tgt.fit_clone(X[tr], y[tr])
    assert set(np.unique(tgt.signal(X, y, model=ref))) <= {0.0, 1.0}
    with pytest.raises(ReleaseModeError, match="contradicts"):
        Target(forest, output="proba", release="labels")
    assert Target(forest, output="label", release="labels").output == "label"


def test_white_box_leaf_counts_only_in_file_mode() -> None:
    X, y = load_iris(return_X_y=True)
    tree = DecisionTreeClassifier(random_state=0).fit(X, y)
    assert Target(tree, leaf_counts=True).leaf_counts
    assert Target(tree, leaf_counts=True, release="file").leaf_counts
    for mode in ("scores", "rounded:2", "top:1", "labels"):
        tgt = Target(tree, leaf_counts=True, release=mode)
        assert not tgt.leaf_counts, mode
    np.testing.assert_array_equal(
        Target(tree, leaf_counts=True, release="scores").answers(X), tree.predict_proba(X)
    )


def test_top_k_and_modes_that_do_not_fit() -> None:
    X, y = load_iris(return_X_y=True)
    logreg = LogisticRegression(max_iter=500).fit(X, y)
    tgt = Target(logreg, release="top:1")
    answers = tgt.answers(X)
    assert np.all((answers > 0).sum(axis=1) == 1)
    assert np.all(np.isfinite(tgt.signal(X, y)))
    Xr, yr = make_regression(n_samples=60, n_features=3, noise=5.0, random_state=0)
    reg = LinearRegression().fit(Xr, yr)
    with pytest.raises(ReleaseModeError, match="regressor"):
        Target(reg, release="top:1")
    reg_target = Target(reg, release="rounded:0")
    np.testing.assert_array_equal(reg_target.answers(Xr)[:, 0], np.round(reg.predict(Xr)))
    assert Target(reg, release="labels").output == "regression"
    svm = LinearSVC(random_state=0, max_iter=5000).fit(X, y)  # multi-class decision values
    with pytest.raises(ReleaseModeError, match="decision values"):
        Target(svm, release="top:1")
    assert Target(svm, release="labels").output == "label"


def test_black_box_through_a_mode(cancer_halves) -> None:
    X, y, tr, _ = cancer_halves
    knn = KNeighborsClassifier(n_neighbors=7).fit(X[tr], y[tr])
    box = BlackBox(predict_proba=knn.predict_proba).bind(X[tr], y[tr])
    tgt = Target(box, release="rounded:1")
    np.testing.assert_array_equal(tgt.answers(X), np.round(knn.predict_proba(X), 1))
    labels = Target(BlackBox(predict_proba=knn.predict_proba).bind(X[tr], y[tr]), release="labels")
    assert labels.output == "label"
    np.testing.assert_array_equal(labels.answers(X)[:, 0], knn.predict(X))
    # a fit_fn that returns a function of probabilities still serves labels only
    fn_target = Target(
        BlackBox(predict_proba=knn.predict_proba).bind(X[tr], y[tr]),
        fit_fn=lambda Xf, yf: KNeighborsClassifier(n_neighbors=7).fit(Xf, yf).predict_proba,
        release="labels",
    )
    ref = fn_target.fit_clone(X[tr], y[tr])
    assert set(np.unique(fn_target.signal(X, y, model=ref))) <= {0.0, 1.0}
