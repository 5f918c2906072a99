"""modelprivacy: what a trained model reveals about its confidential training data.

The public API, importable from the package itself:

- :func:`audit` runs everything for one model and gives a verdict per
  criterion (:class:`AuditResult`, :class:`Verdict`, :class:`Thresholds`).
- :func:`inspect` lists what of the training data a fitted model carries.
- :func:`membership_inference` and :func:`attribute_inference` attack the
  model; :func:`singling_out` counts the people its leaves and stored values
  single out and builds the per-person exposure table.
- :func:`sanitize` removes or locks away what identifies people, and
  :func:`save_model` writes the result (:class:`SanitizeResult`).
- :func:`load_model` loads a model file that may be hostile.
- :class:`InspectionResult`, :class:`Finding` and the ordered enums
  :class:`Severity`, :class:`Confidence` and :class:`Criterion`.

>>> import modelprivacy
>>> result = modelprivacy.audit(model, train=train_df, holdout=holdout_df,
...                             target="income")  # doctest: +SKIP

Names are imported on first use, so ``import modelprivacy`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from modelprivacy.errors import (
    DataError,
    ModelLoadError,
    ModelPrivacyError,
    NotFittedModelError,
    UnsafeModelError,
)

if TYPE_CHECKING:
    from modelprivacy.attacks import attribute_inference, membership_inference
    from modelprivacy.auditing import AuditResult, Thresholds, Verdict, audit, may_i_share
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
    from modelprivacy.load.model import LoadedModel, load_model
    from modelprivacy.people import singling_out
    from modelprivacy.sanitizing import SanitizeResult, sanitize, save_model

__version__ = "0.1.0"

#: Where each lazily imported public name lives.
_LAZY: dict[str, str] = {
    "AuditResult": "modelprivacy.auditing",
    "BlackBox": "modelprivacy.attacks.target",
    "BlackBoxError": "modelprivacy.attacks.target",
    "CheckError": "modelprivacy.findings",
    "Confidence": "modelprivacy.findings",
    "Criterion": "modelprivacy.findings",
    "Finding": "modelprivacy.findings",
    "InspectionResult": "modelprivacy.findings",
    "LoadedModel": "modelprivacy.load.model",
    "RecordsExposed": "modelprivacy.findings",
    "SanitizeResult": "modelprivacy.sanitizing",
    "Severity": "modelprivacy.findings",
    "Skipped": "modelprivacy.findings",
    "Thresholds": "modelprivacy.auditing",
    "Verdict": "modelprivacy.auditing",
    "attribute_inference": "modelprivacy.attacks",
    "audit": "modelprivacy.auditing",
    "inspect": "modelprivacy.inspection.runner",
    "load_model": "modelprivacy.load.model",
    "may_i_share": "modelprivacy.auditing",
    "membership_inference": "modelprivacy.attacks",
    "sanitize": "modelprivacy.sanitizing",
    "save_model": "modelprivacy.sanitizing",
    "singling_out": "modelprivacy.people",
}

__all__ = [
    "AuditResult",
    "BlackBox",
    "BlackBoxError",
    "CheckError",
    "Confidence",
    "Criterion",
    "DataError",
    "Finding",
    "InspectionResult",
    "LoadedModel",
    "ModelLoadError",
    "ModelPrivacyError",
    "NotFittedModelError",
    "RecordsExposed",
    "SanitizeResult",
    "Severity",
    "Skipped",
    "Thresholds",
    "UnsafeModelError",
    "Verdict",
    "__version__",
    "attribute_inference",
    "audit",
    "inspect",
    "load_model",
    "may_i_share",
    "membership_inference",
    "sanitize",
    "save_model",
    "singling_out",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'modelprivacy' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
