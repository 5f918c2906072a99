"""Which variance LiRA should use, from 8 to 256 reference models, on 18 targets.

The targets and split of benchmarks/mia_vs_peers.py (DecisionTree,
LogisticRegression, XGBoost, RandomForest, MLP and HistGradientBoosting on
breast cancer, digits and a 2,000-record sample of Adult; one seeded 50/50
split). For each target, 256 reference models are fitted once
(``fit_reference_models``, seed 0, every record IN for 128 of them); LiRA's
scores are then computed from disjoint groups of K of them (32 groups of 8,
16 of 16, ..., one of 256), and TPR at 1% FPR and AUC averaged over the
groups, for each way of estimating the variance of the IN and OUT Gaussians:

- ``per-record``: each record's own (Carlini et al.'s per-example variance);
- ``pooled``: over the records of similar mean signal (20 quantile bins);
- ``global``: one for all records (Carlini et al.'s fixed variance);
- ``shrunk``: the record's own shrunk toward the pooled one, which counts as
  ``PRIOR_DOF`` observations (modelprivacy's default), and the same with 8 and
  32 observations.

The same signals feed every variant, so the differences are the estimator's
alone. RMIA (online) is listed beside them. Writes
benchmarks/results/lira_variance.{json,md}. Run: ``python
benchmarks/lira_variance.py`` (about 15 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")
sys.path.insert(0, str(Path(__file__).parent))

import mia_vs_peers
import numpy as np
import sklearn

from modelprivacy.attacks import membership
from modelprivacy.attacks.reference import ReferenceSignals, fit_reference_models
from modelprivacy.attacks.target import Target
from modelprivacy.stats import auc, tpr_at_fpr

RESULTS = Path(__file__).parent / "results"
KS = (8, 16, 32, 64, 128, 256)
DEFAULT = f"shrunk {membership.PRIOR_DOF}"
VARIANTS = ("per-record", "pooled", "global", "shrunk 8", DEFAULT, "shrunk 32")


def lira(t: np.ndarray, ref: ReferenceSignals, online: bool, variant: str) -> np.ndarray:
    """LiRA's scores with one variance estimator (``shrunk N``: N prior observations)."""
    if variant.startswith("shrunk"):
        prior = int(variant.split()[1])
        return membership.lira_scores(t, ref, online=online, variance="shrunk", prior_dof=prior)
    return membership.lira_scores(t, ref, online=online, variance=variant)


