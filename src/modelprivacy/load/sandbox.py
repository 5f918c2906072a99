"""Containing what cannot be proven safe: a child process with limits.

The restricted loader refuses code it does not know, and validation checks the
compiled state it can. What remains (a crash in C code on state no check
foresaw, a loop in C that never ends, a small file that asks for gigabytes) is
contained here: loading and inspecting an untrusted file happen in a child
process, under limits, and the parent turns the way the child ended into one
clean line and exit status 2.

- :class:`Limits` holds the limits: memory (``RLIMIT_AS``), CPU time
  (``RLIMIT_CPU``) and wall-clock time, with the defaults of the command
  line's ``--max-memory``, ``--max-cpu`` and ``--timeout``.
- :func:`run_contained` runs a whole command in a forked child (the CLI).
- :func:`load_phase` applies the limits, inside the child, around loading,
  validation and inspection, and lifts them afterwards, so that a long audit
  of a model that loaded safely is not cut short.
- :func:`contained_call` runs one function in a forked child under the limits
  and returns its result, sent back as JSON (the Python API).

How the child can end, and what the parent says:

=====================================  ===========================================
the child                              the parent
=====================================  ===========================================
exits with a status                    returns that status
is killed by SIGSEGV, SIGBUS, SIGILL,  "crashed the process (SIGSEGV)": the file is
SIGFPE, SIGABRT, SIGSYS or SIGTRAP     corrupt or hostile
is killed by SIGXCPU                   the CPU limit, ``--max-cpu``
is killed by SIGALRM, or by the        the time limit, ``--timeout``
parent at the deadline
is killed by SIGKILL                   memory, ``--max-memory`` (the kernel's
                                       out-of-memory killer sends SIGKILL)
raises MemoryError in the load phase   memory, ``--max-memory``
=====================================  ===========================================

Notes
-----
Forking copies the calling process; the child runs only the given function,
then leaves with :func:`os._exit`, without running ``atexit`` handlers,
``finally`` blocks of the caller or the interpreter's shutdown, so nothing of
the parent's state is finalised twice. Forking a process that has other
threads is allowed but has limits: only the forking thread exists in the
child, so a lock another thread held at the fork stays held there. The child
takes no lock of the parent but the interpreter's own (which CPython resets
after a fork) and those of the standard streams, which it flushes. GNU
OpenMP, which scikit-learn uses, is not fork-safe: a child that starts a
parallel region after the parent has used one crashes or hangs. So
:func:`contained_call`, when the parent has more than one thread at the fork,
runs OpenMP single-threaded in the child (``omp_set_num_threads(1)`` on each
OpenMP runtime loaded); :func:`run_contained`, which the command line calls
before any OpenMP code runs, does so only when asked. The process is forked directly (the equivalent of
:mod:`multiprocessing`'s "fork" start method), never spawned, which would
import modelprivacy, numpy and scikit-learn again.

On a platform without :func:`os.fork` and :mod:`resource` (Windows), nothing
is contained: :func:`run_contained` and :func:`contained_call` run the function
in the process itself, and :func:`load_phase` only turns a ``MemoryError`` into
a :class:`~modelprivacy.errors.ModelLoadError`.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import math
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, NoReturn

from modelprivacy import errors
from modelprivacy._text import describe_exception, one_line
from modelprivacy.errors import ModelLoadError, ModelPrivacyError, UnsafeModelError
from modelprivacy.load._limits import GiB, format_size, parse_seconds, parse_size

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

__all__ = [
    "CAN_CONTAIN",
    "DEFAULT_MAX_CPU",
    "DEFAULT_MAX_MEMORY",
    "DEFAULT_TIMEOUT",
    "Limits",
    "allocation_failed",
    "contained_call",
    "in_contained_child",
    "limit_message",
    "load_phase",
    "memory_message",
    "run_contained",
]

#: Whether this platform can contain a load in a child process (POSIX).
CAN_CONTAIN = hasattr(os, "fork") and resource is not None and hasattr(signal, "setitimer")

#: The default of ``--max-memory``: 4 GiB of address space for the load.
DEFAULT_MAX_MEMORY = 4 * GiB
#: The default of ``--max-cpu``, in seconds of CPU time.
DEFAULT_MAX_CPU = 120.0
#: The default of ``--timeout``, in seconds of wall-clock time.
DEFAULT_TIMEOUT = 120.0

_EXIT_ERROR = 2
_EXIT_INTERRUPTED = 130
_PREFIX = "modelprivacy: error: "
_CRASH_SIGNALS = frozenset(
    getattr(signal, name)
    for name in ("SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT", "SIGSYS", "SIGTRAP")
    if hasattr(signal, name)
)
_POLL_SECONDS = 0.25
_HEADER = 8  # bytes of the result's length, before the JSON
_SECURITY = "report it if it is a model you saved yourself: SECURITY.md"

_in_child = False


# -- limits -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """The limits of a contained load.

    Parameters
    ----------
    max_memory : int or None, default=4 GiB
        How many bytes of address space (``RLIMIT_AS``) the load phase may add
        to what the process already has mapped (the interpreter, numpy and
        scikit-learn map several hundred megabytes before any model is read).
        None (or 0) for no limit.
    max_cpu : float or None, default=120
        Seconds of CPU time (``RLIMIT_CPU``, all threads together) the load
        phase may use, counted from its start and rounded to whole seconds.
        None (or 0) for no limit.
    timeout : float or None, default=120
        Seconds of wall-clock time the load phase may take. None (or 0) for
        no limit.

    Notes
    -----
    The limits apply in :func:`load_phase` (and to the whole function of
    :func:`contained_call`), not to the rest of a command: an audit that runs
    for an hour after a safe load is not cut short. Build them from the
    command line's flags with :meth:`from_args`; :meth:`none` has no limit.
    """

    max_memory: int | None = DEFAULT_MAX_MEMORY
    max_cpu: float | None = DEFAULT_MAX_CPU
    timeout: float | None = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        for field in ("max_memory", "max_cpu", "timeout"):
            value = getattr(self, field)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(
                    f"Limits.{field} must be a number or None, not {type(value).__name__}"
                )
            if not math.isfinite(value) or value < 0:
                raise ValueError(
                    f"Limits.{field} must be a finite number >= 0 or None, not {value!r}"
                )
            if value == 0:
                object.__setattr__(self, field, None)
            elif field == "max_memory":
                object.__setattr__(self, field, int(value))
            else:
                object.__setattr__(self, field, float(value))

    @classmethod
    def from_args(
        cls,
        *,
        max_memory: int | str | None = None,
        max_cpu: float | str | None = None,
        timeout: float | str | None = None,
    ) -> Limits:
        """Build the limits from the command line's flags.

        Parameters
        ----------
        max_memory : int, str or None
            ``--max-memory``: bytes or a size such as ``"4G"`` or ``"512M"``
            (see :func:`~modelprivacy.load._limits.parse_size`). ``0`` or
            ``"none"`` for no limit; None (the flag was not given) for the
            default, 4 GiB.
        max_cpu : float, str or None
            ``--max-cpu``: seconds, or a duration such as ``"2m"`` (see
            :func:`~modelprivacy.load._limits.parse_seconds`). ``0`` or
            ``"none"`` for no limit; None for the default, 120 s.
        timeout : float, str or None
            ``--timeout``: as ``max_cpu``; None for the default, 120 s.

        Returns
        -------
        Limits
            The limits.

        Raises
        ------
        ValueError
            A value is not a size or a duration (the message says which).
        """
        memory = DEFAULT_MAX_MEMORY if max_memory is None else parse_size(max_memory)
        cpu = DEFAULT_MAX_CPU if max_cpu is None else parse_seconds(max_cpu)
        wall = DEFAULT_TIMEOUT if timeout is None else parse_seconds(timeout)
        return cls(max_memory=memory or None, max_cpu=cpu or None, timeout=wall or None)

    @classmethod
    def none(cls) -> Limits:
        """No limit at all (a child process still contains a crash).

        Returns
        -------
        Limits
            Limits with every field None.
        """
        return cls(max_memory=None, max_cpu=None, timeout=None)

    def __str__(self) -> str:
        memory = "none" if self.max_memory is None else format_size(self.max_memory)
        cpu = "none" if self.max_cpu is None else _seconds(self.max_cpu)
        wall = "none" if self.timeout is None else _seconds(self.timeout)
        return f"memory {memory}, CPU {cpu}, time {wall}"


def in_contained_child() -> bool:
    """Whether this process is a child started by :func:`run_contained` or :func:`contained_call`.

    Returns
    -------
    bool
        True in such a child (where :func:`load_phase` applies its limits).
    """
    return _in_child


# -- messages -----------------------------------------------------------------------------


def allocation_failed(exc: BaseException) -> bool:
    """Whether an exception is most likely an allocation refused by ``--max-memory``.

    A ``MemoryError``, or a ``SystemError`` raised while the address space is
    limited: a C extension whose ``malloc`` failed sometimes returns an error
    without setting an exception ("error return without exception set"), and
    the interpreter reports that as a ``SystemError``.

    Parameters
    ----------
    exc : BaseException
        The exception.

    Returns
    -------
    bool
        Whether to report it as running out of memory.
    """
    if isinstance(exc, MemoryError):
        return True
    if not isinstance(exc, SystemError) or resource is None:
        return False
    soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    return bool(soft != resource.RLIM_INFINITY)


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _signal_name(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"signal {sig}"


def memory_message(describe: str, limits: Limits | None) -> str:
    """The message of a load that ran out of memory.

    Parameters
    ----------
    describe : str
        The input, as messages name it (``"model file 'x.pkl'"``).
    limits : Limits or None
        The limits in force (None when none was applied).

    Returns
    -------
    str
        One line naming the limit and the flag that raises it.
    """
    if limits is None or limits.max_memory is None:
        return (
            f"{describe} needs more memory than is available while it is loaded (MemoryError): "
            "it is hostile, corrupt or unusually large; nothing in it was trusted; free memory, "
            "or load it on a machine with more"
        )
    return (
        f"{describe} needed more memory than the --max-memory limit of "
        f"{format_size(limits.max_memory)} while it was loaded: it is hostile, corrupt or "
        "unusually large; nothing in it was trusted; if you trust it, raise --max-memory "
        "(0 for no limit)"
    )


def limit_message(sig: int, limits: Limits, describe: str, *, timed_out: bool = False) -> str:
    """The message of a child process killed by a signal.

    Parameters
    ----------
    sig : int
        The signal that ended the child.
    limits : Limits
        The limits it ran under.
    describe : str
        The input, as messages name it (``"model file 'x.pkl'"``).
    timed_out : bool, default=False
        Whether the parent killed the child at the wall-clock deadline.

    Returns
    -------
    str
        One line (without the ``modelprivacy: error:`` prefix) naming what
        happened, the limit that was hit and the flag that changes it.
    """
    name = _signal_name(sig)
    if timed_out or (sig == getattr(signal, "SIGALRM", None) and limits.timeout is not None):
        limit = f" of {_seconds(limits.timeout)}" if limits.timeout is not None else ""
        return (
            f"{describe} took longer than the --timeout limit{limit} while it was loaded: it is "
            "hostile, corrupt or unusually large; nothing in it was trusted; if you trust it, "
            "raise --timeout (0 for no limit)"
        )
    if sig == getattr(signal, "SIGXCPU", None):
        limit = f" of {_seconds(limits.max_cpu)}" if limits.max_cpu is not None else ""
        return (
            f"{describe} used more CPU time than the --max-cpu limit{limit} while it was loaded: "
            "it is hostile, corrupt or unusually large; nothing in it was trusted; if you trust "
            "it, raise --max-cpu (0 for no limit)"
        )
    if sig in _CRASH_SIGNALS:
        return (
            f"{describe} crashed the process ({name}) while it was loaded or inspected: it is "
            f"corrupt or hostile; nothing in it was trusted, but do not use it ({_SECURITY})"
        )
    if sig == signal.SIGKILL:
        limit = (
            f"the --max-memory limit is {format_size(limits.max_memory)}"
            if limits.max_memory is not None
            else "there was no --max-memory limit"
        )
        return (
            f"the process that loaded {describe} was killed (SIGKILL) while it was loaded or "
            f"inspected, most likely by the system because memory ran out ({limit}): the file "
            "may be hostile or unusually large; set --max-memory below the memory this machine "
            "has free, so that the limit stops it first, or free memory"
        )
    return (
        f"the process that loaded {describe} was killed by {name} while it was loaded or "
        f"inspected; if nobody stopped it, the file is corrupt or hostile: do not use it "
        f"({_SECURITY})"
    )


# -- the child process --------------------------------------------------------------------


def _flush_std() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()


def _is_threaded() -> bool:
    """Whether the process has more than one thread (Python's or another library's)."""
    if threading.active_count() > 1:
        return True
    try:
        return len(os.listdir("/proc/self/task")) > 1
    except OSError:
        return False


def _fork() -> int:
    with warnings.catch_warnings():
        # Python 3.12+ warns that forking a threaded process may deadlock the
        # child; the child here only runs one function (see the module notes).
        warnings.filterwarnings("ignore", message=r".*fork\(\)", category=DeprecationWarning)
        return os.fork()


_OPENMP_RUNTIMES = ("libgomp", "libomp", "libiomp")
_openmp_functions: dict[str, Any] = {}


@functools.cache
def _prctl() -> Any:
    """The C library's ``prctl`` (Linux), looked up once, in the parent."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _openmp_setters() -> list[Any] | None:
    """``omp_set_num_threads`` of every OpenMP runtime loaded now; None when unknown.

    Once a runtime is found the answer is kept (a runtime is not unloaded);
    until then ``/proc/self/maps`` is read at each fork (about a millisecond).
    """
    found = [f for f in _openmp_functions.values() if f is not None]
    if found:
        return found
    try:
        with open("/proc/self/maps") as maps:
            paths = {
                fields[5].strip()
                for line in maps
                if any(name in line for name in _OPENMP_RUNTIMES)
                and len(fields := line.split(None, 5)) == 6
            }
    except OSError:
        return None
    setters = []
    for path in sorted(paths):
        if path not in _openmp_functions:
            try:
                import ctypes

                _openmp_functions[path] = ctypes.CDLL(path).omp_set_num_threads
            except (OSError, AttributeError):
                _openmp_functions[path] = None
        if _openmp_functions[path] is not None:
            setters.append(_openmp_functions[path])
    return setters


