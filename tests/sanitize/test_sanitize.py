"""Tests of modelprivacy.sanitize on real estimators and small planted data."""

from __future__ import annotations

import json
import os

import joblib
import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.covariance import EllipticEnvelope
from sklearn.ensemble import (
    BaggingClassifier,
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    HistGradientBoostingClassifier,
    IsolationForest,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import (
    MaxAbsScaler,
    MinMaxScaler,
    OneHotEncoder,
    OrdinalEncoder,
    QuantileTransformer,
    StandardScaler,
    TargetEncoder,
)
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from threadpoolctl import threadpool_limits

from modelprivacy.datasets import ADULT_NUMERIC, ADULT_TARGET, load_adult
from modelprivacy.errors import DataError
from modelprivacy.load import load_model
from modelprivacy.sanitizing import RULES, Action, SanitizeResult, sanitize, save_model, utility
from modelprivacy.sanitizing._prune import TREE_LEAF
from modelprivacy.singling import leaf_boxes

K = 10


@pytest.fixture(autouse=True)
def _one_thread():
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="module")
def adult():
    """3,000 training and 1,000 holdout records of UCI Adult."""
    frame = load_adult().sample(4000, random_state=0).reset_index(drop=True)
    train, hold = frame.iloc[:3000].reset_index(drop=True), frame.iloc[3000:]
    return (
        train.drop(columns=ADULT_TARGET),
        train[ADULT_TARGET].to_numpy(),
        hold.drop(columns=ADULT_TARGET),
        hold[ADULT_TARGET].to_numpy(),
    )


@pytest.fixture(scope="module")
def numeric(adult):
    X, y, Xh, yh = adult
    return X[ADULT_NUMERIC], y, Xh[ADULT_NUMERIC], yh


@pytest.fixture(scope="module")
def forest(numeric):
    X, y, _, _ = numeric
    return RandomForestClassifier(n_estimators=50, random_state=0, n_jobs=1).fit(X, y)


def _leaves_distinct_inbag(model, X):
    """Per tree, the distinct in-bag records of every leaf they reach."""
    X32 = np.asarray(X, dtype=np.float32)
    sizes = []
    for tree, inbag in zip(model.estimators_, model.estimators_samples_, strict=True):
        rows = np.unique(inbag)
        leaf = tree.tree_.apply(np.ascontiguousarray(X32[rows]))
        sizes.append(np.bincount(leaf)[np.unique(leaf)])
    return np.concatenate(sizes)


def _outputs(model, X):
    out = {}
    for method in ("predict", "predict_proba", "decision_function", "transform", "score_samples"):
        if hasattr(model, method):
            try:
                value = getattr(model, method)(X)
            except (AttributeError, NotImplementedError):
                continue
            out[method] = value.toarray() if hasattr(value, "toarray") else np.asarray(value)
    return out


def _assert_same_outputs(before, after, X):
    a, b = _outputs(before, X), _outputs(after, X)
    assert a.keys() == b.keys() and a
    for method in a:
        np.testing.assert_array_equal(a[method], b[method], err_msg=method)


# ----------------------------------------------------------------------------- trees


def test_forest_pruned_leaves_hold_k_distinct_inbag_records(forest, numeric):
    X, y, Xh, yh = numeric
    before = leaf_boxes(forest, X, y, k=K)
    assert before.n_exposed > 0  # the default forest does single people out

    result = sanitize(forest, X, y, k=K)

    assert result.refused == ()
    assert [a.kind for a in result.actions] == ["prune"]
    assert "distinct in-bag" in result.actions[0].what
    assert _leaves_distinct_inbag(result.model, X).min() >= K
    after = leaf_boxes(result.model, X, y, k=K)
    assert after.n_singled_out == 0
    assert after.n_exposed == 0
    assert after.summary()["alone"] == 0
    # the pruned trees are compact: no orphaned small leaves left in the arrays
    for tree in result.model.estimators_:
        t = tree.tree_
        reachable = np.zeros(t.node_count, dtype=bool)
        reachable[0] = True
        for node in range(t.node_count):
            if reachable[node] and t.children_left[node] != TREE_LEAF:
                reachable[t.children_left[node]] = reachable[t.children_right[node]] = True
        assert reachable.all()
        assert t.n_node_samples[t.children_left == TREE_LEAF].min() >= K
    scores = utility(forest, result.model, Xh, yh)
    assert scores["task"] == "classification"
    assert scores["after"]["roc_auc"] > 0.75
    assert set(scores["change"]) == {"accuracy", "roc_auc"}


