"""The ``modelprivacy`` command line. The only module that prints or exits.

Exit codes: 0 when no finding reaches ``--fail-on``, 1 when one does, 2 for a
usage or input error (a bad or unsafe model file, missing columns, ...).
The one-line summary goes to stderr; the report goes to stdout or ``--output``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from modelprivacy import __version__
from modelprivacy._files import umask_mode
from modelprivacy.errors import ModelPrivacyError
from modelprivacy.findings import InspectionResult, Severity
from modelprivacy.progress import progress_bar as _progress_bar
from modelprivacy.progress import status as _status
from modelprivacy.progress import step_progress as _step_progress

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions as argparse does; keeps an epilog's lines (examples, exit codes) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not text.startswith("Examples:"):
            return super()._fill_text(text, width, indent)
        import textwrap

        out: list[str] = []
        for line in text.splitlines():
            if line.startswith("  modelprivacy ") and len(line) > width:
                # a long command: continued with a backslash, as a shell reads it
                parts = textwrap.wrap(
                    line.strip(), width - 4, break_long_words=False, break_on_hyphens=False
                )
                out += [f"  {parts[0]} \\", *(f"      {q} \\" for q in parts[1:-1])]
                out.append(f"      {parts[-1]}")
            elif line[:3].strip().isdigit() and len(line) > width:  # "  2  meaning"
                out += textwrap.wrap(line, width, subsequent_indent="     ")
            else:
                out.append(line)
        return "\n".join(indent + line for line in out)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with status 2 and one line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


#: Exit codes of the commands that report findings, shown in their --help.
_FINDINGS_CODES = (
    (EXIT_OK, "no finding at or above --fail-on (default high)"),
    (EXIT_FINDINGS, "a finding at or above --fail-on"),
    (
        EXIT_ERROR,
        "bad input (a file that cannot be loaded safely, data that does not match, a "
        "bad option) or an error: one line on stderr naming the problem and the fix",
    ),
)
#: ``{command: (examples, exit codes)}``: the epilog of each command's --help.
EPILOGS: dict[str, tuple[tuple[str, ...], tuple[tuple[int, str], ...]]] = {
    "modelprivacy": (
        (
            "modelprivacy inspect model.pkl",
            "modelprivacy audit model.pkl --train train.csv --holdout holdout.csv --target income",
            "modelprivacy sanitize model.pkl --output safer.skops --train train.csv --target income",
            "modelprivacy checks",
        ),
        _FINDINGS_CODES,
    ),
    "inspect": (
        (
            "modelprivacy inspect model.pkl",
            "modelprivacy inspect model.skops --train train.csv --target income --format html "
            "--output inspect.html",
            "modelprivacy inspect model.json --format json --fail-on medium",
            "modelprivacy inspect runs:/RUN_ID/model --mlflow",
        ),
        _FINDINGS_CODES,
    ),
    "audit": (
        (
            "modelprivacy audit model.pkl",
            "modelprivacy audit model.pkl --train train.csv --holdout holdout.csv --target income "
            "--sensitive sex race",
            "modelprivacy audit model.pkl --train train.csv --holdout holdout.csv --target income "
            "--budget 60 --backend dask --format html --output audit.html",
            "modelprivacy audit models:/income/3 --train train.csv --holdout holdout.csv "
            "--target income --mlflow",
            "modelprivacy audit model.pkl --train train.csv --holdout holdout.csv --target income "
            "--sensitive sex --release all",
        ),
        _FINDINGS_CODES,
    ),
    "sanitize": (
        (
            "modelprivacy sanitize model.pkl --output safer.skops",
            "modelprivacy sanitize model.pkl --output safer.skops --train train.csv "
            "--holdout holdout.csv --target income --report before_after.md --format markdown",
            "modelprivacy sanitize knn.pkl --output safer.skops --train train.csv "
            "--holdout holdout.csv --target income --replace",
        ),
        (
            (EXIT_OK, "wrote the safer model (the re-audit found it safer, or there was none)"),
            (
                EXIT_FINDINGS,
                "wrote no model (something was refused, or nothing to change), or "
                "wrote one that the re-audit did not find safer",
            ),
            (
                EXIT_ERROR,
                "bad input or an error: one line on stderr naming the problem and the fix",
            ),
        ),
    ),
    "checks": (
        ("modelprivacy checks", "modelprivacy checks --format json"),
        ((EXIT_OK, "listed"), (EXIT_ERROR, "an error")),
    ),
    "docs": (
        (
            "modelprivacy docs MP-S105",
            "modelprivacy docs docs/checks.md#mp-s105",
            "modelprivacy docs",
        ),
        ((EXIT_OK, "printed"), (EXIT_ERROR, "an unknown check id or reference")),
    ),
    "membership": (
        (
            "modelprivacy attack membership model.pkl --train train.csv --holdout holdout.csv "
            "--target income",
            "modelprivacy attack membership model.pkl --train train.csv --holdout holdout.csv "
            "--target income --reference-models 64 --attacks lira_online rmia_online",
        ),
        _FINDINGS_CODES,
    ),
    "attribute": (
        (
            "modelprivacy attack attribute model.pkl --train train.csv --holdout holdout.csv "
            "--target income --sensitive sex race",
            "modelprivacy attack attribute model.pkl --train train.csv --holdout holdout.csv "
            "--target income --sensitive sex --no-label",
        ),
        _FINDINGS_CODES,
    ),
    "singling-out": (
        (
            "modelprivacy attack singling-out model.pkl --train train.csv --target income",
            "modelprivacy attack singling-out model.pkl --train train.csv --target income "
            "--population population.csv --format markdown --output singling.md",
        ),
        _FINDINGS_CODES,
    ),
}


def _epilog(command: str) -> str:
    """The examples and exit codes of ``command``, as its --help ends."""
    examples, codes = EPILOGS[command]
    lines = ["Examples:", *(f"  {e}" for e in examples), "", "Exit codes:"]
    lines += [f"  {code}  {meaning}" for code, meaning in codes]
    return "\n".join(lines)


def _k(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 2:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 2, got {value}")
    return value


def _budget(text: str) -> float:
    """``--budget``: a positive, finite number of seconds."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a positive number of seconds, got {text!r}"
        ) from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser.

    Returns
    -------
    argparse.ArgumentParser
        The parser of the ``modelprivacy`` command.
    """
    from modelprivacy.report.formats import formats

    parser = _Parser(
        prog="modelprivacy",
        description="What does this trained model reveal about its confidential training data?",
        epilog=_epilog("modelprivacy"),
    )
    parser.add_argument("--version", action="version", version=f"modelprivacy {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser(
        "inspect",
        epilog=_epilog("inspect"),
        help="list what of the training data a model file carries",
        description=(
            "List what of the training data a model file carries, without executing untrusted "
            "code. With --train, every finding is confirmed against the data and counted in records."
        ),
    )
    _add_common(p, formats=formats("inspection"))
    p.add_argument(
        "--train", type=Path, help="training data (.csv, .parquet) exactly as it went into fit"
    )
    p.add_argument("--target", help="name of the label column in --train")
    p.add_argument(
        "--id-column", help="column of --train with record IDs (reported instead of row numbers)"
    )
    p.add_argument(
        "--k",
        type=_k,
        default=10,
        help="groups of fewer than K records single people out (default 10)",
    )
    p.add_argument(
        "--show-values", action="store_true", help="show raw training values in examples"
    )
    p.add_argument(
        "--seed", type=int, default=0, help="random seed recorded in the report (default 0)"
    )
    _add_mlflow(p, "inspection (maximum severity, findings by severity)")

    a = sub.add_parser(
        "audit",
        epilog=_epilog("audit"),
        help="one verdict per criterion (singling out, linkability, inference), with a report",
        description=(
            "Audit a model: inspect what the file carries, single out people by its leaves and "
            "stored values, run membership and attribute inference, and give one verdict per "
            "criterion with the evidence. With only the model it runs what it can and says what "
            "it skipped and why."
        ),
    )
    _add_common(a, formats=formats("audit"))
    _add_data(a, ["train", "holdout", "population", "target", "id_column", "subject_column"])
    _add_parallel(a)
    a.add_argument("--sensitive", nargs="+", default=[], help="columns to attack (e.g. sex race)")
    a.add_argument("--k", type=_k, default=10, help="groups of fewer than K people single them out")
    a.add_argument(
        "--max-records",
        type=_k,
        default=10_000,
        help="audit at most this many members and non-members (a seeded sample; default 10000)",
    )
    a.add_argument(
        "--all-records", action="store_true", help="audit every record (no sampling; slower)"
    )
    a.add_argument(
        "--no-label",
        action="store_true",
        help="the attribute-inference attacker does not know the person's label",
    )
    a.add_argument(
        "--show-values", action="store_true", help="show raw training values in examples"
    )
    a.add_argument(
        "--release",
        type=_release,
        default=None,
        metavar="MODES",
        help="the release modes to decide a verdict for, as a table: all (the default: file, "
        "scores, rounded:2, top:1, labels), or a comma-separated list of file (the file shared), "
        "scores, rounded:D, top:K and labels (served behind an API that returns that much); each "
        "served mode runs the black-box attacks again on what it returns, from the same K "
        "reference models. Given, the exit code follows these modes' findings; file alone skips "
        "the served modes",
    )
    _add_mlflow(
        a,
        "audit (the verdict, the risk per criterion, membership TPR at 1%% FPR, people "
        "exposed, the highest residual risk)",
    )

    c = sub.add_parser(
        "checks",
        epilog=_epilog("checks"),
        help="list every check: its id, criterion, what it needs and where it runs",
        description=(
            "List every check modelprivacy runs: its stable id, the criterion it bears on, "
            "what it looks for, the inputs without which it is skipped, the commands that run "
            "it, the module that implements it and its documentation."
        ),
    )
    c.add_argument(
        "--format",
        choices=formats("checks"),
        default="terminal",
        help="output format (default terminal)",
    )
    c.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")

    d = sub.add_parser(
        "docs",
        epilog=_epilog("docs"),
        help="print the documentation of a check (e.g. MP-S105), as shipped with this version",
        description=(
            "Print the section of the documentation shipped with this version of modelprivacy "
            "that a check id (MP-S105) or a report's docs reference (docs/checks.md#mp-s105) "
            "points to; without an argument, list the pages."
        ),
    )
    d.add_argument("ref", nargs="*", help="check ids or docs references")
    d.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")

    z = sub.add_parser(
        "sanitize",
        epilog=_epilog("sanitize"),
        help="discard or lock away what identifies people, then prove it with a re-audit",
        description=(
            "Write a safer copy of a model: strip attributes prediction does not need, enforce a "
            "minimum group size k (prune tree leaves, refit encoders and vectorizers with "
            "min_frequency/min_df, clip scaler extremes, fewer quantiles). Models that are the "
            "data (k-NN, SVMs, ...) are refused, or replaced with --replace. With --train the "
            "original and the safer model are audited alike and compared. The input file is "
            "never modified."
        ),
    )
    z.add_argument("model", type=_model_argument, help=MODEL_FILE_HELP)
    z.add_argument(
        "--output",
        "-o",
        type=Path,
        required=True,
        help="the safer model (.skops by default; .joblib or .pkl for joblib)",
    )
    z.add_argument("--train", type=Path, help="training data (refits and the re-audit use it)")
    z.add_argument("--holdout", type=Path, help="non-members (membership audit and utility)")
    z.add_argument("--target", help="name of the label column")
    z.add_argument("--k", type=_k, default=10, help="minimum group size to enforce (default 10)")
    z.add_argument(
        "--release",
        type=_release,
        default=None,
        metavar="MODE",
        help="instead of discarding, lock the model away: write a serving wrapper (.skops) that "
        "answers only labels, rounded:D (scores to D decimals) or top:K (the K likeliest "
        "classes), and re-audit it in that mode with --train and --holdout; it protects a "
        "served model, not a shared file",
    )
    z.add_argument(
        "--replace",
        action="store_true",
        help=(
            "replace models that are the data (k-NN, SVMs, ...) by the re-audited alternative "
            "with no riskier criterion and the lowest risk at almost the best holdout utility"
        ),
    )
    z.add_argument("--sensitive", nargs="+", default=[], help="columns for attribute inference")
    z.add_argument("--id-column", help="column with record IDs")
    z.add_argument(
        "--subject-column", help="column naming the person of each record (never a feature)"
    )
    z.add_argument(
        "--reference-models", type=_k, default=8, help="reference models for the re-audit"
    )
    z.add_argument("--n-jobs", type=int, default=None, help="parallel jobs (-1: all cores)")
    _add_backend(z)
    _add_cache(z)
    z.add_argument(
        "--report", type=Path, help="write the before/after report here instead of stdout"
    )
    z.add_argument(
        "--format",
        choices=formats("sanitize"),
        default="terminal",
        help="report format (default terminal)",
    )
    z.add_argument(
        "--trust", action="store_true", help="load the model with plain pickle (trusted files only)"
    )
    z.add_argument("--debug", action="store_true", help="show tracebacks")
    _add_limits(z)
    z.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    attack = sub.add_parser("attack", help="attack the model the way published attacks do")
    attack_sub = attack.add_subparsers(dest="attack", required=True, parser_class=_Parser)
    m = attack_sub.add_parser(
        "membership",
        epilog=_epilog("membership"),
        help="membership inference: can an attacker tell who was in the training set?",
        description=(
            "Membership inference with reference models: loss threshold, population, LiRA (online, "
            "offline) and RMIA (online, offline). Reports AUC, TPR at fixed FPR and an empirical "
            "epsilon lower bound per attack, with confidence intervals."
        ),
    )
    _add_common(m, formats=formats("membership"))
    _add_data(
        m,
        ["train", "holdout", "population", "target", "id_column"],
        required=["train", "holdout", "target"],
        population="extra population data (trains reference models, never audited)",
    )
    _add_parallel(m)
    m.add_argument("--attacks", nargs="+", help="attacks to run (default: all)")
    m.add_argument(
        "--max-records",
        type=_k,
        default=None,
        help="audit at most this many members and non-members (a seeded sample; default all)",
    )
    at = attack_sub.add_parser(
        "attribute",
        epilog=_epilog("attribute"),
        help="attribute inference: can an attacker infer a person's sensitive value?",
        description=(
            "Attribute inference: an attacker who knows a person's other features, the model's "
            "output and (by default) their label guesses a sensitive column. Success on members "
            "is compared with control records and with a baseline that guesses without the model."
        ),
    )
    _add_common(at, formats=formats("attribute"))
    _add_data(
        at,
        ["train", "holdout", "population", "target", "id_column"],
        required=["train", "holdout", "target"],
        population="extra population data (trains the attack models)",
    )
    at.add_argument(
        "--sensitive", nargs="+", required=True, help="sensitive columns (e.g. sex race)"
    )
    at.add_argument(
        "--no-label",
        action="store_true",
        help="the attacker does not know the person's label, only the model's output",
    )
    at.add_argument(
        "--attacks", nargs="+", choices=("model", "learned"), help="attacks (default both)"
    )
    at.add_argument(
        "--tolerance",
        type=float,
        default=0.05,
        help="numeric guesses within this share of the 5th-95th percentile range succeed",
    )

    so = attack_sub.add_parser(
        "singling-out",
        epilog=_epilog("singling-out"),
        help="singling out: which people does the model isolate, and how tightly?",
        description=(
            "Run the inspection checks against the training data, reconstruct the leaf boxes of "
            "tree models (how tightly each person is pinned, whether their label is recovered, how "
            "many outsiders share their box) and list, per record or per person, every exposure."
        ),
    )
    _add_common(so, formats=formats("singling_out"))
    _add_data(
        so,
        ["train", "holdout", "population", "target", "id_column", "subject_column"],
        required=["train"],
        holdout="non-members from the same population (outsiders)",
    )
    so.add_argument(
        "--k", type=_k, default=10, help="groups of fewer than K records single people out"
    )
    so.add_argument(
        "--show-values", action="store_true", help="show raw training values in examples"
    )
    _name_values(parser)
    return parser


#: How help and the docs name the value of an option (argparse's default is the option's name
#: in capitals: ``--train TRAIN``).
_METAVARS = {
    "train": "FILE",
    "holdout": "FILE",
    "population": "FILE",
    "output": "FILE",
    "report": "FILE",
    "target": "COL",
    "id_column": "COL",
    "subject_column": "COL",
    "sensitive": "COL",
    "max_records": "N",
    "n_jobs": "N",
    "seed": "S",
    "k": "K",
}


def _name_values(parser: argparse.ArgumentParser) -> None:
    """Give every command's options a short value name (``--train FILE``, ``--target COL``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _name_values(sub)
        elif action.option_strings and action.metavar is None and action.choices is None:
            metavar = _METAVARS.get(action.dest)
            if metavar is not None and action.nargs != 0:
                action.metavar = metavar


