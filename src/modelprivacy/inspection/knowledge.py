"""What known estimators store, for findings without training data.

Each table maps a fitted attribute name (optionally qualified by the class
that holds it) to what the attribute carries. Without training data these
names give findings of medium confidence; with training data every claim is
confirmed against the data instead, and unknown attributes are matched too.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = [
    "NOT_DATA",
    "PER_RECORD",
    "STORED_VALUES",
    "TARGETS",
    "VERBATIM_ROWS",
    "lookup",
]

# Attributes holding training rows verbatim (all of them, or a subset).
VERBATIM_ROWS: dict[str, str] = {
    "_fit_X": "the training rows (neighbour search keeps the whole training set)",
    "support_vectors_": "the support vectors, which are training rows",
    "X_train_": "the training rows (a Gaussian process keeps the whole training set)",
    "X_fit_": "the training rows (kernel methods keep the whole training set)",
    "X_": "the training rows (label propagation keeps the whole training set)",
    "_raw_data": "the training rows (HDBSCAN keeps the whole training set)",
    "data": "the training rows (a KD-tree or ball tree keeps the whole training set)",
    "AffinityPropagation.cluster_centers_": "the exemplars, which are training rows",
    "DBSCAN.components_": "the core samples, which are training rows",
    "Nystroem.components_": "the sampled training rows that define the kernel map",
    "Birch.subcluster_centers_": "subcluster centroids; a subcluster of one person is that person's row",
    "_CFNode.centroids_": "subcluster centroids; a subcluster of one person is that person's row",
    "_CFNode.init_centroids_": "subcluster centroids; a subcluster of one person is that person's row",
    "_CFSubcluster.centroid_": "a subcluster centroid; a subcluster of one person is that person's row",
    "_CFSubcluster.linear_sum_": "a subcluster sum; a subcluster of one person is that person's row",
    # ONNX graphs (modelprivacy.models.onnx): views named after the operator
    "Scan.training_rows_": "the training rows (a k-NN or Gaussian-process graph compares every query "
    "with every training row)",
    "CDist.training_rows_": "the training rows (a k-NN graph compares every query with every training "
    "row)",
    # statsmodels results (modelprivacy.models.statsmodels); exog only without a formula (_WHEN)
    "frame_features": "the whole training table: the numeric columns of the DataFrame passed to "
    "the formula, including those the formula does not use (kept even after remove_data())",
}

# Attributes holding single training values of each column.
STORED_VALUES: dict[str, str] = {
    "data_min_": "the smallest training value of each column",
    "data_max_": "the largest training value of each column",
    "max_abs_": "the largest absolute training value of each column",
    "MaxAbsScaler.scale_": "the largest absolute training value of each column",
    "bin_edges_": "bin edges whose first and last are the smallest and largest training values",
    "quantiles_": "training values at quantiles of each column",
    "RobustScaler.center_": "the median of each column (a training value when n is odd)",
    "SimpleImputer.statistics_": "the median or most frequent value of each column",
    "X_min_": "the smallest training value of the input",
    "X_max_": "the largest training value of the input",
    "X_thresholds_": "training inputs at the steps of an isotonic fit",
    "node_bounds": "the smallest and largest value of each column within each tree node",
    "_t": "spline knots at the smallest, largest or quantile training values",
    "t": "spline knots at the smallest, largest or quantile training values",
    "x": "training inputs at the steps of an isotonic fit",
    # ONNX graphs
    "Add.implied_min_": "the input each column's Mul/Add maps to 0: a MinMaxScaler's smallest "
    "training value of each column",
    "Add.implied_max_": "the input each column's Mul/Add maps to 1: a MinMaxScaler's largest "
    "training value of each column",
    "Scaler.offset_": "the offset of each column: a MinMaxScaler's smallest training value, a "
    "RobustScaler's median (a StandardScaler's mean)",
    "Scaler.implied_max_": "the input the Scaler maps to 1: a MinMaxScaler's largest training value",
    "Imputer.imputed_value_floats_": "the fill value of each column (a median or most frequent "
    "value is a training value)",
    # interpret's EBMs (modelprivacy.models.interpret): feature_bounds_ as a (2, d) view
    **{
        f"{ebm}.{attr}": what
        for ebm in (
            "ExplainableBoostingClassifier",
            "ExplainableBoostingRegressor",
            "DPExplainableBoostingClassifier",
            "DPExplainableBoostingRegressor",
        )
        for attr, what in (
            (
                "feature_bounds_",
                "the smallest and largest training value of each numeric feature (repeated as "
                "the first and last of its histogram_edges_)",
            ),
        )
    },
}

# Attributes holding training targets or labels verbatim.
TARGETS: dict[str, str] = {
    "_y": "the label or target of every stored training row",
    "y_train_": "the target of every training row",
    "y_thresholds_": "training targets at the steps of an isotonic fit",
    "y": "training targets at the steps of an isotonic fit",
    "oob_decision_function_": "out-of-bag predictions for every training record",
    "oob_prediction_": "out-of-bag predictions for every training record",
    "transduction_": "the label assigned to every training record",
    "label_distributions_": "the label distribution of every training record",
    "encodings_": "the mean target of each category; a category of one person is their target",
    "QuantileRegressor.intercept_": "a training target (a quantile fit passes through training points)",
    # ONNX graphs
    "ArrayFeatureExtractor.training_labels_": "the label of every stored training row",
    "TreeEnsembleRegressor.target_weights_": "the leaf values: the mean training target of each "
    "leaf; a leaf of one person holds that person's target",
    "TreeEnsemble.leaf_weights_": "the leaf values: the mean training target of each leaf; a leaf "
    "of one person holds that person's target",
    "TreeEnsembleClassifier.class_weights_": "the class shares of each leaf; a leaf of one person "
    "gives away that person's label",
    # statsmodels results
    "endog": "the training target of every record",
    "wendog": "the training target of every record, weighted",
    "orig_endog": "the training target of every record",
    "frame_target": "the training target of every record (the target column of the formula's "
    "DataFrame, kept even after remove_data())",
}

# Attributes with one entry per training record.
PER_RECORD: dict[str, str] = {
    "labels_": "the cluster label of every training record",
    "embedding_": "the embedding of every training record",
    "dual_coef_": "one dual coefficient per support vector or training record",
    "support_": "the indices of training records that are support vectors",
    "negative_outlier_factor_": "the outlier score of every training record",
    "_lrd": "the local reachability density of every training record",
    "_distances_fit_X_": "distances between training records",
    "_neighbors_indices_fit_X_": "the nearest neighbours of every training record",
    "affinity_matrix_": "affinities between all pairs of training records",
    "dissimilarity_matrix_": "distances between all pairs of training records",
    "ordering_": "the cluster ordering of the training records",
    "reachability_": "the reachability distance of every training record",
    "core_distances_": "the core distance of every training record",
    "predecessor_": "the predecessor of every training record",
    "core_sample_indices_": "the indices of core training records",
    "children_": "the merge tree over the training records",
    "distances_": "merge distances over the training records",
    "probabilities_": "the cluster membership strength of every training record",
    "dist_": "the distance of every training record to the robust centre",
    "inlier_mask_": "which training records are inliers",
    "alpha_": "one dual weight per training record",
    "L_": "the Cholesky factor of the kernel over all training records",
    "pi_": "one latent value per training record",
    "W_sr_": "one weight per training record",
    "rows_": "which training records belong to each bicluster",
    "component_indices_": "the indices of the training records used as kernel centres",
    "idx_array": "the order of the training records in a KD-tree or ball tree",
    "estimators_samples_": "which training records each ensemble member was fitted on",
    # statsmodels results
    "wexog": "the weighted design matrix: one row per training record",
    "resid": "the residual of every training record",
    "resid_pearson": "the Pearson residual of every training record",
    "resid_response": "the residual of every training record",
    "resid_deviance": "the deviance residual of every training record",
    "resid_working": "the working residual of every training record",
    "resid_anscombe": "the Anscombe residual of every training record",
    "resid_generalized": "the generalized residual of every training record",
    "fittedvalues": "the fitted value of every training record",
    "GLM.mu": "the fitted mean of every training record",
    "row_labels": "the index label (often the record ID) of every training record",
}

# Fitted attributes that are structure or counts, never training values.
NOT_DATA: frozenset[str] = frozenset(
    {
        "n_features_in_",
        "feature_names_in_",
        "n_iter_",
        "n_samples_seen_",
        "class_count_",
        "feature_count_",
        "category_count_",
        "n_node_samples",
        "weighted_n_node_samples",
        "children_left",
        "children_right",
        "feature",
        "impurity",
        "missing_go_to_left",
        "node_data",
        "idx_start",
        "idx_end",
        "is_leaf",
        "radius",
        "count",
        "n_samples_",
        "n_samples_fit_",
        "_n_features_outs",
        "n_bins_",
        "n_bins_non_missing_",
        "missing_values_bin_idx_",
        "random_state",
        "sample_weight",
        "counts_",
        "_counts",
        "n_components_",
        "n_outputs_",
        "feature_importances_",
        "train_score_",
        "oob_improvement_",
        "loss_curve_",
        "validation_scores_",
        "n_leaves",
        "max_depth",
        "_average_path_length_per_tree",
        "classes_",
        "_sklearn_output_config",
        "output_indices_",
        "_transformer_to_input_indices",
        "_decision_path_lengths",
        # ONNX graphs: tree structure, ids, counts and settings
        "nodes_treeids_",
        "nodes_nodeids_",
        "nodes_falsenodeids_",
        "nodes_truenodeids_",
        "nodes_featureids_",
        "nodes_missing_value_tracks_true_",
        "nodes_hitrates_",
        "class_ids_",
        "class_nodeids_",
        "class_treeids_",
        "target_ids_",
        "target_nodeids_",
        "target_treeids_",
        "vectors_per_class_",
        "ngram_counts_",
        "ngram_indexes_",
        "classlabels_int64s_",
        "classlabels_ints_",
        "kernel_params_",
        "prob_a_",
        "prob_b_",
        "rho_",
        # interpret's EBMs: cut points and category maps (read as bin_thresholds_ and
        # categories_ through the walk hook), histogram edges (their ends repeat
        # feature_bounds_, reported there), counts and bag weights
        "bins_",
        "histogram_edges_",
        "bin_weights_",
        "histogram_weights_",
        "unique_val_counts_",
        "bag_weights_",
        "best_iteration_",
    }
)


def _is(name: str, *values: object) -> Callable[[object], bool]:
    return lambda owner: getattr(owner, name, None) in values


def _no_formula(owner: object) -> bool:
    """A statsmodels model without a formula: its design matrix is the table as given.

    A formula model's design matrix holds an intercept and encodings; the table
    as given is reported from its frame (``frame_features``).
    """
    if not str(getattr(type(owner), "__module__", "")).startswith("statsmodels."):
        return False
    state = getattr(owner, "__dict__", None)
    return isinstance(state, dict) and not isinstance(state.get("formula"), str)


# Attributes that hold a single training value only under some settings: the
# table, the key as in the tables above (``*.attr``: held by any class), and the
# condition on the owner.
_WHEN: tuple[tuple[dict[str, str], str, Callable[[object], bool], str], ...] = (
    *(
        (
            VERBATIM_ROWS,
            f"*.{attr}",
            _no_formula,
            "the whole training table (the model's design matrix, one row per training record)",
        )
        for attr in ("exog", "orig_exog")
    ),
    (
        STORED_VALUES,
        "NearestCentroid.centroids_",
        _is("metric", "manhattan"),
        "the per-class median of each column (metric='manhattan'), a training value of one "
        "record when a class has an odd count",
    ),
    (
        TARGETS,
        "DummyRegressor.constant_",
        _is("strategy", "median", "quantile"),
        "the median or a quantile of the training target: one record's target",
    ),
    (
        TARGETS,
        "HistGradientBoostingRegressor._baseline_prediction",
        _is("loss", "absolute_error", "quantile"),
        "the median or a quantile of the training target (the boosting's start): one record's "
        "target",
    ),
)


def lookup(table: dict[str, str], owner: object, attr: str, holder: str = "") -> str | None:
    """What ``attr`` of ``owner`` carries according to ``table``.

    Parameters
    ----------
    table : dict
        One of the tables of this module.
    owner : object
        The object holding the attribute.
    attr : str
        The attribute name.
    holder : str, optional
        Class name of the object whose attribute it is, when not ``owner``.

    Returns
    -------
    str or None
        The description, or ``None`` if the table does not know it.
    """
    for cls in (holder, type(owner).__name__):
        if cls and f"{cls}.{attr}" in table:
            return table[f"{cls}.{attr}"]
        for where, key, condition, what in _WHEN:
            if (
                where is table
                and cls
                and key in (f"{cls}.{attr}", f"*.{attr}")  # "*": any holder, the condition decides
                and condition(owner)
            ):
                return what
    return table.get(attr)