def test_forest_without_data_prunes_on_node_counts(forest, numeric):
    X, y, _, _ = numeric
    result = sanitize(forest, k=K)
    assert "n_node_samples" in result.actions[0].what
    assert leaf_boxes(result.model, X, y, k=K).n_exposed == 0


def test_input_model_is_not_modified(forest, numeric):
    X, y, _, _ = numeric
    digest = joblib.hash(forest)
    result = sanitize(forest, X, y, k=K)
    assert result.model is not forest
    assert joblib.hash(forest) == digest


@pytest.mark.parametrize(
    "make",
    [
        lambda: DecisionTreeRegressor(random_state=0),
        lambda: RandomForestRegressor(n_estimators=10, random_state=0),
        lambda: GradientBoostingRegressor(n_estimators=20, max_depth=6, random_state=0),
        lambda: GradientBoostingClassifier(n_estimators=10, max_depth=6, random_state=0),
        lambda: BaggingClassifier(DecisionTreeClassifier(), n_estimators=10, random_state=0),
        lambda: IsolationForest(n_estimators=20, random_state=0),
    ],
    ids=["tree", "forest-reg", "gb-reg", "gb-clf", "bagging", "iforest"],
)
def test_tree_models_have_no_leaf_under_k(make, numeric):
    X, y, Xh, _ = numeric
    Xa = X.to_numpy(dtype=float)
    model = make()
    target = Xa[:, 0] * 3 + Xa[:, 5] if type(model).__name__.endswith("Regressor") else y
    model.fit(Xa, target)
    result = sanitize(model, Xa, target, k=K)
    assert result.refused == ()
    members = getattr(result.model, "estimators_", None)
    trees = [result.model] if members is None else list(np.ravel(members))
    for t in trees:
        leaves = t.tree_.children_left == TREE_LEAF
        assert t.tree_.n_node_samples[leaves].min() >= K
    outputs = _outputs(result.model, Xh.to_numpy(dtype=float))
    assert all(np.isfinite(v).all() for v in outputs.values() if v.dtype.kind == "f")


# ----------------------------------------------------------------------------- strip


def test_strip_keeps_every_prediction(numeric):
    X, y, Xh, _ = numeric
    models = [
        RandomForestClassifier(n_estimators=20, oob_score=True, random_state=0).fit(X, y),
        GridSearchCV(
            make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)),
            {"logisticregression__C": [0.1, 1.0]},
            cv=3,
        ).fit(X, y),
        KMeans(n_clusters=4, n_init=2, random_state=0).fit(X),
        EllipticEnvelope(random_state=0).fit(X),
    ]
    stripped_attrs = ["oob_decision_function_", "cv_results_", "labels_", "dist_"]
    for model, attr in zip(models, stripped_attrs, strict=True):
        result = sanitize(model, X, y, k=K, rules=["strip"])
        assert hasattr(model, attr)
        assert not hasattr(result.model, attr)
        assert {a.kind for a in result.actions} == {"strip"}
        assert any(a.path.endswith(attr) for a in result.actions)
        _assert_same_outputs(model, result.model, Xh)
    assert hasattr(models[1], "best_estimator_")


def test_strip_vectorizer_stop_words(adult):
    X, _, Xh, _ = adult
    docs = (X["occupation"].fillna("none") + " " + X["native-country"].fillna("none")).tolist()
    hold = (Xh["occupation"].fillna("none") + " " + Xh["native-country"].fillna("none")).tolist()
    for vec in (CountVectorizer(max_df=0.5), TfidfVectorizer(min_df=2)):
        vec.fit(docs)
        # scikit-learn < 1.9 stored the dropped (rare and frequent) words; a
        # vectorizer saved by it still carries them
        vec.stop_words_ = {"rare-token", "frequent-token"}
        result = sanitize(vec, rules=["strip"])
        assert result.model.stop_words_ is None
        _assert_same_outputs(vec, result.model, hold)


