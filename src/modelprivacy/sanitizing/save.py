"""Save a sanitised model atomically, never over one of its inputs."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from modelprivacy._files import umask_mode
from modelprivacy.errors import DataError

__all__ = ["JOBLIB_SUFFIXES", "save_model"]

#: Suffixes written with joblib; every other suffix (``.skops`` first) is written with skops.
JOBLIB_SUFFIXES = frozenset({".joblib", ".pkl", ".pickle"})


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def save_model(
    model: Any, path: str | os.PathLike[str], *, inputs: Sequence[str | os.PathLike[str]] = ()
) -> Path:
    """Write a model to a file atomically.

    The model is written to a temporary file in the target directory, flushed
    to disk, then moved over ``path`` with :func:`os.replace`, so ``path``
    holds either its old content or the complete new model, never a partial
    file.

    Parameters
    ----------
    model : estimator
        The model to save.
    path : str or os.PathLike
        The output file. ``.joblib``, ``.pkl`` and ``.pickle`` are written
        with :func:`joblib.dump`; anything else (``.skops`` by convention)
        with :func:`skops.io.dump`, which :func:`modelprivacy.load.load_model`
        reads back without ``--trust``.
    inputs : sequence of str or os.PathLike, default=()
        Files the model was read from (the input model, the training data):
        ``path`` may not be one of them.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    DataError
        If ``path`` is one of ``inputs``, or its directory does not exist or
        is a file.
    """
    out = Path(path)
    for given in inputs:
        if _same_file(out, Path(given)):
            raise DataError(
                f"refusing to overwrite the input file '{given}' with the sanitised model; give "
                "another output path"
            )
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise DataError(
            f"cannot write '{out}': the directory '{parent}' does not exist; create it first"
        )
    if out.is_dir():
        raise DataError(f"cannot write '{out}': it is a directory; give a file name")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if out.suffix.lower() in JOBLIB_SUFFIXES:
                import joblib

                joblib.dump(model, fh)
            else:
                import skops.io as sio

                sio.dump(model, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, umask_mode())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return out
