"""One format registry per result kind: ``{format name: renderer}``.

Every command's ``--format`` choices and every ``result.render(fmt)`` come
from :data:`FORMATS`, and a test renders a real result of each kind in every
format listed here, so the registry stays exhaustive. A renderer is a pure
function ``render(result, **options) -> str``: it formats what the result
holds and computes nothing.

Adding a format is one module with its renderer and one line here, e.g.
``"sarif": _lazy("modelprivacy.report.sarif", "to_sarif")`` under the kinds
it renders. Renderers are imported only when used, so building the command
line imports none of them.

Kinds and what they render:

- ``inspection``: :class:`~modelprivacy.findings.InspectionResult`;
- ``audit``: :class:`~modelprivacy.auditing.core.AuditResult`;
- ``membership``: :class:`~modelprivacy.report.documents.MembershipReport`;
- ``attribute``: :class:`~modelprivacy.report.documents.AttributeReport`;
- ``singling_out``: :class:`~modelprivacy.report.documents.SinglingOutDocument`;
- ``sanitize``: :class:`~modelprivacy.sanitizing.prove.SanitizeReport`;
- ``checks``: :class:`~modelprivacy.catalogue.CheckList`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMATS", "KINDS", "Renderer", "formats", "render"]


@dataclass(frozen=True)
class Renderer:
    """A renderer imported when first called.

    Attributes
    ----------
    module : str
        The module that defines it.
    name : str
        The function: ``name(result, **options) -> str``.
    options : tuple of str
        The options it takes (``width``, ``color``, ``fragment``); others
        given to :func:`render` are not passed on.
    """

    module: str
    name: str
    options: tuple[str, ...] = ()

    def __call__(self, result: Any, **options: Any) -> str:
        """Render ``result`` with the options this renderer takes."""
        fn: Callable[..., str] = getattr(importlib.import_module(self.module), self.name)
        return fn(result, **{k: v for k, v in options.items() if k in self.options})


def _lazy(module: str, name: str, *options: str) -> Renderer:
    return Renderer(module, name, options)


_DOCS = "modelprivacy.report.documents"
_SARIF = "modelprivacy.report.sarif"
_CARD = "modelprivacy.report.model_card"

FORMATS: Mapping[str, Mapping[str, Renderer]] = {
    "inspection": {
        "terminal": _lazy("modelprivacy.report.terminal", "to_terminal", "width", "color"),
        "json": _lazy("modelprivacy.report.json_", "to_json"),
        "markdown": _lazy("modelprivacy.report.markdown", "to_markdown"),
        "html": _lazy("modelprivacy.report.inspection_html", "render_inspection_html", "fragment"),
        "sarif": _lazy(_SARIF, "inspection_sarif"),
        "model-card": _lazy(_CARD, "inspection_model_card"),
    },
    "audit": {
        "terminal": _lazy("modelprivacy.auditing.render", "audit_terminal", "width"),
        "json": _lazy("modelprivacy.auditing.render", "audit_json"),
        "markdown": _lazy("modelprivacy.auditing.render", "audit_markdown"),
        "html": _lazy("modelprivacy.report.html", "render_html", "fragment"),
        "sarif": _lazy(_SARIF, "audit_sarif"),
        "model-card": _lazy(_CARD, "audit_model_card"),
    },
    "membership": {
        "terminal": _lazy(_DOCS, "membership_terminal", "width"),
        "json": _lazy(_DOCS, "document_json"),
        "markdown": _lazy(_DOCS, "membership_markdown"),
        "sarif": _lazy(_SARIF, "membership_sarif"),
    },
    "attribute": {
        "terminal": _lazy(_DOCS, "attribute_terminal", "width"),
        "json": _lazy(_DOCS, "document_json"),
        "markdown": _lazy(_DOCS, "attribute_markdown"),
        "sarif": _lazy(_SARIF, "attribute_sarif"),
    },
    "singling_out": {
        "terminal": _lazy(_DOCS, "singling_out_terminal", "width"),
        "json": _lazy(_DOCS, "document_json"),
        "markdown": _lazy(_DOCS, "singling_out_markdown"),
        "sarif": _lazy(_SARIF, "singling_out_sarif"),
    },
    "sanitize": {
        "terminal": _lazy("modelprivacy.sanitizing.prove", "sanitize_terminal", "width"),
        "json": _lazy(_DOCS, "document_json"),
        "markdown": _lazy("modelprivacy.sanitizing.prove", "sanitize_markdown"),
        "html": _lazy("modelprivacy.sanitizing.prove", "sanitize_html"),
        "sarif": _lazy(_SARIF, "sanitize_sarif"),
    },
    "checks": {
        "terminal": _lazy("modelprivacy.catalogue", "checks_terminal"),
        "json": _lazy("modelprivacy.catalogue", "checks_json"),
        "markdown": _lazy("modelprivacy.catalogue", "checks_markdown"),
    },
}
"""``{kind: {format: renderer}}``."""

KINDS: tuple[str, ...] = tuple(FORMATS)
"""The result kinds that render."""


def formats(kind: str) -> tuple[str, ...]:
    """The format names of a result kind, in the registry's order (the first is the default).

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.

    Returns
    -------
    tuple of str
        E.g. ``("terminal", "json", "markdown", "html")``.

    Raises
    ------
    ValueError
        If ``kind`` is not a result kind.
    """
    if kind not in FORMATS:
        raise ValueError(
            f"The 'kind' parameter of formats must be one of: {', '.join(KINDS)}. "
            f"Got {kind!r} instead."
        )
    return tuple(FORMATS[kind])


def render(kind: str, fmt: str, result: Any, **options: Any) -> str:
    """Render a result of a kind in one of its formats.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    fmt : str
        One of ``formats(kind)``.
    result : object
        The result (see the module docstring for the type of each kind).
    **options
        ``width`` (terminal), ``color`` (inspection terminal), ``fragment``
        (HTML); a renderer that does not take one ignores it.

    Returns
    -------
    str
        The report.

    Raises
    ------
    ValueError
        If ``fmt`` is not a format of ``kind``.
    """
    choices = formats(kind)
    if fmt not in choices:
        raise ValueError(
            f"The 'fmt' parameter of render must be one of: {', '.join(choices)}. "
            f"Got {fmt!r} instead."
        )
    return FORMATS[kind][fmt](result, **options)
