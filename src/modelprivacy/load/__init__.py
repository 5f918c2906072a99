"""Reading model and data files: the only place in modelprivacy that opens files.

- :func:`load_model` reads a ``.skops``, pickle or joblib model file into a
  :class:`LoadedModel`, refusing code outside an allowlist unless trusted.
- :func:`restricted_load` and :func:`restricted_loads` are the restricted
  unpickler itself, for pickle and joblib files or bytes.
- :func:`load_table` reads CSV, TSV and Parquet data; :func:`split_xy` separates
  the target column; :func:`as_frame` turns arrays into data frames.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from modelprivacy.load._restricted import (
        find_untrusted_globals,
        is_allowed_global,
        restricted_load,
        restricted_loads,
    )
    from modelprivacy.load.data import SUPPORTED_DATA_FORMATS, as_frame, load_table, split_xy
    from modelprivacy.load.model import LoadedModel, is_model_like, load_model

#: Where each name lives; imported on first use, so that importing one
#: submodule (the limits, for the command line's options) loads neither
#: pandas nor scikit-learn.
_LAZY = {
    "SUPPORTED_DATA_FORMATS": "modelprivacy.load.data",
    "LoadedModel": "modelprivacy.load.model",
    "as_frame": "modelprivacy.load.data",
    "find_untrusted_globals": "modelprivacy.load._restricted",
    "is_allowed_global": "modelprivacy.load._restricted",
    "is_model_like": "modelprivacy.load.model",
    "load_model": "modelprivacy.load.model",
    "load_table": "modelprivacy.load.data",
    "restricted_load": "modelprivacy.load._restricted",
    "restricted_loads": "modelprivacy.load._restricted",
    "split_xy": "modelprivacy.load.data",
}


def __getattr__(name: str) -> Any:
    """Import a name on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'modelprivacy.load' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "SUPPORTED_DATA_FORMATS",
    "LoadedModel",
    "as_frame",
    "find_untrusted_globals",
    "is_allowed_global",
    "is_model_like",
    "load_model",
    "load_table",
    "restricted_load",
    "restricted_loads",
    "split_xy",
]
