"""The command line: exit codes, outputs, and one-line errors for bad input."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier

from modelprivacy.cli import main


@pytest.fixture
def files(tmp_path):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"a": rng.normal(size=60), "b": rng.normal(size=60)})
    frame["label"] = (frame["a"] > 0).astype(int)
    frame["pid"] = [f"P{i:02d}" for i in range(60)]
    train = tmp_path / "train.csv"
    frame.to_csv(train, index=False)
    knn = KNeighborsClassifier().fit(frame[["a", "b"]], frame["label"])
    model = tmp_path / "knn.pkl"
    joblib.dump(knn, model)
    logreg = tmp_path / "logreg.pkl"
    joblib.dump(LogisticRegression().fit(frame[["a", "b"]], frame["label"]), logreg)
    return {"train": train, "model": model, "logreg": logreg, "frame": frame, "tmp": tmp_path}


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_inspect_with_data_json_to_output(files, capsys):
    out_file = files["tmp"] / "report.json"
    code, out, err = run(
        [
            "inspect",
            files["model"],
            "--train",
            files["train"],
            "--target",
            "label",
            "--id-column",
            "pid",
            "--format",
            "json",
            "--output",
            out_file,
        ],
        capsys,
    )
    assert code == 1  # high findings, default --fail-on high
    assert out == ""
    doc = json.loads(out_file.read_text())
    rows = [f for f in doc["findings"] if f["check_id"] == "MP-S101"]
    assert rows[0]["records"]["count"] == 60 and rows[0]["records"]["ids"][0] == "P00"
    assert "KNeighborsClassifier" in err and "finding" in err


def test_exit_codes_follow_fail_on(files, capsys):
    code, out, _ = run(["inspect", files["logreg"], "--format", "markdown"], capsys)
    assert code == 0 and out.startswith("#")
    code, _, _ = run(["inspect", files["model"], "--fail-on", "high"], capsys)
    assert code == 1


def test_terminal_report_to_stdout(files, capsys):
    code, out, err = run(
        [
            "inspect",
            files["model"],
            "--train",
            files["train"],
            "--target",
            "label",
            "--id-column",
            "pid",
        ],
        capsys,
    )
    assert code == 1 and "MP-S101" in out and "_fit_X" in out
    assert out.count("\n") > 5 and err.strip().count("\n") == 0


def test_output_never_overwrites_an_input(files, capsys):
    before = files["model"].read_bytes()
    code, _, err = run(["inspect", files["model"], "--output", files["model"]], capsys)
    assert code == 2 and "is an input file" in err
    assert files["model"].read_bytes() == before


def test_failed_run_leaves_no_output_file(files, capsys):
    out_file = files["tmp"] / "never.json"
    code, _, _ = run(["inspect", files["tmp"] / "missing.pkl", "--output", out_file], capsys)
    assert code == 2 and not out_file.exists()


BAD_CASES = {
    "not a model": lambda t: _write(t / "data.pkl", pickle.dumps({"weights": [1, 2, 3]})),
    "csv as model": lambda t: _write(t / "x.pkl", b"a,b,c\n1,2,3\n"),
    "empty file": lambda t: _write(t / "empty.pkl", b""),
    "truncated": lambda t: _write(
        t / "trunc.pkl", pickle.dumps(LogisticRegression().fit([[0], [1]], [0, 1]))[:40]
    ),
    "unfitted": lambda t: _write(t / "unfitted.pkl", pickle.dumps(KNeighborsClassifier())),
    "missing file": lambda t: t / "nope.pkl",
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_model_files_give_one_line_exit_2(name, files, capsys):
    path = BAD_CASES[name](files["tmp"])
    code, out, err = run(["inspect", path], capsys)
    assert code == 2, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("modelprivacy: error:"), err
    assert "Traceback" not in err


def test_mismatched_columns_and_nan(files, capsys):
    frame = files["frame"]
    other = files["tmp"] / "other.csv"
    frame.rename(columns={"b": "c"}).to_csv(other, index=False)
    code, _, err = run(
        ["inspect", files["model"], "--train", other, "--target", "label", "--id-column", "pid"],
        capsys,
    )
    assert code == 2 and "lacks 1 column(s) the model was fitted on: b" in err
    nan = files["tmp"] / "nan.csv"
    frame.assign(a=frame["a"].where(frame.index != 4)).to_csv(nan, index=False)
    code, _, err = run(
        ["inspect", files["model"], "--train", nan, "--target", "label", "--id-column", "pid"],
        capsys,
    )
    assert code == 2 and "missing values (NaN)" in err
    code, _, err = run(
        ["inspect", files["model"], "--train", files["train"], "--target", "income"], capsys
    )
    assert code == 2 and "target column 'income' is not in the training data" in err


def test_usage_errors_exit_2(files, capsys):
    code, _, err = run(["inspect", files["model"], "--target", "label"], capsys)
    assert code == 2 and "need --train" in err
    with pytest.raises(SystemExit) as exc:
        main(["inspect", str(files["model"]), "--k", "1"])
    assert exc.value.code == 2


def test_debug_shows_traceback_and_real_entry_point(files):
    empty = _write(files["tmp"] / "e.pkl", b"")
    proc = subprocess.run(
        [sys.executable, "-m", "modelprivacy", "inspect", str(empty)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "empty" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "modelprivacy", "inspect", str(empty), "--debug"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "Traceback" in proc.stderr


def test_columns_in_another_order_are_put_in_the_models_order(tmp_path, capsys):
    import pickle

    import numpy as np
    import pandas as pd
    from sklearn.tree import DecisionTreeClassifier

    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(120, 3)), columns=["a", "b", "c"])
    frame["label"] = (frame["a"] > 0).astype(int)
    model = DecisionTreeClassifier(max_depth=2, random_state=0).fit(
        frame[["a", "b", "c"]], frame["label"]
    )
    model_path = tmp_path / "model.pkl"
    model_path.write_bytes(pickle.dumps(model))
    shuffled = frame[["label", "c", "a", "b"]]
    shuffled.iloc[:60].to_csv(tmp_path / "train.csv", index=False)
    shuffled.iloc[60:].to_csv(tmp_path / "holdout.csv", index=False)
    code = main(
        [
            "attack",
            "membership",
            str(model_path),
            "--train",
            str(tmp_path / "train.csv"),
            "--holdout",
            str(tmp_path / "holdout.csv"),
            "--target",
            "label",
            "--reference-models",
            "2",
        ]
    )
    err = capsys.readouterr().err
    # a depth-2 tree on 60 rows generalises: no membership finding reaches high
    assert code == 0, err
    assert "in another order than the model's" in err and "train.csv" in err


_HELP_ARGV = {
    "modelprivacy": [],
    "inspect": ["inspect"],
    "audit": ["audit"],
    "sanitize": ["sanitize"],
    "checks": ["checks"],
    "docs": ["docs"],
    "membership": ["attack", "membership"],
    "attribute": ["attack", "attribute"],
    "singling-out": ["attack", "singling-out"],
}


@pytest.mark.parametrize("command", sorted(_HELP_ARGV))
def test_help_ends_with_examples_that_parse_and_the_exit_codes(command, capsys):
    import shlex

    from modelprivacy.cli import EPILOGS, build_parser

    with pytest.raises(SystemExit) as done:
        main([*_HELP_ARGV[command], "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "\nExamples:\n" in out and "\nExit codes:\n" in out
    assert out.index("Examples:") < out.index("Exit codes:")
    for code in ("0", "1", "2") if command not in ("checks", "docs") else ("0", "2"):
        assert f"\n  {code}  " in out
    examples, _ = EPILOGS[command]
    assert examples
    for example in examples:
        words = shlex.split(example)
        assert words[0] == "modelprivacy"
        if command != "modelprivacy":
            assert words[1 : 1 + len(_HELP_ARGV[command])] == _HELP_ARGV[command]
        build_parser().parse_args(words[1:])  # exits 2 on an option that does not exist
    # a long example is continued with a backslash, each line within the terminal's width
    assert all(len(line) <= 100 for line in out[out.index("Examples:") :].splitlines())
