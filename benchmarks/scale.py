"""How an audit's time and memory grow with the number of records.

Data: synthetic Adult-like tables of n training records and n/2 held-out
records (``--sizes``, default 10k, 100k and 1M), generated from the 32,561
records of UCI Adult's training file with one seed (:func:`adult_like`):

- the six numeric columns by a Gaussian copula: each real column's normal
  scores (ranks mapped through the normal quantile function) give the copula's
  correlation matrix (Adult's rank correlation); a draw from that multivariate
  normal is mapped back through each column's empirical quantile function
  (linear between order statistics, rounded to integers, so that capital gain
  keeps its mass at zero and every value stays in Adult's range);
- ``education`` from its empirical distribution given ``education-num`` (one
  to one in Adult); ``relationship``, ``workclass``, ``occupation``, ``race``
  and ``native-country`` given the cell of age (5 quantile bins) by
  education-num (3 bins); ``marital-status`` and ``sex`` given
  ``relationship``; a missing value (Adult's ``?``) is sampled as a category;
- ``income`` by Bernoulli draws from the probabilities of a logistic
  regression fitted on real Adult (one-hot categoricals, standardised numeric
  columns with log1p of the capital columns) and applied to the synthetic
  rows, so the learning problem has Adult's signal and noise.

Models, each in a pipeline with an ordinal encoder as in ``make demo``: a
RandomForestClassifier with ``--rf-trees`` (default 50) trees and
``n_jobs=1``, and a HistGradientBoostingClassifier with default parameters.
Audits: ``modelprivacy.audit`` with K=8 reference models on ``n_jobs=2`` loky
workers, ``sex`` and ``race`` sensitive, seed 0, the reference-model cache off;
once with the default ``max_records=10,000`` (as the CLI) and once with every
record scored (``max_records=None``).

Each configuration runs in a fresh child process (``--one``, one OpenMP thread)
under a time cap (``--cap`` seconds). Step times come from the audit's own
``timings`` (as in benchmarks/audit_time.py), its progress callback's
timestamps (the model-file inspection, attribute inference, the end of the
reference fits) and timers around library functions (leaf boxes, outlierness,
the exposure table, RMIA's population comparison, membership's per-record
exposure): the wrappers call the library's functions unchanged. Each step is
timed in wall seconds and in CPU seconds (the audit's process, plus its worker
processes for the reference fits and the total, read with psutil); on a shared
machine wall time stretches with the other jobs' load, so growth exponents are
fitted on CPU seconds where every size has them. Memory: after the data are
generated and the model fitted the child frees what it can and resets its peak
RSS (``/proc/self/clear_refs``), so the audit's peak (``VmHWM``) is read apart,
beside the RSS at the audit's start, the RSS of the libraries alone, and the
bytes of the training and held-out tables (``DataFrame.memory_usage(deep=True)``)
and of the pickled model; the loky workers' peaks are their own (JSON). A
step's growth exponent is the least-squares slope of log(time) on log(n) over
the sizes that ran.

``--dask``: at ``--dask-rows`` records (default 100,000) the reference-fit
stage with ``backend="dask"`` on a local cluster of 2 worker processes against
one process (``backend="loky", n_jobs=1``); the overhead per task is
``(dask wall - one-process wall / 2) / K``.

``--results DIR`` writes elsewhere (runs may go on side by side), ``--merge``
keeps the rows already there, and ``--combine DIR ...`` writes one result from
several runs' ``scale.json`` (a later directory's row replaces an earlier one's).

Writes benchmarks/results/scale.{json,md}.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import platform
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sklearn

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).parent / "results"
SENSITIVE = ["sex", "race"]
K = 8
#: The steps reported, in audit order (names of ``AuditResult.timings`` or of this script's timers).
STEPS = (
    "membership: reference models",
    "membership: attacks and statistics",
    "  of which RMIA population comparison",
    "membership: per-record exposure",
    "stored rows lookup",
    "attribute",
    "inspection",
    "leaf boxes",
    "subject concentration",
    "outlierness",
    "exposure table",
    "total",
)


# ----------------------------------------------------------------------------- data


def adult_like(n: int, seed: int) -> pd.DataFrame:
    """``n`` synthetic Adult-like records (the method is in the module docstring).

    Parameters
    ----------
    n : int
        Records to draw.
    seed : int
        Seed of every draw.

    Returns
    -------
    pandas.DataFrame
        Adult's 15 columns and dtypes (numeric int64, categoricals object with NaN).
    """
    from scipy.stats import norm, rankdata

    from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET, load_adult

    real = load_adult()
    rng = np.random.default_rng(seed)
    m = len(real)
    # Gaussian copula of the numeric columns
    scores = np.column_stack(
        [norm.ppf(rankdata(real[c].to_numpy()) / (m + 1)) for c in ADULT_NUMERIC]
    )
    corr = np.corrcoef(scores, rowvar=False)
    z = rng.multivariate_normal(np.zeros(len(ADULT_NUMERIC)), corr, size=n, method="cholesky")
    u = norm.cdf(z)
    out: dict[str, Any] = {}
    grid = np.linspace(0.0, 1.0, m)
    for j, c in enumerate(ADULT_NUMERIC):
        ordered = np.sort(real[c].to_numpy().astype(float))
        out[c] = np.rint(np.interp(u[:, j], grid, ordered)).astype(np.int64)
    syn = pd.DataFrame(out)

    def cells(frame: pd.DataFrame, edges: dict[str, np.ndarray]) -> np.ndarray:
        a = np.searchsorted(edges["age"], frame["age"].to_numpy(), side="right")
        e = np.searchsorted(edges["education-num"], frame["education-num"].to_numpy(), "right")
        return a * 10 + e

    edges = {
        "age": np.quantile(real["age"], [0.2, 0.4, 0.6, 0.8]),
        "education-num": np.quantile(real["education-num"], [1 / 3, 2 / 3]),
    }
    real_cell, syn_cell = cells(real, edges), cells(syn, edges)

    def conditional(column: str, real_key: np.ndarray, syn_key: np.ndarray) -> np.ndarray:
        values = real[column].fillna("\0missing").to_numpy()
        drawn = np.empty(n, dtype=object)
        for key in np.unique(syn_key):
            pool = values[real_key == key]
            if len(pool) == 0:  # a cell Adult never has: the column's marginal
                pool = values
            where = np.flatnonzero(syn_key == key)
            drawn[where] = pool[rng.integers(0, len(pool), size=len(where))]
        drawn[drawn == "\0missing"] = np.nan
        return drawn

    syn["education"] = conditional(
        "education", real["education-num"].to_numpy(), syn["education-num"].to_numpy()
    )
    for c in ("relationship", "workclass", "occupation", "race", "native-country"):
        syn[c] = conditional(c, real_cell, syn_cell)
    rel_real = real["relationship"].fillna("?").to_numpy()
    rel_syn = syn["relationship"].fillna("?").to_numpy().astype(str)
    for c in ("marital-status", "sex"):
        syn[c] = conditional(c, rel_real.astype(str), rel_syn)
    # income from a logistic regression fitted on real Adult
    label = _income_model(real)
    p = label.predict_proba(syn[ADULT_NUMERIC + ADULT_CATEGORICAL])[:, 1]
    syn[ADULT_TARGET] = np.where(rng.random(n) < p, ">50K", "<=50K").astype(object)
    columns = list(real.columns)
    return syn[columns]


def _income_model(real: pd.DataFrame) -> Any:
    """A logistic regression of income on real Adult's 14 features."""
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

    from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET

    capital = ["capital-gain", "capital-loss"]
    plain = [c for c in ADULT_NUMERIC if c not in capital]
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), plain),
            ("cap", make_pipeline(FunctionTransformer(np.log1p), StandardScaler()), capital),
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
    model = make_pipeline(pre, LogisticRegression(max_iter=2000))
    y = (real[ADULT_TARGET] == ">50K").to_numpy()
    return model.fit(real[ADULT_NUMERIC + ADULT_CATEGORICAL], y)


