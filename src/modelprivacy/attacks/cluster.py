"""Where the reference models are fitted: this process, joblib workers, or a Dask cluster.

:func:`reference_backend` chooses the backend for a block of code (an audit,
the two audits of ``sanitize``): ``"loky"`` worker processes, ``"threading"``,
or ``"dask"``, either on the scheduler at ``scheduler`` (``tcp://HOST:PORT``)
or on a local cluster of worker processes started for the block and closed
after it. Its checks run when it is entered, before any fit: an unknown
backend, a missing ``distributed`` package and a scheduler that nothing
answers at are one-line :class:`BackendError` messages that name the fix.

On Dask, :meth:`DaskCluster.map` sends the shared inputs (the target and the
pooled data) to the workers once, with :meth:`distributed.Client.scatter`
(every worker gets a copy, so a worker that dies loses no data), and submits
one task per reference model: the model's fit runs inside the worker, with
scikit-learn's own parallelism, instead of joblib's Dask backend, which sends
every inner joblib call to the cluster as well. Results are collected as they
complete and returned in task order, so they are the same as in this process.
A task whose worker dies is given to another worker by the scheduler (up to
``distributed.scheduler.allowed-failures`` times, 3 by default), and a task
that raises ``MemoryError`` or ``OSError`` is retried :data:`TASK_RETRIES`
times; any other exception is the fit's own and is raised here without a retry
(it would recur).

Nothing here imports ``distributed`` until a Dask backend is used.
"""

from __future__ import annotations

import contextlib
import contextvars
import importlib.util
import logging
import pickle
import socket
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from modelprivacy.errors import ModelPrivacyError

__all__ = [
    "BACKENDS",
    "CONNECT_TIMEOUT_S",
    "DASK_INSTALL",
    "TASK_RETRIES",
    "BackendError",
    "DaskCluster",
    "ReferenceBackend",
    "active_backend",
    "check_backend",
    "reference_backend",
]

BACKENDS = ("loky", "threading", "dask")
"""The backends reference models can be fitted on."""

_NOT_YET = {
    "ray": "the 'ray' backend is not supported yet; use 'dask' (with a scheduler address "
    "tcp://HOST:PORT for a cluster, or none for local worker processes)",
}

DASK_INSTALL = 'pip install "modelprivacy[dask]"'
"""The command that installs what the Dask backend needs."""

CONNECT_TIMEOUT_S = 5.0
"""Seconds to wait for a Dask scheduler to answer."""

TASK_RETRIES = 2
"""Retries of a reference-model task that raised ``MemoryError`` or ``OSError`` on a worker."""

_DEFAULT_PORT = 8786  # a Dask scheduler's port when the address names none
_TASK_NAME = "modelprivacy-reference-model"


class BackendError(ModelPrivacyError, ValueError):
    """A backend or Dask scheduler that cannot be used: unknown, not installed or not answering."""


def _distributed() -> Any:
    """The ``distributed`` module, or :class:`BackendError` naming the install command."""
    try:
        import distributed
    except ImportError:
        raise BackendError(
            f"the 'dask' backend needs the distributed package, which is not installed: {DASK_INSTALL}"
        ) from None
    return distributed


def _is_client(scheduler: Any) -> bool:
    """Whether ``scheduler`` is a ``distributed.Client`` (without importing distributed)."""
    return type(scheduler).__name__ == "Client" and type(scheduler).__module__.startswith(
        "distributed"
    )


