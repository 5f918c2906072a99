"""The sanitisation rules: one small, registered transformation per kind of exposure.

Each rule is an object of :class:`Rule` in :data:`RULES` (name -> rule). Its
docstring says what it changes; :meth:`Rule.applies_to` says which fitted
estimators it handles and :meth:`Rule.apply` does it. :func:`modelprivacy.sanitizing.sanitize`
applies every rule to every nested estimator (Pipeline steps, ColumnTransformer
and FeatureUnion transformers, ensemble members, the fitted estimator of a
meta-estimator, the best estimator of a search).

Rules come in two phases:

* ``"refit"`` rules do not touch the fitted estimator: they return new
  hyperparameters (``min_frequency=k``, ``min_df=k``, ``min_samples_leaf=k``),
  and the whole model is refitted once with all of them on the training data;
* ``"inplace"`` rules change the fitted estimator itself (delete attributes,
  prune tree leaves, clip stored extremes, thin out stored quantiles), after
  any refit.

The documentation of each rule, with what it costs, is in ``docs/sanitize.md``
(one section per rule name).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import numpy as np
import scipy.sparse as sp

from modelprivacy.errors import ModelPrivacyError
from modelprivacy.models.trees import Forest, forest_of, is_tree_model
from modelprivacy.sanitizing._prune import distinct_counts, prune_tree

__all__ = [
    "DATA_MODELS",
    "RULES",
    "ActionKind",
    "EncoderRule",
    "ExtremesRule",
    "HistBinsRule",
    "HistGradientBoostingRule",
    "QuantileRule",
    "Rule",
    "RuleContext",
    "RuleOutcome",
    "StoredDataRule",
    "StripRule",
    "TargetEncoderRule",
    "TreeRule",
    "VectorizerRule",
    "class_names",
    "hist_gradient_boosting_params",
    "is_data_model",
    "rare_values_located",
    "used_split_thresholds",
]

ActionKind = Literal["strip", "prune", "refit", "clip", "replace", "refused"]
Phase = Literal["refit", "inplace"]

NEEDS_DATA = "needs the training data to refit"

#: Estimators that store training rows (or per-record kernels) and cannot be
#: made anonymous in place.
DATA_MODELS: dict[str, str] = {
    "KNeighborsClassifier": "keeps every training row (_fit_X) and label (_y) to find neighbours",
    "KNeighborsRegressor": "keeps every training row (_fit_X) and target (_y) to find neighbours",
    "RadiusNeighborsClassifier": "keeps every training row (_fit_X) and label (_y)",
    "RadiusNeighborsRegressor": "keeps every training row (_fit_X) and target (_y)",
    "NearestNeighbors": "keeps every training row (_fit_X)",
    "KNeighborsTransformer": "keeps every training row (_fit_X)",
    "RadiusNeighborsTransformer": "keeps every training row (_fit_X)",
    "LocalOutlierFactor": "keeps every training row (_fit_X) and its outlier factor",
    "KernelDensity": "keeps every training row (tree_) as the centre of a kernel",
    "SVC": "keeps the support vectors, which are training rows (support_vectors_)",
    "NuSVC": "keeps the support vectors, which are training rows (support_vectors_)",
    "SVR": "keeps the support vectors, which are training rows (support_vectors_)",
    "NuSVR": "keeps the support vectors, which are training rows (support_vectors_)",
    "OneClassSVM": "keeps the support vectors, which are training rows (support_vectors_)",
    "GaussianProcessClassifier": "keeps every training row (X_train_) to predict",
    "GaussianProcessRegressor": "keeps every training row (X_train_) and target (y_train_)",
    "KernelRidge": "keeps every training row (X_fit_) to evaluate its kernel",
    "KernelPCA": "keeps every training row (X_fit_) to evaluate its kernel",
    "LabelPropagation": "keeps every training row (X_) and its label distribution",
    "LabelSpreading": "keeps every training row (X_) and its label distribution",
    "Birch": "keeps subcluster centroids, one person's row in a subcluster of one",
    "DBSCAN": "keeps its core samples, which are training rows (components_)",
    "HDBSCAN": "keeps per-record labels and probabilities, and may keep the rows",
    "OPTICS": "keeps per-record orderings, reachabilities and labels",
    "AffinityPropagation": "keeps exemplars, which are training rows (cluster_centers_)",
    "SpectralClustering": "keeps the affinity matrix between training records",
    "Nystroem": "keeps sampled training rows (components_) as kernel centres",
}


def class_names(estimator: Any) -> set[str]:
    """Names of the classes in the estimator's MRO (subclasses match their bases).

    Parameters
    ----------
    estimator : object
        Any object.

    Returns
    -------
    set of str
        The ``__name__`` of every class in ``type(estimator).__mro__``.
    """
    return {c.__name__ for c in type(estimator).__mro__}


def is_data_model(estimator: Any) -> bool:
    """Whether the estimator is one of :data:`DATA_MODELS` (or a subclass).

    Parameters
    ----------
    estimator : object
        Any object.

    Returns
    -------
    bool
        True for models that are their training data.
    """
    return bool(class_names(estimator) & DATA_MODELS.keys()) and not isinstance(estimator, type)


@dataclass
class RuleOutcome:
    """What a rule did to one estimator.

    Attributes
    ----------
    params : dict
        New hyperparameters for a refit (``"refit"`` rules only).
    changed : bool
        Whether the estimator's output (transform or predictions) changed, so
        that later steps of a Pipeline see different input.
    reasons : dict
        Why each of ``params`` is set (hyperparameter name -> sentence), shown
        in the action.
    """

    params: dict[str, Any] = field(default_factory=dict)
    changed: bool = False
    reasons: dict[str, str] = field(default_factory=dict)


@dataclass
class RuleContext:
    """What a rule knows when it is applied to one estimator.

    Attributes
    ----------
    path : str
        Attribute path of the estimator in the model (``""`` for the root,
        ``"steps[1]."`` for a Pipeline step; it ends with a dot).
    X : array-like or None
        The estimator's own input for the training data (after the preceding
        Pipeline steps and ColumnTransformer column selection), or ``None``
        when it is not known.
    y : array-like or None
        The training labels or targets.
    k : int
        Groups of fewer than ``k`` records single people out.
    seed : int
        Seed for anything random.
    can_refit : bool
        Whether the model may be refitted (training data given and
        ``refit=True``).
    record : callable
        ``record(rule, path, what, kind)`` stores an action.
    refuse : callable
        ``refuse(rule, path, reason)`` stores a refused part.
    has_data : bool
        Whether training data was given to :func:`~modelprivacy.sanitizing.sanitize`.
    n_rows : int or None
        Number of training records, when the data is given.
    """

    path: str
    X: Any
    y: Any
    k: int
    seed: int
    can_refit: bool
    record: Callable[[str, str, str, ActionKind], None]
    refuse: Callable[[str, str, str], None]
    has_data: bool = False
    n_rows: int | None = None

    def where(self, attr: str = "") -> str:
        """The path of an attribute of the estimator (or of the estimator itself)."""
        full = self.path + attr
        return full.rstrip(".") or "<model>"


class Rule:
    """Base class of the sanitisation rules.

    Subclasses set :attr:`name` (the registry key and the anchor of the rule's
    section in ``docs/sanitize.md``) and :attr:`phase`, and implement
    :meth:`applies_to` and :meth:`apply`.
    """

    name: ClassVar[str] = ""
    phase: ClassVar[Phase] = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the rule handles this fitted estimator.

        Parameters
        ----------
        estimator : object
            A fitted estimator (never a container: containers are walked).

        Returns
        -------
        bool
        """
        raise NotImplementedError

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Apply the rule to one fitted estimator.

        Parameters
        ----------
        estimator : object
            The fitted estimator. ``"inplace"`` rules modify it; ``"refit"``
            rules only read it.
        ctx : RuleContext
            Where it is and what data is known.

        Returns
        -------
        RuleOutcome
            New hyperparameters (refit rules) and whether the output changed.
        """
        raise NotImplementedError

    @property
    def doc(self) -> str:
        """The first paragraph of the rule's docstring."""
        return (type(self).__doc__ or "").strip().split("\n\n")[0]


