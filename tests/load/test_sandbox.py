"""Containment in a child process: real crashes, hangs and allocations, no mocks.

Every dangerous function below would write a marker file after the dangerous
step; each test checks that the marker is absent (the child never got past the
step), that the parent's limits are unchanged, and what the parent reported.
"""

from __future__ import annotations

import ctypes
import os
import re
import resource
import signal
import sys
import threading
import time

import numpy as np
import pytest

from modelprivacy.errors import DataError, ModelLoadError, UnsafeModelError
from modelprivacy.load.sandbox import (
    DEFAULT_MAX_MEMORY,
    Limits,
    allocation_failed,
    contained_call,
    in_contained_child,
    load_phase,
    run_contained,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="containment needs os.fork")

MODEL = "model file 'hostile.pkl'"
SMALL = Limits(max_memory=512 * 2**20, max_cpu=None, timeout=10)


@pytest.fixture
def marker(tmp_path, monkeypatch):
    """A path the child writes only if it survives the dangerous step; cwd is a fresh directory."""
    monkeypatch.chdir(tmp_path)
    limits_before = {r: resource.getrlimit(r) for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU)}
    path = tmp_path / "survived"
    yield path
    assert not path.exists(), "the child went on after the dangerous step"
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "the child left files (a core dump?)"
    assert {r: resource.getrlimit(r) for r in limits_before} == limits_before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def one_line_error(capfd) -> str:
    captured = capfd.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("modelprivacy: error: ")
    return lines[0]


# -- crashes --------------------------------------------------------------------------------


def test_a_segfault_becomes_exit_2_and_one_line(marker, capfd):
    def command() -> int:
        ctypes.string_at(0)  # SIGSEGV
        marker.write_text("x")
        return 0

    assert run_contained(command, Limits(), describe=MODEL) == 2
    line = one_line_error(capfd)  # no faulthandler dump, no traceback
    assert line == (
        "modelprivacy: error: model file 'hostile.pkl' crashed the process (SIGSEGV) while it "
        "was loaded or inspected: it is corrupt or hostile; nothing in it was trusted, but do "
        "not use it (report it if it is a model you saved yourself: SECURITY.md)"
    )


def test_a_segfault_in_contained_call_is_a_model_load_error(marker):
    def load() -> int:
        ctypes.string_at(0)
        marker.write_text("x")
        return 1

    with pytest.raises(ModelLoadError, match=r"crashed the process \(SIGSEGV\)") as error:
        contained_call(load, Limits(), describe=MODEL)
    assert type(error.value) is ModelLoadError and MODEL in str(error.value)


def test_an_abort_is_reported_as_a_crash(marker):
    def load() -> None:
        os.abort()

    with pytest.raises(ModelLoadError, match=r"crashed the process \(SIGABRT\)"):
        contained_call(load, Limits(), describe=MODEL)


# -- memory ---------------------------------------------------------------------------------


def test_allocating_beyond_the_memory_limit_is_refused(marker):
    def load() -> int:
        block = bytearray(2**30)  # 1 GiB, beyond the 512 MiB limit
        marker.write_text("x")
        return len(block)

    with pytest.raises(ModelLoadError) as error:
        contained_call(load, SMALL, describe=MODEL)
    assert str(error.value) == (
        "model file 'hostile.pkl' needed more memory than the --max-memory limit of 512 MiB "
        "while it was loaded: it is hostile, corrupt or unusually large; nothing in it was "
        "trusted; if you trust it, raise --max-memory (0 for no limit)"
    )


def test_numpy_beyond_the_memory_limit_in_a_command(marker, capfd):
    def command() -> int:
        with load_phase(SMALL, describe=MODEL):
            array = np.ones(2**27)  # 1 GiB of float64
            marker.write_text("x")
        return int(array.size > 0)

    assert run_contained(command, SMALL, describe=MODEL) == 2
    line = one_line_error(capfd)
    assert "needed more memory than the --max-memory limit of 512 MiB" in line


def test_a_system_error_under_the_memory_limit_is_reported_as_memory(marker):
    # A C extension whose malloc fails sometimes returns NULL without an
    # exception; Python raises SystemError("error return without exception set").
    def load() -> int:
        assert allocation_failed(SystemError("error return without exception set"))
        raise SystemError("error return without exception set")

    with pytest.raises(ModelLoadError, match="--max-memory limit of 512 MiB"):
        contained_call(load, SMALL, describe=MODEL)


