"""Generate ``docs/checks.md`` (kept for ``python -m modelprivacy.inspection.docs``).

The list now covers every check, not only the inspection's: it is built by
:func:`modelprivacy.catalogue.render_checks_markdown` from the one check
registry. Run ``python -m modelprivacy.catalogue > docs/checks.md``; a test
keeps the file in sync with the code.
"""

from __future__ import annotations

import sys

from modelprivacy.catalogue import render_checks_markdown

__all__ = ["render_checks_markdown"]


if __name__ == "__main__":
    sys.stdout.write(render_checks_markdown())
