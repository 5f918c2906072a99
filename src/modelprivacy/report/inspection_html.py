"""The HTML report of an inspection: one self-contained page, like the audit's.

:func:`render_inspection_html` formats an :class:`InspectionResult`; it
computes nothing new. Strings from the model are escaped by Jinja's
autoescaping; no scripts, no external resources. The style sheet is the
audit report's (``templates/_report.css``).
"""

from __future__ import annotations

from modelprivacy.findings import Finding, InspectionResult, Severity
from modelprivacy.report._common import summary_phrase
from modelprivacy.report.html import _environment, _finding_row, docs_appendix

__all__ = ["render_inspection_html"]

_SEVERITY_TONE = {"high": "red", "medium": "amber", "low": "lowrisk"}


def _row(f: Finding) -> dict[str, object]:
    """The audit report's finding row, with the badge's tone and the remedy."""
    return {
        **_finding_row(f),
        "tone": _SEVERITY_TONE.get(f.severity.value, "info"),
        "remedy": f.remedy,
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
        docs=docs_appendix(result.findings),
        version=result.versions.get("modelprivacy", ""),
    )