@dataclass(frozen=True)
class _ChildSetup:
    """What the child needs, looked up in the parent before the fork (the child stays cheap)."""

    parent: int
    sigint: Any
    prctl: Any
    openmp: list[Any] | None
    threaded: bool

    @classmethod
    def before_fork(cls, sigint: Any, *, limit_openmp: bool) -> _ChildSetup:
        threaded = limit_openmp and _is_threaded()
        return cls(
            parent=os.getpid(),
            sigint=sigint,
            prctl=_prctl(),
            openmp=_openmp_setters() if threaded else [],
            threaded=threaded,
        )


def _ignore_unraisable(unraisable: Any) -> None:
    """Drop an exception Python cannot raise (in ``__del__``, a finaliser) in the child.

    Under the memory limit the default hook itself runs out of memory and
    Python writes "Exception ignored in sys.unraisablehook" to the user's
    standard error, in front of the one line that names the limit. This hook
    allocates nothing; what went wrong is the command's own error.
    """


def _enter_child(setup: _ChildSetup) -> None:
    """Prepare a freshly forked child: signals, no core dump, parent death, OpenMP."""
    global _in_child
    _in_child = True
    sys.unraisablehook = _ignore_unraisable
    # The child's garbage collections skip the objects inherited from the
    # parent: walking them would copy their pages (copy-on-write) for nothing.
    gc.freeze()
    if setup.sigint is not None:
        signal.signal(signal.SIGINT, setup.sigint)
    wanted = {signal.SIGINT, signal.SIGTERM, signal.SIGALRM, signal.SIGXCPU}
    signal.pthread_sigmask(signal.SIG_UNBLOCK, wanted)
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    import faulthandler

    if faulthandler.is_enabled():  # the parent prints the one line about a crash
        faulthandler.disable()
    if setup.prctl is not None:
        # The kernel kills this child if the parent dies: no orphan runs on.
        with contextlib.suppress(Exception):
            setup.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != setup.parent:  # the parent died before prctl
            os._exit(_EXIT_ERROR)
    # GNU OpenMP crashes (or hangs) a child that starts a parallel region after
    # the parent used one; with one thread it starts none.
    for omp_set_num_threads in setup.openmp or ():
        with contextlib.suppress(Exception):
            omp_set_num_threads(1)
    if setup.openmp is None and setup.threaded and "sklearn" in sys.modules:
        with contextlib.suppress(Exception):  # no /proc: ask threadpoolctl
            from threadpoolctl import threadpool_limits

            threadpool_limits(1, user_api="openmp")