def test_vectorizer_refit_with_min_df(adult):
    X, _, _, _ = adult
    docs = (X["occupation"].fillna("none") + " " + X["native-country"].fillna("none")).tolist()
    vec = CountVectorizer().fit(docs)
    result = sanitize(vec, docs, k=K)
    assert result.model.min_df == K
    counts = np.asarray(vec.transform(docs).astype(bool).sum(axis=0)).ravel()
    rare = {t for t, i in vec.vocabulary_.items() if counts[i] < K}
    assert rare and not rare & set(result.model.vocabulary_)
    refused = sanitize(vec, k=K)
    assert any("needs the training data to refit" in r for r in refused.refused)


# ----------------------------------------------------------------------------- data models


def test_knn_is_refused_and_replaced(numeric):
    X, y, Xh, yh = numeric
    knn = make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(X, y)
    refused = sanitize(knn, X, y, k=K)
    assert refused.replaced_by is None
    assert len(refused.refused) == 1
    assert "KNeighborsClassifier" in refused.refused[0] and "steps[1]" in refused.refused[0]
    assert any(a.kind == "refused" and a.rule == "stored_data" for a in refused.actions)

    replaced = sanitize(knn, X.iloc[:1000], y[:1000], k=K, replace=True, X_holdout=Xh, y_holdout=yh)
    assert replaced.refused == ()
    assert replaced.replaced_by in {
        "HistGradientBoostingClassifier",
        "LogisticRegression",
        "RandomForestClassifier",
    }
    assert replaced.replacement is not None and len(replaced.replacement.candidates) == 3
    final = replaced.model.steps[-1][1]
    assert isinstance(replaced.model.steps[0][1], StandardScaler)
    assert not hasattr(final, "_fit_X")
    assert utility(knn, replaced.model, Xh, yh)["after"]["accuracy"] > 0.7

    no_data = sanitize(knn, k=K, replace=True)
    assert no_data.replaced_by is None
    assert any("needs the training data" in r for r in no_data.refused)


def test_svc_is_refused(numeric):
    X, y, _, _ = numeric
    svc = make_pipeline(StandardScaler(), SVC()).fit(X.iloc[:500], y[:500])
    result = sanitize(svc, X.iloc[:500], y[:500])
    assert any("support vectors" in r for r in result.refused)


def test_hist_gradient_boosting_refit_or_refused(numeric):
    X, y, _, _ = numeric
    hgb = HistGradientBoostingClassifier(max_iter=20, min_samples_leaf=2, random_state=0)
    hgb.fit(X, y)
    refused = sanitize(hgb, k=K)
    assert any("min_samples_leaf" in r and "training data" in r for r in refused.refused)
    refit = sanitize(hgb, X, y, k=K)
    # max(k, min(5k, n // 20)) with n = 3,000
    assert refit.model.min_samples_leaf == 5 * K and refit.model.max_iter == 20
    assert refit.model.random_state == 0
    assert any(a.kind == "refit" for a in refit.actions)
    no_refit = sanitize(hgb, X, y, k=K, refit=False)
    assert no_refit.model.min_samples_leaf == 2 and no_refit.refused


# ----------------------------------------------------------------------------- encoders


