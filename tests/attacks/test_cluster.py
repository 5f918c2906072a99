"""Reference models on a real dask.distributed cluster of worker processes on 127.0.0.1."""

import os
import pickle
import signal
import socket
import threading
import time

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier

distributed = pytest.importorskip("distributed")

from distributed.diagnostics.plugin import SchedulerPlugin  # noqa: E402

from modelprivacy.attacks import membership_inference  # noqa: E402
from modelprivacy.attacks.cluster import BackendError, check_backend  # noqa: E402
from modelprivacy.attacks.reference import fit_reference_models  # noqa: E402
from modelprivacy.attacks.target import Target  # noqa: E402
from modelprivacy.cli import main  # noqa: E402

TASK = "modelprivacy-reference-model"


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, as on a 2-core machine."""
    import logging

    local = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
    client = distributed.Client(local, set_as_default=False)
    yield local, client
    client.close()
    local.close()


@pytest.fixture(scope="module")
def data():
    X, y = make_classification(400, 8, n_informative=4, random_state=0)
    # n_jobs=2: the forest's own joblib calls stay inside the worker (no task of their own)
    model = RandomForestClassifier(n_estimators=10, n_jobs=2, random_state=0)
    return Target(model.fit(X[:200], y[:200])), X, y


class _Graphs(SchedulerPlugin):
    """What the scheduler was sent: every key (task or scattered data), and its dependencies."""

    def __init__(self):
        self.sent = []

    def update_graph(self, scheduler, *, tasks, **kwargs):
        for key in tasks:
            ts = scheduler.tasks[key]
            self.sent.append((key, {d.key: d.run_spec is None for d in ts.dependencies}))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_one_task_per_model_data_scattered_once_and_the_signals_of_this_process(cluster, data):
    local, client = cluster
    target, X, y = data
    here = fit_reference_models(target, X, y, k=5, random_state=3)
    loky = fit_reference_models(target, X, y, k=5, random_state=3, backend="loky", n_jobs=2)
    graphs = _Graphs()
    scatters = []
    scatter = local.scheduler.handlers["scatter"]

    async def counted(data, workers, client, broadcast=False, timeout=2):
        scatters.append((sorted(data), broadcast))
        return await scatter(
            data=data, workers=workers, client=client, broadcast=broadcast, timeout=timeout
        )

    local.scheduler.add_plugin(graphs, name="test-graphs")
    local.scheduler.handlers["scatter"] = counted
    try:
        with distributed.get_task_stream(client) as stream:
            on_dask = fit_reference_models(
                target, X, y, k=5, random_state=3, scheduler=local.scheduler_address
            )
    finally:
        local.scheduler.remove_plugin(name="test-graphs")
        local.scheduler.handlers["scatter"] = scatter
    for other in (loky, on_dask):
        np.testing.assert_array_equal(other.membership, here.membership)
        np.testing.assert_array_equal(other.signals, here.signals)
    # the first model is fitted here (timed), the other K - 1 are one task each
    keys = [t["key"] for t in stream.data]
    assert len(keys) == 4 and all(k.startswith(TASK) for k in keys), keys
    # the target, X, y and the membership matrix were scattered once, to every worker
    # (X_eval and y_eval are None here)...
    assert len(scatters) == 1
    ((data_keys, broadcast),) = scatters
    assert len(data_keys) == 4 and broadcast is True
    # ... and every task depends on exactly those, as data (nothing computes them)
    tasks = {key: deps for key, deps in graphs.sent if key.startswith(TASK)}
    assert sorted(tasks) == sorted(keys)
    assert {key for key, _ in graphs.sent if not key.startswith(TASK)} == set(data_keys)
    for deps in tasks.values():
        assert deps == dict.fromkeys(data_keys, True)
    address = local.scheduler_address
    assert on_dask.placement == (
        f"reference models: 1 fitted in this process (timed), 4 on the Dask scheduler {address} "
        "(2 workers), one task each"
    )
    assert here.placement == ""


def test_membership_inference_with_a_client_says_where_the_models_ran(cluster, data):
    _, client = cluster
    target, X, y = data
    kw = dict(y_train=y[:200], y_holdout=y[200:], reference_models=4, seed=1)
    here = membership_inference(target.estimator, X[:200], X[200:], **kw)
    there = membership_inference(target.estimator, X[:200], X[200:], scheduler=client, **kw)
    for name in here.scores:
        np.testing.assert_array_equal(here.scores[name], there.scores[name])
    assert there.refit_notes[-1].endswith(
        "3 on the Dask scheduler " + client.scheduler.address + " (2 workers), one task each"
    )
    assert client.status == "running"  # a Client given by the caller is not closed


def test_audit_method_section_says_where_the_reference_models_ran(cluster, data):
    from modelprivacy import audit

    _, client = cluster
    _, X, y = data
    frame = pd.DataFrame(X, columns=[f"x{i}" for i in range(X.shape[1])]).assign(label=y)
    model = RandomForestClassifier(n_estimators=10, random_state=0)
    model.fit(frame.drop(columns="label").iloc[:200], frame["label"].iloc[:200])
    result = audit(
        model,
        frame.iloc[:200],
        frame.iloc[200:],
        target="label",
        reference_models=3,
        scheduler=client.scheduler.address,
    )
    note = (
        "reference models: 1 fitted in this process (timed), 2 on the Dask scheduler "
        f"{client.scheduler.address} (2 workers), one task each"
    )
    assert result.membership.refit_notes[-1] == note
    method = result.render("markdown").split("## Method", 1)[1]
    assert note in method


def _files(tmp_path):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(160, 3)), columns=["a", "b", "c"])
    frame["label"] = (frame["a"] + rng.normal(scale=0.5, size=160) > 0).astype(int)
    model = RandomForestClassifier(n_estimators=5, random_state=0)
    model.fit(frame[["a", "b", "c"]].iloc[:80], frame["label"].iloc[:80])
    (tmp_path / "model.pkl").write_bytes(pickle.dumps(model))
    frame.iloc[:80].to_csv(tmp_path / "train.csv", index=False)
    frame.iloc[80:].to_csv(tmp_path / "holdout.csv", index=False)
    return [
        "attack",
        "membership",
        str(tmp_path / "model.pkl"),
        "--train",
        str(tmp_path / "train.csv"),
        "--holdout",
        str(tmp_path / "holdout.csv"),
        "--target",
        "label",
        "--reference-models",
        "3",
        "--format",
        "json",
    ]


def test_cli_backend_dask_without_a_scheduler_starts_a_local_cluster(tmp_path, capsys):
    import json

    code = main([*_files(tmp_path), "--backend", "dask", "--n-jobs", "2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    notes = json.loads(out)["refit_notes"]
    assert notes[-1] == (
        "reference models: 1 fitted in this process (timed), 2 on a local Dask cluster "
        "(2 worker processes), one task each"
    )


def test_cli_unreachable_scheduler_is_one_line_and_exit_2(tmp_path, capsys):
    address = f"tcp://127.0.0.1:{_free_port()}"
    t0 = time.perf_counter()
    code = main([*_files(tmp_path), "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 2
    assert time.perf_counter() - t0 < 10
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"modelprivacy: error: cannot reach the Dask scheduler at {address}")
    assert "dask scheduler" in lines[0] and "give no scheduler" in lines[0]


def test_cli_unknown_backend_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*_files(tmp_path), "--backend", "nope"])
    assert exc.value.code == 2
    assert (
        "unknown backend 'nope'; choose from: loky, threading, dask, ray" in capsys.readouterr().err
    )


def test_cli_sanitize_takes_the_backend_options(tmp_path, capsys):
    args = _files(tmp_path)[2:9]  # the model, --train, --holdout and --target
    out = str(tmp_path / "safer.skops")
    code = main(["sanitize", *args, "-o", out, "--scheduler", f"tcp://127.0.0.1:{_free_port()}"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "cannot reach the Dask scheduler" in err and not (tmp_path / "safer.skops").exists()


def test_cli_without_the_distributed_package_names_the_extra(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    code = main([*_files(tmp_path), "--backend", "dask"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        "modelprivacy: error: the 'dask' backend needs the distributed package, which is not "
        'installed: pip install "modelprivacy[dask]"'
    )


def test_a_budget_on_dask_counts_the_tasks_and_the_cluster(cluster, data):
    from modelprivacy.attacks.reference import choose_k, estimated_seconds

    # running workers: no start-up, about 25 ms per task, two tasks at a time
    seconds, jobs = estimated_seconds(11, 1.0, n_jobs=2, backend="dask")
    assert jobs == 2 and seconds == pytest.approx(1.0 + 5 * 1.025)
    _, client = cluster
    target, X, y = data
    choice = choose_k(target, X, y, 30.0, scheduler=client)
    assert choice.n_jobs == 2 and choice.k == 256  # quick fits: the most allowed


def test_a_scheduler_without_workers_is_refused_instead_of_waiting(data, monkeypatch):
    import logging

    from modelprivacy.attacks import cluster as cluster_module

    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT_S", 1.0)
    target, X, y = data
    empty = distributed.LocalCluster(
        n_workers=0,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
    try:
        with pytest.raises(BackendError, match="has no workers: start some"):
            fit_reference_models(target, X, y, k=3, scheduler=empty.scheduler_address)
    finally:
        empty.close()


def test_api_refuses_a_scheduler_with_another_backend():
    with pytest.raises(BackendError, match="the scheduler is for the 'dask' or 'ray' backend"):
        check_backend("loky", "tcp://127.0.0.1:8786")
    assert check_backend(None, "tcp://127.0.0.1:1", reach=False) == "dask"


def test_a_worker_killed_mid_run_is_replaced_and_the_results_are_the_same(cluster):
    local, client = cluster
    X, y = make_classification(2000, 20, random_state=1)
    model = RandomForestClassifier(n_estimators=300, random_state=0).fit(X[:1000], y[:1000])
    target = Target(model)
    here = fit_reference_models(target, X, y, k=5, random_state=2)
    killed: list[tuple[str, list[str]]] = []

    def ours(worker=None):
        busy = client.processing(workers=[worker] if worker else None)
        return {w: [k for k in keys if k.startswith(TASK)] for w, keys in busy.items()}

    def kill_a_busy_worker():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            busy = {w: keys for w, keys in ours().items() if keys}
            if busy:
                time.sleep(0.3)  # inside the fit
                worker = next(iter(busy))
                pid = client.run(os.getpid, workers=[worker])[worker]
                keys = ours(worker).get(worker, [])
                if keys:  # still busy with a reference model
                    os.kill(pid, signal.SIGKILL)
                    killed.append((worker, keys))
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_busy_worker)
    with distributed.get_task_stream(client) as stream:
        killer.start()
        on_dask = fit_reference_models(
            target, X, y, k=5, random_state=2, scheduler=local.scheduler_address
        )
        killer.join()
    assert killed, "no worker was busy with a reference model"
    np.testing.assert_array_equal(on_dask.signals, here.signals)
    np.testing.assert_array_equal(on_dask.membership, here.membership)
    dead, keys = killed[0]
    finished = {t["key"]: t["worker"] for t in stream.data}
    assert len(finished) == 4 and keys and set(keys) <= set(finished)
    # the models the killed worker held were fitted on another worker
    assert any(finished[key] != dead for key in keys)
    client.wait_for_workers(2, timeout=60)  # its nanny restarted it
    assert dead not in client.scheduler_info()["workers"]