def make_model(name: str, rf_trees: int) -> Any:
    """The unfitted model ``name`` ("random_forest" or "hist_gradient_boosting")."""
    from sklearn.compose import ColumnTransformer
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OrdinalEncoder

    from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC

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
    if name == "random_forest":
        est: Any = RandomForestClassifier(n_estimators=rf_trees, random_state=0, n_jobs=1)
    elif name == "hist_gradient_boosting":
        est = HistGradientBoostingClassifier(random_state=0)
    else:
        raise ValueError(f"unknown model {name!r}")
    return make_pipeline(ordinal, est)


# ----------------------------------------------------------------------------- one configuration


class _Timer:
    """Wall and CPU seconds spent in wrapped module functions (which run unchanged)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def wrap(self, module: Any, attr: str, step: str) -> None:
        func = getattr(module, attr)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[step] = self.seconds.get(step, 0.0) + time.perf_counter() - t0
                self.cpu[step] = self.cpu.get(step, 0.0) + time.process_time() - c0

        setattr(module, attr, timed)


def _status_kb(path: Path, field: str) -> int | None:
    """A ``kB`` field of a /proc status file in bytes (None where there is none)."""
    try:
        for line in path.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak() -> int | None:
    """Free what the data generation left, reset this process's peak RSS; the RSS now.

    The peak (VmHWM) is reset through /proc/self/clear_refs (Linux), so that the audit's
    peak is read apart from the generator's and the fit's.
    """
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return None
    return _status_kb(Path("/proc/self/status"), "VmRSS")


class _Segments:
    """The peak RSS of this process in each stretch of the audit between progress reports."""

    def __init__(self, first: str) -> None:
        self.label = first
        self.peaks: dict[str, int] = {}

    def next(self, label: str) -> None:
        """Close the current stretch (its peak) and open ``label`` with a reset peak."""
        peak = _status_kb(Path("/proc/self/status"), "VmHWM") or 0
        self.peaks[self.label] = max(self.peaks.get(self.label, 0), peak)
        self.label = label
        with contextlib.suppress(OSError):
            Path("/proc/self/clear_refs").write_text("5")


def _cpu_with_workers() -> float:
    """CPU seconds of this process, its live worker processes and those it has reaped."""
    import psutil

    total = time.process_time()
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    total += reaped.ru_utime + reaped.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
        except psutil.Error:  # a worker that ended meanwhile
            continue
        total += t.user + t.system
    return total


def run_one(cfg: dict[str, Any]) -> dict[str, Any]:
    """Generate the data, fit the model and audit it; times and sizes (in this process)."""
    import psutil

    import modelprivacy.attacks.api as attack_api
    import modelprivacy.attacks.exposure as attack_exposure
    import modelprivacy.attacks.membership as membership
    import modelprivacy.people as people
    import modelprivacy.singling as singling
    from modelprivacy.auditing import audit
    from modelprivacy.datasets import ADULT_TARGET

    warnings.filterwarnings("ignore")
    rss_imports = psutil.Process().memory_info().rss  # the interpreter and libraries alone
    n = int(cfg["n"])
    t0 = time.perf_counter()
    data = adult_like(n + n // 2, seed=cfg["seed"])
    train, holdout = data.iloc[:n].reset_index(drop=True), data.iloc[n:].reset_index(drop=True)
    gen_s = time.perf_counter() - t0
    model = make_model(cfg["model"], cfg["rf_trees"])
    t0 = time.perf_counter()
    model.fit(train.drop(columns=[ADULT_TARGET]), train[ADULT_TARGET].to_numpy())
    fit_s = time.perf_counter() - t0
    table_bytes = int(train.memory_usage(deep=True).sum() + holdout.memory_usage(deep=True).sum())
    model_bytes = len(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    audit_start_rss = _reset_peak()
    timer = _Timer()
    timer.wrap(attack_exposure, "outlierness", "outlierness")
    timer.wrap(people, "exposure_table", "exposure table")
    timer.wrap(membership, "_rmia_scores", "  of which RMIA population comparison")
    timer.wrap(singling, "leaf_boxes", "leaf boxes")
    # membership inference's per-record exposure: its outlierness of the members and summary
    timer.wrap(attack_api, "outlierness", "membership: per-record exposure")
    timer.wrap(attack_api, "exposure", "membership: per-record exposure")
    events: dict[str, list[tuple[float, float]]] = {}

    memory = _Segments("reference models")

    def progress(step: str, done: int, total: int) -> None:
        events.setdefault(step, []).append((time.perf_counter(), _cpu_with_workers()))
        if step == "reference models" and done == total:
            memory.next("attacks, statistics and per-record exposure")
        elif step in ("attribute inference", "inspection"):
            memory.next(step if done < total else "other")
        elif step == "stored rows lookup" and done == total:
            memory.next("other")

    kwargs: dict[str, Any] = {"n_jobs": cfg.get("n_jobs", 2)}
    if cfg.get("backend"):
        kwargs["backend"] = cfg["backend"]
    t0, c0 = time.perf_counter(), _cpu_with_workers()
    result = audit(
        model,
        train,
        holdout,
        target=ADULT_TARGET,
        sensitive=SENSITIVE,
        reference_models=K,
        max_records=cfg["max_records"],
        seed=0,
        progress=progress,
        **kwargs,
    )
    audit_s = time.perf_counter() - t0
    audit_cpu_s = _cpu_with_workers() - c0
    memory.next("")
    audit_peak = max(memory.peaks.values(), default=0) or None
    worker_peaks = [
        _status_kb(Path(f"/proc/{c.pid}/status"), "VmHWM")
        for c in psutil.Process().children(recursive=True)
    ]
    steps = {s: float(v) for s, v in result.timings.items() if s in STEPS}
    # the target's queries, timed apart since 2026-12, stay in this step as in earlier rows
    if "membership: target queries" in result.timings:
        steps["membership: attacks and statistics"] = steps.get(
            "membership: attacks and statistics", 0.0
        ) + float(result.timings["membership: target queries"])
    steps.update(timer.seconds)
    # CPU seconds of this process (not of the loky workers that fit reference models): less
    # sensitive than wall time to other jobs on a shared machine
    cpu = dict(timer.cpu)
    for event, step in (("inspection", "inspection"), ("attribute inference", "attribute")):
        if len(events.get(event, ())) > 1:
            (w0, e0), (w1, e1) = events[event][0], events[event][-1]
            cpu[step] = e1 - e0
            if step == "inspection":
                steps[step] = w1 - w0
    if events.get("reference models"):  # reported after each fit: from the audit's start
        cpu["membership: reference models"] = events["reference models"][-1][1] - c0
        if events.get("stored rows lookup"):  # the next step: attacks, statistics, exposure
            rest = events["stored rows lookup"][0][1] - events["reference models"][-1][1]
            cpu["membership: attacks and statistics"] = rest - cpu.get(
                "membership: per-record exposure", 0.0
            )
    cpu["total"] = audit_cpu_s
    return {
        **cfg,
        "generate_s": gen_s,
        "fit_s": fit_s,
        "audit_s": audit_s,
        "steps_s": steps,
        "steps_cpu_s": cpu,
        "all_timings_s": {s: float(v) for s, v in result.timings.items()},
        "table_bytes": table_bytes,
        "model_bytes": model_bytes,
        "rss_after_imports_bytes": rss_imports,
        "audit_start_rss_bytes": audit_start_rss,
        "audit_peak_rss_bytes": audit_peak,
        "peak_rss_by_step_bytes": memory.peaks,
        "live_workers_peak_rss_bytes": max([w for w in worker_peaks if w], default=None),
        "rss_before_audit_bytes": rss_before,
        "audit_process_peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "workers_peak_rss_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "n_trees": result.boxes.n_trees if result.boxes is not None else None,
        "verdict": result.verdict.overall,
        "n_findings": len(result.findings),
    }


def spawn(cfg: dict[str, Any], cap: float, log: Any) -> dict[str, Any]:
    """Run one configuration in a fresh child; its result with the child's peak RSS."""
    cmd = [sys.executable, __file__, "--one", json.dumps(cfg)]
    t0 = time.perf_counter()
    # one OpenMP thread per process: the two cores go to the n_jobs=2 reference fits, and on a
    # shared machine two OpenMP threads per fit wait for each other at every barrier (a 10k-row
    # HistGradientBoosting fit took 53 s with two threads and 3 s with one, at load 10)
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True, env=env
    )
    # read stdout (small) while waiting; wait4 gives this child's own rusage
    deadline = t0 + cap
    out = ""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, 9)
            pid, status, usage = os.wait4(proc.pid, 0)
            return {**cfg, "error": f"over the {cap:.0f} s cap", "wall_s": cap}
        time.sleep(1.0)
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or not out.strip():
        return {**cfg, "error": f"exit code {proc.returncode}"}
    row: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    row["peak_rss_bytes"] = usage.ru_maxrss * 1024  # the child's or a reaped worker's, if larger
    row["process_cpu_s"] = usage.ru_utime + usage.ru_stime  # the child and its reaped workers
    row["wall_s"] = time.perf_counter() - t0
    return row


