"""Bundled data sets: UCI Adult (Census Income).

The UCI Adult data is bundled, unmodified (gzip of the original files), in
``modelprivacy/datasets/data/`` and read from the installed package, so no
network access and no particular working directory is needed.

Data: Becker, B. & Kohavi, R. (1996). Adult [Dataset]. UCI Machine Learning
Repository. https://doi.org/10.24432/C5XW20. Licensed under Creative Commons
Attribution 4.0 International (CC BY 4.0); keep this attribution wherever the
data is redistributed. See ``data/ADULT_README.md`` for the files and their md5.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any, Literal

import pandas as pd

__all__ = [
    "ADULT_CATEGORICAL",
    "ADULT_CITATION",
    "ADULT_COLUMNS",
    "ADULT_NUMERIC",
    "ADULT_TARGET",
    "load_adult",
]

ADULT_CITATION: str = (
    "Becker, B. & Kohavi, R. (1996). Adult [Dataset]. UCI Machine Learning Repository. "
    "https://doi.org/10.24432/C5XW20. Licensed under CC BY 4.0."
)
"""How to cite the bundled UCI Adult data (CC BY 4.0 requires attribution)."""

ADULT_TARGET: str = "income"
"""The label column: ``"<=50K"`` or ``">50K"``."""

ADULT_NUMERIC: list[str] = [
    "age",
    "fnlwgt",
    "education-num",
    "capital-gain",
    "capital-loss",
    "hours-per-week",
]
"""The integer feature columns (int64, never missing)."""

ADULT_CATEGORICAL: list[str] = [
    "workclass",
    "education",
    "marital-status",
    "occupation",
    "relationship",
    "race",
    "sex",
    "native-country",
]
"""The string feature columns (object dtype; missing values are NaN)."""

ADULT_COLUMNS: list[str] = [
    "age",
    "workclass",
    "fnlwgt",
    "education",
    "education-num",
    "marital-status",
    "occupation",
    "relationship",
    "race",
    "sex",
    "capital-gain",
    "capital-loss",
    "hours-per-week",
    "native-country",
    "income",
]
"""All 15 columns in file order: the 14 features, then :data:`ADULT_TARGET`."""

_FILES = {"train": "adult.data.gz", "test": "adult.test.gz"}


@functools.cache
def _read(subset: Literal["train", "test"]) -> pd.DataFrame:
    """Parse one bundled file (cached; callers must copy before returning it)."""
    dtypes: dict[str, Any] = {col: object for col in [*ADULT_CATEGORICAL, ADULT_TARGET]}
    dtypes.update({col: "int64" for col in ADULT_NUMERIC})
    resource = resources.files(__name__).joinpath("data", _FILES[subset])
    with resource.open("rb") as fh:
        frame = pd.read_csv(
            fh,
            compression="gzip",
            header=None,
            names=ADULT_COLUMNS,
            sep=",",
            skipinitialspace=True,
            skiprows=1 if subset == "test" else 0,  # the test file opens with a comment line
            dtype=dtypes,
            na_values={col: ["?"] for col in ADULT_CATEGORICAL},
            keep_default_na=False,
            skip_blank_lines=True,
        )
    # The test labels end with a dot ("<=50K."); the training labels do not.
    frame[ADULT_TARGET] = frame[ADULT_TARGET].str.rstrip(".").astype(object)
    return frame


def load_adult(*, subset: Literal["train", "test", "all"] = "train") -> pd.DataFrame:
    """Load the bundled UCI Adult (Census Income) data.

    Parameters
    ----------
    subset : {"train", "test", "all"}, default="train"
        ``"train"``: the 32,561 records of ``adult.data``; ``"test"``: the
        16,281 records of ``adult.test``; ``"all"``: both, training records
        first (48,842 records).

    Returns
    -------
    pandas.DataFrame
        The 15 columns of :data:`ADULT_COLUMNS` in file order, with a default
        index ``0..n-1`` (the record ID is the row position). The columns of
        :data:`ADULT_NUMERIC` are int64; those of :data:`ADULT_CATEGORICAL` and
        :data:`ADULT_TARGET` hold Python strings (object dtype), with the
        original ``"?"`` read as NaN. ``income`` is ``"<=50K"`` or ``">50K"``
        in both subsets. Each call returns a new copy, which the caller may
        modify freely.

    Raises
    ------
    ValueError
        If ``subset`` is not one of ``"train"``, ``"test"``, ``"all"``.

    Notes
    -----
    The files are parsed once per process and cached. The data is
    Becker, B. & Kohavi, R. (1996). Adult [Dataset]. UCI Machine Learning
    Repository. https://doi.org/10.24432/C5XW20, licensed under CC BY 4.0
    (:data:`ADULT_CITATION`); keep this attribution wherever you redistribute
    it.

    Examples
    --------
    >>> from modelprivacy.datasets import ADULT_TARGET, load_adult
    >>> train = load_adult()
    >>> train.shape
    (32561, 15)
    >>> sorted(train[ADULT_TARGET].unique())
    ['<=50K', '>50K']
    """
    if subset == "all":
        return pd.concat([_read("train"), _read("test")], ignore_index=True)
    if subset not in _FILES:
        raise ValueError(f"subset must be 'train', 'test' or 'all', not {subset!r}")
    return _read(subset).copy(deep=True)
