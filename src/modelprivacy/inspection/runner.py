"""Run every registered check on one model and collect an InspectionResult."""

from __future__ import annotations

import functools
import logging
import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy._text import describe_exception
from modelprivacy.errors import (
    DataError,
    ModelPrivacyError,
    NotFittedModelError,
    as_privacy_error,
)
from modelprivacy.findings import CheckError, Finding, InspectionResult, Skipped, sort_findings
from modelprivacy.inspection._base import CHECKS, PREFETCH, Context
from modelprivacy.inspection.checks import ORDER
from modelprivacy.inspection.data import TrainingData
from modelprivacy.inspection.walker import is_estimator, safe_getattr, walk
from modelprivacy.load.data import pop_column

__all__ = ["inspect", "versions"]

log = logging.getLogger(__name__)


def versions() -> dict[str, str]:
    """Versions of modelprivacy and of the libraries an inspection depends on."""
    return dict(_versions())


@functools.cache
def _versions() -> tuple[tuple[str, str], ...]:
    """Read once per process: each metadata lookup parses a package's METADATA file."""
    import sys

    out = [("python", platform.python_version())]
    for dist in ("modelprivacy", "scikit-learn", "numpy", "scipy", "pandas", "skops", "joblib"):
        module = sys.modules.get("sklearn" if dist == "scikit-learn" else dist)
        version = getattr(module, "__version__", None)  # imported: no METADATA to parse
        if isinstance(version, str):
            out.append((dist, version))
            continue
        try:
            out.append((dist, metadata.version(dist)))
        except metadata.PackageNotFoundError:
            out.append((dist, "not installed"))
    return tuple(out)


def _check_fitted(estimator: Any) -> None:
    if not is_estimator(estimator):
        raise ModelPrivacyError(
            f"the object to inspect is a {type(estimator).__name__}, not a model; pass a fitted estimator "
            "or a model file (.skops, .pkl, .joblib)"
        )
    try:
        from sklearn.base import BaseEstimator
        from sklearn.utils.validation import check_is_fitted

        if isinstance(estimator, BaseEstimator):
            check_is_fitted(estimator)
    except ModelPrivacyError:
        raise
    except Exception as exc:
        if type(exc).__name__ == "NotFittedError":
            raise NotFittedModelError(
                f"the {type(estimator).__name__} has not been fitted, so it carries no training data; "
                "inspect the model after calling fit (or save it after fitting)"
            ) from exc


def _prepare_data(
    estimator: Any,
    X: Any,
    y: Any,
    target: str | None,
    ids: Any,
    id_column: str | None,
) -> TrainingData | None:
    if X is None:
        if y is not None:
            raise DataError("y was given without X; pass the training features too")
        return None
    from modelprivacy.load.audit_data import Part

    if isinstance(X, pd.DataFrame) and id_column is not None:
        X, ids = pop_column(X, id_column, role="id")
    elif id_column is not None:
        raise DataError(
            "--target and --id-column need the training data as a table with column names"
        )
    part = Part.split(X, y, target=target)
    X, y, n = part.X, part.y, part.n
    if ids is not None:
        ids = np.asarray(ids)
        if ids.shape[0] != n:
            raise DataError(f"{ids.shape[0]:,} record IDs were given for {n:,} training rows")
    check_columns(estimator, X)
    data = TrainingData(X=X, y=y, ids=ids)
    data.bind(estimator)
    return data


def _nan_refusal(estimator: Any, X: Any) -> str | None:
    """Why the model refuses rows with missing values, or None when it takes them.

    The estimator tags say whether the estimator *itself* takes NaN, and are
    False for every Pipeline, whatever its first step (an imputer) does; so the
    model is asked: it predicts a few of the rows that have missing values.
    """
    from modelprivacy._text import one_line

    if isinstance(X, pd.DataFrame):
        rows = X[X.isna().any(axis=1)].head(5)
    else:
        arr = np.asarray(X, dtype=float)
        rows = arr[np.isnan(arr.reshape(arr.shape[0], -1)).any(axis=1)][:5]
    method = next(
        (
            getattr(estimator, name)
            for name in ("predict", "transform", "decision_function", "predict_proba")
            if callable(safe_getattr(estimator, name))
        ),
        None,
    )
    if method is None:
        return None
    try:
        method(rows)
    except ValueError as exc:
        text = str(exc)
        if "NaN" in text or "nan" in text.lower() or "missing" in text.lower():
            return one_line(text.splitlines()[0] if text else "ValueError", 160)
        return None  # another problem: the attacks will name it
    except Exception:
        return None
    return None


