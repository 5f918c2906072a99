"""The brief's SACRO-ML reference points, side by side, on sklearn's breast-cancer data.

Three measurements on a 50/50 member split of the 569 records (the brief's
figures were measured on 2 cores with sklearn 1.9.1):

1. Membership inference on a default RandomForest (brief: SACRO-ML 2.0.1's
   LiRA with 100 shadow models, AUC 0.725), here with K=8 reference models.
2. Attribute inference on the same forest, every one of the 30 features in
   turn as the sensitive attribute (brief: SACRO-ML's attribute attack took
   595 s on one breast-cancer forest). Reports the total wall time and the
   highest residual risk.
3. A 5-nearest-neighbour classifier: what inspection sees (training rows stored
   verbatim) against what membership attacks see (brief: every membership attack
   scored AUC <= 0.52 although the model stores 284 of 284 training rows).

Writes benchmarks/results/sacro_reference.{json,md}.
"""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from modelprivacy import inspect
from modelprivacy.attacks import attribute_inference, membership_inference

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    data = load_breast_cancer(as_frame=True)
    df = data.frame.rename(columns={"target": "label"})
    order = np.random.default_rng(0).permutation(len(df))
    train = df.iloc[order[: len(df) // 2]].reset_index(drop=True)
    holdout = df.iloc[order[len(df) // 2 :]].reset_index(drop=True)
    X, y = train.drop(columns="label"), train["label"]
    out: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}",
        "members": len(train),
        "nonmembers": len(holdout),
    }
    forest = RandomForestClassifier(random_state=0).fit(X, y)
    t0 = time.perf_counter()
    mia = membership_inference(forest, train, holdout, target="label", reference_models=8, seed=0)
    mia_s = time.perf_counter() - t0
    best = mia.best(0.01)
    top_auc = max(mia.metrics.values(), key=lambda m: m.auc.value)
    out["forest_membership"] = {
        "seconds": round(mia_s, 2),
        "highest_auc_attack": top_auc.name,
        "highest_auc": round(top_auc.auc.value, 3),
        "highest_auc_ci": [round(top_auc.auc.low, 3), round(top_auc.auc.high, 3)],
        "best_tpr_attack": best.name,
        "tpr_at_1%_fpr": round(best.tpr_at_fpr[0.01].value, 3),
    }
    features = list(X.columns)
    t0 = time.perf_counter()
    attr = attribute_inference(forest, train, holdout, target="label", sensitive=features, seed=0)
    attr_s = time.perf_counter() - t0
    risks = {c: attr.best(c).residual_risk for c in features}
    worst = max(risks, key=lambda c: risks[c].value)
    out["forest_attribute"] = {
        "seconds": round(attr_s, 2),
        "columns": len(features),
        "highest_residual_risk_column": worst,
        "highest_residual_risk": round(risks[worst].value, 3),
        "highest_residual_risk_ci": [round(risks[worst].low, 3), round(risks[worst].high, 3)],
        "columns_with_risk_interval_above_0": int(sum(r.low > 0 for r in risks.values())),
    }
    knn = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(X, y)
    inspection = inspect(knn, X, y)
    stored = next((f for f in inspection.findings if f.check_id == "MP-S101"), None)
    knn_mia = membership_inference(knn, train, holdout, target="label", reference_models=8, seed=0)
    out["knn"] = {
        "rows_stored_verbatim": stored.records.count if stored else 0,
        "of": len(train),
        "membership_auc": {n: round(m.auc.value, 3) for n, m in knn_mia.metrics.items()},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sacro_reference.json").write_text(json.dumps(out, indent=2) + "\n")
    fm, fa, kn = out["forest_membership"], out["forest_attribute"], out["knn"]
    aucs = pd.Series(kn["membership_auc"])
    lines = [
        "# The brief's SACRO-ML reference points on breast cancer (50/50 split)",
        "",
        f"Machine: {out['machine']}. Command: `python benchmarks/sacro_reference.py`. "
        f"{len(train)} members, {len(holdout)} non-members.",
        "",
        "| measurement | modelprivacy | brief's reference (SACRO-ML 2.0.1) |",
        "|---|---|---|",
        f"| RandomForest membership AUC | {fm['highest_auc']:.3f} [{fm['highest_auc_ci'][0]:.3f}, "
        f"{fm['highest_auc_ci'][1]:.3f}] ({fm['highest_auc_attack']}, K=8, {fm['seconds']:.1f} s) | "
        "0.725 (LiRA, 100 shadow models) |",
        f"| RandomForest attribute inference, all {fa['columns']} features | {fa['seconds']:.1f} s; highest "
        f"residual risk {fa['highest_residual_risk']:.2f} [{fa['highest_residual_risk_ci'][0]:.2f}, "
        f"{fa['highest_residual_risk_ci'][1]:.2f}]; {fa['columns_with_risk_interval_above_0']} columns "
        "with an interval above 0 | 595 s |",
        f"| 5-NN: training rows stored (inspection) | {kn['rows_stored_verbatim']} of {kn['of']} | "
        "284 of 284 (not reported by SACRO-ML) |",
        f"| 5-NN: membership AUC, all attacks | {aucs.min():.3f} to {aucs.max():.3f} | <= 0.52 |",
        "",
    ]
    (RESULTS / "sacro_reference.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
