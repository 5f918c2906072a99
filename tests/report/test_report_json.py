"""The JSON report and its schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from sklearn.neighbors import KNeighborsClassifier

from modelprivacy import inspect
from modelprivacy.report import SCHEMA_PATH, Format, load_schema, render, to_json

DOCS_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schema" / "inspection.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_docs_copy_of_the_schema_is_identical():
    assert SCHEMA_PATH.read_bytes() == DOCS_SCHEMA.read_bytes(), (
        "docs/schema/inspection.schema.json differs from the packaged schema; "
        "copy src/modelprivacy/report/schema/inspection.schema.json over it"
    )


def test_load_schema_reads_the_packaged_file():
    assert load_schema() == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert load_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_version_matches_the_model(validator):
    from modelprivacy.findings import InspectionResult

    assert load_schema()["properties"]["schema_version"]["const"] == InspectionResult.SCHEMA_VERSION


@pytest.mark.parametrize("name", ["result", "no_data_result", "empty_result"])
def test_json_validates_and_round_trips(name, request, validator):
    res = request.getfixturevalue(name)
    text = to_json(res)
    doc = json.loads(text)
    validator.validate(doc)
    assert text == render(res, Format.JSON)
    assert text.endswith("}\n")
    assert json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text


def test_json_matches_to_dict_except_non_finite_numbers(result):
    doc = json.loads(to_json(result))
    expected = result.to_dict()
    info = next(f for f in expected["findings"] if f["check_id"] == "MP-S104")
    info["evidence"] = {"nan": None}
    assert doc == expected
    assert "NaN" not in to_json(result)


def test_json_keeps_unicode_and_sorts_keys(result):
    text = to_json(result)
    assert "•••" in text
    doc_keys = list(json.loads(text))
    assert doc_keys == sorted(doc_keys)


def _invalid(doc, edit):
    bad = copy.deepcopy(doc)
    edit(bad)
    return bad


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["findings"][0].__setitem__("severity", "extreme"),
        lambda d: d["findings"][0].__setitem__("confidence", "certain"),
        lambda d: d["findings"][0].__setitem__("criterion", "singling-out"),
        lambda d: d["findings"][0].__setitem__("check_id", "S101"),
        lambda d: d["findings"][0].__setitem__("surprise", 1),
        lambda d: d["findings"][0]["records"].__setitem__("count", -1),
        lambda d: d["findings"][0].pop("remedy"),
        lambda d: d.__setitem__("schema_version", "2.0"),
        lambda d: d.__setitem__("extra", True),
        lambda d: d["summary"]["by_severity"].__setitem__("critical", 0),
        lambda d: d["summary"].__setitem__("max_severity", "extreme"),
        lambda d: d["skipped"][0].pop("reason"),
        lambda d: d["errors"][0].__setitem__("check_id", 3),
        lambda d: d["versions"].__setitem__("numpy", 2),
        lambda d: d.__setitem__("k", 1),
    ],
)
def test_invalid_documents_fail(edit, result, validator):
    doc = json.loads(to_json(result))
    validator.validate(doc)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(_invalid(doc, edit))


@pytest.mark.parametrize("with_data", [True, False])
def test_real_inspection_validates(with_data, validator):
    rng = np.random.default_rng(0)
    X = pd.DataFrame(rng.uniform(1, 9, size=(30, 3)), columns=["a", "b", "c"])
    y = (X["a"] > 5).astype(int)
    model = KNeighborsClassifier(n_neighbors=3).fit(X, y)
    res = inspect(model, X.assign(y=y), target="y") if with_data else inspect(model)
    assert res.findings
    validator.validate(json.loads(to_json(res)))
