"""MLflow: audits logged to a run, models read from MLflow model URIs.

Against a real MLflow tracking store and model registry (SQLite) in a temporary
directory: models are logged and registered with MLflow itself, audits are
logged with :func:`log_audit` or ``--mlflow``, and what the run holds is read
back with ``MlflowClient``. Nothing is written outside the temporary directory:
the tracking and registry URIs, the working directory (MLflow's ``./mlruns``),
``HOME`` and the temporary folder all point into it.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression

from modelprivacy.cli import main

pytest.importorskip("mlflow")
import mlflow
import mlflow.pyfunc
import mlflow.sklearn
from mlflow.tracking import MlflowClient

from modelprivacy import audit
from modelprivacy.errors import ModelLoadError, ModelPrivacyError, UnsafeModelError
from modelprivacy.integrations.mlflow import (
    audit_record,
    load_model,
    log_audit,
    log_inspection,
)
from modelprivacy.load.mlflow_uri import resolve_model

FEATURES = ["a", "b", "c"]


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(rng.normal(size=(n, 3)), columns=FEATURES)
    frame["c"] = (frame["c"] > 0).astype(int)  # a sensitive column for attribute inference
    frame["y"] = (frame["a"] + 0.5 * frame["b"] + rng.normal(scale=0.5, size=n) > 0).astype(int)
    return frame


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A SQLite tracking store and registry with two registered models, and the data."""
    root = tmp_path_factory.mktemp("mlflow")
    temp = root / "tmp"
    temp.mkdir()
    uri = f"sqlite:///{root / 'mlflow.db'}"
    patch = pytest.MonkeyPatch()
    patch.chdir(root)  # MLflow's relative defaults (./mlruns, ./mlflow.db) land here
    patch.setenv("HOME", str(root))
    for name, value in {
        "MLFLOW_TRACKING_URI": uri,
        "MLFLOW_REGISTRY_URI": uri,
        "MLFLOW_DISABLE_TELEMETRY": "true",
        "DO_NOT_TRACK": "true",
        "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false",
    }.items():
        patch.setenv(name, value)
    patch.delenv("MLFLOW_RUN_ID", raising=False)
    patch.delenv("MLFLOW_EXPERIMENT_NAME", raising=False)
    patch.delenv("MLFLOW_EXPERIMENT_ID", raising=False)
    patch.setenv("TMPDIR", str(temp))
    patch.setattr(tempfile, "tempdir", str(temp))
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    try:
        train, holdout = _frame(160, 0), _frame(160, 1)
        train.to_csv(root / "train.csv", index=False)
        holdout.to_csv(root / "holdout.csv", index=False)
        model = LogisticRegression().fit(train[FEATURES], train["y"])
        experiment = mlflow.create_experiment("audits", artifact_location=(root / "art").as_uri())
        mlflow.set_experiment(experiment_id=experiment)
        with mlflow.start_run() as run:
            mlflow.sklearn.log_model(
                model,
                name="model",
                serialization_format="skops",
                registered_model_name="income",
                pip_requirements=[],
            )
            mlflow.sklearn.log_model(
                model,
                name="pickled",
                serialization_format="pickle",
                registered_model_name="income-pickle",
                pip_requirements=[],
            )
        yield {
            "root": root,
            "temp": temp,
            "uri": uri,
            "train": train,
            "holdout": holdout,
            "model": model,
            "run_id": run.info.run_id,
            "experiment": experiment,
            "client": MlflowClient(),
        }
    finally:
        mlflow.set_tracking_uri(None)  # back to the environment's
        mlflow.set_registry_uri(None)
        patch.undo()


@pytest.fixture(autouse=True)
def _in_store(store: dict[str, Any]) -> Iterator[None]:
    """Each test ends with no active run, and without a download left in the temporary folder."""
    yield
    while mlflow.active_run() is not None:
        mlflow.end_run()
    assert not [p.name for p in store["temp"].glob("modelprivacy-mlflow-*")]


