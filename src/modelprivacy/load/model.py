"""Loading a fitted model from a ``.skops``, pickle, joblib or another library's file.

:func:`load_model` reads the file once, hashes its bytes, picks the format from
its content (a zip archive is a skops file; another library's own format,
such as an XGBoost JSON/UBJSON, LightGBM text or CatBoost ``.cbm``/JSON model,
is recognised by :mod:`modelprivacy.load.formats`; anything else is read as a
pickle, which covers joblib files, compressed or not) and loads it without
running untrusted code unless ``trust=True``:

- another library's file is validated as data by its format module and only
  then handed to that library, from memory;
- skops files load with skops' own trusted types plus the allowlist of
  :mod:`modelprivacy.load._restricted`, so ordinary scikit-learn models need no
  ``--trust`` while a custom class or ``builtins.eval`` is refused;
- pickle and joblib files go through the restricted unpickler, which also
  reads the pickles of XGBoost, LightGBM and CatBoost models (their
  scikit-learn wrappers and boosters, whose native bytes it validates first)
  and of statsmodels results.

Every problem with the file (missing, a directory, empty, truncated, not a
model file, an unsupported pickle protocol, not a model) is a
:class:`~modelprivacy.errors.ModelLoadError` whose one-line message names the
problem and the fix; a refused type is an
:class:`~modelprivacy.errors.UnsafeModelError`. The input file is only read.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import pickletools
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelprivacy._text import printable
from modelprivacy.errors import ModelLoadError, ModelPrivacyError, UnsafeModelError
from modelprivacy.load._restricted import (
    TRUST_HINT,
    find_untrusted_globals,
    is_allowed_global,
    restricted_loads,
)
from modelprivacy.load.formats import detect_format

if TYPE_CHECKING:
    from modelprivacy.load.sandbox import Limits

__all__ = ["MODEL_METHODS", "LoadedModel", "ModelFormat", "is_model_like", "load_model"]

#: "skops", "pickle", "joblib", or the name of a format of another library
#: (:mod:`modelprivacy.load.formats`, e.g. "xgboost-json").
ModelFormat = str

#: An object is a model if it has one of these methods.
MODEL_METHODS = ("fit", "predict", "predict_proba", "decision_function", "transform")

_SUPPORTED = (
    "supported model files are .skops, pickle (.pkl, .pickle), joblib (.joblib), XGBoost "
    "JSON/UBJSON (.json, .ubj), LightGBM text models and CatBoost .cbm/JSON models"
)
_ZIP_MAGIC = b"PK\x03\x04"
# Magic bytes of the compressions that joblib.dump writes.
_JOBLIB_COMPRESSED = (
    b"\x78",  # zlib
    b"\x1f\x8b",  # gzip
    b"BZh",  # bz2
    b"\xfd7zXZ",  # xz
    b"\x5d\x00",  # lzma
    b"\x04\x22\x4d\x18",  # lz4
    b"ZF",  # joblib < 0.10
)
_PICKLE_EXTENSIONS = frozenset({".pkl", ".pickle", ".pck", ".pcl", ".joblib", ".jbl", ".sav"})

#: modelprivacy's own types that skops files may hold, beyond the allowlist of
#: :mod:`modelprivacy.load._restricted` (skops files only, never pickles). The
#: serving wrapper of ``modelprivacy sanitize --release`` stores two
#: attributes, the wrapped estimator and its release mode as a string; skops
#: fills them by ``BaseEstimator.__setstate__`` (a dict update), the estimator
#: inside is loaded under the same rules, and the whole graph is validated.
SKOPS_TRUSTED = frozenset({"modelprivacy.sanitizing.release.ReleasedModel"})


@dataclass(frozen=True)
class LoadedModel:
    """A fitted model read from a file, with where it came from.

    Parameters
    ----------
    estimator : object
        The loaded model (a scikit-learn estimator or anything with ``fit``,
        ``predict``, ``predict_proba``, ``decision_function`` or ``transform``).
    path : str
        The path the model was read from, as given.
    format : str
        The file format that was detected: ``"skops"``, ``"pickle"``,
        ``"joblib"``, or another library's format
        (:mod:`modelprivacy.load.formats`, e.g. ``"xgboost-json"``).
    sha256 : str
        The hex SHA-256 digest of the file's bytes, for the audit record.
    untrusted_types : tuple of str
        Types or functions outside the allowlist that the file refers to; only
        non-empty when the file was loaded with ``trust=True``.
    notes : tuple of str
        Settings that validation reset before the model could be used (a
        ``memory`` cache directory, a vectorizer reading files, thread counts
        beyond the machine), one sentence each.
    warnings : tuple of str
        The warnings raised while loading (e.g. another scikit-learn version),
        each a clean one-line message.
    """

    estimator: Any
    path: str
    format: ModelFormat
    sha256: str
    untrusted_types: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def is_model_like(obj: Any) -> bool:
    """Whether ``obj`` looks like a model: an instance with a model method.

    Parameters
    ----------
    obj : object
        Anything.

    Returns
    -------
    bool
        True if ``obj`` is not a class and has a callable ``fit``, ``predict``,
        ``predict_proba``, ``decision_function`` or ``transform``.
    """
    if isinstance(obj, type):
        return False
    for name in MODEL_METHODS:
        try:
            if callable(getattr(obj, name, None)):
                return True
        except Exception:  # a property that fails to compute is not a method
            continue
    return False


def load_model(
    path: str | os.PathLike[str],
    *,
    trust: bool = False,
    limits: Limits | None = None,
    contain: bool = True,
) -> LoadedModel:
    """Load a fitted model from a ``.skops``, pickle or joblib file.

    Nothing from the file runs before it is validated: pickles are scanned
    statically and loaded by the restricted unpickler, skops files by skops
    with its trusted types plus the allowlist; then the whole object graph is
    validated (:func:`modelprivacy.load.validate.validate_model`) before the
    model is returned. On POSIX the same load first runs in a forked child
    process under ``limits``, so a file that crashes, hangs or exhausts memory
    costs a child process and becomes a :class:`ModelLoadError` naming the
    limit.

    Parameters
    ----------
    path : str or os.PathLike
        The model file. The format is detected from the file's first bytes,
        so the extension does not matter (except that ``.skops`` must be a
        skops file).
    trust : bool, default=False
        Load types and functions outside the allowlist. Loading a pickle then
        runs whatever code the file names: use it only for files from a
        trusted source. The refused names are still reported in
        :attr:`LoadedModel.untrusted_types`, and compiled state is still
        validated.
    limits : Limits, optional
        Memory, CPU and wall-clock limits of the contained load
        (:class:`modelprivacy.load.sandbox.Limits`; 4 GiB, 120 s and 120 s by
        default).
    contain : bool, default=True
        Load in a child process first. The command line passes False, as it
        runs the whole command in a contained child already.

    Returns
    -------
    LoadedModel
        The estimator with the file's path, format and SHA-256 digest, the
        settings that validation reset and the warnings of the load.

    Raises
    ------
    UnsafeModelError
        The file refers to types or functions outside the allowlist and
        ``trust`` is False (its ``untrusted`` attribute lists them), or makes a
        call, or holds state, that the loader refuses.
    ModelLoadError
        The file is missing, a directory, empty, truncated or corrupted, not a
        model file, uses an unsupported pickle protocol, needs a module or
        class that is not installed, holds something that is not a model,
        holds invalid compiled state, or hit one of the ``limits``.

    Examples
    --------
    >>> loaded = load_model("model.skops")  # doctest: +SKIP
    >>> loaded.estimator.predict(X)  # doctest: +SKIP
    """
    from modelprivacy.load.sandbox import CAN_CONTAIN, contained_call, in_contained_child

    name = os.fspath(path)
    data = _read_bytes(name)
    subject = f"model file '{printable(name, 300)}'"
    if contain and CAN_CONTAIN and not in_contained_child():

        def check() -> dict[str, bool]:
            _load(data, name, subject, "", trust=trust)
            return {"ok": True}

        contained_call(check, limits if limits is not None else _default_limits(), describe=subject)
    try:
        return _load(data, name, subject, hashlib.sha256(data).hexdigest(), trust=trust)
    except MemoryError:
        from modelprivacy.load.sandbox import memory_message

        raise ModelLoadError(memory_message(subject, limits)) from None


def _default_limits() -> Limits:
    from modelprivacy.load.sandbox import Limits

    return Limits()


def _load(data: bytes, name: str, subject: str, digest: str, *, trust: bool) -> LoadedModel:
    """Load and validate the file's bytes, in this process (``digest``: their SHA-256)."""
    from modelprivacy.load._warnings import capture_warnings

    suffix = Path(name).suffix.lower()
    fmt: ModelFormat
    with capture_warnings() as captured:
        native = None if data.startswith(_ZIP_MAGIC) else detect_format(data)
        if native is not None:
            # another library's own format: validated as data by its module, then loaded
            estimator, native_notes = native.load(data, subject)
    if native is not None:
        return LoadedModel(
            estimator=estimator,
            path=name,
            format=native.name,
            sha256=digest,
            notes=native_notes,
            warnings=captured.lines,
        )
    with capture_warnings() as captured:
        if data.startswith(_ZIP_MAGIC):
            fmt = "skops"
            estimator, untrusted = _load_skops(data, subject, trust=trust)
        elif suffix == ".skops":
            raise ModelLoadError(
                f"{subject} has the .skops extension but is not a skops file (a zip archive); "
                f"it starts with {data[:8]!r}: save the model with skops.io.dump, or rename "
                "it if it is a pickle or joblib file"
            )
        else:
            fmt = _pickle_format(data)
            estimator, untrusted = _load_pickle(data, subject, suffix, trust=trust)
        if isinstance(estimator, type):
            raise ModelLoadError(
                f"{subject} holds the class {printable(_qualified(estimator), 200)}, not a "
                "fitted model: save the fitted instance (the object that fit() returns)"
            )
        notes = _validate(estimator, subject, trust=trust)
        if not is_model_like(estimator):
            raise ModelLoadError(
                f"{subject} holds {_describe(estimator)}, not a model: a model has a "
                f"{', '.join(MODEL_METHODS[:-1])} or {MODEL_METHODS[-1]} method; save the "
                "fitted estimator itself (e.g. joblib.dump(model, path))"
            )
        _catboost_feature_counts(estimator)
    return LoadedModel(
        estimator=estimator,
        path=name,
        format=fmt,
        sha256=digest,
        untrusted_types=untrusted if trust else (),
        notes=notes,
        warnings=(*captured.lines, *_wrapper_notice(estimator)),
    )


