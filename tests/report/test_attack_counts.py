"""Every report format states attack counts the same way (issue 11).

One real audit of an overfit model on a small Adult sample: records exposed
to membership inference are counted beyond chance with the chance count
beside them, attribute inference beyond the baseline with the baseline's
count, the inference card says why it counts fewer training records, and the
exposure table labels the union over the sensitive columns as such.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sklearn.compose import make_column_transformer
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from modelprivacy import audit
from modelprivacy.auditing.render import render_audit
from modelprivacy.datasets import load_adult

CATS = ["sex", "race"]
COLS = ["age", "education-num", "hours-per-week", *CATS]
FORMATS = ("terminal", "markdown", "json", "html")


@pytest.fixture(scope="module")
def result() -> Any:
    df = load_adult().sample(800, random_state=0).reset_index(drop=True)[[*COLS, "fnlwgt"]]
    train, holdout = df.iloc[:300], df.iloc[300:]
    pre = make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore"), CATS), remainder=StandardScaler()
    )
    model = make_pipeline(pre, KNeighborsRegressor(n_neighbors=1))
    model.fit(train[COLS], train["fnlwgt"])
    return audit(model, train, holdout, target="fnlwgt", sensitive=CATS, reference_models=2, seed=0)


@pytest.fixture(scope="module")
def reports(result: Any) -> dict[str, str]:
    return {fmt: render_audit(result, fmt) for fmt in FORMATS}


def _finding(result: Any, check: str, title: str | None = None) -> Any:
    return next(
        f for f in result.findings if f.check_id == check and (title is None or f.title == title)
    )


def _flat(text: str) -> str:
    """Text without the line breaks and padding a terminal table adds."""
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", FORMATS)
def test_membership_counts_beyond_chance_in_every_format(
    result: Any, reports: dict[str, str], fmt: str
) -> None:
    f = _finding(result, "MP-L201")
    c = f.evidence["records_beyond_chance"]
    assert f.records.count == c["counted"]
    text = _flat(reports[fmt])
    phrase = f"{c['flagged']:,} flagged, {c['expected_by_chance']:,.0f} expected by chance"
    if fmt == "json":
        doc = json.loads(reports[fmt])
        g = next(x for x in doc["findings"] if x["check_id"] == "MP-L201")
        assert g["records"]["count"] == c["counted"]
        assert g["evidence"]["records_beyond_chance"]["flagged"] == c["flagged"]
        assert phrase in g["description"]
    else:
        assert phrase in text
    if fmt in ("terminal", "markdown"):  # the findings table's cell
        assert f"{f.records.count:,} of {f.records.of:,} beyond chance" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_inference_counts_and_denominators_in_every_format(
    result: Any, reports: dict[str, str], fmt: str
) -> None:
    a = result.attribute
    best = a.best("sex")
    f = _finding(result, "MP-I301", "Attribute inference: sex")
    assert f.records.count == best.recovered - best.baseline_recovered > 0
    why = (
        f"{best.n_members:,} of the {a.n_train:,} training records were attacked, as many as the "
        f"control records (half of the {a.n_holdout:,} holdout records"
    )
    baseline = f"recovers {best.baseline_recovered:,} of the same {best.n_members:,}"
    cell = f"{f.records.count:,} of {f.records.of:,} beyond baseline"
    if fmt == "json":
        doc = json.loads(reports[fmt])
        g = next(x for x in doc["findings"] if x["title"] == "Attribute inference: sex")
        assert why in g["description"]
        assert doc["attribute"]["n_train"] == 300 and doc["attribute"]["n_holdout"] == 500
        attack = doc["attribute"]["columns"]["sex"]["attacks"][best.attack]
        assert attack["members_exposed"] == f.records.count
        assert attack["baseline_members_recovered"] == best.baseline_recovered
        return
    text = _flat(reports[fmt])
    assert why in text
    if fmt == "html":
        assert f"{best.n_exposed:,} [" in text  # the "records beyond baseline" column
        assert "Records beyond baseline" in text
    else:
        assert baseline in text and cell in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_exposure_table_labels_the_union(result: Any, reports: dict[str, str], fmt: str) -> None:
    label = "Attribute inference (any of sex, race)"
    assert result.exposure.titles["MP-I301"] == label
    if fmt == "json":
        assert json.loads(reports[fmt])["exposure"]["checks"]["MP-I301"] == label
    else:
        assert label in _flat(reports[fmt])
