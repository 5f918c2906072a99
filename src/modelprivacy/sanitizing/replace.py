"""Choose the replacement of a model that is its training data by re-auditing candidates.

A k-NN, SVM or Gaussian process stores training rows; ``sanitize(...,
replace=True)`` swaps it (or the last step of its Pipeline) for a model that
stores none. Which one is not guessed: every candidate of :func:`candidates`
is fitted on the same data (the Pipeline's preprocessing kept) and audited
like the original, with few reference models (K=4) and the same seed, and
:func:`choose_replacement` keeps, among the candidates with no criterion worse
than the original, the one of lowest risk whose holdout utility is within
:data:`UTILITY_SLACK` of the best (then the best utility). When every candidate is worse
under some criterion, the least worse is kept and a warning says what got
worse. See ``docs/sanitize.md`` (section ``stored_data``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

__all__ = ["Candidate", "ReplacementChoice", "candidates", "choose_replacement"]

#: Order of the risk levels ("not assessed" is not compared).
_LEVEL = {"none": 0, "low": 1, "medium": 2, "high": 3}
#: Reference models of each candidate's audit.
REFERENCE_MODELS = 4
#: Records the candidates' membership audit scores at most (each side).
MAX_RECORDS = 5_000
#: A candidate of lower risk is preferred while its holdout utility (ROC AUC,
#: accuracy or R2) is at most this much below the best candidate's.
UTILITY_SLACK = 0.01
_TARGET = "_modelprivacy_target"


@dataclass(frozen=True)
class Candidate:
    """One audited candidate (or the original), as a row of the choice's table.

    Attributes
    ----------
    name : str
        The estimator and its settings, e.g. ``"LogisticRegression(C=1.0)"``.
    risks : dict
        Criterion name -> risk level of its audit.
    membership_tpr : float or None
        Membership TPR at 1% FPR of its audit.
    utility : float or None
        Holdout ROC AUC (accuracy without probabilities) or R2.
    metric : str
        Name of ``utility``.
    worse : tuple of str
        The criteria under which it is riskier than the original.
    error : str or None
        Why it could not be fitted or audited (then it is not chosen).
    """

    name: str
    risks: dict[str, str]
    membership_tpr: float | None
    utility: float | None
    metric: str
    worse: tuple[str, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "name": self.name,
            "risks": dict(self.risks),
            "membership_tpr_at_1pct_fpr": self.membership_tpr,
            "utility": self.utility,
            "metric": self.metric,
            "worse": list(self.worse),
            "error": self.error,
        }


@dataclass(frozen=True, eq=False)
class ReplacementChoice:
    """The chosen replacement and the audits it was chosen from.

    Attributes
    ----------
    model : estimator
        The fitted replacement (the whole model: its Pipeline's fitted
        preprocessing and the new last step fitted on the training data).
    chosen : str
        Name of the chosen candidate.
    original : Candidate
        The original model's row.
    candidates : tuple of Candidate
        Every candidate's row, in the order they were tried.
    selection : str
        How the members and non-members were formed (``"holdout"``, or
        ``"split"``: half of the training data each).
    warnings : tuple of str
        What got worse with the chosen candidate.
    """

    model: Any
    chosen: str
    original: Candidate
    candidates: tuple[Candidate, ...]
    selection: str
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (no training values)."""
        return {
            "chosen": self.chosen,
            "selection": self.selection,
            "original": self.original.to_dict(),
            "candidates": [c.to_dict() for c in self.candidates],
            "warnings": list(self.warnings),
        }


def _label(est: Any) -> str:
    from sklearn.pipeline import Pipeline

    if isinstance(est, Pipeline):
        return " + ".join(_label(s) for _, s in est.steps)
    return " ".join(repr(est).split())


