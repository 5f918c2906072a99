"""SARIF 2.1.0: the findings as a log that code-scanning dashboards read.

One run per report. The tool's ``driver`` lists one rule per check id that
has a result (its title, the first paragraph of its documentation, the whole
section as help, a link to the docs page, the criterion as a tag, and a
``security-severity`` so that GitHub ranks the alerts); each finding is one
result whose ``ruleId`` is the check id. A result's level comes from the
finding's severity (high: ``error``, medium: ``warning``, low: ``note``,
info: ``none``); its message holds the title, the description (counts, paths
and names of columns or attributes, never a training value: examples are left
out even when the report was made with ``show_values``), the records it
exposes and the remedy. Its location is the model file, as given on the
command line, with the estimator and the attribute path as logical locations;
``partialFingerprints`` is a hash of the check id, the file, the attribute
path and the title, so the same finding keeps its alert from run to run.

The run's ``properties`` carry the verdict per criterion (audit, sanitize)
or the count of findings per severity (the other kinds); checks that failed
and checks that were skipped are the invocation's notifications. The same
result gives byte-identical SARIF: no time, no absolute path that was not
given, keys in a fixed order.

Code scanning wants a line for every result; a model file has none, so each
result points at line 1 of the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from modelprivacy.findings import CheckError, Finding, Severity, Skipped

__all__ = [
    "LEVELS",
    "SARIF_SCHEMA",
    "SARIF_VERSION",
    "artifact_uri",
    "attribute_sarif",
    "audit_sarif",
    "inspection_sarif",
    "membership_sarif",
    "project_urls",
    "sanitize_sarif",
    "singling_out_sarif",
    "to_sarif",
]

SARIF_VERSION = "2.1.0"
#: The schema a log names (the OASIS schema, as SchemaStore serves it).
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: SARIF level of each severity.
LEVELS: Mapping[Severity, str] = {
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "none",
}
# GitHub ranks security alerts by this score: 9.0 and above critical, 7.0 high, 4.0 medium, 0.1 low.
_SECURITY_SEVERITY = {
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.0",
    Severity.LOW: "2.0",
    Severity.INFO: "0.0",
}
#: Where the project lives when its package metadata names no home page.
FALLBACK_HOME = "https://pypi.org/project/modelprivacy/"
_FINGERPRINT = "modelprivacy/v1"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


@dataclass(frozen=True)
class _Log:
    """What one SARIF run is made of, from a result of any kind."""

    kind: str
    source: str | None
    model: str
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    errors: tuple[CheckError, ...] = ()
    version: str = ""
    properties: Mapping[str, Any] | None = None


def project_urls() -> dict[str, str]:
    """The ``Project-URL`` entries of the installed package, by lower-case label.

    Returns
    -------
    dict
        E.g. ``{"homepage": "https://...", "documentation": "https://..."}``;
        empty when the package metadata has none.
    """
    try:
        entries = metadata.metadata("modelprivacy").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    out: dict[str, str] = {}
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if url.strip():
            out.setdefault(label.strip().lower(), url.strip())
    return out


def _home(urls: Mapping[str, str]) -> str:
    for label in ("homepage", "home", "repository", "source"):
        if label in urls:
            return urls[label]
    return FALLBACK_HOME


def _help_uri(ref: str, urls: Mapping[str, str]) -> str:
    """The docs page of a reference such as ``docs/checks.md#mp-s101``, as an absolute URL."""
    base = urls.get("documentation")
    if not base or not ref:
        return _home(urls)
    page = ref.strip().removeprefix("docs/")
    return base.rstrip("/") + "/" + quote(page, safe="/#._-")


def artifact_uri(source: str) -> str:
    r"""The model file as a URI reference: a relative path stays relative.

    Parameters
    ----------
    source : str
        The path as given (``models/knn.skops``, ``C:\models\knn.skops``),
        or a URI (``models:/name/1``).

    Returns
    -------
    str
        ``models/knn.skops``; an absolute path becomes a ``file://`` URI; a URI
        is kept, with characters a URI cannot hold percent-encoded.
    """
    windows = PureWindowsPath(source)
    if windows.drive and len(windows.drive) == 2:  # C:\... or C:/...
        return "file:///" + quote(windows.as_posix(), safe="/:")
    if _SCHEME.match(source):
        return quote(source, safe=":/?#[]@!$&'()*+,;=%-._~")
    path = source.replace("\\", "/")
    if path.startswith("/"):
        return "file://" + quote(path, safe="/")
    return quote(path, safe="/")


