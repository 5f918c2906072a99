"""Render an :class:`~modelprivacy.auditing.core.AuditResult`: terminal, Markdown, JSON, HTML.

The terminal and Markdown reports open with the verdict and the risk per
criterion, then the coverage table, the findings, and the sections of each
attack (reusing the membership, attribute and exposure renderers). JSON is
``AuditResult.to_dict()``, validated against ``audit.schema.json``. HTML is
one self-contained page (see :mod:`modelprivacy.report.html`).
"""

from __future__ import annotations

import dataclasses
import json
from io import StringIO
from typing import Any

from modelprivacy._text import printable
from modelprivacy.auditing.verdict import LINKABILITY_TEST

__all__ = ["render_audit"]


def _criteria_rows(result: Any) -> list[list[str]]:
    rows = []
    for c, v in result.verdict.criteria.items():
        evidence = "; ".join(v.evidence[:3]) if v.evidence else ""
        if v.reason:
            evidence = (evidence + "; " if evidence else "") + v.reason
        rows.append([c.value, v.risk, v.assessed, evidence])
    return rows


def _attack_sections(result: Any, fmt: str) -> list[str]:
    from modelprivacy.report.attribute import attribute_markdown, attribute_terminal
    from modelprivacy.report.exposure import exposure_markdown, exposure_terminal
    from modelprivacy.report.membership import membership_markdown, membership_terminal

    ids = result.ids
    by_id = {f.check_id: f for f in result.findings}
    out = []
    if result.membership is not None and "MP-L201" in by_id:
        f = by_id["MP-L201"]
        out.append(
            membership_markdown(result.membership, f, ids=ids, show_refit_notes=False)
            if fmt == "markdown"
            else membership_terminal(result.membership, f, ids=ids)
        )
    if result.attribute is not None:
        titles = {f"Attribute inference: {c}" for c in result.attribute.columns}
        fs = [f for f in result.findings if f.check_id == "MP-I301" and f.title in titles]
        order = {f"Attribute inference: {c}": i for i, c in enumerate(result.attribute.columns)}
        fs.sort(key=lambda f: order[f.title])
        out.append(
            attribute_markdown(result.attribute, fs)
            if fmt == "markdown"
            else attribute_terminal(result.attribute, fs)
        )
    if result.exposure is not None:
        out.append(
            exposure_markdown(result.exposure)
            if fmt == "markdown"
            else exposure_terminal(result.exposure)
        )
    return out


def _findings_text(result: Any, fmt: str) -> str:
    from modelprivacy.report import Format, render

    inspection = dataclasses.replace(result.inspection, findings=tuple(result.findings))
    if fmt != "markdown":
        return render(inspection, Format.TERMINAL)
    text = render(inspection, Format.MARKDOWN)
    # one document: the inspection's title becomes a section
    if text.startswith("# "):
        text = "## What the model carries and reveals" + text[text.index("\n") :]
    return text.replace("\n## ", "\n### ")


def _terminal(result: Any, width: int = 110) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buf = StringIO()
    console = Console(file=buf, width=width, color_system=None)
    v = result.verdict
    console.print(f"VERDICT: {v.overall.upper()}", markup=False, highlight=False)
    console.print(v.explanation, markup=False, highlight=False)
    t = Table(title="Risk per criterion")
    for col in ("criterion", "risk", "assessed", "evidence"):
        t.add_column(col)
    for row in _criteria_rows(result):
        t.add_row(*(escape(cell) for cell in row))
    console.print(t)
    console.print(LINKABILITY_TEST, markup=False, highlight=False)
    c = Table(title="Coverage (EDPB Opinion 28/2024)")
    for col in ("attack", "status", "scope", "note"):
        c.add_column(col)
    for r in result.coverage:
        c.add_row(*(escape(cell) for cell in (r.attack, r.status, r.scope, r.note)))
    console.print(c)
    console.print(f"Threat model: {result.threat_model}", markup=False, highlight=False)
    text = buf.getvalue() + "\n" + _findings_text(result, "terminal")
    for section in _attack_sections(result, "terminal"):
        text += "\n" + section
    if result.inspection.load_notes:
        text += "\nReset while loading the file:\n" + "".join(
            f"  {printable(n)}\n" for n in result.inspection.load_notes
        )
    return text


def _markdown(result: Any) -> str:
    from modelprivacy.report.markdown import _text as markdown_text
    from modelprivacy.report.markdown import markdown_row
    from modelprivacy.report.membership import REFIT_HEADING, refit_notes

    v = result.verdict
    out = [
        f"# Privacy audit: {result.source}",
        "",
        f"**Verdict: {v.overall}.** {v.explanation}",
        "",
        "| criterion | risk | assessed | evidence |",
        "|---|---|---|---|",
    ]
    out += [markdown_row(r) for r in _criteria_rows(result)]
    out += ["", LINKABILITY_TEST]
    out += ["", "## Coverage (EDPB Opinion 28/2024)", "", "| attack | status | scope | note |"]
    out += ["|---|---|---|---|"]
    out += [markdown_row([r.attack, r.status, r.scope, r.note]) for r in result.coverage]
    out += ["", f"**Threat model.** {result.threat_model}", ""]
    text = "\n".join(out) + "\n" + _findings_text(result, "markdown")
    for section in _attack_sections(result, "markdown"):
        text += "\n" + section
    s = result.settings
    text += (
        f"\n## Method\n\nSeed {s.get('seed')}, k={s.get('k')}, K={s.get('reference_models')}; "
        + ", ".join(f"{k} {v}" for k, v in result.versions.items())
        + ".\n"
    )
    if result.inspection.load_notes:
        text += "\nReset while loading the file:\n\n" + "".join(
            f"- {markdown_text(n)}\n" for n in result.inspection.load_notes
        )
    notes = refit_notes(result.membership)
    if notes:
        text += f"\n{REFIT_HEADING}\n\n" + "".join(f"- {markdown_text(n)}\n" for n in notes)
    return text


def render_audit(result: Any, fmt: str = "terminal", **options: Any) -> str:
    """Render an audit result.

    Parameters
    ----------
    result : AuditResult
        The audit.
    fmt : {"terminal", "markdown", "json", "html"}
        The format.
    **options
        ``width`` (terminal); ``fragment`` (HTML: the body only, for Jupyter).

    Returns
    -------
    str
        The report.

    Raises
    ------
    ValueError
        On an unknown format.
    """
    if fmt == "json":
        return json.dumps(result.to_dict(), indent=2, sort_keys=True, default=str) + "\n"
    if fmt == "markdown":
        return _markdown(result)
    if fmt == "terminal":
        return _terminal(result, width=options.get("width", 110))
    if fmt == "html":
        from modelprivacy.report.html import render_html

        return render_html(result, fragment=bool(options.get("fragment", False)))
    raise ValueError(f"unknown format {fmt!r}; choose terminal, markdown, json or html")
