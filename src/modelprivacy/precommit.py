"""The pre-commit hook: ``modelprivacy inspect`` on every model file given, one after the other.

pre-commit passes the staged files that match the hook's pattern as
arguments; ``modelprivacy inspect`` takes one model. This runs the inspection
on each file with the same options and exits with the worst code: 2 when a
file could not be read (not a model, unsafe, missing), else 1 when a file has
a finding at or above ``--fail-on`` (default ``high``), else 0::

    python -m modelprivacy.precommit --fail-on high models/a.skops models/b.pkl

Every option (``--fail-on``, ``--k``, ``--format``...) is
passed to each ``modelprivacy inspect``; ``--`` ends the options. Each file's
report goes to stdout after a line naming it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]

_USAGE = "usage: python -m modelprivacy.precommit [inspect options] FILE [FILE ...]"


def _valued() -> set[str]:
    """The options of ``modelprivacy inspect`` that take a value, from its own parser."""
    import argparse

    from modelprivacy.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    inspect = sub.choices["inspect"]
    return {o for a in inspect._actions if a.nargs != 0 for o in a.option_strings}


def _split(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """The inspect options and the files, from the hook's arguments."""
    valued = _valued()
    options: list[str] = []
    files: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            files += args[i + 1 :]
            break
        if a.startswith("-") and a != "-":
            options.append(a)
            if a in valued and i + 1 < len(args):
                options.append(args[i + 1])
                i += 1
        else:
            files.append(a)
        i += 1
    return options, files


def main(argv: Sequence[str] | None = None) -> int:
    """Inspect each model file; the worst exit code of ``modelprivacy inspect``.

    Parameters
    ----------
    argv : sequence of str, optional
        Options of ``modelprivacy inspect`` (``--fail-on`` defaults to
        ``high``), then the files; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        0 when no file has a finding at or above ``--fail-on``, 1 when one
        has, 2 when a file could not be inspected or no file was given.
    """
    from modelprivacy.cli import main as cli_main

    options, files = _split(sys.argv[1:] if argv is None else argv)
    if not files:
        print(f"{_USAGE}\nmodelprivacy: error: no model file given", file=sys.stderr)
        return 2
    if len(files) > 1 and any(o in ("--output", "-o") for o in options):
        print(
            "modelprivacy: error: --output with several files would write each report over the "
            "last; leave it out (the reports go to stdout)",
            file=sys.stderr,
        )
        return 2
    if "--fail-on" not in options:
        options = [*options, "--fail-on", "high"]
    worst = 0
    for path in files:
        print(f"== {path}", flush=True)
        code = cli_main(["inspect", path, *options])
        sys.stdout.flush()
        worst = max(worst, code)
    return worst


if __name__ == "__main__":
    raise SystemExit(main())
