"""One verdict per release mode: shared as a file, or served behind an API.

A model that is *shared as a file* gives away everything it stores: the audit's
own verdict (mode ``file``). A model that is *served* ("locked away", in the
words of the Article 29 Working Party) gives away only its answers, and what
an attacker can learn from them depends on what the API returns
(:mod:`modelprivacy.release`): full scores, rounded scores, the top classes or
labels only. For each served mode the audit queries the model through that
mode's output filter and runs the black-box attacks again:

- membership inference (MP-L201): LiRA, RMIA, loss and population, with the
  same K reference models refitted and queried through the same filter (in
  ``labels`` mode the signal is whether the label is right), and in ``labels``
  mode also the label-only attack of Choquette-Choo et al. (robustness of the
  label under seeded perturbations; :mod:`modelprivacy.attacks.label_only`);
- attribute inference (MP-I301), the model's answers filtered the same way.

The file-level checks (what the file stores: MP-S101 to MP-S111, and the
stored-rows lookup MP-L202) do not apply to a served model: singling out a
person through an API means learning their record or their membership, which
the attacks above test. ``scores`` is what the file mode's black-box attacks
already saw (the full output), so its results are reused, not run again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from modelprivacy.auditing.verdict import (
    NO_EVIDENCE,
    NOT_ANONYMOUS,
    NOT_DEMONSTRATED,
    Verdict,
    decide,
)
from modelprivacy.findings import Criterion, Finding, Skipped

if TYPE_CHECKING:
    from modelprivacy.attacks.api import MembershipResult
    from modelprivacy.attacks.attribute import AttributeResult
    from modelprivacy.auditing.checks import AuditContext
    from modelprivacy.release import ReleaseMode

__all__ = ["ModeVerdict", "ServedRun", "recommendation", "release_verdicts", "run_served", "worded"]

#: Records the label-only perturbation attack scores per group (it queries each many times).
LABEL_ONLY_RECORDS = 2_000

_SERVED_SINGLING = (
    "served, not shared: the file-level checks (what the file stores, MP-S101 to MP-S111, and "
    "the stored-rows lookup MP-L202) do not apply; singling a person out through the API means "
    "learning their record or their membership, which the attacks under linkability and "
    "inference test"
)

#: How each mode is named in the recommendation.
_PHRASE = {
    "file": "as a file",
    "scores": "behind an API returning probabilities (or scores)",
    "labels": "behind an API returning labels only",
}


def _phrase(mode: str) -> str:
    if mode in _PHRASE:
        return _PHRASE[mode]
    kind, _, value = mode.partition(":")
    if kind == "rounded":
        return f"behind an API returning scores rounded to {value} decimals"
    if kind == "top":
        return f"behind an API returning the top {value} classes with their scores"
    return f"released as {mode}"


def worded(overall: str) -> str:
    """The verdict in the recommendation's words."""
    return {
        NOT_ANONYMOUS: "contains personal data",
        NOT_DEMONSTRATED: "anonymity not demonstrated",
        NO_EVIDENCE: "no evidence of identifiability at the tested strength",
    }.get(overall, overall)


