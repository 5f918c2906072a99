"""The documentation shipped with the package, and the sections that findings link to.

A finding's ``docs`` is a reference into the project's ``docs/`` pages, such
as ``docs/checks.md#mp-s105``: a file and an anchor (an ``<a id="...">`` or a
heading). The same pages are shipped inside the package (``modelprivacy/docs``,
package data built from ``docs/`` itself, not a copy kept by hand), so a
reference resolves wherever modelprivacy is installed, offline and for the
version that wrote the report. The HTML and Markdown reports carry the
sections they link to in an appendix, so that their links stay inside the
report; the terminal names the command that prints a section::

    python -m modelprivacy.report.docs MP-S105
    python -m modelprivacy.report.docs docs/checks.md#mp-s105
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from modelprivacy._text import printable

__all__ = [
    "DOCS_COMMAND",
    "DocSection",
    "anchor_id",
    "doc_sections",
    "docs_files",
    "find_section",
    "main",
    "resolve",
]

#: The command that prints a section, as the terminal reports show it.
DOCS_COMMAND = "modelprivacy docs"

_REF = re.compile(r"^(?:docs/)?([a-z0-9][a-z0-9_-]*\.md)#([a-z0-9][a-z0-9_-]*)$")
_ANCHOR = re.compile(r'^<a id="([^"]+)"></a>\s*$')
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")


@dataclass(frozen=True)
class DocSection:
    """One section of the shipped documentation.

    Attributes
    ----------
    ref : str
        The reference it was found by, e.g. ``"docs/checks.md#mp-s105"``.
    file : str
        The page, e.g. ``"checks.md"``.
    anchor : str
        The anchor, e.g. ``"mp-s105"``.
    title : str
        The section's heading, without the ``#`` marks.
    text : str
        The section in Markdown, from its heading to the next heading of the
        same or a higher level.
    """

    ref: str
    file: str
    anchor: str
    title: str
    text: str


def _root() -> Traversable:
    return resources.files("modelprivacy") / "docs"


def docs_files() -> tuple[str, ...]:
    """The names of the shipped pages (``checks.md``, ``audit.md``, ...)."""
    root = _root()
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name for p in root.iterdir() if p.name.endswith(".md")))


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@cache
def _page(name: str) -> tuple[str, ...]:
    path = _root() / name
    return tuple(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else ()


@cache
def _headings(name: str) -> tuple[re.Match[str] | None, ...]:
    """Per line of a page, its heading match, or ``None`` (lines in code blocks too)."""
    out: list[re.Match[str] | None] = []
    fenced = False
    for line in _page(name):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        out.append(None if fenced else _HEADING.match(line))
    return tuple(out)


def _section(name: str, anchor: str, ref: str) -> DocSection | None:
    lines = _page(name)
    heads = _headings(name)
    start = None
    for i, line in enumerate(lines):
        a = _ANCHOR.match(line)
        h = heads[i]
        if (a and a.group(1) == anchor) or (h and _slug(h.group(2)) == anchor):
            start = i
            break
    if start is None:
        return None
    head = start
    while head < len(lines) and heads[head] is None:
        head += 1
    if head == len(lines):
        return None
    m = heads[head]
    assert m is not None
    level = len(m.group(1))
    end = head + 1
    while end < len(lines):
        h = heads[end]
        if h and len(h.group(1)) <= level:
            break
        end += 1
    while end > head + 1 and (_ANCHOR.match(lines[end - 1]) or not lines[end - 1].strip()):
        end -= 1
    return DocSection(
        ref=ref,
        file=name,
        anchor=anchor,
        title=m.group(2),
        text="\n".join(lines[head:end]).strip() + "\n",
    )


def resolve(ref: str) -> DocSection | None:
    """The shipped section a finding's ``docs`` reference points to.

    Parameters
    ----------
    ref : str
        ``"docs/<page>.md#<anchor>"`` (``docs/`` may be left out).

    Returns
    -------
    DocSection or None
        ``None`` when the reference is not of that form, or its page or
        anchor does not exist in the shipped documentation.
    """
    m = _REF.match(ref.strip())
    if m is None:
        return None
    return _section(m.group(1), m.group(2), ref)


def find_section(key: str) -> DocSection | None:
    """A section by a check id (``MP-S105``, any case) or by a reference.

    Parameters
    ----------
    key : str
        A check id or a ``docs`` reference.

    Returns
    -------
    DocSection or None
        The first page that holds the anchor, or ``None``.
    """
    if "#" in key:
        return resolve(key)
    anchor = key.strip().lower()
    for name in docs_files():
        found = _section(name, anchor, f"docs/{name}#{anchor}")
        if found is not None:
            return found
    return None


def anchor_id(section: DocSection) -> str:
    """The element id of a section in a report's appendix, e.g. ``"doc-mp-s105"``."""
    return f"doc-{section.anchor}"


def doc_sections(refs: Iterable[str]) -> list[DocSection]:
    """The distinct sections that these references resolve to, in the order given.

    Parameters
    ----------
    refs : iterable of str
        ``docs`` references of findings; those that do not resolve are left out.

    Returns
    -------
    list of DocSection
        One per distinct anchor.
    """
    out: dict[str, DocSection] = {}
    for ref in refs:
        s = resolve(ref) if ref else None
        if s is not None and anchor_id(s) not in out:
            out[anchor_id(s)] = s
    return list(out.values())


def main(argv: Sequence[str] | None = None) -> int:
    """Print the shipped documentation of a check: ``python -m modelprivacy.report.docs ID``.

    Parameters
    ----------
    argv : sequence of str, optional
        One check id or ``docs`` reference; none lists the pages.

    Returns
    -------
    int
        0, or 2 when nothing matches.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        sys.stdout.write("".join(f"docs/{n}\n" for n in docs_files()))
        return 0
    status = 0
    for key in args:
        found = find_section(key)
        if found is None:
            sys.stderr.write(
                f"modelprivacy: error: no documentation for {printable(key, 100)!r}; give a check "
                "id such as MP-S105 ('modelprivacy checks' lists them) or a page: "
                f"{', '.join(docs_files())}\n"
            )
            status = 2
            continue
        sys.stdout.write(found.text)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
