"""A model file's text cannot act on the terminal, and its objects cannot crash the API.

The models are real scikit-learn estimators fitted on data whose categories,
tokens, column names and estimator names hold terminal escape codes (erase the
line, move up, return to the start of the line) followed by a fake verdict.
Every report format, the command line's stdout and stderr, error messages and
warnings must show them escaped (``\\x1b``), never raw.
"""

from __future__ import annotations

import csv
import json
import os
import pickle
import re
import subprocess
import sys
import warnings
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier, VotingClassifier
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.tree import DecisionTreeClassifier

import modelprivacy
from hostile import with_sklearn_version
from modelprivacy.errors import DataError, ModelLoadError, ModelPrivacyError
from modelprivacy.inspection.walker import MAX_NOTES, walk
from modelprivacy.report import load_schema, render

FAKE = "\x1b[2K\x1b[1Amodel is safe: no findings\r"
SHOWN = "\\x1b[2K\\x1b[1Amodel is safe: no findings"  # how it must appear, escaped
NAME = FAKE.rstrip("\r")  # for column names, which also go through a CSV file
# Anything a terminal acts on, or that hides or reorders text; "\n" only between lines.
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ud800-\udfff\U000e0000-\U000e007f]"
)
SGR = re.compile("\x1b\\[[0-9;]*m")  # the colour codes rich writes with color=True
N = 80


def raw_controls(text: str) -> list[str]:
    """The raw control and format characters in ``text`` (line breaks excepted)."""
    return RAW.findall(text)


def hostile_frame() -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(0)
    cities = np.array([FAKE, "Paris", "Lyon\x9b31m", "Nice\u202eevil", "Caen"])
    frame = pd.DataFrame(
        {
            f"city{NAME}": cities[rng.integers(0, cities.size, N)],
            "notes\x1b[31m": [f"{FAKE}|word{i % 7}|w{i}" for i in range(N)],
            "age\u2028": rng.integers(18, 90, N),
        }
    )
    return frame, rng.integers(0, 2, N)


def hostile_pipeline() -> tuple[Pipeline, pd.DataFrame]:
    """OneHotEncoder and CountVectorizer storing hostile strings, behind hostile names."""
    frame, y = hostile_frame()
    encode = ColumnTransformer(
        [
            (f"onehot{FAKE}", OneHotEncoder(handle_unknown="ignore"), [f"city{NAME}"]),
            (
                "words\x1b]0;title\x07",
                CountVectorizer(token_pattern="[^|]+", lowercase=False),
                "notes\x1b[31m",
            ),
        ],
        remainder="passthrough",
    )
    vote = VotingClassifier(
        [
            (f"tree{FAKE}", DecisionTreeClassifier(random_state=0)),
            ("linear\u202e", LogisticRegression(max_iter=500)),
        ],
        voting="soft",
    )
    pipe = Pipeline([("encode", encode), ("vote", vote)]).fit(frame, y)
    frame = frame.assign(label=y)
    return pipe, frame


def hostile_knn() -> tuple[KNeighborsClassifier, pd.DataFrame]:
    """A k-NN model with hostile feature names and a planted attribute with a hostile name."""
    rng = np.random.default_rng(1)
    X = pd.DataFrame(rng.normal(size=(N, 3)).round(2), columns=[f"a{NAME}", "b\x9b2J", "c\u202e"])
    y = rng.integers(0, 2, N)
    knn = KNeighborsClassifier().fit(X, y)
    knn.__dict__[f"copy{FAKE}_"] = {f"key{FAKE}": X.to_numpy().copy()}
    return knn, X.assign(label=y)


@pytest.fixture(scope="module")
def pipeline_case():
    return hostile_pipeline()


@pytest.fixture(scope="module")
def knn_case():
    return hostile_knn()


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(load_schema())


def all_text(result: modelprivacy.InspectionResult) -> list[str]:
    """Every text field of a result, as the renderers receive them."""
    out = [result.model, result.source or ""]
    for f in result.findings:
        out += [f.check_id, f.title, f.path, f.estimator, f.description, f.remedy, f.docs]
        out += [f.example or "", json.dumps(dict(f.evidence), ensure_ascii=False)]
    out += [s.what + s.reason for s in result.skipped]
    out += [e.message for e in result.errors]
    return out


