"""Fitted scikit-learn estimators on planted data, shared by the coverage tests.

Every class of ``sklearn.utils.all_estimators()`` that fits with defaults (or
with the minimal parameters below) on small planted data is fitted once. The
planted data has recognisable values: every cell of ``X`` (and every regression
target) is a distinct non-round float, so finding its 8 bytes in a pickle means
the model stores that training value.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import ClassifierMixin, RegressorMixin, clone, is_regressor
from sklearn.utils import all_estimators

N_TRAIN = 53
N_FEATURES = 4
SEED = 0

# Planted strings of the mixed-data cases -> the record holding them: a category
# and a text token that only one person has.
PLANTED_STRINGS = {"Zyxwick-upon-Quill": 7, "qwertyuniq": 11}


@dataclass
class Case:
    name: str
    estimator: Any
    X: Any
    y: np.ndarray | None


def planted_data(n: int = N_TRAIN, d: int = N_FEATURES, seed: int = SEED):
    """Unique recognisable floats: X (n, d), a binary label and a regression target."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(1.0, 9.0, size=(n, d)) + rng.uniform(0, 1e-3, size=(n, d))
    noise = rng.normal(scale=1.0, size=n)
    y_class = (X[:, 0] + X[:, 1] + noise > np.median(X[:, 0] + X[:, 1])).astype(int)
    y_reg = X @ np.array([1.5, -2.0, 0.5, 1.0])[:d] + noise + rng.uniform(0, 1e-3, size=n)
    y_reg = y_reg - y_reg.min() + 1.0 + rng.uniform(0, 1e-3)  # positive, for Gamma/Poisson
    return X, y_class, y_reg


def _base_estimators() -> dict[str, Any]:
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

    return {
        "classifier": LogisticRegression(),
        "regressor": LinearRegression(),
        "tree_classifier": DecisionTreeClassifier(random_state=0),
        "tree_regressor": DecisionTreeRegressor(random_state=0),
    }


# Minimal parameters for classes that do not fit with defaults on 53 x 4 data.
_PARAMS: dict[str, dict[str, Any]] = {
    "SparseCoder": {"dictionary": np.eye(4)},
    "TSNE": {"perplexity": 10.0, "random_state": 0, "max_iter": 250},
    "SpectralBiclustering": {"n_clusters": 2},
    "SpectralCoclustering": {"n_clusters": 2},
    "SpectralClustering": {"n_clusters": 2},
    "GaussianRandomProjection": {"n_components": 2},
    "SparseRandomProjection": {"n_components": 2},
    "ColumnTransformer": {},
    "Isomap": {"n_neighbors": 5},
    "LocallyLinearEmbedding": {"n_neighbors": 10},
    "KNeighborsTransformer": {},
    "RadiusNeighborsClassifier": {"radius": 100.0},
    "RadiusNeighborsRegressor": {"radius": 100.0},
    "QuantileTransformer": {"n_quantiles": 100},
    "MLPClassifier": {"max_iter": 50},
    "MLPRegressor": {"max_iter": 50},
    "RandomizedSearchCV": {"n_iter": 2},
    "PLSCanonical": {"n_components": 1},
    "CCA": {"n_components": 1},
    "PLSSVD": {"n_components": 1},
    # a radius that gives core samples, so components_ holds training rows
    "DBSCAN": {"eps": 3.0},
}

# Classes that need data of another kind (text, dicts, categories, labels only) or
# cannot be fitted on plain numeric data; they are covered by explicit cases below.
_SKIP = {
    "DictVectorizer",
    "FeatureHasher",
    "HashingVectorizer",
    "CountVectorizer",
    "TfidfVectorizer",
    "TfidfTransformer",
    "LabelBinarizer",
    "LabelEncoder",
    "MultiLabelBinarizer",
    "IsotonicRegression",
    "CategoricalNB",
    "PatchExtractor",
    "ClassifierChain",
    "RegressorChain",
    "MultiOutputClassifier",
    "MultiOutputRegressor",
    "FrozenEstimator",
}