def _wrapper_notice(estimator: Any) -> tuple[str, ...]:
    """The warning that a serving wrapper (:data:`SKOPS_TRUSTED`) does not protect its file."""
    module = sys.modules.get("modelprivacy.sanitizing.release")
    notice = getattr(module, "wrapper_notice", None)
    text = notice(estimator) if callable(notice) else None
    return () if text is None else (str(text),)


def _qualified(cls: type) -> str:
    return f"{getattr(cls, '__module__', '?')}.{getattr(cls, '__qualname__', '?')}"


def _catboost_feature_counts(estimator: Any) -> None:
    """Unpickled CatBoost models report 0 features: fix every one the loaded object holds.

    The object graph is walked as data (instance ``__dict__``, lists, tuples,
    dicts and object arrays; no attribute is computed), so a CatBoost model is
    found wherever it sits: alone, a Pipeline step, inside a ColumnTransformer,
    a member of a voting or stacking ensemble (``estimators_``,
    ``named_estimators_``, ``final_estimator_``), a meta-estimator's
    ``estimator_``. The walk stops after :data:`_MAX_WALK` objects.
    """
    if "catboost" not in sys.modules:
        return
    import catboost
    import numpy as np

    from modelprivacy.load.formats.catboost import set_feature_count

    seen: set[int] = set()
    stack: list[Any] = [estimator]
    while stack and len(seen) < _MAX_WALK:
        obj = stack.pop()
        if id(obj) in seen or obj is None or isinstance(obj, str | bytes | int | float):
            continue
        seen.add(id(obj))
        if isinstance(obj, catboost.CatBoost):
            set_feature_count(obj)
            continue
        if isinstance(obj, dict):
            stack.extend(obj.values())
        elif isinstance(obj, list | tuple):
            stack.extend(obj)
        elif isinstance(obj, np.ndarray):
            if obj.dtype == object and obj.size <= _MAX_WALK:
                stack.extend(obj.ravel().tolist())
        else:
            try:  # the instance dict itself, never a class's __getattr__
                state = object.__getattribute__(obj, "__dict__")
            except AttributeError:
                continue
            if isinstance(state, dict):
                stack.extend(state.values())


