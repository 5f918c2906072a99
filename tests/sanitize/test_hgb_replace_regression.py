"""Issue 11, item 3: sanitize acts on HistGradientBoosting, chooses replacements by
re-auditing them, and reports a regressor's prediction change as a relative figure."""

from __future__ import annotations

import json

import joblib
import numpy as np
import pytest
import scipy.sparse
from sklearn.compose import make_column_transformer
from sklearn.datasets import load_diabetes
from sklearn.ensemble import (
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestRegressor,
)
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder, StandardScaler
from threadpoolctl import threadpool_limits

from modelprivacy.cli import main
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET, load_adult
from modelprivacy.load import load_model
from modelprivacy.sanitizing import sanitize, save_model
from modelprivacy.sanitizing.prove import TOLERANCE, sanitize_and_audit
from modelprivacy.sanitizing.replace import UTILITY_SLACK
from modelprivacy.sanitizing.rules import rare_values_located

K = 10
LEVEL = {"none": 0, "low": 1, "medium": 2, "high": 3}


@pytest.fixture(autouse=True)
def _one_thread():
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="module")
def adult():
    df = load_adult().sample(3000, random_state=1).reset_index(drop=True)
    return df.iloc[:1500].reset_index(drop=True), df.iloc[1500:].reset_index(drop=True)


def _hgb_pipeline():
    """The shared model of the issue: OrdinalEncoder, then HGB on its codes (defaults)."""
    pre = make_column_transformer(
        (
            OrdinalEncoder(
                handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1
            ),
            ADULT_CATEGORICAL,
        ),
        remainder="passthrough",
        verbose_feature_names_out=False,
    )
    cats = list(range(len(ADULT_CATEGORICAL)))
    return make_pipeline(
        pre, HistGradientBoostingClassifier(categorical_features=cats, random_state=0)
    )


def test_default_hgb_pipeline_is_regularised_and_the_reaudit_shows_it(adult):
    train, holdout = adult
    model = _hgb_pipeline().fit(train.drop(columns=ADULT_TARGET), train[ADULT_TARGET])
    report = sanitize_and_audit(model, train, holdout, target=ADULT_TARGET, k=K, reference_models=4)
    s = report.sanitized
    refits = {a.what.split(" (")[0] for a in s.actions if a.rule == "hist_gradient_boosting"}
    assert {
        "refitted with min_samples_leaf=50",
        "refitted with max_leaf_nodes=8",
        "refitted with l2_regularization=10.0",
        "refitted with early_stopping=True",
        "refitted with max_bins=64",
    } <= refits
    hgb = s.model[-1]
    assert hgb.min_samples_leaf >= K and hgb.random_state == 0
    assert hgb.categorical_features == list(range(len(ADULT_CATEGORICAL)))
    assert any(a.rule == "hist_bins" for a in s.actions)
    # What it was done for: membership and the stored values of few people.
    tpr = lambda r: r.membership.best(0.01).tpr_at_fpr[0.01].value  # noqa: E731
    assert tpr(report.after) < tpr(report.before) / 2  # 16.1% -> 4.9% when written
    link = [
        r.verdict.criteria[c].risk
        for r in (report.before, report.after)
        for c in r.verdict.criteria
        if c.value == "linkability"
    ]
    assert LEVEL[link[1]] < LEVEL[link[0]]
    s104 = [
        sum(f.records.count for f in r.findings if f.check_id == "MP-S104")
        for r in (report.before, report.after)
    ]
    assert s104[1] < s104[0] / 3  # 597 -> 83 records when written
    assert report.utility["after"]["roc_auc"] > report.utility["before"]["roc_auc"] - 0.01
    rows = {r.measure for r in report.rows}
    assert "holdout predictions changed (labels)" in rows


