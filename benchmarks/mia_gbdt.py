"""Membership inference on XGBoost and LightGBM targets: modelprivacy against IBM ART and SACRO-ML.

Data: a random sample of ``--adult-rows`` UCI Adult records (default 10,000;
string columns ordinal-encoded) and scikit-learn's breast-cancer data (569
records). Each is split 50/50, stratified by the label with one seed, into members (the
target's training set) and non-members; the same split, the same arrays and the
same fitted targets go to every tool. As in benchmarks/mia_vs_art.py, ART trains
its attack model on the first halves of members and non-members, and every
attack, ours included, is scored on the same second halves.

Targets: ``xgboost.XGBClassifier`` and ``lightgbm.LGBMClassifier`` with default
parameters (seeded), and the same boosters saved in their native formats
(XGBoost ``.ubj``, LightGBM text) and loaded back with ``modelprivacy.load``:
the file's Booster is queried by its library and the reference models are refit
from what the file stores.

- modelprivacy: ``membership_inference`` with K=8 reference models (LiRA, RMIA,
  loss, population), fitted on the pooled records (it never sees which are
  members).
- IBM ART 1.20: ``MembershipInferenceBlackBox`` (random-forest and
  gradient-boosting attack models) and ``ShadowModels`` (3 shadow models),
  driven as in benchmarks/mia_vs_art.py, through ART's ``XGBoostClassifier``
  for XGBoost and its ``BlackBoxClassifier`` for LightGBM (ART's
  ``SklearnClassifier`` refuses both wrappers and its ``LightGBMClassifier`` a
  binary booster; ShadowModels cannot refit a black box, so LightGBM gets no
  ShadowModels row).
- SACRO-ML 2.0.1, run by benchmarks/sacro_runner.py in its own venv
  (``--sacro-python``, default ``.venv-sacro/bin/python`` when it exists;
  ``make bench-sacro`` builds it with CPU PyTorch 2.13.0 pinned first, then
  sacroml and lightgbm; never a dependency of modelprivacy). The runner gets the
  same split arrays and the target's class, parameters and seed, refits the
  target, checks that its ``predict_proba`` equals this script's target's on
  every record, and runs SACRO's LiRA with 100 shadow models in its three modes
  (offline, online-carlini, offline-carlini) and its QMIA, each scoring every
  member and non-member. Without a SACRO venv, the issue's reference figure for
  breast-cancer XGBoost (AUC 0.616, TPR 4.9% at 1% FPR, 2 cores) is recorded
  instead and SACRO's time is estimated from below as 100 shadow fits of the
  target on as many records, timed here.

Times: the three tools run one after the other on the same machine. SACRO fits
its shadow models with the libraries' default threads (all cores): on this
2-core machine shared with other jobs, the 100 breast-cancer XGBoost shadow fits
took 3.9 s at a load average of 1.0-1.4 and 105 s at 2.7-2.9 (each small fit's
threads waiting for a busy core at every boosting round), so the results record
the load average around each SACRO run; compare seconds from a quiet run.

Metrics come from per-record scores, the same way for every tool (AUC, TPR at
1% and 0.1% FPR, ``modelprivacy.stats``), SACRO's included: its scores are
restricted to the same evaluation halves for the first table, and all records
are scored for the LiRA table. Writes
benchmarks/results/mia_gbdt.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import lightgbm
import numpy as np
import sklearn
import xgboost
from mia_vs_art import (  # the sibling benchmark's metrics, so both compute them the same way
    metrics,
    stratified_halves,
)
from sklearn.base import clone
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import OrdinalEncoder

from modelprivacy.attacks import membership_inference
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET, load_adult
from modelprivacy.load import load_model

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).parent / "results"
SACRO_RUNNER = Path(__file__).parent / "sacro_runner.py"
SACRO_VENV_PYTHON = Path(__file__).parent.parent / ".venv-sacro" / "bin" / "python"
# class and constructor parameters of each target: the SACRO runner builds the same estimator
TARGET_SPECS: dict[str, tuple[str, dict[str, Any]]] = {
    "XGBoost": ("xgboost.XGBClassifier", {"random_state": 0}),
    "LightGBM": ("lightgbm.LGBMClassifier", {"random_state": 0, "verbose": -1}),
}
TARGETS: dict[str, Any] = {
    "XGBoost": xgboost.XGBClassifier(**TARGET_SPECS["XGBoost"][1]),
    "LightGBM": lightgbm.LGBMClassifier(**TARGET_SPECS["LightGBM"][1]),
}
NATIVE = {"XGBoost": "model.ubj", "LightGBM": "model.txt"}
SACRO_SHADOWS = 100
# The reference: SACRO-ML's LiRA, 100 shadow models, breast-cancer XGBoost, 2 cores.
SACRO_REFERENCE = {("breast_cancer", "XGBoost"): {"auc": 0.616, "tpr_1%": 0.049}}
SACRO_HOWTO = (
    "`make bench-sacro` builds .venv-sacro (CPU PyTorch 2.13.0, sacroml 2.0.1, lightgbm) and "
    "runs this benchmark with `--sacro-python .venv-sacro/bin/python`"
)


def datasets(adult_rows: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    X, y = load_breast_cancer(return_X_y=True)
    adult = load_adult(subset="all")
    if adult_rows:
        adult = adult.sample(n=adult_rows, random_state=0)
    cat = OrdinalEncoder().fit_transform(adult[ADULT_CATEGORICAL].fillna("missing"))
    num = adult[ADULT_NUMERIC].to_numpy(dtype=float)
    ya = (adult[ADULT_TARGET] == ">50K").to_numpy(dtype=int)
    return {"breast_cancer": (X.astype(float), y), "adult": (np.hstack([num, cat]), ya)}


def art_estimator(model: Any, name: str, n_features: int) -> tuple[Any, Any]:
    """ART's wrapper of the target, and a template ShadowModels can clone (or None).

    ART's ``SklearnClassifier`` refuses both wrappers (they are not scikit-learn's
    own classes) and its ``LightGBMClassifier`` refuses a binary booster (it
    counts one class), so XGBoost goes through ART's ``XGBoostClassifier`` and
    LightGBM through ART's generic ``BlackBoxClassifier`` on ``predict_proba``,
    which ShadowModels cannot refit.
    """
    from art.estimators.classification import BlackBoxClassifier, XGBoostClassifier

    if name == "XGBoost":
        return (
            XGBoostClassifier(model=model, nb_features=n_features, nb_classes=2),
            XGBoostClassifier(model=clone(model), nb_features=n_features, nb_classes=2),
        )
    return BlackBoxClassifier(model.predict_proba, input_shape=(n_features,), nb_classes=2), None


def art_attacks(
    model: Any,
    name: str,
    X: np.ndarray,
    y: np.ndarray,
    members: np.ndarray,
    nonmembers: np.ndarray,
    eval_idx: np.ndarray,
    is_member_eval: np.ndarray,
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """ART's attacks as benchmarks/mia_vs_art.py runs them, on ART's wrapper for the library."""
    from art.attacks.inference.membership_inference import MembershipInferenceBlackBox, ShadowModels

    classifier, template = art_estimator(model, name, X.shape[1])
    m_train, n_train = members[: len(members) // 2], nonmembers[: len(nonmembers) // 2]
    out: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []
    for kind in ("rf", "gb"):
        t0 = time.perf_counter()
        attack = MembershipInferenceBlackBox(classifier, attack_model_type=kind)
        attack.fit(X[m_train], y[m_train], X[n_train], y[n_train])
        scores = np.asarray(attack.infer(X[eval_idx], y[eval_idx], probabilities=True)).reshape(
            len(eval_idx), -1
        )[:, -1]
        out[f"art_blackbox_{kind}"] = {
            **metrics(scores, is_member_eval),
            "seconds": round(time.perf_counter() - t0, 2),
        }
    if template is None:
        skipped.append(
            "art_shadow_models: ART has no refittable wrapper for a binary LightGBM model "
            "(its LightGBMClassifier refuses one, BlackBoxClassifier cannot be cloned)"
        )
        return out, skipped
    t0 = time.perf_counter()
    try:
        shadow = ShadowModels(template, num_shadow_models=3, random_state=0)
        onehot = np.eye(int(y.max()) + 1)[y[n_train]]  # ART's shadow models take one-hot labels
        (mx, my, mp), (nx, ny, np_) = shadow.generate_shadow_dataset(X[n_train], onehot)
        attack = MembershipInferenceBlackBox(classifier, attack_model_type="rf")
        attack.fit(mx, my, nx, ny, mp, np_)
        scores = np.asarray(attack.infer(X[eval_idx], y[eval_idx], probabilities=True))
        scores = scores.reshape(len(eval_idx), -1)[:, -1]
        out["art_shadow_models"] = {
            **metrics(scores, is_member_eval),
            "seconds": round(time.perf_counter() - t0, 2),
        }
    except Exception as exc:  # reported, not hidden
        skipped.append(f"art_shadow_models: {type(exc).__name__}: {exc}")
    return out, skipped


def save_native(model: Any, name: str, path: Path) -> None:
    if name == "XGBoost":
        model.get_booster().save_model(path)
    else:
        model.booster_.save_model(path)


def ours(
    model: Any,
    X: np.ndarray,
    y: np.ndarray,
    members: np.ndarray,
    nonmembers: np.ndarray,
    eval_pos: np.ndarray,
    is_member_eval: np.ndarray,
    k: int,
) -> dict[str, Any]:
    t0 = time.perf_counter()
    if isinstance(model, Path):
        model = load_model(model).estimator
    result = membership_inference(
        model,
        X[members],
        X[nonmembers],
        y_train=y[members],
        y_holdout=y[nonmembers],
        reference_models=k,
        seed=0,
        n_jobs=os.cpu_count(),
    )
    seconds = time.perf_counter() - t0
    is_member_all = np.r_[np.ones(len(members), bool), np.zeros(len(nonmembers), bool)]
    halves = {a: metrics(s[eval_pos], is_member_eval) for a, s in result.scores.items()}
    every = {a: metrics(s, is_member_all) for a, s in result.scores.items()}
    best = max(halves, key=lambda a: (halves[a]["tpr_1%"], halves[a]["auc"]))
    lira = max(("lira_offline", "lira_online"), key=lambda a: every[a]["auc"])
    best_all = max(every, key=lambda a: (every[a]["tpr_1%"], every[a]["auc"]))
    return {
        "seconds": round(seconds, 2),
        "best": best,
        **{m: v for m, v in halves[best].items()},
        "lira_attack": lira,
        **{f"lira_all_{m}": v for m, v in every[lira].items()},
        "best_all": best_all,
        **{f"best_all_{m}": v for m, v in every[best_all].items()},
        "refit_notes": list(result.refit_notes),
        "all_eval_halves": halves,
        "all_records": every,
    }


def sacro(
    python: Path,
    model: Any,
    tname: str,
    X: np.ndarray,
    y: np.ndarray,
    members: np.ndarray,
    nonmembers: np.ndarray,
    eval_pos: np.ndarray,
    is_member_eval: np.ndarray,
) -> dict[str, Any]:
    """SACRO-ML's attacks on the same split, run by benchmarks/sacro_runner.py in its own venv.

    The runner refits the target from ``TARGET_SPECS`` on the members and checks
    its probabilities against ``model``'s (written here); its per-record scores
    (members, then non-members, as ours) are scored with the same ``metrics``.
    """
    with tempfile.TemporaryDirectory(prefix="mp-sacro-") as tmp:
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
        cls, params = TARGET_SPECS[tname]
        (d / "spec.json").write_text(json.dumps({"class": cls, "params": params}))
        usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        load0 = os.getloadavg()[0]
        t0 = time.perf_counter()
        proc = subprocess.run(
            [str(python), str(SACRO_RUNNER), str(d), "--shadows", str(SACRO_SHADOWS)],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - t0
        usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        load1 = os.getloadavg()[0]
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-1:] or ["no message"]
            raise RuntimeError(f"sacro_runner.py exited with {proc.returncode}: {tail[0]}")
        info = json.loads((d / "sacro.json").read_text())
        scores = {a: np.load(d / f"scores_{a}.npy") for a in info["attacks"]}
    is_member_all = np.r_[np.ones(len(members), bool), np.zeros(len(nonmembers), bool)]
    halves = {a: metrics(s[eval_pos], is_member_eval) for a, s in scores.items()}
    every = {a: metrics(s, is_member_all) for a, s in scores.items()}
    attacks = info["attacks"]
    best = max(halves, key=lambda a: (halves[a]["tpr_1%"], halves[a]["auc"]))
    liras = [a for a in every if a.startswith("lira_")]
    lira = max(liras, key=lambda a: every[a]["auc"])
    best_all = max(every, key=lambda a: (every[a]["tpr_1%"], every[a]["auc"]))
    return {
        "versions": info["versions"],
        "fidelity": info["fidelity"],
        "shadow_models": info["n_shadow_models"],
        "shadow_training_s": info["shadow_training_s"],
        # SACRO's LiRA in its default (offline) mode: 100 shadow fits plus scoring
        "lira_offline_s": attacks["lira_offline"]["standalone_s"],
        "best": best,
        **halves[best],
        "seconds": attacks[best]["standalone_s"],
        "lira_attack": lira,
        **{f"lira_all_{m}": v for m, v in every[lira].items()},
        "lira_s": attacks[lira]["standalone_s"],
        "best_all": best_all,
        **{f"best_all_{m}": v for m, v in every[best_all].items()},
        "subprocess_wall_s": round(wall, 2),
        # 1-minute load average before and after: the machine is shared
        "load_average": [round(load0, 2), round(load1, 2)],
        "subprocess_cpu_s": round(
            usage1.ru_utime - usage0.ru_utime + usage1.ru_stime - usage0.ru_stime, 2
        ),
        "attacks": {
            a: {**attacks[a], "eval_halves": halves[a], "all_records": every[a]} for a in attacks
        },
    }


def run(
    name: str,
    X: np.ndarray,
    y: np.ndarray,
    targets: list[str],
    k: int,
    native: bool,
    sacro_python: Path | None,
) -> list[dict[str, Any]]:
    members, nonmembers = stratified_halves(y, 0)
    eval_idx = np.r_[members[len(members) // 2 :], nonmembers[len(nonmembers) // 2 :]]
    is_member_eval = np.r_[
        np.ones(len(members) - len(members) // 2, bool),
        np.zeros(len(nonmembers) - len(nonmembers) // 2, bool),
    ]
    # positions of the evaluation records in our scores (members first, then non-members)
    eval_pos = np.r_[
        np.arange(len(members) // 2, len(members)),
        len(members) + np.arange(len(nonmembers) // 2, len(nonmembers)),
    ]
    rows = []
    for tname in targets:
        t0 = time.perf_counter()
        model = clone(TARGETS[tname]).fit(X[members], y[members])
        fit_s = time.perf_counter() - t0
        art, art_skipped = art_attacks(
            model, tname, X, y, members, nonmembers, eval_idx, is_member_eval
        )
        best_art = max(art, key=lambda a: (art[a]["tpr_1%"], art[a]["auc"]))
        art_s = sum(v["seconds"] for v in art.values())
        measured: dict[str, Any] | None = None
        sacro_error = None
        if sacro_python is not None:
            try:
                measured = sacro(
                    sacro_python, model, tname, X, y, members, nonmembers, eval_pos, is_member_eval
                )
            except (RuntimeError, OSError, ValueError, KeyError) as exc:  # reported, not hidden
                sacro_error = f"{type(exc).__name__}: {exc}"
        sacro_est_s = None
        if measured is None:
            # one SACRO shadow: the same estimator on as many records drawn from the pool
            pool = np.r_[members, nonmembers]
            shadow_idx = np.random.default_rng(1).choice(pool, len(members), replace=False)
            shadow_fits = []
            for seed in (1, 2, 3):  # the median of three, the machine being shared
                t0 = time.perf_counter()
                clone(TARGETS[tname]).set_params(random_state=seed).fit(
                    X[shadow_idx], y[shadow_idx]
                )
                shadow_fits.append(time.perf_counter() - t0)
            sacro_est_s = SACRO_SHADOWS * float(np.median(shadow_fits))
        forms: list[tuple[str, Any]] = [("wrapper", model)]
        tmp = tempfile.TemporaryDirectory()
        if native:
            path = Path(tmp.name) / NATIVE[tname]
            save_native(model, tname, path)
            forms.append((f"native {path.suffix} file", path))
        for form, target in forms:
            mine = ours(target, X, y, members, nonmembers, eval_pos, is_member_eval, k)
            row: dict[str, Any] = {
                "dataset": name,
                "target": tname,
                "form": form,
                "members": len(members),
                "nonmembers": len(nonmembers),
                "fit_s": round(fit_s, 3),
                "ours": mine,
                "art_best": best_art,
                **{f"art_{m}": v for m, v in art[best_art].items() if m != "seconds"},
                "art_s": round(art_s, 2),
                "art_all": art,
                "art_skipped": art_skipped,
                "ours_to_art_time": round(mine["seconds"] / art_s, 2),
                "sacro_run": measured is not None,
            }
            if measured is not None:
                row["sacro"] = measured
                row["ours_to_sacro_time"] = round(mine["seconds"] / measured["lira_s"], 3)
                sacro_text = (
                    f"sacro {measured['best']:20s} auc {measured['auc']:.3f} "
                    f"tpr1 {measured['tpr_1%']:.3f} ({measured['seconds']:.1f}s)"
                )
            else:
                assert sacro_est_s is not None
                row["sacro_error"] = sacro_error
                row["sacro_reference"] = SACRO_REFERENCE.get((name, tname))
                row["sacro_estimated_s"] = round(sacro_est_s, 2)
                row["ours_to_sacro_estimated_time"] = round(mine["seconds"] / sacro_est_s, 3)
                sacro_text = f"sacro not run, est {sacro_est_s:.1f}s"
            rows.append(row)
            print(
                f"{name:13s} {tname:8s} {form:16s} ours {mine['best']:13s} auc {mine['auc']:.3f} "
                f"tpr1 {mine['tpr_1%']:.3f} ({mine['seconds']:.1f}s) | art {best_art:18s} "
                f"auc {art[best_art]['auc']:.3f} tpr1 {art[best_art]['tpr_1%']:.3f} ({art_s:.1f}s) "
                f"| {sacro_text}",
                flush=True,
            )
        tmp.cleanup()
    return rows


def sacro_python_from(arg: str | None) -> tuple[Path | None, str]:
    """The SACRO venv's interpreter to use (or None) and why."""
    if arg is None:
        if SACRO_VENV_PYTHON.exists():
            return SACRO_VENV_PYTHON, "the default .venv-sacro/bin/python"
        return None, f"no {SACRO_VENV_PYTHON.parent.parent.name}; {SACRO_HOWTO}"
    if arg.lower() == "none":
        return None, f"--sacro-python none; {SACRO_HOWTO}"
    path = Path(arg)
    if not path.exists():
        raise SystemExit(f"--sacro-python {arg}: no such file; {SACRO_HOWTO}")
    return path, str(path)


