"""The terminal report."""

from __future__ import annotations

import re

import pytest

from modelprivacy.report import to_terminal
from modelprivacy.report.terminal import DEFAULT_WIDTH, TABLE_WIDTH

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_header_has_model_source_and_parameters(result):
    text = to_terminal(result)
    head = text.splitlines()[:3]
    assert "Pipeline" in head[0]
    assert "models/knn.pkl" in head[1]
    assert "32,561" in head[1]
    assert "k: 10" in head[1]
    assert "Seed: 7" in head[1]


def test_findings_counts_and_sections(result):
    text = to_terminal(result)
    for check_id in ("MP-S101", "MP-S108", "MP-S103", "MP-S102", "MP-S104"):
        assert check_id in text
    assert "1,234 of 32,561" in text
    assert "1 of 32,561" in text
    assert "not counted" in text
    assert "Records exposed" in text
    assert "The model stores 1,234 training rows verbatim." in text
    assert "_fit_X[0] = [•••, •••, •••]" in text
    assert "Remedy: Do not share a k-NN model; share predictions instead." in text
    assert "Skipped (1)" in text
    assert "no target was given (--target)" in text
    assert "Errors (1 check failed)" in text
    assert "MP-S106: ValueError: bad shape" in text
    assert "Versions: modelprivacy 0.1.0, python 3.11.7, scikit-learn 1.5.2" in text


def test_findings_appear_in_the_given_order(result):
    text = to_terminal(result)
    positions = [
        text.index(f"{i}. {f.severity.value.upper()}") for i, f in enumerate(result.findings, 1)
    ]
    assert positions == sorted(positions)


def test_text_in_square_brackets_is_not_markup(result):
    # rich markup would swallow "[1]" or "[/b]"; paths must come out as given.
    text = to_terminal(result)
    assert "steps[1]._fit_X" in text
    assert "<b>only</b>" in text


def test_unknown_without_data(no_data_result):
    text = to_terminal(no_data_result)
    assert "unknown (no data)" in text
    assert "Training records: not given" in text
    assert "Source file: (in memory)" in text
    assert "no training data was given" in text


def test_empty_result(empty_result):
    text = to_terminal(empty_result)
    assert "No findings." in text
    assert "Records exposed" not in text
    assert "Skipped" not in text
    assert "Errors" not in text


@pytest.mark.parametrize("width", [40, 60, 79, 80, 100, 140])
def test_lines_fit_the_width(width, result):
    text = to_terminal(result, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    for check_id in ("MP-S101", "MP-S104"):
        assert check_id in text


def test_narrow_width_leaves_out_the_table(result):
    wide = to_terminal(result, width=TABLE_WIDTH)
    narrow = to_terminal(result, width=TABLE_WIDTH - 1)
    assert "Title / path" in wide
    assert "Title / path" not in narrow
    assert "1,234 of 32,561" in narrow


def test_default_width(result):
    assert to_terminal(result) == to_terminal(result, width=DEFAULT_WIDTH)


@pytest.mark.parametrize("width", [0, 39, -5, True])
def test_too_narrow_is_refused(width, result):
    with pytest.raises(ValueError, match="'width' parameter"):
        to_terminal(result, width=width)


def test_no_escape_codes_without_color(result):
    assert "\x1b" not in to_terminal(result)


def test_color_adds_only_escape_codes(result):
    colored = to_terminal(result, color=True)
    assert ANSI.search(colored)
    plain = to_terminal(result)
    assert [ANSI.sub("", line).rstrip() for line in colored.splitlines()] == plain.splitlines()


def test_environment_does_not_change_the_text(result, monkeypatch):
    # The caller decides width and colour (the CLI honours NO_COLOR, not the renderer).
    plain = to_terminal(result)
    colored = to_terminal(result, color=True)
    for name, value in [
        ("COLUMNS", "50"),
        ("FORCE_COLOR", "1"),
        ("TTY_COMPATIBLE", "1"),
        ("TERM", "dumb"),
    ]:
        monkeypatch.setenv(name, value)
    assert to_terminal(result) == plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert to_terminal(result) == plain
    assert to_terminal(result, color=True) == colored


def test_show_values_warns(result):
    from modelprivacy.findings import InspectionResult

    shown = InspectionResult(**{**result.__dict__, "show_values": True})
    assert "raw training values" in to_terminal(shown)
    assert "raw training values" not in to_terminal(result)
