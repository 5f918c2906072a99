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
from typing import TYPE_CHECKING, Any

from modelprivacy._text import printable
from modelprivacy.auditing.share import SHARE_HEADING, may_i_share
from modelprivacy.auditing.verdict import LINKABILITY_TEST
from modelprivacy.report.membership import TIE_HEADING, UNRESOLVED, fpr_label, tie_note, tpr_cell

if TYPE_CHECKING:
    from modelprivacy.auditing.core import AuditResult

__all__ = [
    "STORED_ROWS_ROW",
    "audit_json",
    "audit_markdown",
    "audit_terminal",
    "render_audit",
    "stored_rows_card",
]

#: The row name of the white-box stored-rows lookup, next to the black-box attacks.
STORED_ROWS_ROW = "stored rows lookup (white-box)"
_FPRS = (0.001, 0.01, 0.1)
_STORED_HEADER = (
    "attack",
    "AUC [95% CI]",
    "TPR@0.1%",
    "TPR@1%",
    "TPR@10%",
    "advantage",
    "epsilon lower bound",
)


def _pct(x: float) -> str:
    return f"{x:.1%}"


def stored_rows_card(result: AuditResult) -> dict[str, Any] | None:
    """The stored-rows lookup (MP-L202) of an audit, formatted for every report.

    Parameters
    ----------
    result : AuditResult
        The audit.

    Returns
    -------
    dict or None
        ``None`` when membership inference did not run (no holdout). When the
        lookup was skipped (the model stores no rows): ``ran`` False,
        ``title`` and ``reason``. Otherwise ``ran`` True and formatted strings
        (no computation left to the renderer): ``title``,
        ``meaning``, ``row`` (the table cells, as for the black-box attacks),
        ``tprs`` (TPR at 0.1%, 1%, 10% FPR with Clopper-Pearson intervals,
        or "unresolved" with the tie of scores that straddles that FPR),
        ``ties`` (one note per unresolved TPR), ``auc``, ``found``, ``arrays``, ``severity``, ``check_id``,
        ``description``, ``detail`` (the description after the sentence of
        ``meaning``) and ``remedy``.
    """
    from modelprivacy.attacks.stored_rows import CHECK_ID, MEANING

    title = "Stored rows lookup (white-box)"
    r = getattr(result, "stored_rows", None)
    if r is None:
        why = _stored_rows_skipped(result)
        if result.membership is None or not why:
            return None
        return {"ran": False, "title": title, "check_id": CHECK_ID, "reason": why}
    finding = next((f for f in result.findings if f.check_id == CHECK_ID), None)
    m = r.metrics
    description = finding.description if finding is not None else ""
    detail = (
        description[len(MEANING) :].lstrip() if description.startswith(MEANING) else description
    )
    tprs = []
    for fpr in _FPRS:
        t = m.tpr_at_fpr[fpr]
        resolvable = bool(m.resolvable[fpr])
        tprs.append(
            {
                "fpr": fpr_label(fpr),
                "value": tpr_cell(t, resolvable),
                "interval": f"{_pct(t.value)} [{_pct(t.low)}, {_pct(t.high)}]"
                if t.resolved
                else f"{UNRESOLVED} ({t.tie})",
                "resolvable": resolvable,
                "resolved": t.resolved,
                "tie": None if t.resolved else tie_note(STORED_ROWS_ROW, fpr, t),
            }
        )
    auc = f"{m.auc.value:.3f} [{m.auc.low:.3f}, {m.auc.high:.3f}]"
    return {
        "ran": True,
        "title": title,
        "check_id": CHECK_ID,
        "meaning": MEANING,
        "name": STORED_ROWS_ROW,
        "auc": auc,
        "tprs": tprs,
        "advantage": f"{m.advantage:.3f}",
        "epsilon": f"{m.epsilon.low:.2f}",
        "row": [
            STORED_ROWS_ROW,
            auc,
            *(t["value"] for t in tprs),
            f"{m.advantage:.3f}",
            f"{m.epsilon.low:.2f}",
        ],
        "starred": any(not t["resolvable"] for t in tprs),
        "ties": [t["tie"] for t in tprs if t["tie"] is not None],
        "scope": (
            f"{r.n_members:,} members, {r.n_nonmembers:,} non-members, {r.n_stored:,} stored rows, "
            f"no reference models, seed {r.seed}"
        ),
        "found": (
            f"Found in the file: {r.members_found:,} of {r.n_members:,} members and "
            f"{r.nonmembers_found:,} of {r.n_nonmembers:,} non-members (a non-member identical to a "
            "stored row is a false positive)."
        ),
        "arrays": [
            {
                "path": printable(a.path, 2000),
                "estimator": printable(a.estimator, 300),
                "rows": f"{a.rows:,}",
                "space": "as the estimator received them"
                if a.space == "input"
                else "as given to the model",
            }
            for a in r.arrays
        ],
        "severity": finding.severity.value if finding is not None else "",
        "description": description,
        "detail": detail,
        "remedy": finding.remedy if finding is not None else "",
    }


