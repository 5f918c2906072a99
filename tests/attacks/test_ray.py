"""Reference models on a real local Ray instance (one per module: Ray takes seconds to start)."""

import contextlib
import json
import os
import pickle
import signal
import socket
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier

ray = pytest.importorskip(
    "ray", reason="the 'ray' extra is not installed (pip install -e '.[ray]')"
)

from modelprivacy.attacks import membership_inference  # noqa: E402
from modelprivacy.attacks.cluster import BackendError, RayCluster, check_backend  # noqa: E402
from modelprivacy.attacks.reference import fit_reference_models  # noqa: E402
from modelprivacy.attacks.target import Target  # noqa: E402
from modelprivacy.cli import main  # noqa: E402

TASK = "modelprivacy-reference-model"


@contextlib.contextmanager
def _written_to_fds_1_and_2(path):
    """Send what this process and its children write to stdout and stderr to ``path``."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with open(path, "wb") as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, copy in zip((1, 2), saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)


@pytest.fixture(scope="module")
def local_ray(tmp_path_factory):
    """A local Ray instance of 2 CPUs, started (and shut down) as ``--backend ray`` does it.

    Its start-up and shut-down write nothing to stdout or stderr, and its files
    (Ray's default is /tmp/ray) are in a directory of their own, removed at the end.
    """
    noise = tmp_path_factory.mktemp("ray") / "output"
    cluster = RayCluster(None, n_jobs=2)
    with _written_to_fds_1_and_2(noise):
        assert cluster.slots == 2  # starts it
    assert noise.read_text() == ""
    temp_dir = Path(cluster._temp_dir)
    assert (temp_dir / "session_latest").exists()
    yield cluster
    with _written_to_fds_1_and_2(noise):
        cluster.close()
    assert noise.read_text() == ""
    assert not ray.is_initialized()
    assert not temp_dir.exists()


@pytest.fixture(scope="module")
def data():
    X, y = make_classification(400, 8, n_informative=4, random_state=0)
    # n_jobs=2: the forest's own joblib calls stay inside the worker (no task of their own)
    model = RandomForestClassifier(n_estimators=10, n_jobs=2, random_state=0)
    return Target(model.fit(X[:200], y[:200])), X, y


def _gcs():
    return ray.get_runtime_context().gcs_address


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _task_runs(names_before, expected, timeout=20.0):
    """Names of the reference-model tasks Ray ran since ``names_before`` (from its timeline)."""
    deadline = time.monotonic() + timeout
    while True:
        names = {
            e["cat"].removeprefix("task::")
            for e in ray.timeline()
            if str(e.get("cat", "")).startswith(f"task::{TASK}")
        }
        new = names - names_before
        if len(new) >= expected or time.monotonic() > deadline:
            return new
        time.sleep(0.5)


def test_one_task_per_model_data_put_once_and_the_signals_of_loky(local_ray, data, monkeypatch):
    target, X, y = data
    here = fit_reference_models(target, X, y, k=5, random_state=3)
    loky = fit_reference_models(target, X, y, k=5, random_state=3, backend="loky", n_jobs=2)
    before = _task_runs(set(), 0, timeout=0)
    put = ray.put
    puts = []

    def counted(value, *args, **kwargs):
        puts.append(type(value).__name__)
        return put(value, *args, **kwargs)

    monkeypatch.setattr(ray, "put", counted)
    on_ray = fit_reference_models(target, X, y, k=5, random_state=3, backend="ray")
    monkeypatch.undo()
    for other in (loky, on_ray):
        np.testing.assert_array_equal(other.membership, here.membership)
        np.testing.assert_array_equal(other.signals, here.signals)
    # the target, X, y and the membership matrix were put in the object store once
    # (X_eval and y_eval are None here)
    assert sorted(puts) == ["Target", "ndarray", "ndarray", "ndarray"]
    # the first model is fitted here (timed), the other K - 1 are one task each
    tasks = _task_runs(before, 4)
    assert len(tasks) == 4, tasks
    assert sorted(t.rsplit("-", 2)[1] for t in tasks) == ["1", "2", "3", "4"]
    assert len({t.rsplit("-", 1)[1] for t in tasks}) == 1  # one run
    assert on_ray.placement == (
        f"reference models: 1 fitted in this process (timed), 4 on the Ray cluster {_gcs()} "
        "(1 node, 2 CPUs), one task each"
    )


def test_the_local_instance_says_so(local_ray):
    assert local_ray.where() == "a local Ray instance (2 CPUs)"


def test_the_address_of_the_connected_cluster_is_used_and_another_refused(local_ray, data):
    target, X, y = data
    kw = dict(y_train=y[:200], y_holdout=y[200:], reference_models=3, seed=1)
    here = membership_inference(target.estimator, X[:200], X[200:], **kw)
    there = membership_inference(
        target.estimator, X[:200], X[200:], backend="ray", scheduler=_gcs(), **kw
    )
    for name in here.scores:
        np.testing.assert_array_equal(here.scores[name], there.scores[name])
    assert there.refit_notes[-1].endswith(
        f"2 on the Ray cluster {_gcs()} (1 node, 2 CPUs), one task each"
    )
    assert ray.is_initialized()  # a connection this process had is not closed
    with socket.socket() as other:  # something answers there, but it is another address
        other.bind(("127.0.0.1", 0))
        other.listen()
        address = f"127.0.0.1:{other.getsockname()[1]}"
        with pytest.raises(BackendError, match="already connected to the Ray cluster at"):
            fit_reference_models(target, X, y, k=3, backend="ray", scheduler=address)


def test_audit_method_section_says_the_models_ran_on_ray(local_ray, data):
    from modelprivacy import audit

    _, X, y = data
    frame = pd.DataFrame(X, columns=[f"x{i}" for i in range(X.shape[1])]).assign(label=y)
    model = RandomForestClassifier(n_estimators=10, random_state=0)
    model.fit(frame.drop(columns="label").iloc[:200], frame["label"].iloc[:200])
    result = audit(
        model, frame.iloc[:200], frame.iloc[200:], target="label", reference_models=3, backend="ray"
    )
    note = (
        f"reference models: 1 fitted in this process (timed), 2 on the Ray cluster {_gcs()} "
        "(1 node, 2 CPUs), one task each"
    )
    assert result.membership.refit_notes[-1] == note
    method = result.render("markdown").split("## Method", 1)[1]
    assert note in method


def _ray_workers_running_our_tasks():
    """PIDs of Ray worker processes whose title names a reference-model task (Ray sets it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(f"ray::{TASK}".encode()):
            pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux's /proc")
def test_a_worker_killed_mid_run_is_replaced_and_the_results_are_the_same(local_ray):
    X, y = make_classification(2000, 20, random_state=1)
    # each fit takes over a second on one core: long enough for the killer to find it busy
    # (with 80 trees a warm idle machine finished the fits before it looked twice)
    model = RandomForestClassifier(n_estimators=400, random_state=0).fit(X[:1000], y[:1000])
    target = Target(model)
    here = fit_reference_models(target, X, y, k=3, random_state=2)
    killed: list[int] = []

    def kill_a_busy_worker():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            busy = _ray_workers_running_our_tasks()
            if busy:
                time.sleep(0.3)  # inside the fit
                if busy[0] in _ray_workers_running_our_tasks():  # still fitting
                    os.kill(busy[0], signal.SIGKILL)  # a worker of the Ray this test started
                    killed.append(busy[0])
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    on_ray = fit_reference_models(target, X, y, k=3, random_state=2, backend="ray")
    killer.join()
    assert killed, "no Ray worker was busy with a reference model"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)  # it is gone, and its model was fitted again elsewhere
    np.testing.assert_array_equal(on_ray.signals, here.signals)
    np.testing.assert_array_equal(on_ray.membership, here.membership)


def test_an_unreachable_address_is_refused_quickly():
    for address in (f"127.0.0.1:{_free_port()}", f"ray://127.0.0.1:{_free_port()}"):
        t0 = time.perf_counter()
        with pytest.raises(BackendError, match=f"cannot reach the Ray cluster at {address}"):
            check_backend("ray", address)
        assert time.perf_counter() - t0 < 6


def test_auto_resolves_ray_address_and_refuses_it_when_nothing_answers(monkeypatch):
    port = _free_port()
    monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{port}")  # Ray may name this host's IP
    with pytest.raises(BackendError, match=rf"cannot reach the Ray cluster at \S+:{port} \(auto\)"):
        check_backend(None, "auto")


def test_scheduler_addresses_choose_and_match_the_backend():
    assert check_backend(None, "auto", reach=False) == "ray"
    assert check_backend(None, "ray://10.0.0.5:10001", reach=False) == "ray"
    assert check_backend(None, "tcp://10.0.0.5:8786", reach=False) == "dask"
    assert check_backend("ray", "10.0.0.5:6379", reach=False) == "ray"
    with pytest.raises(BackendError, match="is a Dask scheduler address"):
        check_backend("ray", "tcp://10.0.0.5:8786", reach=False)
    with pytest.raises(BackendError, match="is a Ray address, not a Dask scheduler's"):
        check_backend("dask", "ray://10.0.0.5:10001", reach=False)
    with pytest.raises(BackendError, match="has no valid port"):
        check_backend("ray", "10.0.0.5:head", reach=False)


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


def test_cli_backend_ray_fits_on_the_ray_of_this_process(local_ray, tmp_path, capsys):
    code = main([*_files(tmp_path), "--backend", "ray"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["refit_notes"][-1] == (
        f"reference models: 1 fitted in this process (timed), 2 on the Ray cluster {_gcs()} "
        "(1 node, 2 CPUs), one task each"
    )


def test_cli_unreachable_ray_address_is_one_line_and_exit_2(tmp_path, capsys):
    address = f"127.0.0.1:{_free_port()}"
    t0 = time.perf_counter()
    code = main([*_files(tmp_path), "--backend", "ray", "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 2
    assert time.perf_counter() - t0 < 10
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"modelprivacy: error: cannot reach the Ray cluster at {address}")
    assert "ray start --head" in lines[0] and "give no scheduler" in lines[0]


def test_cli_without_the_ray_package_names_the_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if it were not installed
    code = main([*_files(tmp_path), "--backend", "ray"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        "modelprivacy: error: the 'ray' backend needs the ray package, which is not "
        'installed: pip install "modelprivacy[ray]"'
    )
