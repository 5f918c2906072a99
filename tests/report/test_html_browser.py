"""The HTML report in a real browser: no console errors, not blank, key sections visible.

Uses Playwright with the system Chromium (``apt install chromium``; ``make test``
installs it). Without Chromium the test is skipped, except on CI (``CI`` set),
where it fails so that a missing browser is not mistaken for a pass.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.auditing import audit
from modelprivacy.report.html import SECTIONS, render_html

sync_api = pytest.importorskip("playwright.sync_api")
FALLBACK = Path("/usr/bin/chromium")


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None and FALLBACK.exists():
        path = str(FALLBACK)
    if path is None:
        message = "the system chromium is not installed (apt install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: run `make test`, which installs it")
        pytest.skip(message)
    return path


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=n), rng.normal(size=n)
    g = rng.integers(0, 2, n)
    y = (a + 0.5 * g + rng.normal(scale=1.0, size=n) > 0).astype(int)
    return pd.DataFrame({"a": a, "b": b, "group": g, "y": y, "pid": [f"P{i}" for i in range(n)]})


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    train, holdout = _frame(150, 0), _frame(150, 1)
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "group"]], train["y"])
    result = audit(
        model,
        train,
        holdout,
        target="y",
        sensitive=["group"],
        id_column="pid",
        reference_models=2,
    )
    path = tmp_path_factory.mktemp("html") / "audit report.html"
    path.write_text(render_html(result), encoding="utf-8")
    return path, result


def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        return np.asarray(im.convert("RGBA"), dtype=np.float64) / 255.0


def test_report_renders_in_chromium(report: tuple[Path, Any]) -> None:
    executable = _chromium()
    path, result = report
    errors: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on(
                "console",
                lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(path.as_uri(), wait_until="load")
            png = page.screenshot(full_page=True)
            for sid, _ in SECTIONS:
                assert page.locator(f"#{sid}").is_visible(), sid
            verdict = page.locator("#verdict").inner_text()
            assert result.verdict.overall in verdict
            assert page.locator("#roc-figure svg").is_visible()
            assert page.locator("#linkability table").first.is_visible()
            # no horizontal scrolling at a desktop width
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 1200
        finally:
            browser.close()
    assert errors == []
    # nothing but the file itself is loaded
    assert all(u.startswith("file:") for u in requests), requests
    px = _pixels(png)
    assert px.shape[0] > 900 and px.shape[1] >= 1000
    rgb = px[..., :3]
    assert rgb.std() > 0.02
    assert (rgb < 0.95).any(axis=-1).mean() > 0.01  # not all white


def test_missing_chromium_skips_locally_and_fails_on_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(f"{__name__}.FALLBACK", tmp_path / "no-chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        _chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="make test"):
        _chromium()
