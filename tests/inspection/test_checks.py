"""Oracle tests for each inspection check, on small planted data and real estimators."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.manifold import TSNE
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, QuantileTransformer, StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

import modelprivacy
from modelprivacy import Confidence, Criterion, Severity
from modelprivacy.inspection import CHECKS


def by_check(result, check_id):
    return [f for f in result.findings if f.check_id == check_id]


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] + rng.normal(scale=0.5, size=200) > 0).astype(int)
    return X, y


def test_every_check_is_documented():
    assert len(CHECKS) == 8
    for check in CHECKS.values():
        assert check.id in check.doc and "Remedy" in check.doc, check.id
        assert check.remedy and check.docs_url.endswith(check.id.lower())


# MP-S101 -------------------------------------------------------------------


def test_knn_rows_found_with_and_without_data(data):
    X, y = data
    knn = KNeighborsClassifier().fit(X, y)
    [f] = by_check(modelprivacy.inspect(knn), "MP-S101")
    assert (
        f.severity is Severity.HIGH
        and f.confidence is Confidence.MEDIUM
        and f.records.count is None
    )
    [f] = by_check(modelprivacy.inspect(knn, X, y), "MP-S101")
    assert f.confidence is Confidence.HIGH and f.records.count == 200 and f.path == "_fit_X"
    assert f.criterion is Criterion.SINGLING_OUT


def test_rows_after_pipeline_preprocessing_are_matched(data):
    X, y = data
    pipe = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(X, y)
    [f] = by_check(modelprivacy.inspect(pipe, X, y), "MP-S101")
    assert f.path == "steps[1]._fit_X" and f.records.count == 200


def test_float32_rows_are_matched(data):
    X, y = data
    knn = KNeighborsClassifier().fit(X.astype(np.float32), y)
    findings = by_check(modelprivacy.inspect(knn, X, y), "MP-S101")
    # float32 rows in _fit_X, and the KD-tree's own float64 copy of them
    assert {f.path for f in findings} == {"_fit_X", "_tree.data"}
    assert all(f.records.count == 200 for f in findings)


def test_support_vectors_count_only_the_vectors(data):
    X, y = data
    svc = SVC().fit(X, y)
    result = modelprivacy.inspect(svc, X, y)
    [f] = by_check(result, "MP-S101")
    assert f.records.count == len(svc.support_) < 200
    # support_ names the records by position; dual_coef_ is aligned with it
    named = {f.path: f.records.ids for f in by_check(result, "MP-S102")}
    assert named["support_"] == named["dual_coef_"] == tuple(sorted(svc.support_.tolist()))
    assert set(named["support_"]) == set(f.records.ids)


def test_record_ids_replace_positions(data):
    X, y = data
    frame = pd.DataFrame(X, columns=["a", "b", "c"]).assign(
        pid=[f"P{i:03d}" for i in range(200)], label=y
    )
    knn = KNeighborsClassifier().fit(frame[["a", "b", "c"]], y)
    result = modelprivacy.inspect(knn, frame, target="label", id_column="pid")
    [f] = by_check(result, "MP-S101")
    assert f.records.ids[:2] == ("P000", "P001")


def test_examples_are_redacted_unless_asked(data):
    X, y = data
    knn = KNeighborsClassifier().fit(X, y)
    [f] = by_check(modelprivacy.inspect(knn, X, y), "MP-S101")
    assert f"{X[0, 0]:.6g}"[:5] not in f.example
    [f] = by_check(modelprivacy.inspect(knn, X, y, show_values=True), "MP-S101")
    assert f"{X[0, 0]:.10g}" in f.example


# MP-S103 -------------------------------------------------------------------


def test_minmax_extreme_of_one_person(data):
    X, _ = data
    X = X.copy()
    X[17, 1] = 99.0  # one unusual person
    scaler = MinMaxScaler().fit(X)
    [f] = [f for f in by_check(modelprivacy.inspect(scaler, X), "MP-S103") if f.path == "data_max_"]
    assert 17 in f.records.ids and f.severity is Severity.MEDIUM


def test_extremes_shared_by_many_are_info():
    X = np.repeat(np.arange(5.0), 20).reshape(-1, 1)  # each value held by 20 people
    scaler = MinMaxScaler().fit(X)
    findings = by_check(modelprivacy.inspect(scaler, X, k=10), "MP-S103")
    assert findings and all(f.severity is Severity.INFO for f in findings)
    assert all(f.records.count == 0 for f in findings)


def test_quantile_transformer_storing_every_value_is_high(data):
    X, _ = data
    qt = QuantileTransformer(n_quantiles=1000).fit(X)
    [f] = by_check(modelprivacy.inspect(qt), "MP-S103")
    assert f.severity is Severity.HIGH
    [f] = by_check(modelprivacy.inspect(qt, X), "MP-S103")
    # interpolated percentiles equal the sorted values up to float rounding
    assert f.severity is Severity.HIGH and f.records.count >= 190


# MP-S104 -------------------------------------------------------------------


def test_hist_gradient_boosting_thresholds_rebuild_integer_column():
    rng = np.random.default_rng(1)
    age = rng.integers(18, 90, size=500).astype(float)
    X = np.c_[age, rng.normal(size=500)]
    y = (age > 50).astype(int)
    hgb = HistGradientBoostingClassifier(max_iter=5).fit(X, y)
    [f] = by_check(modelprivacy.inspect(hgb), "MP-S104")
    # without data: how many columns are rebuilt in full, and how many values they give
    assert f.severity is Severity.MEDIUM and "1 column of 2 can be rebuilt in full" in f.description
    assert f.evidence["distinct_values_rebuilt"] == {"x0": np.unique(age).size}
    [f] = by_check(modelprivacy.inspect(hgb, X, y), "MP-S104")
    col = f.evidence["columns"]["x0"]
    assert col["located_values"] == col["distinct_values"] == np.unique(age).size
    # 72 ages among 500 people: every age is held by fewer than 10, all rebuilt: high
    values, counts = np.unique(age, return_counts=True)
    assert col["rare_values"] == int((counts < 10).sum()) >= 10
    assert f.severity is Severity.HIGH
    rare_age_holders = set(np.flatnonzero(np.isin(age, values[counts < 10])).tolist())
    assert rare_age_holders <= set(f.records.ids)


def test_tree_thresholds_suggest_whole_numbers_from_the_model_alone():
    rng = np.random.default_rng(2)
    age = rng.integers(18, 90, size=400).astype(float)
    X = np.c_[age, rng.normal(size=400)]
    y = rng.integers(0, 2, size=400)  # noise: a full tree splits age everywhere
    tree = DecisionTreeClassifier(random_state=0).fit(X, y)
    [f] = by_check(modelprivacy.inspect(tree), "MP-S104")
    suggested = f.evidence["whole_number_values_suggested"]
    assert (
        "x0" in suggested and "x1" not in suggested
    )  # age holds whole numbers, the noise does not
    t = tree.tree_.threshold[tree.tree_.feature == 0]
    half = t[~np.isclose(t, np.round(t))]
    values = np.unique(np.r_[half - 0.5, half + 0.5])
    assert suggested["x0"] == values.size
    assert np.isin(values, age).mean() >= 0.8  # most suggested values are real training values
    assert "most likely separates the values k and k + 1" in f.description


# MP-S105 -------------------------------------------------------------------


def test_full_tree_singles_out_the_outlier_and_its_label(data):
    X, y = data
    X, y = X.copy(), y.copy()
    X[42] = [8.0, -8.0, 8.0]
    y[42] = 2  # a label only this person has: a pure leaf must hold them alone
    tree = DecisionTreeClassifier(random_state=0).fit(X, y)
    findings = by_check(modelprivacy.inspect(tree, X, y), "MP-S105")
    alone = [f for f in findings if f.severity is Severity.HIGH]
    assert alone and 42 in alone[0].records.ids
    assert alone[0].evidence["label_recovered"] == alone[0].records.count


def test_min_samples_leaf_singles_out_nobody(data):
    X, y = data
    tree = DecisionTreeClassifier(min_samples_leaf=50, random_state=0).fit(X, y)
    assert not by_check(modelprivacy.inspect(tree, X, y), "MP-S105")
    assert not by_check(modelprivacy.inspect(tree), "MP-S105")


def test_forest_counts_only_in_bag_records(data):
    X, y = data
    forest = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y)
    [alone] = [
        f
        for f in by_check(modelprivacy.inspect(forest, X, y), "MP-S105")
        if f.severity is Severity.HIGH
    ]
    # recount by hand with the regenerated bootstrap samples
    expected = set()
    for est, samples in zip(forest.estimators_, forest.estimators_samples_, strict=True):
        samples = np.unique(samples)
        leaves = est.apply(X.astype(np.float32))
        counts = np.bincount(leaves[samples], minlength=est.tree_.node_count)
        expected |= set(samples[counts[leaves[samples]] == 1].tolist())
    assert set(alone.records.ids) == expected
    no_data = by_check(modelprivacy.inspect(forest), "MP-S105")
    assert no_data[0].evidence["leaves_of_one"] > 0 and no_data[0].records.count is None


# MP-S106 -------------------------------------------------------------------


def test_rare_category_is_counted():
    cities = np.array(["Paris"] * 30 + ["Lyon"] * 30 + ["Zyxwick"])
    frame = pd.DataFrame({"city": cities})
    enc = OneHotEncoder().fit(frame)
    [f] = by_check(modelprivacy.inspect(enc, frame), "MP-S106")
    assert f.records.ids == (60,) and f.evidence["single_person_categories"] == 1


def test_token_in_one_document_without_data():
    docs = ["loan rent salary"] * 20 + ["loan qwertyuniq"]
    vec = TfidfVectorizer().fit(docs)
    [f] = by_check(modelprivacy.inspect(vec), "MP-S106")
    assert f.evidence["single_document_tokens"] == 1 and f.severity is Severity.HIGH
    [f] = by_check(modelprivacy.inspect(vec, np.array(docs, dtype=object)), "MP-S106")
    assert f.records.ids == (20,)


def test_small_clusters(data):
    X, _ = data
    X = np.r_[X, [[50.0, 50.0, 50.0]]]
    km = KMeans(n_clusters=3, n_init=3, random_state=0).fit(X)
    [f] = by_check(modelprivacy.inspect(km), "MP-S106")
    assert 200 in f.records.ids


# MP-S107 -------------------------------------------------------------------


def test_emails_in_categories_are_flagged_and_confirmed():
    emails = np.array([f"user{i}@example.org" for i in range(5)] * 4).reshape(-1, 1)
    enc = OneHotEncoder().fit(emails)
    [f] = by_check(modelprivacy.inspect(enc), "MP-S107")
    assert (
        f.severity is Severity.HIGH
        and "e-mail" in f.description
        and "example" not in (f.example or "")
    )
    [f] = by_check(modelprivacy.inspect(enc, pd.DataFrame({"mail": emails[:, 0]})), "MP-S107")
    assert f.confidence is Confidence.HIGH and f.records.count == 20


def test_country_names_with_hyphens_are_not_person_names():
    enc = OneHotEncoder().fit(
        np.array([["United-States"], ["Puerto-Rico"], ["Asian-Pac-Islander"]])
    )
    [f] = by_check(modelprivacy.inspect(enc), "MP-S107")
    assert f.severity is Severity.INFO


def test_person_names_are_flagged():
    enc = OneHotEncoder().fit(np.array([["Jane Doe"], ["John Smith"]]))
    [f] = by_check(modelprivacy.inspect(enc), "MP-S107")
    assert f.severity is Severity.MEDIUM and "person name" in f.description
    assert "2 strings that look like" in f.description


def test_one_flagged_string_is_singular():
    enc = OneHotEncoder().fit(np.array([["Jane Doe"], ["x"], ["y"]]))
    [f] = by_check(modelprivacy.inspect(enc), "MP-S107")
    assert "1 string that looks like" in f.description


# MP-S108 and MP-S102 ---------------------------------------------------------


def test_gaussian_process_stores_targets(data):
    X, _ = data
    y = X @ [1.0, 2.0, 3.0]
    gp = GaussianProcessRegressor().fit(X, y)
    result = modelprivacy.inspect(gp, X, y)
    [f] = by_check(result, "MP-S108")
    assert f.path == "y_train_" and f.records.count == 200 and f.criterion is Criterion.INFERENCE


def test_knn_labels_are_targets_with_rows(data):
    X, y = data
    result = modelprivacy.inspect(KNeighborsClassifier().fit(X, y), X, y)
    [f] = by_check(result, "MP-S108")
    assert f.path == "_y" and f.severity is Severity.HIGH and f.records.count == 200


def test_embedding_is_per_record(data):
    X, _ = data
    tsne = TSNE(perplexity=10, max_iter=250, random_state=0).fit(X)
    findings = by_check(modelprivacy.inspect(tsne, X), "MP-S102")
    assert any(f.path == "embedding_" and f.records.count == 200 for f in findings)
    assert all(f.criterion is Criterion.LINKABILITY for f in findings)


def test_inspection_is_deterministic(data):
    X, y = data
    forest = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y)
    a = modelprivacy.inspect(forest, X, y).to_dict()
    b = modelprivacy.inspect(forest, X, y).to_dict()
    assert a["findings"] == b["findings"]


class ThirdPartyModel:
    """An estimator no table knows: it hides a copy of its training data."""

    def fit(self, X, y):
        self.cache_ = {"rows": np.asarray(X, dtype=np.float64).copy(), "n": len(X)}
        self._peak = float(np.max(X[:, 1]))
        self.labels_seen_ = np.asarray(y)
        return self

    def predict(self, X):
        return np.zeros(len(X))


def test_unknown_estimator_is_walked_and_matched(data):
    X, y = data
    model = ThirdPartyModel().fit(X, y)
    result = modelprivacy.inspect(model, X, y)
    rows = by_check(result, "MP-S101")
    assert [f.path for f in rows] == ["cache_['rows']"] and rows[0].records.count == 200
    values = by_check(result, "MP-S103")
    assert any(f.path == "_peak" and f.records.ids == (int(np.argmax(X[:, 1])),) for f in values)
    per_record = by_check(result, "MP-S102")
    assert any(f.path == "labels_seen_" for f in per_record)
    # without data nothing confirms the unknown attributes: no false claim of rows
    assert not by_check(modelprivacy.inspect(model), "MP-S101")


# Regressions found in review ------------------------------------------------


def test_integer_rows_of_a_knn_are_found():
    rng = np.random.default_rng(3)
    X = rng.integers(17, 90, size=(300, 4))
    y = rng.integers(0, 2, size=300)
    knn = KNeighborsClassifier(algorithm="brute").fit(X, y)
    [f] = by_check(modelprivacy.inspect(knn, X, y), "MP-S101")
    assert f.path == "_fit_X" and f.records.count == 300 and f.confidence is Confidence.HIGH
    [f] = by_check(modelprivacy.inspect(knn), "MP-S101")
    assert f.path == "_fit_X"


def test_quantiles_are_values_not_rows():
    rng = np.random.default_rng(4)
    X = np.round(rng.normal(size=(2000, 3)), 1)
    qt = QuantileTransformer(n_quantiles=100).fit(X)
    result = modelprivacy.inspect(qt, X)
    assert not by_check(result, "MP-S101")
    [f] = by_check(result, "MP-S103")
    assert f.evidence["rare_values"] <= qt.quantiles_.size


def test_extremes_are_matched_within_their_own_column():
    X = np.tile(np.arange(1.0, 21.0), (2, 1)).T  # 20 rows, values 1..20 in both columns
    X[:, 1] += 100.0
    X[3, 1] = 20.0  # column 1 holds the value 20 once; it is column 0's max
    scaler = MinMaxScaler().fit(X)
    [f] = [f for f in by_check(modelprivacy.inspect(scaler, X), "MP-S103") if f.path == "data_max_"]
    assert f.records.ids == (19,)  # the holder of column 0's max, not record 3


def test_normalised_targets_are_still_reported(data):
    X, _ = data
    y = X @ [1.0, 2.0, 3.0] + 10
    gp = GaussianProcessRegressor(normalize_y=True).fit(X, y)
    [f] = by_check(modelprivacy.inspect(gp, X, y), "MP-S108")
    assert f.path == "y_train_" and f.severity is Severity.HIGH


def test_bagged_knn_labels_are_reported_once(data):
    from sklearn.ensemble import BaggingClassifier

    X, y = data
    bag = BaggingClassifier(
        KNeighborsClassifier(), n_estimators=4, max_samples=0.5, random_state=0
    ).fit(X, y)
    targets = by_check(modelprivacy.inspect(bag, X, y), "MP-S108")
    assert [f.path for f in targets] == ["estimators_[*]._y"]
    rows = by_check(modelprivacy.inspect(bag, X, y), "MP-S101")
    assert [f.path for f in rows] == ["estimators_[*]._fit_X"] and rows[0].records.count > 100


def test_missing_category_is_counted():
    col = np.array(["a"] * 30 + ["b"] * 30 + [np.nan] * 3, dtype=object)
    frame = pd.DataFrame({"c": col})
    enc = OneHotEncoder().fit(frame)
    [f] = by_check(modelprivacy.inspect(enc, frame), "MP-S106")
    assert f.records.ids == (60, 61, 62)


def test_number_ranges_and_ids_are_not_phone_numbers():
    from modelprivacy.inspection.checks.strings import classify

    for text in (
        "2019-2020",
        "25000-50000",
        "1990 - 2000",
        "3.141592653",
        "123e4567-e89b-12d3-a456-426614174000",
    ):
        assert classify(text) is None, text
    assert classify("+44 20 7946 0958") == "phone number"
    assert classify("jane@example.org") == "e-mail address"


def test_identifiers_shared_by_many_identify_no_one():
    frame = pd.DataFrame({"office": ["+44 20 7946 0958", "+1 212 555 0199"] * 20})
    enc = OneHotEncoder().fit(frame)
    [f] = by_check(modelprivacy.inspect(enc), "MP-S107")
    assert f.severity is Severity.HIGH and "phone number" in f.description
    # with data: each number is held by 20 records (an office line), so it identifies no one
    [f] = by_check(modelprivacy.inspect(enc, frame), "MP-S107")
    assert f.severity is Severity.INFO and f.evidence["shared_identifiers"] == 2
    assert "held by at least 10 training records" in f.description


def test_birch_cf_tree_is_one_group():
    from sklearn.cluster import Birch

    X = np.random.default_rng(5).normal(size=(400, 3))
    birch = Birch(n_clusters=None, threshold=0.05).fit(X)
    result = modelprivacy.inspect(birch, X)
    assert len(result.findings) < 12
    assert any(f.path.endswith("(CF tree).centroids_") for f in result.findings)


def test_hostile_object_does_not_break_the_inspection():
    class Hostile:
        def fit(self, X):
            self.train_ = pd.DataFrame(X, columns=["a", "b", "c"])
            return self

        def predict(self, X):
            return X

        def __getattr__(self, name):
            raise ValueError("no such thing")

    X = np.random.default_rng(6).normal(size=(50, 3))
    result = modelprivacy.inspect(Hostile().fit(X), X)
    assert any(f.check_id == "MP-S101" and f.records.count == 50 for f in result.findings)


def test_stacking_passthrough_rows_behind_predictions(data):
    from sklearn.ensemble import StackingClassifier
    from sklearn.linear_model import LogisticRegression

    X, y = data
    stack = StackingClassifier(
        [("lr", LogisticRegression()), ("tree", DecisionTreeClassifier(max_depth=2))],
        final_estimator=KNeighborsClassifier(),
        passthrough=True,
    ).fit(X, y)
    [f] = by_check(modelprivacy.inspect(stack, X, y), "MP-S101")
    assert f.path == "final_estimator_._fit_X" and f.records.count == 200


def test_hist_gradient_boosting_small_leaves_name_their_people():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(400, 3))
    X[5, 0] = np.nan  # missing values follow the stored missing-go-left direction
    X[9] = [9.0, -9.0, 9.0]  # an outlier
    y = (X[:, 1] + rng.normal(scale=0.5, size=400) > 0).astype(int)
    hgb = HistGradientBoostingClassifier(min_samples_leaf=1, max_iter=20, early_stopping=False).fit(
        X, y
    )
    [f] = by_check(modelprivacy.inspect(hgb, X, y), "MP-S105")
    ev = f.evidence
    assert 0 < ev["records_alone"] <= ev["records_in_small_leaves"] == f.records.count
    # routing is exact: the records in leaves of one are exactly as many as such leaves hold
    # (summed over trees, a person alone in several trees counts once)
    assert ev["records_alone"] <= ev["leaves_of_one"]
    default = HistGradientBoostingClassifier(max_iter=20).fit(X, y)
    assert not by_check(modelprivacy.inspect(default, X, y), "MP-S105")