_DATA_HELP = {
    "train": "the training data (.csv, .parquet) exactly as it went into fit",
    "holdout": "records from the same population the model was not fitted on (non-members)",
    "population": "more non-member population data",
    "target": "name of the label column",
    "id_column": "column with record IDs (reported instead of row numbers)",
    "subject_column": "column naming the person of each record (several records per person)",
}


def _add_data(
    p: argparse.ArgumentParser,
    names: Sequence[str],
    required: Sequence[str] = (),
    **help_text: str,
) -> None:
    """The data options a command takes (``train``, ``holdout``, ...), and ``--seed``."""
    for name in names:
        flag = "--" + name.replace("_", "-")
        kwargs: dict[str, Any] = {"help": help_text.get(name, _DATA_HELP[name])}
        if name in ("train", "holdout", "population"):
            kwargs["type"] = Path
        if name in required:
            kwargs["required"] = True
        p.add_argument(flag, **kwargs)
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def _add_parallel(p: argparse.ArgumentParser) -> None:
    """``--reference-models`` or ``--budget``, ``--n-jobs`` and ``--backend``."""
    p.add_argument(
        "--reference-models",
        type=_k,
        default=None,
        metavar="K",
        help="reference models for membership (2 to 256; default 8)",
    )
    p.add_argument(
        "--budget",
        type=_budget,
        default=None,
        metavar="SECONDS",
        help="choose K instead: time a reference fit and fit as many (up to 256) as fit in "
        "SECONDS on --n-jobs jobs; the report says which K and why (not with --reference-models)",
    )
    p.add_argument("--n-jobs", type=int, default=None, help="parallel jobs (-1: all cores)")
    _add_backend(p)
    _add_cache(p)


