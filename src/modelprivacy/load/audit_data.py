"""The data of one audit, validated once: :class:`AuditData`.

An audit takes up to three tables (the training data, a holdout of
non-members, more population records) and names columns in them: the target,
record IDs, the person of each record, sensitive attributes. Each check used
to split these tables itself. :meth:`AuditData.build` does it once, here:

- a path is read with :func:`~modelprivacy.load.data.load_table` (bounded,
  never executed), anything else becomes a table;
- the target, ID and subject columns are split off every table that has them,
  and each check gets features (``X``) and labels (``y``) apart;
- IDs must be unique and complete, labels free of missing values, the
  holdout and population must have the training data's feature columns, and
  sensitive columns must be features of the training data, not the target.

Every problem is a :class:`~modelprivacy.errors.DataError` with one line that
names the column or table and the fix, raised before any check runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.errors import DataError
from modelprivacy.load.data import check_ids, check_labels, pop_column, unknown_column

__all__ = ["AuditData", "Part"]


@dataclass(frozen=True)
class Part:
    """One table of an audit, split into features and labels.

    Attributes
    ----------
    name : str
        ``"training"``, ``"holdout"`` or ``"population"`` (for messages).
    X : DataFrame or ndarray
        The features, as the model takes them (target, ID and subject columns
        removed).
    y : ndarray or None
        The labels, when the target column was named and present.
    """

    name: str
    X: Any
    y: np.ndarray | None

    @property
    def n(self) -> int:
        """Number of records."""
        return int(self.X.shape[0]) if hasattr(self.X, "shape") else len(self.X)

    @classmethod
    def split(
        cls,
        data: Any,
        y: Any = None,
        *,
        target: str | None = None,
        name: str = "training",
        need_y: bool = False,
    ) -> Part:
        """Features and labels of one table: the target column split off, or ``y`` beside it.

        Parameters
        ----------
        data : DataFrame or array-like
            The table.
        y : array-like, optional
            The labels, when ``data`` has no target column.
        target : str, optional
            The label column of ``data`` (a DataFrame).
        name : str, default="training"
            Which data it is, for messages.
        need_y : bool, default=False
            Refuse a table without labels.

        Returns
        -------
        Part
            The features and the checked labels.

        Raises
        ------
        DataError
            A missing target column, labels with missing values, or a label
            count that differs from the row count.
        """
        if isinstance(data, pd.DataFrame) and target is not None:
            data, y = pop_column(data, target, where=name)
        elif target is not None:
            raise DataError(
                f"the target column {target!r} needs the {name} data as a table with column "
                f"names; pass the labels as y_{name if name != 'training' else 'train'} instead"
            )
        n = _n_rows(data)
        if n == 0:
            raise DataError(f"the {name} data has no rows; pass the records it should have")
        if y is not None:
            y = np.asarray(y)
            if y.shape[0] != n:
                raise DataError(
                    f"the {name} data has {n:,} rows but {y.shape[0]:,} labels; pass one label per row"
                )
            check_labels(y, name, column=target)
        elif need_y:
            raise DataError(
                f"the {name} data has no label: name the target column (--target, target=) "
                "or pass the labels"
            )
        return cls(name=name, X=data, y=y)


def _table(data: Any, name: str) -> Any:
    """A table from a frame, an array, a path, or anything :class:`pandas.DataFrame` takes."""
    if data is None or isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, np.ndarray):
        if data.ndim != 2:
            raise DataError(
                f"the {name} data must be a table (2-D array or DataFrame); got shape {data.shape}"
            )
        return data
    if isinstance(data, str | Path):
        from modelprivacy.load import load_table

        return load_table(data)
    try:
        return pd.DataFrame(data)
    except Exception as exc:
        raise DataError(
            f"the {name} data is a {type(data).__name__}, not a table; pass a DataFrame, a 2-D "
            "array or a path to a CSV or Parquet file"
        ) from exc


def _n_rows(table: Any) -> int:
    return int(table.shape[0]) if hasattr(table, "shape") else len(table)


@dataclass(frozen=True)
class AuditData:
    """The tables and column roles of one audit, validated once.

    Attributes
    ----------
    train, holdout, population : Part or None
        Members, non-members, and more population records.
    target : str or None
        The label column.
    sensitive : tuple
        Columns for attribute inference.
    id_column, subject_column : str or None
        The columns of record IDs and of the person of each record.
    ids : tuple or None
        The record ID of each training record, when an ID column was named.
    subjects : tuple or None
        The person of each training record, when a subject column was named.
    """

    train: Part | None = None
    holdout: Part | None = None
    population: Part | None = None
    target: str | None = None
    sensitive: tuple[Any, ...] = ()
    id_column: str | None = None
    subject_column: str | None = None
    ids: tuple[Any, ...] | None = None
    subjects: tuple[Any, ...] | None = None

    @classmethod
    def build(
        cls,
        train: Any = None,
        holdout: Any = None,
        population: Any = None,
        *,
        target: str | None = None,
        sensitive: Sequence[Any] = (),
        id_column: str | None = None,
        subject_column: str | None = None,
        model: Any = None,
    ) -> AuditData:
        """Read, split and validate the tables of an audit.

        Parameters
        ----------
        train, holdout, population : DataFrame, ndarray, path or None
            The training data (members), a holdout of non-members from the
            same population, and more population records.
        target : str, optional
            The label column, in every table that has it (the holdout must).
        sensitive : sequence
            Feature columns to attack with attribute inference.
        id_column, subject_column : str, optional
            Columns of the training data with record IDs and with the person of
            each record; dropped from the other tables where present.
        model : estimator, optional
            The fitted model: every table's features must then be the columns
            it was fitted on (missing values only where it takes them).

        Returns
        -------
        AuditData
            The validated data.

        Raises
        ------
        DataError
            On a missing or repeated column, missing labels, duplicate IDs,
            a holdout without the training data, or tables whose columns
            differ.
        """
        if isinstance(sensitive, str | int):
            sensitive = [sensitive]
        sensitive = tuple(sensitive)
        train_t = _table(train, "training")
        holdout_t = _table(holdout, "holdout")
        population_t = _table(population, "population")
        if holdout_t is not None and train_t is None:
            raise DataError("--holdout needs --train: give the training data too")
        if population_t is not None and train_t is None:
            raise DataError("--population needs --train: give the training data too")
        if sensitive and (train_t is None or holdout_t is None):
            raise DataError(
                "--sensitive needs --train and --holdout (attribute inference compares them)"
            )
        if holdout_t is not None and target is None:
            raise DataError("the attacks need the label: name the target column with --target")
        named = [c for c in (target, id_column, subject_column) if c is not None]
        if len(set(named)) < len(named):
            raise DataError(
                "the target, ID and subject columns must be different columns; "
                f"got {', '.join(map(repr, named))}"
            )
        if train_t is None:
            return cls(
                target=target,
                sensitive=sensitive,
                id_column=id_column,
                subject_column=subject_column,
            )
        if _n_rows(train_t) == 0:
            raise DataError("the training data has no rows; pass the data the model was fitted on")
        frame = isinstance(train_t, pd.DataFrame)
        if not frame and any(c is not None for c in named):
            raise DataError(
                "--target, --id-column and --subject-column need the training data as a table "
                "with column names"
            )
        ids = subjects = None
        if frame and id_column is not None:
            train_t, id_values = pop_column(train_t, id_column, role="id", where="training")
            ids = tuple(id_values.tolist())
            check_ids(ids, id_column)
        if frame and subject_column is not None:
            train_t, subj = pop_column(train_t, subject_column, role="subject", where="training")
            if pd.isna(subj).any():
                raise DataError(
                    f"the subject column {subject_column!r} has missing values; name the person "
                    "of every training record"
                )
            subjects = tuple(subj.tolist())
        train_part = _part(train_t, target, "training", need_target=False)
        if model is not None:
            _fits(model, train_part)
        parts: dict[str, Part | None] = {"holdout": None, "population": None}
        for name, table in (("holdout", holdout_t), ("population", population_t)):
            if table is None:
                continue
            if _n_rows(table) == 0:
                raise DataError(f"the {name} data has no rows; pass records or leave it out")
            if isinstance(table, pd.DataFrame):
                table = table.drop(
                    columns=[c for c in (id_column, subject_column) if c in table.columns]
                )
            # the attacks need the labels of the holdout and of the population; without a
            # holdout the population only counts outsiders in leaf boxes
            if name == "population" and holdout_t is None:
                if isinstance(table, pd.DataFrame) and target in table.columns:
                    table = table.drop(columns=[target])
                part = Part(name=name, X=table, y=None)
            else:
                part = _part(table, target, name, need_target=True)
            if model is not None:
                _fits(model, part)
            parts[name] = aligned(part, train_part)
        for s in sensitive:
            if target is not None and s == target:
                raise DataError(
                    f"sensitive column {s!r} is the target: attribute inference guesses a feature "
                    "the attacker does not know; pass a feature column as sensitive"
                )
            if isinstance(train_part.X, pd.DataFrame) and s not in train_part.X.columns:
                raise unknown_column(s, list(train_part.X.columns), "sensitive", "training")
        if len(set(map(repr, sensitive))) < len(sensitive):
            raise DataError("a sensitive column is given twice; pass each column once")
        return cls(
            train=train_part,
            holdout=parts["holdout"],
            population=parts["population"],
            target=target,
            sensitive=sensitive,
            id_column=id_column,
            subject_column=subject_column,
            ids=ids,
            subjects=subjects,
        )

    @property
    def n_train(self) -> int | None:
        """Number of training records, or ``None`` without training data."""
        return self.train.n if self.train is not None else None

    def ids_array(self) -> np.ndarray | None:
        """The record IDs as an object array, or ``None``."""
        return np.asarray(self.ids, dtype=object) if self.ids is not None else None


def _part(table: Any, target: str | None, name: str, *, need_target: bool) -> Part:
    """Split the target off ``table`` (when it has it) and check the labels."""
    if not isinstance(table, pd.DataFrame) and not need_target:
        return Part(name=name, X=table, y=None)
    return Part.split(table, target=target, name=name)


def _fits(model: Any, part: Part) -> None:
    """Refuse a table whose columns do not fit the model."""
    from modelprivacy.inspection.runner import check_columns

    check_columns(model, part.X, where=part.name)


def aligned(part: Part, train: Part) -> Part:
    """``part`` with the training features' columns, in their order.

    Raises
    ------
    DataError
        If ``part`` lacks a training column, or has another number of columns.
    """
    X, ref = part.X, train.X
    if isinstance(X, pd.DataFrame) and isinstance(ref, pd.DataFrame):
        missing = [c for c in ref.columns if c not in X.columns]
        if missing:
            raise DataError(
                f"the {part.name} data lacks column(s) of the training data: "
                f"{', '.join(map(str, missing[:10]))}; give records with the same columns"
            )
        if list(X.columns) != list(ref.columns):
            X = X[list(ref.columns)]
        return Part(name=part.name, X=X, y=part.y)
    width = X.shape[1] if hasattr(X, "shape") and len(X.shape) == 2 else None
    ref_width = ref.shape[1] if hasattr(ref, "shape") and len(ref.shape) == 2 else None
    if width is not None and ref_width is not None and width != ref_width:
        raise DataError(
            f"the {part.name} data has {width} columns but the training data has {ref_width}; "
            "give records with the same columns"
        )
    return Part(name=part.name, X=X, y=part.y)
