"""The GitHub Action (``action.yml``): its shell steps, run as a runner runs them, on real model files.

The runner is imitated, not mocked: each ``run`` script is executed with
``bash --noprofile --norc -eo pipefail`` (what GitHub runs for ``shell:
bash``), with the step's ``env`` after GitHub's expansion of ``${{ inputs.* }}``,
``GITHUB_ACTION_PATH``, ``GITHUB_ENV`` (read back between steps) and
``GITHUB_OUTPUT`` (the step's outputs). ``uses:`` steps would not run here;
the action has none.

``test_the_action_installs_modelprivacy_from_its_own_path`` runs the install
step for real (a virtual environment and ``pip install`` of the project from
the action's path); this environment's site-packages are on PYTHONPATH, so pip
finds the dependencies installed and builds only modelprivacy (a full install
of the dependencies took minutes here). The other tests use ``install:
"false"`` and the modelprivacy of this environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
_INPUT = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
_STEP_OUTPUT = re.compile(r"\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}")

#: this environment's site-packages (numpy, scikit-learn, ...) for the installs under test
_SITE = next(p for p in sys.path if p.endswith("site-packages"))


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text())


@dataclass
class Run:
    """What a run of the action did."""

    codes: list[int] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    log: str = ""


def _read_pairs(path: Path) -> dict[str, str]:
    """``KEY=VALUE`` lines of a GITHUB_ENV or GITHUB_OUTPUT file."""
    if not path.exists():
        return {}
    pairs = {}
    for line in path.read_text().splitlines():
        if "=" in line:
            key, _, value = line.partition("=")
            pairs[key] = value
    return pairs


def run_action(
    inputs: dict[str, str], workspace: Path, tmp: Path, action_path: Path = ROOT, path: str = ""
) -> Run:
    """Run the action's steps in order, as a runner would, until one fails."""
    action = _action()
    values = {}
    for name, spec in action["inputs"].items():
        if name in inputs:
            values[name] = inputs[name]
        elif spec.get("required"):
            raise AssertionError(f"input {name} is required")
        else:
            values[name] = str(spec.get("default", ""))

    def expand(text: str) -> str:
        out = _INPUT.sub(lambda m: values[m.group(1)], str(text))
        assert "${{" not in out, out
        return out

    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "runner").mkdir(exist_ok=True)
    github_env = tmp / "github_env"
    github_env.touch()
    env = {
        **os.environ,
        "PATH": path or os.environ["PATH"],
        "GITHUB_ACTION_PATH": str(action_path),
        "GITHUB_ENV": str(github_env),
        "GITHUB_WORKSPACE": str(workspace),
        "RUNNER_TEMP": str(tmp / "runner"),
    }
    run = Run()
    step_outputs: dict[str, dict[str, str]] = {}
    for i, step in enumerate(action["runs"]["steps"]):
        assert step["shell"] == "bash"
        script = tmp / f"step{i}.sh"
        script.write_text(step["run"])
        output = tmp / f"output{i}"
        output.touch()
        step_env = {**env, **_read_pairs(github_env), "GITHUB_OUTPUT": str(output)}
        step_env |= {k: expand(v) for k, v in step.get("env", {}).items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=1500,
        )
        run.codes.append(done.returncode)
        run.log += done.stdout + done.stderr
        if "id" in step:
            step_outputs[step["id"]] = _read_pairs(output)
        if done.returncode != 0:
            break
    for name, spec in action["outputs"].items():
        run.outputs[name] = _STEP_OUTPUT.sub(
            lambda m: step_outputs.get(m.group(1), {}).get(m.group(2), ""), spec["value"]
        )
    return run


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    rng = np.random.RandomState(0)
    X = rng.rand(60, 3)
    y = (X[:, 0] > 0.5).astype(int)
    d = tmp_path_factory.mktemp("workspace")
    (d / "models").mkdir()
    sio.dump(KNeighborsClassifier(3).fit(X, y), d / "models" / "knn.skops")
    sio.dump(LogisticRegression().fit(X, y), d / "models" / "clean.skops")
    return d


PATH = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


def test_the_action_is_a_composite_with_the_inputs_and_outputs_it_documents():
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"model", "command", "args", "fail-on", "format", "output"}
    assert action["inputs"]["model"]["required"] is True
    assert action["inputs"]["format"]["default"] == "sarif"
    assert action["inputs"]["fail-on"]["default"] == "high"
    assert set(action["outputs"]) == {"exit-code", "report"}
    for step in action["runs"]["steps"]:
        # inputs reach the scripts only through the environment (no script injection)
        assert "${{" not in step["run"]