def test_a_system_error_without_a_memory_limit_is_not_memory():
    if resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY:
        pytest.skip("this process runs with a limited address space")
    assert not allocation_failed(SystemError("error return without exception set"))
    assert not allocation_failed(ValueError("x"))
    assert allocation_failed(MemoryError())
    with pytest.raises(SystemError), load_phase(SMALL, describe=MODEL, enforce=False):
        raise SystemError("a bug, not memory")


def test_the_memory_limit_is_lifted_after_the_load_phase(marker):
    def load() -> int:
        with load_phase(SMALL, describe=MODEL):
            pass
        return int(np.empty(3 * 2**27).nbytes)  # 3 GiB (untouched) after the phase: allowed

    with pytest.raises(ModelLoadError, match="--max-memory"):  # contained_call's fn is all phase
        contained_call(load, SMALL, describe=MODEL)

    def command() -> int:
        return 0 if load() == 3 * 2**30 else 1

    assert run_contained(command, SMALL, describe=MODEL) == 0


def test_a_sigkill_is_reported_as_memory(marker):
    def load() -> None:
        os.kill(os.getpid(), signal.SIGKILL)
        marker.write_text("x")

    with pytest.raises(ModelLoadError) as error:
        contained_call(load, Limits(), describe=MODEL)
    message = str(error.value)
    assert "was killed (SIGKILL)" in message and "memory ran out" in message
    assert "--max-memory limit is 4 GiB" in message


# -- time -----------------------------------------------------------------------------------


def test_a_hang_in_c_code_is_stopped_by_the_timeout(marker, capfd):
    def command() -> int:
        with load_phase(Limits(max_cpu=None, timeout=2), describe=MODEL):
            re.match(r"(a+)+$", "a" * 64 + "b")  # catastrophic backtracking, inside C
            marker.write_text("x")
        return 0

    started = time.monotonic()
    assert run_contained(command, Limits(max_cpu=None, timeout=2), describe=MODEL) == 2
    assert time.monotonic() - started < 2.9
    assert one_line_error(capfd) == (
        "modelprivacy: error: model file 'hostile.pkl' took longer than the --timeout limit of "
        "2 s while it was loaded: it is hostile, corrupt or unusually large; nothing in it was "
        "trusted; if you trust it, raise --timeout (0 for no limit)"
    )


def test_the_parent_kills_a_child_whose_timer_cannot_fire(marker):
    def load() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(30)
        marker.write_text("x")

    started = time.monotonic()
    with pytest.raises(ModelLoadError, match=r"took longer than the --timeout limit of 1 s"):
        contained_call(load, Limits(timeout=1), describe=MODEL)
    assert time.monotonic() - started < 2.8


def test_burning_cpu_is_stopped_by_the_cpu_limit(marker):
    def load() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            pass
        marker.write_text("x")

    with pytest.raises(ModelLoadError) as error:
        contained_call(load, Limits(max_cpu=1, timeout=20), describe=MODEL)
    assert str(error.value) == (
        "model file 'hostile.pkl' used more CPU time than the --max-cpu limit of 1 s while it "
        "was loaded: it is hostile, corrupt or unusually large; nothing in it was trusted; if "
        "you trust it, raise --max-cpu (0 for no limit)"
    )


# -- normal endings -------------------------------------------------------------------------


def test_a_command_keeps_its_status_and_output(capfd, tmp_path):
    print("before ", end="")  # buffered in the parent: flushed once, not copied into the child

    def command() -> int:
        print("findings: 3")
        print("a warning", file=sys.stderr)
        (tmp_path / "report.json").write_text("{}")  # a command's own output is allowed
        return 1

    assert run_contained(command, Limits(), describe=MODEL) == 1
    captured = capfd.readouterr()
    assert captured.out == "before findings: 3\n"
    assert captured.err == "a warning\n"
    assert (tmp_path / "report.json").read_text() == "{}"


def test_what_a_command_lets_escape(capfd):
    def raises_data_error() -> int:
        raise DataError("data file 't.csv' is empty")

    def exits() -> int:
        sys.exit(3)

    assert run_contained(raises_data_error, Limits(), describe=MODEL) == 2
    assert one_line_error(capfd) == "modelprivacy: error: data file 't.csv' is empty"
    assert run_contained(exits, Limits(), describe=MODEL) == 3


