"""Apply the sanitisation rules to every estimator nested in a model.

:func:`sanitize` works on a deep copy of the model, in three steps:

1. **refit** - the ``"refit"`` rules of :data:`~modelprivacy.sanitizing.rules.RULES`
   are asked for new hyperparameters of every estimator reachable through
   hyperparameters (Pipeline steps, ColumnTransformer and FeatureUnion
   transformers, voting and stacking members, the ``estimator`` of a
   meta-estimator); with the training data and ``refit=True`` the whole model
   is cloned with all of them and refitted once;
2. **replace** - with ``replace=True`` and the training data, a model that is
   its training data (or the last step of a Pipeline that is) is replaced by
   an alternative of the same task;
3. **in place** - the ``"inplace"`` rules change every nested fitted
   estimator, with the training data flowing through Pipelines and
   ColumnTransformers so that each estimator sees its own input. When a
   Pipeline step's output changes (clipped extremes, fewer quantiles) the
   later steps are refitted on the new output (``refit=True``).

The best estimator of a search is sanitised as a model of its own.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from modelprivacy.attacks.refit import safe_clone
from modelprivacy.errors import DataError, ModelPrivacyError
from modelprivacy.sanitizing.rules import (
    RULES,
    ActionKind,
    Rule,
    RuleContext,
    class_names,
    is_data_model,
    quiet,
)

__all__ = ["Action", "SanitizeResult", "sanitize"]


@dataclass(frozen=True)
class Action:
    """One change made to the model, or one part refused.

    Attributes
    ----------
    rule : str
        Name of the rule (a key of :data:`~modelprivacy.sanitizing.rules.RULES`,
        and the anchor of its section in ``docs/sanitize.md``).
    path : str
        Attribute path in the model, e.g. ``"steps[1].estimators_[*].tree_"``.
    what : str
        What was done, in one sentence.
    kind : {"strip", "prune", "refit", "clip", "replace", "refused"}
        The kind of change.
    """

    rule: str
    path: str
    what: str
    kind: ActionKind


@dataclass(frozen=True, eq=False)
class SanitizeResult:
    """The safer model and what was done to get it.

    Attributes
    ----------
    model : estimator
        The sanitised model (a new object; the input model is not modified).
    actions : tuple of Action
        The changes, in the order they were made, and the refused parts.
    refused : tuple of str
        Why parts of the model could not be made anonymous in place.
    replaced_by : str or None
        Class name of the estimator that replaced a model that is its
        training data (``replace=True``), else ``None``.
    k : int
        The ``k`` used.
    warnings : tuple of str
        What the sanitisation made worse (a replacement riskier than the
        original under some criterion), or could not check.
    replacement : ReplacementChoice or None
        The audited candidates a replacement was chosen from
        (:mod:`modelprivacy.sanitizing.replace`), else ``None``.
    """

    model: Any
    actions: tuple[Action, ...]
    refused: tuple[str, ...]
    replaced_by: str | None = None
    k: int = 10
    warnings: tuple[str, ...] = ()
    replacement: Any = None

    @property
    def safe(self) -> bool:
        """Whether nothing was refused."""
        return not self.refused

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable summary (no training values).

        Returns
        -------
        dict
            ``model`` (class name), ``k``, ``replaced_by``, ``actions`` (list
            of dicts with ``rule``, ``path``, ``what``, ``kind``), ``refused``
            and ``warnings`` (lists of str) and ``replacement`` (the audited
            candidates, or ``None``).
        """
        return {
            "model": type(self.model).__name__,
            "k": self.k,
            "replaced_by": self.replaced_by,
            "actions": [asdict(a) for a in self.actions],
            "refused": list(self.refused),
            "warnings": list(self.warnings),
            "replacement": None if self.replacement is None else self.replacement.to_dict(),
        }


def _is_estimator(obj: Any) -> bool:
    return not isinstance(obj, str | type) and callable(getattr(obj, "fit", None))


def _n_rows(X: Any) -> int:
    return int(X.shape[0]) if hasattr(X, "shape") else len(X)


def _select(X: Any, cols: Any) -> Any:
    from sklearn.utils import _safe_indexing

    return _safe_indexing(X, cols, axis=1)


def _is_search(est: Any) -> bool:
    return "BaseSearchCV" in class_names(est)


