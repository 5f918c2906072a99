"""A disk cache of the reference models' signals.

The K reference fits are the cost of a membership audit, and the same fits
come back often: ``sanitize`` audits before and after (a sanitised model
whose hyperparameters are unchanged has the same reference models), an
audit is run again, or ``attack membership`` follows ``audit``. What
:func:`~modelprivacy.attacks.reference.fit_reference_models` returns is kept
on disk, one file per set of fits:

- kept: the membership matrix (which records each model trained on, as
  booleans), the signals (the models' scores of the scored records, as
  floats), the refit notes, the signal kind and where the models ran;
- never kept: the records, their labels, or the models.

The key (:meth:`ReferenceCache.key`) is a SHA-256 of everything that makes
the signals: a cache-format version and the versions of modelprivacy,
scikit-learn, numpy, pandas and the model's libraries; the template each
reference model is cloned from (its class and ``get_params(deep=True)``, not
the fitted target, so a sanitised model with the same hyperparameters shares
the entry) and its refit notes; the signal the target computes (output kind,
``leaf_counts``, classes); the pooled records and labels (values, dtypes and
column names); K and the split design (the membership matrix itself, which
the seed makes); and the scored records. Anything else misses. A target
that is a black box or has a user ``fit_fn`` is not cached (a function
cannot be hashed reliably); that is logged at debug level.

Files are ``.npz`` archives (no pickles) written to a temporary file in the
cache directory and renamed over the entry (:func:`os.replace`), so a reader
sees a whole entry or none. An entry that cannot be read (truncated, wrong
shapes, bad notes) is ignored, and the next store overwrites it.

The directory is ``$MODELPRIVACY_CACHE_DIR``, else
``$XDG_CACHE_HOME/modelprivacy/reference-models``, else
``~/.cache/modelprivacy/reference-models``; :func:`reference_cache` chooses
it (or turns the cache off) for a block of code. ``MODELPRIVACY_NO_CACHE=1``
turns the default off (a directory given explicitly still caches): for
benchmarks and test suites whose repeated runs must fit afresh.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import logging
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from modelprivacy.attacks.reference import ReferenceSignals
    from modelprivacy.attacks.target import Target

__all__ = [
    "CACHE_ENV",
    "CACHE_FORMAT",
    "NO_CACHE_ENV",
    "ReferenceCache",
    "active_cache",
    "default_directory",
    "fits_key",
    "reference_cache",
    "signals_key",
]

log = logging.getLogger(__name__)

CACHE_FORMAT = 2
"""Version of the entries' layout and of the key; a new version misses every old entry."""

CACHE_ENV = "MODELPRIVACY_CACHE_DIR"
"""The environment variable that names the cache directory."""

NO_CACHE_ENV = "MODELPRIVACY_NO_CACHE"
"""The environment variable that turns the default cache off (``1``; a directory given still caches)."""

_SUFFIX = ".npz"


def default_directory() -> Path:
    """The cache directory when none is given.

    Returns
    -------
    Path
        ``$MODELPRIVACY_CACHE_DIR``, else ``$XDG_CACHE_HOME/modelprivacy/reference-models``,
        else ``~/.cache/modelprivacy/reference-models``.
    """
    named = os.environ.get(CACHE_ENV)
    if named:
        return Path(named).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "modelprivacy" / "reference-models"


_HASH_BLOCK = 1 << 17  # rows of a text column made Python strings at a time for the key


class _UnhashableError(Exception):
    """Something in the key cannot be hashed reproducibly: the fits are not cached."""


def _feed_array(digest: Any, values: Any) -> None:
    """Feed an array's dtype, shape and values.

    Numbers are fed as their bytes. An object array of strings (and missing
    values) is fed as pandas' 64-bit hash of every value, with where the
    ``None`` values are (pandas hashes them as NaN): a million strings take
    a tenth of a second, where pickling them takes seconds. Any other object
    array goes through joblib's hash.
    """
    arr = np.asarray(values)
    digest.update(f"<array {arr.dtype.str} {arr.shape}>".encode())
    if arr.dtype.kind in "biufcmM":
        digest.update(np.ascontiguousarray(arr).tobytes())
        return
    if _strings(arr):
        _feed_strings(digest, [_hashed(arr)], [arr == None])  # noqa: E711  (elementwise)
        return
    import joblib

    digest.update(joblib.hash(arr, hash_name="sha1").encode())


def _strings(arr: np.ndarray) -> bool:
    """Whether a non-numeric array is one row of strings and missing values."""
    import pandas as pd

    return arr.ndim == 1 and pd.api.types.infer_dtype(arr, skipna=True) in ("string", "empty")