# ----------------------------------------------------------------------------- analysis


def exponent(ns: list[int], ts: list[float]) -> float | None:
    """Least-squares slope of log(t) on log(n); None with fewer than two sizes or a zero time."""
    pts = [(n, t) for n, t in zip(ns, ts, strict=True) if t is not None and t > 0]
    if len(pts) < 2 or len({n for n, _ in pts}) < 2:
        return None
    x = np.log([n for n, _ in pts])
    y = np.log([t for _, t in pts])
    return float(np.polyfit(x, y, 1)[0])


def exponents(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per (model, audit), each step's growth exponent and the times it was fitted on.

    CPU seconds when every size has them (the other jobs on a shared machine stretch wall
    time by a factor that changes from run to run), else wall seconds.
    """
    out: dict[str, dict[str, Any]] = {}
    for key in sorted({(r["model"], _mode(r)) for r in rows if "error" not in r}):
        group = sorted(
            (r for r in rows if "error" not in r and (r["model"], _mode(r)) == key),
            key=lambda r: r["n"],
        )
        ns = [r["n"] for r in group]
        exps: dict[str, Any] = {}
        for s in STEPS:
            cpu = [r.get("steps_cpu_s", {}).get(s) for r in group]
            basis = "cpu" if all(t is not None for t in cpu) else "wall"
            ts = cpu if basis == "cpu" else [r["steps_s"].get(s) for r in group]
            # steps under 0.02 s at every size are noise: no exponent
            if all(t is None or t < 0.02 for t in ts):
                exps[s] = {"exponent": None, "basis": basis}
                continue
            vals = [t if t is not None else 0.0 for t in ts]
            exps[s] = {
                "exponent": exponent(ns, vals),
                "top": exponent(ns[-2:], vals[-2:]) if len(ns) > 2 else None,
                "basis": basis,
            }
        rss = [
            float(
                r.get("audit_peak_rss_bytes")
                or r.get("audit_process_peak_rss_bytes")
                or r["peak_rss_bytes"]
            )
            for r in group
        ]
        exps["peak RSS"] = {"exponent": exponent(ns, rss), "basis": "bytes"}
        exps["sizes"] = ns
        out[f"{key[0]} / {key[1]}"] = exps
    return out


def _mode(r: dict[str, Any]) -> str:
    return "all scored" if r["max_records"] is None else f"max_records={r['max_records']:,}"


def _mb(b: float) -> str:
    return f"{b / 2**20:,.0f}"


def machine() -> str:
    """The machine line."""
    return (
        f"{platform.machine()}, {os.cpu_count()} cores (shared with other jobs), "
        f"Python {platform.python_version()}, scikit-learn {sklearn.__version__}"
    )


def write(doc: dict[str, Any], results: Path = RESULTS) -> None:
    """``scale.json`` and ``scale.md`` in ``results``."""
    results.mkdir(exist_ok=True)
    (results / "scale.json").write_text(json.dumps(doc, indent=2) + "\n")
    rows = doc["rows"]
    lines = [
        f"# How an audit scales with the number of records (K={K})",
        "",
        f"Machine: {doc['machine']}. Commands: {doc['command']}, run under `nice -n 5` "
        "while other jobs shared the two cores (load average in the JSON), so times are "
        "upper bounds. Each configuration ran in a fresh process.",
        "",
        "Data: synthetic Adult-like tables, n training and n/2 held-out records, from UCI "
        "Adult's 32,561 training records with seed 0: numeric columns by a Gaussian copula "
        "(Adult's rank correlation, empirical marginals by quantile mapping), categoricals "
        "sampled given education-num (education), an age by education-num cell (relationship, "
        "workclass, occupation, race, native country) or relationship (marital status, sex), and "
        "income drawn from a logistic regression fitted on real Adult. Models: ordinal encoder + "
        f"RandomForestClassifier ({doc['rf_trees']} trees, a modest forest so that the largest "
        "tables fit in the time box) or HistGradientBoostingClassifier (defaults). Audit: "
        "`modelprivacy.audit(..., reference_models=8, sensitive=['sex', 'race'], n_jobs=2, "
        "seed=0)`, the cache off; default `max_records=10,000` scored records, and every record "
        "scored (`max_records=None`).",
        "",
        "## Time and memory per configuration",
        "",
        "| model | audit | n | fit s | audit s | reference models s | attacks s | RMIA z s | "
        "per-record exposure s | attribute s | inspection s | leaf boxes s | outlierness s | "
        "exposure table s | peak RSS MB | RSS at audit start MB | libraries MB | table MB | "
        "model MB | 3 x (table + model) MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        "---:|---:|",
    ]
    for r in sorted(rows, key=lambda r: (r["model"], _mode(r), r["n"])):
        if "error" in r:
            lines.append(f"| {r['model']} | {_mode(r)} | {r['n']:,} | {r['error']} |" + " |" * 16)
            continue
        s = r["steps_s"]

        def f(step: str, s: dict[str, float] = s) -> str:
            return f"{s[step]:.1f}" if step in s else "-"

        lines.append(
            "| "
            + " | ".join(
                [
                    r["model"],
                    _mode(r),
                    f"{r['n']:,}",
                    f"{r['fit_s']:.1f}",
                    f"{r['audit_s']:.1f}",
                    f("membership: reference models"),
                    f("membership: attacks and statistics"),
                    f("  of which RMIA population comparison"),
                    f("membership: per-record exposure"),
                    f("attribute"),
                    f("inspection"),
                    f("leaf boxes"),
                    f("outlierness"),
                    f("exposure table"),
                    _mb(r["audit_peak_rss_bytes"])
                    if r.get("audit_peak_rss_bytes")
                    else _mb(r.get("audit_process_peak_rss_bytes") or r["peak_rss_bytes"]) + "*",
                    _mb(r["audit_start_rss_bytes"]) if r.get("audit_start_rss_bytes") else "-",
                    _mb(r["rss_after_imports_bytes"]) if "rss_after_imports_bytes" in r else "-",
                    _mb(r["table_bytes"]),
                    _mb(r["model_bytes"]),
                    _mb(3 * (r["table_bytes"] + r["model_bytes"])),
                ]
            )
            + " |"
        )
    lines += [
        "",
        "Peak RSS: of the audit's process during the audit (its peak reset after the data were "
        "generated and the model fitted; * where the run predates that reset: the process's "
        "lifetime peak, generation and fit included). RSS at audit start: the process with the "
        "libraries, the tables, the model and what generating them left; libraries: the "
        "interpreter with the imported libraries alone. The loky workers that fit the reference "
        "models have their own peak (`live_workers_peak_rss_bytes` in the JSON).",
        "",
        "## Growth exponents (slope of log time on log n)",
        "",
    ]
    exps = doc["exponents"]
    head = ["step", *exps]
    lines += ["| " + " | ".join(head) + " |", "|---|" + "---:|" * len(exps)]
    for s in (*STEPS, "peak RSS"):
        cells = [s.strip()]
        for key in exps:
            v = exps[key].get(s) or {}
            e = v.get("exponent")
            top = v.get("top")
            text = "-" if e is None else f"{e:.2f}"
            if top is not None:
                text += f" ({top:.2f})"
            cells.append(text + (" wall" if e is not None and v["basis"] == "wall" else ""))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(
        "| sizes | "
        + " | ".join(", ".join(f"{n:,}" for n in exps[k]["sizes"]) for k in exps)
        + " |"
    )
    lines += [
        "",
        "In brackets: the exponent between the two largest sizes alone, where there are more "
        "than two (fixed costs flatten the fit over all sizes). "
        "Exponents are fitted on the CPU seconds of the audit's process (and, for the reference "
        "models and the total, of its worker processes) where every size has them, else on wall "
        "seconds (marked wall): on this shared machine wall time was 2 to 10 times CPU time. Peak RSS: "
        "of the audit's process.",
    ]
    cpu_rows = [r for r in rows if "error" not in r and r.get("steps_cpu_s")]
    if cpu_rows:
        cols = [s for s in STEPS if any(s in r["steps_cpu_s"] for r in cpu_rows)]
        lines += [
            "",
            "## CPU seconds per step",
            "",
            "| model | audit | n | " + " | ".join(c.strip() for c in cols) + " |",
            "|---|---|---:|" + "---:|" * len(cols),
        ]
        for r in sorted(cpu_rows, key=lambda r: (r["model"], _mode(r), r["n"])):
            c = r["steps_cpu_s"]
            cells = [r["model"], _mode(r), f"{r['n']:,}"]
            cells += [f"{c[x]:.2f}" if x in c else "-" for x in cols]
            lines.append("| " + " | ".join(cells) + " |")
    if doc.get("dask"):
        d = doc["dask"]
        lines += [
            "",
            f"## Reference fits on Dask ({d['n']:,} records, {d['model']}, K={K})",
            "",
            "| backend | reference models s | audit s |",
            "|---|---:|---:|",
        ]
        for r in d["rows"]:
            if "error" in r:
                lines.append(f"| {r['label']} | {r['error']} | |")
                continue
            lines.append(
                f"| {r['label']} | {r['steps_s']['membership: reference models']:.1f} | "
                f"{r['audit_s']:.1f} |"
            )
        if d.get("overhead_per_task_s") is not None:
            lines += [
                "",
                f"Ideal on 2 workers: {d['ideal_s']:.1f} s (one process / 2); overhead per task "
                f"(dask - ideal) / K = {d['overhead_per_task_s']:.2f} s.",
            ]
    if doc.get("notes"):
        lines += ["", "## Notes", "", *[f"- {n}" for n in doc["notes"]]]
    lines.append("")
    (results / "scale.md").write_text("\n".join(lines))


def combine(dirs: list[Path], results: Path, notes: list[str], commands: str | None) -> None:
    """Write the results of several runs as one (a row of a later directory replaces one before)."""
    merged: dict[str, Any] = {"rows": [], "load_average": [], "notes": [], "commands": []}
    keyed: dict[tuple[Any, ...], dict[str, Any]] = {}
    for d in dirs:
        doc = json.loads((d / "scale.json").read_text())
        for r in doc["rows"]:
            keyed[(r["model"], r["max_records"], r["n"])] = r
        if doc.get("dask"):
            merged["dask"] = doc["dask"]
        merged["load_average"] += doc.get("load_average", [])
        merged["notes"] += doc.get("notes", [])
        merged["commands"] += doc.get("commands", [doc.get("command", "")])
        for key in ("machine", "rf_trees", "k"):
            merged[key] = doc.get(key, merged.get(key))
    merged["rows"] = list(keyed.values())
    merged["notes"] = list(dict.fromkeys([*merged["notes"], *notes]))
    merged["command"] = commands or "; ".join(c for c in dict.fromkeys(merged["commands"]) if c)
    merged["exponents"] = exponents(merged["rows"])
    write(merged, results)
    print((results / "scale.md").read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--models",
        nargs="+",
        default=["random_forest", "hist_gradient_boosting"],
        help='models to audit ("none": no audits, e.g. with --dask)',
    )
    parser.add_argument("--modes", nargs="+", default=["default", "all"])
    parser.add_argument("--rf-trees", type=int, default=50)
    parser.add_argument("--cap", type=float, default=1800.0, help="seconds per configuration")
    parser.add_argument("--dask", action="store_true")
    parser.add_argument("--dask-rows", type=int, default=100_000)
    parser.add_argument("--dask-model", default="hist_gradient_boosting")
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--results", default=str(RESULTS), help="directory of scale.{json,md}")
    parser.add_argument("--merge", action="store_true", help="keep rows already in scale.json")
    parser.add_argument(
        "--combine",
        nargs="+",
        metavar="DIR",
        help="only write the results from the scale.json of these directories (later ones win)",
    )
    parser.add_argument("--commands", help="with --combine: how the runs were started")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(json.loads(args.one))), flush=True)
        return
    if args.combine:
        combine([Path(d) for d in args.combine], Path(args.results), args.note, args.commands)
        return
    log = sys.stderr
    doc: dict[str, Any] = {"rows": []}
    results = Path(args.results)
    if args.merge and (results / "scale.json").exists():
        doc = json.loads((results / "scale.json").read_text())
    loads: list[float] = doc.get("load_average", [])
    for name in [m for m in args.models if m != "none"]:
        for mode in args.modes:
            for n in args.sizes:
                max_records = 10_000 if mode == "default" else None
                cfg = {
                    "model": name,
                    "n": n,
                    "max_records": max_records,
                    "rf_trees": args.rf_trees,
                    "seed": 0,
                }
                doc["rows"] = [
                    r
                    for r in doc["rows"]
                    if (r["model"], r["max_records"], r["n"]) != (name, max_records, n)
                ]
                row = spawn(cfg, args.cap, log)
                row["load_average"] = os.getloadavg()[0]
                loads.append(row["load_average"])
                doc["rows"].append(row)
                print(json.dumps(row), file=log, flush=True)
    if args.dask:
        base = {
            "model": args.dask_model,
            "n": args.dask_rows,
            "max_records": 10_000,
            "rf_trees": args.rf_trees,
            "seed": 0,
        }
        drows = []
        for label, extra in (
            ("loky, 1 process", {"backend": "loky", "n_jobs": 1}),
            ("dask, 2 local workers", {"backend": "dask", "n_jobs": 2}),
        ):
            row = spawn({**base, **extra}, args.cap, log)
            row["label"] = label
            row["load_average"] = os.getloadavg()[0]
            drows.append(row)
            print(json.dumps(row), file=log, flush=True)
        dask_doc: dict[str, Any] = {"n": args.dask_rows, "model": args.dask_model, "rows": drows}
        if all("error" not in r for r in drows):
            one = drows[0]["steps_s"]["membership: reference models"]
            two = drows[1]["steps_s"]["membership: reference models"]
            dask_doc["ideal_s"] = one / 2
            dask_doc["overhead_per_task_s"] = (two - one / 2) / K
        doc["dask"] = dask_doc
    doc["machine"] = machine()
    doc["rf_trees"] = args.rf_trees
    doc["k"] = K
    doc["load_average"] = loads
    command = "python benchmarks/scale.py " + " ".join(sys.argv[1:])
    # with --merge the rows kept came from earlier commands: they stay listed
    earlier = doc.get("command", "") if args.merge else ""
    doc["command"] = f"{earlier}; {command}" if earlier else command
    doc["notes"] = list(dict.fromkeys([*doc.get("notes", []), *args.note]))
    doc["exponents"] = exponents(doc["rows"])
    write(doc, results)
    print((results / "scale.md").read_text())


if __name__ == "__main__":
    main()
