"""The command line contains what it cannot prove safe: real processes, real limits.

Every command that reads a model file runs in a child process; loading,
validation and inspection run under ``--max-memory``, ``--max-cpu`` and
``--timeout``. A file that crashes, hangs or exhausts memory becomes exit code
2 and one line naming the limit, never a signal, a hang or a traceback.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from hostile import Reduce

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="containment needs fork (POSIX)")


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "modelprivacy", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _one_clean_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("modelprivacy: error:")]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_a_hostile_pickle_is_refused_and_runs_nothing(tmp_path):
    marker = tmp_path / "PWNED"
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(Reduce(os.system, f"touch {shlex.quote(str(marker))}")))
    line = _one_clean_line(_cli("inspect", str(path)))
    assert "outside the allowlist" in line and "system" in line
    assert not marker.exists()


def test_a_crash_while_loading_is_contained(tmp_path):
    # Under --trust the file runs its own code: here it reads address 0. The
    # child process dies of SIGSEGV; the command reports it and exits 2.
    path = tmp_path / "crash.pkl"
    path.write_bytes(pickle.dumps(Reduce(ctypes.string_at, 0)))
    line = _one_clean_line(_cli("inspect", str(path), "--trust"))
    assert "SIGSEGV" in line and "crash.pkl" in line


def _big_list_file(tmp_path: Path) -> Path:
    # Not a model, but slow to unpickle: millions of opcodes in pure Python.
    path = tmp_path / "slow.pkl"
    path.write_bytes(pickle.dumps([float(i) for i in range(4_000_000)], protocol=2))
    return path


def test_the_wall_clock_limit(tmp_path):
    line = _one_clean_line(_cli("inspect", str(_big_list_file(tmp_path)), "--timeout", "1"))
    assert "--timeout" in line


def test_the_memory_limit(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2000, 50))
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(LogisticRegression().fit(X, X[:, 0] > 0)))
    # Near the limit a C extension's failed malloc can surface as a SystemError
    # ("error return without exception set") instead of a MemoryError: it must
    # still be reported as the limit, at any size that is too small.
    for size in ("512K", "1M", "1200K", "2M", "8M"):
        line = _one_clean_line(_cli("inspect", str(path), "--max-memory", size))
        assert "--max-memory" in line, (size, line)
    ok = _cli("inspect", str(path))
    # without a limit the inspection runs; a logistic regression holds only aggregates,
    # so there is no finding and the exit code is 0
    assert ok.returncode == 0, ok.stderr


def test_a_bad_limit_is_a_usage_error(tmp_path):
    proc = _cli("inspect", str(tmp_path / "m.pkl"), "--max-memory", "lots")
    assert proc.returncode == 2 and "invalid size 'lots'" in proc.stderr


def test_the_cpu_limit(tmp_path):
    line = _one_clean_line(_cli("inspect", str(_big_list_file(tmp_path)), "--max-cpu", "1"))
    assert "--max-cpu" in line


def test_the_api_loads_in_a_child_first_and_contain_false_skips_it(tmp_path):
    # load_model(path) checks the file in a forked child, then loads the same
    # bytes here; a crash in the child is an error here, not a dead notebook.
    from modelprivacy.errors import ModelLoadError
    from modelprivacy.load import load_model

    crash = tmp_path / "crash.pkl"
    crash.write_bytes(pickle.dumps(Reduce(ctypes.string_at, 0)))
    with pytest.raises(ModelLoadError, match="SIGSEGV"):
        load_model(crash, trust=True)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 3))
    path = tmp_path / "model.pkl"
    model = LogisticRegression().fit(X, X[:, 0] > 0)
    path.write_bytes(pickle.dumps(model))
    for contain in (True, False):
        loaded = load_model(path, contain=contain).estimator
        np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
