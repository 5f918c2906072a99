"""Safe refits: reference models and sanitisation never fit from the file's hyperparameters as they are.

Real estimators, small data; the hostile values are set with ``set_params``
after fitting, as a file that lies about its hyperparameters would carry them.
"""

from __future__ import annotations

import json
import pickle
import threading
import time

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_classification
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

from modelprivacy.attacks import membership_inference
from modelprivacy.attacks.refit import (
    FIRST_FIT_BUDGET_S,
    MAX_ITER_LIMIT,
    MIN_FIT_BUDGET_S,
    N_ESTIMATORS_LIMIT,
    RefitBudgetError,
    call_with_budget,
    plan_refit,
    reference_budget,
    safe_clone,
)
from modelprivacy.report.membership import REFIT_HEADING, membership_markdown, membership_terminal

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


@pytest.fixture(scope="module")
def data():
    X, y = make_classification(n_samples=400, n_features=6, random_state=0)
    return X[:200], y[:200], X[200:], y[200:]


def _mi(model, data, **kw):
    Xm, ym, Xn, yn = data
    kw.setdefault("reference_models", 4)
    return membership_inference(model, Xm, Xn, y_train=ym, y_holdout=yn, **kw)


def _refit_threads():
    return [t for t in threading.enumerate() if t.name == "modelprivacy-refit" and t.is_alive()]


# -- memory -------------------------------------------------------------------


def test_pipeline_memory_is_reset_and_the_audit_writes_nothing(data, tmp_path):
    Xm, ym, _, _ = data
    cache = tmp_path / "cache"
    pipe = Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression())]).fit(Xm, ym)
    pipe.set_params(memory=str(cache))  # what a hostile file carries

    result = _mi(pipe, data)

    assert not cache.exists()
    assert pipe.memory == str(cache)  # the audited model itself is not modified
    assert result.refit_notes[0].startswith("Pipeline.memory reset to None")
    assert result.to_dict()["refit_notes"] == list(result.refit_notes)
    from modelprivacy.attacks.findings import membership_finding

    finding = membership_finding(result)
    for text in (membership_terminal(result, finding), membership_markdown(result, finding)):
        assert REFIT_HEADING in text and "Pipeline.memory reset to None" in text
    assert "Pipeline.memory" not in membership_markdown(result, finding, show_refit_notes=False)


def test_audit_report_lists_the_refit_notes_in_its_method_section(tmp_path):
    X, y = make_classification(n_samples=300, n_features=4, random_state=1)
    frame = pd.DataFrame(X, columns=[f"x{i}" for i in range(4)]).assign(y=y)
    train, holdout = frame.iloc[:150], frame.iloc[150:]
    cache = tmp_path / "cache"
    pipe = Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression())])
    pipe.fit(train.drop(columns="y"), train["y"]).set_params(memory=str(cache))
    from modelprivacy.auditing import audit

    result = audit(pipe, train, holdout, target="y", reference_models=2, max_records=100)

    assert not cache.exists()
    doc = json.loads(result.render("json"))
    assert doc["membership"]["refit_notes"][0].startswith("Pipeline.memory reset to None")
    markdown = result.render("markdown")
    method = markdown[markdown.index("## Method") :]
    assert REFIT_HEADING in method and "Pipeline.memory reset to None" in method
    assert markdown.count("Pipeline.memory reset to None") == 1
    html = result.render("html")
    section = html[html.index('<section id="method">') :]
    assert "Reference-model refits" in section and "Pipeline.memory reset to None" in section
    assert "Pipeline.memory reset to None" in result.render("terminal")


def test_nothing_changed_means_no_notes_and_no_refit_section(data):
    Xm, ym, _, _ = data
    result = _mi(LogisticRegression().fit(Xm, ym), data, reference_models=2)
    assert result.refit_notes == ()
    from modelprivacy.attacks.findings import membership_finding

    assert REFIT_HEADING not in membership_terminal(result, membership_finding(result))


# -- max_iter -------------------------------------------------------------------


