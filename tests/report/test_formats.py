"""The format registries are exhaustive: every format a command offers renders a real result."""

from __future__ import annotations

import argparse
import json

import pytest

from modelprivacy.cli import build_parser
from modelprivacy.findings import SCHEMA_VERSION
from modelprivacy.report.formats import FORMATS, KINDS, formats, render

# the command line's commands and the result kind each one renders
COMMANDS = {
    ("inspect",): "inspection",
    ("audit",): "audit",
    ("sanitize",): "sanitize",
    ("attack", "membership"): "membership",
    ("attack", "attribute"): "attribute",
    ("attack", "singling-out"): "singling_out",
    ("checks",): "checks",
}


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices[name]


def _format_choices(path: tuple[str, ...]) -> tuple[str, ...]:
    p = build_parser()
    for name in path:
        p = _subparser(p, name)
    action = next(a for a in p._actions if "--format" in a.option_strings)
    assert action.default == "terminal"
    return tuple(action.choices)


def test_every_kind_renders_and_every_command_has_a_kind():
    assert set(COMMANDS.values()) == set(KINDS)


@pytest.mark.parametrize(("path", "kind"), list(COMMANDS.items()))
def test_cli_format_choices_are_the_registry(path, kind):
    assert _format_choices(path) == formats(kind)
    assert formats(kind)[0] == "terminal"


CASES = [(kind, fmt) for kind in KINDS for fmt in FORMATS[kind]]


@pytest.mark.parametrize(("kind", "fmt"), CASES, ids=[f"{k}-{f}" for k, f in CASES])
def test_every_registered_format_renders_a_real_result(real_results, kind, fmt):
    result = real_results[kind]
    text = render(kind, fmt, result)
    assert text.strip()
    assert text == render(kind, fmt, result)  # pure: the same result, the same text
    if fmt == "json":
        doc = json.loads(text)
        assert doc["schema_version"] == SCHEMA_VERSION and doc["kind"] == kind
    if fmt == "html":
        assert text.lstrip().lower().startswith(("<!doctype html", "<div", "<html"))
    # result.render(fmt) goes through the same registry
    if kind != "inspection":
        assert result.render(fmt) == text


def test_membership_result_renders_itself_with_its_finding(real_results):
    doc = real_results["membership"]
    assert doc.result.render("markdown") == doc.render("markdown")
    assert "MP-L201" in doc.result.render("terminal")


def test_unknown_format_or_kind_names_the_choices(real_results):
    with pytest.raises(ValueError, match=r"terminal, json, markdown, sarif\. Got 'html' instead"):
        render("membership", "html", real_results["membership"])
    with pytest.raises(ValueError, match="'kind' parameter"):
        formats("pdf")


def test_listing_the_formats_loads_no_renderer():
    import subprocess
    import sys

    code = (
        "import sys; from modelprivacy.report.formats import formats; formats('audit'); "
        "import modelprivacy.report; "
        "print(sorted(m for m in ('rich', 'jinja2', 'matplotlib', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_html_report_draws_what_the_result_carries_not_its_scores(real_results):
    import dataclasses

    import numpy as np

    from modelprivacy.report.html import render_html

    result = real_results["audit"]
    m = result.membership
    assert m is not None and m.roc and m.histogram is not None
    page = render_html(result)
    assert 'id="roc-figure"' in page and 'id="hist-figure"' in page
    # the per-record scores are not what the figures are drawn from
    blank = {name: np.full_like(s, np.nan) for name, s in m.scores.items()}
    same = dataclasses.replace(result, membership=dataclasses.replace(m, scores=blank))
    assert render_html(same) == page
    # the stored curves are
    flat = {
        name: dataclasses.replace(c, tpr=tuple(0.5 for _ in c.tpr)) for name, c in m.roc.items()
    }
    other = dataclasses.replace(result, membership=dataclasses.replace(m, roc=flat))
    assert render_html(other) != page