def _rules(findings: Sequence[Finding], urls: Mapping[str, str]) -> list[dict[str, Any]]:
    """One rule per check id with a result, by id; facts from the catalogue and the shipped docs."""
    from modelprivacy.catalogue import all_checks
    from modelprivacy.report.docs import resolve

    catalogue = {c.id: c for c in all_checks()}
    worst: dict[str, Finding] = {}
    for f in findings:
        if f.check_id not in worst or f.severity > worst[f.check_id].severity:
            worst[f.check_id] = f
    rules = []
    for check_id in sorted(worst):
        f = worst[check_id]
        info = catalogue.get(check_id)
        title = info.title if info is not None else f.title
        criterion = info.criterion if info is not None else f.criterion.value
        ref = info.docs if info is not None else f.docs
        section = resolve(f"docs/checks.md#{check_id.lower()}") or (resolve(ref) if ref else None)
        rule: dict[str, Any] = {
            "id": check_id,
            "shortDescription": {"text": title},
            "fullDescription": {"text": _first_paragraph(section.text) if section else title},
        }
        if section is not None:
            rule["help"] = {"text": section.text, "markdown": section.text}
        rule["helpUri"] = _help_uri(ref, urls)
        rule["defaultConfiguration"] = {"level": LEVELS[f.severity]}
        rule["properties"] = {
            "tags": ["privacy", criterion],
            "criterion": criterion,
            "security-severity": _SECURITY_SEVERITY[f.severity],
        }
        rules.append(rule)
    return rules


def _first_paragraph(markdown: str) -> str:
    """The first paragraph of a documentation section, after its heading, on one line."""
    paragraphs = [p for p in markdown.split("\n\n") if p.strip()]
    body = [p for p in paragraphs if not p.lstrip().startswith(("#", "<a "))]
    text = body[0] if body else paragraphs[0] if paragraphs else ""
    return " ".join(text.split())


def _records(f: Finding) -> str:
    n, of = f.records.count, f.records.of
    if n is None:
        return ""
    return (
        f" It exposes {n:,} of {of:,} training records."
        if of
        else f" It exposes {n:,} training records."
    )


def _message(f: Finding) -> str:
    """The result's text: what and where, in counts; never the example (it may hold values)."""
    text = f"{f.title}: {f.description.rstrip()}"
    if not text.endswith((".", "!", "?")):
        text += "."
    text += _records(f)
    if f.remedy:
        text += f" Remedy: {f.remedy.strip()}"
    return text


def _logical(f: Finding) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if f.estimator:
        out.append({"name": f.estimator, "kind": "type"})
    if f.path:
        kind = "resource" if f.path.startswith("(") else "member"
        out.append({"name": f.path, "fullyQualifiedName": f.path, "kind": kind})
    return out


def _fingerprint(check_id: str, uri: str, f: Finding) -> str:
    key = "\x1f".join((check_id, uri, f.path, f.title))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _result(f: Finding, index: int, uri: str | None, seen: set[str]) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if uri is not None:
        location["physicalLocation"] = {
            "artifactLocation": {"uri": uri, "index": 0},
            "region": {"startLine": 1},
        }
    logical = _logical(f)
    if logical:
        location["logicalLocations"] = logical
    fingerprint = _fingerprint(f.check_id, uri or "", f)
    n = 1
    unique = fingerprint
    while unique in seen:  # two findings of one check at one place: keep both, in order
        n += 1
        unique = f"{fingerprint}:{n}"
    seen.add(unique)
    props: dict[str, Any] = {
        "severity": f.severity.value,
        "confidence": f.confidence.value,
        "criterion": f.criterion.value,
    }
    if f.records.count is not None:
        props["recordsExposed"] = f.records.count
    if f.records.of is not None:
        props["trainingRecords"] = f.records.of
    result: dict[str, Any] = {
        "ruleId": f.check_id,
        "ruleIndex": index,
        "kind": "informational" if f.severity is Severity.INFO else "fail",
        "level": LEVELS[f.severity],
        "message": {"text": _message(f)},
    }
    if location:
        result["locations"] = [location]
    result["partialFingerprints"] = {_FINGERPRINT: unique}
    result["properties"] = props
    return result


