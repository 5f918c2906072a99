"""Singling out, per person: what the model file carries, which leaf boxes pin whom.

:func:`singling_out` brings together the inspection checks (run against the
training data), the leaf-box reconstruction of tree models (MP-S110), the
subject-concentration check (MP-S111) and, when given, the findings of
membership and attribute inference, and builds one row per training record or
per person (:class:`~modelprivacy.exposure.ExposureTable`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.errors import DataError, ModelPrivacyError
from modelprivacy.exposure import ExposureTable, exposure_table, subject_concentration_finding
from modelprivacy.findings import Finding, InspectionResult, sort_findings
from modelprivacy.load.data import as_frame, check_ids, concat_rows, pop_column

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
    skipped : list of str
        What could not be assessed, and why.
    """

    inspection: InspectionResult
    boxes: Any
    findings: list[Finding]
    table: ExposureTable
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (counts and record IDs, no raw values)."""
        return {
            "findings": [f.to_dict() for f in self.findings],
            "boxes": self.boxes.to_dict() if self.boxes is not None else None,
            "exposure": self.table.to_dict(),
            "skipped": list(self.skipped),
            "versions": self.inspection.to_dict().get("versions"),
        }


def _align(frame: Any, X: Any, where: str) -> Any:
    """Population records with the training features' columns, in their order."""
    if not isinstance(frame, pd.DataFrame) or not isinstance(X, pd.DataFrame):
        return frame
    missing = [c for c in X.columns if c not in frame.columns]
    if missing:
        raise DataError(
            f"the {where} data lacks column(s) of the training data: {', '.join(map(str, missing[:10]))}; "
            "give records with the same columns"
        )
    return frame[list(X.columns)]


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

    Returns
    -------
    SinglingOutReport
        Findings, leaf boxes and the exposure table.

    Raises
    ------
    DataError
        On missing columns or mismatched lengths.
    """
    from modelprivacy.attacks.exposure import outlierness
    from modelprivacy.inspection.runner import inspect
    from modelprivacy.load.model import load_model

    if not hasattr(model, "fit") and not hasattr(model, "predict"):
        model = load_model(model, trust=trust).estimator
    X = as_frame(train) if not isinstance(train, np.ndarray) else train
    if isinstance(X, pd.DataFrame):
        if subject_column is not None:
            X, subj = pop_column(X, subject_column, role="subject", where="training")
            subjects = list(subj)
        if id_column is not None:
            X, id_values = pop_column(X, id_column, role="id", where="training")
            ids = list(id_values)
        if target is not None:
            X, y = pop_column(X, target, where="training")
    elif subject_column or id_column or target:
        raise DataError(
            "column names (target, id_column, subject_column) need the training data as a table "
            "with named columns; pass y=, ids=, subjects= for an array"
        )
    n = len(X)
    for name, arr in (("ids", ids), ("subjects", subjects), ("y", y)):
        if arr is not None and len(arr) != n:
            raise DataError(f"{name} has {len(arr):,} entries for {n:,} training records")
    if ids is not None:
        check_ids(ids, id_column)
    pop_parts = [
        _align(p, X, where)
        for p, where in ((holdout, "holdout"), (population, "population"))
        if p is not None
    ]
    pop_X = concat_rows(pop_parts) if pop_parts else None
    inspection = inspect(model, X, y, ids=ids, k=k, show_values=show_values, seed=seed)
    findings: list[Finding] = list(inspection.findings)
    skipped: list[str] = []
    boxes = None
    try:
        from modelprivacy.singling import leaf_boxes, singling_out_finding

        boxes = leaf_boxes(
            model, X, y, population=pop_X, k=k, max_population=max_population, seed=seed
        )
        findings.append(singling_out_finding(boxes, ids=ids))
    except ModelPrivacyError as exc:
        if isinstance(exc, DataError):
            raise
        skipped.append(f"leaf boxes (MP-S110): {exc}")
    if subjects is not None:
        concentrated = subject_concentration_finding(subjects, k=k)
        if concentrated is not None:
            findings.append(concentrated)
    findings.extend(extra_findings)
    out = None
    if pop_X is not None:
        out = outlierness(model, X, pop_X, seed=seed)
        if out is None:
            skipped.append("outlierness: the features are not numeric after preprocessing")
    else:
        skipped.append("outlierness and population counts: no holdout or population data given")
    record_findings = [f for f in findings if f.check_id != "MP-S111"]
    table = exposure_table(
        record_findings, ids if ids is not None else range(n), subjects=subjects, outlierness=out
    )
    return SinglingOutReport(
        inspection=inspection,
        boxes=boxes,
        findings=list(sort_findings(findings)),
        table=table,
        skipped=skipped,
    )
