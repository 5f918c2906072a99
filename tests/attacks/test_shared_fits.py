"""Release modes share one set of reference fits (issue 16: every mode by default)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

import modelprivacy
from modelprivacy.attacks.reference import (
    fit_reference_models,
    reference_fits,
    shared_reference_fits,
)
from modelprivacy.attacks.target import Target
from modelprivacy.cli import main
from modelprivacy.findings import Severity

K = 4
MODES = ("file", "scores", "rounded:2", "top:1", "labels")


@pytest.fixture(scope="module")
def data() -> tuple[pd.DataFrame, pd.DataFrame]:
    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    frame = X.iloc[:, :8].assign(y=y)
    tr, ho = train_test_split(frame, test_size=0.5, stratify=frame["y"], random_state=0)
    return tr, ho


@pytest.fixture(scope="module")
def tree(data) -> DecisionTreeClassifier:
    tr, _ = data
    return DecisionTreeClassifier(random_state=0).fit(tr.drop(columns="y"), tr["y"])


def _pooled(data):
    tr, ho = data
    pooled = pd.concat([tr, ho])
    return pooled.drop(columns="y"), pooled["y"].to_numpy()


@pytest.mark.parametrize("mode", ["rounded:1", "top:1", "labels"])
def test_a_served_mode_reads_exactly_the_signals_of_its_own_fits(data, tree, mode):
    X, y = _pooled(data)
    alone = fit_reference_models(Target(tree, release=mode), X, y, k=K, random_state=3)
    fits = reference_fits()
    with shared_reference_fits(["file", mode]):
        first = fit_reference_models(Target(tree), X, y, k=K, random_state=3)
        served = fit_reference_models(Target(tree, release=mode), X, y, k=K, random_state=3)
    assert reference_fits() - fits == K  # the served mode fitted nothing
    np.testing.assert_array_equal(served.signals, alone.signals)
    np.testing.assert_array_equal(served.membership, alone.membership)
    assert served.signal == alone.signal
    # the file's own signals are unchanged by reading the served ones too
    np.testing.assert_array_equal(
        first.signals, fit_reference_models(Target(tree), X, y, k=K, random_state=3).signals
    )
    assert "one set of fits for every mode" in served.placement


def test_anything_that_changes_the_fits_is_fitted_again(data, tree):
    X, y = _pooled(data)
    fits = reference_fits()
    with shared_reference_fits(["file", "labels"]):
        fit_reference_models(Target(tree), X, y, k=K, random_state=3)
        fit_reference_models(Target(tree, release="labels"), X, y, k=K, random_state=4)  # seed
        fit_reference_models(Target(tree, release="labels"), X, y, k=K + 2, random_state=3)  # K
        fit_reference_models(Target(tree, release="labels"), X[:-1], y[:-1], k=K, random_state=3)
        other = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
        fit_reference_models(Target(other, release="labels"), X, y, k=K, random_state=3)
    assert reference_fits() - fits == K + K + (K + 2) + K + K
    # outside the block nothing is kept
    fits = reference_fits()
    fit_reference_models(Target(tree, release="labels"), X, y, k=K, random_state=3)
    assert reference_fits() - fits == K


def test_the_default_audit_decides_every_mode_from_k_fits(data, tree):
    tr, ho = data
    fits = reference_fits()
    result = modelprivacy.audit(tree, tr, ho, target="y", reference_models=K)
    assert reference_fits() - fits == K
    assert [v.mode for v in result.release] == list(MODES)
    asked = modelprivacy.audit(tree, tr, ho, target="y", reference_models=K, release="all")
    assert (
        json.loads(asked.render("json"))["release"] == json.loads(result.render("json"))["release"]
    )
    only_file = modelprivacy.audit(tree, tr, ho, target="y", reference_models=K, release="file")
    assert [v.mode for v in only_file.release] == ["file"]
    assert only_file.verdict == result.verdict  # the verdict is the file's either way


def test_a_fit_fn_is_called_once_per_reference_model_for_every_mode(data):
    tr, ho = data
    calls: list[int] = []

    def fit_fn(X, y):
        calls.append(len(y))
        return LogisticRegression(max_iter=500).fit(X, y)

    model = fit_fn(tr.drop(columns="y"), tr["y"])
    calls.clear()
    result = modelprivacy.audit(model, tr, ho, target="y", reference_models=K, fit_fn=fit_fn)
    assert len(calls) == K
    assert len(result.release) == len(MODES)


def test_a_black_box_function_gets_no_release_table_unless_asked(data, tree):
    tr, ho = data
    features = [c for c in tr.columns if c != "y"]
    result = modelprivacy.audit(
        predict_proba=lambda X: tree.predict_proba(pd.DataFrame(X, columns=features)),
        classes=tree.classes_,
        train=tr,
        holdout=ho,
        target="y",
    )
    assert result.release == ()


def test_the_cli_shows_every_mode_by_default_and_exits_on_the_file(data, tree, tmp_path, capsys):
    import joblib

    tr, ho = data
    tr.to_csv(tmp_path / "train.csv", index=False)
    ho.to_csv(tmp_path / "holdout.csv", index=False)
    joblib.dump(tree, tmp_path / "tree.joblib")
    base = [
        "audit",
        str(tmp_path / "tree.joblib"),
        "--train",
        str(tmp_path / "train.csv"),
        "--holdout",
        str(tmp_path / "holdout.csv"),
        "--target",
        "y",
        "--reference-models",
        str(K),
        "--trust",
        "--no-cache",
    ]
    code = main([*base, "--fail-on", "high"])
    err = capsys.readouterr().err
    for mode in MODES:
        assert f"release {mode}:" in err
    assert code == 1  # a fully grown tree: high as a file
    # asked for labels only, the exit code follows the labels mode
    code_labels = main([*base, "--fail-on", "high", "--release", "labels"])
    err = capsys.readouterr().err
    assert "release labels:" in err and "release file:" not in err
    out = json.loads(_json(main, base, capsys))
    assert [m["mode"] for m in out["release"]] == list(MODES)
    served = modelprivacy.audit(
        tree, tr, ho, target="y", reference_models=K, release="labels", cache=False
    )
    assert code_labels == int(bool(served.at_or_above(Severity.HIGH, mode="labels")))


def _json(run, base, capsys) -> str:
    run([*base, "--format", "json"])
    return capsys.readouterr().out


def test_a_served_mode_measures_outlierness_through_the_wrapped_models_preprocessing(data):
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from modelprivacy.attacks.api import membership_inference
    from modelprivacy.sanitizing.release import ReleasedModel

    tr, ho = data
    X, Xh = tr.drop(columns="y") * [1, 1000, 1, 1, 1, 1, 1, 1], ho.drop(columns="y")
    Xh = Xh * [1, 1000, 1, 1, 1, 1, 1, 1]  # one column on another scale: the scaler matters
    pipe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)).fit(X, tr["y"])
    kwargs = dict(y_train=tr["y"], y_holdout=ho["y"], reference_models=2, seed=0)
    file = membership_inference(pipe, X, Xh, **kwargs)
    served = membership_inference(ReleasedModel(pipe, release="rounded:2"), X, Xh, **kwargs)
    assert file.exposure is not None and served.exposure is not None
    np.testing.assert_array_equal(file.exposure.outlierness, served.exposure.outlierness)
