"""The restricted unpickler: it calls only listed constructors, with checked arguments.

A pickle is a small program. Besides naming globals (which
:mod:`modelprivacy.load._restricted` resolves against the allowlist), it calls
things: REDUCE calls the object below its arguments, NEWOBJ and NEWOBJ_EX call
``cls.__new__``, INST and OBJ call a class, BUILD calls ``__setstate__`` and
APPENDS/ADDITEMS call ``extend``/``add``. The C unpickler calls whatever object
sits on its stack, so an allowlisted *instance* (a scorer, a bound method, a
partial) becomes a gadget. :class:`SafeUnpickler` is a pure-Python
``pickle._Unpickler`` whose handlers of those opcodes enforce:

- REDUCE, INST and OBJ call only objects that ``find_class`` itself returned
  and that :data:`_CALLS` lists as constructors or pure reconstruction helpers,
  each with an argument check (no callables among the arguments, bounded
  sizes: ``bytearray(2**30)`` and ``numpy.ndarray((10**14,), buffer=b"x",
  strides=(0,))`` are refused). Instances, bound methods and partials are
  never called, and neither are scorers, estimators or numpy functions: those
  are values.
- NEWOBJ and NEWOBJ_EX create instances of allowlisted classes with
  ``cls.__new__(cls)`` and no arguments.
- ``builtins.getattr`` hands out no methods: pickle stores a bound method as
  ``getattr(obj, name)``, and the stand-in returns an inert marker. The only
  place a model keeps one (HistGradientBoosting's ``_raw_predict`` under early
  stopping on a scorer) is the instance attribute of the same name, which is
  then dropped so that the class's own method takes over; a marker anywhere
  else is refused.
- BUILD uses the ``__setstate__`` of the object's *type*, never one planted in
  an instance; it refuses to build classes, functions and objects built before,
  and refuses dunder keys in state dicts. The state of numpy dtypes (rebuilt
  from its description and compared), arrays (sizes), random generators (MT19937
  ``pos`` and friends), ``SeedSequence``, decision trees (node count) and
  partials (an allowlisted function with plain arguments) is checked before the
  object can be used.
- APPENDS, SETITEMS and ADDITEMS only fill lists, dicts and sets, through the
  type's own methods.
- Tuples used as dict keys or set members are bounded in their expanded size
  (a memo DAG of nested tuples that takes 10**40 steps to hash is refused);
  object arrays nest at most :data:`MAX_ARRAY_NESTING` deep (freeing a deeper
  chain would overflow the C stack).
- joblib's ``NumpyArrayWrapper`` arrays are read here, their declared size
  checked against the bytes that remain before anything is allocated.
"""

from __future__ import annotations

import functools
import inspect
import io
import pickle
import re
import sys
import types
from collections.abc import Callable
from typing import IO, Any, ClassVar

from modelprivacy.errors import ModelLoadError, UnsafeModelError

__all__ = ["MAX_ARRAY_NESTING", "MAX_KEY_SIZE", "MethodRef", "SafeUnpickler"]

#: Largest expanded size (elements counted with repetition) of a tuple used as a key.
MAX_KEY_SIZE = 10_000_000
#: Deepest nesting of object arrays directly inside object arrays.
MAX_ARRAY_NESTING = 100
#: Largest n_outputs, n_classes and n_features accepted for a decision tree.
_MAX_TREE_SIZE = 10**8

_REFUSED = "it was refused before it could run"
_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class defined in Python, not a compiled type
#: Most tuple and frozenset elements hashed as keys in one load (tuples cache no hash).
MAX_KEY_HASHING = 20_000_000
#: Numbers this large never key a model's dicts; multiples of 2**61 - 1 all hash alike.
_HASH_MODULUS = (1 << 61) - 1
#: Largest item of a dtype a file may build (a "V2000000000" dtype is 2 GB per element).
MAX_ITEMSIZE = 1 << 26
_DTYPE_CODE = re.compile(r"[<>|=]?[a-zA-Z?]\d{0,9}")
_PLAIN = (type(None), bool, int, float, complex, str, bytes)


def _refuse(what: str, name: str = "") -> UnsafeModelError:
    from modelprivacy.load._restricted import TRUST_HINT

    return UnsafeModelError(
        f"the file {what}; {_REFUSED}; {TRUST_HINT}", untrusted=(name,) if name else ()
    )


def _corrupt(what: str) -> ModelLoadError:
    return ModelLoadError(
        f"the file is corrupted or was crafted: {what}; save the model again from its source"
    )


def _name(obj: Any) -> str:
    module = getattr(obj, "__module__", None) or type(obj).__module__
    qualname = getattr(obj, "__qualname__", None) or type(obj).__qualname__
    return f"{module}.{qualname}"


class MethodRef:
    """What the guarded ``getattr`` returns instead of a bound method.

    It is inert: it cannot be called. After loading, a ``MethodRef`` stored as
    the instance attribute ``name`` of ``obj`` is removed (the class's method
    takes over); one found anywhere else makes the load fail.
    """

    __slots__ = ("name", "obj")

    def __init__(self, obj: Any, name: str) -> None:
        self.obj = obj
        self.name = name

    def __repr__(self) -> str:
        return f"<method {self.name!r} of a {type(self.obj).__name__}>"


# --------------------------------------------------------------------------
# Argument checks of the callables allowed at load
# --------------------------------------------------------------------------

Check = Callable[["SafeUnpickler", tuple[Any, ...]], None]


def _nargs(args: tuple[Any, ...], low: int, high: int, what: str) -> None:
    if not low <= len(args) <= high:
        raise _corrupt(f"{what} is called with {len(args)} arguments")


def _check_slice(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 1, 3, "slice")
    if not all(a is None or type(a) is int for a in args):
        raise _refuse("builds a slice of something other than integers", "builtins.slice")


def _check_range(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 1, 3, "range")
    if not all(type(a) is int for a in args):
        raise _refuse("builds a range of something other than integers", "builtins.range")


def _check_complex(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 0, 2, "complex")
    if not all(type(a) in (int, float) for a in args):
        raise _refuse(
            "builds a complex number from something other than numbers", "builtins.complex"
        )


