"""Where the reference models are fitted: this process, joblib workers, a Dask or a Ray cluster.

:func:`reference_backend` chooses the backend for a block of code (an audit,
the two audits of ``sanitize``): ``"loky"`` worker processes, ``"threading"``,
``"dask"``, either on the scheduler at ``scheduler`` (``tcp://HOST:PORT``)
or on a local cluster of worker processes started for the block and closed
after it, or ``"ray"``, either on the Ray cluster at ``scheduler`` (``auto``,
``ray://HOST:PORT`` or a head node's ``HOST:PORT``) or on a local Ray
instance started for the block and shut down after it. Its checks run when
it is entered, before any fit: an unknown backend, a missing ``distributed``
or ``ray`` package and a scheduler that nothing answers at are one-line
:class:`BackendError` messages that name the fix.

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

On Ray, :meth:`RayCluster.map` does the same with Ray's own means: the shared
inputs are put in the object store once (:func:`ray.put`), and each reference
model is one ``ray.remote`` task that takes one CPU (Ray runs it in a worker
process whose BLAS and OpenMP pools have one thread; the model's own joblib
parallelism stays inside that process). A task whose worker dies, or that
raises ``MemoryError`` or ``OSError``, is run again up to
:data:`RAY_TASK_RETRIES` times (Ray's ``max_retries``).

Nothing here imports ``distributed`` or ``ray`` until their backend is used.
"""

from __future__ import annotations

import contextlib
import contextvars
import importlib.util
import logging
import os
import pickle
import shutil
import socket
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from modelprivacy.errors import ModelPrivacyError

__all__ = [
    "BACKENDS",
    "CONNECT_TIMEOUT_S",
    "DASK_INSTALL",
    "RAY_INSTALL",
    "RAY_TASK_RETRIES",
    "TASK_RETRIES",
    "BackendError",
    "DaskCluster",
    "RayCluster",
    "ReferenceBackend",
    "active_backend",
    "check_backend",
    "reference_backend",
]

BACKENDS = ("loky", "threading", "dask", "ray")
"""The backends reference models can be fitted on."""

DASK_INSTALL = 'pip install "modelprivacy[dask]"'
"""The command that installs what the Dask backend needs."""

RAY_INSTALL = 'pip install "modelprivacy[ray]"'
"""The command that installs what the Ray backend needs."""

CONNECT_TIMEOUT_S = 5.0
"""Seconds to wait for a Dask scheduler or a Ray head node to answer."""

TASK_RETRIES = 2
"""Retries of a reference-model task that raised ``MemoryError`` or ``OSError`` on a worker."""

RAY_TASK_RETRIES = 3
"""Runs of a reference-model task on Ray after the first, when its worker died or it raised
``MemoryError`` or ``OSError`` (Ray's ``max_retries``; Dask allows as many worker deaths)."""

_DEFAULT_PORT = 8786  # a Dask scheduler's port when the address names none
_RAY_GCS_PORT = 6379  # a Ray head node's port when a HOST:PORT address names none
_RAY_CLIENT_PORT = 10001  # a Ray Client server's port when a ray:// address names none
_RAY_TEMP_DIR_MAX = 42  # 107 bytes of a socket path, less Ray's session and socket names
_TASK_NAME = "modelprivacy-reference-model"


class BackendError(ModelPrivacyError, ValueError):
    """A backend or cluster that cannot be used: unknown, not installed or not answering."""


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


def _split_host_port(rest: str, default: int, what: str, fix: str) -> tuple[str, int]:
    """``HOST[:PORT]``, ``[IPv6][:PORT]`` (after the scheme) as host and port.

    Raises
    ------
    BackendError
        When it names no host or no valid port: ``"{what} names no host: {fix}"``.
    """
    rest = rest.rstrip("/")
    if rest.startswith("["):  # [IPv6]:port
        host, _, tail = rest[1:].partition("]")
        port_text = tail[1:] if tail.startswith(":") else ""
    else:
        host, sep, port_text = rest.rpartition(":")
        if not sep:
            host, port_text = rest, ""
    if not host:
        raise BackendError(f"{what} names no host: {fix}")
    try:
        port = int(port_text) if port_text else default
    except ValueError:
        raise BackendError(f"{what} has no valid port: {fix}") from None
    return host, port


