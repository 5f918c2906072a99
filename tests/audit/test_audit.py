"""`modelprivacy audit`: verdicts on real models, the JSON schema, the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.auditing import (
    NO_EVIDENCE,
    NOT_ANONYMOUS,
    NOT_DEMONSTRATED,
    Thresholds,
    audit,
)
from modelprivacy.auditing.verdict import decide
from modelprivacy.cli import main
from modelprivacy.findings import Confidence, Criterion, Finding, RecordsExposed, Severity

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "src/modelprivacy/report/schema/audit.schema.json").read_text())


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=n), rng.normal(size=n)
    noise = rng.integers(0, 2, n)  # independent of everything
    y = (a + rng.normal(scale=1.0, size=n) > 0).astype(int)
    return pd.DataFrame(
        {"a": a, "b": b, "noise": noise, "y": y, "pid": [f"S{seed}-{i}" for i in range(n)]}
    )


@pytest.fixture(scope="module")
def data():
    return _frame(600, 0), _frame(600, 1)


@pytest.fixture(scope="module")
def leaky_audit(data):
    train, holdout = data
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "noise"]], train["y"])
    return audit(
        model,
        train,
        holdout,
        target="y",
        sensitive=["noise"],
        id_column="pid",
        reference_models=4,
        seed=0,
    )


def test_fully_grown_tree_is_not_anonymous(leaky_audit):
    v = leaky_audit.verdict
    assert v.overall == NOT_ANONYMOUS
    assert v.criteria[Criterion.SINGLING_OUT].risk == "high"
    assert all(c.assessed == "yes" for c in v.criteria.values())
    assert leaky_audit.exposure is not None and leaky_audit.boxes is not None
    # record IDs, not row numbers, everywhere
    assert all(str(i).startswith("S0-") for i in leaky_audit.exposure.worst(5))
    rows = {r.attack: r for r in leaky_audit.coverage}
    assert (
        rows["Membership inference"].status == "run" and "K=4" in rows["Membership inference"].scope
    )
    assert rows["Exfiltration"].status == "out of scope"


def test_json_validates_and_same_seed_same_report(leaky_audit, data):
    doc = leaky_audit.to_dict()
    jsonschema.validate(doc, SCHEMA)
    train, holdout = data
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "noise"]], train["y"])
    again = audit(
        model,
        train,
        holdout,
        target="y",
        sensitive=["noise"],
        id_column="pid",
        reference_models=4,
        seed=0,
    )
    assert again.render("json") == leaky_audit.render("json")
    assert again.render("markdown") == leaky_audit.render("markdown")


def test_model_that_generalises_shows_no_evidence(data):
    train, holdout = _frame(3000, 2), _frame(3000, 3)
    model = LogisticRegression(C=0.01).fit(train[["a", "b"]], train["y"])
    result = audit(
        model,
        train.drop(columns="noise"),
        holdout.drop(columns="noise"),
        target="y",
        sensitive=["b"],
        id_column="pid",
        reference_models=4,
        seed=0,
    )
    v = result.verdict
    assert v.criteria[Criterion.LINKABILITY].risk in ("none", "low")
    assert v.criteria[Criterion.SINGLING_OUT].risk in ("none", "low")
    assert v.overall in (NO_EVIDENCE, NOT_DEMONSTRATED)
    if v.overall == NO_EVIDENCE:
        assert "not proof of anonymity" in v.explanation


def test_model_only_audit_says_what_it_skipped(data):
    train, _ = data
    model = KNeighborsClassifier().fit(train[["a", "b"]], train["y"])
    result = audit(model)
    v = result.verdict
    # k-NN stores per-record arrays (linkability, from inspection): partly assessed only
    assert v.criteria[Criterion.LINKABILITY].assessed == "partially"
    assert v.criteria[Criterion.INFERENCE].assessed in ("no", "partially")
    assert "membership inference needs" in v.criteria[Criterion.LINKABILITY].reason
    assert v.overall in (NOT_ANONYMOUS, NOT_DEMONSTRATED)  # never "no evidence" untested
    assert any(
        s.check_id == "MP-L201" and "needs the training data" in s.reason for s in result.skipped
    )
    jsonschema.validate(result.to_dict(), SCHEMA)
    assert "VERDICT:" in result.render("terminal")


def _finding(check: str, criterion: Criterion, severity: Severity) -> Finding:
    return Finding(
        check_id=check,
        title="t",
        criterion=criterion,
        severity=severity,
        confidence=Confidence.HIGH,
        path="p",
        estimator="E",
        description="d",
        records=RecordsExposed(count=1, ids=(0,), of=10),
    )


def test_verdict_rules():
    all_run = dict.fromkeys(Criterion, True)
    assert decide([], all_run).overall == NO_EVIDENCE
    low = [_finding("MP-L201", Criterion.LINKABILITY, Severity.LOW)]
    assert decide(low, all_run).overall == NO_EVIDENCE
    medium = [_finding("MP-I301", Criterion.INFERENCE, Severity.MEDIUM)]
    assert decide(medium, all_run).overall == NOT_DEMONSTRATED
    high = [_finding("MP-S101", Criterion.SINGLING_OUT, Severity.HIGH)]
    v = decide(high, all_run)
    assert v.overall == NOT_ANONYMOUS and v.criteria[Criterion.SINGLING_OUT].risk == "high"
    # a criterion not assessed forbids "no evidence"
    partial = {**all_run, Criterion.INFERENCE: False}
    v = decide([], partial, {Criterion.INFERENCE: "no sensitive column"})
    assert v.overall == NOT_DEMONSTRATED
    assert v.criteria[Criterion.INFERENCE].risk == "not assessed"
    assert v.criteria[Criterion.INFERENCE].reason == "no sensitive column"
    # inspection findings under an unassessed criterion count (partially assessed)
    per_record = [_finding("MP-S102", Criterion.LINKABILITY, Severity.MEDIUM)]
    v = decide(per_record, {**all_run, Criterion.LINKABILITY: False})
    assert v.criteria[Criterion.LINKABILITY].assessed == "partially"
    assert v.criteria[Criterion.LINKABILITY].risk == "medium"


def test_thresholds_are_configurable(data):
    train, holdout = data
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "noise"]], train["y"])
    strict = audit(
        model,
        train.drop(columns="pid"),
        holdout.drop(columns="pid"),
        target="y",
        reference_models=4,
        thresholds=Thresholds(membership_high_tpr=0.0, membership_medium_tpr=0.0),
    )
    lax = audit(
        model,
        train.drop(columns="pid"),
        holdout.drop(columns="pid"),
        target="y",
        reference_models=4,
        thresholds=Thresholds(
            membership_high_tpr=1.1, membership_medium_tpr=1.1, membership_high_epsilon=1e9
        ),
    )
    s = {f.check_id: f.severity for f in strict.findings}["MP-L201"]
    lx = {f.check_id: f.severity for f in lax.findings}["MP-L201"]
    assert s == Severity.HIGH and lx < Severity.HIGH


def test_cli_audit(tmp_path, data, capsys):
    import joblib

    train, holdout = data
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "noise"]], train["y"])
    joblib.dump(model, tmp_path / "m.joblib")
    train.to_csv(tmp_path / "train.csv", index=False)
    holdout.to_csv(tmp_path / "holdout.csv", index=False)
    base = ["audit", str(tmp_path / "m.joblib")]
    full = [
        *base,
        "--train",
        str(tmp_path / "train.csv"),
        "--holdout",
        str(tmp_path / "holdout.csv"),
    ]
    full += ["--target", "y", "--id-column", "pid", "--reference-models", "4"]
    code = main([*full, "--format", "json", "-o", str(tmp_path / "audit.json")])
    _, err = capsys.readouterr()
    assert code == 1 and "verdict: contains personal data" in err
    doc = json.loads((tmp_path / "audit.json").read_text())
    jsonschema.validate(doc, SCHEMA)
    assert doc["source"] == str(tmp_path / "m.joblib")
    # model only: exit 1 as well (the tree singles people out), says what it skipped
    code = main([*base, "--format", "markdown"])
    out, _ = capsys.readouterr()
    assert "not run" in out and "needs the training data" in out
    # bad input: clear message, exit 2, no traceback
    code = main([*base, "--holdout", str(tmp_path / "holdout.csv")])
    _, err = capsys.readouterr()
    assert code == 2 and "--holdout needs --train" in err and "Traceback" not in err
    code = main(
        [*base, "--train", str(tmp_path / "train.csv"), "--holdout", str(tmp_path / "holdout.csv")]
    )
    _, err = capsys.readouterr()
    assert code == 2 and "--target" in err


def test_schema_files_are_generated_and_in_sync():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools/make_audit_schema.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "wrote" in out.stdout
    pkg = (ROOT / "src/modelprivacy/report/schema/audit.schema.json").read_text()
    assert pkg == (ROOT / "docs/schema/audit.schema.json").read_text()
    assert json.loads(pkg) == SCHEMA


def test_bad_ids_and_subjects_are_refused_before_the_slow_steps(data):
    from modelprivacy.errors import DataError

    train, holdout = data
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "noise"]], train["y"])
    dup = train.assign(pid=["same"] * len(train))
    with pytest.raises(DataError, match="repeated values"):
        audit(model, dup, holdout, target="y", id_column="pid")
    with pytest.raises(DataError, match="subject column 'who'"):
        audit(model, train, holdout, target="y", id_column="pid", subject_column="who")
    # a model-only audit cannot confirm singling out against records: partly assessed
    v = audit(model).verdict
    assert v.criteria[Criterion.SINGLING_OUT].assessed == "partially"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("nan_target", "has 1 missing value(s) in the training data"),
        ("holdout_missing_column", "the holdout data lacks 1 column(s) the model was fitted on: b"),
        ("no_id_column_named", "has column(s) the model was not fitted on: pid"),
        ("holdout_without_target", "target column 'y' is not in the holdout data"),
    ],
)
def test_bad_tables_are_refused_before_any_attack(tmp_path, data, capsys, change, message):
    import joblib

    train, holdout = data
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "noise"]], train["y"])
    joblib.dump(model, tmp_path / "m.joblib")
    args = ["--target", "y", "--id-column", "pid"]
    if change == "nan_target":
        train = train.assign(y=train["y"].astype(float)).copy()
        train.loc[3, "y"] = float("nan")
    elif change == "holdout_missing_column":
        holdout = holdout.drop(columns="b")
    elif change == "no_id_column_named":
        args = ["--target", "y"]
    else:
        holdout = holdout.drop(columns="y")
    train.to_csv(tmp_path / "train.csv", index=False)
    holdout.to_csv(tmp_path / "holdout.csv", index=False)
    code = main(
        [
            "audit",
            str(tmp_path / "m.joblib"),
            "--train",
            str(tmp_path / "train.csv"),
            "--holdout",
            str(tmp_path / "holdout.csv"),
            *args,
        ]
    )
    _, err = capsys.readouterr()
    assert code == 2 and message in err and "Traceback" not in err


def test_every_report_says_why_membership_tests_linkability(leaky_audit):
    # A data protection officer reads WP29's linkability as linking two records
    # of one person: where the criterion first appears, the report says that
    # linking a known person's record to the training set is the test used.
    from modelprivacy.auditing.verdict import LINKABILITY_TEST

    for fmt in ("terminal", "markdown", "html"):
        text = " ".join(leaky_audit.render(fmt).split())
        assert " ".join(LINKABILITY_TEST.split()) in text.replace("&#39;", "'"), fmt