def _child(body: Callable[[], int], setup: _ChildSetup) -> NoReturn:
    """Run ``body`` in the child and leave with its status, whatever happens."""
    code = 1
    try:
        _enter_child(setup)
        code = body()
    except BaseException:
        with contextlib.suppress(BaseException):
            traceback.print_exc()
    finally:
        _flush_std()
        os._exit(code if isinstance(code, int) and 0 <= code <= 255 else 1)


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int) and not isinstance(code, bool):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _run_command(fn: Callable[[], int]) -> int:
    """Run a command's function, turning what escapes it into a status, as Python would."""
    try:
        return _exit_code(fn())
    except SystemExit as exc:
        return _exit_code(exc.code)
    except KeyboardInterrupt:
        print("modelprivacy: interrupted", file=sys.stderr)
        return _EXIT_INTERRUPTED
    except ModelPrivacyError as exc:
        print(f"{_PREFIX}{one_line(str(exc))}", file=sys.stderr)
        return _EXIT_ERROR
    except BaseException:
        traceback.print_exc()
        return 1


def _wait(pid: int) -> int:
    """The wait status of the child ``pid`` (0 if someone else reaped it)."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return 0


def _kill_and_reap(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait(pid)


def run_contained(
    fn: Callable[[], int], limits: Limits, *, describe: str, limit_openmp: bool = False
) -> int:
    """Run a whole command in a forked child process and return its exit status.

    The child runs ``fn``, which prints its own output to the inherited
    standard streams and returns an exit status, flushes the streams and
    leaves with :func:`os._exit`. Before ``fn`` runs, the child disables core
    dumps (``RLIMIT_CORE`` 0). The parent ignores SIGINT while it waits (the
    child receives Ctrl-C itself: ``KeyboardInterrupt``, status 130) and turns
    a child killed by a signal into one line on standard error and status 2.

    Parameters
    ----------
    fn : callable
        The command, taking no argument and returning its exit status. It
        should wrap loading and inspection of the untrusted file in
        :func:`load_phase`, which applies ``limits``.
    limits : Limits
        The limits, for the messages (``fn`` applies them with
        :func:`load_phase`; the parent sets no deadline of its own, since a
        long audit after a safe load must not be cut short).
    describe : str
        The untrusted input, as messages name it: ``"model file 'x.pkl'"``.
    limit_openmp : bool, default=False
        Run OpenMP code single-threaded in the child. GNU OpenMP crashes a
        child forked after the parent ran a parallel region (scikit-learn's
        HistGradientBoosting, KMeans...); the command line forks before any,
        so it need not pass True. Pass True when this process may have run
        OpenMP code before.

    Returns
    -------
    int
        The child's exit status; 2 when it was killed by a signal (a crash,
        ``--max-cpu``, ``--timeout``, memory), with the message printed; 130
        when it was interrupted.

    Notes
    -----
    Something ``fn`` lets escape is handled as Python would at the top level:
    ``SystemExit`` gives its status, ``KeyboardInterrupt`` 130, a
    :class:`~modelprivacy.errors.ModelPrivacyError` prints
    ``modelprivacy: error: <message>`` and gives 2, anything else prints its
    traceback and gives 1. Without :func:`os.fork` (Windows), ``fn`` runs in
    this process.

    Examples
    --------
    >>> def command() -> int:
    ...     print("inspected")
    ...     return 0
    >>> run_contained(command, Limits(), describe="model file 'm.pkl'")  # doctest: +SKIP
    inspected
    0
    """
    if not CAN_CONTAIN:
        return _run_command(fn)
    _flush_std()
    parent = os.getpid()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        setup = _ChildSetup.before_fork(previous, limit_openmp=limit_openmp)
        try:
            pid = _fork()
        except OSError as exc:
            print(
                f"{_PREFIX}cannot start the process that contains {one_line(describe)} "
                f"({exc.strerror}); free memory or processes and run again",
                file=sys.stderr,
            )
            return _EXIT_ERROR
        if pid == 0:
            _child(lambda: _run_command(fn), setup)
        status = _wait(pid)
    finally:
        if previous is not None and os.getpid() == parent:
            signal.signal(signal.SIGINT, previous)
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    if sig == signal.SIGINT:
        print("modelprivacy: interrupted", file=sys.stderr)
        return _EXIT_INTERRUPTED
    if sig == signal.SIGPIPE:  # the output was closed: nobody is reading a message
        return 128 + sig
    print(f"{_PREFIX}{one_line(limit_message(sig, limits, describe))}", file=sys.stderr)
    _flush_std()
    return _EXIT_ERROR


# -- the load phase -----------------------------------------------------------------------


def _address_space() -> int:
    """The bytes of address space the process maps now (0 when unknown)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            pages = int(statm.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _lower_soft_limit(which: int, target: int, undo: list[Callable[[], None]]) -> None:
    """Lower the soft limit ``which`` to ``target`` (never above the hard limit, never raising it)."""
    soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        target = min(target, hard)
    if soft != resource.RLIM_INFINITY and target >= soft:
        return
    resource.setrlimit(which, (target, hard))
    undo.append(lambda: resource.setrlimit(which, (soft, hard)))


def _default_disposition(sig: int, undo: list[Callable[[], None]]) -> None:
    """Give ``sig`` its default action (terminate) for the phase, if this thread can."""
    previous = signal.getsignal(sig)
    if previous == signal.SIG_DFL or threading.current_thread() is not threading.main_thread():
        return
    signal.signal(sig, signal.SIG_DFL)

    def restore() -> None:
        signal.signal(sig, previous)

    undo.append(restore)


def _arm_timer(timeout: float, undo: list[Callable[[], None]]) -> None:
    """Arm ITIMER_REAL for ``timeout`` seconds; the undo restores an outer timer's rest."""
    started = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, timeout)
    if 0 < outer < timeout:  # an outer timer would fire first: keep it
        signal.setitimer(signal.ITIMER_REAL, outer, interval)

    def disarm() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if outer > 0:
            left = outer - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), interval)

    undo.append(disarm)


