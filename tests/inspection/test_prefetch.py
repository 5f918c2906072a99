"""Records routed through the trees on a background thread while earlier checks run."""

from __future__ import annotations

import threading

import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier

import modelprivacy
from modelprivacy.inspection import _base
from modelprivacy.inspection.checks import tree_leaves


@pytest.fixture(scope="module")
def forest():
    X, y = load_breast_cancer(return_X_y=True)
    return RandomForestClassifier(n_estimators=30, random_state=0).fit(X, y), X, y


def _summary(result):
    return [
        (f.check_id, f.path, f.severity, f.records.count, f.records.ids) for f in result.findings
    ]


def test_the_same_findings_with_and_without_the_background_routing(forest, monkeypatch):
    model, X, y = forest
    threads: list[str] = []
    route = tree_leaves._route

    def spy(*args, **kw):
        threads.append(threading.current_thread().name)
        return route(*args, **kw)

    monkeypatch.setattr(tree_leaves, "_route", spy)
    started = modelprivacy.inspect(model, X, y)
    assert threads and threads[0].startswith("modelprivacy-route")
    monkeypatch.setattr(_base, "PREFETCH", {})
    monkeypatch.setattr("modelprivacy.inspection.runner.PREFETCH", {})
    threads.clear()
    inline = modelprivacy.inspect(model, X, y)
    assert threads == [threading.main_thread().name]
    assert _summary(started) == _summary(inline)
    alone = [f for f in started.findings if f.check_id == "MP-S105" and f.severity.value == "high"]
    assert alone and alone[0].records.count > 0


def test_a_failure_on_the_background_thread_is_the_check_s_error(forest, monkeypatch):
    model, X, y = forest

    def broken(*args, **kw):
        raise RuntimeError("routing broke")

    monkeypatch.setattr(tree_leaves, "_route", broken)
    result = modelprivacy.inspect(model, X, y)
    assert [e.check_id for e in result.errors] == ["MP-S105"]
    assert "routing broke" in result.errors[0].message
    assert any(f.check_id == "MP-S104" for f in result.findings)  # the other checks ran
    with pytest.raises(RuntimeError, match="routing broke"):
        modelprivacy.inspect(model, X, y, debug=True)


def test_no_background_work_without_data(forest, monkeypatch):
    model, _, _ = forest
    calls = []
    monkeypatch.setattr(tree_leaves, "_route", lambda *a, **k: calls.append(a))
    modelprivacy.inspect(model)
    assert calls == []


def _forest_threads(monkeypatch) -> list[str]:
    from modelprivacy.models import trees

    threads: list[str] = []
    build = trees.forest_of

    def spy(*args, **kw):
        threads.append(threading.current_thread().name)
        return build(*args, **kw)

    monkeypatch.setattr(trees, "forest_of", spy)
    return threads


@pytest.mark.parametrize("in_pipeline", [False, True], ids=["forest", "pipeline"])
def test_the_forest_matched_while_the_model_is_walked_gives_the_same_findings(
    forest, monkeypatch, in_pipeline
):
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from modelprivacy.inspection import runner

    model, X, y = forest
    if in_pipeline:
        model = make_pipeline(
            StandardScaler(), RandomForestClassifier(n_estimators=20, random_state=1)
        )
        model.fit(X, y)
    threads = _forest_threads(monkeypatch)
    early = modelprivacy.inspect(model, X, y)
    assert threads and threads[0].startswith("modelprivacy-forest")
    monkeypatch.setattr(runner, "_EARLY_FOREST", False)
    threads.clear()
    late = modelprivacy.inspect(model, X, y)
    assert threads and not any(t.startswith("modelprivacy-forest") for t in threads)
    assert _summary(early) == _summary(late)
    s105 = [f for f in early.findings if f.check_id == "MP-S105" and f.records.count]
    assert s105 and s105[0].confidence.value == "high"  # matched: in-bag samples regenerated


def test_a_forest_that_fails_to_build_in_the_background_is_the_check_s_error(forest, monkeypatch):
    from modelprivacy.models import trees

    model, X, y = forest

    def broken(*args, **kw):
        raise RuntimeError("forest broke")

    monkeypatch.setattr(trees, "forest_of", broken)
    result = modelprivacy.inspect(model, X, y)
    assert "MP-S105" in {e.check_id for e in result.errors}
    assert any("forest broke" in e.message for e in result.errors)
