"""Loading tabular data: CSV, TSV and Parquet files, data frames and arrays.

Every problem with the data (missing or empty file, unknown format, unreadable
content, a target column that is not there) is a
:class:`~modelprivacy.errors.DataError` whose message names the problem and
what to do.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.errors import DataError

__all__ = ["SUPPORTED_DATA_FORMATS", "as_frame", "load_table", "split_xy"]

#: The file extensions :func:`load_table` reads.
SUPPORTED_DATA_FORMATS = (".csv", ".csv.gz", ".tsv", ".tsv.gz", ".parquet", ".pq")

_COMPRESSIONS = (".gz", ".bz2", ".xz", ".zip", ".zst")
_MAX_COLUMNS_SHOWN = 20


def _format_of(path: Path) -> str:
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
    shown = "".join(path.suffixes) or "no extension"
    raise DataError(
        f"unsupported data format ({shown}) for '{path}'; supported formats are "
        f"{', '.join(SUPPORTED_DATA_FORMATS)}: convert the data to one of them"
    )


def load_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a data table from a CSV, TSV or Parquet file.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.csv`` or ``.tsv`` file (optionally compressed: ``.csv.gz``...), or
        a ``.parquet`` / ``.pq`` file.

    Returns
    -------
    pandas.DataFrame
        The table, with the file's column names.

    Raises
    ------
    DataError
        The file is missing, a directory, empty, of an unsupported format,
        cannot be parsed, or has no rows.
    """
    name = os.fspath(path)
    file = Path(name)
    if not file.exists():
        raise DataError(
            f"data file '{name}' does not exist; check the path (relative paths start at "
            f"{os.getcwd()})"
        )
    if file.is_dir():
        raise DataError(f"'{name}' is a directory, not a data file; give the path of a file")
    fmt = _format_of(file)
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise DataError(f"data file '{name}' cannot be read: {exc.strerror}") from None
    if size == 0:
        raise DataError(f"data file '{name}' is empty (0 bytes); export the data again")
    try:
        if fmt == "parquet":
            frame = pd.read_parquet(file)
        else:
            frame = pd.read_csv(file, sep="\t" if fmt == "tsv" else ",")
    except pd.errors.EmptyDataError:
        raise DataError(
            f"data file '{name}' has no columns; export the data again with a header row"
        ) from None
    except PermissionError:
        raise DataError(
            f"data file '{name}' cannot be read: permission denied; check its permissions"
        ) from None
    except (ValueError, OSError, UnicodeDecodeError, ImportError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        kind = {"csv": "CSV", "tsv": "TSV", "parquet": "Parquet"}[fmt]
        raise DataError(
            f"data file '{name}' cannot be read as {kind} ({type(exc).__name__}: "
            f"{message[:160]}); check that it is a valid {kind} file"
        ) from None
    if frame.shape[0] == 0:
        raise DataError(f"data file '{name}' has a header but no rows; export the data again")
    return frame


def _columns_listing(columns: Sequence[Any]) -> str:
    shown = ", ".join(repr(str(c)) for c in columns[:_MAX_COLUMNS_SHOWN])
    rest = len(columns) - _MAX_COLUMNS_SHOWN
    return shown + (f" and {rest} more" if rest > 0 else "")


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
        (the first 20) and suggests a close match.
    """
    if target is None:
        return df, None
    if target not in df.columns:
        columns = [str(c) for c in df.columns]
        close = difflib.get_close_matches(target, columns, n=1)
        if not close:
            close = [c for c in columns if c.lower() == target.lower()][:1]
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise DataError(
            f"target column {target!r} is not in the data{hint}; its {len(columns)} "
            f"columns are: {_columns_listing(columns)}"
        )
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
    missing = int(pd.isna(pd.Series(np.asarray(y).ravel())).sum())
    if missing:
        what = (
            f"the target column {column!r} has {missing:,} missing value(s) in the {where} data"
            if column is not None
            else f"the labels of the {where} data have {missing:,} missing value(s)"
        )
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
        ``column`` is not in ``df``; the message lists the first 20 columns.
    """
    if column not in df.columns:
        cols = ", ".join(map(str, list(df.columns)[:20]))
        raise DataError(f"{role} column {column!r} is not in the {where} data; columns are: {cols}")
    return df.drop(columns=[column]), df[column].to_numpy()


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
