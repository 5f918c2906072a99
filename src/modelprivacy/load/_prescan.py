"""Static scan of a pickle or joblib stream, before anything in it runs.

:func:`prescan` reads the whole opcode stream with :func:`pickletools.genops`
and a small symbolic stack, without importing or calling anything the file
names. It lists every global the file refers to (GLOBAL and INST operands,
and the two strings on the stack at each STACK_GLOBAL, memoised strings
included), so that a file naming anything outside the allowlist is refused
with the complete list of refused names and nothing from it runs, not even the
allowed part. It also refuses what no model pickle needs and what only serves
an attack:

- EXT1/EXT2/EXT4 (the copyreg extension registry) and persistent IDs;
- memo indexes beyond the number of opcodes read so far (a ``LONG_BINPUT
  2**27`` makes the C unpickler allocate a memo of that size);
- MARK nesting deeper than :data:`MAX_NESTING`;
- more than :data:`MAX_CALLS` calls (REDUCE, NEWOBJ, NEWOBJ_EX, INST, OBJ and
  BUILD).

joblib files interleave raw array bytes with the pickle stream: after the
BUILD of each ``NumpyArrayWrapper`` come the bytes of its array. The scan reads
the wrapper's header from its symbolic state (shape, dtype code, alignment),
skips exactly that many bytes, and scans the nested pickle of object arrays
the same way.
"""

from __future__ import annotations

import copyreg
import pickletools
import re
from dataclasses import dataclass, field
from typing import IO, Any

from modelprivacy.errors import ModelLoadError, ModelPrivacyError, UnsafeModelError
from modelprivacy.load._restricted import TRUST_HINT

__all__ = ["MAX_CALLS", "MAX_NESTING", "ScanResult", "prescan"]

#: Most MARKs open at once (nested tuples, lists, dicts and INST calls).
MAX_NESTING = 1000
#: Most calls (REDUCE, NEWOBJ, NEWOBJ_EX, INST, OBJ, BUILD) in one file.
MAX_CALLS = 20_000_000

_WRAPPER = "joblib.numpy_pickle.NumpyArrayWrapper"
_DTYPE_NAMES = ("numpy.dtype",)
# A dtype code as numpy pickles it: "f8", "<i4", "V24", "U10", "O8", "M8", "b1"...
_DTYPE_CODE = re.compile(r"[<>|=]?[a-zA-Z?]\d{0,9}")

_STRING_OPS = frozenset(
    {
        "STRING",
        "BINSTRING",
        "SHORT_BINSTRING",
        "UNICODE",
        "BINUNICODE",
        "SHORT_BINUNICODE",
        "BINUNICODE8",
    }
)
_CONST_OPS = frozenset(
    {
        "INT",
        "BININT",
        "BININT1",
        "BININT2",
        "LONG",
        "LONG1",
        "LONG4",
        "FLOAT",
        "BINFLOAT",
        "BINBYTES",
        "SHORT_BINBYTES",
        "BINBYTES8",
    }
)
_GET_OPS = frozenset({"GET", "BINGET", "LONG_BINGET"})
_PUT_OPS = frozenset({"PUT", "BINPUT", "LONG_BINPUT"})
_CALL_OPS = frozenset({"REDUCE", "NEWOBJ", "NEWOBJ_EX", "INST", "OBJ", "BUILD"})
_EXT_OPS = frozenset({"EXT1", "EXT2", "EXT4"})
_PERSID_OPS = frozenset({"PERSID", "BINPERSID"})


