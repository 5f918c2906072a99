"""Loading tabular data: CSV, TSV and Parquet files, data frames and arrays.

Every problem with the data (missing or empty file, unknown format, unreadable
content, a target column that is not there) is a
:class:`~modelprivacy.errors.DataError` whose message names the problem and
what to do. Text quoted from a file (a library's error about it, a column name)
has its control characters escaped.

A data file may come from a stranger too, so a compressed one may not expand
without bound: a ``.csv.gz`` (or ``.bz2``, ``.xz``, ``.zip``, ``.zst``) file is
read through a :class:`~modelprivacy.load._limits.CappedReader` that stops at
200 times the file's size (at least 64 MiB), and a Parquet file whose footer
declares more than that in memory is refused before its data is read. An
uncompressed CSV file is its own size; the memory limit of the contained
process (:mod:`modelprivacy.load.sandbox`) bounds what parsing it takes.
"""

from __future__ import annotations

import bz2
import difflib
import gzip
import lzma
import os
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from modelprivacy._text import describe_exception, printable
from modelprivacy.errors import DataError
from modelprivacy.load._limits import (
    DEFAULT_RATIO,
    CappedReader,
    check_zip_members,
    decompression_cap,
    describe_cap,
    format_size,
)

__all__ = ["SUPPORTED_DATA_FORMATS", "as_frame", "load_table", "split_xy"]

#: The file extensions :func:`load_table` reads.
SUPPORTED_DATA_FORMATS = (".csv", ".csv.gz", ".tsv", ".tsv.gz", ".parquet", ".pq")

_COMPRESSIONS = (".gz", ".bz2", ".xz", ".zip", ".zst")
_KINDS = {"csv": "CSV", "tsv": "TSV", "parquet": "Parquet"}
# The fewest bytes a pandas column of each Parquet physical type takes per row.
_PARQUET_WIDTHS = {
    "BOOLEAN": 1,
    "INT32": 4,
    "FLOAT": 4,
    "INT64": 8,
    "DOUBLE": 8,
    "INT96": 8,
    "BYTE_ARRAY": 8,
}


