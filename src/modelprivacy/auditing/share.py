"""The audit's answer to "may I share it?", in plain words for the data owner who asks.

The person who asks whether a model may be shared gets risk levels from the
verdict, but not an answer to the question as they asked it. This module puts
the audit's evidence in the order of that question, as a checklist:

1. **GDPR status**, from the verdict, worded after EDPB Opinion 28/2024: a
   model is anonymous only when the likelihood of extracting personal data
   about the people it was trained on, directly or by querying it, is
   insignificant, taking into account all the means reasonably likely to be
   used. The tool decides this line as far as its tests go: it can show that
   a model is *not* anonymous; passing its tests is evidence at the tested
   strength, never proof.
2. **Confidentiality**, which the tool informs but cannot decide: a model that
   stores training records or values verbatim is a compiled form of the data
   set, so sharing it needs the data owner's authorisation, as sharing the
   data does.
3. **Rights in the data set**, informed, not decided: database rights (the EU's
   sui generis right) and the licence of the data can extend to a model that
   reproduces a substantial part of the data.
4. **What to do next**, from the remedies of the findings behind the verdict.

It gives no legal advice: each line names the checks whose findings it rests
on, and the last sentence says who decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from modelprivacy.auditing.verdict import NO_EVIDENCE, NOT_ANONYMOUS
from modelprivacy.findings import Finding, Severity

if TYPE_CHECKING:
    from modelprivacy.auditing.core import AuditResult

__all__ = ["SHARE_HEADING", "ShareAnswer", "ShareLine", "may_i_share"]

#: The section's title in every report.
SHARE_HEADING = "May I share this model?"

#: Checks whose findings mean the file holds training records or values themselves.
STORES_DATA = ("MP-S101", "MP-S103", "MP-S107", "MP-S108")
#: Checks whose findings mean the file reproduces training records (rows, or people's leaves).
REPRODUCES_RECORDS = ("MP-S101", "MP-L202")

_EDPB = (
    "Under the GDPR a model is anonymous only if the likelihood of extracting personal data "
    "about the people it was trained on, directly or by querying it, is insignificant, taking "
    "into account all the means reasonably likely to be used (EDPB Opinion 28/2024)."
)
DISCLAIMER = (
    "This is not legal advice: it is a checklist with the evidence behind each line. The data "
    "owner decides, with their data protection officer where they have one."
)


@dataclass(frozen=True)
class ShareLine:
    """One line of the checklist.

    Attributes
    ----------
    question : str
        ``"GDPR status"``, ``"Confidentiality"``, ``"Rights in the data set"``
        or ``"What to do next"``.
    answer : str
        The answer in plain words.
    evidence : tuple of str
        The check IDs whose findings the answer rests on.
    decided : bool
        Whether the audit decides this line (the GDPR status, as far as its
        tests go) or only informs a decision that is someone else's.
    """

    question: str
    answer: str
    evidence: tuple[str, ...] = ()
    decided: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "question": self.question,
            "answer": self.answer,
            "evidence": list(self.evidence),
            "decided": self.decided,
        }


@dataclass(frozen=True)
class ShareAnswer:
    """The answer to "may I share it?".

    Attributes
    ----------
    answer : str
        One sentence: the short answer.
    lines : tuple of ShareLine
        GDPR status, confidentiality, rights in the data set, what to do next.
    disclaimer : str
        That this is a checklist, not legal advice, and who decides.
    """

    answer: str
    lines: tuple[ShareLine, ...]
    disclaimer: str = DISCLAIMER

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "answer": self.answer,
            "lines": [line.to_dict() for line in self.lines],
            "disclaimer": self.disclaimer,
        }


def _ids(findings: list[Finding]) -> tuple[str, ...]:
    return tuple(sorted({f.check_id for f in findings}))


def _serious(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.severity > Severity.INFO]


def _people(findings: list[Finding]) -> str:
    """The most records one of the findings exposes: ``"12 of 300 training records"`` (or "")."""
    counts = [f.records.count for f in findings if f.records.count]
    if not counts:
        return ""
    most = max(counts)
    of = next((f.records.of for f in findings if f.records.count == most and f.records.of), None)
    return f"{most:,} of {of:,} training records" if of else f"{most:,} training records"


def _in_brackets(people: str) -> str:
    return f" ({people})" if people else ""


def _gdpr(result: AuditResult, serious: list[Finding]) -> ShareLine:
    overall = result.verdict.overall
    high = [f for f in serious if f.severity == Severity.HIGH]
    if overall == NOT_ANONYMOUS:
        criteria = [c.value for c, v in result.verdict.criteria.items() if v.risk == "high"]
        people = _people(high)
        exposed = f"; up to {people} exposed" if people else ""
        answer = (
            "Personal data: the model is not anonymous. Personal data of identifiable people "
            f"can be extracted from it or inferred with it (high risk under {', '.join(criteria)}"
            f"{exposed}). Sharing it is processing personal data: it needs a legal basis, and "
            "the people's rights apply to it. " + _EDPB
        )
        return ShareLine("GDPR status", answer, _ids(high), decided=True)
    if overall == NO_EVIDENCE:
        answer = (
            "Anonymous at the tested strength: no test extracted personal data beyond low risk. "
            "That supports, but does not prove, that extraction is insignificantly likely by all "
            "means reasonably likely to be used; stronger attacks, more reference models or "
            "other data can still find more. " + _EDPB
        )
        return ShareLine("GDPR status", answer, _ids(serious), decided=True)
    reasons = [
        f"{c.value} {'at medium risk' if v.risk == 'medium' else 'not fully assessed'}"
        for c, v in result.verdict.criteria.items()
        if v.risk == "medium" or v.assessed != "yes"
    ]
    answer = (
        "Not shown to be anonymous: the tests did not show that extracting personal data is "
        f"insignificantly likely ({'; '.join(reasons)}). Until that is shown, treat the model "
        "as personal data. " + _EDPB
    )
    return ShareLine("GDPR status", answer, _ids(serious), decided=True)


def _confidentiality(serious: list[Finding]) -> ShareLine:
    stores = [f for f in serious if f.check_id in STORES_DATA]
    if stores:
        answer = (
            "The model stores training records or values themselves"
            f"{_in_brackets(_people(stores))}: it is a compiled form of the data set. Sharing it needs the "
            "data owner's authorisation, as sharing the data would, whatever the GDPR status."
        )
        return ShareLine("Confidentiality", answer, _ids(stores))
    answer = (
        "No training record or value was found stored in the model. Whether the terms under "
        "which you hold the data allow sharing models trained on it is for the data owner to say."
    )
    return ShareLine("Confidentiality", answer, ())


def _rights(serious: list[Finding]) -> ShareLine:
    reproduces = [f for f in serious if f.check_id in REPRODUCES_RECORDS]
    if reproduces:
        answer = (
            f"The model reproduces training records{_in_brackets(_people(reproduces))}. Database rights (in "
            "the EU, the sui generis right against extracting a substantial part of a database) "
            "and the data's licence can extend to a model that reproduces the data: check them "
            "before sharing."
        )
        return ShareLine("Rights in the data set", answer, _ids(reproduces))
    answer = (
        "The model reproduces no training records. The data's licence or contract may still "
        "restrict what may be done with models trained on it."
    )
    return ShareLine("Rights in the data set", answer, ())


def _next(result: AuditResult, serious: list[Finding]) -> ShareLine:
    ranked = sorted(serious, key=lambda f: f.severity, reverse=True)
    remedies: list[str] = []
    said: set[str] = set()
    for f in ranked:
        text = " ".join(f.remedy.split())
        # two checks of one problem say the same first: "Refit with min_samples_leaf ..."
        opening = " ".join(re.sub(r"\W.*", "", w) for w in text.lower().split()[:3])
        if text and opening not in said:
            remedies.append(text)
            said.add(opening)
        if len(remedies) == 2:
            break
    if result.verdict.overall == NO_EVIDENCE:
        answer = (
            "Keep this report with the model, as the evidence of the tests it passed, and audit "
            "again when the model or its training data change."
        )
    elif remedies:
        answer = " ".join(remedies)
        if any(f.criterion.value == "singling out" for f in serious):
            answer += (
                " `modelprivacy sanitize` removes what the inspection found where it can, and "
                "proves the result with a second audit."
            )
    else:
        answer = ""
    missing = [
        f"{c.value} ({v.reason})" if v.reason else c.value
        for c, v in result.verdict.criteria.items()
        if v.assessed != "yes"
    ]
    if missing and result.verdict.overall != NOT_ANONYMOUS:
        answer += (" " if answer else "") + (
            "Before deciding, complete the tests of what was not fully assessed: "
            + "; ".join(missing)
            + "."
        )
    return ShareLine("What to do next", answer, _ids(ranked[:2]))


def _served(result: AuditResult) -> ShareLine:
    """Shared as a file or served behind an API: the verdict of each release mode."""
    answer = (result.recommendation() or "") + (
        " Serving keeps the file with its owner; a serving wrapper (modelprivacy sanitize "
        "--release) protects a served model, not a shared file."
    )
    served = {f.check_id for v in result.release if v.mode != "file" for f in v.findings}
    return ShareLine("Shared as a file, or served", answer, tuple(sorted(served)), decided=True)


def may_i_share(result: AuditResult) -> ShareAnswer:
    """Answer "may I share this model?" from an audit, as a checklist with its evidence.

    Parameters
    ----------
    result : AuditResult
        The audit.

    Returns
    -------
    ShareAnswer
        The short answer and one line each for the GDPR status, confidentiality,
        rights in the data set and what to do next.
    """
    serious = _serious(result.findings)
    lines: tuple[ShareLine, ...] = (
        _gdpr(result, serious),
        _confidentiality(serious),
        _rights(serious),
        _next(result, serious),
    )
    if result.release:
        lines += (_served(result),)
    overall = result.verdict.overall
    if overall == NOT_ANONYMOUS:
        answer = "Not as it is: the model contains personal data."
    elif overall == NO_EVIDENCE:
        answer = (
            "As far as these tests go, yes: no evidence of identifiability at the tested "
            "strength; the data owner's terms still apply."
        )
    else:
        answer = "Not yet: the audit could not show that the model is anonymous."
    if overall != NOT_ANONYMOUS and lines[1].evidence:
        answer += " It stores training values, so the data owner must authorise sharing it."
    return ShareAnswer(answer=answer, lines=lines)
