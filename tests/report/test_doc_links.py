"""The "docs" links of reports resolve: every check's reference exists in the shipped docs.

Findings carry a reference such as ``docs/checks.md#mp-s105``. The pages ship
with the package (``modelprivacy/docs``, a link to the project's ``docs/``);
HTML and Markdown reports link to an appendix inside the report that holds the
section; the terminal names the command that prints it.
"""

from __future__ import annotations

import re
import tomllib
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier

import modelprivacy
from modelprivacy.auditing.render import render_audit
from modelprivacy.findings import Confidence, Criterion, Finding, InspectionResult, Severity
from modelprivacy.report import Format, render
from modelprivacy.report.docs import docs_files, find_section, main, resolve
from modelprivacy.report.html import render_html

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "modelprivacy"
REF = re.compile(r"""["'](docs/[A-Za-z0-9_-]+\.md(?:#[A-Za-z0-9_-]+)?)["']""")


def _source_refs() -> set[str]:
    """Every docs reference written as a string literal in the package's source."""
    refs: set[str] = set()
    for path in SRC.rglob("*.py"):
        refs.update(REF.findall(path.read_text(encoding="utf-8")))
    return refs


def test_the_docs_ship_with_the_package_and_are_the_project_docs() -> None:
    shipped = resources.files("modelprivacy") / "docs"
    project = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert list(docs_files()) == project and len(project) >= 8
    for name in project:
        assert (shipped / name).read_text(encoding="utf-8") == (ROOT / "docs" / name).read_text(
            encoding="utf-8"
        ), name
    # one copy: the package's docs directory is a link to docs/, declared as package data
    assert (SRC / "docs").is_symlink() and (SRC / "docs").resolve() == (ROOT / "docs").resolve()
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "docs/*.md" in meta["tool"]["setuptools"]["package-data"]["modelprivacy"]


def test_every_docs_reference_in_the_source_resolves() -> None:
    refs = _source_refs()
    assert len(refs) >= 5  # the constants of MP-S110, S111, L201, L202, I301 and DOCS_URL
    anchored = {r for r in refs if "#" in r}
    unresolved = sorted(r for r in anchored if resolve(r) is None)
    assert unresolved == []
    for r in refs - anchored:  # page-only references: the page exists
        assert r.removeprefix("docs/") in docs_files(), r


def test_every_registered_check_links_to_its_own_section() -> None:
    from modelprivacy.inspection import checks as _checks  # noqa: F401
    from modelprivacy.inspection._base import CHECKS

    assert len(CHECKS) >= 8
    for check in CHECKS.values():
        section = resolve(check.docs_url)
        assert section is not None, check.docs_url
        assert section.title.startswith(check.id), (check.id, section.title)
    for check_id in ("MP-S110", "MP-S111", "MP-L201", "MP-L202", "MP-I301"):
        section = find_section(check_id)
        assert section is not None and section.title.startswith(check_id), check_id


def test_a_section_ends_at_the_next_heading_of_its_level() -> None:
    s105 = resolve("docs/checks.md#mp-s105")
    assert s105 is not None
    assert s105.text.startswith("## MP-S105")
    assert "MP-S106" not in s105.text.splitlines()[-1] and "<a id=" not in s105.text
    i301 = resolve("docs/attribute.md#mp-i301")  # an anchor from a heading, with subsections
    assert i301 is not None and "### Threat model" in i301.text
    assert resolve("docs/checks.md#mp-s999") is None
    assert resolve("docs/nope.md#mp-s101") is None
    assert resolve("https://example.org/docs/checks.md#mp-s101") is None


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))


def _links(html: str) -> _Links:
    p = _Links()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def audited() -> modelprivacy.AuditResult:
    """A tree (MP-S104 and MP-S110 findings) audited with its training data."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] > 0).astype(int)
    import pandas as pd

    train = pd.DataFrame(X, columns=["a", "b", "c"]).assign(y=y)
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "c"]], y)
    return modelprivacy.audit(model, train=train, target="y")


def test_every_html_link_of_an_audit_resolves_inside_the_page(audited) -> None:
    html = render_html(audited)
    p = _links(html)
    checks = {f.check_id for f in audited.findings}
    assert {"MP-S104", "MP-S110"} <= checks
    docs_links = [h for h in p.hrefs if h.startswith("#doc-")]
    assert {h.removeprefix("#doc-") for h in docs_links} >= {c.lower() for c in checks}
    for href in p.hrefs:
        assert href.startswith("#"), href  # nothing leaves the page
        assert href[1:] in p.ids, href
    assert "docs/singling.md#mp-s110" in html  # the reference is still shown
    assert 'href="docs/' not in html
    assert "MP-S110 People singled out by the boxes of small tree leaves." in html


def test_every_html_link_of_an_inspection_resolves_inside_the_page() -> None:
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(40, 2)), rng.integers(0, 2, 40)
    result = modelprivacy.inspect(KNeighborsClassifier().fit(X, y), X=X, y=y)
    html = render(result, Format.HTML)
    p = _links(html)
    assert "#doc-mp-s101" in p.hrefs
    for href in p.hrefs:
        assert href.startswith("#") and href[1:] in p.ids, href


def test_markdown_links_point_to_anchors_in_the_report(audited) -> None:
    md = render_audit(audited, "markdown")
    targets = re.findall(r"\]\(#([a-z0-9-]+)\)", md)
    assert "doc-mp-s104" in targets and "doc-mp-s110" in targets
    for t in targets:
        assert f'<a id="{t}"></a>' in md, t
    assert md.count("## Documentation") == 1
    assert "](docs/" not in md and "](attribute.md" not in md


def _finding(docs: str) -> Finding:
    return Finding(
        check_id="MP-S101",
        title="Training rows stored verbatim",
        criterion=Criterion.SINGLING_OUT,
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        path="_fit_X",
        estimator="KNeighborsClassifier",
        description="rows",
        docs=docs,
    )


@pytest.mark.parametrize(
    "docs",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)#mp-s101",
        "data:text/html,<b>x</b>",
        "docs/checks.md#mp-s999",
        "docs/missing.md#mp-s101",
        "https://example.org/checks.md#mp-s101",
    ],
)
def test_unsafe_or_dead_references_get_no_link(docs: str) -> None:
    result = InspectionResult(model="KNeighborsClassifier", findings=(_finding(docs),))
    html = render(result, Format.HTML)
    assert _links(html).hrefs == []
    assert "No finding in this report links to documentation." in html
    md = render(result, Format.MARKDOWN)
    assert "](" not in md and "## Documentation" not in md


def test_the_terminal_names_the_command_that_prints_the_section(capsys) -> None:
    result = InspectionResult(
        model="KNeighborsClassifier", findings=(_finding("docs/checks.md#mp-s101"),)
    )
    text = " ".join(render(result, Format.TERMINAL).split())
    assert "docs/checks.md#mp-s101 (read it: modelprivacy docs MP-S101)" in text
    assert main(["MP-S101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## MP-S101 Training rows stored verbatim.")
    assert main(["MP-S999"]) == 2
    assert "no documentation for 'MP-S999'" in capsys.readouterr().err
