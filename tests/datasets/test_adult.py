"""Tests of the bundled UCI Adult data and its loader."""

from __future__ import annotations

import gzip
import hashlib
from importlib import resources

import pandas as pd
import pytest

from modelprivacy.datasets import (
    ADULT_CATEGORICAL,
    ADULT_CITATION,
    ADULT_COLUMNS,
    ADULT_NUMERIC,
    ADULT_TARGET,
    load_adult,
)

DATA = resources.files("modelprivacy.datasets").joinpath("data")

EXPECTED_COLUMNS = [
    "age",
    "workclass",
    "fnlwgt",
    "education",
    "education-num",
    "marital-status",
    "occupation",
    "relationship",
    "race",
    "sex",
    "capital-gain",
    "capital-loss",
    "hours-per-week",
    "native-country",
    "income",
]


def test_column_constants():
    assert ADULT_COLUMNS == EXPECTED_COLUMNS
    assert ADULT_TARGET == "income"
    assert sorted([*ADULT_NUMERIC, *ADULT_CATEGORICAL, ADULT_TARGET]) == sorted(EXPECTED_COLUMNS)
    assert not set(ADULT_NUMERIC) & set(ADULT_CATEGORICAL)


@pytest.mark.parametrize(("subset", "rows"), [("train", 32_561), ("test", 16_281)])
def test_shape_columns_and_index(subset, rows):
    df = load_adult(subset=subset)
    assert df.shape == (rows, 15)
    assert list(df.columns) == EXPECTED_COLUMNS
    assert isinstance(df.index, pd.RangeIndex)
    assert df.index.equals(pd.RangeIndex(rows))


def test_default_is_train():
    pd.testing.assert_frame_equal(load_adult(), load_adult(subset="train"))


def test_all_is_train_then_test():
    train, test, both = (load_adult(subset=s) for s in ("train", "test", "all"))
    assert len(both) == len(train) + len(test) == 48_842
    assert both.index.equals(pd.RangeIndex(len(both)))
    pd.testing.assert_frame_equal(both.iloc[: len(train)].reset_index(drop=True), train)
    pd.testing.assert_frame_equal(both.iloc[len(train) :].reset_index(drop=True), test)


@pytest.mark.parametrize("subset", ["train", "test", "all"])
def test_income_labels(subset):
    assert set(load_adult(subset=subset)[ADULT_TARGET]) == {"<=50K", ">50K"}


def test_first_records_parsed():
    train = load_adult()
    assert train.iloc[0].to_dict() == {
        "age": 39,
        "workclass": "State-gov",
        "fnlwgt": 77516,
        "education": "Bachelors",
        "education-num": 13,
        "marital-status": "Never-married",
        "occupation": "Adm-clerical",
        "relationship": "Not-in-family",
        "race": "White",
        "sex": "Male",
        "capital-gain": 2174,
        "capital-loss": 0,
        "hours-per-week": 40,
        "native-country": "United-States",
        "income": "<=50K",
    }
    # The test file's comment line is skipped: its first record is the age-25 one.
    first = load_adult(subset="test").iloc[0]
    assert (first["age"], first["fnlwgt"], first["income"]) == (25, 226802, "<=50K")


@pytest.mark.parametrize("subset", ["train", "test"])
def test_missing_values_are_nan(subset):
    df = load_adult(subset=subset)
    for col in [*ADULT_CATEGORICAL, ADULT_TARGET]:
        values = df[col].dropna()
        assert not (values == "?").any(), col
        assert not values.str.startswith(" ").any(), col
    missing = df.isna().sum()
    for col in ("workclass", "occupation", "native-country"):
        assert missing[col] > 0, col
    assert missing[[*ADULT_NUMERIC, ADULT_TARGET]].sum() == 0


def test_known_missing_counts():
    missing = load_adult().isna().sum()
    assert (missing["workclass"], missing["occupation"], missing["native-country"]) == (
        1836,
        1843,
        583,
    )


@pytest.mark.parametrize("subset", ["train", "test", "all"])
def test_dtypes(subset):
    df = load_adult(subset=subset)
    for col in ADULT_NUMERIC:
        assert df[col].dtype == "int64", col
    for col in [*ADULT_CATEGORICAL, ADULT_TARGET]:
        assert df[col].dtype == object, col
        assert all(isinstance(v, str) for v in df[col].dropna()), col


@pytest.mark.parametrize(
    ("name", "md5"),
    [
        ("adult.data.gz", "5d7c39d7b8804f071cdd1f2a7c460872"),
        ("adult.test.gz", "35238206dfdf7f1fe215bbb874adecdc"),
    ],
)
def test_packaged_files_are_unmodified(name, md5):
    raw = gzip.decompress(DATA.joinpath(name).read_bytes())
    assert hashlib.md5(raw).hexdigest() == md5
    readme = DATA.joinpath("ADULT_README.md").read_text(encoding="utf-8")
    assert md5 in readme


def test_names_file_is_packaged():
    text = gzip.decompress(DATA.joinpath("adult.names.gz").read_bytes()).decode("latin-1")
    assert "Kohavi" in text


def test_attribution():
    readme = DATA.joinpath("ADULT_README.md")
    assert readme.is_file()
    text = readme.read_text(encoding="utf-8")
    for needle in ("CC BY 4.0", "10.24432/C5XW20", "Becker", "Kohavi", "1996"):
        assert needle in text
    for needle in ("CC BY 4.0", "10.24432/C5XW20", "Becker", "Kohavi"):
        assert needle in ADULT_CITATION
    import modelprivacy.datasets as mod

    assert mod.__doc__ is not None and "CC BY 4.0" in mod.__doc__
    assert load_adult.__doc__ is not None and "10.24432/C5XW20" in load_adult.__doc__


@pytest.mark.parametrize("subset", ["train", "test", "all"])
def test_returns_independent_copies(subset):
    first = load_adult(subset=subset)
    original = first.copy()
    first.loc[0, "age"] = -1
    first.loc[0, "workclass"] = "changed"
    first["income"] = "x"
    second = load_adult(subset=subset)
    assert second is not first
    pd.testing.assert_frame_equal(second, original)


def test_bad_subset():
    with pytest.raises(ValueError, match="subset"):
        load_adult(subset="validation")
