"""Hand the memory an audit step freed back to the operating system.

An audit's steps convert the training table again and again (a string column
read through a pipeline's encoder becomes millions of Python strings, a
record-by-feature array a few hundred megabytes), and free it when the step
ends. glibc's allocator keeps much of what is freed for later use instead of
returning it: on a 300,000-record table, 200 MB of the audit process's resident
memory above its start was free heap, of which ``malloc_trim`` returned 110 MB.
Between steps :func:`release_free_memory` returns it, so that the next step's
peak starts from what is really held (as Dask's workers do).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from typing import Any

__all__ = ["release_free_memory"]


@functools.cache
def _malloc_trim() -> Any:
    """The C library's ``malloc_trim`` (glibc), or None (another C library, or not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return the C heap's free memory to the operating system (glibc's ``malloc_trim(0)``).

    Returns
    -------
    bool
        Whether it could be asked (False on other C libraries and systems, where it does
        nothing). Nothing held is touched: only pages the allocator already counts as free.
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
