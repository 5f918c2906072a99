"""Coverage: every fitted scikit-learn estimator, inspected with and without data.

For each planted training value whose bytes appear in the model's pickle, the
inspection must report the record holding it (with data) and the attribute
holding it (without data). Aggregate-only models must get no high finding.
"""

from __future__ import annotations

import pickle
import re

import numpy as np
import pytest

import modelprivacy
import zoo
from modelprivacy import Severity
from modelprivacy.inspection.walker import walk

CASES = zoo.cases()

# Models that keep only aggregates of the training data (sums, means, coefficients).
AGGREGATE_ONLY = {
    "LinearRegression",
    "Ridge",
    "RidgeCV",
    "Lasso",
    "LassoCV",
    "ElasticNet",
    "ElasticNetCV",
    "LogisticRegression",
    "LogisticRegressionCV",
    "SGDClassifier",
    "SGDRegressor",
    "Perceptron",
    "PassiveAggressiveClassifier",
    "PassiveAggressiveRegressor",
    "LinearSVC",
    "LinearSVR",
    "BayesianRidge",
    "ARDRegression",
    "HuberRegressor",
    "Lars",
    "LarsCV",
    "LassoLars",
    "LassoLarsCV",
    "LassoLarsIC",
    "OrthogonalMatchingPursuit",
    "OrthogonalMatchingPursuitCV",
    "RidgeClassifier",
    "RidgeClassifierCV",
    "TweedieRegressor",
    "PoissonRegressor",
    "GammaRegressor",
    "PCA",
    "IncrementalPCA",
    "TruncatedSVD",
    "FactorAnalysis",
    "FastICA",
    "StandardScaler",
    "LinearDiscriminantAnalysis",
    "QuadraticDiscriminantAnalysis",
    "GaussianNB",
    "MultinomialNB",
    "ComplementNB",
    "BernoulliNB",
    "Normalizer",
    "PolynomialFeatures",
    "GaussianRandomProjection",
    "SparseRandomProjection",
    "EmpiricalCovariance",
    "LedoitWolf",
    "OAS",
    "ShrunkCovariance",
    "GaussianMixture",
    "BayesianGaussianMixture",
    "PLSRegression",
    "PLSCanonical",
    "CCA",
    "PLSSVD",
    "NMF",
    "MiniBatchNMF",
    "LatentDirichletAllocation",
    "DummyClassifier",
    "DummyRegressor",
    "VarianceThreshold",
    "SelectKBest",
    "SelectPercentile",
    "PowerTransformer",
    "Binarizer",
    "RBFSampler",
    "SkewedChi2Sampler",
    "AdditiveChi2Sampler",
    "PolynomialCountSketch",
    "NeighborhoodComponentsAnalysis",
    "MultiTaskLasso",
    "MultiTaskElasticNet",
}


def planted_cells(case: zoo.Case) -> dict[bytes, int]:
    """Byte patterns of every planted value -> the record holding it."""
    X, _, y_reg = zoo.planted_data()
    out: dict[bytes, int] = {}
    for i in range(X.shape[0]):
        for v in X[i]:
            out[np.float64(v).tobytes()] = i
        if case.y is not None and np.asarray(case.y).dtype.kind == "f":
            out[np.float64(y_reg[i]).tobytes()] = i
    return out


def found_in_pickle(case: zoo.Case) -> dict[int, list[float]]:
    """Records whose planted float64 values appear in the model's pickle bytes."""
    blob = pickle.dumps(case.estimator, protocol=5)
    hits: dict[int, list[float]] = {}
    for pattern, rec in planted_cells(case).items():
        if pattern in blob:
            hits.setdefault(rec, []).append(float(np.frombuffer(pattern, dtype=np.float64)[0]))
    return hits


def _as_regex(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(path).replace(r"\[\*\]", r"(\[[^\]]*\])+") + r"(\.|\[|$)")


def _paths_holding(case: zoo.Case, values: set[float]) -> set[str]:
    out = set()
    for node in walk(case.estimator):
        v = node.value
        if isinstance(v, np.ndarray) and v.dtype.kind == "f" and v.size:
            if values & set(v.astype(np.float64).ravel().tolist()):
                out.add(node.path)
        elif isinstance(v, (float, np.floating)) and float(v) in values:
            out.add(node.path)
    return out


@pytest.mark.parametrize("case", CASES, ids=zoo.case_ids())
def test_planted_values_are_reported_with_data(case):
    X, y = case.X, case.y
    result = modelprivacy.inspect(case.estimator, X, y, debug=True)
    assert not result.errors
    exposed = set(result.records_exposed(min_severity=Severity.INFO))
    leaked = found_in_pickle(case)
    missing = sorted(set(leaked) - exposed)
    assert not missing, f"records {missing[:10]} are in the pickle but not reported"


@pytest.mark.parametrize("case", CASES, ids=zoo.case_ids())
def test_planted_values_are_reported_without_data(case):
    result = modelprivacy.inspect(case.estimator, debug=True)
    assert not result.errors
    leaked = found_in_pickle(case)
    if not leaked:
        return
    values = {v for vs in leaked.values() for v in vs}
    holders = _paths_holding(case, values)
    patterns = [_as_regex(f.path) for f in result.findings]
    listed = {p for f in result.findings for p in f.evidence.get("paths", [])}
    unreported = sorted(
        p for p in holders if p not in listed and not any(rx.match(p) for rx in patterns)
    )
    assert not unreported, (
        f"attributes {unreported[:5]} hold training values but no finding names them"
    )


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.name in AGGREGATE_ONLY], ids=lambda c: c.name
)
def test_aggregate_models_get_no_high_finding(case):
    for data in ((None, None), (case.X, case.y)):
        result = modelprivacy.inspect(case.estimator, *data, debug=True)
        high = result.at_or_above(Severity.HIGH)
        assert not high, [(f.check_id, f.path, f.description) for f in high]


@pytest.mark.parametrize("case", CASES, ids=zoo.case_ids())
def test_restricted_loader_accepts_every_fitted_estimator(case, tmp_path):
    """No false refusal: every estimator of the coverage set loads without --trust."""
    import joblib

    from modelprivacy.load import load_model

    path = tmp_path / "model.joblib"
    joblib.dump(case.estimator, path)
    loaded = load_model(path).estimator
    assert type(loaded) is type(case.estimator)
    if case.X is not None and hasattr(loaded, "predict") and not isinstance(case.X, list):
        try:
            expected = case.estimator.predict(case.X)
        except Exception:
            return
        got = loaded.predict(case.X)
        if np.asarray(expected).dtype.kind == "f":
            np.testing.assert_allclose(got, expected, rtol=1e-9)  # BLAS may reorder sums
        else:
            np.testing.assert_array_equal(got, expected)


def test_coverage_counts_trees_in_the_singular_too():
    from types import SimpleNamespace

    from modelprivacy.auditing.coverage import coverage

    def inversion(n_trees: int) -> str:
        rows = coverage(n_train=10, boxes=SimpleNamespace(n_trees=n_trees))
        return next(r.scope for r in rows if r.attack == "Model inversion")

    assert "leaf boxes of 1 tree (MP-S110)" in inversion(1)
    assert "leaf boxes of 3 trees (MP-S110)" in inversion(3)
