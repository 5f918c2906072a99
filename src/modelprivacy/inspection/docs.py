"""Generate ``docs/checks.md`` from the checks' docstrings.

Run ``python -m modelprivacy.inspection.docs > docs/checks.md``; a test keeps
the file in sync with the code.
"""

from __future__ import annotations

import sys

from modelprivacy.inspection._base import CHECKS
from modelprivacy.inspection.checks import ORDER

__all__ = ["render_checks_markdown"]


def render_checks_markdown() -> str:
    """Render the documentation of every registered check as Markdown.

    Returns
    -------
    str
        The content of ``docs/checks.md``.
    """
    lines = [
        "# Inspection checks",
        "",
        "Generated from the checks' docstrings by `python -m modelprivacy.inspection.docs`.",
        "Each finding links to its check's section here.",
        "",
        "| id | what it looks for | criterion |",
        "|---|---|---|",
    ]
    ids = sorted(ORDER)
    for cid in ids:
        c = CHECKS[cid]
        lines.append(f"| [{c.id}](#{c.id.lower()}) | {c.title} | {c.criterion.value} |")
    lines.append("")
    for cid in ids:
        c = CHECKS[cid]
        doc = c.doc.splitlines()
        body = "\n".join(doc[1:]).strip()
        lines += [f'<a id="{c.id.lower()}"></a>', f"## {doc[0]}", "", body, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(render_checks_markdown())
