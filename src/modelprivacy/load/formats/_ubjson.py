"""A small, bounded decoder of UBJSON, the binary JSON that XGBoost writes.

XGBoost's ``.ubj`` files and the buffer inside a pickled ``xgboost.Booster``
are UBJSON (https://ubjson.org) as XGBoost's ``UBJWriter`` writes it:
big-endian numbers, objects whose keys are length-prefixed strings without a
type marker, and typed arrays (``[$d#L<n>`` then ``n`` float32 values). The
decoder reads them into plain Python values (dict, list, str, int, float,
bool, None) with every length checked against the bytes that remain, a
bounded nesting depth and a bounded total count of values, so that a crafted
file cannot make it allocate, recurse or loop beyond the file's own size.
"""

from __future__ import annotations

import array
import struct
import sys
from typing import Any

__all__ = ["UBJSONError", "decode"]

#: Deepest nesting of objects and arrays accepted.
MAX_DEPTH = 64

_NUMBERS: dict[int, tuple[str, int]] = {
    ord("i"): (">b", 1),
    ord("U"): (">B", 1),
    ord("I"): (">h", 2),
    ord("l"): (">i", 4),
    ord("L"): (">q", 8),
    ord("d"): (">f", 4),
    ord("D"): (">d", 8),
}
#: The same, compiled: ``{marker: (struct.Struct, size)}`` (read in place, no slice).
_STRUCTS: dict[int, tuple[struct.Struct, int]] = {
    code: (struct.Struct(fmt), size) for code, (fmt, size) in _NUMBERS.items()
}
_INTEGERS = {code: _STRUCTS[code] for code in map(ord, "iUIlL")}
_TYPED_ARRAY_CODES = {
    ord("i"): "b",
    ord("U"): "B",
    ord("I"): "h",
    ord("l"): "i",
    ord("L"): "q",
    ord("d"): "f",
    ord("D"): "d",
}
_STRING_CODES = (ord("S"), ord("H"))


class UBJSONError(ValueError):
    """The bytes are not valid (or not bounded) UBJSON; the message says where."""


