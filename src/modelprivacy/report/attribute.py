"""Attribute-inference reports: one table per sensitive column, terminal and Markdown.

Rows are attacks; columns the success on members and on control records (with
Wilson intervals), the baseline's success on members, the residual risk, the
model's advantage over the baseline (on whose lower end the rating rests) and
the records recovered beyond the baseline. A note says how many training
records were attacked and why. Only rates and counts appear, never a
sensitive value.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from modelprivacy.attacks.attribute import AttributeResult
    from modelprivacy.findings import Finding

__all__ = ["attribute_markdown", "attribute_terminal"]

_HEADER = (
    "attack",
    "members",
    "control",
    "baseline (members)",
    "residual risk",
    "advantage over baseline",
    "records beyond baseline",
)


def _iv(iv: Any, pct: bool = True, signed: bool = False) -> str:
    f = {(True, False): "{:.1%}", (True, True): "{:+.1%}", (False, False): "{:.2f}"}.get(
        (pct, signed), "{:+.2f}"
    )
    return f"{f.format(iv.value)} [{f.format(iv.low)}, {f.format(iv.high)}]"


def _rows(column: Any) -> list[list[str]]:
    return [
        [
            name,
            _iv(o.members),
            _iv(o.control),
            _iv(o.baseline),
            _iv(o.residual_risk, pct=False),
            _iv(o.advantage, signed=True),
            f"{o.n_exposed:,} [{o.beyond_baseline.low:,.0f}, {o.beyond_baseline.high:,.0f}] "
            f"of {o.n_members:,}",
        ]
        for name, o in column.outcomes.items()
    ]


def _notes(result: AttributeResult, column: Any) -> list[str]:
    notes = []
    first = next(iter(column.outcomes.values()), None)
    if first is not None:
        sample = result.sample_sentence(first.n_members, first.n_control)
        if sample:
            notes.append(sample)
    if getattr(column, "baseline", "learned") == "majority":
        value = "most frequent value" if column.kind == "categorical" else "median"
        notes.append(
            f"baseline: the {value}, which beat a model of the other columns on the control records"
        )
    notes += [f"{name} attack skipped: {why}" for name, why in column.skipped.items()]
    return notes + list(column.warnings)


def attribute_terminal(
    result: AttributeResult, findings: Sequence[Finding], width: int = 110
) -> str:
    """Render an attribute-inference result as plain-text tables.

    Parameters
    ----------
    result : AttributeResult
        Outcomes per sensitive column and attack.
    findings : sequence of Finding
        The MP-I301 finding of each column, in the order of ``result.columns``.
    width : int, default=110
        Width of the tables.

    Returns
    -------
    str
        The report.
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buf = StringIO()
    console = Console(file=buf, width=width, color_system=None)
    for (col, column), finding in zip(result.columns.items(), findings, strict=True):
        first = next(iter(column.outcomes.values()), None)
        sizes = (
            f"{first.n_members:,} members, {first.n_control:,} control records"
            if first is not None
            else "no attack ran"
        )
        table = Table(title=escape(f"Attribute inference: {col} ({column.kind}; {sizes})"))
        for h in _HEADER:
            table.add_column(h, justify="left" if h == "attack" else "right")
        for row in _rows(column):
            table.add_row(*row)
        console.print(table)
        for note in _notes(result, column):
            console.print(f"Note: {note}", markup=False, highlight=False)
        console.print(
            f"[{finding.severity.value.upper()}] {finding.check_id} {finding.title}: {finding.description}",
            markup=False,
            highlight=False,
        )
        console.print("")
    return buf.getvalue()


def attribute_markdown(result: AttributeResult, findings: Sequence[Finding]) -> str:
    """Render an attribute-inference result as Markdown.

    Parameters
    ----------
    result : AttributeResult
        Outcomes per sensitive column and attack.
    findings : sequence of Finding
        The MP-I301 finding of each column, in the order of ``result.columns``.

    Returns
    -------
    str
        The report.
    """
    from modelprivacy.report.markdown import markdown_row

    label = "with" if result.known_label else "without"
    out = [
        "## Attribute inference",
        "",
        f"The attacker knows a person's other features and the model's output, {label} their true "
        f"label; seed {result.seed}.",
        "",
    ]
    for (col, column), finding in zip(result.columns.items(), findings, strict=True):
        out += [
            f"### {col} ({column.kind})",
            "",
            f"**{finding.severity.value.upper()}**: {finding.description}",
            "",
        ]
        if column.outcomes:
            out += [markdown_row(_HEADER), "|---|" + "---:|" * (len(_HEADER) - 1)]
            out += [markdown_row(r) for r in _rows(column)]
            out.append("")
        out += [f"- {n}" for n in _notes(result, column)]
        out += ["", f"Remedy: {finding.remedy}", ""]
    return "\n".join(out)
