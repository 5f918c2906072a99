"""The one check contract of the audit: typed skips, isolated failures, inputs declared."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier

from modelprivacy import audit
from modelprivacy.attacks.refit import RefitBudgetError
from modelprivacy.auditing.checks import AUDIT_CHECKS, Input
from modelprivacy.findings import Criterion, Skipped

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "src/modelprivacy/report/schema/audit.schema.json"
    ).read_text()
)


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    a = rng.normal(size=n)
    b = rng.normal(size=n)
    return pd.DataFrame(
        {
            "pid": [f"P{seed}-{i}" for i in range(n)],
            "a": a,
            "b": b,
            "noise": rng.integers(0, 3, n),
            "y": (a + 0.5 * rng.normal(size=n) > 0).astype(int),
        }
    )


@pytest.fixture(scope="module")
def data():
    return _frame(400, 0), _frame(400, 1)


@pytest.fixture(scope="module")
def forest(data):
    train, _ = data
    return RandomForestClassifier(n_estimators=20, random_state=0).fit(
        train[["a", "b", "noise"]], train["y"]
    )


def test_a_failing_check_is_recorded_and_the_audit_goes_on(data, forest):
    train, holdout = data
    # a real failure: no reference model can be fitted in 0.1 ms
    result = audit(
        forest,
        train,
        holdout,
        target="y",
        sensitive=["noise"],
        id_column="pid",
        reference_models=2,
        fit_budget=1e-4,
    )
    assert [e.check_id for e in result.errors] == ["MP-L201"]
    assert "RefitBudgetError" in result.errors[0].message
    assert result.membership is None
    # the other checks ran
    ran = {f.check_id for f in result.findings}
    assert {"MP-I301", "MP-S105", "MP-S110"} <= ran and "MP-L201" not in ran
    link = result.verdict.criteria[Criterion.LINKABILITY]
    assert link.risk == "not assessed" and "failed (RefitBudgetError" in link.reason
    assert result.verdict.criteria[Criterion.INFERENCE].assessed == "yes"
    doc = result.to_dict()
    jsonschema.validate(doc, SCHEMA)
    assert doc["errors"] == [{"check_id": "MP-L201", "message": result.errors[0].message}]
    for fmt in ("terminal", "markdown", "html"):
        assert "MP-L201" in result.render(fmt) and "RefitBudgetError" in result.render(fmt)


def test_debug_re_raises_the_failing_check(data, forest):
    train, holdout = data
    with pytest.raises(RefitBudgetError, match="time budget"):
        audit(
            forest,
            train,
            holdout,
            target="y",
            id_column="pid",
            reference_models=2,
            fit_budget=1e-4,
            debug=True,
        )


def test_a_model_alone_skips_every_audit_check_naming_what_to_pass(forest):
    result = audit(forest)
    by_id = {s.check_id: s for s in result.skipped if s.check_id}
    assert set(AUDIT_CHECKS) <= set(by_id)
    assert all(isinstance(s, Skipped) for s in result.skipped)
    assert "the training data (--train)" in by_id["MP-S110"].reason
    assert "a holdout of non-members (--holdout)" in by_id["MP-L201"].reason
    assert "sensitive columns (--sensitive)" in by_id["MP-I301"].reason
    assert by_id["MP-L201"].what == AUDIT_CHECKS["MP-L201"].title
    assert result.errors == ()
    assert [s["check_id"] for s in result.to_dict()["skipped"]][: len(by_id)] == list(by_id)


def test_the_runner_selects_checks_by_the_inputs_given(data, forest):
    train, _ = data
    result = audit(forest, train, target="y", id_column="pid")
    skipped = {s.check_id: s.reason for s in result.skipped if s.check_id}
    # the training data alone: the tree checks run, the attacks are skipped
    assert "MP-S110" not in skipped and result.boxes is not None
    assert set(skipped) == {"MP-L201", "MP-L202", "MP-I301", "MP-S111"}
    assert skipped["MP-L202"] == "needs a holdout of non-members (--holdout)"
    assert "--subject-column" in skipped["MP-S111"]


def test_a_check_that_does_not_apply_is_skipped_with_its_reason(data):
    train, holdout = data
    knn = KNeighborsClassifier().fit(train[["a", "b", "noise"]], train["y"])
    result = audit(knn, train, holdout, target="y", id_column="pid", reference_models=2)
    skipped = {s.check_id: s.reason for s in result.skipped if s.check_id}
    assert "tree" in skipped["MP-S110"]  # not a tree model
    assert result.stored_rows is not None  # but it stores rows: MP-L202 ran
    assert result.errors == ()


def test_every_audit_check_declares_its_contract():
    for spec in AUDIT_CHECKS.values():
        assert spec.id.startswith("MP-") and spec.title and spec.run is not None
        assert spec.requires[0] is Input.MODEL
        assert spec.docs.startswith("docs/") and spec.docs.endswith("#" + spec.id.lower())
        assert (spec.run.__doc__ or "").strip().startswith(spec.id)
        assert not set(spec.requires) & set(spec.optional)


def test_trees_the_checks_cannot_read_leave_singling_out_partially_assessed():
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    X = pd.DataFrame({"a": rng.normal(size=400), "c": rng.integers(0, 3, 400)})
    y = (X["a"] > 0).astype(int)
    model = HistGradientBoostingClassifier(
        categorical_features=["c"], min_samples_leaf=200, max_iter=5, random_state=0
    ).fit(X, y)
    result = audit(model, X.assign(y=y), target="y")
    (why,) = [s.reason for s in result.skipped if s.check_id == "MP-S110"]
    assert "categorical" in why
    so = result.verdict.criteria[Criterion.SINGLING_OUT]
    assert so.assessed == "partially" and so.risk != "none"
    assert "MP-S110 could not read the model" in so.reason


def test_a_model_clone_cannot_copy_is_audited_with_fit_fn(data, forest):
    train, holdout = data
    calls = []

    def fit_fn(X, y):
        calls.append(len(X))
        return RandomForestClassifier(n_estimators=20, random_state=1).fit(X, y)

    result = audit(
        forest, train, holdout, target="y", id_column="pid", reference_models=2, fit_fn=fit_fn
    )
    assert result.membership is not None and len(calls) == 2


def test_ensembles_of_trees_only_get_their_leaf_boxes_and_their_labels():
    from sklearn.ensemble import AdaBoostClassifier, VotingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.tree import DecisionTreeClassifier

    rng = np.random.default_rng(0)
    X = pd.DataFrame(rng.normal(size=(300, 3)), columns=list("abc"))
    y = np.where(X.a + rng.normal(size=300) > 0, "yes", "no")
    ada = AdaBoostClassifier(DecisionTreeClassifier(max_depth=6), n_estimators=5, random_state=0)
    result = audit(ada.fit(X, y), X.assign(y=y), target="y")
    assert result.boxes is not None and result.errors == ()
    (boxes,) = [f for f in result.findings if f.check_id == "MP-S110"]
    assert boxes.records.count > 0
    vote = VotingClassifier(
        [("dt", DecisionTreeClassifier(random_state=0)), ("lr", LogisticRegression())]
    ).fit(X, y)
    from modelprivacy import inspect

    (alone,) = [f for f in inspect(vote, X, y).findings if f.title == "People alone in a tree leaf"]
    # the member tree is fitted on encoded labels: its leaves still name the real ones
    assert alone.evidence["label_recovered"] == alone.evidence["records_alone"] > 0