def _meta_params(cls: type, kind: str) -> dict[str, Any] | None:
    """Parameters for meta-estimators that need an inner estimator."""
    import inspect

    base = _base_estimators()
    sig = inspect.signature(cls.__init__)
    params: dict[str, Any] = {}
    inner = base["tree_regressor"] if kind == "regressor" else base["tree_classifier"]
    if kind not in ("classifier", "regressor"):
        inner = base["classifier"]
    for name, p in sig.parameters.items():
        if p.default is not inspect.Parameter.empty or name in ("self", "args", "kwargs"):
            continue
        if name in ("estimator", "base_estimator"):
            params[name] = clone(inner)
        elif name == "estimators":
            if cls.__name__.startswith("Stacking") or cls.__name__.startswith("Voting"):
                if kind == "regressor":
                    params[name] = [
                        ("lr", clone(base["regressor"])),
                        ("tree", clone(base["tree_regressor"])),
                    ]
                else:
                    params[name] = [
                        ("lr", clone(base["classifier"])),
                        ("tree", clone(base["tree_classifier"])),
                    ]
            else:
                return None
        elif name in ("param_grid", "param_distributions"):
            params[name] = {"max_depth": [2, None]}
            params["estimator"] = clone(base["tree_classifier"])
        elif name == "transformer_list":
            from sklearn.decomposition import PCA
            from sklearn.preprocessing import MinMaxScaler

            params[name] = [("pca", PCA(n_components=2)), ("minmax", MinMaxScaler())]
        elif name == "steps":
            from sklearn.neighbors import KNeighborsClassifier
            from sklearn.preprocessing import StandardScaler

            params[name] = [("scale", StandardScaler()), ("knn", KNeighborsClassifier())]
        elif name == "transformers":
            from sklearn.preprocessing import MinMaxScaler, StandardScaler

            params[name] = [("minmax", MinMaxScaler(), [0, 1]), ("std", StandardScaler(), [2, 3])]
        else:
            return None
    return params


def _fit(
    est: Any, X: np.ndarray, y_class: np.ndarray, y_reg: np.ndarray
) -> tuple[Any, np.ndarray | None]:
    if is_regressor(est):
        try:
            est.fit(X, y_reg)
            return est, y_reg
        except ValueError:
            y2 = np.c_[y_reg, y_reg[::-1] * 0.5]
            est.fit(X, y2)
            return est, y2
    try:
        est.fit(X, y_class)
        return est, y_class
    except TypeError:
        est.fit(X)
        return est, None


