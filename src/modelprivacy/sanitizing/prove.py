"""Prove a sanitisation: audit before and after, and measure what it cost.

:func:`sanitize_and_audit` sanitises a model (see :func:`~modelprivacy.sanitizing.sanitize`),
audits the original and the safer model with the same data, settings and seed,
and compares them per criterion (risk level, people exposed, membership TPR at
1% FPR, attribute inference's advantage over the baseline) together with the utility on the
holdout (accuracy and ROC AUC, or R2) and whether predictions changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from io import StringIO
from typing import TYPE_CHECKING, Any

import numpy as np

from modelprivacy.findings import SCHEMA_VERSION, Criterion

if TYPE_CHECKING:
    from modelprivacy.auditing.core import AuditResult
    from modelprivacy.sanitizing.core import SanitizeResult

__all__ = [
    "TOLERANCE",
    "ComparisonRow",
    "SanitizeReport",
    "compare",
    "prediction_change",
    "sanitize_and_audit",
    "sanitize_html",
    "sanitize_markdown",
    "sanitize_terminal",
]


@dataclass(frozen=True)
class ComparisonRow:
    """One line of the before/after table."""

    measure: str
    before: str
    after: str

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-serialisable dict."""
        return {"measure": self.measure, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class SanitizeReport:
    """A sanitisation with its proof.

    Attributes
    ----------
    sanitized : SanitizeResult
        The safer model and the actions taken.
    before, after : AuditResult or None
        The audits of the original and of the safer model (``None`` without data).
    utility : dict or None
        Scores of both models on the holdout.
    predictions_changed : float or None
        Share of holdout records whose prediction changed: for classifiers
        the label, for regressors by more than ``TOLERANCE`` times the holdout
        target's standard deviation.
    prediction_change : dict or None
        How predictions changed (see :func:`prediction_change`).
    rows : tuple of ComparisonRow
        The before/after table.
    """

    sanitized: SanitizeResult
    before: AuditResult | None = None
    after: AuditResult | None = None
    utility: dict[str, Any] | None = None
    predictions_changed: float | None = None
    rows: tuple[ComparisonRow, ...] = field(default_factory=tuple)
    prediction_change: dict[str, Any] | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What got worse: the sanitisation's own warnings and criteria riskier after than before."""
        out = list(self.sanitized.warnings)
        if self.before is not None and self.after is not None:
            for c, v in self.before.verdict.criteria.items():
                new = self.after.verdict.criteria[c].risk
                if v.risk in _LEVEL and new in _LEVEL and _LEVEL[new] > _LEVEL[v.risk]:
                    out.append(f"{c.value} is riskier after sanitising: {v.risk} -> {new}")
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (no raw values)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "sanitize",
            "sanitize": self.sanitized.to_dict(),
            "comparison": [r.to_dict() for r in self.rows],
            "utility": self.utility,
            "predictions_changed": self.predictions_changed,
            "prediction_change": self.prediction_change,
            "warnings": list(self.warnings),
            "before": self.before.to_dict() if self.before is not None else None,
            "after": self.after.to_dict() if self.after is not None else None,
        }

    def render(self, fmt: str = "terminal", width: int = 110) -> str:
        """Render in one of ``formats("sanitize")``: terminal (``width`` columns), json, markdown, html."""
        from modelprivacy.report.formats import render

        return render("sanitize", fmt, self, width=width)


def sanitize_terminal(report: SanitizeReport, width: int = 110) -> str:
    """The before/after report as plain text (``width`` columns)."""
    return _terminal(report, width)


def sanitize_markdown(report: SanitizeReport) -> str:
    """The before/after report as Markdown."""
    return _markdown(report)


def sanitize_html(report: SanitizeReport) -> str:
    """The before/after report as one HTML page."""
    return _html(report)


_LEVEL = {"none": 0, "low": 1, "medium": 2, "high": 3}

#: A regressor's prediction counts as changed when it moves by more than this
#: share of the holdout target's standard deviation.
TOLERANCE = 0.01


