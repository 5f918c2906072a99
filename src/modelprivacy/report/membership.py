"""Membership-inference reports: a terminal table and Markdown for pull requests.

Both show, per attack, AUC with its interval, TPR at 0.1%, 1% and 10% FPR
(marked when there are too few non-members to resolve that rate, and shown as
"unresolved", with the tie of scores that straddles it, when no threshold
reaches that rate), the advantage and the empirical epsilon lower bound; then who is exposed (the most
vulnerable members by record ID), whether unusual people are more exposed, and
the attack's power per class. Raw values never appear: only counts, rates and
record IDs.
"""

from __future__ import annotations

from io import StringIO
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from modelprivacy.attacks.api import MembershipResult
    from modelprivacy.findings import Finding
    from modelprivacy.stats import TprAtFpr

__all__ = [
    "REFIT_HEADING",
    "TIE_HEADING",
    "UNRESOLVED",
    "fpr_label",
    "membership_markdown",
    "membership_terminal",
    "refit_notes",
    "tie_note",
    "tie_notes",
    "tpr_cell",
]

_FPRS = (0.001, 0.01, 0.1)
_HEADER = (
    "attack",
    "AUC [95% CI]",
    "TPR@0.1%",
    "TPR@1%",
    "TPR@10%",
    "advantage",
    "epsilon lower bound",
)


UNRESOLVED = "unresolved"
"""The TPR cell of a target FPR that a tie of scores straddles."""


def fpr_label(fpr: float) -> str:
    """``0.01`` as ``"1%"``, ``0.001`` as ``"0.1%"``."""
    return f"{fpr:.1%}".replace(".0%", "%")


def tpr_cell(t: TprAtFpr, resolvable: bool, mark: str = "\u2020") -> str:
    """The TPR of a table cell: the rate, starred when too few non-members, or unresolved.

    Parameters
    ----------
    t : TprAtFpr
        The TPR at one FPR.
    resolvable : bool
        Whether there were enough non-members for that FPR.
    mark : str, default="\u2020"
        Appended to "unresolved", pointing to the note that names the tie.

    Returns
    -------
    str
        ``"4.2%"``, ``"0.0%*"`` or ``"unresolved\u2020"``.
    """
    if not t.resolved:
        return UNRESOLVED + mark
    return f"{t.value:.1%}" + ("" if resolvable else "*")


def tie_note(name: str, fpr: float, t: TprAtFpr) -> str:
    """The sentence that says why the TPR of attack ``name`` at ``fpr`` is unresolved.

    Parameters
    ----------
    name : str
        The attack.
    fpr : float
        The target FPR.
    t : TprAtFpr
        Its TPR, with ``tie`` set.

    Returns
    -------
    str
        E.g. ``"loss, TPR at 1% FPR: unresolved (a tie of 197 members and 75
        non-members spans 0.0% to 1.6% FPR and 0.0% to 4.2% TPR)."``
    """
    return f"{name}, TPR at {fpr_label(fpr)} FPR: {UNRESOLVED} ({t.tie})."


def tie_notes(result: MembershipResult) -> list[str]:
    """One :func:`tie_note` per unresolved TPR cell, in table order."""
    return [
        tie_note(name, f, m.tpr_at_fpr[f])
        for name, m in result.metrics.items()
        for f in _FPRS
        if not m.tpr_at_fpr[f].resolved
    ]


TIE_HEADING = (
    "\u2020 no threshold reaches this FPR: a tie of scores straddles it, and ties are never "
    "broken at random or by record order."
)
"""The line above the tie notes, in every report format."""


def _starred(result: MembershipResult) -> bool:
    """Whether any TPR cell carries the star of an FPR too small to resolve."""
    return any(not m.resolvable[f] for m in result.metrics.values() for f in _FPRS)


def _rows(result: MembershipResult) -> list[list[str]]:
    rows = []
    for name, m in result.metrics.items():
        cells = [tpr_cell(m.tpr_at_fpr[f], m.resolvable[f]) for f in _FPRS]
        rows.append(
            [
                name,
                f"{m.auc.value:.3f} [{m.auc.low:.3f}, {m.auc.high:.3f}]",
                *cells,
                f"{m.advantage:.3f}",
                f"{m.epsilon.low:.2f}",
            ]
        )
    return rows


def _ids(result: MembershipResult, ids: Any = None) -> list[str]:
    exp = result.exposure
    if exp is None:
        return []
    return [str(ids[i]) if ids is not None else str(i) for i in exp.most_exposed[:10]]


