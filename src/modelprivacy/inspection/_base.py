"""The check interface: a registry of checks and the context they run in.

A check is a function ``(Context) -> Iterable[Finding]`` registered with a
stable id. The module that defines it carries its user documentation in its
docstring. The runner fills in what all findings share (the criterion, the
documentation link, record IDs), so a check states only what is its own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

from modelprivacy.findings import (
    DOCS_URL,
    Confidence,
    Criterion,
    Finding,
    RecordsExposed,
    Severity,
)
from modelprivacy.inspection.columns import Column, input_columns
from modelprivacy.inspection.data import TrainingData
from modelprivacy.inspection.walker import Node

if TYPE_CHECKING:
    from modelprivacy.auditing.checks import Input

__all__ = ["CHECKS", "PREFETCH", "Check", "Context", "group_path", "redact", "register"]


@dataclass(frozen=True)
class Check:
    """A registered inspection check.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"MP-S101"``.
    title : str
        What it looks for, in a few words.
    criterion : Criterion
        The anonymisation criterion its findings bear on.
    remedy : str
        The default remedy for its findings.
    func : callable
        ``func(ctx) -> Iterable[Finding]``.
    """

    id: str
    title: str
    criterion: Criterion
    remedy: str
    func: Callable[[Context], Iterable[Finding]]

    @property
    def doc(self) -> str:
        """The user documentation: the docstring of the check's module."""
        module = sys.modules.get(self.func.__module__)
        return (module.__doc__ or "").strip() if module else ""

    @property
    def docs_url(self) -> str:
        """Link to the check's section in the documentation."""
        return f"{DOCS_URL}#{self.id.lower()}"

    @property
    def docs(self) -> str:
        """Its documentation, as every check of the contract names it (:attr:`docs_url`)."""
        return self.docs_url

    @property
    def module(self) -> str:
        """The module that implements it."""
        return self.func.__module__

    @property
    def commands(self) -> tuple[str, ...]:
        """The commands that run it."""
        return ("inspect", "audit")

    @property
    def requires(self) -> tuple[Input, ...]:
        """The inputs without which it is skipped: the model only."""
        from modelprivacy.auditing.checks import INSPECTION_INPUTS

        return INSPECTION_INPUTS

    @property
    def optional(self) -> tuple[Input, ...]:
        """The inputs that confirm its findings and count people: the training data and labels."""
        from modelprivacy.auditing.checks import INSPECTION_OPTIONAL

        return INSPECTION_OPTIONAL


CHECKS: dict[str, Check] = {}

#: Work a check may start before the checks run, on a background thread, so that it
#: overlaps the checks before it (``PREFETCH[check_id](ctx)``; it keeps what it starts in
#: ``ctx.cache``, and the check falls back to doing the work itself).
PREFETCH: dict[str, Callable[[Context], None]] = {}


def register(
    id: str, title: str, criterion: Criterion, remedy: str
) -> Callable[[Callable[[Context], Iterable[Finding]]], Callable[[Context], Iterable[Finding]]]:
    """Register a check function under a stable id.

    Parameters
    ----------
    id : str
        Stable check id.
    title : str
        Default title of its findings.
    criterion : Criterion
        Criterion of its findings.
    remedy : str
        Default remedy.

    Returns
    -------
    callable
        The decorator.
    """

    def deco(
        func: Callable[[Context], Iterable[Finding]],
    ) -> Callable[[Context], Iterable[Finding]]:
        if id in CHECKS:
            raise ValueError(f"check id {id} registered twice")
        CHECKS[id] = Check(id, title, criterion, remedy, func)
        return func

    return deco


_ENSEMBLE_INDEX = re.compile(
    r"(estimators_|_predictors|calibrated_classifiers_|estimators|categories_|bin_edges_|bsplines_|bin_thresholds_)"
    r"((?:\[[^\]]*\])+)"
)


# Birch links its CF nodes from the root and in a chain of leaves: one group per owner.
_CF_TREE = re.compile(
    r"\.(?:root_|dummy_leaf_)(?:\.(?:next_leaf_|prev_leaf_|child_|subclusters_\[\d+\]))*\."
)