def prediction_change(model: Any, sanitized: Any, X: Any, y: Any) -> dict[str, Any]:
    """How the sanitised model's holdout predictions differ from the original's.

    Parameters
    ----------
    model, sanitized : estimator
        The original and the sanitised model.
    X, y : array-like
        Holdout features and labels or targets.

    Returns
    -------
    dict
        Classifiers: ``{"task": "classification", "share_changed": ...}``, the
        share of records whose label changed. Regressors:
        ``{"task": "regression", "scale": ..., "median": ..., "p95": ...,
        "tolerance": TOLERANCE, "share_changed": ...}``: ``|new - old| / scale``
        with ``scale`` the holdout target's standard deviation (its mean
        absolute deviation when that is 0, else 1), its median and 95th
        percentile, and the share of records changing by more than
        ``TOLERANCE`` of the scale.
    """
    from sklearn.base import is_classifier

    p0 = np.asarray(model.predict(X))
    p1 = np.asarray(sanitized.predict(X))
    if is_classifier(model) or p0.dtype.kind not in "fiu":
        return {"task": "classification", "share_changed": float(np.mean(p0 != p1))}
    target = np.asarray(y, dtype=np.float64)
    scale = float(np.std(target))
    if not np.isfinite(scale) or scale == 0.0:
        scale = float(np.mean(np.abs(target - np.mean(target)))) or 1.0
    rel = np.abs(p1.astype(np.float64) - p0.astype(np.float64)) / scale
    rel = rel.reshape(len(rel), -1).max(axis=1)
    return {
        "task": "regression",
        "scale": "holdout target standard deviation",
        "median": float(np.median(rel)),
        "p95": float(np.percentile(rel, 95)),
        "tolerance": TOLERANCE,
        "share_changed": float(np.mean(rel > TOLERANCE)),
    }


def _fmt(v: float | None, spec: str) -> str:
    return "n/a" if v is None or not np.isfinite(v) else format(v, spec)


def _people(result: Any) -> str:
    if result.exposure is None:
        return "n/a"
    t = result.exposure
    return f"{len(t.exposed('medium')):,} of {t.n:,}"


def _tpr(result: Any) -> float | None:
    m = result.membership
    return None if m is None else float(m.best(0.01).tpr_at_fpr[0.01].value)


def _attr(result: Any) -> float | None:
    """The highest lower end of the model's advantage over the baseline, as inference is rated."""
    a = result.attribute
    if a is None or not a.columns:
        return None
    return max(float(a.best(c).advantage.low) for c in a.columns)


def _rows(
    before: Any, after: Any, util: dict[str, Any] | None, change: dict[str, Any] | None
) -> tuple[ComparisonRow, ...]:
    rows = [ComparisonRow("verdict", before.verdict.overall, after.verdict.overall)]
    for c in Criterion:
        rows.append(
            ComparisonRow(
                f"risk: {c.value}",
                before.verdict.criteria[c].risk,
                after.verdict.criteria[c].risk,
            )
        )
    word = (
        "people" if before.exposure is not None and before.exposure.unit == "person" else "records"
    )
    rows.append(ComparisonRow(f"{word} exposed (medium or high)", _people(before), _people(after)))
    rows.append(
        ComparisonRow(
            "membership TPR at 1% FPR", _fmt(_tpr(before), ".1%"), _fmt(_tpr(after), ".1%")
        )
    )
    rows.append(
        ComparisonRow(
            "attribute inference: advantage over the baseline (lower end)",
            _fmt(_attr(before), "+.1%"),
            _fmt(_attr(after), "+.1%"),
        )
    )
    if util is not None:
        for name in util["before"]:
            rows.append(
                ComparisonRow(
                    f"holdout {name}",
                    _fmt(util["before"][name], ".4f"),
                    _fmt(util["after"][name], ".4f"),
                )
            )
    if change is not None and change["task"] == "classification":
        rows.append(
            ComparisonRow(
                "holdout predictions changed (labels)", "", f"{change['share_changed']:.2%}"
            )
        )
    elif change is not None:
        tol = f"{change['tolerance']:.0%}"
        rows += [
            ComparisonRow(
                f"holdout predictions changed by more than {tol} of the target SD",
                "",
                f"{change['share_changed']:.2%}",
            ),
            ComparisonRow(
                "holdout prediction change, median (share of the target SD)",
                "",
                f"{change['median']:.2%}",
            ),
            ComparisonRow(
                "holdout prediction change, 95th percentile (share of the target SD)",
                "",
                f"{change['p95']:.2%}",
            ),
        ]
    return tuple(rows)


