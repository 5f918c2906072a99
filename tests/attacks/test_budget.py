"""Budgeted K: ``--budget SECONDS`` / ``budget=`` choose the number of reference models."""

from __future__ import annotations

import json
import math
from pathlib import Path

import joblib
import jsonschema
import numpy as np
import pytest
from sklearn.datasets import load_iris
from sklearn.tree import DecisionTreeClassifier

import modelprivacy
from modelprivacy.attacks.reference import (
    MAX_REFERENCE_MODELS,
    MIN_REFERENCE_MODELS,
    BudgetError,
    check_budget,
    estimated_seconds,
    k_for_budget,
)
from modelprivacy.cli import main
from modelprivacy.errors import ModelPrivacyError

SCHEMAS = Path(modelprivacy.__file__).resolve().parent / "report" / "schema"


@pytest.fixture(scope="module")
def iris():
    """A fully grown decision tree (fits in milliseconds) on half of iris; the rest held out."""
    frame = load_iris(as_frame=True).frame
    order = np.random.default_rng(0).permutation(len(frame))
    train, holdout = frame.iloc[order[:75]], frame.iloc[order[75:]]
    model = DecisionTreeClassifier(random_state=0).fit(
        train.drop(columns="target"), train["target"]
    )
    return model, train, holdout


@pytest.fixture(scope="module")
def files(tmp_path_factory, iris):
    model, train, holdout = iris
    d = tmp_path_factory.mktemp("budget")
    joblib.dump(model, d / "tree.joblib")
    train.to_csv(d / "train.csv", index=False)
    holdout.to_csv(d / "holdout.csv", index=False)
    return d


def _membership(iris, **kwargs):
    model, train, holdout = iris
    return modelprivacy.membership_inference(model, train, holdout, target="target", **kwargs)


# --- choosing K from a measured fit time (no timing involved) --------------------------------


def test_k_grows_with_the_budget_between_the_fewest_and_the_most():
    ks = [k_for_budget(b, 0.01).k for b in (0.001, 0.1, 0.5, 1.0, 2.0, 100.0)]
    assert ks == sorted(ks) and len(set(ks)) == len(ks)
    assert ks[0] == MIN_REFERENCE_MODELS == 2 and ks[-1] == MAX_REFERENCE_MODELS == 256
    # the timed fit is paid from the budget: 1 s at 0.01 s a fit leaves 99 fits
    assert k_for_budget(1.0, 0.01).k == 99


def test_the_reason_states_k_and_why():
    c = k_for_budget(2.0, 0.012)
    assert c.limit == "budget" and c.k == 165 and c.estimated_s <= 2.0
    assert c.reason == (
        "K=165: a timed reference fit took 0.012 s; with it, 165 fits take about 2 s, "
        "the most that fit the budget of 2 s"
    )
    most = k_for_budget(10.0, 0.001)
    assert most.k == 256 and most.limit == "most" and "the most allowed" in most.reason
    fewest = k_for_budget(1.0, 3.1)
    assert fewest.k == 2 and fewest.limit == "fewest"
    assert fewest.reason.startswith(
        "K=2, the fewest the attacks need: a timed reference fit took 3.1 s"
    )
    assert "over the budget of 1 s" in fewest.reason
    assert json.loads(json.dumps(c.to_dict()))["reason"] == c.reason
    two = k_for_budget(1.0, 0.01, timed_s=0.05, timed=2)
    # both timed fits are paid from the budget; the faster sets the pace
    assert two.k == 95 and two.timed == 2 and two.to_dict()["timed"] == 2
    assert two.reason.startswith(
        "K=95: the faster of 2 timed reference fits took 0.01 s; with them, 95 fits take about 1 s"
    )


def test_parallel_jobs_buy_more_models_when_fits_are_slow():
    one = k_for_budget(60.0, 1.0, n_jobs=1)
    two = k_for_budget(60.0, 1.0, n_jobs=2)
    assert one.k == 59 and one.n_jobs == 1
    # about 2 s to start the workers, then two fits at a time
    assert two.k > 100 and two.n_jobs == 2 and "on 2 parallel jobs" in two.reason
    # fits too quick for worker processes to pay: fitted here, as fit_reference_models does
    quick = k_for_budget(0.5, 0.01, n_jobs=2)
    assert quick.n_jobs == 1 and quick.k == k_for_budget(0.5, 0.01).k
    # threads start for free
    seconds, jobs = estimated_seconds(11, 1.0, n_jobs=2, backend="threading")
    assert jobs == 2 and seconds == pytest.approx(6.0)