def test_mlp_with_a_runaway_max_iter_is_refit_with_the_cap_within_seconds(data):
    Xm, ym, _, _ = data
    mlp = MLPClassifier(hidden_layer_sizes=(8,), max_iter=5, random_state=0).fit(Xm, ym)
    mlp.set_params(max_iter=10**9)

    template, notes = safe_clone(mlp)
    assert template.max_iter == 200  # twice n_iter_ = 10, raised to MLPClassifier's default
    assert notes == (
        "MLPClassifier.max_iter capped at 200 (it was 1,000,000,000): twice the 5 iterations the "
        "fitted model ran (n_iter_), raised to MLPClassifier's default",
    )
    t0 = time.perf_counter()
    result = _mi(mlp, data)
    assert time.perf_counter() - t0 < 5
    assert result.refit_notes == (notes[0] + "; 4 of 4 reference fits reached the cap",)


def test_max_iter_cap_follows_n_iter_and_spares_what_the_model_needs(data):
    Xm, ym, _, _ = data
    mlp = MLPClassifier(hidden_layer_sizes=(4,), max_iter=300, random_state=0).fit(Xm, ym)
    assert mlp.n_iter_ == 300
    assert safe_clone(mlp)[1] == ()  # max_iter equal to what it ran: kept
    mlp.set_params(max_iter=5000)
    template, notes = safe_clone(mlp)
    assert template.max_iter == 600 and "twice the 300 iterations" in notes[0]
    # a converged model with a generous max_iter is refit with room to spare, never below the default
    lr = LogisticRegression(max_iter=10_000).fit(Xm, ym)
    template, _ = safe_clone(lr)
    assert template.max_iter == max(2 * int(np.max(lr.n_iter_)), 100)
    # without evidence the cap is 1000; absurd values are capped even for sanitisation
    bare = MLPClassifier(max_iter=10**9)
    assert safe_clone(bare)[0].max_iter == 1000
    assert safe_clone(bare, cap_at_fitted=False)[0].max_iter == MAX_ITER_LIMIT
    assert safe_clone(MLPClassifier(max_iter=5000), cap_at_fitted=False)[1] == ()


# -- random states --------------------------------------------------------------


def test_random_state_objects_become_integer_seeds_and_the_same_seed_gives_the_same_scores(data):
    Xm, ym, _, _ = data
    forest = RandomForestClassifier(n_estimators=10, random_state=np.random.RandomState(3))
    forest.fit(Xm, ym)

    template, notes = safe_clone(forest)
    seed = template.random_state
    assert isinstance(seed, int) and f"integer seed {seed}" in notes[0]
    assert safe_clone(pickle.loads(pickle.dumps(forest)))[0].random_state == seed
    assert "RandomState" in notes[0]
    gen = safe_clone(MLPClassifier(random_state=np.random.default_rng(5)))[0].random_state
    assert isinstance(gen, int) and gen != seed

    first, second = _mi(forest, data), _mi(forest, data)
    for name in first.scores:
        np.testing.assert_array_equal(first.scores[name], second.scores[name])
    assert first.refit_notes == second.refit_notes
    assert first.refit_notes[0].startswith("RandomForestClassifier.random_state was a RandomState")


def test_in_process_and_parallel_reference_fits_give_the_same_scores(data):
    Xm, ym, _, _ = data
    forest = RandomForestClassifier(n_estimators=10, random_state=np.random.RandomState(3))
    forest.fit(Xm, ym)
    here = _mi(forest, data)
    threads = _mi(forest, data, n_jobs=2, backend="threading")
    for name in here.scores:
        np.testing.assert_array_equal(here.scores[name], threads.scores[name])
    # the same notes, and the threads' run says where its reference models ran
    assert threads.refit_notes == (
        *here.refit_notes,
        "reference models: 1 fitted in this process (timed), 3 on 2 threads",
    )


# -- n_estimators, layers, depth, n_jobs -------------------------------------


