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

import struct
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
_TYPED_ARRAY_CODES = {
    ord("i"): "b",
    ord("U"): "B",
    ord("I"): "h",
    ord("l"): "i",
    ord("L"): "q",
    ord("d"): "f",
    ord("D"): "d",
}


class UBJSONError(ValueError):
    """The bytes are not valid (or not bounded) UBJSON; the message says where."""


class _Reader:
    def __init__(self, data: bytes, max_values: int) -> None:
        self.data = memoryview(data)
        self.pos = 0
        self.values = 0
        self.max_values = max_values

    def fail(self, what: str) -> UBJSONError:
        return UBJSONError(f"{what} at byte {self.pos}")

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise self.fail(f"truncated: {n} bytes declared, {len(self.data) - self.pos} left")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def marker(self) -> int:
        if self.pos >= len(self.data):
            raise self.fail("truncated: a value is missing")
        code = self.data[self.pos]
        self.pos += 1
        return code

    def count(self) -> None:
        self.values += 1
        if self.values > self.max_values:
            raise self.fail(f"more than {self.max_values:,} values")

    def integer(self, code: int) -> int:
        fmt = _NUMBERS.get(code)
        if fmt is None or code in (ord("d"), ord("D")):
            raise self.fail(f"a length of type {chr(code)!r}, not an integer")
        value = int(struct.unpack(fmt[0], self.take(fmt[1]))[0])
        if value < 0:
            raise self.fail("a negative length")
        return value

    def string(self) -> str:
        size = self.integer(self.marker())
        try:
            return str(self.take(size), "utf-8")
        except UnicodeDecodeError:
            raise self.fail("a string that is not UTF-8") from None

    def value(self, code: int, depth: int) -> Any:
        self.count()
        number = _NUMBERS.get(code)
        if number is not None:
            return struct.unpack(number[0], self.take(number[1]))[0]
        if code == ord("S") or code == ord("H"):
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
        if self.pos < len(self.data) and self.data[self.pos] == ord("$"):
            self.pos += 1
            kind = self.marker()
            if self.pos >= len(self.data) or self.data[self.pos] != ord("#"):
                raise self.fail("a typed container without a count")
        if self.pos < len(self.data) and self.data[self.pos] == ord("#"):
            self.pos += 1
            size = self.integer(self.marker())
            if size > len(self.data) - self.pos and kind not in (ord("Z"), ord("T"), ord("F")):
                raise self.fail(
                    f"a container of {size:,} items in {len(self.data) - self.pos:,} bytes"
                )
        return kind, size

    def array(self, depth: int) -> list[Any]:
        kind, size = self.container_header()
        if kind is not None and size is not None:
            typed = _TYPED_ARRAY_CODES.get(kind)
            if typed is not None:
                width = struct.calcsize(typed)
                raw = self.take(size * width)
                self.values += size
                if self.values > self.max_values:
                    raise self.fail(f"more than {self.max_values:,} values")
                return list(struct.unpack(f">{size}{typed}", raw))
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
                key = self.string()
                out[key] = self.value(kind if kind is not None else self.marker(), depth)
            return out
        while True:
            if self.pos < len(self.data) and self.data[self.pos] == ord("}"):
                self.pos += 1
                return out
            key = self.string()
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