def _stored_rows_skipped(result: AuditResult) -> str | None:
    """Why the stored-rows lookup (MP-L202) did not run, or ``None`` when it ran."""
    return next(
        (s.reason for s in result.skipped if getattr(s, "check_id", "") == "MP-L202"), None
    ) or next((f"failed ({e.message})" for e in result.errors if e.check_id == "MP-L202"), None)


def _stored_rows_terminal(result: AuditResult, width: int = 110) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buf = StringIO()
    console = Console(file=buf, width=width, color_system=None)
    card = stored_rows_card(result)
    if card is None:
        return ""
    if not card["ran"]:
        console.print(f"{card['title']}: not run: {card['reason']}.", markup=False)
        return buf.getvalue()
    table = Table(title=f"{card['title']} ({card['scope']})")
    for col in _STORED_HEADER:
        if col == "attack":
            table.add_column(col, justify="left", no_wrap=True)
        else:
            table.add_column(col, justify="right")
    table.add_row(*(escape(c) for c in card["row"]))
    console.print(card["meaning"], markup=False, highlight=False)
    console.print(table)
    if card["starred"]:
        console.print("* too few non-members to resolve this FPR", markup=False)
    if card["ties"]:
        console.print(TIE_HEADING, markup=False, highlight=False)
        for note in card["ties"]:
            console.print(f"- {note}", markup=False, highlight=False)
    console.print(card["found"], markup=False, highlight=False)
    if card["severity"]:
        console.print(
            f"[{card['severity'].upper()}] {card['check_id']}: {card['detail']}",
            markup=False,
            highlight=False,
        )
    return buf.getvalue()


def _stored_rows_markdown(result: AuditResult) -> str:
    from modelprivacy.report.markdown import _code, markdown_row
    from modelprivacy.report.markdown import _text as markdown_text

    card = stored_rows_card(result)
    if card is None:
        return ""
    if not card["ran"]:
        return f"{card['title']}: not run: {markdown_text(card['reason'])}.\n"
    out = [
        f"## {card['title']} ({card['check_id']})",
        "",
        markdown_text(card["meaning"]),
        "",
    ]
    if card["severity"]:
        out += [f"**{card['severity'].upper()}**: {markdown_text(card['detail'])}", ""]
    out += [
        f"{card['scope']}.",
        "",
        markdown_row(_STORED_HEADER),
        "|---|" + "---:|" * (len(_STORED_HEADER) - 1),
        markdown_row(card["row"]),
        "",
    ]
    if card["starred"]:
        out += ["\\* too few non-members to resolve this FPR.", ""]
    if card["ties"]:
        out += [markdown_text(TIE_HEADING), ""]
        out += [f"- {markdown_text(n)}" for n in card["ties"]] + [""]
    out += [markdown_text(card["found"]), ""]
    out += [
        f"- {_code(a['path'])} ({markdown_text(a['estimator'])}): {a['rows']} rows, {a['space']}"
        for a in card["arrays"]
    ]
    if card["remedy"]:
        out += ["", f"Remedy: {markdown_text(card['remedy'])}"]
    return "\n".join(out) + "\n"


