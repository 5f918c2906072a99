"""What the default release-mode table costs: an audit with every mode against ``release="file"``.

Audits three models fitted on a seeded sample of UCI Adult (a random forest, a
logistic regression on one-hot columns, a histogram gradient boosting), with
``sex`` and ``race`` as sensitive columns and K=8 reference models, once with
``release="file"`` (the file's verdict alone) and once with the default (file,
scores, rounded:2, top:1, labels). Reports the wall time of each, their
ratio, the reference fits each made (the served modes share the file mode's),
and the time of the served modes' step. The two audits of a model run one
after the other in this process, so their seconds compare. Writes
benchmarks/results/release_cost.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.compose import make_column_transformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from modelprivacy.attacks.reference import reference_fits
from modelprivacy.auditing import audit
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_TARGET, load_adult

os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")  # time the fits, not the cache
os.environ.setdefault("MODELPRIVACY_PROGRESS", "0")

RESULTS = Path(__file__).parent / "results"
SENSITIVE = ["sex", "race"]


def models() -> dict[str, Any]:
    """The audited models (unfitted), each taking Adult's columns as they are."""
    adult = load_adult()
    numeric = [c for c in adult.columns if c not in (*ADULT_CATEGORICAL, ADULT_TARGET)]
    encode = make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore"), list(ADULT_CATEGORICAL)),
        (StandardScaler(), numeric),
    )
    ordinal = make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore", sparse_output=False), list(ADULT_CATEGORICAL)),
        remainder="passthrough",
    )
    return {
        "random_forest": make_pipeline(
            ordinal, RandomForestClassifier(n_estimators=50, random_state=0)
        ),
        "logistic_regression": make_pipeline(encode, LogisticRegression(max_iter=1000)),
        "hist_gradient_boosting": make_pipeline(
            ordinal, HistGradientBoostingClassifier(random_state=0)
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=6000, help="Adult rows (half members)")
    parser.add_argument("--k", type=int, default=8)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    adult = load_adult().sample(args.rows, random_state=0).reset_index(drop=True)
    train, holdout = adult.iloc[: args.rows // 2], adult.iloc[args.rows // 2 :]
    X, y = train.drop(columns=[ADULT_TARGET]), train[ADULT_TARGET]
    rows: list[dict[str, Any]] = []
    for name, model in models().items():
        model.fit(X, y)
        row: dict[str, Any] = {"model": name}
        for how, release in (("file", "file"), ("every mode", None)):
            fits = reference_fits()
            t0 = time.perf_counter()
            result = audit(
                model,
                train,
                holdout,
                target=ADULT_TARGET,
                sensitive=SENSITIVE,
                reference_models=args.k,
                seed=0,
                release=release,
            )
            row[how] = {
                "seconds": round(time.perf_counter() - t0, 2),
                "reference_fits": reference_fits() - fits,
                "release_modes_s": round(result.timings.get("release modes", 0.0), 2),
                "attribute_s": round(result.timings.get("attribute", 0.0), 2),
                "modes": [m.mode for m in result.release],
                "verdicts": {m.mode: m.verdict.overall for m in result.release},
            }
        row["ratio"] = round(row["every mode"]["seconds"] / row["file"]["seconds"], 2)
        print(json.dumps(row), flush=True)
        rows.append(row)
    doc = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "command": "python benchmarks/release_cost.py"
        + (f" --rows {args.rows}" if args.rows != 6000 else "")
        + (f" --k {args.k}" if args.k != 8 else ""),
        "load_after": round(os.getloadavg()[0], 2),
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "release_cost.json").write_text(json.dumps(doc, indent=1) + "\n")
    lines = [
        "# The release-mode table's cost: every mode against the file alone",
        "",
        f"Machine: {doc['machine']}. Command: `{doc['command']}`. {args.rows // 2:,} members and "
        f"{args.rows - args.rows // 2:,} non-members of a seeded Adult sample, sensitive columns "
        f"sex and race, K={args.k}. One-minute load average after the run: {doc['load_after']}.",
        "",
        "| model | file only s | every mode s | ratio | reference fits (file / every mode) "
        "| served modes' step s | verdict per mode |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        f, a = r["file"], r["every mode"]
        verdicts = "; ".join(f"{m}: {v}" for m, v in a["verdicts"].items())
        lines.append(
            f"| {r['model']} | {f['seconds']} | {a['seconds']} | {r['ratio']} | "
            f"{f['reference_fits']} / {a['reference_fits']} | {a['release_modes_s']} | {verdicts} |"
        )
    (RESULTS / "release_cost.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
