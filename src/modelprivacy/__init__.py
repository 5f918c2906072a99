"""modelprivacy: what a trained model reveals about its confidential training data.

The public API:

- :func:`inspect` lists what of the training data a fitted model carries.
- :class:`InspectionResult`, :class:`Finding` and the ordered enums
  :class:`Severity`, :class:`Confidence` and :class:`Criterion`.
"""

from modelprivacy.errors import (
    DataError,
    ModelLoadError,
    ModelPrivacyError,
    NotFittedModelError,
    UnsafeModelError,
)
from modelprivacy.findings import (
    CheckError,
    Confidence,
    Criterion,
    Finding,
    InspectionResult,
    RecordsExposed,
    Severity,
    Skipped,
)
from modelprivacy.inspection.runner import inspect

__version__ = "0.1.0"

__all__ = [
    "CheckError",
    "Confidence",
    "Criterion",
    "DataError",
    "Finding",
    "InspectionResult",
    "ModelLoadError",
    "ModelPrivacyError",
    "NotFittedModelError",
    "RecordsExposed",
    "Severity",
    "Skipped",
    "UnsafeModelError",
    "__version__",
    "inspect",
]