def check_columns(estimator: Any, X: Any, where: str = "training") -> None:
    """Refuse data whose columns or missing values do not fit the model.

    Parameters
    ----------
    estimator : estimator
        The fitted model.
    X : array-like
        Its input: the data without the target, ID and subject columns.
    where : str, default="training"
        Which data it is, for the message ("training", "holdout", "population").

    Raises
    ------
    DataError
        Missing or extra columns, a different number of columns, or missing
        values the model cannot take; the message names them and the fix.
    """
    names = safe_getattr(estimator, "feature_names_in_")
    if names is not None and isinstance(X, pd.DataFrame):
        missing = [str(c) for c in names if c not in X.columns]
        if missing:
            shown = ", ".join(missing[:10]) + (", ..." if len(missing) > 10 else "")
            raise DataError(
                f"the {where} data lacks {len(missing)} column(s) the model was fitted on: {shown}; "
                "pass the data exactly as it went into fit (and name the label with --target)"
            )
        extra = [str(c) for c in X.columns if c not in set(names)]
        if extra:
            raise DataError(
                f"the {where} data has column(s) the model was not fitted on: {', '.join(extra[:10])}; "
                "name the label column with --target, the ID column with --id-column, or drop the others"
            )
    n_in = safe_getattr(estimator, "n_features_in_")
    if (
        isinstance(n_in, (int, np.integer))
        and hasattr(X, "shape")
        and len(X.shape) == 2
        and X.shape[1] != n_in
    ):
        raise DataError(
            f"the {where} data has {X.shape[1]} columns but the model was fitted on {int(n_in)}; "
            "pass the data exactly as it went into fit (and name the label with --target)"
        )
    if isinstance(X, pd.DataFrame):
        num = X.select_dtypes(include="number")
        nan_cols = [str(c) for c in num.columns if num[c].isna().any()]
    elif hasattr(X, "dtype") and np.asarray(X).dtype.kind == "f":
        arr = np.asarray(X)
        nan_cols = [
            f"x{j}" for j in np.flatnonzero(np.isnan(arr.reshape(arr.shape[0], -1)).any(axis=0))
        ]
    else:
        nan_cols = []
    if nan_cols:
        refusal = _nan_refusal(estimator, X)
        if refusal is not None:
            raise DataError(
                f"the {where} data has missing values (NaN) in column(s) {', '.join(nan_cols[:10])}, "
                f"and the {type(estimator).__name__} refuses them ({refusal}); pass the data exactly "
                "as it went into fit (after imputation, if it was imputed before fit)"
            )


#: Build the forest of a tree model on a background thread while the model is walked
_EARLY_FOREST = True


def _start_forest(estimator: Any, data: TrainingData | None) -> tuple[Any, Any] | None:
    """Start matching the forest of the model (or of a Pipeline's last step) to the data.

    Regenerating a bagging forest's in-bag samples is most of that work, and
    numpy draws them without the GIL: started before the walk, it overlaps
    the walk and the first checks. Returns ``(tree model, future)`` or None.
    """
    if data is None or not _EARLY_FOREST:
        return None
    from concurrent.futures import ThreadPoolExecutor

    from modelprivacy.models.trees import forest_of, is_tree_model

    model = estimator
    steps = safe_getattr(estimator, "steps")
    if type(estimator).__name__ == "Pipeline" and isinstance(steps, list) and steps:
        last = steps[-1]
        model = last[1] if isinstance(last, tuple) and len(last) == 2 else None
    try:
        if model is None or not is_tree_model(model):
            return None
    except Exception:  # the check asks again and reports
        return None
    n = data.n
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="modelprivacy-forest")
    try:
        return model, pool.submit(forest_of, model, n)
    finally:
        pool.shutdown(wait=False)


