"""Inspection time of a 500-tree RandomForest fitted on UCI Adult, against load time.

Fits a default RandomForestClassifier (500 trees) on the 32,561 people of the
bundled Adult training data (categorical columns ordinal-encoded), saves it
with joblib, and measures in this one process:

- load: ``joblib.load`` (plain, unsafe) and ``modelprivacy.load.load_model``
  (restricted: static scan, restricted unpickler, validation), in this process
  (``contain=False``) and with the check in a child process first (the
  default of the Python API), whose cost is the difference; the same for a
  plain pickle (protocol 5) against ``pickle.loads``;
- inspect without data (what the file alone reveals) and with the training data
  (each record routed through the trees it was trained on, until it is found alone);
- peak traced memory of each step (tracemalloc, in a separate untimed pass).

Each timing is the best of ``--repeat`` runs, with the file in the page cache (it is
read once before the first timing): a warm load, so that the ratios compare the work
itself, not the disk. The goal of the issue: inspection
within 2x the load time. Writes benchmarks/results/inspect_speed.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.preprocessing import OrdinalEncoder

import modelprivacy
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_TARGET, load_adult
from modelprivacy.load import load_model
from modelprivacy.models.trees import forest_of

RESULTS = Path(__file__).parent / "results"


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The best wall time of ``repeat`` runs of ``fn``, and its last result."""
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def peak_mib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def previous_loader() -> Any:
    """The restricted loader before issue 10 (commit dca40e2), read from git, or None."""
    import importlib.util
    import subprocess

    try:
        source = subprocess.run(
            ["git", "show", "dca40e2:src/modelprivacy/load/_restricted.py"],
            capture_output=True,
            check=True,
            cwd=Path(__file__).parent,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "previous_restricted.py"
    path.write_bytes(source)
    spec = importlib.util.spec_from_file_location("previous_restricted", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The command line's shape: a fresh interpreter loads the model once, in this
# process or in one forked child (run_contained). Each run is a new interpreter,
# so neither side reuses memory that an earlier load freed.
CLI_SHAPE = """
import sys, time
from modelprivacy.load import load_model
from modelprivacy.load.sandbox import Limits, run_contained
path, mode = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if mode == "child":
    run_contained(lambda: (load_model(path, contain=False), 0)[1], Limits(), describe="x")
else:
    load_model(path, contain=False)
print(time.perf_counter() - t0)
"""


# A user's shape: a fresh interpreter, the file in the page cache, memory not yet
# recycled by earlier loads. Times joblib.load, then one inspection with the data.
FRESH_SHAPE = """
import sys, time, joblib, numpy as np
model_path, data_path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
model = joblib.load(model_path)
load_s = time.perf_counter() - t0
import modelprivacy
X, y = joblib.load(data_path)
t0 = time.perf_counter()
modelprivacy.inspect(model, X, y)
print(load_s, time.perf_counter() - t0)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trees", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    train = load_adult()
    y = train.pop(ADULT_TARGET).to_numpy()
    X = train.copy()
    X[ADULT_CATEGORICAL] = OrdinalEncoder(encoded_missing_value=-1).fit_transform(
        X[ADULT_CATEGORICAL].astype(str)
    )
    X = X.astype(np.float64)

    t0 = time.perf_counter()
    forest = RandomForestClassifier(
        n_estimators=args.trees, random_state=0, n_jobs=os.cpu_count()
    ).fit(X, y)
    fit_s = time.perf_counter() - t0
    forest.set_params(n_jobs=None)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "forest.joblib"
        joblib.dump(forest, path)
        size_mib = path.stat().st_size / 2**20
        path.read_bytes()  # into the page cache: every load below is warm
        load_plain, _ = timed(lambda: joblib.load(path), args.repeat)
        load_safe, loaded = timed(lambda: load_model(path, contain=False).estimator, args.repeat)
        load_contained, _ = timed(lambda: load_model(path), args.repeat)
        pkl = Path(tmp) / "forest.pkl"
        pkl.write_bytes(pickle.dumps(forest, protocol=5))
        pickle_plain, _ = timed(lambda: pickle.loads(pkl.read_bytes()), args.repeat)
        pickle_safe, _ = timed(lambda: load_model(pkl, contain=False), args.repeat)
        old = previous_loader()
        load_old = timed(lambda: old.restricted_load(path), args.repeat)[0] if old else None
        # The command line's shape: a fresh interpreter forks one child for the command.
        import subprocess
        import sys

        def cli_shape(mode: str) -> float:
            runs = [
                float(
                    subprocess.run(
                        [sys.executable, "-c", CLI_SHAPE, str(path), mode],
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout
                )
                for _ in range(args.repeat)
            ]
            return min(runs)

        cli_inside, cli_contained = cli_shape("here"), cli_shape("child")
        data_path = Path(tmp) / "data.joblib"
        joblib.dump((X, y), data_path)
        fresh = [
            [
                float(v)
                for v in subprocess.run(
                    [sys.executable, "-c", FRESH_SHAPE, str(path), str(data_path)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.split()
            ]
            for _ in range(args.repeat)
        ]
        fresh_load = min(f[0] for f in fresh)
        fresh_inspect = min(f[1] for f in fresh)
        model = loaded
        nodata_s, r0 = timed(lambda: modelprivacy.inspect(model), args.repeat)
        data_s, r1 = timed(lambda: modelprivacy.inspect(model, X, y), args.repeat)
        X32 = np.ascontiguousarray(X.to_numpy(np.float64), dtype=np.float32)

        def route_only() -> int:
            forest = forest_of(model, n_rows=len(X))
            return sum(leaf.size for _, _, leaf in forest.leaves(X32, prepared=True))

        route_s, routed = timed(route_only, args.repeat)

        def route_settled() -> int:
            # what MP-S105 does: a record stops once it is found alone with its label
            forest = forest_of(model, n_rows=len(X))
            settled = np.zeros(len(X), dtype=bool)
            codes = np.searchsorted(forest.classes, y)

            def then(i: int, rows: np.ndarray, leaf: np.ndarray) -> int:
                spec = forest.trees[i]
                one = spec.n_node_samples[leaf] == 1
                pred = spec.class_at(leaf[one])
                hit = rows[one] if pred is None else rows[one][pred == codes[rows[one]]]
                settled[hit] = True
                return int(rows.size)

            return sum(n for _, _, n in forest.leaves(X32, prepared=True, then=then, skip=settled))

        settled_s, settled_routed = timed(route_settled, args.repeat)
        file_s, _ = timed(lambda: modelprivacy.inspect(path), args.repeat)
        mem = {
            "load_restricted": peak_mib(lambda: load_model(path, contain=False)),
            "inspect_without_data": peak_mib(lambda: modelprivacy.inspect(model)),
            "inspect_with_data": peak_mib(lambda: modelprivacy.inspect(model, X, y)),
        }

    alone = next(f for f in r1.findings if f.check_id == "MP-S105" and f.severity.value == "high")
    out = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}",
        "trees": args.trees,
        "records": len(X),
        "model_file_mib": round(size_mib, 1),
        "fit_s": round(fit_s, 2),
        "load_joblib_s": round(load_plain, 3),
        "load_restricted_s": round(load_safe, 3),
        "inspect_without_data_s": round(nodata_s, 3),
        "inspect_with_data_s": round(data_s, 3),
        "inspect_file_without_data_s": round(file_s, 3),
        "route_in_bag_records_s": round(route_s, 3),
        "records_routed": int(routed),
        "route_until_settled_s": round(settled_s, 3),
        "records_routed_until_settled": int(settled_routed),
        "ratio_route_to_load": round(route_s / load_plain, 2),
        "ratio_inspect_without_data_to_load": round(nodata_s / load_plain, 2),
        "ratio_inspect_with_data_to_load": round(data_s / load_plain, 2),
        "fresh_interpreter_load_joblib_s": round(fresh_load, 3),
        "fresh_interpreter_inspect_with_data_s": round(fresh_inspect, 3),
        "ratio_fresh_inspect_with_data_to_fresh_load": round(fresh_inspect / fresh_load, 2),
        "ratio_restricted_to_plain_load": round(load_safe / load_plain, 2),
        "load_previous_loader_s": round(load_old, 3) if load_old else None,
        "ratio_restricted_to_previous_loader": round(load_safe / load_old, 2) if load_old else None,
        "cli_load_in_process_s": round(cli_inside, 3),
        "cli_load_in_child_process_s": round(cli_contained, 3),
        "cli_child_process_cost_s": round(cli_contained - cli_inside, 3),
        "load_contained_s": round(load_contained, 3),
        "child_process_cost_s": round(load_contained - 2 * load_safe, 3),
        "pickle_loads_s": round(pickle_plain, 3),
        "pickle_restricted_s": round(pickle_safe, 3),
        "ratio_pickle_restricted_to_plain": round(pickle_safe / pickle_plain, 2),
        "peak_traced_mib": {k: round(v, 1) for k, v in mem.items()},
        "findings_without_data": len(r0.findings),
        "people_alone_in_a_leaf": alone.records.count,
        "label_recovered": alone.evidence["label_recovered"],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "inspect_speed.json").write_text(json.dumps(out, indent=2) + "\n")
    md = [
        "# Inspection speed: 500-tree RandomForest on UCI Adult",
        "",
        f"Machine: {out['machine']}. Command: `python benchmarks/inspect_speed.py` (best of {args.repeat} warm runs).",
        "",
        "| step | seconds | ratio to joblib.load | peak traced MiB |",
        "|---|---:|---:|---:|",
        f"| joblib.load (plain, unsafe) | {load_plain:.3f} | 1.00 | |",
        f"| restricted load (modelprivacy, in this process) | {load_safe:.3f} | {load_safe / load_plain:.2f} | {mem['load_restricted']:.0f} |",
        f"| restricted load before issue 10 (commit dca40e2, same run) | {load_old or float('nan'):.3f} | {(load_old or float('nan')) / load_plain:.2f} | |",
        f"| restricted load, checked in a child process first (API default) | {load_contained:.3f} | {load_contained / load_plain:.2f} | |",
        f"| command-line shape, fresh interpreter: restricted load in this process | {cli_inside:.3f} | {cli_inside / load_plain:.2f} | |",
        f"| command-line shape: the same load in one forked child (run_contained) | {cli_contained:.3f} | {cli_contained / load_plain:.2f} | |",
        f"| the same forest as a plain pickle (protocol 5): pickle.loads | {pickle_plain:.3f} | {pickle_plain / load_plain:.2f} | |",
        f"| the plain pickle, restricted load | {pickle_safe:.3f} | {pickle_safe / load_plain:.2f} | |",
        f"| inspect, model only | {nodata_s:.3f} | {nodata_s / load_plain:.2f} | {mem['inspect_without_data']:.0f} |",
        f"| inspect, with the 32,561 training records | {data_s:.3f} | {data_s / load_plain:.2f} | {mem['inspect_with_data']:.0f} |",
        f"| fresh interpreter (a user's shape): joblib.load | {fresh_load:.3f} | {fresh_load / load_plain:.2f} | |",
        f"| fresh interpreter: the first inspection with the training records, after that load | {fresh_inspect:.3f} | {fresh_inspect / load_plain:.2f} | |",
        f"| route every tree's in-bag records (models.trees, {os.cpu_count()} threads) | {route_s:.3f} | {route_s / load_plain:.2f} | |",
        f"| of the inspection: route each record until it is found alone with its label | {settled_s:.3f} | {settled_s / load_plain:.2f} | |",
        "",
        f"Model file: {size_mib:.0f} MiB, {args.trees} trees, fitted in {fit_s:.1f} s. With the data, "
        f"{alone.records.count:,} of {len(X):,} people sit alone in a leaf of at least one tree; the leaf "
        f"gives away the income label of {alone.evidence['label_recovered']:,} of them.",
        "",
        f"Routing sends {routed:,} (record, tree) pairs through scikit-learn's own Tree.apply "
        f"(float32, as the trees compare): {route_s / routed * 1e9 * (os.cpu_count() or 1):.0f} ns "
        "of CPU per pair. MP-S105 stops routing a record once it is found alone in a leaf with its "
        "label, which no further tree can change: it routes "
        f"{settled_routed:,} pairs ({settled_routed / routed:.0%}), most of them through the trees "
        "of the people who are never alone. The rest of the inspection with data is the model-only "
        "work (walk, thresholds) plus regenerating the 500 bootstrap samples and counting.",
        "",
        "Loads repeated in one process reuse the memory the previous load freed, so the warm "
        f"joblib.load above ({load_plain:.3f} s) is faster than what a user pays: in a fresh "
        f"interpreter with the file in the page cache it took {fresh_load:.3f} s, and the first "
        f"inspection with the data there took {fresh_inspect:.3f} s "
        f"({fresh_inspect / fresh_load:.2f}x that load; {data_s / load_plain:.2f}x the repeated "
        "in-process load). The goal of the issue, inspection with the data within 2x the warm "
        "load, is measured against the repeated in-process load.",
        "",
        "The restricted loader scans the whole opcode stream before anything runs, then unpickles "
        "in pure Python with checked calls and validates the object graph: "
        + (
            f"{load_safe / load_old:.2f}x the time of the loader before issue 10. "
            if load_old
            else ""
        )
        + "The command line runs the whole command in one forked child process and loads once: "
        f"the load in the child took {cli_contained - cli_inside:+.3f} s against the same load "
        "in the process itself (the child ends with os._exit and never frees the model; a "
        "negative figure means no measurable cost). The Python API's "
        "default loads the file in a child process first and then again in the caller, from "
        "a process that here holds the fitted forest and the data: the fork, the pipe and the "
        f"exit cost {max(load_contained - 2 * load_safe, 0):.3f} s beyond the two loads "
        "(load_model(..., contain=False) skips the child).",
        "",
    ]
    (RESULTS / "inspect_speed.md").write_text("\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
