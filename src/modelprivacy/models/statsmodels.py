"""statsmodels results: what a fitted results object keeps of its training data.

A results object (``OLS(...).fit()``, ``Logit``, ``GLM``, and the formula
models of ``statsmodels.formula.api``) is a wrapper whose ``_results`` holds the
fitted model, whose ``data`` keeps:

- ``exog`` and ``endog``: the whole design matrix and target, one row per
  training record (also ``wexog``/``wendog``, the same for unweighted models);
- for formula models, ``frame``: the whole DataFrame passed to the formula,
  with its index and the columns the formula does not use. It stays after
  ``remove_data()``, as do ``orig_exog`` and ``orig_endog``;
- ``row_labels``: the DataFrame's index, often record IDs.

and whose ``_cache`` fills with per-record arrays as they are asked for
(``resid``, ``fittedvalues``, ``resid_pearson``, influence measures).

The walker reaches all of them through ``__dict__``; two walk hooks make them
readable by the checks:

- on ``statsmodels.base.data.ModelData``: ``frame_features``, the numeric
  columns of the formula frame other than the target, in the frame's order
  (so ``inspect(results, df, target="y")`` matches them row by row, MP-S101),
  ``frame_target``, the target column(s) of the frame (MP-S108), and
  ``row_labels`` as an array (MP-S102);
- on ``statsmodels.base.model.Results``: every array of ``_cache`` under its
  own name (``resid``, ``fittedvalues``), so MP-S102 names what it is.

The knowledge tables (:mod:`modelprivacy.inspection.knowledge`) describe them;
``exog`` of a formula model (the design matrix with its intercept and
encodings, not the table as given) is reported from the frame instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from modelprivacy.errors import ModelPrivacyError
from modelprivacy.models._native import NativeModel, Task
from modelprivacy.models._registry import Stored, register_estimator, register_walk_hook

__all__ = ["FRAME_FEATURES", "FRAME_TARGET", "StatsmodelsModel", "as_estimator", "is_formula_model"]

#: What statsmodels results store about the training data (``docs/libraries.md`` is generated from it).
STORES = (
    Stored(
        "model.exog",
        "the results pickle (results.save)",
        "the whole training set: every row of the design matrix",
        "MP-S101",
        "tests/inspection/test_statsmodels.py",
    ),
    Stored(
        "model.endog",
        "the results pickle (results.save)",
        "every training record's target",
        "MP-S108",
        "tests/inspection/test_statsmodels.py",
    ),
    Stored(
        "model.data.frame",
        "formula models",
        "the whole DataFrame passed, columns the formula does not use and its index included; "
        "it stays after remove_data()",
        "MP-S101",
        "tests/inspection/test_statsmodels.py",
    ),
    Stored(
        "resid, fittedvalues, influence",
        "the results' cache",
        "one value per training record",
        "MP-S102",
        "tests/inspection/test_statsmodels.py",
    ),
    Stored(
        "row_labels",
        "the data's index",
        "the records' IDs",
        "MP-S102",
        "tests/inspection/test_statsmodels.py",
    ),
    Stored(
        "model class, family, link, formula",
        "results.model",
        "what reference models are refit with; per-record offsets and weights are left out",
        "MP-L201",
        "tests/models/test_native_estimators.py",
    ),
)


#: Name of the hook's matrix of the formula frame's numeric feature columns.
FRAME_FEATURES = "frame_features"
#: Name of the hook's array of the formula frame's target column(s).
FRAME_TARGET = "frame_target"


def is_formula_model(model: object) -> bool:
    """Whether a statsmodels model was built from a formula (it keeps the whole frame).

    Parameters
    ----------
    model : object
        A statsmodels model (``results.model``).

    Returns
    -------
    bool
        True when the model records a formula.
    """
    try:
        state = vars(model)
    except TypeError:
        return False
    return isinstance(state.get("formula"), str)


def _endog_names(data: Any) -> list[str]:
    try:
        names = data.ynames  # statsmodels' own property, from orig_endog
    except Exception:
        return []
    if isinstance(names, str):
        return [names]
    if isinstance(names, (list, tuple)):
        return [str(n) for n in names]
    return []


@register_walk_hook("statsmodels.base.data.ModelData")
def _data_hook(data: Any) -> Iterable[tuple[str, Any]]:
    import pandas as pd

    state = getattr(data, "__dict__", {})
    out: list[tuple[str, Any]] = []
    frame = state.get("frame")
    if isinstance(frame, pd.DataFrame) and frame.shape[0]:
        targets = [c for c in _endog_names(data) if c in frame.columns]
        numeric = frame.select_dtypes(include=["number", "bool"])
        features = numeric.drop(columns=[c for c in targets if c in numeric.columns])
        if features.shape[1]:
            out.append((FRAME_FEATURES, features.to_numpy(dtype=np.float64, na_value=np.nan)))
        if targets:
            out.append((FRAME_TARGET, frame[targets].to_numpy().reshape(frame.shape[0], -1)))
    cache = state.get("_cache")
    labels = cache.get("row_labels") if isinstance(cache, dict) else None
    if isinstance(labels, pd.Index) and len(labels):
        out.append(("row_labels", labels.to_numpy()))
    return out


@register_walk_hook("statsmodels.base.model.Results")
def _results_hook(results: Any) -> Iterable[tuple[str, Any]]:
    cache = getattr(results, "__dict__", {}).get("_cache")
    if not isinstance(cache, dict):
        return []
    return [
        (str(name), value)
        for name, value in cache.items()
        if isinstance(name, str) and isinstance(value, np.ndarray) and value.size
    ]


# -- a results object as an estimator the attacks query and refit ---------------------------

_BINARY = frozenset({"Logit", "Probit"})
_MULTICLASS = frozenset({"MNLogit"})
_REGRESSION = frozenset({"OLS", "Poisson", "NegativeBinomial", "GeneralizedPoisson"})
#: Per-record arguments of a model: tied to the training rows, never carried into a refit.
_PER_RECORD = ("offset", "exposure", "weights", "freq_weights", "var_weights", "n_trials")


class StatsmodelsModel(NativeModel):
    """A statsmodels results object as an estimator: its own ``predict``; refit by its model class.

    ``params`` holds ``model``, the model class, ``family`` (GLM), ``formula``
    (a formula model, refit with ``from_formula`` on the rows given),
    ``endog_name`` and ``constant``: the position of the intercept column
    that :func:`statsmodels.api.add_constant` added, which the records given
    to :meth:`fit` and :meth:`predict` lack, or -1.
    """

    library = "statsmodels"

    def _design(self, X: Any) -> Any:
        p = self.params or {}
        if p.get("formula"):
            import pandas as pd

            return X if isinstance(X, pd.DataFrame) else pd.DataFrame(X)
        A = np.asarray(X, dtype=np.float64)
        const = int(p.get("constant", -1))
        if const >= 0 and A.shape[1] == int(p.get("k_exog", 0)) - 1:
            A = np.insert(A, const, 1.0, axis=1)
        return A

    def _train(self, X: Any, y: np.ndarray) -> Any:
        p = self.params or {}
        cls = p["model"]
        kwargs: dict[str, Any] = {}
        if p.get("family") is not None:
            family, link = p["family"]
            kwargs["family"] = family(link=link())
        if p.get("formula"):
            data = self._design(X).copy()
            data[p["endog_name"]] = y
            model = cls.from_formula(p["formula"], data=data, **kwargs)
        else:
            model = cls(np.asarray(y, dtype=np.float64), self._design(X), **kwargs)
        import warnings

        with warnings.catch_warnings():  # convergence and separation warnings of small refits
            warnings.simplefilter("ignore")
            fitted = model.fit(disp=0) if "disp" in _fit_arguments(model) else model.fit()
        return fitted

    def _raw(self, X: Any) -> np.ndarray:
        return np.asarray(self._fitted().predict(self._design(X)), dtype=np.float64)


def _fit_arguments(model: Any) -> tuple[str, ...]:
    import inspect

    try:
        return tuple(inspect.signature(model.fit).parameters)
    except (TypeError, ValueError):
        return ()


@register_estimator("statsmodels.base.wrapper.ResultsWrapper", "statsmodels.base.model.Results")
def as_estimator(results: Any) -> StatsmodelsModel:
    """A statsmodels results object as an estimator the attacks query and refit.

    Parameters
    ----------
    results : statsmodels results or results wrapper
        The fitted model.

    Returns
    -------
    StatsmodelsModel
        Answers with ``results.predict``; refits the same model class (and
        GLM family and link, or formula) on the rows given, without the
        per-record offsets and weights of the training rows.

    Raises
    ------
    ModelPrivacyError
        For a model class the attacks do not know (time series, mixed models).
    """
    from statsmodels.genmod.generalized_linear_model import GLM

    model = results.model
    name = type(model).__name__
    notes: list[str] = []
    family = None
    task: Task
    n_classes = 2
    if isinstance(model, GLM):
        fam = model.family
        family = (type(fam), type(fam.link))
        binary = type(fam).__name__ == "Binomial" and np.asarray(model.endog).ndim == 1
        task = "binary" if binary else "regression"
    elif name in _BINARY:
        task = "binary"
    elif name in _MULTICLASS:
        task = "multiclass"
        n_classes = int(getattr(model, "J", 0)) or int(np.asarray(results.params).shape[1]) + 1
    elif name in _REGRESSION:
        task = "regression"
    else:
        raise ModelPrivacyError(
            f"a statsmodels {name[:40]} is not a model the attacks know (OLS, Logit, Probit, "
            "MNLogit, Poisson, NegativeBinomial, GLM); pass predict= and fit_fn= to attack it as "
            "a black box"
        )
    try:
        init = model._get_init_kwds()
    except Exception:
        init = {}
    for key in _PER_RECORD:
        value = init.get(key)
        if value is not None and not np.all(np.asarray(value, dtype=np.float64) == 1.0):
            notes.append(
                f"the model's {key} (one value per training row) is not used by the reference "
                "models, which are fitted on other rows"
            )
    formula = getattr(model, "formula", None)
    const = getattr(getattr(model, "data", None), "const_idx", None)
    exog = getattr(model, "exog", None)
    params = {
        "model": type(model),
        "family": family,
        "formula": str(formula) if formula is not None else None,
        "endog_name": str(getattr(model, "endog_names", "y")),
        "constant": int(const) if const is not None and formula is None else -1,
        "k_exog": int(np.asarray(exog).shape[1]) if exog is not None else 0,
    }
    out = StatsmodelsModel(params=params, rounds=1, task=task, n_classes=n_classes)
    out.refit_notes = tuple(notes)
    out._adopt(results)
    return out