def group_path(path: str) -> str:
    """Replace the member indices of ensembles (and per-column lists) by ``[*]``.

    Parameters
    ----------
    path : str
        A node path, e.g. ``"steps[1].estimators_[3].tree_.value"``.

    Returns
    -------
    str
        ``"steps[1].estimators_[*].tree_.value"``.
    """
    path = _ENSEMBLE_INDEX.sub(lambda m: f"{m.group(1)}[*]", path)
    return _CF_TREE.sub(".(CF tree).", f".{path}")[1:]


def redact(value: object, show: bool) -> str:
    """Render one value for an example, hiding it unless ``show``.

    Parameters
    ----------
    value : object
        A number or string from the model.
    show : bool
        Whether the user asked to see raw values.

    Returns
    -------
    str
        The value, or a mask that keeps only its kind and shape.
    """
    if show:
        if isinstance(value, (float, np.floating)):
            return f"{float(value):.10g}"
        return repr(value.item() if isinstance(value, np.generic) else value)
    if isinstance(value, (str, np.str_)):
        s = str(value)
        return repr(s[:1] + "\u2022" * min(max(len(s) - 1, 1), 8))
    return "\u2022\u2022\u2022"


@dataclass
class Context:
    """What a check sees: the walked object graph, the data, the settings.

    Attributes
    ----------
    root : object
        The inspected estimator.
    nodes : list of Node
        Everything the walker reached.
    data : TrainingData or None
        The training data, if given.
    k : int
        Groups smaller than ``k`` single people out.
    show_values : bool
        Whether examples may show raw values.
    claimed : dict
        Paths already reported, mapped to the check that reported them, so
        that one stored array is reported once, by the most specific check.
    forests : dict
        The tree representation of each tree model reached
        (:meth:`forest`), built once and shared by the checks.
    """

    root: Any
    nodes: list[Node]
    data: TrainingData | None
    k: int = 10
    show_values: bool = False
    claimed: dict[str, str] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    forests: dict[int, Any] = field(default_factory=dict)
    #: forests being built on a background thread (:func:`start_forest`), by ``id``
    pending_forests: dict[int, tuple[Any, Any]] = field(default_factory=dict)

    def forest(self, estimator: Any) -> Any:
        """The :class:`~modelprivacy.models.trees.Forest` of a tree model, built once.

        Matched to the training data when it is given (see
        :func:`modelprivacy.models.trees.forest_of`).

        Parameters
        ----------
        estimator : object
            A fitted tree model reached by the walker.

        Returns
        -------
        Forest or None
            None when it is not a tree model the package can read.
        """
        key = id(estimator)
        if key not in self.forests and key in self.pending_forests:
            from modelprivacy.errors import ModelPrivacyError

            held, future = self.pending_forests.pop(key)
            try:
                built = future.result()
            except ModelPrivacyError:
                built = None
            self.forests[key] = (held, built)
        if key not in self.forests:
            from modelprivacy.errors import ModelPrivacyError
            from modelprivacy.models.trees import forest_of, is_tree_model

            forest = None
            if is_tree_model(estimator):
                try:
                    forest = forest_of(estimator, self.data.n if self.data is not None else None)
                except ModelPrivacyError:
                    forest = None
            self.forests[key] = (estimator, forest)
        return self.forests[key][1]

    def start_forest(self, estimator: Any, future: Any) -> None:
        """Register a forest being built elsewhere; :meth:`forest` waits for it.

        Parameters
        ----------
        estimator : object
            The tree model.
        future : concurrent.futures.Future
            Its :func:`~modelprivacy.models.trees.forest_of` result, matched to
            the data (an exception of the build is raised where the forest is
            asked for, as if it were built there).
        """
        self.pending_forests[id(estimator)] = (estimator, future)

    @property
    def n_train(self) -> int | None:
        """Number of training records, from the data or else from the model."""
        if self.data is not None:
            return self.data.n
        for node in self.nodes:
            if node.attr in ("n_samples_fit_", "_n_samples_fit") and isinstance(
                node.value, (int, np.integer)
            ):
                return int(node.value)
        return None

    def columns(self, owner_path: str) -> tuple[Column, ...] | None:
        """The input columns of the estimator at ``owner_path``, read from the model.

        Parameters
        ----------
        owner_path : str
            An estimator's path; a path the structure does not know falls back
            to its nearest known parent (the trees of a forest see the forest's
            input).

        Returns
        -------
        tuple of Column or None
            Names, kinds and sources (see :mod:`modelprivacy.inspection.columns`),
            or None when the model does not record them.
        """
        if "input_columns" not in self.cache:
            self.cache["input_columns"] = input_columns(self.root)
        known: dict[str, tuple[Column, ...]] = self.cache["input_columns"]
        p = owner_path
        while True:
            if p in known:
                return known[p]
            if not p:
                return None
            cut = max(p.rfind("."), p.rfind("["))
            p = p[:cut] if cut > 0 else ""

    def column_names(self, owner_path: str, width: int) -> list[str] | None:
        """Names of the ``width`` input columns of an estimator, or None if unknown."""
        cols = self.columns(owner_path)
        if cols is None or len(cols) != width:
            return None
        return [c.name for c in cols]

    def arrays(self) -> Iterator[tuple[Node, np.ndarray]]:
        """Numeric arrays (dense, or the dense form of small sparse ones).

        Fitted and private float scalars (``intercept_ = 3.2``) come as
        1-element arrays; public hyperparameters (``tol``) do not.
        """
        picked: list[tuple[Node, int]] | None = self.cache.get("arrays")
        if picked is None:  # which nodes qualify, found once for every check that asks
            picked = []
            for node in self.nodes:
                v = node.value
                if isinstance(v, np.ndarray):
                    if v.dtype.kind in "biuf" and v.size:
                        picked.append((node, 0))
                elif isinstance(v, (float, np.floating)):
                    if (
                        node.attr.endswith("_") or node.attr.startswith("_")
                    ) and not node.attr.startswith("__"):
                        picked.append((node, 1))
                elif (
                    not isinstance(v, (str, int, list, tuple, dict))
                    and sp.issparse(v)
                    and v.shape[0] * v.shape[1] <= 20_000_000
                    and v.nnz
                ):
                    picked.append((node, 2))
            self.cache["arrays"] = picked
        for node, kind in picked:
            v = node.value
            if kind == 0:
                yield node, v
            elif kind == 1:
                yield node, np.asarray([v], dtype=np.float64)
            else:
                yield node, np.asarray(v.toarray())

    def finding(
        self,
        check_id: str,
        *,
        severity: Severity,
        confidence: Confidence,
        path: str,
        estimator: object,
        description: str,
        positions: Iterable[int] | None = None,
        count: int | None = None,
        example: str | None = None,
        title: str | None = None,
        remedy: str | None = None,
        evidence: dict[str, Any] | None = None,
    ) -> Finding:
        """Build a finding of a registered check.

        Parameters
        ----------
        check_id : str
            The id the check was registered with.
        severity, confidence : Severity, Confidence
            Ordered levels.
        path : str
            Attribute path (with ``[*]`` for ensemble members).
        estimator : object
            The object holding it (its class name is recorded).
        description : str
            What was found.
        positions : iterable of int, optional
            Training record positions exposed (mapped to record IDs).
        count : int, optional
            Records exposed, when positions are not known.
        example : str, optional
            A redacted example.
        title, remedy : str, optional
            Override the check's defaults.
        evidence : dict, optional
            Small JSON-serialisable numbers.

        Returns
        -------
        Finding
            The frozen finding.
        """
        check = CHECKS[check_id]
        ids: tuple[int | str, ...] = ()
        if positions is not None:
            pos = np.unique(np.asarray(list(positions), dtype=np.int64))
            ids = self.data.record_ids(pos) if self.data is not None else tuple(int(p) for p in pos)
            count = len(ids)
        cls = estimator if isinstance(estimator, str) else type(estimator).__name__
        return Finding(
            check_id=check_id,
            title=title or check.title,
            criterion=check.criterion,
            severity=severity,
            confidence=confidence,
            path=path or "(root)",
            estimator=cls,
            description=description,
            records=RecordsExposed(count=count, ids=ids, of=self.n_train),
            example=example,
            remedy=remedy or check.remedy,
            docs=check.docs_url,
            evidence=_jsonable(evidence or {}),
        )


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    return obj


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 record"``, ``"2,345 records"``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
