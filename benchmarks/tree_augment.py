"""A candidate tie-breaker tried for fully grown decision trees: queries at small perturbations.

Issue 14 lists queries at small perturbations of the record (LiRA's
augmentations, adapted to tabular data) among the ways to break the ties of a
fully grown tree's scores. This script measures it before anything is built
on it. As in ``benchmarks/tree_ties.py``, a default DecisionTreeClassifier is
fitted on a seeded half of sklearn's digits (the other half are
non-members), and K reference models on balanced random halves of all
records. Each model's signal on a record is the logit of the mean probability
of the true label over ``M`` copies of the record with Gaussian noise of
``sigma`` times each feature's standard deviation added (the same noise for
every model; ``(sum + 0.5) / (M + 1)`` keeps the logit finite), or, at
``sigma = 0``, the usual signal (the clipped logit of ``predict_proba``).
LiRA (offline, online) and RMIA (online) score the records from those
signals. For each split, K, sigma and attack: distinct scores, TPR at 1% FPR
(or "unresolved" with the tie that straddles 1%) and AUC; the mean over the
splits closes the table.

Writes benchmarks/results/tree_augment.{json,md}. Run:
``python benchmarks/tree_augment.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.tree import DecisionTreeClassifier

from modelprivacy import stats
from modelprivacy.attacks.membership import attack_scores
from modelprivacy.attacks.reference import ReferenceSignals, balanced_membership

RESULTS = Path(__file__).parent / "results"
ATTACKS = ("lira_offline", "lira_online", "rmia_online")


def _signal(
    model: DecisionTreeClassifier,
    X: np.ndarray,
    y: np.ndarray,
    scale: np.ndarray,
    sigma: float,
    m: int,
    seed: int,
) -> np.ndarray:
    """The logit of the true label's probability, averaged over ``m`` noisy copies."""
    column = np.searchsorted(model.classes_, y)
    known = (column < model.classes_.size) & (
        model.classes_[np.minimum(column, model.classes_.size - 1)] == y
    )
    column = np.minimum(column, model.classes_.size - 1)
    rows = np.arange(len(y))
    if sigma == 0:
        p = np.where(known, model.predict_proba(X)[rows, column], 0.0)
        p = np.clip(p, 1e-16, 1 - 1e-16)
    else:
        rng = np.random.default_rng(seed)  # the same copies for every model
        total = np.zeros(len(y))
        for _ in range(m):
            noisy = X + rng.normal(size=X.shape) * scale * sigma
            total += np.where(known, model.predict_proba(noisy)[rows, column], 0.0)
        p = (total + 0.5) / (m + 1)
    return np.asarray(np.log(p) - np.log1p(-p))


def _rows(ks: list[int], sigmas: list[float], m: int, splits: list[int]) -> list[dict[str, Any]]:
    X, y = load_digits(return_X_y=True)
    X = X.astype(np.float64)
    scale = X.std(axis=0)
    n = len(y)
    rows = []
    for split in splits:
        member = np.zeros(n, dtype=bool)
        member[np.random.default_rng(split).permutation(n)[: n // 2]] = True
        target = DecisionTreeClassifier(random_state=0).fit(X[member], y[member])
        for k in ks:
            membership = balanced_membership(n, k, np.random.default_rng(100 + split))
            refs = [DecisionTreeClassifier(random_state=0).fit(X[s], y[s]) for s in membership]
            for sigma in sigmas:
                t0 = time.perf_counter()
                signal = _signal(target, X, y, scale, sigma, m, seed=7)
                ref = ReferenceSignals(
                    membership=membership,
                    signals=np.vstack([_signal(r, X, y, scale, sigma, m, seed=7) for r in refs]),
                    signal="logit",
                )
                query_s = time.perf_counter() - t0
                for name in ATTACKS:
                    s = attack_scores(name, signal, ref)
                    t = stats.tpr_at_fpr_interval(s[member], s[~member], 0.01)
                    rows.append(
                        {
                            "split": split,
                            "k": k,
                            "sigma": sigma,
                            "copies": m if sigma else 0,
                            "attack": name,
                            "distinct_scores": int(np.unique(s).size),
                            "tpr_at_1pct": t.value if t.resolved else None,
                            "tie_text": None if t.tie is None else str(t.tie),
                            "auc": stats.auc(s[member], s[~member]),
                            "query_s": round(query_s, 2),
                        }
                    )
    return rows


def _markdown(rows: list[dict[str, Any]], m: int, command: str) -> str:
    out = [
        "# Perturbed queries as a tie-breaker for a fully grown decision tree (digits)",
        "",
        f"sklearn {sklearn.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Run: `{command}`. sigma: noise in standard deviations of "
        f"each feature; {m} noisy copies per record (sigma 0: the usual signal).",
        "",
        "| split | K | sigma | attack | distinct scores | TPR at 1% FPR | AUC |",
        "|---:|---:|---:|---|---:|---|---:|",
    ]
    for r in rows:
        tpr = (
            f"{r['tpr_at_1pct']:.1%}"
            if r["tpr_at_1pct"] is not None
            else f"unresolved ({r['tie_text']})"
        )
        out.append(
            f"| {r['split']} | {r['k']} | {r['sigma']:g} | {r['attack']} | "
            f"{r['distinct_scores']:,} | {tpr} | {r['auc']:.3f} |"
        )
    out += [
        "",
        "Mean over the splits (an unresolved TPR counts as 0, the lowest it can be):",
        "",
        "| K | sigma | attack | TPR at 1% FPR | AUC |",
        "|---:|---:|---|---:|---:|",
    ]
    keys = sorted({(r["k"], r["sigma"], r["attack"]) for r in rows})
    for k, sigma, name in keys:
        sel = [r for r in rows if (r["k"], r["sigma"], r["attack"]) == (k, sigma, name)]
        tpr = float(np.mean([r["tpr_at_1pct"] or 0.0 for r in sel]))
        auc = float(np.mean([r["auc"] for r in sel]))
        out.append(f"| {k} | {sigma:g} | {name} | {tpr:.1%} | {auc:.3f} |")
    return "\n".join(out) + "\n"


def main() -> None:
    """Run the measurement and write its JSON and Markdown results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--k", type=int, nargs="+", default=[8, 64])
    parser.add_argument("--sigma", type=float, nargs="+", default=[0.0, 0.03, 0.05, 0.1])
    parser.add_argument("--copies", type=int, default=16)
    parser.add_argument("--splits", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args()
    rows = _rows(args.k, args.sigma, args.copies, args.splits)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "tree_augment.json").write_text(json.dumps(rows, indent=1) + "\n")
    text = _markdown(rows, args.copies, "python benchmarks/tree_augment.py")
    (RESULTS / "tree_augment.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