def test_fits_that_already_keep_the_cores_busy_stay_in_this_process(monkeypatch):
    # a forest with n_jobs=-1 (or OpenMP) that kept 2 cores busy: two worker processes
    # would share those cores, so starting them buys nothing
    monkeypatch.setattr(joblib, "cpu_count", lambda *a, **k: 2)
    from modelprivacy.attacks.reference import _speedup

    assert _speedup(2, 1.0) == 2.0 and _speedup(4, 1.0) == 2.0
    assert _speedup(2, 2.0) == 1.0 and _speedup(2, 1.6) == pytest.approx(1.25)
    assert _speedup(2, 0.3) == 2.0  # a fit that waited (I/O, a busy machine) counts as one core
    serial, one = estimated_seconds(11, 1.0, n_jobs=2)
    assert one == 2 and serial == pytest.approx(1.0 + 2.0 + 5 * 1.0)
    busy, jobs = estimated_seconds(11, 1.0, n_jobs=2, cores=2.0)
    assert jobs == 1 and busy == pytest.approx(11.0)
    # in between: parallel when it still pays, each fit slowed by sharing the cores
    some, jobs = estimated_seconds(41, 1.0, n_jobs=2, cores=1.6)
    assert jobs == 2 and some == pytest.approx(1.0 + 2.0 + 20 * 2.0 / 1.25)
    assert k_for_budget(20.0, 1.0, n_jobs=2, cores=2.0).n_jobs == 1
    assert k_for_budget(20.0, 1.0, n_jobs=2, cores=2.0).k == k_for_budget(20.0, 1.0).k


@pytest.mark.parametrize("bad", [0, -1, -0.5, math.nan, math.inf, "2", None, True])
def test_bad_budgets_are_refused(bad):
    with pytest.raises(BudgetError, match="positive number of seconds") as exc:
        check_budget(bad)
    assert isinstance(exc.value, ModelPrivacyError) and isinstance(exc.value, ValueError)


# --- the Python API, with real fits -----------------------------------------------------------


def test_budget_chooses_k_and_the_same_k_gives_the_same_result(iris):
    result = _membership(iris, budget=0.5, seed=3)
    choice = result.k_choice
    assert choice is not None and result.k == choice.k
    assert MIN_REFERENCE_MODELS <= result.k <= MAX_REFERENCE_MODELS
    assert choice.budget_s == 0.5 and choice.fit_s > 0
    assert choice.reason.startswith(f"K={result.k}")
    doc = result.to_dict()
    assert doc["k"] == result.k and doc["k_choice"]["reason"] == choice.reason
    for fmt in ("terminal", "markdown"):  # the reports say which K and why
        text = result.render(fmt, width=400) if fmt == "terminal" else result.render(fmt)
        assert f"K from the time budget: K={result.k}" in text, fmt
    # K pinned: the same seed and the same K give the same scores, without a budget
    pinned = _membership(iris, reference_models=result.k, seed=3)
    assert pinned.k_choice is None and "k_choice" not in pinned.to_dict()
    for name, scores in result.scores.items():
        np.testing.assert_array_equal(scores, pinned.scores[name])
    assert {n: m.to_dict() for n, m in result.metrics.items()} == {
        n: m.to_dict() for n, m in pinned.metrics.items()
    }


def test_a_bigger_budget_fits_more_reference_models(iris):
    small = _membership(iris, budget=1e-3, attacks=["lira_offline"])
    large = _membership(iris, budget=1.0, attacks=["lira_offline"])
    assert small.k == 2 and small.k_choice is not None and small.k_choice.limit == "fewest"
    assert large.k > small.k
    # a fit that takes well under a twentieth of the budget is timed twice, the first once
    assert small.k_choice.timed == 1 and large.k_choice.timed == 2
    # the reference fits (the timed one included) took about the budget: slack for a busy machine
    assert large.timings["reference models"] < 2 * 1.0