def test_encoders_get_min_frequency(adult):
    X, y, Xh, yh = adult
    X, Xh = X.fillna("none"), Xh.fillna("none")
    cats = ["occupation", "native-country", "education"]
    model = make_pipeline(
        ColumnTransformer(
            [
                ("onehot", OneHotEncoder(handle_unknown="ignore"), cats),
                ("ordinal", OrdinalEncoder(), ["workclass"]),
                ("num", "passthrough", ["age", "hours-per-week"]),
            ]
        ),
        LogisticRegression(max_iter=300),
    ).fit(X, y)
    result = sanitize(model, X, y, k=K)
    ct = result.model.steps[0][1]
    onehot = ct.named_transformers_["onehot"]
    assert onehot.min_frequency == K
    assert onehot.handle_unknown == "infrequent_if_exist"
    assert any(c is not None and len(c) for c in onehot.infrequent_categories_)
    assert ct.named_transformers_["ordinal"].min_frequency == K
    # every output column but the grouped infrequent ones stands for at least k records
    out = np.asarray(onehot.transform(X[cats]).sum(axis=0)).ravel()
    grouped = np.char.endswith(onehot.get_feature_names_out().astype(str), "infrequent_sklearn")
    assert grouped.any() and out[~grouped].min() >= K
    assert any(a.kind == "refit" and "min_frequency" in a.what for a in result.actions)
    assert utility(model, result.model, Xh, yh)["after"]["accuracy"] > 0.7

    refused = sanitize(model, k=K)
    assert any("needs the training data to refit" in r for r in refused.refused)
    assert refused.model.steps[0][1].named_transformers_["onehot"].min_frequency is None


def test_target_encoder_smoothing(adult):
    X, y, _, _ = adult
    model = make_pipeline(TargetEncoder(random_state=0), LogisticRegression(max_iter=300)).fit(
        X[["occupation", "native-country"]].fillna("none"), y
    )
    result = sanitize(model, X[["occupation", "native-country"]].fillna("none"), y, k=K)
    assert result.model.steps[0][1].smooth == float(K)


# ----------------------------------------------------------------------------- scalers


def test_minmax_scaler_stores_no_single_value(numeric):
    X, y, Xh, yh = numeric
    model = make_pipeline(MinMaxScaler(), LogisticRegression(max_iter=500)).fit(X, y)
    result = sanitize(model, X, y, k=K)
    scaler = result.model.steps[0][1]
    A = X.to_numpy(dtype=float)
    for j in range(A.shape[1]):
        values, counts = np.unique(A[:, j], return_counts=True)
        rare = set(values[counts < K].tolist())
        assert scaler.data_min_[j] not in rare
        assert scaler.data_max_[j] not in rare
    fnlwgt = ADULT_NUMERIC.index("fnlwgt")  # continuous: every extreme value is one person's
    assert A[:, fnlwgt].min() < scaler.data_min_[fnlwgt] < scaler.data_max_[fnlwgt]
    assert scaler.data_max_[fnlwgt] < A[:, fnlwgt].max()
    np.testing.assert_allclose(scaler.scale_, 1.0 / scaler.data_range_)
    np.testing.assert_allclose(
        scaler.transform(X.iloc[:1]), (A[:1] - scaler.data_min_) * scaler.scale_
    )
    kinds = [(a.rule, a.kind) for a in result.actions]
    assert ("extremes", "clip") in kinds and ("refit", "refit") in kinds
    assert utility(model, result.model, Xh, yh)["after"]["accuracy"] > 0.7

    refused = sanitize(model, k=K)
    assert any("MinMaxScaler" in r for r in refused.refused)

    maxabs = MaxAbsScaler().fit(A)
    clipped = sanitize(maxabs, A, k=K).model
    assert (clipped.max_abs_ < maxabs.max_abs_).any()


