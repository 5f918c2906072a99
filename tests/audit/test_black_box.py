"""Black-box targets: a function from a table to scores, audited through its answers alone.

A real scikit-learn model wrapped as a plain function must give the same
query-only attacks as the model object itself; reference-model attacks run
only with ``fit_fn`` and are otherwise skipped with the reason; the file
checks are skipped (no model object), so singling out is never "none"; a
function that answers the wrong shape, NaN or non-probabilities gets one
clean line; the same seed gives the same report, with the queries counted.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import Ridge
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import modelprivacy
from modelprivacy.attacks import membership_inference
from modelprivacy.attacks.target import DEFAULT_BATCH_SIZE, BlackBox, BlackBoxError
from modelprivacy.auditing import NOT_DEMONSTRATED
from modelprivacy.findings import Criterion

TARGET = "target"


@pytest.fixture(scope="module")
def tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Breast cancer: 200 members, 200 non-members, 169 population records."""
    frame = load_breast_cancer(as_frame=True).frame.sample(frac=1.0, random_state=0)
    frame = frame.reset_index(drop=True)
    return frame.iloc[:200], frame.iloc[200:400], frame.iloc[400:]


@pytest.fixture(scope="module")
def forest(tables) -> RandomForestClassifier:
    train, _, _ = tables
    return RandomForestClassifier(n_estimators=25, random_state=0).fit(
        train.drop(columns=TARGET), train[TARGET]
    )


def _audit(tables, **kwargs):
    train, holdout, population = tables
    return modelprivacy.audit(
        train=train, holdout=holdout, population=population, target=TARGET, **kwargs
    )


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("kind", ["forest", "mlp"])
def test_a_wrapped_model_gives_the_query_only_attacks_of_the_model_object(tables, forest, kind):
    train, _, _ = tables
    model = forest
    if kind == "mlp":
        model = make_pipeline(
            StandardScaler(), MLPClassifier((16,), max_iter=300, random_state=0)
        ).fit(train.drop(columns=TARGET), train[TARGET])
    as_object = _audit(tables, model=model, reference_models=2, seed=3)
    as_function = _audit(tables, predict_proba=lambda X: model.predict_proba(X), seed=3)
    assert as_object.membership is not None and as_function.membership is not None
    for attack in ("loss", "population"):
        assert (
            as_function.membership.metrics[attack].auc.value
            == as_object.membership.metrics[attack].auc.value
        )
        assert np.array_equal(
            as_function.membership.scores[attack], as_object.membership.scores[attack]
        )
    assert set(as_function.membership.metrics) == {"loss", "population"}


def test_reference_attacks_are_skipped_without_fit_fn_and_say_so(tables, forest):
    result = _audit(tables, predict_proba=forest.predict_proba)
    m = result.membership
    assert m is not None and m.k == 0
    assert set(m.skipped_attacks) == {"lira_offline", "lira_online", "rmia_offline", "rmia_online"}
    assert all("fit_fn" in why and "no model object" in why for why in m.skipped_attacks.values())
    (skip,) = [s for s in result.skipped if s.what.startswith("membership attacks")]
    assert skip.check_id == "MP-L201" and "fit_fn" in skip.reason
    link = result.verdict.criteria[Criterion.LINKABILITY]
    assert link.assessed == "partially" and link.risk != "none" and "fit_fn" in link.reason
    (row,) = [r for r in result.coverage if r.attack == "Membership inference"]
    assert row.status == "partly run" and "lira_offline" in row.note


def test_with_fit_fn_the_reference_attacks_run(tables, forest):
    fits = []

    def fit_fn(X, y):
        fits.append(len(X))
        fitted = RandomForestClassifier(n_estimators=25, random_state=1).fit(X, y)
        return lambda records: fitted.predict_proba(records)  # a function, not a model

    result = _audit(tables, predict_proba=forest.predict_proba, fit_fn=fit_fn, reference_models=2)
    m = result.membership
    assert m is not None and m.k == 2 and len(fits) == 2 and not m.skipped_attacks
    assert {"lira_offline", "rmia_online"} <= set(m.metrics)
    assert result.verdict.criteria[Criterion.LINKABILITY].assessed == "yes"