def _add_cache(p: argparse.ArgumentParser) -> None:
    """``--cache DIR`` or ``--no-cache``: where the reference models' signals are kept."""
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep and reuse the reference models' signals (scores, never records) in DIR "
        "(default: $MODELPRIVACY_CACHE_DIR or ~/.cache/modelprivacy/reference-models)",
    )
    group.add_argument(
        "--no-cache",
        action="store_true",
        help="fit the reference models afresh and keep nothing",
    )


def _cache_option(args: argparse.Namespace) -> Any:
    """The ``cache=`` of ``--cache``/``--no-cache``: False, a directory, or None (the default)."""
    return False if args.no_cache else args.cache


def _check_cache_options(args: argparse.Namespace) -> None:
    """Refuse a ``--cache`` that names a file (before anything is loaded)."""
    from modelprivacy._text import printable

    if args.cache is not None and args.cache.exists() and not args.cache.is_dir():
        raise ModelPrivacyError(
            f"--cache {printable(str(args.cache), 200)} is a file: name a directory for the "
            "reference-model cache, or pass --no-cache"
        )


@contextlib.contextmanager
def _cache_block(args: argparse.Namespace) -> Iterator[None]:
    """The reference-model cache of a command, and a note on stderr when it was read from."""
    from modelprivacy._text import printable
    from modelprivacy.attacks.cache import reference_cache

    with reference_cache(_cache_option(args)) as cache:
        yield
    if cache is not None and cache.hits:
        where = printable(str(cache.directory), 200)
        print(f"modelprivacy: note: reference models: read from the cache {where}", file=sys.stderr)


