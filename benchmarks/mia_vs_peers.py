"""Membership inference side by side: modelprivacy, SACRO-ML and IBM ART on the same targets.

Targets: scikit-learn's DecisionTree, RandomForest, HistGradientBoosting,
LogisticRegression and MLP with the parameters of benchmarks/mia_vs_art.py,
and XGBoost as in benchmarks/mia_gbdt.py, each on sklearn's digits (1,797
records, 10 classes), breast cancer (569 records) and a seeded random sample of
``--adult-rows`` UCI Adult records (numeric columns standardised, categorical
ones one-hot encoded, as in benchmarks/mia_vs_art.py). Each dataset is split
50/50, stratified by the label with one seed, into members (the target's training set)
and non-members; one target per (dataset, model) is fitted on the members and
the same arrays go to every tool.

Tools, one after the other on each target:

- SACRO-ML 2.0.1, run by benchmarks/sacro_runner.py in its own venv
  (``--sacro-python``, default ``.venv-sacro/bin/python``; ``make
  .venv-sacro/.installed`` builds it with the CPU build of PyTorch). The runner
  refits the target from the same class, parameters and seed on the same
  members, checks that its ``predict_proba`` equals ours on every record, and
  runs LiRA with ``--shadows`` shadow models (default 100) in its three modes
  (offline, online-carlini, offline-carlini; the first trains the shadow models,
  the others reuse them, so each mode's time is that training plus its own
  scoring) and QMIA.
- modelprivacy's ``membership_inference`` (LiRA and RMIA online and offline,
  loss, population) with K=8 reference models, and again with
  ``budget`` = one fifth of SACRO's LiRA time on that target (the quickest
  mode's stand-alone time), which picks K from the measured fit time.
- IBM ART 1.20's black-box attacks: ``MembershipInferenceBlackBox`` with a
  random-forest and a gradient-boosting attack model, and ``ShadowModels`` (3
  shadow models), driven by benchmarks/mia_vs_art.py's and
  benchmarks/mia_gbdt.py's own code. ART trains its attack model on labelled
  members and non-members, so it trains on the first halves of each and is
  scored on the second halves ("evaluation halves").

Metrics, the same code for every tool, from per-record scores: AUC, and TPR at
1% and 0.1% FPR from ``modelprivacy.stats.tpr_at_fpr`` with ``strict=True``,
reported as unresolved (None in the JSON) when there are too few non-members for
that FPR (``resolvable_fpr``) or a tie of scores straddles it. modelprivacy
and SACRO score every member and non-member (neither is told which is which);
ART's figures are on the evaluation halves, and ours on the same halves are in
the JSON. The goal per target: our best attack's TPR at 1% FPR (budgeted run) at
or above SACRO's best attack's, and our highest AUC at most 0.005 below SACRO's
highest. Every tool's wall time and CPU time (of all its processes) are
recorded.

Threads: ``--threads`` (default 1) sets OMP_NUM_THREADS and the BLAS thread
variables for this process and SACRO's, so OpenMP fits (HistGradientBoosting,
XGBoost) do not spin against other jobs on a shared machine; ours fits its
reference models in ``n_jobs`` = all cores worker processes, SACRO fits its
shadow models one after the other (it has no parallel option).

Writes benchmarks/results/<name>.{json,md} after every target, so an interrupted
run keeps what it measured. ART is an optional extra (``pip install -e
.[bench]``) and SACRO-ML a separate venv: neither is a dependency of
modelprivacy.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
)


def _set_threads(argv: list[str]) -> str:
    """Apply ``--threads`` to the environment before numpy's and sklearn's pools start."""
    threads = "1"
    for i, arg in enumerate(argv):
        if arg == "--threads" and i + 1 < len(argv):
            threads = argv[i + 1]
        elif arg.startswith("--threads="):
            threads = arg.split("=", 1)[1]
    if threads != "0":
        for var in THREAD_VARIABLES:
            os.environ[var] = threads
    return threads


if __name__ == "__main__":
    _set_threads(sys.argv[1:])

import mia_gbdt  # noqa: E402  (the sibling benchmarks: their ART drivers and SACRO runner)
import mia_vs_art  # noqa: E402
import numpy as np  # noqa: E402
import psutil  # noqa: E402
import sklearn  # noqa: E402
import xgboost  # noqa: E402
from sklearn.datasets import load_breast_cancer  # noqa: E402

from modelprivacy.attacks import membership_inference  # noqa: E402
from modelprivacy.attacks.api import DEFAULT_ATTACKS  # noqa: E402
from modelprivacy.stats import (  # noqa: E402
    auc,
    newcombe_difference,
    resolvable_fpr,
    tpr_at_fpr,
)

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).parent / "results"
DATASETS = ("breast_cancer", "adult", "digits")
# cheapest first (SACRO's 100 shadow fits of HistGradientBoosting on 10-class digits are the slowest)
TARGET_NAMES = (
    "DecisionTree",
    "LogisticRegression",
    "XGBoost",
    "RandomForest",
    "MLP",
    "HistGradientBoosting",
)
FPRS = {"tpr_1%": 0.01, "tpr_0.1%": 0.001}
# our default attacks and QMIA (cross-fitted: no record is scored by a regressor fitted on it)
OUR_ATTACKS = (*DEFAULT_ATTACKS, "qmia")
# SACRO's attacks whose scores are computed out of sample: its QMIA fits its quantile
# regressor on every non-member and then scores those same non-members (see qmia_check)
SACRO_IN_SAMPLE = ("qmia",)
AUC_SLACK = 0.005
BUDGET_FRACTION = 5  # our budget is SACRO's LiRA time divided by this
ADULT_ROWS = 2000


def _spec(est: Any) -> dict[str, Any]:
    """Class path and non-default constructor parameters of an estimator, JSON-ready."""
    cls = type(est)
    defaults = cls().get_params(deep=False)
    params = {
        k: list(v) if isinstance(v, tuple) else v
        for k, v in est.get_params(deep=False).items()
        if repr(v) != repr(defaults.get(k))
    }
    return {"class": f"{cls.__module__}.{cls.__name__}", "params": params}


# one spec per target: this script and the SACRO runner both build the estimator from it
SPECS: dict[str, dict[str, Any]] = {
    name: _spec(mia_vs_art.TARGETS[name]) for name in TARGET_NAMES if name in mia_vs_art.TARGETS
}
_xgb_class, _xgb_params = mia_gbdt.TARGET_SPECS["XGBoost"]
SPECS["XGBoost"] = {"class": _xgb_class, "params": dict(_xgb_params)}


def build(spec: dict[str, Any]) -> Any:
    """The unfitted estimator that ``spec`` names (as benchmarks/sacro_runner.py builds it)."""
    module, name = spec["class"].rsplit(".", 1)
    return getattr(importlib.import_module(module), name)(**spec["params"])


def load_datasets(names: list[str], adult_rows: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Digits and Adult as benchmarks/mia_vs_art.py encodes them, and breast cancer."""
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if "digits" in names or "adult" in names:
        out.update(mia_vs_art.datasets(adult_rows))
    X, y = load_breast_cancer(return_X_y=True)
    out["breast_cancer"] = (X.astype(float), y)
    return {n: out[n] for n in names}


