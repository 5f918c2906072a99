"""Run SACRO-ML's membership attacks on one target; called by benchmarks/mia_gbdt.py.

This script runs INSIDE the SACRO-ML venv (``make bench-sacro`` builds
``.venv-sacro``: CPU PyTorch 2.13.0, sacroml 2.0.1, lightgbm) and never imports
modelprivacy. Usage::

    .venv-sacro/bin/python benchmarks/sacro_runner.py DIR [--shadows 100]

``DIR`` holds ``X_train.npy``, ``y_train.npy`` (the target's members),
``X_test.npy``, ``y_test.npy`` (the non-members), ``proba_train.npy`` and
``proba_test.npy`` (the calling script's target's probabilities on them) and
``spec.json`` (``{"class": "xgboost.XGBClassifier", "params": {...}}``). The
runner builds the estimator from the spec, fits it on the members, checks that
its ``predict_proba`` equals the caller's on every record, and then runs, on a
``sacroml.attacks.target.Target`` holding that model and the four arrays:

- ``LIRAAttack`` with ``--shadows`` shadow models in each of SACRO's modes
  (``offline``, ``online-carlini``, ``offline-carlini``). The modes share one
  output directory, so the shadow models trained by the first are reused by
  the others (SACRO reuses saved shadow models by design); the time spent in
  SACRO's ``train_shadow_models`` is measured separately, so each mode's
  stand-alone cost is that training plus its own scoring.
- ``QMIAAttack`` (quantile regression on the non-members' hinge scores). When
  SACRO refuses a target (it raises on a degenerate quantile regressor, as on
  a fully grown decision tree), the reason goes to ``failed`` in sacro.json and
  the LiRA results are kept.

Every attack's per-record membership score (SACRO's ``member_prob`` from
``report_individual=True``: members first, then non-members, in the order
given) goes to ``DIR/scores_<attack>.npy``; ``DIR/sacro.json`` gets the wall
and CPU times, SACRO's own AUC and TPR figures and the fidelity check. SACRO's
output directory is a temporary directory, removed at the end.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import platform
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sacroml.attacks import utils as sacro_utils
from sacroml.attacks.likelihood_attack import LIRAAttack
from sacroml.attacks.qmia_attack import QMIAAttack
from sacroml.attacks.target import Target
from sacroml.version import __version__ as sacro_version

LIRA_MODES = ("offline", "online-carlini", "offline-carlini")


def build_estimator(spec: dict[str, Any]) -> Any:
    """The estimator named by ``spec["class"]`` (``module.Class``) with ``spec["params"]``."""
    module, name = spec["class"].rsplit(".", 1)
    return getattr(importlib.import_module(module), name)(**spec["params"])


def timed_shadow_training() -> list[float]:
    """Wrap SACRO's ``train_shadow_models`` so its wall time is recorded."""
    spent: list[float] = []
    original = sacro_utils.train_shadow_models

    def wrapper(*args: Any, **kwargs: Any) -> None:
        t0 = time.perf_counter()
        original(*args, **kwargs)
        spent.append(time.perf_counter() - t0)

    sacro_utils.train_shadow_models = wrapper
    return spent


