"""Every Python and shell code block of the README and of ``docs/*.md`` runs as written.

A documented call that breaks (a flag that no longer exists, a function that
moved) fails here, so the documentation cannot drift from the code.

* ``python`` blocks run with :func:`exec` in a namespace that defines the
  names the documentation uses without defining them: ``model`` (a Pipeline
  that encodes Adult's text columns and fits a small forest), ``train_df`` and
  ``holdout_df`` (600 Adult records each, with the ``income`` label),
  ``X_train``, ``y_train``, ``X_holdout``, ``y_holdout`` (the same without and
  with only the label), ``train_ids`` and ``record_ids`` (the training
  records' IDs). The working directory holds the files below.
* ``sh``, ``bash``, ``shell`` and ``console`` blocks run command by command
  with ``bash`` in a temporary directory that holds ``model.pkl``,
  ``model.skops`` (the same fitted model), ``train.csv``, ``holdout.csv`` and
  ``population.csv`` (Adult samples with the ``income`` label). A command
  that names ``--id-column COL`` or ``--subject-column COL`` gets data files
  with that column, as a reader who passes it has. ``modelprivacy`` and
  ``python`` resolve to the installed package of the interpreter running the
  tests. A ``modelprivacy`` command may exit 0 or 1 (1 means findings), never
  2 (a usage or input error), and prints no traceback; any other command must
  exit 0. ``$`` prompts, comments and ``\\`` continuation lines are handled; in
  a ``console`` block only the prompted lines are commands.

A block that cannot run here is listed in :data:`SKIP`, with the reason; an
entry that matches no block fails the test, so the list cannot rot.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sklearn.base import BaseEstimator
from sklearn.compose import make_column_transformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

import modelprivacy
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_TARGET, load_adult

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

PYTHON = frozenset({"python", "py"})
SHELL = frozenset({"sh", "bash", "shell", "console"})
NOT_CODE = frozenset({"text", "json", "html", "toml", "yaml", "ini", "csv", "diff", "mermaid"})

SKIP: dict[tuple[str, str], str] = {
    ("README.md", "make demo"): (
        "sets up .venv and audits 6,000 people (~30 s); tests/test_demo.py runs the same demo"
    ),
    ("README.md", "make test"): "runs this test suite itself, with ruff and mypy",
}
"""Blocks (Python) or commands (shell) that do not run here: (file, snippet) -> reason."""

TRAIN_ROWS = 600
COMMAND_TIMEOUT = 180

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@dataclasses.dataclass(frozen=True)
class Block:
    """One fenced code block of a Markdown file."""

    path: str
    line: int
    lang: str
    text: str

    @property
    def name(self) -> str:
        return f"{self.path}:{self.line}:{self.lang}"


def _blocks() -> list[Block]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in _FENCE.finditer(text):
            info = match["info"].strip().split()
            lang = info[0].lower() if info else ""
            line = text.count("\n", 0, match.start()) + 1
            body = textwrap.dedent(match["body"])
            found.append(Block(doc.relative_to(ROOT).as_posix(), line, lang, body))
    return found


BLOCKS = _blocks()
PYTHON_BLOCKS = [b for b in BLOCKS if b.lang in PYTHON]
SHELL_BLOCKS = [b for b in BLOCKS if b.lang in SHELL]


def _commands(block: Block) -> list[str]:
    """The commands of a shell block: prompts stripped, continuation lines joined."""
    commands: list[str] = []
    current: list[str] = []
    for raw in block.text.splitlines():
        line = raw.strip()
        if current:
            line = line.removeprefix(">").strip()
        elif block.lang == "console":
            if not line.startswith("$ "):
                continue  # output shown in the block
            line = line[2:].strip()
        else:
            line = line.removeprefix("$ ").strip()
            if not line or line.startswith("#"):
                continue
        current.append(line)
        if line.endswith("\\"):
            current[-1] = line[:-1].rstrip()
            continue
        commands.append(" ".join(part for part in current if part))
        current = []
    if current:
        commands.append(" ".join(current))
    return commands


def _skip_reason(block: Block, unit: str) -> str | None:
    for (path, snippet), reason in SKIP.items():
        if path == block.path and snippet in unit:
            return reason
    return None


@dataclasses.dataclass(frozen=True)
class Adult:
    """The data and the fitted model the documentation's examples use."""

    train: pd.DataFrame
    holdout: pd.DataFrame
    population: pd.DataFrame
    model: BaseEstimator
    model_pickle: bytes


