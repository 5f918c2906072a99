"""Thread limits for the model fits modelprivacy runs in its own process.

scikit-learn's OpenMP code (HistGradientBoosting, k-means, ...) and BLAS start
one thread per core by default. On a machine whose cores are busy with other
work, those threads wait for each other: one HistGradientBoosting fit was
measured at 119 s under load against 1 s with ``OMP_NUM_THREADS=1``. Before a
series of fits, :func:`fit_threads` counts the other tasks that are running
now and leaves them their cores; :func:`limited_threads` applies the result.
A thread limit the user set in the environment is always respected.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import time
from collections.abc import Iterator
from typing import Any

__all__ = ["THREAD_VARIABLES", "fit_threads", "limited_threads", "thread_limit"]

#: Environment variables by which a user limits the threads of OpenMP and BLAS.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
)

_SAMPLES = 5
# /proc/loadavg counts the runnable tasks when it is read: samples 2 ms apart see the
# same flicker as samples 10 ms apart did, and an audit waits 8 ms instead of 40 ms
_SAMPLE_INTERVAL_S = 0.002


def _running_tasks() -> int | None:
    """Tasks runnable on the whole machine now (``/proc/loadavg``), this process's included."""
    try:
        with open("/proc/loadavg", encoding="ascii") as file:
            running = file.read().split()[3].split("/")[0]
        return int(running)
    except (OSError, IndexError, ValueError):
        return None


def _own_running() -> int:
    """Threads of this process that are runnable now (at least the one asking).

    OpenMP and BLAS threads of an earlier computation may still spin; they are
    this process's own work, not other tasks' that a fit should make room for.
    """
    count = 0
    try:
        for task in os.scandir("/proc/self/task"):
            try:
                with open(f"{task.path}/stat", encoding="ascii", errors="replace") as file:
                    state = file.read().rpartition(")")[2].split()[0]
            except (OSError, IndexError):
                continue
            count += state == "R"
    except OSError:
        return 1
    return max(count, 1)


def fit_threads(cpus: int | None = None) -> int | None:
    """The number of threads a fit in this process should use, or None for the default.

    Parameters
    ----------
    cpus : int, optional
        The cores this process may use; by default joblib's ``cpu_count()``,
        which respects CPU affinity and a container's CPU quota.

    Returns
    -------
    int or None
        None when the user set a thread limit in the environment (see
        :data:`THREAD_VARIABLES`) or the platform cannot tell how busy it is;
        else the cores left by the other processes' tasks running now (the
        median of a few samples of ``/proc/loadavg`` over 10 ms, less this
        process's own runnable threads), at least 1.
    """
    if any(os.environ.get(name) for name in THREAD_VARIABLES):
        return None
    if cpus is None:
        from joblib import cpu_count

        cpus = cpu_count()
    samples: list[int] = []
    for i in range(_SAMPLES):
        running = _running_tasks()
        if running is None:
            return None
        samples.append(max(0, running - _own_running()))
        if i < _SAMPLES - 1:
            time.sleep(_SAMPLE_INTERVAL_S)
    others = statistics.median(samples)
    return max(1, min(int(cpus), int(cpus - others + 0.5)))


_CONTROLLER: tuple[int, Any] | None = None


def _controller() -> Any:
    """Threadpoolctl's view of the thread pools loaded in this process, found once.

    Finding them reads the process's loaded libraries (about 1.4 ms), which
    ``threadpool_limits`` does on every call: a reference fit of a small tree
    spends a quarter of its time there. Libraries are loaded when their modules
    are imported, so the view is found again when the number of imported modules
    changes.
    """
    global _CONTROLLER
    from threadpoolctl import ThreadpoolController

    key = len(sys.modules)
    cached = _CONTROLLER
    if cached is None or cached[0] != key:
        cached = (key, ThreadpoolController())
        _CONTROLLER = cached
    return cached[1]


@contextlib.contextmanager
def thread_limit(limits: int | None, user_api: str | None = None) -> Iterator[None]:
    """Limit the threads of ``user_api`` (``"openmp"``, ``"blas"``, None: both) to ``limits``.

    As threadpoolctl's ``threadpool_limits``, through a view of the thread pools
    found once (:func:`_controller`).

    Parameters
    ----------
    limits : int or None
        The limit; None: no limit.
    user_api : str, optional
        The kind of thread pool limited.

    Yields
    ------
    None
        Inside the limit.
    """
    if limits is None:
        yield
        return
    with _controller().limit(limits=limits, user_api=user_api):
        yield


@contextlib.contextmanager
def limited_threads(threads: int | None) -> Iterator[None]:
    """Limit OpenMP and BLAS threads in this process to ``threads`` (None: no limit).

    Parameters
    ----------
    threads : int or None
        The limit, as :func:`fit_threads` returns it.

    Yields
    ------
    None
        Inside the limit.
    """
    with thread_limit(threads):
        yield
