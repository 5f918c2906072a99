"""MP-L201 Membership inference: from attack metrics to a finding.

Severity thresholds (documented, on the strongest attack), each on the lower
end of an interval so that a rating does not hinge on a point estimate at a
cliff:

- high: the empirical epsilon lower bound is at least 1.0, or the lower end of
  the 95% Clopper-Pearson interval of the TPR at 1% FPR is at least 10%
  (measured with enough non-members to resolve 1% FPR);
- medium: the epsilon lower bound is at least 0.1, or the TPR's lower end is
  at least 3%;
- low: the epsilon lower bound is above 0, or the AUC's 95% interval lies above 0.5;
- info: no evidence of membership leakage at the tested strength (K reference
  models, these attacks, this many records), which is not proof of safety.

Records exposed, beyond chance. At the threshold that yields 1% FPR on the
non-members, a model that leaks nothing still flags about 1% of the members
(the false positives expected by chance). The records counted as exposed are
the members flagged minus that expected count, ``n_members * (TPR - FPR)``,
with Newcombe's 95% interval on the difference; none when its lower end is
not above 0. They are named by their scores: the highest-scoring flagged
members. The description gives the members flagged and the count expected by
chance beside it ("46 flagged, 46 expected by chance: 0 beyond chance").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from modelprivacy.attacks.api import MembershipResult
from modelprivacy.findings import Confidence, Criterion, Finding, RecordsExposed, Severity
from modelprivacy.stats import Interval, newcombe_difference

__all__ = ["CHECK_ID", "BeyondChance", "beyond_chance", "membership_finding", "rate_membership"]

CHECK_ID = "MP-L201"
HIGH_EPSILON, HIGH_TPR = 1.0, 0.10
MEDIUM_TPR, MEDIUM_EPSILON = 0.03, 0.1
FPR = 0.01


@dataclass(frozen=True)
class BeyondChance:
    """Members an attack flags beyond the false positives expected by chance.

    Attributes
    ----------
    flagged : int
        Members flagged at the threshold.
    expected : float
        Members expected to be flagged by chance: the threshold's FPR on the
        non-members times the members.
    beyond : Interval
        ``flagged - expected`` in records, with Newcombe's 95% interval.
    count : int
        Records counted as exposed: ``beyond`` rounded, within ``[0,
        flagged]``, and 0 when the interval's lower end is not above 0.
    n_members : int
        Members scored.
    fpr : float
        The threshold's achieved FPR on the non-members.
    """

    flagged: int
    expected: float
    beyond: Interval
    count: int
    n_members: int
    fpr: float

    def phrase(self) -> str:
        """E.g. ``"46 flagged, 46 expected by chance: 0 beyond chance [-13, 13]"``."""
        b = self.beyond
        return (
            f"{self.flagged:,} flagged, {self.expected:,.0f} expected by chance: "
            f"{self.count:,} beyond chance [{b.low:,.0f}, {b.high:,.0f}]"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "flagged": self.flagged,
            "expected_by_chance": self.expected,
            "beyond_chance": self.beyond.to_dict(),
            "counted": self.count,
            "n_members": self.n_members,
            "fpr": self.fpr,
        }


def beyond_chance(tp: int, n_members: int, fp: int, n_nonmembers: int) -> BeyondChance:
    """Members flagged beyond the count expected by chance at one threshold.

    Parameters
    ----------
    tp, n_members : int
        Members flagged, members scored.
    fp, n_nonmembers : int
        Non-members flagged, non-members scored.

    Returns
    -------
    BeyondChance
        The counts, with Newcombe's interval on ``TPR - FPR`` scaled to records.
    """
    diff = newcombe_difference(tp, n_members, fp, n_nonmembers)
    fpr = fp / n_nonmembers
    beyond = Interval(diff.value * n_members, diff.low * n_members, diff.high * n_members)
    count = min(tp, max(0, round(beyond.value))) if beyond.low > 0 else 0
    return BeyondChance(
        flagged=tp,
        expected=fpr * n_members,
        beyond=beyond,
        count=count,
        n_members=n_members,
        fpr=fpr,
    )


def rate_membership(
    metrics: Any,
    *,
    high_tpr: float = HIGH_TPR,
    medium_tpr: float = MEDIUM_TPR,
    high_epsilon: float = HIGH_EPSILON,
    medium_epsilon: float = MEDIUM_EPSILON,
) -> tuple[Severity, str]:
    """The severity of a membership attack's metrics, and the rule that set it.

    Parameters
    ----------
    metrics : AttackMetrics
        One attack's metrics (AUC, TPR at 1% FPR with its interval, epsilon).
    high_tpr, medium_tpr : float, default=0.10, 0.03
        Lower end of the TPR's interval at 1% FPR from which it is high, medium
        (only when the non-members can resolve 1% FPR).
    high_epsilon, medium_epsilon : float, default=1.0, 0.1
        Epsilon lower bound from which it is high, medium.

    Returns
    -------
    severity : Severity
        As documented in the module docstring.
    why : str
        E.g. ``"the TPR's lower end is at least 10%"``; empty for info.
    """
    tpr = metrics.tpr_at_fpr[FPR]
    eps = metrics.epsilon
    resolvable = metrics.resolvable[FPR]
    if eps.low >= high_epsilon:
        return Severity.HIGH, f"the epsilon lower bound is at least {high_epsilon:g}"
    if resolvable and tpr.low >= high_tpr:
        return Severity.HIGH, f"the TPR's lower end is at least {high_tpr:.0%}"
    if eps.low >= medium_epsilon:
        return Severity.MEDIUM, f"the epsilon lower bound is at least {medium_epsilon:g}"
    if resolvable and tpr.low >= medium_tpr:
        return Severity.MEDIUM, f"the TPR's lower end is at least {medium_tpr:.0%}"
    if eps.low > 0:
        return Severity.LOW, "the epsilon lower bound is above 0"
    if metrics.auc.low > 0.5:
        return Severity.LOW, "the AUC's interval lies above 0.5"
    return Severity.INFO, ""


def membership_finding(
    result: MembershipResult,
    ids: np.ndarray | None = None,
    *,
    high_tpr: float = HIGH_TPR,
    medium_tpr: float = MEDIUM_TPR,
    high_epsilon: float = HIGH_EPSILON,
    medium_epsilon: float = MEDIUM_EPSILON,
) -> Finding:
    """Summarise a membership-inference result as one finding.

    Parameters
    ----------
    result : MembershipResult
        The attacks' metrics and scores.
    ids : ndarray, optional
        Record IDs of the members (row positions by default).
    high_tpr, medium_tpr : float, default=0.10, 0.03
        Lower end of the TPR's interval at 1% FPR from which the finding is
        high, medium.
    high_epsilon, medium_epsilon : float, default=1.0, 0.1
        Epsilon lower bound from which the finding is high, medium.

    Returns
    -------
    Finding
        Criterion linkability; severity from the thresholds in this module;
        records: the members flagged beyond chance (see the module docstring).
    """
    best = result.best(FPR)
    tpr = best.tpr_at_fpr[FPR]
    eps = best.epsilon
    resolvable = best.resolvable[FPR]
    severity, why = rate_membership(
        best,
        high_tpr=high_tpr,
        medium_tpr=medium_tpr,
        high_epsilon=high_epsilon,
        medium_epsilon=medium_epsilon,
    )
    scores = result.scores[best.name]
    member_scores = scores[result.is_member]
    chance = beyond_chance(tpr.tp, tpr.n_members, tpr.fp, tpr.n_nonmembers)
    flagged = np.flatnonzero(member_scores >= tpr.threshold)
    # the records counted beyond chance are named by score: the highest-scoring flagged members
    ranked = flagged[np.argsort(-member_scores[flagged], kind="stable")][: chance.count]
    exposed = result.member_positions()[np.sort(ranked)]
    record_ids = exposed if ids is None else np.asarray(ids)[exposed]
    note = (
        ""
        if resolvable
        else f" ({result.n_nonmembers:,} non-members cannot resolve 1% FPR precisely)"
    )
    if tpr.tie is None:
        tpr_text = f"TPR {tpr.value:.1%} [{tpr.low:.1%}, {tpr.high:.1%}] at 1% FPR{note} (95% Clopper-Pearson)"
    else:  # a tie of scores straddles 1% FPR: no threshold measures the TPR there
        tpr_text = (
            f"TPR at 1% FPR unresolved: {tpr.tie}, and the ratings use the threshold above it: "
            f"TPR {tpr.value:.1%} [{tpr.low:.1%}, {tpr.high:.1%}] at {tpr.fpr_achieved:.1%} FPR "
            "(95% Clopper-Pearson)"
        )
    eps_point = "unbounded" if eps.value is None else f"{eps.value:.2f}"
    refs = f"{result.k} reference models" if result.k else "no reference models"
    description = (
        f"The strongest of {len(result.metrics)} attacks ({best.name}, {refs}) tells "
        f"members from non-members with AUC {best.auc.value:.3f} [{best.auc.low:.3f}, {best.auc.high:.3f}] and "
        f"{tpr_text}; "
        f"empirical epsilon lower bound {eps.low:.2f} at 95% (point estimate {eps_point}). "
        f"At the 1%-FPR threshold, of {result.n_members:,} members {chance.phrase()} "
        f"(the threshold flags {chance.fpr:.1%} of non-members; beyond chance = flagged minus "
        "that rate times the members, with Newcombe's 95% interval)."
    )
    if severity is not Severity.INFO:
        description += f" Rated {severity.value}: {why} (ratings use the intervals' lower ends)."
    if result.class_balance:
        description += f" {result.class_balance}"
    elif result.n_train is not None and result.n_train > result.n_members:
        description += (
            f" A random sample of {result.n_members:,} of {result.n_train:,} members was audited."
        )
    if result.skipped_attacks:
        description += (
            f" Not run: {', '.join(result.skipped_attacks)} (see skipped_attacks for why): the "
            "attacks that need reference models are stronger, so this is a lower bound."
        )
    if severity is Severity.INFO:
        description += " No evidence of membership leakage at the tested strength; this is not proof of safety."
    evidence = result.to_dict()
    evidence["records_beyond_chance"] = chance.to_dict()
    return Finding(
        check_id=CHECK_ID,
        title="Membership inference",
        criterion=Criterion.LINKABILITY,
        severity=severity,
        confidence=Confidence.HIGH,
        path="(predictions)",
        estimator="",
        description=description,
        records=RecordsExposed.from_ids(record_ids, of=result.n_members),
        remedy=(
            "Regularise the model (min_samples_leaf, max_depth, weight decay), train on more data, or train "
            "with differential privacy; release predictions with coarser outputs (labels, rounded probabilities)."
        ),
        docs="docs/attacks.md#mp-l201",
        evidence=evidence,
    )
