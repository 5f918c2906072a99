"""An honest verdict: a criterion whose checks could not run is never "none".

A tree ensemble of another library whose adapter refuses its trees (with
UnsupportedTreesError), audited in memory through its scikit-learn interface,
is a model the tree checks cannot read: singling out must be "partially"
assessed with the reason, never "none". No real XGBoost model is refused any
more (categorical splits are read since their adapter gives them no
threshold), so the refusal is the adapter's own error raised for a real
XGBoost model. scikit-learn, LightGBM, XGBoost (numeric and categorical
splits) and CatBoost models, whose trees the checks read, stay fully
assessed, so the rule cannot pass by always saying "partially".
"""

from __future__ import annotations

import json

import catboost
import lightgbm
import pandas as pd
import pytest
import xgboost
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from sklearn.tree import DecisionTreeClassifier

import modelprivacy
from modelprivacy.auditing import NO_EVIDENCE, NOT_DEMONSTRATED
from modelprivacy.auditing.coverage import singling_out_gaps
from modelprivacy.auditing.render import render_audit
from modelprivacy.auditing.verdict import decide
from modelprivacy.datasets import load_adult
from modelprivacy.findings import Criterion

NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]


@pytest.fixture(scope="module")
def adult() -> pd.DataFrame:
    """400 Adult records, numeric columns and a 0/1 income label."""
    df = load_adult()[[*NUMERIC, "income"]].sample(400, random_state=0)
    return df.assign(income=(df["income"] == df["income"].iloc[0]).astype(int))


def _fit(model: object, adult: pd.DataFrame) -> object:
    return model.fit(adult[NUMERIC], adult["income"])  # type: ignore[attr-defined]


def _catboost() -> catboost.CatBoostClassifier:
    return catboost.CatBoostClassifier(
        iterations=20,
        depth=4,
        random_seed=0,
        verbose=False,
        thread_count=1,
        allow_writing_files=False,
    )


def _categorical_xgboost() -> xgboost.XGBClassifier:
    return xgboost.XGBClassifier(
        n_estimators=20, max_depth=4, enable_categorical=True, tree_method="hist", random_state=0
    )


def _with_category(adult: pd.DataFrame) -> pd.DataFrame:
    """The numeric columns and a pandas category column that the trees split on."""
    cat = pd.cut(adult["age"], [0, 30, 45, 60, 200], labels=["a", "b", "c", "d"])
    return adult.assign(group=cat.astype("category"))


CATEGORICAL = {
    "xgboost with categorical splits": _categorical_xgboost,
    "xgboost with categorical splits in a pipeline": lambda: make_pipeline(
        make_column_transformer(
            (StandardScaler(), NUMERIC), remainder="passthrough", verbose_feature_names_out=False
        ).set_output(transform="pandas"),
        _categorical_xgboost(),
    ),
}
UNREAD = CATEGORICAL  # with the adapter's refusal (the fixture ``refused``)
REFUSAL = "these XGBoost trees are not read (refused for this test)"