def sanitize_and_audit(
    model: Any,
    train: Any = None,
    holdout: Any = None,
    *,
    target: str | None = None,
    k: int = 10,
    replace: bool = False,
    sensitive: Sequence[str] = (),
    id_column: str | None = None,
    subject_column: str | None = None,
    reference_models: int = 8,
    max_records: int | None = 10_000,
    n_jobs: int | None = None,
    seed: int = 0,
) -> SanitizeReport:
    """Sanitise a model and prove it with a re-audit.

    Parameters
    ----------
    model : estimator
        The fitted model (never modified).
    train : DataFrame, optional
        The training data with the target column (refits and the audit use it).
    holdout : DataFrame, optional
        Non-members: the membership audit and the utility use them.
    target : str, optional
        The label column.
    k : int, default=10
        Minimum group size to enforce.
    replace : bool, default=False
        Replace models that are the data (k-NN, SVMs, ...) by a suggested alternative.
    sensitive : sequence of str
        Columns for attribute inference.
    id_column : str, optional
        Record-ID column of ``train`` (and ``holdout``).
    subject_column : str, optional
        Column naming the person of each record: never a feature, and the
        audits count exposure per person.
    reference_models : int, default=8
        K for membership inference.
    max_records : int or None, default=10000
        Sampling bound of the audit (see :func:`modelprivacy.auditing.audit`).
    n_jobs : int, optional
        Parallel jobs.
    seed : int, default=0
        Seeds the sanitisation and both audits.

    Returns
    -------
    SanitizeReport
        The safer model, both audits and the comparison.
    """
    from modelprivacy.auditing import audit
    from modelprivacy.load.data import drop_present, pop_column
    from modelprivacy.sanitizing import sanitize

    X = y = X_ho = y_ho = None
    drop = [id_column, subject_column]
    if train is not None:
        frame = drop_present(train, drop)
        if target is not None:
            X, y = pop_column(frame, target, where="training")
        else:
            X = frame
    if holdout is not None and target is not None:
        frame = drop_present(holdout, drop)
        X_ho, y_ho = pop_column(frame, target, where="holdout")
    result = sanitize(model, X, y, k=k, replace=replace, seed=seed, X_holdout=X_ho, y_holdout=y_ho)
    if train is None:
        return SanitizeReport(sanitized=result)
    settings: dict[str, Any] = dict(
        target=target,
        sensitive=sensitive,
        id_column=id_column,
        subject_column=subject_column,
        k=k,
        reference_models=reference_models,
        max_records=max_records,
        n_jobs=n_jobs,
        seed=seed,
        release="file",  # what sanitising changes: the file (sanitize --release audits served modes)
    )
    before = audit(model, train, holdout, **settings)
    after = audit(result.model, train, holdout, **settings)
    return compare(model, result, before, after, X_ho, y_ho)


def compare(
    model: Any,
    sanitized: Any,
    before: Any,
    after: Any,
    X_holdout: Any = None,
    y_holdout: Any = None,
) -> SanitizeReport:
    """Compare the audits of a model and of its sanitised copy.

    Parameters
    ----------
    model : estimator
        The original model.
    sanitized : SanitizeResult
        The result of :func:`~modelprivacy.sanitizing.sanitize`.
    before, after : AuditResult
        Audits of both models with the same data, settings and seed.
    X_holdout, y_holdout : optional
        Holdout features and labels for the utility and the changed predictions.

    Returns
    -------
    SanitizeReport
        The before/after table.
    """
    from modelprivacy.models._registry import as_estimator
    from modelprivacy.sanitizing import utility

    util = change = None
    if X_holdout is not None and y_holdout is not None:
        # a library's booster or results answer as the estimators the audits query
        old, new = as_estimator(model), as_estimator(sanitized.model)
        util = utility(old, new, X_holdout, y_holdout)
        change = prediction_change(old, new, X_holdout, y_holdout)
    return SanitizeReport(
        sanitized=sanitized,
        before=before,
        after=after,
        utility=util,
        predictions_changed=None if change is None else change["share_changed"],
        rows=_rows(before, after, util, change),
        prediction_change=change,
    )


