"""The per-person exposure table, built from real findings of real models."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier

from modelprivacy import inspect
from modelprivacy.attacks.exposure import outlierness
from modelprivacy.exposure import exposure_table, subject_concentration_finding


def _data(n: int = 300, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = pd.DataFrame({"a": rng.normal(size=n), "b": rng.normal(size=n)})
    y = (X["a"] + rng.normal(scale=0.3, size=n) > 0).astype(int).to_numpy().copy()
    X.loc[7, ["a", "b"]] = [25.0, -25.0]  # one unusual person, with an unexpected label
    y[7] = 0
    return X, y


def test_fully_grown_tree_exposes_the_outlier_and_levels_follow_severity():
    X, y = _data()
    model = DecisionTreeClassifier(random_state=0).fit(X, y)
    result = inspect(model, X, y)
    holdout, _ = _data(seed=1)
    out = outlierness(model, X, holdout.drop(index=7))
    table = exposure_table(result.findings, n_records=len(X), outlierness=out)
    assert table.unit == "record" and table.n == 300
    assert "MP-S105" in table.checks
    assert table.frame.loc[7, "MP-S105"] and table.frame.loc[7, "level"] in ("medium", "high")
    assert 7 in table.exposed("medium")
    # every row named by a high finding is at level high, and the counts add up
    c = table.counts()
    assert sum(c[f"level_{lv}"] for lv in ("none", "info", "low", "medium", "high")) == 300
    for f in result.findings:
        if f.records.ids and f.severity.value == "high":
            assert (table.frame.loc[list(f.records.ids), "level"] == "high").all()
    assert table.outliers() is not None
    assert "of 300 records are highly exposed" in table.summary()


def test_a_regularised_tree_exposes_nobody_through_leaves():
    X, y = _data()
    model = DecisionTreeClassifier(min_samples_leaf=50, random_state=0).fit(X, y)
    table = exposure_table(inspect(model, X, y).findings, n_records=len(X))
    assert "MP-S105" not in table.checks
    assert len(table.exposed("high")) == 0


def test_per_person_aggregation_and_record_ids():
    X, y = _data(n=120)
    ids = [f"r{i}" for i in range(120)]
    subjects = [f"p{i // 3}" for i in range(120)]  # three records per person
    model = KNeighborsClassifier().fit(X, y)  # stores every row
    result = inspect(model, X, y, ids=ids)
    rec = exposure_table(result.findings, ids)
    assert rec.frame.index[0] == "r0" and rec.frame["MP-S101"].all()
    per = exposure_table(result.findings, ids, subjects=subjects)
    assert per.unit == "person" and per.n == 40
    assert (per.frame["records"] == 3).all() and per.frame["MP-S101"].all()
    assert "of 40 people" in per.summary()
    doc = per.to_dict()
    assert doc["n"] == 40 and doc["counts"]["MP-S101"] == 40


def test_a_person_is_exposed_if_any_of_their_records_is():
    X, y = _data(n=60)
    model = DecisionTreeClassifier(random_state=0).fit(X, y)
    findings = inspect(model, X, y).findings
    subjects = ["outlier-owner" if i == 7 else f"p{i % 20}" for i in range(60)]
    per = exposure_table(findings, n_records=60, subjects=subjects)
    assert per.frame.loc["outlier-owner", "level"] == "high"


def test_subject_concentration():
    assert subject_concentration_finding(["alice"] * 50, k=10) is not None
    dominated = ["alice"] * 60 + [f"p{i}" for i in range(40)]
    f = subject_concentration_finding(dominated, k=10)
    assert f is not None and f.check_id == "MP-S111" and f.records.ids == ("alice",)
    assert "one person" not in f.description and "1 of 41 people" in f.description
    assert subject_concentration_finding([f"p{i}" for i in range(100)], k=10) is None


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="subjects has 3 entries for 4"):
        exposure_table([], range(4), subjects=[1, 2, 3])


def test_attribute_columns_are_labelled_as_their_union():
    # two sensitive columns, both recovered by the attack on a 1-NN regressor: the table's
    # MP-I301 column marks the union, and its label names both columns, not the first one
    from sklearn.compose import make_column_transformer
    from sklearn.neighbors import KNeighborsRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    from modelprivacy.attacks.attribute import attribute_finding, attribute_inference
    from modelprivacy.datasets import load_adult
    from modelprivacy.exposure import union_title

    cats = ["sex", "race"]
    cols = ["age", "education-num", "hours-per-week", *cats]
    df = load_adult().sample(800, random_state=0).reset_index(drop=True)[[*cols, "fnlwgt"]]
    tr, ho = df.iloc[:300], df.iloc[300:]
    pre = make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore"), cats), remainder=StandardScaler()
    )
    model = make_pipeline(pre, KNeighborsRegressor(n_neighbors=1)).fit(tr[cols], tr["fnlwgt"])
    r = attribute_inference(model, tr, ho, target="fnlwgt", sensitive=cats, seed=0)
    findings = [attribute_finding(r, c) for c in cats]
    assert all(f.records.ids for f in findings)
    table = exposure_table(findings, n_records=len(tr))
    assert table.titles["MP-I301"] == "Attribute inference (any of sex, race)"
    union = set(findings[0].records.ids) | set(findings[1].records.ids)
    assert table.counts()["MP-I301"] == len(union)
    assert "Attribute inference (any of sex, race) (MP-I301)" in table.summary()
    # one finding keeps its own title; unrelated titles are listed
    assert exposure_table(findings[:1], n_records=len(tr)).titles["MP-I301"] == (
        "Attribute inference: sex"
    )
    assert union_title(["A", "B: x"]) == "any of: A; B: x"


def test_the_numbers_reports_show_are_computed_when_the_table_is_built():
    from modelprivacy.exposure import MOST_EXPOSED, ExposureSummary, OutlierRelation

    X, y = _data()
    model = DecisionTreeClassifier(random_state=0).fit(X, y)
    holdout, _ = _data(seed=1)
    out = outlierness(model, X, holdout.drop(index=7))
    table = exposure_table(inspect(model, X, y).findings, n_records=len(X), outlierness=out)
    o = table.overview
    assert isinstance(o, ExposureSummary) and isinstance(o.outliers, OutlierRelation)
    # the summary numbers are the table's: counts from its columns, the ranking from its levels
    assert o.counts["MP-S105"] == int(table.frame["MP-S105"].sum())
    assert o.counts["level_high"] == int((table.frame["level"] == "high").sum())
    assert len(o.most_exposed) == min(MOST_EXPOSED, len(table.exposed("low")))
    assert table.frame.loc[o.most_exposed[0], "level"] == "high"
    assert table.worst(5) == list(o.most_exposed[:5])
    assert table.summary() == o.text and table.to_dict()["summary"] == o.text
    unusual = table.frame["outlierness"] >= np.quantile(table.frame["outlierness"], 0.9)
    exposed = table.frame["level"].isin(["medium", "high"])
    assert o.outliers.share_exposed_unusual_tenth == pytest.approx(exposed[unusual].mean())
    assert table.outliers() == o.outliers.to_dict()
    # more rows than the summary keeps are still ranked on demand
    assert table.worst(MOST_EXPOSED + 5)[:MOST_EXPOSED] == list(o.most_exposed)
