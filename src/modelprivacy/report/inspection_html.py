"""The HTML report of an inspection: one self-contained page, like the audit's.

:func:`render_inspection_html` formats an :class:`InspectionResult`; it
computes nothing new. Strings from the model are escaped by Jinja's
autoescaping; no scripts, no external resources. The style sheet is the
audit report's (``templates/_report.css``).
"""

from __future__ import annotations

import functools

import jinja2

from modelprivacy.findings import Finding, InspectionResult, Severity
from modelprivacy.report._common import summary_phrase

__all__ = ["render_inspection_html"]

_SEVERITY_TONE = {"high": "red", "medium": "amber", "low": "lowrisk"}
_UNSAFE_HREF = ("http:", "https:", "//", "javascript:", "data:", "file:")


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("modelprivacy.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _href(docs: str) -> str | None:
    """A relative link to the check's documentation, or ``None`` for anything else."""
    d = docs.strip()
    if not d or d.lower().startswith(_UNSAFE_HREF) or ":" in d.split("#")[0]:
        return None
    return d


def _people(f: Finding) -> str:
    r = f.records
    if r.count is None:
        return "not counted"
    return f"{r.count:,} of {r.of:,}" if r.of else f"{r.count:,}"


def _row(f: Finding) -> dict[str, object]:
    return {
        "check_id": f.check_id,
        "title": f.title,
        "severity": f.severity.value,
        "tone": _SEVERITY_TONE.get(f.severity.value, "info"),
        "confidence": f.confidence.value,
        "criterion": f.criterion.value,
        "path": f.path,
        "estimator": f.estimator,
        "description": f.description,
        "remedy": f.remedy,
        "people": _people(f),
        "example": f.example or "",
        "docs": f.docs,
        "href": _href(f.docs),
    }


def render_inspection_html(result: InspectionResult, fragment: bool = False) -> str:
    """Render an inspection as one self-contained HTML page.

    Parameters
    ----------
    result : InspectionResult
        The inspection.
    fragment : bool, default=False
        Return only the report's ``<div>`` (with its scoped ``<style>``), for
        Jupyter, instead of a whole document.

    Returns
    -------
    str
        The HTML; the same result gives the same string.
    """
    top = result.max_severity
    if top is None:
        tone, headline = "green", "Nothing found that exposes training records"
    elif top >= Severity.MEDIUM:
        tone, headline = "red", "The model carries data that exposes training records"
    else:
        tone, headline = "amber", "The model carries little that exposes training records"
    template = _environment().get_template("inspection.html.j2")
    return template.render(
        fragment=fragment,
        model=result.model,
        source=result.source,
        n_train=f"{result.n_train:,}" if result.n_train is not None else "not given",
        has_data=result.n_train is not None,
        k=result.k,
        seed=result.seed,
        tone=tone,
        headline=headline,
        summary=summary_phrase(result)[:1].upper() + summary_phrase(result)[1:] + ".",
        show_values=result.show_values,
        rows=[_row(f) for f in result.findings],
        errors=[{"check_id": e.check_id, "message": e.message} for e in result.errors],
        skipped=list(result.skipped),
        load_notes=list(result.load_notes),
        versions=sorted(result.versions.items()),
    )