def _arm(limits: Limits, undo: list[Callable[[], None]]) -> None:
    if limits.max_memory is not None:
        _lower_soft_limit(resource.RLIMIT_AS, _address_space() + limits.max_memory, undo)
    if limits.max_cpu is not None:
        used = _cpu_seconds()
        target = max(math.floor(used) + 1, round(used + limits.max_cpu))
        _default_disposition(signal.SIGXCPU, undo)
        _lower_soft_limit(resource.RLIMIT_CPU, target, undo)
    if limits.timeout is not None:
        _default_disposition(signal.SIGALRM, undo)
        _arm_timer(limits.timeout, undo)


#: Modules the phase imports lazily: imported before the limits, so that a tight
#: ``--max-memory`` is reported as the limit, never as a failed compilation.
_LOADERS = (
    "modelprivacy.load._restricted",
    "modelprivacy.load._unpickler",
    "modelprivacy.load._prescan",
    "modelprivacy.load.validate",
)


def _import_loaders() -> None:
    import importlib

    for name in _LOADERS:
        with contextlib.suppress(ImportError):  # the import inside the phase reports it
            importlib.import_module(name)


@contextlib.contextmanager
def load_phase(
    limits: Limits,
    *,
    describe: str = "the model file",
    error: type[ModelPrivacyError] = ModelLoadError,
    enforce: bool | None = None,
) -> Iterator[None]:
    """Apply the limits around loading, validating and inspecting an untrusted file.

    On entry the soft ``RLIMIT_AS`` becomes the address space mapped now plus
    ``limits.max_memory``, the soft ``RLIMIT_CPU`` the CPU time used so far
    plus ``limits.max_cpu``, and ``ITIMER_REAL`` is armed for
    ``limits.timeout`` seconds with SIGALRM (and SIGXCPU) at their default
    action, which terminates the process even in a loop inside C code; the
    parent (:func:`run_contained`, :func:`contained_call`) then reports the
    limit. On exit the previous soft limits, signal actions and timer are
    restored. Hard limits are never lowered, so the soft ones can be raised
    back.

    Parameters
    ----------
    limits : Limits
        The limits.
    describe : str, default="the model file"
        The input, as messages name it (``"model file 'x.pkl'"``).
    error : type of ModelPrivacyError, default=ModelLoadError
        The exception a ``MemoryError`` becomes (``DataError`` for a data file).
    enforce : bool, optional
        Whether to apply the limits. By default they are applied only in a
        child of :func:`run_contained` or :func:`contained_call`: in any other
        process, a timer at its default action would kill the caller's whole
        program (a notebook, a server), so only the ``MemoryError`` is turned
        into ``error``. Pass True to apply them anyway.

    Yields
    ------
    None
        Inside the phase.

    Raises
    ------
    ModelPrivacyError
        A ``MemoryError`` was raised inside the phase (the class given as
        ``error``, with a message naming ``--max-memory``).

    Notes
    -----
    The timer and the signal actions are process-wide, and a signal action can
    only be changed in the main thread: in another thread, a SIGALRM or
    SIGXCPU handler that Python code installed stays in place (then a hang in C
    code is not stopped by the timer; :func:`contained_call`'s parent still
    kills the child at the deadline).
    """
    armed = (_in_child if enforce is None else enforce) and CAN_CONTAIN
    undo: list[Callable[[], None]] = []
    out_of_memory = False
    try:
        if armed:
            _import_loaders()  # compiled here, not under the memory limit
            _arm(limits, undo)
        yield
    except MemoryError:
        out_of_memory = True
    except SystemError as exc:
        if not (armed and limits.max_memory is not None and allocation_failed(exc)):
            raise
        out_of_memory = True
    except SyntaxError as exc:
        # a module imported inside the phase whose parser's allocation failed: installed
        # code compiles; nothing in a model or data file is ever compiled
        filename = str(exc.filename or "")
        if not (armed and limits.max_memory is not None and filename.endswith(".py")):
            raise
        out_of_memory = True
    finally:
        for step in reversed(undo):
            with contextlib.suppress(Exception):
                step()
    if out_of_memory:
        raise error(memory_message(describe, limits if armed else None))