def inspect(
    model: Any,
    X: Any = None,
    y: Any = None,
    *,
    target: str | None = None,
    ids: Any = None,
    id_column: str | None = None,
    k: int = 10,
    show_values: bool = False,
    trust: bool = False,
    seed: int = 0,
    debug: bool = False,
) -> InspectionResult:
    """Inspect what of its training data a fitted model carries.

    Parameters
    ----------
    model : estimator or path-like
        A fitted estimator, or the path of a model file (``.skops``, pickle,
        joblib), which is loaded without executing untrusted code.
    X : DataFrame or array-like, optional
        The training data exactly as it went into ``fit`` (raw, for a
        Pipeline). With it every finding is confirmed and counted in records.
    y : array-like, optional
        The training target.
    target : str, optional
        Name of the target column in ``X`` (a DataFrame), instead of ``y``.
    ids : array-like, optional
        One record ID per training row (row positions by default).
    id_column : str, optional
        Name of a column of ``X`` holding record IDs (dropped before matching).
    k : int, default=10
        Groups of fewer than ``k`` records single people out.
    show_values : bool, default=False
        Show raw values in examples (they are redacted by default).
    trust : bool, default=False
        Load a model file with plain pickle even if it refers to types outside
        the allowlist. Only for files from a trusted source.
    seed : int, default=0
        Recorded in the result; inspection itself is deterministic.
    debug : bool, default=False
        Re-raise a check's exception instead of recording it.

    Returns
    -------
    InspectionResult
        Findings sorted by severity, skipped items, check errors, versions.

    Raises
    ------
    ModelPrivacyError
        For a model file that cannot be loaded safely, an unfitted model, or
        data that does not match the model. Nothing else leaves this function
        (apart from ``ValueError`` for a bad ``k``, and a check's own
        exception with ``debug=True``): a ``RecursionError``, ``MemoryError``
        or ``NotImplementedError`` raised by the model's objects becomes a
        :class:`~modelprivacy.errors.ModelLoadError` or a
        :class:`~modelprivacy.errors.DataError` with a one-line message.
        Parts of the model that cannot be walked are listed in
        ``result.skipped``; a check that fails is listed in ``result.errors``.
    """
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 2:
        raise ValueError(f"The 'k' parameter of inspect must be an int >= 2. Got {k!r} instead.")
    source: str | None = None
    if isinstance(model, (str, os.PathLike)):
        from modelprivacy.load import load_model

        try:
            loaded = load_model(Path(model), trust=trust)
        except ModelPrivacyError:
            raise
        except Exception as exc:
            raise as_privacy_error(exc, f"model file '{model}' could not be loaded") from exc
        estimator = loaded.estimator
        source = str(model)
        load_notes = loaded.notes
    else:
        estimator = model
        load_notes = ()
    _check_fitted(estimator)
    try:
        data = _prepare_data(estimator, X, y, target, ids, id_column)
    except ModelPrivacyError:
        raise
    except Exception as exc:
        raise as_privacy_error(
            exc,
            "the training data could not be matched to the model",
            DataError,
            "pass the data exactly as it went into fit",
        ) from exc
    early = _start_forest(estimator, data)
    notes: list[tuple[str, str]] = []
    try:
        nodes = list(walk(estimator, notes))
    except ModelPrivacyError:
        raise
    except Exception as exc:  # walk contains its failures; this is the last line of defence
        raise as_privacy_error(exc, "the model could not be walked") from exc
    ctx = Context(root=estimator, nodes=nodes, data=data, k=int(k), show_values=show_values)
    if early is not None:
        ctx.start_forest(*early)
    findings: list[Finding] = []
    errors: list[CheckError] = []
    for check_id in ORDER:
        start = PREFETCH.get(check_id)
        if start is not None:
            try:
                start(ctx)
            except Exception as exc:  # the check does the work itself, and reports a failure
                if debug:
                    raise
                log.debug("prefetch for %s failed: %s", check_id, describe_exception(exc))
    for check_id in ORDER:
        check = CHECKS[check_id]
        try:
            findings.extend(check.func(ctx))
        except Exception as exc:
            if debug:
                raise
            message = describe_exception(exc)
            log.warning("check %s failed: %s", check_id, message)
            errors.append(CheckError(check_id, message))
    skipped = [Skipped(f"part of the model at {path}", reason) for path, reason in notes]
    if data is None:
        skipped.append(
            Skipped(
                "confirmation against the training data",
                "no training data was given: findings come from what known estimators store and "
                "are not counted in people (pass the training data to confirm and count them)",
            )
        )
    elif data.y is None:
        skipped.append(
            Skipped(
                "labels and targets",
                "no target was given (--target): stored labels are not confirmed",
            )
        )
    return InspectionResult(
        model=type(estimator).__name__,
        findings=sort_findings(findings),
        skipped=tuple(skipped),
        errors=tuple(errors),
        source=source,
        n_train=data.n if data is not None else None,
        k=int(k),
        seed=seed,
        versions=versions(),
        show_values=show_values,
        nodes_walked=len(nodes),
        load_notes=load_notes,
    )
