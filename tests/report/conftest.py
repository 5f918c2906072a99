"""Inspection results built by hand for the renderer tests."""

from __future__ import annotations

import pytest

from modelprivacy.findings import (
    CheckError,
    Confidence,
    Criterion,
    Finding,
    InspectionResult,
    RecordsExposed,
    Severity,
    Skipped,
    sort_findings,
)

VERSIONS = {"modelprivacy": "0.1.0", "python": "3.11.7", "scikit-learn": "1.5.2"}


def make_findings() -> tuple[Finding, ...]:
    return sort_findings(
        [
            Finding(
                check_id="MP-S101",
                title="Training rows stored verbatim",
                criterion=Criterion.SINGLING_OUT,
                severity=Severity.HIGH,
                confidence=Confidence.HIGH,
                path="steps[1]._fit_X",
                estimator="KNeighborsClassifier",
                description="The model stores 1,234 training rows verbatim.",
                records=RecordsExposed(count=1234, ids=tuple(range(1234)), of=32561),
                example="_fit_X[0] = [•••, •••, •••]",
                remedy="Do not share a k-NN model; share predictions instead.",
                docs="docs/checks.md#mp-s101",
                evidence={"rows": 1234, "fraction": 0.0379},
            ),
            Finding(
                check_id="MP-S108",
                title="Labels stored next to rows",
                criterion=Criterion.INFERENCE,
                severity=Severity.HIGH,
                confidence=Confidence.MEDIUM,
                path="steps[1]._y",
                estimator="KNeighborsClassifier",
                description="Stored labels reveal the target of each stored row.",
                records=RecordsExposed(count=1234, ids=tuple(range(1234)), of=32561),
                example="_y[0] = •••",
                remedy="Remove the labels.",
                docs="docs/checks.md#mp-s108",
            ),
            Finding(
                check_id="MP-S103",
                title="Extreme values of single people",
                criterion=Criterion.SINGLING_OUT,
                severity=Severity.MEDIUM,
                confidence=Confidence.HIGH,
                path="named_steps['scale|minmax'].data_max_",
                estimator="MinMaxScaler",
                description="The maximum of 'age' is held by *one* person <b>only</b>.",
                records=RecordsExposed(count=1, ids=(17,), of=32561),
                example="data_max_[0] = •••",
                remedy="Clip extremes before fitting.",
                docs="docs/checks.md#mp-s103",
            ),
            Finding(
                check_id="MP-S102",
                title="Per-record array",
                criterion=Criterion.LINKABILITY,
                severity=Severity.MEDIUM,
                confidence=Confidence.LOW,
                path="embedding_",
                estimator="TSNE",
                description="One row per training record.",
                records=RecordsExposed(count=None, ids=(), of=None),
                remedy="Drop the embedding.",
            ),
            Finding(
                check_id="MP-S104",
                title="Thresholds locate adjacent training values",
                criterion=Criterion.SINGLING_OUT,
                severity=Severity.INFO,
                confidence=Confidence.HIGH,
                path="tree_.threshold",
                estimator="DecisionTreeClassifier",
                description="Thresholds locate 2 values shared by many.",
                records=RecordsExposed(count=0, ids=(), of=32561),
                evidence={"nan": float("nan")},
            ),
        ]
    )


@pytest.fixture
def result() -> InspectionResult:
    return InspectionResult(
        model="Pipeline",
        findings=make_findings(),
        skipped=(Skipped("labels and targets", "no target was given (--target)"),),
        errors=(CheckError("MP-S106", "ValueError: bad shape"),),
        source="models/knn.pkl",
        n_train=32561,
        k=10,
        seed=7,
        versions=VERSIONS,
    )


@pytest.fixture
def no_data_result() -> InspectionResult:
    """Without training data: nothing is counted."""
    f = Finding(
        check_id="MP-S101",
        title="Training rows stored verbatim",
        criterion=Criterion.SINGLING_OUT,
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,
        path="_fit_X",
        estimator="KNeighborsClassifier",
        description="Known to store the training rows.",
        example="_fit_X[0] = [•••, •••]",
        remedy="Do not share it.",
        docs="docs/checks.md#mp-s101",
    )
    return InspectionResult(
        model="KNeighborsClassifier",
        findings=(f,),
        skipped=(
            Skipped(
                "confirmation against the training data",
                "no training data was given: findings are not counted in people",
            ),
        ),
        versions=VERSIONS,
    )


@pytest.fixture
def empty_result() -> InspectionResult:
    return InspectionResult(model="LogisticRegression", findings=(), n_train=100, versions=VERSIONS)


# ---------------------------------------------------------------------------
# real results of every kind, from real scikit-learn models on small data
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def cancer_split():
    """240 breast-cancer records with a sensitive column: a tree fitted on 120, 120 held out."""
    from sklearn.datasets import load_breast_cancer
    from sklearn.tree import DecisionTreeClassifier

    frame = load_breast_cancer(as_frame=True).frame.iloc[:240].copy()
    frame["large"] = (frame["mean radius"] > 14).astype(int)
    train, holdout = frame.iloc[:120], frame.iloc[120:]
    model = DecisionTreeClassifier(random_state=0).fit(
        train.drop(columns="target"), train["target"]
    )
    return model, train, holdout


@pytest.fixture(scope="session")
def real_results(cancer_split):
    """``{kind: result}`` for every kind of the format registry, each built by the library."""
    from modelprivacy import inspection
    from modelprivacy.attacks import membership_inference
    from modelprivacy.attacks.attribute import attribute_finding, attribute_inference
    from modelprivacy.attacks.findings import membership_finding
    from modelprivacy.auditing import audit
    from modelprivacy.catalogue import CheckList
    from modelprivacy.people import singling_out
    from modelprivacy.report.documents import (
        AttributeReport,
        MembershipReport,
        SinglingOutDocument,
    )
    from modelprivacy.sanitizing.prove import sanitize_and_audit

    model, train, holdout = cancer_split
    membership = membership_inference(
        model, train, holdout, target="target", reference_models=2, seed=0
    )
    attribute = attribute_inference(
        model, train, holdout, target="target", sensitive=["large"], seed=0
    )
    return {
        "checks": CheckList.current(),
        "inspection": inspection.inspect(model, train, target="target", seed=0),
        "audit": audit(
            model, train, holdout, target="target", sensitive=["large"], reference_models=2
        ),
        "membership": MembershipReport(membership, membership_finding(membership), source="m"),
        "attribute": AttributeReport(
            attribute, tuple(attribute_finding(attribute, c) for c in attribute.columns), "m"
        ),
        "singling_out": SinglingOutDocument(
            singling_out(model, train, target="target", holdout=holdout, seed=0), source="m"
        ),
        "sanitize": sanitize_and_audit(
            model, train, holdout, target="target", reference_models=2, seed=0
        ),
    }
