"""The HTML report of an audit: one self-contained page.

:func:`render_html` turns an :class:`~modelprivacy.auditing.core.AuditResult`
into a single HTML file with inline CSS and inline SVG figures (report.plots),
no scripts and no external resources. It opens with the verdict in plain
words and the risk per criterion, then gives a specialist everything behind
it: what the model stores, singling out, linkability (membership inference,
ROC curves, score histogram), inference (attribute inference per sensitive
column), the most exposed people (by ID), remedies, coverage of EDPB Opinion
28/2024, the threat model and the method.

The template is rendered by Jinja2 with autoescaping on: every string that
comes from the model or the data (file and column names, attribute paths) is
escaped. The report holds counts, rates, record IDs and the findings'
(already redacted) examples, never raw training values. The same result
always renders to the same bytes.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from modelprivacy.auditing.render import stored_rows_card
from modelprivacy.auditing.share import SHARE_HEADING, may_i_share
from modelprivacy.auditing.verdict import LINKABILITY_TEST
from modelprivacy.findings import Criterion, Finding, Severity
from modelprivacy.report.membership import REFIT_HEADING, UNRESOLVED, refit_notes

if TYPE_CHECKING:
    from modelprivacy.auditing.core import AuditResult
    from modelprivacy.stats import TprAtFpr

__all__ = ["SECTIONS", "docs_appendix", "render_html"]

#: ``(id, heading)`` of the report's sections, in order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("share", "May I share it?"),
    ("verdict", "Verdict"),
    ("criteria", "Risk per criterion"),
    ("stores", "What the model stores"),
    ("singling", "Singling out"),
    ("linkability", "Linkability: membership inference"),
    ("inference", "Inference: attribute inference"),
    ("exposed", "Most exposed people"),
    ("remedies", "Remedies"),
    ("coverage", "Coverage and threat model"),
    ("method", "Method"),
    ("docs", "Documentation"),
)
_FPRS = (0.001, 0.01, 0.1)
_TONE = {
    "contains personal data (not anonymous)": "red",
    "anonymity not demonstrated": "amber",
    "no evidence of identifiability at the tested strength": "green",
}
_HEADLINE = {
    "red": "This model is not anonymous.",
    "amber": "This model has not been shown to be anonymous.",
    "green": "No evidence of identifiability was found at the tested strength.",
}
_RISK_TONE = {
    "none": "green",
    "low": "lowrisk",
    "medium": "amber",
    "high": "red",
    "not assessed": "grey",
}
_PLAIN = {
    Criterion.SINGLING_OUT: "Can someone pick out one person from what the model stores?",
    Criterion.LINKABILITY: "Can someone tell whether a given person was in the training data?",
    Criterion.INFERENCE: "Can someone learn a person's sensitive attribute from the model?",
}
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


# ---------------------------------------------------------------------------
# formatting
# ---------------------------------------------------------------------------


def _num(x: Any, spec: str = ".3f") -> str:
    if x is None:
        return "n/a"
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(v):
        return "n/a"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return format(v, spec)


def _iv(iv: Any, spec: str = ".1%") -> str:
    return f"{_num(iv.value, spec)} [{_num(iv.low, spec)}, {_num(iv.high, spec)}]"


def _count(n: Any) -> str:
    return f"{int(n):,}" if n is not None else "n/a"


def _people(f: Finding) -> str:
    from modelprivacy.report._common import chance_note

    r = f.records
    if r.count is None:
        return "not counted"
    return (f"{r.count:,} of {r.of:,}" if r.of else f"{r.count:,}") + chance_note(f, full=True)


def _href(docs: str) -> str | None:
    """A link to the check's documentation in the report's appendix, or ``None``.

    Only a reference that resolves in the documentation shipped with the
    package (:func:`modelprivacy.report.docs.resolve`) gets a link, and the
    link is always to the appendix inside the page (``#doc-<anchor>``), so it
    never dies with a moved file, never leaves the page and never carries a
    scheme (``javascript:`` and the like are shown as text).
    """
    from modelprivacy.report.docs import anchor_id, resolve

    d = docs.strip()
    if not d or d.lower().startswith(_UNSAFE_HREF) or ":" in d.split("#")[0]:
        return None
    section = resolve(d)
    return f"#{anchor_id(section)}" if section is not None else None


def docs_appendix(findings: Iterable[Finding]) -> list[dict[str, str]]:
    """The documentation sections the findings link to, for the report's appendix.

    Parameters
    ----------
    findings : iterable of Finding
        The findings of the report.

    Returns
    -------
    list of dict
        ``id`` (the element id the links point to), ``ref``, ``title`` and
        ``text`` (the section's Markdown, shown as preformatted text), one per
        distinct section, ordered by check id.
    """
    from modelprivacy.report.docs import anchor_id, doc_sections

    refs = [f.docs for f in sorted(findings, key=lambda f: f.check_id)]
    return [
        {"id": anchor_id(s), "ref": s.ref, "title": s.title, "text": s.text}
        for s in doc_sections(refs)
    ]


def _value(v: Any) -> str:
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return _num(v, "g")
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, list | tuple):
        return ", ".join(str(x) for x in v) if v else "none"
    return str(v)


def _not_assessed(result: AuditResult, criterion: Criterion, default: str) -> str:
    v = result.verdict.criteria.get(criterion)
    return (v.reason if v is not None and v.reason else "") or default


# ---------------------------------------------------------------------------
# sections
# ---------------------------------------------------------------------------


def _criteria(result: AuditResult) -> list[dict[str, Any]]:
    cards = []
    for c, v in result.verdict.criteria.items():
        cards.append(
            {
                "name": c.value,
                "question": _PLAIN.get(c, ""),
                "note": LINKABILITY_TEST if c is Criterion.LINKABILITY else "",
                "risk": v.risk,
                "tone": _RISK_TONE.get(v.risk, "grey"),
                "assessed": v.assessed,
                "evidence": list(v.evidence),
                "reason": v.reason,
            }
        )
    return cards


def _finding_row(f: Finding) -> dict[str, Any]:
    return {
        "check_id": f.check_id,
        "title": f.title,
        "severity": f.severity.value,
        "confidence": f.confidence.value,
        "criterion": f.criterion.value,
        "path": f.path,
        "estimator": f.estimator,
        "description": f.description,
        "people": _people(f),
        "example": f.example or "",
        "docs": f.docs,
        "href": _href(f.docs),
    }


def _stores(result: AuditResult) -> dict[str, Any]:
    rows = [_finding_row(f) for f in result.findings if f.check_id.startswith("MP-S1")]
    # the audit's failed checks: the inspection's and every other check's (the audit went on)
    errors = [{"check_id": e.check_id, "message": e.message} for e in result.errors]
    return {"rows": rows, "errors": errors, "show_values": bool(result.inspection.show_values)}


def _singling(result: AuditResult) -> dict[str, Any]:
    out: dict[str, Any] = {"boxes": None, "exposure": None}
    b = result.boxes
    if b is not None:
        s = b.summary()
        n = b.n_records
        m = s["pinned_features"]
        rows = [
            ("Training records", _count(n)),
            ("Trees routed", _count(b.n_trees)),
            (f"In a leaf of fewer than k={b.k} in some tree", f"{s['exposed']:,} of {n:,}"),
            ("Alone in a leaf in some tree", f"{s['alone']:,} of {n:,}"),
            ("Singled out by their leaf box", f"{s['singled_out']:,} of {n:,}"),
            ("… by a box holding no other record", f"{s['singled_out_alone_in_box']:,}"),
            (
                f"… with {m} or more features pinned within 1% of their range",
                f"{s['pinned_1pct_many']:,}",
            ),
            ("… with at least one feature pinned exactly", f"{s['pinned_exact_any']:,}"),
            (
                "Median trees with a small leaf (of the singled out)",
                _num(s["median_small_leaf_trees"], "g"),
            ),
            ("Label or target recovered from small leaves", f"{s['label_recovered']:,}"),
        ]
        settings = (
            f"{b.model} at {b.path}; boxes in {b.units} feature space over "
            f"{len(b.feature_names):,} features; leaves intersected: {b.intersect}; a box singles "
            f"its person out when it holds at most {b.max_population:,} other "
            + (
                f"population records (of {b.n_population:,})."
                if b.n_population is not None
                else "training records (no population data)."
            )
        )
        out["boxes"] = {
            "rows": [{"label": k, "value": v} for k, v in rows],
            "settings": settings,
            "notes": list(b.notes),
        }
    t = result.exposure
    if t is not None:
        c = t.overview.counts
        levels = [
            {
                "level": lv,
                "count": f"{c.get(f'level_{lv}', 0):,}",
                "tone": _RISK_TONE.get(lv, "grey"),
            }
            for lv in ("high", "medium", "low", "info", "none")
        ]
        checks = [
            {"check_id": k, "title": t.titles[k], "count": f"{c[k]:,}"}
            for k in sorted(t.checks, key=lambda k: (-c[k], k))
        ]
        rel = t.overview.outliers
        outliers = None
        if rel is not None:
            outliers = {
                "top": _num(rel.share_exposed_unusual_tenth, ".0%"),
                "rest": _num(rel.share_exposed_rest, ".0%"),
                "spearman": _num(rel.spearman_outlierness_level, "+.2f")
                if rel.spearman_outlierness_level is not None
                else None,
            }
        out["exposure"] = {
            "summary": t.overview.text,
            "unit": "people" if t.unit == "person" else "records",
            "n": f"{t.n:,}",
            "levels": levels,
            "checks": checks,
            "outliers": outliers,
        }
    skipped = [s.reason for s in result.skipped if s.check_id == "MP-S110"]
    skipped += [f"failed ({e.message})" for e in result.errors if e.check_id == "MP-S110"]
    default = (
        "needs the training data (--train)"
        if result.settings.get("n_train") is None
        else "the model has no tree leaves to reconstruct"
    )
    out["boxes_reason"] = "; ".join(skipped) or default
    out["exposure_reason"] = (
        "the per-person exposure table needs the training data (--train)" if t is None else ""
    )
    return out


def _tpr_text(t: TprAtFpr) -> str:
    """A TPR cell: the rate with its interval, or "unresolved" with the tie that straddles it.

    The tie's sentence wraps under the word (numeric cells do not wrap), so
    that the table keeps its width.
    """
    if t.resolved:
        return _iv(t)
    return Markup(
        '{}<span class="mp-desc" style="display:block;white-space:normal;width:12em;margin-left:auto">{}</span>'
    ).format(UNRESOLVED, f"({t.tie})")


def _membership(result: AuditResult) -> dict[str, Any] | None:
    from modelprivacy.report import plots

    m = result.membership
    if m is None:
        return None
    best = m.best(0.01).name
    rows: list[dict[str, Any]] = []
    for name, a in m.metrics.items():
        tprs = [
            {
                "text": _tpr_text(a.tpr_at_fpr[f]) if f in a.tpr_at_fpr else "n/a",
                "resolvable": bool(a.resolvable.get(f, False)),
            }
            for f in _FPRS
        ]
        rows.append(
            {
                "name": name,
                "best": name == best,
                "auc": _iv(a.auc, ".3f"),
                "tprs": tprs,
                "advantage": _num(a.advantage, ".3f"),
                "epsilon": _num(a.epsilon.low, ".2f"),
            }
        )
    finding = next((f for f in result.findings if f.check_id == "MP-L201"), None)
    exposure = None
    exp = m.exposure
    if exp is not None:
        ids = result.ids
        most = [
            str(ids[i]) if ids is not None and i < len(ids) else str(i)
            for i in exp.most_exposed[:20]
        ]
        exposure = {
            "attack": exp.attack,
            "most": most,
            "by_id": ids is not None,
            "spearman": _num(exp.spearman, "+.2f") if exp.spearman is not None else None,
            "outlier": [_num(x, ".2f") for x in exp.outlier_exposure]
            if exp.outlier_exposure is not None
            else None,
        }
    return {
        "rows": rows,
        "best": best,
        "k": m.k,
        "n_members": f"{m.n_members:,}",
        "n_nonmembers": f"{m.n_nonmembers:,}",
        "rmia_a": _num(m.rmia_a, "g"),
        "starred": any(not t["resolvable"] for r in rows for t in r["tprs"]),
        "finding": _finding_row(finding) if finding is not None else None,
        "roc": Markup(plots.roc_svg(m.roc, best=best)) if m.roc else None,
        "hist": Markup(plots.histogram_svg(m.histogram)) if m.histogram is not None else None,
        "exposure": exposure,
    }


def _attribute(result: AuditResult) -> list[dict[str, Any]] | None:
    from modelprivacy.report import plots

    a = result.attribute
    if a is None:
        return None
    threshold = (result.settings.get("thresholds") or {}).get("attribute_high_risk")
    titles = {f.title: f for f in result.findings if f.check_id == "MP-I301"}
    out = []
    for i, (col, c) in enumerate(a.columns.items()):
        rows = [
            {
                "name": name,
                "n_members": f"{o.n_members:,}",
                "n_control": f"{o.n_control:,}",
                "members": _iv(o.members),
                "control": _iv(o.control),
                "baseline": _iv(o.baseline),
                "risk": _iv(o.residual_risk, ".2f"),
                "risk_positive": bool(o.residual_risk.low > 0),
                "advantage": _iv(o.advantage, "+.1%"),
                "no_better": bool(o.no_better_than_baseline),
                "exposed": f"{o.n_exposed:,} [{_num(o.beyond_baseline.low, ',.0f')}, "
                f"{_num(o.beyond_baseline.high, ',.0f')}]",
            }
            for name, o in c.outcomes.items()
        ]
        finding = titles.get(f"Attribute inference: {col}")
        plot = (
            Markup(
                plots.residual_risk_svg(
                    [(n, o.residual_risk) for n, o in c.outcomes.items()],
                    threshold=threshold,
                    key=f"mp-risk-{i}",
                )
            )
            if c.outcomes
            else None
        )
        out.append(
            {
                "column": str(col),
                "kind": c.kind,
                "n_candidates": f"{c.n_candidates:,}",
                "in_model": c.in_model,
                "tolerance": _num(c.tolerance, ".0%") if c.tolerance is not None else None,
                "best": c.best().attack if c.outcomes else None,
                "rows": rows,
                "plot": plot,
                "warnings": list(c.warnings),
                "skipped": [f"{k}: {v}" for k, v in c.skipped.items()],
                "finding": _finding_row(finding) if finding is not None else None,
                "baseline": "the most frequent value"
                if c.baseline == "majority" and c.kind == "categorical"
                else ("the median" if c.baseline == "majority" else "a model of the other columns"),
                "sample": a.sample_sentence(
                    next(iter(c.outcomes.values())).n_members,
                    next(iter(c.outcomes.values())).n_control,
                )
                if c.outcomes
                else "",
            }
        )
    return out


def _exposed(result: AuditResult) -> dict[str, Any] | None:
    t = result.exposure
    if t is None:
        return None
    f = t.frame
    rows = []
    for rid in t.worst(20):
        row = f.loc[rid]
        rows.append(
            {
                "id": str(rid),
                "level": str(row["level"]),
                "tone": _RISK_TONE.get(str(row["level"]), "grey"),
                "checks": [c for c in t.checks if bool(row[c])],
                "records": f"{int(row['records']):,}" if "records" in f else "1",
            }
        )
    return {
        "rows": rows,
        "unit": "Person"
        if t.unit == "person"
        else ("Record ID" if result.ids is not None else "Row in the training data"),
        "per_person": t.unit == "person",
        "by_id": result.ids is not None or t.unit == "person",
    }


def _remedies(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for f in findings:
        if not f.remedy:
            continue
        entry = seen.setdefault(
            f.check_id,
            {
                "check_id": f.check_id,
                "severity": f.severity.value,
                "rank": f.severity,
                "remedy": f.remedy,
                "titles": [],
                "href": _href(f.docs),
                "docs": f.docs,
            },
        )
        if f.severity > entry["rank"]:
            entry.update(severity=f.severity.value, rank=f.severity, remedy=f.remedy)
        if f.title not in entry["titles"]:
            entry["titles"].append(f.title)
    order = sorted(seen.values(), key=lambda e: (-list(Severity).index(e["rank"]), e["check_id"]))
    for e in order:
        e["tone"] = _RISK_TONE.get(e["severity"], "grey")
    return order


def _method(result: AuditResult) -> dict[str, Any]:
    s: dict[str, Any] = dict(result.settings)
    labels = {
        "k": "k (smallest group that does not single people out)",
        "reference_models": "K (reference models)",
        "budget": "time budget of the reference fits (seconds)",
        "reference_models_choice": "why this K",
        "seed": "seed",
        "n_train": "training records",
        "n_holdout": "holdout records (non-members)",
        "n_population": "population records",
        "target": "target column",
        "sensitive": "sensitive columns",
        "id_column": "ID column",
        "subject_column": "subject column",
        "known_label": "attacker knows the label",
    }
    thresholds: Mapping[str, Any] = s.pop("thresholds", None) or {}
    settings = [{"name": labels.get(k, k), "value": _value(v)} for k, v in s.items()]
    settings += [{"name": f"threshold: {k}", "value": _value(v)} for k, v in thresholds.items()]
    if result.membership is not None:
        settings.append({"name": "RMIA offline a", "value": _num(result.membership.rmia_a, "g")})
    if result.attribute is not None:
        settings.append({"name": "attribute model output", "value": result.attribute.output})
        settings.append(
            {
                "name": "attribute attack training records",
                "value": f"{result.attribute.n_attacker:,}",
            }
        )
    for note in result.inspection.load_notes:
        settings.append({"name": "reset while loading the file", "value": note})
    settings.append(
        {
            "name": "raw values in examples (show_values)",
            "value": _value(result.inspection.show_values),
        }
    )
    return {
        "settings": settings,
        "versions": [{"name": k, "version": v} for k, v in result.versions.items()],
        "skipped": list(result.skipped),
        "refit_heading": REFIT_HEADING,
        "refit_notes": list(refit_notes(result.membership)),
    }


def _release(result: AuditResult) -> dict[str, Any] | None:
    """The release-mode table (with ``release=``), or None."""
    from modelprivacy.auditing.render import (
        RELEASE_COLUMNS,
        RELEASE_HEADING,
        RELEASE_NOTE,
        release_rows,
    )

    if not result.release:
        return None
    return {
        "heading": RELEASE_HEADING,
        "columns": RELEASE_COLUMNS,
        "rows": release_rows(result),
        "recommendation": result.recommendation(),
        "note": RELEASE_NOTE,
    }


def _context(result: AuditResult) -> dict[str, Any]:
    v = result.verdict
    tone = _TONE.get(v.overall, "amber")
    crit = result.verdict.criteria
    lk = crit.get(Criterion.LINKABILITY)
    inf = crit.get(Criterion.INFERENCE)
    return {
        "source": result.source,
        "model": result.model,
        "overall": v.overall,
        "tone": tone,
        "headline": _HEADLINE[tone],
        "explanation": v.explanation,
        "share": may_i_share(result),
        "share_heading": SHARE_HEADING,
        "release": _release(result),
        "n_findings": len(result.findings),
        "criteria": _criteria(result),
        "sections": SECTIONS,
        "stores": _stores(result),
        "singling": _singling(result),
        "membership": _membership(result),
        "stored_rows": stored_rows_card(result),
        "membership_reason": (lk.reason if lk is not None and lk.reason else "")
        or "membership inference was not run",
        "attribute": _attribute(result),
        "attribute_reason": (inf.reason if inf is not None and inf.reason else "")
        or "attribute inference was not run",
        "exposed": _exposed(result),
        "remedies": _remedies(result.findings),
        "coverage": [r.to_dict() for r in result.coverage],
        "threat_model": result.threat_model,
        "method": _method(result),
        "known_label": result.settings.get("known_label", True),
        "docs": docs_appendix(result.findings),
        "version": result.versions.get("modelprivacy", ""),
    }


def render_html(result: AuditResult, fragment: bool = False) -> str:
    """Render an audit as one self-contained HTML page.

    Parameters
    ----------
    result : AuditResult
        The audit.
    fragment : bool, default=False
        Return only the report's ``<div>`` (with its scoped ``<style>``), for
        Jupyter's ``_repr_html_``, instead of a whole document.

    Returns
    -------
    str
        The HTML. No scripts, no external resources: CSS and SVG figures are
        inline. Strings from the model or the data are escaped; no raw
        training values appear. The same result gives the same string.
    """
    template = _environment().get_template("audit.html.j2")
    return template.render(fragment=fragment, **_context(result))
