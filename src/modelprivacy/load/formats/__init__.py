"""Model file formats of other libraries: one module per format, one registry.

A skops file and a pickle (joblib included) are read by
:mod:`modelprivacy.load.model` itself. Every other format (XGBoost JSON and
UBJSON, LightGBM text, CatBoost, ONNX) is one module of this package that
registers a :class:`NativeFormat` with :func:`register_format`:

- ``detect(data)`` recognises the format from the file's bytes alone (never its
  extension) and imports nothing of the library;
- ``load(data, subject)`` validates the bytes as data and only then hands them
  to the library, from memory (never a path the file names); it returns the
  model and the notes of what validation reset.

The modules are found by :func:`detect_format` on first use, so adding a
format is adding a module. A format whose library is not installed is still
detected, and :func:`require` turns the missing import into a one-line
:class:`~modelprivacy.errors.ModelLoadError` naming the ``pip install``
command of the package extra.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from modelprivacy.errors import ModelLoadError

__all__ = ["NativeFormat", "detect_format", "formats", "register_format", "require"]


@dataclass(frozen=True)
class NativeFormat:
    """A model file format read by another library.

    Attributes
    ----------
    name : str
        Short name recorded as :attr:`LoadedModel.format`, e.g. ``"xgboost-json"``.
    title : str
        What the file is, for messages: ``"an XGBoost JSON model"``.
    library : str
        The module the format needs, e.g. ``"xgboost"``.
    extra : str
        The package extra that installs it: ``pip install "modelprivacy[extra]"``.
    detect : callable
        ``detect(data: bytes) -> bool``, from the bytes alone.
    load : callable
        ``load(data: bytes, subject: str) -> (model, notes)``; raises
        :class:`~modelprivacy.errors.ModelLoadError` with a one-line message
        for a file it cannot read.
    """

    name: str
    title: str
    library: str
    extra: str
    detect: Callable[[bytes], bool]
    load: Callable[[bytes, str], tuple[Any, tuple[str, ...]]]


_FORMATS: dict[str, NativeFormat] = {}
_DISCOVERED = False


def register_format(fmt: NativeFormat) -> NativeFormat:
    """Register a format (called by each format module at import).

    Parameters
    ----------
    fmt : NativeFormat
        The format.

    Returns
    -------
    NativeFormat
        ``fmt``.
    """
    _FORMATS[fmt.name] = fmt
    return fmt


def formats() -> list[NativeFormat]:
    """Every registered format, its modules imported on first use.

    Returns
    -------
    list of NativeFormat
        In the order of their names.
    """
    global _DISCOVERED
    if not _DISCOVERED:
        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _DISCOVERED = True
    return [_FORMATS[k] for k in sorted(_FORMATS)]


def detect_format(data: bytes) -> NativeFormat | None:
    """The format of a model file's bytes, if another library's.

    Parameters
    ----------
    data : bytes
        The whole file.

    Returns
    -------
    NativeFormat or None
        None for anything else (skops, pickle, or not a model file).
    """
    for fmt in formats():
        try:
            if fmt.detect(data):
                return fmt
        except Exception:  # a detector never decides on an error
            continue
    return None


def require(fmt: NativeFormat, subject: str) -> ModuleType:
    """Import the library a format needs, or fail with the pip command.

    Parameters
    ----------
    fmt : NativeFormat
        The format.
    subject : str
        What is being loaded, for the message (``model file 'm.json'``).

    Returns
    -------
    module
        The library.

    Raises
    ------
    ModelLoadError
        If it is not installed.
    """
    try:
        return importlib.import_module(fmt.library)
    except ImportError:
        raise ModelLoadError(
            f"{subject} is {fmt.title}, which needs the {fmt.library} package: install it with "
            f'pip install "modelprivacy[{fmt.extra}]"'
        ) from None
