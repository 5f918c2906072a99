"""``modelprivacy audit``: one verdict per criterion, with a report a data owner can act on.

See :func:`audit`, :class:`AuditResult`, :mod:`modelprivacy.auditing.verdict` (how
findings become a verdict) and :mod:`modelprivacy.auditing.coverage` (the attacks
of EDPB Opinion 28/2024 and the threat model).
"""

from modelprivacy.auditing.core import AuditResult, audit
from modelprivacy.auditing.coverage import THREAT_MODEL, CoverageRow
from modelprivacy.auditing.share import ShareAnswer, ShareLine, may_i_share
from modelprivacy.auditing.verdict import (
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
    "ShareAnswer",
    "ShareLine",
    "Thresholds",
    "Verdict",
    "audit",
    "may_i_share",
]
