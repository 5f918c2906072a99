"""Restricted unpickling of pickle and joblib files.

Unpickling runs code: a pickle names "globals" (a module and a name) and the
unpickler imports and calls them. A hostile file can name ``os.system`` or
``builtins.eval`` and run anything on the machine that opens it. The
unpicklers here resolve a global only when it is on an allowlist of types and
functions that are harmless to construct or call with any arguments; any other
global is refused with :class:`~modelprivacy.errors.UnsafeModelError` *before*
anything from the file is called.

What is allowed
---------------
- scikit-learn classes (``isinstance(obj, type)`` after import, defined in a
  ``sklearn.*`` module) that subclass ``sklearn.base.BaseEstimator`` or one of a
  few internal base classes (kernels, losses, links, distance metrics,
  cross-validation splitters, scorers, optimizers), plus an explicit list of
  internal types that fitted estimators hold (``Tree``, ``KDTree``,
  ``TreePredictor``, ``Bunch``...). Modules are imported only when their name
  is a plain ``sklearn.*`` path outside test and build helpers.
- scikit-learn functions that fitted estimators keep as parameters and that only
  compute (``f_classif``, metric and kernel functions, ...), named one by one.
- numpy array, dtype and scalar reconstruction, numpy ufuncs and a list of
  numeric reductions (``numpy.mean``...), numpy random generators and masked
  arrays; scipy sparse matrices and arrays and ``BSpline``.
- builtin value types (``set``, ``slice``, ``complex``...), ``OrderedDict``,
  ``defaultdict``, ``Counter``, ``copyreg._reconstructor`` and
  ``functools.partial`` (HistGradientBoosting keeps one; a partial can only wrap
  what the allowlist already resolves).
- joblib's ``NumpyArrayWrapper``, whose array bytes are read by this module
  (arrays of Python objects go through the same restricted unpickler).
- In pickles only (not skops files): ``xgboost.Booster`` and
  ``XGBClassifier``/``XGBRegressor``/``XGBRanker`` (and the random-forest
  variants), ``lightgbm.Booster`` and ``LGBMClassifier``/``LGBMRegressor``/
  ``LGBMRanker``, ``CatBoost``/``CatBoostClassifier``/``CatBoostRegressor``/
  ``CatBoostRanker``. None of them is ever called: they are created with
  ``cls.__new__(cls)`` and filled by BUILD, and the bytes their
  ``__setstate__`` hands to XGBoost, LightGBM or CatBoost are validated as
  data first (:mod:`modelprivacy.load.formats`).
- interpret's Explainable Boosting Machines: ``ExplainableBoostingClassifier``,
  ``ExplainableBoostingRegressor`` and their differentially private variants
  (``interpret.glassbox._ebm._ebm``), in pickles and skops files. They are
  scikit-learn estimators whose state is a dict of arrays, lists, tuples and
  category dicts (``BaseEstimator.__setstate__``, a dict update); nothing of
  it reaches native code before :mod:`modelprivacy.load.validate` has checked
  the cut points, category maps and score tables against each other.
- statsmodels models, results, result wrappers, ``ModelData``, GLM families,
  links and variance functions, from the modules of OLS/WLS/GLS, the discrete
  models and GLM: created the same way; their state is a dict. The state of a
  formula model's ``ModelData`` asks to re-evaluate the formula (Python code
  from the file) and is refused.
- Guarded stand-ins replace three globals that legitimate pickles use:
  ``builtins.getattr`` (bound methods) returns only prediction methods of
  scikit-learn estimators, ``_codecs.encode`` (bytes in protocols 0-2) only
  encodes text as latin-1/utf-8/ascii, and numpy's ``_ufunc_reconstruct`` only
  returns numpy ufuncs.

The invariant: every allowlisted callable is harmless to call with any
arguments, since a pickle can call it with whatever it likes.

Never allowed: ``builtins.eval``/``exec``/``compile``/``__import__``/``open``,
a general ``getattr``, ``os``, ``subprocess``, whole-module prefixes, modules
of sklearn's test suites and build helpers, scipy.stats distributions (their
``__setstate__`` runs ``exec`` on a pickled string), and joblib's pre-0.10
``NDArrayWrapper`` (it makes ``numpy.load`` read a second file named by the
pickle with ``allow_pickle=True``).
"""

from __future__ import annotations

import _compat_pickle
import codecs
import contextlib
import functools
import importlib
import importlib.util
import inspect
import io
import os
import re
import sys
from collections.abc import Callable
from typing import IO, Any

from modelprivacy.errors import ModelLoadError, UnsafeModelError

__all__ = [
    "TRUST_HINT",
    "find_untrusted_globals",
    "is_allowed_global",
    "restricted_load",
    "restricted_loads",
    "unsafe_error",
]

TRUST_HINT = (
    "pass --trust (or trust=True) only if the file comes from a trusted source, "
    "because loading it then runs whatever code it names"
)

_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"
_DOTTED = re.compile(rf"{_IDENTIFIER}(\.{_IDENTIFIER})*")

# Module path segments that are never imported on behalf of a file: test
# suites, build helpers and modules whose import changes global state.
_FORBIDDEN_SEGMENTS = frozenset(
    {
        "tests",
        "conftest",
        "_testing",
        "estimator_checks",
        "_build_utils",
        "__check_build",
        "experimental",
        "_min_dependencies",
        "__main__",
        "setup",
        "_show_versions",
        "externals",
    }
)


class _Refused:
    """Stand-in for a refused global while collecting every refused name."""

    def __new__(cls, *args: Any, **kwargs: Any) -> _Refused:
        return object.__new__(cls)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __call__(self, *args: Any, **kwargs: Any) -> _Refused:
        return _Refused()

    def __setstate__(self, state: Any) -> None:
        pass