#: Most objects :func:`_catboost_feature_counts` visits in a loaded object graph.
_MAX_WALK = 100_000


def _validate(estimator: Any, subject: str, *, trust: bool) -> tuple[str, ...]:
    """Validate the loaded object graph; its messages name the file."""
    from modelprivacy.load.validate import validate_model

    try:
        return validate_model(estimator, trust=trust)
    except UnsafeModelError as exc:
        raise UnsafeModelError(_with_subject(str(exc), subject), untrusted=exc.untrusted) from None
    except ModelPrivacyError as exc:
        raise type(exc)(_with_subject(str(exc), subject)) from None
    except (RecursionError, MemoryError) as exc:
        raise ModelLoadError(
            f"{subject} holds an object graph that cannot be validated ({type(exc).__name__}); "
            "it is corrupt or hostile and was refused"
        ) from None


def _read_bytes(name: str) -> bytes:
    """Read the whole file, turning each OS problem into a clear error."""
    path = Path(name)
    if not path.exists():
        raise ModelLoadError(
            f"model file '{name}' does not exist; check the path (relative paths start "
            f"at {os.getcwd()})"
        )
    if path.is_dir():
        raise ModelLoadError(
            f"'{name}' is a directory, not a model file; give the path of the model "
            f"file inside it ({_SUPPORTED})"
        )
    try:
        data = path.read_bytes()
    except PermissionError:
        raise ModelLoadError(
            f"model file '{name}' cannot be read: permission denied; check its permissions"
        ) from None
    except OSError as exc:
        raise ModelLoadError(f"model file '{name}' cannot be read: {exc.strerror}") from None
    if not data:
        raise ModelLoadError(
            f"model file '{name}' is empty (0 bytes); it was not saved completely: "
            "save the model again"
        )
    return data