def test_n_estimators_is_capped_at_the_fitted_members(data):
    Xm, ym, _, _ = data
    forest = RandomForestClassifier(n_estimators=5, random_state=0).fit(Xm, ym)
    forest.set_params(n_estimators=10**9)

    template, notes = safe_clone(forest)
    assert template.n_estimators == 5
    assert notes == (
        "RandomForestClassifier.n_estimators capped at 5 (it was 1,000,000,000): the 5 members "
        "the fitted model has (estimators_)",
    )
    assert safe_clone(forest, cap_at_fitted=False)[0].n_estimators == N_ESTIMATORS_LIMIT
    result = _mi(forest, data, reference_models=2)
    assert result.refit_notes == notes
    # early stopping: n_estimators_ with headroom, never below the default
    gb = GradientBoostingClassifier(n_estimators=500, n_iter_no_change=2, random_state=0)
    gb.fit(Xm, ym)
    assert gb.n_estimators_ < 250
    template, notes = safe_clone(gb)
    assert template.n_estimators == max(2 * gb.n_estimators_, 100)
    assert "n_estimators_; it stops early" in notes[0]


def test_hidden_layers_are_capped_at_the_fitted_network(data):
    Xm, ym, _, _ = data
    mlp = MLPClassifier(hidden_layer_sizes=(6, 3), max_iter=5, random_state=0).fit(Xm, ym)
    mlp.set_params(hidden_layer_sizes=(10**6, 10**6, 7))
    template, notes = safe_clone(mlp)
    assert template.hidden_layer_sizes == (6, 3)
    assert "capped at (6, 3) (it was (1,000,000, 1,000,000, 7))" in notes[0]
    assert safe_clone(mlp, cap_at_fitted=False)[0].hidden_layer_sizes == (10**5, 10**5, 7)


def test_max_depth_is_capped_only_for_very_deep_fitted_trees():
    X = np.arange(300, dtype=float).reshape(-1, 1)
    deep = DecisionTreeClassifier().fit(X, np.arange(300) % 2)  # a caterpillar of depth 299
    template, notes = safe_clone(deep)
    assert template.max_depth == deep.tree_.max_depth > 64
    assert notes[0].startswith(f"DecisionTreeClassifier.max_depth capped at {deep.tree_.max_depth}")
    shallow = DecisionTreeClassifier().fit(X, (X[:, 0] > 150).astype(int))
    assert safe_clone(shallow)[1] == ()
    assert safe_clone(shallow)[0].max_depth is None
    # a cap the reference fits never reach does not appear in the report
    plan = plan_refit(deep)
    half = DecisionTreeClassifier(max_depth=plan.template.max_depth).fit(X[:50], np.arange(50) % 2)
    assert plan.reached(half) == (False,)
    assert plan.report([plan.reached(half)]) == ()


def test_nested_estimators_and_n_jobs(data):
    Xm, ym, _, _ = data
    pipe = Pipeline([("scale", StandardScaler()), ("rf", RandomForestClassifier(n_estimators=3))])
    pipe.fit(Xm, ym).set_params(rf__n_estimators=10**6, rf__n_jobs=10**5, memory="/nonexistent")
    template, notes = safe_clone(pipe)
    params = template.get_params()
    assert params["memory"] is None and params["rf__n_estimators"] == 3
    import os

    assert params["rf__n_jobs"] == (os.cpu_count() or 1)
    assert [n.split(" ")[0] for n in notes] == [
        "Pipeline.memory",
        "RandomForestClassifier.n_estimators",
        "RandomForestClassifier.n_jobs",
    ]
    assert "(parameter rf__n_estimators)" in notes[1]
    assert pipe.get_params()["rf__n_estimators"] == 10**6  # the original is untouched


# -- the time budget ------------------------------------------------------------


