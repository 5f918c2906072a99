"""Prune the small leaves of scikit-learn decision trees.

A scikit-learn :class:`~sklearn.tree._tree.Tree` keeps its nodes in arrays.
Pruning a node (turning it into a leaf) while leaving its descendants in the
arrays would still ship the small leaves, their thresholds and their values in
the model file (scikit-learn would route around them, but they are there). :func:`prune_tree` therefore builds a new, compact ``Tree``
with only the nodes that remain reachable, renumbered from the root.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp

__all__ = ["TREE_LEAF", "TREE_UNDEFINED", "distinct_counts", "keep_plan", "prune_tree"]

TREE_LEAF = -1
TREE_UNDEFINED = -2


def distinct_counts(tree: Any, X: Any, rows: np.ndarray | None = None) -> np.ndarray:
    """Count the distinct training records that pass through every node.

    Parameters
    ----------
    tree : sklearn.tree._tree.Tree
        The fitted tree (``estimator.tree_``).
    X : array-like or sparse matrix of shape (n, d)
        The tree's input (the columns it was fitted on).
    rows : ndarray of int or bool, optional
        The records the tree was fitted on (its in-bag sample, with or
        without repetitions, or a boolean mask over the records); ``None``
        for all of them.

    Returns
    -------
    ndarray of int64 of shape (node_count,)
        Per node, the number of distinct records routed through it.
    """
    if rows is not None:
        rows = np.asarray(rows)
        rows = np.flatnonzero(rows) if rows.dtype == bool else np.unique(rows.astype(np.int64))
    if sp.issparse(X):
        M = sp.csr_matrix(X, dtype=np.float32)
        if rows is not None:
            M = M[rows]
        M.sort_indices()
    else:
        A = np.asarray(X, dtype=np.float32)
        if rows is not None:
            A = A[rows]
        M = np.ascontiguousarray(A)
    path = tree.decision_path(M)
    return np.asarray(path.sum(axis=0), dtype=np.int64).reshape(-1)


def keep_plan(
    left: np.ndarray, right: np.ndarray, counts: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Plan the smallest change that leaves no leaf of fewer than ``k`` records.

    Bottom-up, for every split node whose children have been planned:

    * both children hold ``k`` records or more: the split is kept;
    * one child holds fewer than ``k``: the split is removed and the node is
      replaced by the other child's (planned) subtree, so the small child's
      records now follow that subtree; its leaves keep their values and
      only gain records;
    * both children hold fewer than ``k``: the node becomes a leaf (it merges
      its children), and its parent decides on it in turn.

    A planned subtree therefore has only leaves of ``k`` records or more, or
    is a single leaf of fewer than ``k`` records when its root holds fewer.

    Parameters
    ----------
    left, right : ndarray of int
        Children of each node (``-1`` at leaves).
    counts : ndarray of int
        Records per node.
    k : int
        Smallest leaf size.

    Returns
    -------
    order : ndarray of int64
        The kept nodes in depth-first order, the new root first.
    new_left, new_right : ndarray of int64
        Per kept node (aligned with ``order``), the positions in ``order`` of
        its children; ``-1`` for leaves.
    """
    n = left.size
    eff = np.arange(n, dtype=np.int64)
    make_leaf = np.zeros(n, dtype=bool)
    post: list[int] = []
    stack = [0]
    while stack:  # reverse of a (node, right, left) preorder is a postorder
        node = stack.pop()
        post.append(node)
        if left[node] != TREE_LEAF:
            stack.append(int(left[node]))
            stack.append(int(right[node]))
    for node in reversed(post):
        lc, rc = int(left[node]), int(right[node])
        if lc == TREE_LEAF:
            continue
        big_l, big_r = counts[lc] >= k, counts[rc] >= k
        if big_l and big_r:
            continue
        if big_l:
            eff[node] = eff[lc]
        elif big_r:
            eff[node] = eff[rc]
        else:
            make_leaf[node] = True
    order: list[int] = []
    children: list[tuple[int, int]] = []
    position: dict[int, int] = {}
    stack = [int(eff[0])]
    while stack:
        node = stack.pop()
        position[node] = len(order)
        order.append(node)
        if left[node] == TREE_LEAF or make_leaf[node]:
            children.append((TREE_LEAF, TREE_LEAF))
            continue
        lc, rc = int(eff[left[node]]), int(eff[right[node]])
        children.append((lc, rc))
        stack.append(rc)
        stack.append(lc)
    new_left = np.array(
        [position[c[0]] if c[0] != TREE_LEAF else TREE_LEAF for c in children], dtype=np.int64
    )
    new_right = np.array(
        [position[c[1]] if c[1] != TREE_LEAF else TREE_LEAF for c in children], dtype=np.int64
    )
    return np.asarray(order, dtype=np.int64), new_left, new_right


