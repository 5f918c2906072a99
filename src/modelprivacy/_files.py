"""Small helpers for writing files."""

from __future__ import annotations

import os

__all__ = ["umask_mode"]


def umask_mode() -> int:
    """The permissions a newly created file gets (``0o666`` less the process umask).

    :func:`tempfile.mkstemp` creates files readable by their owner only; a report
    or model written atomically through one gets these permissions instead, as if
    it had been opened normally.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