def _is_tree_model(est: Any) -> bool:
    return RULES["trees"].applies_to(est)


class _Session:
    """State of one :func:`sanitize` call."""

    def __init__(
        self, k: int, seed: int, refit: bool, replace: bool, rules: dict[str, Rule]
    ) -> None:
        self.rules = rules
        self.k = k
        self.seed = seed
        self.refit = refit
        self.replace = replace
        self.actions: list[Action] = []
        self.refused: list[str] = []
        self.replaced_by: str | None = None
        self.n_rows: int | None = None
        self.X_holdout: Any = None
        self.y_holdout: Any = None
        self.replacement: Any = None
        self.warnings: list[str] = []
        self._pending: list[Action] = []

    # -- recording
    def record(self, rule: str, path: str, what: str, kind: ActionKind) -> None:
        action = Action(rule, path, what, kind)
        if action not in self.actions:
            self.actions.append(action)

    def refuse(self, rule: str, path: str, reason: str) -> None:
        sentence = f"{path}: {reason}"
        if sentence not in self.refused:
            self.refused.append(sentence)
            self.actions.append(Action(rule, path, reason, "refused"))

    def _context(self, path: str, X: Any, y: Any, has_data: bool) -> RuleContext:
        return RuleContext(
            path=path,
            X=X,
            y=y,
            k=self.k,
            seed=self.seed,
            can_refit=has_data and self.refit,
            record=self.record,
            refuse=self.refuse,
            has_data=has_data,
            n_rows=self.n_rows if has_data else None,
        )

    # -- one model (the root, or the best estimator of a search)
    def unit(self, est: Any, X: Any, y: Any, path: str) -> Any:
        has_data = X is not None
        params: dict[str, Any] = {}
        self._pending = []
        self._plan(est, "", path, has_data, params)
        if params and has_data and self.refit:
            new, notes = safe_clone(est, cap_at_fitted=False)
            new.set_params(**params)
            try:
                quiet(lambda: new.fit(X, y))
            except Exception as exc:
                raise DataError(
                    f"refitting {type(est).__name__} with {', '.join(sorted(params))} failed "
                    f"({type(exc).__name__}: {exc}); pass the training data exactly as it went "
                    "into fit"
                ) from exc
            est = new
            for action in self._pending:
                self.record(action.rule, action.path, action.what, action.kind)
            self._record_safe(path, notes)
        if self.replace and "stored_data" in self.rules:
            est = self._replace(est, X, y, path)
        est, _ = self._inplace(est, X, y, path, has_data)
        return est

    def _record_safe(self, path: str, notes: tuple[str, ...]) -> None:
        """Record what :func:`safe_clone` changed before a refit (cache, seeds, n_jobs, absurd values)."""
        for note in notes:
            self.record(
                "refit", path.rstrip(".") or "<model>", f"before refitting: {note}", "refit"
            )

    def _plan(self, est: Any, key: str, path: str, has_data: bool, params: dict[str, Any]) -> None:
        """Collect the refit rules' hyperparameters as nested keys of the unit's root."""
        if _is_search(est):
            return
        for rule in self.rules.values():
            if rule.phase == "refit" and rule.applies_to(est):
                ctx = self._context(path, None, None, has_data)
                out = rule.apply(est, ctx)
                for name, value in out.params.items():
                    params[key + name] = value
                    why = out.reasons.get(name)
                    self._pending.append(
                        Action(
                            rule.name,
                            ctx.where(),
                            f"refitted with {name}={value!r}" + (f" ({why})" if why else ""),
                            "refit",
                        )
                    )
        for child_key, child, child_path in _param_children(est):
            self._plan(child, f"{key}{child_key}__", f"{path}{child_path}.", has_data, params)

    def _replace(self, est: Any, X: Any, y: Any, path: str) -> Any:
        """Replace a data model (alone or last in a Pipeline) by an alternative."""
        from sklearn.pipeline import Pipeline

        final = est.steps[-1][1] if isinstance(est, Pipeline) else est
        if not is_data_model(final):
            return est
        where = f"{path}steps[{len(est.steps) - 1}]" if isinstance(est, Pipeline) else path
        where = where.rstrip(".") or "<model>"
        if X is None:
            self.refuse(
                "stored_data",
                where,
                f"{type(final).__name__} is its training data; replace=True needs the training "
                "data to fit an alternative",
            )
            return est
        from modelprivacy.sanitizing.replace import choose_replacement

        choice = choose_replacement(
            est, X, y, X_holdout=self.X_holdout, y_holdout=self.y_holdout, k=self.k, seed=self.seed
        )
        if choice is None:
            return est
        new = choice.model
        alt = new.steps[-1][1] if isinstance(new, Pipeline) else new
        if isinstance(alt, Pipeline):  # a scaled linear model: name the model
            alt = alt.steps[-1][1]
        self.replaced_by = type(alt).__name__
        self.replacement = choice
        self.warnings.extend(choice.warnings)
        how = {
            "holdout": "audited on the training data and the holdout",
            "split": "each fitted on half of the training data and audited against the other half",
            "none": "not re-audited",
        }[choice.selection]
        tried = len(choice.candidates)
        what = (
            f"replaced {type(final).__name__}, which stores training rows, by {choice.chosen} "
            "fitted on the same data"
        )
        if tried:
            row = next(c for c in choice.candidates if c.name == choice.chosen)
            what += (
                f", chosen among {tried} candidates {how} (K=4 reference models) for the lowest "
                f"risk within 0.01 of the best holdout {row.metric}"
                + (
                    " with no criterion riskier than the original"
                    if not row.worse
                    else f"; riskier than the original under {', '.join(row.worse)}"
                )
            )
        else:
            what += f" ({how})"
        self.record("stored_data", where, what, "replace")
        return new

    # -- in place
    def _own_rules(self, est: Any, X: Any, y: Any, path: str, has_data: bool) -> bool:
        changed = False
        for rule in self.rules.values():
            if rule.phase == "inplace" and rule.applies_to(est):
                out = rule.apply(est, self._context(path, X, y, has_data))
                changed |= out.changed
        return changed

    def _inplace(self, est: Any, X: Any, y: Any, path: str, has_data: bool) -> tuple[Any, bool]:
        from sklearn.pipeline import FeatureUnion, Pipeline

        if isinstance(est, Pipeline):
            return self._pipeline(est, X, y, path, has_data)
        changed = False
        if _is_search(est):
            best = getattr(est, "best_estimator_", None)
            if best is not None:
                saved = self._pending
                est.best_estimator_ = self.unit(best, X, y, f"{path}best_estimator_.")
                self._pending = saved
        elif hasattr(est, "transformers_"):
            for i, (name, trans, cols) in enumerate(list(est.transformers_)):
                if not _is_estimator(trans):
                    continue
                Xc = None if X is None else _select(X, cols)
                new, ch = self._inplace(trans, Xc, y, f"{path}transformers_[{i}].", has_data)
                est.transformers_[i] = (name, new, cols)
                changed |= ch
        elif isinstance(est, FeatureUnion):
            for i, (name, trans) in enumerate(list(est.transformer_list)):
                if not _is_estimator(trans):
                    continue
                new, ch = self._inplace(trans, X, y, f"{path}transformer_list[{i}].", has_data)
                est.transformer_list[i] = (name, new)
                changed |= ch
        elif not _is_tree_model(est):
            changed |= self._members(est, X, y, path, has_data)
        changed |= self._own_rules(est, X, y, path, has_data)
        return est, changed

    def _members(self, est: Any, X: Any, y: Any, path: str, has_data: bool) -> bool:
        """Ensemble members and fitted inner estimators of meta-estimators."""
        changed = False
        names = class_names(est)
        members = getattr(est, "estimators_", None)
        if isinstance(members, list | np.ndarray) and members is not None:
            flat = list(np.asarray(members, dtype=object).reshape(-1))
            # bagging members see subsamples: their own input is unknown
            member_X = None if "BaseBagging" in names else X
            star = "BaseBagging" in names
            for i, m in enumerate(flat):
                if not _is_estimator(m):
                    continue
                where = f"{path}estimators_[{'*' if star else i}]."
                _, ch = self._inplace(m, member_X, y, where, has_data)
                changed |= ch
        inner = getattr(est, "estimator_", None)
        if _is_estimator(inner):
            _, ch = self._inplace(inner, X, y, f"{path}estimator_.", has_data)
            changed |= ch
        final = getattr(est, "final_estimator_", None)
        if _is_estimator(final):
            _, ch = self._inplace(final, None, y, f"{path}final_estimator_.", has_data)
            changed |= ch
        regressor = getattr(est, "regressor_", None)
        if _is_estimator(regressor):
            _, ch = self._inplace(regressor, X, None, f"{path}regressor_.", has_data)
            changed |= ch
        for i, cc in enumerate(getattr(est, "calibrated_classifiers_", None) or []):
            inner_c = getattr(cc, "estimator", None)
            if _is_estimator(inner_c):
                _, ch = self._inplace(
                    inner_c, None, y, f"{path}calibrated_classifiers_[{i}].estimator.", has_data
                )
                changed |= ch
        return changed

    def _pipeline(self, est: Any, X: Any, y: Any, path: str, has_data: bool) -> tuple[Any, bool]:
        Xs = X
        dirty = False
        last = len(est.steps) - 1
        for i, (name, step) in enumerate(list(est.steps)):
            if not _is_estimator(step):
                continue
            where = f"{path}steps[{i}]."
            if dirty and Xs is not None and self.refit:
                step, notes = safe_clone(step, cap_at_fitted=False)
                step = _fit(step, Xs, y)
                self.record(
                    "refit",
                    where.rstrip("."),
                    "refitted on the changed output of the steps before it",
                    "refit",
                )
                self._record_safe(where, notes)
            elif dirty:
                self.record(
                    "refit",
                    where.rstrip("."),
                    "not refitted: the steps before it changed their output, so its "
                    "predictions change slightly (pass the training data with refit=True)",
                    "clip",
                )
            step, ch = self._inplace(step, Xs, y, where, has_data)
            est.steps[i] = (name, step)
            dirty |= ch
            if i < last and Xs is not None:
                Xs = _transform(step, Xs)
        return est, dirty


