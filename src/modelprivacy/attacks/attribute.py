"""MP-I301 Attribute inference: what the model lets an attacker infer about a person.

Threat model. For each sensitive column, the attacker knows a person's other
features, the model's output on that person's record and, with
``known_label=True``, the person's true label (or regression target). The
attacker guesses the sensitive value. Two attacks:

- ``"model"`` (model-based, after Fredrikson et al. 2014): try every candidate
  value in the record's sensitive column (categorical: the values seen in the
  attacker's population data; numeric: ``grid`` population quantiles), query
  the model once per candidate for all records at once, and pick the candidate
  under which the output is most consistent with the known label (highest
  ``p(y | x_v) * prior(v)``; regressors: smallest squared error to the known
  target) or, without the label, closest to the model's output on the true
  record. Ties go to the more frequent candidate.
- ``"learned"``: a gradient-boosting attack model trained on the attacker's
  population records, from the other features, the model's outputs (and the
  label) to the sensitive value.

Honest comparison (as anonymeter does for synthetic data). Each attack is
scored on members (training records) and on control records (holdout records
that trained no part of the attack), on equal-sized samples; residual risk =
``(members - control) / (1 - control)`` with Wilson intervals. A baseline, the
learned attack without the model's outputs (other features and label only),
measures what the population alone reveals; the model's added advantage is
the attack's success on members minus the baseline's, with a paired bootstrap
interval. A numeric guess succeeds when within ``tolerance`` times the
population's 5th-95th percentile range of the true value.

Severity thresholds (documented, on the best attack of the column, see
:meth:`AttributeResult.best`). Inference is rated by the model's advantage
over the baseline, on the lower end of its 95% interval; what the rating steps
on is that lower end, capped by the lower end of the members-vs-control gap
(success on members minus success on control records, Newcombe's interval), so
that only what the model reveals about its training records beyond anyone
else rates above low:

- info: the advantage's lower end is 0 or below, i.e. the attack does no
  better than an attacker without the model: not accused. This is no evidence
  of attribute inference at the tested strength (these attacks, this many
  records), which is not proof of safety;
- high: otherwise, when ``min(advantage low, gap low)`` is at least 0.10;
- medium: when it is at least 0.03;
- low: otherwise (among them the model's outputs revealing the attribute of
  training and control records alike: an inference about anyone the model is
  queried on, not specific to its training records).

A members-vs-control gap without an advantage over the baseline is membership
signal, not inference: the finding gives its size and says so; membership is
counted under linkability (MP-L201).

Records exposed, beyond the baseline: the members the best attack recovers
minus those the baseline recovers, ``n_members * advantage`` (none when the
advantage's lower end is not above 0). They are named among the members the
attack recovers and the baseline misses, most confident guess first. The
description gives the count the baseline reaches beside them.
"""

from __future__ import annotations

import contextlib
import contextvars
import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy.special import expit, softmax

from modelprivacy._threads import thread_limit
from modelprivacy.attacks.target import DEFAULT_BATCH_SIZE, BlackBox, Target, as_query_model
from modelprivacy.errors import DataError
from modelprivacy.findings import Confidence, Criterion, Finding, RecordsExposed, Severity
from modelprivacy.load.data import check_disjoint
from modelprivacy.stats import Interval, newcombe_difference, residual_risk_interval, wilson

__all__ = [
    "ATTACKS",
    "CHECK_ID",
    "AttackOutcome",
    "AttributeResult",
    "ColumnResult",
    "attribute_finding",
    "attribute_inference",
]

CHECK_ID = "MP-I301"
ATTACKS = ("model", "learned")
HIGH_RISK = 0.10  # lower end of the advantage over the baseline from which a finding is high
MEDIUM_RISK = 0.03  # ... medium
MIN_CONTROL = 10
BOOTSTRAP = 2000
SMALL = 20_000  # attack models on fewer records are fitted on one thread
_QUERY_ROWS = 50_000  # the model-based attack asks about at most this many rows per query