class RefitRule(Rule):
    """A rule that asks for a refit with safer hyperparameters (refused without data).

    Subclasses implement :meth:`params` (the new hyperparameters, or ``{}``
    when the estimator is already as strict) and :meth:`refusal` (why the
    estimator is refused when it cannot be refitted).
    """

    phase: ClassVar[Phase] = "refit"

    def params(self, estimator: Any, k: int) -> dict[str, Any]:
        """The hyperparameters to refit with, ``{}`` when none are needed."""
        raise NotImplementedError

    def refusal(self, estimator: Any, k: int) -> str:
        """Why the estimator stays unsafe without the training data."""
        raise NotImplementedError

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Return the refit's hyperparameters, or refuse when the model cannot be refitted."""
        params = self.params(estimator, ctx.k)
        if not params:
            return RuleOutcome()
        if not ctx.can_refit:
            ctx.refuse(self.name, ctx.where(), self.refusal(estimator, ctx.k))
            return RuleOutcome()
        return RuleOutcome(params=params)


# --------------------------------------------------------------------------- strip


class StripRule(Rule):
    """Delete fitted attributes that prediction does not need.

    Out-of-bag predictions of forests and bagging ensembles, the
    cross-validation results of searches, embeddings and per-record outlier
    distances, inlier masks and cluster labels of estimators that predict from
    their centres, and the removed stop words of vectorizers (scikit-learn
    documents that ``stop_words_`` is only kept for introspection and may be
    set to ``None``). Predictions, probabilities, decision functions and
    transforms are unchanged (the tests check this on holdout data).
    """

    name = "strip"
    phase = "inplace"

    #: class name -> attributes to delete
    ATTRIBUTES: ClassVar[dict[str, tuple[str, ...]]] = {
        "BaseForest": ("oob_decision_function_", "oob_prediction_"),
        "BaseBagging": ("oob_decision_function_", "oob_prediction_"),
        "BaseSearchCV": ("cv_results_",),
        "RFECV": ("cv_results_",),
        "TSNE": ("embedding_",),
        "SpectralEmbedding": ("embedding_", "affinity_matrix_"),
        "MDS": ("embedding_", "dissimilarity_matrix_"),
        "EllipticEnvelope": ("dist_", "support_", "raw_support_"),
        "MinCovDet": ("dist_", "support_", "raw_support_"),
        "RANSACRegressor": ("inlier_mask_",),
        "KMeans": ("labels_",),
        "MiniBatchKMeans": ("labels_",),
    }
    #: attributes set to None instead of deleted (the estimator expects them)
    NONE: ClassVar[dict[str, tuple[str, ...]]] = {
        "CountVectorizer": ("stop_words_",),
    }
    WHAT: ClassVar[dict[str, str]] = {
        "oob_decision_function_": "out-of-bag class probabilities of every training record",
        "oob_prediction_": "out-of-bag prediction for every training record",
        "cv_results_": "cross-validation results of the search",
        "embedding_": "embedding of every training record",
        "affinity_matrix_": "affinities between training records",
        "dissimilarity_matrix_": "dissimilarities between training records",
        "dist_": "Mahalanobis distance of every training record",
        "support_": "per-record mask of the robust covariance support",
        "raw_support_": "per-record mask of the raw robust covariance support",
        "inlier_mask_": "per-record inlier mask",
        "labels_": "cluster label of every training record",
        "stop_words_": "the rare and frequent words dropped from the vocabulary",
    }

    def _targets(self, estimator: Any) -> tuple[list[str], list[str]]:
        names = class_names(estimator)
        delete: list[str] = []
        none: list[str] = []
        for cls, attrs in self.ATTRIBUTES.items():
            if cls in names:
                delete += [a for a in attrs if a in vars(estimator) and a not in delete]
        for cls, attrs in self.NONE.items():
            if cls in names:
                none += [a for a in attrs if getattr(estimator, a, None) is not None]
        return delete, none

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator has an attribute to delete (see :attr:`ATTRIBUTES`)."""
        delete, none = self._targets(estimator)
        return bool(delete or none)

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Delete the attributes (or set them to ``None``)."""
        delete, none = self._targets(estimator)
        for attr in delete:
            delattr(estimator, attr)
            ctx.record(self.name, ctx.where(attr), f"deleted: {self.WHAT.get(attr, attr)}", "strip")
        for attr in none:
            setattr(estimator, attr, None)
            ctx.record(
                self.name, ctx.where(attr), f"set to None: {self.WHAT.get(attr, attr)}", "strip"
            )
        return RuleOutcome()