def _leaf_average(
    left: np.ndarray, right: np.ndarray, values: np.ndarray, weights: np.ndarray, node: int
) -> np.ndarray:
    """Weighted average of the values of the original leaves below ``node``."""
    total = np.zeros_like(values[node], dtype=np.float64)
    weight = 0.0
    stack = [node]
    while stack:
        n = stack.pop()
        if left[n] == TREE_LEAF:
            total += weights[n] * values[n]
            weight += float(weights[n])
        else:
            stack.extend((int(left[n]), int(right[n])))
    return total / weight if weight > 0 else np.asarray(values[node], dtype=np.float64)


def prune_tree(tree: Any, counts: np.ndarray, k: int, *, average_leaves: bool = False) -> Any:
    """Return a compact copy of ``tree`` pruned so that every leaf holds ``k`` records.

    See :func:`keep_plan` for which splits are removed.

    Parameters
    ----------
    tree : sklearn.tree._tree.Tree
        The fitted tree; it is not modified.
    counts : ndarray of int
        Records per node (:func:`distinct_counts`, or ``tree.n_node_samples``).
    k : int
        Smallest leaf size.
    average_leaves : bool, default=False
        Give a new leaf the weighted average of the values of the leaves it
        replaces instead of the value stored at the node. Decision trees and
        forests store the node's own class distribution or mean at every node,
        so they do not need it; gradient boosting replaces leaf values by
        line-search steps after growing the tree, and does.

    Returns
    -------
    sklearn.tree._tree.Tree or None
        The pruned tree, or ``None`` when no leaf holds fewer than ``k``
        records (nothing to prune).
    """
    left = np.asarray(tree.children_left, dtype=np.int64)
    right = np.asarray(tree.children_right, dtype=np.int64)
    order, new_left, new_right = keep_plan(left, right, counts, k)
    if order.size == left.size:
        return None
    state = tree.__getstate__()
    nodes = state["nodes"]
    values = state["values"]
    new_nodes = nodes[order].copy()
    new_values = np.ascontiguousarray(values[order].copy())
    is_leaf = new_left == TREE_LEAF
    new_nodes["left_child"] = new_left
    new_nodes["right_child"] = new_right
    new_nodes["feature"] = np.where(is_leaf, TREE_UNDEFINED, new_nodes["feature"])
    new_nodes["threshold"] = np.where(is_leaf, float(TREE_UNDEFINED), new_nodes["threshold"])
    if "missing_go_to_left" in (new_nodes.dtype.names or ()):
        new_nodes["missing_go_to_left"] = np.where(is_leaf, 0, new_nodes["missing_go_to_left"])
    if average_leaves:
        weights = np.asarray(tree.weighted_n_node_samples, dtype=np.float64)
        merged = np.flatnonzero(is_leaf & (left[order] != TREE_LEAF))
        for m in merged.tolist():
            new_values[m] = _leaf_average(left, right, values, weights, int(order[m]))
    depth = np.zeros(order.size, dtype=np.int64)
    for i in range(order.size):  # depth-first order: parents come before children
        if not is_leaf[i]:
            depth[int(new_left[i])] = int(depth[i]) + 1
            depth[int(new_right[i])] = int(depth[i]) + 1
    cls, args = tree.__reduce__()[:2]
    pruned = cls(*args)
    pruned.__setstate__(
        {
            "max_depth": int(depth.max(initial=0)),
            "node_count": int(order.size),
            "nodes": np.ascontiguousarray(new_nodes),
            "values": new_values,
        }
    )
    return pruned
