"""Progress outside a terminal: plain lines on stderr, one per step, and the switch that silences them.

The commands run as real subprocesses (``python -m modelprivacy``) whose stderr
is a pipe, as in a CI log, with ``MODELPRIVACY_PROGRESS`` removed from their
environment (the suite sets it to 0, see conftest.py) so that they show the
default.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import RandomForestClassifier

from modelprivacy import progress
from modelprivacy.cli import main

LINE = re.compile(r"^modelprivacy: \[ *(\d+\.\d)s\] (.+)$")
STEP = re.compile(
    r"^(?P<step>.+?) (?P<done>\d+)/(?P<total>\d+)"
    r"(?: \((?P<running>\d+\.\d) s\)| (?P<end>done|ended) in (?P<seconds>\d+\.\d) s)?$"
)
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # everything but the newline


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("progress")
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(200, 3)), columns=["a", "b", "c"])
    frame["s"] = rng.integers(0, 2, 200)
    frame["y"] = (frame["a"] + frame["s"] > 0).astype(int)
    train, holdout = frame.iloc[:100], frame.iloc[100:]
    model = RandomForestClassifier(n_estimators=5, random_state=0).fit(
        train[["a", "b", "c", "s"]], train["y"]
    )
    paths = {
        "model": tmp / "forest.pkl",
        "train": tmp / "train.csv",
        "holdout": tmp / "holdout.csv",
    }
    paths["model"].write_bytes(pickle.dumps(model))
    train.to_csv(paths["train"], index=False)
    holdout.to_csv(paths["holdout"], index=False)
    return paths


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != progress.PROGRESS_ENV}
    env.update(extra)
    return env


def _run(args: list[object], **extra: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "modelprivacy", *map(str, args)],
        capture_output=True,
        text=True,
        env=_env(**extra),
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc


def _progress_lines(stderr: str) -> list[tuple[float, str]]:
    """(seconds, text) of every progress line, in order."""
    return [
        (float(m.group(1)), m.group(2)) for line in stderr.splitlines() if (m := LINE.match(line))
    ]


def test_audit_prints_one_line_per_step_start_and_end(files):
    proc = _run(
        [
            "audit",
            files["model"],
            "--train",
            files["train"],
            "--holdout",
            files["holdout"],
            "--target",
            "y",
            "--sensitive",
            "s",
            "--reference-models",
            "4",
            "--format",
            "json",
        ]
    )
    assert not CONTROL.search(proc.stderr), repr(proc.stderr)
    json.loads(proc.stdout)  # the report alone on stdout: no progress line mixed in
    lines = _progress_lines(proc.stderr)
    seconds = [s for s, _ in lines]
    assert seconds == sorted(seconds) and seconds[-1] > 0
    texts = [t for _, t in lines]
    assert texts[0].startswith(f"Loading {files['model']}: done in ")
    steps = [m.groupdict() for t in texts[1:] if (m := STEP.match(t))]
    assert len(steps) == len(texts) - 1, texts
    # the reference models report each model fitted: one line per tenth of 4 models
    reference = [s for s in steps if s["step"] == "reference models"]
    assert [(s["done"], s["total"], s["end"]) for s in reference] == [
        ("1", "4", None),
        ("2", "4", None),
        ("3", "4", None),
        ("4", "4", "done"),
    ]
    # every step has a line when it starts and one when it ends, in the audit's order
    starts = [s["step"] for s in steps if s["end"] is None and s["running"] is None]
    ends = [s["step"] for s in steps if s["end"] is not None]
    assert (
        starts
        == ends
        == [
            "reference models",
            "stored rows lookup",
            "attribute inference",
            # the served release modes (every one by default), from the same reference models
            "release rounded:2",
            "release top:1",
            "release labels",
            "inspection",
        ]
    )
    # the forest stores no rows: its lookup ends without reaching its total
    assert {"step": "stored rows lookup", "end": "ended"}.items() <= next(
        s for s in steps if s["step"] == "stored rows lookup" and s["end"]
    ).items()
    # the summary ends stderr: the verdict, a line per criterion, a line per release mode
    assert "verdict: " in proc.stderr.splitlines()[-9]
    assert proc.stderr.splitlines()[-1].startswith("release labels: ")


def test_attack_membership_counts_the_reference_models(files):
    proc = _run(
        [
            "attack",
            "membership",
            files["model"],
            "--train",
            files["train"],
            "--holdout",
            files["holdout"],
            "--target",
            "y",
            "--reference-models",
            "3",
        ]
    )
    texts = [t for _, t in _progress_lines(proc.stderr)]
    counted = [t for t in texts if t.startswith("Reference models ")]
    assert [STEP.match(t)["done"] for t in counted] == ["1", "2", "3"]  # type: ignore[index]
    assert counted[-1].startswith("Reference models 3/3 done in ")
    assert not CONTROL.search(proc.stderr)


def test_the_switch_silences_them_and_a_bad_value_is_refused(files):
    args = ["inspect", files["model"], "--train", files["train"], "--target", "y"]
    shown = _run(args)
    texts = [t for _, t in _progress_lines(shown.stderr)]
    assert [t.split(":")[0] for t in texts] == ["Inspecting", f"Loading {files['model']}"]
    silent = _run(args, MODELPRIVACY_PROGRESS="0")
    assert not _progress_lines(silent.stderr)
    # the same summary either way, and the same report
    assert silent.stderr.splitlines()[-1] == shown.stderr.splitlines()[-1]
    assert silent.stdout == shown.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "modelprivacy", *map(str, args)],
        capture_output=True,
        text=True,
        env=_env(MODELPRIVACY_PROGRESS="sometimes"),
        timeout=300,
    )
    assert bad.returncode == 2
    assert bad.stderr.splitlines() == [
        "modelprivacy: error: $MODELPRIVACY_PROGRESS must be 0 (no progress), plain (plain "
        "lines) or 1 (the default); got 'sometimes'"
    ]


def test_a_terminal_keeps_its_bars_unless_plain_is_asked(files):
    pty = pytest.importorskip("pty")

    def stderr_on_a_terminal(**extra: str) -> str:
        leader, follower = pty.openpty()
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "modelprivacy", "inspect", str(files["model"])],
                stdout=subprocess.PIPE,
                stderr=follower,
                env=_env(TERM="xterm", **extra),  # rich draws nothing on a "dumb" terminal
                timeout=300,
            )
            os.close(follower)
            follower = -1
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # Linux: EIO once the terminal's other end is closed
                    break
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(leader)
            if follower >= 0:
                os.close(follower)
        assert proc.returncode in (0, 1)
        return b"".join(chunks).decode()

    drawn = stderr_on_a_terminal()
    assert "\x1b[" in drawn and not _progress_lines(drawn.replace("\r\n", "\n"))
    plain = stderr_on_a_terminal(MODELPRIVACY_PROGRESS="plain").replace("\r\n", "\n")
    assert not CONTROL.search(plain), repr(plain)
    assert [t.split(":")[0] for _, t in _progress_lines(plain)] == [
        "Inspecting",
        f"Loading {files['model']}",
    ]


def test_plain_steps_give_a_line_per_tenth_and_after_a_silence(monkeypatch, capsys):
    monkeypatch.setenv(progress.PROGRESS_ENV, "plain")
    update = progress.step_progress()
    for done in range(1, 31):
        update("reference models", done, 30)
    update("queries", 0, 1000)
    update("queries", 1, 1000)  # within the first tenth: no line
    monkeypatch.setattr(progress, "HEARTBEAT", 0.0)
    update("queries", 2, 1000)  # ... unless the last line is older than HEARTBEAT
    update("", -1, -1)
    update("", -1, -1)  # stopping twice is harmless
    texts = [t for _, t in _progress_lines(capsys.readouterr().err)]
    # the first update, then each new tenth of 30 (3, 6, ...), then the end
    counts = [STEP.match(t)["done"] for t in texts[:11]]  # type: ignore[index]
    assert counts == ["1", "3", "6", "9", "12", "15", "18", "21", "24", "27", "30"]
    assert texts[10].startswith("reference models 30/30 done in ")
    assert texts[11] == "queries 0/1000"
    assert texts[12].startswith("queries 2/1000 (")
    assert texts[13].startswith("queries 2/1000 ended in ")
    assert len(texts) == 14


def test_no_display_at_all_when_switched_off_or_outside_a_kernel(monkeypatch, capsys):
    assert os.environ[progress.PROGRESS_ENV] == "0"  # the suite's switch (conftest.py)
    assert progress.progress_bar("Reference models") is None
    assert progress.notebook_progress() is None
    update = progress.step_progress()
    update("inspection", 0, 1)
    update("inspection", 1, 1)
    with progress.status("Loading x ..."):
        pass
    monkeypatch.delenv(progress.PROGRESS_ENV)
    # here stderr is pytest's capture, not a terminal and not a kernel: plain lines,
    # and no notebook display
    assert progress.notebook_progress() is None
    assert progress.notebook_progress_bar() is None
    with progress.status("Loading [bold]x[/bold] ..."):
        pass
    assert [t.split(" done")[0] for _, t in _progress_lines(capsys.readouterr().err)] == [
        "Loading x:"
    ]


def test_the_command_line_refuses_a_bad_value_in_process(files, monkeypatch, capsys):
    monkeypatch.setenv(progress.PROGRESS_ENV, "loud")
    assert main(["inspect", str(files["model"])]) == 2
    assert (
        capsys.readouterr()
        .err.splitlines()[-1]
        .startswith("modelprivacy: error: $MODELPRIVACY_PROGRESS must be 0")
    )


def test_a_hostile_file_name_stays_one_clean_line(monkeypatch, capsys):
    from rich.markup import escape

    monkeypatch.setenv(progress.PROGRESS_ENV, "plain")
    # the command line escapes the name's markup; a line break or an escape
    # sequence left in it is still escaped, so it cannot forge or erase a line
    name = escape("evil[red]\x1b[2K\rx\nmodelprivacy: ok.pkl")
    with progress.status(f"Loading {name} ..."):
        pass
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and not CONTROL.search(err), repr(err)
    assert _progress_lines(err)[0][1].startswith(
        "Loading evil[red]\\x1b[2K\\rx modelprivacy: ok.pkl: done in "
    )