def metrics(scores: np.ndarray, is_member: np.ndarray) -> dict[str, Any]:
    """AUC and TPR at 1% and 0.1% FPR; a TPR is None when it is unresolved.

    Unresolved: fewer non-members than ``1 / fpr`` (``resolvable_fpr``), or a
    tie of scores straddling the FPR (``tpr_at_fpr(strict=True)``). The
    non-strict value is kept as ``<key>_conservative``.
    """
    s = np.asarray(scores, dtype=float)
    s_in, s_out = s[is_member], s[~is_member]
    out: dict[str, Any] = {"auc": round(auc(s_in, s_out), 4)}
    for key, fpr in FPRS.items():
        value = tpr_at_fpr(s_in, s_out, fpr, strict=True)
        out[f"{key}_conservative"] = round(tpr_at_fpr(s_in, s_out, fpr), 4)
        if not resolvable_fpr(len(s_out), fpr):
            value = None
            out[f"{key}_why"] = f"{len(s_out)} non-members < {round(1 / fpr)}"
        elif value is None:
            out[f"{key}_why"] = "a tie of scores straddles the FPR"
        out[key] = None if value is None else round(value, 4)
    return out


def _rank_key(m: dict[str, Any]) -> tuple[float, float]:
    tpr = m["tpr_1%"]
    return (-1.0 if tpr is None else tpr, m["auc"])


