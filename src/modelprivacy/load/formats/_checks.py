"""Shared pieces of the format validators: the problem type and tree checks.

Each validator reads a model file as data and raises :class:`FormatError`
with a short description ("tree 3 has a child index 9 out of range 0..4")
for anything a library's native parser should never see. The format modules
turn it into a one-line :class:`~modelprivacy.errors.ModelLoadError` naming
the file; the restricted unpickler into one naming the pickled state.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from modelprivacy.errors import ModelLoadError

__all__ = [
    "MAX_NODES",
    "FormatError",
    "as_dict",
    "as_int",
    "as_list",
    "check_binary_tree",
    "load_error",
    "parse_json",
]

#: The most nodes (or leaves) of all trees of one model.
MAX_NODES = 50_000_000
#: The most features a model may declare.
MAX_FEATURES = 10_000_000


class FormatError(ValueError):
    """What is wrong with a model file's content, in a few words."""


def load_error(subject: str, title: str, problem: str) -> ModelLoadError:
    """The one-line error for ``subject``, which is ``title`` but has ``problem``."""
    return ModelLoadError(
        f"{subject} is {title} that cannot be loaded safely: {problem}; it is truncated, "
        "corrupt or crafted: save the model again with its library"
    )


def parse_json(data: bytes) -> Any:
    """Parse JSON bytes into plain values, or raise :class:`FormatError`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"it is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"it is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except (RecursionError, ValueError) as exc:
        raise FormatError(f"it is not valid JSON ({type(exc).__name__})") from None


def as_dict(value: Any, what: str) -> dict[str, Any]:
    """``value`` if it is a dict, else a problem naming ``what``."""
    if not isinstance(value, dict):
        raise FormatError(f"{what} is a {type(value).__name__}, not an object")
    return value


def as_list(value: Any, what: str, length: int | None = None) -> list[Any]:
    """``value`` if it is a list (of ``length`` items), else a problem naming ``what``."""
    if not isinstance(value, list):
        raise FormatError(f"{what} is a {type(value).__name__}, not an array")
    if length is not None and len(value) != length:
        raise FormatError(f"{what} has {len(value)} items instead of {length}")
    return value


def as_int(value: Any, what: str, low: int, high: int) -> int:
    """An integer (or its decimal text) within ``low..high``, else a problem."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 30:
        value = int(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(f"{what} is {str(value)[:30]!r}, not an integer")
    if not low <= value <= high:
        raise FormatError(f"{what} is {value}, outside {low}..{high}")
    return value


def ints(values: Sequence[Any], what: str) -> list[int]:
    """Every item an integer (not a bool), else a problem naming ``what``."""
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int):
            raise FormatError(f"{what} holds {str(v)[:30]!r}, not an integer")
    return list(values)


def numbers(values: Sequence[Any], what: str) -> None:
    """Every item a number, else a problem naming ``what``."""
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise FormatError(f"{what} holds {str(v)[:30]!r}, not a number")


def check_binary_tree(
    left: Sequence[int],
    right: Sequence[int],
    what: str,
    *,
    is_leaf: Any,
    allow_unreached: int = 0,
) -> list[int]:
    """Check that children form one tree from node 0 and return the internal nodes reached.

    Parameters
    ----------
    left, right : sequence of int
        The children of each node.
    what : str
        The tree, for messages ("tree 3").
    is_leaf : callable
        ``is_leaf(i, child)`` tells whether ``child`` (an entry of ``left`` or
        ``right``) refers to a leaf rather than a node; a node index must then
        be in range.
    allow_unreached : int, default=0
        How many nodes may be unreachable from node 0 (deleted nodes).

    Returns
    -------
    list of int
        The nodes reached from node 0, in visit order.
    """
    n = len(left)
    if len(right) != n:
        raise FormatError(f"{what} has {n} left and {len(right)} right children")
    if n == 0:
        return []
    seen = bytearray(n)
    order: list[int] = []
    stack = [0]
    seen[0] = 1
    while stack:
        node = stack.pop()
        order.append(node)
        for child in (left[node], right[node]):
            if is_leaf(node, child):
                continue
            if child == 0:
                raise FormatError(f"{what} has a cycle: node {node} points back at node 0")
            if not 0 < child < n:
                raise FormatError(f"{what} has a child index {child} out of range 1..{n - 1}")
            if seen[child]:
                raise FormatError(f"{what} reaches node {child} twice (a cycle or a shared child)")
            seen[child] = 1
            stack.append(child)
    unreached = n - len(order)
    if unreached > allow_unreached:
        raise FormatError(f"{what} has {unreached} nodes that node 0 does not reach")
    return order