@pytest.fixture(scope="module")
def adult() -> Adult:
    sample = load_adult().sample(TRAIN_ROWS * 2 + 300, random_state=0).reset_index(drop=True)
    train = sample.iloc[:TRAIN_ROWS].reset_index(drop=True)
    holdout = sample.iloc[TRAIN_ROWS : 2 * TRAIN_ROWS].reset_index(drop=True)
    population = sample.iloc[2 * TRAIN_ROWS :].reset_index(drop=True)
    encode = make_column_transformer(
        (
            OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
            ADULT_CATEGORICAL,
        ),
        remainder="passthrough",
    )
    model = make_pipeline(encode, RandomForestClassifier(n_estimators=10, random_state=0))
    model.fit(train.drop(columns=ADULT_TARGET), train[ADULT_TARGET])
    return Adult(train, holdout, population, model, pickle.dumps(model))


def _write_files(
    directory: Path, adult: Adult, id_column: str | None = None, subject_column: str | None = None
) -> None:
    """Write the model and data files the documentation names into ``directory``."""
    import skops.io

    (directory / "model.pkl").write_bytes(adult.model_pickle)
    skops.io.dump(adult.model, directory / "model.skops")
    start = 0
    for name, frame in (
        ("train", adult.train),
        ("holdout", adult.holdout),
        ("population", adult.population),
    ):
        numbers = range(start, start + len(frame))
        start += len(frame)
        extra: dict[str, object] = {}
        if id_column:
            extra[id_column] = list(numbers)
        if subject_column:
            extra[subject_column] = [f"person-{i // 2}" for i in numbers]  # two records each
        frame.assign(**extra).to_csv(directory / f"{name}.csv", index=False)


def _namespace(adult: Adult) -> dict[str, object]:
    X_train = adult.train.drop(columns=ADULT_TARGET)
    X_holdout = adult.holdout.drop(columns=ADULT_TARGET)
    ids = [f"r{i}" for i in range(len(adult.train))]
    return {
        "model": pickle.loads(adult.model_pickle),
        "train_df": adult.train.copy(),
        "holdout_df": adult.holdout.copy(),
        "X_train": X_train,
        "y_train": adult.train[ADULT_TARGET],
        "X_holdout": X_holdout,
        "y_holdout": adult.holdout[ADULT_TARGET],
        "train_ids": ids,
        "record_ids": ids,
    }


