"""One contract for every check, and the runner that selects and isolates them.

Every check modelprivacy runs declares a :class:`CheckSpec`: its id, title,
criterion, documentation and the inputs it requires (:class:`Input`). The
inspection checks (MP-S101 to MP-S108) declare theirs in
:mod:`modelprivacy.inspection._base` and run inside :func:`inspect`; the
checks that need data or attacks are registered in this module, one
registration each in :data:`AUDIT_CHECKS`, beside the function that runs them:
MP-S110 (leaf boxes, :mod:`modelprivacy.singling.boxes`), MP-S111 (training
data from few people, :mod:`modelprivacy.exposure`), MP-L201 (membership
inference, :mod:`modelprivacy.attacks.api`), MP-L202 (the stored rows lookup,
:mod:`modelprivacy.attacks.stored_rows`) and MP-I301 (attribute inference,
:mod:`modelprivacy.attacks.attribute`). ``modelprivacy checks`` lists them all.

:func:`run_check` is the one runner: it skips a check whose inputs are not all
given with a typed :class:`~modelprivacy.findings.Skipped` naming the check
and what to pass, runs it otherwise, and turns any exception into a
:class:`~modelprivacy.findings.CheckError` so that the audit goes on (with
``debug`` it re-raises). A :class:`~modelprivacy.errors.DataError` is bad
input, not a failed check: it leaves the audit with its one-line message. A
check that has its inputs but does not apply to this model (no stored rows,
not a tree model) raises :class:`NotApplicableError`, and is skipped with the
reason.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from modelprivacy.errors import DataError, ModelPrivacyError
from modelprivacy.findings import CheckError, Criterion, Finding, Skipped

if TYPE_CHECKING:
    from modelprivacy.auditing.verdict import Thresholds
    from modelprivacy.load.audit_data import AuditData

__all__ = [
    "AUDIT_CHECKS",
    "AuditContext",
    "CheckOutput",
    "CheckSpec",
    "Declared",
    "Input",
    "NotApplicableError",
    "run_check",
]

log = logging.getLogger(__name__)


class Input(enum.Enum):
    """An input a check can need, named as on the command line."""

    MODEL = "model"
    TRAIN = "--train"
    HOLDOUT = "--holdout"
    TARGET = "--target"
    SENSITIVE = "--sensitive"
    SUBJECT = "--subject-column"
    POPULATION = "--population"
    PREDICTS = "a model that answers queries"
    REFIT = "a model that can be refitted"


#: What every inspection check requires, and what makes it count people.
INSPECTION_INPUTS: tuple[Input, ...] = (Input.MODEL,)
INSPECTION_OPTIONAL: tuple[Input, ...] = (Input.TRAIN, Input.TARGET)

#: What to say when an input is missing.
_NEEDS = {
    Input.MODEL: "a fitted model",
    Input.TRAIN: "the training data (--train)",
    Input.HOLDOUT: "a holdout of non-members (--holdout)",
    Input.TARGET: "the label column (--target)",
    Input.SENSITIVE: "sensitive columns (--sensitive)",
    Input.SUBJECT: "a column naming the person of each record (--subject-column)",
    Input.POPULATION: "population records (--population)",
    Input.PREDICTS: "a model that answers queries (predict, predict_proba or decision_function)",
    Input.REFIT: "a model that can be cloned and refitted",
}

#: Inputs that are properties of the model, tested when a check needs them.
_CAPABILITIES = (Input.PREDICTS, Input.REFIT)


class Declared(Protocol):
    """What every check declares, inspection checks and audit checks alike."""

    @property
    def id(self) -> str:
        """Stable identifier, e.g. ``MP-S105``."""
        ...

    @property
    def title(self) -> str:
        """What it looks for."""
        ...

    @property
    def criterion(self) -> Criterion:
        """The criterion it bears on."""
        ...

    @property
    def docs(self) -> str:
        """Its documentation: file and anchor."""
        ...

    @property
    def requires(self) -> tuple[Input, ...]:
        """The inputs without which it is skipped."""
        ...

    @property
    def optional(self) -> tuple[Input, ...]:
        """The inputs it uses when given."""
        ...

    @property
    def commands(self) -> tuple[str, ...]:
        """The commands that run it."""
        ...

    @property
    def module(self) -> str:
        """The module that implements it."""
        ...


class NotApplicableError(ModelPrivacyError):
    """A check has its inputs but does not apply to this model; the message says why.

    ``gap=True`` when the check does apply but cannot read the model (trees
    with categorical bitset splits): its criterion is then only partially
    assessed.
    """

    def __init__(self, message: str, *, gap: bool = False) -> None:
        super().__init__(message)
        self.gap = gap


@dataclass
class CheckOutput:
    """What one check produced.

    Attributes
    ----------
    findings : list of Finding
        Its findings (possibly none: nothing found at the tested strength).
    result : object
        Its full result (attack metrics, leaf boxes), or ``None``.
    """

    findings: list[Finding] = field(default_factory=list)
    result: Any = None


@dataclass(frozen=True)
class CheckSpec:
    """What a check is, what it needs, and how it runs.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"MP-L201"``.
    title : str
        What it looks for.
    criterion : Criterion
        The Article 29 Working Party criterion it bears on.
    docs : str
        Its documentation: file and anchor under ``docs/``.
    requires : tuple of Input
        The inputs without which it is skipped.
    optional : tuple of Input
        Inputs it uses when given.
    commands : tuple of str
        The commands that run it.
    run : callable or None
        ``run(ctx) -> CheckOutput``; ``None`` for the inspection checks, which
        :func:`~modelprivacy.inspection.runner.inspect` runs.
    module : str
        The module that implements it.
    """

    id: str
    title: str
    criterion: Criterion
    docs: str
    requires: tuple[Input, ...]
    optional: tuple[Input, ...] = ()
    commands: tuple[str, ...] = ("audit",)
    run: Callable[[AuditContext], CheckOutput] | None = field(default=None, repr=False)
    module: str = ""

    def missing(self, given: Iterable[Input]) -> tuple[Input, ...]:
        """The required inputs not in ``given``."""
        have = set(given)
        return tuple(i for i in self.requires if i not in have)


@dataclass
class AuditContext:
    """What the checks of one audit share: the model, the data and the settings.

    Attributes
    ----------
    model : estimator
        The fitted model (already loaded and validated).
    data : AuditData
        The validated tables.
    k : int
        Groups of fewer than ``k`` people single them out.
    seed : int
        Seeds every random step.
    thresholds : Thresholds
        From attack metrics to severities.
    options : dict
        Settings of individual checks (reference models, jobs, budgets, ...).
    debug : bool
        Re-raise a failing check instead of recording it.
    progress : callable or None
        ``progress(step, done, total)``.
    outputs : dict
        ``{check_id: CheckOutput}`` of the checks run so far.
    skipped : list of Skipped
        Checks not run, and why.
    errors : list of CheckError
        Checks that failed.
    timings : dict
        Seconds per check.
    gaps : list of (str, str)
        Checks that apply but could not read the model: ``(check_id, why)``.
    """

    model: Any
    data: AuditData
    k: int = 10
    seed: int = 0
    thresholds: Thresholds | None = None
    options: dict[str, Any] = field(default_factory=dict)
    debug: bool = False
    progress: Callable[[str, int, int], None] | None = None
    outputs: dict[str, CheckOutput] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[CheckError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    gaps: list[tuple[str, str]] = field(default_factory=list)
    _capability: dict[Input, str] = field(default_factory=dict, repr=False)

    def given(self) -> set[Input]:
        """The inputs this audit has (the refit test is made when first needed)."""
        d = self.data
        out = {Input.MODEL}
        if d.train is not None:
            out.add(Input.TRAIN)
        if d.holdout is not None:
            out.add(Input.HOLDOUT)
        if d.population is not None:
            out.add(Input.POPULATION)
        if d.target is not None:
            out.add(Input.TARGET)
        if d.sensitive:
            out.add(Input.SENSITIVE)
        if d.subjects is not None:
            out.add(Input.SUBJECT)
        return out

    def lacks(self, capability: Input) -> str:
        """Why the model lacks ``capability`` (``PREDICTS``, ``REFIT``), or ``""`` when it has it."""
        if capability not in self._capability:
            from modelprivacy.attacks.target import Target

            why = ""
            try:
                target = Target(self.model)
                if capability is Input.REFIT and self.options.get("fit_fn") is None:
                    target.refit_plan()
            except ModelPrivacyError as exc:
                why = str(exc)
            self._capability[capability] = why
        return self._capability[capability]

    def step(self, name: str, done: int, total: int) -> None:
        """Report progress."""
        if self.progress is not None:
            self.progress(name, done, total)

    def result(self, check_id: str) -> Any:
        """The result of a check that ran, or ``None``."""
        out = self.outputs.get(check_id)
        return out.result if out is not None else None

    def findings(self) -> list[Finding]:
        """Every finding of the checks run so far, in the order they ran."""
        return [f for out in self.outputs.values() for f in out.findings]


def _needs(spec: CheckSpec, missing: tuple[Input, ...]) -> str:
    return "needs " + ", ".join(_NEEDS[i] for i in missing)


def run_check(spec: CheckSpec, ctx: AuditContext) -> CheckOutput | None:
    """Run one check under the contract: skip, run, or record its failure.

    Parameters
    ----------
    spec : CheckSpec
        The check.
    ctx : AuditContext
        The audit; the outcome is recorded in ``ctx.outputs``,
        ``ctx.skipped`` or ``ctx.errors``, and its time in ``ctx.timings``.

    Returns
    -------
    CheckOutput or None
        What it produced; ``None`` when it was skipped or failed.

    Raises
    ------
    DataError
        Bad input found by the check (it names the fix).
    Exception
        The check's own exception, with ``ctx.debug``.
    """
    assert spec.run is not None, f"{spec.id} is run by the inspection"
    missing = spec.missing(ctx.given() | set(_CAPABILITIES))
    if missing:
        ctx.skipped.append(Skipped(spec.title, _needs(spec, missing), check_id=spec.id))
        return None
    for capability in (c for c in _CAPABILITIES if c in spec.requires):
        why = ctx.lacks(capability)
        if why:
            ctx.skipped.append(Skipped(spec.title, why, check_id=spec.id))
            return None
    t0 = time.perf_counter()
    try:
        out = spec.run(ctx)
    except NotApplicableError as exc:
        ctx.skipped.append(Skipped(spec.title, str(exc), check_id=spec.id))
        if exc.gap:
            ctx.gaps.append((spec.id, str(exc)))
        return None
    except DataError:
        raise
    except Exception as exc:
        if ctx.debug:
            raise
        from modelprivacy._text import describe_exception

        message = describe_exception(exc)
        log.warning("check %s failed: %s", spec.id, message)
        ctx.errors.append(CheckError(spec.id, message))
        return None
    finally:
        ctx.timings[spec.id] = time.perf_counter() - t0
        # what the check freed goes back to the system before the next one's peak
        from modelprivacy._memory import release_free_memory

        release_free_memory()
    ctx.outputs[spec.id] = out
    return out


# ---------------------------------------------------------------------------
# the registry: one line per check
# ---------------------------------------------------------------------------

#: The checks an audit runs beyond the inspection, by id, in the order they run.
AUDIT_CHECKS: dict[str, CheckSpec] = {}


def audit_check(
    id: str,
    title: str,
    criterion: Criterion,
    docs: str,
    requires: tuple[Input, ...],
    optional: tuple[Input, ...] = (),
    commands: tuple[str, ...] = ("audit",),
    module: str = "",
) -> Callable[[Callable[[AuditContext], CheckOutput]], Callable[[AuditContext], CheckOutput]]:
    """Register an audit check (decorator); the arguments are :class:`CheckSpec`'s."""

    def deco(
        fn: Callable[[AuditContext], CheckOutput],
    ) -> Callable[[AuditContext], CheckOutput]:
        if id in AUDIT_CHECKS:
            raise ValueError(f"check {id} is registered twice")
        AUDIT_CHECKS[id] = CheckSpec(
            id=id,
            title=title,
            criterion=criterion,
            docs=docs,
            requires=requires,
            optional=optional,
            commands=commands,
            run=fn,
            module=module or fn.__module__,
        )
        return fn

    return deco


