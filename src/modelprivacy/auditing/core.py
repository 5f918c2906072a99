"""``audit``: inspect, single out, attack and decide, for one model.

With only the model, the audit inspects the file and says what it skipped and
why. With the training data it also confirms findings against the records,
reconstructs leaf boxes and builds the per-person exposure table. With a
holdout (non-members from the same population) and the target column it runs
membership inference: the black-box attacks (MP-L201) and, when the model
stores training rows, a white-box lookup of every member and non-member among
them (MP-L202, no reference models); and with sensitive columns attribute
inference.
"""

from __future__ import annotations

import dataclasses
import logging
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.auditing.coverage import THREAT_MODEL, CoverageRow, coverage, singling_out_gaps
from modelprivacy.auditing.verdict import Thresholds, Verdict, decide
from modelprivacy.errors import DataError
from modelprivacy.findings import Criterion, Finding, InspectionResult, Severity, sort_findings

__all__ = ["AuditResult", "audit"]

Progress = Callable[[str, int, int], None]
log = logging.getLogger(__name__)

#: How the stored-rows lookup is named in skip reasons and reports.
STORED_ROWS_LOOKUP = "stored rows lookup (white-box membership, MP-L202)"


@dataclass(frozen=True)
class AuditResult:
    """Everything one audit found, and its verdict.

    Attributes
    ----------
    source : str
        The model file, or the estimator's class name.
    model : str
        The estimator's class name.
    verdict : Verdict
        Risk per criterion and the overall verdict.
    findings : tuple of Finding
        Every finding, most severe first.
    inspection : InspectionResult
        What the model file carries.
    membership, attribute, boxes, exposure
        The results of membership inference, attribute inference, leaf-box
        reconstruction and the per-person exposure table (``None`` when not run).
    stored_rows : StoredRowsResult or None
        The white-box membership test (MP-L202): every member and non-member
        looked up among the training rows the model stores; ``None`` when the
        model stores no rows or no holdout was given (the reason is in
        ``skipped``). In ``to_dict`` it is ``membership.stored_rows_lookup``.
    coverage : tuple of CoverageRow
        The attacks of EDPB Opinion 28/2024 and what was run.
    threat_model : str
        What the attacker is assumed to know.
    skipped : tuple of str
        What was not run, and why.
    settings : dict
        k, K, seed, sizes and thresholds.
    timings : dict
        Seconds per step.
    versions : dict
        Versions of Python and the libraries.
    ids : tuple or None
        Record IDs of the training records, when an ID column was given.
    """

    source: str
    model: str
    verdict: Verdict
    findings: tuple[Finding, ...]
    inspection: InspectionResult
    membership: Any = None
    attribute: Any = None
    boxes: Any = None
    exposure: Any = None
    stored_rows: Any = None
    coverage: tuple[CoverageRow, ...] = ()
    threat_model: str = THREAT_MODEL
    skipped: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    ids: tuple[Any, ...] | None = field(default=None, repr=False)

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        """Findings of at least ``severity``."""
        return tuple(f for f in self.findings if f.severity >= severity)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (counts, record IDs and rates; no raw values).

        Timings are left out so that the same seed gives the same report.
        """
        return {
            "schema_version": "1.0",
            "kind": "audit",
            "source": self.source,
            "model": self.model,
            "verdict": self.verdict.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "membership": self._membership_dict(),
            "attribute": self.attribute.to_dict() if self.attribute is not None else None,
            "singling_out": self.boxes.to_dict() if self.boxes is not None else None,
            "exposure": self.exposure.to_dict() if self.exposure is not None else None,
            "coverage": [r.to_dict() for r in self.coverage],
            "threat_model": self.threat_model,
            "skipped": list(self.skipped),
            "load_notes": list(self.inspection.load_notes),
            "settings": self.settings,
            "versions": dict(self.versions),
        }

    def _membership_dict(self) -> dict[str, Any] | None:
        """The membership results: the black-box attacks, and the stored-rows lookup beside them."""
        if self.membership is None:
            return None
        out = dict(self.membership.to_dict())
        out["stored_rows_lookup"] = (
            self.stored_rows.to_dict() if self.stored_rows is not None else None
        )
        return out

    def render(self, fmt: str = "terminal", **options: Any) -> str:
        """Render the report: ``"terminal"``, ``"markdown"``, ``"json"`` or ``"html"``."""
        from modelprivacy.auditing.render import render_audit

        return render_audit(self, fmt, **options)

    def _repr_html_(self) -> str:
        """Jupyter display: the HTML report's body."""
        return self.render("html", fragment=True)


