"""The JSON every command writes validates against its versioned schema."""

from __future__ import annotations

import json
from pathlib import Path

import joblib
import jsonschema
import pytest

from modelprivacy.cli import main
from modelprivacy.findings import SCHEMA_VERSION

SCHEMAS = Path(__file__).resolve().parents[2] / "src" / "modelprivacy" / "report" / "schema"


@pytest.fixture(scope="module")
def files(tmp_path_factory, cancer_split):
    model, train, holdout = cancer_split
    d = tmp_path_factory.mktemp("cmd")
    joblib.dump(model, d / "model.joblib")
    train.to_csv(d / "train.csv", index=False)
    holdout.to_csv(d / "holdout.csv", index=False)
    return d


DATA = ["--train", "{d}/train.csv", "--holdout", "{d}/holdout.csv", "--target", "target"]
COMMANDS = {
    "inspection": ["inspect", "{d}/model.joblib", "--train", "{d}/train.csv", "--target", "target"],
    "audit": ["audit", "{d}/model.joblib", *DATA, "--reference-models", "2"],
    "membership": ["attack", "membership", "{d}/model.joblib", *DATA, "--reference-models", "2"],
    "attribute": ["attack", "attribute", "{d}/model.joblib", *DATA, "--sensitive", "large"],
    "singling_out": ["attack", "singling-out", "{d}/model.joblib", *DATA],
}


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_command_json_follows_its_schema(files, kind, capsys):
    # capsys: standard streams that are not files, so the command runs in this process
    out = files / f"{kind}.json"
    argv = [a.format(d=files) for a in COMMANDS[kind]]
    code = main([*argv, "--format", "json", "--output", str(out), "--fail-on", "high"])
    doc = json.loads(out.read_text())
    findings = doc.get("findings") or [doc["finding"]]
    assert code == (1 if any(f["severity"] == "high" for f in findings) else 0)
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema)
    assert doc["schema_version"] == SCHEMA_VERSION and doc["kind"] == kind


def test_sanitize_json_follows_its_schema(files, capsys):
    report = files / "sanitize.json"
    code = main(
        [
            "sanitize",
            str(files / "model.joblib"),
            "--output",
            str(files / "safer.skops"),
            "--train",
            str(files / "train.csv"),
            "--holdout",
            str(files / "holdout.csv"),
            "--target",
            "target",
            "--reference-models",
            "2",
            "--format",
            "json",
            "--report",
            str(report),
        ]
    )
    doc = json.loads(report.read_text())
    # exit 0 only when a safer model was written and some criterion's risk fell
    assert code == (0 if (files / "safer.skops").exists() and doc["sanitize"]["actions"] else 1)
    jsonschema.validate(doc, json.loads((SCHEMAS / "sanitize.schema.json").read_text()))
    audit_schema = json.loads((SCHEMAS / "audit.schema.json").read_text())
    for side in ("before", "after"):
        jsonschema.validate(doc[side], audit_schema)


def test_membership_json_carries_bounded_curves(real_results):
    doc = json.loads(real_results["membership"].render("json"))
    assert set(doc["roc"]) == set(doc["attacks"])
    for name, curve in doc["roc"].items():
        assert 2 <= len(curve["fpr"]) == len(curve["tpr"]) <= 300
        assert curve["fpr"][0] == pytest.approx(1 / doc["n_nonmembers"])
        assert curve["fpr"][-1] == pytest.approx(1.0) and curve["tpr"][-1] == pytest.approx(1.0)
        assert curve["tpr"] == sorted(curve["tpr"])
    best = doc["histogram"]["attack"]
    assert best in doc["attacks"]


def test_schema_version_is_one_constant_everywhere():
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text())
        assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION, path.name
        assert schema["$id"].endswith(f":{SCHEMA_VERSION}"), path.name
    source = (Path(__file__).resolve().parents[2] / "src" / "modelprivacy").rglob("*.py")
    literals = [p.name for p in source if '"schema_version": "' in p.read_text()]
    assert literals == []
