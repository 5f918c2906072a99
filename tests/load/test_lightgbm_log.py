"""LightGBM's own log lines never reach the report or the error line.

LightGBM prints its warnings through Python to standard output (where they
corrupt a JSON report) and its fatal errors straight to file descriptor 2,
before raising the error that says the same. The command line is run as a
user runs it, in a subprocess, so that the load happens in the contained child.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

lgb = pytest.importorskip("lightgbm")

from sklearn.datasets import load_breast_cancer  # noqa: E402

from modelprivacy.load import load_model  # noqa: E402


@pytest.fixture(scope="module")
def model_text() -> str:
    X, y = load_breast_cancer(return_X_y=True)
    booster = lgb.train({"objective": "binary", "verbose": -1, "seed": 0}, lgb.Dataset(X, y), 3)
    text = booster.model_to_string()
    assert "[boosting: gbdt]" in text and "objective=binary sigmoid:1" in text
    return text


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "modelprivacy", "inspect", str(path), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_lightgbm_warning_is_a_note_not_a_line_in_the_json_report(
    model_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unknown_parameter.txt"
    path.write_text(model_text.replace("[boosting: gbdt]", "[boosting: gbdt]\n[evil_param: 1]", 1))
    done = _cli(path, "--format", "json")
    assert done.returncode != 2, done.stderr
    report = json.loads(done.stdout)  # nothing but the report on standard output
    assert report["kind"] == "inspection" and done.stdout.lstrip().startswith("{")
    assert any("evil_param" in note for note in report["load_notes"])
    assert (
        "LightGBM said while reading it: [LightGBM] [Warning] Ignoring unrecognized" in done.stderr
    )
    # the Python API prints nothing of it either (in this process LightGBM may stay silent:
    # training with verbose=-1 lowered its log level for the whole process)
    capsys.readouterr()
    loaded = load_model(path, contain=False)
    assert capsys.readouterr().out == "" and type(loaded.estimator).__name__ == "Booster"


def test_a_file_lightgbm_refuses_itself_gives_one_clean_line(
    model_text: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad_objective.txt"
    path.write_text(
        model_text.replace("objective=binary sigmoid:1", "objective=binary sigmoid:x", 1)
    )
    done = _cli(path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("modelprivacy: error: ") and "LightGBM refused it" in lines[0]
    assert "[LightGBM] [Fatal]" not in done.stderr and done.stdout == ""