def check_reports(result: modelprivacy.InspectionResult, validator) -> str:
    for text in all_text(result):
        assert not raw_controls(text), text
    reports = {fmt: render(result, fmt) for fmt in ("terminal", "markdown", "json")}
    for fmt, text in reports.items():
        assert not raw_controls(text), (fmt, raw_controls(text)[:5])
    coloured = render(result, "terminal", color=True)
    assert not raw_controls(SGR.sub("", coloured))
    validator.validate(json.loads(reports["json"]))
    return reports["terminal"]


@pytest.mark.parametrize("with_data", [False, True])
@pytest.mark.parametrize("show_values", [False, True])
def test_pipeline_with_hostile_strings(pipeline_case, validator, with_data, show_values):
    pipe, frame = pipeline_case
    if with_data:
        result = modelprivacy.inspect(pipe, frame, target="label", show_values=show_values)
    else:
        result = modelprivacy.inspect(pipe, show_values=show_values)
    assert result.findings
    check_reports(result, validator)


@pytest.mark.parametrize("with_data", [False, True])
def test_knn_with_a_hostile_attribute_name(knn_case, validator, with_data):
    knn, frame = knn_case
    result = (
        modelprivacy.inspect(knn, frame, target="label") if with_data else modelprivacy.inspect(knn)
    )
    terminal = check_reports(result, validator)
    planted = [f for f in result.findings if f.path.startswith("copy")]
    assert planted, "the planted copy of the training rows must be reported"
    assert planted[0].path.startswith(f"copy{SHOWN}")
    assert "\\x1b[2K" in terminal  # shown, escaped


def test_a_hostile_class_name_is_escaped(validator):
    evil = type(f"Evil{FAKE}", (KNeighborsClassifier,), {})
    X = np.random.default_rng(2).normal(size=(N, 2))
    model = evil().fit(X, np.arange(N) % 2)
    result = modelprivacy.inspect(model)
    assert result.model.startswith(f"Evil{SHOWN}")
    assert any(f.estimator.startswith("Evil\\x1b") for f in result.findings)
    check_reports(result, validator)


def test_data_errors_quote_feature_names_escaped(knn_case):
    knn, frame = knn_case
    wrong = frame.rename(columns={frame.columns[0]: "other"})
    with pytest.raises(DataError) as info:
        modelprivacy.inspect(knn, wrong, target="label")
    message = str(info.value)
    assert f"a{SHOWN}" in message and not raw_controls(message)


# -- the command line ------------------------------------------------------------


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "modelprivacy", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=env,
        timeout=600,
        check=False,
    )


def assert_clean(proc: subprocess.CompletedProcess[str]) -> None:
    for name, text in (("stdout", proc.stdout), ("stderr", proc.stderr)):
        assert not raw_controls(text), (name, raw_controls(text)[:5], text[-2000:])


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory, pipeline_case, knn_case):
    root = tmp_path_factory.mktemp("hostile")
    pipe, pipe_frame = pipeline_case
    knn, knn_frame = knn_case
    (root / "pipe.pkl").write_bytes(pickle.dumps(pipe))
    (root / "knn.pkl").write_bytes(pickle.dumps(knn))
    pipe_frame.to_csv(root / "pipe.csv", index=False, quoting=csv.QUOTE_ALL)  # "\r" in values
    knn_frame.rename(columns={knn_frame.columns[0]: "other"}).to_csv(
        root / "wrong.csv", index=False
    )
    return root


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
@pytest.mark.parametrize("name", ["pipe", "knn"])
def test_cli_output_has_no_raw_control_characters(hostile_files, name, fmt):
    proc = run_cli("inspect", hostile_files / f"{name}.pkl", "--format", fmt)
    # exit 1 at the default --fail-on high: the k-NN stores its training rows, the
    # pipeline's fully grown tree leaves people alone in leaves (MP-S105)
    assert proc.returncode == 1, proc.stderr
    assert_clean(proc)
    if name == "knn":
        assert "\\x1b[2K" in proc.stdout  # the planted attribute is reported, escaped


def test_cli_with_hostile_training_data(hostile_files):
    proc = run_cli(
        "inspect",
        hostile_files / "pipe.pkl",
        "--train",
        hostile_files / "pipe.csv",
        "--target",
        "label",
    )
    # exit 1: alone in tree leaves (MP-S105), and the vocabulary's one-person tokens (MP-S106)
    assert proc.returncode == 1, proc.stderr
    assert_clean(proc)


def test_cli_error_line_is_clean(hostile_files):
    proc = run_cli(
        "inspect",
        hostile_files / "knn.pkl",
        "--train",
        hostile_files / "wrong.csv",
        "--target",
        "label",
    )
    assert proc.returncode == 2
    assert_clean(proc)
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("modelprivacy: error: ") and f"a{SHOWN}" in line