def _host_port(address: str) -> tuple[str, int] | None:
    """Host and port of a ``tcp://`` or ``tls://`` address (None for other protocols)."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "tcp", address
    if scheme not in ("tcp", "tls"):
        return None
    rest = rest.rstrip("/")
    if rest.startswith("["):  # [IPv6]:port
        host, _, tail = rest[1:].partition("]")
        port_text = tail[1:] if tail.startswith(":") else ""
    else:
        host, sep, port_text = rest.rpartition(":")
        if not sep:
            host, port_text = rest, ""
    if not host:
        raise BackendError(
            f"the Dask scheduler address {address!r} names no host: give tcp://HOST:PORT"
        )
    try:
        port = int(port_text) if port_text else _DEFAULT_PORT
    except ValueError:
        raise BackendError(
            f"the Dask scheduler address {address!r} has no valid port: give tcp://HOST:PORT"
        ) from None
    return host, port


def _unreachable(address: str, why: str) -> BackendError:
    return BackendError(
        f"cannot reach the Dask scheduler at {address} ({why}): start one there (`dask scheduler`, "
        f"then `dask worker {address}` on each machine), or give no scheduler to start a local "
        "cluster"
    )


def _check_reachable(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Open and close a TCP connection to the scheduler, or raise :class:`BackendError`."""
    where = _host_port(address)
    if where is None:  # another protocol (ucx, inproc, ...): distributed will tell
        return
    try:
        with socket.create_connection(where, timeout=timeout):
            pass
    except TimeoutError:
        raise _unreachable(address, f"no answer within {timeout:g} s") from None
    except OSError as exc:
        raise _unreachable(address, exc.strerror or type(exc).__name__) from None


def check_backend(
    backend: Any, scheduler: Any = None, *, reach: bool = True, installed: bool = True
) -> str | None:
    """The backend to use, or :class:`BackendError` if it cannot be used.

    Parameters
    ----------
    backend : str or None
        ``"loky"``, ``"threading"`` or ``"dask"``; None for the default
        (``"dask"`` when a scheduler is given, else joblib's).
    scheduler : str, distributed.Client or None
        A Dask scheduler's address (``tcp://HOST:PORT``) or a connected Client.
    reach : bool, default=True
        Check that something answers at the scheduler's address (a TCP
        connection of at most :data:`CONNECT_TIMEOUT_S` seconds).
    installed : bool, default=True
        Check that ``distributed`` is installed, for ``"dask"``.

    Returns
    -------
    str or None
        The backend's name.

    Raises
    ------
    BackendError
        For an unknown backend or one not supported yet, a scheduler with a
        backend other than ``"dask"``, a missing ``distributed`` package, or
        a scheduler that does not answer.
    """
    if backend is not None and not isinstance(backend, str):
        raise BackendError(
            f"The 'backend' parameter must be one of {', '.join(BACKENDS)} or None. "
            f"Got {backend!r} instead."
        )
    if backend in _NOT_YET:
        raise BackendError(_NOT_YET[backend])
    if backend is not None and backend not in BACKENDS:
        raise BackendError(f"unknown backend {backend!r}; choose from: {', '.join(BACKENDS)}")
    if scheduler is not None:
        if backend not in (None, "dask"):
            raise BackendError(
                f"a Dask scheduler was given with the {backend!r} backend: the scheduler is for "
                "the 'dask' backend (give that, or no scheduler)"
            )
        if not (isinstance(scheduler, str) or _is_client(scheduler)):
            raise BackendError(
                "The 'scheduler' parameter must be a Dask scheduler address (tcp://HOST:PORT) or "
                f"a distributed.Client. Got {scheduler!r} instead."
            )
        backend = "dask"
    if backend == "dask":
        if installed and importlib.util.find_spec("distributed") is None:
            _distributed()  # raises, naming the install command
        if reach and isinstance(scheduler, str):
            _check_reachable(scheduler)
    return backend


def _local_workers(n_jobs: int | None) -> int:
    """Worker processes of a local cluster: one per core, or ``n_jobs`` (joblib semantics)."""
    from joblib import cpu_count

    cpus = int(cpu_count())
    if n_jobs is None or n_jobs == 0:
        return max(1, cpus)
    if n_jobs < 0:
        return max(1, cpus + 1 + int(n_jobs))
    return int(n_jobs)


@dataclass(frozen=True)
class _Failed:
    """An exception a task raised, returned as its result so that it is not retried."""

    error: BaseException


