"""Fit a table read from a file to the columns and dtypes the model was fitted on.

A CSV file is the same data as the DataFrame given to ``fit``, but it loses
two things that scikit-learn checks: the order of the columns and pandas'
``category`` dtype. :func:`fit_table_to_model` puts the columns in the model's
order (``feature_names_in_``) and gives text columns the ``category`` dtype
where a HistGradientBoosting model with ``categorical_features="from_dtype"``
expects it, and says so. :func:`text_where_numbers` then tries the model on a
few rows and turns "could not convert string to float" into a message naming
the columns and the fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy._text import printable
from modelprivacy.errors import DataError

__all__ = ["fit_table_to_model", "text_where_numbers"]

#: How many rows :func:`text_where_numbers` gives the model.
TRIAL_ROWS = 5


def _quoted(names: Sequence[object], most: int = 8) -> str:
    shown = ", ".join(f"'{printable(str(n), 60)}'" for n in list(names)[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def _from_dtype_model(model: Any) -> Any:
    """The HistGradientBoosting model that reads the table's columns by dtype, if any."""
    from sklearn.pipeline import Pipeline

    first = model
    while isinstance(first, Pipeline) and first.steps:
        step = first.steps[0][1]
        if step in (None, "passthrough"):
            return None
        first = step
    if getattr(first, "categorical_features", None) != "from_dtype":
        return None
    if not hasattr(first, "_preprocessor") or not hasattr(first, "feature_names_in_"):
        return None
    return first


def _dtype_categorical_columns(model: Any) -> dict[str, list[Any]]:
    """The columns a ``categorical_features="from_dtype"`` model encodes, with its categories."""
    hgb = _from_dtype_model(model)
    if hgb is None or hgb._preprocessor is None:
        return {}
    names = [str(n) for n in hgb.feature_names_in_]
    for name, encoder, columns in getattr(hgb._preprocessor, "transformers_", ()):
        if name != "encoder":
            continue
        mask = np.asarray(columns)
        if mask.dtype == bool and mask.shape == (len(names),):
            chosen = [n for n, m in zip(names, mask, strict=True) if m]
        else:
            chosen = [names[int(i)] for i in mask if 0 <= int(i) < len(names)]
        categories = getattr(encoder, "categories_", None)
        if categories is None or len(categories) != len(chosen):
            return {}
        return {
            column: [c for c in values if not pd.isna(c)]
            for column, values in zip(chosen, categories, strict=True)
        }
    return {}


def _is_text(series: pd.Series) -> bool:
    return bool(
        pd.api.types.is_object_dtype(series.dtype) or pd.api.types.is_string_dtype(series.dtype)
    ) and not isinstance(series.dtype, pd.CategoricalDtype)


def fit_table_to_model(
    model: Any, frame: pd.DataFrame, shown: str
) -> tuple[pd.DataFrame, list[str]]:
    """The table with the model's columns in its order and its category columns as categories.

    Parameters
    ----------
    model : estimator
        The fitted model.
    frame : DataFrame
        The table as read from the file (features, and any target, ID or
        subject column).
    shown : str
        The file, as notes name it.

    Returns
    -------
    frame : DataFrame
        The table, reordered and with text columns turned into categories
        where the model needs them; the input is not modified.
    notes : list of str
        One sentence per change, for the user.
    """
    notes: list[str] = []
    names = getattr(model, "feature_names_in_", None)
    if names is not None and set(map(str, names)) <= set(map(str, frame.columns)):
        wanted = [str(n) for n in names]
        present = [c for c in frame.columns if str(c) in set(wanted)]
        if [str(c) for c in present] != wanted:
            rest = [c for c in frame.columns if str(c) not in set(wanted)]
            frame = frame[wanted + rest]
            notes.append(
                f"the columns of {shown} are in another order than the model's; they were put "
                "in the model's order (feature_names_in_)"
            )
    categories = {
        c: values for c, values in _dtype_categorical_columns(model).items() if c in frame.columns
    }
    as_text = [c for c in categories if _is_text(frame[c])]
    if as_text:
        # The model's own categories, so that every table (training data, holdout,
        # population) has the same dtype and they can be pooled; a value the model
        # never saw is missing, as the model's encoder reads it anyway.
        frame = frame.copy()
        unseen = 0
        for column in as_text:
            values = frame[column]
            seen = values.isin(categories[column])
            unseen += int((values.notna() & ~seen).sum())
            frame[column] = pd.Categorical(values.where(seen), categories=categories[column])
        notes.append(
            f"{len(as_text)} text column{'s' if len(as_text) != 1 else ''} of {shown} "
            f"({_quoted(as_text)}) {'were' if len(as_text) != 1 else 'was'} given the pandas "
            "category dtype with the model's categories, as the model was fitted "
            "(categorical_features='from_dtype')"
            + (
                f"; {unseen} value{'s' if unseen != 1 else ''} that the model never saw "
                f"{'are' if unseen != 1 else 'is'} missing, as the model reads them"
                if unseen
                else ""
            )
        )
    return frame, notes


def text_where_numbers(
    model: Any, frame: pd.DataFrame, shown: str, *, other_columns: Sequence[str] = ()
) -> None:
    """Refuse a table whose text columns the model can only read as numbers.

    The model is given :data:`TRIAL_ROWS` rows of the features (the columns of
    ``feature_names_in_``, or all but ``other_columns``). When scikit-learn
    answers "could not convert string to float", the text columns are named
    with the fix.

    Parameters
    ----------
    model : estimator
        The fitted model.
    frame : DataFrame
        The table, after :func:`fit_table_to_model`.
    shown : str
        The file, as the message names it.
    other_columns : sequence of str
        Target, ID and subject columns, which are not features.

    Raises
    ------
    DataError
        The model was fitted on numbers where the table holds text.
    """
    names = getattr(model, "feature_names_in_", None)
    if names is not None:
        if not set(map(str, names)) <= set(map(str, frame.columns)):
            return  # missing columns are reported where the table is used
        features = frame[[str(n) for n in names]]
    else:
        features = frame.drop(columns=[c for c in other_columns if c in frame.columns])
    text = [str(c) for c in features.columns if _is_text(features[c])]
    if not text or not hasattr(model, "predict"):
        return
    try:
        model.predict(features.head(TRIAL_ROWS))
    except (ValueError, TypeError) as exc:
        message = str(exc)
        if "could not convert string to float" not in message and "dtype" not in message:
            return  # another problem, reported where the model is used
    else:
        return
    from_dtype = _from_dtype_model(model) is not None
    fix = (
        "give the data as a Parquet file that keeps the category dtype of the columns the "
        "model treats as categories"
        if from_dtype
        else "give the data exactly as it went into fit: the numeric codes the model was "
        "trained on (or save a Pipeline that encodes the text, and audit that)"
    )
    raise DataError(
        f"the model was fitted on numbers, but {shown} holds text in "
        f"{len(text)} column{'s' if len(text) != 1 else ''} ({_quoted(text)}); {fix}; "
        "see docs/data.md"
    )