def test_no_model_object_means_no_file_checks_and_singling_out_partially_assessed(tables, forest):
    result = _audit(tables, predict_proba=forest.predict_proba)
    why = {s.check_id: s.reason for s in result.skipped if s.check_id}
    for check_id in ("MP-S101", "MP-S105", "MP-S110", "MP-L202"):
        assert why[check_id] == "no model object: only queries"
    assert result.inspection.findings == ()
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert so.assessed == "partially" and so.risk == "not assessed"
    assert "no model object" in so.reason
    (row,) = [r for r in result.coverage if r.attack == "Regurgitation of training data"]
    assert row.status == "not run"
    assert result.verdict.overall == NOT_DEMONSTRATED


def test_the_same_model_object_is_fully_assessed_under_singling_out(tables, forest):
    # the rule above cannot pass by always saying "partially"
    result = _audit(tables, model=forest, reference_models=2)
    assert result.verdict.criteria[Criterion.SINGLING_OUT].assessed == "yes"


def test_same_seed_same_report_and_the_queries_are_counted(tables, forest):
    train, holdout, population = tables
    calls = []

    def endpoint(X):
        calls.append(len(X))
        return forest.predict_proba(X)

    one = _audit(tables, predict_proba=endpoint, sensitive=["mean radius"], batch_size=150)
    n_first = sum(calls)
    two = _audit(tables, predict_proba=endpoint, sensitive=["mean radius"], batch_size=150)
    assert json.dumps(one.to_dict(), sort_keys=True) == json.dumps(two.to_dict(), sort_keys=True)
    assert one.queries == n_first == two.queries
    assert max(calls) <= 150  # bounded batches
    assert one.membership is not None and one.attribute is not None
    m, a = one.to_dict()["membership"], one.to_dict()["attribute"]
    # membership asks about every member, non-member and population record once
    assert m["queries"] == len(train) + len(holdout) + len(population)
    assert a["queries"] > 0
    assert one.queries == 5 + m["queries"] + a["queries"]  # 5: the probe


def test_progress_reports_long_queries(tables, forest):
    steps = []
    _audit(
        tables,
        predict_proba=forest.predict_proba,
        batch_size=100,
        progress=lambda step, done, total: steps.append((step, done, total)),
    )
    queried = [s for s in steps if s[0] == "queries"]
    assert queried and all(done <= total for _, done, total in queried)
    assert any(done == total for _, done, total in queried)


def _bad(kind: str, forest):
    def answer(X):
        p = forest.predict_proba(X)
        if kind == "shape":
            return np.c_[p, p[:, :1]]
        if kind == "rows":
            return p[:-1]
        if kind == "nan":
            out = p.copy()
            out[1, 0] = np.nan
            return out
        if kind == "logits":
            return np.log(p + 1e-9) * 3
        if kind == "sums":
            return p * 0.5
        if kind == "text":
            return "yes"
        raise RuntimeError("endpoint returned 503")

    return answer


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("shape", "3 columns but there are 2 classes"),
        ("rows", "shape (4, 2) for 5 records"),
        ("nan", "NaN or infinite values for 1 of 5 records"),
        ("logits", "outside [0, 1]"),
        ("sums", "do not sum to 1"),
        ("text", "not an array of numbers"),
        ("raises", "RuntimeError: endpoint returned 503"),
    ],
)
def test_a_function_that_answers_nonsense_gets_one_clean_line(tables, forest, kind, words):
    with pytest.raises(BlackBoxError) as info:
        _audit(tables, predict_proba=_bad(kind, forest))
    message = str(info.value)
    assert words in message and "\n" not in message
    assert isinstance(info.value, modelprivacy.ModelPrivacyError)


def test_exactly_one_of_model_predict_proba_and_predict(tables, forest):
    with pytest.raises(BlackBoxError, match="exactly one"):
        _audit(tables, model=forest, predict_proba=forest.predict_proba)
    with pytest.raises(BlackBoxError, match="exactly one"):
        _audit(tables)
    with pytest.raises(BlackBoxError, match="pass it as predict_proba="):
        _audit(tables, model=lambda X: forest.predict_proba(X))