def _fit(est: Any, X: Any, y: Any) -> Any:
    """Fit with warnings silenced; return the estimator."""
    quiet(lambda: est.fit(X, y))
    return est


def _transform(est: Any, X: Any) -> Any:
    """Transform with warnings silenced."""
    return quiet(lambda: est.transform(X))


def _param_children(est: Any) -> list[tuple[str, Any, str]]:
    """(hyperparameter key, fitted child, attribute path) of the children set by hyperparameters."""
    from sklearn.pipeline import FeatureUnion, Pipeline

    out: list[tuple[str, Any, str]] = []
    if isinstance(est, Pipeline):
        for i, (name, step) in enumerate(est.steps):
            if _is_estimator(step):
                out.append((name, step, f"steps[{i}]"))
    elif hasattr(est, "transformers_") and hasattr(est, "transformers"):
        for i, (name, trans, _cols) in enumerate(est.transformers_):
            if _is_estimator(trans):
                out.append((name, trans, f"transformers_[{i}]"))
    elif isinstance(est, FeatureUnion):
        for i, (name, trans) in enumerate(est.transformer_list):
            if _is_estimator(trans):
                out.append((name, trans, f"transformer_list[{i}]"))
    elif hasattr(est, "named_estimators_") and "BaseBagging" not in class_names(est):
        for name, member in est.named_estimators_.items():
            if _is_estimator(member):
                out.append((name, member, f"named_estimators_[{name!r}]"))
    else:
        inner = getattr(est, "estimator_", None)
        try:
            own = est.get_params(deep=False)
        except Exception:
            own = {}
        if _is_estimator(inner) and "estimator" in own:
            out.append(("estimator", inner, "estimator_"))
        regressor = getattr(est, "regressor_", None)
        if _is_estimator(regressor) and "regressor" in own:
            out.append(("regressor", regressor, "regressor_"))
    return out


