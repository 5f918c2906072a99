"""MP-S107 Strings from the training data, and personal identifiers among them.

Encoders keep every category they saw (names, cities, job titles), vectorizers
keep their whole vocabulary, DictVectorizer keeps every feature name, and classifiers keep their
class labels. When a training column held names, e-mail addresses or phone
numbers, these end up in the model file verbatim.

The check lists the strings a model stores and flags those that look like
personal identifiers: e-mail addresses, phone numbers, long identification
numbers, IP addresses, dates, and person names. A person name is more than two
or three capitalised words, which every vocabulary of categories has ("Colon
Cancer", "High School", "Never Married"): it must start with one of about
20,000 known given names (or be written "Family, Given", or carry a title such
as "Dr."), hold no word of places, institutions or categories, and not be two
ordinary English words ("Rose Gold", "Black Forest"); see
:mod:`modelprivacy.inspection.names`. Measured by
``tests/inspection/test_name_pattern.py`` on 811 real category labels (the
categories of the bundled Adult data, the feature and target names of
scikit-learn's bundled data sets, and 595 labels of medical and social survey
data: ICD chapters, diagnoses, occupations, education levels, marital states,
countries, US states and cities, months, weekdays, colours, product
categories) and 152 person names of many cultures: 0 of 811 labels are flagged
(false-positive rate 0.0%; the former pattern of capitalised words flagged
318, 39%) and 147 of 152 names are found (recall 96.7%; formerly 67%). On 156
further labels written after the pattern was tuned, 10 are flagged (6.4%),
half of them brand and place names that are people's names ("Aston Martin",
"Charles de Gaulle").

The same identifiers stored by several estimators (one encoder per pipeline
copy) make one finding that lists every path. With training data a flagged
string counts as an identifier only when fewer than ``k`` training records
hold it: a category shared by ``k`` or more people identifies no one. The
records holding the identifiers are counted.

Remedy: drop identifier columns before fitting; group rare categories
(``min_frequency``); set ``min_df`` on vectorizers so that rare words are not
kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from modelprivacy.findings import Confidence, Criterion, Finding, Severity
from modelprivacy.inspection._base import Context, group_path, plural, redact, register
from modelprivacy.inspection.names import looks_like_person_name

CHECK_ID = "MP-S107"

PATTERNS: dict[str, re.Pattern[str]] = {
    "e-mail address": re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    "phone number": re.compile(r"(?<![\w.-])\+?\(?\d[\d ()./-]{6,}\d(?![\w.-])"),
    "identification number": re.compile(r"(?<![\w.-])\d{9,}(?![\w.-])"),
    "IP address": re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
    "date": re.compile(r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\b"),
}
PERSON_NAME = "person name"
_HIGH_KINDS = frozenset({"e-mail address", "phone number", "identification number", "IP address"})
_MAX_SUBSTRING_NEEDLES = 200
_SCHEMA_ATTRS = frozenset(
    {
        "feature_names_in_",
        "columns",
        "_feature_names_in",
        "feature_names_out_",
        "_remainder",
        # interpret's EBMs: the terms' names (column names) and the features' types
        "term_names_",
        "feature_types_in_",
    }
)


def classify(text: str) -> str | None:
    """Return the kind of personal identifier ``text`` looks like, or ``None``.

    Parameters
    ----------
    text : str
        A stored string.

    Returns
    -------
    str or None
        One of the keys of :data:`PATTERNS`, or ``"person name"``.
    """
    for kind, pattern in PATTERNS.items():
        match = pattern.search(text)
        if match and (kind != "phone number" or _phone_like(match.group(0))):
            return kind
    if looks_like_person_name(text):
        return PERSON_NAME
    return None


_RANGE = re.compile(r"\d{1,6}\s*[-/]\s*\d{1,6}")
_DECIMAL = re.compile(r"\d+[.,]\d+")


def _phone_like(text: str) -> bool:
    """8 to 15 digits, and not a number range ("2019-2020"), a decimal or a date."""
    digits = sum(ch.isdigit() for ch in text)
    plain = text.strip()
    return (
        8 <= digits <= 15
        and not _RANGE.fullmatch(plain)
        and not _DECIMAL.fullmatch(plain)
        and not PATTERNS["date"].search(plain)
    )


def _fitted(node_attr: str) -> bool:
    return node_attr.endswith("_") or node_attr.startswith("_")


def _strings(value: Any, attr: str) -> list[str] | None:
    if isinstance(value, np.ndarray) and value.dtype.kind in "OUS" and value.size:
        flat = value.reshape(-1)
        if value.dtype.kind == "O" and not all(isinstance(v, str) for v in flat):
            return None
        return [str(v) for v in flat]
    if isinstance(value, dict):
        # only vocabularies map training strings to columns; other dicts are keyed by names
        if attr.endswith("vocabulary_") and value and all(isinstance(k, str) for k in value):
            return list(value)
        return None
    if (
        isinstance(value, (list, set, frozenset, tuple))
        and value
        and all(isinstance(v, str) for v in value)
    ):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    return None


@register(
    CHECK_ID,
    "Strings from the training data",
    Criterion.SINGLING_OUT,
    "Drop identifier columns before fitting, group rare categories (min_frequency), and set "
    "min_df on vectorizers so that rare words are not kept.",
)
def check(ctx: Context) -> Iterator[Finding]:
    """List stored strings and flag personal identifiers."""
    inventory: dict[str, tuple[Any, int, set[str]]] = {}
    flagged_at: list[tuple[str, Any, list[tuple[str, str]]]] = []
    for node in ctx.nodes:
        if not _fitted(node.attr) or node.attr in _SCHEMA_ATTRS or node.path in ctx.claimed:
            continue
        if node.attr == "statistics_" and getattr(node.owner, "strategy", None) == "constant":
            continue  # the fill value is a parameter, not training data
        strings = _strings(node.value, node.attr)
        if strings is None:
            continue
        flagged = [(s, kind) for s in strings if (kind := classify(s))]
        shared: list[tuple[str, str]] = []
        if flagged and ctx.data is not None:
            # a string that k or more training records hold identifies no one
            counts = _holders(ctx, [s for s, _ in flagged])
            shared = [(s, k) for s, k in flagged if counts[s] >= ctx.k]
            flagged = [(s, k) for s, k in flagged if counts[s] < ctx.k]
        if flagged:
            flagged_at.append((node.path, node.owner, flagged))
            continue
        owner_key = node.owner_path
        n_plain = len(strings)
        if n_plain:
            owner, n, attrs = inventory.get(owner_key, (node.owner, 0, set()))
            attrs.add(group_path(node.path)[len(owner_key) :].lstrip("."))
            inventory[owner_key] = (owner, n + n_plain, attrs)
            if shared:
                ctx.cache.setdefault("shared_identifiers", {}).setdefault(owner_key, set()).update(
                    s for s, _ in shared
                )
    if flagged_at:
        yield _pii_finding(ctx, flagged_at)
    shared_by_owner: dict[str, set[str]] = ctx.cache.get("shared_identifiers", {})
    for owner_key, (owner, n, attrs) in inventory.items():
        where = ", ".join(sorted(attrs))
        n_shared = len(shared_by_owner.get(owner_key, ()))
        note = (
            f"; {plural(n_shared, 'string')} that look like personal identifiers "
            f"{'is' if n_shared == 1 else 'are'} held by at least {ctx.k} training records "
            "each, so they identify no one"
            if n_shared
            else ""
        )
        yield ctx.finding(
            CHECK_ID,
            severity=Severity.INFO,
            confidence=Confidence.MEDIUM,
            path=owner_key,
            estimator=owner,
            description=(
                f"{type(owner).__name__} stores {plural(n, 'string')} from the training data in {where}; "
                + (
                    "none looks like a personal identifier"
                    if not n_shared
                    else "none identifies a person"
                )
                + note
                + " (rare ones are counted by MP-S106 when the training data is given)."
            ),
            evidence={"strings": n, "attributes": sorted(attrs), "shared_identifiers": n_shared},
        )


def _pii_finding(ctx: Context, flagged_at: list[tuple[str, Any, list[tuple[str, str]]]]) -> Finding:
    """One finding for the identifiers stored anywhere in the model, listing every path."""
    distinct: dict[str, str] = {}
    for _, _, flagged in flagged_at:
        for s, kind in flagged:
            distinct.setdefault(s, kind)
    kinds = sorted(set(distinct.values()))
    high = any(k in _HIGH_KINDS for k in kinds)
    positions = _records_with(ctx, list(distinct)) if ctx.data is not None else None
    confirmed = positions is not None and positions.size > 0
    example_str, example_kind = next(iter(distinct.items()))
    paths = [p for p, _, _ in flagged_at]
    first_path, owner, _ = flagged_at[0]
    owners = sorted({type(o).__name__ for _, o, _ in flagged_at})
    n = len(distinct)
    where = (
        f" in {plural(len(paths), 'place')} ({', '.join(paths[:3])}{', ...' if len(paths) > 3 else ''})"
        if len(paths) > 1
        else ""
    )
    rare = f", each held by fewer than {ctx.k} training records" if ctx.data is not None else ""
    return ctx.finding(
        CHECK_ID,
        severity=Severity.HIGH if high else Severity.MEDIUM,
        confidence=Confidence.HIGH if confirmed else Confidence.MEDIUM if high else Confidence.LOW,
        path=first_path,
        estimator=owner,
        title="Personal identifiers stored in the model",
        description=(
            f"{' and '.join(owners)} {'stores' if len(paths) == 1 else 'store'} {plural(n, 'string')} that "
            f"{'looks' if n == 1 else 'look'} like personal identifiers ({', '.join(kinds)})"
            + rare
            + where
            + (
                f", found in {plural(positions.size, 'training record')}."
                if positions is not None
                else "."
            )
        ),
        positions=positions if confirmed else None,
        example=f"{example_kind}: {redact(example_str, ctx.show_values)}",
        evidence={"identifiers": n, "kinds": kinds, "paths": paths},
    )


def _string_series(ctx: Context) -> list[pd.Series]:
    """The training data's text columns (and a text target), lower-cased, cached."""
    assert ctx.data is not None
    if "string_series" not in ctx.cache:
        X = ctx.data.X
        frame = X if isinstance(X, pd.DataFrame) else pd.DataFrame(np.asarray(X, dtype=object))
        cols = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
        series = [frame[c].astype(str).str.lower() for c in cols]
        y = ctx.data.y
        if y is not None and np.asarray(y).dtype.kind in "OUS":
            series.append(pd.Series(np.asarray(y).reshape(-1)).astype(str).str.lower())
        ctx.cache["string_series"] = [s for s in series if len(s) == ctx.data.n]
    series_list: list[pd.Series] = ctx.cache["string_series"]
    return series_list