def _extra_cases(X: np.ndarray, y_class: np.ndarray, y_reg: np.ndarray) -> list[Case]:
    import pandas as pd
    from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
    from sklearn.ensemble import (
        BaggingClassifier,
        GradientBoostingRegressor,
        HistGradientBoostingRegressor,
        RandomForestClassifier,
        RandomForestRegressor,
    )
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.frozen import FrozenEstimator
    from sklearn.impute import SimpleImputer
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression
    from sklearn.multioutput import (
        ClassifierChain,
        MultiOutputClassifier,
        MultiOutputRegressor,
        RegressorChain,
    )
    from sklearn.naive_bayes import CategoricalNB
    from sklearn.neighbors import KNeighborsClassifier, NearestCentroid
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

    cases = []
    y2 = np.c_[y_class, 1 - y_class]
    y2r = np.c_[y_reg, -y_reg]
    cases.append(
        Case(
            "MultiOutputClassifier",
            MultiOutputClassifier(DecisionTreeClassifier(random_state=0)).fit(X, y2),
            X,
            y2,
        )
    )
    cases.append(
        Case(
            "MultiOutputRegressor",
            MultiOutputRegressor(DecisionTreeRegressor(random_state=0)).fit(X, y2r),
            X,
            y2r,
        )
    )
    cases.append(
        Case(
            "ClassifierChain",
            ClassifierChain(DecisionTreeClassifier(random_state=0)).fit(X, y2),
            X,
            y2,
        )
    )
    cases.append(
        Case(
            "RegressorChain",
            RegressorChain(DecisionTreeRegressor(random_state=0)).fit(X, y2r),
            X,
            y2r,
        )
    )
    cases.append(
        Case("FrozenEstimator", FrozenEstimator(KNeighborsClassifier().fit(X, y_class)), X, y_class)
    )
    # The median of 53 values (or of the 29 of one class) is one record's value; the
    # defaults keep means, which are not.
    cases.append(Case("SimpleImputer(median)", SimpleImputer(strategy="median").fit(X), X, None))
    nearest = NearestCentroid(metric="manhattan").fit(X, y_class)
    cases.append(Case("NearestCentroid(manhattan)", nearest, X, y_class))
    for boosted in (GradientBoostingRegressor, HistGradientBoostingRegressor):
        est = boosted(loss="absolute_error", random_state=0).fit(X, y_reg)
        cases.append(Case(f"{boosted.__name__}(absolute_error)", est, X, y_reg))
    cases.append(
        Case("IsotonicRegression", IsotonicRegression().fit(X[:, 0], y_reg), X[:, :1], y_reg)
    )
    Xc = (X * 3).astype(int) % 5
    cases.append(Case("CategoricalNB", CategoricalNB().fit(Xc, y_class), Xc, y_class))
    cases.append(
        Case(
            "TransformedTargetRegressor(tree)",
            TransformedTargetRegressor(
                DecisionTreeRegressor(random_state=0), func=np.log, inverse_func=np.exp
            ).fit(X, y_reg - y_reg.min() + 1),
            X,
            y_reg - y_reg.min() + 1,
        )
    )
    cases.append(
        Case(
            "Pipeline(scaler, knn)",
            make_pipeline(StandardScaler(), KNeighborsClassifier()).fit(X, y_class),
            X,
            y_class,
        )
    )
    cases.append(
        Case(
            "RandomForestClassifier(10)",
            RandomForestClassifier(10, random_state=0).fit(X, y_class),
            X,
            y_class,
        )
    )
    cases.append(
        Case(
            "RandomForestRegressor(10)",
            RandomForestRegressor(10, random_state=0).fit(X, y_reg),
            X,
            y_reg,
        )
    )
    cases.append(
        Case(
            "BaggingClassifier(features)",
            BaggingClassifier(KNeighborsClassifier(), max_features=0.5, random_state=0).fit(
                X, y_class
            ),
            X,
            y_class,
        )
    )

    # Mixed data: text, categories, numbers in one frame.
    rng = np.random.default_rng(SEED)
    # U32: a "<U6" array, as inferred from these names, would cut the planted city short
    cities = np.array(["Lyon", "Paris", "Berlin", "Oslo"], dtype="U32")[rng.integers(0, 4, N_TRAIN)]
    cities[7] = "Zyxwick-upon-Quill"  # a unique category: one person (PLANTED_STRINGS)
    words = np.array(["loan", "late", "payment", "salary", "rent", "bonus"])
    text = [" ".join(rng.choice(words, 4)) for _ in range(N_TRAIN)]
    text[11] = text[11] + " jane.doe@example.org qwertyuniq"  # a unique token: one person
    frame = pd.DataFrame({"age": X[:, 0], "income": X[:, 1], "city": cities, "note": text})
    ct = ColumnTransformer(
        [
            ("num", StandardScaler(), ["age", "income"]),
            ("city", OneHotEncoder(handle_unknown="ignore"), ["city"]),
            ("note", TfidfVectorizer(), "note"),
        ]
    )
    cases.append(
        Case(
            "Pipeline(ColumnTransformer, logreg)",
            make_pipeline(ct, LogisticRegression()).fit(frame, y_class),
            frame,
            y_class,
        )
    )
    cases.append(
        Case("CountVectorizer", CountVectorizer().fit(text), np.array(text, dtype=object), None)
    )
    dicts = [{"city": c, "age": float(a)} for c, a in zip(cities, X[:, 0], strict=True)]
    cases.append(Case("DictVectorizer", DictVectorizer().fit(dicts), dicts, None))
    cases.extend(_knn_wrapped_cases(X, y_class, y_reg))
    return cases


