"""Black-box attacks that query the model: membership and attribute inference.

See :func:`membership_inference` and :func:`attribute_inference`.
"""

from modelprivacy.attacks.api import (
    DEFAULT_ATTACKS,
    AttackMetrics,
    MembershipResult,
    membership_inference,
)
from modelprivacy.attacks.attribute import AttributeResult, attribute_finding, attribute_inference
from modelprivacy.attacks.reference import ReferenceSignals, fit_reference_models
from modelprivacy.attacks.target import Target

__all__ = [
    "DEFAULT_ATTACKS",
    "AttackMetrics",
    "AttributeResult",
    "MembershipResult",
    "ReferenceSignals",
    "Target",
    "attribute_finding",
    "attribute_inference",
    "fit_reference_models",
    "membership_inference",
]