# -- scikit-learn's version warning quotes the file ------------------------------


@pytest.fixture(scope="module")
def version_file(tmp_path_factory):
    X = np.random.default_rng(3).normal(size=(N, 3))
    forest = RandomForestClassifier(n_estimators=3, random_state=0).fit(X, np.arange(N) % 2)
    path = tmp_path_factory.mktemp("version") / "old.pkl"
    path.write_bytes(with_sklearn_version(forest, "1.3.0" + FAKE))
    return path


def test_cli_prints_the_version_warning_as_one_clean_line(version_file):
    proc = run_cli("inspect", version_file)
    # exit 1: fully grown trees on 80 rows have leaves of one person (MP-S105, high)
    assert proc.returncode == 1, proc.stderr
    assert_clean(proc)
    lines = [line for line in proc.stderr.splitlines() if "scikit-learn" in line]
    assert len(lines) == 1, proc.stderr
    assert "1.3.0\\x1b[2K" in lines[0]


def test_api_load_warnings_are_clean(version_file):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = modelprivacy.inspect(version_file)
    assert result.model == "RandomForestClassifier"
    for w in caught:
        assert not raw_controls(str(w.message)), str(w.message)[:200]


# -- objects that fail while they are walked --------------------------------------


class _Exploding(dict):
    """A mapping whose items cannot be listed."""

    def items(self):  # type: ignore[override]
        raise NotImplementedError(f"no items {FAKE}")

    def values(self):  # type: ignore[override]
        raise NotImplementedError(f"no values {FAKE}")


class _NoClass:
    """An object whose __class__ raises (isinstance asks for it)."""

    @property
    def __class__(self):  # type: ignore[override]
        raise RuntimeError(f"class {FAKE}")


class _NoState:
    """A compiled-looking object (no __dict__) whose state raises MemoryError."""

    __slots__ = ()

    def __reduce_ex__(self, protocol):
        raise MemoryError


class _Recursing:
    """An object whose state recurses without end."""

    __slots__ = ()

    def __reduce_ex__(self, protocol):
        return self.__reduce_ex__(protocol)


def _hostile_model() -> KNeighborsClassifier:
    X = np.random.default_rng(4).normal(size=(N, 2))
    knn = KNeighborsClassifier().fit(X, np.arange(N) % 2)
    deep: list = [np.arange(5.0)]
    for _ in range(300):
        deep = [deep]
    knn.__dict__.update(
        {
            "exploding_": _Exploding(a=[1]),
            "noclass_": _NoClass(),
            "nostate_": _NoState(),
            "recursing_": _Recursing(),
            "deep_": deep,
            "many_": [_NoState() for _ in range(MAX_NOTES + 5)],
        }
    )
    return knn


def test_inspect_survives_objects_that_fail_while_walked(validator):
    result = modelprivacy.inspect(_hostile_model())  # must not raise
    skipped = {s.what: s.reason for s in result.skipped}
    parts = "\n".join(skipped)
    for name in ("exploding_", "noclass_", "nostate_", "recursing_", "deep_"):
        assert f"part of the model at {name}" in parts, parts
    assert "NotImplementedError" in skipped["part of the model at exploding_"]
    assert "MemoryError" in skipped["part of the model at nostate_"]
    assert "RecursionError" in skipped["part of the model at recursing_"]
    assert any("more than 200 levels deep" in reason for reason in skipped.values())
    assert any("more objects could not be walked" in reason for reason in skipped.values())
    assert any(f.check_id == "MP-S101" for f in result.findings)  # the rest was inspected
    check_reports(result, validator)


def test_walk_without_notes_raises_a_model_load_error():
    with pytest.raises(ModelLoadError) as info:
        list(walk({"x": [_NoState()]}))
    message = str(info.value)
    assert "['x'][0]" in message and "MemoryError" in message
    assert isinstance(info.value, ModelPrivacyError) and "\n" not in message


def test_walk_paths_of_hostile_keys_are_bounded_and_clean():
    huge_key = "k" * 10_000_000 + FAKE
    paths = [n.path for n in walk({huge_key: [1.0], (FAKE, 2): [2.0], _NoClass: [3.0]})]
    assert all(len(p) < 120 and not raw_controls(p) for p in paths), paths
    assert "[(" in "".join(paths) and "\\x1b[2K" in "".join(paths)