def _knn_wrapped_cases(X: np.ndarray, y_class: np.ndarray, y_reg: np.ndarray) -> list[Case]:
    """Meta-estimators around a k-NN, which keeps its rows: the wrapper must be walked.

    The classes' default cases wrap trees or linear models, which keep no training
    value (see ``NOT_STORED`` in ``tests/inspection/test_coverage.py``).
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.compose import TransformedTargetRegressor
    from sklearn.ensemble import StackingClassifier, VotingClassifier
    from sklearn.linear_model import LogisticRegression, RANSACRegressor
    from sklearn.model_selection import (
        FixedThresholdClassifier,
        GridSearchCV,
        RandomizedSearchCV,
        TunedThresholdClassifierCV,
    )
    from sklearn.multiclass import OneVsOneClassifier, OneVsRestClassifier, OutputCodeClassifier
    from sklearn.multioutput import ClassifierChain, MultiOutputClassifier
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

    knn = KNeighborsClassifier(n_neighbors=3)
    grid = {"n_neighbors": [3, 5]}
    pair = [("knn", knn), ("lr", LogisticRegression())]
    on_labels = {
        "OneVsRestClassifier(knn)": OneVsRestClassifier(knn),
        "OneVsOneClassifier(knn)": OneVsOneClassifier(knn),
        "OutputCodeClassifier(knn)": OutputCodeClassifier(knn, random_state=0),
        "FixedThresholdClassifier(knn)": FixedThresholdClassifier(knn),
        "TunedThresholdClassifierCV(knn)": TunedThresholdClassifierCV(knn, random_state=0),
        "CalibratedClassifierCV(knn)": CalibratedClassifierCV(knn),
        "GridSearchCV(knn)": GridSearchCV(knn, grid),
        "RandomizedSearchCV(knn)": RandomizedSearchCV(knn, grid, n_iter=2, random_state=0),
        "StackingClassifier(knn)": StackingClassifier(pair),
        "VotingClassifier(knn)": VotingClassifier(pair),
    }
    y2 = np.c_[y_class, 1 - y_class]
    out = [Case(name, clone(est).fit(X, y_class), X, y_class) for name, est in on_labels.items()]
    for name, est in {
        "MultiOutputClassifier(knn)": MultiOutputClassifier(knn),
        "ClassifierChain(knn)": ClassifierChain(knn),
    }.items():
        out.append(Case(name, est.fit(X, y2), X, y2))
    for name, est in {
        "RANSACRegressor(knn)": RANSACRegressor(
            KNeighborsRegressor(), min_samples=10, random_state=0
        ),
        "TransformedTargetRegressor(knn)": TransformedTargetRegressor(KNeighborsRegressor()),
    }.items():
        out.append(Case(name, est.fit(X, y_reg), X, y_reg))
    return out


@functools.cache
def cases() -> tuple[Case, ...]:
    """All fitted cases, built once per test session."""
    X, y_class, y_reg = planted_data()
    out: list[Case] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, cls in all_estimators():
            if name in _SKIP:
                continue
            kind = (
                "classifier"
                if issubclass(cls, ClassifierMixin)
                else "regressor"
                if issubclass(cls, RegressorMixin)
                else "other"
            )
            params = dict(_PARAMS.get(name, {}))
            meta = _meta_params(cls, kind)
            if meta is None:
                continue
            params.update(meta)
            try:
                est = cls(**params)
                if "random_state" in est.get_params():
                    est.set_params(random_state=0)
                est, y = _fit(est, X, y_class, y_reg)
            except Exception:
                continue
            out.append(Case(name, est, X, y))
        out.extend(_extra_cases(X, y_class, y_reg))
    return tuple(out)


def case_ids() -> list[str]:
    return [c.name for c in cases()]
