"""Wording shared by the renderers.

Everything here formats what an :class:`~modelprivacy.findings.InspectionResult`
already holds; nothing is computed anew. The summary numbers are read from
``result.to_dict()["summary"]`` so that every format states the same figures as
the JSON report.

:func:`clean` is applied by the text renderers to every field that can carry
text from the model file. The fields are already escaped when the result is
built (see :mod:`modelprivacy.findings`); escaping again costs next to nothing
and keeps a result that was built another way (unpickled, edited with
``object.__setattr__``) from writing raw control characters to a terminal.
"""

from __future__ import annotations

from typing import Any

from modelprivacy._text import printable
from modelprivacy.findings import Finding, InspectionResult, Severity

__all__ = [
    "NO_FINDINGS",
    "SEVERITIES_HIGH_FIRST",
    "SHOW_VALUES_WARNING",
    "by_severity",
    "clean",
    "counts_phrase",
    "plural",
    "records_cell",
    "records_phrase",
    "summary",
    "summary_phrase",
]

NO_FINDINGS = "No findings."
SHOW_VALUES_WARNING = (
    "This report shows raw training values (show_values was on): treat it as personal data."
)
SEVERITIES_HIGH_FIRST: tuple[Severity, ...] = tuple(reversed(Severity))


def clean(text: object) -> str:
    r"""Escape control and invisible format characters for display.

    Parameters
    ----------
    text : object
        A field of the result (usually a str).

    Returns
    -------
    str
        The text with those characters as visible escapes (``\x1b``); a
        text without them is returned unchanged.
    """
    return printable(text)


def plural(n: int, word: str, many: str | None = None) -> str:
    """Return ``"1 finding"``, ``"2 findings"``, ``"1,234 records"``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def summary(result: InspectionResult) -> dict[str, Any]:
    """Return the ``summary`` block of the result's JSON form."""
    block: dict[str, Any] = result.to_dict()["summary"]
    return block


def by_severity(result: InspectionResult) -> list[tuple[Severity, int]]:
    """Return ``(severity, number of findings)`` pairs, highest severity first."""
    counts = summary(result)["by_severity"]
    return [(s, int(counts[s.value])) for s in SEVERITIES_HIGH_FIRST]


def counts_phrase(result: InspectionResult) -> str:
    """Return e.g. ``"7 findings (3 high, 2 medium, 2 low)"`` or ``"no findings"``."""
    n = len(result.findings)
    if n == 0:
        return "no findings"
    parts = ", ".join(f"{c:,} {s.value}" for s, c in by_severity(result) if c)
    return f"{plural(n, 'finding')} ({parts})"


def records_phrase(result: InspectionResult) -> str:
    """Return e.g. ``"1,234 of 32,561 training records exposed"``."""
    exposed = summary(result)["records_exposed"]
    if exposed is None or result.n_train is None:
        return "training records exposed: unknown (no training data)"
    return f"{exposed:,} of {plural(result.n_train, 'training record')} exposed"


def summary_phrase(result: InspectionResult) -> str:
    """Return the summary without the model name (findings; records; failures)."""
    parts = [
        counts_phrase(result),
        records_phrase(result),
        f"{plural(len(result.errors), 'check')} failed",
    ]
    if result.skipped:
        parts.append(f"{len(result.skipped):,} skipped")
    return "; ".join(parts)


def records_cell(finding: Finding, result: InspectionResult) -> str:
    """Return how many records a finding exposes, for a table cell.

    ``"53 of 1,000"`` when counted against known training data, ``"53"`` when the
    total is unknown, ``"unknown (no data)"`` when no training data was given,
    and ``"not counted"`` when data was given but the check could not count.
    """
    rec = finding.records
    if rec.count is None:
        return "unknown (no data)" if result.n_train is None else "not counted"
    if rec.of is None:
        return f"{rec.count:,}"
    return f"{rec.count:,} of {rec.of:,}"