def test_classes_name_the_columns_and_one_column_is_the_second_class(tables, forest):
    train, holdout, _ = tables
    # columns in the reverse order, said by classes=
    flipped = membership_inference(
        predict_proba=lambda X: forest.predict_proba(X)[:, ::-1],
        classes=[1, 0],
        train=train,
        holdout=holdout,
        target=TARGET,
    )
    # one column: the probability of the second class (a Keras sigmoid output)
    single = membership_inference(
        predict_proba=lambda X: forest.predict_proba(X)[:, 1:],
        train=train,
        holdout=holdout,
        target=TARGET,
    )
    plain = membership_inference(forest, train, holdout, target=TARGET, attacks=["loss"])
    assert flipped.metrics["loss"].auc.value == plain.metrics["loss"].auc.value
    # 1 - (1 - p) is p to rounding only, which breaks some of the forest's ties
    assert np.allclose(single.scores["loss"], plain.scores["loss"], atol=1e-12)
    assert single.metrics["loss"].auc.value == pytest.approx(
        plain.metrics["loss"].auc.value, abs=0.005
    )
    with pytest.raises(BlackBoxError, match="2 distinct labels"):
        BlackBox(forest.predict_proba, classes=[1])


def test_attribute_inference_runs_on_queries(tables, forest):
    train, holdout, _ = tables
    r = modelprivacy.attribute_inference(
        predict_proba=forest.predict_proba,
        train=train,
        holdout=holdout,
        target=TARGET,
        sensitive=["mean radius"],
        seed=0,
    )
    same = modelprivacy.attribute_inference(
        forest, train, holdout, target=TARGET, sensitive=["mean radius"], seed=0
    )
    assert r.queries and r.queries > 0 and same.queries is None
    a, b = r.columns["mean radius"].best(), same.columns["mean radius"].best()
    assert a.to_dict() == b.to_dict()


def test_a_regressor_black_box_is_attacked_with_predict(tables):
    train, holdout, _ = tables
    X = train.drop(columns=[TARGET, "mean radius"])
    ridge = Ridge().fit(X, train["mean radius"])
    t, h = train.drop(columns=TARGET), holdout.drop(columns=TARGET)
    r = membership_inference(predict=ridge.predict, train=t, holdout=h, target="mean radius")
    plain = membership_inference(ridge, t, h, target="mean radius", attacks=["loss"])
    assert r.metrics["loss"].auc.value == plain.metrics["loss"].auc.value
    with pytest.raises(BlackBoxError, match="NaN"):
        membership_inference(
            predict=lambda X: np.full(len(X), np.nan), train=t, holdout=h, target="mean radius"
        )


class _QueryOnly:
    """A model object with answers but no fit: like a wrapper of an ONNX graph."""

    def __init__(self, model):
        self._model = model
        self.classes_ = model.classes_

    def predict_proba(self, X):
        return self._model.predict_proba(X)


def test_a_model_object_that_cannot_be_refit_gets_the_query_only_attacks(tables, forest):
    result = _audit(tables, model=_QueryOnly(forest))
    m = result.membership
    assert m is not None and set(m.metrics) == {"loss", "population"}
    assert all("fit_fn" in why for why in m.skipped_attacks.values())
    assert result.verdict.criteria[Criterion.LINKABILITY].assessed == "partially"
    with_fit = _audit(
        tables,
        model=_QueryOnly(forest),
        reference_models=2,
        fit_fn=lambda X, y: RandomForestClassifier(n_estimators=10, random_state=0).fit(X, y),
    )
    assert with_fit.membership is not None and "lira_offline" in with_fit.membership.metrics


def test_the_default_batch_size_is_the_black_boxes():
    import inspect

    assert inspect.signature(modelprivacy.audit).parameters["batch_size"].default == (
        DEFAULT_BATCH_SIZE
    )