def one_target(X: np.ndarray, y: np.ndarray, name: str, k_max: int) -> dict[str, Any]:
    """TPR at 1% FPR and AUC of every variant, averaged over disjoint groups of K models."""
    order = np.random.default_rng(0).permutation(len(y))
    mem, non = order[: len(y) // 2], order[len(y) // 2 :]
    is_member = np.r_[np.ones(len(mem), bool), np.zeros(len(non), bool)]
    Xa, ya = np.r_[X[mem], X[non]], np.r_[y[mem], y[non]]
    model = mia_vs_peers.build(mia_vs_peers.SPECS[name]).fit(X[mem], y[mem])
    tgt = Target(model)
    t0 = time.perf_counter()
    ref = fit_reference_models(
        tgt, Xa, ya, k=k_max, random_state=np.random.default_rng(0), n_jobs=os.cpu_count()
    )
    fit_s = time.perf_counter() - t0
    t = tgt.signal(Xa, ya)
    out: dict[str, Any] = {"fit_s": round(fit_s, 1), "k": {}}
    for k in (k for k in KS if k <= k_max):
        groups = [slice(g * k, (g + 1) * k) for g in range(k_max // k)]
        per: dict[str, Any] = {}
        for online in (False, True):
            names = [*VARIANTS] + (["rmia_online"] if online else [])
            for v in names:
                tprs, aucs = [], []
                for g in groups:
                    sub = ReferenceSignals(ref.membership[g], ref.signals[g], signal=ref.signal)
                    if v == "rmia_online":
                        s = membership.attack_scores("rmia_online", t, sub)
                    else:
                        s = lira(t, sub, online, v)
                    tprs.append(tpr_at_fpr(s[is_member], s[~is_member], 0.01))
                    aucs.append(auc(s[is_member], s[~is_member]))
                key = v if v == "rmia_online" else f"{'online' if online else 'offline'} {v}"
                per[key] = {
                    "tpr_1%": round(float(np.mean(tprs)), 4),
                    "auc": round(float(np.mean(aucs)), 4),
                }
        out["k"][str(k)] = {"groups": len(groups), "scores": per}
    return out


def summary(rows: dict[str, Any]) -> dict[str, Any]:
    """Per K and mode: each variant's mean TPR as a share of the best variant's, over targets."""
    out: dict[str, Any] = {}
    for k in KS:
        for mode in ("offline", "online"):
            shares: dict[str, list[float]] = {v: [] for v in VARIANTS}
            for row in rows.values():
                scores = row["k"].get(str(k), {}).get("scores")
                if not scores:
                    continue
                tpr = {v: scores[f"{mode} {v}"]["tpr_1%"] for v in VARIANTS}
                best = max(tpr.values())
                if best <= 0:
                    continue
                for v in VARIANTS:
                    shares[v].append(tpr[v] / best)
            if shares[VARIANTS[0]]:
                out[f"{k} {mode}"] = {v: round(float(np.mean(s)), 3) for v, s in shares.items()} | {
                    "targets": len(shares[VARIANTS[0]])
                }
    return out


def render(doc: dict[str, Any]) -> str:
    lines = [
        "# LiRA's variance: per record, pooled, global or shrunk, from K=8 to 256",
        "",
        f"Machine: {doc['machine']}. Command: `python benchmarks/lira_variance.py`. "
        "Targets and split of benchmarks/mia_vs_peers.py; 256 reference models per target "
        "fitted once, scores from disjoint groups of K of them (256 / K groups), TPR at 1% FPR "
        "and AUC averaged over the groups. `shrunk N`: each record's variance shrunk toward the "
        "level-pooled one, which counts as N observations; modelprivacy's default is "
        f"`{DEFAULT}`.",
        "",
        "## Mean TPR at 1% FPR as a share of the best variant's (over targets)",
        "",
        "| K | mode | targets | " + " | ".join(VARIANTS) + " |",
        "|---:|---|---:|" + "---:|" * len(VARIANTS),
    ]
    for key, s in doc["summary"].items():
        k, mode = key.split()
        cells = [k, mode, str(s["targets"]), *[f"{s[v]:.3f}" for v in VARIANTS]]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "## TPR at 1% FPR (AUC) per target",
        "",
    ]
    head = [f"{m} {v}" for m in ("offline", "online") for v in VARIANTS] + ["rmia_online"]
    lines.append("| target | K | " + " | ".join(head) + " |")
    lines.append("|---|---:|" + "---:|" * len(head))
    for name, row in doc["rows"].items():
        for k, r in row["k"].items():
            cells = [name, k]
            for h in head:
                v = r["scores"][h]
                cells.append(f"{v['tpr_1%']:.3f} ({v['auc']:.3f})")
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k-max", type=int, default=256)
    parser.add_argument("--datasets", nargs="+", default=list(mia_vs_peers.DATASETS))
    parser.add_argument("--targets", nargs="+", default=list(mia_vs_peers.TARGET_NAMES))
    args = parser.parse_args()
    import warnings

    warnings.filterwarnings("ignore")
    data = mia_vs_peers.load_datasets(args.datasets, mia_vs_peers.ADULT_ROWS)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}, numpy {np.__version__}"
    )
    rows: dict[str, Any] = {}
    t0 = time.perf_counter()
    for ds in args.datasets:
        X, y = data[ds]
        for name in args.targets:
            rows[f"{ds} {name}"] = one_target(X, y, name, args.k_max)
            print(f"{ds} {name}: {rows[f'{ds} {name}']['fit_s']} s", flush=True)
    doc = {
        "machine": machine,
        "k_max": args.k_max,
        "prior_dof": membership.PRIOR_DOF,
        "total_s": round(time.perf_counter() - t0, 1),
        "rows": rows,
        "summary": summary(rows),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "lira_variance.json").write_text(json.dumps(doc, indent=1) + "\n")
    (RESULTS / "lira_variance.md").write_text(render(doc))
    print(render(doc))


if __name__ == "__main__":
    main()