def run_attack(attack: Any, target: Target) -> tuple[np.ndarray, dict[str, Any]]:
    """Run one SACRO attack; its per-record scores and its times and own metrics."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    output = attack.attack(target)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    if not output or output.get("status") == "failed":
        raise RuntimeError(f"{attack}: {output.get('fail_reason', 'not attackable')}")
    metrics = attack.attack_metrics[0]
    scores = np.asarray(metrics["individual"]["member_prob"], dtype=float)
    info = {
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        # SACRO's own figures (its TPR@x% are interpolated, at 0.5% FPR and below)
        "sacro_own": {
            k: round(float(v), 4) for k, v in metrics.items() if k == "AUC" or k.startswith("TPR@")
        },
    }
    return scores, info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--shadows", type=int, default=100)
    parser.add_argument("--no-qmia", action="store_true")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    logging.getLogger().setLevel(logging.WARNING)
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("sacroml"):
            logging.getLogger(name).setLevel(logging.WARNING)

    d: Path = args.dir
    X_train, y_train = np.load(d / "X_train.npy"), np.load(d / "y_train.npy")
    X_test, y_test = np.load(d / "X_test.npy"), np.load(d / "y_test.npy")
    spec = json.loads((d / "spec.json").read_text())
    wall0, cpu0 = time.perf_counter(), time.process_time()
    model = build_estimator(spec).fit(X_train, y_train)
    fit_s = time.perf_counter() - wall0
    fidelity: dict[str, Any] = {}
    for part, X in (("train", X_train), ("test", X_test)):
        ours, theirs = model.predict_proba(X), np.load(d / f"proba_{part}.npy")
        fidelity[f"{part}_equal"] = bool(np.array_equal(ours, theirs))
        fidelity[f"{part}_max_abs_diff"] = float(np.max(np.abs(ours - theirs)))
    fidelity["equal"] = fidelity["train_equal"] and fidelity["test_equal"]

    shadow_spent = timed_shadow_training()
    attacks: dict[str, Any] = {}
    failed: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="sacro-") as tmp:
        for mode in LIRA_MODES:
            target = Target(
                model=model, X_train=X_train, y_train=y_train, X_test=X_test, y_test=y_test
            )
            attack = LIRAAttack(
                output_dir=tmp,
                write_report=False,
                n_shadow_models=args.shadows,
                mode=mode,
                report_individual=True,
            )
            before = len(shadow_spent)
            scores, info = run_attack(attack, target)
            info["shadow_training_s"] = round(sum(shadow_spent[before:]), 3)
            name = "lira_" + mode.replace("-", "_")
            np.save(d / f"scores_{name}.npy", scores)
            attacks[name] = info
            print(f"sacro {name}: {info['wall_s']:.1f}s", file=sys.stderr, flush=True)
        if not args.no_qmia:
            target = Target(
                model=model, X_train=X_train, y_train=y_train, X_test=X_test, y_test=y_test
            )
            try:
                scores, info = run_attack(
                    QMIAAttack(output_dir=tmp, write_report=False, report_individual=True), target
                )
            except RuntimeError as exc:  # SACRO refuses some targets (a degenerate regressor)
                failed["qmia"] = str(exc)
                print(f"sacro qmia failed: {exc}", file=sys.stderr, flush=True)
            else:
                np.save(d / "scores_qmia.npy", scores)
                attacks["qmia"] = info
    shadow_train_s = round(sum(shadow_spent), 3)
    # each LiRA mode alone: SACRO's shadow training (done once, by the first mode) plus its scoring
    for name, info in attacks.items():
        if name.startswith("lira_"):
            info["standalone_s"] = round(
                info["wall_s"] - info["shadow_training_s"] + shadow_train_s, 3
            )
        else:
            info["standalone_s"] = info["wall_s"]
    import xgboost

    try:
        import lightgbm

        lgb_version = lightgbm.__version__
    except ImportError:  # pragma: no cover - LightGBM targets then fail in build_estimator
        lgb_version = "not installed"
    result = {
        "versions": (
            f"Python {platform.python_version()}, sacroml {sacro_version}, "
            f"scikit-learn {sklearn.__version__}, XGBoost {xgboost.__version__}, "
            f"LightGBM {lgb_version}, numpy {np.__version__}"
        ),
        "spec": spec,
        "n_shadow_models": args.shadows,
        "fit_s": round(fit_s, 3),
        "fidelity": fidelity,
        "shadow_training_s": shadow_train_s,
        "attacks": attacks,
        "failed": failed,
        "total_wall_s": round(time.perf_counter() - wall0, 3),
        "total_cpu_s": round(time.process_time() - cpu0, 3),
    }
    (d / "sacro.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