def test_a_knn_model_fails_the_step_with_a_sarif_report(workspace, tmp_path):
    run = run_action(
        {"model": "models/knn.skops", "install": "false"}, workspace, tmp_path, path=PATH
    )
    assert run.codes == [0, 1], run.log
    assert run.outputs == {"exit-code": "1", "report": "modelprivacy-report.sarif"}
    doc = json.loads((workspace / "modelprivacy-report.sarif").read_text())
    results = doc["runs"][0]["results"]
    assert {r["ruleId"] for r in results if r["level"] == "error"} == {"MP-S101", "MP-S108"}
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "models/knn.skops"  # relative to the workspace, as code scanning needs
    assert "::error file=models/knn.skops::" in run.log


def test_a_clean_model_passes(workspace, tmp_path):
    out = "reports/clean.sarif"
    (workspace / "reports").mkdir(exist_ok=True)
    run = run_action(
        {"model": "models/clean.skops", "install": "false", "output": out},
        workspace,
        tmp_path,
        path=PATH,
    )
    assert run.codes == [0, 0], run.log
    assert run.outputs == {"exit-code": "0", "report": out}
    doc = json.loads((workspace / out).read_text())
    assert not [r for r in doc["runs"][0]["results"] if r["level"] == "error"]


def test_args_are_split_like_a_shell_line_and_fail_on_is_passed(workspace, tmp_path):
    run = run_action(
        {
            "model": "models/clean.skops",
            "command": "inspect",
            "format": "json",
            "args": "--k '5' --seed 3",
            "fail-on": "info",
            "install": "false",
        },
        workspace,
        tmp_path,
        path=PATH,
    )
    assert run.codes == [0, 0], run.log
    doc = json.loads((workspace / "modelprivacy-report.json").read_text())
    assert (doc["k"], doc["seed"]) == (5, 3)
    # the k-NN model, gated at info, with its medium and low findings too
    knn = run_action(
        {"model": "models/knn.skops", "fail-on": "info", "install": "false", "format": "json"},
        workspace,
        tmp_path / "knn",
        path=PATH,
    )
    assert knn.outputs["exit-code"] == "1"


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"command": "sanitize"}, "command must be inspect or audit"),
        ({"args": "--k '5"}, "args could not be split"),
        ({"model": "models/missing.skops"}, "missing.skops"),
    ],
)
def test_bad_input_exits_2(workspace, tmp_path, inputs, message):
    run = run_action(
        {"model": "models/clean.skops", "install": "false", **inputs},
        workspace,
        tmp_path,
        path=PATH,
    )
    assert run.codes[-1] == 2, run.log
    assert message in run.log


def test_without_modelprivacy_on_path_install_false_says_so(workspace, tmp_path):
    run = run_action(
        {"model": "models/clean.skops", "install": "false"},
        workspace,
        tmp_path,
        path="/usr/bin:/bin",
    )
    assert run.codes == [2] and "no modelprivacy is on PATH" in run.log


def _project_copy(dest: Path) -> None:
    """The project's working tree (tracked and new files), as the runner checks the action out."""
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for name in filter(None, (f.decode() for f in files)):
        src = ROOT / name
        if not (src.exists() or src.is_symlink()):
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            target.symlink_to(os.readlink(src))
        else:
            shutil.copy2(src, target)


def test_the_action_installs_modelprivacy_from_its_own_path(workspace, tmp_path, monkeypatch):
    """The install step creates a virtual environment and pip-installs the project."""
    monkeypatch.setenv("PYTHONPATH", _SITE)  # the dependencies, found installed by pip
    action_path = tmp_path / "action"
    _project_copy(action_path)
    run = run_action(
        {"model": "models/knn.skops", "python": sys.executable, "output": "knn.sarif"},
        workspace,
        tmp_path / "run",
        action_path=action_path,
        path="/usr/bin:/bin",  # no modelprivacy on PATH: only the one the action installs
    )
    assert run.codes == [0, 1], run.log
    assert run.outputs["exit-code"] == "1"
    installed = tmp_path / "run" / "runner" / "modelprivacy-venv" / "bin"
    assert (installed / "modelprivacy").exists()
    assert json.loads((workspace / "knn.sarif").read_text())["runs"][0]["results"]
    # the installed one, used again (install: false, on PATH), on the clean model
    clean = run_action(
        {"model": "models/clean.skops", "install": "false", "output": "clean.sarif"},
        workspace,
        tmp_path / "again",
        path=f"{installed}{os.pathsep}/usr/bin:/bin",
    )
    assert clean.codes == [0, 0], clean.log
