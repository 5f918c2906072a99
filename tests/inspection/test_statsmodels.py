"""statsmodels results in memory: the training table, target and per-record arrays are reported."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import modelprivacy

sm = pytest.importorskip("statsmodels.api")
smf = pytest.importorskip("statsmodels.formula.api")


@pytest.fixture
def frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    n = 40
    df = pd.DataFrame(
        {
            "age": rng.integers(20, 70, n).astype(float),
            "income": rng.normal(50, 10, n).round(2),
            "unused": rng.normal(size=n),
            "name": [f"p{i}" for i in range(n)],
        },
        index=[f"id{i}" for i in range(n)],
    )
    df["y"] = df.age * 0.3 + rng.normal(size=n)
    return df


def _by(result: modelprivacy.findings.InspectionResult, check: str) -> dict[str, object]:
    return {f.path: f for f in result.findings if f.check_id == check}


def test_formula_frame_is_the_training_table(frame: pd.DataFrame) -> None:
    results = smf.ols("y ~ age", data=frame).fit()
    _ = results.resid
    rows = _by(modelprivacy.inspect(results), "MP-S101")
    assert list(rows) == ["_results.model.data.frame_features"]
    assert (
        "those the formula does not use" in rows["_results.model.data.frame_features"].description
    )
    per_record = _by(modelprivacy.inspect(results), "MP-S102")
    assert "_results.resid" in per_record and "_results.model.data.row_labels" in per_record

    with_data = modelprivacy.inspect(results, frame, target="y")
    found = _by(with_data, "MP-S101")["_results.model.data.frame_features"]
    assert found.confidence.name == "HIGH"
    assert found.records.count == len(frame)
    targets = _by(with_data, "MP-S108")
    assert targets["_results.model.data.endog"].records.count == len(frame)


def test_remove_data_leaves_the_formula_frame(frame: pd.DataFrame) -> None:
    results = smf.ols("y ~ age", data=frame).fit()
    results.remove_data()
    result = modelprivacy.inspect(results, frame, target="y")
    rows = _by(result, "MP-S101")
    assert rows["_results.model.data.frame_features"].records.count == len(frame)
    targets = _by(result, "MP-S108")
    assert "_results.model.data.endog" not in targets  # removed
    assert targets["_results.model.data.frame_target"].records.count == len(frame)


def test_array_logit_and_glm(frame: pd.DataFrame) -> None:
    X = sm.add_constant(frame[["age", "income"]].to_numpy())
    yb = (frame.unused > 0).astype(float).to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logit = sm.Logit(yb, X).fit(disp=0)
    _ = logit.resid_pearson
    alone = modelprivacy.inspect(logit)
    assert any(
        f.check_id == "MP-S101" and "whole training table" in f.description for f in alone.findings
    )
    assert "_results.resid_pearson" in _by(alone, "MP-S102")
    confirmed = [f for f in modelprivacy.inspect(logit, X, yb).findings if f.check_id == "MP-S101"]
    assert confirmed and confirmed[0].records.count == len(frame)
    glm = sm.GLM(yb, X, family=sm.families.Binomial()).fit()
    assert any(f.check_id == "MP-S101" for f in modelprivacy.inspect(glm).findings)


def test_formula_exog_is_not_the_table(frame: pd.DataFrame) -> None:
    """The design matrix of a formula (intercept, encodings) is not reported as the table."""
    results = smf.ols("y ~ age", data=frame).fit()
    rows = _by(modelprivacy.inspect(results), "MP-S101")
    assert "_results.model.data.exog" not in rows
