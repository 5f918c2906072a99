"""Per-person exposure: one row per training record or person, from every finding.

Each finding that names records (inspection checks, leaf boxes, membership and
attribute inference) marks them in its own column; a record's exposure level
is the highest severity among the findings that name it. With a subject
column (several records per person) rows are aggregated per person: a person
is exposed by a check if any of their records is, and their level is the
highest of their records' levels.

Two further questions are answered here:

- Does the model represent individuals? When half of the training records
  come from fewer than ``k`` people (one person's records, or a data set
  dominated by a few people), the model is personal data by itself
  (finding MP-S111).
- Are unusual people more exposed? Outlierness (mean distance to the 5
  nearest population records in standardised feature space) is compared
  between exposed (medium or high) and other people: the Spearman
  correlation of outlierness with the level, and the share exposed among the
  most unusual tenth against the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.findings import (
    Confidence,
    Criterion,
    Finding,
    RecordsExposed,
    Severity,
)

__all__ = [
    "LEVELS",
    "MOST_EXPOSED",
    "ExposureSummary",
    "ExposureTable",
    "OutlierRelation",
    "exposure_table",
    "subject_concentration_finding",
    "union_title",
]

LEVELS = ("none", "info", "low", "medium", "high")
_RANK = {name: i for i, name in enumerate(LEVELS)}
SUBJECT_CHECK_ID = "MP-S111"
MOST_EXPOSED = 20
"""How many of the most exposed rows the table's summary keeps (and the reports show)."""


@dataclass(frozen=True)
class ExposureTable:
    """Who is exposed, and how.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per record (or person), indexed by record ID (or person).
        Boolean columns named by check ID (``MP-S101``, ``MP-S110``,
        ``MP-L201``, ...) say which findings name the row; ``level`` is the
        highest severity among them (``none`` when no finding names it);
        ``records`` the number of training records of the row (1 per record);
        ``outlierness`` when population data was given.
    unit : {"record", "person"}
        What a row is.
    titles : dict
        ``{check_id: title}`` of the columns. A column that several findings
        of one check mark is the union of the rows they name, labelled as such
        (``"Attribute inference (any of sex, race)"``, see :func:`union_title`).
    overview : ExposureSummary
        The counts, the outlier relation, the most exposed rows and the
        summary paragraph, computed when the table is built (not an argument).
    """

    frame: pd.DataFrame
    unit: str
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def n(self) -> int:
        """Number of rows (records or people)."""
        return len(self.frame)

    @property
    def checks(self) -> list[str]:
        """The check-ID columns."""
        return list(self.titles)

    overview: ExposureSummary = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # every number a report shows is computed once, when the table is built
        object.__setattr__(self, "overview", _overview(self))

    def counts(self) -> dict[str, int]:
        """Rows named by each check, and rows at each level."""
        return dict(self.overview.counts)

    def exposed(self, at_least: str = "medium") -> pd.Index:
        """IDs of the rows whose level is at least ``at_least``."""
        ranks = self.frame["level"].map(_RANK)
        return self.frame.index[ranks >= _RANK[at_least]]

    def worst(self, n: int = MOST_EXPOSED) -> list[Any]:
        """The ``n`` most exposed rows: highest level, then most checks, then most unusual."""
        if n <= len(self.overview.most_exposed):
            return list(self.overview.most_exposed[:n])
        return _worst(self, n)

    def outliers(self) -> dict[str, float] | None:
        """Whether unusual people are more exposed (``None`` without outlierness)."""
        rel = self.overview.outliers
        return rel.to_dict() if rel is not None else None

    def summary(self) -> str:
        """One paragraph: how many are exposed, by what, and whether outliers more so."""
        return self.overview.text

    def to_dict(self, top: int = MOST_EXPOSED) -> dict[str, Any]:
        """JSON-serialisable summary: counts, titles, the worst rows' IDs, outliers."""
        return {
            "unit": self.unit,
            "n": self.n,
            "counts": self.counts(),
            "checks": dict(self.titles),
            "most_exposed": self.worst(top),
            "outliers": self.outliers(),
            "summary": self.summary(),
        }


@dataclass(frozen=True)
class OutlierRelation:
    """Whether unusual people are more exposed.

    Attributes
    ----------
    share_exposed_unusual_tenth : float
        Share exposed (medium or high) among the most unusual tenth.
    share_exposed_rest : float
        Share exposed among the rest.
    spearman_outlierness_level : float or None
        Spearman correlation of outlierness with the exposure level (``None``
        when either is constant).
    """

    share_exposed_unusual_tenth: float
    share_exposed_rest: float
    spearman_outlierness_level: float | None = None

    def to_dict(self) -> dict[str, float]:
        """Return a JSON-serialisable dict (without the correlation when there is none)."""
        out = {
            "share_exposed_unusual_tenth": self.share_exposed_unusual_tenth,
            "share_exposed_rest": self.share_exposed_rest,
        }
        if self.spearman_outlierness_level is not None:
            out["spearman_outlierness_level"] = self.spearman_outlierness_level
        return out


