"""MP-L201 Membership inference: from attack metrics to a finding.

Severity thresholds (documented, on the strongest attack):

- high: the empirical epsilon lower bound is at least 1.0, or TPR at 1% FPR is
  at least 10% (measured with enough non-members to resolve 1% FPR);
- medium: the epsilon lower bound is at least 0.1, or TPR at 1% FPR is at least 3%;
- low: the epsilon lower bound is above 0, or the AUC's 95% interval lies above 0.5;
- info: no evidence of membership leakage at the tested strength (K reference
  models, these attacks, this many records), which is not proof of safety.

Records exposed: the members whose score under the strongest attack exceeds the
threshold that yields 1% FPR on the non-members.
"""

from __future__ import annotations

import numpy as np

from modelprivacy.attacks.api import MembershipResult
from modelprivacy.findings import Confidence, Criterion, Finding, RecordsExposed, Severity

__all__ = ["CHECK_ID", "membership_finding"]

CHECK_ID = "MP-L201"
HIGH_EPSILON, HIGH_TPR = 1.0, 0.10
MEDIUM_TPR, MEDIUM_EPSILON = 0.03, 0.1


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
        TPR at 1% FPR from which the finding is high, medium.
    high_epsilon, medium_epsilon : float, default=1.0, 0.1
        Epsilon lower bound from which the finding is high, medium.

    Returns
    -------
    Finding
        Criterion linkability; severity from the thresholds in this module.
    """
    best = result.best(0.01)
    tpr = best.tpr_at_fpr[0.01]
    eps = best.epsilon
    resolvable = best.resolvable[0.01]
    if eps.low >= high_epsilon or (resolvable and tpr.value >= high_tpr):
        severity = Severity.HIGH
    elif eps.low >= medium_epsilon or (resolvable and tpr.value >= medium_tpr):
        severity = Severity.MEDIUM
    elif eps.low > 0 or best.auc.low > 0.5:
        severity = Severity.LOW
    else:
        severity = Severity.INFO
    scores = result.scores[best.name]
    member_scores = scores[result.is_member]
    threshold = np.quantile(scores[~result.is_member], 0.99, method="higher")
    exposed = result.member_positions()[np.flatnonzero(member_scores > threshold)]
    record_ids = exposed if ids is None else np.asarray(ids)[exposed]
    note = (
        ""
        if resolvable
        else f" ({result.n_nonmembers:,} non-members cannot resolve 1% FPR precisely)"
    )
    description = (
        f"The strongest of {len(result.metrics)} attacks ({best.name}, {result.k} reference models) tells "
        f"members from non-members with AUC {best.auc.value:.3f} [{best.auc.low:.3f}, {best.auc.high:.3f}] and "
        f"TPR {tpr.value:.1%} at 1% FPR{note}; empirical epsilon lower bound {eps.low:.2f}. "
        f"{exposed.size:,} of {result.n_members:,} members score above the 1%-FPR threshold."
    )
    if result.n_train is not None and result.n_train > result.n_members:
        description += (
            f" A random sample of {result.n_members:,} of {result.n_train:,} members was audited."
        )
    if severity is Severity.INFO:
        description += " No evidence of membership leakage at the tested strength; this is not proof of safety."
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
        evidence=result.to_dict(),
    )