RELEASE_HEADING = "Release modes: shared as a file, or served behind an API"
RELEASE_NOTE = (
    "Served modes query the model through the API's output filter: the attacks see only what the "
    "mode returns. The file-level checks (what the file stores) apply only to a shared file. A "
    "serving wrapper protects a served model, not a shared file: anyone holding the file can "
    "unwrap it."
)


def release_rows(result: AuditResult) -> list[list[str]]:
    """One row per release mode: mode, verdict, risk per criterion, best membership TPR at 1% FPR."""
    rows = []
    for v in result.release:
        tpr = v.best_tpr()
        rows.append(
            [
                v.mode,
                v.verdict.overall,
                *(cv.risk for cv in v.verdict.criteria.values()),
                "unresolved" if tpr is None else f"{tpr:.1%}",
            ]
        )
    return rows


RELEASE_COLUMNS = ("mode", "verdict", "singling out", "linkability", "inference", "TPR at 1% FPR")


def _criteria_rows(result: AuditResult) -> list[list[str]]:
    rows = []
    for c, v in result.verdict.criteria.items():
        evidence = "; ".join(v.evidence[:3]) if v.evidence else ""
        if v.reason:
            evidence = (evidence + "; " if evidence else "") + v.reason
        rows.append([c.value, v.risk, v.assessed, evidence])
    return rows


