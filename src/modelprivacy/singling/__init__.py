"""Singling out by reconstructing the leaf boxes of tree models (MP-S110).

See :mod:`modelprivacy.singling.boxes` and ``docs/singling.md``.
"""

from __future__ import annotations

from modelprivacy.singling.boxes import (
    CHECK_ID,
    SinglingOutResult,
    leaf_boxes,
    singling_out_finding,
)

__all__ = ["CHECK_ID", "SinglingOutResult", "leaf_boxes", "singling_out_finding"]
