r"""Text from a model file, made safe to print.

A model file is written by a stranger, and its strings reach the terminal:
category values, vocabulary tokens, feature names, dictionary keys in attribute
paths, the scikit-learn version a warning quotes, the text of an exception.
A string holding ``"\x1b[2K\x1b[1A"`` erases the line above; ``"\r"`` returns
to the start of the line and overwrites it; ``"\u202e"`` reverses what follows.
A file could use them to print a fake ``model is safe: no findings``.

Every such string goes through :func:`printable` (or :func:`short_repr` for an
object, :func:`one_line` for a message) before it is shown.

What is escaped
---------------

- every C0 control character, U+0000 to U+001F, including ``\n``, ``\r``,
  ``\t`` and ESC, and DEL (U+007F);
- every C1 control character, U+0080 to U+009F (``\x9b`` is a one-byte CSI
  in some terminals);
- the line and paragraph separators U+2028 and U+2029;
- lone surrogates (U+D800 to U+DFFF), which cannot be encoded and would make
  ``print`` fail;
- every invisible format character (Unicode category Cf): the bidirectional
  embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), the
  directional marks (U+200E, U+200F, U+061C), zero width space (U+200B),
  word joiner and invisible operators (U+2060 to U+2064), the byte order mark
  (U+FEFF), soft hyphen (U+00AD), interlinear annotations and the tag
  characters (U+E0000 block), which hide text from a reader.

Zero width non-joiner (U+200C) and zero width joiner (U+200D) are kept: they
are part of ordinary Persian and Indic words and of emoji, they neither move
the cursor nor reorder text, and escaping them would garble legitimate
category values. Printable characters of every script are kept as they are.

Escapes look like Python's: ``\n``, ``\r``, ``\t``, ``\x1b``, ``\u202e``,
``\U000e0041``. A backslash is not doubled, so the output is for reading, not
for parsing back; it never holds a character that a terminal acts on.
"""

from __future__ import annotations

import builtins
import itertools
import re
import reprlib
import sys
from collections.abc import Collection
from functools import lru_cache
from typing import Any

__all__ = [
    "describe_exception",
    "is_printable",
    "one_line",
    "printable",
    "short_repr",
]

# The characters that are escaped (see the module docstring). Built from the
# Unicode 15.1 categories Cc, Cf, Cs, Zl and Zp, minus U+200C and U+200D;
# tests/test_text.py checks it against the running Python's unicodedata.
_DANGEROUS = re.compile(
    "["
    "\x00-\x1f\x7f-\x9f\xad"
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "]"
)
_LINE_BREAK = re.compile(r"[ \t]*\r?\n\s*")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_MARKER = "...[+{n} chars]"


