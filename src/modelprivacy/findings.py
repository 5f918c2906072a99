r"""The findings model: what a check reports, and the result of an inspection.

A :class:`Finding` is a frozen, JSON-serialisable record. It never holds the
model or raw training rows; its example is redacted unless the user asked to
see values when the finding was made.

The text of a finding often comes from the model file (attribute paths with
dictionary keys, class names, category values in examples), and the file is
written by a stranger. Every text field of these records is therefore made
printable when the record is built: control characters, line breaks and
invisible format characters become visible escapes such as ``\x1b`` (see
:mod:`modelprivacy._text`), and each field is bounded in length. Every
renderer (terminal, Markdown, JSON, HTML) can then print it as it is. Record
IDs are the exception: they come from the user's training data and are matched
against it, so they are kept as given and escaped by the renderers that show
them.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from modelprivacy._text import one_line, printable

__all__ = [
    "CheckError",
    "Confidence",
    "Criterion",
    "Finding",
    "InspectionResult",
    "RecordsExposed",
    "Severity",
    "Skipped",
]

DOCS_URL = "docs/checks.md"

#: The version of every JSON document modelprivacy writes (inspection, audit,
#: the attack commands, sanitize): one constant, raised when a field changes.
SCHEMA_VERSION = "1.1"

# The most characters a text field keeps (the rest is cut with a marker).
_LIMITS = {
    "check_id": 40,
    "title": 500,
    "path": 2000,
    "estimator": 300,
    "description": 10_000,
    "example": 1000,
    "remedy": 4000,
    "docs": 1000,
}


def _clean(obj: object, name: str, limit: int | None) -> None:
    """Make the str field ``name`` of a frozen dataclass printable, in place."""
    value = getattr(obj, name)
    if value is None:
        return
    clean = printable(value, limit)
    if clean is not value:
        object.__setattr__(obj, name, clean)


def _clean_json(value: Any, depth: int = 0) -> Any:
    """Escape every string (keys too) of a small JSON-like value."""
    if isinstance(value, str):
        return printable(value, 1000)
    if depth > 20:
        return value
    if isinstance(value, Mapping):
        return {
            (printable(k, 200) if isinstance(k, str) else k): _clean_json(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_clean_json(v, depth + 1) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean_json(v, depth + 1) for v in value)
    return value


@functools.total_ordering
class _Ordered(enum.Enum):
    """An enum whose members compare by their declared order."""

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        members = list(type(self))
        return members.index(self) < members.index(other)

    @classmethod
    def parse(cls, text: str) -> _Ordered:
        """Return the member named ``text`` (case-insensitive).

        Parameters
        ----------
        text : str
            A member's value, e.g. ``"high"``.

        Returns
        -------
        member
            The matching member.

        Raises
        ------
        ValueError
            If no member has that name; the message lists the choices.
        """
        for member in cls:
            if member.value == text.lower():
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"unknown {cls.__name__.lower()} {text!r}; choose one of: {choices}")


class Severity(_Ordered):
    """How much a finding exposes, from ``INFO`` (context only) to ``HIGH``."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Confidence(_Ordered):
    """How sure the finding is.

    ``HIGH`` means confirmed against the training data; ``MEDIUM`` means known
    behaviour of a known estimator, not confirmed; ``LOW`` means a heuristic.
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Criterion(enum.Enum):
    """The Article 29 Working Party's three anonymisation criteria."""

    SINGLING_OUT = "singling out"
    LINKABILITY = "linkability"
    INFERENCE = "inference"


@dataclass(frozen=True)
class RecordsExposed:
    """Which training records a finding exposes.

    Attributes
    ----------
    count : int or None
        Distinct training records exposed; ``None`` when it cannot be counted
        without the training data.
    ids : tuple
        Their record IDs (row positions, or values of the ``--id-column``).
    of : int or None
        The number of training records, when known.
    """

    count: int | None = None
    ids: tuple[int | str, ...] = ()
    of: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {"count": self.count, "of": self.of, "ids": list(self.ids)}

    @classmethod
    def from_ids(cls, ids: Iterable[Any], of: int | None = None) -> RecordsExposed:
        """Records named by their IDs (numpy scalars become plain Python values)."""
        import numpy as np

        plain = tuple(v.item() if isinstance(v, np.generic) else v for v in ids)
        return cls(count=len(plain), ids=plain, of=of)


@dataclass(frozen=True)
class Finding:
    """One thing a check found in the model.

    Attributes
    ----------
    check_id : str
        Stable identifier of the check, e.g. ``"MP-S101"``.
    title : str
        One-line headline.
    criterion : Criterion
        The anonymisation criterion it bears on.
    severity : Severity
        How much it exposes.
    confidence : Confidence
        How sure it is (``HIGH`` = confirmed against training data).
    path : str
        Attribute path in the fitted object, e.g.
        ``"steps[1].estimators_[3].tree_.value"``.
    estimator : str
        Class name of the object that holds it.
    description : str
        What was found, in plain words, with counts.
    records : RecordsExposed
        The training records it exposes.
    example : str or None
        A redacted example (raw values only if the user asked for them).
    remedy : str
        What to do about it.
    docs : str
        Link to the check's documentation.
    evidence : Mapping
        Small JSON-serialisable numbers behind the claim.

    Notes
    -----
    Every text field is made printable when the finding is built (control and
    invisible format characters escaped, see :mod:`modelprivacy._text`) and
    bounded in length; so are the strings in ``evidence``.
    """

    check_id: str
    title: str
    criterion: Criterion
    severity: Severity
    confidence: Confidence
    path: str
    estimator: str
    description: str
    records: RecordsExposed = field(default_factory=RecordsExposed)
    example: str | None = None
    remedy: str = ""
    docs: str = ""
    evidence: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, limit in _LIMITS.items():
            _clean(self, name, limit)
        object.__setattr__(self, "evidence", _clean_json(self.evidence))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "check_id": self.check_id,
            "title": self.title,
            "criterion": self.criterion.value,
            "severity": self.severity.value,
            "confidence": self.confidence.value,
            "path": self.path,
            "estimator": self.estimator,
            "description": self.description,
            "records": self.records.to_dict(),
            "example": self.example,
            "remedy": self.remedy,
            "docs": self.docs,
            "evidence": dict(self.evidence),
        }