Column = str | int
Kind = Literal["categorical", "numeric"]


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AttackOutcome:
    """How well one attack recovers one sensitive column.

    Attributes
    ----------
    attack : str
        ``"model"`` or ``"learned"``.
    n_members, n_control : int
        Members and control records attacked.
    members : Interval
        Success rate on members (Wilson interval).
    control : Interval
        Success rate on control records (Wilson interval).
    baseline : Interval
        Success rate of the baseline (no model) on the same members.
    baseline_control : Interval
        Success rate of the baseline on the control records.
    residual_risk : Interval
        ``(members - control) / (1 - control)``, from the Wilson intervals.
    advantage : Interval
        Success on members minus the baseline's success on the same members,
        with a paired bootstrap percentile interval.
    no_better_than_baseline : bool
        True when the advantage's interval does not lie above 0.
    member_success : ndarray of bool
        Per member: whether the attack recovered the value.
    baseline_success : ndarray of bool
        Per member: whether the baseline recovered the value.
    member_index : ndarray of int
        Row positions of the attacked members in the training data.
    member_confidence : ndarray of float or None
        Per member: how confident the attack's guess was (higher: more; the
        margin of the best candidate, or the attack model's probability);
        names the records beyond the baseline.
    """

    attack: str
    n_members: int
    n_control: int
    members: Interval
    control: Interval
    baseline: Interval
    baseline_control: Interval
    residual_risk: Interval
    advantage: Interval
    no_better_than_baseline: bool
    member_success: np.ndarray = field(repr=False)
    baseline_success: np.ndarray = field(repr=False)
    member_index: np.ndarray = field(repr=False)
    member_confidence: np.ndarray | None = field(default=None, repr=False)

    @property
    def recovered(self) -> int:
        """Members whose value the attack recovers."""
        return int(self.member_success.sum())

    @property
    def baseline_recovered(self) -> int:
        """Members whose value the baseline recovers."""
        return int(self.baseline_success.sum())

    @property
    def gap(self) -> Interval:
        """Success on members minus success on control records (Newcombe's 95% interval)."""
        k_control = round(self.control.value * self.n_control)
        return newcombe_difference(self.recovered, self.n_members, k_control, self.n_control)

    @property
    def beyond_baseline(self) -> Interval:
        """Members recovered beyond the baseline, in records: ``n_members * advantage``."""
        n, a = self.n_members, self.advantage
        return Interval(a.value * n, a.low * n, a.high * n, a.level)

    @property
    def n_exposed(self) -> int:
        """Records counted as exposed: beyond the baseline, 0 unless the advantage's lower end is > 0."""
        if not self.advantage.low > 0:
            return 0
        only = int((self.member_success & ~self.baseline_success).sum())
        return min(only, max(0, round(self.beyond_baseline.value)))

    @property
    def exposed(self) -> np.ndarray:
        """Row positions of the records beyond the baseline, in row order.

        They are the :attr:`n_exposed` most confident guesses among the members
        the attack recovers and the baseline misses (row order on ties).
        """
        only = np.flatnonzero(self.member_success & ~self.baseline_success)
        if self.member_confidence is not None:
            only = only[np.argsort(-self.member_confidence[only], kind="stable")]
        return np.asarray(self.member_index[np.sort(only[: self.n_exposed])])

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (without the per-record arrays)."""
        return {
            "attack": self.attack,
            "n_members": self.n_members,
            "n_control": self.n_control,
            "success_members": self.members.to_dict(),
            "success_control": self.control.to_dict(),
            "baseline_members": self.baseline.to_dict(),
            "baseline_control": self.baseline_control.to_dict(),
            "residual_risk": self.residual_risk.to_dict(),
            "advantage_over_baseline": self.advantage.to_dict(),
            "no_better_than_baseline": self.no_better_than_baseline,
            "members_recovered": self.recovered,
            "baseline_members_recovered": self.baseline_recovered,
            "beyond_baseline": self.beyond_baseline.to_dict(),
            "members_exposed": self.n_exposed,
        }


@dataclass(frozen=True)
class ColumnResult:
    """The attacks on one sensitive column.

    Attributes
    ----------
    column : str or int
        The sensitive column (name, or index for array data).
    kind : {"categorical", "numeric"}
        Exact-match guesses, or guesses within a tolerance.
    n_candidates : int
        Candidate values the model-based attack tries.
    in_model : bool
        Whether the column is one of the model's inputs.
    tolerance : float or None
        Relative tolerance for numeric columns (``None`` for categorical).
    outcomes : dict
        ``{attack: AttackOutcome}`` for the attacks that ran.
    skipped : dict
        ``{attack: reason}`` for the attacks that did not run.
    warnings : tuple of str
        E.g. an attack that does no better than the baseline.
    baseline : {"learned", "majority"}
        The baseline: a model of the other columns (and the label), or the
        most frequent value (numeric: the median), whichever recovers more
        control records.
    """

    column: Column
    kind: Kind
    n_candidates: int
    in_model: bool
    tolerance: float | None
    outcomes: dict[str, AttackOutcome]
    skipped: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    baseline: str = "learned"

    def best(self) -> AttackOutcome:
        """The attack with the highest advantage's lower end (ties: advantage, then residual risk)."""
        return max(
            self.outcomes.values(),
            key=lambda o: (o.advantage.low, o.advantage.value, o.residual_risk.value),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (no values of the column)."""
        return {
            "column": self.column,
            "kind": self.kind,
            "n_candidates": self.n_candidates,
            "in_model": self.in_model,
            "tolerance": self.tolerance,
            "best": self.best().attack,
            "baseline": self.baseline,
            "attacks": {name: o.to_dict() for name, o in self.outcomes.items()},
            "skipped": dict(self.skipped),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class AttributeResult:
    """The result of :func:`attribute_inference`.

    Attributes
    ----------
    columns : dict
        ``{column: ColumnResult}`` in the order given.
    known_label : bool
        Whether the attacker knew the true label.
    output : str
        What the model answered: ``"proba"``, ``"decision"``, ``"label"`` or
        ``"regression"``.
    n_attacker : int
        Population records that trained the attack.
    seed : int
        The seed.
    n_train : int or None
        Training records given (before sampling the members attacked).
    n_holdout : int or None
        Holdout records given.
    n_control_available : int or None
        Control records available before sampling: half of the holdout
        (the other half trains the attack), or all of it with a population.
    population : bool
        Whether population records trained the attack.
    max_records : int or None
        The cap on members and control records attacked.
    queries : int or None
        Records the black-box target was asked about (``None`` for a model
        object, whose queries are not counted).
    """

    columns: dict[Column, ColumnResult]
    known_label: bool
    output: str
    n_attacker: int
    seed: int = 0
    n_train: int | None = None
    n_holdout: int | None = None
    n_control_available: int | None = None
    population: bool = False
    max_records: int | None = None
    queries: int | None = None

    def sample_sentence(self, n_members: int, n_control: int) -> str:
        """Why ``n_members`` of the training records were attacked, in one or two sentences.

        Parameters
        ----------
        n_members, n_control : int
            Members and control records an attack was scored on.

        Returns
        -------
        str
            E.g. "2,277 of the 4,552 training records were attacked, as many as
            the control records (half of the 4,554 holdout records; the other
            half trains the attack), so that the rates on members and on
            control records rest on equal counts."
        """
        if self.n_train is None:
            return ""
        n_pool = self.n_control_available or n_control
        n = min(self.n_train, n_pool, self.max_records or n_pool)
        if self.population:
            pool = f"the {self.n_holdout:,} holdout records" if self.n_holdout else "the holdout"
            why = f"{pool}; population records train the attack"
        else:
            pool = (
                f"half of the {self.n_holdout:,} holdout records"
                if self.n_holdout
                else "half of the holdout"
            )
            why = f"{pool}; the other half trains the attack"
        if n == self.n_train:
            text = (
                f"All {self.n_train:,} training records were attacked, against as many of the "
                f"{n_pool:,} control records ({why})"
            )
        elif n == n_pool:
            text = (
                f"{n:,} of the {self.n_train:,} training records were attacked, as many as the "
                f"control records ({why})"
            )
        else:
            text = (
                f"{n:,} of the {self.n_train:,} training records were attacked (at most "
                f"max_records={self.max_records:,}), against as many of the {n_pool:,} control "
                f"records ({why})"
            )
        text += ", so that the rates on members and on control records rest on equal counts."
        if n_members != n or n_control != min(n, n_pool):
            text += (
                f" Records whose sensitive value is missing are left out: {n_members:,} members "
                f"and {n_control:,} control records are counted."
            )
        if n_members != self.n_train:
            text += f" Every count of training records here is out of these {n_members:,}."
        return text

    def _column(self, column: Column) -> ColumnResult:
        if column not in self.columns:
            names = ", ".join(map(repr, self.columns))
            raise KeyError(f"{column!r} was not attacked; attacked columns: {names}")
        return self.columns[column]

    def best(self, column: Column) -> AttackOutcome:
        """The strongest attack on ``column`` (highest lower end of the advantage over the baseline).

        Parameters
        ----------
        column : str or int
            A sensitive column that was attacked.

        Returns
        -------
        AttackOutcome
            Ties go to the higher advantage, then to the higher residual risk.
        """
        return self._column(column).best()

    def column_dict(self, column: Column) -> dict[str, Any]:
        """JSON-serialisable evidence for one column.

        Parameters
        ----------
        column : str or int
            A sensitive column that was attacked.

        Returns
        -------
        dict
            The column's numbers plus the run's settings.
        """
        return {
            "known_label": self.known_label,
            "output": self.output,
            "n_attacker": self.n_attacker,
            "seed": self.seed,
            **self._sizes(),
            **self._column(column).to_dict(),
        }

    def _sizes(self) -> dict[str, Any]:
        return {
            "n_train": self.n_train,
            "n_holdout": self.n_holdout,
            "n_control_available": self.n_control_available,
            "population": self.population,
            "max_records": self.max_records,
        }

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (without per-record arrays or values)."""
        return {
            "known_label": self.known_label,
            "output": self.output,
            "n_attacker": self.n_attacker,
            "seed": self.seed,
            **self._sizes(),
            "columns": {str(c): r.to_dict() for c, r in self.columns.items()},
            **({"queries": self.queries} if self.queries is not None else {}),
        }


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------


@dataclass
class _Part:
    """One role of data: features (a DataFrame), labels, and row positions."""

    X: pd.DataFrame
    y: np.ndarray | None

    def take(self, rows: np.ndarray) -> _Part:
        return _Part(
            self.X.iloc[rows].reset_index(drop=True), None if self.y is None else self.y[rows]
        )


def _part(
    data: Any, y: Any, target: str | None, what: str, need_y: bool
) -> tuple[_Part, bool, list[Any]]:
    """Features as a DataFrame, labels, whether the data was a DataFrame, and its columns."""
    from modelprivacy.load.audit_data import Part

    is_frame = isinstance(data, pd.DataFrame)
    if not is_frame:
        arr = np.asarray(data)
        if arr.ndim != 2:
            raise DataError(
                f"the {what} data must be a table (2-D array or DataFrame); got shape {arr.shape}"
            )
        data = pd.DataFrame(arr)
    try:
        part = Part.split(data.reset_index(drop=True), y, target=target, name=what, need_y=need_y)
    except DataError as exc:
        if need_y and "has no label" in str(exc):
            raise DataError(
                f"the {what} data has no label: pass target='column' or y_{what}, "
                "or known_label=False for an attacker who does not know the label"
            ) from exc
        raise
    return _Part(part.X, part.y), is_frame, list(part.X.columns)


def _target_error(column: Column) -> DataError:
    return DataError(
        f"sensitive column {column!r} is the target: attribute inference guesses a feature the "
        "attacker does not know; pass a feature column as sensitive (the label is what the model "
        "itself predicts)"
    )


def _resolve_sensitive(
    sensitive: Sequence[Column], columns: list[Any], is_frame: bool, target: str | None
) -> list[Any]:
    if isinstance(sensitive, str | int):
        sensitive = [sensitive]
    if len(sensitive) == 0:
        raise DataError("no sensitive column given: pass sensitive=['column', ...]")
    out: list[Any] = []
    for s in sensitive:
        if target is not None and s == target:
            raise _target_error(s)
        if is_frame:
            if s not in columns:
                from modelprivacy.load.data import unknown_column

                raise unknown_column(s, columns, "sensitive", "training")
        else:
            if isinstance(s, str) or not isinstance(s, int | np.integer):
                raise DataError(
                    f"sensitive column {s!r} cannot name a column of array data; pass integer "
                    "column indices, or the data as a DataFrame"
                )
            if not 0 <= int(s) < len(columns):
                raise DataError(
                    f"sensitive column index {s} is out of range for data with {len(columns)} "
                    f"columns; pass an index from 0 to {len(columns) - 1}"
                )
            s = int(s)
        if s in out:
            raise DataError(f"sensitive column {s!r} is given twice; pass each column once")
        out.append(s)
    return out


def _model_columns(
    model: Any, columns: list[Any], sensitive: list[Any], is_frame: bool
) -> tuple[list[Any], bool]:
    """The data columns the model takes, and whether to query it with a DataFrame."""
    names = getattr(model, "feature_names_in_", None)
    if is_frame and names is not None:
        names = list(names)
        missing = [n for n in names if n not in columns]
        if missing:
            shown = ", ".join(map(str, missing[:20]))
            raise DataError(
                f"the model takes columns that are not in the data: {shown}; pass the data the "
                "model was fitted on (raw data for a Pipeline)"
            )
        return names, True
    n_in = getattr(model, "n_features_in_", None)
    if n_in is None or n_in == len(columns):
        return list(columns), False
    rest = [c for c in columns if c not in sensitive]
    if n_in == len(rest):
        return rest, False
    raise DataError(
        f"the model takes {n_in} features but the data has {len(columns)} columns "
        f"({len(rest)} without the sensitive ones); pass the data the model was fitted on, with "
        "any sensitive column the model does not take as extra columns"
    )


class _Query:
    """The target model's answers on the data's columns (queried through :class:`Target`)."""

    def __init__(self, model: Any, columns: list[Any], as_frame: bool) -> None:
        self.model = model
        self.columns = columns
        self.as_frame = as_frame
        self.target = Target(model)
        self.output = str(self.target.output)

    def _input(self, X: pd.DataFrame) -> Any:
        sub = X[self.columns]
        return sub if self.as_frame else sub.to_numpy()

    def outputs(self, X: pd.DataFrame) -> np.ndarray:
        """The model's output on ``X`` as a float matrix (one row per record)."""
        return self.target.answers(self._input(X))

    def _class_index(self, labels: np.ndarray) -> np.ndarray:
        return self.target.class_index(labels)

    def consistency(self, out: np.ndarray, y: np.ndarray) -> np.ndarray:
        """How consistent outputs are with known labels (higher: more); p(y | x) for classifiers."""
        n = len(y)
        if self.output == "regression":
            diff = out - np.asarray(y, dtype=np.float64).reshape(n, -1)
            return np.asarray(-(diff**2).sum(axis=1))
        idx = self._class_index(y)
        if self.output == "label":
            return (out[:, 0] == idx).astype(np.float64)
        if self.output == "decision":
            proba = (
                np.c_[1.0 - expit(out[:, 0]), expit(out[:, 0])]
                if out.shape[1] == 1
                else softmax(out, axis=1)
            )
        else:
            proba = out
        rows = np.arange(n)
        return np.where(idx >= 0, proba[rows, np.maximum(idx, 0)], 0.0)


def _is_categorical(values: pd.Series, grid: int) -> bool:
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return True
    return bool(values.nunique(dropna=True) <= grid)


def _factorize(values: pd.Series) -> pd.Index:
    """The distinct non-missing values, sorted when they can be."""
    uniques = pd.unique(values.dropna().to_numpy())
    with contextlib.suppress(TypeError):
        uniques = np.sort(uniques)
    return pd.Index(uniques)


def _pick(score: np.ndarray, prior: np.ndarray) -> np.ndarray:
    """Per row, the candidate with the highest score; ties to the highest prior, then the first."""
    best = score.max(axis=1, keepdims=True)
    scale = np.maximum(np.abs(best), 1.0)
    tied = score >= best - 1e-12 * scale
    return np.asarray(np.argmax(np.where(tied, prior[None, :], -np.inf), axis=1))


def _margin(score: np.ndarray) -> np.ndarray:
    """Per row, how far the best candidate's score is ahead of the runner-up (0 for one candidate)."""
    if score.shape[1] < 2:
        return np.zeros(len(score))
    top2 = np.sort(score, axis=1)[:, -2:]
    return np.asarray(top2[:, 1] - top2[:, 0], dtype=np.float64)


def _features(X: pd.DataFrame, column: Any, extra: dict[str, np.ndarray]) -> pd.DataFrame:
    """The attacker's features: the other columns, then extra numeric columns; string names."""
    rest = X.drop(columns=[column])
    frame = pd.DataFrame(index=range(len(X)))
    for i, c in enumerate(rest.columns):
        s = rest[c]
        if not pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            strs = s.astype(str).to_numpy(dtype=object)
            strs[pd.isna(s).to_numpy()] = np.nan  # sklearn's encoders treat nan as missing
            frame[f"f{i}"] = strs
        else:
            frame[f"f{i}"] = s.to_numpy(dtype=np.float64, na_value=np.nan)
    for name, arr in extra.items():
        _append(frame, name, arr)
    return frame


def _append(frame: pd.DataFrame, name: str, arr: np.ndarray) -> None:
    """Append the columns of ``arr`` to ``frame`` as ``name0``, ``name1``, ... (in place)."""
    a = np.asarray(arr)
    a = a.reshape(len(frame), -1) if a.ndim > 1 else a.reshape(len(frame), 1)
    for j in range(a.shape[1]):
        col = a[:, j]
        if col.dtype.kind in "biuf":
            frame[f"{name}{j}"] = col.astype(np.float64)
        else:
            frame[f"{name}{j}"] = col.astype(str).astype(object)


def _with_outputs(F: pd.DataFrame, out: np.ndarray) -> pd.DataFrame:
    """The attacker's features ``F`` with the model's outputs appended (``out_0``, ...)."""
    frame = F.copy()
    _append(frame, "out_", out)
    return frame


class _Learned:
    """A gradient-boosting attack model from the attacker's features to the sensitive value."""

    def __init__(self, regress: bool, seed: int) -> None:
        self.regress = regress
        self.seed = seed
        self.pipe: Any = None
        self.constant: float | int = 0

    def fit(self, F: pd.DataFrame, target: np.ndarray) -> _Learned:
        from sklearn.compose import ColumnTransformer
        from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import OrdinalEncoder

        if self.regress:
            self.constant = float(np.median(target))
        else:
            counts = np.bincount(target.astype(np.int64))
            self.constant = int(np.argmax(counts))
        if F.shape[1] == 0 or (not self.regress and len(np.unique(target)) < 2):
            return self
        cats = [c for c in F.columns if not pd.api.types.is_numeric_dtype(F[c])]
        encoder = OrdinalEncoder(
            handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan
        )
        pre = ColumnTransformer(
            [("categories", encoder, cats)], remainder="passthrough", sparse_threshold=0.0
        )
        est = (
            HistGradientBoostingRegressor(random_state=self.seed)
            if self.regress
            else HistGradientBoostingClassifier(random_state=self.seed)
        )
        pipe = make_pipeline(pre, est)
        # on small data OpenMP's start-up costs more than it saves; results do not change
        limit = 1 if len(F) < SMALL else None
        with thread_limit(limit, user_api="openmp"):
            self.pipe = pipe.fit(F, target)
        return self

    def predict(self, F: pd.DataFrame) -> np.ndarray:
        if self.pipe is None:
            return np.full(len(F), self.constant)
        with thread_limit(1 if len(F) < SMALL else None, user_api="openmp"):
            return np.asarray(self.pipe.predict(F))

    def confidence(self, F: pd.DataFrame) -> np.ndarray:
        """Per record, the attack model's probability of its guess (0 for a regressor)."""
        if self.pipe is None or self.regress:
            return np.zeros(len(F))
        with thread_limit(1 if len(F) < SMALL else None, user_api="openmp"):
            return np.asarray(self.pipe.predict_proba(F).max(axis=1), dtype=np.float64)

    def predict_with_confidence(self, F: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`predict` and :meth:`confidence` of ``F``, from one pass over the trees.

        A classifier's ``predict`` and ``predict_proba`` both sum the trees' leaf values
        (``_raw_predict``); here they are summed once and turned into both answers as
        scikit-learn does (the positive class where the sum is above 0, else the largest
        sum; the loss's probabilities). Without those internals: the two public calls.
        """
        est = None if self.pipe is None or self.regress else self.pipe[-1]
        raw_predict = getattr(est, "_raw_predict", None)
        to_proba = getattr(getattr(est, "_loss", None), "predict_proba", None)
        if est is None or raw_predict is None or to_proba is None:
            return self.predict(F), self.confidence(F)
        with thread_limit(1 if len(F) < SMALL else None, user_api="openmp"):
            raw = np.asarray(raw_predict(self.pipe[:-1].transform(F)))
            proba = np.asarray(to_proba(raw))
        encoded = (raw.ravel() > 0).astype(int) if raw.shape[1] == 1 else np.argmax(raw, axis=1)
        guess = np.asarray(est.classes_[encoded])
        return guess, np.asarray(proba.max(axis=1), dtype=np.float64)


_Baselines = OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], tuple[np.ndarray, ...]]]

#: Within a :func:`shared_baselines` block (an audit), the baseline's guesses of the last few
#: columns attacked, with the features they came from; None outside one. The baseline does not
#: query the model, so an audit's release modes, which attack the same records through each
#: mode's answers, share it; a hit needs the same features, cell by cell. Scoped to the block:
#: the features (people's records) are not kept once the audit returns.
_BASELINES: contextvars.ContextVar[_Baselines | None] = contextvars.ContextVar(
    "modelprivacy_attribute_baselines", default=None
)
_BASELINES_KEPT = 4


@contextmanager
def shared_baselines() -> Iterator[_Baselines]:
    """Share the attribute baselines of the attacks in the block (the audit's release modes).

    Yields
    ------
    OrderedDict
        The baselines kept so far (at most :data:`_BASELINES_KEPT`), dropped when the block ends.
    """
    kept: _Baselines = OrderedDict()
    token = _BASELINES.set(kept)
    try:
        yield kept
    finally:
        _BASELINES.reset(token)


def _baseline_guesses(
    regress: bool,
    seed: int,
    F: pd.DataFrame,
    target: np.ndarray,
    F_members: pd.DataFrame,
    F_control: pd.DataFrame,
) -> tuple[np.ndarray, np.ndarray]:
    """The baseline's guesses on members and control: the attack model without the outputs.

    Within a :func:`shared_baselines` block, fitted once for the same features, target and
    seed (see :data:`_BASELINES`); the fit is seeded and runs in this process, so a second
    fit would guess the same.
    """
    baselines = _BASELINES.get()
    if baselines is None:
        guess_m, guess_c, _ = _fit_predict(regress, seed, F, target, F_members, F_control, False)
        return guess_m, guess_c
    frames = (F, F_members, F_control)
    key = (
        regress,
        seed,
        target.dtype.str,
        target.tobytes(),
        *((f.shape, tuple(map(str, f.columns)), tuple(map(str, f.dtypes))) for f in frames),
    )
    kept = baselines.get(key)
    if kept is not None and all(_same_frame(a, b) for a, b in zip(kept[0], frames, strict=True)):
        baselines.move_to_end(key)
        guess_m, guess_c = kept[1]
        return guess_m.copy(), guess_c.copy()
    guess_m, guess_c, _ = _fit_predict(regress, seed, F, target, F_members, F_control, False)
    baselines[key] = (frames, (guess_m.copy(), guess_c.copy()))
    while len(baselines) > _BASELINES_KEPT:
        baselines.popitem(last=False)
    return guess_m, guess_c


def _same_frame(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Whether two attacker-feature frames hold the same cells: float bytes, equal strings."""
    if a.shape != b.shape or list(a.columns) != list(b.columns):
        return False
    for c in a.columns:
        u, v = a[c], b[c]
        if u.dtype != v.dtype:
            return False
        if u.dtype == np.float64:
            if not np.array_equal(u.to_numpy().view(np.uint64), v.to_numpy().view(np.uint64)):
                return False
        elif u.dtype.kind == "O":
            for x, y in zip(u.to_numpy(), v.to_numpy(), strict=True):
                if type(x) is not type(y):
                    return False
                if isinstance(x, str):
                    if x != y:
                        return False
                elif not (isinstance(x, float) and np.isnan(x) and np.isnan(y)):
                    return False
        else:
            return False
    return True


def _fit_predict(
    regress: bool,
    seed: int,
    F: pd.DataFrame,
    target: np.ndarray,
    F_members: pd.DataFrame,
    F_control: pd.DataFrame,
    confidence: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Fit an attack model on ``F``; its guesses on members and control, and its confidence."""
    model = _Learned(regress=regress, seed=seed).fit(F, target)
    conf = None
    if confidence:
        guess_m, conf = model.predict_with_confidence(F_members)
    else:
        guess_m = model.predict(F_members)
    return guess_m, model.predict(F_control), conf


def _paired_advantage(a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> Interval:
    """Mean of ``a - b`` (per-record successes) with a paired bootstrap percentile interval."""
    d = a.astype(np.int64) - b.astype(np.int64)
    n = len(d)
    p = np.array([np.mean(d == -1), np.mean(d == 0), np.mean(d == 1)])
    # resampling n pairs with replacement only changes the counts of -1, 0, +1
    counts = rng.multinomial(n, p / p.sum(), size=BOOTSTRAP)
    boot = (counts[:, 2] - counts[:, 0]) / n
    value = float(d.mean())
    low, high = np.quantile(boot, [0.025, 0.975])
    return Interval(value=value, low=min(float(low), value), high=max(float(high), value))


def _outcome(
    name: str,
    success_m: np.ndarray,
    success_c: np.ndarray,
    base_m: np.ndarray,
    base_c: np.ndarray,
    member_index: np.ndarray,
    rng: np.random.Generator,
    confidence: np.ndarray | None = None,
) -> AttackOutcome:
    nm, nc = len(success_m), len(success_c)
    km, kc = int(success_m.sum()), int(success_c.sum())
    adv = _paired_advantage(success_m, base_m, rng)
    return AttackOutcome(
        attack=name,
        n_members=nm,
        n_control=nc,
        members=wilson(km, nm),
        control=wilson(kc, nc),
        baseline=wilson(int(base_m.sum()), nm),
        baseline_control=wilson(int(base_c.sum()), nc),
        residual_risk=residual_risk_interval(km, nm, kc, nc),
        advantage=adv,
        no_better_than_baseline=not adv.low > 0,
        member_success=success_m,
        baseline_success=base_m,
        member_index=member_index,
        member_confidence=confidence,
    )


# ---------------------------------------------------------------------------
# the attacks
# ---------------------------------------------------------------------------


def _with_value(X: pd.DataFrame, column: Any, value: Any) -> pd.DataFrame:
    """``X`` with every row's ``column`` set to ``value``, keeping a categorical or text dtype."""
    out = X.copy()
    dtype = X[column].dtype
    if isinstance(dtype, pd.CategoricalDtype):
        out[column] = pd.Categorical([value] * len(X), dtype=dtype)
    elif isinstance(value, str) and _is_text(dtype):
        # an object column stays one (pandas 3 would infer its string dtype from the values)
        cells = np.full(len(X), value, dtype=object)
        out[column] = pd.Series(cells, index=out.index, dtype=dtype)
    else:
        out[column] = np.full(len(X), value, dtype=object if isinstance(value, str) else None)
        if not isinstance(value, str) and pd.api.types.is_numeric_dtype(dtype):
            out[column] = out[column].astype(np.result_type(dtype, np.asarray(value).dtype))
    return out


def _is_text(dtype: Any) -> bool:
    """Whether a column of this dtype holds Python strings: object, or pandas' string dtype."""
    return isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "O")


def _same_cells(before: pd.Series, after: pd.Series) -> np.ndarray:
    """Per row, whether ``after`` holds exactly what ``before`` holds (same type, same value).

    Conservative: only the same dtype counts, and in object columns only equal strings; a
    float is the same only with the same sign (``-0.0`` is not ``0.0``). False where unsure.
    """
    n = len(before)
    dtype = before.dtype
    if after.dtype != dtype:
        return np.zeros(n, dtype=bool)
    if isinstance(dtype, pd.CategoricalDtype):
        codes_b, codes_a = before.cat.codes.to_numpy(), after.cat.codes.to_numpy()
        return np.asarray((codes_b == codes_a) & (codes_b >= 0))
    if _is_text(dtype):
        b, a = before.to_numpy(dtype=object), after.to_numpy(dtype=object)
        return np.fromiter(
            (type(u) is str and type(v) is str and u == v for u, v in zip(b, a, strict=True)),
            dtype=bool,
            count=n,
        )
    if not isinstance(dtype, np.dtype):  # another extension type: not compared
        return np.zeros(n, dtype=bool)
    b, a = before.to_numpy(), after.to_numpy()
    if dtype.kind in "biu":
        return np.asarray(b == a)
    if dtype.kind == "f":
        return np.asarray((b == a) & (np.signbit(b) == np.signbit(a)))
    return np.zeros(n, dtype=bool)


def _outputs_of(query: _Query, frames: list[pd.DataFrame]) -> list[np.ndarray]:
    """The model's outputs on each of ``frames``, asked in one query when they can be stacked.

    The rows are independent (as :func:`~modelprivacy.attacks.target.query`
    relies on), so one query of the stacked rows answers what a query per frame
    would; per-call costs (a Pipeline's column checks, encoders) are paid once.
    Frames whose columns or types differ are asked separately, since stacking
    them would convert some.
    """
    if not frames:
        return []
    first = frames[0]
    same = all(
        f.columns.equals(first.columns) and f.dtypes.equals(first.dtypes) for f in frames[1:]
    )
    if len(frames) == 1 or not same:
        return [query.outputs(f) for f in frames]
    out = query.outputs(pd.concat(frames, ignore_index=True))
    bounds = np.cumsum([0, *(len(f) for f in frames)])
    return [out[a:b] for a, b in itertools.pairwise(bounds)]


def _model_attack(
    query: _Query,
    X: pd.DataFrame,
    y: np.ndarray | None,
    observed: np.ndarray,
    column: Any,
    candidates: np.ndarray,
    prior: np.ndarray,
    reuse: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Index of the chosen candidate for every record of ``X``, and the margin of the choice.

    With ``reuse``, a record whose value is the candidate is the record itself: the model's
    output on it is ``observed`` (the rows are independent), so only the other records are
    asked about.
    """
    n = len(X)
    score = np.empty((n, len(candidates)))
    per_query = max(1, _QUERY_ROWS // max(n, 1))  # candidates asked about in one query
    outs: list[np.ndarray] = []
    for j in range(len(candidates)):
        if j % per_query == 0:
            asked, kept = [], []
            for w in candidates[j : j + per_query]:
                changed = _with_value(X, column, w)
                same = _same_cells(X[column], changed[column]) if reuse else np.zeros(n, bool)
                asked.append(changed[~same] if same.any() else changed)
                kept.append(same)
            answers = iter(_outputs_of(query, [f for f in asked if len(f)]))
            outs = []
            for frame, same in zip(asked, kept, strict=True):
                answer = next(answers) if len(frame) else None
                if not same.any():
                    assert answer is not None
                    outs.append(answer)
                    continue
                full = np.array(observed, dtype=np.float64)
                if answer is not None:
                    full[~same] = answer
                outs.append(full)
        out = outs[j % per_query]
        if y is not None:
            fit = query.consistency(out, y)
            score[:, j] = fit * prior[j] if query.output != "regression" else fit
        else:
            score[:, j] = -((out - observed) ** 2).sum(axis=1)
    return _pick(score, prior), _margin(score)


def _attack_column(
    column: Any,
    query: _Query,
    in_model: bool,
    attacker: _Part,
    members: _Part,
    control: _Part,
    member_rows: np.ndarray,
    outputs: dict[str, np.ndarray],
    *,
    known_label: bool,
    attacks: tuple[str, ...],
    tolerance: float,
    grid: int,
    seed: int,
    col_no: int,
) -> ColumnResult:
    pop_values = attacker.X[column]
    if pop_values.notna().sum() == 0:
        raise DataError(
            f"sensitive column {column!r} has only missing values in the attacker's population "
            "data; pass a column with observed values, or a population that has them"
        )
    # records whose sensitive value is missing cannot be scored
    keep = {
        "attacker": attacker.X[column].notna().to_numpy(),
        "members": members.X[column].notna().to_numpy(),
        "control": control.X[column].notna().to_numpy(),
    }
    if keep["control"].sum() < MIN_CONTROL:
        raise DataError(
            f"only {int(keep['control'].sum())} control records have a value in sensitive column "
            f"{column!r}; at least {MIN_CONTROL} are needed: pass more holdout records or a "
            "population"
        )
    if keep["members"].sum() < 1:
        raise DataError(
            f"no training record has a value in sensitive column {column!r}; pass training "
            "data with observed values"
        )
    att = attacker.take(np.flatnonzero(keep["attacker"]))
    mem = members.take(np.flatnonzero(keep["members"]))
    con = control.take(np.flatnonzero(keep["control"]))
    out_a = outputs["attacker"][keep["attacker"]]
    out_m = outputs["members"][keep["members"]]
    out_c = outputs["control"][keep["control"]]
    mem_rows = member_rows[keep["members"]]

    pop = att.X[column]
    categorical = _is_categorical(pop, grid)
    if categorical:
        uniques = _factorize(pop)
        candidates = uniques.to_numpy()
        codes_a = uniques.get_indexer(pop.to_numpy())
        prior = np.bincount(codes_a, minlength=len(uniques)) / len(codes_a)
        truth_m = uniques.get_indexer(mem.X[column].to_numpy())
        truth_c = uniques.get_indexer(con.X[column].to_numpy())
        tol_abs = 0.0
    else:
        vals = pop.to_numpy(dtype=np.float64)
        qs = (np.arange(grid) + 0.5) / grid
        candidates = np.unique(np.quantile(vals, qs, method="inverted_cdf"))
        # each candidate carries the population mass nearest to it
        mids = (candidates[1:] + candidates[:-1]) / 2
        prior = np.bincount(np.searchsorted(mids, vals), minlength=len(candidates)) / len(vals)
        q05, q95 = np.quantile(vals, [0.05, 0.95])
        tol_abs = tolerance * float(q95 - q05)
        truth_m = mem.X[column].to_numpy(dtype=np.float64)
        truth_c = con.X[column].to_numpy(dtype=np.float64)

    def success(guess: np.ndarray, truth: np.ndarray) -> np.ndarray:
        if categorical:
            return np.asarray((guess == truth) & (truth >= 0))
        return np.asarray(np.abs(guess.astype(np.float64) - truth) <= tol_abs)

    # baseline: the learned attack without the model's outputs
    def label(part: _Part) -> dict[str, np.ndarray]:
        return {"label_": part.y} if known_label and part.y is not None else {}

    # Columns without a single value in the attacker's data carry nothing to
    # learn from (and HistGradientBoosting cannot bin them): the learned
    # attacks leave them out, and the result says so.
    empty = [c for c in att.X.columns if c != column and not att.X[c].notna().any()]

    def learn_from(X: pd.DataFrame) -> pd.DataFrame:
        return X.drop(columns=empty) if empty else X

    # the baseline's features (the other columns and the label), built once per part; the
    # learned attack's are the same with the model's outputs appended
    F_att, F_mem, F_con = (_features(learn_from(p.X), column, label(p)) for p in (att, mem, con))
    y_attack = codes_a if categorical else att.X[column].to_numpy(dtype=np.float64)
    regress = not categorical
    guess_m, guess_c = _baseline_guesses(regress, seed, F_att, y_attack, F_mem, F_con)
    base_m, base_c = success(guess_m, truth_m), success(guess_c, truth_c)
    # An attacker without the model may also guess the most frequent value (the median of a
    # numeric column); on small data that beats a model of the other columns. The stronger of
    # the two on the control records is the baseline.
    constant = int(np.argmax(prior)) if categorical else float(np.median(pop.to_numpy(np.float64)))
    major_m = success(np.full(len(truth_m), constant), truth_m)
    major_c = success(np.full(len(truth_c), constant), truth_c)
    baseline = "learned"
    if major_c.sum() >= base_c.sum():
        base_m, base_c, baseline = major_m, major_c, "majority"

    outcomes: dict[str, AttackOutcome] = {}
    skipped: dict[str, str] = {}
    conf: np.ndarray | None
    for a_no, name in enumerate(attacks):
        rng = np.random.default_rng([seed, col_no, a_no])
        if name == "model":
            if not in_model:
                skipped[name] = (
                    "the column is not one of the model's inputs; only the learned attack runs "
                    "(the model is queried without the column)"
                )
                continue
            both = pd.concat([mem.X, con.X], ignore_index=True)
            y_both = (
                np.concatenate([mem.y, con.y])
                if known_label and mem.y is not None and con.y is not None
                else None
            )
            # not for a black box, whose answers may vary between calls and whose queries count
            reuse = not isinstance(query.model, BlackBox)
            idx, margin = _model_attack(
                query, both, y_both, np.vstack([out_m, out_c]), column, candidates, prior, reuse
            )
            guess = idx if categorical else candidates[idx]
            s_m, s_c = success(guess[: len(mem.X)], truth_m), success(guess[len(mem.X) :], truth_c)
            conf = margin[: len(mem.X)]
        else:
            pred_m, pred_c, conf = _fit_predict(
                regress,
                seed,
                _with_outputs(F_att, out_a),
                y_attack,
                _with_outputs(F_mem, out_m),
                _with_outputs(F_con, out_c),
                True,
            )
            s_m, s_c = success(pred_m, truth_m), success(pred_c, truth_c)
        outcomes[name] = _outcome(name, s_m, s_c, base_m, base_c, mem_rows, rng, conf)
    if not outcomes:
        raise DataError(
            f"no attack could run on sensitive column {column!r}: "
            + "; ".join(f"{k}: {v}" for k, v in skipped.items())
            + "; add 'learned' to attacks"
        )
    warnings = [
        f"the {name} attack does no better than the baseline that guesses without the model"
        for name, o in outcomes.items()
        if o.no_better_than_baseline
    ]
    warnings += [f"the {name} attack was skipped: {why}" for name, why in skipped.items()]
    if empty:
        shown = ", ".join(repr(str(c)) for c in empty[:10])
        warnings.append(
            f"column(s) {shown} have no value in the attacker's data and were left out of the "
            "learned attacks"
        )
    return ColumnResult(
        column=column,
        kind="categorical" if categorical else "numeric",
        n_candidates=len(candidates),
        in_model=in_model,
        tolerance=None if categorical else tolerance,
        outcomes=outcomes,
        skipped=skipped,
        warnings=tuple(warnings),
        baseline=baseline,
    )


def attribute_inference(
    model: Any = None,
    train: Any = None,
    holdout: Any = None,
    *,
    predict_proba: Callable[[Any], Any] | None = None,
    predict: Callable[[Any], Any] | None = None,
    classes: Any = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    target: str | None = None,
    y_train: Any = None,
    y_holdout: Any = None,
    sensitive: Sequence[Column],
    population: Any = None,
    y_population: Any = None,
    known_label: bool = True,
    attacks: Sequence[str] = ATTACKS,
    tolerance: float = 0.05,
    grid: int = 20,
    max_records: int | None = 5000,
    seed: int = 0,
) -> AttributeResult:
    """Test how well an attacker infers sensitive attributes of training records through the model.

    Parameters
    ----------
    model : estimator, optional
        The fitted target model (classifier or regressor, plain or Pipeline).
    train : DataFrame or array-like
        The records the model was fitted on (members), raw data for a Pipeline.
        It may hold sensitive columns that the model does not take.
    holdout : DataFrame or array-like
        Records from the same population that the model was not fitted on.
        Split with the seed into an attacker-training half and a control half,
        unless ``population`` is given (then all of it is control).
    predict_proba : callable, optional
        Instead of ``model``, a black box: a function from records (a
        DataFrame with every training column but the target) to class
        probabilities (see :class:`~modelprivacy.attacks.target.BlackBox`).
    predict : callable, optional
        Instead of ``model``, a regressor's function from records to predictions.
    classes : array-like, optional
        The labels of ``predict_proba``'s columns; by default the sorted
        distinct labels of ``train``'s target.
    batch_size : int, default=1000
        Records per call of a black-box function.
    target : str, optional
        Name of the label column in ``train``/``holdout``/``population``.
    y_train, y_holdout : array-like, optional
        Labels, when the data has no target column.
    sensitive : sequence of str or int
        The columns to infer: names for a DataFrame, indices for an array.
    population, y_population : optional
        Extra records from the population, which train the attacks.
    known_label : bool, default=True
        Whether the attacker knows each person's true label.
    attacks : sequence of str, default=("model", "learned")
        Which attacks to run.
    tolerance : float, default=0.05
        A numeric guess succeeds when within ``tolerance`` times the
        population's 5th-95th percentile range of the true value.
    grid : int, default=20
        Number of population quantiles tried for a numeric column; numeric
        columns with at most ``grid`` distinct values are treated as
        categorical (exact match).
    max_records : int or None, default=5000
        At most this many members and as many control records are attacked,
        and at most twice as many records train the learned attack.
    seed : int, default=0
        Seeds the holdout split, the samples, the attack models and the bootstrap.

    Returns
    -------
    AttributeResult
        Success rates, residual risk and advantage per column and attack.

    Raises
    ------
    DataError
        A missing or invalid sensitive column, a sensitive column that is the
        target, missing labels, or fewer than 10 control records.
    ValueError
        An unknown attack or an invalid ``tolerance``, ``grid`` or ``max_records``.
    """
    model = as_query_model(model, predict_proba, predict, classes=classes, batch_size=batch_size)
    if train is None or holdout is None:
        raise DataError("attribute inference needs the training data and a holdout of non-members")
    chosen = tuple(attacks)
    unknown = [a for a in chosen if a not in ATTACKS]
    if unknown or not chosen:
        raise ValueError(
            f"unknown attack(s) {unknown!r}; choose one or more of: {', '.join(ATTACKS)}"
        )
    if not (isinstance(tolerance, int | float) and tolerance >= 0):
        raise ValueError(f"tolerance must be a number >= 0; got {tolerance!r}")
    if not (isinstance(grid, int) and grid >= 2):
        raise ValueError(f"grid must be an integer >= 2; got {grid!r}")
    if max_records is not None and not (isinstance(max_records, int) and max_records >= 1):
        raise ValueError(f"max_records must be a positive integer or None; got {max_records!r}")

    if isinstance(sensitive, str | int):
        sensitive = [sensitive]
    if target is not None and target in list(sensitive):
        raise _target_error(target)
    tr, is_frame, columns = _part(train, y_train, target, "train", known_label)
    ho, _, ho_cols = _part(holdout, y_holdout, target, "holdout", known_label)
    if ho_cols != columns:
        raise DataError(
            "the holdout data's columns differ from the training data's; pass both with the "
            "same columns in the same order"
        )
    sens = _resolve_sensitive(sensitive, columns, is_frame, target)
    if isinstance(model, BlackBox):
        model.bind(tr.X if is_frame else tr.X.to_numpy(), tr.y)
    queries_before = model.n_queries if isinstance(model, BlackBox) else 0
    model_cols, as_frame = _model_columns(model, columns, sens, is_frame)
    check_disjoint(tr.X, ho.X)
    query = _Query(model, model_cols, as_frame)

    rng = np.random.default_rng(seed)
    if population is not None:
        pop, _, pop_cols = _part(population, y_population, target, "population", known_label)
        if pop_cols != columns:
            raise DataError(
                "the population data's columns differ from the training data's; pass it with the "
                "same columns in the same order"
            )
        attacker, control = pop, ho
    else:
        order = rng.permutation(len(ho.X))
        half = len(order) // 2
        attacker, control = ho.take(np.sort(order[:half])), ho.take(np.sort(order[half:]))
    n_control_available = len(control.X)
    if len(control.X) < MIN_CONTROL:
        raise DataError(
            f"only {len(control.X)} control records; at least {MIN_CONTROL} are needed: pass more "
            "holdout records (half of them are control unless population is given)"
        )
    if len(attacker.X) < 2:
        raise DataError(
            "fewer than 2 records train the attack; pass more holdout records or a population"
        )
    if max_records is not None and len(attacker.X) > 2 * max_records:
        attacker = attacker.take(
            np.sort(rng.choice(len(attacker.X), size=2 * max_records, replace=False))
        )
    n = min(len(tr.X), len(control.X), max_records or len(control.X))
    member_rows = np.sort(rng.choice(len(tr.X), size=n, replace=False))
    members = tr.take(member_rows)
    if len(control.X) > n:
        control = control.take(np.sort(rng.choice(len(control.X), size=n, replace=False)))

    roles = {"attacker": attacker, "members": members, "control": control}
    outputs = dict(zip(roles, _outputs_of(query, [p.X for p in roles.values()]), strict=True))
    results: dict[Column, ColumnResult] = {}
    for col_no, column in enumerate(sens):
        results[column] = _attack_column(
            column,
            query,
            column in model_cols,
            attacker,
            members,
            control,
            member_rows,
            outputs,
            known_label=known_label,
            attacks=chosen,
            tolerance=float(tolerance),
            grid=grid,
            seed=seed,
            col_no=col_no,
        )
    return AttributeResult(
        columns=results,
        known_label=known_label,
        output=query.output,
        n_attacker=len(attacker.X),
        seed=seed,
        n_train=len(tr.X),
        n_holdout=len(ho.X),
        n_control_available=n_control_available,
        population=population is not None,
        max_records=max_records,
        queries=model.n_queries - queries_before if isinstance(model, BlackBox) else None,
    )


# ---------------------------------------------------------------------------
# the finding
# ---------------------------------------------------------------------------


def _rating(best: AttackOutcome) -> float:
    """What the rating steps on: the lower end of the advantage, capped by that of the gap."""
    return min(best.advantage.low, best.gap.low)


def _severity(
    best: AttackOutcome, high_risk: float = HIGH_RISK, medium_risk: float = MEDIUM_RISK
) -> Severity:
    """The rating: not accused unless the advantage's lower end is above 0 (see the module)."""
    if not best.advantage.low > 0:
        return Severity.INFO
    q = _rating(best)
    if q >= high_risk:
        return Severity.HIGH
    if q >= medium_risk:
        return Severity.MEDIUM
    return Severity.LOW


def _baseline_text(col: ColumnResult, known_label: bool) -> str:
    """What the baseline of a column is, in a few words."""
    if col.baseline == "majority":
        value = "the most frequent value" if col.kind == "categorical" else "the median"
        return f"{value}, which beat a model of the other columns on the control records"
    label = " and the label" if known_label else ""
    return f"a model of the other columns{label}, learned on population records"


def _name(column: Column) -> str:
    return f"column {column}" if isinstance(column, int) else str(column)


def attribute_finding(
    result: AttributeResult,
    column: Column,
    ids: Any = None,
    *,
    high_risk: float = HIGH_RISK,
    medium_risk: float = MEDIUM_RISK,
) -> Finding:
    """Summarise the attacks on one sensitive column as one finding.

    Parameters
    ----------
    result : AttributeResult
        The result of :func:`attribute_inference`.
    column : str or int
        A sensitive column that was attacked.
    ids : array-like, optional
        Record IDs of the training records (row positions by default).
    high_risk, medium_risk : float, default=0.10, 0.03
        Lower end of the 95% interval of the model's advantage over the
        baseline from which the finding is high, medium (low above 0; info,
        not accused, at 0 or below).

    Returns
    -------
    Finding
        Check ``MP-I301``, criterion inference; severity from the thresholds
        in this module; records: the members recovered beyond the baseline.
        The description holds counts and rates, never values.
    """
    best = result.best(column)  # a KeyError names the attacked columns
    col = result.columns[column]
    severity = _severity(best, high_risk, medium_risk)
    exposed = best.exposed
    record_ids = exposed if ids is None else np.asarray(ids)[exposed]
    name = _name(column)
    label = "the true label" if result.known_label else "no label"
    match = (
        "exactly"
        if col.kind == "categorical"
        else f"within {col.tolerance:.0%} of the population's 5th-95th percentile range"
    )
    attack_name = "model-based" if best.attack == "model" else "learned"
    r, a, b = best.residual_risk, best.advantage, best.beyond_baseline
    n = best.n_members
    only_attack = int((best.member_success & ~best.baseline_success).sum())
    only_base = int((~best.member_success & best.baseline_success).sum())
    description = (
        f"An attacker who knows a person's other features, the model's output and {label} "
        f"recovers {name!r} {match} for {best.recovered:,} of {n:,} training records "
        f"({best.members.value:.1%} [{best.members.low:.1%}, {best.members.high:.1%}]) with the "
        f"{attack_name} attack. A baseline that guesses without the model ({_baseline_text(col, result.known_label)}) "
        "recovers "
        f"{best.baseline_recovered:,} of the same {n:,} ({best.baseline.value:.1%}): the model "
        f"adds {a.value:+.1%} [{a.low:+.1%}, {a.high:+.1%}] (paired bootstrap, 95%, seeded), "
        f"{best.n_exposed:,} records beyond the baseline [{b.low:,.0f}, {b.high:,.0f}] "
        f"({only_attack:,} recovered that the baseline misses, {only_base:,} the other way round)."
    )
    sample = result.sample_sentence(best.n_members, best.n_control)
    if sample:
        description += " " + sample
    if severity is Severity.INFO:
        description += (
            " The attack does no better than the baseline: what it recovers, the population "
            "data alone reveals; not rated as inference."
        )
    else:
        bound = high_risk if severity is Severity.HIGH else medium_risk
        q = _rating(best)
        if severity is Severity.LOW:
            why = (
                f"the lower end of the model's advantage over the baseline is {a.low:+.1%}, above "
                "0; capped by the lower end of the members-vs-control gap (below), what it "
                f"reveals about the training records beyond anyone else is {q:+.1%}, under "
                f"{medium_risk:.0%}"
            )
        else:
            why = (
                f"the lower end of the model's advantage over the baseline ({a.low:+.1%}) and "
                f"that of the members-vs-control gap (below) are at least {bound:.0%}"
            )
        description += f" Rated {severity.value}: {why}."
    g = best.gap
    description += (
        f" On {best.n_control:,} control records (not in the training data) the attack recovers "
        f"{best.control.value:.1%} [{best.control.low:.1%}, {best.control.high:.1%}]: a "
        f"members-vs-control gap of {g.value:+.1%} [{g.low:+.1%}, {g.high:+.1%}] (residual risk "
        f"{r.value:.2f} [{r.low:.2f}, {r.high:.2f}])."
    )
    if g.low > 0:
        description += (
            " That gap tells members from non-members: it is membership signal, counted under "
            "linkability (membership inference, MP-L201); inference is rated on the advantage "
            "over the baseline only."
        )
    elif severity is not Severity.INFO:
        description += (
            " The model's outputs reveal the value of training and control records alike: an "
            "inference about anyone the model is queried on, not specific to the people it was "
            "trained on, so rated low at most."
        )
    if "model" in col.skipped:
        description += " The model-based attack was skipped: the column is not a model input."
    if severity is Severity.INFO:
        description += (
            " No evidence of attribute inference at the tested strength; this is not proof "
            "of safety."
        )
    return Finding(
        check_id=CHECK_ID,
        title=f"Attribute inference: {name}",
        criterion=Criterion.INFERENCE,
        severity=severity,
        confidence=Confidence.HIGH,
        path="(predictions)",
        estimator="",
        description=description,
        records=RecordsExposed.from_ids(record_ids, of=best.n_members),
        remedy=(
            "Regularise the model (min_samples_leaf, max_depth, weight decay) or train on more "
            "data so it stops memorising individual records; train with differential privacy; "
            "release coarser outputs (labels or rounded probabilities); drop the sensitive column "
            "and its close proxies from the model's inputs if the task allows."
        ),
        docs="docs/attribute.md#mp-i301",
        evidence=result.column_dict(column),
    )
