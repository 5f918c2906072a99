"""The model-card section, read back by skops (``skops.card.parse_modelcard``, which runs pandoc).

pandoc is a system package (``apt install pandoc``; ``make test`` installs it).
Without it the tests that parse a card are skipped, except on CI (``CI`` set),
where they fail so that a missing pandoc is not mistaken for a pass.
"""

from __future__ import annotations

import dataclasses
import os
import shutil

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.neighbors import KNeighborsClassifier
from skops.card import Card, parse_modelcard

from modelprivacy.auditing import audit
from modelprivacy.cli import main
from modelprivacy.report.formats import render
from modelprivacy.report.model_card import (
    SECTION,
    add_to_card,
    card_sections,
    inspection_model_card,
    to_model_card,
)

SUBSECTIONS = [
    "Verdict",
    "May I share this model?",
    "Tests run and coverage",
    "Findings",
    "Remedies",
]


@pytest.fixture
def pandoc():
    if shutil.which("pandoc") is None:
        message = "pandoc is not installed (apt install pandoc)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: run `make test`, which installs it")
        pytest.skip(message)


def _parse(tmp_path, text):
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    return parse_modelcard(path)


def _toc(card):
    return [line.strip().removeprefix("- ") for line in card.get_toc().splitlines()]


def test_the_audit_section_reads_back_with_its_subsections(real_results, pandoc, tmp_path):
    result = real_results["audit"]
    text = render("audit", "model-card", result)
    assert text.startswith(f"# {SECTION}\n")
    card = _parse(tmp_path, text)
    assert _toc(card) == [SECTION, *SUBSECTIONS]
    verdict = card.select(f"{SECTION}/Verdict").content
    assert result.verdict.overall in verdict
    for c, v in result.verdict.criteria.items():
        assert c.value in verdict and v.risk in verdict
    # the coverage rows of the audit: every attack family, with its status
    coverage = card.select(f"{SECTION}/Tests run and coverage").content
    for row in result.coverage:
        assert row.attack in coverage
    assert "Threat model" in coverage
    share = card.select(f"{SECTION}/May I share this model?").content
    assert "GDPR status" in share and "not legal advice" in share
    remedies = card.select(f"{SECTION}/Remedies").content
    serious = [f for f in result.findings if f.severity.value != "info" and f.remedy]
    assert serious and all(f.check_id in remedies for f in serious)


def test_a_knn_card_says_not_anonymous_and_why(pandoc, tmp_path):
    rng = np.random.RandomState(0)
    X = pd.DataFrame(rng.rand(60, 3), columns=["a", "b", "c"])
    y = (X["a"] > 0.5).astype(int)
    result = audit(KNeighborsClassifier(3).fit(X, y), show_values=True)
    text = to_model_card(result)
    card = _parse(tmp_path, text)
    assert "contains personal data (not anonymous)" in card.select(f"{SECTION}/Verdict").content
    findings = card.select(f"{SECTION}/Findings").content
    assert "MP-S101" in findings and "_fit_X" in findings
    assert "Not as it is" in card.select(f"{SECTION}/May I share this model?").content
    # the examples (raw values were asked for) stay out of the card
    for f in result.findings:
        if f.example:
            assert f.example not in text
    assert f"{X.iloc[0, 0]:.6f}"[:8] not in text


def test_the_section_goes_into_a_skops_card_of_the_model(real_results, pandoc, tmp_path):
    model = real_results["audit"]
    estimator = KNeighborsClassifier(1).fit([[0.0], [1.0]], [0, 1])
    card = Card(estimator, model_diagram=False)
    assert add_to_card(card, model) is card
    path = tmp_path / "README.md"
    card.save(path)
    back = parse_modelcard(path)
    toc = _toc(back)
    assert "Model description" in toc  # the skops template is still there
    i = toc.index(SECTION)
    assert toc[i + 1 : i + 1 + len(SUBSECTIONS)] == SUBSECTIONS
    assert model.verdict.overall in back.select(f"{SECTION}/Verdict").content


def test_the_inspection_section_reads_back(real_results, pandoc, tmp_path):
    result = real_results["inspection"]
    card = _parse(tmp_path, inspection_model_card(result))
    assert _toc(card) == [SECTION, "Tests run and coverage", "Findings", "Remedies"]
    assert "no attack was run" in card.select(SECTION).content


def test_the_section_is_deterministic_and_has_no_date_or_timing(real_results):
    result = real_results["audit"]
    text = to_model_card(result)
    slower = dataclasses.replace(result, timings={k: v * 10 + 1 for k, v in result.timings.items()})
    assert to_model_card(slower) == text
    assert "modelprivacy 0.1.0" in text or f"modelprivacy {result.versions['modelprivacy']}" in text
    assert f"seed={result.settings['seed']}" in text
    # one key per subsection, in the form skops.card.Card.add takes
    assert list(card_sections(result)) == [SECTION] + [f"{SECTION}/{s}" for s in SUBSECTIONS]


def test_inspect_writes_the_section(pandoc, tmp_path, capsys, monkeypatch):
    rng = np.random.RandomState(1)
    X = rng.rand(50, 2)
    sio.dump(KNeighborsClassifier(3).fit(X, (X[:, 0] > 0.5).astype(int)), tmp_path / "knn.skops")
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", "knn.skops", "--format", "model-card"]) == 1
    card = _parse(tmp_path, capsys.readouterr().out)
    assert "MP-S101" in card.select(f"{SECTION}/Findings").content


def test_the_command_writes_the_section(tmp_path, capsys, monkeypatch):
    rng = np.random.RandomState(1)
    X = rng.rand(50, 2)
    sio.dump(KNeighborsClassifier(3).fit(X, (X[:, 0] > 0.5).astype(int)), tmp_path / "knn.skops")
    monkeypatch.chdir(tmp_path)
    code = main(["audit", "knn.skops", "--format", "model-card", "--fail-on", "high"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith(f"# {SECTION}\n") and "`knn.skops`" in out