# --------------------------------------------------------------------------- trees


def _tree_forest(estimator: Any) -> Forest | None:
    """The shared representation of a fitted scikit-learn tree model, or None."""
    if not is_tree_model(estimator, registered_only=True):
        return None
    try:
        forest = forest_of(estimator)
    except ModelPrivacyError:
        return None
    return forest if forest.kind == "sklearn" and forest.trees else None


def _tree_members(estimator: Any) -> list[Any] | None:
    """The fitted sklearn trees of a tree model, or None when it is not one."""
    forest = _tree_forest(estimator)
    return None if forest is None else forest.members


class TreeRule(Rule):
    """Prune tree leaves of fewer than ``k`` records until none is left.

    Decision trees, extra trees, random forests, extra-trees ensembles,
    bagging ensembles of trees, gradient boosting and isolation forests.
    Bottom-up, a split whose children both hold ``k`` records or more is
    kept; a split with one small child is removed and replaced by the other
    child's subtree (the small child's records now follow that subtree, whose
    leaves keep their values and only gain records); a split whose children
    are both small becomes a leaf, with the class distribution or mean it
    already stores (gradient boosting: the weighted average of the leaf
    values it replaces; isolation forests: path lengths recomputed). The
    pruned trees are rebuilt compactly, so the removed leaves, thresholds and
    values are gone from the file.

    Records per node: with training data for a bootstrap ensemble that is
    matched to the fit (the one in-bag policy of
    :mod:`modelprivacy.models.trees`), the distinct in-bag records, counted by
    routing the data through each tree with its regenerated bootstrap sample;
    otherwise ``tree_.n_node_samples``, and the action says why (e.g. the
    data has another row count than the fit saw).
    In scikit-learn 1.9 that is the number of distinct records for single
    trees, gradient boosting, isolation forests, and forests and bagging of
    trees too (bootstrap draws are passed to the trees as sample weights, so
    ``n_node_samples`` counts records and ``weighted_n_node_samples`` draws).
    """

    name = "trees"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a scikit-learn tree or ensemble of trees."""
        return _tree_members(estimator) is not None

    def _samples(
        self, estimator: Any, forest: Forest, ctx: RuleContext
    ) -> tuple[list[np.ndarray | None] | None, str]:
        """In-bag samples per member when they must and can be regenerated.

        The one in-bag policy of :mod:`modelprivacy.models.trees`: the data is
        used only when it is matched to the fit; otherwise the stored counts
        are used and the returned text says why.
        """
        bootstrap = bool(getattr(estimator, "bootstrap", False))
        names = class_names(estimator)
        if not (names & {"BaseForest", "BaseBagging"}) or "IsolationForest" in names:
            return None, "n_node_samples"
        if not bootstrap and "BaseBagging" not in names:
            return None, "n_node_samples"
        if ctx.X is None:
            if not bootstrap:
                return None, "n_node_samples"
            return None, (
                "n_node_samples (distinct in-bag records: scikit-learn passes bootstrap draws "
                "as sample weights; pass the training data to count them from the data)"
            )
        n = ctx.X.shape[0] if hasattr(ctx.X, "shape") else len(ctx.X)
        forest.match(n)
        if not forest.matched:
            return (
                None,
                f"n_node_samples (the training data is not matched to the fit: {forest.reason})",
            )
        samples = [t.inbag_mask() for t in forest.trees]  # None: every record given
        what = "distinct in-bag training records" if bootstrap else "distinct training records"
        return samples, what

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Prune every tree of the estimator; rebuild derived state where needed."""
        forest = _tree_forest(estimator)
        if forest is None:
            return RuleOutcome()
        members = forest.members
        samples, how = self._samples(estimator, forest, ctx)
        features = [t.features for t in forest.trees]
        names = class_names(estimator)
        boosting = "BaseGradientBoosting" in names
        X = None
        if samples is not None:
            X = ctx.X.tocsr() if sp.issparse(ctx.X) else np.asarray(ctx.X, dtype=np.float32)
        pruned_trees = 0
        leaves_before = leaves_after = 0
        for i, member in enumerate(members):
            tree = member.tree_
            if samples is not None and X is not None:
                Xi = X if features[i] is None else X[:, features[i]]
                counts = distinct_counts(tree, Xi, samples[i])
            else:
                counts = np.asarray(tree.n_node_samples, dtype=np.int64)
            leaves_before += int(tree.n_leaves)
            new = prune_tree(tree, counts, ctx.k, average_leaves=boosting)
            if new is not None:
                member.tree_ = new
                pruned_trees += 1
            leaves_after += int(member.tree_.n_leaves)
        if pruned_trees and "IsolationForest" in names:
            from sklearn.ensemble._iforest import _average_path_length

            estimator._average_path_length_per_tree = tuple(
                _average_path_length(m.tree_.n_node_samples) for m in members
            )
            estimator._decision_path_lengths = tuple(m.tree_.compute_node_depths() for m in members)
        if pruned_trees:
            single = len(members) == 1 and members[0] is estimator
            where = ctx.where("tree_" if single else "estimators_[*].tree_")
            ctx.record(
                self.name,
                where,
                f"pruned {pruned_trees} of {len(members)} tree(s) so that every leaf holds at least "
                f"{ctx.k} records ({leaves_before:,} leaves -> {leaves_after:,}); records counted "
                f"as {how}",
                "prune",
            )
        return RuleOutcome(changed=bool(pruned_trees))


