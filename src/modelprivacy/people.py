"""Singling out, per person: what the model file carries, which leaf boxes pin whom.

:func:`singling_out` brings together the inspection checks (run against the
training data), the leaf-box reconstruction of tree models (MP-S110), the
subject-concentration check (MP-S111) and, when given, the findings of
membership and attribute inference, and builds one row per training record or
per person (:class:`~modelprivacy.exposure.ExposureTable`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from modelprivacy.errors import DataError
from modelprivacy.exposure import ExposureTable, exposure_table
from modelprivacy.findings import CheckError, Finding, InspectionResult, Skipped, sort_findings
from modelprivacy.load.audit_data import AuditData, Part, aligned
from modelprivacy.load.data import as_frame, check_ids, concat_rows

if TYPE_CHECKING:
    from modelprivacy.auditing.checks import AuditContext
    from modelprivacy.singling.boxes import SinglingOutResult

__all__ = ["SinglingOutReport", "singling_out"]


@dataclass(frozen=True)
class SinglingOutReport:
    """The result of :func:`singling_out`.

    Attributes
    ----------
    inspection : InspectionResult
        What the model file carries, confirmed against the training data.
    boxes : SinglingOutResult or None
        Leaf-box reconstruction (tree models only).
    findings : list of Finding
        All findings, most severe first.
    table : ExposureTable
        One row per record, or per person with a subject column.
    skipped : list of Skipped
        What could not be assessed, and why.
    errors : list of CheckError
        Checks that failed (the others ran).
    """

    inspection: InspectionResult
    boxes: SinglingOutResult | None
    findings: list[Finding]
    table: ExposureTable
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[CheckError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (counts and record IDs, no raw values)."""
        return {
            "findings": [f.to_dict() for f in self.findings],
            "boxes": self.boxes.to_dict() if self.boxes is not None else None,
            "exposure": self.table.to_dict(),
            "skipped": [s.to_dict() for s in self.skipped],
            "errors": [e.to_dict() for e in self.errors],
            "versions": self.inspection.to_dict().get("versions"),
        }


def singling_out(
    model: Any,
    train: Any,
    *,
    target: str | None = None,
    y: Any = None,
    holdout: Any = None,
    population: Any = None,
    id_column: str | None = None,
    ids: Sequence[Any] | None = None,
    subject_column: str | None = None,
    subjects: Sequence[Any] | None = None,
    k: int = 10,
    extra_findings: Sequence[Finding] = (),
    max_population: int = 0,
    show_values: bool = False,
    trust: bool = False,
    seed: int = 0,
    debug: bool = False,
) -> SinglingOutReport:
    """Count the people a model singles out, and build the per-person exposure table.

    Parameters
    ----------
    model : estimator or path-like
        The fitted model, or its file (loaded without executing untrusted code
        unless ``trust``).
    train : DataFrame or array-like
        The training data exactly as it went into ``fit`` (plus the target,
        ID and subject columns when named).
    target : str, optional
        Name of the label column in ``train`` (and ``holdout``, ``population``).
    y : array-like, optional
        Labels, when ``train`` has no target column.
    holdout, population : DataFrame or array-like, optional
        Non-member records from the same population: they count how many
        outsiders share each leaf box, and measure outlierness.
    id_column : str, optional
        Column of ``train`` with record IDs (reported instead of row numbers).
    ids : sequence, optional
        Record IDs, when ``train`` has no ID column.
    subject_column : str, optional
        Column of ``train`` naming the person of each record (several records
        per person): exposure is aggregated per person, and a model whose data
        comes from few people is flagged (MP-S111).
    subjects : sequence, optional
        The person of each record, when ``train`` has no subject column.
    k : int, default=10
        Groups of fewer than ``k`` records single people out.
    extra_findings : sequence of Finding
        Findings of other attacks (membership, attribute inference) to enter
        into the table.
    max_population : int, default=0
        A leaf box holding a training person and at most this many population
        records singles that person out.
    show_values : bool, default=False
        Show raw training values in the inspection's examples.
    trust : bool, default=False
        Load a model file with plain pickle (only for files you trust).
    seed : int, default=0
        Seeds every random step.
    debug : bool, default=False
        Re-raise a failing check instead of recording it in ``errors``.

    Returns
    -------
    SinglingOutReport
        Findings, leaf boxes and the exposure table.

    Raises
    ------
    DataError
        On missing columns or mismatched lengths.
    """
    from modelprivacy.auditing.checks import AuditContext
    from modelprivacy.load.model import load_model

    if not hasattr(model, "fit") and not hasattr(model, "predict"):
        model = load_model(model, trust=trust).estimator
    data = _data(train, target, y, holdout, population, id_column, ids, subject_column, subjects)
    ctx = AuditContext(
        model=model,
        data=data,
        k=k,
        seed=seed,
        options={"max_population": max_population},
        debug=debug,
    )
    return run_singling_out(ctx, extra_findings=extra_findings, show_values=show_values)