def _actions(report: SanitizeReport) -> list[str]:
    s = report.sanitized
    lines = [f"{a.kind}: {a.path or '(model)'}: {a.what}" for a in s.actions]
    lines += [f"refused: {r}" for r in s.refused]
    if s.replaced_by:
        lines.append(f"replaced by {s.replaced_by}")
    choice = s.replacement
    for c in () if choice is None else (choice.original, *choice.candidates):
        label = "original" if c is choice.original else "candidate"
        if c.error:
            lines.append(f"{label}: {c.name}: not audited ({c.error})")
            continue
        risks = ", ".join(f"{k} {v}" for k, v in c.risks.items())
        tpr = _fmt(c.membership_tpr, ".1%")
        lines.append(
            f"{label}: {c.name}: {risks}; membership TPR at 1% FPR {tpr}; holdout "
            f"{c.metric} {_fmt(c.utility, '.4f')}"
            + (" (chosen)" if c.name == choice.chosen else "")
        )
    lines += [f"warning: {w}" for w in report.warnings]
    return lines


def _terminal(report: SanitizeReport, width: int = 110) -> str:
    from rich.console import Console
    from rich.table import Table

    buf = StringIO()
    console = Console(file=buf, width=width, color_system=None)
    console.print(f"Sanitised with k={report.sanitized.k}", markup=False, highlight=False)
    for line in _actions(report):
        console.print(f"  {line}", markup=False, highlight=False)
    if report.rows:
        t = Table(title="Before and after (same data, settings and seed)")
        for col in ("measure", "before", "after"):
            t.add_column(col)
        for r in report.rows:
            t.add_row(r.measure, r.before, r.after)
        console.print(t)
    else:
        console.print("No training data given: no re-audit.", markup=False)
    return buf.getvalue()


def _markdown(report: SanitizeReport) -> str:
    from modelprivacy.report.markdown import markdown_row

    out = [f"# Sanitisation (k={report.sanitized.k})", ""]
    out += [f"- {line}" for line in _actions(report)]
    if report.rows:
        out += ["", "| measure | before | after |", "|---|---|---|"]
        out += [markdown_row([r.measure, r.before, r.after]) for r in report.rows]
    return "\n".join(out) + "\n"


def _html(report: SanitizeReport) -> str:
    import jinja2

    env = jinja2.Environment(autoescape=True)
    template = env.from_string(_PAGE)
    after_html = report.after.render("html", fragment=True) if report.after is not None else ""
    return template.render(
        k=report.sanitized.k,
        actions=_actions(report),
        rows=report.rows,
        after=jinja2.utils.markupsafe.Markup(after_html),
    )


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>modelprivacy: sanitisation</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left}
th{background:#f4f4f4}
</style></head><body>
<section id="sanitize"><h1>Sanitisation (k={{ k }})</h1>
<ul>{% for a in actions %}<li>{{ a }}</li>{% endfor %}</ul>
{% if rows %}<h2>Before and after</h2><p>Both audits use the same data, settings and seed.</p>
<table><thead><tr><th>Measure</th><th>Before</th><th>After</th></tr></thead><tbody>
{% for r in rows %}<tr><td>{{ r.measure }}</td><td>{{ r.before }}</td><td>{{ r.after }}</td></tr>{% endfor %}
</tbody></table>{% else %}<p>No training data given: no re-audit.</p>{% endif %}
</section>
{% if after %}<section id="after"><h2>The audit of the sanitised model</h2>{{ after }}</section>{% endif %}
</body></html>
"""
