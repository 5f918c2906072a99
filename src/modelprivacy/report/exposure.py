"""Per-person exposure reports: who is exposed, by which finding, and whether outliers more so.

Rows are identified by record ID (or person); raw values never appear.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO

from modelprivacy.exposure import ExposureTable

__all__ = ["exposure_markdown", "exposure_terminal"]


def _worst_rows(table: ExposureTable, n: int) -> list[list[str]]:
    rows = []
    f = table.frame
    for key in table.worst(n):
        r = f.loc[key]
        named = [c for c in table.checks if bool(r[c])]
        rows.append(
            [
                str(key),
                str(r["level"]),
                ", ".join(named),
                f"{int(r['records']):,}",
                f"{float(r['outlierness']):.2f}" if "outlierness" in f else "",
            ]
        )
    return rows


def exposure_terminal(
    table: ExposureTable, skipped: Sequence[str] = (), top: int = 15, width: int = 110
) -> str:
    """Render the exposure table's summary and its most exposed rows for the terminal.

    Parameters
    ----------
    table : ExposureTable
        The table.
    skipped : sequence of str
        What was not assessed, and why.
    top : int, default=15
        Rows listed.
    width : int, default=110
        Width of the table.

    Returns
    -------
    str
        The report.
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    word = "person" if table.unit == "person" else "record"
    buf = StringIO()
    console = Console(file=buf, width=width, color_system=None)
    console.print(f"Exposure per {word}", markup=False, highlight=False)
    console.print(table.summary(), markup=False, highlight=False)
    rows = _worst_rows(table, top)
    if rows:
        t = Table(title=f"Most exposed ({len(rows)} of {len(table.exposed('low')):,} exposed)")
        for col in (word, "level", "findings", "records", "outlierness"):
            t.add_column(col)
        for row in rows:
            t.add_row(*(escape(cell) for cell in row))
        console.print(t)
    for s in skipped:
        console.print(f"Not assessed: {s}", markup=False, highlight=False)
    return buf.getvalue()


def exposure_markdown(table: ExposureTable, skipped: Sequence[str] = (), top: int = 15) -> str:
    """Render the exposure table's summary and its most exposed rows as Markdown.

    Parameters
    ----------
    table : ExposureTable
        The table.
    skipped : sequence of str
        What was not assessed, and why.
    top : int, default=15
        Rows listed.

    Returns
    -------
    str
        The report.
    """
    from modelprivacy.report.markdown import markdown_row

    word = "person" if table.unit == "person" else "record"
    out = [f"## Exposure per {word}", "", table.summary(), ""]
    rows = _worst_rows(table, top)
    if rows:
        out += [
            f"| {word} | level | findings | records | outlierness |",
            "|---|---|---|---:|---:|",
        ]
        out += [markdown_row(r) for r in rows]
        out.append("")
    out += [f"- Not assessed: {s}" for s in skipped]
    return "\n".join(out) + "\n"
