"""The Markdown report."""

from __future__ import annotations

import re

import pytest

from modelprivacy.findings import InspectionResult
from modelprivacy.report import to_markdown

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _tables(text):
    """Groups of consecutive table lines."""
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def test_title_and_header_table(result):
    text = to_markdown(result)
    assert text.startswith("# Model privacy inspection: Pipeline\n")
    assert "| `Pipeline` | `models/knn.pkl` | 32,561 | 10 | 7 |" in text


def test_summary_by_severity(result):
    text = to_markdown(result)
    for row in (
        "| high | 2 |",
        "| medium | 2 |",
        "| low | 0 |",
        "| info | 1 |",
        "| **total** | **5** |",
    ):
        assert row in text
    assert "1,234 of 32,561 training records exposed" in text


def test_findings_table_rows(result):
    text = to_markdown(result)
    assert (
        "| 1 | high | `MP-S101` | Training rows stored verbatim | `steps[1]._fit_X` "
        "| 1,234 of 32,561 | high |"
    ) in text
    assert (
        "| 3 | medium | `MP-S102` | Per-record array | `embedding_` | not counted | low |" in text
    )
    assert "| 5 | info | `MP-S104` |" in text


def test_pipe_in_path_is_escaped_in_the_table(result):
    text = to_markdown(result)
    assert "`named_steps['scale\\|minmax'].data_max_`" in text
    row = next(line for line in text.splitlines() if line.startswith("| 4 |"))
    assert "scale|minmax" not in row


def test_every_table_row_has_the_header_number_of_columns(result):
    for table in _tables(to_markdown(result)):
        widths = {len(UNESCAPED_PIPE.findall(line)) for line in table}
        assert len(widths) == 1, table


def test_markup_and_html_from_the_model_are_escaped(result):
    text = to_markdown(result)
    assert "<b>" not in text
    assert r"\*one\* person \<b\>only\</b\>" in text


def test_details_per_finding(result):
    text = to_markdown(result)
    assert "### 1. MP-S101: Training rows stored verbatim" in text
    assert "- **Where:** `steps[1]._fit_X` in `KNeighborsClassifier`" in text
    assert "- **Criterion:** inference" in text
    assert "**Example:** `_fit_X[0] = [•••, •••, •••]`" in text
    assert "**Remedy:** Do not share a k-NN model; share predictions instead." in text
    # the link goes to the report's documentation appendix, which holds the shipped section
    assert "[MP-S101](#doc-mp-s101) (`docs/checks.md#mp-s101`)" in text
    assert '<a id="doc-mp-s101"></a>' in text


def test_skipped_errors_and_versions(result):
    text = to_markdown(result)
    assert "## Skipped\n\n- **labels and targets:** no target was given (--target)\n" in text
    assert "## Errors" in text
    assert "- `MP-S106`: ValueError: bad shape" in text
    assert "| modelprivacy | `0.1.0` |" in text


def test_without_data(no_data_result):
    text = to_markdown(no_data_result)
    assert "| unknown (no data) |" in text
    assert "training records exposed: unknown (no training data)" in text
    assert "| `KNeighborsClassifier` | (in memory) | not given | 10 | 0 |" in text


def test_empty_result(empty_result):
    text = to_markdown(empty_result)
    assert "**No findings.**" in text
    assert "## Findings" not in text
    assert "## Skipped" not in text


def test_show_values_warns(result):
    shown = InspectionResult(**{**result.__dict__, "show_values": True})
    assert "raw training values" in to_markdown(shown)
    assert "raw training values" not in to_markdown(result)


@pytest.mark.parametrize(
    ("path", "span"),
    [
        ("a`b", "``a`b``"),
        ("`x`", "`` `x` ``"),
        ("a|b", "`a\\|b`"),
    ],
)
def test_code_spans_survive_backticks_and_pipes(path, span, result):
    f = result.findings[0]
    odd = InspectionResult(
        model="M",
        findings=(type(f)(**{**f.__dict__, "path": path}),),
        n_train=result.n_train,
    )
    row = next(line for line in to_markdown(odd).splitlines() if line.startswith("| 1 |"))
    assert span in row
