"""Members and non-members are scored with the same class proportions (a class-prior artefact)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_digits
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import train_test_split

import modelprivacy
from modelprivacy.attacks.api import balance_classes, membership_inference, scored_records
from modelprivacy.attacks.label_only import label_only_membership


def _proportions(labels: np.ndarray, classes: np.ndarray) -> np.ndarray:
    return np.array([(labels == c).mean() for c in classes])


def test_the_kept_members_and_non_members_have_the_same_class_proportions():
    rng = np.random.default_rng(0)
    y_m = rng.choice(["a", "b", "c"], size=600, p=[0.6, 0.3, 0.1])
    y_n = rng.choice(["a", "b", "c"], size=500, p=[0.4, 0.4, 0.2])
    sel_m, sel_n = np.arange(600), np.arange(500)
    kept_m, kept_n, note = balance_classes(y_m, y_n, sel_m, sel_n, seed=3)
    assert note and "Stratify the holdout" in note
    assert np.all(np.diff(kept_m) > 0) and np.all(np.diff(kept_n) > 0)  # sorted, no repeats
    assert set(kept_m) <= set(sel_m) and set(kept_n) <= set(sel_n)
    classes = np.array(["a", "b", "c"])
    gap = _proportions(y_m[kept_m], classes) - _proportions(y_n[kept_n], classes)
    assert np.abs(gap).max() < 0.01
    # as many as the overlap of the two class distributions allows
    overlap = np.minimum(_proportions(y_m, classes), _proportions(y_n, classes)).sum()
    assert kept_m.size >= int(overlap * 600) - 3 and kept_n.size >= int(overlap * 500) - 3
    # seeded: the same seed keeps the same records, another seed others
    again = balance_classes(y_m, y_n, sel_m, sel_n, seed=3)
    np.testing.assert_array_equal(again[0], kept_m)
    assert not np.array_equal(balance_classes(y_m, y_n, sel_m, sel_n, seed=4)[0], kept_m)
    # the dropped counts are those the note states
    assert f"{600 - kept_m.size:,} members and {500 - kept_n.size:,} non-members" in note


def test_sets_balanced_within_rounding_are_kept_whole():
    y_m = np.array([0] * 50 + [1] * 51)
    y_n = np.array([0] * 51 + [1] * 50)
    sel_m, sel_n = np.arange(101), np.arange(101)
    kept_m, kept_n, note = balance_classes(y_m, y_n, sel_m, sel_n, seed=0)
    assert note == "" and kept_m is sel_m and kept_n is sel_n


@pytest.fixture(scope="module")
def digits_random_split() -> tuple[pd.DataFrame, pd.DataFrame]:
    X, y = load_digits(return_X_y=True, as_frame=True)
    frame = X.assign(y=y)
    # not stratified: class 4 is 105 of 898 members and 76 of 899 non-members
    return train_test_split(frame, test_size=0.5, random_state=0)


def test_a_class_prior_model_shows_no_membership_signal_on_an_unstratified_split(
    digits_random_split,
):
    tr, ho = digits_random_split
    model = DummyClassifier(strategy="prior").fit(tr.drop(columns="y"), tr["y"])
    result = membership_inference(
        model, tr.drop(columns="y"), ho.drop(columns="y"), y_train=tr["y"], y_holdout=ho["y"]
    )
    assert result.class_balance and result.n_members < len(tr)
    assert result.to_dict()["class_balance"] == result.class_balance
    for metrics in result.metrics.values():
        # every record of a class gets the same answer: nothing tells members apart
        assert metrics.auc.low <= 0.5 <= metrics.auc.high, metrics.name
    audit = modelprivacy.audit(model, tr, ho, target="y", reference_models=4)
    for mode in audit.release:
        risks = {c.value: v.risk for c, v in mode.verdict.criteria.items()}
        assert risks["linkability"] == "none", (mode.mode, risks)
    finding = next(f for f in audit.findings if f.check_id == "MP-L201")
    assert "Stratify the holdout" in finding.description


def test_the_label_only_attack_balances_the_classes_too(digits_random_split):
    tr, ho = digits_random_split
    model = DummyClassifier(strategy="most_frequent").fit(tr.drop(columns="y"), tr["y"])
    result = label_only_membership(
        model,
        tr.drop(columns="y"),
        ho.drop(columns="y"),
        y_train=tr["y"],
        y_holdout=ho["y"],
        max_records=400,
    )
    assert result.class_balance
    gap = result.metrics["label_gap"].auc
    assert gap.low <= 0.5 <= gap.high


def test_a_stratified_split_is_scored_whole():
    X, y = load_digits(return_X_y=True, as_frame=True)
    frame = X.assign(y=y).iloc[:600]
    tr, ho = train_test_split(frame, test_size=0.5, stratify=frame["y"], random_state=0)
    model = DummyClassifier(strategy="prior").fit(tr.drop(columns="y"), tr["y"])
    result = membership_inference(
        model, tr.drop(columns="y"), ho.drop(columns="y"), y_train=tr["y"], y_holdout=ho["y"]
    )
    assert result.class_balance == "" and result.n_members == len(tr)
    assert "class_balance" not in result.to_dict()


def test_a_stratified_split_of_an_odd_class_keeps_every_record():
    # digits: classes of odd size split 90 / 89 beside 898 / 899 records
    _, y = load_digits(return_X_y=True)
    for seed in range(5):
        members, nonmembers = train_test_split(
            np.arange(len(y)), test_size=len(y) - len(y) // 2, stratify=y, random_state=seed
        )
        sel_m, sel_n, note = scored_records(y[members], y[nonmembers], None, seed)
        assert sel_m.size == members.size and sel_n.size == nonmembers.size
        assert note == ""
