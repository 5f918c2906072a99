"""Reading model and data files: the only place in modelprivacy that opens files.

- :func:`load_model` reads a ``.skops``, pickle or joblib model file into a
  :class:`LoadedModel`, refusing code outside an allowlist unless trusted.
- :func:`restricted_load` and :func:`restricted_loads` are the restricted
  unpickler itself, for pickle and joblib files or bytes.
- :func:`load_table` reads CSV, TSV and Parquet data; :func:`split_xy` separates
  the target column; :func:`as_frame` turns arrays into data frames.
"""

from modelprivacy.load._restricted import (
    find_untrusted_globals,
    is_allowed_global,
    restricted_load,
    restricted_loads,
)
from modelprivacy.load.data import SUPPORTED_DATA_FORMATS, as_frame, load_table, split_xy
from modelprivacy.load.model import LoadedModel, is_model_like, load_model

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