# -- a contained call ---------------------------------------------------------------------


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _call_and_send(fn: Callable[[], Any], fd: int, limits: Limits, describe: str) -> int:
    """In the child: run ``fn`` under the limits and send the outcome as JSON."""
    message: dict[str, Any]
    try:
        with load_phase(limits, describe=describe, enforce=True):
            value = fn()
        message = {"ok": value}
    except KeyboardInterrupt:
        message = {"interrupted": True}
    except ModelPrivacyError as exc:
        message = {
            "error": [cls.__name__ for cls in type(exc).__mro__],
            "message": str(exc),
            "untrusted": [str(name) for name in getattr(exc, "untrusted", ()) or ()],
        }
    except BaseException as exc:
        message = {
            "error": ["ModelLoadError"],
            "message": f"{describe} could not be loaded or inspected: {describe_exception(exc)}",
        }
    try:
        payload = json.dumps(message).encode()
    except (TypeError, ValueError, RecursionError) as exc:
        payload = json.dumps(
            {
                "bug": f"the contained function returned a value JSON cannot hold: {describe_exception(exc)}"
            }
        ).encode()
    _write_all(fd, len(payload).to_bytes(_HEADER, "big") + payload)
    os.close(fd)
    return 0


def _receive(fd: int, pid: int, deadline: float | None, reaped: list[int]) -> tuple[bytes, bool]:
    """Read the child's framed result without deadlocking.

    Returns the bytes read and whether the deadline passed (the child is then
    killed); the child's wait status is appended to ``reaped`` if it ended
    meanwhile. Reading stops at
    the end of the frame, at end of file, or once the child is gone and the
    pipe is drained, so a copy of the pipe inherited by an unrelated child
    (forked by another thread) cannot keep the parent waiting.
    """
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP)
    buffer = bytearray()
    status: int | None = None
    while True:
        if status is not None:
            wait = 0.0
        elif deadline is None:
            wait = _POLL_SECONDS
        else:
            wait = min(_POLL_SECONDS, max(0.0, deadline - time.monotonic()))
        if poller.poll(wait * 1000):
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            buffer += chunk
            if len(buffer) >= _HEADER and len(buffer) >= _HEADER + int.from_bytes(
                buffer[:_HEADER], "big"
            ):
                break
            continue
        if status is not None:
            break
        done, wait_status = os.waitpid(pid, os.WNOHANG)
        if done:
            status = wait_status
            reaped.append(status)
            continue
        if deadline is not None and time.monotonic() >= deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            return bytes(buffer), True
    return bytes(buffer), False


