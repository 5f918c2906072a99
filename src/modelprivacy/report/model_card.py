"""The model-card section: "Privacy audit (modelprivacy)", for a Hugging Face or skops card.

A model card is the README that travels with a model. This renderer writes
one section of it, built with :class:`skops.card.Card` so that it is the same
structure a skops card has: a top-level section ``Privacy audit
(modelprivacy)`` with subsections for the verdict per criterion, the answer
to "may I share this model?", the tests that ran and their coverage (the
EDPB Opinion 28/2024 table of the audit), the findings and their remedies.
``--format model-card`` prints it, ready to paste into a Hugging Face
``README.md`` under its front matter; :func:`add_to_card` adds the same
subsections to a skops card you are writing.

The section holds counts, check ids, attribute paths and the remedies, never
a training value (examples are left out), nor a date or a timing: the same
audit gives the same text. It names the modelprivacy version and the seed,
so that the audit can be run again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from modelprivacy.findings import Finding, InspectionResult, Severity
from modelprivacy.report.markdown import _code
from modelprivacy.report.markdown import _text as _cell_text
from modelprivacy.report.markdown import markdown_row as _row

if TYPE_CHECKING:
    from skops.card import Card

    from modelprivacy.auditing.core import AuditResult

__all__ = [
    "SECTION",
    "add_to_card",
    "audit_model_card",
    "card_sections",
    "inspection_model_card",
    "to_model_card",
]

#: The title of the section in the card.
SECTION = "Privacy audit (modelprivacy)"


def _records(f: Finding) -> str:
    n, of = f.records.count, f.records.of
    if n is None:
        return "not counted"
    return f"{n:,} of {of:,}" if of else f"{n:,}"


def _findings(findings: tuple[Finding, ...]) -> str:
    serious = [f for f in findings if f.severity > Severity.INFO]
    if not serious:
        return "No finding above info."
    lines = [
        "| check | severity | what | where | training records exposed |",
        "|---|---|---|---|---|",
    ]
    for f in serious:
        where = (
            f"{_code(f.path)} ({_cell_text(f.estimator)})" if f.path else _cell_text(f.estimator)
        )
        lines.append(_row([f.check_id, f.severity.value, _cell_text(f.title), where, _records(f)]))
    info = len(findings) - len(serious)
    if info:
        lines += [
            "",
            f"And {info:,} finding{'s' if info != 1 else ''} at info level (context only).",
        ]
    return "\n".join(lines)


def _remedies(findings: tuple[Finding, ...]) -> str:
    """One line per distinct remedy, most severe first, with the checks it answers."""
    by_remedy: dict[str, list[Finding]] = {}
    for f in findings:
        text = " ".join(f.remedy.split())
        if text and f.severity > Severity.INFO:
            by_remedy.setdefault(text, []).append(f)
    if not by_remedy:
        return "Nothing to remedy."
    lines = []
    for text, fs in by_remedy.items():
        ids = ", ".join(dict.fromkeys(f.check_id for f in fs))
        lines.append(f"- **{ids}** ({fs[0].severity.value}): {_cell_text(text)}")
    return "\n".join(lines)


def _method(versions: dict[str, str] | Any, settings: dict[str, Any]) -> str:
    from modelprivacy import __version__

    version = versions.get("modelprivacy", __version__) if versions else __version__
    parts = [f"modelprivacy {version}"]
    for key, label in (("seed", "seed"), ("k", "k"), ("reference_models", "K")):
        value = settings.get(key)
        if value is not None:
            parts.append(f"{label}={value}")
    return "Audited with " + ", ".join(parts) + " (the same settings give the same results)."


def _audit_sections(result: AuditResult) -> dict[str, str]:
    from modelprivacy.auditing.render import _criteria_rows
    from modelprivacy.auditing.share import SHARE_HEADING, may_i_share
    from modelprivacy.auditing.verdict import LINKABILITY_TEST

    v = result.verdict
    share = may_i_share(result)
    intro = (
        f"What the model file {_code(result.source)} ({_cell_text(result.model)}) reveals about "
        "its training data, and whether it may be shared. "
        + _method(result.versions, dict(result.settings))
    )
    verdict = [
        f"**{_cell_text(v.overall)}.** {_cell_text(v.explanation)}",
        "",
        "| criterion | risk | assessed | evidence |",
        "|---|---|---|---|",
        *(_row([_cell_text(c) for c in r]) for r in _criteria_rows(result)),
        "",
        _cell_text(LINKABILITY_TEST),
    ]
    share_lines = [f"**{_cell_text(share.answer)}**", ""]
    for line in share.lines:
        evidence = f" ({', '.join(line.evidence)})" if line.evidence else ""
        share_lines.append(f"- **{line.question}.** {_cell_text(line.answer)}{evidence}")
    share_lines += ["", f"*{_cell_text(share.disclaimer)}*"]
    coverage = [
        "The attacks of EDPB Opinion 28/2024 and what this audit ran against them.",
        "",
        "| attack | status | scope | note |",
        "|---|---|---|---|",
        *(
            _row([_cell_text(x) for x in (r.attack, r.status, r.scope, r.note)])
            for r in result.coverage
        ),
        "",
        f"**Threat model.** {_cell_text(result.threat_model)}",
    ]
    skipped = [s for s in result.skipped if s.check_id]
    if skipped:
        coverage += ["", "Not run:", ""]
        coverage += [
            f"- {s.check_id}: {_cell_text(s.what)}: {_cell_text(s.reason)}" for s in skipped
        ]
    if result.errors:
        coverage += ["", "Failed (the audit went on without them):", ""]
        coverage += [f"- {e.check_id}: {_cell_text(e.message)}" for e in result.errors]
    return {
        SECTION: intro,
        f"{SECTION}/Verdict": "\n".join(verdict),
        f"{SECTION}/{SHARE_HEADING}": "\n".join(share_lines),
        f"{SECTION}/Tests run and coverage": "\n".join(coverage),
        f"{SECTION}/Findings": _findings(result.findings),
        f"{SECTION}/Remedies": _remedies(result.findings),
    }


def _inspection_sections(result: InspectionResult) -> dict[str, str]:
    source = _code(result.source) if result.source else "given"
    intro = (
        f"What the model file {source} ({_cell_text(result.model)}) carries of its training "
        "data, from an inspection of the file alone: no attack was run, so there is no verdict "
        "(run `modelprivacy audit` with the training data and a holdout for one). "
        + _method(result.versions, {"seed": result.seed, "k": result.k})
    )
    ran = [
        "The inspection checks (MP-S101 to MP-S108) read every stored attribute of the model"
        + (
            f", against {result.n_train:,} training records."
            if result.n_train
            else ", without the training data: findings are not counted in people."
        )
    ]
    if result.skipped:
        ran += ["", "Not inspected:", ""]
        ran += [f"- {_cell_text(s.what)}: {_cell_text(s.reason)}" for s in result.skipped]
    if result.errors:
        ran += ["", "Failed:", ""]
        ran += [f"- {e.check_id}: {_cell_text(e.message)}" for e in result.errors]
    return {
        SECTION: intro,
        f"{SECTION}/Tests run and coverage": "\n".join(ran),
        f"{SECTION}/Findings": _findings(result.findings),
        f"{SECTION}/Remedies": _remedies(result.findings),
    }


def card_sections(result: AuditResult | InspectionResult) -> dict[str, str]:
    """The section and its subsections, as ``{"Section/Subsection": markdown}`` in order.

    Parameters
    ----------
    result : AuditResult or InspectionResult
        The audit or the inspection.

    Returns
    -------
    dict
        Keys in the form :meth:`skops.card.Card.add` takes.
    """
    if isinstance(result, InspectionResult):
        return _inspection_sections(result)
    return _audit_sections(result)


def add_to_card(card: Card, result: AuditResult | InspectionResult) -> Card:
    """Add the "Privacy audit (modelprivacy)" section to a skops model card.

    Parameters
    ----------
    card : skops.card.Card
        The card (e.g. ``Card(model)``); a section of the same name is replaced.
    result : AuditResult or InspectionResult
        The audit or the inspection.

    Returns
    -------
    skops.card.Card
        The same card.
    """
    card.add(**card_sections(result))
    return card


def to_model_card(result: AuditResult | InspectionResult) -> str:
    """The section as Markdown, rendered by skops: paste it into a model card's README.

    Parameters
    ----------
    result : AuditResult or InspectionResult
        The audit or the inspection.

    Returns
    -------
    str
        Markdown starting with ``# Privacy audit (modelprivacy)``, ending with a newline.
    """
    from skops.card import Card

    card = Card(None, template=None, model_diagram=False)
    text: str = add_to_card(card, result).render()
    return text.strip("\n") + "\n"


def audit_model_card(result: AuditResult) -> str:
    """An audit as a model-card section (``--format model-card``)."""
    return to_model_card(result)


def inspection_model_card(result: InspectionResult) -> str:
    """An inspection as a model-card section (``--format model-card``)."""
    return to_model_card(result)