def test_unused_bin_thresholds_leave_the_file_and_predictions_stay_exact(adult, tmp_path):
    train, holdout = adult
    X, y = train[ADULT_NUMERIC].copy(), train[ADULT_TARGET]
    X.iloc[:40, 0] = np.nan  # missing values take their own bin
    model = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(X, y)
    result = sanitize(model, X, y, k=K, rules=["hist_bins"])
    before = sum(t.size for t in model._bin_mapper.bin_thresholds_)
    after = sum(t.size for t in result.model._bin_mapper.bin_thresholds_)
    assert after < before / 2
    Xh = holdout[ADULT_NUMERIC]
    assert np.array_equal(model.predict_proba(Xh), result.model.predict_proba(Xh))
    # every kept threshold is one a tree splits at
    used = {
        float(t)
        for group in model._predictors
        for p in group
        for t in p.nodes["num_threshold"][p.nodes["is_leaf"] == 0]
    }
    kept = {float(t) for thr in result.model._bin_mapper.bin_thresholds_ for t in thr}
    assert kept <= used
    path = save_model(result.model, tmp_path / "hgb.skops")
    loaded = load_model(path).estimator
    assert np.array_equal(loaded.predict_proba(Xh), model.predict_proba(Xh))


def test_fewer_bins_leave_fewer_rare_values_next_to_a_split(adult):
    train, _ = adult
    X, y = train[ADULT_NUMERIC], train[ADULT_TARGET]
    model = HistGradientBoostingClassifier(random_state=0).fit(X, y)
    safer = sanitize(model, X, y, k=K).model
    assert safer.max_bins == 64
    assert rare_values_located(safer, X, K) < rare_values_located(model, X, K) / 2


def test_hgb_already_strict_is_not_refitted(adult):
    train, _ = adult
    X, y = train[ADULT_NUMERIC], train[ADULT_TARGET]
    strict = HistGradientBoostingClassifier(
        min_samples_leaf=50,
        max_leaf_nodes=8,
        l2_regularization=10.0,
        early_stopping=True,
        max_bins=64,
        random_state=3,
    ).fit(X, y)
    result = sanitize(strict, X, y, k=K)
    assert not any(a.rule == "hist_gradient_boosting" for a in result.actions)
    assert result.model.random_state == 3


def test_hgb_without_data_is_refused_and_no_file_is_written(tmp_path, capsys, adult):
    train, _ = adult
    model = HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(
        train[ADULT_NUMERIC], train[ADULT_TARGET]
    )
    joblib.dump(model, tmp_path / "hgb.joblib")
    code = main(["sanitize", str(tmp_path / "hgb.joblib"), "-o", str(tmp_path / "out.skops")])
    err = capsys.readouterr().err
    assert code == 1 and "refused:" in err and "needs the training data" in err
    assert "safer" not in err
    assert not (tmp_path / "out.skops").exists()


# ----------------------------------------------------------------------------- replace


def test_replace_knn_by_the_reaudited_candidate_with_nothing_worse(tmp_path, capsys, adult):
    train, holdout = adult
    cols = [*ADULT_NUMERIC, ADULT_TARGET]
    train, holdout = train[cols], holdout[cols]
    knn = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(
        train[ADULT_NUMERIC], train[ADULT_TARGET]
    )
    report = sanitize_and_audit(
        knn, train, holdout, target=ADULT_TARGET, k=K, replace=True, reference_models=4
    )
    choice = report.sanitized.replacement
    assert choice.selection == "holdout" and len(choice.candidates) == 3
    assert all(c.error is None for c in choice.candidates)
    fine = [c for c in choice.candidates if not c.worse]
    chosen = next(c for c in choice.candidates if c.name == choice.chosen)
    # the lowest total risk among those within UTILITY_SLACK of the best utility
    close = [c for c in fine if c.utility >= max(c.utility for c in fine) - UTILITY_SLACK]
    assert chosen in close
    assert sum(LEVEL[v] for v in chosen.risks.values() if v in LEVEL) == min(
        sum(LEVEL[v] for v in c.risks.values() if v in LEVEL) for c in close
    )
    # The final re-audit agrees: no criterion riskier than the k-NN's.
    for c, v in report.before.verdict.criteria.items():
        after = report.after.verdict.criteria[c].risk
        if v.risk in LEVEL and after in LEVEL:
            assert LEVEL[after] <= LEVEL[v.risk], c
    assert not report.warnings
    doc = json.loads(report.render("json"))
    assert doc["sanitize"]["replacement"]["chosen"] == choice.chosen
    assert "candidate:" in report.render("markdown")
    # The CLI with --holdout: the choice is printed, the safer model written.
    joblib.dump(knn, tmp_path / "knn.joblib")
    train.to_csv(tmp_path / "train.csv", index=False)
    holdout.to_csv(tmp_path / "holdout.csv", index=False)
    args = ["sanitize", str(tmp_path / "knn.joblib"), "-o", str(tmp_path / "safer.skops")]
    args += ["--train", str(tmp_path / "train.csv"), "--holdout", str(tmp_path / "holdout.csv")]
    args += ["--target", ADULT_TARGET, "--replace", "--reference-models", "4"]
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 0 and "(chosen)" in out and "wrote the safer model" in err
    assert not hasattr(load_model(tmp_path / "safer.skops").estimator[-1], "_fit_X")