def test_a_fit_over_its_budget_stops_the_audit_with_a_clean_error(data):
    Xm, ym, _, _ = data
    forest = RandomForestClassifier(n_estimators=300, random_state=0).fit(Xm, ym)
    t0 = time.perf_counter()
    with pytest.raises(RefitBudgetError) as info:
        _mi(forest, data, fit_budget=0.02)
    assert time.perf_counter() - t0 < 2
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(
        "reference model 1 of 4 (RandomForestClassifier) did not finish fitting within its time "
        "budget of 0.02 s (fit_budget=0.02)"
    )
    assert "pass a larger fit_budget" in message
    assert info.value.budget_s == 0.02
    deadline = time.monotonic() + 3  # the abandoned fit stops at its next tree
    while _refit_threads() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _refit_threads()


def test_budget_defaults_and_errors_survive_pickling():
    assert reference_budget(None, None)[0] == FIRST_FIT_BUDGET_S
    assert reference_budget(0.1, None)[0] == MIN_FIT_BUDGET_S
    assert reference_budget(10.0, None) == (
        200.0,
        "20 times the first reference fit's 10 s, at least 60 s",
    )
    assert reference_budget(10.0, 5)[0] == 5
    for bad in (0, -1, float("nan"), "60"):
        with pytest.raises(ValueError, match="fit_budget"):
            reference_budget(None, bad)
    err = RefitBudgetError("model x took too long", what="model x", budget_s=3.0)
    back = pickle.loads(pickle.dumps(err))
    assert (str(back), back.what, back.budget_s) == ("model x took too long", "model x", 3.0)
    # within the budget: the result, or the fit's own error, comes back unchanged
    assert call_with_budget(lambda: 41 + 1, 5.0) == 42
    with pytest.raises(ZeroDivisionError):
        call_with_budget(lambda: 1 / 0, 5.0)


def test_the_fit_sees_the_callers_sklearn_config():
    import sklearn

    with sklearn.config_context(assume_finite=True):
        assert call_with_budget(lambda: sklearn.get_config()["assume_finite"], 5.0) is True


# -- sanitize -------------------------------------------------------------------


def test_sanitize_refits_write_nothing_and_keep_the_model_strength(tmp_path):
    rng = np.random.default_rng(0)
    X = pd.DataFrame({"c": rng.choice(list("abcdefgh"), size=200)})
    y = (X["c"] < "e").astype(int)
    cache = tmp_path / "cache"
    pipe = Pipeline([("enc", OneHotEncoder()), ("lr", LogisticRegression(max_iter=5000))])
    pipe.fit(X, y).set_params(memory=str(cache))
    from modelprivacy.sanitizing import sanitize

    result = sanitize(pipe, X, y, k=5)

    assert not cache.exists()
    assert result.model.memory is None
    assert result.model.get_params()["lr__max_iter"] == 5000  # not capped: same strength
    whats = [a.what for a in result.actions if a.rule == "refit"]
    assert any(w.startswith("before refitting: Pipeline.memory reset to None") for w in whats)


def test_the_fit_thread_runs_one_openmp_thread_and_leaves_the_callers_alone():
    # an OpenMP team started from a second thread, after the caller's thread ran OpenMP
    # code, waits passively: a HistGradientBoosting fit on 900 digits took 15 s against 1.2 s
    from sklearn.datasets import load_digits
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_info, threadpool_limits

    def openmp_threads() -> list[int]:
        return [d["num_threads"] for d in threadpool_info() if d["user_api"] == "openmp"]

    X, y = load_digits(return_X_y=True)
    with threadpool_limits(2, user_api="openmp"):
        HistGradientBoostingClassifier(max_iter=3, random_state=0).fit(X[:200], y[:200])
        if not openmp_threads():
            pytest.skip("no OpenMP runtime loaded")
        inside = call_with_budget(openmp_threads, 30.0)
        assert inside and set(inside) == {1}
        assert set(openmp_threads()) == {2}  # the caller's threads as they were
        fitted = call_with_budget(
            lambda: HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(X, y), 60.0
        )
        plain = HistGradientBoostingClassifier(max_iter=5, random_state=0).fit(X, y)
        np.testing.assert_array_equal(fitted.predict_proba(X), plain.predict_proba(X))