def test_quantile_transformer_keeps_fewer_quantiles(numeric):
    X, _, Xh, _ = numeric
    qt = QuantileTransformer(n_quantiles=1000).fit(X)
    result = sanitize(qt, X, k=K)
    q = result.model.quantiles_
    assert q.shape == (max(10, len(X) // K), X.shape[1])
    assert result.model.n_quantiles_ == q.shape[0] < qt.quantiles_.shape[0]
    assert result.model.references_.shape == (q.shape[0],)
    assert (q[0] > X.min().to_numpy()).any()
    diff = np.abs(result.model.transform(Xh) - qt.transform(Xh))
    assert np.median(diff) < 0.01
    without = sanitize(qt, k=K).model
    assert without.quantiles_.shape[0] == 100


# ----------------------------------------------------------------------------- results and files


def test_same_seed_same_result(numeric):
    X, y, _, _ = numeric
    model = make_pipeline(MinMaxScaler(), KNeighborsClassifier()).fit(X, y)
    a = sanitize(model, X, y, k=K, replace=True, seed=3)
    b = sanitize(model, X, y, k=K, replace=True, seed=3)
    assert joblib.hash(a.model) == joblib.hash(b.model)
    assert a.actions == b.actions
    assert isinstance(a, SanitizeResult) and all(isinstance(x, Action) for x in a.actions)
    payload = json.loads(json.dumps(a.to_dict()))
    assert payload["replaced_by"] == payload["replacement"]["chosen"].split("(")[0]
    assert {"rule", "path", "what", "kind"} == set(payload["actions"][0])


def test_save_and_load_round_trip(forest, numeric, tmp_path):
    X, y, Xh, _ = numeric
    source = tmp_path / "model.skops"
    save_model(forest, source)
    before = source.read_bytes()
    loaded = load_model(source).estimator

    result = sanitize(loaded, X, y, k=K)
    out = save_model(result.model, tmp_path / "safer.skops", inputs=[source])
    assert source.read_bytes() == before
    back = load_model(out)
    assert back.format == "skops"
    np.testing.assert_array_equal(back.estimator.predict_proba(Xh), result.model.predict_proba(Xh))

    with pytest.raises(DataError, match="overwrite the input"):
        save_model(result.model, source, inputs=[source])
    with pytest.raises(DataError, match="overwrite the input"):
        save_model(result.model, tmp_path / "." / "model.skops", inputs=[str(source)])
    assert source.read_bytes() == before

    jl = save_model(result.model, tmp_path / "safer.joblib", inputs=[source])
    assert load_model(jl).format == "joblib"
    pkl = save_model(result.model, tmp_path / "safer.pkl")
    np.testing.assert_array_equal(load_model(pkl).estimator.predict(Xh), result.model.predict(Xh))
    assert sorted(os.listdir(tmp_path)) == [
        "model.skops",
        "safer.joblib",
        "safer.pkl",
        "safer.skops",
    ]
    with pytest.raises(DataError, match="does not exist"):
        save_model(result.model, tmp_path / "missing" / "x.skops")


def test_sanitized_pipeline_with_everything_round_trips(adult, tmp_path):
    X, y, Xh, _ = adult
    model = make_pipeline(
        ColumnTransformer(
            [
                ("cat", OneHotEncoder(handle_unknown="ignore"), ["occupation", "workclass"]),
                ("num", MinMaxScaler(), ADULT_NUMERIC),
            ]
        ),
        RandomForestClassifier(n_estimators=10, random_state=0),
    ).fit(X, y)
    result = sanitize(model, X, y, k=K)
    assert result.refused == ()
    rules = {a.rule for a in result.actions}
    assert {"encoders", "extremes", "trees"} <= rules
    Xt = result.model[:-1].transform(X)
    assert leaf_boxes(result.model, X, y, k=K).n_exposed == 0
    assert Xt.shape[0] == len(X)
    path = save_model(result.model, tmp_path / "p.skops")
    back = load_model(path).estimator
    np.testing.assert_array_equal(back.predict(Xh), result.model.predict(Xh))


def test_errors(numeric):
    X, y, _, _ = numeric
    model = LogisticRegression(max_iter=300).fit(X, y)
    with pytest.raises(ValueError, match="k must be"):
        sanitize(model, k=0)
    with pytest.raises(DataError, match="without X"):
        sanitize(model, y=y)
    with pytest.raises(DataError, match="rows"):
        sanitize(model, X, y[:10])
    with pytest.raises(ValueError, match="unknown rule"):
        sanitize(model, rules=["nope"])
    result = sanitize(model, X, y)
    assert result.actions == () and result.refused == () and result.safe


def test_registry_rules_are_documented():
    path = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "sanitize.md")
    with open(path, encoding="utf-8") as fh:
        doc = fh.read()
    for name, rule in RULES.items():
        assert rule.name == name
        assert rule.doc and rule.phase in ("refit", "inplace")
        assert f'<a id="{name}"></a>' in doc
    assert '<a id="refit"></a>' in doc