def _notifications(log: _Log) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Failed checks (execution errors) and skipped ones (configuration notes)."""
    failed = []
    for e in log.errors:
        n: dict[str, Any] = {
            "level": "error",
            "message": {"text": f"{e.check_id} failed: {e.message}"},
        }
        if e.check_id:
            n["associatedRule"] = {"id": e.check_id}
        failed.append(n)
    skipped = []
    for s in log.skipped:
        n = {"level": "note", "message": {"text": f"Not run: {s.what}: {s.reason}"}}
        if s.check_id:
            n["associatedRule"] = {"id": s.check_id}
        skipped.append(n)
    return failed, skipped


def _sarif(log: _Log) -> str:
    from modelprivacy import __version__

    urls = project_urls()
    version = log.version or __version__
    findings = log.findings
    rules = _rules(findings, urls)
    index = {r["id"]: i for i, r in enumerate(rules)}
    uri = artifact_uri(log.source) if log.source else None
    seen: set[str] = set()
    failed, skipped = _notifications(log)
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if failed:
        invocation["toolExecutionNotifications"] = failed
    if skipped:
        invocation["toolConfigurationNotifications"] = skipped
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "modelprivacy",
                "version": version,
                "semanticVersion": version,
                "informationUri": _home(urls),
                "rules": rules,
            }
        },
        "invocations": [invocation],
    }
    if uri is not None:
        run["artifacts"] = [{"location": {"uri": uri}, "roles": ["analysisTarget"]}]
    run["results"] = [_result(f, index[f.check_id], uri, seen) for f in findings]
    counts = {s.value: 0 for s in reversed(Severity)}
    for f in findings:
        counts[f.severity.value] += 1
    run["properties"] = {
        "kind": log.kind,
        "model": log.model,
        "findingsBySeverity": counts,
        **(log.properties or {}),
    }
    doc = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(doc, indent=2) + "\n"


def _verdict(result: Any) -> dict[str, Any]:
    """The verdict per criterion of an audit, and its answer to "may I share it?"."""
    from modelprivacy.auditing.share import may_i_share

    v = result.verdict
    return {
        "verdict": {
            "overall": v.overall,
            "criteria": {
                c.value: {"risk": cv.risk, "assessed": cv.assessed} for c, cv in v.criteria.items()
            },
        },
        "mayIShare": may_i_share(result).answer,
        "seed": result.settings.get("seed"),
    }


def _source(source: str | None, model: str) -> str | None:
    """The model file, or ``None`` for a model object (whose source is its class name)."""
    return source if source and source != model else None


def inspection_sarif(result: Any) -> str:
    """An :class:`~modelprivacy.findings.InspectionResult` as a SARIF 2.1.0 log."""
    return _sarif(
        _Log(
            kind="inspection",
            source=_source(result.source, result.model),
            model=result.model,
            findings=tuple(result.findings),
            skipped=tuple(result.skipped),
            errors=tuple(result.errors),
            version=str(result.versions.get("modelprivacy", "")),
            properties={"seed": result.seed},
        )
    )


def audit_sarif(result: Any) -> str:
    """An :class:`~modelprivacy.auditing.core.AuditResult` as a SARIF 2.1.0 log, with its verdict."""
    return _sarif(_audit_log(result, "audit"))


def _audit_log(result: Any, kind: str, extra: Mapping[str, Any] | None = None) -> _Log:
    return _Log(
        kind=kind,
        source=_source(result.source, result.model),
        model=result.model,
        findings=tuple(result.findings),
        skipped=tuple(result.skipped),
        errors=tuple(result.errors),
        version=str(result.versions.get("modelprivacy", "")),
        properties={**_verdict(result), **(extra or {})},
    )


def membership_sarif(doc: Any) -> str:
    """A :class:`~modelprivacy.report.documents.MembershipReport` as a SARIF 2.1.0 log."""
    return _sarif(
        _Log(kind="membership", source=doc.source or None, model="", findings=(doc.finding,))
    )


def attribute_sarif(doc: Any) -> str:
    """An :class:`~modelprivacy.report.documents.AttributeReport` as a SARIF 2.1.0 log."""
    return _sarif(
        _Log(kind="attribute", source=doc.source or None, model="", findings=tuple(doc.findings))
    )


def singling_out_sarif(doc: Any) -> str:
    """A :class:`~modelprivacy.report.documents.SinglingOutDocument` as a SARIF 2.1.0 log."""
    from modelprivacy.findings import sort_findings

    r = doc.report
    return _sarif(
        _Log(
            kind="singling_out",
            source=doc.source or None,
            model=r.inspection.model,
            findings=sort_findings(r.findings),
            skipped=tuple(r.skipped),
            errors=tuple(r.errors),
        )
    )


def sanitize_sarif(report: Any) -> str:
    """A :class:`~modelprivacy.sanitizing.prove.SanitizeReport` as SARIF: the re-audit's findings.

    The results are what the audit of the safer model still finds (a CI gate
    on the sanitised model); ``properties.before`` is the original's verdict.
    Without data there was no re-audit: the log has no results and says so.
    """
    after, before = report.after, report.before
    if after is None:
        return _sarif(
            _Log(
                kind="sanitize",
                source=None,
                model=type(report.sanitized.model).__name__,
                findings=(),
                skipped=(Skipped("the audit of the safer model", "no training data was given"),),
            )
        )
    extra = {"before": _verdict(before)["verdict"]} if before is not None else {}
    return _sarif(_audit_log(after, "sanitize", extra))


def to_sarif(result: Any) -> str:
    """Any result that holds findings as a SARIF 2.1.0 log (dispatch on its type).

    Parameters
    ----------
    result : InspectionResult, AuditResult, MembershipReport, AttributeReport, SinglingOutDocument or SanitizeReport
        The result.

    Returns
    -------
    str
        The log as JSON, ending with a newline.

    Raises
    ------
    TypeError
        For a result of another type.
    """
    from modelprivacy.auditing.core import AuditResult
    from modelprivacy.findings import InspectionResult
    from modelprivacy.report.documents import AttributeReport, MembershipReport, SinglingOutDocument
    from modelprivacy.sanitizing.prove import SanitizeReport

    renderers: list[tuple[type, Any]] = [
        (InspectionResult, inspection_sarif),
        (AuditResult, audit_sarif),
        (MembershipReport, membership_sarif),
        (AttributeReport, attribute_sarif),
        (SinglingOutDocument, singling_out_sarif),
        (SanitizeReport, sanitize_sarif),
    ]
    for cls, fn in renderers:
        if isinstance(result, cls):
            out: str = fn(result)
            return out
    raise TypeError(f"cannot render a {type(result).__name__} as SARIF: it holds no findings")
