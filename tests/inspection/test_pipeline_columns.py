"""Values are matched against the column they belong to, through the pipeline.

Built like the case that exposed the false accusation: an OrdinalEncoder in a
ColumnTransformer feeds a HistGradientBoosting model with categorical
features, whose internal encoder stores the codes 0..12; the raw data has
integer columns with the same small values.
"""

from __future__ import annotations

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, OrdinalEncoder

import modelprivacy
from modelprivacy import Severity
from modelprivacy.cli import main
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, load_adult
from modelprivacy.inspection.columns import CODE, VALUE, input_columns

JOBS = [f"job{i:02d}" for i in range(13)]


def by_check(result, check_id):
    return [f for f in result.findings if f.check_id == check_id]


@pytest.fixture(scope="module")
def planted():
    """Codes 0..12 in the model, raw integer columns of 0..12 with rare values in the data."""
    rng = np.random.default_rng(0)
    n = 400
    # 13 jobs, the last ones rare; children and rooms 0..12, most 0..3 and a few rare larger ones
    job = rng.choice(JOBS, size=n, p=np.r_[np.full(10, 0.097), [0.02, 0.007, 0.003]])
    children = np.where(rng.random(n) < 0.95, rng.integers(0, 4, n), rng.integers(4, 13, n))
    rooms = np.where(rng.random(n) < 0.95, rng.integers(1, 5, n), rng.integers(5, 13, n))
    age = rng.integers(20, 70, n)
    age[7] = 97  # one person's extreme
    frame = pd.DataFrame(
        {
            "job": job,
            "city": rng.choice(["north", "south", "east"], size=n),
            "children": children,
            "rooms": rooms,
            "age": age,
        }
    )
    y = (frame["age"] + rng.normal(scale=10, size=n) > 45).astype(int).to_numpy()
    pre = ColumnTransformer(
        [
            ("cat", OrdinalEncoder(), ["job", "city"]),
            ("age", MinMaxScaler(), ["age"]),
        ],
        remainder="passthrough",
    )
    hgb = HistGradientBoostingClassifier(categorical_features=[0, 1], max_iter=10, random_state=0)
    pipe = Pipeline([("pre", pre), ("hgb", hgb)]).fit(frame, y)
    return pipe, frame, y


def test_columns_are_followed_through_the_pipeline(planted):
    pipe, _, _ = planted
    cols = input_columns(pipe)
    hgb_in = cols["steps[1]"]
    assert [c.name for c in hgb_in] == [
        "cat__job",
        "cat__city",
        "age__age",
        "remainder__children",
        "remainder__rooms",
    ]
    assert [c.kind for c in hgb_in][:2] == [CODE, CODE]
    assert hgb_in[3].kind == VALUE and hgb_in[3].source == "children"
    # the internal encoder sees codes; the bins are fitted on its preprocessor's output
    assert all(c.kind == CODE for c in cols["steps[1]._preprocessor.transformers_[0]"])
    assert [c.source for c in cols["steps[1]._bin_mapper"]][3:] == ["children", "rooms"]


def test_encoder_codes_are_not_matched_against_raw_columns(planted):
    pipe, frame, y = planted
    result = modelprivacy.inspect(pipe, frame, y)
    stored = by_check(result, "MP-S103")
    # no finding from the codes 0..12 that the booster's internal encoder keeps
    assert not [f for f in stored if "categories_" in f.path]
    assert not [f for f in stored if f.severity is Severity.HIGH]
    # recall: the scaler's stored maximum is the one person's age 97
    [extreme] = [f for f in stored if f.path == "steps[0].transformers_[1].data_max_"]
    assert extreme.records.ids == (7,) and extreme.severity is Severity.MEDIUM
    # rare jobs are counted once, at the encoder that saw the strings
    [groups] = by_check(result, "MP-S106")
    assert groups.path == "steps[0].transformers_[0].categories_"
    rare_jobs = [j for j, c in frame["job"].value_counts().items() if c < 10]
    assert set(groups.records.ids) == set(np.flatnonzero(frame["job"].isin(rare_jobs)).tolist())


def test_bin_thresholds_skip_codes_and_keep_real_values(planted):
    pipe, frame, y = planted
    [f] = by_check(modelprivacy.inspect(pipe, frame, y), "MP-S104")
    columns = f.evidence["columns"]
    assert set(columns) == {"age__age", "remainder__children", "remainder__rooms"}
    assert f.evidence["code_columns_skipped"] == 2
    # every distinct number of children is rebuilt; the rare ones expose their holders
    counts = frame["children"].value_counts()
    assert columns["remainder__children"]["located_values"] == counts.size
    rare_children = set(np.flatnonzero(frame["children"].isin(counts[counts < 10].index)))
    assert rare_children <= set(f.records.ids) and 7 in f.records.ids
    assert f.severity >= Severity.MEDIUM


