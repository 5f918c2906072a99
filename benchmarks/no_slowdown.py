"""Same-run speed comparison of this tree against a baseline commit (no slowdown over 10%).

A refactoring must not make modelprivacy slower. On a shared machine the time
of one run drifts by more than 10% between minutes, so the two versions are
measured in the same run, alternately: the baseline commit is checked out into
a temporary git worktree, and every workload runs in a fresh interpreter with
``PYTHONPATH`` set to one tree's ``src``, old and new in turn, ``--rounds``
times; each side's best time counts.

Workloads (UCI Adult, seeded): inspecting a 100-tree forest alone and with its
32,561 training records; auditing a one-hot + logistic regression pipeline, a
scaled k-NN and a 50-tree forest (5,000 training and 5,000 holdout records,
K=4 reference models, ``sex`` as the sensitive column); and
``modelprivacy --help``. Writes benchmarks/results/no_slowdown.{json,md}.

Run: ``python benchmarks/no_slowdown.py --baseline 44175d4``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results"

_SETUP = """
import warnings, time, joblib
warnings.filterwarnings("ignore")
from modelprivacy.datasets import ADULT_TARGET, load_adult
import modelprivacy
"""

#: name -> (setup code, timed statement); both see the model directory as ``D``.
WORKLOADS: dict[str, tuple[str, str]] = {
    "inspect 100-tree forest, model only": (
        "model = joblib.load(D + '/forest100.pkl')",
        "modelprivacy.inspect(model)",
    ),
    "inspect 100-tree forest with 32,561 records": (
        "train = load_adult(); model = joblib.load(D + '/forest100.pkl')",
        "modelprivacy.inspect(model, train, target=ADULT_TARGET)",
    ),
    "audit logistic regression (5,000 + 5,000, K=4)": (
        "train = load_adult().iloc[:5000]; holdout = load_adult(subset='test').iloc[:5000]",
        "modelprivacy.audit(D + '/lr.pkl', train, holdout, target=ADULT_TARGET, "
        "sensitive=['sex'], reference_models=4, seed=0)",
    ),
    "audit k-NN (5,000 + 5,000, K=4)": (
        "train = load_adult().iloc[:5000]; holdout = load_adult(subset='test').iloc[:5000]",
        "modelprivacy.audit(D + '/knn.pkl', train, holdout, target=ADULT_TARGET, "
        "sensitive=['sex'], reference_models=4, seed=0)",
    ),
    "audit 50-tree forest (5,000 + 5,000, K=4)": (
        "train = load_adult().iloc[:5000]; holdout = load_adult(subset='test').iloc[:5000]",
        "modelprivacy.audit(D + '/forest50.pkl', train, holdout, target=ADULT_TARGET, "
        "sensitive=['sex'], reference_models=4, seed=0)",
    ),
}


def _models(directory: Path) -> None:
    """Fit the workloads' models once and save them (the same files for both trees)."""
    import joblib
    from sklearn.compose import make_column_transformer
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    from modelprivacy.datasets import ADULT_TARGET, load_adult

    train = load_adult()
    X, y = train.drop(columns=[ADULT_TARGET]), train[ADULT_TARGET]
    cats = [c for c in X.columns if X[c].dtype == object or str(X[c].dtype) == "category"]
    nums = [c for c in X.columns if c not in cats]

    def encoder(scale: bool) -> Any:
        return make_column_transformer(
            (OneHotEncoder(handle_unknown="ignore"), cats),
            (StandardScaler() if scale else "passthrough", nums),
        )

    forest = make_pipeline(
        encoder(False), RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1)
    )
    joblib.dump(forest.fit(X, y), directory / "forest100.pkl")
    small_X, small_y = X.iloc[:5000], y.iloc[:5000]
    models = {
        "lr": make_pipeline(encoder(True), LogisticRegression(max_iter=1000)),
        "knn": make_pipeline(encoder(True), KNeighborsClassifier()),
        "forest50": make_pipeline(
            encoder(False), RandomForestClassifier(n_estimators=50, random_state=0, n_jobs=1)
        ),
    }
    for name, model in models.items():
        joblib.dump(model.fit(small_X, small_y), directory / f"{name}.pkl")


def _time(src: Path, setup: str, stmt: str, directory: Path) -> float:
    code = (
        f"D = {str(directory)!r}\n{_SETUP}\n{setup}\n"
        f"t0 = time.perf_counter()\n{stmt}\nprint(time.perf_counter() - t0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def _help(src: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "modelprivacy", "--help"], env=env, capture_output=True, check=True
    )
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", required=True, help="the commit to compare against")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    baseline = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", args.baseline],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    current = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = Path(tmp) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old_tree), baseline],
            capture_output=True,
            check=True,
        )
        try:
            models = Path(tmp) / "models"
            models.mkdir()
            _models(models)
            trees = {"baseline": old_tree / "src", "current": ROOT / "src"}
            best: dict[str, dict[str, float]] = {}
            for r in range(args.rounds):
                for name, (setup, stmt) in [*WORKLOADS.items(), ("modelprivacy --help", ("", ""))]:
                    for side in ("baseline", "current") if r % 2 == 0 else ("current", "baseline"):
                        if name == "modelprivacy --help":
                            t = min(_help(trees[side]) for _ in range(3))
                        else:
                            t = _time(trees[side], setup, stmt, models)
                        slot = best.setdefault(name, {})
                        slot[side] = min(slot.get(side, float("inf")), t)
                        print(f"round {r + 1}: {name}: {side} {t:.2f} s", flush=True)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)],
                capture_output=True,
            )
    rows = [
        {
            "workload": name,
            "baseline_s": round(v["baseline"], 3),
            "current_s": round(v["current"], 3),
            "ratio": round(v["current"] / v["baseline"], 3),
        }
        for name, v in best.items()
    ]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    doc = {
        "baseline": baseline,
        "current": current,
        "rounds": args.rounds,
        "machine": machine,
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "no_slowdown.json").write_text(json.dumps(doc, indent=2) + "\n")
    lines = [
        f"# No slowdown: {current} against {baseline}",
        "",
        f"Machine: {machine}. Command: `python benchmarks/no_slowdown.py --baseline {baseline}` "
        f"(best of {args.rounds} alternating runs per side, each in a fresh interpreter).",
        "",
        "| workload | baseline s | current s | current / baseline |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {r['workload']} | {r['baseline_s']:.2f} | {r['current_s']:.2f} | {r['ratio']:.2f} |"
        for r in rows
    ]
    worst = max(rows, key=lambda r: r["ratio"])
    lines += [
        "",
        f"Slowest relative to the baseline: {worst['workload']} at {worst['ratio']:.2f}x "
        f"({'within' if worst['ratio'] <= 1.10 else 'over'} the 10% allowed).",
    ]
    (RESULTS / "no_slowdown.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
