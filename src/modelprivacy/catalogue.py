"""Every check modelprivacy runs, in one list: id, criterion, title, inputs, where it runs.

The inspection checks (MP-S101 to MP-S108) come from their registry
(:data:`modelprivacy.inspection._base.CHECKS`); the checks that need data or
attacks (leaf boxes, subject concentration, membership and attribute
inference) are declared here beside them, each with the constants of the
module that implements it. ``modelprivacy checks`` prints the list, so that a
newcomer finds any check by its id in one hop: the ``module`` column names the
file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

__all__ = ["CheckInfo", "all_checks", "render_checks"]

#: The inputs a check can need, in the words of the command line.
MODEL = "model"
TRAIN = "--train"
HOLDOUT = "--holdout"
TARGET = "--target"
SENSITIVE = "--sensitive"
SUBJECT = "--subject-column"
REFIT = "a model that can be refitted"


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


def _inspection_checks() -> list[CheckInfo]:
    from modelprivacy.inspection import checks as _checks  # noqa: F401  (registers them)
    from modelprivacy.inspection._base import CHECKS

    return [
        CheckInfo(
            id=c.id,
            criterion=c.criterion.value,
            title=c.title,
            requires=(MODEL,),
            optional=(TRAIN,),
            commands=("inspect", "audit"),
            module=c.func.__module__,
            docs=c.docs_url,
        )
        for c in CHECKS.values()
    ]


def _data_checks() -> list[CheckInfo]:
    from modelprivacy.attacks import attribute, findings, stored_rows
    from modelprivacy.singling import boxes

    return [
        CheckInfo(
            id=boxes.CHECK_ID,
            criterion="singling out",
            title="People singled out by the boxes of small tree leaves",
            requires=(MODEL, TRAIN),
            optional=(HOLDOUT, TARGET),
            commands=("audit", "attack singling-out"),
            module=boxes.__name__,
            docs=boxes.DOCS,
        ),
        CheckInfo(
            id="MP-S111",
            criterion="singling out",
            title="Model represents individuals (training data from one or few people)",
            requires=(MODEL, TRAIN, SUBJECT),
            optional=(),
            commands=("audit", "attack singling-out"),
            module="modelprivacy.exposure",
            docs="docs/singling.md#mp-s111",
        ),
        CheckInfo(
            id=findings.CHECK_ID,
            criterion="linkability",
            title="Membership inference (LiRA, RMIA, loss, population; K reference models)",
            requires=(MODEL, TRAIN, HOLDOUT, TARGET, REFIT),
            optional=("--population",),
            commands=("audit", "attack membership"),
            module="modelprivacy.attacks.api",
            docs="docs/attacks.md#mp-l201",
        ),
        CheckInfo(
            id=stored_rows.CHECK_ID,
            criterion="linkability",
            title=stored_rows.TITLE,
            requires=(MODEL, TRAIN, HOLDOUT),
            optional=(),
            commands=("audit",),
            module=stored_rows.__name__,
            docs=stored_rows.DOCS,
        ),
        CheckInfo(
            id=attribute.CHECK_ID,
            criterion="inference",
            title="Attribute inference against a control set and a baseline without the model",
            requires=(MODEL, TRAIN, HOLDOUT, TARGET, SENSITIVE),
            optional=("--population",),
            commands=("audit", "attack attribute"),
            module=attribute.__name__,
            docs="docs/attribute.md#mp-i301",
        ),
    ]


def all_checks() -> list[CheckInfo]:
    """Every check: singling out (MP-S), linkability (MP-L), inference (MP-I), by id.

    Returns
    -------
    list of CheckInfo
        The inspection checks and the checks that need data or attacks.
    """
    order = {"S": 0, "L": 1, "I": 2}  # singling out, linkability, inference
    return sorted(
        _inspection_checks() + _data_checks(), key=lambda c: (order.get(c.id[3:4], 9), c.id)
    )


def render_checks(fmt: str = "terminal") -> str:
    """The list of checks as text: ``"terminal"``, ``"markdown"`` or ``"json"``.

    Parameters
    ----------
    fmt : str, default="terminal"
        The format.

    Returns
    -------
    str
        The list, ending with a newline.
    """
    checks = all_checks()
    if fmt == "json":
        return json.dumps([c.to_dict() for c in checks], indent=2) + "\n"
    if fmt == "markdown":
        lines = [
            "| id | criterion | what it looks for | needs | runs in | docs |",
            "|---|---|---|---|---|---|",
        ]
        for c in checks:
            lines.append(
                f"| {c.id} | {c.criterion} | {c.title} | {', '.join(c.requires)} | "
                f"{', '.join(c.commands)} | [{c.docs}]({c.docs}) |"
            )
        return "\n".join(lines) + "\n"
    if fmt != "terminal":
        raise ValueError(f"unknown format {fmt!r}; choose terminal, markdown or json")
    lines = []
    for c in checks:
        needs = ", ".join(c.requires)
        more = f" (also uses {', '.join(c.optional)})" if c.optional else ""
        lines.append(f"{c.id}  {c.criterion:<12}  {c.title}")
        lines.append(f"         needs {needs}{more}; runs in {', '.join(c.commands)}")
        lines.append(f"         {c.module}; {c.docs}")
    return "\n".join(lines) + "\n"
