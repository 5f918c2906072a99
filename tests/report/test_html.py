"""The HTML report of an audit: sections, escaping, determinism, privacy, fragment mode."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from modelprivacy.auditing import audit
from modelprivacy.report.html import SECTIONS, render_html

EVIL = "<script>alert('x')</script>"
PLANTED = 123456.789
SECTION_IDS = [s for s, _ in SECTIONS]
EXTERNAL = re.compile(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?\s*(https?:|//)""", re.IGNORECASE)


class _Collect(HTMLParser):
    """Element IDs, tags and the text of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    p.close()
    return p


def _frame(n: int, seed: int, sensitive: str = "group") -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=n), rng.normal(size=n)
    g = rng.integers(0, 2, n)
    y = (a + 0.5 * g + rng.normal(scale=1.0, size=n) > 0).astype(int)
    return pd.DataFrame(
        {"a": a, "b": b, sensitive: g, "y": y, "pid": [f"P{seed}-{i}" for i in range(n)]}
    )


def _full(seed: int = 0, sensitive: str = "group", n: int = 200) -> Any:
    train, holdout = _frame(n, 0, sensitive), _frame(n, 1, sensitive)
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", sensitive]], train["y"])
    return audit(
        model,
        train,
        holdout,
        target="y",
        sensitive=[sensitive],
        id_column="pid",
        reference_models=2,
        seed=seed,
    )


@pytest.fixture(scope="module")
def full() -> Any:
    return _full()


@pytest.fixture(scope="module")
def full_html(full: Any) -> str:
    return render_html(full)


def _section(html: str, sid: str) -> str:
    m = re.search(rf'<section id="{sid}"[^>]*>(.*?)</section>', html, re.DOTALL)
    assert m is not None, sid
    return m.group(1)


def test_full_audit_has_every_section(full: Any, full_html: str) -> None:
    p = _parse(full_html)
    for sid in SECTION_IDS:
        assert sid in p.ids
    assert full_html.lstrip().startswith("<!DOCTYPE html>")
    text = " ".join(p.text)
    assert full.verdict.overall in text
    assert "Not assessed" not in text
    # ROC, score histogram, one residual-risk plot; IDs unique across the figures
    assert {"mp-roc", "mp-hist", "mp-risk-0", "roc-figure", "membership-table"} <= set(p.ids)
    assert len(p.ids) == len(set(p.ids))
    assert p.tags.count("svg") == 3
    for attack in full.membership.metrics:
        assert attack in _section(full_html, "linkability")
    assert "group" in _section(full_html, "inference")
    # the most exposed, by record ID, and one remedy per distinct check
    worst = full.exposure.worst(20)
    assert worst and str(worst[0]) in _section(full_html, "exposed")
    remedies = _section(full_html, "remedies")
    for check in {f.check_id for f in full.findings if f.remedy}:
        assert remedies.count(f">{check}<") == 1
    assert "EDPB" in _section(full_html, "coverage")
    method = _section(full_html, "method")
    assert "scikit-learn" in method and "reference models" in method


def test_verdict_banner_colour(full: Any, full_html: str) -> None:
    assert re.search(r'<section id="verdict" class="mp-banner mp-red"', full_html)
    from modelprivacy.auditing.verdict import NO_EVIDENCE, NOT_DEMONSTRATED

    for overall, tone in ((NOT_DEMONSTRATED, "amber"), (NO_EVIDENCE, "green")):
        r = dataclasses.replace(full, verdict=dataclasses.replace(full.verdict, overall=overall))
        assert f'id="verdict" class="mp-banner mp-{tone}"' in render_html(r)


def test_model_only_audit_says_not_assessed() -> None:
    X = pd.DataFrame({"a": np.arange(40.0) * 1.1, "b": np.arange(40.0) % 3})
    model = DecisionTreeClassifier(random_state=0).fit(X, np.arange(40) % 2)
    html = render_html(audit(model))
    p = _parse(html)
    assert set(SECTION_IDS) <= set(p.ids)
    for sid in ("linkability", "inference", "exposed"):
        assert "Not assessed:" in _section(html, sid), sid
    assert "Not assessed:" in _section(html, "singling")
    assert "<svg" not in html


def test_train_only_audit() -> None:
    train = _frame(120, 0)
    model = DecisionTreeClassifier(random_state=0).fit(train[["a", "b", "group"]], train["y"])
    html = render_html(audit(model, train, target="y", id_column="pid"))
    assert "Not assessed:" in _section(html, "linkability")
    assert "Not assessed:" in _section(html, "inference")
    assert "Not assessed" not in _section(html, "exposed")
    assert "P0-" in _section(html, "exposed")


class LabelOnly(ClassifierMixin, BaseEstimator):
    """A classifier that answers labels only."""

    def __init__(self, max_depth: int | None = None) -> None:
        self.max_depth = max_depth

    def fit(self, X: Any, y: Any) -> LabelOnly:
        self.model_ = DecisionTreeClassifier(max_depth=self.max_depth, random_state=0).fit(X, y)
        self.classes_ = self.model_.classes_
        return self

    def predict(self, X: Any) -> Any:
        return self.model_.predict(X)


@pytest.mark.parametrize("kind", ["regressor", "label-only"])
def test_regressor_and_label_only_models(kind: str) -> None:
    train, holdout = _frame(120, 0), _frame(120, 1)
    features = ["a", "b"]
    if kind == "regressor":
        for f in (train, holdout):
            f["y"] = f["a"] * 2 + f["b"]
        model: Any = DecisionTreeRegressor(random_state=0).fit(train[features], train["y"])
    else:
        model = LabelOnly().fit(train[features], train["y"])
    train, holdout = train[[*features, "y"]], holdout[[*features, "y"]]
    result = audit(model, train, holdout, target="y", reference_models=2)
    assert result.membership is not None
    html = render_html(result)
    assert 'id="mp-roc"' in html and 'id="mp-hist"' in html
    assert "Not assessed:" in _section(html, "inference")


def test_strings_from_model_and_data_are_escaped() -> None:
    result = _full(sensitive=EVIL, n=120)
    result = dataclasses.replace(result, source=f"models/{EVIL}.skops")
    html = render_html(result)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    # the column name is shown, escaped, where the attribute is reported
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in _section(html, "inference")
    assert "<script" not in render_html(result, fragment=True).lower()


def test_same_result_same_bytes(full: Any, full_html: str) -> None:
    assert render_html(full) == full_html
    # a new audit with the same seed gives the same bytes (no wall-clock times in the report)
    again = _full()
    assert again.timings != full.timings or again.timings == {}
    assert render_html(again) == full_html
    assert "Date" not in full_html and "<metadata" not in full_html


def test_no_external_resources(full_html: str) -> None:
    assert not EXTERNAL.search(full_html)
    assert not CSS_URL.search(full_html)
    assert "@import" not in full_html
    assert "<script" not in full_html.lower()
    assert "<link" not in full_html.lower()
    assert "<img" not in full_html.lower()


def test_no_raw_training_values() -> None:
    rng = np.random.default_rng(0)
    n = 80

    def frame(seed: int) -> pd.DataFrame:
        r = np.random.default_rng(seed)
        return pd.DataFrame(
            {
                "a": r.normal(size=n).round(3),
                "b": r.normal(size=n).round(3),
                "y": r.integers(0, 2, n),
            }
        )

    train, holdout = frame(1), frame(2)
    train.loc[int(rng.integers(0, n)), "a"] = PLANTED
    model = KNeighborsClassifier(n_neighbors=3).fit(train[["a", "b"]], train["y"])
    result = audit(model, train, holdout, target="y", reference_models=2)
    assert any(f.check_id == "MP-S101" for f in result.findings)
    html = render_html(result)
    for form in ("123456.789", "123456.79", "123456.8", "1.23456789e+05", "123,456.789"):
        assert form not in html, form


def test_fragment_for_jupyter(full: Any) -> None:
    frag = render_html(full, fragment=True)
    assert frag.lstrip().startswith("<div")
    assert frag.rstrip().endswith("</div>")
    low = frag.lower()
    assert "<html" not in low and "<!doctype" not in low and "<body" not in low
    assert "<style>" in frag and ".mp-report" in frag
    p = _parse(frag)
    assert set(SECTION_IDS) <= set(p.ids)
    assert full._repr_html_() == frag
    assert full.render("html") == render_html(full)
    # every CSS rule is scoped to the report
    css = frag.split("<style>", 1)[1].split("</style>", 1)[0]
    rules = re.findall(r"(?:^|})\s*([^{}@]+)\{", css)
    assert rules and all(
        sel.strip().startswith(".mp-report") for r in rules for sel in r.split(",")
    )