def test_replace_knn_after_a_sparse_one_hot_encoder_is_reaudited(adult):
    # The usual k-NN pipeline: a OneHotEncoder's sparse output feeds the k-NN.
    # Its candidates must still be audited on the raw data (no "not re-audited").
    from sklearn.preprocessing import OneHotEncoder

    train, holdout = adult
    cats = ["education", "occupation", "native-country", "race"]
    cols = ["age", "hours-per-week", *cats, ADULT_TARGET]
    train, holdout = train[cols].iloc[:800], holdout[cols].iloc[:800]
    encode = make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore"), cats),
        (StandardScaler(), ["age", "hours-per-week"]),
    )
    X = train.drop(columns=ADULT_TARGET)
    knn = make_pipeline(encode, KNeighborsClassifier()).fit(X, train[ADULT_TARGET])
    assert scipy.sparse.issparse(knn[:-1].transform(X))
    report = sanitize_and_audit(
        knn, train, holdout, target=ADULT_TARGET, k=K, replace=True, reference_models=4
    )
    choice = report.sanitized.replacement
    assert len(choice.candidates) >= 2 and all(c.risks for c in choice.candidates)
    assert not any("not re-audited" in w for w in report.warnings)
    assert not hasattr(report.sanitized.model[-1], "_fit_X")


def test_replace_without_holdout_splits_the_training_data(adult):
    train, _ = adult
    X, y = train[ADULT_NUMERIC].iloc[:800], train[ADULT_TARGET].iloc[:800]
    knn = KNeighborsClassifier().fit(X, y)
    a = sanitize(knn, X, y, k=K, replace=True, seed=0)
    b = sanitize(knn, X, y, k=K, replace=True, seed=0)
    assert a.replacement.selection == "split"
    assert a.replacement.to_dict() == b.replacement.to_dict()  # seeded
    assert a.replaced_by is not None and not hasattr(a.model, "_fit_X")


# ----------------------------------------------------------------------------- regressors


@pytest.mark.parametrize("make", [RandomForestRegressor, HistGradientBoostingRegressor])
def test_regressor_prediction_change_is_relative_not_any_float_change(make):
    data = load_diabetes(as_frame=True).frame
    train, holdout = data.iloc[:300].reset_index(drop=True), data.iloc[300:].reset_index(drop=True)
    kw = {"n_estimators": 30, "n_jobs": 1} if make is RandomForestRegressor else {}
    model = make(random_state=0, **kw).fit(train.drop(columns="target"), train["target"])
    report = sanitize_and_audit(model, train, holdout, target="target", k=K, reference_models=4)
    change = report.prediction_change
    Xh, yh = holdout.drop(columns="target"), holdout["target"].to_numpy()
    rel = np.abs(report.sanitized.model.predict(Xh) - model.predict(Xh)) / np.std(yh)
    assert change["task"] == "regression"
    assert change["median"] == pytest.approx(np.median(rel))
    assert change["p95"] == pytest.approx(np.percentile(rel, 95))
    assert change["share_changed"] == pytest.approx(np.mean(rel > TOLERANCE))
    assert report.predictions_changed == change["share_changed"]
    measures = {r.measure: r.after for r in report.rows}
    key = "holdout predictions changed by more than 1% of the target SD"
    assert measures[key] == f"{change['share_changed']:.2%}"
    assert "holdout prediction change, median (share of the target SD)" in measures
    assert "holdout predictions changed (labels)" not in measures
    assert key in report.render("markdown") and key in report.render("html")
    assert key in report.render("terminal", width=200)
    assert json.loads(report.render("json"))["prediction_change"]["task"] == "regression"
