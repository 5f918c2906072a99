"""Release modes: what a model's user receives, and the output filter of each.

A model is released in one of five ways, from the most to the least revealing:

``file``
    The model file itself. Whoever holds it can read everything it stores and
    query it without limit: inspection, membership from the stored rows, the
    leaves' boxes, and every black-box attack on its full output.
``scores``
    A served model that answers its full output: class probabilities,
    decision values or a regressor's predictions. The file stays with its
    owner, so nothing of it is inspected; black-box attacks see every digit.
``rounded:D``
    The same output rounded to ``D`` decimals (``D`` from 0 to 15).
``top:K``
    The ``K`` most likely classes with their probabilities, the other
    classes answered as 0 (``K >= 1``; a classifier's probabilities only).
``labels``
    The predicted label only.

Each mode is an output filter (:func:`filter_output`): an attack that queries
a model in a mode sees only what the filter returns, and so do the reference
models it calibrates against (:class:`~modelprivacy.attacks.target.Target`
applies the same filter to both). :func:`exposes` says, as data that reports
render, which families of checks and attacks apply in a mode and why.

Rounded and top-K probabilities are returned as served: a row that no longer
sums to 1 (``[0.33, 0.33, 0.33]`` at 2 decimals, ``[0.6, 0, 0]`` at top:1) is
not renormalised. A server that rounds answers exactly these numbers;
renormalising is something any client can do for itself, so it hides nothing
and would only change the numbers the audit attacks from the ones the model
answers; and a row rounded to all zeros (three classes at 0.3 with ``D = 0``)
cannot be renormalised at all.

>>> from modelprivacy.release import ReleaseMode, filter_output
>>> mode = ReleaseMode.parse("rounded:1")
>>> str(mode)
'rounded:1'
>>> filter_output(mode, [[0.26, 0.74]], "proba").tolist()
[[0.3, 0.7]]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from modelprivacy.errors import ModelPrivacyError

__all__ = [
    "ALL_MODES",
    "FAMILIES",
    "Applicability",
    "Family",
    "ReleaseMode",
    "ReleaseModeError",
    "applies",
    "exposes",
    "exposure_table",
    "filter_output",
    "not_applicable",
    "parse_modes",
]

Kind = Literal["file", "scores", "rounded", "top", "labels"]
#: What a model answers, as :class:`~modelprivacy.attacks.target.Target` names it.
OutputKind = Literal["proba", "decision", "label", "regression"]

#: The most decimals ``rounded:D`` takes (float64 holds about 15 significant digits).
MAX_DECIMALS = 15

ACCEPTED = (
    "file, scores, rounded:D (D decimals, 0 to 15), top:K (the K most likely classes, "
    "K >= 1) or labels"
)
"""The accepted forms, as error messages name them."""

_FORM = re.compile(r"(file|scores|labels|rounded|top)(?::([+-]?\d+))?")
_OUTPUTS = ("proba", "decision", "label", "regression")


class ReleaseModeError(ModelPrivacyError, ValueError):
    """A release mode that is not one of the accepted forms, or that does not fit the model."""


@dataclass(frozen=True)
class ReleaseMode:
    """One way a model is released, and so what an attacker can query.

    Parameters
    ----------
    kind : {"file", "scores", "rounded", "top", "labels"}
        The mode.
    value : int, optional
        The decimals of ``rounded`` (0 to 15) or the classes of ``top``
        (at least 1); ``None`` for the other modes.

    Raises
    ------
    ReleaseModeError
        For another kind, a missing or out-of-range value, or a value given
        to a mode that takes none.

    Examples
    --------
    >>> ReleaseMode.parse("top:3")
    ReleaseMode(kind='top', value=3)
    >>> str(ReleaseMode("labels"))
    'labels'
    """

    kind: Kind
    value: int | None = None

    def __post_init__(self) -> None:
        kind, value = self.kind, self.value
        if kind not in ("file", "scores", "rounded", "top", "labels"):
            raise ReleaseModeError(f"unknown release mode {kind!r}; use {ACCEPTED}")
        if kind in ("rounded", "top"):
            if isinstance(value, bool) or not isinstance(value, int | np.integer):
                raise ReleaseModeError(
                    f"release mode {kind} needs a number ({kind}:"
                    f"{'D' if kind == 'rounded' else 'K'}); use {ACCEPTED}"
                )
            if kind == "rounded" and not 0 <= value <= MAX_DECIMALS:
                raise ReleaseModeError(
                    f"rounded:{value}: the decimals must be 0 to {MAX_DECIMALS}; use {ACCEPTED}"
                )
            if kind == "top" and value < 1:
                raise ReleaseModeError(
                    f"top:{value}: at least one class must be answered (K >= 1); use {ACCEPTED}"
                )
            object.__setattr__(self, "value", int(value))
        elif value is not None:
            raise ReleaseModeError(
                f"release mode {kind} takes no number (got {kind}:{value}); use {ACCEPTED}"
            )

    @classmethod
    def parse(cls, text: str | ReleaseMode) -> ReleaseMode:
        """The mode a string names (``"file"``, ``"rounded:2"``, ``"top:1"``, ...).

        Parameters
        ----------
        text : str or ReleaseMode
            The mode as the command line takes it (surrounding spaces and
            case ignored), or a mode, returned as it is.

        Returns
        -------
        ReleaseMode
            The mode.

        Raises
        ------
        ReleaseModeError
            One line naming the accepted forms.
        """
        if isinstance(text, ReleaseMode):
            return text
        if not isinstance(text, str):
            raise ReleaseModeError(
                f"a release mode is a string such as 'rounded:2'; got a {type(text).__name__}; "
                f"use {ACCEPTED}"
            )
        from modelprivacy._text import printable

        shown = printable(text, 60)
        match = _FORM.fullmatch(text.strip().lower())
        if match is None:
            raise ReleaseModeError(f"unknown release mode {shown!r}; use {ACCEPTED}")
        kind, number = match.group(1), match.group(2)
        if kind in ("rounded", "top") and number is None:
            letter = "D" if kind == "rounded" else "K"
            raise ReleaseModeError(
                f"release mode {shown!r} needs a number ({kind}:{letter}); use {ACCEPTED}"
            )
        return cls(kind, None if number is None else int(number))  # type: ignore[arg-type]

    def __str__(self) -> str:
        return self.kind if self.value is None else f"{self.kind}:{self.value}"

    @property
    def white_box(self) -> bool:
        """Whether the attacker holds the model file (only ``file``)."""
        return self.kind == "file"

    @property
    def filters(self) -> bool:
        """Whether the answers are changed (``rounded``, ``top``, ``labels``)."""
        return self.kind in ("rounded", "top", "labels")

    @property
    def serves_scores(self) -> bool:
        """Whether any score is answered (every mode but ``labels``)."""
        return self.kind != "labels"

    @property
    def decimals(self) -> int | None:
        """The decimals of ``rounded:D``, else None."""
        return self.value if self.kind == "rounded" else None

    @property
    def k(self) -> int | None:
        """The classes of ``top:K``, else None."""
        return self.value if self.kind == "top" else None


#: The modes an audit reports by default, from the most to the least revealing.
ALL_MODES: tuple[ReleaseMode, ...] = (
    ReleaseMode("file"),
    ReleaseMode("scores"),
    ReleaseMode("rounded", 2),
    ReleaseMode("top", 1),
    ReleaseMode("labels"),
)


def parse_modes(text: str | None) -> tuple[ReleaseMode, ...]:
    """The modes of a comma-separated list (``"file,rounded:2"``); :data:`ALL_MODES` for None or "all".

    Parameters
    ----------
    text : str or None
        The list, as ``--release`` takes it.

    Returns
    -------
    tuple of ReleaseMode
        The modes, in the order given, each once.

    Raises
    ------
    ReleaseModeError
        For an empty list or a mode that is not accepted.
    """
    if text is None or text.strip().lower() == "all":
        return ALL_MODES
    parts = [p for p in (s.strip() for s in text.split(",")) if p]
    if not parts:
        raise ReleaseModeError(f"no release mode given; use all, or a list of: {ACCEPTED}")
    out: list[ReleaseMode] = []
    for part in parts:
        mode = ReleaseMode.parse(part)
        if mode not in out:
            out.append(mode)
    return tuple(out)


def not_applicable(mode: ReleaseMode, output: str, n_classes: int | None = None) -> str:
    """Why ``mode`` cannot filter what a model answers, or ``""`` when it can.

    Parameters
    ----------
    mode : ReleaseMode
        The mode.
    output : {"proba", "decision", "label", "regression"}
        What the model answers unfiltered.
    n_classes : int, optional
        Its classes (a classifier); decides whether ``top:K`` changes
        multi-class decision values.

    Returns
    -------
    str
        The reason, one line, or ``""``.
    """
    if mode.kind != "top":
        return ""
    if output == "regression":
        return (
            f"{mode} does not apply to a regressor: it answers one number per record, not "
            "classes to keep the most likely of; use rounded:D or labels"
        )
    if (
        output == "decision"
        and n_classes is not None
        and n_classes > 2
        and (mode.k or 0) < n_classes
    ):
        return (
            f"{mode} needs class probabilities, and this model answers only decision values, "
            "which have no value that stands for a class not answered; use rounded:D or labels"
        )
    return ""


def filter_output(mode: ReleaseMode | str, values: Any, kind: str) -> np.ndarray:
    """What a model released in ``mode`` answers, from what it answers in full.

    Parameters
    ----------
    mode : ReleaseMode or str
        The release mode.
    values : array-like
        The full answers: probabilities of shape ``(n, n_classes)``
        (``kind="proba"``), decision values of shape ``(n,)`` or
        ``(n, n_classes)`` (``"decision"``), predictions of a regressor
        (``"regression"``) or predicted labels (``"label"``).
    kind : {"proba", "decision", "label", "regression"}
        What ``values`` are.

    Returns
    -------
    ndarray
        The answers the mode serves, of the same shape:

        - ``file`` and ``scores``: unchanged.
        - ``rounded:D``: numbers rounded to ``D`` decimals with
          :func:`numpy.round` (halves to even); probabilities are not
          renormalised (see the module's notes); labels unchanged.
        - ``top:K``: in each row of probabilities the ``K`` largest stay and
          the others become 0; of equal probabilities the class that comes
          first in the model's class order stays. Binary decision values
          (one per record) are unchanged: the most likely class and its score
          are the whole answer. Labels unchanged.
        - ``labels``: labels unchanged; a regressor's predictions are its
          labels, unchanged.

    Raises
    ------
    ReleaseModeError
        For ``labels`` asked to filter probabilities or decision values
        (query the labels instead), and for ``top:K`` on a regressor's
        predictions or on multi-class decision values (see
        :func:`not_applicable`).
    """
    mode = ReleaseMode.parse(mode)
    if kind not in _OUTPUTS:
        raise ValueError(f"kind must be one of {', '.join(_OUTPUTS)}; got {kind!r}")
    if kind == "label" or not mode.filters:
        return np.asarray(values)
    out = np.asarray(values, dtype=np.float64)
    if mode.kind == "labels":
        if kind == "regression":
            return out
        raise ReleaseModeError(
            f"release mode labels answers no {'probabilities' if kind == 'proba' else 'decision values'}; "
            "query the predicted labels (predict) instead"
        )
    if mode.kind == "rounded":
        assert mode.decimals is not None
        return np.asarray(np.round(out, mode.decimals))
    # top:K
    k = mode.k
    assert k is not None
    if kind == "decision" and out.ndim == 1:
        return out
    width = out.shape[1] if out.ndim == 2 else None
    reason = not_applicable(mode, kind, width)
    if reason:
        raise ReleaseModeError(reason)
    if out.ndim != 2:
        raise ReleaseModeError(
            f"{mode} needs one row of class probabilities per record; got an array of shape {out.shape}"
        )
    if k >= out.shape[1]:
        return out
    # A stable sort of the negated values puts, among equal probabilities, the
    # earlier class first: the same classes stay on every machine and run.
    order = np.argsort(-out, axis=1, kind="stable")
    keep = np.zeros(out.shape, dtype=bool)
    np.put_along_axis(keep, order[:, :k], True, axis=1)
    return np.where(keep, out, 0.0)


# What each mode exposes ------------------------------------------------------

Family = Literal[
    "inspection", "stored_rows", "leaf_boxes", "score_attacks", "label_only", "attribute"
]


@dataclass(frozen=True)
class Applicability:
    """Whether one family of checks applies in a release mode, and why.

    Attributes
    ----------
    family : str
        The family (a key of :data:`FAMILIES`).
    title : str
        Its name in reports.
    checks : tuple of str
        The check IDs of the family.
    applies : bool
        Whether it runs in the mode.
    reason : str
        Why it applies or does not, one sentence.
    """

    family: Family
    title: str
    checks: tuple[str, ...]
    applies: bool
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return {
            "family": self.family,
            "title": self.title,
            "checks": list(self.checks),
            "applies": self.applies,
            "reason": self.reason,
        }


#: The families of checks and attacks, with their titles and check IDs.
FAMILIES: dict[Family, tuple[str, tuple[str, ...]]] = {
    "inspection": (
        "inspection of what the file stores",
        ("MP-S101", "MP-S102", "MP-S103", "MP-S104", "MP-S105", "MP-S106", "MP-S107", "MP-S108"),
    ),
    "stored_rows": ("membership from stored rows (white box)", ("MP-L202",)),
    "leaf_boxes": ("singling out by the file's leaf boxes", ("MP-S110",)),
    "score_attacks": ("black-box attacks on scores", ("MP-L201",)),
    "label_only": ("label-only attacks", ("MP-L201",)),
    "attribute": ("attribute inference from the answers", ("MP-I301",)),
}

_FILE_ONLY = {
    "inspection": (
        "the attacker holds the file and reads everything it stores",
        "the file stays with its owner: what it stores cannot be read, only the answers",
    ),
    "stored_rows": (
        "the rows the file stores can be compared with a known person's record",
        "the stored rows stay in the owner's file",
    ),
    "leaf_boxes": (
        "the file's trees give every leaf's box of feature ranges and its count of people",
        "the leaves' boxes and counts stay in the owner's file",
    ),
}


def _reason(family: Family, mode: ReleaseMode) -> tuple[bool, str]:
    kind = mode.kind
    if family in _FILE_ONLY:
        yes, no = _FILE_ONLY[family]
        return (True, yes) if kind == "file" else (False, no)
    if family == "score_attacks":
        if kind == "file":
            return True, "holding the file, anyone can query its full output without limit"
        if kind == "scores":
            return (
                True,
                "the full output is answered: probabilities, decision values or predictions",
            )
        if kind == "rounded":
            return True, (
                f"outputs are answered to {mode.decimals} decimals; the attacks see the rounded "
                "numbers, which still differ between records"
            )
        if kind == "top":
            return True, (
                f"the {mode.k} most likely classes are answered with their probabilities; a "
                "regressor's predictions are not changed by top:K (it has no classes)"
            )
        return False, "only the predicted label is answered: there is no score to attack"
    if family == "label_only":
        if kind == "labels":
            return True, "the predicted label is all that is answered, and all these attacks query"
        return True, "every mode answers at least the predicted label"
    # attribute inference
    if kind == "labels":
        return True, "the attack learns from the predicted labels (all this mode answers)"
    return True, "the attack learns from what the mode answers, through the same filter"


def exposes(mode: ReleaseMode | str) -> tuple[Applicability, ...]:
    """Every family of checks with whether it applies in ``mode`` and why.

    Parameters
    ----------
    mode : ReleaseMode or str
        The mode.

    Returns
    -------
    tuple of Applicability
        One per family of :data:`FAMILIES`, in that order.
    """
    mode = ReleaseMode.parse(mode)
    rows = []
    for family, (title, checks) in FAMILIES.items():
        yes, why = _reason(family, mode)
        rows.append(Applicability(family, title, checks, yes, why))
    return tuple(rows)


def applies(mode: ReleaseMode | str) -> dict[Family, str]:
    """The families of checks that apply in ``mode``, each with why.

    Parameters
    ----------
    mode : ReleaseMode or str
        The mode.

    Returns
    -------
    dict
        ``{family: reason}`` for the families that run (see :func:`exposes`
        for those that do not, with their reasons).

    Examples
    --------
    >>> sorted(applies("labels"))
    ['attribute', 'label_only']
    """
    return {row.family: row.reason for row in exposes(mode) if row.applies}


def exposure_table(
    modes: tuple[ReleaseMode, ...] | list[ReleaseMode] = ALL_MODES,
) -> list[dict[str, Any]]:
    """The table "what each mode exposes": one row per family, one cell per mode.

    Parameters
    ----------
    modes : sequence of ReleaseMode, default=ALL_MODES
        The columns.

    Returns
    -------
    list of dict
        ``{"family", "title", "checks", "modes": {str(mode): {"applies",
        "reason"}}}`` per family, JSON-ready.
    """
    table: list[dict[str, Any]] = []
    cells = {str(m): exposes(m) for m in modes}
    for i, (family, (title, checks)) in enumerate(FAMILIES.items()):
        table.append(
            {
                "family": family,
                "title": title,
                "checks": list(checks),
                "modes": {
                    name: {"applies": rows[i].applies, "reason": rows[i].reason}
                    for name, rows in cells.items()
                },
            }
        )
    return table