def summarise(per_attack: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The best attack by TPR at 1% FPR (then AUC), and the highest AUC over the attacks."""
    best = max(per_attack, key=lambda a: _rank_key(per_attack[a]))
    best_auc = max(per_attack, key=lambda a: per_attack[a]["auc"])
    return {
        "best": best,
        **{k: per_attack[best][k] for k in ("auc", *FPRS)},
        **{
            f"{k}_conservative": per_attack[best].get(f"{k}_conservative", per_attack[best][k])
            for k in FPRS
        },
        "max_auc_attack": best_auc,
        "max_auc": per_attack[best_auc]["auc"],
    }


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _descendants_cpu() -> dict[int, float]:
    """CPU seconds so far of each living descendant process (joblib's loky workers)."""
    out = {}
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            out[child.pid] = t.user + t.system
        except psutil.Error:
            continue
    return out


@contextmanager
def timed(record: dict[str, Any]) -> Iterator[None]:
    """Record wall and CPU seconds (this process, living and finished children) and the load."""
    record["load_before"] = _load()
    living0 = _descendants_cpu()
    dead0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    yield
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    dead1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += dead1.ru_utime - dead0.ru_utime + dead1.ru_stime - dead0.ru_stime
    cpu += sum(t - living0.get(pid, 0.0) for pid, t in _descendants_cpu().items())
    record["wall_s"] = round(wall, 2)
    record["cpu_s"] = round(cpu, 2)
    record["load_after"] = _load()


def run_sacro(
    python: Path,
    spec: dict[str, Any],
    model: Any,
    X: np.ndarray,
    y: np.ndarray,
    members: np.ndarray,
    nonmembers: np.ndarray,
    shadows: int,
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """SACRO's per-record scores (members, then non-members) and the runner's report."""
    with tempfile.TemporaryDirectory(prefix="mp-peers-sacro-") as tmp:
        d = Path(tmp)
        arrays = {
            "X_train": X[members],
            "y_train": y[members],
            "X_test": X[nonmembers],
            "y_test": y[nonmembers],
            "proba_train": model.predict_proba(X[members]),
            "proba_test": model.predict_proba(X[nonmembers]),
        }
        for key, value in arrays.items():
            np.save(d / f"{key}.npy", value)
        (d / "spec.json").write_text(json.dumps(spec))
        run: dict[str, Any] = {}
        with timed(run):
            proc = subprocess.run(
                [str(python), str(mia_gbdt.SACRO_RUNNER), str(d), "--shadows", str(shadows)],
                capture_output=True,
                text=True,
                check=False,
            )
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-1:] or ["no message"]
            raise RuntimeError(f"sacro_runner.py exited with {proc.returncode}: {tail[0]}")
        info = json.loads((d / "sacro.json").read_text())
        scores = {a: np.load(d / f"scores_{a}.npy") for a in info["attacks"]}
    info["subprocess"] = run
    return scores, info


def run_ours(
    model: Any,
    X: np.ndarray,
    y: np.ndarray,
    members: np.ndarray,
    nonmembers: np.ndarray,
    seed: int,
    **how: Any,
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Our per-record scores (members, then non-members) and the run's K and times."""
    run: dict[str, Any] = {}
    with timed(run):
        result = membership_inference(
            model,
            X[members],
            X[nonmembers],
            y_train=y[members],
            y_holdout=y[nonmembers],
            seed=seed,
            n_jobs=os.cpu_count(),
            attacks=OUR_ATTACKS,
            **how,
        )
    run["k"] = result.k
    if result.k_choice is not None:
        c = result.k_choice
        run["k_choice"] = {
            "budget_s": round(c.budget_s, 3),
            "fit_s": round(c.fit_s, 3),
            "estimated_s": round(c.estimated_s, 3),
            "n_jobs": c.n_jobs,
            "limit": c.limit,
        }
    return dict(result.scores), run


def run_art(
    tname: str,
    model: Any,
    X: np.ndarray,
    y: np.ndarray,
    members: np.ndarray,
    nonmembers: np.ndarray,
    eval_idx: np.ndarray,
    is_member_eval: np.ndarray,
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """ART's attacks through the sibling benchmarks' drivers; their metrics and times."""
    run: dict[str, Any] = {"skipped": []}
    # the drivers score with their module's ``metrics``: this script's, for the same figures
    saved = mia_vs_art.metrics, mia_gbdt.metrics
    mia_vs_art.metrics = mia_gbdt.metrics = metrics
    try:
        with timed(run):
            if tname == "XGBoost":
                art, skipped = mia_gbdt.art_attacks(
                    model, tname, X, y, members, nonmembers, eval_idx, is_member_eval
                )
                run["skipped"] = skipped
            else:
                art = mia_vs_art.art_attacks(
                    model, X, y, members, nonmembers, eval_idx, is_member_eval
                )
    finally:
        mia_vs_art.metrics, mia_gbdt.metrics = saved
    return art, run


def qmia_check(
    model: Any, X: np.ndarray, y: np.ndarray, members: np.ndarray, nonmembers: np.ndarray, seed: int
) -> dict[str, np.ndarray]:
    """SACRO's QMIA recipe replicated, scored in sample (as SACRO does) and cross-fitted.

    sacroml 2.0.1's ``QMIAAttack``: the hinge score ``logit(p_y) - max_other
    logit(p)``, a ``HistGradientBoostingRegressor`` (quantile loss at 0.99,
    100 iterations, early stopping from 1,000 records) fitted on the features
    and label of every non-member, and the score minus the predicted quantile
    for every member and non-member, so that each non-member is scored by a
    regressor fitted on it. ``in_sample`` repeats that; ``cross_fitted``
    splits the non-members in two halves, each half's regressor scoring the
    other half (and each member gets the mean of the two).
    """
    from sklearn.ensemble import HistGradientBoostingRegressor

    eps = 1e-16
    proba = np.clip(model.predict_proba(X), eps, 1 - eps)
    logits = np.log(proba) - np.log1p(-proba)
    idx = np.searchsorted(model.classes_, y)
    rows = np.arange(len(y))
    true = logits[rows, idx]
    others = logits.copy()
    others[rows, idx] = -np.inf
    hinge = true - others.max(axis=1)
    F = np.column_stack([X, y])

    def fit(on: np.ndarray) -> Any:
        reg = HistGradientBoostingRegressor(
            loss="quantile",
            quantile=0.99,
            max_iter=100,
            random_state=seed,
            early_stopping=len(on) >= 1000,
        )
        return reg.fit(F[on], hinge[on])

    order = np.r_[members, nonmembers]
    in_sample = hinge[order] - fit(nonmembers).predict(F[order])
    halves = np.array_split(np.random.default_rng(seed).permutation(nonmembers), 2)
    cross = np.empty(len(order))
    pos = {int(r): i for i, r in enumerate(order)}
    member_sum = np.zeros(len(members))
    for fit_on, other in ((halves[0], halves[1]), (halves[1], halves[0])):
        reg = fit(fit_on)
        cross[[pos[int(r)] for r in other]] = hinge[other] - reg.predict(F[other])
        member_sum += hinge[members] - reg.predict(F[members])
    cross[: len(members)] = member_sum / 2
    return {"in_sample": in_sample, "cross_fitted": cross}


def goal(ours: dict[str, Any], sacro: dict[str, Any], n_members: int = 0) -> dict[str, Any]:
    """Whether our budgeted run meets the issue's goal against SACRO on one target.

    With ``n_members``, the 95% interval of the TPR gap (Newcombe's, for two
    independent proportions: indicative only, the two TPRs being measured on the
    same members at thresholds that each tool's non-member scores set).
    """
    tpr_o, tpr_s = ours["tpr_1%"], sacro["tpr_1%"]
    auc_gap = round(ours["max_auc"] - sacro["max_auc"], 4)
    out: dict[str, Any] = {"auc_gap": auc_gap, "auc_ok": auc_gap >= -AUC_SLACK}
    lower_o, lower_s = ours["tpr_1%_conservative"], sacro["tpr_1%_conservative"]
    # the TPRs achieved at or below 1% FPR (each a lower bound where the TPR is unresolved)
    out["tpr_gap_conservative"] = round(lower_o - lower_s, 4)
    if tpr_o is None or tpr_s is None:
        out["tpr_gap"] = None
        out["tpr_ok"] = None
    else:
        out["tpr_gap"] = round(tpr_o - tpr_s, 4)
        out["tpr_ok"] = tpr_o >= tpr_s
        if n_members:
            ci = newcombe_difference(
                round(tpr_o * n_members), n_members, round(tpr_s * n_members), n_members
            )
            out["tpr_gap_ci"] = [round(ci.low, 4), round(ci.high, 4)]
    out["met"] = None if out["tpr_ok"] is None else bool(out["tpr_ok"] and out["auc_ok"])
    return out


def run_target(
    dataset: str,
    tname: str,
    X: np.ndarray,
    y: np.ndarray,
    args: argparse.Namespace,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Every tool on one (dataset, model): one split, one fitted target."""
    members, nonmembers = mia_vs_art.stratified_halves(y, args.seed)
    n_m, n_n = len(members), len(nonmembers)
    is_member = np.r_[np.ones(n_m, bool), np.zeros(n_n, bool)]
    # ART trains on the first halves and every tool is also scored on the second halves
    eval_idx = np.r_[members[n_m // 2 :], nonmembers[n_n // 2 :]]
    eval_pos = np.r_[np.arange(n_m // 2, n_m), n_m + np.arange(n_n // 2, n_n)]
    is_member_eval = is_member[eval_pos]
    spec = SPECS[tname]
    row: dict[str, Any] = {
        "dataset": dataset,
        "target": tname,
        "spec": spec,
        "members": n_m,
        "nonmembers": n_n,
        "features": X.shape[1],
        "classes": len(np.unique(y)),
        "tools": {},
    }
    fit: dict[str, Any] = {}
    with timed(fit):
        model = build(spec).fit(X[members], y[members])
    row["fit"] = fit
    tools = row["tools"]
    log(f"{dataset} {tname}: target fitted in {fit['wall_s']:.2f}s")

    python = Path(args.sacro_python)
    sacro_lira_s = None
    if python.exists():
        try:
            scores, info = run_sacro(python, spec, model, X, y, members, nonmembers, args.shadows)
            per = {a: metrics(s, is_member) for a, s in scores.items()}
            per_eval = {a: metrics(s[eval_pos], is_member_eval) for a, s in scores.items()}
            lira = {a: v for a, v in info["attacks"].items() if a.startswith("lira_")}
            sacro_lira_s = min(v["standalone_s"] for v in lira.values())
            held_out = {a: m for a, m in per.items() if a not in SACRO_IN_SAMPLE}
            tools["sacro"] = {
                **summarise(per),
                "held_out": summarise(held_out) if held_out else None,
                "lira_s": sacro_lira_s,
                "wall_s": info["subprocess"]["wall_s"],
                "cpu_s": info["subprocess"]["cpu_s"],
                "run": info["subprocess"],
                "shadow_models": info["n_shadow_models"],
                "shadow_training_s": info["shadow_training_s"],
                "fidelity": info["fidelity"],
                "failed": info.get("failed", {}),
                "versions": info["versions"],
                "attacks": {
                    a: {**info["attacks"][a], "all_records": per[a], "eval_halves": per_eval[a]}
                    for a in per
                },
                "eval_halves": summarise(per_eval),
            }
            if "qmia" in per:
                check = qmia_check(model, X, y, members, nonmembers, args.seed)
                tools["sacro"]["qmia_check"] = {
                    "sacro": per["qmia"],
                    **{k: metrics(v, is_member) for k, v in check.items()},
                    "nonmembers_above_threshold": {
                        k: round(float(np.mean(v[~is_member] > 0)), 4) for k, v in check.items()
                    },
                }
            s = tools["sacro"]
            log(
                f"  sacro {s['best']:20s} tpr1 {s['tpr_1%']} auc {s['max_auc']:.3f} "
                f"| LiRA {sacro_lira_s:.1f}s, whole run {s['wall_s']:.1f}s wall {s['cpu_s']:.1f}s CPU "
                f"| fidelity {info['fidelity']['equal']}"
            )
        except (RuntimeError, OSError, ValueError, KeyError) as exc:  # reported, not hidden
            tools["sacro_error"] = f"{type(exc).__name__}: {exc}"
            log(f"  sacro failed: {tools['sacro_error']}")
    else:
        tools["sacro_error"] = f"no SACRO venv at {python}"

    runs: list[tuple[str, dict[str, Any]]] = [("ours_k8", {"reference_models": args.k})]
    if sacro_lira_s is not None:
        runs.append(("ours_budget", {"budget": round(sacro_lira_s / BUDGET_FRACTION, 3)}))
    for key, how in runs:
        scores, run = run_ours(model, X, y, members, nonmembers, args.seed, **how)
        per = {a: metrics(s, is_member) for a, s in scores.items()}
        per_eval = {a: metrics(s[eval_pos], is_member_eval) for a, s in scores.items()}
        tools[key] = {
            **summarise(per),
            **{k: run[k] for k in ("wall_s", "cpu_s", "k")},
            **({"budget_s": how["budget"]} if "budget" in how else {}),
            "run": run,
            "attacks": {a: {"all_records": per[a], "eval_halves": per_eval[a]} for a in per},
            "eval_halves": summarise(per_eval),
        }
        t = tools[key]
        log(
            f"  {key:11s} {t['best']:20s} tpr1 {t['tpr_1%']} auc {t['max_auc']:.3f} "
            f"| K={t['k']} {t['wall_s']:.1f}s wall {t['cpu_s']:.1f}s CPU"
            + (f" (budget {how['budget']:.1f}s)" if "budget" in how else "")
        )

    try:
        art, run = run_art(tname, model, X, y, members, nonmembers, eval_idx, is_member_eval)
        tools["art"] = {
            **summarise(art),
            "wall_s": run["wall_s"],
            "cpu_s": run["cpu_s"],
            "run": run,
            "attacks": art,
            "scored_on": "evaluation halves",
        }
        a = tools["art"]
        log(
            f"  art   {a['best']:20s} tpr1 {a['tpr_1%']} auc {a['max_auc']:.3f} (eval halves) "
            f"| {a['wall_s']:.1f}s wall"
        )
    except Exception as exc:  # reported, not hidden: ART is an optional extra
        tools["art_error"] = f"{type(exc).__name__}: {exc}"
        log(f"  art failed: {tools['art_error']}")

    if judge(row):
        log(f"  goal (budget run): {row['goal']}")
    return row


def judge(row: dict[str, Any]) -> bool:
    """Set the row's goals: against SACRO's attacks scored out of sample, and against all four."""
    tools = row["tools"]
    if "sacro" not in tools or "ours_budget" not in tools:
        return False
    sacro = tools["sacro"].get("held_out") or tools["sacro"]
    n_m = row["members"]
    row["goal"] = goal(tools["ours_budget"], sacro, n_m)
    row["goal_k8"] = goal(tools["ours_k8"], sacro, n_m)
    row["goal_with_in_sample_qmia"] = goal(tools["ours_budget"], tools["sacro"], n_m)
    return True


def machine_facts() -> dict[str, Any]:
    model_name = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model_name = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import art

    return {
        "cpu": model_name,
        "cores": os.cpu_count(),
        "arch": platform.machine(),
        "versions": (
            f"Python {platform.python_version()}, scikit-learn {sklearn.__version__}, "
            f"XGBoost {xgboost.__version__}, numpy {np.__version__}, ART {art.__version__}"
        ),
    }


def _pct(m: dict[str, Any], key: str, n_out: int) -> str:
    """A TPR cell: n/a with too few non-members, else a tie shows the TPR below the FPR."""
    v = m[key]
    if v is not None:
        return f"{v:.1%}"
    if not resolvable_fpr(n_out, FPRS[key]):
        return "n/a"
    return f"tie (>= {m[key + '_conservative']:.1%})"


def _gap(g: dict[str, Any]) -> str:
    verdict = "unresolved" if g["met"] is None else "met" if g["met"] else "**not met**"
    tpr = (
        f"TPR unresolved; at or below 1% FPR {g['tpr_gap_conservative'] * 100:+.1f} pts"
        if g["tpr_gap"] is None
        else f"TPR {g['tpr_gap'] * 100:+.1f} pts"
    )
    return f"{verdict} ({tpr}, AUC {g['auc_gap']:+.3f})"


def _loads(value: Any) -> str:
    """1-minute load averages, of one run (a list of three) or of several parts (lists)."""
    if not value:
        return "not recorded"
    if isinstance(value[0], list) and len(value) == 1:
        return _loads(value[0])
    if isinstance(value[0], list):
        return " / ".join(_loads(v) for v in value) + " (parts run at the same time)"
    return f"{value[0]:.1f}"


def render(doc: dict[str, Any]) -> str:
    """The Markdown results: machine, method, one table per dataset, summary."""
    m = doc["machine"]
    rows = doc["rows"]
    lines = [
        "# Membership inference: modelprivacy against SACRO-ML and IBM ART, same targets",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores ({m['arch']}), {m['versions']}; SACRO-ML: "
        f"{doc.get('sacro_versions', 'not run')}. Command: `{doc['command']}`, started "
        f"{doc['started']}, {'finished ' + doc['finished'] if doc.get('finished') else '**stopped before every target had run** (see the summary)'}"
        f" (total {doc.get('total_s', 0) / 60:.0f} min). "
        f"The 1-minute load average was {_loads(doc['load_start'])} at the start and "
        f"{_loads(doc.get('load_end'))} at the end ({m['cores']} cores), so seconds are "
        "comparable only within a row, the tools having run one after the other on each target. "
        f"Threads per process: {doc['threads']} (OMP/BLAS variables, for every tool). SACRO's "
        "runner process first imports PyTorch and sacroml (one to three minutes at these loads); "
        "its LiRA seconds, and so our budget, leave that out.",
        "",
        "Method: one 50/50 split per dataset, stratified by the label (seed "
        f"{doc['seed']}), one target fitted on the members and given to every tool. "
        f"SACRO: LiRA with {doc['shadows']} shadow models in its three modes and QMIA, best of "
        f"the four; its time is the quickest LiRA mode alone (shadow training plus scoring). "
        f"Ours: the best of our attacks ({', '.join(doc.get('our_attacks', OUR_ATTACKS))}) at K={doc['k']}, and with `budget` = SACRO's LiRA "
        f"time / {BUDGET_FRACTION} (K chosen from the measured fit time; the `budget` "
        "covers the reference fits, our wall time also counts the queries and scoring). "
        "TPR columns: the best attack by TPR at 1% FPR (then AUC); AUC: the highest AUC over the "
        "tool's attacks. ours and SACRO score every member and non-member; ART trains its "
        "attack model on half of each and is scored on the other halves. TPRs come from "
        "per-record scores with `modelprivacy.stats.tpr_at_fpr(strict=True)`: unresolved "
        "when there are fewer than 1/FPR non-members or a tie of scores straddles the FPR. "
        "n/a: fewer than 1/FPR non-members; tie (>= x): a tie straddles the FPR and x is the "
        "TPR at the last threshold below it. "
        f"Goal: ours (budget) TPR@1% >= SACRO's and AUC >= SACRO's - {AUC_SLACK}. "
        "SACRO's QMIA scores in sample: sacroml 2.0.1 fits its quantile regressor on every "
        "non-member and then scores those same non-members, so that their thresholds were fitted "
        "to their own scores and fewer of them cross it than of out-of-sample records (at a "
        "nominal 1%, the share of non-members above their threshold is in the JSON's "
        "`qmia_check`). The QMIA column replicates its recipe (hinge score, "
        "HistGradientBoostingRegressor at the 0.99 quantile on the features and label) in "
        "sample, which gives SACRO's figure, and cross-fitted (two halves of the non-members, "
        "each scored by the other half's regressor), as our `qmia` attack scores. The goal "
        "is judged against SACRO's attacks scored out of sample (its three LiRA modes); the last "
        "column judges it against all four.",
        "",
    ]
    if doc["adult_rows"]:
        lines += [f"Adult rows: {doc['adult_rows']}. {doc['adult_rows_why']}", ""]
    for dataset in dict.fromkeys(r["dataset"] for r in rows):
        drows = [r for r in rows if r["dataset"] == dataset]
        r0 = drows[0]
        lines += [
            f"## {dataset} ({r0['members']} members, {r0['nonmembers']} non-members, "
            f"{r0['features']} features, {r0['classes']} classes)",
            "",
            "| target | SACRO best (out of sample) | TPR@1% | TPR@0.1% | AUC | LiRA s "
            "| SACRO QMIA TPR@1%: SACRO / replica in sample / cross-fitted "
            "| ours K=8 | TPR@1% | TPR@0.1% "
            "| AUC | s | ours budget (K) | TPR@1% | TPR@0.1% | AUC | s | ART best (eval halves) "
            "| TPR@1% | TPR@0.1% | AUC | s | goal (ours budget vs SACRO out of sample) "
            "| vs SACRO with in-sample QMIA |",
            "|---|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---|",
        ]
        for r in drows:
            t = r["tools"]
            n_all, n_half = r["nonmembers"], r["nonmembers"] - r["nonmembers"] // 2
            cells = [r["target"]]
            s = t.get("sacro")
            h = (s.get("held_out") or s) if s else None
            cells += (
                [
                    h["best"],
                    _pct(h, "tpr_1%", n_all),
                    _pct(h, "tpr_0.1%", n_all),
                    f"{h['max_auc']:.3f}",
                    f"{s['lira_s']:.1f}",
                ]
                if s and h
                else ["failed", "", "", "", ""]
            )
            q = s.get("qmia_check") if s else None
            cells.append(
                " / ".join(
                    _pct(q[k], "tpr_1%", n_all) for k in ("sacro", "in_sample", "cross_fitted")
                )
                if q
                else "refused"
                if s and "qmia" in s.get("failed", {})
                else ""
            )
            for key in ("ours_k8", "ours_budget"):
                o = t.get(key)
                label = (
                    o["best"]
                    if o and key == "ours_k8"
                    else (f"{o['best']} ({o['k']})" if o else "not run")
                )
                cells += (
                    [
                        label,
                        _pct(o, "tpr_1%", n_all),
                        _pct(o, "tpr_0.1%", n_all),
                        f"{o['max_auc']:.3f}",
                        f"{o['wall_s']:.1f}",
                    ]
                    if o
                    else [label, "", "", "", ""]
                )
            a = t.get("art")
            cells += (
                [
                    a["best"],
                    _pct(a, "tpr_1%", n_half),
                    _pct(a, "tpr_0.1%", n_half),
                    f"{a['max_auc']:.3f}",
                    f"{a['wall_s']:.1f}",
                ]
                if a
                else ["failed", "", "", "", ""]
            )
            cells.append(_gap(r["goal"]) if "goal" in r else "no SACRO result")
            w = r.get("goal_with_in_sample_qmia")
            cells.append(_gap(w) if w else "")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        lines.append(
            "CPU seconds (SACRO whole run / ours K=8 / ours budget / ART): "
            + "; ".join(
                f"{r['target']} "
                + " / ".join(
                    f"{r['tools'][k]['cpu_s']:.0f}" if k in r["tools"] else "-"
                    for k in ("sacro", "ours_k8", "ours_budget", "art")
                )
                for r in drows
            )
            + "."
        )
        notes = [
            f"{r['target']}: SACRO's {a} failed ({why.split(' (')[0]})"
            for r in drows
            for a, why in r["tools"].get("sacro", {}).get("failed", {}).items()
        ]
        notes += [
            f"{r['target']}: {k.split('_')[0]} failed ({r['tools'][k]})"
            for r in drows
            for k in ("sacro_error", "art_error")
            if k in r["tools"]
        ]
        notes += [
            f"{r['target']}: SACRO's refitted target differs from ours"
            for r in drows
            if "sacro" in r["tools"] and not r["tools"]["sacro"]["fidelity"]["equal"]
        ]
        if notes:
            lines += ["Not run or refused: " + "; ".join(notes) + ".", ""]
    lines += ["## Summary", "", doc.get("summary", "(run not finished)"), ""]
    return "\n".join(lines)


def summary_text(rows: list[dict[str, Any]]) -> str:
    """A plain paragraph: where the goal is met, and where we are behind and by how much."""
    judged = [r for r in rows if "goal" in r]
    met = [r for r in judged if r["goal"]["met"]]
    behind_tpr = [r for r in judged if r["goal"]["tpr_ok"] is False]
    behind_auc = [r for r in judged if not r["goal"]["auc_ok"]]
    unresolved = [r for r in judged if r["goal"]["tpr_ok"] is None]
    name = lambda r: f"{r['dataset']} {r['target']}"  # noqa: E731
    parts = [
        f"The goal is met on {len(met)} of {len(judged)} targets with a SACRO result, against "
        "SACRO's attacks scored out of sample."
    ]
    with_q = [r for r in judged if r.get("goal_with_in_sample_qmia", {}).get("met")]
    parts.append(
        f"Against all four of SACRO's attacks, its in-sample QMIA included: {len(with_q)} of "
        f"{len(judged)}."
    )
    checks = [
        (r, r["tools"]["sacro"]["qmia_check"])
        for r in judged
        if "qmia_check" in r["tools"]["sacro"]
    ]
    if checks:
        fpr_in = [c["nonmembers_above_threshold"]["in_sample"] for _, c in checks]
        fpr_cf = [c["nonmembers_above_threshold"]["cross_fitted"] for _, c in checks]
        parts.append(
            "SACRO's QMIA threshold, meant to be crossed by 1% of non-members, was crossed by a "
            f"median {float(np.median(fpr_in)):.1%} of them in sample and "
            f"{float(np.median(fpr_cf)):.1%} cross-fitted, over {len(checks)} targets."
        )
    if behind_tpr:
        parts.append(
            "Our budgeted TPR at 1% FPR is below SACRO's best on "
            + ", ".join(f"{name(r)} ({r['goal']['tpr_gap'] * 100:+.1f} pts)" for r in behind_tpr)
            + "."
        )
        within = [r for r in behind_tpr if r["goal"].get("tpr_gap_ci", [0, 0])[1] >= 0]
        if within:
            parts.append(
                f"On {len(within)} of these {len(behind_tpr)} the gap's 95% interval "
                "(Newcombe's, indicative: see `goal`) includes 0: "
                + ", ".join(
                    f"{name(r)} [{r['goal']['tpr_gap_ci'][0] * 100:+.1f}, "
                    f"{r['goal']['tpr_gap_ci'][1] * 100:+.1f}]"
                    for r in within
                )
                + " pts."
            )
    if behind_auc:
        parts.append(
            f"Our highest AUC is more than {AUC_SLACK} below SACRO's on "
            + ", ".join(f"{name(r)} ({r['goal']['auc_gap']:+.3f})" for r in behind_auc)
            + "."
        )
    if unresolved:
        parts.append(
            "TPR at 1% FPR is unresolved (a tie straddles it) for one tool on "
            + ", ".join(name(r) for r in unresolved)
            + "."
        )
    missing = [name(r) for r in rows if "goal" not in r]
    if missing:
        parts.append("No SACRO result (so no goal) for " + ", ".join(missing) + ".")
    done = {(r["dataset"], r["target"]) for r in rows}
    not_run = [f"{d} {t}" for d in DATASETS for t in TARGET_NAMES if (d, t) not in done]
    if not_run:
        parts.append("Not measured in this run: " + ", ".join(not_run) + ".")
    timed_rows = [r for r in judged if r["tools"]["sacro"]["lira_s"] > 0]
    if timed_rows:
        ratios = [
            r["tools"]["ours_budget"]["wall_s"] / r["tools"]["sacro"]["lira_s"] for r in timed_rows
        ]
        over = [
            f"{name(r)} ({r['tools']['ours_budget']['wall_s']:.1f} s for "
            f"{r['tools']['ours_budget']['budget_s']:.1f} s)"
            for r in timed_rows
            if r["tools"]["ours_budget"]["wall_s"] > 1.5 * r["tools"]["ours_budget"]["budget_s"]
        ]
        parts.append(
            "Our budgeted run's whole wall time (reference fits, queries, every attack) was "
            f"a median {float(np.median(ratios)):.2f} of SACRO's LiRA time "
            f"(from {min(ratios):.2f} to {max(ratios):.2f})."
        )
        if over:
            parts.append(
                "It overran its budget by more than half on "
                + ", ".join(over)
                + " (the budget covers the reference fits, not the queries, and K is chosen "
                "from a fit timed before the others, on a machine whose load changed)."
            )
    k8_met = [r for r in rows if "goal_k8" in r and r["goal_k8"]["met"]]
    parts.append(f"At K=8 (not budgeted) the goal would be met on {len(k8_met)} of {len(judged)}.")
    return " ".join(parts)


def adult_rows_reason(rows: int) -> str:
    """Why the Adult sample has ``rows`` records (the default's reason)."""
    text = (
        f"A seeded sample of {rows} records ({rows // 2} members, {rows - rows // 2} non-members)."
    )
    if rows == ADULT_ROWS:
        text += (
            " The smallest sample on which TPR at 0.1% FPR is resolvable (1,000 non-members), "
            "chosen for time: SACRO fits its 100 shadow models per target one after the other, "
            "and on Adult an MLP or a forest takes seconds per fit (a 1,000-record MLP fit took "
            "7 s at a load average of 11 on this machine), so larger samples would put the whole "
            "benchmark well past an hour here."
        )
    return text


def merge(parts: list[Path], stem: Path) -> None:
    """Combine part results into one document: rows in dataset order, every part's command."""
    docs = [json.loads(p.read_text()) for p in parts]
    doc = dict(docs[0])
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for d in docs:  # a (dataset, target) measured by two parts: the first part's row
        for r in d["rows"]:
            seen.setdefault((r["dataset"], r["target"]), r)
    doc["rows"] = sorted(seen.values(), key=lambda r: DATASETS.index(r["dataset"]))
    for r in doc["rows"]:  # judged again by this version of the goal
        judge(r)
    doc["parts"] = [
        {
            k: d.get(k)
            for k in ("command", "started", "finished", "load_start", "load_end", "total_s")
        }
        for d in docs
    ]
    doc["command"] = "` and, at the same time, `".join(d["command"] for d in docs)
    doc["started"] = min(d["started"] for d in docs)
    finished = [d.get("finished") for d in docs]
    done = {(r["dataset"], r["target"]) for r in doc["rows"]}
    complete = all((d, t) in done for d in DATASETS for t in TARGET_NAMES)
    # a part stopped once another part had taken over its remaining targets has no end time
    ended = [f for f in finished if f]
    doc["finished"] = max(ended) if ended and (all(finished) or complete) else None
    doc["load_start"] = [d["load_start"] for d in docs]
    # a part stopped before its end (at a deadline) has no end load: the load at the merge
    doc["load_end"] = [d.get("load_end") or [round(x, 2) for x in os.getloadavg()] for d in docs]
    doc["total_s"] = max(d.get("total_s", 0) for d in docs)
    adult = [d for d in docs if d.get("adult_rows")]
    doc["adult_rows"] = adult[0]["adult_rows"] if adult else None
    doc["adult_rows_why"] = adult_rows_reason(adult[0]["adult_rows"]) if adult else ""
    for d in docs:
        doc.setdefault("sacro_versions", d.get("sacro_versions"))
        if d.get("sacro_versions"):
            doc["sacro_versions"] = d["sacro_versions"]
    doc["summary"] = summary_text(doc["rows"])
    stem.with_suffix(".json").write_text(json.dumps(doc, indent=2) + "\n")
    stem.with_suffix(".md").write_text(render(doc))
    print(render(doc))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--datasets", nargs="+", default=list(DATASETS), choices=DATASETS)
    parser.add_argument("--targets", nargs="+", default=list(TARGET_NAMES), choices=TARGET_NAMES)
    parser.add_argument(
        "--adult-rows", type=int, default=ADULT_ROWS, help="Adult sample size; 0 for all 48,842"
    )
    parser.add_argument("--shadows", type=int, default=100, help="SACRO's LiRA shadow models")
    parser.add_argument("--k", type=int, default=8, help="our reference models in the K run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1, help="OpenMP/BLAS threads; 0: defaults")
    parser.add_argument("--sacro-python", default=str(mia_gbdt.SACRO_VENV_PYTHON))
    parser.add_argument(
        "--name",
        default="mia_vs_peers",
        help="stem of the result files (under benchmarks/results unless a path)",
    )
    parser.add_argument(
        "--merge",
        nargs="+",
        type=Path,
        metavar="JSON",
        help="run nothing: combine the rows of these part results (e.g. one per dataset, run "
        "at the same time) into --name",
    )
    args = parser.parse_args()
    if args.merge:
        merge(args.merge, RESULTS / args.name)
        return
    warnings.filterwarnings("ignore")
    started = time.perf_counter()
    log = lambda msg: print(f"[{time.perf_counter() - started:7.1f}s] {msg}", flush=True)  # noqa: E731
    doc: dict[str, Any] = {
        "machine": machine_facts(),
        "command": "python benchmarks/mia_vs_peers.py " + " ".join(sys.argv[1:]),
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_start": [round(x, 2) for x in os.getloadavg()],
        "threads": args.threads if args.threads else "library defaults",
        "seed": args.seed,
        "k": args.k,
        "our_attacks": list(OUR_ATTACKS),
        "shadows": args.shadows,
        "adult_rows": args.adult_rows if "adult" in args.datasets else None,
        "adult_rows_why": adult_rows_reason(args.adult_rows),
        "rows": [],
    }
    RESULTS.mkdir(exist_ok=True)

    def save() -> None:
        (RESULTS / f"{args.name}.json").write_text(json.dumps(doc, indent=2) + "\n")
        (RESULTS / f"{args.name}.md").write_text(render(doc))

    log(f"machine {doc['machine']}, load {doc['load_start']}")
    data = load_datasets(args.datasets, args.adult_rows)
    for dataset in args.datasets:
        X, y = data[dataset]
        for tname in args.targets:
            row = run_target(dataset, tname, X, y, args, log)
            doc["rows"].append(row)
            sacro = row["tools"].get("sacro")
            if sacro:
                doc["sacro_versions"] = sacro["versions"]
            doc["summary"] = summary_text(doc["rows"])
            doc["total_s"] = round(time.perf_counter() - started, 1)
            save()
    doc["finished"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    doc["load_end"] = [round(x, 2) for x in os.getloadavg()]
    doc["total_s"] = round(time.perf_counter() - started, 1)
    save()
    log(f"done in {doc['total_s'] / 60:.1f} min; {doc['summary']}")


if __name__ == "__main__":
    main()