(
    _PUSH,
    _GET,
    _PUT,
    _MEMOIZE,
    _MARKOP,
    _CALL,
    _TUPLE,
    _DICT,
    _SETITEMS,
    _CONST,
    _GLOBAL,
    _EXT,
    _PERSID,
    _DUP,
    _STOP,
    _OTHER,
) = (object() for _ in range(16))
_KINDS: dict[str, object] = {
    **dict.fromkeys(_STRING_OPS | _CONST_OPS, _PUSH),
    **dict.fromkeys(_GET_OPS, _GET),
    **dict.fromkeys(_PUT_OPS, _PUT),
    "MEMOIZE": _MEMOIZE,
    "MARK": _MARKOP,
    **dict.fromkeys(_CALL_OPS, _CALL),
    **dict.fromkeys(("TUPLE", "TUPLE1", "TUPLE2", "TUPLE3", "EMPTY_TUPLE"), _TUPLE),
    "EMPTY_DICT": _DICT,
    "DICT": _DICT,
    "SETITEM": _SETITEMS,
    "SETITEMS": _SETITEMS,
    "NONE": _CONST,
    "NEWTRUE": _CONST,
    "NEWFALSE": _CONST,
    "GLOBAL": _GLOBAL,
    "INST": _GLOBAL,
    "STACK_GLOBAL": _GLOBAL,
    **dict.fromkeys(_EXT_OPS, _EXT),
    **dict.fromkeys(_PERSID_OPS, _PERSID),
    "DUP": _DUP,
    "STOP": _STOP,
}
_TUPLE_SIZES = {"TUPLE": -1, "EMPTY_TUPLE": 0, "TUPLE1": 1, "TUPLE2": 2, "TUPLE3": 3}
_CONSTANTS = {"NONE": None, "NEWTRUE": True, "NEWFALSE": False}


class _Sym:
    """A symbolic value: a global the file names, or the result of calling one."""

    __slots__ = ("args", "name", "state")

    def __init__(self, name: str, args: Any = None) -> None:
        self.name = name
        self.args = args
        self.state: Any = None


