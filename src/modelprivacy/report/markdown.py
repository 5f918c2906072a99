r"""The Markdown report: GitHub-flavoured Markdown for pull requests and model cards.

Text that comes from the model (paths, category values, examples) is escaped or
put in code spans, so a value such as ``<img src=...>`` or ``a|b`` cannot change
the layout of the page or inject HTML; its control and invisible format
characters are escaped (``\x1b``), so it cannot act on the terminal that shows
the Markdown either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from modelprivacy.findings import Finding, InspectionResult
from modelprivacy.report._common import (
    NO_FINDINGS,
    SHOW_VALUES_WARNING,
    by_severity,
    clean,
    plural,
    records_cell,
    records_phrase,
    summary_phrase,
)

__all__ = ["docs_markdown", "markdown_row", "to_markdown"]

# ASCII punctuation that Markdown or inline HTML gives a meaning to.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")
_SAFE_URL = re.compile(r"^[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$")


def _one_line(text: str) -> str:
    """Collapse whitespace (line breaks too) and escape control characters."""
    return clean(" ".join(text.split()))


def _text(text: str) -> str:
    """Escape free text so that it renders literally."""
    escaped = _SPECIAL.sub(r"\\\1", _one_line(text))
    return _LINE_START.sub(r"\1\\\2", escaped)


def _code(text: str) -> str:
    """Put text in a code span, with a fence longer than any backtick run in it."""
    text = _one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cell(markdown: str) -> str:
    """Make inline Markdown safe inside a table cell (pipes, even in code spans)."""
    return re.sub(r"(?<!\\)\|", r"\\|", markdown)


def markdown_row(cells: Sequence[str]) -> str:
    """One Markdown table row; pipes inside cells are escaped."""
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _link(label: str, url: str) -> str:
    if _SAFE_URL.match(url):
        return f"[{_text(label)}]({url})"
    return _code(url)


def _docs_link(f: Finding) -> str:
    """A link to the finding's documentation in the report's appendix, else the reference."""
    from modelprivacy.report.docs import anchor_id, resolve

    section = resolve(f.docs) if ":" not in f.docs.split("#")[0] else None
    if section is None:
        return _code(f.docs)
    return f"{_link(f.check_id, '#' + anchor_id(section))} ({_code(f.docs)})"


_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def docs_markdown(findings: Iterable[Finding]) -> list[str]:
    """The documentation appendix: the shipped sections the findings link to.

    Parameters
    ----------
    findings : iterable of Finding
        The findings of the report.

    Returns
    -------
    list of str
        Lines: a ``## Documentation`` section with one anchored subsection
        per distinct documentation section (headings one level down; links
        to other pages shown as text, since the report stands alone), or no
        lines when no finding links to the shipped documentation.
    """
    from modelprivacy.report.docs import anchor_id, doc_sections

    sections = doc_sections(f.docs for f in sorted(findings, key=lambda f: f.check_id))
    if not sections:
        return []
    lines = [
        "## Documentation",
        "",
        "The documentation of the checks in this report, as shipped with modelprivacy "
        "(print a section with `modelprivacy docs MP-S105`).",
        "",
    ]
    for sec in sections:
        lines += [f'<a id="{anchor_id(sec)}"></a>', ""]
        fenced = False
        for line in sec.text.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced:
                if line.startswith("#"):
                    line = "#" + line
                line = _MD_LINK.sub(
                    lambda m: m.group(0) if "://" in m.group(2) else f"{m.group(1)} ({m.group(2)})",
                    line,
                )
            lines.append(line)
        lines.append("")
    return lines


def _header(result: InspectionResult) -> list[str]:
    n_train = f"{result.n_train:,}" if result.n_train is not None else "not given"
    source = _code(result.source) if result.source else "(in memory)"
    lines = [
        f"# Model privacy inspection: {_text(result.model)}",
        "",
        markdown_row(["Model", "Source file", "Training records", "k", "Seed"]),
        "|---|---|---:|---:|---:|",
        markdown_row([_code(result.model), source, n_train, str(result.k), str(result.seed)]),
        "",
    ]
    if result.show_values:
        lines += [f"> **Warning:** {_text(SHOW_VALUES_WARNING)}", ""]
    lines += [f"**Summary:** {_text(summary_phrase(result))}.", ""]
    return lines


def _summary_table(result: InspectionResult) -> list[str]:
    lines = ["## Summary by severity", "", "| Severity | Findings |", "|---|---:|"]
    lines += [markdown_row([s.value, f"{n:,}"]) for s, n in by_severity(result)]
    lines += [markdown_row(["**total**", f"**{len(result.findings):,}**"]), ""]
    records = _text(records_phrase(result))
    records = records[:1].upper() + records[1:]
    if result.n_train is not None:
        records += " (by findings of low severity or above)"
    lines += [f"{records}.", ""]
    return lines


def _findings_table(result: InspectionResult) -> list[str]:
    lines = [
        "## Findings",
        "",
        markdown_row(["#", "Severity", "Check", "Title", "Path", "Records exposed", "Confidence"]),
        "|---:|---|---|---|---|---|---|",
    ]
    for i, f in enumerate(result.findings, start=1):
        lines.append(
            markdown_row(
                [
                    str(i),
                    f.severity.value,
                    _code(f.check_id),
                    _text(f.title),
                    _code(f.path),
                    _text(records_cell(f, result)),
                    f.confidence.value,
                ]
            )
        )
    return [*lines, ""]


def _details(i: int, f: Finding, result: InspectionResult) -> list[str]:
    lines = [
        f"### {i}. {_text(f.check_id)}: {_text(f.title)}",
        "",
        f"- **Severity:** {f.severity.value}",
        f"- **Confidence:** {f.confidence.value}",
        f"- **Criterion:** {f.criterion.value}",
        f"- **Where:** {_code(f.path)} in {_code(f.estimator)}",
        f"- **Records exposed:** {_text(records_cell(f, result))}",
        "",
        _text(f.description),
        "",
    ]
    if f.example is not None:
        lines += [f"**Example:** {_code(f.example)}", ""]
    if f.remedy:
        lines += [f"**Remedy:** {_text(f.remedy)}", ""]
    if f.docs:
        lines += [f"**Documentation:** {_docs_link(f)}", ""]
    return lines


def to_markdown(result: InspectionResult, *, docs: bool = True) -> str:
    """Render an inspection result as GitHub-flavoured Markdown.

    Parameters
    ----------
    result : InspectionResult
        The result to render.
    docs : bool, default=True
        End with the documentation appendix that the findings link to (the
        audit report adds it once, at its own end).

    Returns
    -------
    str
        The report: title, summary by severity, findings table, details per
        finding, skipped items, failed checks and versions; ends with a newline.
    """
    lines = _header(result)
    if result.findings:
        lines += _summary_table(result)
        lines += _findings_table(result)
        lines += ["## Details", ""]
        for i, f in enumerate(result.findings, start=1):
            lines += _details(i, f, result)
    else:
        lines += [f"**{NO_FINDINGS}**", ""]
    if result.load_notes:
        lines += ["## Reset while loading", ""]
        lines += [f"- {_text(note)}" for note in result.load_notes]
        lines.append("")
    if result.skipped:
        lines += ["## Skipped", ""]
        lines += [f"- **{_text(s.what)}:** {_text(s.reason)}" for s in result.skipped]
        lines.append("")
    if result.errors:
        lines += ["## Errors", "", f"{plural(len(result.errors), 'check')} failed:", ""]
        lines += [f"- {_code(e.check_id)}: {_text(e.message)}" for e in result.errors]
        lines.append("")
    if result.versions:
        lines += ["## Versions", "", "| Package | Version |", "|---|---|"]
        lines += [markdown_row([_text(name), _code(v)]) for name, v in result.versions.items()]
        lines.append("")
    if docs:
        lines += docs_markdown(result.findings)
    return "\n".join(lines).rstrip("\n") + "\n"
