"""Write the audit report's JSON Schema (package copy and docs/schema copy).

The finding definitions are taken from the inspection schema, so the two stay
in step; ``tests/audit/test_audit.py`` checks that the committed files equal
what this script writes.

Run: ``python tools/make_audit_schema.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from modelprivacy.findings import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
INSPECTION = ROOT / "src" / "modelprivacy" / "report" / "schema" / "inspection.schema.json"
TARGETS = (
    ROOT / "src" / "modelprivacy" / "report" / "schema" / "audit.schema.json",
    ROOT / "docs" / "schema" / "audit.schema.json",
)

_RISK = {"enum": ["none", "low", "medium", "high", "not assessed"]}
_NULLABLE_OBJECT = {"type": ["object", "null"]}


def build() -> dict[str, Any]:
    """The audit schema as a dict."""
    inspection = json.loads(INSPECTION.read_text())
    defs = {
        k: inspection["$defs"][k]
        for k in (
            "severity",
            "confidence",
            "criterion",
            "check_id",
            "records",
            "finding",
            "skipped",
            "error",
        )
    }
    defs["criterion_verdict"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["criterion", "risk", "assessed", "evidence", "checks", "reason"],
        "properties": {
            "criterion": {"$ref": "#/$defs/criterion"},
            "risk": _RISK,
            "assessed": {"enum": ["yes", "partially", "no"]},
            "evidence": {"type": "array", "items": {"type": "string"}},
            "checks": {"type": "array", "items": {"$ref": "#/$defs/check_id"}},
            "reason": {"type": "string"},
        },
    }
    defs["coverage_row"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["attack", "status", "scope", "note"],
        "properties": {
            "attack": {"type": "string"},
            "status": {"enum": ["run", "partly run", "not run", "out of scope"]},
            "scope": {"type": "string"},
            "note": {"type": "string"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:modelprivacy:schema:audit:{SCHEMA_VERSION}",
        "title": "modelprivacy audit report",
        "description": "One verdict per criterion with its evidence, as written by `modelprivacy audit --format json` (AuditResult.to_dict()). Counts, rates and record IDs only; no raw training values.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "schema_version",
            "kind",
            "source",
            "model",
            "verdict",
            "findings",
            "membership",
            "attribute",
            "singling_out",
            "exposure",
            "coverage",
            "threat_model",
            "skipped",
            "errors",
            "load_notes",
            "settings",
            "versions",
        ],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "kind": {"const": "audit"},
            "source": {"type": "string"},
            "model": {"type": "string"},
            "verdict": {
                "type": "object",
                "additionalProperties": False,
                "required": ["overall", "explanation", "criteria"],
                "properties": {
                    "overall": {
                        "enum": [
                            "contains personal data (not anonymous)",
                            "anonymity not demonstrated",
                            "no evidence of identifiability at the tested strength",
                        ]
                    },
                    "explanation": {"type": "string"},
                    "criteria": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["singling out", "linkability", "inference"],
                        "properties": {
                            c: {"$ref": "#/$defs/criterion_verdict"}
                            for c in ("singling out", "linkability", "inference")
                        },
                    },
                },
            },
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
            "membership": {
                **_NULLABLE_OBJECT,
                "description": "MembershipResult.to_dict(): metrics per attack, exposure summary, and refit_notes.",
                "properties": {
                    "refit_notes": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "What was changed in the model's hyperparameters before the reference models were fitted from them (cache reset, random states made seeds, work capped at what the fitted model shows), where it made a difference; empty when nothing was changed.",
                    },
                    "stored_rows_lookup": {
                        **_NULLABLE_OBJECT,
                        "description": "StoredRowsResult.to_dict() of the white-box stored-rows lookup (MP-L202): members and non-members looked up among the training rows the model stores, with the same metrics as the black-box attacks; null when the model stores no rows.",
                        "properties": {
                            "members_found": {"type": "integer", "minimum": 0},
                            "nonmembers_found": {"type": "integer", "minimum": 0},
                            "members_found_alone": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "Members found whose row no audited non-member shares: the records exposed.",
                            },
                            "metrics": {"type": "object"},
                        },
                    },
                },
            },
            "attribute": {
                **_NULLABLE_OBJECT,
                "description": "AttributeResult.to_dict(): outcomes per sensitive column and attack.",
            },
            "singling_out": {
                **_NULLABLE_OBJECT,
                "description": "SinglingOutResult.to_dict(): leaf-box summary.",
            },
            "exposure": {
                **_NULLABLE_OBJECT,
                "description": "ExposureTable.to_dict(): counts per check and level, most exposed IDs.",
            },
            "coverage": {"type": "array", "items": {"$ref": "#/$defs/coverage_row"}},
            "threat_model": {"type": "string"},
            "skipped": {"type": "array", "items": {"$ref": "#/$defs/skipped"}},
            "errors": {
                "description": "Checks that failed; the audit went on without them.",
                "type": "array",
                "items": {"$ref": "#/$defs/error"},
            },
            "load_notes": {
                "description": "What loading the file reset before the model could be used.",
                "type": "array",
                "items": {"type": "string"},
            },
            "settings": {"type": "object"},
            "versions": {"type": "object", "additionalProperties": {"type": "string"}},
        },
        "$defs": defs,
    }


def main() -> None:
    """Write both copies."""
    text = json.dumps(build(), indent=2) + "\n"
    for path in TARGETS:
        path.write_text(text)
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