def pct(v: float) -> str:
    return f"{v:.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--adult-rows", type=int, default=10000, help="sample size; 0 for all 48,842 records"
    )
    parser.add_argument("--targets", nargs="+", default=list(TARGETS))
    parser.add_argument("--datasets", nargs="+", default=["breast_cancer", "adult"])
    parser.add_argument("--k", type=int, default=8)
    parser.add_argument("--no-native", action="store_true", help="skip the native-file targets")
    parser.add_argument(
        "--sacro-python",
        default=None,
        help="Python of a venv with sacroml 2.0.1 and lightgbm, which runs "
        "benchmarks/sacro_runner.py (default: .venv-sacro/bin/python if it exists; "
        "'none' to skip SACRO-ML)",
    )
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    sacro_python, sacro_why = sacro_python_from(args.sacro_python)
    print(f"SACRO-ML: {sacro_why}", flush=True)
    data = datasets(args.adult_rows)
    rows = []
    for name in args.datasets:
        rows += run(name, *data[name], args.targets, args.k, not args.no_native, sacro_python)
    import art

    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}, XGBoost {xgboost.__version__}, "
        f"LightGBM {lightgbm.__version__}, ART {art.__version__}"
    )
    run_rows = [r for r in rows if r["sacro_run"]]
    errors = sorted({r["sacro_error"] for r in rows if r.get("sacro_error")})
    sacro_versions = run_rows[0]["sacro"]["versions"] if run_rows else None
    if run_rows:
        fidelity = all(r["sacro"]["fidelity"]["equal"] for r in run_rows)
        sacro_note = (
            f"SACRO-ML measured ({sacro_versions}, run by benchmarks/sacro_runner.py in its own "
            f"venv, {sacro_why}): LiRA with {SACRO_SHADOWS} shadow models in its three modes "
            "(offline, online-carlini, offline-carlini; the first trains the shadow models and "
            "the others reuse them, as SACRO does, so each mode's time is the shadow training "
            "plus its own scoring) and QMIA. The runner refits the target from the same class, "
            "parameters and seed on the same members; its predict_proba "
            + (
                "equals this script's target's exactly on every member and non-member."
                if fidelity
                else "DIFFERS from this script's target's (see fidelity in the JSON)."
            )
            + " SACRO scores every record; its QMIA fits its quantile regressor on all the "
            "non-members, those it is then scored on included."
        )
    else:
        sacro_note = (
            f"SACRO-ML was not run ({sacro_why}). Its LiRA (100 shadow models) figure below is "
            "the issue's reference for breast-cancer XGBoost, measured on 2 cores with every "
            "record scored; its time is a lower bound: 100 fits of the target on as many "
            "records, timed here."
        )
    if errors:
        sacro_note += " SACRO-ML failed on some targets: " + "; ".join(errors)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "mia_gbdt.json").write_text(
        json.dumps(
            {
                "machine": machine,
                "sacro_versions": sacro_versions,
                "k": args.k,
                "adult_rows": args.adult_rows,
                "sacro": sacro_note,
                "rows": rows,
            },
            indent=2,
        )
        + "\n"
    )
    lines = [
        f"# Membership inference on XGBoost and LightGBM: modelprivacy (K={args.k}), IBM ART, SACRO-ML",
        "",
        f"Machine: {machine}. Command: `{' '.join(['python', 'benchmarks/mia_gbdt.py', *sys.argv[1:]])}`. "
        f"50/50 members (Adult: a random sample of {args.adult_rows or 'all 48,842'} records; "
        "breast cancer: all 569 records); every attack scored on the same evaluation halves "
        "(ART trains its attack model on the other halves). 'Best' is the attack with the "
        "highest TPR at 1% FPR. Default, seeded XGBClassifier and LGBMClassifier; the native "
        "rows audit the same booster saved (XGBoost .ubj, LightGBM text) and loaded back by "
        "modelprivacy (ART and SACRO attack the in-memory model, so their columns repeat).",
        "",
        f"**{sacro_note}**",
        "",
    ]
    head = (
        "| dataset | target | form | ours: best attack | AUC | TPR@1% | TPR@0.1% | ours s | "
        "ART: best attack | AUC | TPR@1% | TPR@0.1% | ART s | ours / ART time |"
    )
    rule = "|---|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"
    if run_rows:
        head += " SACRO: best attack | AUC | TPR@1% | TPR@0.1% | SACRO s | ours / SACRO time |"
        rule += "---|---:|---:|---:|---:|---:|"
    lines += [head, rule]
    for r in rows:
        o = r["ours"]
        line = (
            f"| {r['dataset']} | {r['target']} | {r['form']} | {o['best']} | {o['auc']:.3f} | "
            f"{pct(o['tpr_1%'])} | {pct(o['tpr_0.1%'])} | {o['seconds']:.1f} | {r['art_best']} | "
            f"{r['art_auc']:.3f} | {pct(r['art_tpr_1%'])} | {pct(r['art_tpr_0.1%'])} | "
            f"{r['art_s']:.1f} | {r['ours_to_art_time']:.2f} |"
        )
        if run_rows and r["sacro_run"]:
            sc = r["sacro"]
            line += (
                f" {sc['best']} | {sc['auc']:.3f} | {pct(sc['tpr_1%'])} | {pct(sc['tpr_0.1%'])} | "
                f"{sc['seconds']:.1f} | {o['seconds'] / sc['seconds']:.3f} |"
            )
        elif run_rows:
            line += " not run | | | | | |"
        lines.append(line)
    lines += [
        "",
        f"## LiRA against SACRO-ML's LiRA ({SACRO_SHADOWS} shadow models), every record scored",
        "",
    ]
    if run_rows:
        lines += [
            f"Ours: the better of LiRA offline and online (by AUC), K={args.k}, and our best "
            "attack, on all members and non-members. SACRO: the better of its three LiRA modes "
            "by AUC, and its best attack (QMIA included), on the same records. SACRO s: that "
            f"LiRA's time ({SACRO_SHADOWS} shadow fits plus scoring); ours / SACRO time divides "
            "our whole membership_inference call (all its attacks) by it.",
            "",
            "| dataset | target | form | ours: LiRA | AUC | TPR@1% | TPR@0.1% | ours: best attack "
            "| AUC | TPR@1% | ours s | SACRO: LiRA | AUC | TPR@1% | TPR@0.1% | SACRO: best attack "
            "| AUC | TPR@1% | SACRO s | ours / SACRO time |",
            "|---|---|---|---|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|",
        ]
    else:
        lines += [
            f"Ours: the better of LiRA offline and online, K={args.k}, on all members and "
            "non-members. SACRO: the issue's reference where there is one (not run here); its "
            f"time estimated as {SACRO_SHADOWS} x the median of three fits of the target's "
            "estimator on as many records (training only: SACRO also predicts every record with "
            "each shadow model).",
            "",
            "| dataset | target | form | ours: LiRA | AUC | TPR@1% | TPR@0.1% | ours: best attack "
            "| AUC | TPR@1% | ours s | SACRO LiRA AUC | TPR@1% | SACRO est. s (lower bound) | "
            "ours / SACRO time |",
            "|---|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
    for r in rows:
        o = r["ours"]
        ours_cells = (
            f"| {r['dataset']} | {r['target']} | {r['form']} | {o['lira_attack']} | "
            f"{o['lira_all_auc']:.3f} | {pct(o['lira_all_tpr_1%'])} | "
            f"{pct(o['lira_all_tpr_0.1%'])} | {o['best_all']} | {o['best_all_auc']:.3f} | "
            f"{pct(o['best_all_tpr_1%'])} | {o['seconds']:.1f} |"
        )
        if r["sacro_run"]:
            sc = r["sacro"]
            lines.append(
                ours_cells + f" {sc['lira_attack']} | {sc['lira_all_auc']:.3f} | "
                f"{pct(sc['lira_all_tpr_1%'])} | {pct(sc['lira_all_tpr_0.1%'])} | "
                f"{sc['best_all']} | {sc['best_all_auc']:.3f} | {pct(sc['best_all_tpr_1%'])} | "
                f"{sc['lira_s']:.1f} | {r['ours_to_sacro_time']:.3f} |"
            )
        elif run_rows:
            lines.append(ours_cells + " not run | | | | | | | | |")
        else:
            ref = r["sacro_reference"]
            sacro_cells = (
                f"{ref['auc']:.3f} (reference) | {pct(ref['tpr_1%'])}"
                if ref
                else "not run | not run"
            )
            lines.append(
                ours_cells + f" {sacro_cells} | {r['sacro_estimated_s']:.1f} | "
                f"{r['ours_to_sacro_estimated_time']:.3f} |"
            )
    if run_rows:
        lines += [
            "",
            "## SACRO-ML's attacks one by one (every record scored)",
            "",
            "AUC and TPRs from SACRO's per-record scores with this benchmark's metrics; 'SACRO's "
            "AUC' is the one SACRO reports itself (a check). Seconds: wall time of the attack "
            "alone (LiRA: with the shadow training), and the CPU time of the runner process "
            "during the attack as run (LiRA modes after the first reuse its shadow models).",
            "",
            "| dataset | target | attack | AUC | TPR@1% | TPR@0.1% | SACRO's AUC | wall s | CPU s as run |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        seen = set()
        for r in run_rows:
            if (r["dataset"], r["target"]) in seen:
                continue
            seen.add((r["dataset"], r["target"]))
            for a, v in r["sacro"]["attacks"].items():
                m = v["all_records"]
                lines.append(
                    f"| {r['dataset']} | {r['target']} | {a} | {m['auc']:.3f} | "
                    f"{pct(m['tpr_1%'])} | {pct(m['tpr_0.1%'])} | {v['sacro_own']['AUC']:.3f} | "
                    f"{v['standalone_s']:.1f} | {v['cpu_s']:.1f} |"
                )
        loads = [x for r in run_rows for x in r["sacro"]["load_average"]]
        shadow_s = {(r["dataset"], r["target"]): r["sacro"]["shadow_training_s"] for r in run_rows}
        lines += [
            "",
            f"SACRO's training of the {SACRO_SHADOWS} shadow models took "
            + ", ".join(f"{s:.1f} s ({d} {t})" for (d, t), s in shadow_s.items())
            + ". The machine is shared: the 1-minute load average around the SACRO runs was "
            f"{min(loads):.1f} to {max(loads):.1f} on {os.cpu_count()} cores (this benchmark "
            "itself counts for about 1). SACRO fits each shadow model with the library's default "
            "threads (all cores), and such small fits slow down many-fold when another process "
            "holds a core (see the script's docstring), so its seconds are comparable only "
            "within a quiet run; ours, ART's and SACRO's ran one after the other.",
        ]
    notes = sorted({n for r in rows for n in r["ours"]["refit_notes"]})
    art_skipped = sorted({n for r in rows for n in r["art_skipped"]})
    lines += [
        "",
        "Breast cancer has 142-143 records per evaluation half (284-285 on all records): TPR at "
        "0.1% FPR there rests on the single highest-scoring non-member, and TPR at 1% on one or "
        "two, so read those columns on Adult.",
        "",
    ]
    if art_skipped:
        lines += ["ART attacks not run:", ""] + [f"- {n}" for n in art_skipped] + [""]
    if notes:
        lines += ["Refit notes from the native files:", ""] + [f"- {n}" for n in notes] + [""]
    (RESULTS / "mia_gbdt.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