@pytest.fixture(scope="module")
def result(store: dict[str, Any]) -> Any:
    """A full audit: inspection, exposure, membership and attribute inference."""
    return audit(
        store["model"],
        store["train"],
        store["holdout"],
        target="y",
        sensitive=["c"],
        reference_models=2,
        seed=0,
    )


def _cli(args: list[Any], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("modelprivacy: error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _download_json(client: MlflowClient, run_id: str, path: str, dst: Path) -> Any:
    local = client.download_artifacts(run_id, path, str(dst))
    return json.loads(Path(local).read_text(encoding="utf-8"))


# -- log_audit ------------------------------------------------------------------------------


def test_log_audit_logs_the_verdict_risks_metrics_and_reports(store, result, tmp_path):
    with mlflow.start_run() as run:
        info = log_audit(result)
    assert info["run"] == "active" and info["run_id"] == run.info.run_id
    logged = store["client"].get_run(run.info.run_id).data
    tags, metrics, params = logged.tags, logged.metrics, logged.params
    assert tags["modelprivacy.verdict"] == result.verdict.overall
    assert tags["modelprivacy.kind"] == "audit"
    for criterion, v in result.verdict.criteria.items():
        key = criterion.value.replace(" ", "_")
        assert tags[f"modelprivacy.risk.{key}"] == v.risk
        assert tags[f"modelprivacy.assessed.{key}"] == v.assessed
    assert {"singling_out", "linkability", "inference"} <= {
        k.split(".")[-1] for k in tags if k.startswith("modelprivacy.risk.")
    }
    # the metrics are the result's own numbers
    tpr = result.membership.best(0.01).tpr_at_fpr[0.01]
    assert metrics["modelprivacy.membership_tpr_at_1pct_fpr"] == pytest.approx(tpr.value)
    assert metrics["modelprivacy.membership_tpr_at_1pct_fpr_low"] == pytest.approx(tpr.low)
    counts = result.exposure.counts()
    assert metrics["modelprivacy.people_exposed"] == counts["level_high"] + counts["level_medium"]
    assert metrics["modelprivacy.exposure_rows"] == result.exposure.n == len(store["train"])
    residual = max(
        o.residual_risk.value
        for c in result.attribute.columns.values()
        for o in c.outcomes.values()
    )
    assert metrics["modelprivacy.highest_residual_risk"] == pytest.approx(residual)
    assert metrics["modelprivacy.findings"] == len(result.findings)
    assert params["modelprivacy.seed"] == "0" and params["modelprivacy.target"] == "y"
    assert params["modelprivacy.sensitive"] == "c"
    # the reports, as artifacts
    names = {a.path for a in store["client"].list_artifacts(run.info.run_id, "modelprivacy")}
    assert names == {"modelprivacy/audit.json", "modelprivacy/audit.html"}
    report = _download_json(store["client"], run.info.run_id, "modelprivacy/audit.json", tmp_path)
    assert report == json.loads(result.render("json"))
    assert report["verdict"]["overall"] == tags["modelprivacy.verdict"]


def test_log_audit_starts_a_run_and_logs_no_value_it_did_not_measure(store):
    assert mlflow.active_run() is None
    only_model = audit(store["model"])  # no data: no membership, exposure or attribute
    info = log_audit(only_model, html=False, artifact_path="reports/privacy")
    assert info["run"] == "started"
    run = store["client"].get_run(info["run_id"])
    assert run.info.status == "FINISHED"
    assert mlflow.active_run() is None
    for absent in (
        "membership_tpr_at_1pct_fpr",
        "people_exposed",
        "highest_residual_risk",
        "membership_auc",
    ):
        assert f"modelprivacy.{absent}" not in run.data.metrics
    assert run.data.tags["modelprivacy.risk.linkability"] == "not assessed"
    assert run.data.metrics["modelprivacy.findings"] == len(only_model.findings)
    names = {a.path for a in store["client"].list_artifacts(info["run_id"], "reports/privacy")}
    assert names == {"reports/privacy/audit.json"}


def test_log_audit_to_a_given_run_refuses_to_change_its_params(store, result):
    run = store["client"].create_run(store["experiment"])
    info = log_audit(result, run_id=run.info.run_id, html=False)
    assert info["run"] == "given" and mlflow.active_run() is None
    again = log_audit(result, run_id=run.info.run_id, html=False)  # same settings: fine
    assert again["run_id"] == run.info.run_id
    other = audit(store["model"], store["train"], target="y", seed=1)
    with pytest.raises(ModelPrivacyError, match=r"modelprivacy\.seed=0 \(now 1\).*new run"):
        log_audit(other, run_id=run.info.run_id, html=False)
    with pytest.raises(ModelPrivacyError, match="not found"):
        log_audit(result, run_id="0" * 32)


def test_audit_record_is_json_and_the_inspection_logs_too(store, result):
    record = audit_record(result, html=False)
    assert json.loads(json.dumps(record.to_dict())) == record.to_dict()
    assert all(
        k.startswith("modelprivacy.") for k in (*record.tags, *record.params, *record.metrics)
    )
    from modelprivacy import inspect

    inspected = inspect(store["model"], store["train"], target="y")
    with mlflow.start_run() as run:
        log_inspection(inspected)
    data = store["client"].get_run(run.info.run_id).data
    assert data.tags["modelprivacy.kind"] == "inspection"
    assert data.metrics["modelprivacy.findings"] == len(inspected.findings)
    assert data.metrics["modelprivacy.n_train"] == len(store["train"])


# -- models from MLflow ---------------------------------------------------------------------


def test_load_model_reads_a_registered_skops_model_and_refuses_a_pickle(store):
    loaded = load_model("models:/income/1")
    assert loaded.path == "models:/income/1" and loaded.format == "skops"
    np.testing.assert_array_equal(loaded.estimator.coef_, store["model"].coef_)
    with pytest.raises(UnsafeModelError, match=r'serialization_format="skops".*--trust'):
        load_model("models:/income-pickle/1")
    trusted = load_model("models:/income-pickle/1", trust=True)
    np.testing.assert_array_equal(trusted.estimator.coef_, store["model"].coef_)


def test_cli_audits_a_registered_model_and_logs_to_mlflow_run_id(store, capsys, monkeypatch):
    run = store["client"].create_run(store["experiment"])
    monkeypatch.setenv("MLFLOW_RUN_ID", run.info.run_id)
    code, out, err = _cli(
        [
            "audit",
            "models:/income/1",
            "--train",
            store["root"] / "train.csv",
            "--holdout",
            store["root"] / "holdout.csv",
            "--target",
            "y",
            "--reference-models",
            "2",
            "--format",
            "json",
            "--mlflow",
        ],
        capsys,
    )
    assert code in (0, 1), err
    report = json.loads(out)
    assert report["source"] == "models:/income/1"
    assert f"logged the audit to MLflow run {run.info.run_id} " in err
    data = store["client"].get_run(run.info.run_id).data
    assert data.tags["modelprivacy.verdict"] == report["verdict"]["overall"]
    assert data.tags["modelprivacy.source"] == "models:/income/1"
    for name, v in report["verdict"]["criteria"].items():
        assert data.tags[f"modelprivacy.risk.{name.replace(' ', '_')}"] == v["risk"]
    assert "modelprivacy.membership_tpr_at_1pct_fpr" in data.metrics
    assert store["client"].get_run(run.info.run_id).info.status == "RUNNING"  # not ours to end


def test_cli_refuses_a_pickled_model_without_trust_and_reads_it_with(store, capsys):
    code, out, err = _cli(["audit", "models:/income-pickle/1"], capsys)
    assert code == 2 and out == ""
    line = _error(err)
    assert "models:/income-pickle/1" in line and "is a pickle" in line
    assert 'serialization_format="skops"' in line and "--trust" in line
    code, out, err = _cli(
        ["audit", "models:/income-pickle/1", "--trust", "--format", "json"], capsys
    )
    assert code in (0, 1), err
    assert json.loads(out)["model"] == "LogisticRegression"


def test_cli_reads_a_runs_uri_and_logs_an_inspection_to_a_new_run(store, capsys):
    uri = f"runs:/{store['run_id']}/model"
    code, out, err = _cli(["inspect", uri, "--format", "json", "--mlflow"], capsys)
    assert code in (0, 1), err
    assert json.loads(out)["source"] == uri
    assert "(a new run)" in err
    run_id = err.split("logged the inspection to MLflow run ")[1].split()[0]
    assert store["client"].get_run(run_id).data.tags["modelprivacy.source"] == uri


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("models:/income/99", r"version=99\) not found"),
        ("models:/no-such-model/1", "no-such-model not found"),
        ("models:/income@champion", "alias champion not found"),
    ],
)
def test_cli_unknown_model_version_or_alias_is_one_line_exit_2(store, capsys, uri, expected):
    code, out, err = _cli(["inspect", uri], capsys)
    assert code == 2 and out == ""
    line = _error(err)
    assert uri in line
    assert re.search(expected, line), line


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_unreachable_tracking_server_is_one_line_exit_2(store, capsys, monkeypatch, tmp_path):
    server = f"http://127.0.0.1:{_closed_port()}"
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "5")
    mlflow.set_tracking_uri(server)
    mlflow.set_registry_uri(server)
    try:
        path = tmp_path / "model.skops"  # a model file: --mlflow fails before the audit
        import skops.io

        skops.io.dump(store["model"], path)
        code, out, err = _cli(["audit", path, "--mlflow"], capsys)
        assert code == 2 and out == ""
        assert "cannot be reached" in _error(err) and server in _error(err)
        code, out, err = _cli(["inspect", "models:/income/1"], capsys)
        assert code == 2 and "cannot be reached" in _error(err)
    finally:
        mlflow.set_tracking_uri(store["uri"])
        mlflow.set_registry_uri(store["uri"])