class _Dict:
    """A dict built by the stream, with its string keys tracked."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: dict[str, Any] = {}


_MARK = object()


@dataclass
class ScanResult:
    """What the scan found.

    Attributes
    ----------
    globals : list of (str, str)
        Every ``(module, name)`` the stream refers to, in order of first use.
        They are kept apart: ``name`` may itself be dotted (``os.system`` in
        the module ``sklearn.datasets._base``).
    calls : int
        Number of call opcodes (REDUCE, NEWOBJ, NEWOBJ_EX, INST, OBJ, BUILD).
    arrays : int
        Number of joblib array payloads skipped.
    """

    globals: list[tuple[str, str]] = field(default_factory=list)
    calls: int = 0
    arrays: int = 0


def prescan(file: IO[bytes], *, joblib: bool, result: ScanResult | None = None) -> ScanResult:
    """Scan one pickle stream (up to its STOP) from the current position of ``file``.

    Parameters
    ----------
    file : binary file object
        The (decompressed) stream. It is read, never executed.
    joblib : bool
        Whether raw array bytes follow each ``NumpyArrayWrapper`` (joblib files).
    result : ScanResult, optional
        Accumulate into this result (used for the nested pickles of object arrays).

    Returns
    -------
    ScanResult
        The globals named and the counts.

    Raises
    ------
    UnsafeModelError
        The stream uses the extension registry or persistent IDs, or has more
        calls than :data:`MAX_CALLS`.
    ModelLoadError
        The stream is malformed: a memo index out of range, MARKs nested too
        deeply, a STACK_GLOBAL whose operands are not strings, or a joblib
        array header that cannot be read.
    """
    out = result if result is not None else ScanResult()
    seen = set(out.globals)
    try:
        _run(file, joblib, out, seen)
    except ModelPrivacyError:
        raise
    except (ValueError, EOFError, UnicodeDecodeError, OverflowError, MemoryError) as exc:
        raise ModelLoadError(
            f"the file is truncated or corrupted ({type(exc).__name__}: {str(exc)[:100]}); "
            "copy the complete file again or save the model again"
        ) from None
    return out


def _run(file: IO[bytes], joblib: bool, out: ScanResult, seen: set[tuple[str, str]]) -> None:
    """The scan loop of :func:`prescan`."""
    stack: list[Any] = []
    marks: list[int] = []
    memo: dict[int, Any] = {}

    def name_global(module: str, qualname: str) -> _Sym:
        if (module, qualname) not in seen:
            seen.add((module, qualname))
            out.globals.append((module, qualname))
        return _Sym(f"{module}.{qualname}")

    def pop_mark() -> list[Any]:
        if not marks:
            raise ModelLoadError(
                "the file is corrupted: an opcode expects a MARK that is not there"
            )
        start = marks.pop()
        items = stack[start:]
        del stack[start:]
        return items

    def pop(n: int = 1) -> list[Any]:
        if len(stack) < n:
            raise ModelLoadError("the file is corrupted: an opcode pops an empty stack")
        items = stack[len(stack) - n :]
        del stack[len(stack) - n :]
        return items

    kinds = _KINDS
    for count, (opcode, arg, _pos) in enumerate(pickletools.genops(file), 1):
        kind = kinds.get(opcode.name, _OTHER)
        if kind is _PUSH:
            stack.append(arg)
        elif kind is _GET:
            if arg not in memo:
                raise ModelLoadError(
                    f"the file is corrupted: memo index {arg} is read before it is set"
                )
            stack.append(memo[arg])
        elif kind is _MEMOIZE:
            if not stack:
                raise ModelLoadError("the file is corrupted: MEMOIZE with an empty stack")
            memo[len(memo)] = stack[-1]
        elif kind is _MARKOP:
            marks.append(len(stack))
            if len(marks) > MAX_NESTING:
                raise ModelLoadError(
                    f"the file nests containers more than {MAX_NESTING} levels deep, which no "
                    "model needs; it was refused"
                )
        elif kind is _PUT:
            if not isinstance(arg, int) or not 0 <= arg <= count:
                raise ModelLoadError(
                    f"the file sets memo index {str(arg)[:20]} after {count} opcodes, which no "
                    "pickler writes (a memory bomb for the C unpickler); it was refused"
                )
            if not stack:
                raise ModelLoadError("the file is corrupted: a memo PUT with an empty stack")
            memo[arg] = stack[-1]
        elif kind is _CALL:
            out.calls += 1
            if out.calls > MAX_CALLS:
                raise UnsafeModelError(
                    f"the file makes more than {MAX_CALLS:,} calls while loading, far more "
                    f"than any model; it was refused; {TRUST_HINT}",
                    untrusted=(),
                )
            name = opcode.name
            if name == "BUILD":
                state, obj = pop(1)[0], (stack[-1] if stack else None)
                if isinstance(obj, _Sym):
                    obj.state = state
                    if joblib and obj.name == _WRAPPER:
                        _skip_array(file, obj, out)
            elif name == "OBJ":
                items = pop_mark()
                if not items:
                    raise ModelLoadError("the file is corrupted: OBJ without a class")
                cls = items[0]
                stack.append(_Sym(cls.name if isinstance(cls, _Sym) else "?", tuple(items[1:])))
            else:
                items = pop(3 if name == "NEWOBJ_EX" else 2)
                func = items[0]
                stack.append(_Sym(func.name if isinstance(func, _Sym) else "?", items[1]))
        elif kind is _TUPLE:
            size = _TUPLE_SIZES[opcode.name]
            if size < 0:
                stack.append(tuple(pop_mark()))
            else:
                stack.append(tuple(pop(size)) if size else ())
        elif kind is _DICT:
            d = _Dict()
            if opcode.name == "DICT":
                _set_items(d, pop_mark())
            stack.append(d)
        elif kind is _SETITEMS:
            items = pop(2) if opcode.name == "SETITEM" else pop_mark()
            target = stack[-1] if stack else None
            if isinstance(target, _Dict):
                _set_items(target, items)
        elif kind is _CONST:
            stack.append(_CONSTANTS[opcode.name])
        elif kind is _GLOBAL:
            name = opcode.name
            if name == "STACK_GLOBAL":
                module, qualname = pop(2)
                if not isinstance(module, str) or not isinstance(qualname, str):
                    raise ModelLoadError(
                        "the file computes the name of a global (STACK_GLOBAL without two "
                        "strings), which no pickler writes; it was refused"
                    )
                stack.append(name_global(module, qualname))
            else:
                module, _, qualname = str(arg).partition(" ")
                sym = name_global(module, qualname)
                if name == "INST":
                    pop_mark()
                    stack.append(_Sym(sym.name, ()))
                else:
                    stack.append(sym)
        elif kind is _EXT:
            # Only looked up, to name it: the registry is this process's, not the file's.
            registered = copyreg._inverted_registry.get(arg)  # type: ignore[attr-defined]
            target_name = ".".join(registered) if registered else f"extension code {arg}"
            raise UnsafeModelError(
                f"the file refers to code through the copyreg extension registry "
                f"({opcode.name} code {arg}"
                f"{', registered here as ' + target_name if registered else ''}), which "
                f"hides the name of what it calls; it was refused; {TRUST_HINT}",
                untrusted=(target_name,),
            )
        elif kind is _PERSID:
            raise UnsafeModelError(
                "the file uses persistent IDs, which a model file never needs and which "
                f"would hand objects of the loader to the file; it was refused; {TRUST_HINT}",
                untrusted=("persistent id",),
            )
        elif kind is _DUP:
            stack.append(stack[-1] if stack else None)
        elif kind is _STOP:
            break
        else:
            _generic(opcode, stack, marks, pop, pop_mark)


def _set_items(d: _Dict, items: list[Any]) -> None:
    for key, value in zip(items[::2], items[1::2], strict=False):
        if isinstance(key, str):
            d.items[key] = value


def _generic(opcode: Any, stack: list[Any], marks: list[int], pop: Any, pop_mark: Any) -> None:
    """Apply an opcode's stack effect with unknown values (lists, frames, POP...)."""
    before = opcode.stack_before
    if pickletools.markobject in before:
        pop_mark()
        extra = before.index(pickletools.markobject)
        if extra:
            pop(extra)
    elif before:
        pop(len(before))
    stack.extend([None] * len(opcode.stack_after))


