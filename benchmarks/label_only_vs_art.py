"""Label-only membership inference: modelprivacy against IBM ART on identical targets and records.

Every attack here sees the target's predicted labels only: ours calls
``predict``; ART's classifier wraps a view of the model that has ``predict``
and no ``predict_proba`` (ART then one-hot encodes the labels).

For each dataset (sklearn's digits and breast cancer; UCI Adult, one-hot
encoded, a random sample of ``--adult-rows`` records) the records are split
50/50 into members (the target's training set) and non-members, and each set
again in halves: ART calibrates its decision-boundary threshold on the first
halves (known members and non-members, as its documentation does:
``calibrate_distance_threshold(x_train, y_train, x_test, y_test)``), and every
attack is scored on the second halves (the evaluation records).

- modelprivacy ``label_only_membership``: correctness, robustness and
  boundary distance under seeded perturbations, combined (``label_only``,
  no reference model) and calibrated per record by K=8 reference models
  (``label_lira_offline`` / ``label_lira_online``). It never learns which
  records are members.
- ART 1.20 ``LabelOnlyGapAttack`` (correct label = member) on every
  evaluation record.
- ART 1.20 ``LabelOnlyDecisionBoundary``: HopSkipJump's distance to the
  boundary (0 when misclassified), the score its ``infer`` thresholds. HopSkipJump
  is slow (hundreds of model calls per record), so it runs on a capped random
  subset of the evaluation records (``--hsj-records`` members and as many
  non-members; calibration on ``--hsj-calibration`` of each) with capped
  iterations (``--hsj-iter``, ``--hsj-eval``); on that subset every attack is
  scored again, side by side.

AUC and TPR at 1% FPR come from per-record scores through the same code
(:mod:`modelprivacy.stats`); a TPR whose 1% FPR falls inside a tie of scores is
marked unresolved (``*``): no threshold reaches it without breaking the tie.
Wall time per attack family. ART is an optional extra (``pip install -e
.[bench]``). Writes benchmarks/results/label_only_vs_art.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from mia_vs_art import stratified_halves  # the side-by-side benchmarks' split
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.datasets import load_breast_cancer, load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.attacks.label_only import label_only_membership
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET, load_adult
from modelprivacy.stats import auc, tpr_at_fpr_interval

os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).parent / "results"
TARGETS = {
    "DecisionTree": DecisionTreeClassifier(random_state=0),
    "RandomForest": RandomForestClassifier(random_state=0),
    "LogisticRegression": LogisticRegression(max_iter=2000),
    "MLP": MLPClassifier(hidden_layer_sizes=(64,), max_iter=300, random_state=0),
}


class LabelsOnly(ClassifierMixin, BaseEstimator):
    """A fitted classifier seen through its labels: ``predict`` and ``classes_`` only."""

    def __init__(self, model: Any = None) -> None:
        self.model = model

    @property
    def classes_(self) -> np.ndarray:
        return np.asarray(self.model.classes_)

    @property
    def n_features_in_(self) -> int:
        return int(self.model.n_features_in_)

    def fit(self, X: Any, y: Any) -> LabelsOnly:
        raise NotImplementedError("a view of a fitted model")

    def predict(self, X: Any) -> np.ndarray:
        return np.asarray(self.model.predict(X))


def datasets(adult_rows: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    Xd, yd = load_digits(return_X_y=True)
    Xb, yb = load_breast_cancer(return_X_y=True)
    adult = load_adult(subset="all")
    if adult_rows:
        adult = adult.sample(n=adult_rows, random_state=0)
    cat = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit_transform(
        adult[ADULT_CATEGORICAL].fillna("missing")
    )
    num = StandardScaler().fit_transform(adult[ADULT_NUMERIC].to_numpy(dtype=float))
    ya = (adult[ADULT_TARGET] == ">50K").to_numpy(dtype=int)
    return {
        "digits": (Xd.astype(float), yd),
        "breast_cancer": (Xb.astype(float), yb),
        "adult": (np.hstack([num, cat]), ya),
    }


def metrics(scores: np.ndarray, is_member: np.ndarray) -> dict[str, Any]:
    s_in, s_out = scores[is_member], scores[~is_member]
    t = tpr_at_fpr_interval(s_in, s_out, 0.01)
    return {"auc": round(auc(s_in, s_out), 3), "tpr_1%": round(t.value, 3), "resolved": t.resolved}


def hsj_distances(classifier: Any, x: np.ndarray, y: np.ndarray, **kwargs: Any) -> np.ndarray:
    """The distances ``LabelOnlyDecisionBoundary.infer`` thresholds (0 when misclassified)."""
    from art.attacks.evasion.hop_skip_jump import HopSkipJump

    onehot = np.eye(classifier.nb_classes)[y]
    np.random.seed(0)  # HopSkipJump draws from numpy's global generator
    x_adv = HopSkipJump(classifier=classifier, targeted=False, verbose=False, **kwargs).generate(
        x=x, y=onehot
    )
    distance = np.linalg.norm((x_adv - x).reshape(len(x), -1), ord=2, axis=1)
    distance[np.argmax(classifier.predict(x), axis=1) != y] = 0
    return distance


def run(
    name: str, X: np.ndarray, y: np.ndarray, targets: list[str], args: Any
) -> list[dict[str, Any]]:
    from art.attacks.inference.membership_inference import (
        LabelOnlyDecisionBoundary,
        LabelOnlyGapAttack,
    )
    from art.estimators.classification.scikitlearn import ScikitlearnClassifier

    members, nonmembers = stratified_halves(y, 0)
    hm, hn = len(members) // 2, len(nonmembers) // 2
    eval_idx = np.r_[members[hm:], nonmembers[hn:]]
    is_member_eval = np.r_[np.ones(len(members) - hm, bool), np.zeros(len(nonmembers) - hn, bool)]
    # positions of the evaluation records among ours (members first, then non-members)
    pos = np.r_[np.arange(hm, len(members)), len(members) + np.arange(hn, len(nonmembers))]
    hsj = {"max_iter": args.hsj_iter, "max_eval": args.hsj_eval, "init_eval": args.hsj_init_eval}
    rows = []
    for tname in targets:
        # the HopSkipJump subset: a seeded sample of each evaluation half, and of each
        # calibration half (fewer for the forest, whose every call costs 100 trees)
        pick = np.random.default_rng(1)
        cap = args.hsj_records_forest if tname == "RandomForest" else args.hsj_records
        n_h = min(cap, len(members) - hm, len(nonmembers) - hn)
        sub = np.r_[
            np.sort(pick.choice(len(members) - hm, n_h, replace=False)),
            len(members) - hm + np.sort(pick.choice(len(nonmembers) - hn, n_h, replace=False)),
        ]
        n_c = min(args.hsj_calibration if tname != "RandomForest" else n_h // 2, hm, hn)
        cal_m = members[np.sort(pick.choice(hm, n_c, replace=False))]
        cal_n = nonmembers[np.sort(pick.choice(hn, n_c, replace=False))]
        model = clone(TARGETS[tname]).fit(X[members], y[members])
        t0 = time.perf_counter()
        result = label_only_membership(
            model,
            X[members],
            X[nonmembers],
            y_train=y[members],
            y_holdout=y[nonmembers],
            reference_models=args.k,
            seed=0,
        )
        ours_s = time.perf_counter() - t0
        ours = {a: s[pos] for a, s in result.scores.items()}
        # the generic wrapper: SklearnClassifier refuses classes outside sklearn's modules
        classifier = ScikitlearnClassifier(model=LabelsOnly(model))
        t0 = time.perf_counter()
        gap = LabelOnlyGapAttack(classifier).infer(X[eval_idx], y[eval_idx]).astype(float)
        gap_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        boundary = LabelOnlyDecisionBoundary(classifier)
        np.random.seed(0)
        boundary.calibrate_distance_threshold(
            X[cal_m], y[cal_m], X[cal_n], y[cal_n], verbose=False, **hsj
        )
        dist = hsj_distances(classifier, X[eval_idx[sub]], y[eval_idx[sub]], **hsj)
        hsj_s = time.perf_counter() - t0
        tau = float(boundary.distance_threshold_tau or 0.0)
        flagged = dist > tau
        sub_member = is_member_eval[sub]
        row: dict[str, Any] = {
            "dataset": name,
            "target": tname,
            "members": len(members),
            "eval_members": int(is_member_eval.sum()),
            "eval_nonmembers": int((~is_member_eval).sum()),
            "hsj_records": int(n_h),
            "hsj_calibration": int(n_c),
            "train_acc": round(float(model.score(X[members], y[members])), 3),
            "test_acc": round(float(model.score(X[nonmembers], y[nonmembers])), 3),
            "ours_queries": int(result.queries or 0),
            "ours_s": round(ours_s, 2),
            "art_gap_s": round(gap_s, 2),
            "art_boundary_s": round(hsj_s, 2),
            "art_boundary_tau": round(tau, 4),
            "art_boundary_calibrated": {
                "tpr": round(float(flagged[sub_member].mean()), 3),
                "fpr": round(float(flagged[~sub_member].mean()), 3),
            },
            "all_eval": {
                **{f"ours_{a}": metrics(s, is_member_eval) for a, s in ours.items()},
                "art_gap": metrics(gap, is_member_eval),
            },
            "hsj_subset": {
                **{f"ours_{a}": metrics(s[sub], sub_member) for a, s in ours.items()},
                "art_gap": metrics(gap[sub], sub_member),
                "art_boundary": metrics(dist, sub_member),
            },
        }
        rows.append(row)
        a, h = row["all_eval"], row["hsj_subset"]
        best = _best_ours(a)
        print(
            f"{name:13s} {tname:18s} ours {best:26s} auc {a[best]['auc']:.3f} tpr1 {a[best]['tpr_1%']:.3f} "
            f"| art gap auc {a['art_gap']['auc']:.3f} | subset: ours {h[best]['auc']:.3f} art boundary "
            f"{h['art_boundary']['auc']:.3f} | ours {ours_s:.1f}s hsj {hsj_s:.1f}s",
            flush=True,
        )
    return rows


def _best_ours(block: dict[str, Any]) -> str:
    """Our attack with the highest AUC (ties: TPR at 1% FPR)."""
    ours = [k for k in block if k.startswith("ours_")]
    return max(ours, key=lambda k: (block[k]["auc"], block[k]["tpr_1%"]))


def _tpr(m: dict[str, Any]) -> str:
    return f"{m['tpr_1%']:.1%}" + ("" if m["resolved"] else "*")


def write(rows: list[dict[str, Any]], settings: dict[str, Any], machine: str, name: str) -> None:
    """Write the rows as benchmarks/results/NAME.{json,md}."""
    import art

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(
        json.dumps({"machine": machine, "settings": settings, "rows": rows}, indent=2) + "\n"
    )
    s = settings
    lines = [
        f"# Label-only membership inference: modelprivacy against IBM ART {art.__version__}",
        "",
        f"Machine: {machine}, shared with other jobs (seconds are indicative). Command: "
        f"`{s['command']}`. Every attack sees predicted labels only. 50/50 members; scored on the "
        "evaluation halves (ART calibrates on the other halves). Ours: the best of "
        f"`label_only_membership`'s attacks by AUC (K={s['k']} reference models for "
        "`label_lira_*`; `label_only` is the score without them), chosen on the scored records themselves, which "
        "favours ours a little (ART has one attack per column). ART's decision-boundary "
        f"attack (HopSkipJump, capped at max_iter={s['hsj_iter']}, max_eval={s['hsj_eval']}, "
        f"init_eval={s['hsj_init_eval']}) runs on a seeded subset of the evaluation records "
        f"({s['hsj_records']} members and as many non-members; {s['hsj_records_forest']} for the "
        f"forest, whose HopSkipJump took minutes per dataset), its threshold calibrated on "
        f"{s['hsj_calibration']} of each calibration half (half the subset for the forest); every "
        "attack is scored again on that subset. `*`: TPR at 1% FPR unresolved (a tie of scores "
        "straddles 1% FPR; the value is the TPR at the last FPR below it); with fewer than 100 "
        "non-members the TPR at 1% FPR is the TPR at zero false positives. Seconds: ours for all "
        "records (the target and K reference models fitted and queried), ART's boundary attack "
        "for its subset (calibration included); ART's gap attack takes well under a second.",
        "",
        "| dataset | target | train/test acc | ours: attack | AUC | TPR@1% | `label_only` AUC "
        "| ART gap AUC | TPR@1% | subset n | subset: ours AUC | TPR@1% | ART boundary AUC "
        "| TPR@1% | ART gap AUC | our queries | ours s | ART boundary s |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        a, h = r["all_eval"], r["hsj_subset"]
        best = _best_ours(a)
        lines.append(
            f"| {r['dataset']} | {r['target']} | {r['train_acc']:.3f}/{r['test_acc']:.3f} | "
            f"{best.removeprefix('ours_')} | {a[best]['auc']:.3f} | {_tpr(a[best])} | "
            f"{a['ours_label_only']['auc']:.3f} | "
            f"{a['art_gap']['auc']:.3f} | {_tpr(a['art_gap'])} | {r['hsj_records']} | "
            f"{h[best]['auc']:.3f} | {_tpr(h[best])} | {h['art_boundary']['auc']:.3f} | "
            f"{_tpr(h['art_boundary'])} | {h['art_gap']['auc']:.3f} | {r['ours_queries']:,} | "
            f"{r['ours_s']:.1f} | {r['art_boundary_s']:.1f} |"
        )
    lines.append("")
    (RESULTS / f"{name}.md").write_text("\n".join(lines))
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--adult-rows", type=int, default=5000)
    parser.add_argument("--targets", nargs="+", default=list(TARGETS))
    parser.add_argument("--datasets", nargs="+", default=["digits", "breast_cancer", "adult"])
    parser.add_argument("--k", type=int, default=8, help="our reference models")
    parser.add_argument("--hsj-records", type=int, default=100)
    parser.add_argument("--hsj-records-forest", type=int, default=25)
    parser.add_argument("--hsj-calibration", type=int, default=25)
    parser.add_argument("--hsj-iter", type=int, default=2)
    parser.add_argument("--hsj-eval", type=int, default=50)
    parser.add_argument("--hsj-init-eval", type=int, default=10)
    parser.add_argument("--name", default="label_only_vs_art")
    parser.add_argument(
        "--merge",
        nargs="+",
        metavar="JSON",
        help="write NAME from the rows of earlier runs (e.g. one process per dataset)",
    )
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    import art

    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}, ART {art.__version__}"
    )
    if args.merge:
        parts = [json.loads(Path(p).read_text()) for p in args.merge]
        rows = [r for part in parts for r in part["rows"]]
        settings = {**parts[0]["settings"], "merged": [p["settings"]["command"] for p in parts]}
        settings["command"] = "; ".join(settings["merged"])
        write(rows, settings, machine, args.name)
        return
    data = datasets(args.adult_rows)
    rows = []
    for name in args.datasets:
        rows += run(name, *data[name], args.targets, args)
    settings = {k: v for k, v in vars(args).items() if k != "merge"}
    settings["command"] = "nice -n 5 python benchmarks/label_only_vs_art.py " + " ".join(
        sys.argv[1:]
    )
    write(rows, settings, machine, args.name)


if __name__ == "__main__":
    main()