def _format_of(path: Path, shown: str) -> str:
    """Return ``"csv"``, ``"tsv"`` or ``"parquet"`` from the file name."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSIONS:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last == ".csv":
        return "csv"
    if last == ".tsv":
        return "tsv"
    if last in (".parquet", ".pq") and path.suffix.lower() not in _COMPRESSIONS:
        return "parquet"
    extension = printable("".join(path.suffixes), 40) or "no extension"
    raise DataError(
        f"unsupported data format ({extension}) for '{shown}'; supported formats are "
        f"{', '.join(SUPPORTED_DATA_FORMATS)}: convert the data to one of them"
    )


def _compression_of(path: Path) -> str | None:
    """The compression suffix of a text data file (``".gz"``...), or None."""
    suffix = path.suffix.lower()
    return suffix if suffix in _COMPRESSIONS else None


def load_table(
    path: str | os.PathLike[str], *, max_expansion: float | None = DEFAULT_RATIO
) -> pd.DataFrame:
    """Read a data table from a CSV, TSV or Parquet file.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.csv`` or ``.tsv`` file (optionally compressed: ``.csv.gz``,
        ``.bz2``, ``.xz``, ``.zip`` with one member, ``.zst`` when the
        ``zstandard`` package is installed), or a ``.parquet`` / ``.pq`` file.
    max_expansion : float or None, default=200
        How many times its size a compressed file may expand (a small file may
        always expand to 64 MiB): a compressed CSV file that decompresses to
        more, or a Parquet file whose metadata declares more in memory, is
        refused as a possible compression bomb. None reads any size (only for
        files you trust).

    Returns
    -------
    pandas.DataFrame
        The table, with the file's column names.

    Raises
    ------
    DataError
        The file is missing, a directory, empty, of an unsupported format,
        cannot be parsed, has no rows, or expands beyond ``max_expansion``.
        Every problem, whatever the library that finds it, is a
        :class:`DataError` with a one-line message.

    Notes
    -----
    The Parquet check reads only the footer: the declared rows times the
    narrowest width of each column's type, and the row groups' declared
    uncompressed sizes. A hostile file whose footer understates its content is
    bounded only by the memory limit of the contained process
    (:func:`~modelprivacy.load.sandbox.load_phase`, ``--max-memory``).
    """
    try:
        name = os.fspath(path)
    except TypeError:
        raise DataError(
            f"the path of a data file must be a str or os.PathLike, not {type(path).__name__}"
        ) from None
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    shown = printable(name, 300)
    file = Path(name)
    try:
        exists, is_dir = file.exists(), file.is_dir()
    except (OSError, ValueError) as exc:
        raise DataError(f"data file '{shown}' cannot be read: {describe_exception(exc)}") from None
    if not exists:
        raise DataError(
            f"data file '{shown}' does not exist; check the path (relative paths start at "
            f"{printable(os.getcwd(), 300)})"
        )
    if is_dir:
        raise DataError(f"'{shown}' is a directory, not a data file; give the path of a file")
    fmt = _format_of(file, shown)
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise DataError(f"data file '{shown}' cannot be read: {exc.strerror}") from None
    if size == 0:
        raise DataError(f"data file '{shown}' is empty (0 bytes); export the data again")
    cap = decompression_cap(size, ratio=max_expansion) if max_expansion is not None else 0
    kind = _KINDS[fmt]
    try:
        if fmt == "parquet":
            frame = _read_parquet(file, shown, size, cap)
        else:
            frame = _read_text(file, shown, fmt, size, cap)
    except DataError:
        raise
    except pd.errors.EmptyDataError:
        raise DataError(
            f"data file '{shown}' has no columns; export the data again with a header row"
        ) from None
    except PermissionError:
        raise DataError(
            f"data file '{shown}' cannot be read: permission denied; check its permissions"
        ) from None
    except MemoryError:
        raise DataError(
            f"data file '{shown}' needs more memory than is available to read it as {kind} "
            "(MemoryError); give a smaller sample of the data, or raise --max-memory"
        ) from None
    except RecursionError:
        raise DataError(
            f"data file '{shown}' cannot be read as {kind}: it is nested too deeply "
            f"(RecursionError); check that it is a valid {kind} file"
        ) from None
    except Exception as exc:
        from modelprivacy.load.sandbox import allocation_failed

        if allocation_failed(exc):
            raise DataError(
                f"data file '{shown}' needs more memory than is available to read it as "
                f"{kind} (the allocation failed); give a smaller sample of the data, or raise "
                "--max-memory"
            ) from None
        raise DataError(
            f"data file '{shown}' cannot be read as {kind} ({describe_exception(exc, 160)}); "
            f"check that it is a valid {kind} file"
        ) from None
    if frame.shape[0] == 0:
        raise DataError(f"data file '{shown}' has a header but no rows; export the data again")
    return frame


def _read_text(file: Path, shown: str, fmt: str, size: int, cap: int) -> pd.DataFrame:
    """Parse a CSV or TSV file, decompressing it through a capped stream."""
    sep = "\t" if fmt == "tsv" else ","
    compression = _compression_of(file)
    if compression is None:
        return pd.read_csv(file, sep=sep)
    stream = _open_compressed(file, compression, shown, cap)
    reader = CappedReader(
        stream,
        cap,
        subject=f"data file '{shown}'",
        compressed_size=size,
        fix="if the data is genuine, decompress it yourself (e.g. with gunzip) and give "
        "the uncompressed file",
        error=DataError,
    )
    with reader:
        return pd.read_csv(reader, sep=sep, compression=None)


def _open_compressed(file: Path, compression: str, shown: str, cap: int) -> Any:
    """Open the decompressed content of a compressed text file as a binary stream."""
    if compression == ".gz":
        return gzip.open(file, "rb")
    if compression == ".bz2":
        return bz2.open(file, "rb")
    if compression == ".xz":
        return lzma.open(file, "rb")
    if compression == ".zip":
        subject = f"data file '{shown}'"
        infos = check_zip_members(
            file, cap_total=cap, cap_member=cap, max_members=1_000, subject=subject, error=DataError
        )
        members = [info for info in infos if not info.is_dir()]
        if len(members) != 1:
            raise DataError(
                f"{subject} is a zip archive of {len(members)} files; a zipped data file must "
                "hold exactly one CSV or TSV file: unzip it and give the one you mean"
            )
        archive = zipfile.ZipFile(file)
        try:
            return _ZipMember(archive, archive.open(members[0]))
        except BaseException:
            archive.close()
            raise
    try:
        import zstandard
    except ImportError:
        raise DataError(
            f"data file '{shown}' is compressed with Zstandard, which needs the zstandard "
            "package: pip install zstandard, or decompress the file and give the CSV file"
        ) from None
    handle = open(file, "rb")  # noqa: SIM115 - closed with the stream
    try:
        return zstandard.ZstdDecompressor().stream_reader(handle, closefd=True)
    except BaseException:
        handle.close()
        raise


class _ZipMember:
    """An open zip member that closes its archive with it."""

    def __init__(self, archive: zipfile.ZipFile, member: IO[bytes]) -> None:
        self._archive = archive
        self._member = member

    def __getattr__(self, name: str) -> Any:
        return getattr(self._member, name)

    def close(self) -> None:
        try:
            self._member.close()
        finally:
            self._archive.close()


def _read_parquet(file: Path, shown: str, size: int, cap: int) -> pd.DataFrame:
    """Read a Parquet file, refusing one whose metadata declares too much."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DataError(
            f"data file '{shown}' is Parquet, and reading Parquet needs pyarrow, which is not "
            'installed: pip install "modelprivacy[parquet]", or save the data as CSV'
        ) from None

    with pq.ParquetFile(file) as parquet:
        metadata = parquet.metadata
    rows = int(metadata.num_rows)
    columns = int(metadata.num_columns)
    if rows < 0 or columns < 0:
        raise DataError(
            f"data file '{shown}' cannot be read as Parquet: its metadata declares "
            f"{rows:,} rows and {columns:,} columns; check that it is a valid Parquet file"
        )
    if cap:
        schema = metadata.schema
        width = 0
        for i in range(columns):
            column = schema.column(i)
            kind = str(column.physical_type)
            width += (
                int(column.length or 1)
                if kind == "FIXED_LEN_BYTE_ARRAY"
                else _PARQUET_WIDTHS.get(kind, 1)
            )
        declared = sum(
            max(int(metadata.row_group(i).total_byte_size), 0)
            for i in range(metadata.num_row_groups)
        )
        estimate = max(rows * width, declared)
        if estimate > cap:
            raise DataError(
                f"data file '{shown}' declares {rows:,} rows of {columns:,} "
                f"column{'' if columns == 1 else 's'}, about "
                f"{format_size(estimate)} in memory, more than {describe_cap(cap, size)}: "
                "a decompression bomb, or an unusually compressible file; nothing in it was "
                "read; if the data is genuine, save it as an uncompressed CSV file and give that"
            )
    return pd.read_parquet(file)


