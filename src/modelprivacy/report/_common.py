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
    "chance_note",
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
    An attack's count says what it is beyond: ``"0 of 4,552 beyond chance"``,
    ``"28 of 250 beyond baseline"`` (see :func:`chance_note`).
    """
    rec = finding.records
    if rec.count is None:
        return "unknown (no data)" if result.n_train is None else "not counted"
    note = chance_note(finding)
    if rec.of is None:
        return f"{rec.count:,}{note}"
    return f"{rec.count:,} of {rec.of:,}{note}"


def chance_note(finding: Finding, full: bool = False) -> str:
    """What an attack's record count is beyond, read from the finding's evidence.

    Parameters
    ----------
    finding : Finding
        Any finding; only membership (MP-L201) and attribute inference
        (MP-I301) evidence yields a note.
    full : bool, default=False
        Add the counts the record count is measured against.

    Returns
    -------
    str
        ``" beyond chance"`` (full: ``" beyond chance (46 flagged, 46 expected
        by chance)"``) for membership inference, ``" beyond baseline"`` (full:
        ``" beyond baseline (237 recovered, 209 by the baseline)"``) for
        attribute inference, ``""`` for any other finding. The finding's
        description gives the full figures in every format.
    """
    ev = finding.evidence
    chance = ev.get("records_beyond_chance")
    if isinstance(chance, dict) and "flagged" in chance:
        if not full:
            return " beyond chance"
        return (
            f" beyond chance ({int(chance['flagged']):,} flagged, "
            f"{float(chance['expected_by_chance']):,.0f} expected by chance)"
        )
    attacks, best = ev.get("attacks"), ev.get("best")
    if isinstance(attacks, dict) and isinstance(attacks.get(best), dict):
        a = attacks[best]
        if "members_recovered" in a and "baseline_members_recovered" in a:
            if not full:
                return " beyond baseline"
            return (
                f" beyond baseline ({int(a['members_recovered']):,} recovered, "
                f"{int(a['baseline_members_recovered']):,} by the baseline)"
            )
    return ""