def _backend(text: str) -> str:
    """``--backend``: one of the backends reference models can be fitted on."""
    from modelprivacy.attacks.cluster import BackendError, check_backend

    try:
        check_backend(text, reach=False, installed=False)  # the package: one clean line later
    except BackendError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _add_backend(p: argparse.ArgumentParser) -> None:
    """``--backend`` and ``--scheduler``: where the reference models are fitted."""
    p.add_argument(
        "--backend",
        type=_backend,
        default=None,
        metavar="loky|threading|dask|ray",
        help="where the reference models after the first are fitted: loky (worker processes), "
        "threading, dask (one task per model, on --scheduler or on a local cluster of worker "
        "processes) or ray (one task per model, on --scheduler or on a local Ray instance); "
        "without --n-jobs, every core",
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="a running cluster to fit the reference models on: a Dask scheduler "
        "(tcp://HOST:PORT; implies --backend dask), or a Ray cluster (auto, ray://HOST:PORT, or "
        "a head node's HOST:PORT with --backend ray; auto and ray:// imply --backend ray)",
    )


MODEL_FILE_HELP = (
    "model file: .skops, pickle (.pkl) or joblib (.joblib), or a library's own file (XGBoost "
    ".json/.ubj, LightGBM text, CatBoost .cbm/.json, ONNX); the type is read from the content. "
    "Or an MLflow model: a URI (models:/name/1, models:/name@alias, runs:/RUN_ID/model, "
    "file:///path) or a model directory (with an MLmodel file); a pickled MLflow model needs "
    "--trust"
)


def _model_argument(text: str) -> Path | str:
    """The model argument: a path, or (kept as written) an MLflow model URI."""
    from modelprivacy.load.mlflow_uri import is_model_uri

    return text if is_model_uri(text) else Path(text)


def _add_mlflow(p: argparse.ArgumentParser, what: str) -> None:
    """``--mlflow``: log the result to an MLflow run once the command is done."""
    p.add_argument(
        "--mlflow",
        action="store_true",
        help=f"log the {what} to MLflow: to the run MLFLOW_RUN_ID names, or a new run, at "
        "MLFLOW_TRACKING_URI (tags, key metrics, and the JSON and HTML reports as artifacts; "
        'needs pip install "modelprivacy[mlflow]")',
    )


def _add_common(p: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """The model argument and the options every command shares."""
    p.add_argument("model", type=_model_argument, help=MODEL_FILE_HELP)
    p.add_argument(
        "--format", choices=formats, default="terminal", help="report format (default terminal)"
    )
    p.add_argument("--output", "-o", type=Path, help="write the report here instead of stdout")
    p.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="high",
        help="exit 1 when a finding has this severity or higher (default high)",
    )
    p.add_argument(
        "--trust",
        action="store_true",
        help="load the model with plain pickle even if it refers to code outside the allowlist "
        "(ONLY for files from a trusted source: a pickle can run any code)",
    )
    p.add_argument(
        "--debug", action="store_true", help="show tracebacks and re-raise failing checks"
    )
    _add_limits(p)


def _add_limits(p: argparse.ArgumentParser) -> None:
    """``--max-memory``, ``--max-cpu`` and ``--timeout``: the limits of loading a model file."""
    from modelprivacy.load._limits import parse_seconds, parse_size

    g = p.add_argument_group(
        "limits of loading",
        "The model file is loaded, validated and inspected in a child process under these limits; "
        "a file that exceeds one is refused with exit code 2 (0 or none: no limit).",
    )
    g.add_argument(
        "--max-memory",
        type=parse_size,
        default="4G",
        metavar="SIZE",
        help="memory the load may take (default 4G)",
    )
    g.add_argument(
        "--max-cpu",
        type=parse_seconds,
        default="120",
        metavar="SECONDS",
        help="CPU time the load may take (default 120)",
    )
    g.add_argument(
        "--timeout",
        type=parse_seconds,
        default="120",
        metavar="SECONDS",
        help="wall-clock time the load may take (default 120)",
    )


def _limits(args: argparse.Namespace) -> Any:
    from modelprivacy.load.sandbox import Limits

    return Limits.from_args(max_memory=args.max_memory, max_cpu=args.max_cpu, timeout=args.timeout)