def test_ctrl_c_reaches_the_child_and_the_parent_survives(capfd):
    handler = signal.getsignal(signal.SIGINT)

    def command() -> int:
        os.kill(os.getppid(), signal.SIGINT)  # as the terminal does: the whole group
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(10)
        return 0

    assert run_contained(command, Limits(), describe=MODEL) == 130
    assert capfd.readouterr().err == "modelprivacy: interrupted\n"
    assert signal.getsignal(signal.SIGINT) is handler


def test_a_keyboard_interrupt_in_contained_call_is_re_raised():
    def load() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        contained_call(load, Limits(), describe=MODEL)


# -- contained_call results -----------------------------------------------------------------


def test_contained_call_returns_json():
    value = contained_call(
        lambda: {"n_estimators": 500, "classes": [0, 1], "score": 0.5, "ok": True, "none": None},
        Limits(),
        describe=MODEL,
    )
    assert value == {"n_estimators": 500, "classes": [0, 1], "score": 0.5, "ok": True, "none": None}
    assert contained_call(lambda: in_contained_child(), Limits(), describe=MODEL) is True
    assert not in_contained_child()


def test_contained_call_reads_a_large_result_without_deadlock():
    big = contained_call(lambda: ["x" * 1000] * 5000, Limits(), describe=MODEL)  # 5 MB of JSON
    assert len(big) == 5000 and big[0] == "x" * 1000


def test_contained_call_does_not_run_the_function_in_the_parent(tmp_path):
    parent = os.getpid()
    assert contained_call(lambda: os.getpid(), Limits(), describe=MODEL) != parent


def test_contained_call_re_raises_the_errors_class_and_message():
    class ColumnError(DataError):  # defined outside modelprivacy.errors
        pass

    def bad_data() -> None:
        raise ColumnError("target column 'y' is not in the data \x1b[2K")

    with pytest.raises(DataError) as error:
        contained_call(bad_data, Limits(), describe=MODEL)
    assert type(error.value) is DataError
    assert str(error.value) == "target column 'y' is not in the data \\x1b[2K"

    def unsafe() -> None:
        raise UnsafeModelError("refused os.system", ("os.system", "posix.system"))

    with pytest.raises(UnsafeModelError) as refused:
        contained_call(unsafe, Limits(), describe=MODEL)
    assert refused.value.untrusted == ("os.system", "posix.system")


def test_contained_call_turns_other_exceptions_into_model_load_errors():
    def deep() -> None:
        raise RecursionError("maximum recursion depth exceeded\nline two")

    with pytest.raises(ModelLoadError) as error:
        contained_call(deep, Limits(), describe=MODEL)
    assert str(error.value).startswith(
        "model file 'hostile.pkl' could not be loaded or inspected: RecursionError: maximum "
    )
    assert "\n" not in str(error.value)


def test_contained_call_refuses_a_result_json_cannot_hold():
    with pytest.raises(TypeError, match="JSON cannot hold"):
        contained_call(lambda: object(), Limits(), describe=MODEL)


def test_contained_call_from_a_thread_of_a_process_that_used_openmp():
    # GNU OpenMP crashes a forked child that starts a parallel region after the
    # parent used one; the child runs OpenMP with one thread.
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 4))
    y = (X[:, 0] > 0).astype(int)
    HistGradientBoostingClassifier(max_iter=5).fit(X, y)

    def fit() -> float:
        return float(HistGradientBoostingClassifier(max_iter=5).fit(X, y).score(X, y))

    results: list[object] = []
    thread = threading.Thread(
        target=lambda: results.append(contained_call(fit, Limits(), describe=MODEL))
    )
    thread.start()
    thread.join(20)
    assert results and isinstance(results[0], float) and results[0] > 0.8

    def command() -> int:
        return 0 if fit() > 0.8 else 1

    assert run_contained(command, Limits(), describe=MODEL, limit_openmp=True) == 0


# -- load_phase -----------------------------------------------------------------------------


