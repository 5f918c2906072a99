"""The pre-commit hook, run by the real ``pre-commit`` on a temporary git repository.

``test_the_published_hook_installs_and_gates_commits`` lets pre-commit build
the hook's own environment (``language: python``: a virtualenv into which pip
installs modelprivacy from a repository of this project). Installing the
dependencies too (numpy, scipy, scikit-learn, pandas: about 400 MB) took
258 s here, so the test puts this environment's site-packages on PYTHONPATH:
pip finds them installed and builds only modelprivacy, and the hook runs the
modelprivacy it installed. The ``language: system`` variant (the modelprivacy
of the current environment) is tested too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier

from modelprivacy.precommit import main

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

#: this environment's site-packages (numpy, scikit-learn, ...) for the installs under test
_SITE = next(p for p in sys.path if p.endswith("site-packages"))


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    out = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> Path:
    rng = np.random.RandomState(0)
    X = rng.rand(60, 3)
    y = (X[:, 0] > 0.5).astype(int)
    d = tmp_path_factory.mktemp("models")
    sio.dump(KNeighborsClassifier(3).fit(X, y), d / "knn.skops")
    sio.dump(LogisticRegression().fit(X, y), d / "clean.skops")
    return d


def _hook() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return hook


def test_the_manifest_names_the_entry_script_and_the_model_files():
    hook = _hook()
    assert hook["id"] == "modelprivacy-inspect"
    assert hook["language"] == "python"
    assert hook["entry"] == "python -m modelprivacy.precommit"
    assert hook["args"] == ["--fail-on", "high"]
    pattern = re.compile(hook["files"])
    for name in ("m.skops", "a/b.pkl", "m.pickle", "m.joblib", "m.ubj", "m.cbm", "m.onnx"):
        assert pattern.search(name), name
    # JSON and text are too common to be taken for models: the user adds them with `files:`
    for name in ("package.json", "requirements.txt", "data.csv", "skops.py", "model.skops.md"):
        assert not pattern.search(name), name


def test_the_entry_script_gates_on_the_worst_file(models, capsys):
    knn, clean = str(models / "knn.skops"), str(models / "clean.skops")
    assert main([clean]) == 0
    assert main(["--fail-on", "high", clean, knn]) == 1
    out = capsys.readouterr().out
    assert f"== {clean}" in out and f"== {knn}" in out and "MP-S101" in out
    # options after the files (as pre-commit passes args then files) reach every inspection
    assert main([clean, "--fail-on", "info", "--k", "5"]) == 0
    assert main([knn, "--fail-on", "info", "--format", "json"]) == 1
    assert '"check_id": "MP-S101"' in capsys.readouterr().out
    # a file that is not a model is an error (2), worse than a finding
    (models / "notes.pkl").write_text("not a pickle")
    assert main([knn, str(models / "notes.pkl")]) == 2


def test_the_entry_script_refuses_no_files_and_one_output_for_many(models, capsys):
    assert main([]) == 2
    assert "no model file given" in capsys.readouterr().err
    knn = str(models / "knn.skops")
    assert main(["--output", str(models / "r.json"), knn, knn]) == 2
    assert "--output with several files" in capsys.readouterr().err
    assert not (models / "r.json").exists()


def _project_repo(dest: Path) -> str:
    """A git repository of the project's working tree (tracked and new files); its commit."""
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for name in filter(None, (f.decode() for f in files)):
        src = ROOT / name
        if not (src.exists() or src.is_symlink()):
            continue  # deleted in the working tree
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            target.symlink_to(os.readlink(src))
        else:
            shutil.copy2(src, target)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return _git(dest, "rev-parse", "HEAD")


def _user_repo(tmp_path: Path, models: Path, config: dict) -> Path:
    repo = tmp_path / "user"
    repo.mkdir()
    _git(repo, "init", "-q")
    for name in ("knn.skops", "clean.skops"):
        shutil.copy(models / name, repo / name)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    _git(repo, "add", "-A")
    return repo


def _pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", "--color", "never", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )


def test_the_system_hook_fails_a_knn_file_and_passes_a_clean_one(models, tmp_path):
    # `language: system`: the modelprivacy installed where pre-commit runs (docs/ci.md)
    hook = {
        "id": "modelprivacy-inspect",
        "name": "modelprivacy inspect",
        "entry": "python -m modelprivacy.precommit",
        "language": "system",
        "files": _hook()["files"],
        "args": ["--fail-on", "high"],
    }
    repo = _user_repo(tmp_path, models, {"repos": [{"repo": "local", "hooks": [hook]}]})
    failed = _pre_commit(repo, tmp_path / "home", "--files", "knn.skops")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "modelprivacy inspect" in failed.stdout and "Failed" in failed.stdout
    assert "MP-S101" in failed.stdout
    passed = _pre_commit(repo, tmp_path / "home", "--files", "clean.skops")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_the_published_hook_installs_and_gates_commits(models, tmp_path, monkeypatch):
    """pre-commit installs the hook from a repository of this project."""
    monkeypatch.setenv("PYTHONPATH", _SITE)  # the dependencies, found installed by pip
    project = tmp_path / "project"
    project.mkdir()
    rev = _project_repo(project)
    config = {
        "repos": [{"repo": str(project), "rev": rev, "hooks": [{"id": "modelprivacy-inspect"}]}]
    }
    repo = _user_repo(tmp_path, models, config)
    home = tmp_path / "home"
    failed = _pre_commit(repo, home, "--files", "knn.skops")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "MP-S101" in failed.stdout and "Failed" in failed.stdout
    # the same environment (cached in PRE_COMMIT_HOME) for the clean model, and for a commit
    passed = _pre_commit(repo, home, "--files", "clean.skops")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    # a commit of every staged file: the k-NN among them blocks it
    every = _pre_commit(repo, home)
    assert every.returncode == 1 and "knn.skops" in every.stdout