def _check_container_arg(what: str, kinds: tuple[type, ...]) -> Check:
    def check(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
        _nargs(args, 0, 1, what)
        if args and type(args[0]) not in kinds:
            raise _refuse(
                f"calls {what} on a {type(args[0]).__name__} (only on plain containers)",
                f"builtins.{what}",
            )
        if args and what in ("set", "frozenset", "dict"):
            u.check_keys(args[0] if what != "dict" else list(args[0]))

    return check


def _check_bytes(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    # bytes() and bytearray() with an integer allocate that many bytes: a
    # memory bomb of a few bytes. Pickles only rebuild them from content.
    _nargs(args, 0, 2, "bytes")
    if not args:
        return
    content = args[0]
    if isinstance(content, bytes | bytearray) and len(args) == 1:
        return
    text_codecs = ("latin1", "latin-1", "iso-8859-1", "utf-8", "utf8", "ascii")
    if (
        isinstance(content, str)
        and len(args) == 2
        and isinstance(args[1], str)
        and args[1].lower().replace("_", "-") in text_codecs
    ):
        return
    if isinstance(content, list) and len(args) == 1 and all(type(b) is int for b in content):
        return
    raise _refuse(
        f"calls bytes or bytearray with a {type(content).__name__} (only with content; "
        "an integer allocates that many bytes)",
        "builtins.bytearray",
    )


def _check_ordered_dict(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 0, 1, "OrderedDict")
    if args and not isinstance(args[0], list | dict):
        raise _refuse(
            "builds an OrderedDict from something other than items", "collections.OrderedDict"
        )
    if args:
        u.check_keys([k for k, _ in args[0]] if isinstance(args[0], list) else list(args[0]))


_FACTORIES: tuple[Any, ...] = (list, dict, set, int, float, str, tuple)


def _factories() -> tuple[Any, ...]:
    """Factories a defaultdict may keep: builtin containers, and ``OrderedDict`` (LightGBM)."""
    import collections

    return (*_FACTORIES, collections.OrderedDict)


def _check_defaultdict(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 0, 2, "defaultdict")
    if args and args[0] is not None and args[0] not in _factories():
        raise _refuse(
            f"builds a defaultdict whose factory is {_name(args[0])} (it would be called later)",
            "collections.defaultdict",
        )
    if len(args) == 2 and not isinstance(args[1], dict):
        raise _refuse(
            "builds a defaultdict from something other than a dict", "collections.defaultdict"
        )


def _check_counter(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 0, 1, "Counter")
    if args and not isinstance(args[0], dict):
        raise _refuse("builds a Counter from something other than a dict", "collections.Counter")


_RECONSTRUCT_BASES = (object, list, dict, set, frozenset, int, float, str, bytes, complex)


def _check_reconstructor(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    # copyreg._reconstructor(cls, base, state) is base.__new__(cls, state)
    # followed by base.__init__(obj, state) for a builtin base.
    _nargs(args, 3, 3, "copyreg._reconstructor")
    cls, base, state = args
    if not (isinstance(cls, type) and u.resolved(cls)):
        raise _refuse(
            f"reconstructs an instance of {_name(cls)}, not of a class it named",
            "copyreg._reconstructor",
        )
    if base not in _RECONSTRUCT_BASES or not issubclass(cls, base):
        raise _refuse(
            f"reconstructs a {_name(cls)} on the base {_name(base)}", "copyreg._reconstructor"
        )
    if base is object:
        if state is not None:
            raise _corrupt("copyreg._reconstructor on object with a state")
    elif type(state) is not base:
        raise _refuse(
            f"reconstructs a {_name(cls)} from a {type(state).__name__}", "copyreg._reconstructor"
        )


def _check_partial(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    if not args:
        raise _corrupt("functools.partial without a function")
    u.check_partial_parts(args[0], args[1:], {})


def _numpy_shape(shape: Any, what: str) -> int:
    if not isinstance(shape, tuple) or not all(type(n) is int and n >= 0 for n in shape):
        raise _corrupt(f"{what} has the shape {str(shape)[:40]}")
    count = 1
    for n in shape:
        count *= n
    return count


def _check_np_reconstruct(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    # numpy.core.multiarray._reconstruct(subtype, shape, typecode): an empty
    # array that BUILD then fills. Pickles always pass the shape (0,).
    import numpy as np

    _nargs(args, 3, 3, "numpy _reconstruct")
    subtype, shape, code = args
    if code not in (b"b", "b"):  # numpy always writes the typecode "b"
        raise _refuse(
            f"reconstructs an array of dtype {str(code)[:40]!r} through numpy _reconstruct",
            "numpy._core.multiarray._reconstruct",
        )
    if not (isinstance(subtype, type) and issubclass(subtype, np.ndarray) and u.resolved(subtype)):
        raise _refuse(
            f"reconstructs an array of type {_name(subtype)}", "numpy._core.multiarray._reconstruct"
        )
    if _numpy_shape(shape if isinstance(shape, tuple) else (shape,), "an array") > 1:
        raise _refuse(
            "allocates an uninitialised array through numpy _reconstruct",
            "numpy._core.multiarray._reconstruct",
        )


def _check_np_mareconstruct(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    import numpy as np

    _nargs(args, 4, 4, "numpy _mareconstruct")
    subtype, baseclass, baseshape, _basetype = args
    ok = (
        isinstance(subtype, type)
        and issubclass(subtype, np.ma.MaskedArray)
        and isinstance(baseclass, type)
        and issubclass(baseclass, np.ndarray)
    )
    if not ok or _numpy_shape(baseshape, "a masked array") > 1:
        raise _refuse(
            "reconstructs a masked array in an unusual way", "numpy.ma.core._mareconstruct"
        )


def _check_np_scalar(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    import numpy as np

    _nargs(args, 1, 2, "numpy scalar")
    dtype = args[0]
    if not isinstance(dtype, np.dtype):
        raise _corrupt("a numpy scalar without a dtype")
    u.check_dtype(dtype)
    if dtype.hasobject:
        return
    data = args[1] if len(args) == 2 else b""
    if not isinstance(data, bytes) or len(data) != dtype.itemsize:
        raise _corrupt(
            f"a numpy scalar of {dtype.itemsize} bytes given {len(data) if isinstance(data, bytes) else '?'}"
        )


def _check_np_frombuffer(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    import numpy as np

    _nargs(args, 4, 4, "numpy _frombuffer")
    buf, dtype, shape, order = args
    if not isinstance(buf, bytes | bytearray | pickle.PickleBuffer | memoryview):
        raise _refuse(
            f"builds an array from a {type(buf).__name__}", "numpy._core.numeric._frombuffer"
        )
    if not isinstance(dtype, np.dtype) or dtype.hasobject:
        raise _corrupt("an array from a buffer without a plain dtype")
    u.check_dtype(dtype)
    nbytes = memoryview(buf).nbytes
    if _numpy_shape(shape, "an array") * dtype.itemsize != nbytes or order not in ("C", "F"):
        raise _corrupt(f"an array whose shape {str(shape)[:40]} does not match its {nbytes} bytes")


def _check_np_dtype(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 1, 3, "numpy.dtype")
    code = args[0]
    if not (isinstance(code, str) and _DTYPE_CODE.fullmatch(code)) or not all(
        type(a) is bool for a in args[1:]
    ):
        raise _refuse(f"builds a numpy dtype from {str(code)[:40]!r}", "numpy.dtype")
    import numpy as np

    try:
        itemsize = np.dtype(code).itemsize
    except TypeError:
        raise _refuse(f"builds a numpy dtype from {code[:40]!r}", "numpy.dtype") from None
    if itemsize > MAX_ITEMSIZE:
        raise _refuse(
            f"builds a numpy dtype of {itemsize:,} bytes per element (at most {MAX_ITEMSIZE:,})",
            "numpy.dtype",
        )


_BIT_GENERATORS = ("MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64")


def _is_bit_generator_name(u: SafeUnpickler, value: Any) -> bool:
    if isinstance(value, str):
        return value in _BIT_GENERATORS
    return isinstance(value, type) and value.__name__ in _BIT_GENERATORS and u.resolved(value)


def _check_bit_generator_ctor(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    _nargs(args, 0, 1, "numpy bit generator")
    if args and not _is_bit_generator_name(u, args[0]):
        raise _refuse(
            f"creates a random generator from {_name(args[0])}",
            "numpy.random._pickle.__bit_generator_ctor",
        )


def _check_generator_ctor(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    import numpy as np

    _nargs(args, 0, 2, "numpy random generator")
    if args and not (
        isinstance(args[0], np.random.BitGenerator) or _is_bit_generator_name(u, args[0])
    ):
        raise _refuse(f"creates a random generator from {_name(args[0])}", "numpy.random._pickle")
    if len(args) == 2:
        from numpy.random import _pickle

        if args[1] is not vars(_pickle).get("__bit_generator_ctor"):
            raise _refuse(
                "creates a random generator with its own constructor", "numpy.random._pickle"
            )


def _check_pyx_unpickle(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    # Cython's __pyx_unpickle_<Class>(type, checksum, state): a new <Class>
    # with its C fields set from ``state`` (here or in a later BUILD).
    _nargs(args, 2, 3, "a Cython unpickle helper")
    cls = args[0]
    if not (isinstance(cls, type) and u.resolved(cls)) or type(args[1]) is not int:
        raise _refuse(f"unpickles a {_name(cls)} through a Cython helper", "__pyx_unpickle")
    if len(args) == 3 and args[2] is not None:
        u.check_cython_state(cls, args[2])


def _check_scalar_args(what: str) -> Check:
    def check(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
        if len(args) > 8 or not all(type(a) in (int, float, bool) for a in args):
            raise _refuse(f"constructs {what} from something other than numbers", what)

    return check


def _check_tree(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    import numpy as np

    _nargs(args, 3, 3, "a decision tree")
    n_features, n_classes, n_outputs = args
    valid = (
        type(n_features) is int
        and type(n_outputs) is int
        and 0 <= n_features <= _MAX_TREE_SIZE
        and 1 <= n_outputs <= _MAX_TREE_SIZE
        and isinstance(n_classes, np.ndarray)
        and n_classes.ndim == 1
        and n_classes.dtype.kind in "iu"
        and n_classes.shape == (n_outputs,)
        and bool(np.all(n_classes >= 1))
        and bool(np.all(n_classes <= _MAX_TREE_SIZE))
    )
    if not valid:
        raise _corrupt("a decision tree with impossible sizes (n_features, n_classes, n_outputs)")


def _check_new_obj(base_names: tuple[str, ...]) -> Check:
    # sklearn's Cython ``newObj(cls)`` is ``cls.__new__(cls)``.
    def check(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
        _nargs(args, 1, 1, "newObj")
        cls = args[0]
        ok = (
            isinstance(cls, type)
            and u.resolved(cls)
            and any(base.__name__ in base_names for base in cls.__mro__)
        )
        if not ok:
            raise _refuse(f"creates a {_name(cls)} through newObj", "newObj")

    return check


def _check_no_args(what: str) -> Check:
    def check(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
        if args:
            raise _refuse(f"calls {what} with arguments", what)

    return check


def _pass(u: SafeUnpickler, args: tuple[Any, ...]) -> None:
    """For the guarded stand-ins, which check their own arguments."""


@functools.cache
def _calls() -> dict[int, tuple[Any, Check]]:
    """The callables allowed at load, by identity, with their argument checks."""
    import collections
    import copyreg

    import numpy as np

    from modelprivacy.load import _restricted as r

    entries: list[tuple[str, Check]] = [
        ("builtins.slice", _check_slice),
        ("builtins.range", _check_range),
        ("builtins.complex", _check_complex),
        ("builtins.set", _check_container_arg("set", (list, tuple, set, frozenset))),
        ("builtins.frozenset", _check_container_arg("frozenset", (list, tuple, set, frozenset))),
        ("builtins.list", _check_container_arg("list", (list, tuple))),
        ("builtins.tuple", _check_container_arg("tuple", (list, tuple))),
        ("builtins.dict", _check_container_arg("dict", (dict,))),
        ("builtins.bytes", _check_bytes),
        ("builtins.bytearray", _check_bytes),
        ("builtins.object", _check_no_args("object")),
        ("collections.OrderedDict", _check_ordered_dict),
        ("collections.defaultdict", _check_defaultdict),
        ("collections.Counter", _check_counter),
        ("copyreg._reconstructor", _check_reconstructor),
        ("functools.partial", _check_partial),
        ("numpy.dtype", _check_np_dtype),
        ("numpy.ma.core._mareconstruct", _check_np_mareconstruct),
        ("numpy.random._pickle.__randomstate_ctor", _check_generator_ctor),
        ("numpy.random._pickle.__bit_generator_ctor", _check_bit_generator_ctor),
        ("numpy.random._pickle.__generator_ctor", _check_generator_ctor),
        ("numpy.random.bit_generator.__pyx_unpickle_SeedSequence", _check_pyx_unpickle),
        ("sklearn.tree._tree.Tree", _check_tree),
        (
            "sklearn.metrics._dist_metrics.newObj",
            _check_new_obj(("DistanceMetric", "DistanceMetric64", "DistanceMetric32")),
        ),
        ("sklearn.neighbors._kd_tree.newObj", _check_new_obj(("BinaryTree64", "BinaryTree32"))),
        ("sklearn.neighbors._ball_tree.newObj", _check_new_obj(("BinaryTree64", "BinaryTree32"))),
    ]
    for core in ("numpy._core", "numpy.core"):
        entries += [
            (f"{core}.multiarray._reconstruct", _check_np_reconstruct),
            (f"{core}.multiarray.scalar", _check_np_scalar),
            (f"{core}.numeric._frombuffer", _check_np_frombuffer),
        ]
    out: dict[int, tuple[Any, Check]] = {}
    for fullname, check in entries:
        module, _, name = fullname.rpartition(".")
        try:
            obj = r._resolve(module, name)
        except (r._NotAllowedError, r._MissingError):
            continue
        out[id(obj)] = (obj, check)
    for wrapper in set(r._WRAPPERS.values()):
        out[id(wrapper)] = (wrapper, _pass)
    del collections, copyreg, np
    return out


def _sklearn_call(obj: Any) -> Check | None:
    """Checks for sklearn's Cython reducers: losses and ``__pyx_unpickle_*``."""
    module = str(getattr(obj, "__module__", ""))
    name = str(getattr(obj, "__name__", ""))
    if not module.startswith("sklearn."):
        return None
    if name.startswith("__pyx_unpickle_") and not isinstance(obj, type):
        return _check_pyx_unpickle
    # Loss functions reduce to ``cls(*numbers)``; Cython types are static
    # (no Py_TPFLAGS_HEAPTYPE), unlike Python classes.
    if (
        isinstance(obj, type)
        and module in ("sklearn._loss._loss", "sklearn.linear_model._sgd_fast")
        and not obj.__flags__ & (1 << 9)
    ):
        return _check_scalar_args(f"{module}.{name}")
    return None


# --------------------------------------------------------------------------
# The unpickler
# --------------------------------------------------------------------------

_CODE = pickle  # the opcode constants


class SafeUnpickler(pickle._Unpickler):
    """A pure-Python unpickler that resolves globals through a policy and restricts calls.

    Parameters
    ----------
    file : binary file object
        The (decompressed) stream, positioned at the start of a pickle.
    find_class : callable
        ``find_class(module, name)`` of the allowlist; it raises for anything
        outside it.
    joblib : bool, default=False
        Read joblib's raw array bytes after each ``NumpyArrayWrapper``.
    """

    dispatch: ClassVar[dict[int, Callable[[Any], None]]] = dict(pickle._Unpickler.dispatch)
    # State of the pure-Python unpickler (not in the C Unpickler's stubs).
    stack: list[Any]
    metastack: list[list[Any]]
    append: Callable[[Any], None]
    pop_mark: Callable[[], list[Any]]

    def __init__(
        self, file: IO[bytes], find_class: Callable[[str, str], Any], *, joblib: bool = False
    ) -> None:
        super().__init__(file)
        self._file = file
        self._find = find_class
        self._joblib = joblib
        self._resolved: dict[int, Any] = {}
        self._built: set[int] = set()
        self._keep: list[Any] = []
        self._array_depth: dict[int, int] = {}
        self._key_sizes: dict[int, int] = {}
        self._key_hashing = 0
        self.method_refs: list[MethodRef] = []

    # -- globals ----------------------------------------------------------

    def find_class(self, module: str, name: str) -> Any:
        obj = self._find(module, name)
        self._resolved[id(obj)] = obj
        return obj

    def resolved(self, obj: Any) -> bool:
        """Whether ``obj`` is a global that ``find_class`` returned in this load."""
        return self._resolved.get(id(obj)) is obj

    def persistent_load(self, pid: Any) -> Any:
        raise _refuse("uses persistent IDs", "persistent id")

    def get_extension(self, code: int) -> Any:
        raise _refuse(
            f"refers to code through the copyreg extension registry (code {code})",
            f"extension code {code}",
        )

    # -- calls ------------------------------------------------------------

    def _check_call(self, func: Any, args: Any) -> None:
        if not isinstance(args, tuple):
            raise _corrupt("a call whose arguments are not a tuple")
        if not self.resolved(func):
            raise _refuse(
                f"calls a {type(func).__module__}.{type(func).__qualname__} object that it built "
                "itself (only named constructors may be called while loading)",
                f"{type(func).__module__}.{type(func).__qualname__}",
            )
        entry = _calls().get(id(func))
        check = entry[1] if entry is not None and entry[0] is func else _sklearn_call(func)
        if check is None:
            raise _refuse(
                f"calls {_name(func)} while loading; it is accepted as a value in a model, "
                "never called by the loader",
                _name(func),
            )
        check(self, args)

    def load_reduce(self) -> None:
        stack = self.stack
        args = stack.pop()
        func = stack[-1]
        self._check_call(func, args)
        value = func(*args)
        if isinstance(value, MethodRef):
            self.method_refs.append(value)
        stack[-1] = value

    dispatch[_CODE.REDUCE[0]] = load_reduce

    def _instantiate(self, klass: Any, args: Any) -> None:
        args = tuple(args)
        if not args and isinstance(klass, type) and self.resolved(klass):
            self._new(klass, ())
            return
        self._check_call(klass, args)
        self.append(klass(*args))

    def _new(self, cls: Any, args: Any, kwargs: Any = None) -> None:
        if not (isinstance(cls, type) and self.resolved(cls)):
            raise _refuse(
                f"creates an instance through {type(cls).__name__} {_name(cls)[:80]}, which is not "
                "a class it named",
                _name(cls),
            )
        if args != () or kwargs:
            raise _refuse(
                f"creates a {_name(cls)} with arguments to __new__, which model pickles never pass",
                _name(cls),
            )
        if not cls.__flags__ & _HEAPTYPE:
            # A compiled type made without its constructor has uninitialised C
            # state (a numpy bit generator's is a NULL pointer). Pickles make
            # them through their own reducers, which REDUCE calls with checks.
            raise _refuse(
                f"creates a compiled {_name(cls)} without its constructor, which model pickles "
                "never do",
                _name(cls),
            )
        self.append(cls.__new__(cls))  # type: ignore[call-overload]

    def load_newobj(self) -> None:
        args = self.stack.pop()
        cls = self.stack.pop()
        self._new(cls, args)

    dispatch[_CODE.NEWOBJ[0]] = load_newobj

    def load_newobj_ex(self) -> None:
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        self._new(cls, args, kwargs)

    dispatch[_CODE.NEWOBJ_EX[0]] = load_newobj_ex

    # -- BUILD ------------------------------------------------------------

    def load_build(self) -> None:
        stack = self.stack
        state = stack.pop()
        inst = stack[-1]
        self._check_build_target(inst)
        kind = type(inst)
        self._check_state(inst, state)
        setstate = getattr(kind, "__setstate__", None)
        if setstate is not None:
            with _native_context(inst):
                setstate(inst, state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                if not isinstance(state, dict):
                    raise _corrupt(f"the state of a {kind.__name__} is a {type(state).__name__}")
                inst_dict = inst.__dict__
                for key, value in state.items():
                    inst_dict[sys.intern(key)] = value
            if slotstate:
                if not isinstance(slotstate, dict):
                    raise _corrupt(f"the slot state of a {kind.__name__} is not a dict")
                for key, value in slotstate.items():
                    # Only real slots: a property setter or __setattr__ would run code.
                    slot = inspect.getattr_static(kind, key, None)
                    if not isinstance(slot, types.MemberDescriptorType):
                        raise _refuse(
                            f"sets {str(key)[:40]!r} of a {kind.__name__} as a slot, which it is not",
                            _name(kind),
                        )
                    slot.__set__(inst, value)
        self._after_build(inst)
        self._built.add(id(inst))
        self._keep.append(inst)
        if (
            self._joblib
            and kind.__name__ == "NumpyArrayWrapper"
            and kind.__module__ == "joblib.numpy_pickle"
        ):
            stack[-1] = self._read_wrapped_array(inst)

    dispatch[_CODE.BUILD[0]] = load_build

    def _check_build_target(self, inst: Any) -> None:
        code_like = (
            type,
            types.ModuleType,
            types.FunctionType,
            types.BuiltinFunctionType,
            types.MethodType,
        )
        if isinstance(inst, code_like) or self.resolved(inst):
            raise _refuse(
                f"changes the state of {_name(inst)[:80]}, a class or function of the installed "
                "libraries",
                _name(inst),
            )
        if id(inst) in self._built:
            raise _refuse(
                f"sets the state of the same {type(inst).__name__} twice, which no pickler does",
                _name(type(inst)),
            )
        if isinstance(inst, MethodRef):
            raise _refuse("sets the state of a method reference", "builtins.getattr")

    def _check_state(self, inst: Any, state: Any) -> None:
        import numpy as np

        for part in state if isinstance(state, tuple) and len(state) == 2 else (state,):
            if isinstance(part, dict):
                for key in part:
                    if not isinstance(key, str):
                        raise _corrupt(f"the state of a {type(inst).__name__} has a non-text key")
                    if key.startswith("__") and key.endswith("__"):
                        if _harmless_doc(inst, key, part[key]):
                            continue
                        raise _refuse(
                            f"plants the special attribute {key[:40]!r} in a {type(inst).__name__}",
                            f"{_name(type(inst))}.{key[:40]}",
                        )
        if isinstance(inst, np.ndarray):
            self._check_array_state(inst, state)
        elif isinstance(inst, np.random.BitGenerator):
            _check_bit_generator_state(inst, state)
        elif isinstance(inst, np.random.RandomState):
            _check_random_state(state)
        elif isinstance(inst, functools.partial):
            if not (isinstance(state, tuple) and len(state) == 4):
                raise _corrupt("the state of a functools.partial")
            func, args, kwds, extra = state
            if extra:
                raise _refuse("plants attributes in a functools.partial", "functools.partial")
            self.check_partial_parts(func, args, kwds)
        elif _is_tree(inst):
            _check_tree_state(state)
        elif type(inst).__name__ == "SeedSequence":
            self.check_cython_state(type(inst), state)
        else:
            _check_library_state(inst, state)

    def _after_build(self, inst: Any) -> None:
        import numpy as np

        if isinstance(inst, np.dtype):
            self.check_dtype(inst)

    # -- what BUILD checks ------------------------------------------------

    def check_dtype(self, dtype: Any) -> None:
        """Refuse a dtype whose state differs from the dtype its description builds."""
        _check_dtype(dtype)

    def _check_array_state(self, inst: Any, state: Any) -> None:
        import numpy as np

        if not isinstance(state, tuple) or len(state) not in (4, 5, 7):
            raise _corrupt("the state of a numpy array")
        body = state[1:5] if len(state) in (5, 7) else state
        shape, dtype, _fortran, raw = body
        count = _numpy_shape(shape, "an array")
        if not isinstance(dtype, np.dtype):
            raise _corrupt("an array without a dtype")
        _check_dtype(dtype)
        if dtype.hasobject:
            if not isinstance(raw, list) or len(raw) != count:
                raise _corrupt(
                    f"an object array of {count} elements holding {len(raw) if isinstance(raw, list) else '?'}"
                )
            depth = 1 + max((self._array_depth.get(id(x), 0) for x in raw), default=0)
            if depth > MAX_ARRAY_NESTING:
                raise _refuse(
                    f"nests object arrays more than {MAX_ARRAY_NESTING} deep (freeing them would "
                    "overflow the C stack)",
                    "numpy.ndarray",
                )
            self._array_depth[id(inst)] = depth
            return
        nbytes = (
            memoryview(raw).nbytes
            if isinstance(raw, bytes | bytearray | pickle.PickleBuffer)
            else (len(raw.encode("latin-1")) if isinstance(raw, str) else -1)
        )
        if nbytes != count * dtype.itemsize:
            raise _corrupt(f"an array of shape {str(shape)[:40]} with {nbytes} bytes of data")

    def check_partial_parts(self, func: Any, args: Any, kwds: Any) -> None:
        """A partial may wrap a named allowlisted function with plain arguments only."""
        if not (
            self.resolved(func)
            and isinstance(func, types.FunctionType | types.BuiltinFunctionType | type)
        ):
            raise _refuse(
                f"wraps a {type(func).__name__} in functools.partial (only a named function may be wrapped)",
                "functools.partial",
            )
        if not isinstance(args, tuple) or not isinstance(kwds, dict | type(None)):
            raise _corrupt("the arguments of a functools.partial")
        self._check_plain(args, 0)
        self._check_plain(kwds or {}, 0)

    def _check_plain(self, value: Any, depth: int) -> None:
        import numpy as np

        if depth > 20:
            raise _refuse("nests the arguments of a partial too deeply", "functools.partial")
        if isinstance(value, (*_PLAIN, np.generic, np.dtype)):
            return
        if isinstance(value, np.ndarray) and not value.dtype.hasobject:
            return
        if isinstance(value, type) and self.resolved(value):
            return
        if isinstance(value, list | tuple):
            for item in value:
                self._check_plain(item, depth + 1)
            return
        if isinstance(value, dict):
            for key, item in value.items():
                self._check_plain(key, depth + 1)
                self._check_plain(item, depth + 1)
            return
        raise _refuse(
            f"passes a {type(value).__name__} to a function wrapped in functools.partial",
            "functools.partial",
        )

    def check_cython_state(self, cls: Any, state: Any) -> None:
        """The state of a Cython object: plain numbers, with numpy arrays only for SeedSequence."""
        import numpy as np

        if not isinstance(state, tuple) or len(state) > 64:
            raise _corrupt(f"the state of a {getattr(cls, '__name__', '?')}")
        if getattr(cls, "__name__", "") == "SeedSequence":
            if len(state) != 5:
                raise _corrupt("the state of a SeedSequence")
            entropy, n_children, pool, pool_size, spawn_key = state
            valid = (
                (
                    entropy is None
                    or isinstance(entropy, int | np.integer | np.ndarray | list | tuple)
                )
                and type(n_children) is int
                and n_children >= 0
                and type(pool_size) is int
                and 1 <= pool_size <= 4096
                and isinstance(pool, np.ndarray)
                and pool.dtype == np.uint32
                and pool.shape == (pool_size,)
                and isinstance(spawn_key, tuple)
            )
            if not valid:
                raise _corrupt("a numpy SeedSequence whose pool does not match its size")
            return
        for item in state:
            if not isinstance(item, int | float | bool | type(None)):
                raise _refuse(
                    f"sets the state of a {getattr(cls, '__name__', '?')} from a {type(item).__name__}",
                    _name(cls),
                )

    def check_keys(self, keys: Any) -> None:
        """Refuse keys whose hashing would take too long.

        Nested tuples sharing parts expand exponentially, and CPython caches no
        tuple hash, so the expanded sizes of all keys hashed in one load are
        added up; numbers that are multiples of the hash modulus all collide,
        which makes filling a dict quadratic.
        """
        import numpy as np

        for key in keys:
            if isinstance(key, tuple | frozenset):
                size = self._key_size(key)
                self._key_hashing += size
                if size > MAX_KEY_SIZE or self._key_hashing > MAX_KEY_HASHING:
                    raise _refuse(
                        f"hashes keys of nested tuples with more than {MAX_KEY_HASHING:,} "
                        "elements once expanded (it would take practically forever)",
                        "builtins.tuple",
                    )
            elif (
                isinstance(key, int | float | np.integer | np.floating)
                and not isinstance(key, bool)
                and abs(key) >= _HASH_MODULUS  # type: ignore[operator]
            ):
                raise _refuse(
                    "uses numbers beyond 2**61 as keys, whose hashes collide by design (filling "
                    "a dict with them takes quadratic time)",
                    "builtins.dict",
                )

    def _key_size(self, key: Any) -> int:
        """Expanded size of nested tuples and frozensets, memoised, iterative, capped."""
        sizes = self._key_sizes
        stack: list[tuple[Any, bool]] = [(key, False)]
        while stack:
            obj, ready = stack.pop()
            if id(obj) in sizes:
                continue
            children = [x for x in obj if isinstance(x, tuple | frozenset)]
            if not ready:
                stack.append((obj, True))
                stack.extend((c, False) for c in children if id(c) not in sizes)
                continue
            total = len(obj) + sum(sizes.get(id(c), 0) for c in children)
            sizes[id(obj)] = min(total, MAX_KEY_SIZE + 1)
            self._keep.append(obj)
        return sizes[id(key)]

    # -- containers -------------------------------------------------------

    def load_append(self) -> None:
        value = self.stack.pop()
        self._fill_list(self.stack[-1], [value])

    dispatch[_CODE.APPEND[0]] = load_append

    def load_appends(self) -> None:
        items = self.pop_mark()
        self._fill_list(self.stack[-1], items)

    dispatch[_CODE.APPENDS[0]] = load_appends

    def _fill_list(self, target: Any, items: list[Any]) -> None:
        if not isinstance(target, list):
            raise _refuse(f"appends items to a {type(target).__name__}", _name(type(target)))
        type(target).extend(target, items)

    def load_setitem(self) -> None:
        value = self.stack.pop()
        key = self.stack.pop()
        self._fill_dict(self.stack[-1], [key, value])

    dispatch[_CODE.SETITEM[0]] = load_setitem

    def load_setitems(self) -> None:
        items = self.pop_mark()
        self._fill_dict(self.stack[-1], items)

    dispatch[_CODE.SETITEMS[0]] = load_setitems

    def load_dict(self) -> None:
        items = self.pop_mark()
        target: dict[Any, Any] = {}
        self._fill_dict(target, items)
        self.append(target)

    dispatch[_CODE.DICT[0]] = load_dict

    def _fill_dict(self, target: Any, items: list[Any]) -> None:
        if not isinstance(target, dict):
            raise _refuse(f"sets items of a {type(target).__name__}", _name(type(target)))
        keys = items[::2]
        self.check_keys(keys)
        setitem = type(target).__setitem__
        for key, value in zip(keys, items[1::2], strict=False):
            setitem(target, key, value)

    def load_additems(self) -> None:
        items = self.pop_mark()
        target = self.stack[-1]
        if not isinstance(target, set):
            raise _refuse(f"adds items to a {type(target).__name__}", _name(type(target)))
        self.check_keys(items)
        set.update(target, items)

    dispatch[_CODE.ADDITEMS[0]] = load_additems

    def load_frozenset(self) -> None:
        items = self.pop_mark()
        self.check_keys(items)
        self.append(frozenset(items))

    dispatch[_CODE.FROZENSET[0]] = load_frozenset

    # -- joblib arrays ----------------------------------------------------

    def _read_wrapped_array(self, wrapper: Any) -> Any:
        """Read the array bytes that follow a joblib ``NumpyArrayWrapper``."""
        import numpy as np

        state = vars(wrapper)
        dtype, shape, order = state.get("dtype"), state.get("shape"), state.get("order", "C")
        if not isinstance(dtype, np.dtype) or order not in ("C", "F"):
            raise _corrupt("a joblib array header")
        count = _numpy_shape(shape, "a joblib array")
        if dtype.hasobject:
            inner = SafeUnpickler(self._file, self._find)
            inner._resolved = self._resolved
            array = inner.load()
            self.method_refs.extend(inner.method_refs)
            if not isinstance(array, np.ndarray):
                raise _corrupt("a joblib object array that is not an array")
            return array
        _check_dtype(dtype)
        if state.get("numpy_array_alignment_bytes") is not None:
            pad = self._file.read(1)
            if len(pad) != 1 or len(self._file.read(pad[0])) != pad[0]:
                raise _corrupt("a joblib array is truncated")
        nbytes = count * dtype.itemsize
        if nbytes > _remaining(self._file):
            raise _corrupt(f"a joblib array declares {nbytes:,} bytes, more than the file has left")
        data = bytearray(nbytes)
        view = memoryview(data)
        got = 0
        while got < nbytes:
            n = self._file.readinto(view[got : got + (1 << 24)])  # type: ignore[attr-defined]
            if not n:
                raise _corrupt("a joblib array is truncated")
            got += n
        array = np.frombuffer(data, dtype=dtype)
        array = array.reshape(shape[::-1]).T if order == "F" else array.reshape(shape)
        if dtype.byteorder not in ("=", "|") and dtype.byteorder != (
            "<" if sys.byteorder == "little" else ">"
        ):
            array = array.byteswap().view(dtype.newbyteorder("="))
        return array


# --------------------------------------------------------------------------
# Other model libraries: the bytes their __setstate__ hands to native code
# --------------------------------------------------------------------------


def _library_name(inst: Any) -> str:
    kind = type(inst)
    for klass in kind.__mro__:
        module = str(getattr(klass, "__module__", ""))
        if module.split(".")[0] in ("xgboost", "lightgbm", "catboost", "statsmodels"):
            return f"{module}.{klass.__qualname__}"
    return ""


def _format_problem(what: str, exc: Exception) -> ModelLoadError:
    return _corrupt(f"{what} {exc}")


def _check_library_state(inst: Any, state: Any) -> None:
    """Validate what ``__setstate__`` of an XGBoost, LightGBM, CatBoost or statsmodels object gets."""
    name = _library_name(inst)
    if not name:
        return
    from modelprivacy.load.formats._checks import FormatError

    if name == "xgboost.core.Booster":
        from modelprivacy.load.formats.xgboost import check_pickled_buffer

        if not isinstance(state, dict) or "handle" not in state:
            raise _corrupt("the state of an xgboost.Booster is not a dict with its handle")
        handle = state["handle"]
        if handle is None:
            return
        if not isinstance(handle, bytearray | bytes):
            raise _refuse(
                f"gives an xgboost.Booster a {type(handle).__name__} as its model bytes",
                "xgboost.core.Booster",
            )
        if isinstance(handle, bytes):
            state["handle"] = handle = bytearray(handle)
        try:
            check_pickled_buffer(handle)
        except FormatError as exc:
            raise _format_problem("the pickled xgboost.Booster holds", exc) from None
    elif name == "lightgbm.basic.Booster":
        from modelprivacy.load.formats.lightgbm import check_model_text

        if not isinstance(state, dict):
            raise _corrupt("the state of a lightgbm.Booster is not a dict")
        for key in ("_handle", "handle"):
            text = state.get(key)
            if text is None:
                continue
            if not isinstance(text, str):
                raise _refuse(
                    f"gives a lightgbm.Booster a {type(text).__name__} as its model text",
                    "lightgbm.basic.Booster",
                )
            try:
                check_model_text(text)
            except FormatError as exc:
                raise _format_problem(
                    "the pickled lightgbm.Booster holds a model text with", exc
                ) from None
    elif name.startswith("catboost.core."):
        from modelprivacy.load.formats.catboost import check_cbm

        if not isinstance(state, dict):
            raise _corrupt("the state of a CatBoost model is not a dict")
        blob = state.get("__model")
        if blob is not None:
            if not isinstance(blob, bytes | bytearray):
                raise _refuse(
                    f"gives a CatBoost model a {type(blob).__name__} as its model bytes", name
                )
            try:
                check_cbm(blob)
            except FormatError as exc:
                raise _format_problem(
                    "the pickled CatBoost model holds a model that", exc
                ) from None
        evals = [state.get("_test_eval"), *(state.get("_test_evals") or ())]
        for series in evals:
            # CatBoost's C++ core reads them as lists of numbers.
            if series is not None and not (
                isinstance(series, list)
                and all(
                    isinstance(row, list) and all(type(v) in (int, float) for v in row)
                    for row in series
                )
            ):
                raise _refuse("gives a CatBoost model test evaluations that are not numbers", name)
        _check_plain_tree(state, name)
    elif (
        name.startswith("statsmodels.")
        and isinstance(state, dict)
        and "restore_model_spec" in state
    ):
        raise _refuse(
            "is a statsmodels formula model, whose data object re-evaluates its formula "
            "(Python code from the file) when it is unpickled",
            name,
        )


def _harmless_doc(inst: Any, key: str, value: Any) -> bool:
    """Whether ``__doc__`` is the plain text that statsmodels objects keep (wrappers, varfuncs)."""
    return (
        key == "__doc__"
        and isinstance(value, str | type(None))
        and bool(_library_name(inst).startswith("statsmodels."))
    )


def _check_plain_tree(value: Any, name: str, depth: int = 0) -> None:
    """CatBoost parameters: only text, numbers, None and containers of them."""
    if depth > 20:
        raise _refuse("nests CatBoost parameters too deeply", name)
    if isinstance(value, _PLAIN):
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_plain_tree(item, name, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _check_plain_tree(key, name, depth + 1)
            _check_plain_tree(item, name, depth + 1)
        return
    import numpy as np

    if (
        isinstance(value, np.generic | np.ndarray)
        and not getattr(value, "dtype", np.dtype(object)).hasobject
    ):
        return
    raise _refuse(
        f"gives a CatBoost model a {type(value).__name__} object as a parameter (CatBoost "
        "would call a custom loss, metric or callback)",
        name,
    )


def _native_context(inst: Any) -> Any:
    """A single-threaded LightGBM while a pickled ``lightgbm.Booster`` is rebuilt."""
    import contextlib

    if _library_name(inst) == "lightgbm.basic.Booster":
        import lightgbm

        from modelprivacy.load.formats.lightgbm import single_threaded

        return single_threaded(lightgbm)
    return contextlib.nullcontext()


def _remaining(file: IO[bytes]) -> int:
    if isinstance(file, io.BytesIO):
        return len(file.getbuffer()) - file.tell()
    return sys.maxsize


def _is_tree(obj: Any) -> bool:
    kind = type(obj)
    return kind.__name__ == "Tree" and kind.__module__ == "sklearn.tree._tree"


def _check_tree_state(state: Any) -> None:
    import numpy as np

    if not isinstance(state, dict):
        raise _corrupt("the state of a decision tree")
    nodes, values, node_count = state.get("nodes"), state.get("values"), state.get("node_count")
    valid = (
        isinstance(nodes, np.ndarray)
        and nodes.ndim == 1
        and type(node_count) is int
        and node_count == nodes.shape[0]
        and isinstance(values, np.ndarray)
        and values.ndim == 3
        and values.shape[0] == node_count
        and type(state.get("max_depth")) is int
        and 0 <= state["max_depth"] <= node_count
    )
    if not valid:
        raise _corrupt("a decision tree whose node count does not match its arrays")


def _check_dtype(dtype: Any) -> None:
    """Refuse a dtype whose state differs from the dtype its description builds."""
    from modelprivacy.load.validate import _dtype_problem

    problem = _dtype_problem(dtype)
    if problem:
        raise _corrupt(f"a numpy dtype: {problem}")


def _check_bit_generator_state(inst: Any, state: Any) -> None:
    """The pickled state of a numpy BitGenerator, before ``__setstate__`` applies it."""
    from modelprivacy.load.validate import _bit_generator_state_problem

    value = state[0] if isinstance(state, tuple) and state else state
    name = type(inst).__name__
    problem = _bit_generator_state_problem(value)
    if problem is None and isinstance(value, dict) and value.get("bit_generator") != name:
        problem = f"the state of another bit generator than {name}"
    if problem:
        raise _corrupt(f"a {name} random generator with an impossible state: {problem}")


def _check_random_state(state: Any) -> None:
    """The legacy RandomState dict: its MT19937 state and cached Gaussian."""
    from modelprivacy.load.validate import _bit_generator_state_problem

    problem = _bit_generator_state_problem(state)
    if problem is None and (
        type(state.get("has_gauss")) is not int or not isinstance(state.get("gauss"), float | int)
    ):
        problem = "a malformed cached Gaussian"
    if problem:
        raise _corrupt(f"a numpy RandomState whose state is impossible: {problem}")


def drop_method_refs(refs: list[MethodRef]) -> None:
    """Remove the method markers stored as their owner's instance attribute.

    Raises
    ------
    UnsafeModelError
        A marker is stored anywhere else, or names a method that the owner's
        class does not have.
    """
    for ref in refs:
        owner = getattr(ref.obj, "__dict__", None)
        kind = type(ref.obj)
        ok = (
            isinstance(owner, dict)
            and owner.get(ref.name) is ref
            and callable(getattr(kind, ref.name, None))
        )
        if ok:
            assert isinstance(owner, dict)
            del owner[ref.name]
        # The list, the loop variable and getrefcount's argument: nothing else.
        if not ok or sys.getrefcount(ref) > 3:
            raise _refuse(
                f"stores the method {ref.name!r} of a {kind.__name__} where no model keeps one",
                "builtins.getattr",
            )
