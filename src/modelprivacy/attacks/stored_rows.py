"""MP-L202 Membership from stored rows (white-box lookup).

A model that stores training rows verbatim (k-nearest neighbours, the support
vectors of an SVM, Gaussian processes, kernel methods; see MP-S101) answers the
membership question without a single query: anyone holding the file and a
person's record can check whether the record is stored in it. This attack does
exactly that, and measures it with the same statistics as the black-box
membership attacks (MP-L201), so that the two can be compared and the verdict
takes the stronger.

How it scores: the rows MP-S101 finds in the model are taken in the space the
model stores them (raw, or as transformed by the preceding pipeline steps, and
rounded to float32 when the model stores float32). Every audited record, member
or non-member, is put through the same fitted steps and scored by its distance
to the nearest stored row (score = -distance, so a record stored verbatim scores
0, the highest possible). With several stored arrays (an ensemble) the nearest
row over all of them counts. No reference model is fitted.

Honest about duplicates: a non-member identical to a stored row scores 0 too,
and counts as a false positive. Members that are not stored themselves but
equal a stored row (a duplicate of a support vector) are found, rightly: their
record is in the file. An SVM stores only its support vectors, so the true
positive rate is about the share of members that are support vectors.

Statistics: ROC AUC with DeLong's interval; TPR at 0.1%, 1% and 10% FPR with
Clopper-Pearson intervals; the advantage; the empirical epsilon lower bound
(threshold chosen on one half of the records, counted on the other).

Severity (thresholds of :class:`~modelprivacy.auditing.verdict.Thresholds`):

- high: the lower end of the interval of TPR at 1% FPR is at least 10% (with
  enough non-members to resolve 1% FPR), or the epsilon lower bound is at
  least 1.0;
- medium: that lower end is at least 3%, or the epsilon lower bound is at least 0.1;
- low: the epsilon lower bound is above 0, or the AUC's interval lies above 0.5;
- info: otherwise.

Records exposed: as for MP-L201, the members flagged at the threshold that
yields 1% FPR on the non-members beyond the count expected there by chance
(the description gives both counts).

Skipped, with the reason, when the model stores no training rows, when the
stored rows do not equal the training data as given, or without a holdout.

Remedy: do not share the model file; replace the model by one that does not
store rows, or keep it in a trusted environment and share predictions only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse

from modelprivacy.attacks.api import AttackMetrics, _sample, evaluate
from modelprivacy.findings import Confidence, Criterion, Finding, RecordsExposed, Severity

__all__ = [
    "ATTACK",
    "CHECK_ID",
    "MEANING",
    "NoStoredRowsError",
    "StoredArray",
    "StoredRowsResult",
    "stored_rows_finding",
    "stored_rows_lookup",
]

CHECK_ID = "MP-L202"
ATTACK = "stored_rows_lookup"
TITLE = "Membership from stored rows (white-box)"
MEANING = (
    "Anyone holding the model file and a person's record can check whether the record is "
    "stored in it."
)
REMEDY = (
    "Do not share this model file: it stores people's records, so membership can be read "
    "from it. Use a model that does not store training rows (a tree ensemble with a minimum "
    "leaf size, a linear model), or keep the model in a trusted environment and share "
    "predictions only."
)
DOCS = "docs/audit.md#mp-l202"
_FPRS = (0.001, 0.01, 0.1)
_CHUNK = 2048


class NoStoredRowsError(ValueError):
    """The model stores no training rows that can be looked up; the message says why."""


@dataclass(frozen=True)
class StoredArray:
    """One array of stored rows that the lookup searched.

    Attributes
    ----------
    path : str
        Attribute path in the fitted model, e.g. ``"steps[1]._fit_X"``.
    estimator : str
        Class name of the estimator holding it.
    rows : int
        Stored rows.
    columns : int
        Columns compared.
    space : str
        Where the rows live: ``"raw"`` (the data as given) or ``"input"`` (the
        estimator's own input, after the preceding pipeline steps).
    float32 : bool
        Whether records were rounded to float32 to be compared (a float32 model).
    training_rows : int
        How many stored rows equal a training row (as MP-S101 counts them).
    """

    path: str
    estimator: str
    rows: int
    columns: int
    space: str
    float32: bool
    training_rows: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "path": self.path,
            "estimator": self.estimator,
            "rows": self.rows,
            "columns": self.columns,
            "space": self.space,
            "float32": self.float32,
            "training_rows": self.training_rows,
        }


@dataclass(frozen=True)
class StoredRowsResult:
    """The result of :func:`stored_rows_lookup`.

    Attributes
    ----------
    metrics : AttackMetrics
        AUC, TPR at 0.1%, 1% and 10% FPR, advantage and epsilon lower bound,
        as for the black-box attacks (attack name :data:`ATTACK`).
    scores : ndarray
        Score of every audited record (members first, then non-members):
        minus the distance to the nearest stored row, 0 for a stored record.
    is_member : ndarray of bool
        Ground truth for the audited records.
    arrays : tuple of StoredArray
        The stored arrays searched.
    members_found : int
        Audited members identical to a stored row.
    nonmembers_found : int
        Audited non-members identical to a stored row (false positives).
    shared : ndarray of bool
        For each audited member: its row, as the model stores it, is also
        the row of an audited non-member (so finding it proves nothing).
    member_index : ndarray
        Row in the training data of each audited member.
    n_train, n_holdout : int
        Records given, before any sampling.
    seed : int
        The seed (sampling and the epsilon threshold split).
    """

    metrics: AttackMetrics
    scores: np.ndarray = field(repr=False)
    is_member: np.ndarray = field(repr=False)
    arrays: tuple[StoredArray, ...] = ()
    members_found: int = 0
    nonmembers_found: int = 0
    shared: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool), repr=False)
    member_index: np.ndarray = field(
        default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False
    )
    n_train: int = 0
    n_holdout: int = 0
    seed: int = 0

    @property
    def n_members(self) -> int:
        """Number of members audited."""
        return int(self.is_member.sum())

    @property
    def n_nonmembers(self) -> int:
        """Number of non-members audited."""
        return int((~self.is_member).sum())

    @property
    def found_alone(self) -> np.ndarray:
        """Audited members found in the file whose row no audited non-member shares."""
        found = self.scores[self.is_member] == 0.0
        shared = self.shared if self.shared.size == found.size else np.zeros_like(found)
        return found & ~shared

    @property
    def members_found_alone(self) -> int:
        """How many audited members :attr:`found_alone` holds."""
        return int(self.found_alone.sum())

    @property
    def n_stored(self) -> int:
        """Stored rows searched, over all arrays."""
        return sum(a.rows for a in self.arrays)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (without the per-record scores)."""
        return {
            "attack": ATTACK,
            "meaning": MEANING,
            "seed": self.seed,
            "n_members": self.n_members,
            "n_nonmembers": self.n_nonmembers,
            "n_train": self.n_train,
            "n_holdout": self.n_holdout,
            "n_stored": self.n_stored,
            "members_found": self.members_found,
            "nonmembers_found": self.nonmembers_found,
            "members_found_alone": self.members_found_alone,
            "arrays": [a.to_dict() for a in self.arrays],
            "metrics": self.metrics.to_dict(),
        }


@dataclass
class _Space:
    """A stored array and how to put records into its space."""

    node: Any
    rows: np.ndarray
    kind: str
    float32: bool
    training_rows: int


def _stored_spaces(model: Any, data: Any) -> tuple[list[_Space], str]:
    """The arrays MP-S101 attributes to training rows, each with the space it matches in.

    Returns the spaces, and why there are none when the list is empty.
    """
    from modelprivacy.inspection import checks as _checks  # noqa: F401  (registers MP-S101)
    from modelprivacy.inspection._base import CHECKS, Context
    from modelprivacy.inspection.walker import walk

    rows_check = "MP-S101"
    nodes = list(walk(model, []))
    # Rows are 2-D numeric arrays (or sparse matrices) of at least two rows: a
    # model without any (a linear model, a forest's trees) stores none, and the
    # training data need not be indexed to say so.
    if not any(
        (isinstance(n.value, np.ndarray) and n.value.ndim == 2 and n.value.shape[0] >= 2)
        or (scipy.sparse.issparse(n.value) and n.value.shape[0] >= 2)
        for n in nodes
    ):
        return [], "the model stores no training rows (it holds no table of two or more rows)"
    ctx = Context(root=model, nodes=nodes, data=data)
    for _ in CHECKS[rows_check].func(ctx):  # MP-S101 runs first in an inspection: same claims
        pass
    claimed = {p for p, c in ctx.claimed.items() if c == rows_check}
    if not claimed:
        return [], "the model stores no training rows (MP-S101 found none)"
    spaces: list[_Space] = []
    for node, arr in ctx.arrays():
        if node.path not in claimed or arr.ndim != 2:
            continue
        best: _Space | None = None
        own = data.input_for(node.owner_path)
        for kind, X in (("input", own), ("raw", data.X)):
            if kind == "raw" and own is data.X:
                continue
            m, _ = data.numeric(X)
            if m is None or m.shape[1] > arr.shape[1]:
                continue
            candidate = arr[:, arr.shape[1] - m.shape[1] :]
            for f32 in (arr.dtype == np.float32, arr.dtype != np.float32):  # as MP-S101 tries
                index = data.rows(X, float32=bool(f32))
                n_rows = index.match(candidate)[0] if index is not None else 0
                if n_rows and (best is None or n_rows > best.training_rows):
                    best = _Space(node, candidate, kind, bool(f32), n_rows)
        if best is not None:
            spaces.append(best)
    if not spaces:
        return [], (
            "the rows stored in the model do not equal the training data as given "
            "(an input that could not be replayed through the pipeline?)"
        )
    return spaces, ""


def _as_space(rows: np.ndarray, float32: bool) -> np.ndarray:
    """Records as compared: float64, rounded through float32 if asked; -0.0 becomes 0.0."""
    m = np.asarray(rows, dtype=np.float32 if float32 else np.float64).astype(np.float64)
    return np.ascontiguousarray(m + 0.0)


def _nearest(stored: np.ndarray, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Euclidean distance of each query to its nearest stored row, and whether it is stored.

    Missing values (NaN) are compared with scikit-learn's ``nan_euclidean``
    distance; identical rows (NaN in the same places) are found by their bytes
    and have distance exactly 0.
    """
    from sklearn.metrics import pairwise_distances_argmin_min
    from sklearn.metrics.pairwise import nan_euclidean_distances

    keys = {row.tobytes() for row in stored}
    exact = np.fromiter((q.tobytes() in keys for q in queries), dtype=bool, count=len(queries))
    dist = np.zeros(len(queries), dtype=np.float64)
    todo = np.flatnonzero(~exact)
    if todo.size:
        q = queries[todo]
        if np.isfinite(stored).all() and np.isfinite(q).all():
            nearest, _ = pairwise_distances_argmin_min(q, stored)
            # the exact distance to the nearest row (the fast path rounds near 0)
            d = np.sqrt(((q - stored[nearest]) ** 2).sum(axis=1))
        else:
            parts = []
            for i in range(0, len(q), _CHUNK):
                dd = nan_euclidean_distances(q[i : i + _CHUNK], stored)
                parts.append(np.where(np.isnan(dd), np.inf, dd).min(axis=1))
            d = np.concatenate(parts)
        # a row that differs from every stored row never ties with one that is stored
        dist[todo] = np.maximum(d, np.nextafter(0.0, 1.0))
    return dist, exact


def stored_rows_lookup(
    model: Any,
    X_train: Any,
    X_holdout: Any,
    *,
    y_train: Any = None,
    max_records: int | None = None,
    seed: int = 0,
) -> StoredRowsResult:
    """Look every member and non-member up among the rows stored in the model.

    Parameters
    ----------
    model : estimator
        The fitted model.
    X_train : DataFrame or array-like
        The training features exactly as given to ``fit`` (members), without
        the target, ID and subject columns.
    X_holdout : DataFrame or array-like
        Features of records from the same population that the model was not
        fitted on (non-members), in the same form.
    y_train : array-like, optional
        The training target (only for estimators whose input includes it,
        such as classifier chains).
    max_records : int, optional
        Look up at most this many members and as many non-members, a seeded
        random sample (for a regressor, the one
        :func:`~modelprivacy.attacks.api.membership_inference` draws; for a
        classifier it samples each class in its share instead, see
        :func:`~modelprivacy.attacks.api.scored_records`). All records by
        default.
    seed : int, default=0
        Seeds the sample and the epsilon threshold split.

    Returns
    -------
    StoredRowsResult
        The metrics, per-record scores and the arrays searched.

    Raises
    ------
    NoStoredRowsError
        When the model stores no training rows, or none that equal the
        training data as given.
    """
    from sklearn.utils import _safe_indexing

    from modelprivacy.inspection.data import TrainingData

    train = TrainingData(X=X_train, y=None if y_train is None else np.asarray(y_train))
    train.bind(model)
    spaces, why = _stored_spaces(model, train)
    if not spaces:
        raise NoStoredRowsError(why)
    n_m, n_n = train.n, len(X_holdout)
    if n_m < 2 or n_n < 2:
        raise ValueError("the stored rows lookup needs at least 2 members and 2 non-members")
    sel_m, sel_n = (
        _sample(n, max_records, np.random.default_rng([seed, i])) for i, n in enumerate((n_m, n_n))
    )
    holdout = TrainingData(X=_safe_indexing(X_holdout, sel_n))
    holdout.bind(model)
    dist = np.full(sel_m.size + sel_n.size, np.inf)
    found = np.zeros(dist.size, dtype=bool)
    shared = np.zeros(sel_m.size, dtype=bool)
    searched: list[StoredArray] = []
    for sp in spaces:
        width = sp.rows.shape[1]
        parts = []
        for data, take in ((train, sel_m), (holdout, None)):
            X = data.input_for(sp.node.owner_path) if sp.kind == "input" else data.X
            m, _ = data.numeric(X)
            if m is None or m.shape[1] != width:
                break
            parts.append(m if take is None else m[take])
        if len(parts) != 2:
            continue  # the holdout does not reach this estimator in the same form
        d, exact = _nearest(_as_space(sp.rows, sp.float32), _as_space(np.vstack(parts), sp.float32))
        dist = np.minimum(dist, d)
        found |= exact
        others = {row.tobytes() for row in _as_space(parts[1], sp.float32)}
        shared |= np.fromiter(
            (row.tobytes() in others for row in _as_space(parts[0], sp.float32)),
            dtype=bool,
            count=sel_m.size,
        )
        searched.append(
            StoredArray(
                path=sp.node.path,
                estimator=type(sp.node.owner).__name__,
                rows=int(sp.rows.shape[0]),
                columns=int(width),
                space=sp.kind,
                float32=sp.float32,
                training_rows=int(sp.training_rows),
            )
        )
    if not searched:
        raise NoStoredRowsError(
            "the holdout could not be put into the space where the model stores its rows "
            "(its columns or types differ from the training data)"
        )
    dist[found] = 0.0
    scores = -dist
    is_member = np.r_[np.ones(sel_m.size, dtype=bool), np.zeros(sel_n.size, dtype=bool)]
    rng = np.random.default_rng([seed, 202])
    metrics = evaluate(ATTACK, scores[is_member], scores[~is_member], rng)
    return StoredRowsResult(
        metrics=metrics,
        scores=scores,
        is_member=is_member,
        arrays=tuple(searched),
        members_found=int(found[is_member].sum()),
        nonmembers_found=int(found[~is_member].sum()),
        shared=shared,
        member_index=sel_m,
        n_train=n_m,
        n_holdout=n_n,
        seed=seed,
    )


def _group_paths(arrays: Sequence[StoredArray]) -> list[str]:
    from modelprivacy.inspection._base import group_path

    return list(dict.fromkeys(group_path(a.path) for a in arrays))


def stored_rows_finding(
    result: StoredRowsResult,
    ids: np.ndarray | None = None,
    *,
    high_tpr: float = 0.10,
    medium_tpr: float = 0.03,
    high_epsilon: float = 1.0,
    medium_epsilon: float = 0.1,
) -> Finding:
    """Summarise a stored-rows lookup as one linkability finding (MP-L202).

    Parameters
    ----------
    result : StoredRowsResult
        The lookup.
    ids : ndarray, optional
        Record IDs of the training records (row positions by default).
    high_tpr, medium_tpr : float, default=0.10, 0.03
        Lower end of the interval of TPR at 1% FPR from which the finding is
        high, medium.
    high_epsilon, medium_epsilon : float, default=1.0, 0.1
        Epsilon lower bound from which the finding is high, medium.

    Returns
    -------
    Finding
        Criterion linkability; severity as documented in this module.
    """
    from modelprivacy.attacks.findings import beyond_chance, rate_membership

    m = result.metrics
    tpr = m.tpr_at_fpr[0.01]
    eps = m.epsilon
    resolvable = m.resolvable[0.01]
    severity, why = rate_membership(
        m,
        high_tpr=high_tpr,
        medium_tpr=medium_tpr,
        high_epsilon=high_epsilon,
        medium_epsilon=medium_epsilon,
    )
    # Records exposed: the lookup's own threshold is "found in the file". Beyond
    # chance, as for MP-L201: members found minus the non-member rate times the
    # members. The records named are the members found whose row no non-member
    # shares (finding a shared row proves nothing about that person).
    chance = beyond_chance(
        result.members_found, result.n_members, result.nonmembers_found, result.n_nonmembers
    )
    alone = np.flatnonzero(result.found_alone)
    exposed = np.asarray(result.member_index)[alone] if chance.count else alone[:0]
    record_ids = exposed if ids is None else np.asarray(ids)[exposed]
    paths = _group_paths(result.arrays)
    owners = ", ".join(dict.fromkeys(a.estimator for a in result.arrays))
    note = (
        ""
        if resolvable
        else f" ({result.n_nonmembers:,} non-members cannot resolve 1% FPR precisely)"
    )
    description = (
        f"{MEANING} Looking each record up among the {result.n_stored:,} rows stored in "
        f"{', '.join(paths)} finds {result.members_found:,} of {result.n_members:,} members and "
        f"{result.nonmembers_found:,} of {result.n_nonmembers:,} non-members (identical rows: false "
        f"positives). TPR {tpr.value:.1%} [{tpr.low:.1%}, {tpr.high:.1%}] at 1% FPR{note} "
        f"(95% Clopper-Pearson), AUC {m.auc.value:.3f} [{m.auc.low:.3f}, {m.auc.high:.3f}], "
        f"empirical epsilon lower bound {eps.low:.2f}. Counting a record found in the file "
        f"as a member, of {result.n_members:,} members {chance.phrase()}; "
        f"{result.members_found_alone:,} of the members found have a row that no non-member "
        "shares: they are the records exposed. No reference model was fitted."
    )
    if severity is not Severity.INFO:
        description += f" Rated {severity.value}: {why} (ratings use the intervals' lower ends)."
    if result.n_train > result.n_members:
        description += (
            f" A random sample of {result.n_members:,} of {result.n_train:,} members was looked up."
        )
    evidence = result.to_dict()
    evidence["records_beyond_chance"] = chance.to_dict()
    return Finding(
        check_id=CHECK_ID,
        title=TITLE,
        criterion=Criterion.LINKABILITY,
        severity=severity,
        confidence=Confidence.HIGH,
        path=", ".join(paths),
        estimator=owners,
        description=description,
        records=RecordsExposed.from_ids(record_ids, of=result.n_members),
        remedy=REMEDY,
        docs=DOCS,
        evidence=evidence,
    )