def _rating(ctx: AuditContext) -> dict[str, float]:
    from modelprivacy.auditing.verdict import Thresholds

    th = ctx.thresholds or Thresholds()
    return {
        "high_tpr": th.membership_high_tpr,
        "medium_tpr": th.membership_medium_tpr,
        "high_epsilon": th.membership_high_epsilon,
        "medium_epsilon": th.membership_medium_epsilon,
    }


@audit_check(
    "MP-L201",
    "Membership inference (LiRA, RMIA, loss, population; K reference models)",
    Criterion.LINKABILITY,
    "docs/attacks.md#mp-l201",
    requires=(Input.MODEL, Input.TRAIN, Input.HOLDOUT, Input.TARGET, Input.PREDICTS),
    optional=(Input.POPULATION, Input.REFIT),
    commands=("audit", "attack membership"),
    module="modelprivacy.attacks.api",
)
def membership(ctx: AuditContext) -> CheckOutput:
    """MP-L201 Membership inference (black box).

    An attacker who holds a person's record asks the model about it and tells
    members from non-members by how well the model fits the record. The audit
    runs the strongest published attacks (LiRA and RMIA with K reference
    models trained on halves of the training data and the holdout, plus the
    loss and population attacks), scores every member and non-member (a seeded
    sample of ``--max-records`` each), and rates the attack by its true
    positive rate at 1% and 0.1% false positives and by the lower bound on the
    privacy loss epsilon it implies, against an attacker who only guesses.
    The finding names the members the best attack identifies at 1% false
    positives. A model that cannot be cloned and refitted, or a black-box
    function, gets only the loss and population attacks unless ``fit_fn``
    fits the reference models (Python API); the skipped attacks are listed.
    """
    from modelprivacy.attacks.api import membership_inference
    from modelprivacy.attacks.findings import membership_finding

    d, o = ctx.data, ctx.options
    assert d.train is not None and d.holdout is not None
    pop = d.population
    result = membership_inference(
        ctx.model,
        d.train.X,
        d.holdout.X,
        y_train=d.train.y,
        y_holdout=d.holdout.y,
        population=pop.X if pop is not None else None,
        y_population=pop.y if pop is not None else None,
        reference_models=o.get("reference_models"),
        n_jobs=o.get("n_jobs"),
        backend=o.get("backend"),
        seed=ctx.seed,
        fit_fn=o.get("fit_fn"),
        progress=lambda done, total: ctx.step("reference models", done, total),
        max_records=o.get("max_records", 10_000),
        fit_budget=o.get("fit_budget"),
        budget=o.get("budget"),
    )
    return CheckOutput(
        [membership_finding(result, ids=d.ids_array(), **_rating(ctx))], result=result
    )


