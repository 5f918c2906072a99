"""From findings to a verdict: one risk level per criterion, and one overall verdict.

Per criterion (singling out, linkability, inference), the risk level is the
highest severity among the findings under that criterion (``info`` counts as
``none``). A criterion is *assessed* when its dedicated test ran: singling out
by the inspection (always), linkability by membership inference, inference by
attribute inference on at least one sensitive column. Linkability so takes the
highest of the black-box membership attacks (MP-L201) and, for a model that
stores training rows, the white-box lookup of records among them (MP-L202);
their thresholds are the same. A criterion that was not
assessed but has findings from the inspection (per-record arrays for
linkability, stored labels for inference) is *partially assessed*: its level
counts, but it cannot be ``none``. A criterion with neither is ``not assessed``.

A criterion whose test ran is still only *partially assessed* when a check that
applies to this model and these inputs could not run or could not look inside
the model (its *gaps*): a tree ensemble that the tree checks do not read
(LightGBM, XGBoost, CatBoost today), state in native memory, a part of the
model the inspection could not walk, a check that failed. Its level then counts
as a lower bound, ``none`` becomes ``not assessed``, and the reason names what
was not checked. A criterion is ``none`` only when every check that applies ran
on the whole model and found nothing above ``info``.

The overall verdict, worded so as not to over-claim:

- **contains personal data (not anonymous)**: a high finding under any
  criterion (training records stored verbatim, people singled out by the
  model's leaves or stored values, strong membership or attribute inference);
- **anonymity not demonstrated**: no high finding, but a medium one, or a
  criterion not (fully) assessed;
- **no evidence of identifiability at the tested strength**: every criterion
  assessed, none above low. Passing these tests is evidence of resistance to
  these attacks at this strength (these attacks, this many reference models
  and records), not proof of anonymity.

Thresholds that turn attack metrics into severities are configurable through
:class:`Thresholds`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from modelprivacy.findings import Criterion, Finding, Severity

__all__ = [
    "LINKABILITY_TEST",
    "NOT_ANONYMOUS",
    "NOT_DEMONSTRATED",
    "NO_EVIDENCE",
    "RISK_LEVELS",
    "CriterionVerdict",
    "Thresholds",
    "Verdict",
    "decide",
]

#: Why membership inference is the test of linkability, said where the criterion first appears.
LINKABILITY_TEST = (
    "Linkability, in the Article 29 Working Party's sense, is linking two records about the same "
    "person; the test used here is linking a known person's record to the training set "
    "(membership inference: was this person in the data?)."
)

NOT_ANONYMOUS = "contains personal data (not anonymous)"
NOT_DEMONSTRATED = "anonymity not demonstrated"
NO_EVIDENCE = "no evidence of identifiability at the tested strength"
RISK_LEVELS = ("none", "low", "medium", "high", "not assessed")
_LEVEL = {
    Severity.INFO: "none",
    Severity.LOW: "low",
    Severity.MEDIUM: "medium",
    Severity.HIGH: "high",
}
_CAVEAT = (
    "Passing these tests is evidence of resistance to these attacks at this strength only, "
    "not proof of anonymity."
)


@dataclass(frozen=True)
class Thresholds:
    """Configurable thresholds from attack metrics to severities.

    Attributes
    ----------
    membership_high_tpr : float, default=0.10
        Lower end of the membership TPR's interval at 1% FPR from which
        linkability is high.
    membership_medium_tpr : float, default=0.03
        Lower end of the membership TPR's interval at 1% FPR from which
        linkability is medium.
    membership_high_epsilon : float, default=1.0
        Empirical epsilon lower bound from which linkability is high.
    membership_medium_epsilon : float, default=0.1
        Empirical epsilon lower bound from which linkability is medium.
    attribute_high_risk : float, default=0.10
        Lower end of the interval of the model's advantage over the baseline
        in attribute inference from which inference is high.
    attribute_medium_risk : float, default=0.03
        The same lower end from which inference is medium (above 0: low).
    """

    membership_high_tpr: float = 0.10
    membership_medium_tpr: float = 0.03
    membership_high_epsilon: float = 1.0
    membership_medium_epsilon: float = 0.1
    attribute_high_risk: float = 0.10
    attribute_medium_risk: float = 0.03

    def to_dict(self) -> dict[str, float]:
        """Return a JSON-serialisable dict."""
        return asdict(self)


@dataclass(frozen=True)
class CriterionVerdict:
    """The risk level of one criterion and the evidence behind it.

    Attributes
    ----------
    criterion : Criterion
        Singling out, linkability or inference.
    risk : str
        One of :data:`RISK_LEVELS`.
    assessed : str
        ``"yes"``, ``"partially"`` or ``"no"``.
    evidence : tuple of str
        One sentence per finding that sets or supports the level (check ID,
        title, people exposed).
    checks : tuple of str
        The check IDs of the findings under this criterion.
    reason : str
        Why the criterion was not (fully) assessed, if it was not.
    """

    criterion: Criterion
    risk: str
    assessed: str
    evidence: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "criterion": self.criterion.value,
            "risk": self.risk,
            "assessed": self.assessed,
            "evidence": list(self.evidence),
            "checks": list(self.checks),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Verdict:
    """The overall verdict and one :class:`CriterionVerdict` per criterion.

    Attributes
    ----------
    overall : str
        :data:`NOT_ANONYMOUS`, :data:`NOT_DEMONSTRATED` or :data:`NO_EVIDENCE`.
    criteria : dict
        ``{Criterion: CriterionVerdict}`` in the order singling out,
        linkability, inference.
    explanation : str
        Why, in plain words, with the caveat on what passing means.
    """

    overall: str
    criteria: dict[Criterion, CriterionVerdict] = field(default_factory=dict)
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "overall": self.overall,
            "explanation": self.explanation,
            "criteria": {c.value: v.to_dict() for c, v in self.criteria.items()},
        }


def _sentence(f: Finding) -> str:
    people = ""
    if f.records.count is not None and f.records.of:
        people = f" ({f.records.count:,} of {f.records.of:,} records)"
    elif f.records.count is not None:
        people = f" ({f.records.count:,} records)"
    return f"{f.severity.value}: {f.check_id} {f.title}{people}"


def decide(
    findings: Iterable[Finding],
    assessed: Mapping[Criterion, bool],
    reasons: Mapping[Criterion, str] | None = None,
    gaps: Mapping[Criterion, Sequence[str]] | None = None,
) -> Verdict:
    """Decide the risk per criterion and the overall verdict.

    Parameters
    ----------
    findings : iterable of Finding
        Every finding of the audit.
    assessed : mapping
        ``{Criterion: bool}``: whether the criterion's dedicated test ran.
    reasons : mapping, optional
        ``{Criterion: str}``: why a test did not run.
    gaps : mapping, optional
        ``{Criterion: [str, ...]}``: checks that apply to this model and
        inputs but were skipped or could not look inside the model, one
        sentence each. A criterion with a gap is at most ``"partially"``
        assessed and never ``"none"``.

    Returns
    -------
    Verdict
        The verdict.
    """
    reasons = dict(reasons or {})
    gaps = {c: tuple(g) for c, g in (gaps or {}).items() if g}
    by_criterion: dict[Criterion, list[Finding]] = {c: [] for c in Criterion}
    for f in findings:
        by_criterion[f.criterion].append(f)
    criteria: dict[Criterion, CriterionVerdict] = {}
    for c in Criterion:
        fs = sorted(by_criterion[c], key=lambda f: f.severity, reverse=True)
        worst = fs[0].severity if fs else None
        ran = bool(assessed.get(c, False))
        gap = gaps.get(c, ())
        if ran and not gap:
            risk, status = (_LEVEL[worst] if worst is not None else "none"), "yes"
        elif ran:
            found = worst is not None and worst > Severity.INFO
            risk = _LEVEL[worst] if worst is not None and found else "not assessed"
            status = "partially"
        elif fs and worst is not None and worst > Severity.INFO:
            risk, status = _LEVEL[worst], "partially"
        else:
            risk, status = "not assessed", "partially" if fs else "no"
        evidence = tuple(_sentence(f) for f in fs if f.severity > Severity.INFO)
        if ran and not evidence:
            evidence = tuple(_sentence(f) for f in fs) or (
                ("no finding at the tested strength",) if not gap else ()
            )
        why = [] if ran else [reasons.get(c, "its attack was not run")]
        if gap:
            why.append("not checked: " + "; ".join(gap))
        criteria[c] = CriterionVerdict(
            criterion=c,
            risk=risk,
            assessed=status,
            evidence=evidence,
            checks=tuple(sorted({f.check_id for f in fs})),
            reason="; ".join(why),
        )
    risks = [v.risk for v in criteria.values()]
    if "high" in risks:
        overall = NOT_ANONYMOUS
        highs = [c.value for c, v in criteria.items() if v.risk == "high"]
        explanation = (
            f"High risk under {', '.join(highs)}: the model carries or reveals personal data of "
            "identifiable people. It is not anonymous; treat it as personal data, or sanitise it and "
            "audit again."
        )
    elif "medium" in risks or any(v.assessed != "yes" for v in criteria.values()):
        overall = NOT_DEMONSTRATED
        missing = [c.value for c, v in criteria.items() if v.assessed != "yes"]
        parts = []
        if "medium" in risks:
            parts.append(
                "medium risk under "
                + ", ".join(c.value for c, v in criteria.items() if v.risk == "medium")
            )
        if missing:
            parts.append("not fully assessed: " + ", ".join(missing))
        explanation = "Anonymity is not demonstrated (" + "; ".join(parts) + ")."
        partial = [c.value for c, v in criteria.items() if v.assessed == "partially"]
        if partial:
            explanation += (
                f" Only partially assessed: {', '.join(partial)}; some checks that apply to this "
                "model did not run or could not see all of it, so its risk may be higher than "
                "shown (see the reason beside each criterion)."
            )
        explanation += " " + _CAVEAT
    else:
        overall = NO_EVIDENCE
        explanation = "Every criterion was assessed and none shows more than low risk. " + _CAVEAT
    return Verdict(overall=overall, criteria=criteria, explanation=explanation)