def _describe(obj: Any) -> str:
    kind = type(obj)
    article = "an" if kind.__name__[:1].lower() in "aeiou" else "a"
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return f"{article} {module}{kind.__qualname__} object"


def _pickle_format(data: bytes) -> ModelFormat:
    if data.startswith(_JOBLIB_COMPRESSED) or b"NumpyArrayWrapper" in data:
        return "joblib"
    return "pickle"


def _looks_like_pickle(data: bytes) -> bool:
    """Whether the bytes start like a pickle of protocol 2 or higher."""
    return len(data) >= 2 and data[0] == pickle.PROTO[0]


def _check_protocol(data: bytes, subject: str) -> None:
    # Protocols above 5 do not exist yet; a much larger byte is not a pickle.
    if _looks_like_pickle(data) and pickle.HIGHEST_PROTOCOL < data[1] < 16:
        raise _protocol_error(data[1], subject)


def _protocol_error(protocol: int | str, subject: str) -> ModelLoadError:
    version = ".".join(map(str, sys.version_info[:2]))
    return ModelLoadError(
        f"{subject} uses pickle protocol {protocol}, but this Python ({version}) reads "
        f"protocols up to {pickle.HIGHEST_PROTOCOL}; save it again with "
        f"protocol={pickle.HIGHEST_PROTOCOL} or load it with a newer Python"
    )