def _skip_array(file: IO[bytes], wrapper: _Sym, out: ScanResult) -> None:
    """Skip the raw bytes of a joblib array (or scan its nested pickle)."""
    import numpy as np

    state = wrapper.state
    header = state.items if isinstance(state, _Dict) else None
    dtype = header.get("dtype") if header else None
    shape = header.get("shape") if header else None
    code = dtype.args[0] if isinstance(dtype, _Sym) and isinstance(dtype.args, tuple) else None
    valid = (
        isinstance(dtype, _Sym)
        and dtype.name in _DTYPE_NAMES
        and isinstance(code, str)
        and _DTYPE_CODE.fullmatch(code) is not None
        and isinstance(shape, tuple)
        and all(isinstance(n, int) and n >= 0 for n in shape)
    )
    if not valid:
        raise ModelLoadError(
            "the file has a joblib array whose header cannot be read (shape and dtype must be "
            "plain values); it is corrupted or was crafted: save the model again"
        )
    assert isinstance(code, str) and isinstance(shape, tuple) and header is not None
    out.arrays += 1
    kind = np.dtype(code)
    if kind.hasobject:
        prescan(file, joblib=True, result=out)
        return
    if header.get("numpy_array_alignment_bytes") is not None:
        pad = file.read(1)
        if len(pad) != 1 or len(file.read(pad[0])) != pad[0]:
            raise ModelLoadError("the file is truncated inside a joblib array; copy it again")
    count = 1
    for n in shape:
        count *= n
    _skip(file, count * kind.itemsize)


def _skip(file: IO[bytes], nbytes: int) -> None:
    if file.seekable():
        start = file.tell()
        end = file.seek(0, 2)
        if end - start < nbytes:
            raise ModelLoadError(
                "the file is truncated or corrupted: it ends inside a joblib array (it declares "
                "more bytes than it has); copy the complete file again or save the model again"
            )
        file.seek(start + nbytes)
        return
    left = nbytes
    while left:
        chunk = file.read(min(left, 1 << 20))
        if not chunk:
            raise ModelLoadError("the file is truncated inside a joblib array; copy it again")
        left -= len(chunk)