def unknown_column(column: Any, columns: Sequence[Any], role: str, where: str = "") -> DataError:
    """The error for a column that the data lacks: every column listed, a close match suggested.

    Parameters
    ----------
    column : object
        The column asked for.
    columns : sequence
        The data's columns.
    role : str
        What the column is for ("target", "sensitive", "id", "subject").
    where : str, default=""
        Which data ("training"), or "" for the data as a whole.

    Returns
    -------
    DataError
        One line: the column, a suggestion ("did you mean 'fac_race'?") when one
        is close, and all the columns.
    """
    names = [str(c) for c in columns]
    wanted = str(column)
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.6)
    if not close:
        close = [c for c in names if wanted.lower() in c.lower() or c.lower() == wanted.lower()][:1]
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    data = f"the {where} data" if where else "the data"
    listing = ", ".join(repr(printable(c, 100)) for c in names)
    return DataError(
        f"{role} column {printable(wanted, 100)!r} is not in {data}{hint}; its {len(names)} "
        f"columns are: {listing}"
    )


def split_xy(df: pd.DataFrame, target: str | None) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Separate the features from the target column.

    Parameters
    ----------
    df : pandas.DataFrame
        The data, features and target together.
    target : str or None
        The name of the target column, or None when the data has no target.

    Returns
    -------
    X : pandas.DataFrame
        All columns but the target.
    y : numpy.ndarray or None
        The target column's values, or None when ``target`` is None.

    Raises
    ------
    DataError
        ``target`` is not a column of ``df``; the message lists the columns
        and suggests a close match.
    """
    if target is None:
        return df, None
    if target not in df.columns:
        raise unknown_column(target, list(df.columns), "target")
    return df.drop(columns=[target]), df[target].to_numpy()


def concat_rows(parts: Sequence[Any]) -> Any:
    """Stack tables of records: one data frame if all are data frames, else one array.

    Parameters
    ----------
    parts : sequence of DataFrame or array-like
        Tables with the same columns.

    Returns
    -------
    DataFrame or ndarray
        Their rows in order (a fresh 0..n-1 index for data frames).
    """
    if all(isinstance(p, pd.DataFrame) for p in parts):
        return pd.concat(parts, ignore_index=True)
    return np.concatenate([np.asarray(p) for p in parts])


def drop_present(frame: Any, columns: Sequence[str | None]) -> Any:
    """A data frame without those of ``columns`` it has (``None`` entries and non-frames pass).

    Parameters
    ----------
    frame : DataFrame, array-like or None
        The table.
    columns : sequence of str or None
        Columns to leave out where present (ID, subject or target columns).

    Returns
    -------
    DataFrame, array-like or None
        The table without them; anything but a data frame is returned as is.
    """
    if not isinstance(frame, pd.DataFrame):
        return frame
    present = [c for c in columns if c is not None and c in frame.columns]
    return frame.drop(columns=present) if present else frame


def _row_hashes(X: Any) -> np.ndarray:
    """One 64-bit hash per row of a table (data frame or 2-D array)."""
    frame = X if isinstance(X, pd.DataFrame) else pd.DataFrame(np.asarray(X))
    return np.asarray(pd.util.hash_pandas_object(frame, index=False), dtype=np.uint64)


def check_disjoint(train: Any, holdout: Any, *, what: str = "holdout") -> None:
    """Refuse non-member data that repeats the training data beyond chance.

    Membership attacks compare members with non-members: given the training
    file again as ``--holdout``, every attack scores zero and the model looks
    anonymous. Identical rows happen by chance in real data (the same answers
    to a survey), so rows are counted as shared only beyond the rate at which
    the training data repeats its own rows.

    Parameters
    ----------
    train, holdout : DataFrame or 2-D array
        The members and the non-members, with the same columns, without IDs.
    what : str, default="holdout"
        How the message names the non-member data.

    Raises
    ------
    DataError
        More than 20% of the non-member rows are training rows, and more than
        ten times the training data's own rate of repeated rows.
    """
    try:
        members, others = _row_hashes(train), _row_hashes(holdout)
    except (TypeError, ValueError):  # unhashable cells: nothing to compare
        return
    if len(members) == 0 or len(others) == 0:
        return
    shared = float(np.isin(others, members).mean())
    repeats = 1.0 - len(np.unique(members)) / len(members)
    if shared > 0.2 and shared > 10 * repeats:
        raise DataError(
            f"{plural_of(round(shared * len(others)), 'row')} of the {what} data "
            f"({shared:.0%}) are rows of the training data (the training data repeats only "
            f"{repeats:.1%} of its own rows): the {what} data must be records the model was not "
            "fitted on; pass a held-out sample of the same population"
        )


def plural_of(n: int, word: str) -> str:
    """``"1 row"``, ``"2 rows"``."""
    return f"{n:,} {word if n == 1 else word + 's'}"


def check_ids(ids: Sequence[Any], column: str | None = None) -> None:
    """Refuse record IDs that are not unique.

    Parameters
    ----------
    ids : sequence
        The ID of every record.
    column : str, optional
        The column they were taken from, for the message.

    Raises
    ------
    DataError
        Some ID is repeated; the message gives the fix.
    """
    if len(set(ids)) != len(ids):
        where = f"the ID column {column!r} has repeated values: " if column is not None else ""
        raise DataError(
            f"{where}record IDs are not unique; choose an ID column with one value per record "
            "(for several records per person use --subject-column)"
        )


def check_labels(y: Any, where: str = "training", column: str | None = None) -> None:
    """Refuse labels with missing values.

    Parameters
    ----------
    y : array-like
        Labels or targets.
    where : str, default="training"
        Which data they belong to, for the message.
    column : str, optional
        The target column they were taken from, for the message.

    Raises
    ------
    DataError
        Some labels are missing; the message counts them and gives the fix.
    """
    arr = np.asarray(y)
    n = arr.shape[0] if arr.ndim else 1
    isna = np.asarray(pd.isna(pd.DataFrame(arr.reshape(n, -1)))).any(axis=1)
    missing = int(isna.sum())
    if missing:
        first = ", ".join(map(str, np.flatnonzero(isna)[:5].tolist()))
        what = (
            f"the target column {column!r} has {missing:,} missing value(s) in the {where} data"
            if column is not None
            else f"the labels of the {where} data have {missing:,} missing value(s)"
        ) + f" (first rows: {first})"
        raise DataError(
            f"{what}; drop those rows (the model was not fitted on records without a label)"
        )


def pop_column(
    df: pd.DataFrame, column: str, *, role: str = "target", where: str = "training"
) -> tuple[pd.DataFrame, np.ndarray]:
    """Split one named column off a table.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    column : str
        The column to take out.
    role : str, default="target"
        What the column is, for the error message ("target", "id").
    where : str, default="training"
        Which data the table is, for the error message.

    Returns
    -------
    rest : pandas.DataFrame
        The other columns.
    values : numpy.ndarray
        The column's values.

    Raises
    ------
    DataError
        ``column`` is not in ``df``; the message lists the columns and suggests a close match.
    """
    if column not in df.columns:
        raise unknown_column(column, list(df.columns), role, where)
    return df.drop(columns=[column]), _values(df[column])


def _values(col: pd.Series) -> np.ndarray:
    """A column's values; text as one Python string per distinct value, shared by its rows.

    ``to_numpy`` of a text column makes a Python string of every value: labels such
    as ``<=50K`` on a million rows held about 60 MB for two distinct strings, for
    the whole audit. The values are the same either way.
    """
    values = None
    if col.dtype == object or isinstance(col.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
        if 2 * len(uniques) <= len(codes) and (codes >= 0).all():
            distinct = np.asarray(uniques, dtype=object)
            if pd.api.types.infer_dtype(distinct, skipna=False) == "string":
                values = distinct[codes]
    return col.to_numpy() if values is None else values


def as_frame(X: Any) -> pd.DataFrame:
    """Turn features given as a data frame, an array or a list into a data frame.

    Parameters
    ----------
    X : pandas.DataFrame, pandas.Series, numpy.ndarray or list
        A data frame is returned as is; a series becomes a one-column frame; a
        2-D array or a list of rows becomes a frame with columns ``x0`` to
        ``x{n-1}``; a list of dicts becomes a frame with the dicts' keys as
        columns.

    Returns
    -------
    pandas.DataFrame
        The features as a frame.

    Raises
    ------
    DataError
        ``X`` is not 2-D or is of an unsupported type.
    """
    if isinstance(X, pd.DataFrame):
        return X
    if isinstance(X, pd.Series):
        return X.to_frame()
    if isinstance(X, list | tuple) and X and all(isinstance(row, Mapping) for row in X):
        return pd.DataFrame(list(X))
    if isinstance(X, np.ndarray | list | tuple):
        array = np.asarray(X)
        if array.ndim == 1:
            raise DataError(
                f"features must be 2-D (rows by columns), got a 1-D array of length "
                f"{array.shape[0]}; use X.reshape(-1, 1) for a single feature"
            )
        if array.ndim != 2:
            raise DataError(
                f"features must be 2-D (rows by columns), got an array of shape {array.shape}"
            )
        return pd.DataFrame(array, columns=[f"x{i}" for i in range(array.shape[1])])
    raise DataError(
        f"features of type {type(X).__module__}.{type(X).__qualname__} are not supported; "
        "pass a pandas DataFrame, a 2-D numpy array or a list of rows (convert sparse "
        "matrices with .toarray())"
    )