def _same_file(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _check_output(
    output: Path | None, inputs: Sequence[Path | None], flag: str = "--output"
) -> None:
    """Refuse an output path that would overwrite an input file, or whose folder is missing."""
    if output is None:
        return
    if any(_same_file(output, p) for p in inputs):
        raise ModelPrivacyError(f"{flag} {output} is an input file; choose another path")
    if not output.resolve().parent.is_dir():
        raise ModelPrivacyError(
            f"{flag} {output}: folder {output.resolve().parent} does not exist; create it first"
        )


def _emit(text: str, output: Path | None) -> None:
    """Write the report to ``output`` atomically, or to stdout."""
    if output is not None:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file, then a rename).

    Parameters
    ----------
    path : Path
        Destination. Its folder must exist.
    text : str
        The content.

    Raises
    ------
    ModelPrivacyError
        If the folder does not exist or cannot be written.
    """
    folder = path.resolve().parent
    if not folder.is_dir():
        raise ModelPrivacyError(
            f"cannot write {path}: folder {folder} does not exist; create it first"
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ModelPrivacyError(
            f"cannot write {path}: {exc.strerror}; choose another --output"
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, umask_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _inspect(args: argparse.Namespace) -> int:
    from modelprivacy.inspection.runner import inspect
    from modelprivacy.load import load_table
    from modelprivacy.report import Format, render, summary_line

    inputs = [args.model, args.train]
    _check_output(args.output, inputs)
    if (args.target or args.id_column) and args.train is None:
        raise ModelPrivacyError("--target and --id-column need --train (the training data)")
    with _load_phase(args), _status(f"Loading {_shown(_source(args))} ..."):
        loaded = _load_model(args)
        frame = (
            _in_model_order(loaded.estimator, load_table(args.train), args.train, args)
            if args.train is not None
            else None
        )
        with _status("Inspecting ..."):
            result: InspectionResult = inspect(
                loaded.estimator,
                frame,
                target=args.target,
                id_column=args.id_column,
                k=args.k,
                show_values=args.show_values,
                seed=args.seed,
                debug=args.debug,
            )
    result = dataclasses.replace(result, source=_source(args), load_notes=loaded.notes)
    fmt = Format(args.format)
    color = (
        fmt is Format.TERMINAL
        and args.output is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    text = render(result, fmt, color=color)
    _emit(text, args.output)
    print(summary_line(result), file=sys.stderr)
    if args.mlflow:
        from modelprivacy.integrations.mlflow import inspection_record

        _keep_for_mlflow(args, inspection_record(result))
    threshold = Severity.parse(args.fail_on)
    return EXIT_FINDINGS if result.at_or_above(threshold) else EXIT_OK  # type: ignore[arg-type]


@dataclasses.dataclass
class _Inputs:
    """What a command read: the model and the data tables it was given."""

    model: Any
    train: Any = None
    holdout: Any = None
    population: Any = None
    load_notes: tuple[str, ...] = ()

    def pop_ids(self, id_column: str | None) -> Any:
        """Take the ID column off the training data (and drop it elsewhere); its values."""
        from modelprivacy.load.data import drop_present, pop_column

        if not id_column:
            return None
        self.train, ids = pop_column(self.train, id_column, role="id", where="training")
        self.holdout = drop_present(self.holdout, [id_column])
        self.population = drop_present(self.population, [id_column])
        return ids


def _load_inputs(args: argparse.Namespace, extra_outputs: Sequence[Path | None] = ()) -> _Inputs:
    """Check the output paths, then load the model (safely) and the data files given."""
    from modelprivacy.load import load_table

    paths = {name: getattr(args, name, None) for name in ("train", "holdout", "population")}
    inputs = [args.model, *paths.values()]
    _check_output(args.output, inputs)
    for out in extra_outputs:
        _check_output(out, [*inputs, args.output], flag="--report")
    with _load_phase(args), _status(f"Loading {_shown(_source(args))} ..."):
        loaded = _load_model(args)
        tables = {
            name: _in_model_order(loaded.estimator, load_table(p), p, args)
            if p is not None
            else None
            for name, p in paths.items()
        }
    return _Inputs(model=loaded.estimator, load_notes=loaded.notes, **tables)


def _in_model_order(
    model: Any, frame: Any, path: Path, args: argparse.Namespace | None = None
) -> Any:
    """The table fitted to the model: its columns in the model's order, categories as such.

    A CSV written with its columns in another order, or with text where the
    model was fitted on pandas category columns, is the same data; scikit-learn
    refuses it. Each change is a note on stderr. Text where the model was
    fitted on numbers is refused with the fix (:func:`text_where_numbers`).
    """
    from modelprivacy._text import printable
    from modelprivacy.load.columns import fit_table_to_model, text_where_numbers

    shown = printable(str(path), 200)
    frame, notes = fit_table_to_model(model, frame, shown)
    for note in notes:
        print(f"modelprivacy: note: {note}", file=sys.stderr)
    other = [
        str(value)
        for name in ("target", "id_column", "subject_column")
        if (value := getattr(args, name, None))
    ]
    text_where_numbers(model, frame, f"data file '{shown}'", other_columns=other)
    return frame


def _shown(path: Path | str) -> str:
    """A path (or model URI) for the rich status line: printable, rich markup escaped."""
    from rich.markup import escape

    from modelprivacy._text import printable

    return escape(printable(str(path), 200))


def _describe_model(args: argparse.Namespace) -> str:
    from modelprivacy._text import printable

    described = getattr(args, "model_described", None)
    if described:  # an MLflow model, resolved to its file: see _prepare_mlflow
        return str(described)
    return f"model file '{printable(str(args.model), 300)}'"


def _source(args: argparse.Namespace) -> str:
    """The model as reports name it: the file, or the MLflow model URI it was read from."""
    return str(getattr(args, "source", None) or args.model)


def _load_phase(args: argparse.Namespace) -> contextlib.AbstractContextManager[None]:
    """The limits around loading and validating (and, for inspect, inspecting) the inputs."""
    from modelprivacy.load.sandbox import load_phase

    return load_phase(_limits(args), describe=_describe_model(args))


def _load_model(args: argparse.Namespace) -> Any:
    """Load the model file (already contained: see main) and say what the load reset."""
    from modelprivacy.load import load_model

    loaded = load_model(args.model, trust=args.trust, limits=_limits(args), contain=False)
    for line in loaded.warnings:
        print(f"modelprivacy: warning: {line}", file=sys.stderr)
    for note in loaded.notes:
        print(f"modelprivacy: note: {note}", file=sys.stderr)
    return loaded


def _check_budget_options(args: argparse.Namespace) -> None:
    """Refuse ``--budget`` with ``--reference-models`` (before anything is loaded)."""
    if args.budget is not None and args.reference_models is not None:
        raise ModelPrivacyError(
            "--budget chooses the number of reference models: give --budget or "
            "--reference-models, not both (--reference-models K pins K)"
        )


def _check_backend_options(args: argparse.Namespace) -> None:
    """Refuse a backend or Dask scheduler that cannot be used (before anything is loaded)."""
    from modelprivacy.attacks.cluster import check_backend

    check_backend(args.backend, args.scheduler)


def _note_k_choice(result: Any) -> None:
    """Say on stderr which K a ``--budget`` chose, and why."""
    choice = getattr(result, "k_choice", None)
    if choice is not None:
        print(f"modelprivacy: note: {choice.reason}", file=sys.stderr)


def _attack_membership(args: argparse.Namespace) -> int:
    from modelprivacy.attacks.findings import membership_finding
    from modelprivacy.report.documents import MembershipReport

    _check_budget_options(args)
    _check_backend_options(args)
    _check_cache_options(args)
    data = _load_inputs(args)
    ids = data.pop_ids(args.id_column)
    with _cache_block(args):
        result = _membership(args, data)
    _note_k_choice(result)
    finding = membership_finding(result, ids=ids)
    report = MembershipReport(
        result, finding, ids=tuple(ids) if ids is not None else None, source=_source(args)
    )
    text = report.render(args.format)
    _emit(text, args.output)
    print(f"membership inference: {finding.severity.value}; {finding.description}", file=sys.stderr)
    return EXIT_FINDINGS if finding.severity >= Severity.parse(args.fail_on) else EXIT_OK


def _membership(args: argparse.Namespace, data: _Inputs) -> Any:
    """``attack membership``'s call of :func:`~modelprivacy.attacks.membership_inference`."""
    from modelprivacy.attacks import membership_inference

    return membership_inference(
        data.model,
        data.train,
        data.holdout,
        target=args.target,
        population=data.population,
        reference_models=args.reference_models,
        attacks=args.attacks,
        n_jobs=args.n_jobs,
        backend=args.backend,
        scheduler=args.scheduler,
        seed=args.seed,
        progress=_progress_bar("Reference models"),
        max_records=args.max_records,
        budget=args.budget,
    )