def _hashed(arr: np.ndarray) -> np.ndarray:
    """The 64-bit hash (pandas') of every value of an array of strings."""
    import pandas as pd

    hashed = pd.util.hash_pandas_object(pd.Series(arr, copy=False), index=False)
    return np.ascontiguousarray(hashed.to_numpy())


def _feed_strings(digest: Any, hashes: list[np.ndarray], nones: list[np.ndarray]) -> None:
    """Feed strings as their hashes, then where the ``None`` values are, block after block."""
    digest.update(b"<strings>")
    for h in hashes:
        digest.update(h.tobytes())
    digest.update(np.packbits(np.concatenate(nones)).tobytes())


def _feed_objects(digest: Any, col: Any, block: int = _HASH_BLOCK) -> None:
    """Feed a column of strings block by block, as :func:`_feed_array` feeds it whole.

    The same bytes reach the digest (the hashes are per value), but only one
    block's values are Python objects at a time: a text column held by pandas
    as Arrow strings becomes a Python string per value when converted, a
    million of them about 60 MB. A column that is not all strings is fed whole.
    """
    n = len(col)
    if n <= block:
        _feed_array(digest, col.to_numpy())
        return
    hashes: list[np.ndarray] = []
    nones: list[np.ndarray] = []
    for start in range(0, n, block):
        arr = np.asarray(col.iloc[start : start + block].to_numpy())
        if arr.dtype != object or not _strings(arr):
            _feed_array(digest, col.to_numpy())
            return
        hashes.append(_hashed(arr))
        nones.append(arr == None)  # noqa: E711  (elementwise)
    digest.update(f"<array {np.dtype(object).str} {(n,)}>".encode())
    _feed_strings(digest, hashes, nones)


def _feed_data(digest: Any, X: Any) -> None:
    """Feed records: a data frame's column names, dtypes and values; an array; else joblib's hash."""
    import pandas as pd

    if isinstance(X, pd.DataFrame):
        digest.update(f"<frame {X.shape}>".encode())
        for name in X.columns:
            col = X[name]
            if isinstance(col, pd.DataFrame):  # duplicated column names
                raise _UnhashableError("duplicated column names")
            digest.update(f"<column {name!r} {col.dtype!r}>".encode())
            if isinstance(col.dtype, pd.CategoricalDtype):
                _feed_array(digest, col.cat.categories.to_numpy())
                _feed_array(digest, col.cat.codes.to_numpy())
            elif col.dtype.kind in "biufcmM":
                _feed_array(digest, col.to_numpy())
            else:
                _feed_objects(digest, col)
    elif isinstance(X, np.ndarray):
        _feed_array(digest, X)
    else:
        import joblib

        digest.update(f"<{type(X).__module__}.{type(X).__qualname__}>".encode())
        digest.update(joblib.hash(X, hash_name="sha1").encode())


def _library(obj: Any) -> str:
    return type(obj).__module__.partition(".")[0]


def _version(name: str) -> str:
    module = sys.modules.get(name)
    return str(getattr(module, "__version__", "")) if module is not None else ""


def _template_libraries(template: Any, params: dict[str, Any]) -> list[str]:
    """The top-level packages of the template and of every estimator in its parameters."""
    names = {_library(template)}
    names.update(_library(v) for v in params.values() if hasattr(v, "get_params"))
    return sorted(names)