def _attack_sections(result: AuditResult, fmt: str) -> list[str]:
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
        out.append(
            _stored_rows_markdown(result) if fmt == "markdown" else _stored_rows_terminal(result)
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


def _findings_text(result: AuditResult, fmt: str) -> str:
    from modelprivacy.report import Format, render

    # the audit's findings and failed checks (the inspection's among them), as the inspection shows them
    inspection = dataclasses.replace(
        result.inspection, findings=tuple(result.findings), errors=tuple(result.errors)
    )
    if fmt != "markdown":
        return render(inspection, Format.TERMINAL)
    from modelprivacy.report.markdown import to_markdown

    text = to_markdown(inspection, docs=False)  # the audit adds the appendix at its end
    # one document: the inspection's title becomes a section
    if text.startswith("# "):
        text = "## What the model carries and reveals" + text[text.index("\n") :]
    return text.replace("\n## ", "\n### ")


def _terminal(result: AuditResult, width: int = 110) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buf = StringIO()
    console = Console(file=buf, width=width, color_system=None)
    v = result.verdict
    share = may_i_share(result)
    console.print(SHARE_HEADING.upper(), markup=False, highlight=False)
    console.print(share.answer, markup=False, highlight=False)
    for line in share.lines:
        evidence = f" [{', '.join(line.evidence)}]" if line.evidence else ""
        console.print(f"- {line.question}: {line.answer}{evidence}", markup=False, highlight=False)
    console.print(share.disclaimer, markup=False, highlight=False)
    console.print()
    console.print(f"VERDICT: {v.overall.upper()}", markup=False, highlight=False)
    console.print(v.explanation, markup=False, highlight=False)
    t = Table(title="Risk per criterion")
    for col in ("criterion", "risk", "assessed", "evidence"):
        t.add_column(col)
    for row in _criteria_rows(result):
        t.add_row(*(escape(cell) for cell in row))
    console.print(t)
    if result.release:
        rel = Table(title=RELEASE_HEADING)
        for col in RELEASE_COLUMNS:
            rel.add_column(col)
        for row in release_rows(result):
            rel.add_row(*(escape(cell) for cell in row))
        console.print(rel)
        console.print(result.recommendation() or "", markup=False, highlight=False)
        console.print(RELEASE_NOTE, markup=False, highlight=False)
    console.print(LINKABILITY_TEST, markup=False, highlight=False)
    c = Table(title="Coverage (EDPB Opinion 28/2024)")
    for col in ("attack", "status", "scope", "note"):
        c.add_column(col)
    for r in result.coverage:
        c.add_row(*(escape(cell) for cell in (r.attack, r.status, r.scope, r.note)))
    console.print(c)
    console.print(f"Threat model: {result.threat_model}", markup=False, highlight=False)
    queries = getattr(result, "queries", None)
    if queries:
        console.print(
            f"Queries: {queries:,} records sent to the black-box function.",
            markup=False,
            highlight=False,
        )
    text = buf.getvalue() + "\n" + _findings_text(result, "terminal")
    for section in _attack_sections(result, "terminal"):
        text += "\n" + section
    if result.inspection.load_notes:
        text += "\nReset while loading the file:\n" + "".join(
            f"  {printable(n)}\n" for n in result.inspection.load_notes
        )
    return text


def _markdown(result: AuditResult) -> str:
    from modelprivacy.report.markdown import _text as markdown_text
    from modelprivacy.report.markdown import docs_markdown, markdown_row
    from modelprivacy.report.membership import REFIT_HEADING, refit_notes

    v = result.verdict
    share = may_i_share(result)
    out = [
        f"# Privacy audit: {result.source}",
        "",
        f"## {SHARE_HEADING}",
        "",
        f"**{markdown_text(share.answer)}**",
        "",
    ]
    for line in share.lines:
        evidence = f" ({', '.join(f'`{c}`' for c in line.evidence)})" if line.evidence else ""
        out.append(f"- **{line.question}.** {markdown_text(line.answer)}{evidence}")
    out += [
        "",
        f"*{markdown_text(share.disclaimer)}*",
        "",
        f"**Verdict: {v.overall}.** {v.explanation}",
        "",
        "| criterion | risk | assessed | evidence |",
        "|---|---|---|---|",
    ]
    out += [markdown_row(r) for r in _criteria_rows(result)]
    if result.release:
        out += ["", f"## {RELEASE_HEADING}", ""]
        out += ["| " + " | ".join(RELEASE_COLUMNS) + " |", "|" + "---|" * len(RELEASE_COLUMNS)]
        out += [markdown_row(r) for r in release_rows(result)]
        out += ["", f"**{markdown_text(result.recommendation() or '')}** {RELEASE_NOTE}"]
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
    if s.get("reference_models_choice"):
        text += f"\nK from the time budget: {markdown_text(str(s['reference_models_choice']))}\n"
    if result.inspection.load_notes:
        text += "\nReset while loading the file:\n\n" + "".join(
            f"- {markdown_text(n)}\n" for n in result.inspection.load_notes
        )
    notes = refit_notes(result.membership)
    if notes:
        text += f"\n{REFIT_HEADING}\n\n" + "".join(f"- {markdown_text(n)}\n" for n in notes)
    appendix = docs_markdown(result.findings)
    if appendix:
        text += "\n" + "\n".join(appendix).rstrip("\n") + "\n"
    return text


def audit_terminal(result: AuditResult, width: int = 110) -> str:
    """The audit as plain text for the terminal (``width`` columns)."""
    return _terminal(result, width=width)


def audit_markdown(result: AuditResult) -> str:
    """The audit as Markdown."""
    return _markdown(result)


def audit_json(result: AuditResult) -> str:
    """The audit as JSON: ``result.to_dict()`` (``audit.schema.json``), keys sorted."""
    return json.dumps(result.to_dict(), indent=2, sort_keys=True, default=str) + "\n"


def render_audit(result: AuditResult, fmt: str = "terminal", **options: Any) -> str:
    """Render an audit result through the format registry (``formats("audit")``).

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
    from modelprivacy.report.formats import render

    return render("audit", fmt, result, **options)