@dataclass(frozen=True)
class ExposureSummary:
    """The numbers of an exposure table that the reports show, computed when it is built.

    Attributes
    ----------
    counts : dict
        ``{check_id: rows}`` and ``{"level_<level>": rows}``.
    outliers : OutlierRelation or None
        Whether unusual people are more exposed (``None`` without outlierness).
    most_exposed : tuple
        IDs of the (up to :data:`MOST_EXPOSED`) most exposed rows.
    text : str
        The summary paragraph.
    """

    counts: dict[str, int]
    outliers: OutlierRelation | None
    most_exposed: tuple[Any, ...]
    text: str


def _overview(table: ExposureTable) -> ExposureSummary:
    f = table.frame
    counts = {c: int(f[c].sum()) for c in table.checks}
    levels = f["level"].value_counts()
    counts.update({f"level_{lv}": int(levels.get(lv, 0)) for lv in LEVELS})
    rel = _outliers(f)
    return ExposureSummary(
        counts=counts,
        outliers=rel,
        most_exposed=tuple(_worst(table, MOST_EXPOSED)),
        text=_summary_text(table, counts, rel),
    )


def _worst(table: ExposureTable, n: int) -> list[Any]:
    f = table.frame
    keys = pd.DataFrame(
        {
            "rank": f["level"].map(_RANK),
            "checks": f[table.checks].sum(axis=1) if table.checks else 0,
            "out": f.get("outlierness", 0.0),
        },
        index=f.index,
    )
    order = keys.sort_values(["rank", "checks", "out"], ascending=False, kind="stable")
    top = order[order["rank"] > 0].index[:n]
    return [v.item() if isinstance(v, np.generic) else v for v in top]


def _outliers(f: pd.DataFrame) -> OutlierRelation | None:
    if "outlierness" not in f or len(f) < 10:
        return None
    out = f["outlierness"].to_numpy(dtype=np.float64)
    ok = np.isfinite(out)
    if ok.sum() < 10:
        return None
    rank = f["level"].map(_RANK).to_numpy(dtype=np.float64)[ok]
    out = out[ok]
    exposed = rank >= _RANK["medium"]
    cut = np.quantile(out, 0.9)
    top, rest = out >= cut, out < cut
    if not top.any() or not rest.any():  # every record equally unusual
        return None
    spearman = None
    if np.ptp(out) > 0 and np.ptp(rank) > 0:
        from scipy.stats import spearmanr

        spearman = float(spearmanr(out, rank).statistic)
    return OutlierRelation(
        share_exposed_unusual_tenth=float(exposed[top].mean()),
        share_exposed_rest=float(exposed[rest].mean()),
        spearman_outlierness_level=spearman,
    )


def _summary_text(table: ExposureTable, c: dict[str, int], rel: OutlierRelation | None) -> str:
    word = "people" if table.unit == "person" else "records"
    high, medium = c["level_high"], c["level_medium"]
    text = (
        f"{high:,} of {table.n:,} {word} are highly exposed and {medium:,} moderately "
        f"({high + medium:,} in all)."
    )
    named = sorted(((c[k], k) for k in table.checks if c[k]), key=lambda t: (-t[0], t[1]))
    if named:
        parts = [f"{table.titles[k]} ({k}): {v:,}" for v, k in named]
        text += " By finding: " + "; ".join(parts) + "."
    if rel is not None:
        top, rest = rel.share_exposed_unusual_tenth, rel.share_exposed_rest
        more = "more" if top > rest + 0.02 else ("less" if top < rest - 0.02 else "no more")
        text += (
            f" Unusual {word} are {more} exposed: {top:.0%} of the most unusual tenth against "
            f"{rest:.0%} of the rest."
        )
    return text


def union_title(titles: Sequence[str]) -> str:
    """The label of a column that marks the rows named by any of several findings of one check.

    Parameters
    ----------
    titles : sequence of str
        The findings' titles, in order (e.g. ``"Attribute inference: sex"``,
        ``"Attribute inference: race"``).

    Returns
    -------
    str
        The one title, or the shared head with what differs
        (``"Attribute inference (any of sex, race)"``), or
        ``"any of: <title>; <title>"``.
    """
    distinct = list(dict.fromkeys(titles))
    if len(distinct) == 1:
        return distinct[0]
    parts = [t.split(": ", 1) for t in distinct]
    heads = {p[0] for p in parts}
    if len(heads) == 1 and all(len(p) == 2 for p in parts):
        return f"{parts[0][0]} (any of {', '.join(p[1] for p in parts)})"
    return "any of: " + "; ".join(distinct)


def _positions(ids: Sequence[Any], record_ids: pd.Index) -> np.ndarray:
    pos = record_ids.get_indexer(pd.Index(list(ids)))
    return pos[pos >= 0]