def test_budget_with_reference_models_is_refused(iris):
    with pytest.raises(BudgetError, match="not both"):
        _membership(iris, budget=1.0, reference_models=8)
    with pytest.raises(BudgetError, match="positive number"):
        _membership(iris, budget=-1)
    model, train, holdout = iris
    with pytest.raises(BudgetError, match="not both"):
        modelprivacy.audit(
            model, train=train, holdout=holdout, target="target", budget=1, reference_models=4
        )


def test_audit_settings_state_the_k_used_and_why(iris):
    model, train, holdout = iris
    result = modelprivacy.audit(model, train=train, holdout=holdout, target="target", budget=0.3)
    assert result.membership is not None and result.membership.k_choice is not None
    s = result.settings
    assert s["reference_models"] == result.membership.k and s["budget"] == 0.3
    assert s["reference_models_choice"] == result.membership.k_choice.reason
    doc = json.loads(result.render("json"))
    jsonschema.validate(doc, json.loads((SCHEMAS / "audit.schema.json").read_text()))
    assert doc["settings"]["reference_models_choice"].startswith(f"K={result.membership.k}")
    assert doc["membership"]["k_choice"]["k"] == result.membership.k
    markdown = result.render("markdown")
    assert f"K={result.membership.k};" in markdown
    assert f"K from the time budget: K={result.membership.k}" in markdown
    assert "why this K" in result.render("html")
    plain = modelprivacy.audit(model, train=train, holdout=holdout, target="target")
    assert (
        plain.settings["reference_models"] == 8 and "reference_models_choice" not in plain.settings
    )
    assert "K from the time budget" not in plain.render("markdown")


# --- the command line --------------------------------------------------------------------------


def _data(d):
    return ["--train", d / "train.csv", "--holdout", d / "holdout.csv", "--target", "target"]


def _run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_membership_budget_json(files, capsys):
    out = files / "membership.json"
    argv = ["attack", "membership", files / "tree.joblib", *_data(files), "--budget", "0.5"]
    code, _, err = _run([*argv, "--format", "json", "--output", out], capsys)
    assert code != 2, err  # not refused: the budget is a valid option
    doc = json.loads(out.read_text())
    jsonschema.validate(doc, json.loads((SCHEMAS / "membership.schema.json").read_text()))
    reason = doc["k_choice"]["reason"]
    assert reason.startswith(f"K={doc['k']}") and f"modelprivacy: note: {reason}" in err
    assert 2 <= doc["k"] <= 256 and doc["k_choice"]["budget_s"] == 0.5


def test_cli_audit_budget_states_k_in_the_method(files, capsys):
    argv = ["audit", files / "tree.joblib", *_data(files), "--budget", "0.3", "--format", "json"]
    code, out, err = _run(argv, capsys)
    assert code != 2, err  # not refused: the budget is a valid option
    doc = json.loads(out)
    k = doc["membership"]["k"]
    assert doc["settings"]["reference_models"] == k
    assert doc["settings"]["reference_models_choice"].startswith(f"K={k}")
    assert "modelprivacy: note: K=" in err


@pytest.mark.parametrize("command", [["audit"], ["attack", "membership"]])
@pytest.mark.parametrize("bad", ["0", "-1", "nan", "inf", "two", ""])
def test_cli_bad_budget_exits_2_with_one_line(files, capsys, command, bad):
    with pytest.raises(SystemExit) as exc:
        main([*command, str(files / "tree.joblib"), *map(str, _data(files)), "--budget", bad])
    assert exc.value.code == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert (
        len(errors) == 1 and "--budget" in errors[0] and "positive number of seconds" in errors[0]
    )


@pytest.mark.parametrize("command", [["audit"], ["attack", "membership"]])
def test_cli_budget_and_reference_models_exit_2_with_one_line(files, capsys, command):
    argv = [
        *command,
        files / "tree.joblib",
        *_data(files),
        "--budget",
        "1",
        "--reference-models",
        "4",
    ]
    code, out, err = _run(argv, capsys)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "modelprivacy: error: --budget chooses the number of reference models: give --budget or "
        "--reference-models, not both (--reference-models K pins K)"
    ]


def test_cli_reference_models_default_is_still_8(files, capsys):
    argv = ["attack", "membership", files / "tree.joblib", *_data(files), "--format", "json"]
    code, out, _ = _run([*argv, "--attacks", "lira_offline"], capsys)
    doc = json.loads(out)
    assert code in (0, 1) and doc["k"] == 8 and "k_choice" not in doc