def _escape_char(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    cp = ord(ch)
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def _escape_match(match: re.Match[str]) -> str:
    return _escape_char(match.group())


def _as_text(obj: object) -> str:
    """``str(obj)``, without calling a ``__str__`` that a str subclass overrides."""
    if type(obj) is str:
        return obj
    if isinstance(obj, str):
        return str.__str__(obj)
    if isinstance(obj, (bytes, bytearray)):
        return short_repr(obj, limit=None)
    try:
        return str(obj)
    except Exception:
        return f"<unprintable {_type_name(type(obj))} object>"


def is_printable(text: str) -> bool:
    """Whether ``text`` holds no character that :func:`printable` escapes.

    Parameters
    ----------
    text : str
        Any string.

    Returns
    -------
    bool
        True when ``printable(text) == text`` (without a limit).
    """
    return text.isprintable() or _DANGEROUS.search(text) is None


def printable(text: object, limit: int | None = None) -> str:
    r"""Escape the control and invisible format characters of a text.

    Parameters
    ----------
    text : object
        The text. A ``str`` subclass is read as a plain string (its own
        ``__str__`` is not called); bytes are shown as their bounded repr;
        any other object is converted with ``str()`` (pass an object from a
        file to :func:`short_repr` instead, which calls no method of it).
    limit : int, optional
        The most characters the result may hold before the truncation marker
        ``...[+N chars]`` (N counts the characters of ``text`` left out). An
        escape sequence is never cut in two. ``None`` keeps the whole text.

    Returns
    -------
    str
        The text, with every character listed in the module docstring
        replaced by a visible escape such as ``\x1b``, ``\n`` or ``\u202e``.
        Applying it twice gives the same string.

    Raises
    ------
    ValueError
        If ``limit`` is negative.

    Examples
    --------
    >>> printable("1.3.0\x1b[2K\rmodel is safe")
    '1.3.0\\x1b[2K\\rmodel is safe'
    >>> printable("x" * 100, limit=10)
    'xxxxxxxxxx...[+90 chars]'
    """
    s = _as_text(text)
    if limit is None:
        return s if s.isprintable() else _DANGEROUS.sub(_escape_match, s)
    if limit < 0:
        raise ValueError(f"limit must be None or an int >= 0, got {limit!r}")
    head = s[:limit]
    if head.isprintable() or _DANGEROUS.search(head) is None:
        if len(s) <= limit:
            return s
        return head + _MARKER.format(n=len(s) - limit)
    pieces: list[str] = []
    used = kept = 0
    for ch in head:
        piece = _escape_char(ch) if _DANGEROUS.match(ch) else ch
        if used + len(piece) > limit:
            break
        pieces.append(piece)
        used += len(piece)
        kept += 1
    if kept < len(s):
        pieces.append(_MARKER.format(n=len(s) - kept))
    return "".join(pieces)


def one_line(message: object, limit: int | None = None) -> str:
    r"""Make a message one clean line.

    Surrounding whitespace is trimmed; each line break (``"\n"`` or
    ``"\r\n"``, with the spaces around it) becomes one space, so that the
    several lines of a library's error message read as one; then every other
    control character, a lone ``"\r"`` included, is escaped by
    :func:`printable`. The result can neither start a new line (which would
    pass for one of ours) nor return to the start of the line and overwrite it.

    Parameters
    ----------
    message : object
        The message (usually a str; see :func:`printable` for other objects).
    limit : int, optional
        The most characters to keep (see :func:`printable`).

    Returns
    -------
    str
        A single line without leading or trailing whitespace.

    Examples
    --------
    >>> one_line("Error tokenizing data.\nC error: saw 3 fields\n")
    'Error tokenizing data. C error: saw 3 fields'
    >>> one_line("1.3.0\rmodel is safe")
    '1.3.0\\rmodel is safe'
    """
    text = _LINE_BREAK.sub(" ", _as_text(message).strip())
    return printable(text, limit)


def describe_exception(exc: BaseException, limit: int | None = 300) -> str:
    """Describe an exception on one clean line: ``"TypeName: message"``.

    Safe for an exception raised by code from a file: a ``__str__`` that
    raises, a message that is huge or full of escape codes.

    Parameters
    ----------
    exc : BaseException
        The exception.
    limit : int or None, default=300
        The most characters of the message to keep.

    Returns
    -------
    str
        ``"RecursionError: maximum recursion depth exceeded"``, or just the
        type name when the message is empty or cannot be computed.
    """
    name = printable(_type_name(type(exc)), 80)
    try:
        text = str(exc)
    except Exception:
        text = ""
    text = one_line(text, limit)
    return f"{name}: {text}" if text else name


# -- bounded repr -------------------------------------------------------------


def _type_name(cls: type) -> str:
    """A class's ``__name__``, read from the type slot (a metaclass cannot intercept it)."""
    try:
        name = type.__dict__["__name__"].__get__(cls)
    except Exception:
        return "object"
    return name if type(name) is str else "object"


def _numpy() -> Any:
    """The numpy module if it is already imported (an object from numpy implies it is)."""
    return sys.modules.get("numpy")


_EXACT_SCALARS = (str, int, float, bool, bytes, type(None))


class _SafeRepr(reprlib.Repr):
    """A :class:`reprlib.Repr` that calls no method of the objects it shows.

    It dispatches on the exact type, not on the type's name (a class named
    ``str`` gets no special treatment), shows containers without sorting or
    hashing their items, and shows every other object as ``<ClassName
    object>``.
    """

    def __init__(self, maxstring: int) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxtuple = self.maxlist = self.maxdeque = self.maxarray = 6
        self.maxset = self.maxfrozenset = 6
        self.maxdict = 4
        self.maxstring = maxstring
        self.maxlong = 40
        self.maxother = 40

    def repr1(self, x: Any, level: int) -> str:
        cls = type(x)
        if cls is str:
            return self.repr_str(x, level)
        if cls in (bytes, bytearray):
            return self._repr_bytes(x)
        if cls is int:
            return self.repr_int(x, level)
        if cls in (float, complex, bool, type(None)) or x is Ellipsis:
            return builtins.repr(x)
        if cls is list:
            return self._repr_items(x, level, "[", "]", self.maxlist)
        if cls is tuple:
            return self._repr_items(x, level, "(", ",)" if len(x) == 1 else ")", self.maxtuple)
        if cls is dict:
            return self.repr_dict(x, level)
        if cls in (set, frozenset):
            return self._repr_set(x, level)
        if isinstance(x, type):
            return self._repr_class(x)
        np = _numpy()
        if np is not None:
            if isinstance(x, np.ndarray):
                return f"<{_type_name(cls)} shape={x.shape!r} dtype={x.dtype.name}>"
            if isinstance(x, np.generic):
                return self._repr_numpy_scalar(x, level, np)
        return self.repr_instance(x, level)

    def _repr_items(self, x: Collection[Any], level: int, left: str, right: str, most: int) -> str:
        if not x:
            return left + right
        if level <= 0:
            return left + self.fillvalue + right
        pieces = [self.repr1(item, level - 1) for item in itertools.islice(x, most)]
        if len(x) > most:
            pieces.append(self.fillvalue)
        return left + ", ".join(pieces) + right

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 4096:  # its repr would raise (or take quadratic time)
            return f"<int of {x.bit_length():,} bits>"
        return super().repr_int(x, level)

    def _repr_bytes(self, x: bytes | bytearray) -> str:
        s = builtins.repr(bytes(x[: self.maxstring]))
        if len(x) > self.maxstring:
            s += self.fillvalue
        return s if type(x) is bytes else f"bytearray({s})"

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{" + self.fillvalue + "}"
        pieces = [
            f"{self.repr1(k, level - 1)}: {self.repr1(v, level - 1)}"
            for k, v in itertools.islice(dict.items(x), self.maxdict)
        ]
        if len(x) > self.maxdict:
            pieces.append(self.fillvalue)
        return "{" + ", ".join(pieces) + "}"

    def _repr_set(self, x: set[Any] | frozenset[Any], level: int) -> str:
        left, right = ("{", "}") if type(x) is set else ("frozenset({", "})")
        if not x:
            return "set()" if type(x) is set else "frozenset()"
        items: Any = x
        if len(x) <= 10_000:
            kinds = {type(v) for v in x}
            if len(kinds) == 1 and kinds <= {str, int, float, bytes}:
                items = sorted(x)  # builtin comparisons only: deterministic and safe
        return self._repr_items(items, level, left, right, self.maxset)

    def _repr_class(self, cls: type) -> str:
        try:
            module = type.__dict__["__module__"].__get__(cls)
            qualname = type.__dict__["__qualname__"].__get__(cls)
        except Exception:
            return "<class>"
        if type(module) is not str or type(qualname) is not str:
            return "<class>"
        name = qualname if module == "builtins" else f"{module}.{qualname}"
        return f"<class {self.repr_str(name, 0)}>"

    def _repr_numpy_scalar(self, x: Any, level: int, np: Any) -> str:
        if isinstance(x, np.str_):
            return self.repr_str(str.__str__(x), level)
        if isinstance(x, np.bytes_):
            return self._repr_bytes(bytes(x))
        if x.dtype.kind in "biufc":
            return self.repr1(x.item(), level)
        return f"<numpy.{_type_name(type(x))} object>"

    def repr_instance(self, x: Any, level: int) -> str:
        return f"<{_type_name(type(x))} object>"


@lru_cache(maxsize=16)
def _repr_for(maxstring: int) -> _SafeRepr:
    return _SafeRepr(maxstring)


def short_repr(obj: object, limit: int | None = 80) -> str:
    """A bounded, printable repr of any object, safe for objects from a file.

    Built on :class:`reprlib.Repr`: strings, numbers, bytes and the builtin
    containers are shown like ``repr`` (long strings shortened in the middle,
    at most a few items per container and three levels deep, so a huge or
    deeply nested container costs next to nothing); numpy arrays show their
    shape and dtype; classes show their qualified name; every other object is
    ``<ClassName object>``. No ``__repr__``, ``__str__``, ``__eq__``,
    ``__hash__`` or ``__lt__`` of the object is called.

    Parameters
    ----------
    obj : object
        Anything.
    limit : int or None, default=80
        The most characters of the result (see :func:`printable`).

    Returns
    -------
    str
        The repr, passed through :func:`printable`.

    Examples
    --------
    >>> short_repr("count")
    "'count'"
    >>> short_repr(list(range(100)))
    '[0, 1, 2, 3, 4, 5, ...]'
    """
    maxstring = 60 if limit is None else max(8, min(limit - 2, 200))
    try:
        text = _repr_for(maxstring).repr(obj)
    except Exception:  # RecursionError, MemoryError, a hostile buffer: show the type only
        text = f"<{_type_name(type(obj))} object>"
    return printable(text, limit)
