"""Loading data tables: CSV, TSV and Parquet round trips and clear errors."""

from __future__ import annotations

import gzip

import numpy as np
import pandas as pd
import pytest
import scipy.sparse

from modelprivacy.errors import DataError, ModelPrivacyError
from modelprivacy.load import SUPPORTED_DATA_FORMATS, as_frame, load_table, split_xy

FRAME = pd.DataFrame(
    {
        "age": [31, 44, 27, 60],
        "income": [52000.5, 61000.25, 38000.0, 75000.75],
        "city": ["Lyon", "Oslo", "Rome", "Lyon"],
        "label": [0, 1, 0, 1],
    }
)


@pytest.mark.parametrize("filename", ["data.csv", "DATA.CSV", "data.csv.gz", "data.tsv"])
def test_text_round_trip(filename, tmp_path):
    path = tmp_path / filename
    FRAME.to_csv(path, index=False, sep="\t" if ".tsv" in filename else ",")
    before = path.read_bytes()
    pd.testing.assert_frame_equal(load_table(path), FRAME)
    assert path.read_bytes() == before
    assert load_table(str(path)).shape == FRAME.shape


@pytest.mark.parametrize("filename", ["data.parquet", "data.pq"])
def test_parquet_round_trip(filename, tmp_path):
    frame = FRAME.assign(city=FRAME["city"].astype("category"))
    path = tmp_path / filename
    frame.to_parquet(path)
    before = path.read_bytes()
    pd.testing.assert_frame_equal(load_table(path), frame)
    assert path.read_bytes() == before


def test_missing_file(tmp_path):
    path = tmp_path / "train.csv"
    with pytest.raises(DataError, match="does not exist; check the path") as error:
        load_table(path)
    assert str(path) in str(error.value)
    assert isinstance(error.value, ModelPrivacyError) and isinstance(error.value, ValueError)


def test_directory(tmp_path):
    with pytest.raises(DataError, match="is a directory"):
        load_table(tmp_path)


@pytest.mark.parametrize("filename", ["train.xlsx", "train", "train.json", "train.parquet.gz"])
def test_unsupported_format_lists_the_supported_ones(filename, tmp_path):
    path = tmp_path / filename
    path.write_text("a,b\n1,2\n")
    with pytest.raises(DataError, match="unsupported data format") as error:
        load_table(path)
    for fmt in SUPPORTED_DATA_FORMATS:
        assert fmt in str(error.value)


BAD = {
    "empty": ("train.csv", b"", "is empty (0 bytes)"),
    "blank lines": ("train.csv", b"\n\n", "has no columns"),
    "header only": ("train.csv", b"age,income\n", "has a header but no rows"),
    "ragged rows": ("train.csv", b"a,b\n1,2\n3,4,5,6\n", "cannot be read as CSV"),
    "binary in csv": ("train.csv", b"a,b\n\xff\xfe\x00\x81,2\n", "cannot be read as CSV"),
    "bad gzip": ("train.csv.gz", b"not gzip at all", "cannot be read as CSV"),
    "not parquet": ("train.parquet", b"a,b\n1,2\n", "cannot be read as Parquet"),
    "truncated parquet": ("train.parquet", None, "cannot be read as Parquet"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_file_gives_a_clear_error(name, tmp_path):
    filename, content, fragment = BAD[name]
    path = tmp_path / filename
    if content is None:
        FRAME.to_parquet(path)
        content = path.read_bytes()[:40]
    path.write_bytes(content)
    with pytest.raises(DataError) as error:
        load_table(path)
    message = str(error.value)
    assert fragment in message and str(path) in message
    assert "\n" not in message
    assert path.read_bytes() == content


def test_gzip_csv_with_bad_content(tmp_path):
    path = tmp_path / "train.csv.gz"
    path.write_bytes(gzip.compress(b"a,b\n1,2\n3,4,5,6\n"))
    with pytest.raises(DataError, match="cannot be read as CSV"):
        load_table(path)


# -- split_xy ------------------------------------------------------------------------


def test_split_xy():
    X, y = split_xy(FRAME, "label")
    assert list(X.columns) == ["age", "income", "city"]
    np.testing.assert_array_equal(y, [0, 1, 0, 1])
    assert "label" in FRAME.columns  # the input is not modified


def test_split_xy_without_target():
    X, y = split_xy(FRAME, None)
    assert X is FRAME and y is None


def test_split_xy_missing_target_lists_columns():
    with pytest.raises(DataError) as error:
        split_xy(FRAME, "salary")
    message = str(error.value)
    assert "'salary'" in message and "not in the data" in message
    for column in FRAME.columns:
        assert repr(column) in message


def test_split_xy_suggests_a_close_match():
    with pytest.raises(DataError, match=r"did you mean 'income'\?"):
        split_xy(FRAME, "Income")


def test_split_xy_lists_only_the_first_twenty_columns():
    wide = pd.DataFrame(np.zeros((2, 30)), columns=[f"col{i}" for i in range(30)])
    with pytest.raises(DataError) as error:
        split_xy(wide, "target")
    message = str(error.value)
    assert "'col19'" in message and "'col20'" not in message
    assert "and 10 more" in message and "30 columns" in message


# -- as_frame ------------------------------------------------------------------------


def test_as_frame_keeps_a_data_frame():
    assert as_frame(FRAME) is FRAME


def test_as_frame_names_array_columns():
    frame = as_frame(np.arange(6.0).reshape(3, 2))
    assert list(frame.columns) == ["x0", "x1"]
    np.testing.assert_array_equal(frame.to_numpy(), np.arange(6.0).reshape(3, 2))


def test_as_frame_from_lists():
    assert list(as_frame([[1, 2, 3], [4, 5, 6]]).columns) == ["x0", "x1", "x2"]
    frame = as_frame([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    assert list(frame.columns) == ["a", "b"]


def test_as_frame_from_series():
    assert list(as_frame(FRAME["age"]).columns) == ["age"]


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (np.arange(3), "1-D array of length 3"),
        (np.zeros((2, 2, 2)), "shape (2, 2, 2)"),
        (scipy.sparse.csr_matrix(np.eye(2)), ".toarray()"),
        ("a,b", "not supported"),
    ],
)
def test_as_frame_errors(value, fragment):
    with pytest.raises(DataError) as error:
        as_frame(value)
    assert fragment in str(error.value)
