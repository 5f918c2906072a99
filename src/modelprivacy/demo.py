"""The demo behind ``make demo``: what typical models fitted on UCI Adult carry.

Fits three typical models on the 32,561 people of the bundled Adult training
data (a default RandomForest, a k-NN pipeline with one-hot encoding, a
LogisticRegression pipeline), saves each as a pickle, inspects each file with
the training data (the file is loaded through the restricted unpickler), and
prints what each one carries. Reports go to ``out/demo/`` unless ``--out`` says
otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import joblib
from rich.console import Console
from rich.table import Table

from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET, load_adult
from modelprivacy.findings import InspectionResult, Severity
from modelprivacy.inspection.runner import inspect
from modelprivacy.report import Format, render

__all__ = ["demo_models", "main"]


def demo_models(seed: int = 0) -> dict[str, Any]:
    """The three unfitted demo models.

    Parameters
    ----------
    seed : int, default=0
        Random seed of the forest.

    Returns
    -------
    dict
        ``{name: estimator}``.
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

    def onehot() -> ColumnTransformer:
        return ColumnTransformer(
            [
                ("num", StandardScaler(), ADULT_NUMERIC),
                (
                    "cat",
                    make_pipeline(
                        SimpleImputer(strategy="constant", fill_value="missing"),
                        OneHotEncoder(handle_unknown="ignore"),
                    ),
                    ADULT_CATEGORICAL,
                ),
            ]
        )

    ordinal = ColumnTransformer(
        [
            ("num", "passthrough", ADULT_NUMERIC),
            (
                "cat",
                OrdinalEncoder(
                    handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1
                ),
                ADULT_CATEGORICAL,
            ),
        ]
    )
    return {
        "random_forest": make_pipeline(
            ordinal, RandomForestClassifier(random_state=seed, n_jobs=-1)
        ),
        "knn": make_pipeline(onehot(), KNeighborsClassifier()),
        "logistic_regression": make_pipeline(onehot(), LogisticRegression(max_iter=1000)),
    }


def _headline(name: str, result: InspectionResult) -> str:
    """One sentence on the sharpest exposure."""
    n = result.n_train or 0
    for f in result.findings:
        if f.check_id == "MP-S105" and f.severity is Severity.HIGH:
            rec = f.evidence.get("label_recovered", 0)
            return (
                f"{f.records.count:,} of {n:,} people sit alone in a leaf of some tree; for {rec:,} of them "
                "the leaf gives away their income label."
            )
        if f.check_id == "MP-S101":
            return f"the file holds the full training rows of {f.records.count:,} of {n:,} people."
    exposed = len(result.records_exposed(Severity.MEDIUM))
    if exposed:
        return f"{exposed:,} of {n:,} people are exposed by medium or high findings."
    return f"no finding of medium or high severity for the {n:,} people."


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo.

    Parameters
    ----------
    argv : sequence of str, optional
        ``--out DIR`` and ``--seed N``.

    Returns
    -------
    int
        Exit status (0).
    """
    parser = argparse.ArgumentParser(prog="python -m modelprivacy.demo", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    console = Console()
    args.out.mkdir(parents=True, exist_ok=True)
    train = load_adult()
    X = train.drop(columns=[ADULT_TARGET])
    y = train[ADULT_TARGET].to_numpy()
    console.rule("[bold]modelprivacy demo: UCI Adult")
    console.print(
        f"{len(train):,} people, {X.shape[1]} columns, target [bold]{ADULT_TARGET}[/]. "
        "Data: Becker & Kohavi (1996), UCI ML Repository, CC BY 4.0.\n"
    )
    summary = Table(title="What each model carries (k = 10)")
    summary.add_column("model", no_wrap=True)
    for col in ("fit s", "inspect s", "high", "medium", "low", "people exposed (medium+)"):
        summary.add_column(col, justify="right")
    headlines = []
    for name, model in demo_models(args.seed).items():
        t0 = time.perf_counter()
        model.fit(X, y)
        fit_s = time.perf_counter() - t0
        path = args.out / f"{name}.pkl"
        joblib.dump(model, path)
        t0 = time.perf_counter()
        result = inspect(path, X, y, seed=args.seed)
        inspect_s = time.perf_counter() - t0
        report = args.out / f"{name}.md"
        report.write_text(render(result, Format.MARKDOWN), encoding="utf-8")
        counts = {s: len([f for f in result.findings if f.severity is s]) for s in Severity}
        summary.add_row(
            name,
            f"{fit_s:.1f}",
            f"{inspect_s:.1f}",
            str(counts[Severity.HIGH]),
            str(counts[Severity.MEDIUM]),
            str(counts[Severity.LOW]),
            f"{len(result.records_exposed(Severity.MEDIUM)):,}",
        )
        headlines.append((name, _headline(name, result)))
        console.print(render(result, Format.TERMINAL, width=console.width))
    console.print(summary)
    for name, text in headlines:
        console.print(f"[bold]{name}[/]: {text}")
    console.print(f"\nMarkdown reports and model files are in {args.out}/. Try:")
    console.print(f"  .venv/bin/modelprivacy inspect {args.out}/knn.pkl --format markdown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
