"""MP-L202: white-box membership by looking records up among the rows a model stores."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from markupsafe import escape
from sklearn.compose import make_column_transformer
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC

from modelprivacy.attacks.stored_rows import (
    ATTACK,
    CHECK_ID,
    MEANING,
    NoStoredRowsError,
    stored_rows_finding,
    stored_rows_lookup,
)
from modelprivacy.auditing import audit
from modelprivacy.auditing.render import STORED_ROWS_ROW, stored_rows_card
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET, load_adult
from modelprivacy.findings import Criterion, Severity

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "src/modelprivacy/report/schema/audit.schema.json").read_text())
_ORDER = {"none": 0, "low": 1, "medium": 2, "high": 3}


@pytest.fixture(scope="module")
def adult() -> tuple[pd.DataFrame, pd.DataFrame]:
    """400 members and 400 non-members of UCI Adult: numeric and categorical columns, the label."""
    df = load_adult()[[*ADULT_NUMERIC, *ADULT_CATEGORICAL, ADULT_TARGET]]
    sample = df.sample(800, random_state=0).reset_index(drop=True)
    return sample.iloc[:400].reset_index(drop=True), sample.iloc[400:].reset_index(drop=True)


def _xy(frame: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    return frame[columns], frame[ADULT_TARGET].to_numpy()


@pytest.fixture(scope="module")
def knn_audit(adult):
    train, holdout = adult
    cols = [*ADULT_NUMERIC, ADULT_TARGET]
    model = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(*_xy(train, ADULT_NUMERIC))
    return audit(model, train[cols], holdout[cols], target=ADULT_TARGET, reference_models=2)


def test_knn_pipeline_is_found_by_lookup_and_rated_high(knn_audit):
    r = knn_audit.stored_rows
    assert r is not None
    assert r.members_found == 400 and r.n_stored == 400
    assert r.arrays[0].path == "steps[1]._fit_X" and r.arrays[0].space == "input"
    tpr = r.metrics.tpr_at_fpr[0.01]
    assert tpr.value >= 0.99 and tpr.low >= 0.95
    assert r.metrics.auc.value > 0.99
    (finding,) = [f for f in knn_audit.findings if f.check_id == CHECK_ID]
    assert finding.severity is Severity.HIGH and finding.criterion is Criterion.LINKABILITY
    assert finding.description.startswith(MEANING)
    # beyond chance: all members found, minus the ~1% expected at 1% FPR
    assert 380 <= finding.records.count <= 400 and finding.records.of == 400
    link = knn_audit.verdict.criteria[Criterion.LINKABILITY]
    assert link.risk == "high" and CHECK_ID in link.checks
    # the verdict takes the highest of the black-box and the white-box result
    blackbox = next(f for f in knn_audit.findings if f.check_id == "MP-L201")
    assert blackbox.severity < Severity.HIGH


class _CountingKNN(KNeighborsClassifier):
    """A k-NN that counts its fits."""

    fits = 0

    def fit(self, X, y):
        type(self).fits += 1
        return super().fit(X, y)


def test_lookup_fits_no_reference_model(adult):
    train, holdout = adult
    model = make_pipeline(StandardScaler(), _CountingKNN()).fit(*_xy(train, ADULT_NUMERIC))
    before = _CountingKNN.fits
    r = stored_rows_lookup(model, train[ADULT_NUMERIC], holdout[ADULT_NUMERIC])
    assert _CountingKNN.fits == before
    assert r.members_found == 400


def test_one_hot_knn_is_looked_up_in_the_space_it_stores(adult):
    """Categorical columns reach the k-NN one-hot encoded: records are encoded the same way."""
    train, holdout = adult
    cols = ADULT_NUMERIC + ADULT_CATEGORICAL
    pre = make_column_transformer(
        (StandardScaler(), ADULT_NUMERIC),
        (OneHotEncoder(handle_unknown="ignore"), ADULT_CATEGORICAL),
    )
    model = make_pipeline(pre, KNeighborsClassifier()).fit(*_xy(train, cols))
    r = stored_rows_lookup(model, train[cols], holdout[cols])
    assert r.arrays[0].columns > len(cols)  # one-hot columns, not the raw ones
    assert r.members_found == 400
    assert r.metrics.tpr_at_fpr[0.01].low >= 0.95


def test_svc_exposes_only_its_support_vectors(adult):
    train, holdout = adult
    X, y = _xy(train, ADULT_NUMERIC)
    model = make_pipeline(StandardScaler(), SVC()).fit(X, y)
    svc = model[-1]
    share = len(svc.support_) / len(X)
    assert 0.2 < share < 0.9  # some members are support vectors, not all
    r = stored_rows_lookup(model, X, holdout[ADULT_NUMERIC])
    stored = set(map(bytes, np.ascontiguousarray(model[0].transform(X))[svc.support_]))
    # members identical to a support vector (duplicates of one included)
    scaled = np.ascontiguousarray(model[0].transform(X))
    expected = sum(bytes(row) in stored for row in scaled)
    assert r.members_found == expected >= len(svc.support_)
    tpr = r.metrics.tpr_at_fpr[0.01].value
    assert abs(tpr - share) < 0.05, (tpr, share)
    assert r.metrics.tpr_at_fpr[0.001].value <= share + 0.01
    finding = stored_rows_finding(r)
    assert finding.severity is Severity.HIGH
    assert finding.path == "steps[1].support_vectors_"


def test_rows_stored_as_float32_are_compared_as_float32():
    """An SVC fitted on float32 data stores float32-rounded rows: records are rounded too."""
    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    model = SVC().fit(X.iloc[:300].astype(np.float32), y.iloc[:300])
    r = stored_rows_lookup(model, X.iloc[:300], X.iloc[300:])
    assert r.arrays[0].float32
    assert r.members_found == len(model.support_) and r.nonmembers_found == 0
    assert r.metrics.tpr_at_fpr[0.01].value == pytest.approx(len(model.support_) / 300, abs=0.03)


def test_model_without_stored_rows_is_skipped_not_failed(adult):
    train, holdout = adult
    cols = [*ADULT_NUMERIC, ADULT_TARGET]
    X, y = _xy(train, ADULT_NUMERIC)
    model = RandomForestClassifier(n_estimators=5, min_samples_leaf=20, random_state=0).fit(X, y)
    with pytest.raises(NoStoredRowsError, match="stores no training rows"):
        stored_rows_lookup(model, X, holdout[ADULT_NUMERIC])
    result = audit(model, train[cols], holdout[cols], target=ADULT_TARGET, reference_models=2)
    assert result.stored_rows is None
    assert CHECK_ID not in {f.check_id for f in result.findings}
    (why,) = [s.reason for s in result.skipped if s.check_id == "MP-L202"]
    assert "stores no training rows" in why and "failed" not in why
    row = next(r for r in result.coverage if r.attack == "Membership inference")
    assert "stores no training rows" in row.note
    assert result.to_dict()["membership"]["stored_rows_lookup"] is None
    assert "Stored rows lookup (white-box): not run: the model stores no training rows" in (
        result.render("terminal")
    )


def test_without_holdout_the_lookup_is_skipped_with_its_reason(adult):
    train, _ = adult
    cols = [*ADULT_NUMERIC, ADULT_TARGET]
    model = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(*_xy(train, ADULT_NUMERIC))
    result = audit(model, train[cols], target=ADULT_TARGET)
    assert result.stored_rows is None
    assert any(s.check_id == "MP-L202" and "needs a holdout" in s.reason for s in result.skipped)


def test_non_members_identical_to_stored_rows_are_false_positives(adult):
    """Duplicates between members and non-members do not inflate the result."""
    train, holdout = adult
    X, y = _xy(train, ADULT_NUMERIC)
    model = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(X, y)
    # 5% of the non-members are copies of training rows: at 1% FPR the lookup cannot
    # flag the members without flagging more than 1% of the non-members
    copies = holdout[ADULT_NUMERIC].copy()
    copies.iloc[:20] = X.iloc[:20].to_numpy()
    r = stored_rows_lookup(model, X, copies)
    assert r.nonmembers_found >= 20
    assert r.metrics.tpr_at_fpr[0.01].value < 0.05
    assert r.metrics.tpr_at_fpr[0.1].value == 1.0  # 10% FPR admits the copies
    assert stored_rows_finding(r).severity < Severity.HIGH or r.metrics.epsilon.low >= 1.0
    # the records exposed are the members found whose row no non-member shares: the
    # 20 copied members are found, but so are their copies, so they are not named
    assert r.shared[:20].all() and r.members_found_alone == r.members_found - int(r.shared.sum())
    f = stored_rows_finding(r)
    named = set(f.records.ids)
    assert f.records.count == r.members_found_alone > 0
    assert not named & set(range(20))
    assert "expected by chance" in f.description


def test_same_seed_same_result(adult):
    train, holdout = adult
    X, y = _xy(train, ADULT_NUMERIC)
    model = make_pipeline(StandardScaler(), SVC()).fit(X, y)
    runs = [
        stored_rows_lookup(model, X, holdout[ADULT_NUMERIC], max_records=150, seed=s)
        for s in (3, 3, 4)
    ]
    assert runs[0].to_dict() == runs[1].to_dict()
    assert np.array_equal(runs[0].scores, runs[1].scores)
    assert np.array_equal(runs[0].member_index, runs[1].member_index)
    assert not np.array_equal(runs[0].member_index, runs[2].member_index)
    assert runs[0].n_members == 150 and runs[0].n_train == 400
    a, b = (stored_rows_finding(r) for r in runs[:2])
    assert a == b
    assert "A random sample of 150 of 400 members" in a.description


def test_reports_show_the_lookup(knn_audit):
    terminal = knn_audit.render("terminal")
    assert STORED_ROWS_ROW in terminal and "[HIGH] MP-L202: Looking each record up" in terminal
    assert MEANING in terminal
    markdown = knn_audit.render("markdown")
    assert "## Stored rows lookup (white-box) (MP-L202)" in markdown
    assert f"| {STORED_ROWS_ROW} |" in markdown and MEANING in markdown
    doc = json.loads(knn_audit.render("json"))
    jsonschema.validate(doc, SCHEMA)
    lookup = doc["membership"]["stored_rows_lookup"]
    assert lookup["attack"] == ATTACK and lookup["members_found"] == 400
    assert lookup["metrics"]["tpr_at_fpr"]["0.01"]["low"] >= 0.95
    row = next(r for r in knn_audit.coverage if r.attack == "Membership inference")
    assert "stored rows lookup (MP-L202)" in row.scope


def test_html_block_renders_the_card(knn_audit):
    from modelprivacy.report import html

    card = stored_rows_card(knn_audit)
    assert card is not None and card["ran"] and card["severity"] == "high"
    page = html.render_html(knn_audit, fragment=True)
    block = page[page.index('id="stored-rows"') : page.index('<section id="inference">')]
    assert str(escape(MEANING)) in block and "stored-rows-table" in block
    assert "100.0% [99" in block  # TPR with its Clopper-Pearson interval
    assert "<code>steps[1]._fit_X</code>" in block