@dataclass(frozen=True)
class ModeVerdict:
    """The verdict of one release mode and the attacks behind it.

    Attributes
    ----------
    mode : str
        The release mode (``file``, ``scores``, ``rounded:2``, ``top:1``, ``labels``).
    verdict : Verdict
        Risk per criterion and overall, for a model released this way.
    findings : tuple of Finding
        The findings that decide it (for ``file``: every finding of the audit).
    membership : MembershipResult or None
        Membership inference through this mode's filter.
    label_only : MembershipResult or None
        The label-only perturbation attack (``labels`` mode).
    attribute : AttributeResult or None
        Attribute inference through this mode's filter.
    applies : dict
        ``{family: reason}``: which check families apply to this mode and why.
    skipped : tuple of Skipped
        What did not run in this mode, and why.
    reused : bool
        Whether the results are the file mode's (``scores``: the same full output).
    """

    mode: str
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    membership: MembershipResult | None = None
    label_only: MembershipResult | None = None
    attribute: AttributeResult | None = None
    applies: dict[str, str] = field(default_factory=dict)
    skipped: tuple[Skipped, ...] = ()
    reused: bool = False

    def best_tpr(self) -> float | None:
        """The highest membership TPR at 1% FPR of this mode's attacks (None when none ran)."""
        values = []
        for m in (self.membership, self.label_only):
            if m is not None:
                t = m.best(0.01).tpr_at_fpr.get(0.01)
                if t is not None and t.resolved:
                    values.append(float(t.value))
        return max(values) if values else None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (rates and counts only)."""
        return {
            "mode": self.mode,
            "verdict": self.verdict.to_dict(),
            "findings": [f.to_dict() for f in self.findings if self.mode != "file"],
            "membership_tpr_at_1pct_fpr": self.best_tpr(),
            "label_only": self.label_only.to_dict() if self.label_only is not None else None,
            "applies": dict(self.applies),
            "skipped": [s.to_dict() for s in self.skipped],
            "reused_file_results": self.reused,
        }


def recommendation(verdicts: Sequence[ModeVerdict]) -> str:
    """The plain-words answer per mode, e.g. "as a file: contains personal data; ...".

    Parameters
    ----------
    verdicts : sequence of ModeVerdict
        One per mode, in the order to say them.

    Returns
    -------
    str
        One sentence.
    """
    parts = [f"{_phrase(v.mode)}: {worded(v.verdict.overall)}" for v in verdicts]
    return "; ".join(parts) + "."


def _applies(mode: ReleaseMode) -> dict[str, str]:
    """``{family title: "applies: why"}`` for every family of checks, in this mode."""
    from modelprivacy.release import exposes

    return {
        a.title: ("applies: " if a.applies else "does not apply: ") + a.reason
        for a in exposes(mode)
    }


def _served_verdict(
    findings: list[Finding], ran: dict[Criterion, bool], why: dict[Criterion, str]
) -> Verdict:
    reasons = {c: why[c] for c in why if not ran.get(c)}
    verdict = decide(findings, ran, reasons)
    so = verdict.criteria[Criterion.SINGLING_OUT]
    verdict.criteria[Criterion.SINGLING_OUT] = dataclasses.replace(
        so, evidence=so.evidence or (_SERVED_SINGLING,)
    )
    return verdict


@dataclass(frozen=True)
class ServedRun:
    """The attacks of one served mode, run through its output filter.

    Attributes
    ----------
    ctx : AuditContext
        The mode's own context: the model wrapped in the mode's filter, its
        MP-L201 and MP-I301 results, skips and errors.
    label_only : MembershipResult or None
        The label-only perturbation attack (``labels`` mode).
    label_finding : Finding or None
        Its finding, rated like MP-L201.
    """

    ctx: AuditContext
    label_only: MembershipResult | None = None
    label_finding: Finding | None = None


def run_served(
    modes: Sequence[ReleaseMode],
    ctx: AuditContext,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, ServedRun]:
    """Attack the model as each served mode returns it (those not answered by the file's attacks).

    Called inside the audit's reference-backend block, so the served modes'
    reference models are fitted on the same backend (one local cluster for the
    whole audit). ``file`` and ``scores`` need no run (``scores`` is what the
    file's black-box attacks saw), nor a black-box function, which already
    answers as it is served.

    Parameters
    ----------
    modes : sequence of ReleaseMode
        The modes asked for.
    ctx : AuditContext
        The audit's context (model, data, options).
    progress : callable, optional
        ``progress(step, done, total)``.

    Returns
    -------
    dict
        ``{mode: ServedRun}`` of the modes that were run.
    """
    from modelprivacy.attacks.target import BlackBox
    from modelprivacy.auditing.checks import AUDIT_CHECKS, AuditContext, run_check
    from modelprivacy.sanitizing.release import ReleasedModel

    out: dict[str, ServedRun] = {}
    if isinstance(ctx.model, BlackBox):
        return out
    d = ctx.data
    options = dict(ctx.options)
    file_run = ctx.result("MP-L201")
    if file_run is not None and file_run.k > 0:
        # the same K reference models as the file's attacks (a budget chose K once): within
        # the audit's shared_reference_fits block they are fitted once, for every mode
        options["reference_models"] = file_run.k
        options["budget"] = None
    for mode in modes:
        if mode.kind in ("file", "scores"):
            continue
        name = str(mode)
        step = f"release {name}"
        if progress is not None:
            progress(step, 0, 1)
        sub = AuditContext(
            model=ReleasedModel(ctx.model, release=name),
            data=d,
            k=ctx.k,
            seed=ctx.seed,
            thresholds=ctx.thresholds,
            options=dict(options),
            debug=ctx.debug,
            progress=None,
        )
        for check_id in ("MP-L201", "MP-I301"):
            run_check(AUDIT_CHECKS[check_id], sub)
        label_only = finding = None
        if mode.kind == "labels" and d.train is not None and d.holdout is not None:
            label_only, finding = _label_only(ctx)
        if progress is not None:
            progress(step, 1, 1)
        out[name] = ServedRun(sub, label_only, finding)
    return out


def release_verdicts(
    modes: Sequence[ReleaseMode],
    ctx: AuditContext,
    file_verdict: Verdict,
    file_findings: Sequence[Finding],
    served: dict[str, ServedRun],
) -> tuple[ModeVerdict, ...]:
    """Decide a verdict per mode, from the file's audit and the served modes' runs.

    Parameters
    ----------
    modes : sequence of ReleaseMode
        The modes to decide, in order.
    ctx : AuditContext
        The audit's context after its own checks ran (its MP-L201 and MP-I301
        results are the ``file`` and ``scores`` modes' attacks).
    file_verdict : Verdict
        The audit's verdict: the ``file`` mode's.
    file_findings : sequence of Finding
        Every finding of the audit.
    served : dict
        :func:`run_served`'s runs of the other modes.

    Returns
    -------
    tuple of ModeVerdict
        One per mode.
    """
    out: list[ModeVerdict] = []
    for mode in modes:
        name = str(mode)
        applies = _applies(mode)
        if mode.kind == "file":
            out.append(
                ModeVerdict(
                    name,
                    file_verdict,
                    tuple(file_findings),
                    ctx.result("MP-L201"),
                    None,
                    ctx.result("MP-I301"),
                    applies,
                )
            )
            continue
        run = ServedRun(ctx) if mode.kind == "scores" else served.get(name)
        if run is None:  # a black-box function: not wrapped in a filter
            bb = "a black-box function already answers as it is served: audit it in that form"
            out.append(
                ModeVerdict(
                    name,
                    _served_verdict(
                        [], dict.fromkeys(Criterion, False), dict.fromkeys(Criterion, bb)
                    ),
                    applies=applies,
                    skipped=(Skipped(f"release mode {name}", bb),),
                )
            )
            continue
        sub = run.ctx
        findings = [f for f in sub.findings() if f.check_id in ("MP-L201", "MP-I301")]
        if run.label_finding is not None:
            findings.append(run.label_finding)
        ran = {
            Criterion.SINGLING_OUT: True,
            Criterion.LINKABILITY: sub.result("MP-L201") is not None or run.label_only is not None,
            Criterion.INFERENCE: sub.result("MP-I301") is not None,
        }
        out.append(
            ModeVerdict(
                name,
                _served_verdict(findings, ran, _why(sub)),
                tuple(findings),
                sub.result("MP-L201"),
                run.label_only,
                sub.result("MP-I301"),
                applies,
                skipped=() if sub is ctx else tuple(sub.skipped),
                reused=sub is ctx,
            )
        )
    return tuple(out)


def _why(ctx: AuditContext) -> dict[Criterion, str]:
    from modelprivacy.auditing.core import _reasons

    r = _reasons(ctx)
    return {
        Criterion.SINGLING_OUT: "",
        Criterion.LINKABILITY: f"membership inference {r['MP-L201']}".strip(),
        Criterion.INFERENCE: f"attribute inference: {r['MP-I301']}",
    }


def _label_only(ctx: AuditContext) -> tuple[MembershipResult | None, Finding | None]:
    """The label-only perturbation attack on the model's labels, rated like MP-L201."""
    from modelprivacy.attacks.findings import membership_finding
    from modelprivacy.attacks.label_only import LabelOnlyError, label_only_membership
    from modelprivacy.auditing.checks import _rating
    from modelprivacy.errors import ModelPrivacyError

    d = ctx.data
    assert d.train is not None and d.holdout is not None
    cap = ctx.options.get("max_records", 10_000)
    cap = LABEL_ONLY_RECORDS if cap is None else min(int(cap), LABEL_ONLY_RECORDS)
    try:
        result = label_only_membership(
            ctx.model,
            d.train.X,
            d.holdout.X,
            y_train=d.train.y,
            y_holdout=d.holdout.y,
            max_records=cap,
            seed=ctx.seed,
        )
    except (LabelOnlyError, ModelPrivacyError, ValueError):
        return None, None
    finding = membership_finding(result, ids=d.ids_array(), **_rating(ctx))
    finding = dataclasses.replace(
        finding, title="Membership inference from labels only (robustness to perturbation)"
    )
    return result, finding