def test_model_only_skips_codes_and_names_columns(planted):
    pipe, _, _ = planted
    result = modelprivacy.inspect(pipe)
    assert not [f for f in by_check(result, "MP-S103") if "categories_" in f.path]
    [f] = by_check(result, "MP-S104")
    assert f.severity is Severity.MEDIUM
    assert "remainder__children" in f.description and "x3" not in f.description
    assert set(f.evidence["distinct_values_rebuilt"]) == {
        "age__age",
        "remainder__children",
        "remainder__rooms",
    }


def test_adult_hgb_after_ordinal_encoder_is_not_accused_by_codes():
    frame = load_adult().sample(1500, random_state=0).reset_index(drop=True)
    y = frame.pop("income")
    cats, nums = list(ADULT_CATEGORICAL), list(ADULT_NUMERIC)
    pre = ColumnTransformer([("cat", OrdinalEncoder(), cats)], remainder="passthrough")
    hgb = HistGradientBoostingClassifier(
        categorical_features=list(range(len(cats))), max_iter=10, random_state=0
    )
    pipe = Pipeline([("pre", pre), ("hgb", hgb)]).fit(frame, y)
    result = modelprivacy.inspect(pipe, frame, y)
    assert not by_check(result, "MP-S103")  # no stored value but the codes: nothing to find
    [thr] = by_check(result, "MP-S104")
    assert set(thr.evidence["columns"]) == {f"remainder__{c}" for c in nums}
    assert thr.evidence["code_columns_skipped"] == len(cats)


def test_one_hot_columns_of_a_forest_are_not_values():
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {"job": rng.choice(JOBS, size=200), "hours": rng.integers(10, 60, size=200)}
    )
    y = rng.integers(0, 2, size=200)
    pre = ColumnTransformer([("cat", OneHotEncoder(), ["job"])], remainder="passthrough")
    pipe = Pipeline([("pre", pre), ("rf", RandomForestClassifier(n_estimators=3, random_state=0))])
    pipe.fit(frame, y)
    [f] = by_check(modelprivacy.inspect(pipe, frame, y), "MP-S104")
    assert set(f.evidence["columns"]) == {"remainder__hours"}
    assert f.evidence["code_columns_skipped"] == len(JOBS)


def test_cli_model_only_names_columns_and_hides_values(tmp_path, capsys):
    rng = np.random.default_rng(4)
    frame = pd.DataFrame(
        {
            "age": rng.integers(18, 90, size=300),
            "hours_per_week": rng.integers(10, 80, size=300),
        }
    )
    frame.loc[3, "age"] = 328  # a value that must not be printed
    y = rng.integers(0, 2, size=300)
    model = tmp_path / "forest.pkl"
    joblib.dump(RandomForestClassifier(n_estimators=3, random_state=0).fit(frame, y), model)
    code = main(["inspect", str(model)])
    out, _ = capsys.readouterr()
    assert code == 1  # fully grown trees leave people alone in leaves: MP-S105 is high
    assert "age (" in out and "hours_per_week (" in out
    assert "column 0" not in out and "x0" not in out
    assert "328" not in out and "327.5" not in out


def test_thinned_bin_thresholds_are_not_called_complete():
    rng = np.random.default_rng(1)
    age = rng.integers(18, 90, size=500).astype(float)
    X = np.c_[age, rng.normal(size=500)]
    hgb = HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(X, (age > 50).astype(int))
    [f] = by_check(modelprivacy.inspect(hgb), "MP-S104")
    assert f.severity is Severity.MEDIUM and f.evidence["columns_fully_located"] == 1
    # keep only the thresholds the trees split at, as a sanitizer does
    used = {
        float(t)
        for group in hgb._predictors
        for p in group
        for t in p.nodes["num_threshold"][p.nodes["is_leaf"] == 0]
    }
    mapper = hgb._bin_mapper
    mapper.bin_thresholds_ = [t[np.isin(t, list(used))] for t in mapper.bin_thresholds_]
    [f] = by_check(modelprivacy.inspect(hgb), "MP-S104")
    assert f.severity is Severity.INFO and "rebuilt in full" not in f.description