def _cell_counts(ctx: Context) -> dict[str, int]:
    """How many cells hold each exact (lower-cased) string."""
    if "cell_counts" not in ctx.cache:
        counts: dict[str, int] = {}
        for s in _string_series(ctx):
            for value, c in s.value_counts().items():
                counts[str(value)] = counts.get(str(value), 0) + int(c)
        ctx.cache["cell_counts"] = counts
    out: dict[str, int] = ctx.cache["cell_counts"]
    return out


def _holders(ctx: Context, strings: list[str]) -> dict[str, int]:
    """How many training records hold each string (a cell equal to it, else containing it)."""
    cells = _cell_counts(ctx)
    out: dict[str, int] = {}
    for s in strings:
        n = cells.get(s.lower(), 0)
        if n == 0 and len(out) < _MAX_SUBSTRING_NEEDLES:
            n = int(_records_with(ctx, [s]).size)  # a token of a longer text
        out[s] = n
    return out


def _records_with(ctx: Context, needles: Iterable[str]) -> np.ndarray:
    """Records whose string cells contain any of the needles (case-insensitive)."""
    assert ctx.data is not None
    series = _string_series(ctx)
    hit = np.zeros(ctx.data.n, dtype=bool)
    wanted = sorted({s.lower() for s in needles})
    # substrings in one pass per column; with very many identifiers, exact cells only
    pattern = (
        "|".join(re.escape(w) for w in wanted) if len(wanted) <= _MAX_SUBSTRING_NEEDLES else None
    )
    for s in series:
        hit |= s.isin(wanted).to_numpy(dtype=bool)
        if pattern is not None:
            hit |= s.str.contains(pattern, regex=True).to_numpy(dtype=bool)
    return np.flatnonzero(hit)
