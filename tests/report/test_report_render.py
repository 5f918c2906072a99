"""Dispatch, determinism and the one-line summary."""

from __future__ import annotations

import pytest

from modelprivacy.findings import InspectionResult, Skipped
from modelprivacy.report import _RENDERERS, Format, render, summary_line


def test_every_format_has_a_renderer():
    assert set(_RENDERERS) == set(Format)
    assert len(_RENDERERS) == len(Format)


@pytest.mark.parametrize("fmt", list(Format))
def test_render_accepts_the_format_or_its_name(result, fmt):
    assert render(result, fmt) == render(result, fmt.value)


def test_unknown_format_names_the_choices(result):
    with pytest.raises(
        ValueError, match=r"terminal, json, markdown, html, sarif, model-card\. Got 'pdf'"
    ):
        render(result, "pdf")


@pytest.mark.parametrize("fmt", list(Format))
def test_renderers_are_deterministic(fmt, result):
    again = InspectionResult(**result.__dict__)
    first = render(result, fmt)
    assert first == render(result, fmt)
    assert first == render(again, fmt)
    assert first.endswith("\n") and not first.endswith("\n\n")


@pytest.mark.parametrize("fmt", [Format.TERMINAL, Format.MARKDOWN])
def test_empty_result_says_no_findings(fmt, empty_result):
    assert "No findings" in render(empty_result, fmt)


def test_empty_result_in_json_has_no_findings(empty_result):
    text = render(empty_result, Format.JSON)
    assert '"findings": []' in text
    assert '"max_severity": null' in text


@pytest.mark.parametrize("fmt", [Format.JSON, Format.MARKDOWN])
def test_width_and_color_only_affect_the_terminal(fmt, result):
    assert render(result, fmt, width=60, color=True) == render(result, fmt)


def test_summary_line(result):
    assert summary_line(result) == (
        "Pipeline: 5 findings (2 high, 2 medium, 1 info); "
        "1,234 of 32,561 training records exposed; 1 check failed; 1 skipped"
    )


def test_summary_line_singular_and_without_data(no_data_result):
    assert summary_line(no_data_result) == (
        "KNeighborsClassifier: 1 finding (1 high); "
        "training records exposed: unknown (no training data); 0 checks failed; 1 skipped"
    )


def test_summary_line_without_findings(empty_result):
    assert summary_line(empty_result) == (
        "LogisticRegression: no findings; 0 of 100 training records exposed; 0 checks failed"
    )


def test_summary_line_uses_thousands_separators(result):
    big = InspectionResult(
        **{
            **result.__dict__,
            "n_train": 1_234_567,
            "skipped": tuple(Skipped(f"part {i}", "why") for i in range(1200)),
            "errors": (),
        }
    )
    line = summary_line(big)
    assert "1,234 of 1,234,567 training records exposed" in line
    assert line.endswith("; 0 checks failed; 1,200 skipped")
    assert "\n" not in line
