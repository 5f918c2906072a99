"""Renderers of an inspection result: terminal text, JSON, Markdown and HTML.

Renderers are pure functions ``result -> str``: they format what the result
holds, compute nothing new and print nothing. :func:`render` picks one by
:class:`Format`; :func:`summary_line` gives the one line the CLI writes to
stderr.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from modelprivacy.findings import InspectionResult
from modelprivacy.report._common import summary_phrase
from modelprivacy.report.json_ import SCHEMA_PATH, load_schema, to_json
from modelprivacy.report.markdown import to_markdown
from modelprivacy.report.terminal import to_terminal

__all__ = [
    "SCHEMA_PATH",
    "Format",
    "load_schema",
    "render",
    "summary_line",
    "to_json",
    "to_markdown",
    "to_terminal",
]


class Format(enum.Enum):
    """An output format of the report."""

    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


_Renderer = Callable[[InspectionResult, int | None, bool], str]


def _terminal(result: InspectionResult, width: int | None, color: bool) -> str:
    return to_terminal(result, width=width, color=color)


def _json(result: InspectionResult, width: int | None, color: bool) -> str:
    return to_json(result)


def _markdown(result: InspectionResult, width: int | None, color: bool) -> str:
    return to_markdown(result)


def _html(result: InspectionResult, width: int | None, color: bool) -> str:
    from modelprivacy.report.inspection_html import render_inspection_html

    return render_inspection_html(result)


_RENDERERS: dict[Format, _Renderer] = {
    Format.TERMINAL: _terminal,
    Format.JSON: _json,
    Format.MARKDOWN: _markdown,
    Format.HTML: _html,
}


def render(
    result: InspectionResult,
    fmt: Format | str,
    *,
    width: int | None = None,
    color: bool = False,
) -> str:
    """Render an inspection result in a format.

    Parameters
    ----------
    result : InspectionResult
        The result to render.
    fmt : Format or str
        The format, or its name (``"terminal"``, ``"json"``, ``"markdown"``,
        ``"html"``).
    width : int, optional
        Line width of the terminal format (default 100); the others ignore it.
    color : bool, default=False
        ANSI colours in the terminal format; the others ignore it.

    Returns
    -------
    str
        The report, ending with a newline.

    Raises
    ------
    ValueError
        If ``fmt`` names no format, or ``width`` is too small.
    """
    if not isinstance(fmt, Format):
        try:
            fmt = Format(fmt)
        except ValueError:
            choices = ", ".join(f.value for f in Format)
            raise ValueError(
                f"The 'fmt' parameter of render must be one of: {choices}. Got {fmt!r} instead."
            ) from None
    return _RENDERERS[fmt](result, width, color)


def summary_line(result: InspectionResult) -> str:
    """One line summing up a result, for stderr.

    Parameters
    ----------
    result : InspectionResult
        The result to sum up.

    Returns
    -------
    str
        E.g. ``"RandomForestClassifier: 7 findings (3 high, 2 medium, 2 low);
        1,234 of 32,561 training records exposed; 0 checks failed"``, without a
        trailing newline. ``"; N skipped"`` is added when something was skipped.
    """
    return f"{result.model}: {summary_phrase(result)}"
