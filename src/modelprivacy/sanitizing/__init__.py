"""Sanitise a fitted model: discard or lock away what identifies people.

>>> from modelprivacy.sanitizing import sanitize, save_model
>>> result = sanitize(model, X_train, y_train, k=10)  # doctest: +SKIP
>>> save_model(result.model, "safer.skops", inputs=["model.skops"])  # doctest: +SKIP

The rules are documented in ``docs/sanitize.md``.
"""

from __future__ import annotations

from modelprivacy.sanitizing.core import Action, SanitizeResult, sanitize
from modelprivacy.sanitizing.rules import RULES, Rule, RuleContext, RuleOutcome
from modelprivacy.sanitizing.save import save_model
from modelprivacy.sanitizing.utility import utility

__all__ = [
    "RULES",
    "Action",
    "Rule",
    "RuleContext",
    "RuleOutcome",
    "SanitizeResult",
    "sanitize",
    "save_model",
    "utility",
]