def _error_class(names: list[Any]) -> type[ModelPrivacyError]:
    for name in names:
        candidate = getattr(errors, str(name), None)
        if isinstance(candidate, type) and issubclass(candidate, ModelPrivacyError):
            return candidate
    return ModelLoadError


def _rebuild(message: dict[str, Any]) -> ModelPrivacyError:
    cls = _error_class(list(message.get("error") or []))
    text = str(message.get("message", ""))
    if issubclass(cls, UnsafeModelError):
        return cls(text, tuple(str(n) for n in message.get("untrusted") or ()))
    try:
        return cls(text)
    except Exception:
        return ModelLoadError(text)


def _outcome(
    data: bytes, status: int, timed_out: bool, limits: Limits, describe: str
) -> dict[str, Any]:
    """The child's message, or the error that says how it ended without one."""
    size = int.from_bytes(data[:_HEADER], "big") if len(data) >= _HEADER else -1
    if size >= 0 and len(data) == _HEADER + size:
        try:
            message = json.loads(data[_HEADER:])
        except ValueError:
            message = None
        if isinstance(message, dict):
            return message
    if timed_out:
        raise ModelLoadError(limit_message(signal.SIGKILL, limits, describe, timed_out=True))
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGINT:
            raise KeyboardInterrupt
        raise ModelLoadError(limit_message(sig, limits, describe))
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else status
    raise ModelLoadError(
        f"the process that loaded {describe} ended (status {code}) without a result; "
        f"the file may be corrupt or hostile: do not use it ({_SECURITY})"
    )