class _Reader:
    def __init__(self, data: bytes, max_values: int) -> None:
        self.data = memoryview(data)
        self.raw = bytes(data)
        self.size = len(data)
        self.pos = 0
        self.values = 0
        self.max_values = max_values

    def fail(self, what: str) -> UBJSONError:
        return UBJSONError(f"{what} at byte {self.pos}")

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > self.size:
            raise self.fail(f"truncated: {n} bytes declared, {self.size - self.pos} left")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def marker(self) -> int:
        pos = self.pos
        if pos >= self.size:
            raise self.fail("truncated: a value is missing")
        self.pos = pos + 1
        return self.raw[pos]

    def count(self, n: int = 1) -> None:
        """Count ``n`` more values against the bound."""
        self.values += n
        if self.values > self.max_values:
            raise self.fail(f"more than {self.max_values:,} values")

    def _number(self, packed: struct.Struct, width: int) -> Any:
        pos = self.pos
        if pos + width > self.size:
            raise self.fail(f"truncated: {width} bytes declared, {self.size - pos} left")
        self.pos = pos + width
        return packed.unpack_from(self.raw, pos)[0]

    def integer(self, code: int) -> int:
        found = _INTEGERS.get(code)
        if found is None:
            raise self.fail(f"a length of type {chr(code)!r}, not an integer")
        value = int(self._number(*found))
        if value < 0:
            raise self.fail("a negative length")
        return value

    def string(self) -> str:
        size = self.integer(self.marker())
        pos = self.pos
        if pos + size > self.size:
            raise self.fail(f"truncated: {size} bytes declared, {self.size - pos} left")
        self.pos = pos + size
        try:
            return self.raw[pos : pos + size].decode("utf-8")
        except UnicodeDecodeError:
            raise self.fail("a string that is not UTF-8") from None

    def key(self) -> str:
        """An object's key: a string without its type marker; ``U`` lengths read in place."""
        raw, pos = self.raw, self.pos
        if pos + 2 <= self.size and raw[pos] == 85:  # "U": a length of one unsigned byte
            start = pos + 2
            stop = start + raw[pos + 1]
            if stop <= self.size:
                self.pos = stop
                try:
                    return raw[start:stop].decode("utf-8")
                except UnicodeDecodeError:
                    raise self.fail("a string that is not UTF-8") from None
        return self.string()

    def value(self, code: int, depth: int) -> Any:
        self.count()
        number = _STRUCTS.get(code)
        if number is not None:
            return self._number(*number)
        if code in _STRING_CODES:
            return self.string()
        if code == ord("C"):
            return chr(self.take(1)[0])
        if code == ord("T"):
            return True
        if code == ord("F"):
            return False
        if code == ord("Z"):
            return None
        if code in (ord("["), ord("{")):
            if depth >= MAX_DEPTH:
                raise self.fail(f"nesting deeper than {MAX_DEPTH}")
            return self.array(depth + 1) if code == ord("[") else self.object(depth + 1)
        raise self.fail(f"an unknown type marker {bytes([code])!r}")

    def container_header(self) -> tuple[int | None, int | None]:
        """The optional ``$type`` and ``#count`` of an array or object."""
        kind: int | None = None
        size: int | None = None
        raw, end = self.raw, self.size
        if self.pos < end and raw[self.pos] == 36:  # "$"
            self.pos += 1
            kind = self.marker()
            if self.pos >= end or raw[self.pos] != 35:  # "#"
                raise self.fail("a typed container without a count")
        if self.pos < end and raw[self.pos] == 35:  # "#"
            self.pos += 1
            size = self.integer(self.marker())
            if size > end - self.pos and kind not in (ord("Z"), ord("T"), ord("F")):
                raise self.fail(f"a container of {size:,} items in {end - self.pos:,} bytes")
        return kind, size

    def array(self, depth: int) -> list[Any]:
        kind, size = self.container_header()
        if kind is not None and size is not None:
            typed = _TYPED_ARRAY_CODES.get(kind)
            if typed is not None:
                width = struct.calcsize(typed)
                raw = self.take(size * width)
                self.count(size)
                values = array.array(typed)
                if values.itemsize != width:  # a platform whose C types differ in size
                    return list(struct.unpack(f">{size}{typed}", raw))
                values.frombytes(raw)
                if sys.byteorder == "little":  # UBJSON is big-endian
                    values.byteswap()
                return values.tolist()
            if kind in (ord("Z"), ord("T"), ord("F")):
                raise self.fail("an array of constant values")
        out: list[Any] = []
        if size is not None:
            for _ in range(size):
                out.append(self.value(kind if kind is not None else self.marker(), depth))
            return out
        while True:
            code = self.marker()
            if code == ord("]"):
                return out
            out.append(self.value(code, depth))

    def object(self, depth: int) -> dict[str, Any]:
        kind, size = self.container_header()
        out: dict[str, Any] = {}
        if size is not None:
            for _ in range(size):
                key = self.key()
                out[key] = self.value(kind if kind is not None else self.marker(), depth)
            return out
        while True:
            if self.pos < self.size and self.raw[self.pos] == 125:  # "}"
                self.pos += 1
                return out
            key = self.key()
            out[key] = self.value(self.marker(), depth)


def decode(data: bytes, *, max_values: int = 50_000_000) -> Any:
    """Decode UBJSON bytes into plain Python values.

    Parameters
    ----------
    data : bytes
        The whole document.
    max_values : int, default=50_000_000
        The most values (numbers, strings, containers) accepted.

    Returns
    -------
    object
        dict, list, str, int, float, bool or None.

    Raises
    ------
    UBJSONError
        The bytes are truncated, use an unknown marker, declare a length
        beyond the bytes that remain, nest deeper than :data:`MAX_DEPTH`,
        hold more than ``max_values`` values, or have bytes after the end.
    """
    reader = _Reader(bytes(data), max_values)
    value = reader.value(reader.marker(), 0)
    if reader.pos != len(reader.data):
        raise reader.fail(f"{len(reader.data) - reader.pos} bytes after the end of the document")
    return value