def test_cli_without_mlflow_names_the_extra(store, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "mlflow", None)  # `import mlflow` now fails
    code, _, err = _cli(["inspect", "models:/income/1"], capsys)
    assert code == 2 and 'pip install "modelprivacy[mlflow]"' in _error(err)
    code, _, err = _cli(["inspect", store["root"] / "train.csv", "--mlflow"], capsys)
    assert code == 2 and 'pip install "modelprivacy[mlflow]"' in _error(err)


def test_a_local_model_directory_and_file_uri_need_no_download(store, capsys, tmp_path):
    directory = tmp_path / "saved"
    mlflow.sklearn.save_model(
        store["model"], str(directory), serialization_format="skops", pip_requirements=[]
    )
    for given in (str(directory), directory.as_uri(), str(directory / "MLmodel")):
        code, out, err = _cli(["inspect", given, "--format", "json"], capsys)
        assert code in (0, 1), err
        assert json.loads(out)["source"] == given
        assert "a skops file" in err
    assert directory.is_dir()  # read in place, never removed


def test_a_native_flavour_is_read_by_its_own_loader(store, tmp_path):
    xgboost = pytest.importorskip("xgboost")
    import mlflow.xgboost

    booster = xgboost.XGBClassifier(n_estimators=3, max_depth=2).fit(
        store["train"][FEATURES], store["train"]["y"]
    )
    mlflow.xgboost.save_model(booster, str(tmp_path / "xgb"), pip_requirements=[])
    with resolve_model(tmp_path / "xgb") as resolved:
        assert resolved.flavor == "xgboost" and resolved.kind.startswith("xgboost-")
        assert not resolved.is_pickle


