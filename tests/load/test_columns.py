"""Tables read from files fitted to the model's columns and dtypes (docs/data.md)."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pandas as pd
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier

from modelprivacy.datasets import load_adult
from modelprivacy.errors import DataError
from modelprivacy.load.columns import fit_table_to_model, text_where_numbers

CATEGORIES = ["workclass", "education", "sex", "race"]
COLUMNS = ["age", "hours-per-week", *CATEGORIES]


@pytest.fixture(scope="module")
def adult() -> pd.DataFrame:
    return load_adult().sample(1600, random_state=1).reset_index(drop=True)[[*COLUMNS, "income"]]


@pytest.fixture(scope="module")
def from_dtype(adult) -> HistGradientBoostingClassifier:
    X = adult[COLUMNS].iloc[:800].astype({c: "category" for c in CATEGORIES})
    model = HistGradientBoostingClassifier(
        categorical_features="from_dtype", max_iter=20, random_state=0
    )
    return model.fit(X, adult["income"].iloc[:800])


@pytest.fixture(scope="module")
def on_codes(adult) -> RandomForestClassifier:
    X = adult[COLUMNS].iloc[:800].copy()
    for column in CATEGORIES:
        X[column] = X[column].astype("category").cat.codes
    return RandomForestClassifier(n_estimators=5, random_state=0).fit(X, adult["income"][:800])


def test_text_columns_get_the_models_categories_and_can_be_pooled(adult, from_dtype):
    train, notes = fit_table_to_model(from_dtype, adult.iloc[:800], "train.csv")
    holdout, _ = fit_table_to_model(from_dtype, adult.iloc[800:], "holdout.csv")
    assert len(notes) == 1 and "4 text columns of train.csv" in notes[0]
    assert "'workclass', 'education', 'sex', 'race'" in notes[0]
    pooled = pd.concat([train, holdout])
    for column in CATEGORIES:
        assert isinstance(pooled[column].dtype, pd.CategoricalDtype), column
    labels = from_dtype.predict(pooled[COLUMNS])
    assert set(labels) <= {"<=50K", ">50K"}
    assert adult.iloc[:800]["workclass"].dtype == object  # the input is not modified


def test_a_value_the_model_never_saw_becomes_missing_and_is_counted(adult, from_dtype):
    frame = adult.iloc[800:810].copy()
    frame.loc[frame.index[:3], "race"] = "a value never seen"
    fitted, notes = fit_table_to_model(from_dtype, frame, "holdout.csv")
    assert fitted["race"].isna().sum() >= 3
    assert "3 values that the model never saw are missing" in notes[0]


def test_columns_are_put_in_the_models_order(adult, on_codes):
    shuffled = adult[["income", *reversed(COLUMNS)]]
    fitted, notes = fit_table_to_model(on_codes, shuffled, "train.csv")
    assert list(fitted.columns) == [*COLUMNS, "income"]
    assert notes == [
        "the columns of train.csv are in another order than the model's; they were put in "
        "the model's order (feature_names_in_)"
    ]
    same, none = fit_table_to_model(on_codes, adult, "train.csv")
    assert none == [] and same is adult


def test_text_where_the_model_was_fitted_on_codes_is_refused_without_values(adult, on_codes):
    with pytest.raises(DataError) as error:
        text_where_numbers(on_codes, adult, "data file 'train.csv'", other_columns=["income"])
    message = str(error.value)
    assert "holds text in 4 columns ('workclass', 'education', 'sex', 'race')" in message
    assert "numeric codes" in message and "docs/data.md" in message
    assert "Private" not in message  # names the columns, never their values


def test_numbers_where_numbers_are_expected_pass(adult, on_codes, from_dtype):
    codes = adult.copy()
    for column in CATEGORIES:
        codes[column] = codes[column].astype("category").cat.codes
    text_where_numbers(on_codes, codes, "x", other_columns=["income"])
    fitted, _ = fit_table_to_model(from_dtype, adult, "x")
    text_where_numbers(from_dtype, fitted, "x", other_columns=["income"])


def _cli(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "modelprivacy", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_the_cli_audits_a_from_dtype_model_given_csv(tmp_path, adult, from_dtype, on_codes):
    adult.iloc[:800].to_csv(tmp_path / "train.csv", index=False)
    adult.iloc[800:].to_csv(tmp_path / "holdout.csv", index=False)
    (tmp_path / "hgb.pkl").write_bytes(pickle.dumps(from_dtype))
    (tmp_path / "codes.pkl").write_bytes(pickle.dumps(on_codes))
    data = ["--train", "train.csv", "--holdout", "holdout.csv", "--target", "income"]
    proc = _cli("audit", "hgb.pkl", *data, "--reference-models", "2", cwd=tmp_path)
    # a verdict, not an error: exit 1, the verdict on these boosted trees has a high finding
    assert proc.returncode == 1, proc.stderr
    assert "verdict:" in proc.stderr
    assert "given the pandas category dtype with the model's categories" in proc.stderr
    refused = _cli("audit", "codes.pkl", *data, "--reference-models", "2", cwd=tmp_path)
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert len(lines) == 1 and "holds text in 4 columns" in lines[0], refused.stderr
