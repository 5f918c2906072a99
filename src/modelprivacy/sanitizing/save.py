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


def check_destination(out: Path, inputs: Sequence[str | os.PathLike[str]], what: str) -> Path:
    """Refuse to write ``what`` over an input, into a missing directory, or onto a directory.

    Returns
    -------
    Path
        The directory ``out`` goes in (where its temporary file is written).

    Raises
    ------
    DataError
        One line naming the problem and the fix.
    """
    for given in inputs:
        if _same_file(out, Path(given)):
            raise DataError(
                f"refusing to overwrite the input file '{given}' with {what}; give another "
                "output path"
            )
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise DataError(
            f"cannot write '{out}': the directory '{parent}' does not exist; create it first"
        )
    if out.is_dir():
        raise DataError(f"cannot write '{out}': it is a directory; give a file name")
    return parent


def _is_statsmodels(model: Any) -> bool:
    return str(getattr(type(model), "__module__", "")).startswith("statsmodels.")


def _native_bytes(model: Any, out: Path) -> bytes | None:
    """The model in its library's own format, or None for a scikit-learn-style model.

    A ``lightgbm.Booster`` is written as LightGBM's text model, an
    ``xgboost.Booster`` as JSON (UBJSON for a ``.ubj`` file), a CatBoost model
    as ``.cbm`` when the file ends in ``.cbm`` (CatBoost JSON for ``.json``).
    """
    names = {f"{c.__module__}.{c.__qualname__}" for c in type(model).__mro__}
    suffix = out.suffix.lower()
    if "lightgbm.basic.Booster" in names:
        return str(model.model_to_string()).encode("utf-8")
    if "xgboost.core.Booster" in names:
        return bytes(model.save_raw("ubj" if suffix == ".ubj" else "json"))
    if "catboost.core.CatBoost" in names and suffix in (".cbm", ".json"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"model{suffix}"
            model.save_model(str(path), format="cbm" if suffix == ".cbm" else "json")
            return path.read_bytes()
    if "modelprivacy.models.onnx.OnnxModel" in names:
        return bytes(model.proto.SerializeToString())
    return None


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
        The output file. A model of another library loaded from its own
        format is written in that format: a ``lightgbm.Booster`` as a
        LightGBM text model, an ``xgboost.Booster`` as JSON (UBJSON for
        ``.ubj``), a CatBoost model as ``.cbm`` or CatBoost JSON for those
        suffixes, an ONNX model as ONNX; statsmodels results with joblib
        (a pickle). Otherwise ``.joblib``, ``.pkl`` and ``.pickle`` are
        written with :func:`joblib.dump`, and anything else (``.skops`` by
        convention) with :func:`skops.io.dump`, which
        :func:`modelprivacy.load.load_model` reads back without ``--trust``.
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
    parent = check_destination(out, inputs, "the sanitised model")
    if _is_statsmodels(model) and out.suffix.lower() not in JOBLIB_SUFFIXES:
        raise DataError(
            f"cannot write '{out}': statsmodels results are saved as a pickle; give a .pkl or "
            ".joblib file"
        )
    native = _native_bytes(model, out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if native is not None:
                fh.write(native)
            elif out.suffix.lower() in JOBLIB_SUFFIXES:
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
