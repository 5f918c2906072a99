"""Wall time of the demo's audits, and where it goes.

Fits the three demo models (``modelprivacy.demo.demo_models``) on the 32,561
people of Adult's training file, saves each as a pickle and audits the file
with Adult's 16,281 held-out people and ``sex`` and ``race`` as sensitive
columns, K=8 reference models, as ``make demo`` does. Reports per model the
fit time, the audit's total and its split (reference models, membership attacks
and statistics, per-record exposure, attribute inference, inspection and
singling out) and the time to render each report format. Goal: under 2
minutes per model on 2 cores.

Then the membership audit alone, as ``modelprivacy attack membership`` runs it
(the file loaded by the safe loader, membership inference on at most 10,000
members and as many non-members, the report rendered), against the physical
limit of a reference-model audit: K+1 fits of the model. Goal: at most
1.1 x (K+1) x fit + 0.5 s, and the fixed steps (attacks and statistics,
per-record exposure, the report; not the model's own answers, the "+1") at
most 0.5 s together. A k-NN's fit only stores the rows: its cost is in its
answers, which the bound on fits does not count. Writes
benchmarks/results/audit_time.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import joblib
import sklearn

from modelprivacy.attacks import membership_inference
from modelprivacy.attacks.findings import membership_finding
from modelprivacy.auditing import audit
from modelprivacy.datasets import ADULT_TARGET, load_adult
from modelprivacy.demo import SENSITIVE, demo_models
from modelprivacy.load import load_model
from modelprivacy.report.documents import MembershipReport

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).parent / "results"
STEPS = (
    "membership: reference models",
    "membership: target queries",
    "membership: attacks and statistics",
    "membership: per-record exposure",
    "attribute",
    "inspection and singling out",
    "release modes",
)


def _membership_audit(path: Path, train: Any, holdout: Any, k: int, fit_s: float) -> dict[str, Any]:
    """Time ``attack membership`` on the file: safe load, K reference fits, attacks, report."""
    t0 = time.perf_counter()
    loaded = load_model(path)
    load_s = time.perf_counter() - t0
    result = membership_inference(
        loaded.estimator,
        train,
        holdout,
        target=ADULT_TARGET,
        reference_models=k,
        n_jobs=-1,
        max_records=10_000,
        seed=0,
    )
    t1 = time.perf_counter()
    finding = membership_finding(result)
    MembershipReport(result, finding, source=str(path)).render("json")
    report_s = time.perf_counter() - t1
    total_s = time.perf_counter() - t0
    steps = {name: round(v, 2) for name, v in result.timings.items()}
    fixed_s = (
        result.timings.get("attacks and statistics", 0.0)
        + result.timings.get("per-record exposure", 0.0)
        + report_s
    )
    bound_s = 1.1 * (k + 1) * fit_s + 0.5
    return {
        "load_s": round(load_s, 2),
        "steps_s": steps,
        "report_s": round(report_s, 2),
        "total_s": round(total_s, 2),
        "scored_records": len(result.is_member),
        "fixed_s": round(fixed_s, 2),
        "bound_s": round(bound_s, 2),
        "within_bound": total_s <= bound_s,
        "placement": list(result.refit_notes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--k", type=int, default=8, help="reference models")
    parser.add_argument("--models", nargs="+", default=list(demo_models()))
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    train, holdout = load_adult(), load_adult(subset="test")
    X, y = train.drop(columns=[ADULT_TARGET]), train[ADULT_TARGET].to_numpy()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.models:
            model = demo_models(0)[name]
            t0 = time.perf_counter()
            model.fit(X, y)
            fit_s = time.perf_counter() - t0
            path = Path(tmp) / f"{name}.pkl"
            joblib.dump(model, path)
            t0 = time.perf_counter()
            result = audit(
                path,
                train,
                holdout,
                target=ADULT_TARGET,
                sensitive=SENSITIVE,
                reference_models=args.k,
                n_jobs=-1,
                seed=0,
            )
            audit_s = time.perf_counter() - t0
            render = {}
            for fmt in ("terminal", "markdown", "json", "html"):
                t1 = time.perf_counter()
                result.render(fmt)
                render[fmt] = time.perf_counter() - t1
            row = {
                "model": name,
                "fit_s": round(fit_s, 2),
                "audit_s": round(audit_s, 2),
                "steps_s": {s: round(result.timings.get(s, 0.0), 2) for s in STEPS},
                "render_s": {k: round(v, 2) for k, v in render.items()},
                "verdict": result.verdict.overall,
                "membership_audit": _membership_audit(path, train, holdout, args.k, fit_s),
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "audit_time.json").write_text(
        json.dumps({"machine": machine, "k": args.k, "rows": rows}, indent=2) + "\n"
    )
    head = [
        "model",
        "fit s",
        "audit s",
        *[s.replace("membership: ", "") for s in STEPS],
        "HTML s",
        "verdict",
    ]
    lines = [
        f"# Audit time of the demo models (K={args.k})",
        "",
        f"Machine: {machine}. Command: `python benchmarks/audit_time.py`. 32,561 training and 16,281 "
        "held-out people of UCI Adult; sensitive columns sex and race. Steps: reference models, "
        "the audited model's answers on the scored records (target queries), membership attacks "
        "and statistics, per-record exposure, attribute inference, inspection "
        "and singling out (leaf boxes, exposure table), the served release modes (scores, "
        "rounded:2, top:1, labels: their attacks on the same reference models, the default "
        "`release`), then rendering the HTML report.",
        "",
        "| " + " | ".join(head) + " |",
        "|---|" + "---:|" * (len(head) - 2) + "---|",
    ]
    for r in rows:
        cells = [r["model"], f"{r['fit_s']:.1f}", f"{r['audit_s']:.1f}"]
        cells += [f"{r['steps_s'][s]:.1f}" for s in STEPS]
        cells += [f"{r['render_s']['html']:.1f}", r["verdict"]]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        f"## The membership audit alone, against the physical limit (K+1 = {args.k + 1} fits)",
        "",
        "As `modelprivacy attack membership` runs it: the file through the safe loader, membership "
        "inference on at most 10,000 members and as many non-members, the JSON report. Bound: "
        f"1.1 x {args.k + 1} x fit + 0.5 s. Fixed steps: attacks and statistics, per-record "
        "exposure and the JSON report (goal: at most 0.5 s together); the audited model's "
        "answers on the scored records (target queries) are the +1 of K+1. A k-NN's fit only "
        "stores its rows: its cost is in its answers, which a bound on fits does not count.",
        "",
        "| model | fit s | bound s | total s | within | load s | reference models s | "
        "target queries s | fixed steps s | scored records | where the reference models ran |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        m = r["membership_audit"]
        lines.append(
            f"| {r['model']} | {r['fit_s']:.2f} | {m['bound_s']:.1f} | {m['total_s']:.1f} | "
            f"{'yes' if m['within_bound'] else 'no'} | {m['load_s']:.2f} | "
            f"{m['steps_s'].get('reference models', 0.0):.1f} | "
            f"{m['steps_s'].get('target queries', 0.0):.2f} | {m['fixed_s']:.2f} | "
            f"{m['scored_records']:,} | {'; '.join(m['placement']) or 'in this process'} |"
        )
    lines.append("")
    (RESULTS / "audit_time.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