# -- MLmodel files are data, never trusted --------------------------------------------------


def _resolve(directory: Path, trust: bool = False) -> None:
    with resolve_model(directory, trust=trust):
        pass


def _mlflow_dir(tmp_path: Path, mlmodel: str, files: dict[str, bytes] | None = None) -> Path:
    directory = tmp_path / "m"
    directory.mkdir()
    (directory / "MLmodel").write_text(mlmodel, encoding="utf-8")
    for name, data in (files or {}).items():
        (directory / name).write_bytes(data)
    return directory


def test_an_mlmodel_file_outside_the_directory_is_refused(store, tmp_path):
    import pickle

    (tmp_path / "secret.pkl").write_bytes(pickle.dumps(store["model"]))
    directory = _mlflow_dir(tmp_path, "flavors:\n  sklearn:\n    pickled_model: ../secret.pkl\n")
    with pytest.raises(ModelLoadError, match="points outside the model directory"):
        _resolve(directory, trust=True)
    (directory / "MLmodel").write_text(
        f"flavors:\n  sklearn:\n    pickled_model: {tmp_path / 'secret.pkl'}\n"
    )
    with pytest.raises(ModelLoadError, match="points outside the model directory"):
        _resolve(directory, trust=True)


def test_a_pickle_that_mlmodel_calls_skops_is_still_a_pickle(store, tmp_path):
    import pickle

    directory = _mlflow_dir(
        tmp_path,
        "flavors:\n  sklearn:\n    pickled_model: model.skops\n    serialization_format: skops\n"
        "    skops_trusted_types: [builtins.eval]\n",
        {"model.skops": pickle.dumps(store["model"])},
    )
    with pytest.raises(UnsafeModelError, match="is a pickle"):
        _resolve(directory)


