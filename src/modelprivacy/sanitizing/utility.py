"""Compare the predictive utility of a model before and after sanitisation."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["utility"]


def _scores(model: Any, X: Any, y: Any) -> dict[str, float | None]:
    from sklearn.base import is_classifier
    from sklearn.metrics import accuracy_score, r2_score, roc_auc_score

    if not is_classifier(model):
        return {"r2": float(r2_score(y, model.predict(X)))}
    out: dict[str, float | None] = {"accuracy": float(accuracy_score(y, model.predict(X)))}
    auc: float | None = None
    if hasattr(model, "predict_proba"):
        try:
            proba = np.asarray(model.predict_proba(X))
            classes = np.asarray(model.classes_)
            if classes.size == 2:
                auc = float(roc_auc_score(np.asarray(y) == classes[1], proba[:, 1]))
            else:
                auc = float(roc_auc_score(y, proba, multi_class="ovr", labels=classes))
        except (ValueError, AttributeError):
            auc = None  # one class in y_holdout, or no probabilities
    out["roc_auc"] = auc
    return out


def utility(before: Any, after: Any, X_holdout: Any, y_holdout: Any) -> dict[str, Any]:
    """Score two models on the same holdout data.

    Parameters
    ----------
    before, after : estimator
        The original and the sanitised model (fitted, same task).
    X_holdout : DataFrame or array-like
        Records that were not used for training.
    y_holdout : array-like
        Their labels or targets.

    Returns
    -------
    dict
        ``task`` (``"classification"`` or ``"regression"``), ``before`` and
        ``after`` (dicts of ``accuracy`` and ``roc_auc`` for classifiers, with
        ROC AUC on ``predict_proba[:, 1]`` for two classes and one-vs-rest for
        more, ``None`` when unavailable; ``r2`` for regressors), and
        ``change`` (after minus before, per metric).
    """
    from sklearn.base import is_classifier

    b = _scores(before, X_holdout, y_holdout)
    a = _scores(after, X_holdout, y_holdout)
    change = {
        key: (None if b[key] is None or a.get(key) is None else float(a[key] - b[key]))  # type: ignore[operator]
        for key in b
    }
    return {
        "task": "classification" if is_classifier(before) else "regression",
        "before": b,
        "after": a,
        "change": change,
    }