def _host_port(address: str) -> tuple[str, int] | None:
    """Host and port of a ``tcp://`` or ``tls://`` address (None for other protocols)."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "tcp", address
    if scheme not in ("tcp", "tls"):
        return None
    return _split_host_port(
        rest, _DEFAULT_PORT, f"the Dask scheduler address {address!r}", "give tcp://HOST:PORT"
    )


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


def _is_ray_address(scheduler: Any) -> bool:
    """Whether ``scheduler`` can only be a Ray address (``auto`` or ``ray://...``)."""
    return isinstance(scheduler, str) and (scheduler == "auto" or scheduler.startswith("ray://"))


def check_backend(
    backend: Any, scheduler: Any = None, *, reach: bool = True, installed: bool = True
) -> str | None:
    """The backend to use, or :class:`BackendError` if it cannot be used.

    Parameters
    ----------
    backend : str or None
        ``"loky"``, ``"threading"``, ``"dask"`` or ``"ray"``; None for the
        default (with a scheduler, ``"ray"`` for ``auto`` or a ``ray://``
        address and ``"dask"`` for any other; else joblib's).
    scheduler : str, distributed.Client or None
        A Dask scheduler's address (``tcp://HOST:PORT``) or a connected
        Client, or a Ray cluster's address (``auto``, ``ray://HOST:PORT`` or
        a head node's ``HOST:PORT``, with ``backend="ray"``).
    reach : bool, default=True
        Check that something answers at the scheduler's address (a TCP
        connection of at most :data:`CONNECT_TIMEOUT_S` seconds).
    installed : bool, default=True
        Check that ``distributed`` is installed, for ``"dask"``, and ``ray``,
        for ``"ray"``.

    Returns
    -------
    str or None
        The backend's name.

    Raises
    ------
    BackendError
        For an unknown backend, a scheduler with a backend other than
        ``"dask"`` or ``"ray"`` (or of the other one), a missing
        ``distributed`` or ``ray`` package, or a scheduler that does not
        answer.
    """
    if backend is not None and not isinstance(backend, str):
        raise BackendError(
            f"The 'backend' parameter must be one of {', '.join(BACKENDS)} or None. "
            f"Got {backend!r} instead."
        )
    if backend is not None and backend not in BACKENDS:
        raise BackendError(f"unknown backend {backend!r}; choose from: {', '.join(BACKENDS)}")
    if scheduler is not None:
        if backend not in (None, "dask", "ray"):
            raise BackendError(
                f"a scheduler was given with the {backend!r} backend: the scheduler is for "
                "the 'dask' or 'ray' backend (give one of them, or no scheduler)"
            )
        if backend is None:
            backend = "ray" if _is_ray_address(scheduler) else "dask"
        if backend == "dask":
            if not (isinstance(scheduler, str) or _is_client(scheduler)):
                raise BackendError(
                    "The 'scheduler' parameter must be a Dask scheduler address (tcp://HOST:PORT) "
                    f"or a distributed.Client. Got {scheduler!r} instead."
                )
            if _is_ray_address(scheduler):
                raise BackendError(
                    f"{scheduler!r} is a Ray address, not a Dask scheduler's: give --backend ray "
                    "(backend='ray') with it, or a Dask scheduler address tcp://HOST:PORT"
                )
        elif not isinstance(scheduler, str):
            raise BackendError(
                "The 'scheduler' parameter must be a Ray address (auto, ray://HOST:PORT or "
                f"HOST:PORT) for the 'ray' backend. Got {scheduler!r} instead."
            )
        elif scheduler.partition("://")[0] in ("tcp", "tls") and "://" in scheduler:
            raise BackendError(
                f"{scheduler!r} is a Dask scheduler address: give a Ray address (auto, "
                "ray://HOST:PORT or HOST:PORT) with the 'ray' backend, or use --backend dask"
            )
        elif scheduler != "auto":
            _ray_host_port(scheduler)  # a host and a port, or one line naming the form
    if backend == "dask":
        if installed and importlib.util.find_spec("distributed") is None:
            _distributed()  # raises, naming the install command
        if reach and isinstance(scheduler, str):
            _check_reachable(scheduler)
    if backend == "ray":
        if installed and importlib.util.find_spec("ray") is None:
            _ray()  # raises, naming the install command
        if reach and isinstance(scheduler, str):
            _check_ray_reachable(scheduler)
    return backend


def _ray() -> Any:
    """The ``ray`` module, or :class:`BackendError` naming the install command."""
    try:
        import ray
    except ImportError:
        raise BackendError(
            f"the 'ray' backend needs the ray package, which is not installed: {RAY_INSTALL}"
        ) from None
    return ray


def _ray_unreachable(address: str, why: str) -> BackendError:
    return BackendError(
        f"cannot reach the Ray cluster at {address} ({why}): start one there (`ray start --head`, "
        "then `ray start --address HEAD:6379` on each other machine), or give no scheduler to "
        "start a local Ray"
    )


def _ray_host_port(address: str) -> tuple[str, int]:
    """Host and port of a Ray address, ``ray://HOST[:PORT]`` or ``HOST[:PORT]``."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "", address
    default = _RAY_CLIENT_PORT if scheme == "ray" else _RAY_GCS_PORT
    return _split_host_port(
        rest, default, f"the Ray address {address!r}", "give auto, ray://HOST:PORT or HOST:PORT"
    )


def _auto_address() -> str:
    """The address ``auto`` stands for (``RAY_ADDRESS``, or this machine's ``ray start``)."""
    _ray()
    try:
        from ray._private.services import canonicalize_bootstrap_address

        found = canonicalize_bootstrap_address("auto")
    except Exception:  # Ray's private API moved: ray.init will tell
        found = os.environ.get("RAY_ADDRESS") or "auto"
    if not found:
        raise BackendError(
            "found no running Ray cluster for the address 'auto' (RAY_ADDRESS is not set, and "
            "`ray start --head` has not been run on this machine): start one, give its address, "
            "or give no scheduler to start a local Ray"
        )
    return str(found)


def _check_ray_reachable(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Open and close a TCP connection to a Ray cluster's address, or raise :class:`BackendError`."""
    shown = address
    if address == "auto":
        address = _auto_address()
        if address == "auto":
            return
        shown = f"{address} (auto)"
    where = _ray_host_port(address)
    try:
        with socket.create_connection(where, timeout=timeout):
            pass
    except TimeoutError:
        raise _ray_unreachable(shown, f"no answer within {timeout:g} s") from None
    except OSError as exc:
        raise _ray_unreachable(shown, exc.strerror or type(exc).__name__) from None


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


@contextlib.contextmanager
def _environ(**values: str) -> Iterator[None]:
    """Set the environment variables of ``values`` that are not set, for the block."""
    added = [name for name in values if name not in os.environ]
    for name in added:
        os.environ[name] = values[name]
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _chain(exc: BaseException) -> str:
    """The messages of ``exc`` and of the exceptions it was raised from, in one string."""
    parts: list[str] = []
    seen: BaseException | None = exc
    while seen is not None and len(parts) < 10:
        parts.append(f"{type(seen).__name__}: {seen}")
        seen = seen.__cause__ or seen.__context__
    return " | ".join(parts)


def _ray_temp_dir() -> str:
    """A new directory for a local Ray instance's files, with a path short enough for Ray.

    Ray puts its sockets in ``DIR/session_<date>_<time>_<pid>/sockets/``, and a
    socket's path must not exceed 107 bytes: under a long ``TMPDIR`` the
    directory is made in ``/tmp`` instead.
    """
    base = tempfile.gettempdir()
    if len(base) > _RAY_TEMP_DIR_MAX - 16 and os.path.isdir("/tmp"):
        base = "/tmp"
    return tempfile.mkdtemp(prefix="modelprivacy-ray-", dir=base)


class RayCluster:
    """A Ray cluster, as the reference models use it.

    Connected to (or, without an address, started as a local Ray instance)
    on first use, and disconnected by :meth:`close`, which also shuts the
    local instance down and removes its files. When this process is already
    connected to Ray (``ray.init`` was called), that connection is used as it
    is and never closed.

    Parameters
    ----------
    scheduler : str or None
        The cluster's address: ``auto`` (``RAY_ADDRESS``, or the cluster
        ``ray start`` started on this machine), ``ray://HOST:PORT`` (a Ray
        Client server) or a head node's ``HOST:PORT``; None for a local
        instance.
    n_jobs : int, optional
        CPUs of a local instance (joblib semantics: ``-1`` or None, one per
        core), each running one reference model at a time. A running cluster
        has the CPUs it has.
    """

    def __init__(self, scheduler: str | None = None, n_jobs: int | None = None) -> None:
        self.scheduler = scheduler
        self.n_jobs = n_jobs
        self._connected = False
        self._owned = False  # this object connected (and disconnects)
        self._temp_dir: str | None = None  # the local instance this object started

    def _ensure(self) -> Any:
        """The ``ray`` module, connected (or a local instance started) the first time."""
        ray = _ray()
        if not self._connected:
            self._connect(ray)
            self._connected = True
        return ray

    def _connect(self, ray: Any) -> None:
        # Ray logs at INFO ("Started a local Ray instance", ...): ERROR and above only, unless
        # the root logger asks for more (the command line's --debug); its workers' output stays
        # in their log files (log_to_driver=False)
        level = (
            logging.INFO
            if logging.getLogger().getEffectiveLevel() < logging.INFO
            else logging.ERROR
        )
        if ray.is_initialized():
            self._check_same_cluster(ray)
            return
        if self.scheduler is None:
            self._temp_dir = _ray_temp_dir()
            try:
                ray.init(
                    num_cpus=_local_workers(self.n_jobs),
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=level,
                    _temp_dir=self._temp_dir,
                )
            except BaseException:
                self._remove_temp_dir()
                raise
            self._owned = True
            return
        address = str(self.scheduler)
        _check_ray_reachable(address)
        try:
            # something answers there: a few seconds to connect (Ray's own wait is about 20 s)
            with _environ(RAY_gcs_server_port_wait_time_s=str(int(CONNECT_TIMEOUT_S))):
                ray.init(address=address, log_to_driver=False, logging_level=level)
        except (ConnectionError, RuntimeError, TimeoutError) as exc:
            if "InvalidAuthToken" in _chain(exc) or "AuthenticationError" in _chain(exc):
                raise BackendError(
                    f"the Ray cluster at {address} refused this process's authentication token: "
                    "set RAY_AUTH_MODE=token and give the cluster's token (RAY_AUTH_TOKEN, or "
                    "~/.ray/auth_token), as Ray's token authentication guide says"
                ) from None
            raise _ray_unreachable(address, f"{type(exc).__name__}: {exc}") from None
        self._owned = True
        if self.slots_available(ray) < 1:  # tasks sent to a cluster without CPUs would wait
            self.close()
            raise BackendError(
                f"the Ray cluster at {address} has no CPUs for tasks: start a node with some "
                "(`ray start --address HEAD:6379`), or give no scheduler to start a local Ray"
            )

    def _check_same_cluster(self, ray: Any) -> None:
        """Refuse an address other than that of the cluster this process is connected to."""
        if self.scheduler is None or self.scheduler == "auto":
            return
        current = str(ray.get_runtime_context().gcs_address or "")
        if self.scheduler != current:
            raise BackendError(
                f"this process is already connected to the Ray cluster at {current}: give that "
                f"address or no scheduler, or call ray.shutdown() before using {self.scheduler}"
            )

    @staticmethod
    def slots_available(ray: Any) -> int:
        """The CPUs of the cluster ``ray`` is connected to."""
        return int(ray.cluster_resources().get("CPU", 0))

    @property
    def slots(self) -> int:
        """Tasks the cluster runs at once (its CPUs; at least 1)."""
        return max(1, self.slots_available(self._ensure()))

    def where(self) -> str:
        """Where tasks run, for the report: a local Ray instance, or the cluster's address."""
        ray = self._ensure()
        cpus = self.slots_available(ray)
        if self._temp_dir is not None:
            return f"a local Ray instance ({cpus} CPUs)"
        nodes = sum(1 for node in ray.nodes() if node.get("Alive"))
        address = self.scheduler
        if address is None or address == "auto":
            address = ray.get_runtime_context().gcs_address or address
        return (
            f"the Ray cluster {address} ({nodes} {'node' if nodes == 1 else 'nodes'}, {cpus} CPUs)"
        )

    def map(
        self,
        fn: Callable[..., Any],
        shared: Sequence[Any],
        tasks: Sequence[tuple[Any, ...]],
        done: Callable[[int, Any], None] | None = None,
    ) -> list[Any]:
        """Run ``fn(*shared, *task)`` for every task, one Ray task each, in task order.

        Parameters
        ----------
        fn : callable
            A module-level function (workers import it).
        shared : sequence
            Arguments every task takes: put in the object store once; None
            is passed as it is.
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
        ray = self._ensure()
        run = uuid.uuid4().hex[:8]
        inputs = [value if value is None else ray.put(value) for value in shared]
        remote = ray.remote(_call)
        options = {
            "num_cpus": 1,
            "max_retries": RAY_TASK_RETRIES,
            "retry_exceptions": [MemoryError, OSError],
        }
        refs = [
            remote.options(name=f"{_TASK_NAME}-{i + 1}-{run}", **options).remote(fn, *inputs, *args)
            for i, args in enumerate(tasks)
        ]
        index = {ref: i for i, ref in enumerate(refs)}
        results: list[Any] = [None] * len(refs)
        pending = list(refs)
        try:
            while pending:
                ready, pending = ray.wait(pending, num_returns=1)
                for ref in ready:
                    try:
                        result = ray.get(ref)
                    except ray.exceptions.RayTaskError:  # MemoryError or OSError, every time
                        raise
                    except ray.exceptions.RayError as exc:  # its workers died, every time
                        raise BackendError(
                            f"Ray could not run task {index[ref] + 1} of {len(refs)} in "
                            f"{RAY_TASK_RETRIES + 1} tries ({type(exc).__name__}): see the Ray "
                            "cluster's logs, or use another backend"
                        ) from None
                    if isinstance(result, _Failed):
                        raise result.error
                    i = index[ref]
                    results[i] = result
                    if done is not None:
                        done(i, result)
        finally:
            for ref in pending:
                ray.cancel(ref)
        return results

    def _remove_temp_dir(self) -> None:
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def close(self) -> None:
        """Disconnect, and shut the local instance down if this object started it."""
        if not self._owned:
            self._connected = False
            return
        self._owned = self._connected = False
        import ray

        ray.shutdown()
        self._remove_temp_dir()


@dataclass(frozen=True)
class ReferenceBackend:
    """The backend reference models are fitted on inside :func:`reference_backend`.

    Attributes
    ----------
    backend : str or None
        ``"loky"``, ``"threading"``, ``"dask"``, ``"ray"``, or None (joblib's
        default).
    n_jobs : int or None
        Parallel jobs (joblib semantics); with a joblib backend and no
        ``n_jobs``, ``-1`` (every core).
    scheduler : str, distributed.Client or None
        The Dask scheduler or the Ray cluster's address (None: a local
        cluster, or a local Ray instance).
    cluster : DaskCluster, RayCluster or None
        The cluster, for the ``"dask"`` and ``"ray"`` backends.
    """

    backend: str | None = None
    n_jobs: int | None = None
    scheduler: Any = None
    cluster: DaskCluster | RayCluster | None = None

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

    Arguments not given are those of the enclosing block. A Dask or Ray
    cluster is connected to (or started) on its first use inside the block,
    shared by every fit in it, and closed when the block ends; an enclosing
    block's cluster with the same backend, scheduler and jobs is reused.

    Parameters
    ----------
    backend : {"loky", "threading", "dask", "ray"}, optional
        Where the fits after the first run; when only ``scheduler`` is
        given, ``"ray"`` for ``auto`` or a ``ray://`` address, else
        ``"dask"``.
    scheduler : str or distributed.Client, optional
        The Dask scheduler's address (``tcp://HOST:PORT``) or a Client; for
        ``"dask"`` without one, a local cluster of worker processes on
        127.0.0.1 (one per core, or ``n_jobs``) is started. For ``"ray"``,
        the cluster's address (``auto``, ``ray://HOST:PORT`` or a head
        node's ``HOST:PORT``); without one, the Ray this process is already
        connected to, or else a local Ray instance (one CPU per core, or
        ``n_jobs``) started for the block.
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
    clustered = backend in ("dask", "ray")
    chosen = ReferenceBackend(backend, n_jobs, scheduler if clustered else None)
    opened: DaskCluster | RayCluster | None = None
    if clustered:
        if (
            outer.cluster is not None
            and outer.backend == backend
            and outer.scheduler == scheduler
            and outer.n_jobs == n_jobs
        ):
            chosen = replace(chosen, cluster=outer.cluster)
        else:
            opened = (
                DaskCluster(scheduler, n_jobs)
                if backend == "dask"
                else RayCluster(scheduler, n_jobs)
            )
            chosen = replace(chosen, cluster=opened)
    token = _ACTIVE.set(chosen)
    try:
        yield chosen
    finally:
        _ACTIVE.reset(token)
        if opened is not None:
            opened.close()
