"""``modelprivacy inspect --format html``: one self-contained page, escaped, in a real browser."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.neighbors import KNeighborsClassifier

from modelprivacy import inspect
from modelprivacy.report import Format, render


def _knn() -> tuple[KNeighborsClassifier, pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(0)
    X = pd.DataFrame({"a": rng.normal(size=60), "b": rng.normal(size=60)})
    y = (X["a"] > 0).to_numpy().astype(int)
    return KNeighborsClassifier(n_neighbors=3).fit(X, y), X, y


def test_the_html_lists_every_finding_and_is_deterministic():
    model, X, y = _knn()
    result = inspect(model, X, y, k=5)
    html = render(result, Format.HTML)
    again = render(result, "html")
    assert html == again
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<script" not in html and "http://" not in html and "https://" not in html
    for f in result.findings:
        assert f.check_id in html
    assert "MP-S101" in html  # the k-NN stores its training rows
    assert "The model carries data that exposes training records" in html
    assert f"{len(X):,}" in html


def test_strings_from_the_model_are_escaped():
    from modelprivacy.findings import Confidence, Criterion, Finding, InspectionResult, Severity

    hostile = "<script>alert(1)</script>"
    finding = Finding(
        check_id="MP-S107",
        title="Strings from the training data",
        criterion=Criterion.SINGLING_OUT,
        severity=Severity.MEDIUM,
        confidence=Confidence.MEDIUM,
        path=f"steps[0].categories_[{hostile}]",
        estimator=hostile,
        description=f"a category {hostile}",
        example=hostile,
        docs="javascript:alert(1)",
    )
    result = InspectionResult(model=hostile, findings=(finding,), source=hostile)
    html = render(result, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def _chromium() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    )


def test_the_cli_writes_html_that_renders(tmp_path):
    model, X, y = _knn()
    (tmp_path / "knn.pkl").write_bytes(pickle.dumps(model))
    X.assign(label=y).to_csv(tmp_path / "train.csv", index=False)
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "modelprivacy", "inspect", "knn.pkl", "--train", "train.csv"),
            *("--target", "label", "--format", "html", "-o", "report.html"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr  # a high finding: the default --fail-on
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Model privacy inspection: KNeighborsClassifier" in html
    executable = _chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("the system chromium is not installed: run `make test`")
        pytest.skip("the system chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto((tmp_path / "report.html").as_uri(), wait_until="load")
            assert page.locator("#findings table").is_visible()
            assert "MP-S101" in page.locator("#findings").inner_text()
            assert page.evaluate("document.documentElement.scrollWidth") <= 1200
            page.screenshot(path=str(tmp_path / "shot.png"), full_page=True)
        finally:
            browser.close()
    assert errors == []