@dataclass
class ReferenceCache:
    """A directory of reference-model signals, keyed by what makes them.

    Parameters
    ----------
    directory : str or Path, optional
        Where the entries are kept (:func:`default_directory` by default);
        created on the first store.

    Attributes
    ----------
    hits, stores : int
        Entries read and written through this object (for the command line's notes).
    """

    directory: Path = field(default_factory=default_directory)
    hits: int = 0
    stores: int = 0

    def __post_init__(self) -> None:
        self.directory = Path(self.directory).expanduser()

    def path(self, key: str) -> Path:
        """The file of the entry ``key``."""
        return self.directory / f"{key}{_SUFFIX}"

    def key(
        self,
        target: Target,
        X: Any,
        y: Any,
        membership: np.ndarray,
        eval_idx: np.ndarray | None = None,
    ) -> str | None:
        """The key of the reference fits of ``target`` on ``(X, y)``, or None if they are not cached.

        Parameters
        ----------
        target : Target
            The audited model; its refit template (not the fitted model) and
            its signal kind enter the key.
        X, y
            The pooled records and labels.
        membership : ndarray of bool, shape (K, n)
            Which records each reference model trains on: K and the split
            design, as the seed made them.
        eval_idx : ndarray of int, optional
            The records scored (all by default).

        Returns
        -------
        str or None
            64 hexadecimal digits; None for a black box, a user ``fit_fn``
            or a template or data that cannot be hashed reproducibly.
        """
        base = fits_key(target, X, y, membership, eval_idx)
        return None if base is None else signals_key(base, target)

    def load(self, key: str, membership: np.ndarray | None = None) -> ReferenceSignals | None:
        """The entry ``key``, or None when there is none or it cannot be read.

        Parameters
        ----------
        key : str
            From :meth:`key`.
        membership : ndarray of bool, optional
            The membership matrix of the scored records that the entry must
            hold (a check beyond the key: an entry that differs is ignored).

        Returns
        -------
        ReferenceSignals or None
            With ``cached=True``. A truncated or malformed entry is None (and
            logged at debug level); the next :meth:`store` replaces it.
        """
        from modelprivacy.attacks.reference import ReferenceSignals

        expected = None if membership is None else np.asarray(membership, dtype=bool)
        path = self.path(key)
        try:
            with np.load(path, allow_pickle=False) as npz:
                membership = np.asarray(npz["membership"])
                signals = np.asarray(npz["signals"])
                meta = json.loads(str(npz["meta"][()]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            log.debug("reference-model cache: ignoring unreadable entry %s (%s)", path, exc)
            return None
        try:
            if meta.get("format") != CACHE_FORMAT or meta.get("key") != key:
                raise ValueError("another format or key")
            if membership.dtype != bool or membership.ndim != 2 or membership.shape[0] < 2:
                raise ValueError("the membership matrix is not a (K, n) boolean array")
            if signals.dtype.kind != "f" or signals.shape != membership.shape:
                raise ValueError("the signals are not floats of the membership's shape")
            if expected is not None and not np.array_equal(membership, expected):
                raise ValueError("another membership matrix than the fits would use")
            notes = meta["refit_notes"]
            signal, placement = meta["signal"], meta["placement"]
            if not (isinstance(notes, list) and all(isinstance(n, str) for n in notes)):
                raise ValueError("the refit notes are not a list of strings")
            if signal not in (None, "logit") or not isinstance(placement, str):
                raise ValueError("bad signal kind or placement")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            log.debug("reference-model cache: ignoring malformed entry %s (%s)", path, exc)
            return None
        self.hits += 1
        return ReferenceSignals(
            membership=membership,
            signals=signals.astype(np.float64, copy=False),
            refit_notes=tuple(notes),
            signal=signal,
            placement=placement,
            cached=True,
        )

    def store(self, key: str, signals: ReferenceSignals) -> Path | None:
        """Write ``signals`` as the entry ``key``, atomically.

        Only the membership matrix, the signals, the refit notes, the signal
        kind and the placement are written. A failure to write (a read-only
        or full disk) is logged at debug level: the audit goes on.

        Parameters
        ----------
        key : str
            From :meth:`key`.
        signals : ReferenceSignals
            What :func:`~modelprivacy.attacks.reference.fit_reference_models` returned.

        Returns
        -------
        Path or None
            The entry's file, or None if it could not be written.
        """
        meta = {
            "format": CACHE_FORMAT,
            "key": key,
            "refit_notes": list(signals.refit_notes),
            "signal": signals.signal,
            "placement": signals.placement,
        }
        path = self.path(key)
        tmp: str | None = None
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.directory)
            with os.fdopen(fd, "wb") as fh:
                np.savez(
                    fh,
                    membership=np.asarray(signals.membership, dtype=bool),
                    signals=np.asarray(signals.signals, dtype=np.float64),
                    meta=np.asarray(json.dumps(meta)),
                )
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            log.debug("reference-model cache: could not write %s (%s)", path, exc)
            return None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self.stores += 1
        return path


def fits_key(
    target: Target,
    X: Any,
    y: Any,
    membership: np.ndarray,
    eval_idx: np.ndarray | None = None,
    *,
    in_memory: bool = False,
) -> str | None:
    """The key of the reference models themselves: what they are fitted from, not how they are read.

    Two targets with the same key have the same K reference models (the same
    template, classes, pooled data, halves and scored records); they may
    still read different signals from them (a release mode's filter, the
    leaves' counts), which :func:`signals_key` adds.

    Parameters
    ----------
    target : Target
        The audited model; its refit template (not the fitted model) enters the key.
    X, y
        The pooled records and labels.
    membership : ndarray of bool, shape (K, n)
        Which records each reference model trains on.
    eval_idx : ndarray of int, optional
        The records scored (all by default).
    in_memory : bool, default=False
        A key for this process only (the fits shared by an audit's release
        modes): a user ``fit_fn`` is then keyed by the function object itself.

    Returns
    -------
    str or None
        64 hexadecimal digits; None for a black box, a user ``fit_fn`` (unless
        ``in_memory``) or a template or data that cannot be hashed reproducibly.
    """
    digest = hashlib.sha256()
    if target.fit_fn is not None:
        if not in_memory:
            log.debug("reference-model cache: not used, the target's fit_fn cannot be hashed")
            return None
        digest.update(f"<fit_fn {id(target.fit_fn)}>".encode())
    else:
        try:
            plan = target.refit_plan()
        except Exception as exc:  # a black box or a model that cannot be cloned: nothing to fit
            log.debug("reference-model cache: not used (%s)", exc)
            return None
        if plan is None:
            return None
    try:
        if target.fit_fn is None:
            _feed_template(digest, plan)
        digest.update(b"<classes>")
        if target.classes is not None:
            _feed_array(digest, target.classes)
        digest.update(b"<X>")
        _feed_data(digest, X)
        digest.update(b"<y>")
        _feed_array(digest, np.asarray(y))
        digest.update(b"<membership>")
        _feed_array(digest, np.asarray(membership, dtype=bool))
        digest.update(b"<eval>")
        if eval_idx is not None:
            _feed_array(digest, np.asarray(eval_idx, dtype=np.int64))
    except Exception as exc:  # a parameter or column joblib cannot pickle
        log.debug("reference-model cache: not used, the key cannot be hashed (%s)", exc)
        return None
    return digest.hexdigest()


def _feed_template(digest: Any, plan: Any) -> None:
    """Feed the refit template (class, parameters, libraries' versions) to ``digest``."""
    import joblib

    from modelprivacy import __version__

    template = plan.template
    params = template.get_params(deep=True)
    libraries = _template_libraries(template, params)
    head = {
        "format": CACHE_FORMAT,
        "versions": {
            name: _version(name)
            for name in sorted({"sklearn", "numpy", "pandas", "joblib", *libraries})
        },
        "modelprivacy": __version__,
        "template": f"{type(template).__module__}.{type(template).__qualname__}",
        "notes": list(plan.notes),
    }
    digest.update(json.dumps(head, sort_keys=True).encode())
    digest.update(joblib.hash(params, hash_name="sha1").encode())


def signals_key(fits: str, target: Target) -> str:
    """The key of the signals ``target`` reads from the reference models whose key is ``fits``.

    Parameters
    ----------
    fits : str
        :func:`fits_key` of the reference models.
    target : Target
        The audited model: what it queries (``output``), whether it reads the
        leaves' counts, and the release mode's filter enter the key.

    Returns
    -------
    str
        64 hexadecimal digits.
    """
    head: dict[str, Any] = {
        "fits": fits,
        "output": target.output,
        "leaf_counts": bool(target.leaf_counts),
    }
    mode = getattr(target, "mode", None)
    if mode is not None and mode.filters:  # what a served mode returns (release.py)
        head["release"] = str(mode)
    return hashlib.sha256(json.dumps(head, sort_keys=True).encode()).hexdigest()


_UNSET: Any = object()
_ACTIVE: contextvars.ContextVar[Any] = contextvars.ContextVar(
    "modelprivacy_reference_cache", default=_UNSET
)


def active_cache() -> ReferenceCache | None:
    """The cache of the innermost :func:`reference_cache` block (None outside any, or when off)."""
    active = _ACTIVE.get()
    return None if active is _UNSET else active


def _off_by_default() -> bool:
    """Whether ``$MODELPRIVACY_NO_CACHE`` turns the default cache off."""
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _resolve(cache: Any) -> ReferenceCache | None:
    if cache is False:
        return None
    if cache is None:
        active = _ACTIVE.get()
        if active is not _UNSET:
            return active
        return None if _off_by_default() else ReferenceCache()
    if cache is True:
        return ReferenceCache()
    if isinstance(cache, ReferenceCache):
        return cache
    if isinstance(cache, str | os.PathLike):
        return ReferenceCache(Path(cache))
    raise TypeError(
        "The 'cache' parameter must be None (the default directory), False (no cache), a "
        f"directory or a ReferenceCache. Got {cache!r} instead."
    )


@contextlib.contextmanager
def reference_cache(cache: Any = None) -> Iterator[ReferenceCache | None]:
    """Keep and reuse the reference models' signals of the block in ``cache``.

    Parameters
    ----------
    cache : None, False, str, Path or ReferenceCache, default=None
        None: the enclosing block's cache, else the default directory
        (:func:`default_directory`), unless ``$MODELPRIVACY_NO_CACHE`` is
        set (``1``: no cache by default, as in the test suite); False: no
        cache; a directory; or a :class:`ReferenceCache`.

    Yields
    ------
    ReferenceCache or None
        The cache in force (None when off); its ``hits`` and ``stores``
        count what the block read and wrote.

    Raises
    ------
    TypeError
        If ``cache`` is none of those.
    """
    chosen = _resolve(cache)
    token = _ACTIVE.set(chosen)
    try:
        yield chosen
    finally:
        _ACTIVE.reset(token)