def _frame(data: Any) -> Any:
    if data is None or isinstance(data, pd.DataFrame | np.ndarray):
        return data
    if isinstance(data, str | Path):
        from modelprivacy.load import load_table

        return load_table(data)
    return pd.DataFrame(data)


def _stored_rows_lookup(
    model: Any,
    train: Any,
    holdout: Any,
    target: str | None,
    max_records: int | None,
    seed: int,
) -> tuple[Any, str]:
    """Run the stored-rows lookup (MP-L202); return its result, or ``None`` and why not."""
    from modelprivacy._text import describe_exception
    from modelprivacy.attacks.stored_rows import NoStoredRowsError, stored_rows_lookup
    from modelprivacy.load.data import pop_column

    y_train = None
    if isinstance(train, pd.DataFrame) and target is not None and target in train.columns:
        train, y_train = pop_column(train, target)
    if isinstance(holdout, pd.DataFrame) and target is not None and target in holdout.columns:
        holdout, _ = pop_column(holdout, target, where="holdout")
    try:
        result = stored_rows_lookup(
            model, train, holdout, y_train=y_train, max_records=max_records, seed=seed
        )
    except NoStoredRowsError as exc:
        return None, str(exc)
    except Exception as exc:  # a failed check does not abort the audit
        log.warning("stored rows lookup failed: %s", describe_exception(exc))
        return None, f"failed ({describe_exception(exc)})"
    return result, ""