# --------------------------------------------------------------------------
# The allowlist
# --------------------------------------------------------------------------

_NUMPY_CORE = ("numpy._core", "numpy.core")


def _numpy_core_aliases(submodule: str, names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Map ``numpy.core.X.f`` and ``numpy._core.X.f`` to the same candidates."""
    out: dict[str, tuple[str, ...]] = {}
    for name in names:
        candidates = tuple(f"{core}.{submodule}:{name}" for core in _NUMPY_CORE)
        for core in _NUMPY_CORE:
            out[f"{core}.{submodule}.{name}"] = candidates
    return out


def _same(*fullnames: str) -> dict[str, tuple[str, ...]]:
    """Map each ``module.name`` to itself as the only import candidate."""
    out: dict[str, tuple[str, ...]] = {}
    for fullname in fullnames:
        module, _, name = fullname.rpartition(".")
        out[fullname] = (f"{module}:{name}",)
    return out


_BUILTIN_TYPES = (
    "bool",
    "bytearray",
    "bytes",
    "complex",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "object",
    "range",
    "set",
    "slice",
    "str",
    "tuple",
)

# Numeric functions of numpy that estimators keep as parameters
# (``pooling_func=np.mean``, ``func=np.log1p``...). They only compute.
_NUMPY_FUNCTIONS = (
    "amax",
    "amin",
    "around",
    "array",
    "asarray",
    "average",
    "clip",
    "cumsum",
    "max",
    "mean",
    "median",
    "min",
    "nanmax",
    "nanmean",
    "nanmedian",
    "nanmin",
    "nanpercentile",
    "nanquantile",
    "nanstd",
    "nansum",
    "nanvar",
    "percentile",
    "prod",
    "ptp",
    "quantile",
    "round",
    "std",
    "sum",
    "var",
)

_EXPLICIT: dict[str, tuple[str, ...]] = {
    **{f"builtins.{name}": (f"builtins:{name}",) for name in _BUILTIN_TYPES},
    **_same(
        "collections.OrderedDict",
        "collections.defaultdict",
        "collections.Counter",
        "copyreg._reconstructor",
        # Needed by HistGradientBoosting* with categorical features, which keep
        # ``partial(check_array, ...)``. A partial can only wrap what the
        # allowlist already resolves, and every allowlisted callable is harmless
        # with any arguments, so it adds no power to a file.
        "functools.partial",
        # numpy
        "numpy.dtype",
        "numpy.ndarray",
        "numpy.matrix",
        "numpy.ma.core.MaskedArray",
        "numpy.ma.core._mareconstruct",
        "numpy.random._pickle.__randomstate_ctor",
        "numpy.random._pickle.__bit_generator_ctor",
        "numpy.random._pickle.__generator_ctor",
        "numpy.random._mt19937.MT19937",
        "numpy.random._pcg64.PCG64",
        "numpy.random._pcg64.PCG64DXSM",
        "numpy.random._philox.Philox",
        "numpy.random._sfc64.SFC64",
        "numpy.random.bit_generator.SeedSequence",
        "numpy.random.bit_generator.__pyx_unpickle_SeedSequence",
        "numpy.random.mtrand.RandomState",
        "numpy.random._generator.Generator",
        # scipy
        "scipy.interpolate._bsplines.BSpline",
        "scipy._lib.array_api_compat.numpy._aliases.asarray",
        # joblib (the array bytes are read by _RestrictedNumpyUnpickler)
        "joblib.numpy_pickle.NumpyArrayWrapper",
    ),
    "numpy.ma.MaskedArray": ("numpy.ma.core:MaskedArray",),
    **_numpy_core_aliases("multiarray", ("_reconstruct", "scalar")),
    **_numpy_core_aliases("numeric", ("_frombuffer",)),
    **{f"numpy.{name}": (f"numpy:{name}",) for name in _NUMPY_FUNCTIONS},
}

# scikit-learn types that fitted estimators hold and that are not covered by
# the base classes of ``_SKLEARN_BASES``.
_SKLEARN_TYPES = frozenset(
    {
        "sklearn.tree._tree.Tree",
        "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
        "sklearn.utils._bunch.Bunch",
        "sklearn.metrics._scorer._PassthroughScorer",
        "sklearn.utils._encode._nandict",
        "sklearn._loss._loss.CyHalfMultinomialLoss",
        "sklearn.impute._iterative._ImputerTriplet",
        "sklearn.cluster._birch._CFNode",
        "sklearn.cluster._birch._CFSubcluster",
        "sklearn.cluster._bisect_k_means._BisectingTree",
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.compose._column_transformer.make_column_selector",
        "sklearn.compose._column_transformer._RemainderColsList",
        "sklearn.neighbors._kd_tree.KDTree",
        "sklearn.neighbors._ball_tree.BallTree",
        "sklearn._loss.link.Interval",
        "sklearn.gaussian_process.kernels.Hyperparameter",
        "sklearn.utils._metadata_requests.MetadataRequest",
        "sklearn.utils._metadata_requests.MethodMetadataRequest",
        "sklearn.utils._metadata_requests.MetadataRouter",
        "sklearn.utils._metadata_requests.MethodMapping",
        "sklearn.utils._metadata_requests.MethodPair",
        "sklearn.utils._metadata_requests.RouterMappingPair",
    }
)

# Classes defined in sklearn that subclass one of these are allowed: they only
# store their arguments and fitted state.
_SKLEARN_BASES = (
    "sklearn.base:BaseEstimator",
    "sklearn.gaussian_process.kernels:Kernel",
    "sklearn._loss.loss:BaseLoss",
    "sklearn._loss.link:BaseLink",
    "sklearn._loss._loss:CyLossFunction",
    "sklearn.linear_model._sgd_fast:LossFunction",
    "sklearn.metrics._dist_metrics:DistanceMetric",
    "sklearn.neighbors._kd_tree:BinaryTree64",
    "sklearn.neighbors._kd_tree:BinaryTree32",
    "sklearn.neighbors._ball_tree:BinaryTree64",
    "sklearn.neighbors._ball_tree:BinaryTree32",
    "sklearn.model_selection._split:BaseCrossValidator",
    "sklearn.model_selection._split:BaseShuffleSplit",
    "sklearn.model_selection._split:_RepeatedSplits",
    "sklearn.metrics._scorer:_BaseScorer",
    "sklearn.metrics._scorer:_MultimetricScorer",
    "sklearn.neural_network._stochastic_optimizers:BaseOptimizer",
)

# scikit-learn functions that estimators keep as parameters or attributes. Each
# computes on its arguments and does nothing else.
_SKLEARN_FUNCTIONS = frozenset(
    {
        "sklearn.feature_selection._univariate_selection.f_classif",
        "sklearn.feature_selection._univariate_selection.f_regression",
        "sklearn.feature_selection._univariate_selection.f_oneway",
        "sklearn.feature_selection._univariate_selection.chi2",
        "sklearn.feature_selection._univariate_selection.r_regression",
        "sklearn.feature_selection._mutual_info.mutual_info_classif",
        "sklearn.feature_selection._mutual_info.mutual_info_regression",
        "sklearn.cluster._kmeans._kmeans_single_lloyd",
        "sklearn.cluster._kmeans._kmeans_single_elkan",
        "sklearn.utils.validation.check_array",
        # ``newObj(cls)`` is ``cls.__new__(cls)`` (Cython pickling helpers).
        "sklearn.metrics._dist_metrics.newObj",
        "sklearn.neighbors._kd_tree.newObj",
        "sklearn.neighbors._ball_tree.newObj",
    }
)


@functools.cache
def _sklearn_metric_functions() -> frozenset[str]:
    """Names of sklearn's metric, scorer, kernel and distance functions.

    These compute a number or a matrix from their arguments; estimators keep
    them as ``scoring`` (through scorers), ``kernel`` or ``metric`` parameters.
    """
    names: set[str] = set()
    try:
        from sklearn.metrics import get_scorer, get_scorer_names, pairwise
    except ImportError:  # pragma: no cover - sklearn is a dependency
        return frozenset()
    import sklearn.metrics

    functions: list[Any] = [
        getattr(sklearn.metrics, name, None) for name in sklearn.metrics.__all__
    ]
    for scorer_name in get_scorer_names():
        functions.append(getattr(get_scorer(scorer_name), "_score_func", None))
    functions.extend(pairwise.PAIRWISE_KERNEL_FUNCTIONS.values())
    functions.extend(pairwise.PAIRWISE_DISTANCE_FUNCTIONS.values())
    for func in functions:
        if inspect.isfunction(func) and func.__module__.startswith("sklearn."):
            names.add(f"{func.__module__}.{func.__qualname__}")
    return frozenset(names)


@functools.cache
def _sklearn_bases() -> tuple[type, ...]:
    """The base classes of ``_SKLEARN_BASES`` that this sklearn version has."""
    bases: list[type] = []
    for target in _SKLEARN_BASES:
        with contextlib.suppress(ImportError, AttributeError):
            obj = _import_target(target)
            if isinstance(obj, type):
                bases.append(obj)
    return tuple(bases)


def _import_target(target: str) -> Any:
    """Import ``"module:qualname"``, a name written in this file, never from a file."""
    module_name, _, qualname = target.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def _resolve_candidates(candidates: tuple[str, ...]) -> Any:
    error: Exception | None = None
    for target in candidates:
        try:
            return _import_target(target)
        except (ImportError, AttributeError) as exc:
            if isinstance(exc, ImportError):
                _raise_if_out_of_memory(exc)
            error = exc
    assert error is not None
    raise error


_TEXT_ENCODINGS = frozenset(
    {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "utf-8", "utf8", "ascii"}
)


def _safe_codecs_encode(obj: Any, encoding: Any = "utf-8", errors: Any = "strict") -> bytes:
    """Stand-in for ``_codecs.encode``: pickle protocols 0-2 store bytes with it."""
    valid = (
        isinstance(obj, str)
        and isinstance(encoding, str)
        and encoding.lower().replace("_", "-") in _TEXT_ENCODINGS
        and errors == "strict"
    )
    if not valid:
        shown = encoding[:40] if isinstance(encoding, str) else type(encoding).__name__
        raise UnsafeModelError(
            f"the file calls _codecs.encode with encoding {shown!r}, which a pickle of "
            f"bytes never does; {TRUST_HINT}",
            untrusted=("_codecs.encode",),
        )
    return codecs.encode(obj, encoding, errors)


def _safe_ufunc_reconstruct(module: str, name: str) -> Any:
    """Stand-in for numpy's ``_ufunc_reconstruct``: only returns numpy ufuncs."""
    import numpy as np

    valid_name = isinstance(name, str) and name.isidentifier() and not name.startswith("_")
    obj = getattr(np, name, None) if valid_name else None
    if (
        not isinstance(module, str)
        or module.split(".")[0] != "numpy"
        or not isinstance(obj, np.ufunc)
    ):
        raise UnsafeModelError(
            f"the file asks numpy's _ufunc_reconstruct for {str(module)[:80]}.{str(name)[:80]}, "
            f"which is not a numpy ufunc; {TRUST_HINT}",
            untrusted=(f"{module}.{name}",),
        )
    return obj


# Methods that a fitted estimator may keep bound to itself in its ``__dict__``
# (HistGradientBoosting* with early stopping on a scorer leaves
# ``_raw_predict`` there). They only predict.
_BOUND_METHODS = frozenset(
    {
        "_raw_predict",
        "decision_function",
        "predict",
        "predict_log_proba",
        "predict_proba",
        "score_samples",
        "transform",
    }
)


def _safe_getattr(obj: Any, name: Any, *default: Any) -> Any:
    """Stand-in for ``builtins.getattr``: it hands out no method, only an inert marker.

    Pickle stores a bound method as ``getattr(instance, name)``. The general
    ``getattr`` is the classic escape from any allowlist
    (``getattr(obj, "__class__")``...). A scikit-learn estimator may ask for
    one of ``_BOUND_METHODS``, defined by its class; the answer is a
    :class:`~modelprivacy.load._unpickler.MethodRef`, which cannot be called
    and which the loader removes afterwards from the one place a model keeps
    such a method (its instance attribute of the same name).
    """
    from sklearn.base import BaseEstimator

    from modelprivacy.load._unpickler import MethodRef

    kind = type(obj)
    allowed = (
        not default
        and isinstance(name, str)
        and name in _BOUND_METHODS
        and isinstance(obj, BaseEstimator)
        and kind.__module__.startswith("sklearn.")
        and inspect.isfunction(inspect.getattr_static(kind, name, None))
    )
    if not allowed:
        shown = f"{kind.__module__}.{kind.__qualname__}"
        attribute = name[:80] if isinstance(name, str) else type(name).__name__
        raise UnsafeModelError(
            f"the file calls builtins.getattr on a {shown} object for {attribute!r}, "
            f"which is not a prediction method of a scikit-learn estimator; {TRUST_HINT}",
            untrusted=("builtins.getattr",),
        )
    return MethodRef(obj, name)


_WRAPPERS: dict[str, Callable[..., Any]] = {
    "builtins.getattr": _safe_getattr,
    "_codecs.encode": _safe_codecs_encode,
    "numpy.core._ufunc_reconstruct": _safe_ufunc_reconstruct,
    "numpy._core._ufunc_reconstruct": _safe_ufunc_reconstruct,
    "numpy.core.umath._ufunc_reconstruct": _safe_ufunc_reconstruct,
    "numpy._core.umath._ufunc_reconstruct": _safe_ufunc_reconstruct,
}

_SPARSE_CLASSES = frozenset(
    f"{fmt}_{kind}"
    for fmt in ("csr", "csc", "coo", "bsr", "dia", "dok", "lil")
    for kind in ("matrix", "array")
)


# Classes of other model libraries, allowed in pickles only (never in skops
# files, whose loader would run their ``__setstate__`` without the checks of
# the restricted unpickler). The unpickler never calls them: it creates them
# with ``cls.__new__(cls)`` (NEWOBJ) and fills them through BUILD, whose state
# it checks first. The scikit-learn wrappers' ``__setstate__`` is sklearn's
# (a dict update); the boosters' and CatBoost's hand bytes to a native parser,
# so BUILD validates those bytes as data before (see ``_unpickler``).
_LIBRARY_CLASSES = frozenset(
    {
        "xgboost.core.Booster",
        "xgboost.sklearn.XGBClassifier",
        "xgboost.sklearn.XGBRegressor",
        "xgboost.sklearn.XGBRanker",
        "xgboost.sklearn.XGBRFClassifier",
        "xgboost.sklearn.XGBRFRegressor",
        "lightgbm.basic.Booster",
        "lightgbm.sklearn.LGBMClassifier",
        "lightgbm.sklearn.LGBMRegressor",
        "lightgbm.sklearn.LGBMRanker",
        "catboost.core.CatBoost",
        "catboost.core.CatBoostClassifier",
        "catboost.core.CatBoostRegressor",
        "catboost.core.CatBoostRanker",
    }
)

# interpret's EBMs: scikit-learn estimators (``BaseEstimator.__setstate__``)
# whose state is plain data, checked by ``validate`` before any prediction
# hands cut points to interpret's native ``Discretize``. Allowed in skops files
# too, since skops builds them the same way (``cls.__new__`` and a state dict).
_INTERPRET_CLASSES = frozenset(
    {
        "interpret.glassbox._ebm._ebm.ExplainableBoostingClassifier",
        "interpret.glassbox._ebm._ebm.ExplainableBoostingRegressor",
        "interpret.glassbox._ebm._ebm.DPExplainableBoostingClassifier",
        "interpret.glassbox._ebm._ebm.DPExplainableBoostingRegressor",
    }
)

# statsmodels modules whose model, results, data, family, link and variance
# classes a saved result holds; a class is allowed if it is defined in one of
# them and subclasses one of ``_STATSMODELS_BASES``. Their ``__setstate__`` is a
# dict update (``ResultsWrapper``) or none (object's), except ``ModelData``'s,
# which evaluates a formula when the state asks to "restore_model_spec": the
# unpickler refuses that state.
_STATSMODELS_MODULES = frozenset(
    {
        "statsmodels.base.data",
        "statsmodels.regression.linear_model",
        "statsmodels.discrete.discrete_model",
        "statsmodels.genmod.generalized_linear_model",
        "statsmodels.genmod.families.family",
        "statsmodels.genmod.families.links",
        "statsmodels.genmod.families.varfuncs",
    }
)
_STATSMODELS_BASES = (
    "statsmodels.base.model:Model",
    "statsmodels.base.model:Results",
    "statsmodels.base.wrapper:ResultsWrapper",
    "statsmodels.base.data:ModelData",
    "statsmodels.genmod.families.family:Family",
    "statsmodels.genmod.families.links:Link",
    "statsmodels.genmod.families.varfuncs:VarianceFunction",
)


# Where other interpret versions keep their EBM classes (never resolved: a file naming them
# gets a message saying which interpret wrote it). Up to 0.3.2 the classes were in
# ``interpret.glassbox.ebm.ebm`` (interpret 0.4.0 moved them to ``interpret.glassbox._ebm._ebm``
# and renamed their fitted attributes, so the installed interpret cannot read the old state);
# interpret's development after 0.7.8 has ``EBMClassifier``/``EBMRegressor`` in
# ``interpret.glassbox._ebm`` and the private ones in ``interpret.privacy._dpebm``.
_INTERPRET_OLD_MODULE = "interpret.glassbox.ebm"
_INTERPRET_NEWER: dict[str, frozenset[str]] = {
    "interpret.glassbox._ebm": frozenset(
        {
            "BaseEBM",
            "EBMModel",
            "EBMClassifier",
            "EBMRegressor",
            "ExplainableBoostingClassifier",
            "ExplainableBoostingRegressor",
        }
    ),
    "interpret.privacy._dpebm": frozenset(
        {
            "DPEBMModel",
            "DPEBMClassifier",
            "DPEBMRegressor",
            "DPExplainableBoostingClassifier",
            "DPExplainableBoostingRegressor",
        }
    ),
}
_INTERPRET_EXTRA = 'pip install "modelprivacy[interpret]"'


def _interpret_installed() -> str | None:
    """The installed interpret's version, or None when it cannot be imported."""
    try:
        return str(importlib.import_module("interpret").__version__)
    except (ImportError, AttributeError):
        return None


def _interpret_hint(module: str, name: str) -> str | None:
    """Why an EBM class another interpret wrote cannot be read, and the fix; None otherwise."""
    fullname = f"{module}.{name}"
    old = module == _INTERPRET_OLD_MODULE or module.startswith(_INTERPRET_OLD_MODULE + ".")
    newer = name in _INTERPRET_NEWER.get(module, ())
    if not (old or newer):
        return None
    version = _interpret_installed()
    refit = f"interpret {version}" if version else f"a current interpret ({_INTERPRET_EXTRA})"
    if old:
        return (
            "the file is an Explainable Boosting Machine saved by interpret 0.3.2 or older: it "
            f"names {fullname}, and interpret 0.4.0 moved the EBM classes to "
            "interpret.glassbox._ebm._ebm and renamed their fitted attributes, so no later "
            f"interpret reads it; refit the model with {refit} and save it again, or load it "
            'with the interpret that wrote it (pip install "interpret-core<0.4")'
        )
    return (
        "the file is an Explainable Boosting Machine saved by a development version of interpret "
        f"after 0.7.8: it names {fullname}, and this modelprivacy reads the EBMs of "
        "interpret.glassbox._ebm._ebm (interpret 0.4.0 to 0.7.x); refit the model with interpret "
        '0.6 to 0.7.x and save it again (pip install "interpret-core>=0.6,<0.8")'
    )


#: The package extra that installs each library whose models the loader reads.
_LIBRARY_EXTRAS = {
    "xgboost": ("XGBoost", "xgboost"),
    "lightgbm": ("LightGBM", "lightgbm"),
    "catboost": ("CatBoost", "catboost"),
    "statsmodels": ("statsmodels", "statsmodels"),
}


def _not_installed(package: str) -> bool:
    """Whether ``package`` cannot be found (nothing of it is imported)."""
    if package in sys.modules:
        return sys.modules[package] is None
    try:
        return importlib.util.find_spec(package) is None
    except (ImportError, ValueError):
        return True


def _missing_library(module: str, fullname: str) -> _HintedError | None:
    """The one-line error for a model of a library that is not installed; None otherwise."""
    package = module.split(".")[0]
    if package not in _LIBRARY_EXTRAS or not _not_installed(package):
        return None
    library, extra = _LIBRARY_EXTRAS[package]
    return _HintedError(
        f"the file holds a {library} model ({fullname}), but {package} is not installed: "
        f'install it with pip install "modelprivacy[{extra}]"'
    )


def _resolve_library(module: str, name: str) -> Any:
    """A class of :data:`_LIBRARY_CLASSES` or :data:`_INTERPRET_CLASSES`, or a statsmodels class."""
    fullname = f"{module}.{name}"
    if module.split(".")[0] == "interpret":
        hint = _interpret_hint(module, name)
        if hint is not None:
            raise _HintedError(hint)
    if fullname in _LIBRARY_CLASSES or fullname in _INTERPRET_CLASSES:
        try:
            obj = _import_target(f"{module}:{name}")
        except (ImportError, AttributeError) as exc:
            if isinstance(exc, ImportError):
                _raise_if_out_of_memory(exc)
            if fullname in _INTERPRET_CLASSES and _interpret_installed() is None:
                raise _HintedError(
                    f"the file is an Explainable Boosting Machine of interpret ({fullname}), "
                    f"which is not installed: install it with {_INTERPRET_EXTRA}"
                ) from exc
            missing = _missing_library(module, fullname)
            if missing is not None:
                raise missing from exc
            raise _MissingError(str(exc)) from exc
        if not isinstance(obj, type) or f"{obj.__module__}.{obj.__qualname__}" != fullname:
            raise _NotAllowedError
        return obj
    if module not in _STATSMODELS_MODULES or "." in name or name.startswith("_"):
        raise _NotAllowedError
    try:
        module_obj = importlib.import_module(module)
        bases = tuple(_import_target(target) for target in _STATSMODELS_BASES)
    except ImportError as exc:
        _raise_if_out_of_memory(exc)
        missing = _missing_library(module, fullname)
        if missing is not None:
            raise missing from exc
        raise _MissingError(str(exc)) from exc
    obj = vars(module_obj).get(name)
    if obj is None:
        raise _MissingError(f"{module} has no {name}")
    # varfuncs' classes (Power, Binomial...) subclass only object: each
    # __call__ computes a variance from an array.
    if (
        isinstance(obj, type)
        and obj.__module__ == module
        and (issubclass(obj, bases) or module == "statsmodels.genmod.families.varfuncs")
    ):
        return obj
    raise _NotAllowedError


class _NotAllowedError(Exception):
    """Internal: a global is not on the allowlist."""


class _MissingError(Exception):
    """Internal: an allowlisted-looking global does not exist in this install."""


class _HintedError(_MissingError):
    """Internal: a global this install cannot provide, with the one-line message that says why."""


def _installed_version(package: str) -> str:
    try:
        return str(importlib.import_module(package).__version__)
    except (ImportError, AttributeError):  # pragma: no cover - defensive
        return "(not installed)"


def _import_sklearn_module(module: str) -> Any:
    parts = module.split(".")
    if parts[0] != "sklearn" or any(
        part in _FORBIDDEN_SEGMENTS or part.startswith("test") for part in parts
    ):
        raise _NotAllowedError
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        _raise_if_out_of_memory(exc)
        raise _MissingError(str(exc)) from exc


def _raise_if_out_of_memory(exc: ImportError) -> None:
    """An extension module that cannot be mapped under a memory limit is out of memory."""
    text = str(exc)
    if "failed to map segment" in text or "Cannot allocate memory" in text:
        raise MemoryError(text) from exc


def _lookup(module_obj: Any, name: str) -> Any:
    """Look ``name`` up in a module, nested parts statically in class dicts."""
    first, *rest = name.split(".")
    try:
        obj = getattr(module_obj, first)
    except (AttributeError, ImportError) as exc:
        raise _MissingError(str(exc)) from exc
    for part in rest:
        if not isinstance(obj, type) or part not in vars(obj):
            raise _NotAllowedError
        obj = vars(obj)[part]
    return obj


def _resolve_sklearn(module: str, name: str) -> Any:
    fullname = f"{module}.{name}"
    is_pyx = name.startswith("__pyx_unpickle_") and "." not in name
    if any(part.startswith("__") for part in name.split(".")) and not is_pyx:
        raise _NotAllowedError
    explicit_function = fullname in _SKLEARN_FUNCTIONS or fullname in _sklearn_metric_functions()
    module_obj = _import_sklearn_module(module)
    obj = _lookup(module_obj, name)
    if isinstance(obj, type):
        if not str(getattr(obj, "__module__", "")).startswith("sklearn."):
            raise _NotAllowedError
        if fullname in _SKLEARN_TYPES or issubclass(obj, _sklearn_bases()):
            return obj
        raise _NotAllowedError
    if explicit_function and callable(obj):
        return obj
    if is_pyx and callable(obj) and not inspect.isclass(obj):
        # Cython's generated ``__pyx_unpickle_<Class>(type, checksum, state)``:
        # it only creates a ``<Class>`` and fills its fields.
        return obj
    raise _NotAllowedError


def _resolve_numpy_rule(module: str, name: str) -> Any:
    """Resolve numpy scalar types, dtype classes and ufuncs by name."""
    import numpy as np

    if "." in name or name.startswith("_"):
        raise _NotAllowedError
    if module == "numpy":
        obj = getattr(np, name, None)
        if isinstance(obj, np.ufunc) or (isinstance(obj, type) and issubclass(obj, np.generic)):
            return obj
    elif module == "numpy.dtypes":
        obj = getattr(importlib.import_module("numpy.dtypes"), name, None)
        if isinstance(obj, type) and issubclass(obj, np.dtype):
            return obj
    raise _NotAllowedError


def _resolve_sparse(module: str, name: str) -> Any:
    if name not in _SPARSE_CLASSES:
        raise _NotAllowedError
    import scipy.sparse

    obj = getattr(scipy.sparse, name, None)
    if obj is None:
        raise _MissingError(f"scipy.sparse has no {name}")
    return obj


def _resolve(module: str, name: str, *, joblib: bool = True) -> Any:
    """Return the object that ``module.name`` refers to, if it is allowlisted.

    Raises
    ------
    _NotAllowedError
        The global is not on the allowlist.
    _MissingError
        The global looks allowlisted but this installation does not have it.
    """
    fullname = f"{module}.{name}"
    if fullname in _WRAPPERS:
        return _WRAPPERS[fullname]
    if fullname in _EXPLICIT:
        if not joblib and fullname == "joblib.numpy_pickle.NumpyArrayWrapper":
            raise _NotAllowedError
        try:
            return _resolve_candidates(_EXPLICIT[fullname])
        except (ImportError, AttributeError) as exc:
            raise _MissingError(str(exc)) from exc
    root = module.split(".")[0]
    if root == "sklearn":
        return _resolve_sklearn(module, name)
    if root in ("xgboost", "lightgbm", "catboost", "statsmodels", "interpret"):
        return _resolve_library(module, name)
    if root == "numpy":
        return _resolve_numpy_rule(module, name)
    if module.startswith("scipy.sparse"):
        return _resolve_sparse(module, name)
    raise _NotAllowedError


def unsafe_error(fullnames: tuple[str, ...], subject: str = "the file") -> UnsafeModelError:
    """The error that refuses ``fullnames``, with the hint on ``--trust``.

    Parameters
    ----------
    fullnames : tuple of str
        The refused ``module.qualname`` strings.
    subject : str, default="the file"
        How the message names the file, e.g. ``"model file 'm.pkl'"``.

    Returns
    -------
    UnsafeModelError
        The error, with ``untrusted`` set to ``fullnames``.
    """
    shown = ", ".join(fullnames[:10]) + (
        f" and {len(fullnames) - 10} more" if len(fullnames) > 10 else ""
    )
    noun = "a global" if len(fullnames) == 1 else "globals"
    return UnsafeModelError(
        f"{subject} refers to {noun} outside the allowlist of safe types: {shown}; "
        f"loading it could run arbitrary code, so it was refused; {TRUST_HINT}",
        untrusted=fullnames,
    )


def is_allowed_global(fullname: str) -> bool:
    """Whether a dotted name (``"module.qualname"``) is on the allowlist.

    The split between module and qualified name is guessed from the right, as
    skops reports types as one dotted string, and the name must be the
    object's canonical ``__module__.__qualname__``. The guarded stand-ins that
    the unpicklers use for ``builtins.getattr``, ``_codecs.encode`` and
    numpy's ``_ufunc_reconstruct`` do not count as allowed here, because a
    skops file would get the real function.

    Parameters
    ----------
    fullname : str
        A fully qualified name such as ``"sklearn.tree._tree.Tree"``.

    Returns
    -------
    bool
        True if the restricted unpickler would resolve this name.

    Raises
    ------
    ModelLoadError
        The name is an EBM class that this installation cannot provide for a
        known reason: interpret is not installed (the message names ``pip
        install "modelprivacy[interpret]"``), or another interpret version
        wrote it (the message says which).
    """
    if not _DOTTED.fullmatch(fullname) or fullname in _WRAPPERS:
        return False
    if fullname.split(".")[0] in ("xgboost", "lightgbm", "catboost", "statsmodels"):
        return False  # pickles only: their state is checked by the restricted unpickler
    parts = fullname.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module, name = ".".join(parts[:cut]), ".".join(parts[cut:])
        try:
            obj = _resolve(module, name)
        except _HintedError as exc:
            raise ModelLoadError(str(exc)) from None
        except (_NotAllowedError, _MissingError):
            continue
        # The name must be the object's own (canonical) name, so that a reader
        # that splits module and name differently finds the same object.
        qualname = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
        return f"{getattr(obj, '__module__', None)}.{qualname}" == fullname
    return False


class _Policy:
    """The ``find_class`` of the restricted unpicklers."""

    def __init__(self, *, joblib: bool) -> None:
        self.joblib = joblib

    def find_class(self, module: str, name: str) -> Any:
        if not isinstance(module, str) or not isinstance(name, str):
            raise ModelLoadError("malformed global reference in the pickle stream")
        module, name = _python3_name(module, name)
        fullname = f"{module}.{name}"
        if not _DOTTED.fullmatch(module) or not _DOTTED.fullmatch(name):
            raise ModelLoadError(
                f"malformed global reference {fullname[:80]!r} in the pickle stream"
            )
        try:
            return _resolve(module, name, joblib=self.joblib)
        except _NotAllowedError:
            raise unsafe_error((fullname,)) from None
        except _HintedError as exc:
            raise ModelLoadError(str(exc)) from None
        except _MissingError as exc:
            package = module.split(".")[0]
            shown = {"sklearn": "scikit-learn"}.get(package, package)
            raise ModelLoadError(
                f"the file needs {fullname}, which the installed {shown} "
                f"{_installed_version(package)} does not have ({exc}); load it with the "
                f"{shown} version that saved it, or save the model again with this one"
            ) from None


def _python3_name(module: str, name: str) -> tuple[str, str]:
    """Python 2 names, which protocols 0-2 use (``__builtin__.set``...)."""
    if (module, name) in _compat_pickle.NAME_MAPPING:
        return _compat_pickle.NAME_MAPPING[(module, name)]
    if module in _compat_pickle.IMPORT_MAPPING:
        return _compat_pickle.IMPORT_MAPPING[module], name
    return module, name


def _refused_globals(names: list[tuple[str, str]], *, joblib: bool) -> tuple[str, ...]:
    """The ``module.name`` strings of the globals a static scan found that the allowlist refuses."""
    refused: list[str] = []
    for raw_module, raw_name in names:
        module, name = _python3_name(raw_module, raw_name)
        candidate = f"{module}.{name}"
        if not (_DOTTED.fullmatch(module) and _DOTTED.fullmatch(name)):
            refused.append(f"{raw_module}.{raw_name}"[:120])
            continue
        try:
            _resolve(module, name, joblib=joblib)
        except _NotAllowedError:
            if candidate not in refused:
                refused.append(candidate)
        except _MissingError:
            pass  # reported with its fix when the load reaches it
    return tuple(refused)


_LZ4_MAGIC = b"\x04\x22\x4d\x18"
_LEGACY_JOBLIB = b"ZF"
#: Decompressed bytes allowed: this many times the file's size, and at least the floor.
DECOMPRESSION_RATIO = 200
DECOMPRESSION_FLOOR = 256 * 2**20
_BOMB_FIX = (
    "it was refused: if it is genuine, save it without compression (joblib.dump(model, path))"
)


def decompression_cap(size: int) -> int:
    """Most bytes a compressed model file of ``size`` bytes may decompress to."""
    from modelprivacy.load._limits import decompression_cap as cap

    return cap(size, ratio=DECOMPRESSION_RATIO, floor=DECOMPRESSION_FLOOR)


def _compression(data: bytes) -> str | None:
    from modelprivacy.load._limits import detect_compression

    return "lz4" if data.startswith(_LZ4_MAGIC) else detect_compression(data)


def _decompress(data: bytes, kind: str, cap: int) -> bytes:
    """Decompress joblib's ``kind`` of compression, stopping past ``cap`` bytes."""
    from modelprivacy.load._limits import CappedReader, decompress_capped

    if kind != "lz4":
        return decompress_capped(data, kind, cap=cap, fix=_BOMB_FIX)
    try:
        import lz4.frame
    except ImportError:
        raise ModelLoadError(
            "the file is compressed with lz4, which is not installed: pip install lz4"
        ) from None
    with CappedReader(
        lz4.frame.LZ4FrameFile(io.BytesIO(data)), cap, compressed_size=len(data), fix=_BOMB_FIX
    ) as reader:
        return bytes(reader.read())


def _stream_of(data: bytes) -> tuple[io.BytesIO, bool]:
    """The pickle stream of a pickle or joblib file, decompressed; whether it is joblib."""
    kind = _compression(data)
    if data.startswith(_LEGACY_JOBLIB):
        raise ModelLoadError(
            "the file was written by joblib older than 0.10, whose format reads "
            "companion files with numpy.load(allow_pickle=True); it cannot be "
            f"loaded safely: save it again with a current joblib, or {TRUST_HINT}"
        )
    if kind is not None:
        return io.BytesIO(_decompress(data, kind, decompression_cap(len(data)))), True
    return io.BytesIO(data), b"NumpyArrayWrapper" in data


def _scan(stream: io.BytesIO, joblib: bool) -> None:
    """Refuse the file, naming every refused global, before anything in it runs."""
    from modelprivacy.load._prescan import prescan

    found = prescan(stream, joblib=joblib)
    stream.seek(0)
    refused = _refused_globals(found.globals, joblib=joblib)
    if refused:
        raise unsafe_error(refused)


def _load_bytes(data: bytes) -> Any:
    from modelprivacy.load._unpickler import SafeUnpickler, drop_method_refs

    stream, joblib = _stream_of(data)
    _scan(stream, joblib)
    policy = _Policy(joblib=joblib)
    unpickler = SafeUnpickler(stream, policy.find_class, joblib=joblib)
    obj = unpickler.load()
    refs = unpickler.method_refs
    del unpickler
    drop_method_refs(refs)
    return obj


def _read(file: str | os.PathLike[str] | IO[bytes]) -> bytes:
    if isinstance(file, str | os.PathLike):
        with open(file, "rb") as fobj:
            return fobj.read()
    return file.read()


def restricted_load(file: str | os.PathLike[str] | IO[bytes]) -> Any:
    """Load a pickle or joblib file, refusing any global outside the allowlist.

    Reads plain pickles (protocols 0 to 5) and files written by ``joblib.dump``,
    compressed or not. The whole stream is scanned first, without running
    anything: a file that names a global outside the allowlist is refused,
    with every refused name, before anything from it runs. The restricted
    unpickler then calls only listed constructors with checked arguments (see
    :mod:`modelprivacy.load._unpickler`).

    Parameters
    ----------
    file : str, os.PathLike or binary file object
        The file to read.

    Returns
    -------
    object
        The unpickled object. Its compiled state is not yet validated:
        :func:`modelprivacy.load.load_model` does that before returning.

    Raises
    ------
    UnsafeModelError
        The file refers to a global outside the allowlist (``untrusted`` holds
        every refused name), or makes a call that the loader does not allow.
    ModelLoadError
        The file names an allowlisted global that this installation lacks, is a
        legacy joblib file, decompresses beyond the cap, or is malformed.

    Notes
    -----
    Other errors of a corrupted stream (``EOFError``, ``pickle.UnpicklingError``,
    ``ValueError``...) are propagated unchanged; :func:`load_model` turns them
    into messages.
    """
    return _load_bytes(_read(file))


def restricted_loads(data: bytes) -> Any:
    """Load pickle or joblib bytes, refusing any global outside the allowlist.

    Parameters
    ----------
    data : bytes
        The content of a pickle or joblib file.

    Returns
    -------
    object
        The unpickled object.

    See Also
    --------
    restricted_load : The same for a file.
    """
    return _load_bytes(bytes(data))


def find_untrusted_globals(file: str | os.PathLike[str] | IO[bytes]) -> tuple[str, ...]:
    """List the globals of a pickle or joblib file that are not allowlisted, statically.

    The opcode stream is read with :func:`pickletools.genops`; nothing from
    the file is imported, constructed or called. The scan reads the whole file
    (joblib's array bytes are skipped), so the list is complete.

    Parameters
    ----------
    file : str, os.PathLike or binary file object
        The file to scan.

    Returns
    -------
    tuple of str
        The refused ``module.qualname`` strings, in order of appearance.

    Raises
    ------
    ModelPrivacyError
        The stream cannot be scanned (corrupted, a compression bomb, EXT opcodes).
    """
    from modelprivacy.load._prescan import prescan

    stream, joblib = _stream_of(_read(file))
    found = prescan(stream, joblib=joblib)
    return _refused_globals(found.globals, joblib=joblib)