def exposure_table(
    findings: Sequence[Finding],
    record_ids: Sequence[Any] | None = None,
    *,
    n_records: int | None = None,
    subjects: Sequence[Any] | None = None,
    outlierness: np.ndarray | None = None,
) -> ExposureTable:
    """Build the per-record (or per-person) exposure table from findings.

    Parameters
    ----------
    findings : sequence of Finding
        Findings of any checks and attacks; those naming records (their
        ``records.ids``) mark them.
    record_ids : sequence, optional
        The ID of every training record, in order (row positions by default);
        the same IDs the findings use.
    n_records : int, optional
        Number of training records, when ``record_ids`` is not given.
    subjects : sequence, optional
        The person of every training record: rows are aggregated per person.
    outlierness : ndarray, optional
        Per training record (e.g. :func:`modelprivacy.attacks.exposure.outlierness`).

    Returns
    -------
    ExposureTable
        The table.

    Raises
    ------
    ValueError
        If the lengths of ``record_ids``, ``subjects`` and ``outlierness`` disagree.
    """
    if record_ids is None:
        if n_records is None:
            raise ValueError("give record_ids or n_records")
        record_ids = range(n_records)
    index = pd.Index(list(record_ids), name="record")
    n = len(index)
    for name, arr in (("subjects", subjects), ("outlierness", outlierness)):
        if arr is not None and len(arr) != n:
            raise ValueError(f"{name} has {len(arr):,} entries for {n:,} training records")
    level = np.zeros(n, dtype=np.int64)
    columns: dict[str, np.ndarray] = {}
    titles: dict[str, list[str]] = {}
    for f in findings:
        if not f.records.ids:
            continue
        pos = _positions(f.records.ids, index)
        if pos.size == 0:
            continue
        col = columns.setdefault(f.check_id, np.zeros(n, dtype=bool))
        col[pos] = True
        named = titles.setdefault(f.check_id, [])
        if f.title not in named:
            named.append(f.title)
        level[pos] = np.maximum(level[pos], _RANK[f.severity.value])
    order = sorted(titles)
    frame = pd.DataFrame({c: columns[c] for c in order}, index=index)
    frame["level"] = np.asarray(LEVELS, dtype=object)[level]
    frame["records"] = 1
    if outlierness is not None:
        frame["outlierness"] = np.asarray(outlierness, dtype=np.float64)
    table = ExposureTable(
        frame=frame, unit="record", titles={c: union_title(titles[c]) for c in order}
    )
    if subjects is None:
        return table
    return _per_person(table, np.asarray(subjects, dtype=object))


def _per_person(table: ExposureTable, subjects: np.ndarray) -> ExposureTable:
    f = table.frame.copy()
    f["_rank"] = f["level"].map(_RANK)
    f.index = pd.Index(subjects, name="person")
    agg: dict[str, Any] = {c: "any" for c in table.checks}
    agg.update({"_rank": "max", "records": "sum"})
    if "outlierness" in f:
        agg["outlierness"] = "max"
    g = f.groupby(level=0, sort=False).agg(agg)
    g["level"] = np.asarray(LEVELS, dtype=object)[g.pop("_rank").to_numpy(dtype=np.int64)]
    cols = [*table.checks, "level", "records"] + (["outlierness"] if "outlierness" in g else [])
    return ExposureTable(frame=g[cols], unit="person", titles=dict(table.titles))


def subject_concentration_finding(subjects: Sequence[Any], k: int = 10) -> Finding | None:
    """Flag a model whose training data comes from one person or is dominated by few.

    Half of the training records coming from fewer than ``k`` people means the
    model represents those individuals (personal data by itself), whatever the
    attacks find.

    Parameters
    ----------
    subjects : sequence
        The person of every training record.
    k : int, default=10
        Minimum number of people that half of the records must come from.

    Returns
    -------
    Finding or None
        MP-S111 (high) when the data is dominated by fewer than ``k`` people,
        else ``None``.
    """
    counts = pd.Series(list(subjects)).value_counts()
    if counts.empty:
        return None
    n = int(counts.sum())
    covering = int(np.searchsorted(np.cumsum(counts.to_numpy()), n / 2.0) + 1)
    if covering >= k:
        return None
    people = len(counts)
    top_share = float(counts.iloc[0]) / n
    who = "one person" if people == 1 else f"{covering:,} of {people:,} people"
    return Finding(
        check_id=SUBJECT_CHECK_ID,
        title="Model represents individuals",
        criterion=Criterion.SINGLING_OUT,
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        path="(training data)",
        estimator="",
        description=(
            f"Half of the {n:,} training records come from {who} (fewer than k={k}); the largest "
            f"contributor holds {top_share:.0%} of the records. A model fitted on so few people "
            "describes those individuals: treat it as personal data."
        ),
        records=RecordsExposed.from_ids(counts.index[:covering], of=people),
        remedy=(
            "Train on data from many people (at least k contributing at least half of the records), "
            "or treat the model as personal data of the contributors."
        ),
        docs="docs/singling.md#mp-s111",
        evidence={"people": people, "records": n, "people_for_half": covering, "k": k},
    )
