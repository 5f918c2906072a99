"""Thread limits for the fits modelprivacy runs in its own process."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from threadpoolctl import threadpool_info

from modelprivacy._threads import THREAD_VARIABLES, fit_threads, limited_threads

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/loadavg")


@pytest.fixture
def no_thread_variables(monkeypatch):
    for name in THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_a_thread_limit_in_the_environment_is_respected(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert fit_threads(cpus=8) is None


def test_the_cores_are_at_most_those_of_the_process(no_thread_variables):
    threads = fit_threads(cpus=2)
    assert threads is not None and 1 <= threads <= 2


def test_busy_cores_are_left_to_the_tasks_that_use_them(no_thread_variables):
    spin = [sys.executable, "-c", "while True: pass"]
    busy = [subprocess.Popen(spin) for _ in range(3)]
    try:
        time.sleep(0.5)
        assert fit_threads(cpus=2) == 1
        assert fit_threads(cpus=64) <= 61
    finally:
        for process in busy:
            process.kill()
            process.wait()


def test_limited_threads_limits_openmp():
    import sklearn.ensemble  # noqa: F401  (loads scikit-learn's OpenMP runtime)

    if not any(info["user_api"] == "openmp" for info in threadpool_info()):
        pytest.skip("no OpenMP runtime loaded")
    with limited_threads(1):
        assert {i["num_threads"] for i in threadpool_info() if i["user_api"] == "openmp"} == {1}
    with limited_threads(None):
        pass


def test_this_processs_own_busy_threads_are_not_other_tasks(no_thread_variables):
    import hashlib
    import threading

    stop = threading.Event()
    block = bytes(1 << 20)

    def spin() -> None:  # hashing a large block runs without the GIL
        while not stop.is_set():
            hashlib.sha256(block).digest()

    quiet = fit_threads(cpus=64)
    threads = [threading.Thread(target=spin) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        time.sleep(0.2)
        others = [fit_threads(cpus=64) for _ in range(3)]
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert quiet is not None
    # four threads of its own busy: still (about) the same cores; counting them as
    # other tasks, as before, gave quiet - 4. The slack of 2 absorbs other tasks of a
    # busy machine that start or stop meanwhile.
    assert max(others) >= quiet - 2


def test_thread_limit_limits_and_restores_the_pools_as_threadpoolctl_does():
    import sklearn.ensemble  # noqa: F401  (loads scikit-learn's OpenMP runtime)
    from threadpoolctl import threadpool_info

    from modelprivacy._threads import _controller, thread_limit

    def openmp() -> list[int]:
        return [p["num_threads"] for p in threadpool_info() if p["user_api"] == "openmp"]

    from threadpoolctl import threadpool_limits

    assert openmp(), "scikit-learn's OpenMP runtime is loaded"
    with threadpool_limits(limits=2, user_api="openmp"):  # a known start, whatever the env says
        before = openmp()
        assert set(before) == {2}
        with thread_limit(1, user_api="openmp"):
            assert openmp() == [1] * len(before)
            with thread_limit(None):  # no limit: nothing changes
                assert openmp() == [1] * len(before)
        assert openmp() == before
    # the view of the pools is found once, and again when modules are imported
    first = _controller()
    assert _controller() is first
    import sys
    import types

    sys.modules["modelprivacy_test_new_module"] = types.ModuleType("modelprivacy_test_new_module")
    try:
        assert _controller() is not first
    finally:
        del sys.modules["modelprivacy_test_new_module"]
