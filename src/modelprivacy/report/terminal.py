r"""The terminal report: plain text (or ANSI colour) laid out by rich.

The text is rendered into a string rather than printed, so the CLI decides
where it goes. Without colour it holds no escape codes, and it does not depend
on the environment (``COLUMNS``, ``NO_COLOR``, Jupyter): the same result and
width always give the same string.

Text from the model (paths, class names, examples, error messages) never
reaches the terminal raw: every such field goes through
:func:`~modelprivacy.report._common.clean`, so a control character shows as
an escape such as ``\x1b``, and rich markup is off, so ``[bold]`` in a
value is shown as it is.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from modelprivacy.findings import Finding, InspectionResult, Severity
from modelprivacy.report._common import (
    NO_FINDINGS,
    SHOW_VALUES_WARNING,
    clean,
    plural,
    records_cell,
    summary_phrase,
)

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "TABLE_WIDTH", "to_terminal"]

DEFAULT_WIDTH = 100
MIN_WIDTH = 40
TABLE_WIDTH = 80
"""Below this width the findings table is left out; the details list everything."""

_SEVERITY_STYLE = {
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
_INDENT = 4


def _console(width: int, color: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        # An empty environment: TERM=dumb, COLUMNS, FORCE_COLOR and the like must
        # not change a report whose width and colour the caller chose.
        _environ={},
    )
    return console, buffer


def _severity(severity: Severity) -> Text:
    return Text(severity.value, style=_SEVERITY_STYLE[severity])


def _header(result: InspectionResult) -> RenderableType:
    title = Text.assemble(("modelprivacy inspection: ", "bold"), (clean(result.model), "bold"))
    n_train = f"{result.n_train:,}" if result.n_train is not None else "not given"
    facts = Text(
        f"Source file: {clean(result.source or '(in memory)')}  |  Training records: {n_train}  |  "
        f"k: {result.k}  |  Seed: {result.seed}"
    )
    lines: list[RenderableType] = [title, facts]
    if result.show_values:
        lines.append(Text(f"Warning: {SHOW_VALUES_WARNING}", style="bold red"))
    lines.append(Text(f"Summary: {summary_phrase(result)}"))
    return Group(*lines)


def _table(result: InspectionResult) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Check", no_wrap=True)
    table.add_column("Title / path", overflow="fold")
    table.add_column("Records exposed", no_wrap=True)
    table.add_column("Confidence", no_wrap=True)
    for i, f in enumerate(result.findings, start=1):
        table.add_row(
            str(i),
            _severity(f.severity),
            Text(clean(f.check_id)),
            Text.assemble(clean(f.title), "\n", (clean(f.path), "dim")),
            Text(records_cell(f, result)),
            Text(f.confidence.value),
        )
    return table


def _labelled(label: str, value: str) -> Padding:
    return Padding(Text.assemble((f"{label}: ", "bold"), clean(value)), (0, 0, 0, _INDENT))


def _details(i: int, f: Finding, result: InspectionResult) -> RenderableType:
    head = Text.assemble(
        f"{i}. ",
        (f.severity.value.upper(), _SEVERITY_STYLE[f.severity]),
        "  ",
        (clean(f.check_id), "bold"),
        "  ",
        (clean(f.title), "bold"),
    )
    parts: list[RenderableType] = [
        head,
        _labelled("Where", f"{f.path} ({f.estimator})"),
        _labelled(
            "Criterion",
            f"{f.criterion.value}  |  Confidence: {f.confidence.value}  |  "
            f"Records exposed: {records_cell(f, result)}",
        ),
        Padding(Text(clean(f.description)), (0, 0, 0, _INDENT)),
    ]
    if f.example is not None:
        parts.append(_labelled("Example", f.example))
    if f.remedy:
        parts.append(_labelled("Remedy", f.remedy))
    if f.docs:
        from modelprivacy.report.docs import DOCS_COMMAND, resolve

        shipped = ":" not in f.docs.split("#")[0] and resolve(f.docs) is not None
        hint = f" (read it: {DOCS_COMMAND} {f.check_id})" if shipped else ""
        parts.append(_labelled("Docs", f.docs + hint))
    return Group(*parts)


def _section(title: str) -> Text:
    return Text(title, style="bold underline")


def to_terminal(result: InspectionResult, *, width: int | None = None, color: bool = False) -> str:
    """Render an inspection result as text for a terminal.

    Parameters
    ----------
    result : InspectionResult
        The result to render.
    width : int, optional
        Line width in characters (default 100, at least 40). Below 80 the
        findings table is left out and only the details are shown.
    color : bool, default=False
        Emit ANSI colour codes.

    Returns
    -------
    str
        The report, ending with a newline.

    Raises
    ------
    ValueError
        If ``width`` is below 40.
    """
    if width is not None and (isinstance(width, bool) or width < MIN_WIDTH):
        raise ValueError(
            f"The 'width' parameter of to_terminal must be an int >= {MIN_WIDTH}. "
            f"Got {width!r} instead."
        )
    console, buffer = _console(width or DEFAULT_WIDTH, color)
    console.print(_header(result))
    console.print()
    if result.findings:
        if console.width >= TABLE_WIDTH:
            console.print(_table(result))
            console.print()
        console.print(_section("Details"))
        for i, f in enumerate(result.findings, start=1):
            console.print()
            console.print(_details(i, f, result))
    else:
        console.print(Text(NO_FINDINGS, style="bold"))
    if result.load_notes:
        console.print()
        console.print(_section("Reset while loading"))
        for note in result.load_notes:
            console.print(Padding(Text(clean(note)), (0, 0, 0, 2)))
    if result.skipped:
        console.print()
        console.print(_section(f"Skipped ({len(result.skipped):,})"))
        for s in result.skipped:
            console.print(
                Padding(
                    Text.assemble((f"{clean(s.what)}: ", "bold"), clean(s.reason)), (0, 0, 0, 2)
                )
            )
    if result.errors:
        console.print()
        console.print(_section(f"Errors ({plural(len(result.errors), 'check')} failed)"))
        for e in result.errors:
            console.print(
                Padding(
                    Text.assemble((f"{clean(e.check_id)}: ", "bold red"), clean(e.message)),
                    (0, 0, 0, 2),
                )
            )
    if result.versions:
        console.print()
        versions = ", ".join(
            f"{clean(name)} {clean(version)}" for name, version in result.versions.items()
        )
        console.print(Text(f"Versions: {versions}", style="dim"))
    lines = buffer.getvalue().splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"
