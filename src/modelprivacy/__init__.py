"""modelprivacy: what a trained model reveals about its confidential training data.

The public API:

- :func:`inspect` lists what of the training data a fitted model carries.
- :func:`membership_inference` and :func:`attribute_inference` attack the
  model; :func:`singling_out` counts the people its leaves and stored values
  single out and builds the per-person exposure table.
- :class:`InspectionResult`, :class:`Finding` and the ordered enums
  :class:`Severity`, :class:`Confidence` and :class:`Criterion`.
"""

from modelprivacy.attacks import attribute_inference, membership_inference
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
from modelprivacy.people import singling_out

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
    "attribute_inference",
    "inspect",
    "membership_inference",
    "singling_out",
]
