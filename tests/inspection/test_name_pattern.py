"""The person-name pattern of MP-S107, measured on real category vocabularies.

The labels are the categories of the bundled Adult data, the feature and
target names of scikit-learn's bundled data sets, and the labels of
``fixtures/category_labels.txt`` (medical and social survey categories,
countries, US states, months, colours, products). The names are those of
``fixtures/person_names.txt``. The numbers are quoted in docs/checks.md
(from the docstring of MP-S107).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn import datasets
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import VotingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder

import modelprivacy
from modelprivacy import Confidence, Severity
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_TARGET, load_adult
from modelprivacy.inspection.checks.strings import classify
from modelprivacy.inspection.names import looks_like_person_name

FIXTURES = Path(__file__).parent / "fixtures"


def _lines(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def category_labels() -> list[str]:
    labels = _lines("category_labels.txt")
    adult = load_adult()
    for column in [*ADULT_CATEGORICAL, ADULT_TARGET]:
        labels += [str(v) for v in adult[column].dropna().unique()]
    for loader in (
        datasets.load_iris,
        datasets.load_wine,
        datasets.load_breast_cancer,
        datasets.load_diabetes,
        datasets.load_linnerud,
        datasets.load_digits,
    ):
        bunch = loader()
        labels += [str(x) for x in bunch.feature_names]
        if "target_names" in bunch:
            labels += [str(x) for x in np.ravel(bunch.target_names)]
    return sorted(set(labels))


def test_false_positive_rate_and_recall_on_real_vocabularies():
    labels = category_labels()
    names = sorted(set(_lines("person_names.txt")))
    assert len(labels) >= 500 and len(names) >= 100
    false_pos = [x for x in labels if classify(x) == "person name"]
    found = [x for x in names if classify(x) == "person name"]
    fp_rate, recall = len(false_pos) / len(labels), len(found) / len(names)
    # measured: 0 of 811 labels (0.0%), 147 of 152 names (96.7%)
    assert fp_rate <= 0.01, (f"{fp_rate:.2%}", false_pos)
    assert recall >= 0.90, (f"{recall:.2%}", sorted(set(names) - set(found)))
    print(f"labels {len(labels)}, flagged {len(false_pos)} ({fp_rate:.2%}); ")
    print(f"names {len(names)}, found {len(found)} ({recall:.2%})")


def test_held_out_labels_stay_rare():
    labels = sorted(set(_lines("category_labels_heldout.txt")))
    flagged = [x for x in labels if looks_like_person_name(x)]
    # written after tuning; measured 10 of 156 (6.4%), half of them brands named after people
    assert len(labels) >= 150 and len(flagged) / len(labels) <= 0.08, flagged


@pytest.mark.parametrize(
    "text",
    ["Colon Cancer", "High School", "Never Married", "Armed Forces", "Married-civ-spouse",
     "Adm-clerical", "United-States", "Sierra Leone", "Olive Green", "Rose Gold", "New York"],
)  # fmt: skip
def test_issue_labels_are_not_names(text):
    assert not looks_like_person_name(text)


@pytest.mark.parametrize(
    "text",
    ["Maria Garcia", "John A. Smith", "Smith, John", "Dr. Jane Doe", "Siobhán O'Brien",
     "Pieter van der Berg", "Jean-Pierre Dubois", "Nguyen Van An", "JOHN SMITH", "Will Smith"],
)  # fmt: skip
def test_names_of_many_forms_are_found(text):
    assert looks_like_person_name(text)


def _adult_encoders():
    frame = load_adult().sample(800, random_state=0).reset_index(drop=True)
    y = (frame.pop(ADULT_TARGET) == ">50K").astype(int)
    cats = list(ADULT_CATEGORICAL)
    return frame[cats], y


def test_adult_categories_are_not_identifiers_in_any_encoder():
    X, y = _adult_encoders()
    pipe = make_pipeline(OneHotEncoder(handle_unknown="ignore"), LogisticRegression(max_iter=200))
    model = VotingClassifier([("a", pipe), ("b", pipe)]).fit(X, y)
    for result in (modelprivacy.inspect(model), modelprivacy.inspect(model, X, y)):
        assert not [f for f in result.findings if f.title.startswith("Personal identifiers")]


def test_names_in_several_encoders_make_one_finding_and_shared_names_identify_no_one():
    rng = np.random.default_rng(0)
    people = ["Maria Garcia", "John Smith", "Ana Santos", "Piotr Kowalski"]
    frame = pd.DataFrame(
        {
            # the doctor's name is shared by many patients; patients' names by one each
            "doctor": rng.choice(["Jane Doe", "Hans Müller"], size=40),
            "patient": people + [f"p{i}" for i in range(36)],
        }
    )
    y = rng.integers(0, 2, size=40)
    enc = ColumnTransformer(
        [("d", OneHotEncoder(), ["doctor"]), ("p", OneHotEncoder(), ["patient"])]
    )
    pipe = make_pipeline(enc, LogisticRegression())
    model = VotingClassifier([("a", pipe), ("b", pipe), ("c", pipe)]).fit(frame, y)
    [alone] = [
        f
        for f in modelprivacy.inspect(model).findings
        if f.check_id == "MP-S107" and f.severity > Severity.INFO
    ]
    # model only: 6 names, in 2 encoders of each of the 3 copies, as one finding
    assert alone.evidence["identifiers"] == 6 and len(alone.evidence["paths"]) == 6
    assert alone.severity is Severity.MEDIUM
    [f] = [
        f
        for f in modelprivacy.inspect(model, frame, y).findings
        if f.check_id == "MP-S107" and f.severity > Severity.INFO
    ]
    # with data: the doctors' names are held by 10 or more records each and identify no one
    assert f.evidence["identifiers"] == 4 and len(f.evidence["paths"]) == 3
    assert f.records.ids == (0, 1, 2, 3) and f.confidence is Confidence.HIGH
    assert "each held by fewer than 10 training records" in f.description
