"""Ties of a fully grown decision tree's scores, before and after the leaf-count signal.

A default (fully grown) DecisionTreeClassifier is fitted on a seeded half of
sklearn's digits; the other half are non-members. K reference models are
fitted as ``membership_inference`` fits them, and every attack is scored twice
from the same reference models' fits: with the usual signal (the logit of
``predict_proba``, 0 or 1 in pure leaves) and with ``Target(...,
leaf_counts=True)`` (the logit of the leaf's smoothed training counts,
:func:`modelprivacy.attacks.target.leaf_proba`). For each split, K and attack
it reports the number of distinct scores, the TPR at 1% FPR (or "unresolved"
with the tie that straddles 1%) and the AUC. Writes
benchmarks/results/tree_ties.{json,md}. Run: ``python benchmarks/tree_ties.py``.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.tree import DecisionTreeClassifier

from modelprivacy import stats
from modelprivacy.attacks.membership import attack_scores, choose_rmia_offline_a
from modelprivacy.attacks.reference import fit_reference_models
from modelprivacy.attacks.target import Target

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).parent / "results"
ATTACKS = ("loss", "lira_offline", "lira_online", "rmia_offline", "rmia_online")
SPLITS = (0, 1, 2)
KS = (8, 64)


def _rows() -> list[dict[str, Any]]:
    X, y = load_digits(return_X_y=True)
    rows = []
    for split in SPLITS:
        order = np.random.default_rng(split).permutation(len(y))
        tr, ho = order[: len(y) // 2], order[len(y) // 2 :]
        model = DecisionTreeClassifier(random_state=0).fit(X[tr], y[tr])
        X_all, y_all = np.r_[X[tr], X[ho]], np.r_[y[tr], y[ho]]
        member = np.r_[np.ones(len(tr), dtype=bool), np.zeros(len(ho), dtype=bool)]
        for k in KS:
            for leaf_counts in (False, True):
                tgt = Target(model, leaf_counts=leaf_counts)
                # the same seed gives the same reference models' fits for both signals
                ref = fit_reference_models(
                    tgt, X_all, y_all, k=k, random_state=np.random.default_rng(split)
                )
                signal = tgt.signal(X_all, y_all)
                a = choose_rmia_offline_a(ref)
                for name in ATTACKS:
                    s = attack_scores(name, signal, ref, None, a=a)
                    t = stats.tpr_at_fpr_interval(s[member], s[~member], 0.01)
                    rows.append(
                        {
                            "split": split,
                            "k": k,
                            "signal": "leaf counts" if leaf_counts else "predict_proba",
                            "attack": name,
                            "distinct_scores": int(np.unique(s).size),
                            "tpr_at_1pct": t.value if t.resolved else None,
                            "tie": None if t.tie is None else t.tie.to_dict(),
                            "tie_text": None if t.tie is None else str(t.tie),
                            "fpr_achieved": t.fpr_achieved,
                            "auc": stats.auc(s[member], s[~member]),
                        }
                    )
    return rows


def _markdown(rows: list[dict[str, Any]]) -> str:
    out = [
        "# Fully grown decision tree on digits: ties before and after the leaf-count signal",
        "",
        f"sklearn {sklearn.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Run: `python benchmarks/tree_ties.py`.",
        "",
        "| split | K | signal | attack | distinct scores | TPR at 1% FPR | AUC |",
        "|---:|---:|---|---|---:|---|---:|",
    ]
    for r in rows:
        tpr = f"{r['tpr_at_1pct']:.1%}" if r["tie"] is None else f"unresolved ({r['tie_text']})"
        out.append(
            f"| {r['split']} | {r['k']} | {r['signal']} | {r['attack']} | {r['distinct_scores']:,} "
            f"| {tpr} | {r['auc']:.3f} |"
        )
    return "\n".join(out) + "\n"


def main() -> None:
    """Run the benchmark and write its JSON and Markdown results."""
    rows = _rows()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "tree_ties.json").write_text(json.dumps(rows, indent=1) + "\n")
    text = _markdown(rows)
    (RESULTS / "tree_ties.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
