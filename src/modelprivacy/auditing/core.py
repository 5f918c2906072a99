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
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from modelprivacy.auditing.coverage import THREAT_MODEL, CoverageRow, coverage, singling_out_gaps
from modelprivacy.auditing.verdict import Thresholds, Verdict, decide
from modelprivacy.findings import (
    SCHEMA_VERSION,
    CheckError,
    Criterion,
    Finding,
    InspectionResult,
    Severity,
    Skipped,
    sort_findings,
)

if TYPE_CHECKING:
    from modelprivacy.attacks.api import MembershipResult
    from modelprivacy.attacks.attribute import AttributeResult
    from modelprivacy.attacks.stored_rows import StoredRowsResult
    from modelprivacy.auditing.checks import AuditContext
    from modelprivacy.auditing.release import ModeVerdict
    from modelprivacy.exposure import ExposureTable
    from modelprivacy.singling.boxes import SinglingOutResult

__all__ = ["AuditResult", "AuditSettings", "audit"]

Progress = Callable[[str, int, int], None]


class AuditSettings(TypedDict):
    """The settings an audit ran with (``AuditResult.settings``)."""

    k: int
    reference_models: int | None
    seed: int
    n_train: int | None
    n_holdout: int | None
    n_population: int | None
    target: str | None
    sensitive: list[Any]
    id_column: str | None
    subject_column: str | None
    known_label: bool
    max_records: int | None
    thresholds: dict[str, float]
    budget: NotRequired[float]
    reference_models_choice: NotRequired[str]


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
    skipped : tuple of Skipped
        What was not run, and why (each names its check where it is one).
    errors : tuple of CheckError
        Checks that failed; the audit went on without them, and the verdict
        says the criterion was only partially assessed.
    settings : dict
        k, K, seed, sizes and thresholds.
    timings : dict
        Seconds per step.
    versions : dict
        Versions of Python and the libraries.
    ids : tuple or None
        Record IDs of the training records, when an ID column was given.
    queries : int or None
        Records a black-box target (``predict_proba=`` or ``predict=``) was
        asked about in the whole audit, probes included; ``None`` for a
        model object. In ``to_dict`` the membership and attribute results
        carry their own counts (``queries``).
    release : tuple of ModeVerdict
        With ``release=``: one verdict per release mode (the model shared as
        a file, or served behind an API returning scores, rounded scores, the
        top classes or labels only), in the order asked for; empty otherwise.
    """

    source: str
    model: str
    verdict: Verdict
    findings: tuple[Finding, ...]
    inspection: InspectionResult
    membership: MembershipResult | None = None
    attribute: AttributeResult | None = None
    boxes: SinglingOutResult | None = None
    exposure: ExposureTable | None = None
    stored_rows: StoredRowsResult | None = None
    coverage: tuple[CoverageRow, ...] = ()
    threat_model: str = THREAT_MODEL
    skipped: tuple[Skipped, ...] = ()
    errors: tuple[CheckError, ...] = ()
    settings: AuditSettings = field(default_factory=lambda: AuditSettings())  # type: ignore[typeddict-item]
    timings: dict[str, float] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    ids: tuple[Any, ...] | None = field(default=None, repr=False)
    queries: int | None = None
    release: tuple[ModeVerdict, ...] = ()

    def at_or_above(self, severity: Severity, mode: str | None = None) -> tuple[Finding, ...]:
        """Findings of at least ``severity``: the audit's, or those of one release mode."""
        if mode is not None:
            found = [v for v in self.release if v.mode == mode]
            if not found:
                raise ValueError(f"no release mode {mode!r} in this audit")
            return tuple(f for f in found[0].findings if f.severity >= severity)
        return tuple(f for f in self.findings if f.severity >= severity)

    def recommendation(self) -> str | None:
        """Per release mode, in plain words (None without ``release=``)."""
        if not self.release:
            return None
        from modelprivacy.auditing.release import recommendation

        return recommendation(self.release)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (counts, record IDs and rates; no raw values).

        Timings are left out so that the same seed gives the same report.
        """
        from modelprivacy.auditing.share import may_i_share

        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "audit",
            "source": self.source,
            "model": self.model,
            "may_i_share": may_i_share(self).to_dict(),
            "verdict": self.verdict.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "membership": self._membership_dict(),
            "attribute": self.attribute.to_dict() if self.attribute is not None else None,
            "singling_out": self.boxes.to_dict() if self.boxes is not None else None,
            "exposure": self.exposure.to_dict() if self.exposure is not None else None,
            "coverage": [r.to_dict() for r in self.coverage],
            "threat_model": self.threat_model,
            "skipped": [s.to_dict() for s in self.skipped],
            "errors": [e.to_dict() for e in self.errors],
            "load_notes": list(self.inspection.load_notes),
            "settings": dict(self.settings),
            "versions": dict(self.versions),
            "release": [v.to_dict() for v in self.release] if self.release else None,
            "release_recommendation": self.recommendation(),
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


def audit(
    model: Any = None,
    train: Any = None,
    holdout: Any = None,
    *,
    predict_proba: Callable[[Any], Any] | None = None,
    predict: Callable[[Any], Any] | None = None,
    classes: Any = None,
    batch_size: int = 1000,  # attacks.target.DEFAULT_BATCH_SIZE (not imported at startup)
    target: str | None = None,
    population: Any = None,
    sensitive: Sequence[str] = (),
    id_column: str | None = None,
    subject_column: str | None = None,
    k: int = 10,
    reference_models: int | None = None,
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
    fit_fn: Callable[[Any, Any], Any] | None = None,
    debug: bool = False,
    budget: float | None = None,
    scheduler: Any = None,
    cache: Any = None,
    release: str | Sequence[str] | None = None,
) -> AuditResult:
    """Audit one model: what it carries, whom it singles out, what attacks reveal; and a verdict.

    Parameters
    ----------
    model : estimator or path-like, optional
        The fitted model, or its file (loaded without executing untrusted
        code unless ``trust``). Exactly one of ``model``, ``predict_proba``
        and ``predict``.
    train : DataFrame, path or None
        The training data exactly as it went into ``fit``, with the target
        (and any ID and subject) column.
    holdout : DataFrame, path or None
        Records from the same population the model was not fitted on.
    target : str, optional
        The label column (needed for the attacks).
    predict_proba : callable, optional
        Instead of a model, a black box: a function from records (a DataFrame
        with the training columns) to class probabilities, shape
        ``(n, n_classes)`` or ``(n,)`` for the second of two classes (see
        :class:`~modelprivacy.attacks.target.BlackBox`). Only the attacks are
        run: the model-file checks are skipped (no model object), and the
        reference-model attacks need ``fit_fn``.
    predict : callable, optional
        Instead of a model, a regressor's function from records to predictions.
    classes : array-like, optional
        The labels of ``predict_proba``'s columns; by default the sorted
        distinct labels of the target column.
    batch_size : int, default=1000
        Records per call of a black-box function.
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
    reference_models : int, optional
        K reference models for membership inference (2 to 256); 8 by
        default, or chosen by ``budget``.
    n_jobs : int, optional
        Parallel jobs for reference models (with a backend and no ``n_jobs``:
        every core; for a local Dask cluster, its worker processes).
    backend : {"loky", "threading", "dask", "ray"}, optional
        Where the reference models after the first are fitted: joblib's loky
        worker processes or threads, or Dask or Ray, one task per model, on
        ``scheduler`` or on a local cluster (Dask worker processes, or a Ray
        instance) started for the audit. The membership result's ``refit_notes`` (the report's
        method section) say where they ran.
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
        ``progress(step, done, total)`` as the audit advances. In a Jupyter
        kernel, by default, one display in the cell that shows each step
        (:func:`~modelprivacy.progress.notebook_progress`); elsewhere none.
    fit_budget : float, optional
        Wall-clock seconds each reference model's fit may take; by default
        600 s for the first and 20 times the first's time (at least 60 s) for
        the others (see :func:`~modelprivacy.attacks.refit.reference_budget`).
    fit_fn : callable, optional
        ``fit_fn(X, y) -> fitted model`` (or a function from records to
        scores) trains a reference model, for a black box or a model that
        :func:`sklearn.base.clone` cannot copy. Without it such a model gets
        only the membership attacks that need no reference model (loss, and
        population with ``population`` records); the report lists the others
        as skipped and linkability as partially assessed.
    debug : bool, default=False
        Re-raise the exception of a check that fails; by default it is
        recorded in ``errors`` and the audit goes on.
    budget : float, optional
        Seconds for membership inference's reference fits: a fit is timed
        (two when the first is quick) and K is the largest number of fits (2 to 256) that the rest pays for
        on ``n_jobs`` jobs. ``settings["reference_models"]`` is the K used and
        ``settings["reference_models_choice"]`` says why. The chosen K depends
        on the measured time: pass ``reference_models=K`` to pin it (the same
        seed and K give the same audit). Not with ``reference_models``.
    scheduler : str or distributed.Client, optional
        A Dask scheduler's address (``tcp://HOST:PORT``) or a connected
        Client (implies ``backend="dask"``), or a Ray cluster: ``auto`` or
        ``ray://HOST:PORT`` (implies ``backend="ray"``), or a head node's
        ``HOST:PORT`` with ``backend="ray"``.
    cache : None, False, str or Path, default=None
        Where membership inference's reference-model signals are kept and
        reused (:mod:`modelprivacy.attacks.cache`): None for the enclosing
        :func:`~modelprivacy.attacks.cache.reference_cache` block's, else the
        default directory (``$MODELPRIVACY_CACHE_DIR`` or the user's cache
        directory); False for no cache; or a directory. A hit gives the same
        report; ``result.membership.from_cache`` says whether there was one.
    release : str or sequence of str, optional
        Release modes to decide a verdict for (``result.release``): ``"all"``
        or a list of ``file``, ``scores``, ``rounded:D``, ``top:K`` and
        ``labels`` (a comma-separated string or a sequence). For each served
        mode the black-box attacks run again on the model's answers as that
        mode serves them: the same K reference models, fitted once for every
        mode and queried through each mode's filter (``scores`` reuses the
        file mode's attacks), and the label-only attack in ``labels`` mode;
        see :mod:`modelprivacy.auditing.release`. By default all of them
        (``file``, ``scores``, ``rounded:2``, ``top:1``, ``labels``); a
        black-box function, which already answers as it is served, gets none
        unless asked. ``"file"`` alone gives the file's verdict only.
        ``result.verdict`` is the file's verdict in every case.

    Returns
    -------
    AuditResult
        Findings, attack results, exposure table, coverage and verdict.

    Raises
    ------
    DataError
        On missing or mismatched columns, or attacks asked for without the data they need.
    BlackBoxError
        With none or more than one of ``model``, ``predict_proba`` and
        ``predict``, or a black-box function that fails or answers what no
        attack can use on the first training records.
    BudgetError
        If ``budget`` is not a positive number of seconds, or comes with
        ``reference_models``.
    BackendError
        For an unknown backend, a missing ``distributed`` package or a Dask
        scheduler that does not answer (checked before the model is loaded).
    """
    from modelprivacy import __version__
    from modelprivacy._memory import release_free_memory
    from modelprivacy.attacks.attribute import shared_baselines
    from modelprivacy.attacks.cache import reference_cache
    from modelprivacy.attacks.cluster import check_backend, reference_backend
    from modelprivacy.attacks.reference import (
        DEFAULT_REFERENCE_MODELS,
        check_budget_choice,
        shared_reference_fits,
    )
    from modelprivacy.attacks.target import (
        NO_MODEL_OBJECT,
        BlackBox,
        as_query_model,
        shared_answers,
    )
    from modelprivacy.auditing.checks import AUDIT_CHECKS, AuditContext, Input, run_check
    from modelprivacy.auditing.release import ServedRun, release_verdicts, run_served
    from modelprivacy.inspection.runner import inspect
    from modelprivacy.load.audit_data import AuditData
    from modelprivacy.load.model import load_model
    from modelprivacy.people import run_singling_out
    from modelprivacy.progress import notebook_progress

    check_budget_choice(budget, reference_models)
    check_backend(backend, scheduler)
    modes = _release_modes(release)
    th = thresholds or Thresholds()
    progress = notebook_progress() if progress is None else progress
    t_start = time.perf_counter()
    model = as_query_model(model, predict_proba, predict, classes=classes, batch_size=batch_size)
    black_box = model if isinstance(model, BlackBox) else None
    if release is None and black_box is not None:
        modes = ()  # a black-box function answers as it is served: no other mode to decide
    if black_box is not None:
        source = black_box.name
    else:
        source = str(model) if isinstance(model, str | Path) else type(model).__name__
    load_notes: tuple[str, ...] = ()
    if isinstance(model, str | Path):
        loaded = load_model(model, trust=trust)
        model, load_notes = loaded.estimator, loaded.notes
    data = AuditData.build(
        train,
        holdout,
        population,
        target=target,
        sensitive=sensitive,
        id_column=id_column,
        subject_column=subject_column,
        model=None if black_box is not None else model,
    )
    if black_box is not None and data.train is not None:
        black_box.bind(data.train.X, data.train.y)
        if progress is not None:
            black_box.progress = lambda done, total: progress("queries", done, total)
    ctx = AuditContext(
        model=model,
        data=data,
        k=k,
        seed=seed,
        thresholds=th,
        options={
            "reference_models": reference_models,
            "n_jobs": n_jobs,
            "backend": backend,
            "known_label": known_label,
            "max_records": max_records,
            "fit_budget": fit_budget,
            "fit_fn": fit_fn,
            "budget": budget,
        },
        debug=debug,
        progress=progress,
    )
    # the attacks: membership (black box, then the stored-rows lookup) and attribute inference;
    # the reference models of membership inference are fitted on the backend asked for
    with (
        reference_backend(backend, scheduler, n_jobs),
        reference_cache(cache),
        shared_reference_fits(modes),
        shared_baselines(),  # the served modes attack the same records: one baseline each
        shared_answers(),  # ... and ask the model the same questions: answered once
    ):
        for check_id in ("MP-L201", "MP-L202", "MP-I301"):
            spec = AUDIT_CHECKS[check_id]
            if check_id == "MP-L201":
                # a model that cannot be refitted still gets the attacks that need only queries;
                # membership_inference says which reference attacks it skipped, and why
                spec = dataclasses.replace(
                    spec, requires=tuple(i for i in spec.requires if i is not Input.REFIT)
                )
            if black_box is not None and check_id == "MP-L202":
                ctx.skipped.append(Skipped(spec.title, NO_MODEL_OBJECT, check_id=check_id))
                continue
            run_check(spec, ctx)
        # the served release modes' attacks, on the same backend (their reference models too)
        served: dict[str, ServedRun] = {}
        if modes:
            t0 = time.perf_counter()
            served = run_served(modes, ctx, progress=progress)
            ctx.timings["release modes"] = time.perf_counter() - t0
    release_free_memory()
    attack_findings = ctx.findings()
    # the inspection, leaf boxes and the exposure table
    t0 = time.perf_counter()
    boxes = table = None
    if black_box is not None:
        inspection, all_findings, table, extra_skips = _queries_only(ctx, attack_findings)
    elif data.train is not None:
        report = run_singling_out(ctx, extra_findings=attack_findings, show_values=show_values)
        inspection, boxes, table = report.inspection, report.boxes, report.table
        all_findings = list(report.findings)
        extra_skips = [s for s in report.skipped if not s.check_id]
    else:
        ctx.step("inspection", 0, 1)
        inspection = inspect(model, k=k, show_values=show_values, seed=seed, debug=debug)
        ctx.step("inspection", 1, 1)
        all_findings = list(inspection.findings) + attack_findings
        for check_id in ("MP-S110", "MP-S111"):
            run_check(AUDIT_CHECKS[check_id], ctx)
        extra_skips = [
            Skipped(
                "confirmation against the training data and per-person exposure",
                "needs the training data (--train)",
            )
        ]
    ctx.timings["inspection and singling out"] = time.perf_counter() - t0
    skipped = list(ctx.skipped) + extra_skips + list(inspection.skipped)
    errors = list(ctx.errors) + list(inspection.errors)
    membership = ctx.result("MP-L201")
    stored_rows = ctx.result("MP-L202")
    attribute = ctx.result("MP-I301")
    why = _reasons(ctx)
    reasons: dict[Criterion, str] = {}
    if membership is None:
        reasons[Criterion.LINKABILITY] = f"membership inference {why['MP-L201']}"
    if attribute is None:
        reasons[Criterion.INFERENCE] = f"attribute inference: {why['MP-I301']}"
    if data.train is None:
        reasons[Criterion.SINGLING_OUT] = (
            f"{NO_MODEL_OBJECT}, and no training data"
            if black_box is not None
            else "model file only: findings not confirmed against records"
        )
    assessed = {
        Criterion.SINGLING_OUT: data.train is not None,
        Criterion.LINKABILITY: membership is not None,
        Criterion.INFERENCE: attribute is not None,
    }
    gaps: dict[Criterion, list[str]] = {c: [] for c in Criterion}
    if black_box is not None:
        gaps[Criterion.SINGLING_OUT].append(
            "the model-file checks (MP-S101 to MP-S108) and leaf boxes (MP-S110) not run: "
            + NO_MODEL_OBJECT
        )
    else:
        gaps[Criterion.SINGLING_OUT] += singling_out_gaps(model, inspection)
    if membership is not None and membership.skipped_attacks:
        names, reason = _skipped_attacks(membership)
        skipped.append(Skipped(f"membership attacks {names}", reason, check_id="MP-L201"))
        gaps[Criterion.LINKABILITY].append(f"reference-model attacks ({names}) not run: {reason}")
    specs = {**{c.id: c.criterion for c in AUDIT_CHECKS.values()}, **_inspection_criteria()}
    for check_id, reason in ctx.gaps:  # a check that applies but could not read the model
        where = specs[check_id]
        if assessed[where] and not any(check_id in g for g in gaps[where]):
            gaps[where].append(f"{check_id} could not read the model ({reason})")
    for err in errors:  # a failed check of an assessed criterion leaves a gap in it
        failed = specs.get(err.check_id)
        if failed is not None and assessed[failed]:
            gaps[failed].append(f"{err.check_id} failed ({err.message})")
    verdict = decide(all_findings, assessed, reasons, gaps)
    released = release_verdicts(modes, ctx, verdict, all_findings, served) if modes else ()
    rows = coverage(
        n_train=data.n_train,
        membership=membership,
        membership_reason=reasons.get(Criterion.LINKABILITY, ""),
        stored_rows=stored_rows,
        stored_rows_reason=why["MP-L202"] if stored_rows is None else "",
        attribute=attribute,
        attribute_reason=reasons.get(Criterion.INFERENCE, ""),
        boxes=boxes,
        seed=seed,
        k=k,
        gaps=tuple(gaps[Criterion.SINGLING_OUT]),
    )
    if black_box is not None or (membership is not None and membership.skipped_attacks):
        rows = _queries_only_coverage(rows, membership, black_box is not None)
    timings = {f"{_STEP_NAMES.get(cid, cid)}": t for cid, t in ctx.timings.items()}
    if membership is not None:
        timings.update({f"membership: {k}": v for k, v in membership.timings.items()})
    timings["total"] = time.perf_counter() - t_start
    versions = dict(inspection.versions)
    versions.setdefault("python", platform.python_version())
    versions.setdefault("modelprivacy", __version__)
    k_used = DEFAULT_REFERENCE_MODELS if reference_models is None else reference_models
    if membership is not None and membership.k_choice is not None:
        k_used = membership.k_choice.k
    settings: AuditSettings = {
        "k": k,
        "reference_models": k_used if membership is not None else None,
        "seed": seed,
        "n_train": data.n_train,
        "n_holdout": data.holdout.n if data.holdout is not None else None,
        "n_population": data.population.n if data.population is not None else None,
        "target": target,
        "sensitive": list(data.sensitive),
        "id_column": id_column,
        "subject_column": subject_column,
        "known_label": known_label,
        "max_records": max_records,
        "thresholds": th.to_dict(),
    }
    if budget is not None:
        settings["budget"] = float(budget)
        if membership is not None and membership.k_choice is not None:
            settings["reference_models_choice"] = membership.k_choice.reason
    return AuditResult(
        source=source,
        model=black_box.name if black_box is not None else type(model).__name__,
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
        errors=tuple(errors),
        settings=settings,
        timings=timings,
        versions=versions,
        ids=data.ids,
        queries=black_box.n_queries if black_box is not None else None,
        release=released,
    )


def _release_modes(release: str | Sequence[str] | None) -> tuple[Any, ...]:
    """The release modes asked for (all by default), parsed before any work."""
    from modelprivacy.release import parse_modes

    if release is None:
        return parse_modes("all")
    text = release if isinstance(release, str) else ",".join(str(r) for r in release)
    return parse_modes(text)


#: How the checks' steps are named in ``timings``.
_STEP_NAMES = {
    "MP-L201": "membership",
    "MP-L202": "stored rows lookup",
    "MP-I301": "attribute",
    "MP-S110": "leaf boxes",
    "MP-S111": "subject concentration",
}


def _reasons(ctx: AuditContext) -> dict[str, str]:
    """Why each audit check did not give a result: its skip reason or its failure."""
    from modelprivacy.auditing.checks import AUDIT_CHECKS

    out = dict.fromkeys(AUDIT_CHECKS, "")
    for s in ctx.skipped:
        if s.check_id in out and not out[s.check_id]:
            out[s.check_id] = s.reason
    for e in ctx.errors:
        if e.check_id in out and not out[e.check_id]:
            out[e.check_id] = f"failed ({e.message})"
    return out


def _inspection_criteria() -> dict[str, Criterion]:
    from modelprivacy.inspection import checks as _checks  # noqa: F401  (registers them)
    from modelprivacy.inspection._base import CHECKS

    return {c.id: c.criterion for c in CHECKS.values()}


def _queries_only(
    ctx: AuditContext, attack_findings: list[Finding]
) -> tuple[InspectionResult, list[Finding], ExposureTable | None, list[Skipped]]:
    """Singling out of a black box: no file to inspect, no trees; subjects and exposure only."""
    from modelprivacy.attacks.target import NO_MODEL_OBJECT
    from modelprivacy.auditing.checks import AUDIT_CHECKS, run_check
    from modelprivacy.exposure import exposure_table
    from modelprivacy.inspection import checks as _checks  # noqa: F401  (registers them)
    from modelprivacy.inspection._base import CHECKS

    d = ctx.data
    skips = [Skipped(c.title, NO_MODEL_OBJECT, check_id=c.id) for c in CHECKS.values()]
    inspection = InspectionResult(
        model="BlackBox", findings=(), skipped=tuple(skips), k=ctx.k, seed=ctx.seed
    )
    findings = list(attack_findings)
    ctx.skipped.append(Skipped(AUDIT_CHECKS["MP-S110"].title, NO_MODEL_OBJECT, check_id="MP-S110"))
    if d.train is None:
        return inspection, findings, None, []
    ran = run_check(AUDIT_CHECKS["MP-S111"], ctx)
    if ran is not None:
        findings += ran.findings
    record_findings = [f for f in findings if f.check_id != "MP-S111"]
    table = exposure_table(
        record_findings,
        d.ids if d.ids is not None else range(d.train.n),
        subjects=d.subjects,
    )
    return inspection, findings, table, []


def _skipped_attacks(membership: MembershipResult) -> tuple[str, str]:
    """The membership attacks that did not run, and why (one reason when they share it)."""
    names = ", ".join(membership.skipped_attacks)
    reasons = list(dict.fromkeys(membership.skipped_attacks.values()))
    if len(reasons) == 1:
        return names, reasons[0]
    return names, "; ".join(f"{a}: {r}" for a, r in membership.skipped_attacks.items())


def _queries_only_coverage(
    rows: tuple[CoverageRow, ...], membership: MembershipResult | None, black_box: bool
) -> tuple[CoverageRow, ...]:
    """The coverage of a model attacked through queries only: what did not run says so."""
    from modelprivacy.attacks.target import NO_MODEL_OBJECT

    out = []
    for row in rows:
        if row.attack == "Membership inference" and membership is not None:
            if membership.skipped_attacks:
                names, reason = _skipped_attacks(membership)
                note = f"Not run: {names} ({reason})." + (f" {row.note}" if row.note else "")
                row = dataclasses.replace(
                    row,
                    status="partly run",
                    scope=row.scope.replace(
                        f"K={membership.k} reference models", "no reference models"
                    ),
                    note=note,
                )
        elif black_box and row.attack == "Regurgitation of training data":
            row = dataclasses.replace(
                row,
                status="not run",
                scope="",
                note=f"{NO_MODEL_OBJECT}: nothing stored can be inspected. " + row.note,
            )
        elif black_box and row.attack == "Reconstruction":
            row = dataclasses.replace(
                row,
                status="not run",
                scope="",
                note=f"{NO_MODEL_OBJECT}: no thresholds, leaves or stored rows to rebuild values from.",
            )
        out.append(row)
    return tuple(out)