@audit_check(
    "MP-L202",
    "Membership from stored rows (white-box)",
    Criterion.LINKABILITY,
    "docs/audit.md#mp-l202",
    requires=(Input.MODEL, Input.TRAIN, Input.HOLDOUT),
    module="modelprivacy.attacks.stored_rows",
)
def stored_rows(ctx: AuditContext) -> CheckOutput:
    """MP-L202 Membership from stored rows (white box).

    A model that stores training rows (k-NN, SVM support vectors, Gaussian
    processes, kernel models) answers membership without any query: the
    attacker looks the person's record up among the stored rows. Every member
    and non-member is looked up in the model's own input space, and a member
    counts as found when its row is stored and no non-member shares it. No
    reference model is needed. It is skipped when the model stores no table
    of two or more rows.
    """
    from modelprivacy.attacks.stored_rows import (
        NoStoredRowsError,
        stored_rows_finding,
        stored_rows_lookup,
    )

    d = ctx.data
    assert d.train is not None and d.holdout is not None
    ctx.step("stored rows lookup", 0, 1)
    try:
        result = stored_rows_lookup(
            ctx.model,
            d.train.X,
            d.holdout.X,
            y_train=d.train.y,
            max_records=ctx.options.get("max_records", 10_000),
            seed=ctx.seed,
        )
    except NoStoredRowsError as exc:
        raise NotApplicableError(str(exc)) from exc
    ctx.step("stored rows lookup", 1, 1)
    return CheckOutput(
        [stored_rows_finding(result, ids=d.ids_array(), **_rating(ctx))], result=result
    )