@dataclass(frozen=True)
class Skipped:
    """Something that was not run or could not be inspected, and why.

    Both texts are made printable and bounded when it is built.

    Attributes
    ----------
    what : str
        What was skipped: a check's title, or a part of the model.
    reason : str
        Why, and what to pass to run it.
    check_id : str
        The check that was skipped (e.g. ``"MP-L201"``); empty for what is
        not one check (a part of the model the inspection could not walk).
    """

    what: str
    reason: str
    check_id: str = ""

    def __post_init__(self) -> None:
        _clean(self, "what", 1000)
        _clean(self, "reason", 4000)
        _clean(self, "check_id", 40)

    def __str__(self) -> str:
        return f"{self.what}: {self.reason}"

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-serialisable dict."""
        return {"check_id": self.check_id, "what": self.what, "reason": self.reason}


@dataclass(frozen=True)
class CheckError:
    """A check that failed; the other checks still ran.

    The message (often an exception's, quoting the model) is made one clean
    line when it is built.
    """

    check_id: str
    message: str

    def __post_init__(self) -> None:
        _clean(self, "check_id", 40)
        clean = one_line(self.message, 1000)
        if clean != self.message:
            object.__setattr__(self, "message", clean)

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-serialisable dict."""
        return {"check_id": self.check_id, "message": self.message}


@dataclass(frozen=True)
class InspectionResult:
    """The result of :func:`modelprivacy.inspect`.

    Attributes
    ----------
    model : str
        Class name of the inspected estimator.
    source : str or None
        The model file, when the model came from one.
    findings : tuple of Finding
        Sorted by severity (highest first), then check id.
    skipped : tuple of Skipped
        What could not be inspected, with the reason.
    errors : tuple of CheckError
        Checks that failed.
    n_train : int or None
        Number of training records given, or ``None`` without data.
    k : int
        Minimum group size below which a group singles people out.
    seed : int
        The random seed used.
    versions : Mapping
        Versions of modelprivacy and of the libraries involved.
    show_values : bool
        Whether raw values were kept in examples.
    nodes_walked : int
        How many objects the walker visited.
    load_notes : tuple of str
        What loading the file reset before the model could be used (a cache
        directory, a vectorizer reading files, thread counts), one sentence each.

    Notes
    -----
    ``model``, ``source`` and the versions are made printable when the result
    is built, like the fields of a :class:`Finding`.
    """

    model: str
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    errors: tuple[CheckError, ...] = ()
    source: str | None = None
    n_train: int | None = None
    k: int = 10
    seed: int = 0
    versions: Mapping[str, str] = field(default_factory=dict)
    show_values: bool = False
    nodes_walked: int = 0
    load_notes: tuple[str, ...] = ()

    SCHEMA_VERSION = SCHEMA_VERSION

    def __post_init__(self) -> None:
        _clean(self, "model", 300)
        _clean(self, "source", 4000)
        notes = tuple(printable(n, 1000) for n in self.load_notes)
        if notes != self.load_notes:
            object.__setattr__(self, "load_notes", notes)
        if any(not isinstance(v, str) or not v.isprintable() for v in self.versions.values()):
            versions = {printable(k, 100): printable(v, 200) for k, v in self.versions.items()}
            object.__setattr__(self, "versions", versions)

    @property
    def max_severity(self) -> Severity | None:
        """The highest severity among the findings, or ``None`` if none."""
        return max((f.severity for f in self.findings), default=None)

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        """Return the findings whose severity is at least ``severity``."""
        return tuple(f for f in self.findings if f.severity >= severity)

    def records_exposed(self, min_severity: Severity = Severity.LOW) -> tuple[int | str, ...]:
        """Distinct training record IDs exposed by findings at or above a severity.

        Parameters
        ----------
        min_severity : Severity, default=Severity.LOW
            Ignore findings below this severity.

        Returns
        -------
        tuple
            Sorted distinct record IDs.
        """
        ids: set[int | str] = set()
        for f in self.at_or_above(min_severity):
            ids.update(f.records.ids)
        return tuple(sorted(ids, key=lambda v: (isinstance(v, str), v)))

    def by_check(self) -> dict[str, list[Finding]]:
        """Group the findings by check id."""
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.check_id, []).append(f)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (see ``docs/schema/inspection.schema.json``)."""
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        return {
            "schema_version": self.SCHEMA_VERSION,
            "kind": "inspection",
            "model": self.model,
            "source": self.source,
            "n_train": self.n_train,
            "k": self.k,
            "seed": self.seed,
            "show_values": self.show_values,
            "versions": dict(self.versions),
            "summary": {
                "findings": len(self.findings),
                "by_severity": counts,
                "max_severity": self.max_severity.value if self.max_severity else None,
                "records_exposed": len(self.records_exposed()) if self.n_train else None,
            },
            "findings": [f.to_dict() for f in self.findings],
            "skipped": [s.to_dict() for s in self.skipped],
            "errors": [e.to_dict() for e in self.errors],
            "load_notes": list(self.load_notes),
        }


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Sort findings by severity (highest first), then check id and path."""
    return tuple(
        sorted(findings, key=lambda f: (-list(Severity).index(f.severity), f.check_id, f.path))
    )