@pytest.mark.parametrize(
    ("mlmodel", "expected"),
    [
        ("flavors: [1, 2", "not valid YAML"),
        ("- a list\n", "not a mapping"),
        ("artifact_path: x\n", "names no flavours"),
        ("flavors:\n  pytorch:\n    data: data\n", "no flavour whose model file"),
        ("flavors:\n  sklearn:\n    pickled_model: missing.skops\n", "does not exist"),
        ("!!python/object/apply:os.system ['echo hacked']\n", "not valid YAML"),
        ("x: " + "a" * (3 * 1024 * 1024), "larger than"),
    ],
)
def test_a_bad_mlmodel_file_is_one_clean_error(tmp_path, mlmodel, expected):
    directory = _mlflow_dir(tmp_path, mlmodel)
    (directory / "data").mkdir()
    with pytest.raises(ModelLoadError, match=expected) as caught:
        _resolve(directory)
    assert "\n" not in str(caught.value)


# -- the command line as users run it: the model loaded in a child process -------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="containment needs fork (POSIX)")
def test_the_contained_command_logs_from_the_parent(store):
    run = store["client"].create_run(store["experiment"])
    env = {**os.environ, "MLFLOW_RUN_ID": run.info.run_id}
    proc = subprocess.run(
        [sys.executable, "-m", "modelprivacy", "inspect", "models:/income/1", "--mlflow"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=store["root"],
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert f"logged the inspection to MLflow run {run.info.run_id}" in proc.stderr
    data = store["client"].get_run(run.info.run_id).data
    assert data.tags["modelprivacy.source"] == "models:/income/1"
    assert data.tags["modelprivacy.kind"] == "inspection"


def test_a_custom_python_function_model_needs_trust_and_is_flagged(store, tmp_path):
    class Wrapper(mlflow.pyfunc.PythonModel):
        def predict(self, context, model_input, params=None):
            return model_input

    mlflow.pyfunc.save_model(str(tmp_path / "pyfunc"), python_model=Wrapper(), pip_requirements=[])
    with pytest.raises(
        UnsafeModelError, match=r"\(python_function, python_model.pkl\) is a pickle"
    ):
        load_model(tmp_path / "pyfunc")
    loaded = load_model(tmp_path / "pyfunc", trust=True)
    assert any("custom mlflow.pyfunc.PythonModel" in w for w in loaded.warnings)
