"""Every check modelprivacy runs, in one list: id, criterion, title, inputs, where it runs.

The list comes from the two registries of the one check contract
(:mod:`modelprivacy.auditing.checks`): the inspection checks (MP-S101 to
MP-S108, :data:`modelprivacy.inspection._base.CHECKS`) and the checks that need
data or attacks (leaf boxes, subject concentration, membership and attribute
inference, :data:`modelprivacy.auditing.checks.AUDIT_CHECKS`).
``modelprivacy checks`` prints it, so that a newcomer finds any check by its id
in one hop: the ``module`` column names the file. ``docs/checks.md`` is
generated from it (:func:`render_checks_markdown`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

__all__ = ["CheckInfo", "CheckList", "all_checks", "render_checks", "render_checks_markdown"]


@dataclass(frozen=True)
class CheckInfo:
    """What one check is and what it needs.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"MP-S105"``.
    criterion : str
        Singling out, linkability or inference.
    title : str
        What it looks for.
    requires : tuple of str
        The inputs without which it is skipped (the model always).
    optional : tuple of str
        Inputs that make it count people or confirm its findings.
    commands : tuple of str
        The commands that run it.
    module : str
        The module that implements it.
    docs : str
        Its documentation (file and anchor, relative to the project).
    """

    id: str
    criterion: str
    title: str
    requires: tuple[str, ...]
    optional: tuple[str, ...]
    commands: tuple[str, ...]
    module: str
    docs: str

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-serialisable dict."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def _registered() -> list[CheckInfo]:
    """Every check of the two registries, each read through the same contract."""
    from modelprivacy.auditing.checks import AUDIT_CHECKS, Declared
    from modelprivacy.inspection import checks as _checks  # noqa: F401  (registers them)
    from modelprivacy.inspection._base import CHECKS

    registered: list[Declared] = [*CHECKS.values(), *AUDIT_CHECKS.values()]
    return [
        CheckInfo(
            id=c.id,
            criterion=c.criterion.value,
            title=c.title,
            requires=tuple(i.value for i in c.requires),
            optional=tuple(i.value for i in c.optional),
            commands=c.commands,
            module=c.module,
            docs=c.docs,
        )
        for c in registered
    ]


def all_checks() -> list[CheckInfo]:
    """Every check: singling out (MP-S), linkability (MP-L), inference (MP-I), by id.

    Returns
    -------
    list of CheckInfo
        The inspection checks and the checks that need data or attacks.
    """
    order = {"S": 0, "L": 1, "I": 2}  # singling out, linkability, inference
    return sorted(_registered(), key=lambda c: (order.get(c.id[3:4], 9), c.id))


@dataclass(frozen=True)
class CheckList:
    """Every check, as the ``checks`` command renders it (the ``"checks"`` result kind).

    Attributes
    ----------
    checks : tuple of CheckInfo
        The checks, by family and number.
    """

    checks: tuple[CheckInfo, ...]

    @classmethod
    def current(cls) -> CheckList:
        """The checks of this installation."""
        return cls(tuple(all_checks()))

    def to_dict(self) -> dict[str, object]:
        """Return the JSON document (see ``report/schema/checks.schema.json``)."""
        from modelprivacy.findings import SCHEMA_VERSION

        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "checks",
            "checks": [c.to_dict() for c in self.checks],
        }

    def render(self, fmt: str = "terminal") -> str:
        """Render the list in one of the formats of the ``"checks"`` kind."""
        from modelprivacy.report.formats import render

        return render("checks", fmt, self)


def checks_json(result: CheckList) -> str:
    """The list as a JSON document, ending with a newline."""
    return json.dumps(result.to_dict(), indent=2) + "\n"


def checks_markdown(result: CheckList) -> str:
    """The list as a Markdown table, ending with a newline."""
    lines = [
        "| id | criterion | what it looks for | needs | runs in | docs |",
        "|---|---|---|---|---|---|",
    ]
    for c in result.checks:
        lines.append(
            f"| {c.id} | {c.criterion} | {c.title} | {', '.join(c.requires)} | "
            f"{', '.join(c.commands)} | [{c.docs}]({c.docs}) |"
        )
    return "\n".join(lines) + "\n"


def checks_terminal(result: CheckList) -> str:
    """The list as plain text, three lines per check, ending with a newline."""
    lines = []
    for c in result.checks:
        needs = ", ".join(c.requires)
        more = f" (also uses {', '.join(c.optional)})" if c.optional else ""
        lines.append(f"{c.id}  {c.criterion:<12}  {c.title}")
        lines.append(f"         needs {needs}{more}; runs in {', '.join(c.commands)}")
        lines.append(f"         {c.module}; {c.docs}")
    return "\n".join(lines) + "\n"


def render_checks(fmt: str = "terminal") -> str:
    """The list of checks as text, in a format of the ``"checks"`` kind.

    Parameters
    ----------
    fmt : str, default="terminal"
        ``"terminal"``, ``"markdown"`` or ``"json"``.

    Returns
    -------
    str
        The list, ending with a newline.

    Raises
    ------
    ValueError
        For an unknown format (the message names the choices).
    """
    return CheckList.current().render(fmt)


def render_checks_markdown() -> str:
    """``docs/checks.md``: every check, with its inputs and its documentation.

    The inspection checks are documented by their docstrings; each check of
    the audit by the docstring of the function that runs it, with a link to
    its full description.

    Returns
    -------
    str
        The content of ``docs/checks.md``.
    """
    from modelprivacy.auditing.checks import AUDIT_CHECKS
    from modelprivacy.inspection._base import CHECKS

    checks = all_checks()
    lines = [
        "# Checks",
        "",
        "Generated from the check registry by `python -m modelprivacy.catalogue > docs/checks.md`;",
        "`modelprivacy checks` prints the same list. Each finding links to its check's section here.",
        "",
        "| id | what it looks for | criterion | needs |",
        "|---|---|---|---|",
    ]
    for c in checks:
        lines.append(
            f"| [{c.id}](#{c.id.lower()}) | {c.title} | {c.criterion} | {', '.join(c.requires)} |"
        )
    lines.append("")
    for c in checks:
        if c.id in CHECKS:
            doc = CHECKS[c.id].doc.splitlines()
        else:
            fn = AUDIT_CHECKS[c.id].run
            doc = _doc(fn).splitlines()
        body = "\n".join(doc[1:]).strip()
        more = f" (also uses {', '.join(c.optional)})" if c.optional else ""
        lines += [
            f'<a id="{c.id.lower()}"></a>',
            f"## {doc[0].rstrip('.')}.",
            "",
            body,
            "",
            f"Needs {', '.join(c.requires)}{more}; runs in {', '.join(c.commands)}; "
            f"implemented in `{c.module}`.",
        ]
        if c.id not in CHECKS:
            lines.append(f"Full description: [{c.docs}]({c.docs.replace('docs/', '', 1)}).")
        lines.append("")
    return "\n".join(lines)


def _doc(fn: object) -> str:
    """The cleaned docstring of ``fn``."""
    import inspect

    return inspect.cleandoc(getattr(fn, "__doc__", None) or "")


if __name__ == "__main__":
    import sys

    sys.stdout.write(render_checks_markdown())