@pytest.fixture(scope="module")
def bin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with ``modelprivacy`` and ``python`` of the interpreter under test."""
    directory = tmp_path_factory.mktemp("bin")
    script = Path(sys.executable).parent / "modelprivacy"
    if script.is_file() and os.access(script, os.X_OK):
        target = shlex.quote(str(script))
    else:
        target = f"{shlex.quote(sys.executable)} -m modelprivacy"
    for name, command in (("modelprivacy", target), ("python", shlex.quote(sys.executable))):
        path = directory / name
        path.write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
        path.chmod(0o755)
    return directory


def _option(command: str, *flags: str) -> str | None:
    words = shlex.split(command, comments=True)
    for i, word in enumerate(words[:-1]):
        if word in flags:
            return words[i + 1]
    return None


def _modelprivacy_arguments(command: str) -> list[str] | None:
    """The arguments of a ``modelprivacy`` (or ``python -m modelprivacy``) command, else None."""
    words = shlex.split(command, comments=True)
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        words = words[1:]  # VAR=value before the command
    if words[:1] == ["modelprivacy"]:
        return words[1:]
    if words[:3] == ["python", "-m", "modelprivacy"]:
        return words[3:]
    return None


def test_the_docs_have_runnable_blocks():
    assert len(PYTHON_BLOCKS) >= 5
    assert len(SHELL_BLOCKS) >= 3
    readme = [b.text for b in PYTHON_BLOCKS if b.path == "README.md"]
    assert any("modelprivacy.audit(" in text for text in readme)
    assert any("modelprivacy.sanitize(" in text for text in readme)
    commands = [c for b in SHELL_BLOCKS for c in _commands(b)]
    for sub in ("audit", "sanitize", "inspect", "attack membership", "attack attribute"):
        assert any(c.startswith(f"modelprivacy {sub} ") for c in commands), sub


def test_every_code_block_says_its_language():
    unknown = [b.name for b in BLOCKS if b.lang not in PYTHON | SHELL | NOT_CODE]
    assert not unknown, f"tag these blocks (python, sh, console, text, json, ...): {unknown}"


def test_every_skip_entry_matches_a_block():
    units = [(b, b.text) for b in PYTHON_BLOCKS] + [
        (b, c) for b in SHELL_BLOCKS for c in _commands(b)
    ]
    for (path, snippet), _ in SKIP.items():
        assert any(b.path == path and snippet in unit for b, unit in units), (
            f"the skip entry ({path!r}, {snippet!r}) matches no block: remove it"
        )


def test_commands_are_parsed_like_a_shell_reads_them():
    block = Block(
        "x.md",
        1,
        "console",
        "$ modelprivacy audit model.pkl \\\n>   --train train.csv  # data\naudit output\n$ ls\n",
    )
    assert _commands(block) == ["modelprivacy audit model.pkl --train train.csv  # data", "ls"]
    block = Block("x.md", 1, "sh", "# a comment\n$ a \\\n    b\n\nc   # trailing\n")
    assert _commands(block) == ["a b", "c   # trailing"]
    assert _modelprivacy_arguments("OMP_NUM_THREADS=1 modelprivacy audit m.pkl") == [
        "audit",
        "m.pkl",
    ]
    assert _modelprivacy_arguments("python -m modelprivacy inspect m.pkl # x") == [
        "inspect",
        "m.pkl",
    ]
    assert _modelprivacy_arguments("make test") is None


#: What an MLflow run of another test leaves in this process (mlflow.set_experiment and
#: start_run set them for child processes): each block starts without them, as a reader does.
_MLFLOW_RUN_STATE = ("MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID")


def _forget_mlflow_runs() -> None:
    for name in _MLFLOW_RUN_STATE:
        os.environ.pop(name, None)
    fluent = sys.modules.get("mlflow.tracking.fluent")
    if fluent is not None:
        while fluent.active_run() is not None:
            fluent.end_run()
        if hasattr(fluent, "_active_experiment_id"):
            fluent._active_experiment_id = None


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda b: b.name)
def test_a_python_block_runs(block, adult, tmp_path, monkeypatch):
    reason = _skip_reason(block, block.text)
    if reason:
        pytest.skip(reason)
    _write_files(tmp_path, adult)
    monkeypatch.chdir(tmp_path)
    _forget_mlflow_runs()
    try:
        _run_python_block(block, adult)
    finally:
        _forget_mlflow_runs()
    for written in re.findall(r"save_model\([^,]+,\s*\"([^\"]+)\"", block.text):
        assert (tmp_path / written).is_file(), written


def _run_python_block(block: Any, adult: Any) -> None:
    scope = _namespace(adult)
    # Padded so that a traceback names the line of the Markdown file.
    source = "\n" * block.line + block.text
    exec(compile(source, str(ROOT / block.path), "exec"), scope)
    if "modelprivacy.audit(" in block.text and "result" in scope:
        assert isinstance(scope["result"], modelprivacy.AuditResult)
        assert scope["result"].verdict.overall
    if "modelprivacy.sanitize(" in block.text and "safer" in scope:
        assert isinstance(scope["safer"], modelprivacy.SanitizeResult)


@pytest.mark.parametrize("block", SHELL_BLOCKS, ids=lambda b: b.name)
def test_a_shell_block_runs(block, adult, bin_dir, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in _MLFLOW_RUN_STATE}
    env["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    ran = 0
    for command in _commands(block):
        reason = _skip_reason(block, command)
        if reason:
            continue
        _write_files(
            tmp_path,
            adult,
            id_column=_option(command, "--id-column"),
            subject_column=_option(command, "--subject-column"),
        )
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
        ran += 1
        said = f"{block.name}: {command}\nexit {done.returncode}\n{done.stderr[-3000:]}"
        assert "Traceback (most recent call last)" not in done.stdout + done.stderr, said
        words = _modelprivacy_arguments(command)
        if words is not None:
            assert done.returncode in (0, 1), said
            output = _option(command, "--output", "-o")
            refused = words[:1] == ["sanitize"] and done.returncode == 1
            if output and not refused:
                assert (tmp_path / output).is_file(), said
        else:
            assert done.returncode == 0, said
    if not ran:
        pytest.skip("; ".join(filter(None, (_skip_reason(block, c) for c in _commands(block)))))


def test_the_top_level_names_are_the_functions():
    from modelprivacy.auditing import audit
    from modelprivacy.sanitizing import sanitize

    assert modelprivacy.audit is audit
    assert modelprivacy.sanitize is sanitize
    for name in modelprivacy.__all__:
        assert getattr(modelprivacy, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = modelprivacy.nope  # type: ignore[attr-defined]
