"""Loading data tables: CSV, TSV and Parquet round trips and clear errors."""

from __future__ import annotations

import gzip
import os

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


def test_split_xy_lists_every_column():
    wide = pd.DataFrame(np.zeros((2, 30)), columns=[f"col{i}" for i in range(30)])
    with pytest.raises(DataError) as error:
        split_xy(wide, "target")
    message = str(error.value)
    assert "'col19'" in message and "'col29'" in message
    assert "more" not in message and "30 columns" in message


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


# -- compression bombs and clean errors ------------------------------------------------------

ZEROS_MEMBER = gzip.compress(b"0" * 2**20, 9)  # 1 MiB of ASCII zeros in about 1 KiB


def gzip_bomb(path, mib=200):
    """A .csv.gz file of a header and ``mib`` MiB of zeros (one gzip member per MiB)."""
    path.write_bytes(gzip.compress(b"a\n") + ZEROS_MEMBER * mib)
    return path.read_bytes()


def test_a_gzip_bomb_is_refused_naming_the_cap(tmp_path):
    path = tmp_path / "train.csv.gz"
    content = gzip_bomb(path)
    with pytest.raises(DataError) as error:
        load_table(path)
    message = str(error.value)
    assert message.startswith(f"data file '{path}' decompresses to more than 64 MiB, ")
    assert "x its 2" in message and "KiB size: a compression bomb" in message
    assert "decompress it yourself" in message and "\n" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["train.csv.gz"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_gzip_bomb_is_refused_with_bounded_memory(tmp_path):
    from modelprivacy.load.sandbox import Limits, contained_call

    path = tmp_path / "train.csv.gz"
    gzip_bomb(path, mib=1024)  # 1 GiB of zeros
    # With 512 MiB of memory the load ends at the cap, not in a MemoryError.
    with pytest.raises(DataError, match=r"decompresses to more than 205\.5 MiB, 200x its 1\.0 MiB"):
        contained_call(
            lambda: load_table(path).shape,
            Limits(max_memory=512 * 2**20, timeout=20),
            describe="data file",
        )


def test_the_expansion_limit_can_be_raised(tmp_path):
    path = tmp_path / "train.csv.gz"
    gzip_bomb(path, mib=70)
    with pytest.raises(DataError, match="more than 64 MiB"):
        load_table(path)
    assert load_table(path, max_expansion=2000).shape == (1, 1)


def test_a_parquet_bomb_is_refused_from_its_metadata(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "train.parquet"
    pq.write_table(pa.table({"a": pa.nulls(20_000_000, pa.int64())}), path)  # ~40 KiB on disk
    before = path.read_bytes()
    with pytest.raises(DataError) as error:
        load_table(path)
    message = str(error.value)
    assert message.startswith(
        f"data file '{path}' declares 20,000,000 rows of 1 column, about 152.6 MiB in memory, "
        "more than 64 MiB, "
    )
    assert "save it as an uncompressed CSV file" in message
    assert path.read_bytes() == before


@pytest.mark.parametrize("suffix", [".bz2", ".xz", ".zip"])
def test_other_compressions_round_trip(suffix, tmp_path):
    path = tmp_path / f"data.csv{suffix}"
    FRAME.to_csv(path, index=False)
    pd.testing.assert_frame_equal(load_table(path), FRAME)


def test_a_zip_of_several_files_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "data.csv.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.csv", "a\n1\n")
        archive.writestr("b.csv", "b\n2\n")
    with pytest.raises(
        DataError, match="zip archive of 2 files; a zipped data file must hold exactly one"
    ):
        load_table(path)


def test_a_zip_bomb_is_refused_before_reading(tmp_path):
    import zipfile

    path = tmp_path / "data.csv.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("a.csv", b"a\n" + bytes(80 * 2**20))
    with pytest.raises(
        DataError, match=r"declares 80\.0 MiB uncompressed, more than the [0-9.]+ MiB allowed"
    ):
        load_table(path)


def test_control_characters_never_reach_the_message(tmp_path):
    path = tmp_path / "evil\x1b[2K\rmodel is safe.csv"
    with pytest.raises(DataError) as error:
        load_table(path)
    message = str(error.value)
    assert "\x1b" not in message and "\r" not in message and "\\x1b[2K\\r" in message


def test_column_names_from_the_file_are_escaped():
    from modelprivacy.load.data import pop_column

    frame = pd.DataFrame({"x\x1b[1A": [1]})
    with pytest.raises(DataError) as error:
        pop_column(frame, "y")
    assert "\x1b" not in str(error.value)


def test_a_path_of_the_wrong_type_is_a_data_error():
    with pytest.raises(DataError, match=r"must be a str or os\.PathLike, not int"):
        load_table(3)  # type: ignore[arg-type]


def test_a_missing_column_lists_every_column_and_suggests_a_close_one():
    # A survey with more than 20 columns: the message must name them all, and
    # point at 'fac_race' when 'race' is asked for (as --sensitive or --target).
    from modelprivacy.load.data import pop_column, unknown_column

    columns = [f"q{i:02d}" for i in range(40)] + ["fac_race", "age"]
    frame = pd.DataFrame([[0] * len(columns)], columns=columns)
    message = str(unknown_column("race", columns, "sensitive", "training"))
    assert "did you mean 'fac_race'?" in message
    assert all(f"'{c}'" in message for c in columns)
    assert "its 42 columns" in message
    with pytest.raises(DataError, match=r"did you mean 'fac_race'\?"):
        split_xy(frame, "race")
    with pytest.raises(DataError, match="'q39'"):
        pop_column(frame, "race", role="id", where="training")


@pytest.mark.parametrize("dtype", ["str", object])
def test_a_text_label_column_shares_one_string_per_value(dtype):
    from modelprivacy.load.data import pop_column

    labels = np.random.default_rng(0).choice(["<=50K", ">50K"], 1_000)
    df = pd.DataFrame({"age": np.arange(1_000), "income": pd.Series(labels, dtype=dtype)})
    rest, y = pop_column(df, "income")
    whole = df["income"].to_numpy()
    assert y.dtype == whole.dtype and y.tolist() == whole.tolist()
    assert list(rest.columns) == ["age"]
    first = {v: y[i] for i, v in reversed(list(enumerate(y.tolist())))}
    assert all(y[i] is first[v] for i, v in enumerate(y.tolist()))  # no string per row


def test_mixed_or_distinct_labels_are_kept_as_given():
    from modelprivacy.load.data import pop_column

    mixed = pd.DataFrame({"a": range(8), "y": [1, "1", 1.0, True] * 2})
    assert pop_column(mixed, "y")[1].tolist() == [1, "1", 1.0, True] * 2
    ids = pd.DataFrame({"a": range(5), "id": ["p1", "p2", "p3", "p4", None]})
    got = [None if pd.isna(v) else v for v in pop_column(ids, "id", role="id")[1].tolist()]
    assert got == ["p1", "p2", "p3", "p4", None]
