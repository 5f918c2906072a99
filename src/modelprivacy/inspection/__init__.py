"""Static inspection of a fitted model: what of the training data it carries.

See :func:`modelprivacy.inspect` for the entry point, and ``docs/checks.md``
for the checks.
"""

from modelprivacy.inspection._base import CHECKS, Check, Context
from modelprivacy.inspection.runner import inspect
from modelprivacy.inspection.walker import Node, walk

__all__ = ["CHECKS", "Check", "Context", "Node", "inspect", "walk"]