def _data(
    train: Any,
    target: str | None,
    y: Any,
    holdout: Any,
    population: Any,
    id_column: str | None,
    ids: Sequence[Any] | None,
    subject_column: str | None,
    subjects: Sequence[Any] | None,
) -> AuditData:
    """The validated data of :func:`singling_out`: columns named, or arrays given beside."""
    table = train if isinstance(train, np.ndarray | pd.DataFrame | str | Path) else as_frame(train)
    if isinstance(table, str | Path):
        from modelprivacy.load import load_table

        table = load_table(table)
    if not isinstance(table, pd.DataFrame) and (subject_column or id_column or target):
        raise DataError(
            "column names (target, id_column, subject_column) need the training data as a table "
            "with named columns; pass y=, ids=, subjects= for an array"
        )
    named_target = target if isinstance(table, pd.DataFrame) else None
    # The holdout and population only count outsiders here: their labels are not needed.
    data = AuditData.build(
        table,
        target=named_target,
        id_column=id_column,
        subject_column=subject_column,
    )
    assert data.train is not None
    n = data.train.n
    for name, arr in (("ids", ids), ("subjects", subjects), ("y", y)):
        if arr is not None and len(arr) != n:
            raise DataError(f"{name} has {len(arr):,} entries for {n:,} training records")
    if ids is not None:
        check_ids(ids, id_column)
    outsiders = {
        where: aligned(Part(where, p, None), data.train)
        for p, where in ((holdout, "holdout"), (population, "population"))
        if p is not None
    }
    train_part = data.train if y is None else Part("training", data.train.X, np.asarray(y))
    return dataclasses.replace(
        data,
        train=train_part,
        holdout=outsiders.get("holdout"),
        population=outsiders.get("population"),
        ids=tuple(ids) if ids is not None else data.ids,
        subjects=tuple(subjects) if subjects is not None else data.subjects,
    )


def run_singling_out(
    ctx: AuditContext,
    *,
    extra_findings: Sequence[Finding] = (),
    show_values: bool = False,
) -> SinglingOutReport:
    """The inspection with the training data, MP-S110, MP-S111 and the exposure table.

    Parameters
    ----------
    ctx : AuditContext
        The audit (its data has the training records).
    extra_findings : sequence of Finding
        Findings of the attacks, entered into the exposure table.
    show_values : bool, default=False
        Show raw training values in the inspection's examples.

    Returns
    -------
    SinglingOutReport
        The inspection, leaf boxes, findings and exposure table; what was
        skipped and what failed.
    """
    from modelprivacy._memory import release_free_memory
    from modelprivacy.attacks.exposure import outlierness
    from modelprivacy.auditing.checks import AUDIT_CHECKS, run_check
    from modelprivacy.inspection.runner import inspect

    d = ctx.data
    assert d.train is not None
    X, y, ids = d.train.X, d.train.y, d.ids
    n = d.train.n
    skip_start, error_start = len(ctx.skipped), len(ctx.errors)
    ctx.step("inspection", 0, 1)
    inspection = inspect(
        ctx.model, X, y, ids=ids, k=ctx.k, show_values=show_values, seed=ctx.seed, debug=ctx.debug
    )
    ctx.step("inspection", 1, 1)
    release_free_memory()  # the inspection's index of the training values is gone
    findings: list[Finding] = list(inspection.findings)
    for check_id in ("MP-S110", "MP-S111"):
        ran = run_check(AUDIT_CHECKS[check_id], ctx)
        if ran is not None:
            findings += ran.findings
    findings.extend(extra_findings)
    skipped = list(ctx.skipped[skip_start:])
    outsiders = [p.X for p in (d.holdout, d.population) if p is not None]
    out = None
    if outsiders:
        out = outlierness(ctx.model, X, concat_rows(outsiders), seed=ctx.seed)
        if out is None:
            skipped.append(
                Skipped("outlierness", "the features are not numeric after preprocessing")
            )
    else:
        skipped.append(
            Skipped("outlierness and population counts", "no holdout or population data given")
        )
    record_findings = [f for f in findings if f.check_id != "MP-S111"]
    table = exposure_table(
        record_findings, ids if ids is not None else range(n), subjects=d.subjects, outlierness=out
    )
    return SinglingOutReport(
        inspection=inspection,
        boxes=ctx.result("MP-S110"),
        findings=list(sort_findings(findings)),
        table=table,
        skipped=skipped,
        errors=list(ctx.errors[error_start:]),
    )
