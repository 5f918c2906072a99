"""Write the JSON Schemas of the audit, attack and sanitize reports (package and docs copies).

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
            "may_i_share",
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
            "may_i_share": {
                "type": "object",
                "description": "'May I share this model?' (modelprivacy.may_i_share): the short answer and a checklist of the GDPR status (decided by the tests, as far as they go), confidentiality and rights in the data set (informed, not decided) and what to do next, each line with the check IDs behind it. Not legal advice.",
                "additionalProperties": False,
                "required": ["answer", "lines", "disclaimer"],
                "properties": {
                    "answer": {"type": "string"},
                    "disclaimer": {"type": "string"},
                    "lines": {
                        "type": "array",
                        "minItems": 4,
                        "maxItems": 5,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["question", "answer", "evidence", "decided"],
                            "properties": {
                                "question": {
                                    "enum": [
                                        "GDPR status",
                                        "Confidentiality",
                                        "Rights in the data set",
                                        "What to do next",
                                        "Shared as a file, or served",
                                    ]
                                },
                                "answer": {"type": "string"},
                                "evidence": {
                                    "type": "array",
                                    "items": {"type": "string", "pattern": "^MP-[A-Z][0-9]{3}$"},
                                },
                                "decided": {"type": "boolean"},
                            },
                        },
                    },
                },
            },
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
            "release": {
                "description": "With --release: one verdict per release mode (file, scores, rounded:D, top:K, labels), in the order asked for; null otherwise.",
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": [
                                "mode",
                                "verdict",
                                "findings",
                                "membership_tpr_at_1pct_fpr",
                                "label_only",
                                "applies",
                                "skipped",
                                "reused_file_results",
                            ],
                            "properties": {
                                "mode": {
                                    "type": "string",
                                    "pattern": "^(file|scores|labels|rounded:[0-9]+|top:[0-9]+)$",
                                },
                                "verdict": {"$ref": "#/properties/verdict"},
                                "findings": {"type": "array", "items": {"type": "object"}},
                                "membership_tpr_at_1pct_fpr": {
                                    "type": ["number", "null"],
                                    "minimum": 0,
                                    "maximum": 1,
                                },
                                "label_only": {"type": ["object", "null"]},
                                "applies": {
                                    "type": "object",
                                    "additionalProperties": {"type": "string"},
                                },
                                "skipped": {"type": "array", "items": {"type": "object"}},
                                "reused_file_results": {"type": "boolean"},
                            },
                        },
                    },
                ],
            },
            "release_recommendation": {
                "description": "With --release: the verdict of each mode in plain words; null otherwise.",
                "type": ["string", "null"],
            },
        },
        "$defs": defs,
    }


# ---------------------------------------------------------------------------
# the attack commands' and sanitize's documents (modelprivacy.report.documents)
# ---------------------------------------------------------------------------

_NUMBER_OR_NULL = {"type": ["number", "null"]}
_INTERVAL = {
    "type": "object",
    "required": ["value", "low", "high", "level"],
    "properties": {
        "value": _NUMBER_OR_NULL,
        "low": _NUMBER_OR_NULL,
        "high": _NUMBER_OR_NULL,
        "level": {"type": "number"},
    },
}
_FLOATS = {"type": "array", "items": {"type": "number"}}


def _head(kind: str, title: str, description: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:modelprivacy:schema:{kind}:{SCHEMA_VERSION}",
        "title": title,
        "description": description,
        "type": "object",
    }


def _shared_defs(*names: str) -> dict[str, Any]:
    inspection = json.loads(INSPECTION.read_text())
    wanted = {"severity", "confidence", "criterion", "check_id", "records", "finding", *names}
    return {k: v for k, v in inspection["$defs"].items() if k in wanted}


def _common_properties(kind: str) -> dict[str, Any]:
    return {
        "schema_version": {
            "description": "Version of this schema (modelprivacy.findings.SCHEMA_VERSION).",
            "const": SCHEMA_VERSION,
        },
        "kind": {"const": kind},
        "source": {"type": "string", "description": "The model file."},
    }


def build_membership() -> dict[str, Any]:
    """The schema of `modelprivacy attack membership --format json` (MembershipReport)."""
    defs = _shared_defs()
    defs["interval"] = _INTERVAL
    defs["epsilon"] = {
        "type": "object",
        "description": "Empirical epsilon lower bound (95%) at a threshold chosen on one half of the records and counted on the other; value null when it cannot be bounded.",
        "required": ["value", "low", "level", "delta"],
        "properties": {
            "value": _NUMBER_OR_NULL,
            "low": _NUMBER_OR_NULL,
            "level": {"type": "number"},
            "delta": {"type": "number"},
        },
    }
    defs["fpr_tie"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "A tie of scores that straddles the target FPR: no threshold splits it, so the TPR at the target is not measured (never broken at random or by record order).",
        "required": [
            "score",
            "members",
            "nonmembers",
            "fpr_below",
            "fpr_above",
            "tpr_below",
            "tpr_above",
        ],
        "properties": {
            "score": _NUMBER_OR_NULL,
            "members": {"type": "integer", "minimum": 1},
            "nonmembers": {"type": "integer", "minimum": 2},
            "fpr_below": {
                "type": "number",
                "description": "FPR flagging every record above the tie.",
            },
            "fpr_above": {"type": "number", "description": "FPR flagging the tie too."},
            "tpr_below": {"type": "number"},
            "tpr_above": {"type": "number"},
        },
    }
    defs["tpr_at_fpr"] = {
        "type": "object",
        "description": "TprAtFpr.to_dict(): the TPR of the best threshold with FPR at most 'fpr' (achieved: 'fpr_achieved'). When 'resolved' is false a tie straddles the target ('tie') and 'value' is the TPR at 'fpr_achieved', not at 'fpr'.",
        "required": ["value", "low", "high", "level", "resolved", "tie"],
        "properties": {
            "value": _NUMBER_OR_NULL,
            "low": _NUMBER_OR_NULL,
            "high": _NUMBER_OR_NULL,
            "level": {"type": "number"},
            "fpr": {"type": "number"},
            "fpr_achieved": {"type": "number"},
            "fpr_interval": {"$ref": "#/$defs/interval"},
            "threshold": _NUMBER_OR_NULL,
            "tp": {"type": "integer", "minimum": 0},
            "n_members": {"type": "integer", "minimum": 0},
            "fp": {"type": "integer", "minimum": 0},
            "n_nonmembers": {"type": "integer", "minimum": 0},
            "resolvable": {"type": "boolean"},
            "resolved": {
                "type": "boolean",
                "description": "False when a tie of scores straddles the target FPR and the best threshold above it reaches less than half of it.",
            },
            "tie": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/fpr_tie"}]},
        },
    }
    defs["attack_metrics"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "auc", "tpr_at_fpr", "resolvable", "advantage", "epsilon_lower_bound"],
        "properties": {
            "name": {"type": "string"},
            "auc": {"$ref": "#/$defs/interval"},
            "tpr_at_fpr": {
                "type": "object",
                "description": "TPR at a fixed FPR ('0.001', '0.01', '0.1') with its Clopper-Pearson interval.",
                "additionalProperties": {"$ref": "#/$defs/tpr_at_fpr"},
            },
            "resolvable": {"type": "object", "additionalProperties": {"type": "boolean"}},
            "advantage": _NUMBER_OR_NULL,
            "epsilon_lower_bound": {"$ref": "#/$defs/epsilon"},
        },
    }
    defs["roc_curve"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["fpr", "tpr"],
        "description": "The ROC curve on at most 300 log-spaced false-positive rates.",
        "properties": {
            "fpr": {**_FLOATS, "maxItems": 300},
            "tpr": {**_FLOATS, "maxItems": 300},
        },
    }
    defs["histogram"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["attack", "edges", "members", "nonmembers", "n_members", "n_nonmembers"],
        "description": "Densities of members' and non-members' scores under the best attack at 1% FPR.",
        "properties": {
            "attack": {"type": "string"},
            "edges": _FLOATS,
            "members": _FLOATS,
            "nonmembers": _FLOATS,
            "n_members": {"type": "integer", "minimum": 0},
            "n_nonmembers": {"type": "integer", "minimum": 0},
        },
    }
    defs["exposure"] = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "attack",
            "most_exposed_rows",
            "spearman_outlierness_vulnerability",
            "mean_vulnerability_outlier_tenth_vs_rest",
            "by_class",
        ],
        "properties": {
            "attack": {"type": "string"},
            "most_exposed_rows": {"type": "array", "items": {"type": "integer", "minimum": 0}},
            "spearman_outlierness_vulnerability": _NUMBER_OR_NULL,
            "mean_vulnerability_outlier_tenth_vs_rest": {
                "type": ["array", "null"],
                "items": _NUMBER_OR_NULL,
            },
            "by_class": {"type": "object", "additionalProperties": {"type": "object"}},
        },
    }
    required = [
        "schema_version",
        "kind",
        "source",
        "k",
        "seed",
        "rmia_offline_a",
        "n_members",
        "n_nonmembers",
        "n_train",
        "n_holdout",
        "attacks",
        "exposure",
        "refit_notes",
        "roc",
        "histogram",
        "finding",
    ]
    return {
        **_head(
            "membership",
            "modelprivacy membership-inference report",
            "Metrics, ROC curves and exposure of every membership attack with the MP-L201 "
            "finding, as written by `modelprivacy attack membership --format json` "
            "(MembershipReport.to_dict()). Rates, counts and row numbers only.",
        ),
        "additionalProperties": False,
        "required": required,
        "properties": {
            **_common_properties("membership"),
            "k": {
                "type": "integer",
                "minimum": 0,
                "description": "Reference models (0: none could be fitted, queries only).",
            },
            "seed": {"type": "integer"},
            "rmia_offline_a": {"type": "number"},
            "skipped_attacks": {
                "type": "object",
                "description": "Attacks that did not run, each with the reason (e.g. no fit_fn).",
                "additionalProperties": {"type": "string"},
            },
            "queries": {
                "type": "integer",
                "minimum": 0,
                "description": "Records sent to a black-box function.",
            },
            "class_balance": {
                "type": "string",
                "description": "When the classes were not equally common among the members and the non-members (a holdout that is not stratified): how many of each were left out of the scoring to give both the same class proportions. Only then.",
            },
            "k_choice": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "k",
                    "budget_s",
                    "fit_s",
                    "estimated_s",
                    "n_jobs",
                    "limit",
                    "timed",
                    "reason",
                ],
                "description": "How a time budget (--budget, budget=) chose K: one reference fit was timed and K is the most fits (2 to 256) the budget pays for. Only when a budget was given; it holds measured times, so pass K itself (--reference-models) to reproduce a report.",
                "properties": {
                    "k": {"type": "integer", "minimum": 2, "maximum": 256},
                    "budget_s": {"type": "number", "exclusiveMinimum": 0},
                    "fit_s": {
                        "type": "number",
                        "minimum": 0,
                        "description": "Seconds a reference fit took: the faster of the timed fits.",
                    },
                    "timed": {
                        "type": "integer",
                        "minimum": 1,
                        "description": "Reference fits timed (2 when the first took under a twentieth of the budget).",
                    },
                    "estimated_s": {
                        "type": "number",
                        "minimum": 0,
                        "description": "Estimated seconds of the timed fits and the K fits.",
                    },
                    "n_jobs": {"type": "integer", "minimum": 1},
                    "limit": {
                        "enum": ["budget", "most", "fewest"],
                        "description": "budget: one more fit would not fit it; most: 256, within it; fewest: 2, over it.",
                    },
                    "reason": {
                        "type": "string",
                        "description": "The K used and why, as the report says it.",
                    },
                },
            },
            "n_members": {"type": "integer", "minimum": 0},
            "n_nonmembers": {"type": "integer", "minimum": 0},
            "n_train": {"type": ["integer", "null"], "minimum": 0},
            "n_holdout": {"type": ["integer", "null"], "minimum": 0},
            "attacks": {
                "type": "object",
                "additionalProperties": {"$ref": "#/$defs/attack_metrics"},
            },
            "exposure": {"anyOf": [{"$ref": "#/$defs/exposure"}, {"type": "null"}]},
            "refit_notes": {"type": "array", "items": {"type": "string"}},
            "roc": {"type": "object", "additionalProperties": {"$ref": "#/$defs/roc_curve"}},
            "histogram": {"anyOf": [{"$ref": "#/$defs/histogram"}, {"type": "null"}]},
            "finding": {"$ref": "#/$defs/finding"},
        },
        "$defs": defs,
    }


def build_attribute() -> dict[str, Any]:
    """The schema of `modelprivacy attack attribute --format json` (AttributeReport)."""
    defs = _shared_defs()
    defs["interval"] = _INTERVAL
    outcome = {
        "type": "object",
        "required": ["attack", "n_members", "n_control", "residual_risk"],
        "properties": {
            "attack": {"type": "string"},
            "n_members": {"type": "integer", "minimum": 0},
            "n_control": {"type": "integer", "minimum": 0},
            "residual_risk": {"$ref": "#/$defs/interval"},
            "advantage_over_baseline": {"$ref": "#/$defs/interval"},
            "success_members": {"$ref": "#/$defs/interval"},
            "success_control": {"$ref": "#/$defs/interval"},
            "baseline_members": {"$ref": "#/$defs/interval"},
            "members_exposed": {"type": "integer", "minimum": 0},
        },
    }
    return {
        **_head(
            "attribute",
            "modelprivacy attribute-inference report",
            "Outcomes per sensitive column and attack, with one MP-I301 finding per column, as "
            "written by `modelprivacy attack attribute --format json` (AttributeReport.to_dict()). "
            "Rates and counts only, never a sensitive value.",
        ),
        "required": ["schema_version", "kind", "source", "seed", "columns", "findings"],
        "properties": {
            **_common_properties("attribute"),
            "seed": {"type": "integer"},
            "known_label": {"type": "boolean"},
            "columns": {
                "type": "object",
                "description": "Per sensitive column: its outcomes per attack.",
                "additionalProperties": {
                    "type": "object",
                    "properties": {
                        "attacks": {"type": "object", "additionalProperties": outcome},
                    },
                },
            },
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
        },
        "$defs": defs,
    }


def build_singling_out() -> dict[str, Any]:
    """The schema of `modelprivacy attack singling-out --format json` (SinglingOutDocument)."""
    defs = _shared_defs("skipped", "error")
    defs["exposure_table"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["unit", "n", "counts", "checks", "most_exposed", "outliers", "summary"],
        "description": "ExposureTable.to_dict(): counts per check and level, most exposed IDs.",
        "properties": {
            "unit": {"enum": ["record", "person"]},
            "n": {"type": "integer", "minimum": 0},
            "counts": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
            "checks": {"type": "object", "additionalProperties": {"type": "string"}},
            "most_exposed": {"type": "array", "maxItems": 20},
            "outliers": {
                "anyOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["share_exposed_unusual_tenth", "share_exposed_rest"],
                        "properties": {
                            "share_exposed_unusual_tenth": {"type": "number"},
                            "share_exposed_rest": {"type": "number"},
                            "spearman_outlierness_level": {"type": "number"},
                        },
                    },
                    {"type": "null"},
                ]
            },
            "summary": {"type": "string"},
        },
    }
    return {
        **_head(
            "singling_out",
            "modelprivacy singling-out report",
            "The inspection findings confirmed against the training data, the leaf boxes of tree "
            "models and who is exposed, as written by `modelprivacy attack singling-out --format "
            "json` (SinglingOutDocument.to_dict()). Counts and record IDs only.",
        ),
        "additionalProperties": False,
        "required": [
            "schema_version",
            "kind",
            "source",
            "findings",
            "boxes",
            "exposure",
            "skipped",
            "errors",
            "versions",
        ],
        "properties": {
            **_common_properties("singling_out"),
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
            "boxes": {
                **_NULLABLE_OBJECT,
                "description": "SinglingOutResult.to_dict(): leaf-box summary (tree models).",
            },
            "exposure": {"$ref": "#/$defs/exposure_table"},
            "skipped": {"type": "array", "items": {"$ref": "#/$defs/skipped"}},
            "errors": {"type": "array", "items": {"$ref": "#/$defs/error"}},
            "versions": {
                "type": ["object", "null"],
                "additionalProperties": {"type": "string"},
            },
        },
        "$defs": defs,
    }


def build_sanitize() -> dict[str, Any]:
    """The schema of `modelprivacy sanitize --format json` (SanitizeReport.to_dict())."""
    return {
        **_head(
            "sanitize",
            "modelprivacy sanitize report",
            "What sanitising changed, and the audits before and after with the utility on the "
            "holdout, as written by `modelprivacy sanitize --format json`. The audits follow "
            "audit.schema.json.",
        ),
        "additionalProperties": False,
        "required": [
            "schema_version",
            "kind",
            "sanitize",
            "comparison",
            "utility",
            "predictions_changed",
            "prediction_change",
            "warnings",
            "before",
            "after",
        ],
        "properties": {
            "schema_version": _common_properties("sanitize")["schema_version"],
            "kind": {"const": "sanitize"},
            "sanitize": {
                "type": "object",
                "required": ["model", "k", "actions", "refused", "warnings"],
                "properties": {
                    "model": {"type": "string"},
                    "k": {"type": "integer"},
                    "actions": {"type": "array", "items": {"type": "object"}},
                    "refused": {"type": "array", "items": {"type": "string"}},
                    "warnings": {"type": "array", "items": {"type": "string"}},
                },
            },
            "comparison": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["measure", "before", "after"],
                    "properties": {
                        "measure": {"type": "string"},
                        "before": {"type": "string"},
                        "after": {"type": "string"},
                    },
                },
            },
            "utility": _NULLABLE_OBJECT,
            "predictions_changed": _NUMBER_OR_NULL,
            "prediction_change": _NULLABLE_OBJECT,
            "warnings": {"type": "array", "items": {"type": "string"}},
            "before": {
                **_NULLABLE_OBJECT,
                "properties": {"schema_version": {"const": SCHEMA_VERSION}},
            },
            "after": {
                **_NULLABLE_OBJECT,
                "properties": {"schema_version": {"const": SCHEMA_VERSION}},
            },
        },
    }


def build_checks() -> dict[str, Any]:
    """The schema of `modelprivacy checks --format json` (CheckList)."""
    text = {"type": "string", "minLength": 1}
    words = {"type": "array", "items": text}
    props = _common_properties("checks")
    del props["source"]
    return {
        **_head(
            "checks",
            "modelprivacy checks",
            "Every check modelprivacy runs: its id, criterion, what it looks for, the inputs "
            "without which it is skipped, the inputs it also uses, the commands that run it, the "
            "module that implements it and its documentation.",
        ),
        "additionalProperties": False,
        "required": ["schema_version", "kind", "checks"],
        "properties": {
            **props,
            "checks": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [
                        "id",
                        "criterion",
                        "title",
                        "requires",
                        "optional",
                        "commands",
                        "module",
                        "docs",
                    ],
                    "properties": {
                        "id": {"type": "string", "pattern": "^MP-[SLI][0-9]{3}$"},
                        "criterion": {"enum": ["singling out", "linkability", "inference"]},
                        "title": text,
                        "requires": words,
                        "optional": words,
                        "commands": words,
                        "module": text,
                        "docs": {
                            "type": "string",
                            "pattern": "^docs/[a-z-]+[.]md#mp-[sli][0-9]{3}$",
                        },
                    },
                },
            },
        },
    }


#: ``{schema file name: builder}``: every command's JSON document has one.
SCHEMAS = {
    "audit": build,
    "membership": build_membership,
    "attribute": build_attribute,
    "singling_out": build_singling_out,
    "sanitize": build_sanitize,
    "checks": build_checks,
}


def targets(name: str) -> tuple[Path, Path]:
    """The package copy and the docs copy of one schema."""
    file = f"{name}.schema.json"
    return (
        ROOT / "src" / "modelprivacy" / "report" / "schema" / file,
        ROOT / "docs" / "schema" / file,
    )


def main() -> None:
    """Write both copies of every schema."""
    for name, builder in SCHEMAS.items():
        text = json.dumps(builder(), indent=2) + "\n"
        for path in targets(name):
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