def _audit(args: argparse.Namespace) -> int:
    from modelprivacy.auditing import audit

    _check_budget_options(args)
    _check_backend_options(args)
    _check_cache_options(args)
    data = _load_inputs(args)
    progress = _step_progress()
    try:
        with _cache_block(args):
            result = audit(
                data.model,
                data.train,
                data.holdout,
                target=args.target,
                population=data.population,
                sensitive=args.sensitive,
                id_column=args.id_column,
                subject_column=args.subject_column,
                k=args.k,
                reference_models=args.reference_models,
                n_jobs=args.n_jobs,
                backend=args.backend,
                scheduler=args.scheduler,
                known_label=not args.no_label,
                max_records=None if args.all_records else args.max_records,
                show_values=args.show_values,
                seed=args.seed,
                progress=progress,
                debug=args.debug,
                budget=args.budget,
                release=args.release,
            )
    finally:
        progress("", -1, -1)
    _note_k_choice(result.membership)
    result = dataclasses.replace(
        result,
        source=_source(args),
        inspection=dataclasses.replace(
            result.inspection, source=_source(args), load_notes=data.load_notes
        ),
    )
    _emit(result.render(args.format), args.output)
    print(f"verdict: {result.verdict.overall}", file=sys.stderr)
    for c, v in result.verdict.criteria.items():
        print(f"  {c.value}: {v.risk}", file=sys.stderr)
    for mode in result.release:
        print(f"release {mode.mode}: {mode.verdict.overall}", file=sys.stderr)
    if args.mlflow:
        from modelprivacy.integrations.mlflow import audit_record

        _keep_for_mlflow(args, audit_record(result))
    threshold = Severity.parse(args.fail_on)
    if args.release is not None and result.release:
        # the modes asked for decide: a served model is judged by its answers (by default, the
        # file's findings decide, as the file is what is shared)
        hit = any(result.at_or_above(threshold, mode=m.mode) for m in result.release)  # type: ignore[arg-type]
        return EXIT_FINDINGS if hit else EXIT_OK
    return EXIT_FINDINGS if result.at_or_above(threshold) else EXIT_OK  # type: ignore[arg-type]


def _lock_away(args: argparse.Namespace, data: Any, inputs: list[Path]) -> int:
    """``sanitize --release MODE``: write the serving wrapper, then re-audit it in that mode."""
    from modelprivacy._text import printable
    from modelprivacy.auditing import audit
    from modelprivacy.release import ReleaseMode
    from modelprivacy.sanitizing.release import lock_away

    mode = ReleaseMode.parse(args.release)
    done = lock_away(data.model, mode, args.output, inputs=inputs)
    print(
        f"wrote {printable(str(done.path), 200)}: a serving wrapper that answers {mode} only",
        file=sys.stderr,
    )
    print(f"modelprivacy: note: {done.notice}", file=sys.stderr)
    if data.train is None or data.holdout is None:
        print(
            "not re-audited: pass --train, --holdout and --target to attack the wrapped model "
            "in this mode",
            file=sys.stderr,
        )
        return EXIT_OK
    with _cache_block(args), _status(f"Re-auditing the model served as {mode} ..."):
        result = audit(
            data.model,
            data.train,
            data.holdout,
            target=args.target,
            sensitive=args.sensitive,
            id_column=args.id_column,
            subject_column=args.subject_column,
            k=args.k,
            reference_models=args.reference_models,
            n_jobs=args.n_jobs,
            backend=args.backend,
            scheduler=args.scheduler,
            seed=args.seed,
            release=f"file,{mode}",
        )
    result = dataclasses.replace(result, source=_source(args))
    _emit(result.render(args.format), args.report)
    for m in result.release:
        print(f"re-audit, release {m.mode}: {m.verdict.overall}", file=sys.stderr)
    return EXIT_OK