def _exposure_lines(result: MembershipResult, ids: Any = None) -> list[str]:
    """Plain sentences on who is exposed (shared by both formats)."""
    exp = result.exposure
    if exp is None:
        return []
    lines = []
    most = _ids(result, ids)
    if most:
        what = "record IDs" if ids is not None else "row numbers in the training data"
        lines.append(f"Most exposed members under {exp.attack} ({what}): {', '.join(most)}.")
    if exp.spearman is not None:
        lines.append(
            f"Outlierness (distance to the 5 nearest non-members) and vulnerability among members: "
            f"Spearman {exp.spearman:+.2f}."
        )
    if exp.outlier_exposure is not None:
        top, rest = exp.outlier_exposure
        verdict = (
            "unusual people are more exposed"
            if top > rest + 0.02
            else "unusual people are not more exposed"
        )
        lines.append(
            f"Mean vulnerability of the most unusual tenth of members {top:.2f} against {rest:.2f} "
            f"for the rest: {verdict}."
        )
    for label, entry in exp.by_class.items():
        auc = entry.get("auc")
        auc_text = f", AUC {auc:.3f}" if auc is not None else ""
        lines.append(
            f"Class {label} (position in the model's classes): {int(entry['members']):,} members, {int(entry['nonmembers']):,} non-members{auc_text}."
        )
    return lines


REFIT_HEADING = "How the reference models were fitted (what differs from the model's own fit, and where they ran):"
"""The line above the refit notes, in every report format."""


def refit_notes(result: MembershipResult | None) -> tuple[str, ...]:
    """What was changed in the model's hyperparameters before the reference fits (may be empty)."""
    return tuple(getattr(result, "refit_notes", ()) or ())


def membership_terminal(
    result: MembershipResult, finding: Finding, ids: Any = None, width: int = 110
) -> str:
    """Render a membership result as a plain-text table for the terminal.

    Parameters
    ----------
    result : MembershipResult
        The attacks' metrics and exposure.
    finding : Finding
        The MP-L201 finding made from it.
    ids : sequence, optional
        Record IDs of the members.
    width : int, default=110
        Width of the table.

    Returns
    -------
    str
        The report.
    """
    from rich.console import Console
    from rich.table import Table

    title = (
        f"Membership inference ({result.n_members:,} members, {result.n_nonmembers:,} non-members, "
        f"K={result.k}, seed {result.seed})"
    )
    table = Table(title=title)
    for col in _HEADER:
        table.add_column(col, justify="left" if col == "attack" else "right")
    for row in _rows(result):
        table.add_row(*row)
    buf = StringIO()
    console = Console(file=buf, width=width, color_system=None)
    console.print(table)
    if result.k_choice is not None:
        console.print(
            f"K from the time budget: {result.k_choice.reason}", markup=False, highlight=False
        )
    if _starred(result):
        console.print("* too few non-members to resolve this FPR")
    ties = tie_notes(result)
    if ties:
        console.print(TIE_HEADING, markup=False, highlight=False)
        for note in ties:
            console.print(f"- {note}", markup=False, highlight=False)
    for line in _exposure_lines(result, ids):
        console.print(line, markup=False, highlight=False)
    notes = refit_notes(result)
    if notes:
        console.print(REFIT_HEADING, markup=False, highlight=False)
        for note in notes:
            console.print(f"- {note}", markup=False, highlight=False)
    console.print(
        f"[{finding.severity.value.upper()}] {finding.check_id} {finding.title}: {finding.description}",
        markup=False,
        highlight=False,
    )
    return buf.getvalue()


def membership_markdown(
    result: MembershipResult, finding: Finding, ids: Any = None, show_refit_notes: bool = True
) -> str:
    """Render a membership result as Markdown (for pull requests and model cards).

    Parameters
    ----------
    result : MembershipResult
        The attacks' metrics and exposure.
    finding : Finding
        The MP-L201 finding made from it.
    ids : sequence, optional
        Record IDs of the members.
    show_refit_notes : bool, default=True
        List what was changed in the hyperparameters of the reference models
        (the audit report lists it in its Method section instead).

    Returns
    -------
    str
        The report.
    """
    from modelprivacy.report.markdown import _text as markdown_text
    from modelprivacy.report.markdown import markdown_row

    out = [
        "## Membership inference",
        "",
        f"**{finding.severity.value.upper()}**: {finding.description}",
        "",
        f"{result.n_members:,} members, {result.n_nonmembers:,} non-members, {result.k} reference models, "
        f"seed {result.seed}."
        + (
            f" K from the time budget: {markdown_text(result.k_choice.reason)}"
            if result.k_choice is not None
            else ""
        ),
        "",
        markdown_row(_HEADER),
        "|---|" + "---:|" * (len(_HEADER) - 1),
    ]
    out += [markdown_row(row) for row in _rows(result)]
    out += ["", "\\* too few non-members to resolve this FPR.", ""] if _starred(result) else [""]
    ties = tie_notes(result)
    if ties:
        out += [markdown_text(TIE_HEADING), ""] + [f"- {markdown_text(n)}" for n in ties] + [""]
    out += [f"- {line}" for line in _exposure_lines(result, ids)]
    notes = refit_notes(result) if show_refit_notes else ()
    if notes:
        out += ["", REFIT_HEADING, ""] + [f"- {markdown_text(n)}" for n in notes]
    out += ["", f"Remedy: {finding.remedy}", ""]
    return "\n".join(out)
