"""Every registered check, over every estimator of the zoo, keeps the one check contract.

For each fitted estimator of ``tests/zoo.py`` (every scikit-learn class that
fits on small planted data):

- every check is registered once, with its documentation;
- the inspection checks and the audit checks (leaf boxes, subject
  concentration, membership, the stored-rows lookup, attribute inference) run
  with all their inputs and give JSON-serialisable findings, the same for the
  same seed, and never fail with an exception of their own (a check that does
  not apply is skipped, with its reason);
- the model is not mutated by any of them;
- given only the model, every check that needs data is skipped, not failed.
"""

from __future__ import annotations

import io
import json
import pickle
import warnings

import numpy as np
import pandas as pd
import pytest

import zoo
from modelprivacy.auditing.checks import AUDIT_CHECKS, AuditContext, Input, run_check
from modelprivacy.catalogue import all_checks
from modelprivacy.inspection._base import CHECKS
from modelprivacy.inspection.runner import inspect
from modelprivacy.load.audit_data import AuditData, Part

CASES = zoo.cases()
_HOLDOUT_X, _HOLDOUT_CLASS, _HOLDOUT_REG = zoo.planted_data(seed=1)
_TRAIN_X, _TRAIN_CLASS, _TRAIN_REG = zoo.planted_data()


class _StatePickler(pickle.Pickler):
    """Pickles a model, with KDTree/BallTree reduced to their arrays.

    A neighbours tree counts its queries (``n_calls``, ``n_trims``, ``n_leaves``,
    ``n_splits``): statistics that every prediction changes, not model state.
    """

    def reducer_override(self, obj: object) -> object:
        if type(obj).__name__ in ("KDTree", "BallTree") and hasattr(obj, "get_arrays"):
            return (tuple, (tuple(np.asarray(a).tobytes() for a in obj.get_arrays()),))
        return NotImplemented


def _state(model: object) -> bytes:
    buf = io.BytesIO()
    _StatePickler(buf, protocol=5).dump(model)
    return buf.getvalue()


def _holdout(case: zoo.Case) -> Part | None:
    """Non-members for the case, from the same planted population (numeric cases only)."""
    X = case.X
    if not isinstance(X, np.ndarray) or X.shape != _TRAIN_X.shape or case.y is None:
        return None
    if not np.array_equal(X, _TRAIN_X):
        return None
    y = np.asarray(case.y)
    if y.shape == _TRAIN_CLASS.shape and np.array_equal(y, _TRAIN_CLASS):
        return Part("holdout", _HOLDOUT_X, _HOLDOUT_CLASS)
    if y.shape == _TRAIN_REG.shape and np.array_equal(y, _TRAIN_REG):
        return Part("holdout", _HOLDOUT_X, _HOLDOUT_REG)
    return None


def _context(case: zoo.Case, *, full: bool, attribute: bool = True, seed: int = 0) -> AuditContext:
    if not full:
        return AuditContext(model=case.estimator, data=AuditData(), seed=seed)
    y = None if case.y is None else np.asarray(case.y)
    holdout = _holdout(case)
    data = AuditData(
        train=Part("training", case.X, y),
        holdout=holdout,
        target="y" if holdout is not None else None,
        sensitive=(0,) if holdout is not None and attribute else (),
        subjects=tuple(f"person {i % 20}" for i in range(zoo.N_TRAIN)),
    )
    return AuditContext(
        model=case.estimator,
        data=data,
        seed=seed,
        k=5,
        options={"reference_models": 2, "max_records": 40},
    )


def _jsonable(findings: list) -> str:
    return json.dumps([f.to_dict() for f in findings], sort_keys=True, default=str)


def test_every_check_is_registered_once_with_its_docs():
    listed = [c.id for c in all_checks()]
    assert len(listed) == len(set(listed)) == len(CHECKS) + len(AUDIT_CHECKS)
    for cid, check in CHECKS.items():
        assert check.doc.startswith(cid) and check.docs_url.endswith("#" + cid.lower())
    for cid, spec in AUDIT_CHECKS.items():
        assert (spec.run.__doc__ or "").strip().startswith(cid), cid
        assert spec.docs.endswith("#" + cid.lower())


# Attribute inference trains attack models (about 1 s a case): it runs on every
# 8th case, and the same-seed rerun of the audit checks on every 4th.
ATTRIBUTE_EVERY, RERUN_EVERY = 8, 4


@pytest.mark.parametrize("index", range(len(CASES)), ids=zoo.case_ids())
def test_the_check_contract_holds(index):
    case = CASES[index]
    before = _state(case.estimator)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # the inspection checks: with the data, twice with the same seed, and without it
        y = None if case.y is None else np.asarray(case.y)
        first = inspect(case.estimator, case.X, y, seed=0)
        again = inspect(case.estimator, case.X, y, seed=0)
        alone = inspect(case.estimator, seed=0)
        assert first.errors == () and alone.errors == (), (first.errors, alone.errors)
        assert json.dumps(first.to_dict(), sort_keys=True) == json.dumps(
            again.to_dict(), sort_keys=True
        )
        json.dumps(alone.to_dict())
        # the audit checks with every input they use, twice with the same seed
        runs = []
        for _ in range(2 if index % RERUN_EVERY == 0 else 1):
            ctx = _context(case, full=True, attribute=index % ATTRIBUTE_EVERY == 0)
            for spec in AUDIT_CHECKS.values():
                run_check(spec, ctx)
            assert ctx.errors == [], ctx.errors
            runs.append(ctx)
        a, b = runs[0], runs[-1]
        assert _jsonable(a.findings()) == _jsonable(b.findings())
        assert [s.to_dict() for s in a.skipped] == [s.to_dict() for s in b.skipped]
        ran = set(a.outputs)
        skipped = {s.check_id for s in a.skipped}
        assert ran | skipped == set(AUDIT_CHECKS) and not ran & skipped
        if _holdout(case) is None:
            assert {"MP-L201", "MP-L202", "MP-I301"} <= skipped
        elif index % ATTRIBUTE_EVERY:
            assert "MP-I301" in skipped  # no sensitive column given
        # only the model: every check that needs data is skipped, with what to pass
        ctx = _context(case, full=False)
        for spec in AUDIT_CHECKS.values():
            assert run_check(spec, ctx) is None
        assert ctx.errors == []
        assert {s.check_id for s in ctx.skipped} == set(AUDIT_CHECKS)
        assert all("the training data (--train)" in s.reason for s in ctx.skipped)
    assert _state(case.estimator) == before, "a check mutated the model"


def test_the_zoo_has_cases_for_every_audit_check():
    """Each audit check runs (not only skips) on some case, so the test above exercises it."""
    ran: dict[str, int] = dict.fromkeys(AUDIT_CHECKS, 0)
    for index in range(0, len(CASES), ATTRIBUTE_EVERY):
        case = CASES[index]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ctx = _context(case, full=True, attribute=False)
            for spec in AUDIT_CHECKS.values():
                run_check(spec, ctx)
        for cid in ctx.outputs:
            ran[cid] += 1
        ran["MP-I301"] += _holdout(case) is not None and ctx.lacks(Input.PREDICTS) == ""
    assert all(n > 0 for n in ran.values()), ran


def test_pandas_case_is_in_the_zoo():
    assert any(isinstance(c.X, pd.DataFrame) for c in CASES)