@pytest.fixture
def refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The XGBoost adapter refuses every tree, as an adapter does for trees it cannot read."""
    from modelprivacy.models import xgboost as adapter
    from modelprivacy.models.trees import UnsupportedTreesError

    def refuse(*args: object, **kwargs: object) -> None:
        raise UnsupportedTreesError(REFUSAL)

    monkeypatch.setattr(adapter, "_tree_spec", refuse)


READ = {
    "lightgbm": lambda: lightgbm.LGBMClassifier(n_estimators=20, verbose=-1, random_state=0),
    "xgboost": lambda: xgboost.XGBClassifier(n_estimators=20, random_state=0),
    "lightgbm in a pipeline": lambda: make_pipeline(
        StandardScaler(), lightgbm.LGBMClassifier(n_estimators=20, verbose=-1, random_state=0)
    ),
    "catboost": _catboost,
    "catboost in a pipeline": lambda: make_pipeline(StandardScaler(), _catboost()),
}


@pytest.mark.parametrize("name", list(READ))
def test_lightgbm_xgboost_and_catboost_trees_are_read_and_fully_assessed(
    adult: pd.DataFrame, name: str
) -> None:
    model = _fit(READ[name](), adult)
    result = modelprivacy.audit(model, train=adult, target="income")
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert (so.assessed, so.reason) == ("yes", "")
    assert singling_out_gaps(model, result.inspection) == ()
    assert "MP-S110" in so.checks


def _fit_categorical(model: object, adult: pd.DataFrame) -> tuple[object, pd.DataFrame]:
    data = _with_category(adult)
    model.fit(data[[*NUMERIC, "group"]], data["income"])  # type: ignore[attr-defined]
    return model, data[[*NUMERIC, "group", "income"]]


@pytest.mark.parametrize("name", list(CATEGORICAL))
def test_xgboost_categorical_splits_are_read_and_fully_assessed(
    adult: pd.DataFrame, name: str
) -> None:
    model, data = _fit_categorical(CATEGORICAL[name](), adult)
    booster = (model[-1] if hasattr(model, "steps") else model).get_booster()
    trees = json.loads(bytes(booster.save_raw("json")))["learner"]["gradient_booster"]
    assert any(1 in t["split_type"] for t in trees["model"]["trees"])  # category sets
    result = modelprivacy.audit(model, train=data, target="income")
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert (so.assessed, so.reason) == ("yes", "")
    assert singling_out_gaps(model, result.inspection) == ()
    assert {"MP-S105", "MP-S110"} <= set(so.checks)
    assert {r.attack: r for r in result.coverage}["Reconstruction"].status == "run"


@pytest.mark.usefixtures("refused")
@pytest.mark.parametrize("name", list(UNREAD))
def test_unread_tree_ensemble_is_only_partially_assessed(adult: pd.DataFrame, name: str) -> None:
    model, data = _fit_categorical(UNREAD[name](), adult)
    result = modelprivacy.audit(model, train=data, target="income")
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert so.risk != "none"
    assert so.assessed == "partially"
    assert "MP-S105" in so.reason and "MP-S110" in so.reason
    assert "XGBClassifier" in so.reason and REFUSAL in so.reason
    assert result.verdict.overall == NOT_DEMONSTRATED
    assert "Only partially assessed: singling out" in result.verdict.explanation
    assert "no evidence" not in result.verdict.explanation.lower()
    recon = {r.attack: r for r in result.coverage}["Reconstruction"]
    assert recon.status == "partly run" and "MP-S110" in recon.note


@pytest.mark.usefixtures("refused")
def test_a_finding_on_an_unread_model_keeps_its_level_as_partial(adult: pd.DataFrame) -> None:
    # the scaler stores single training values (MP-S103, medium); the trees are not read
    pre = make_column_transformer(
        (MinMaxScaler(), NUMERIC), remainder="passthrough", verbose_feature_names_out=False
    ).set_output(transform="pandas")
    model, data = _fit_categorical(make_pipeline(pre, _categorical_xgboost()), adult)
    result = modelprivacy.audit(model, train=data, target="income")
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert (so.risk, so.assessed) == ("medium", "partially")
    assert "MP-S103" in so.checks
    assert "XGBClassifier at steps[1][1]" in so.reason


def test_decision_tree_stays_fully_assessed(adult: pd.DataFrame) -> None:
    model = _fit(DecisionTreeClassifier(max_depth=4, random_state=0), adult)
    result = modelprivacy.audit(model, train=adult, target="income")
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert so.assessed == "yes"
    assert so.reason == ""
    assert {"MP-S104", "MP-S105", "MP-S110"} <= set(so.checks)
    assert {r.attack: r for r in result.coverage}["Reconstruction"].status == "run"


def test_linear_model_stays_fully_assessed_at_none(adult: pd.DataFrame) -> None:
    model = _fit(LogisticRegression(max_iter=500), adult)
    result = modelprivacy.audit(model, train=adult, target="income")
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert singling_out_gaps(model, result.inspection) == ()
    assert (so.risk, so.assessed, so.reason) == ("none", "yes", "")


def test_a_gap_turns_none_into_not_assessed_and_withholds_no_evidence() -> None:
    everything = dict.fromkeys(Criterion, True)
    clean = decide([], everything)
    assert clean.overall == NO_EVIDENCE
    assert clean.criteria[Criterion.SINGLING_OUT].risk == "none"
    gapped = decide([], everything, gaps={Criterion.SINGLING_OUT: ["MP-S105 not run on X"]})
    so = gapped.criteria[Criterion.SINGLING_OUT]
    assert (so.risk, so.assessed) == ("not assessed", "partially")
    assert so.reason == "not checked: MP-S105 not run on X"
    assert gapped.overall == NOT_DEMONSTRATED
    assert "no evidence" not in gapped.explanation.lower()
    assert "Only partially assessed: singling out" in gapped.explanation
    # the other criteria are untouched
    assert gapped.criteria[Criterion.LINKABILITY] == clean.criteria[Criterion.LINKABILITY]


@pytest.mark.usefixtures("refused")
def test_every_format_shows_the_partial_assessment(adult: pd.DataFrame) -> None:
    model, data = _fit_categorical(_categorical_xgboost(), adult)
    result = modelprivacy.audit(model, train=data, target="income")
    reason = result.verdict.criteria[Criterion.SINGLING_OUT].reason
    needle = "MP-S104, MP-S105, MP-S110 not run on XGBClassifier"
    assert needle in reason
    data_out = json.loads(render_audit(result, "json"))
    so = data_out["verdict"]["criteria"]["singling out"]
    assert (so["assessed"], so["risk"], so["reason"]) == ("partially", "not assessed", reason)
    md = render_audit(result, "markdown")
    assert "| singling out | not assessed | partially |" in md and needle in md
    html = render_audit(result, "html")
    assert "assessed: <strong>partially</strong>" in html and needle in html
    term = " ".join(render_audit(result, "terminal", width=1000).split())
    assert "partially" in term and needle in term