def _load_pickle(
    data: bytes, subject: str, suffix: str, *, trust: bool
) -> tuple[Any, tuple[str, ...]]:
    """Load pickle or joblib bytes, restricted unless ``trust``."""
    _check_protocol(data, subject)
    if not (_looks_like_pickle(data) or data.startswith(_JOBLIB_COMPRESSED)):
        _check_headerless_pickle(data, subject, suffix)
    if trust:
        try:
            untrusted = find_untrusted_globals(io.BytesIO(data))
        except ModelPrivacyError:
            untrusted = ()  # informational only: the user trusts the file
        try:
            import joblib

            return joblib.load(io.BytesIO(data)), untrusted
        except ModuleNotFoundError as exc:
            raise ModelLoadError(_module_missing(subject, exc.name)) from None
        except MemoryError:
            raise
        except Exception as exc:
            _reraise_allocation_failure(exc)
            raise _stream_error(exc, data, subject, suffix) from None
    try:
        return restricted_loads(data), ()
    except UnsafeModelError as exc:
        raise UnsafeModelError(_with_subject(str(exc), subject), untrusted=exc.untrusted) from None
    except ModelLoadError as exc:
        if not (_looks_like_pickle(data) or data.startswith(_JOBLIB_COMPRESSED)):
            raise _not_a_model_file(data, subject) from None
        message = str(exc)
        if message.startswith("the file "):
            raise ModelLoadError(_with_subject(message, subject)) from None
        raise _stream_error(exc, data, subject, suffix) from None
    except MemoryError:
        raise
    except Exception as exc:
        _reraise_allocation_failure(exc)
        raise _stream_error(exc, data, subject, suffix) from None


def _reraise_allocation_failure(exc: Exception) -> None:
    """Raise ``MemoryError`` for an exception that is an allocation refused by the limit."""
    from modelprivacy.load.sandbox import allocation_failed

    if allocation_failed(exc):
        raise MemoryError from None


#: Libraries whose models the package reads, and the extra that installs each.
_EXTRAS = {
    "xgboost": "xgboost",
    "lightgbm": "lightgbm",
    "catboost": "catboost",
    "statsmodels": "statsmodels",
    "interpret": "interpret",
    "onnx": "onnx",
    "onnxruntime": "onnx",
}


def _module_missing(subject: str, module: str | None) -> str:
    """The message for a file whose classes live in a module that is not installed."""
    root = (module or "").split(".")[0]
    if root in _EXTRAS:
        return (
            f"{subject} needs the module '{printable(module or '')}' of {root}, which is not "
            f'installed: install it with pip install "modelprivacy[{_EXTRAS[root]}]"'
        )
    return (
        f"{subject} needs the module '{printable(module or '?')}', which is not installed; "
        "install the package that defines the model's classes"
    )


def _with_subject(message: str, subject: str) -> str:
    """Name the file in a message of the loader ("the file ..." -> "model file 'x' ...")."""
    return (
        f"{subject} {message.removeprefix('the file ')}"
        if message.startswith("the file ")
        else message
    )


def _check_headerless_pickle(data: bytes, subject: str, suffix: str) -> None:
    """Parse the opcodes of a protocol 0/1 pickle, which has no header, without running it.

    Text and other files are told apart from pickles here, so that a CSV file
    is reported as such rather than as a pickle naming strange globals.
    """
    try:
        for _ in pickletools.genops(data):
            pass
    except Exception as exc:
        if suffix in _PICKLE_EXTENSIONS and _plausible_old_pickle(data):
            raise ModelLoadError(
                f"{subject} is truncated or corrupted ({str(exc)[:120]}); copy the "
                "complete file again or save the model again"
            ) from None
        raise _not_a_model_file(data, subject) from None


def _not_a_model_file(data: bytes, subject: str) -> ModelLoadError:
    return ModelLoadError(
        f"{subject} is not a pickle, joblib or skops file: {_what_it_is(data)}; {_SUPPORTED}"
    )