def test_load_phase_restores_the_limits_in_a_child():
    from modelprivacy.load import sandbox

    def phase() -> dict[str, object]:
        before = [resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU)]
        mapped = sandbox._address_space()  # what this process maps (large after many imports)
        with load_phase(Limits(max_memory=2**30, max_cpu=30, timeout=60)):
            inside = [
                resource.getrlimit(resource.RLIMIT_AS),
                resource.getrlimit(resource.RLIMIT_CPU),
            ]
            timer = signal.getitimer(signal.ITIMER_REAL)[0]
        after = [resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU)]
        return {
            "before": before,
            "mapped": mapped,
            "inside": inside,
            "after": after,
            "timer": timer,
            "timer_after": signal.getitimer(signal.ITIMER_REAL)[0],
            "core": resource.getrlimit(resource.RLIMIT_CORE)[0],
        }

    seen = contained_call(phase, Limits.none(), describe=MODEL)
    assert seen["before"] == seen["after"]
    (as_soft, _), (cpu_soft, cpu_hard) = seen["inside"]
    assert seen["inside"][0][1] == seen["before"][0][1] and cpu_hard == seen["before"][1][1]
    # the mapped address space plus 1 GiB (the phase imports the loaders first, a few MiB)
    mapped = seen["mapped"]
    assert isinstance(mapped, int) and mapped > 0
    assert mapped + 2**30 <= as_soft < mapped + 2**30 + 512 * 2**20
    assert 29 <= cpu_soft <= 31
    assert 59 < seen["timer"] <= 60 and seen["timer_after"] == 0
    assert seen["core"] == 0


def test_load_phase_in_process_applies_limits_only_when_asked(marker):
    before = (resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU))
    alarm = signal.getsignal(signal.SIGALRM)
    with load_phase(Limits()):  # not a contained child: nothing is applied
        assert resource.getrlimit(resource.RLIMIT_AS) == before[0]
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with load_phase(Limits(max_memory=DEFAULT_MAX_MEMORY, max_cpu=600, timeout=600), enforce=True):
        assert resource.getrlimit(resource.RLIMIT_AS)[0] != before[0][0]
        assert resource.getrlimit(resource.RLIMIT_CPU)[0] != before[1][0]
        assert 599 < signal.getitimer(signal.ITIMER_REAL)[0] <= 600
    assert (
        resource.getrlimit(resource.RLIMIT_AS),
        resource.getrlimit(resource.RLIMIT_CPU),
    ) == before
    assert signal.getsignal(signal.SIGALRM) is alarm


def test_load_phase_restores_the_limits_after_an_error():
    before = resource.getrlimit(resource.RLIMIT_AS)
    phase = load_phase(
        Limits(max_cpu=600, timeout=600), describe="data file 't.csv'", error=DataError
    )
    with pytest.raises(DataError, match=r"data file 't\.csv' needs more memory than is"), phase:
        raise MemoryError
    with pytest.raises(ValueError, match="plain"), load_phase(Limits(timeout=600), enforce=True):
        raise ValueError("plain")
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# -- Limits ---------------------------------------------------------------------------------


def test_limits_defaults_and_flags():
    assert Limits() == Limits(max_memory=4 * 2**30, max_cpu=120.0, timeout=120.0)
    assert Limits.from_args() == Limits()
    assert Limits.from_args(max_memory="512M", max_cpu="90s", timeout="2m") == Limits(
        max_memory=512 * 2**20, max_cpu=90, timeout=120
    )
    assert Limits.from_args(max_memory="0", max_cpu="none", timeout=0) == Limits.none()
    assert Limits(max_memory=0, max_cpu=0, timeout=0) == Limits.none()
    assert str(Limits()) == "memory 4 GiB, CPU 120 s, time 120 s"
    with pytest.raises(ValueError, match="invalid size 'lots'"):
        Limits.from_args(max_memory="lots")
    with pytest.raises(ValueError, match="timeout must be a finite number"):
        Limits(timeout=-1)
    with pytest.raises(TypeError):
        Limits(max_cpu="1")  # type: ignore[arg-type]


def test_a_failed_compilation_under_the_memory_limit_is_reported_as_memory(marker):
    # Near the limit, importing a module whose source is not yet compiled can fail in
    # the parser's allocation, which Python raises as a SyntaxError of that .py file.
    def load() -> int:
        raise SyntaxError("expected ':'", ("/site/modelprivacy/load/_unpickler.py", 735, 1, "x"))

    with pytest.raises(ModelLoadError, match="--max-memory limit of 512 MiB"):
        contained_call(load, SMALL, describe=MODEL)


def test_a_syntax_error_not_from_a_module_is_not_memory(marker):
    def load() -> int:
        raise SyntaxError("not compiled from a file")

    with pytest.raises(Exception) as error:
        contained_call(load, SMALL, describe=MODEL)
    assert "--max-memory" not in str(error.value)


def test_the_loaders_are_imported_before_the_limits():
    import sys

    from modelprivacy.load import sandbox

    sandbox._import_loaders()
    assert all(name in sys.modules for name in sandbox._LOADERS)
