"""``modelprivacy audit``: one verdict per criterion, with a report a data owner can act on.

See :func:`audit`, :class:`AuditResult`, :mod:`modelprivacy.audit.verdict` (how
findings become a verdict) and :mod:`modelprivacy.audit.coverage` (the attacks
of EDPB Opinion 28/2024 and the threat model).
"""

from modelprivacy.audit.core import AuditResult, audit
from modelprivacy.audit.coverage import THREAT_MODEL, CoverageRow
from modelprivacy.audit.verdict import (
    NO_EVIDENCE,
    NOT_ANONYMOUS,
    NOT_DEMONSTRATED,
    CriterionVerdict,
    Thresholds,
    Verdict,
)

__all__ = [
    "NOT_ANONYMOUS",
    "NOT_DEMONSTRATED",
    "NO_EVIDENCE",
    "THREAT_MODEL",
    "AuditResult",
    "CoverageRow",
    "CriterionVerdict",
    "Thresholds",
    "Verdict",
    "audit",
]
