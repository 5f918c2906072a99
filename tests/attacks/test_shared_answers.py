"""A repeated question to the same scikit-learn model is answered once within shared_answers."""

from __future__ import annotations

import numpy as np
from sklearn.datasets import load_iris
from sklearn.neighbors import KNeighborsClassifier

from modelprivacy.attacks import target as target_mod
from modelprivacy.attacks.target import query, shared_answers


def _knn():
    X, y = load_iris(return_X_y=True)
    return KNeighborsClassifier().fit(X, y), X


def test_the_same_model_and_records_are_asked_once_and_each_caller_gets_a_copy():
    model, X = _knn()
    with shared_answers():
        memo = target_mod._ANSWERS.get()
        first = query(model.predict_proba, X)
        assert len(memo.entries) == 1
        first[:] = -1.0  # a caller changing its answer changes nobody else's
        second = query(model.predict_proba, X)
        assert len(memo.entries) == 1
        np.testing.assert_array_equal(second, model.predict_proba(X))
        assert second is not first
        # other records (equal but another object), another method, another model: asked
        query(model.predict_proba, X.copy())
        query(model.predict, X)
        query(KNeighborsClassifier(n_neighbors=3).fit(X, np.arange(len(X)) % 3).predict_proba, X)
        assert len(memo.entries) == 4
    assert target_mod._ANSWERS.get() is None  # nothing kept after the block


def test_only_the_most_recent_answers_are_kept():
    model, X = _knn()
    with shared_answers(size=2):
        memo = target_mod._ANSWERS.get()
        parts = [X[i::3] for i in range(3)]
        for part in parts:
            query(model.predict_proba, part)
        assert len(memo.entries) == 2
        assert memo.get(model, "predict_proba", parts[0]) is None
        assert memo.get(model, "predict_proba", parts[2]) is not None


def test_outside_a_block_every_question_is_asked():
    model, X = _knn()
    assert target_mod._ANSWERS.get() is None
    np.testing.assert_array_equal(query(model.predict_proba, X), model.predict_proba(X))


def test_reference_models_answers_stay_out_of_an_audits_shared_answers():
    from modelprivacy.attacks.reference import fit_reference_models
    from modelprivacy.attacks.target import Target

    model, X = _knn()
    _, y = load_iris(return_X_y=True)
    with shared_answers():
        memo = target_mod._ANSWERS.get()
        query(model.predict_proba, X)
        fit_reference_models(Target(model), X, y, k=4)
        # only the audited model's answer: the reference models' are not kept
        assert [o for o, *_ in memo.entries] == [model]