def _call(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(*args)`` in a worker; the fit's own exceptions come back as :class:`_Failed`.

    ``MemoryError`` and ``OSError`` (a crowded or failing worker) propagate, so
    Dask retries the task; anything else would recur on another worker.
    """
    try:
        return fn(*args)
    except (MemoryError, OSError):
        raise
    except Exception as exc:
        try:
            pickle.dumps(exc)
        except Exception:
            from modelprivacy._text import describe_exception

            exc = RuntimeError(describe_exception(exc))
        return _Failed(exc)


class DaskCluster:
    """A Dask scheduler and its workers, as the reference models use them.

    Connected (or, without an address, started as a local cluster of worker
    processes on 127.0.0.1) on first use, and closed by :meth:`close`. A
    Client given by the caller is used as it is and never closed.

    Parameters
    ----------
    scheduler : str, distributed.Client or None
        The scheduler's address (``tcp://HOST:PORT``), a connected Client, or
        None for a local cluster.
    n_jobs : int, optional
        Worker processes of a local cluster (joblib semantics: ``-1`` or
        None, one per core). A running scheduler has the workers it has.
    """

    def __init__(self, scheduler: Any = None, n_jobs: int | None = None) -> None:
        self.scheduler = scheduler
        self.n_jobs = n_jobs
        self._client: Any = scheduler if _is_client(scheduler) else None
        self._cluster: Any = None
        self._owned = self._client is None
        self._log_level: int | None = None

    @property
    def client(self) -> Any:
        """The ``distributed.Client`` (connecting or starting the cluster the first time)."""
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> Any:
        distributed = _distributed()
        # distributed logs at INFO (dask's configuration); its messages go no lower than the
        # root logger's level (the command line's ERROR, unless --debug) while the cluster is open
        logger = logging.getLogger("distributed")
        self._log_level = logger.level
        logger.setLevel(max(logger.getEffectiveLevel(), logging.getLogger().getEffectiveLevel()))
        if self.scheduler is None:
            workers = _local_workers(self.n_jobs)
            self._cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            )
            return distributed.Client(self._cluster, set_as_default=False)
        address = str(self.scheduler)
        _check_reachable(address)
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise _unreachable(address, f"{type(exc).__name__}: {exc}") from None
        try:  # tasks sent to a scheduler without workers would wait for ever
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except TimeoutError:
            client.close()
            raise BackendError(
                f"the Dask scheduler at {address} has no workers: start some (`dask worker "
                f"{address}` on each machine), or give no scheduler to start a local cluster"
            ) from None
        return client

    def _workers(self) -> dict[str, int]:
        """Threads of every worker, by address."""
        return {str(w): int(n) for w, n in self.client.nthreads().items()}

    @property
    def slots(self) -> int:
        """Tasks the workers run at once (their threads together; at least 1)."""
        return max(1, sum(self._workers().values()))

    def where(self) -> str:
        """Where tasks run, for the report: the scheduler's address, or a local cluster."""
        workers = len(self._workers())
        if self._cluster is not None:
            return f"a local Dask cluster ({workers} worker processes)"
        address = getattr(self.client.scheduler, "address", None) or self.scheduler
        return f"the Dask scheduler {address} ({workers} workers)"

    def map(
        self,
        fn: Callable[..., Any],
        shared: Sequence[Any],
        tasks: Sequence[tuple[Any, ...]],
        done: Callable[[int, Any], None] | None = None,
    ) -> list[Any]:
        """Run ``fn(*shared, *task)`` for every task, one Dask task each, in task order.

        Parameters
        ----------
        fn : callable
            A module-level function (workers import it).
        shared : sequence
            Arguments every task takes: scattered to the workers once (every
            worker gets a copy); None is passed as it is.
        tasks : sequence of tuple
            Each task's own (small) arguments.
        done : callable, optional
            ``done(i, result)`` as each task completes (in completion order).

        Returns
        -------
        list
            The results, in the order of ``tasks``.

        Raises
        ------
        Exception
            The first exception a task raised (the other tasks are cancelled).
        """
        distributed = _distributed()
        client = self.client
        run = uuid.uuid4().hex[:8]
        sent = [i for i, value in enumerate(shared) if value is not None]
        data = client.scatter([shared[i] for i in sent], broadcast=True, hash=False) if sent else []
        inputs = list(shared)
        for i, future in zip(sent, data, strict=True):
            inputs[i] = future
        futures = [
            client.submit(
                _call,
                fn,
                *inputs,
                *args,
                key=f"{_TASK_NAME}-{i + 1}-{run}",
                pure=False,
                retries=TASK_RETRIES,
            )
            for i, args in enumerate(tasks)
        ]
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        try:
            for future in distributed.as_completed(futures, loop=client.loop):
                result = future.result()
                if isinstance(result, _Failed):
                    raise result.error
                i = index[future.key]
                results[i] = result
                if done is not None:
                    done(i, result)
        finally:
            client.cancel([*futures, *data])
        return results

    def close(self) -> None:
        """Close the connection, and the local cluster if this object started it."""
        if not self._owned:
            return
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        if self._log_level is not None:
            logging.getLogger("distributed").setLevel(self._log_level)
            self._log_level = None


@dataclass(frozen=True)
class ReferenceBackend:
    """The backend reference models are fitted on inside :func:`reference_backend`.

    Attributes
    ----------
    backend : str or None
        ``"loky"``, ``"threading"``, ``"dask"``, or None (joblib's default).
    n_jobs : int or None
        Parallel jobs (joblib semantics); with a joblib backend and no
        ``n_jobs``, ``-1`` (every core).
    scheduler : str, distributed.Client or None
        The Dask scheduler (None: a local cluster).
    cluster : DaskCluster or None
        The cluster, for the ``"dask"`` backend.
    """

    backend: str | None = None
    n_jobs: int | None = None
    scheduler: Any = None
    cluster: DaskCluster | None = None

    @property
    def parallel(self) -> bool:
        """Whether parallel fits were asked for (a backend, or more than one job)."""
        return self.backend is not None or self.n_jobs not in (None, 1)


_ACTIVE: contextvars.ContextVar[ReferenceBackend | None] = contextvars.ContextVar(
    "modelprivacy_reference_backend", default=None
)


def active_backend() -> ReferenceBackend:
    """The backend of the innermost :func:`reference_backend` block (the default outside any)."""
    return _ACTIVE.get() or ReferenceBackend()


@contextlib.contextmanager
def reference_backend(
    backend: str | None = None, scheduler: Any = None, n_jobs: int | None = None
) -> Iterator[ReferenceBackend]:
    """Fit the reference models of the block on ``backend``.

    Arguments not given are those of the enclosing block. A Dask cluster is
    connected (or started) on its first use inside the block, shared by
    every fit in it, and closed when the block ends; an enclosing block's
    cluster with the same scheduler and jobs is reused.

    Parameters
    ----------
    backend : {"loky", "threading", "dask"}, optional
        Where the fits after the first run; ``"dask"`` when only ``scheduler``
        is given.
    scheduler : str or distributed.Client, optional
        The Dask scheduler's address (``tcp://HOST:PORT``) or a Client; for
        ``"dask"`` without one, a local cluster of worker processes on
        127.0.0.1 (one per core, or ``n_jobs``) is started.
    n_jobs : int, optional
        Parallel jobs (joblib semantics); with a backend and no ``n_jobs``,
        every core.

    Yields
    ------
    ReferenceBackend
        The backend in force.

    Raises
    ------
    BackendError
        See :func:`check_backend` (checked on entry, before any fit).
    """
    outer = active_backend()
    if backend is None and scheduler is None:
        backend, scheduler = outer.backend, outer.scheduler
    elif scheduler is None and backend == outer.backend:
        scheduler = outer.scheduler
    if n_jobs is None:
        n_jobs = outer.n_jobs
    backend = check_backend(backend, scheduler)
    if backend in ("loky", "threading") and n_jobs is None:
        n_jobs = -1
    chosen = ReferenceBackend(backend, n_jobs, scheduler if backend == "dask" else None)
    opened: DaskCluster | None = None
    if backend == "dask":
        if outer.cluster is not None and outer.scheduler == scheduler and outer.n_jobs == n_jobs:
            chosen = replace(chosen, cluster=outer.cluster)
        else:
            opened = DaskCluster(scheduler, n_jobs)
            chosen = replace(chosen, cluster=opened)
    token = _ACTIVE.set(chosen)
    try:
        yield chosen
    finally:
        _ACTIVE.reset(token)
        if opened is not None:
            opened.close()
