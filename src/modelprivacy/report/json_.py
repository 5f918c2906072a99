"""The JSON report: ``InspectionResult.to_dict()`` as stable, versioned JSON.

The document follows ``inspection.schema.json`` (JSON Schema draft 2020-12),
shipped in this package and copied to ``docs/schema/``; its ``schema_version``
changes whenever a field changes meaning or disappears.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

from modelprivacy.findings import InspectionResult

__all__ = ["SCHEMA_PATH", "load_schema", "to_json"]

SCHEMA_PATH = Path(__file__).with_name("schema") / "inspection.schema.json"
"""Where the JSON Schema of the report lies inside the installed package."""


def _finite(obj: Any) -> Any:
    """Replace NaN and infinities (which JSON cannot represent) by ``None``."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def to_json(result: InspectionResult) -> str:
    """Render an inspection result as JSON.

    Parameters
    ----------
    result : InspectionResult
        The result to render.

    Returns
    -------
    str
        ``result.to_dict()`` indented by 2 spaces, keys sorted, ending with a
        newline. Non-finite numbers in evidence become ``null`` so that any JSON
        parser reads the file.
    """
    doc = _finite(result.to_dict())
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def load_schema() -> dict[str, Any]:
    """Load the JSON Schema that :func:`to_json` output follows.

    Returns
    -------
    dict
        The schema (JSON Schema draft 2020-12).
    """
    source = resources.files("modelprivacy.report") / "schema" / "inspection.schema.json"
    text = source.read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
