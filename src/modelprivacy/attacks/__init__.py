"""Black-box attacks that query the model: membership inference (more to come).

See :func:`membership_inference`.
"""

from modelprivacy.attacks.api import (
    DEFAULT_ATTACKS,
    AttackMetrics,
    MembershipResult,
    membership_inference,
)
from modelprivacy.attacks.reference import ReferenceSignals, fit_reference_models
from modelprivacy.attacks.target import Target

__all__ = [
    "DEFAULT_ATTACKS",
    "AttackMetrics",
    "MembershipResult",
    "ReferenceSignals",
    "Target",
    "fit_reference_models",
    "membership_inference",
]