def contained_call(fn: Callable[[], Any], limits: Limits, *, describe: str) -> Any:
    """Run ``fn`` in a forked child process under the limits and return its result.

    The child runs ``fn`` inside :func:`load_phase` and sends its result back
    through a pipe as JSON, never as a pickle: nothing the child computed can
    run code in the parent. The parent reads the pipe to the end of the result
    while the child writes, then reaps the child; it kills the child if the
    result is not back shortly after ``limits.timeout`` (should the child's own
    timer not fire).

    Parameters
    ----------
    fn : callable
        The work, taking no argument and returning a JSON-serialisable value
        (dicts, lists, strings, numbers, booleans, None; tuples come back as
        lists and dict keys as strings).
    limits : Limits
        The limits.
    describe : str
        The untrusted input, as messages name it: ``"model file 'x.pkl'"``.

    Returns
    -------
    object
        What ``fn`` returned, through JSON.

    Raises
    ------
    ModelPrivacyError
        ``fn`` raised one: the same class of :mod:`modelprivacy.errors` (the
        nearest base class defined there for a subclass defined elsewhere),
        with the same message, and for an
        :class:`~modelprivacy.errors.UnsafeModelError` the same ``untrusted``.
    ModelLoadError
        ``fn`` raised another exception (its type and first line are in the
        message); the child crashed or hit a limit (the message names it, as
        :func:`limit_message` does); or it ended without a result.
    KeyboardInterrupt
        The child, or the wait for it, was interrupted (the child is killed).
    TypeError
        ``fn`` returned a value JSON cannot hold.

    Notes
    -----
    When this process has several threads (numpy's BLAS starts some at
    import), OpenMP code in ``fn`` runs single-threaded: GNU OpenMP crashes a
    child forked after the parent ran a parallel region. Without
    :func:`os.fork` (Windows), ``fn`` runs in this process, without limits.
    """
    if not CAN_CONTAIN:
        with load_phase(limits, describe=describe):
            return fn()
    _flush_std()
    setup = _ChildSetup.before_fork(None, limit_openmp=True)
    read_fd, write_fd = os.pipe()
    try:
        pid = _fork()
    except OSError as exc:
        os.close(read_fd)
        os.close(write_fd)
        raise ModelLoadError(
            f"cannot start the process that contains {describe} ({exc.strerror}); free memory "
            "or processes and try again"
        ) from None
    if pid == 0:
        os.close(read_fd)
        _child(lambda: _call_and_send(fn, write_fd, limits, describe), setup)
    os.close(write_fd)
    deadline = None
    if limits.timeout is not None:
        deadline = time.monotonic() + limits.timeout + 1.0 + 0.05 * limits.timeout
    reaped: list[int] = []
    try:
        data, timed_out = _receive(read_fd, pid, deadline, reaped)
        if not reaped:
            reaped.append(_wait(pid))
    except BaseException:
        if not reaped:  # not reaped yet, so the pid is still the child's
            _kill_and_reap(pid)
        raise
    finally:
        os.close(read_fd)
    status = reaped[0]
    message = _outcome(data, status, timed_out, limits, describe)
    if "ok" in message:
        return message["ok"]
    if message.get("interrupted"):
        raise KeyboardInterrupt
    if "bug" in message:
        raise TypeError(str(message["bug"]))
    raise _rebuild(message)
