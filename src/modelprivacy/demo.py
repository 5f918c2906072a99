"""The demos behind ``make demo`` (``--quick``) and ``make demo-full``: audit models fitted on UCI Adult.

``--quick`` (``make demo``, well under a minute after set-up) fits one
RandomForest on a seeded sample of 6,000 Adult people, audits the saved file
against 3,000 held-out people with K=4 reference models, sanitises it and shows
the before/after table. Without it (``make demo-full``):

Fits three typical models on the 32,561 people of the bundled Adult training
data (a default RandomForest, a k-NN pipeline with one-hot encoding, a
LogisticRegression pipeline), saves each as a pickle and audits each file (it is
loaded through the restricted unpickler) with the training data, the 16,281
held-out people of Adult's test file, and ``sex`` and ``race`` as sensitive
columns. Prints each verdict and writes HTML, Markdown and JSON reports to
``out/demo/`` unless ``--out`` says otherwise. Ends by sanitising the forest
with k=10, auditing the safer model the same way, and showing the before/after
table.
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
from modelprivacy.findings import Severity

__all__ = ["SENSITIVE", "demo_models", "main"]

SENSITIVE = ("sex", "race")


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


def _headline(result: Any) -> str:
    """One sentence on the sharpest exposure."""
    n = result.settings.get("n_train") or 0
    for f in result.findings:
        if f.check_id == "MP-S110" and f.records.count:
            return f"{f.records.count:,} of {n:,} people are singled out by the boxes of small tree leaves."
        if f.check_id == "MP-S105" and f.severity is Severity.HIGH:
            return f"{f.records.count:,} of {n:,} people sit alone in a leaf of some tree."
        if f.check_id == "MP-S101":
            return f"the file holds the full training rows of {f.records.count:,} of {n:,} people."
    if result.exposure is not None:
        return result.exposure.summary()
    return "no finding of medium or high severity."


def _audit(path: Path, train: Any, holdout: Any, args: argparse.Namespace) -> Any:
    """Audit a model file the demo's way: Adult's test file as holdout, sex and race sensitive."""
    from modelprivacy.auditing import audit

    return audit(
        path,
        train,
        holdout,
        target=ADULT_TARGET,
        sensitive=SENSITIVE,
        reference_models=args.reference_models,
        n_jobs=-1,
        seed=args.seed,
    )


def _sanitize_forest(
    console: Console, args: argparse.Namespace, audited: tuple[Any, Any], train: Any, holdout: Any
) -> None:
    """Sanitise the forest with k=10, audit the safer model alike, show before and after."""
    from modelprivacy.sanitizing import sanitize, save_model
    from modelprivacy.sanitizing.prove import compare

    model, before = audited
    X, y = train.drop(columns=[ADULT_TARGET]), train[ADULT_TARGET].to_numpy()
    console.rule("[bold]Sanitising the random forest (k = 10) and auditing it again")
    with console.status("Sanitising ..."):
        result = sanitize(model, X, y, k=10, seed=args.seed)
        path = save_model(result.model, args.out / "random_forest.safer.skops")
    with console.status("Auditing the sanitised forest ..."):
        after = _audit(path, train, holdout, args)
    report = compare(
        model,
        result,
        before,
        after,
        holdout.drop(columns=[ADULT_TARGET]),
        holdout[ADULT_TARGET].to_numpy(),
    )
    (args.out / "random_forest.sanitize.html").write_text(report.render("html"), encoding="utf-8")
    (args.out / "random_forest.sanitize.md").write_text(report.render("markdown"), encoding="utf-8")
    console.print(report.render("terminal", width=console.width), highlight=False)
    console.print(f"The safer model is {path}; it loads without --trust.")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo.

    Parameters
    ----------
    argv : sequence of str, optional
        ``--out DIR``, ``--seed N``, ``--reference-models K`` and ``--models``.

    Returns
    -------
    int
        Exit status (0).
    """
    parser = argparse.ArgumentParser(prog="python -m modelprivacy.demo", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reference-models", type=int, default=8)
    parser.add_argument("--models", nargs="+", default=None, choices=list(demo_models()))
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one forest on a 6,000-person sample, K=4: the short demo of make demo",
    )
    args = parser.parse_args(argv)
    if args.models is None:
        args.models = ["random_forest"] if args.quick else list(demo_models())
    if args.quick and "--reference-models" not in (argv if argv is not None else sys.argv):
        args.reference_models = 4
    console = Console()
    args.out.mkdir(parents=True, exist_ok=True)
    train = load_adult()
    holdout = load_adult(subset="test")
    if args.quick:
        train = train.sample(n=6000, random_state=args.seed).reset_index(drop=True)
        holdout = holdout.sample(n=3000, random_state=args.seed).reset_index(drop=True)
    X = train.drop(columns=[ADULT_TARGET])
    y = train[ADULT_TARGET].to_numpy()
    console.rule("[bold]modelprivacy demo: auditing models fitted on UCI Adult")
    console.print(
        f"{len(train):,} people to train on, {len(holdout):,} held out, {X.shape[1]} columns, target "
        f"[bold]{ADULT_TARGET}[/], sensitive columns {', '.join(SENSITIVE)}. "
        "Data: Becker & Kohavi (1996), UCI ML Repository, CC BY 4.0.\n"
    )
    summary = Table(title=f"Verdicts (k = 10, K = {args.reference_models} reference models)")
    for col in ("model", "verdict", "singling out", "linkability", "inference", "fit s", "audit s"):
        summary.add_column(col, justify="right" if col.endswith(" s") else "left")
    headlines = []
    audits: dict[str, tuple[Any, Any]] = {}
    models = demo_models(args.seed)
    for name in args.models:
        model = models[name]
        t0 = time.perf_counter()
        model.fit(X, y)
        fit_s = time.perf_counter() - t0
        path = args.out / f"{name}.pkl"
        joblib.dump(model, path)
        t0 = time.perf_counter()
        with console.status(f"Auditing {name} ..."):
            result = _audit(path, train, holdout, args)
        audit_s = time.perf_counter() - t0
        for fmt, suffix in (("html", "html"), ("markdown", "md"), ("json", "json")):
            (args.out / f"{name}.audit.{suffix}").write_text(result.render(fmt), encoding="utf-8")
        v = result.verdict
        risks = [c.risk for c in v.criteria.values()]
        summary.add_row(name, v.overall, *risks, f"{fit_s:.1f}", f"{audit_s:.1f}")
        headlines.append((name, _headline(result)))
        audits[name] = (model, result)
        console.print(f"[bold]{name}[/]: {v.overall}. {v.explanation}", highlight=False)
    console.print(summary)
    for name, text in headlines:
        console.print(f"[bold]{name}[/]: {text}", highlight=False)
    if "random_forest" in audits:
        _sanitize_forest(console, args, audits["random_forest"], train, holdout)
    console.print(f"\nHTML, Markdown and JSON reports and the model files are in {args.out}/. Try:")
    first = args.models[0]
    console.print(f"  open {args.out}/{first}.audit.html in a browser")
    console.print(f"  .venv/bin/modelprivacy inspect {args.out}/{first}.pkl --format markdown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
