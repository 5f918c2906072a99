"""The "May I share this model?" checklist that opens every audit report, pinned for three models.

A k-NN stores its training rows (personal data, a compiled form of the data
set, a reproduction of its records), a default forest singles people out in
its leaves without storing their values, and a regularised logistic regression
on numeric columns passes every test: each gets the answer its evidence
supports, worded for the data owner, with the check IDs behind each line.
"""

from __future__ import annotations

import html
import re

import pytest
from sklearn.compose import make_column_transformer
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import modelprivacy
from modelprivacy.auditing.share import DISCLAIMER, SHARE_HEADING, may_i_share
from modelprivacy.datasets import ADULT_TARGET, load_adult

EDPB = "insignificant, taking into account all the means reasonably likely to be used"


def _cancer():
    frame = load_breast_cancer(as_frame=True).frame.rename(columns={"target": "y"})
    frame.columns = [c.replace(" ", "_") for c in frame.columns]
    return frame.iloc[::2], frame.iloc[1::2]


@pytest.fixture(scope="module")
def knn():
    train, holdout = _cancer()
    model = KNeighborsClassifier().fit(train.drop(columns="y"), train["y"])
    return modelprivacy.audit(model, train, holdout, target="y", reference_models=4, seed=0)


@pytest.fixture(scope="module")
def forest():
    train, holdout = _cancer()
    model = RandomForestClassifier(n_estimators=30, random_state=0)
    model.fit(train.drop(columns="y"), train["y"])
    return modelprivacy.audit(model, train, holdout, target="y", reference_models=4, seed=0)


@pytest.fixture(scope="module")
def regularised():
    frame = load_adult().sample(4000, random_state=0)
    train, holdout = frame.iloc[:2000], frame.iloc[2000:]
    numeric = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
    model = make_pipeline(
        make_column_transformer((StandardScaler(), numeric)),
        LogisticRegression(C=0.05, max_iter=500),
    ).fit(train.drop(columns=ADULT_TARGET), train[ADULT_TARGET])
    return modelprivacy.audit(
        model, train, holdout, target=ADULT_TARGET, sensitive=["sex"], reference_models=4, seed=0
    )


def _lines(result):
    share = may_i_share(result)
    return share, {line.question: line for line in share.lines}


def test_a_knn_is_personal_data_a_compiled_form_of_the_data_and_reproduces_it(knn):
    share, lines = _lines(knn)
    assert share.answer == "Not as it is: the model contains personal data."
    gdpr = lines["GDPR status"]
    assert gdpr.decided and gdpr.answer.startswith("Personal data: the model is not anonymous.")
    assert "285 of 285 training records exposed" in gdpr.answer and EDPB in gdpr.answer
    assert "it needs a legal basis" in gdpr.answer
    conf = lines["Confidentiality"]
    assert not conf.decided and "MP-S101" in conf.evidence
    assert "it is a compiled form of the data set" in conf.answer
    assert "needs the data owner's authorisation" in conf.answer
    rights = lines["Rights in the data set"]
    assert {"MP-S101", "MP-L202"} <= set(rights.evidence)
    assert "The model reproduces training records (285 of 285" in rights.answer
    assert "sui generis right" in rights.answer
    nxt = lines["What to do next"]
    assert nxt.answer.startswith("Do not share this model file")
    assert nxt.answer.count("Do not share this model file") == 1  # one remedy per problem


def test_a_default_forest_singles_people_out_without_storing_their_values(forest):
    share, lines = _lines(forest)
    assert share.answer == "Not as it is: the model contains personal data."
    gdpr = lines["GDPR status"]
    assert "high risk under singling out" in gdpr.answer
    assert set(gdpr.evidence) >= {"MP-S105"}
    assert lines["Confidentiality"].answer.startswith(
        "No training record or value was found stored in the model."
    )
    assert lines["Confidentiality"].evidence == ()
    assert lines["Rights in the data set"].answer.startswith(
        "The model reproduces no training records."
    )
    nxt = lines["What to do next"]
    assert "min_samples_leaf" in nxt.answer and "`modelprivacy sanitize`" in nxt.answer
    assert nxt.answer.count("Refit with min_samples_leaf") == 1


def test_a_regularised_logistic_regression_passes_at_the_tested_strength(regularised):
    assert regularised.verdict.overall == modelprivacy.auditing.verdict.NO_EVIDENCE
    share, lines = _lines(regularised)
    assert share.answer.startswith("As far as these tests go, yes")
    assert "the data owner's terms still apply" in share.answer
    gdpr = lines["GDPR status"]
    assert gdpr.answer.startswith("Anonymous at the tested strength")
    assert "supports, but does not prove" in gdpr.answer and EDPB in gdpr.answer
    assert lines["What to do next"].answer.startswith("Keep this report with the model")
    assert share.disclaimer == DISCLAIMER and "not legal advice" in DISCLAIMER


def test_an_incomplete_audit_says_what_to_run_before_deciding():
    train, holdout = _cancer()
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.01))
    model.fit(train.drop(columns="y"), train["y"])
    result = modelprivacy.audit(model, train, holdout, target="y", reference_models=4, seed=0)
    share, lines = _lines(result)
    assert share.answer == "Not yet: the audit could not show that the model is anonymous."
    assert "inference not fully assessed" in lines["GDPR status"].answer
    assert "needs sensitive columns (--sensitive)" in lines["What to do next"].answer


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_the_checklist_opens_every_report(knn, fmt):
    text = knn.render(fmt)
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    share_at = text.find(SHARE_HEADING) if fmt != "terminal" else text.find(SHARE_HEADING.upper())
    assert 0 <= share_at < text.find("Verdict:" if fmt != "terminal" else "VERDICT:")
    for line in may_i_share(knn).lines:
        assert line.question in text
    assert "compiled form of the data set" in " ".join(text.split())
    assert "not legal advice" in text


def test_the_json_report_carries_the_checklist_and_validates(knn, regularised):
    import json
    from importlib.resources import files

    import jsonschema

    schema = json.loads((files("modelprivacy.report") / "schema" / "audit.schema.json").read_text())
    for result in (knn, regularised):
        doc = json.loads(result.render("json"))
        jsonschema.validate(doc, schema)
        assert doc["may_i_share"] == may_i_share(result).to_dict()
        assert [line["question"] for line in doc["may_i_share"]["lines"]] == [
            "GDPR status",
            "Confidentiality",
            "Rights in the data set",
            "What to do next",
            "Shared as a file, or served",  # the release modes: every one by default
        ]
    assert "MP-S101" in json.loads(knn.render("json"))["may_i_share"]["lines"][1]["evidence"]