def audit(
    model: Any,
    train: Any = None,
    holdout: Any = None,
    *,
    target: str | None = None,
    population: Any = None,
    sensitive: Sequence[str] = (),
    id_column: str | None = None,
    subject_column: str | None = None,
    k: int = 10,
    reference_models: int = 8,
    n_jobs: int | None = None,
    backend: str | None = None,
    known_label: bool = True,
    max_records: int | None = 10_000,
    thresholds: Thresholds | None = None,
    show_values: bool = False,
    trust: bool = False,
    seed: int = 0,
    progress: Progress | None = None,
    fit_budget: float | None = None,
) -> AuditResult:
    """Audit one model: what it carries, whom it singles out, what attacks reveal; and a verdict.

    Parameters
    ----------
    model : estimator or path-like
        The fitted model, or its file (loaded without executing untrusted
        code unless ``trust``).
    train : DataFrame, path or None
        The training data exactly as it went into ``fit``, with the target
        (and any ID and subject) column.
    holdout : DataFrame, path or None
        Records from the same population the model was not fitted on.
    target : str, optional
        The label column (needed for the attacks).
    population : DataFrame, path or None
        More non-member records (reference models, attack models, outsiders).
    sensitive : sequence of str
        Columns to attack with attribute inference.
    id_column : str, optional
        Column with record IDs (reported instead of row numbers).
    subject_column : str, optional
        Column naming the person of each record (several records per person).
    k : int, default=10
        Groups of fewer than ``k`` people single them out.
    reference_models : int, default=8
        K reference models for membership inference.
    n_jobs : int, optional
        Parallel jobs for reference models.
    backend : str, optional
        joblib backend.
    known_label : bool, default=True
        Whether the attribute-inference attacker knows the person's label.
    max_records : int or None, default=10000
        Membership inference scores at most this many members and as many
        non-members (a seeded sample; reference models still train on all
        records), and attribute inference attacks at most a quarter as many. This
        bounds the time of models whose queries are slow; ``None`` audits all.
    thresholds : Thresholds, optional
        Thresholds from attack metrics to severities.
    show_values : bool, default=False
        Show raw training values in the inspection's examples.
    trust : bool, default=False
        Load the model file with plain pickle (only for files you trust).
    seed : int, default=0
        Seeds every random step; the same seed gives the same report.
    progress : callable, optional
        ``progress(step, done, total)`` as the audit advances.
    fit_budget : float, optional
        Wall-clock seconds each reference model's fit may take; by default
        600 s for the first and 20 times the first's time (at least 60 s) for
        the others (see :func:`~modelprivacy.attacks.refit.reference_budget`).

    Returns
    -------
    AuditResult
        Findings, attack results, exposure table, coverage and verdict.

    Raises
    ------
    DataError
        On missing or mismatched columns, or attacks asked for without the data they need.
    RefitBudgetError
        If a reference model did not finish fitting within its budget.
    """
    from modelprivacy import __version__
    from modelprivacy.attacks.api import membership_inference
    from modelprivacy.attacks.attribute import attribute_finding, attribute_inference
    from modelprivacy.attacks.findings import membership_finding
    from modelprivacy.attacks.stored_rows import stored_rows_finding
    from modelprivacy.inspection.runner import inspect
    from modelprivacy.load.data import check_ids, drop_present, pop_column
    from modelprivacy.load.model import load_model
    from modelprivacy.people import singling_out

    th = thresholds or Thresholds()
    t_start = time.perf_counter()
    timings: dict[str, float] = {}
    source = str(model) if isinstance(model, str | Path) else type(model).__name__
    load_notes: tuple[str, ...] = ()
    if isinstance(model, str | Path):
        loaded = load_model(model, trust=trust)
        model, load_notes = loaded.estimator, loaded.notes

    def step(name: str, done: int, total: int) -> None:
        if progress is not None:
            progress(name, done, total)

    train, holdout, population = _frame(train), _frame(holdout), _frame(population)
    sensitive = list(sensitive)
    if holdout is not None and train is None:
        raise DataError("--holdout needs --train: give the training data too")
    if sensitive and (train is None or holdout is None):
        raise DataError(
            "--sensitive needs --train and --holdout (attribute inference compares them)"
        )
    if holdout is not None and target is None:
        raise DataError("the attacks need the label: name the target column with --target")
    skipped: list[str] = []
    reasons: dict[Criterion, str] = {}
    findings: list[Finding] = []
    ids: list[Any] | None = None
    membership = attribute = boxes = table = stored_rows = None
    inspection: InspectionResult
    attacked_train = attacked_holdout = attacked_pop = None
    if train is not None:
        n_train = len(train)
        if id_column is not None:
            ids = list(pop_column(train, id_column, role="id", where="training")[1])
            check_ids(ids, id_column)
        if subject_column is not None:
            pop_column(train, subject_column, role="subject", where="training")
        meta = [id_column, subject_column]
        attacked_train = drop_present(train, meta)
        attacked_holdout = drop_present(holdout, meta)
        attacked_pop = drop_present(population, meta)
    else:
        n_train = None
    ids_arr = np.asarray(ids, dtype=object) if ids is not None else None
    # membership inference
    if holdout is not None:
        t0 = time.perf_counter()
        membership = membership_inference(
            model,
            attacked_train,
            attacked_holdout,
            target=target,
            population=attacked_pop,
            reference_models=reference_models,
            n_jobs=n_jobs,
            backend=backend,
            seed=seed,
            progress=lambda d, t: step("reference models", d, t),
            max_records=max_records,
            fit_budget=fit_budget,
        )
        # one rating for the black-box attacks and the stored-rows lookup
        rating = {
            "high_tpr": th.membership_high_tpr,
            "medium_tpr": th.membership_medium_tpr,
            "high_epsilon": th.membership_high_epsilon,
            "medium_epsilon": th.membership_medium_epsilon,
        }
        findings.append(membership_finding(membership, ids=ids_arr, **rating))
        timings["membership"] = time.perf_counter() - t0
        timings.update({f"membership: {k}": v for k, v in membership.timings.items()})
        # white-box membership: look the records up among the rows the model stores
        t0 = time.perf_counter()
        step("stored rows lookup", 0, 1)
        stored_rows, stored_rows_reason = _stored_rows_lookup(
            model, attacked_train, attacked_holdout, target, max_records, seed
        )
        if stored_rows is not None:
            findings.append(stored_rows_finding(stored_rows, ids=ids_arr, **rating))
        else:
            skipped.append(f"{STORED_ROWS_LOOKUP}: {stored_rows_reason}")
        step("stored rows lookup", 1, 1)
        timings["stored rows lookup"] = time.perf_counter() - t0
    else:
        why = (
            "needs the training data and a holdout (--train, --holdout)"
            if train is None
            else "needs a holdout of non-members (--holdout)"
        )
        reasons[Criterion.LINKABILITY] = f"membership inference {why}"
        skipped.append(f"membership inference: {why}")
        stored_rows_reason = why
        skipped.append(f"{STORED_ROWS_LOOKUP}: {why}")
    # attribute inference
    if sensitive:
        t0 = time.perf_counter()
        step("attribute inference", 0, len(sensitive))
        attribute = attribute_inference(
            model,
            attacked_train,
            attacked_holdout,
            target=target,
            sensitive=sensitive,
            population=attacked_pop,
            known_label=known_label,
            max_records=max(max_records // 4, 1) if max_records is not None else None,
            seed=seed,
        )
        findings += [
            attribute_finding(
                attribute,
                col,
                ids=ids_arr,
                high_risk=th.attribute_high_risk,
                medium_risk=th.attribute_medium_risk,
            )
            for col in attribute.columns
        ]
        step("attribute inference", len(sensitive), len(sensitive))
        timings["attribute"] = time.perf_counter() - t0
    else:
        why = (
            "no sensitive column named (--sensitive)"
            if holdout is not None
            else "needs --train, --holdout and --sensitive"
        )
        reasons[Criterion.INFERENCE] = f"attribute inference: {why}"
        skipped.append(f"attribute inference: {why}")
    # inspection, leaf boxes and the exposure table
    t0 = time.perf_counter()
    step("inspection", 0, 1)
    if train is not None:
        report = singling_out(
            model,
            train,
            target=target,
            holdout=holdout,
            population=population,
            id_column=id_column,
            subject_column=subject_column,
            k=k,
            extra_findings=findings,
            show_values=show_values,
            seed=seed,
        )
        inspection, boxes, table = report.inspection, report.boxes, report.table
        all_findings = list(report.findings)
        skipped += report.skipped
    else:
        inspection = inspect(model, k=k, show_values=show_values, seed=seed)
        all_findings = list(inspection.findings)
        skipped.append(
            "confirmation against the training data, leaf boxes and per-person exposure: "
            "needs the training data (--train)"
        )
    skipped += [f"{s.what}: {s.reason}" for s in inspection.skipped]
    step("inspection", 1, 1)
    timings["inspection and singling out"] = time.perf_counter() - t0
    assessed = {
        Criterion.SINGLING_OUT: train is not None,
        Criterion.LINKABILITY: membership is not None,
        Criterion.INFERENCE: attribute is not None,
    }
    if train is None:
        reasons[Criterion.SINGLING_OUT] = "model file only: findings not confirmed against records"
    gaps = {Criterion.SINGLING_OUT: singling_out_gaps(model, inspection)}
    verdict = decide(all_findings, assessed, reasons, gaps)
    rows = coverage(
        n_train=n_train,
        membership=membership,
        membership_reason=reasons.get(Criterion.LINKABILITY, ""),
        stored_rows=stored_rows,
        stored_rows_reason=stored_rows_reason,
        attribute=attribute,
        attribute_reason=reasons.get(Criterion.INFERENCE, ""),
        boxes=boxes,
        seed=seed,
        k=k,
        gaps=gaps[Criterion.SINGLING_OUT],
    )
    timings["total"] = time.perf_counter() - t_start
    versions = dict(inspection.versions)
    versions.setdefault("python", platform.python_version())
    versions.setdefault("modelprivacy", __version__)
    settings: dict[str, Any] = {
        "k": k,
        "reference_models": reference_models if membership is not None else None,
        "seed": seed,
        "n_train": n_train,
        "n_holdout": len(holdout) if holdout is not None else None,
        "n_population": len(population) if population is not None else None,
        "target": target,
        "sensitive": sensitive,
        "id_column": id_column,
        "subject_column": subject_column,
        "known_label": known_label,
        "max_records": max_records,
        "thresholds": th.to_dict(),
    }
    return AuditResult(
        source=source,
        model=type(model).__name__,
        verdict=verdict,
        findings=tuple(sort_findings(all_findings)),
        inspection=dataclasses.replace(inspection, source=source, load_notes=load_notes),
        membership=membership,
        attribute=attribute,
        boxes=boxes,
        exposure=table,
        stored_rows=stored_rows,
        coverage=rows,
        skipped=tuple(skipped),
        settings=settings,
        timings=timings,
        versions=versions,
        ids=tuple(ids) if ids is not None else None,
    )