def candidates(estimator: Any, X: Any, k: int, seed: int) -> list[Any]:
    """Unfitted alternatives of the same task that store no training rows.

    Parameters
    ----------
    estimator : object
        A data model (:func:`~modelprivacy.sanitizing.rules.is_data_model`).
    X : array-like or sparse matrix
        Its own training input (after the Pipeline's preprocessing).
    k : int
        Smallest leaf size of the tree candidates.
    seed : int
        Their ``random_state``.

    Returns
    -------
    list of estimator
        For classifiers: a regularised HistGradientBoostingClassifier
        (``min_samples_leaf = max(k, min(5k, n // 20))``, ``max_leaf_nodes=8``,
        ``l2_regularization=10``, early stopping from 1,000 records), a
        standardised LogisticRegression (``C=1``), and a shallow random forest
        (100 trees, ``max_depth=8``, ``min_samples_leaf=k``); for regressors
        the same with HistGradientBoostingRegressor, Ridge (``alpha=1``) and
        RandomForestRegressor. Sparse input (a OneHotEncoder's output) gets
        the linear model without centring and the forest, which both read
        sparse matrices; HistGradientBoosting does not. Empty for models that
        neither classify nor regress.
    """
    from sklearn.base import is_classifier, is_regressor
    from sklearn.ensemble import (
        HistGradientBoostingClassifier,
        HistGradientBoostingRegressor,
        RandomForestClassifier,
        RandomForestRegressor,
    )
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from modelprivacy.sanitizing.rules import (
        HGB_EARLY_STOPPING_MIN_ROWS,
        HGB_L2_REGULARIZATION,
        HGB_MAX_LEAF_NODES,
    )

    n = int(X.shape[0]) if hasattr(X, "shape") else len(X)
    sparse = sp.issparse(X)
    hgb = dict(
        min_samples_leaf=max(k, min(5 * k, n // 20)),
        max_leaf_nodes=HGB_MAX_LEAF_NODES,
        l2_regularization=HGB_L2_REGULARIZATION,
        early_stopping=n >= HGB_EARLY_STOPPING_MIN_ROWS,
        random_state=seed,
    )
    forest = dict(n_estimators=100, max_depth=8, min_samples_leaf=k, random_state=seed, n_jobs=1)
    scaler = StandardScaler(with_mean=not sparse)
    if is_classifier(estimator):
        linear = make_pipeline(scaler, LogisticRegression(C=1.0, max_iter=1000, random_state=seed))
        if sparse:
            return [linear, RandomForestClassifier(**forest)]
        return [
            HistGradientBoostingClassifier(**hgb),
            linear,
            RandomForestClassifier(**forest),
        ]
    if is_regressor(estimator):
        linear = make_pipeline(scaler, Ridge(alpha=1.0))
        if sparse:
            return [linear, RandomForestRegressor(**forest)]
        return [
            HistGradientBoostingRegressor(**hgb),
            linear,
            RandomForestRegressor(**forest),
        ]
    return []


def _frame(X: Any, y: Any) -> Any:
    import pandas as pd

    frame = X.copy() if isinstance(X, pd.DataFrame) else pd.DataFrame(np.asarray(X))
    if not isinstance(X, pd.DataFrame):
        frame.columns = [f"x{j}" for j in range(frame.shape[1])]
    frame = frame.reset_index(drop=True)
    frame[_TARGET] = np.asarray(y)
    return frame


def _rows(X: Any, idx: np.ndarray) -> Any:
    from sklearn.utils import _safe_indexing

    return _safe_indexing(X, idx, axis=0)


def _utility(model: Any, X: Any, y: Any) -> tuple[float | None, str]:
    from modelprivacy.sanitizing.utility import _scores

    scores = _scores(model, X, y)
    for metric in ("roc_auc", "r2", "accuracy"):
        if scores.get(metric) is not None:
            return scores[metric], metric
    return None, "accuracy"


def _audit_row(model: Any, name: str, train: Any, holdout: Any, k: int, seed: int) -> Candidate:
    from modelprivacy.auditing import audit
    from modelprivacy.sanitizing.rules import quiet

    result = quiet(
        lambda: audit(
            model,
            train,
            holdout,
            target=_TARGET,
            k=k,
            reference_models=REFERENCE_MODELS,
            max_records=MAX_RECORDS,
            n_jobs=1,
            seed=seed,
            release="file",
        )
    )
    risks = {c.value: v.risk for c, v in result.verdict.criteria.items()}
    m = result.membership
    tpr = None if m is None else float(m.best(0.01).tpr_at_fpr[0.01].value)
    Xh = holdout.drop(columns=[_TARGET])
    util, metric = _utility(model, Xh, holdout[_TARGET].to_numpy())
    return Candidate(name, risks, tpr, util, metric)


def _worse(original: dict[str, str], other: dict[str, str]) -> tuple[str, ...]:
    return tuple(
        c
        for c, level in other.items()
        if level in _LEVEL and original.get(c) in _LEVEL and _LEVEL[level] > _LEVEL[original[c]]
    )


def choose_replacement(
    model: Any,
    X: Any,
    y: Any,
    *,
    X_holdout: Any = None,
    y_holdout: Any = None,
    k: int = 10,
    seed: int = 0,
) -> ReplacementChoice | None:
    """Replace a data model (alone or last in a Pipeline) by the best audited candidate.

    Parameters
    ----------
    model : estimator
        The fitted model: a data model, or a Pipeline whose last step is one.
    X, y : array-like
        The training data exactly as given to ``fit``.
    X_holdout, y_holdout : array-like, optional
        Non-members. Without them the training data is split in halves (seeded):
        the original and every candidate are fitted on one half and audited
        with the other as non-members.
    k : int, default=10
        Groups of fewer than ``k`` records single people out.
    seed : int, default=0
        Seeds the candidates, the split and the audits.

    Returns
    -------
    ReplacementChoice or None
        The fitted replacement and the audits, or ``None`` when the model
        neither classifies nor regresses.
    """
    from sklearn.pipeline import Pipeline

    from modelprivacy.attacks.refit import safe_clone
    from modelprivacy.sanitizing.rules import quiet

    pipe = isinstance(model, Pipeline) and len(model.steps) > 1
    final = model.steps[-1][1] if isinstance(model, Pipeline) else model
    Xt = quiet(lambda: model[:-1].transform(X)) if pipe else X
    options = candidates(final, Xt, k, seed)
    if not options:
        return None

    def assemble(pre: Any, alt: Any) -> Any:
        if not isinstance(model, Pipeline):
            return alt
        out = copy.copy(pre)
        out.steps = [*pre.steps[:-1], (model.steps[-1][0], alt)]
        return out

    def fit_on(members_X: Any, members_y: Any, alt: Any, refit_pre: bool) -> Any:
        if refit_pre:
            whole, _ = safe_clone(assemble(model, alt), cap_at_fitted=False)
            quiet(lambda: whole.fit(members_X, members_y))
            return whole
        inner = members_X
        if pipe:
            inner = quiet(lambda: model[:-1].transform(members_X))
        fitted = copy.deepcopy(alt)
        quiet(lambda: fitted.fit(inner, members_y))
        return assemble(copy.deepcopy(model), fitted) if isinstance(model, Pipeline) else fitted

    def sanitised(fitted: Any, members_X: Any, members_y: Any) -> Any:
        # audited as it will be kept: pruned trees, only the bin thresholds that are used
        from modelprivacy.sanitizing.core import sanitize

        return sanitize(
            fitted, members_X, members_y, k=k, seed=seed, rules=["strip", "trees", "hist_bins"]
        ).model

    y = np.asarray(y)
    if sp.issparse(X):
        # a sparse table given to fit is no DataFrame to audit: the linear candidate,
        # not re-audited (a Pipeline whose encoder makes sparse output is audited on
        # its raw input as usual)
        return _install(
            model,
            options[0],
            Xt,
            y,
            ReplacementChoice(
                model=None,
                chosen=_label(options[0]),
                original=Candidate(_label(final), {}, None, None, "n/a"),
                candidates=(),
                selection="none",
                warnings=(
                    "sparse input: the linear replacement was not re-audited against the "
                    "original; audit the sanitised model",
                ),
            ),
        )
    if X_holdout is not None and y_holdout is not None:
        selection = "holdout"
        mem_X, mem_y, non_X, non_y = X, y, X_holdout, np.asarray(y_holdout)
        original_model = model
        refit_pre = False
    else:
        selection = "split"
        order = np.random.default_rng(seed).permutation(len(y))
        a, b = order[: len(y) // 2], order[len(y) // 2 :]
        mem_X, mem_y, non_X, non_y = _rows(X, a), y[a], _rows(X, b), y[b]
        original_model, _ = safe_clone(model, cap_at_fitted=False)
        quiet(lambda: original_model.fit(mem_X, mem_y))
        refit_pre = True
    train, holdout = _frame(mem_X, mem_y), _frame(non_X, non_y)
    original = _audit_row(original_model, _label(final), train, holdout, k, seed)
    rows: list[Candidate] = []
    for alt in options:
        name = _label(alt)
        try:
            fitted = sanitised(fit_on(mem_X, mem_y, alt, refit_pre), mem_X, mem_y)
            row = _audit_row(fitted, name, train, holdout, k, seed)
        except Exception as exc:  # a candidate that fails is skipped, with its reason
            rows.append(
                Candidate(
                    name, {}, None, None, original.metric, error=f"{type(exc).__name__}: {exc}"
                )
            )
            continue
        rows.append(
            Candidate(
                row.name,
                row.risks,
                row.membership_tpr,
                row.utility,
                row.metric,
                worse=_worse(original.risks, row.risks),
            )
        )
    usable = [(i, r) for i, r in enumerate(rows) if r.error is None]
    if not usable:
        return None

    def worse_by(r: Candidate) -> tuple[int, int]:
        return len(r.worse), sum(_LEVEL[r.risks[c]] - _LEVEL[original.risks[c]] for c in r.worse)

    def utility(r: Candidate) -> float:
        return r.utility if r.utility is not None else -np.inf

    def risk(r: Candidate) -> int:
        return sum(_LEVEL.get(level, 0) for level in r.risks.values())

    # Least worse than the original first; among those, the lowest total risk whose
    # utility is within UTILITY_SLACK of the best, then the best utility.
    least = min(worse_by(r) for _, r in usable)
    tied = [(i, r) for i, r in usable if worse_by(r) == least]
    top = max(utility(r) for _, r in tied)
    close = [(i, r) for i, r in tied if utility(r) >= top - UTILITY_SLACK]
    best_i, best = min(close, key=lambda item: (risk(item[1]), -utility(item[1]), item[0]))
    chosen = options[best_i]
    warnings: list[str] = []
    if best.worse:
        changes = ", ".join(f"{c} {original.risks[c]} -> {best.risks[c]}" for c in best.worse)
        warnings.append(
            f"no candidate kept every criterion at or below {type(final).__name__}'s: the chosen "
            f"{best.name} is riskier under {changes}"
        )
    if (
        original.membership_tpr is not None
        and best.membership_tpr is not None
        and best.membership_tpr > original.membership_tpr
        and best.risks.get("linkability") == original.risks.get("linkability")
    ):
        warnings.append(
            f"the replacement's membership TPR at 1% FPR ({best.membership_tpr:.1%}) is above "
            f"the original's ({original.membership_tpr:.1%}), at the same linkability level"
        )
    return _install(
        model,
        chosen,
        Xt,
        y,
        ReplacementChoice(
            model=None,
            chosen=best.name,
            original=original,
            candidates=tuple(rows),
            selection=selection,
            warnings=tuple(warnings),
        ),
    )


def _install(
    model: Any, chosen: Any, Xt: Any, y: Any, choice: ReplacementChoice
) -> ReplacementChoice:
    """Fit the chosen last step on all the data after the original's fitted preprocessing."""
    from dataclasses import replace

    from sklearn.pipeline import Pipeline

    from modelprivacy.sanitizing.rules import quiet

    fitted = copy.deepcopy(chosen)
    quiet(lambda: fitted.fit(Xt, y))
    if isinstance(model, Pipeline):
        model.steps[-1] = (model.steps[-1][0], fitted)
        return replace(choice, model=model)
    return replace(choice, model=fitted)
