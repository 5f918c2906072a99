"""Renderers of an inspection result: terminal text, JSON, Markdown and HTML.

Renderers are pure functions ``result -> str``: they format what the result
holds, compute nothing new and print nothing. :func:`render` picks one by
:class:`Format`; :func:`summary_line` gives the one line the CLI writes to
stderr.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from modelprivacy.findings import InspectionResult
from modelprivacy.report._common import summary_phrase
from modelprivacy.report.formats import FORMATS, Renderer

if TYPE_CHECKING:
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

# Renderers load when first used: importing the package (as the command line
# does to list the formats) loads neither rich nor Jinja2.
_LAZY = {
    "SCHEMA_PATH": "modelprivacy.report.json_",
    "load_schema": "modelprivacy.report.json_",
    "to_json": "modelprivacy.report.json_",
    "to_markdown": "modelprivacy.report.markdown",
    "to_terminal": "modelprivacy.report.terminal",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


class Format(enum.Enum):
    """An output format of the inspection report (the ``inspection`` kind of the registry)."""

    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"
    MODEL_CARD = "model-card"


_RENDERERS: dict[Format, Renderer] = {Format(k): r for k, r in FORMATS["inspection"].items()}


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
        ``"html"``, ``"sarif"``, ``"model-card"``).
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
    return _RENDERERS[fmt](result, width=width, color=color)


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