def _hist_leaf_counts(estimator: Any) -> np.ndarray:
    """Training records per leaf of every compiled tree of a HistGradientBoosting model."""
    counts = [
        np.asarray(p.nodes["count"][p.nodes["is_leaf"].astype(bool)], dtype=np.int64)
        for group in getattr(estimator, "_predictors", None) or ()
        for p in group
    ]
    return np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)


def _hist_max_cardinality(estimator: Any) -> int:
    """The largest number of categories of a categorical column (0 without any)."""
    mapper = getattr(estimator, "_bin_mapper", None)
    flags = getattr(mapper, "is_categorical_", None)
    thresholds = getattr(mapper, "bin_thresholds_", None)
    if flags is None or thresholds is None:
        return 0
    sizes = [len(t) for t, c in zip(thresholds, flags, strict=False) if c and t is not None]
    return max(sizes, default=0)


#: Regularisation of a refitted HistGradientBoosting model (see ``docs/sanitize.md``).
HGB_MAX_LEAF_NODES = 8
HGB_L2_REGULARIZATION = 10.0
HGB_MAX_BINS = 64
#: Early stopping only with at least this many training records (10% validation).
HGB_EARLY_STOPPING_MIN_ROWS = 1_000


def hist_gradient_boosting_params(
    estimator: Any, k: int, n_rows: int | None, seed: int
) -> dict[str, tuple[Any, str]]:
    """Safer hyperparameters of a HistGradientBoosting model, each with its reason.

    Parameters
    ----------
    estimator : HistGradientBoostingClassifier or HistGradientBoostingRegressor
        The fitted model.
    k : int
        Groups of fewer than ``k`` records single people out.
    n_rows : int or None
        Number of training records, when known.
    seed : int
        ``random_state`` when the model has none.

    Returns
    -------
    dict
        ``name -> (value, reason)`` for every hyperparameter that is weaker
        than: ``min_samples_leaf = max(k, min(5k, n // 20))`` (``5k`` when
        ``n`` is unknown), ``max_leaf_nodes = 8``, ``l2_regularization = 10``,
        ``early_stopping=True`` with ``n >= 1000``, ``max_bins = 64`` (when
        no categorical column has more categories), and an integer
        ``random_state``; ``{}`` when the model is already as strict.
    """
    out: dict[str, tuple[Any, str]] = {}
    current = int(estimator.min_samples_leaf)
    target = max(k, min(5 * k, n_rows // 20)) if n_rows is not None else 5 * k
    if current < target:
        counts = _hist_leaf_counts(estimator)
        small = int((counts < k).sum())
        why = (
            f"{small:,} of {counts.size:,} leaves held fewer than {k} records"
            if small
            else f"leaves of {current} records fit single people's labels"
        )
        out["min_samples_leaf"] = (target, why)
    leaves = estimator.max_leaf_nodes
    if leaves is None or int(leaves) > HGB_MAX_LEAF_NODES:
        out["max_leaf_nodes"] = (HGB_MAX_LEAF_NODES, "smaller trees memorise fewer records")
    if float(estimator.l2_regularization) < HGB_L2_REGULARIZATION:
        out["l2_regularization"] = (
            HGB_L2_REGULARIZATION,
            "shrinks the leaf values of small groups towards zero",
        )
    if (
        estimator.early_stopping is not True
        and n_rows is not None
        and n_rows >= HGB_EARLY_STOPPING_MIN_ROWS
    ):
        out["early_stopping"] = (
            True,
            f"stops adding trees when {estimator.validation_fraction or 0.1:.0%} held-out "
            "records no longer improve",
        )
    if int(estimator.max_bins) > HGB_MAX_BINS and _hist_max_cardinality(estimator) <= HGB_MAX_BINS:
        out["max_bins"] = (
            HGB_MAX_BINS,
            "columns with more distinct values are cut at quantiles, not between every pair of "
            "adjacent values",
        )
    if out and estimator.random_state is None:
        out["random_state"] = (seed, "the refit is reproducible")
    return out


class HistGradientBoostingRule(RefitRule):
    """Refit HistGradientBoosting with larger leaves, smaller trees, L2 and early stopping.

    Its trees are compiled predictor nodes whose leaf values are fitted
    gradient steps; they are not pruned in place. With the training data the
    model is refitted (together with the rest of the model, e.g. its
    Pipeline) with every one of these that is weaker in the model:
    ``min_samples_leaf = max(k, min(5k, n // 20))``, ``max_leaf_nodes = 8``,
    ``l2_regularization = 10``, ``early_stopping=True`` (only with at least
    1,000 training records, so that the 10% validation split holds 100),
    ``max_bins = 64`` (when no categorical column has more categories) and
    an integer ``random_state`` (``seed``) when it had none. Every other
    hyperparameter is kept, ``categorical_features`` and the seed included.
    Without the training data the model is refused.
    """

    name = "hist_gradient_boosting"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted HistGradientBoosting model."""
        return bool(class_names(estimator) & {"BaseHistGradientBoosting"}) and hasattr(
            estimator, "_predictors"
        )

    def params(self, estimator: Any, k: int) -> dict[str, Any]:
        """The new hyperparameters without knowing the number of records."""
        return {n: v for n, (v, _) in hist_gradient_boosting_params(estimator, k, None, 0).items()}

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Return the refit's hyperparameters with reasons, or refuse without data."""
        found = hist_gradient_boosting_params(estimator, ctx.k, ctx.n_rows, ctx.seed)
        if not found:
            return RuleOutcome()
        if not ctx.can_refit:
            ctx.refuse(self.name, ctx.where(), self.refusal(estimator, ctx.k))
            return RuleOutcome()
        return RuleOutcome(
            params={n: v for n, (v, _) in found.items()},
            reasons={n: why for n, (_, why) in found.items()},
        )

    def refusal(self, estimator: Any, k: int) -> str:
        """Its trees cannot be pruned in place."""
        counts = _hist_leaf_counts(estimator)
        small = int((counts < k).sum())
        return (
            f"{type(estimator).__name__} (min_samples_leaf={int(estimator.min_samples_leaf)}, "
            f"max_leaf_nodes={estimator.max_leaf_nodes}, "
            f"l2_regularization={estimator.l2_regularization}; {small:,} of {counts.size:,} "
            "leaves under k) cannot be pruned or regularised in place: it "
            f"{NEEDS_DATA} with larger leaves, smaller trees and L2 regularisation"
        )


class HistBinsRule(Rule):
    """Keep only the bin thresholds of HistGradientBoosting that its trees split at.

    ``_bin_mapper.bin_thresholds_`` holds, for every numeric column with
    fewer than ``max_bins`` distinct values, the midpoints of all pairs of
    adjacent distinct training values (else its quantiles): with one known
    value they rebuild every value, the rare ones of single people included.
    Prediction does not use them for numeric columns (the trees store their
    own ``num_threshold``); they only bin the data during ``fit``. In place,
    each numeric column keeps only the thresholds that some split of the
    model uses, so predictions stay exactly the same; categorical columns
    keep their categories (prediction needs them). With the training data,
    the action says how many kept thresholds still lie next to a value held
    by fewer than ``k`` records.
    """

    name = "hist_bins"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted HistGradientBoosting model with a bin mapper."""
        return (
            bool(class_names(estimator) & {"BaseHistGradientBoosting"})
            and hasattr(estimator, "_predictors")
            and getattr(getattr(estimator, "_bin_mapper", None), "bin_thresholds_", None)
            is not None
        )

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Replace each numeric column's bin thresholds by the split thresholds it uses."""
        mapper = estimator._bin_mapper
        used = used_split_thresholds(estimator)
        categorical = np.asarray(
            getattr(mapper, "is_categorical_", None)
            if getattr(mapper, "is_categorical_", None) is not None
            else np.zeros(len(mapper.bin_thresholds_), dtype=bool),
            dtype=bool,
        )
        before = after = 0
        new: list[Any] = []
        for j, thr in enumerate(mapper.bin_thresholds_):
            if categorical[j] or thr is None:
                new.append(thr)
                continue
            thr = np.asarray(thr)
            keep = np.unique(used.get(j, np.zeros(0))).astype(thr.dtype)
            before += int(thr.size)
            after += int(keep.size)
            new.append(keep)
        if after == before:
            return RuleOutcome()
        mapper.bin_thresholds_ = new
        rare = ""
        if ctx.X is not None:
            n_rare = rare_values_located(estimator, ctx.X, ctx.k)
            if n_rare is not None:
                rare = (
                    f"; {n_rare:,} kept threshold(s) lie next to a value held by fewer than "
                    f"{ctx.k} records"
                )
        ctx.record(
            self.name,
            ctx.where("_bin_mapper.bin_thresholds_"),
            f"kept the {after:,} of {before:,} numeric bin thresholds that the trees split at "
            f"(predictions unchanged){rare}",
            "strip",
        )
        return RuleOutcome()


def used_split_thresholds(estimator: Any) -> dict[int, np.ndarray]:
    """Numeric split thresholds of a HistGradientBoosting model, per feature.

    Parameters
    ----------
    estimator : HistGradientBoostingClassifier or HistGradientBoostingRegressor
        A fitted model.

    Returns
    -------
    dict
        Feature index (in the model's own input) -> array of the distinct
        ``num_threshold`` values of its numeric splits.
    """
    parts: dict[int, list[np.ndarray]] = {}
    for group in getattr(estimator, "_predictors", None) or ():
        for p in group:
            nodes = p.nodes
            split = (nodes["is_leaf"] == 0) & (nodes["is_categorical"] == 0)
            for j in np.unique(nodes["feature_idx"][split]):
                mask = split & (nodes["feature_idx"] == j)
                parts.setdefault(int(j), []).append(nodes["num_threshold"][mask])
    return {j: np.unique(np.concatenate(v)) for j, v in parts.items()}


def rare_values_located(estimator: Any, X: Any, k: int) -> int | None:
    """How many numeric split thresholds lie next to a training value held by fewer than ``k``.

    A threshold at the midpoint of two adjacent distinct training values
    (or equal to a value) locates both values, as MP-S104 counts them.

    Parameters
    ----------
    estimator : HistGradientBoostingClassifier or HistGradientBoostingRegressor
        A fitted model.
    X : array-like
        Its own training input (after any preceding Pipeline steps).
    k : int
        Values held by fewer than ``k`` records are rare.

    Returns
    -------
    int or None
        The number of such thresholds, or ``None`` when ``X`` is not numeric.
    """
    try:
        A = _as_matrix(X)
    except (TypeError, ValueError):
        return None
    if A.ndim != 2:
        return None
    total = 0
    for j, thr in used_split_thresholds(estimator).items():
        if j >= A.shape[1]:
            continue
        col = A[:, j]
        distinct, counts = np.unique(col[~np.isnan(col)], return_counts=True)
        if distinct.size < 2:
            continue
        mids = distinct[:-1] / 2.0 + distinct[1:] / 2.0
        rare_pair = (counts[:-1] < k) | (counts[1:] < k)
        total += int(np.isin(thr, mids[rare_pair]).sum())
        total += int(np.isin(thr, distinct[counts < k]).sum())
    return total


# --------------------------------------------------------------------------- encoders


class EncoderRule(RefitRule):
    """Refit OneHotEncoder and OrdinalEncoder with ``min_frequency=k``.

    Categories held by fewer than ``k`` training records are grouped into one
    infrequent category, so no output column or code stands for a group of
    fewer than ``k`` people. OneHotEncoder also gets
    ``handle_unknown="infrequent_if_exist"``. A refit changes the encoder's
    output, so the whole model is refitted (the estimators after the encoder
    learn from the grouped categories). Without the training data the encoder
    is refused. OneHotEncoder's rare category names are then replaced by
    placeholders (rule ``category_names``); OrdinalEncoder keeps them in
    ``categories_`` (scikit-learn needs them to recognise them): drop or
    rename identifying values before fitting.
    """

    name = "encoders"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted OneHotEncoder or OrdinalEncoder."""
        return bool(class_names(estimator) & {"OneHotEncoder", "OrdinalEncoder"}) and hasattr(
            estimator, "categories_"
        )

    def params(self, estimator: Any, k: int) -> dict[str, Any]:
        """``min_frequency=k`` (and ``handle_unknown``) unless already as strict."""
        current = estimator.min_frequency
        if isinstance(current, int | np.integer) and int(current) >= k:
            return {}
        params: dict[str, Any] = {"min_frequency": k}
        if "OneHotEncoder" in class_names(estimator) and estimator.handle_unknown != (
            "infrequent_if_exist"
        ):
            params["handle_unknown"] = "infrequent_if_exist"
        return params

    def refusal(self, estimator: Any, k: int) -> str:
        """Rare categories keep their own output."""
        return (
            f"{type(estimator).__name__} keeps categories held by fewer than {k} records as "
            f"their own output; grouping them (min_frequency={k}) {NEEDS_DATA}"
        )


class CategoryNamesRule(Rule):
    """Rename the infrequent categories of a OneHotEncoder so their names leave the file.

    A OneHotEncoder fitted with ``min_frequency`` still lists its infrequent
    categories (held by fewer than ``min_frequency`` records) by name in
    ``categories_``: a rare employer, country or diagnosis of one person. With
    ``handle_unknown="infrequent_if_exist"`` an unknown value goes to the same
    output column as an infrequent one, so the names can be replaced by
    placeholders (``"(infrequent 1)"``, ...) and every output stays the same.
    Only string (object) columns are renamed: numeric categories must stay
    sorted, and a missing-value category is kept. OrdinalEncoder is left as it
    is: its unknown values take one code for all columns, so renaming would
    change the code of the rare people.
    """

    name = "category_names"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted OneHotEncoder with infrequent categories."""
        return (
            "OneHotEncoder" in class_names(estimator)
            and hasattr(estimator, "categories_")
            and bool(getattr(estimator, "_infrequent_enabled", False))
        )

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Replace infrequent category names by placeholders (outputs unchanged)."""
        if estimator.handle_unknown != "infrequent_if_exist":
            return RuleOutcome()
        renamed = 0
        indices = getattr(estimator, "_infrequent_indices", None) or []
        for col, idx in enumerate(indices):
            cats = estimator.categories_[col]
            if idx is None or len(idx) == 0 or cats.dtype != object:
                continue
            new = cats.copy()
            for n, j in enumerate(idx):
                value = new[j]
                if value is None or (isinstance(value, float) and np.isnan(value)):
                    continue
                new[j] = f"(infrequent {n + 1})"
                renamed += 1
            estimator.categories_[col] = new
        if renamed:
            ctx.record(
                self.name,
                ctx.where("categories_"),
                f"renamed {renamed} infrequent categor{'y' if renamed == 1 else 'ies'} to "
                "placeholders (outputs unchanged)",
                "strip",
            )
        return RuleOutcome()


class TargetEncoderRule(RefitRule):
    """Refit TargetEncoder with ``smooth`` of at least ``k``.

    A target encoder stores, per category, the mean target of the records
    holding it: for a category held by one person, that person's target.
    Smoothing with ``smooth=k`` shrinks a category's encoding towards the
    overall mean with the weight of ``k`` records, so a rare category's value
    no longer tells one person's target. Without the training data the
    encoder is refused.
    """

    name = "target_encoder"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted TargetEncoder."""
        return "TargetEncoder" in class_names(estimator) and hasattr(estimator, "encodings_")

    def params(self, estimator: Any, k: int) -> dict[str, Any]:
        """``smooth=k`` unless the current smoothing is a number of at least ``k``."""
        smooth = estimator.smooth
        return {} if not isinstance(smooth, str) and float(smooth) >= k else {"smooth": float(k)}

    def refusal(self, estimator: Any, k: int) -> str:
        """Rare categories' encodings are single people's targets."""
        return (
            "TargetEncoder stores the mean target of categories held by few records; raising "
            f"smooth to {k} {NEEDS_DATA}"
        )


class VectorizerRule(RefitRule):
    """Refit CountVectorizer and TfidfVectorizer with ``min_df=k``.

    A vocabulary token that appears in fewer than ``k`` documents (a name, a
    rare word) points at those documents' authors; with ``min_df=k`` it is
    dropped. The stop words are removed by the ``strip`` rule in any case. A
    ``min_df`` given as a fraction is left alone. Without the training data the
    vectorizer is refused.
    """

    name = "vectorizers"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted CountVectorizer (or TfidfVectorizer)."""
        return "CountVectorizer" in class_names(estimator) and hasattr(estimator, "vocabulary_")

    def params(self, estimator: Any, k: int) -> dict[str, Any]:
        """``min_df=k`` when ``min_df`` is a count smaller than ``k``."""
        min_df = estimator.min_df
        return {} if isinstance(min_df, float) or int(min_df) >= k else {"min_df": k}

    def refusal(self, estimator: Any, k: int) -> str:
        """Rare tokens stay in the vocabulary."""
        return (
            f"{type(estimator).__name__} keeps tokens of fewer than {k} documents in its "
            f"vocabulary; dropping them (min_df={k}) {NEEDS_DATA}"
        )


# --------------------------------------------------------------------------- quantiles


def _k_mean_extremes(col: np.ndarray, k: int) -> tuple[float, float] | None:
    """Means of the ``k`` smallest and ``k`` largest values, moved off rare values."""
    v = np.sort(col[np.isfinite(col)])
    if v.size == 0:
        return None
    kk = min(k, v.size)
    lo, hi = float(v[:kk].mean()), float(v[-kk:].mean())
    values, counts = np.unique(v, return_counts=True)
    rare = set(values[counts < k].tolist())
    for _ in range(64):
        if lo not in rare:
            break
        lo = float(np.nextafter(lo, np.inf))
    for _ in range(64):
        if hi not in rare:
            break
        hi = float(np.nextafter(hi, -np.inf))
    return lo, max(hi, lo)


def _as_matrix(X: Any) -> np.ndarray:
    if sp.issparse(X):
        return np.asarray(X.toarray(), dtype=np.float64)
    return np.asarray(X, dtype=np.float64)


class QuantileRule(Rule):
    """Keep fewer quantiles in QuantileTransformer, in place.

    With ``n_quantiles`` at least the number of records, a QuantileTransformer
    stores every training value of every column. The rule keeps
    ``m = min(n_quantiles_, max(10, n // k))`` quantiles (``n`` training
    records; without data ``n`` is taken as ``n_quantiles_``), evenly spaced in
    ``references_``, read off the stored quantile function by interpolation, so
    that adjacent stored quantiles are about ``k`` records apart. The transform
    changes only by the interpolation error between the kept quantiles. With
    training data the lowest and highest quantile (the column's minimum and
    maximum: single people's values) are replaced by the means of the ``k``
    smallest and ``k`` largest values.
    """

    name = "quantiles"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted QuantileTransformer."""
        return "QuantileTransformer" in class_names(estimator) and hasattr(estimator, "quantiles_")

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Thin out ``quantiles_`` and ``references_`` (and clip the end points with data)."""
        q = np.asarray(estimator.quantiles_, dtype=np.float64)
        refs = np.asarray(estimator.references_, dtype=np.float64)
        current = q.shape[0]
        if ctx.X is not None:
            n = ctx.X.shape[0]
        elif current < int(estimator.n_quantiles):
            n = current  # n_quantiles_ = min(n_quantiles, n_samples)
        else:
            n = current
        m = min(current, max(10, n // ctx.k))
        changed = False
        if m < current:
            new_refs = np.linspace(0.0, 1.0, m)
            new_q = np.column_stack([np.interp(new_refs, refs, q[:, j]) for j in range(q.shape[1])])
            # keep the quantile function non-decreasing, as sklearn does after fit
            new_q = np.maximum.accumulate(new_q, axis=0)
            estimator.quantiles_ = new_q
            estimator.references_ = new_refs
            estimator.n_quantiles_ = m
            changed = True
            ctx.record(
                self.name,
                ctx.where("quantiles_"),
                f"kept {m} of {current} quantiles per column (about {ctx.k} records apart)",
                "clip",
            )
        if ctx.X is not None:
            A = _as_matrix(ctx.X)
            qs = np.asarray(estimator.quantiles_, dtype=np.float64).copy()
            for j in range(qs.shape[1]):
                ends = _k_mean_extremes(A[:, j], ctx.k)
                if ends is not None:
                    qs[0, j] = min(ends[0], qs[1, j]) if qs.shape[0] > 1 else ends[0]
                    qs[-1, j] = max(ends[1], qs[-2, j]) if qs.shape[0] > 1 else ends[1]
            if not np.array_equal(qs, estimator.quantiles_):
                estimator.quantiles_ = qs
                changed = True
                ctx.record(
                    self.name,
                    ctx.where("quantiles_"),
                    f"replaced each column's minimum and maximum by the mean of its {ctx.k} "
                    "smallest and largest values",
                    "clip",
                )
        return RuleOutcome(changed=changed)


class ExtremesRule(Rule):
    """Clip the stored extremes of MinMaxScaler and MaxAbsScaler, in place.

    ``data_min_`` and ``data_max_`` (``max_abs_``) are the smallest and largest
    value of each column: the oldest person's age, the highest income. With
    the training data each is replaced by the mean of the ``k`` smallest
    (largest) values of the column, moved off any value held by fewer than
    ``k`` records, and ``data_range_``, ``scale_`` and ``min_`` are recomputed
    as scikit-learn computes them. The transform changes (by an affine map
    per column), so the steps after the scaler are refitted when ``refit`` is
    allowed, and predictions change slightly. Without the training data the
    scaler is refused.
    """

    name = "extremes"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is a fitted MinMaxScaler or MaxAbsScaler."""
        names = class_names(estimator)
        return ("MinMaxScaler" in names and hasattr(estimator, "data_min_")) or (
            "MaxAbsScaler" in names and hasattr(estimator, "max_abs_")
        )

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Replace the extremes by means of ``k`` extreme values and recompute the scale."""
        cls = type(estimator).__name__
        if ctx.X is None:
            ctx.refuse(
                self.name,
                ctx.where(),
                f"{cls} stores each column's extremes, single people's values; replacing them "
                "by the mean of the k most extreme values needs the training data",
            )
            return RuleOutcome()
        A = _as_matrix(ctx.X)
        if "MinMaxScaler" in class_names(estimator):
            lo = np.asarray(estimator.data_min_, dtype=np.float64).copy()
            hi = np.asarray(estimator.data_max_, dtype=np.float64).copy()
            for j in range(A.shape[1]):
                ends = _k_mean_extremes(A[:, j], ctx.k)
                if ends is not None:
                    lo[j], hi[j] = ends
            fr0, fr1 = estimator.feature_range
            data_range = hi - lo
            estimator.data_min_ = lo
            estimator.data_max_ = hi
            estimator.data_range_ = data_range
            estimator.scale_ = (fr1 - fr0) / np.where(data_range == 0.0, 1.0, data_range)
            estimator.min_ = fr0 - lo * estimator.scale_
            ctx.record(
                self.name,
                ctx.where("data_min_"),
                f"replaced each column's minimum and maximum by the mean of its {ctx.k} smallest "
                "and largest values; scale_ and min_ recomputed (the transform changes)",
                "clip",
            )
        else:
            mx = np.asarray(estimator.max_abs_, dtype=np.float64).copy()
            absA = np.abs(A)
            for j in range(A.shape[1]):
                ends = _k_mean_extremes(absA[:, j], ctx.k)
                if ends is not None:
                    mx[j] = ends[1]
            estimator.max_abs_ = mx
            estimator.scale_ = np.where(mx == 0.0, 1.0, mx)
            ctx.record(
                self.name,
                ctx.where("max_abs_"),
                f"replaced each column's largest absolute value by the mean of its {ctx.k} "
                "largest; scale_ recomputed (the transform changes)",
                "clip",
            )
        return RuleOutcome(changed=True)


# --------------------------------------------------------------------------- data models


class StoredDataRule(Rule):
    """Refuse models that are their training data (they cannot be made anonymous in place).

    k-nearest and radius neighbours, local outlier factor, kernel density,
    support vector machines, Gaussian processes, kernel ridge, kernel PCA,
    label propagation and spreading, Birch, DBSCAN, HDBSCAN, OPTICS, affinity
    propagation, spectral clustering and Nystroem keep training rows (or
    per-record structures) that their predictions are computed from: removing
    them removes the model. They are listed in ``refused``. With
    ``replace=True`` and the training data, a classifier or regressor that is
    the model or the last step of its Pipeline is replaced by the best of a
    few re-audited candidates (:mod:`modelprivacy.sanitizing.replace`), and
    the Pipeline's preprocessing is kept.
    """

    name = "stored_data"
    phase = "inplace"

    def applies_to(self, estimator: Any) -> bool:
        """Whether the estimator is one of :data:`DATA_MODELS`."""
        return is_data_model(estimator)

    def apply(self, estimator: Any, ctx: RuleContext) -> RuleOutcome:
        """Add the estimator to the refused parts, with the reason."""
        name = next(n for n in (c.__name__ for c in type(estimator).__mro__) if n in DATA_MODELS)
        ctx.refuse(
            self.name,
            ctx.where(),
            f"{type(estimator).__name__} {DATA_MODELS[name]}: it cannot be made anonymous in "
            "place; replace it by a model that stores no rows (replace=True with the training "
            "data does so for the model or the last step of its Pipeline) or share only "
            "predictions",
        )
        return RuleOutcome()


#: The registry of rules, applied in this order (refit rules before in-place rules).
RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        HistGradientBoostingRule(),
        EncoderRule(),
        TargetEncoderRule(),
        VectorizerRule(),
        StripRule(),
        CategoryNamesRule(),
        TreeRule(),
        HistBinsRule(),
        ExtremesRule(),
        QuantileRule(),
        StoredDataRule(),
    )
}

# Rules for models of other libraries (they use the classes above, so they are imported here).
from modelprivacy.sanitizing.libraries import LIBRARY_RULES  # noqa: E402

RULES.update({rule.name: rule for rule in LIBRARY_RULES})

# interpret's EBMs (modelprivacy.sanitizing.ebm).
from modelprivacy.sanitizing.ebm import EBM_RULES  # noqa: E402

RULES.update({rule.name: rule for rule in EBM_RULES})


def quiet(func: Callable[[], Any]) -> Any:
    """Call ``func`` with warnings silenced (refits of small data warn about convergence)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func()