def sanitize(
    model: Any,
    X: Any = None,
    y: Any = None,
    *,
    k: int = 10,
    replace: bool = False,
    refit: bool = True,
    seed: int = 0,
    rules: Collection[str] | None = None,
    X_holdout: Any = None,
    y_holdout: Any = None,
) -> SanitizeResult:
    """Remove or lock away what identifies people in a fitted model.

    Every rule of :data:`~modelprivacy.sanitizing.rules.RULES` is applied to
    every nested estimator: attributes prediction does not need are deleted,
    tree leaves of fewer than ``k`` records are pruned, stored extremes are
    clipped, quantiles thinned out, and (with the training data) encoders,
    vectorizers are refitted with ``min_frequency`` or ``min_df`` of ``k``,
    HistGradientBoosting models with larger leaves, smaller trees, L2 and
    early stopping (their unused bin thresholds are dropped). Models that are
    their training data are refused, or replaced (``replace=True``).

    Parameters
    ----------
    model : estimator
        A fitted scikit-learn estimator or Pipeline, a LightGBM, XGBoost or
        CatBoost model (a wrapper or a Booster from its own file), a
        statsmodels results object or an ONNX graph. It is not modified: the
        rules work on a deep copy, and the safer model is of the same type.
    X : DataFrame or array-like of shape (n, d), optional
        The training data exactly as given to ``fit`` (raw data for a
        Pipeline). Needed for refits, replacements, clipping and for counting
        distinct in-bag records in bootstrap ensembles.
    y : array-like of shape (n,), optional
        The training labels or targets (needed to refit supervised models).
    k : int, default=10
        Groups of fewer than ``k`` records single people out.
    replace : bool, default=False
        Replace a classifier or regressor that stores its training rows
        (k-NN, SVM, Gaussian process, ...), alone or last in its Pipeline, by
        the best of a few candidates (regularised HistGradientBoosting,
        logistic or ridge regression, a shallow forest), each fitted on ``X``,
        ``y`` and audited like the original (K=4 reference models): the one
        with no criterion riskier than the original and the lowest risk
        within 0.01 of the best holdout utility; ``warnings`` says when every
        candidate is riskier somewhere.
    refit : bool, default=True
        Allow refitting (the whole model for new hyperparameters, or the
        steps after a changed Pipeline step). With ``False`` only in-place
        changes are made and refits are refused.
    seed : int, default=0
        ``random_state`` of replacement models. The result is deterministic
        for a given seed.
    rules : collection of str, optional
        Names of the rules to apply (keys of
        :data:`~modelprivacy.sanitizing.rules.RULES`); all of them by default.
        ``rules=["strip"]`` only deletes what prediction does not need.
    X_holdout, y_holdout : array-like, optional
        Non-members for choosing a replacement (``replace=True``): the
        candidates' membership audits and utility use them. Without them the
        training data is split in halves.

    Returns
    -------
    SanitizeResult
        The safer model, the actions taken and the refused parts.

    Raises
    ------
    ValueError
        If ``k`` is smaller than 1, or a rule name is unknown.
    DataError
        If ``y`` is given without ``X``, the lengths differ, or a refit fails
        on the given data.

    Examples
    --------
    >>> result = sanitize(forest, X_train, y_train, k=10)  # doctest: +SKIP
    >>> result.refused  # doctest: +SKIP
    ()
    """
    if int(k) < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if X is None and y is not None:
        raise DataError("y was given without X; pass the training features too")
    if X is not None and y is not None and _n_rows(X) != len(np.asarray(y)):
        raise DataError(
            f"y has {len(np.asarray(y)):,} values but X has {_n_rows(X):,} rows; pass the "
            "training labels in the order of X"
        )
    from modelprivacy.sanitizing.libraries import is_library_model, wrap

    if not _is_estimator(model) and not is_library_model(model):
        raise ModelPrivacyError(
            f"the object to sanitize is a {type(model).__name__}, not a model; pass a fitted "
            "estimator"
        )
    if rules is None:
        chosen = dict(RULES)
    else:
        if isinstance(rules, str):
            rules = [rules]
        unknown = sorted(set(rules) - RULES.keys())
        if unknown:
            raise ValueError(
                f"unknown rule(s) {', '.join(unknown)}; the rules are {', '.join(RULES)}"
            )
        chosen = {name: rule for name, rule in RULES.items() if name in set(rules)}
    session = _Session(int(k), int(seed), bool(refit), bool(replace), chosen)
    session.n_rows = None if X is None else _n_rows(X)
    session.X_holdout, session.y_holdout = X_holdout, y_holdout
    work, unwrap = wrap(copy.deepcopy(model))  # a library's booster as its estimator
    out = unwrap(session.unit(work, X, y, ""))
    return SanitizeResult(
        model=out,
        actions=tuple(session.actions),
        refused=tuple(session.refused),
        replaced_by=session.replaced_by,
        k=int(k),
        warnings=tuple(session.warnings),
        replacement=session.replacement,
    )
