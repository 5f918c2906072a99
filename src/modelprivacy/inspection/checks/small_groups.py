"""MP-S106 Small groups: clusters, classes, categories and tokens of fewer than k people.

A group of fewer than ``k`` training records that the model describes singles
its members out: a cluster of one person (its centre is their row), a Birch
subcluster of one person, a class with three members (the class label is
shared by three people, and a prediction of it points at them), a category
held by one person (a rare nationality, a rare job title; a target encoder's
value for it is that person's target), a word that appears in one document.

Without training data the check reads what the model stores about group sizes:
``labels_`` of clusterings, Birch subcluster sizes, class counts of naive
Bayes, the inverse document frequencies of TF-IDF (which give every
token's document count), and the bin weights of interpret's Explainable
Boosting Machines (row counts, unless sample weights were given). With
training data it also counts the records of every class, every encoder
category, every vocabulary token and every EBM bin.

Remedy: group rare categories (``min_frequency=k``, ``max_categories``), drop
rare tokens (``min_df=k``), merge or drop tiny classes and clusters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, plural, redact, register
from modelprivacy.inspection.columns import CODE
from modelprivacy.inspection.walker import safe_getattr

CHECK_ID = "MP-S106"


@register(
    CHECK_ID,
    "Groups of fewer than k people",
    Criterion.SINGLING_OUT,
    "Group rare categories (min_frequency=k), drop rare tokens (min_df=k), and merge or drop "
    "classes and clusters with fewer than k members.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """Find groups of fewer than k training records."""
    yield from _cluster_labels(ctx)
    yield from _birch(ctx)
    yield from _classes(ctx)
    yield from _categories(ctx)
    yield from _tokens(ctx)
    yield from _ctr_tables(ctx)
    yield from _ebm_bins(ctx)


def _cluster_labels(ctx: Context) -> Iterator[Finding]:
    for node in ctx.nodes:
        v = node.value
        if (
            node.attr != "labels_"
            or not isinstance(v, np.ndarray)
            or v.ndim != 1
            or v.dtype.kind not in "iu"
        ):
            continue
        if ctx.data is not None and v.size != ctx.data.n:
            continue
        labels = v[v >= 0]
        if labels.size == 0:
            continue
        sizes = np.bincount(labels)
        small = np.flatnonzero((sizes > 0) & (sizes < ctx.k))
        if small.size == 0:
            continue
        positions = np.flatnonzero(np.isin(v, small))
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if (sizes[small] == 1).any() else Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=node.path,
            estimator=node.owner,
            title="Clusters of fewer than k people",
            description=(
                f"{plural(small.size, 'cluster')} of {int((sizes > 0).sum()):,} hold fewer than {ctx.k} training "
                f"records ({int((sizes[small] == 1).sum()):,} hold one person); their centres and labels "
                f"describe {plural(positions.size, 'record')}."
            ),
            positions=positions,
            evidence={"clusters": int((sizes > 0).sum()), "small_clusters": int(small.size)},
        )


def _birch(ctx: Context) -> Iterator[Finding]:
    sizes: dict[str, list[int]] = {}
    owners: dict[str, Any] = {}
    single_paths: dict[str, list[str]] = {}
    for node in ctx.nodes:
        v = node.value
        if type(v).__name__ == "_CFSubcluster" and getattr(v, "child_", 1) is None:
            key = node.owner_path
            sizes.setdefault(key, []).append(int(v.n_samples_))
            owners[key] = node.owner
            if int(v.n_samples_) == 1:
                single_paths.setdefault(key, []).extend(
                    f"{node.path}.{a}" for a in ("centroid_", "linear_sum_")
                )
    for key, ns in sizes.items():
        arr = np.asarray(ns)
        small = arr < ctx.k
        if not small.any():
            continue
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if (arr == 1).any() else Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=f"{key}.subcluster_centers_" if key else "subcluster_centers_",
            estimator=owners[key],
            title="Subclusters of fewer than k people",
            description=(
                f"{plural(int(small.sum()), 'Birch subcluster')} of {arr.size:,} hold fewer than {ctx.k} records; "
                f"{int((arr == 1).sum()):,} hold one person, whose row is the subcluster's centroid."
            ),
            count=int(arr[small].sum()),
            evidence={
                "subclusters": int(arr.size),
                "small": int(small.sum()),
                "single": int((arr == 1).sum()),
                "paths": single_paths.get(key, []),
            },
        )


def _classes(ctx: Context) -> Iterator[Finding]:
    root = ctx.root
    classes = safe_getattr(root, "classes_")
    if classes is None or isinstance(classes, list):
        return
    if ctx.data is not None and ctx.data.y is not None:
        y = np.asarray(ctx.data.y)
        if y.ndim != 1:
            return
        values, counts = np.unique(y.astype(str), return_counts=True)
        small = values[counts < ctx.k]
        if small.size == 0:
            return
        positions = np.flatnonzero(np.isin(y.astype(str), small))
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path="classes_",
            estimator=root,
            title="Classes of fewer than k people",
            description=(
                f"{plural(small.size, 'class', 'classes')} of {values.size:,} have fewer than {ctx.k} training "
                f"records ({plural(positions.size, 'record')}); the model's answer for them points at those people."
            ),
            positions=positions,
            example=f"classes_ contains {redact(small[0], ctx.show_values)}",
            evidence={"classes": int(values.size), "small_classes": int(small.size)},
        )
        return
    counts_attr = safe_getattr(root, "class_count_")
    if isinstance(counts_attr, np.ndarray) and counts_attr.ndim == 1:
        small_mask = (counts_attr > 0) & (counts_attr < ctx.k)
        if small_mask.any():
            yield ctx.finding(
                CHECK_ID,
                severity=Severity.MEDIUM,
                confidence=Confidence.HIGH,
                path="class_count_",
                estimator=root,
                title="Classes of fewer than k people",
                description=(
                    f"{plural(int(small_mask.sum()), 'class', 'classes')} have fewer than {ctx.k} training records "
                    f"({int(counts_attr[small_mask].sum()):,} records in all)."
                ),
                count=int(counts_attr[small_mask].sum()),
                evidence={"small_classes": int(small_mask.sum())},
            )


def _column(X: Any, j: int) -> np.ndarray | None:
    if isinstance(X, pd.DataFrame):
        return X.iloc[:, j].to_numpy() if j < X.shape[1] else None
    if isinstance(X, pd.Series):
        return X.to_numpy() if j == 0 else None
    arr = np.asarray(X, dtype=object) if not hasattr(X, "toarray") else None
    if arr is None or arr.ndim != 2 or j >= arr.shape[1]:
        return None
    return arr[:, j]


def _key(value: Any) -> str:
    """Compare categories as text, with every kind of missing value as one."""
    return (
        "\x00missing"
        if value is None or (not isinstance(value, str) and pd.isna(value))
        else str(value)
    )


def _categories(ctx: Context) -> Iterator[Finding]:
    if ctx.data is None:
        return
    for node in ctx.nodes:
        v = node.value
        if node.attr != "categories_" or not isinstance(v, list):
            continue
        X_in = ctx.data.input_for(node.owner_path)
        cols = ctx.columns(node.owner_path)
        positions: list[np.ndarray] = []
        n_small = n_single = 0
        for j, cats in enumerate(v):
            if cols is not None and j < len(cols) and cols[j].kind == CODE:
                continue  # codes of an encoder earlier in the model: counted at that encoder
            col = _column(X_in, j)
            if col is None:
                continue
            codes, uniques = pd.factorize(pd.Series(col, dtype=object), use_na_sentinel=False)
            counts = np.bincount(codes, minlength=len(uniques))
            code_of = {_key(u): i for i, u in enumerate(uniques)}
            rare_codes = []
            for cat in np.asarray(cats, dtype=object):
                code = code_of.get(_key(cat))
                if code is not None and counts[code] < ctx.k:
                    rare_codes.append(code)
                    n_small += 1
                    n_single += int(counts[code] == 1)
            if rare_codes:
                positions.append(np.flatnonzero(np.isin(codes, rare_codes)))
        if not n_small:
            continue
        pos = np.unique(np.concatenate(positions))
        target = type(node.owner).__name__ == "TargetEncoder"
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if target and n_single else Severity.MEDIUM,
            confidence=Confidence.HIGH,
            path=node.path,
            estimator=node.owner,
            title="Categories of fewer than k people",
            description=(
                f"{type(node.owner).__name__} stores {plural(n_small, 'category', 'categories')} held by fewer than "
                f"{ctx.k} training records ({n_single:,} by one person), exposing {plural(pos.size, 'record')}"
                + (
                    "; the encoding of a one-person category is that person's target."
                    if target
                    else "."
                )
            ),
            positions=pos,
            evidence={"small_categories": n_small, "single_person_categories": n_single},
        )


def _tokens(ctx: Context) -> Iterator[Finding]:
    for node in ctx.nodes:
        owner = node.owner
        if (
            node.attr != "vocabulary_"
            or not isinstance(node.value, dict)
            or not callable(getattr(owner, "transform", None))
        ):
            continue
        vocab: dict[str, int] = node.value
        df: np.ndarray | None = None
        positions = None
        confidence = Confidence.HIGH
        if ctx.data is not None:
            docs = ctx.data.input_for(node.owner_path)
            try:
                counts = owner.transform(docs)
                presence = counts > 0
                df = np.asarray(presence.sum(axis=0)).ravel()
            except Exception:
                df = None
            if df is not None:
                rare_cols = np.flatnonzero((df > 0) & (df < ctx.k))
                positions = (
                    np.unique(presence[:, rare_cols].nonzero()[0])
                    if rare_cols.size
                    else np.zeros(0, int)
                )
        if df is None:
            df = _df_from_idf(owner)
            confidence = Confidence.MEDIUM
        if df is None:
            continue
        rare = int(((df > 0) & (df < ctx.k)).sum())
        single = int((df == 1).sum())
        if not rare:
            continue
        inv = {i: t for t, i in vocab.items()}
        example_tok = inv.get(int(np.flatnonzero(df == df[df > 0].min())[0]), "")
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if single else Severity.MEDIUM,
            confidence=confidence,
            path=node.path,
            estimator=owner,
            title="Tokens from fewer than k documents",
            description=(
                f"The vocabulary holds {plural(rare, 'token')} that occur in fewer than {ctx.k} training documents "
                f"({single:,} in a single document)"
                + (
                    f", exposing {plural(positions.size, 'record')}."
                    if positions is not None
                    else "."
                )
            ),
            positions=positions,
            example=f"vocabulary_ contains {redact(example_tok, ctx.show_values)}",
            evidence={"tokens": len(vocab), "rare_tokens": rare, "single_document_tokens": single},
        )


def _ctr_tables(ctx: Context) -> Iterator[Finding]:
    """CatBoost's CTR tables: training rows of every category, per class for classifiers."""
    for node in ctx.nodes:
        if node.attr != "ctr_counts_" or type(node.owner).__module__.split(".")[0] != "catboost":
            continue
        from modelprivacy.models.catboost import ctr_tables

        try:
            tables = ctr_tables(node.owner)
        except Exception:  # the hook read them: a failure here is not the model's
            continue
        small = single = told = 0
        rare_strings: dict[int, set[str]] = {}
        for table in tables:
            totals = table.totals
            few = (totals > 0) & (totals < ctx.k)
            small += int(few.sum())
            single += int((totals == 1).sum())
            if table.per_class:
                told += int((totals == 1).sum())
            if len(table.features) == 1:
                for i in np.flatnonzero(few):
                    text = table.strings[i] if i < len(table.strings) else None
                    if text is not None:
                        rare_strings.setdefault(table.features[0], set()).add(text)
        if not small:
            continue
        positions = None
        confidence = Confidence.MEDIUM  # counts from the structure alone
        if ctx.data is not None and rare_strings:
            X_in = ctx.data.input_for(node.owner_path)
            found = []
            for j, texts in rare_strings.items():
                col = _column(X_in, j)
                if col is not None:
                    keys = np.asarray([_key(v) for v in col], dtype=object)
                    found.append(np.flatnonzero(np.isin(keys, list(texts))))
            if found:
                positions = np.unique(np.concatenate(found))
                confidence = Confidence.HIGH
        label = (
            f"; the per-class counts of {plural(told, 'one-person category', 'one-person categories')} "
            "give away that person's label"
            if told
            else ""
        )
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if told else Severity.MEDIUM,
            confidence=confidence,
            path=node.path,
            estimator=node.owner,
            title="Categories of fewer than k people",
            description=(
                f"The model's CTR tables count the training rows of "
                f"{plural(small, 'category', 'categories')} (or combinations) held by fewer than "
                f"{ctx.k} training records ({single:,} by one person){label}"
                + (
                    f", exposing {plural(positions.size, 'record')}."
                    if positions is not None
                    else "."
                )
            ),
            positions=positions,
            evidence={
                "ctr_tables": len(tables),
                "small_categories": small,
                "single_person_categories": single,
                "labels_readable": told,
            },
        )


