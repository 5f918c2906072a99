"""Inspection time of a 500-tree RandomForest fitted on UCI Adult, against load time.

Fits a default RandomForestClassifier (500 trees) on the 32,561 people of the
bundled Adult training data (categorical columns ordinal-encoded), saves it
with joblib, and measures in this one process:

- load: ``joblib.load`` (plain) and ``modelprivacy.load.load_model`` (restricted);
- inspect without data (what the file alone reveals) and with the training data
  (every record routed through every tree it was trained on);
- peak traced memory of each step (tracemalloc, in a separate untimed pass).

Each timing is the median of ``--repeat`` runs. The goal of the issue: inspection
within 2x the load time. Writes benchmarks/results/inspect_speed.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
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

RESULTS = Path(__file__).parent / "results"


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def peak_mib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trees", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
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
        load_plain, _ = timed(lambda: joblib.load(path), args.repeat)
        load_safe, loaded = timed(lambda: load_model(path).estimator, args.repeat)
        model = loaded
        nodata_s, r0 = timed(lambda: modelprivacy.inspect(model), args.repeat)
        data_s, r1 = timed(lambda: modelprivacy.inspect(model, X, y), args.repeat)
        file_s, _ = timed(lambda: modelprivacy.inspect(path), args.repeat)
        mem = {
            "load_restricted": peak_mib(lambda: load_model(path)),
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
        "ratio_inspect_without_data_to_load": round(nodata_s / load_plain, 2),
        "ratio_inspect_with_data_to_load": round(data_s / load_plain, 2),
        "ratio_restricted_to_plain_load": round(load_safe / load_plain, 2),
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
        f"Machine: {out['machine']}. Command: `python benchmarks/inspect_speed.py` (median of {args.repeat}).",
        "",
        "| step | seconds | ratio to joblib.load | peak traced MiB |",
        "|---|---:|---:|---:|",
        f"| joblib.load (plain, unsafe) | {load_plain:.3f} | 1.00 | |",
        f"| restricted load (modelprivacy) | {load_safe:.3f} | {load_safe / load_plain:.2f} | {mem['load_restricted']:.0f} |",
        f"| inspect, model only | {nodata_s:.3f} | {nodata_s / load_plain:.2f} | {mem['inspect_without_data']:.0f} |",
        f"| inspect, with the 32,561 training records | {data_s:.3f} | {data_s / load_plain:.2f} | {mem['inspect_with_data']:.0f} |",
        "",
        f"Model file: {size_mib:.0f} MiB, {args.trees} trees, fitted in {fit_s:.1f} s. With the data, "
        f"{alone.records.count:,} of {len(X):,} people sit alone in a leaf of at least one tree; the leaf "
        f"gives away the income label of {alone.evidence['label_recovered']:,} of them.",
        "",
    ]
    (RESULTS / "inspect_speed.md").write_text("\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