def _stream_error(exc: Exception, data: bytes, subject: str, suffix: str) -> ModelLoadError:
    """Turn an exception of the unpickler into a one-line message."""
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, ValueError) and message.startswith("unsupported pickle protocol"):
        return _protocol_error(message.rpartition(":")[2].strip(), subject)
    if isinstance(exc, RecursionError):
        return ModelLoadError(f"{subject} is nested too deeply to be loaded ({message})")
    if isinstance(exc, ImportError | AttributeError) and _looks_like_pickle(data):
        return ModelLoadError(
            f"{subject} refers to code that the installed packages lack ({message}); load "
            "it with the library versions that saved it, or save it again with these"
        )
    is_pickle = _looks_like_pickle(data) or data.startswith(_JOBLIB_COMPRESSED)
    if is_pickle or (suffix in _PICKLE_EXTENSIONS and _plausible_old_pickle(data)):
        return ModelLoadError(
            f"{subject} is truncated or corrupted ({type(exc).__name__}: {message[:120]}); "
            "copy the complete file again or save the model again"
        )
    return _not_a_model_file(data, subject)


def _plausible_old_pickle(data: bytes) -> bool:
    """Whether bytes could be a pickle of protocol 0 or 1 (no header)."""
    return data[:1] in (b"(", b"c", b"]", b"}", b")", b"N", b"I", b"S", b"V")


def _what_it_is(data: bytes) -> str:
    head = data[:512]
    if head.startswith(b"\x93NUMPY"):
        return "it is a numpy .npy array file"
    if head.startswith(b"PAR1"):
        return "it is a Parquet data file"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return f"it starts with the bytes {data[:8]!r}"
    lines = text.splitlines()
    first_line = lines[0] if lines else ""
    if len(lines) >= 2 and any(
        lines[0].count(sep) > 0 and lines[0].count(sep) == lines[1].count(sep) for sep in ",;\t"
    ):
        return (
            "it looks like a CSV/TSV data file (first line "
            f"{first_line[:60]!r}); pass the data with --train or --holdout"
        )
    return f"it is a text file starting with {first_line[:40]!r}"


def _load_skops(data: bytes, subject: str, *, trust: bool) -> tuple[Any, tuple[str, ...]]:
    """Load skops bytes with skops' trusted types plus the allowlist."""
    try:
        import skops.io as sio
    except ImportError:  # pragma: no cover - skops is a dependency
        raise ModelLoadError(
            f"{subject} is a skops file, but skops is not installed; pip install skops"
        ) from None
    from modelprivacy.load._limits import check_zip_members
    from modelprivacy.load._restricted import decompression_cap

    try:
        zipfile.ZipFile(io.BytesIO(data)).close()  # reads only the central directory
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise _skops_error(exc, subject) from None
    cap = decompression_cap(len(data))
    check_zip_members(data, cap_total=cap, cap_member=cap, subject=subject)
    try:
        reported = tuple(sio.get_untrusted_types(data=data))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise _skops_error(exc, subject) from None
    try:
        untrusted = tuple(
            name for name in reported if name not in SKOPS_TRUSTED and not is_allowed_global(name)
        )
    except ModelLoadError as exc:  # a known reason, e.g. interpret not installed
        raise ModelLoadError(_with_subject(str(exc), subject)) from None
    if untrusted and not trust:
        raise UnsafeModelError(
            f"{subject} (skops) contains types outside the trusted set: "
            f"{', '.join(untrusted[:10])}"
            + (f" and {len(untrusted) - 10} more" if len(untrusted) > 10 else "")
            + f"; {TRUST_HINT}",
            untrusted=untrusted,
        )
    try:
        return sio.loads(data, trusted=list(reported)), untrusted
    except UnsafeModelError:
        raise
    except ModuleNotFoundError as exc:
        raise ModelLoadError(_module_missing(subject, exc.name)) from None
    except MemoryError:
        raise
    except Exception as exc:
        _reraise_allocation_failure(exc)
        raise _skops_error(exc, subject) from None


def _skops_error(exc: Exception, subject: str) -> ModelLoadError:
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, KeyError) and "schema.json" in message:
        return ModelLoadError(
            f"{subject} is a zip archive but not a skops file (it has no schema.json); {_SUPPORTED}"
        )
    return ModelLoadError(
        f"{subject} is a skops file that cannot be read ({type(exc).__name__}: "
        f"{message[:120]}); copy the complete file again or save the model again"
    )