def _ebm_bins(ctx: Context) -> Iterator[Finding]:
    """The training rows of every bin of every term of interpret's EBMs (``bin_weights_``)."""
    for node in ctx.nodes:
        if (
            node.attr != "bin_weights_"
            or not isinstance(node.value, list)
            or type(node.owner).__module__.split(".")[0] != "interpret"
        ):
            continue
        from modelprivacy.models.interpret import small_bins

        X_in = ctx.data.input_for(node.owner_path) if ctx.data is not None else None
        found = small_bins(node.owner, ctx.k, X_in)
        if found is None or not found.small:
            continue
        shown = ", ".join(list(found.terms)[:5]) + (", ..." if len(found.terms) > 5 else "")
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.HIGH if found.single else Severity.MEDIUM,
            confidence=Confidence.HIGH if found.from_data else Confidence.MEDIUM,
            path=node.path,
            estimator=node.owner,
            title="Bins of fewer than k people",
            description=(
                f"{type(node.owner).__name__} has {plural(found.small, 'bin')} of "
                f"{found.bins:,} holding fewer than {ctx.k} training records ({found.single:,} "
                f"hold one person; terms: {shown}): a bin pins its people's value between two "
                "cut points (their category), and its score was fitted to them alone"
                + (
                    f", exposing {plural(found.positions.size, 'record')}."
                    if found.positions is not None
                    else " (counted from the stored bin weights)."
                )
            ),
            positions=found.positions,
            evidence={
                "bins": found.bins,
                "small_bins": found.small,
                "single_person_bins": found.single,
                "terms": found.terms,
            },
        )


def _df_from_idf(owner: Any) -> np.ndarray | None:
    """Document frequencies from smoothed idf = ln((1 + n) / (1 + df)) + 1, if they solve to integers."""
    idf = getattr(owner, "idf_", None)
    if not isinstance(idf, np.ndarray) or idf.size == 0 or not getattr(owner, "smooth_idf", True):
        return None
    n = 2.0 * np.exp(idf.max() - 1.0) - 1.0  # the rarest token occurs in one document
    df = (1.0 + n) / np.exp(idf - 1.0) - 1.0
    if abs(n - round(n)) > 1e-6 * max(n, 1) or np.abs(df - np.round(df)).max() > 1e-4 * max(n, 1):
        return None
    return np.round(df).astype(np.int64)