@audit_check(
    "MP-I301",
    "Attribute inference against a control set and a baseline without the model",
    Criterion.INFERENCE,
    "docs/attribute.md#mp-i301",
    requires=(
        Input.MODEL,
        Input.TRAIN,
        Input.HOLDOUT,
        Input.TARGET,
        Input.SENSITIVE,
        Input.PREDICTS,
    ),
    optional=(Input.POPULATION,),
    commands=("audit", "attack attribute"),
    module="modelprivacy.attacks.attribute",
)
def attribute(ctx: AuditContext) -> CheckOutput:
    """MP-I301 Attribute inference.

    An attacker who knows a person's other attributes (and, by default, the
    label) guesses a sensitive one through the model: by trying every value
    and keeping the one the model fits best, and with an attack model
    trained on the model's outputs. Success on members is compared with
    success on a control set of non-members (what the model reveals about its
    training data beyond what it has learned about the population) and with a
    baseline that does not query the model at all, with paired bootstrap
    intervals. The finding counts the members whose attribute only the model
    gives away.
    """
    from modelprivacy.attacks.attribute import attribute_finding, attribute_inference
    from modelprivacy.auditing.verdict import Thresholds

    d, o = ctx.data, ctx.options
    assert d.train is not None and d.holdout is not None
    th = ctx.thresholds or Thresholds()
    pop = d.population
    max_records = o.get("max_records", 10_000)
    n = len(d.sensitive)
    ctx.step("attribute inference", 0, n)
    result = attribute_inference(
        ctx.model,
        d.train.X,
        d.holdout.X,
        y_train=d.train.y,
        y_holdout=d.holdout.y,
        sensitive=list(d.sensitive),
        population=pop.X if pop is not None else None,
        y_population=pop.y if pop is not None else None,
        known_label=o.get("known_label", True),
        max_records=max(max_records // 4, 1) if max_records is not None else None,
        seed=ctx.seed,
    )
    ctx.step("attribute inference", n, n)
    findings = [
        attribute_finding(
            result,
            col,
            ids=d.ids_array(),
            high_risk=th.attribute_high_risk,
            medium_risk=th.attribute_medium_risk,
        )
        for col in result.columns
    ]
    return CheckOutput(findings, result=result)


@audit_check(
    "MP-S110",
    "People singled out by the boxes of small tree leaves",
    Criterion.SINGLING_OUT,
    "docs/singling.md#mp-s110",
    requires=(Input.MODEL, Input.TRAIN),
    optional=(Input.HOLDOUT, Input.POPULATION, Input.TARGET),
    commands=("audit", "attack singling-out"),
    module="modelprivacy.singling.boxes",
)
def leaf_boxes(ctx: AuditContext) -> CheckOutput:
    """MP-S110 Leaf boxes that single people out.

    Every leaf of a decision tree is a box in feature space (the thresholds on
    its path), and a leaf with fewer than k training records pins those people
    down together with their label. For tree models (single trees, forests,
    bagging, gradient boosting, HistGradientBoosting) the audit reconstructs
    the boxes, intersects them over the trees of an ensemble (each tree on its
    own in-bag sample), and counts the people a box holds alone or with fewer
    than k others; holdout and population records count the outsiders who
    share a box. It is skipped for models without trees.
    """
    from modelprivacy.load.data import concat_rows
    from modelprivacy.models.trees import NotATreeModelError
    from modelprivacy.singling import leaf_boxes as boxes_of
    from modelprivacy.singling import singling_out_finding

    d = ctx.data
    assert d.train is not None
    outsiders = [p.X for p in (d.holdout, d.population) if p is not None]
    try:
        result = boxes_of(
            ctx.model,
            d.train.X,
            d.train.y,
            population=concat_rows(outsiders) if outsiders else None,
            k=ctx.k,
            max_population=ctx.options.get("max_population", 0),
            seed=ctx.seed,
        )
    except DataError:
        raise
    except NotATreeModelError as exc:
        raise NotApplicableError(str(exc)) from exc
    except ModelPrivacyError as exc:  # tree models whose trees it cannot read
        raise NotApplicableError(str(exc), gap=True) from exc
    return CheckOutput([singling_out_finding(result, ids=d.ids)], result=result)


@audit_check(
    "MP-S111",
    "Model represents individuals (training data from one or few people)",
    Criterion.SINGLING_OUT,
    "docs/singling.md#mp-s111",
    requires=(Input.MODEL, Input.TRAIN, Input.SUBJECT),
    commands=("audit", "attack singling-out"),
    module="modelprivacy.exposure",
)
def subject_concentration(ctx: AuditContext) -> CheckOutput:
    """MP-S111 Training data from few people.

    When half of the training records come from fewer than k people (a
    subject column names the person of each record), the model represents
    those individuals: it is personal data by itself, whatever the attacks
    find. With a subject column every count in the report is per person.
    """
    from modelprivacy.exposure import subject_concentration_finding

    assert ctx.data.subjects is not None
    found = subject_concentration_finding(ctx.data.subjects, k=ctx.k)
    return CheckOutput([found] if found is not None else [])
