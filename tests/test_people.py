"""Singling out per person (`modelprivacy attack singling-out`) on real models and files."""

from __future__ import annotations

import json

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.cli import main
from modelprivacy.errors import DataError
from modelprivacy.people import singling_out


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"age": rng.normal(40, 10, n).round(1), "hours": rng.normal(40, 5, n)})
    df["label"] = (df["age"] + rng.normal(0, 5, n) > 40).astype(int)
    df["pid"] = [f"R{seed}-{i}" for i in range(n)]
    df["person"] = [f"P{seed}-{i // 2}" for i in range(n)]
    return df


@pytest.fixture(scope="module")
def planted():
    train, holdout = _frame(400, 0), _frame(400, 1)
    train.loc[5, ["age", "hours", "label"]] = [97.0, 5.0, 0]  # one unusual person, unusual label
    return train, holdout


def test_fully_grown_tree_singles_out_the_outlier(planted):
    train, holdout = planted
    X = train[["age", "hours"]]
    model = DecisionTreeClassifier(random_state=0).fit(X, train["label"])
    report = singling_out(
        model, train, target="label", holdout=holdout, id_column="pid", subject_column="person"
    )
    ids = {f.check_id: set(f.records.ids) for f in report.findings if f.records.ids}
    assert "R0-5" in ids["MP-S110"]  # boxes carry record IDs
    assert report.table.unit == "person" and report.table.n == 200
    assert report.table.frame.loc["P0-2", "level"] == "high"  # the outlier's person
    assert report.table.frame.loc["P0-2", "records"] == 2
    assert report.boxes is not None and bool(report.boxes.label_recovered[5])
    assert report.skipped == []


def test_regularised_forest_singles_out_nobody_by_leaves(planted):
    train, holdout = planted
    model = RandomForestClassifier(n_estimators=10, min_samples_leaf=50, random_state=0)
    model.fit(train[["age", "hours"]], train["label"])
    report = singling_out(
        model, train.drop(columns="person"), target="label", holdout=holdout, id_column="pid"
    )
    assert not any(
        f.check_id in ("MP-S105", "MP-S110") and f.records.count for f in report.findings
    )
    assert len(report.table.exposed("high")) == 0


def test_models_without_trees_are_assessed_by_inspection_only(planted):
    train, _ = planted
    model = LogisticRegression().fit(train[["age", "hours"]], train["label"])
    report = singling_out(model, train.drop(columns="person"), target="label", id_column="pid")
    assert report.boxes is None
    assert any(s.check_id == "MP-S110" for s in report.skipped)
    assert any("no holdout" in s.reason for s in report.skipped)


def test_one_persons_data_is_flagged(planted):
    train, _ = planted
    model = DecisionTreeClassifier(min_samples_leaf=50).fit(train[["age", "hours"]], train["label"])
    subjects = ["alice"] * 300 + [f"p{i}" for i in range(100)]
    report = singling_out(
        model, train.drop(columns=["person", "pid"]), target="label", subjects=subjects
    )
    flagged = [f for f in report.findings if f.check_id == "MP-S111"]
    assert flagged and flagged[0].records.ids == ("alice",)


def test_bad_inputs(planted):
    train, _ = planted
    model = DecisionTreeClassifier().fit(train[["age", "hours"]], train["label"])
    with pytest.raises(DataError, match="subject column 'who'"):
        singling_out(model, train, target="label", subject_column="who")
    with pytest.raises(DataError, match="not unique"):
        singling_out(model, train.drop(columns=["pid", "person"]), target="label", ids=[1] * 400)


def test_cli_singling_out(tmp_path, planted, capsys):
    train, holdout = planted
    model = DecisionTreeClassifier(random_state=0).fit(train[["age", "hours"]], train["label"])
    joblib.dump(model, tmp_path / "m.joblib")
    train.to_csv(tmp_path / "train.csv", index=False)
    holdout.to_csv(tmp_path / "holdout.csv", index=False)
    before = (tmp_path / "train.csv").read_bytes()
    args = [
        "attack",
        "singling-out",
        str(tmp_path / "m.joblib"),
        "--train",
        str(tmp_path / "train.csv"),
    ]
    args += ["--holdout", str(tmp_path / "holdout.csv"), "--target", "label", "--id-column", "pid"]
    args += ["--subject-column", "person"]
    code = main([*args, "--format", "json", "-o", str(tmp_path / "so.json")])
    assert code == 1  # high findings
    doc = json.loads((tmp_path / "so.json").read_text())
    assert doc["kind"] == "singling_out" and doc["exposure"]["unit"] == "person"
    assert "P0-2" in doc["exposure"]["most_exposed"]
    assert (tmp_path / "train.csv").read_bytes() == before
    code = main([*args, "--format", "markdown"])
    out, err = capsys.readouterr()
    assert "## Exposure per person" in out and "MP-S110" in out
    assert "97.0" not in out  # the outlier's raw value is redacted
    assert "singling out:" in err
    code = main([*args[:-2], "--subject-column", "nobody"])
    _, err = capsys.readouterr()
    assert code == 2 and "subject column 'nobody' is not in the training data" in err


def test_ids_with_markup_characters_are_printed_as_given(tmp_path, planted, capsys):
    train, _ = planted
    train = train.assign(pid=[f"a[/b]{i}|x" for i in range(len(train))])
    model = DecisionTreeClassifier(random_state=0).fit(train[["age", "hours"]], train["label"])
    joblib.dump(model, tmp_path / "m.joblib")
    train.drop(columns="person").to_csv(tmp_path / "train.csv", index=False)
    args = [
        "attack",
        "singling-out",
        str(tmp_path / "m.joblib"),
        "--train",
        str(tmp_path / "train.csv"),
    ]
    args += ["--target", "label", "--id-column", "pid"]
    assert main(args) == 1
    out, _ = capsys.readouterr()
    assert "a[/b]5|x" in out  # rich markup is not interpreted
    assert main([*args, "--format", "markdown"]) == 1
    out, _ = capsys.readouterr()
    assert "a[/b]5\\|x" in out  # the pipe is escaped in Markdown tables