def _release(text: str) -> str:
    """``--release``: release modes, checked when the command line is read."""
    from modelprivacy.release import ReleaseModeError, parse_modes

    try:
        parse_modes(text)
    except ReleaseModeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _sanitize(args: argparse.Namespace) -> int:
    from modelprivacy._text import printable
    from modelprivacy.attacks.cluster import reference_backend
    from modelprivacy.sanitizing import save_model
    from modelprivacy.sanitizing.prove import sanitize_and_audit

    if args.holdout is not None and args.train is None:
        raise ModelPrivacyError("--holdout needs --train: give the training data too")
    if args.train is not None and args.target is None:
        raise ModelPrivacyError("--train needs --target: name the label column")
    _check_backend_options(args)
    _check_cache_options(args)
    data = _load_inputs(args, extra_outputs=[args.report])
    inputs = [args.model, args.train, args.holdout]
    if args.release is not None:
        return _lock_away(args, data, [p for p in inputs if p])
    # both audits (before and after) fit their reference models on the backend asked for,
    # one Dask cluster for the two
    with (
        reference_backend(args.backend, args.scheduler, args.n_jobs),
        _cache_block(args),
        _status("Sanitising and auditing before and after ..."),
    ):
        report = sanitize_and_audit(
            data.model,
            data.train,
            data.holdout,
            target=args.target,
            k=args.k,
            replace=args.replace,
            sensitive=args.sensitive,
            id_column=args.id_column,
            subject_column=args.subject_column,
            reference_models=args.reference_models,
            n_jobs=args.n_jobs,
            seed=args.seed,
        )
    _emit(report.render(args.format), args.report)
    if report.sanitized.refused:
        # A model that is (or holds) its training data has no safer copy: no file.
        for reason in report.sanitized.refused:
            print(f"refused: {printable(reason)}", file=sys.stderr)
        hints = []
        if args.train is None or not args.target:
            hints.append("pass --train and --target to refit it")
        if not args.replace:
            hints.append("pass --replace for a model that is its training data")
        hint = f" ({'; '.join(hints)})" if hints else ""
        print(
            f"wrote no model: {printable(str(args.output), 200)} was not written, as the model "
            f"still holds what was refused{hint}",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    if not report.sanitized.actions:
        print(
            "wrote no model: no rule found anything to change in it; see the audit's remedies "
            "for what else to do",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    path = save_model(report.sanitized.model, args.output, inputs=[p for p in inputs if p])
    for warning in report.warnings:
        print(f"warning: {printable(warning)}", file=sys.stderr)
    before, after = report.before, report.after
    if before is None or after is None:
        print(f"wrote the sanitised model to {path}", file=sys.stderr)
        return EXIT_OK
    better, worse = risk_changes(before.verdict, after.verdict)
    if not better:
        # Never "safer" for an unchanged (or only worse) risk.
        what = (
            f"it is riskier under {', '.join(worse)}"
            if worse
            else "its risk did not change under any criterion"
        )
        print(f"wrote the sanitised model to {path}, but {what}: it is not safer", file=sys.stderr)
        return EXIT_FINDINGS
    if worse:
        print(
            f"wrote the sanitised model to {path}: safer under {', '.join(better)}, but "
            f"riskier under {', '.join(worse)}; read the before/after table before sharing it",
            file=sys.stderr,
        )
        return EXIT_OK
    print(f"wrote the safer model to {path} ({', '.join(better)})", file=sys.stderr)
    return EXIT_OK


def risk_changes(before: Any, after: Any) -> tuple[list[str], list[str]]:
    """The criteria whose risk level fell and rose from one verdict to another.

    Parameters
    ----------
    before, after : Verdict
        The audits' verdicts; "not assessed" is not compared.

    Returns
    -------
    better, worse : list of str
        E.g. ``["linkability high -> low"]``, in the criteria's order.
    """
    levels = {"none": 0, "low": 1, "medium": 2, "high": 3}
    better: list[str] = []
    worse: list[str] = []
    for c, v in before.criteria.items():
        new = after.criteria[c].risk if c in after.criteria else None
        if v.risk in levels and new in levels and levels[new] != levels[v.risk]:
            (better if levels[new] < levels[v.risk] else worse).append(
                f"{c.value} {v.risk} -> {new}"
            )
    return better, worse


def _attack_attribute(args: argparse.Namespace) -> int:
    from modelprivacy.attacks.attribute import attribute_finding, attribute_inference
    from modelprivacy.report.documents import AttributeReport

    data = _load_inputs(args)
    ids = data.pop_ids(args.id_column)
    with _status("Attacking the sensitive columns ..."):
        result = attribute_inference(
            data.model,
            data.train,
            data.holdout,
            target=args.target,
            sensitive=args.sensitive,
            population=data.population,
            known_label=not args.no_label,
            attacks=tuple(args.attacks) if args.attacks else ("model", "learned"),
            tolerance=args.tolerance,
            seed=args.seed,
        )
    findings = tuple(attribute_finding(result, col, ids=ids) for col in result.columns)
    text = AttributeReport(result, findings, source=_source(args)).render(args.format)
    _emit(text, args.output)
    for f in findings:
        print(f"{f.title}: {f.severity.value}", file=sys.stderr)
    threshold = Severity.parse(args.fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_OK


def _attack_singling_out(args: argparse.Namespace) -> int:
    from modelprivacy.people import singling_out
    from modelprivacy.report.documents import SinglingOutDocument

    data = _load_inputs(args)
    with _status("Reconstructing leaf boxes and counting the people exposed ..."):
        report = singling_out(
            data.model,
            data.train,
            target=args.target,
            holdout=data.holdout,
            population=data.population,
            id_column=args.id_column,
            subject_column=args.subject_column,
            k=args.k,
            show_values=args.show_values,
            seed=args.seed,
        )
    text = SinglingOutDocument(report, source=_source(args)).render(args.format)
    _emit(text, args.output)
    print(f"singling out: {report.table.summary()}", file=sys.stderr)
    threshold = Severity.parse(args.fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (``sys.argv[1:]`` by default).

    Returns
    -------
    int
        The exit status.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.ERROR, format="%(levelname)s: %(message)s"
    )
    with contextlib.ExitStack() as stack:
        # MLflow runs here, in this process, never in the child that loads the model file:
        # an MLflow model is downloaded before the child starts, and a result logged after
        status = _guarded(args, lambda: _prepare_mlflow(args, stack))
        if status != EXIT_OK:
            return status
        status = _run_command(args, parser)
        if getattr(args, "mlflow", False) and status in (EXIT_OK, EXIT_FINDINGS):
            done = status
            status = _guarded(args, lambda: _log_to_mlflow(args, done))
    return status


def _run_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the parsed command, in a contained child process when it reads a model file."""
    if _can_contain(args):
        from modelprivacy.load.sandbox import run_contained

        # The whole command runs in a child process: a model file that crashes
        # or hangs the loader costs the child, and the parent reports it.
        return run_contained(
            lambda: _run(args, parser), _limits(args), describe=_describe_model(args)
        )
    return _run(args, parser)


def _can_contain(args: argparse.Namespace) -> bool:
    """Whether this command reads a model file and can run in a child process.

    The child writes to the same file descriptors as this process, so the
    standard streams must be real files (not, say, a notebook's objects).
    """
    from modelprivacy.load.sandbox import CAN_CONTAIN

    if not CAN_CONTAIN or getattr(args, "model", None) is None:
        return False
    try:
        sys.stdout.fileno()
        sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the parsed command; every error becomes one clean line and exit code 2."""
    import warnings

    from modelprivacy.load._warnings import show_warning

    with warnings.catch_warnings():
        warnings.showwarning = show_warning  # warnings too are one clean line each
        return _dispatch(args, parser)


def _dispatch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    return _guarded(args, lambda: _command(args, parser))


def _command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.command == "checks":
        from modelprivacy.catalogue import render_checks

        sys.stdout.write(render_checks(args.format))
        return EXIT_OK
    if args.command == "docs":
        from modelprivacy.report.docs import main as docs_main

        return docs_main(args.ref)
    if args.command == "inspect":
        return _inspect(args)
    if args.command == "audit":
        return _audit(args)
    if args.command == "sanitize":
        return _sanitize(args)
    if args.command == "attack" and args.attack == "membership":
        return _attack_membership(args)
    if args.command == "attack" and args.attack == "attribute":
        return _attack_attribute(args)
    if args.command == "attack" and args.attack == "singling-out":
        return _attack_singling_out(args)
    parser.error(f"unknown command {args.command!r}")
    return EXIT_ERROR


def _guarded(args: argparse.Namespace, step: Callable[[], int]) -> int:
    """Run one step of the command; every error becomes one clean line and exit code 2."""
    from modelprivacy._text import describe_exception, one_line

    try:
        return step()
    except ModelPrivacyError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"modelprivacy: error: {one_line(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("modelprivacy: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"modelprivacy: error: unexpected {describe_exception(exc)} "
            "(rerun with --debug for the traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR


# -- MLflow: models from model URIs, results logged to a run ------------------------------


def _prepare_mlflow(args: argparse.Namespace, stack: contextlib.ExitStack) -> int:
    """Before the command runs: check that MLflow can be logged to, and resolve an MLflow model.

    With ``--mlflow``, MLflow must import and the tracking server answer (the
    run of ``MLFLOW_RUN_ID`` must exist) before a long audit starts; the result
    is kept in a private folder (:func:`_keep_for_mlflow`) and logged once the
    command is done. An MLflow model URI (or directory) is downloaded here, in
    this process, and the command then loads its model file as any other,
    contained in a child process; the download is removed when the command ends.
    """
    from modelprivacy.load.mlflow_uri import import_mlflow, is_mlflow_model_dir, resolve_model

    model = getattr(args, "model", None)
    if isinstance(model, str) and not model.lower().startswith("file:"):
        import_mlflow()  # a model URI MLflow downloads (a file: URI is read without it)
        _quiet_mlflow(args)
    if getattr(args, "mlflow", False):
        import_mlflow("log to MLflow (--mlflow)")
        _quiet_mlflow(args)
        _check_mlflow_run()
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="modelprivacy-mlflow-"))
        args.mlflow_record = Path(folder) / "record.json"
    if isinstance(model, str) or (isinstance(model, Path) and is_mlflow_model_dir(model)):
        resolved = stack.enter_context(resolve_model(model, trust=args.trust))
        args.source = str(model)
        args.model = resolved.path
        args.model_described = resolved.describe()
        print(
            f"modelprivacy: note: reading {resolved.describe()}: a {resolved.kind} file",
            file=sys.stderr,
        )
        if resolved.warning:
            print(f"modelprivacy: warning: {resolved.warning}", file=sys.stderr)
    return EXIT_OK


def _quiet_mlflow(args: argparse.Namespace) -> None:
    """MLflow's own INFO lines off stderr (its warnings stay), unless --debug.

    Called once MLflow is imported: its import sets its logger's level.
    """
    if not args.debug:
        logging.getLogger("mlflow").setLevel(logging.WARNING)


def _check_mlflow_run() -> None:
    """Fail now, with one line, if the tracking server (or the run MLFLOW_RUN_ID names) is not there."""
    from mlflow.tracking import MlflowClient

    from modelprivacy.load.mlflow_uri import mlflow_error

    run_id = os.environ.get("MLFLOW_RUN_ID")
    try:
        client = MlflowClient()
        if run_id:
            client.get_run(run_id)
        else:
            client.search_experiments(max_results=1)
    except Exception as exc:
        what = f"MLflow run {run_id} (MLFLOW_RUN_ID)" if run_id else "MLflow"
        raise mlflow_error(exc, f"--mlflow cannot log to {what}", ModelPrivacyError) from None


def _keep_for_mlflow(args: argparse.Namespace, record: Any) -> None:
    """Keep what --mlflow logs, for the process that started the command (see main)."""
    record.save(args.mlflow_record)


def _log_to_mlflow(args: argparse.Namespace, status: int) -> int:
    """Log the record the command kept to MLflow, and say where on stderr."""
    from modelprivacy._text import printable
    from modelprivacy.integrations.mlflow import RunRecord, log_record

    path = getattr(args, "mlflow_record", None)
    if path is None or not path.is_file():
        raise ModelPrivacyError(
            "--mlflow: the command finished without a result to log (rerun with --debug)"
        )
    record = RunRecord.load(path)
    info = log_record(record)
    new = " (a new run)" if info["run"] == "started" else ""
    print(
        f"modelprivacy: logged the {record.kind} to MLflow run {info['run_id']}{new} "
        f"(experiment {info['experiment_id']}, {printable(info['tracking_uri'], 200)})",
        file=sys.stderr,
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
