"""`modelprivacy sanitize`: the re-audit proves the fix; files are handled safely."""

from __future__ import annotations

import json
import os
import stat

import joblib
import pytest
from sklearn.compose import make_column_transformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

from modelprivacy._files import umask_mode
from modelprivacy.cli import main
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_NUMERIC, ADULT_TARGET, load_adult
from modelprivacy.load import load_model
from modelprivacy.sanitizing.prove import sanitize_and_audit


@pytest.fixture(scope="module")
def adult():
    df = load_adult().sample(4000, random_state=1).reset_index(drop=True)
    df["pid"] = [f"P{i:05d}" for i in range(len(df))]
    return df.iloc[:2000].reset_index(drop=True), df.iloc[2000:].reset_index(drop=True)


def _forest():
    pre = make_column_transformer(
        (
            OrdinalEncoder(
                handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1
            ),
            ADULT_CATEGORICAL,
        ),
        remainder="passthrough",
    )
    return make_pipeline(pre, RandomForestClassifier(n_estimators=30, random_state=0))


def test_reaudit_shows_the_forest_no_longer_singles_people_out(adult):
    train, holdout = adult
    X, y = train.drop(columns=[ADULT_TARGET, "pid"]), train[ADULT_TARGET]
    model = _forest().fit(X, y)
    report = sanitize_and_audit(
        model,
        train,
        holdout,
        target=ADULT_TARGET,
        id_column="pid",
        k=10,
        reference_models=4,
        seed=0,
    )
    before = {f.check_id for f in report.before.findings if f.records.count}
    after = {f.check_id for f in report.after.findings if f.records.count}
    assert {"MP-S105", "MP-S110"} <= before
    assert not {"MP-S105", "MP-S110"} & after  # nobody alone or in a leaf under k any more
    rows = {r.measure: r for r in report.rows}
    assert rows["risk: singling out"].before == "high"
    assert rows["risk: singling out"].after != "high"
    tpr_before = float(rows["membership TPR at 1% FPR"].before.rstrip("%"))
    tpr_after = float(rows["membership TPR at 1% FPR"].after.rstrip("%"))
    assert tpr_after < tpr_before
    assert abs(report.utility["after"]["accuracy"] - report.utility["before"]["accuracy"]) < 0.03
    doc = json.loads(report.render("json"))
    assert doc["kind"] == "sanitize" and doc["comparison"]
    assert "<table>" in report.render("html")


def test_cli_writes_a_loadable_model_and_never_touches_the_input(tmp_path, adult):
    train, holdout = adult
    X, y = train.drop(columns=[ADULT_TARGET, "pid"]), train[ADULT_TARGET]
    joblib.dump(_forest().fit(X, y), tmp_path / "model.joblib")
    train.to_csv(tmp_path / "train.csv", index=False)
    holdout.to_csv(tmp_path / "holdout.csv", index=False)
    before = (tmp_path / "model.joblib").read_bytes()
    args = ["sanitize", str(tmp_path / "model.joblib"), "-o", str(tmp_path / "safer.skops")]
    args += ["--train", str(tmp_path / "train.csv"), "--holdout", str(tmp_path / "holdout.csv")]
    args += ["--target", ADULT_TARGET, "--id-column", "pid", "--reference-models", "4"]
    code = main([*args, "--format", "markdown", "--report", str(tmp_path / "report.md")])
    assert code == 0
    assert (tmp_path / "model.joblib").read_bytes() == before
    safer = load_model(tmp_path / "safer.skops").estimator  # no --trust needed
    assert safer.predict(holdout.drop(columns=[ADULT_TARGET, "pid"]).head()).shape == (5,)
    mode = stat.S_IMODE(os.stat(tmp_path / "safer.skops").st_mode)
    assert mode == umask_mode()  # as if opened normally, not owner-only like a temp file
    assert "| verdict |" in (tmp_path / "report.md").read_text()
    # refuses to overwrite its input, with a clear message
    code = main(["sanitize", str(tmp_path / "model.joblib"), "-o", str(tmp_path / "model.joblib")])
    assert code == 2
    assert (tmp_path / "model.joblib").read_bytes() == before


def test_models_that_are_the_data_are_refused_or_replaced(tmp_path, adult, capsys):
    train, _ = adult
    cols = ["age", "hours-per-week"] if "hours-per-week" in train.columns else ADULT_NUMERIC[:2]
    knn = KNeighborsClassifier().fit(train[cols], train[ADULT_TARGET])
    joblib.dump(knn, tmp_path / "knn.joblib")
    code = main(["sanitize", str(tmp_path / "knn.joblib"), "-o", str(tmp_path / "k.skops")])
    _, err = capsys.readouterr()
    # A refused model gets no output file (it would still hold every training
    # row), exit 1, the reason, and no claim of a "safer model".
    assert code == 1 and "refused:" in err and "wrote no model" in err
    assert "safer model" not in err
    assert not (tmp_path / "k.skops").exists()
    small = train[[*cols, ADULT_TARGET]]
    report = sanitize_and_audit(
        knn, small, None, target=ADULT_TARGET, replace=True, reference_models=2
    )
    assert report.sanitized.replaced_by is not None
    assert not any(f.check_id == "MP-S101" for f in report.after.findings)


def test_one_hot_category_names_leave_the_file_and_outputs_stay_the_same():
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import OneHotEncoder

    from modelprivacy.sanitizing import sanitize

    rng = np.random.default_rng(0)
    city = rng.choice(["Berlin", "Paris"], 300).astype(object)
    city[:3] = ["Tinyville", "Smallton", "Hamlet-upon-Sea"]  # one person each
    X = pd.DataFrame({"city": city, "x": rng.normal(size=300)})
    y = (X["x"] > 0).astype(int)
    enc = OneHotEncoder(min_frequency=10, handle_unknown="infrequent_if_exist")
    model = make_pipeline(
        make_column_transformer((enc, ["city"]), remainder="passthrough"), LogisticRegression()
    ).fit(X, y)
    result = sanitize(model, rules=["category_names"])
    fitted = result.model[0].named_transformers_["onehotencoder"]
    names = set(fitted.categories_[0].tolist())
    assert not names & {"Tinyville", "Smallton", "Hamlet-upon-Sea"}
    assert {"Berlin", "Paris"} <= names
    assert np.array_equal(result.model.predict_proba(X), model.predict_proba(X))
    assert any(a.rule == "category_names" for a in result.actions)
    # the original is untouched
    assert "Tinyville" in model[0].named_transformers_["onehotencoder"].categories_[0]


def test_nothing_to_change_writes_no_model_and_says_so(tmp_path, capsys):
    # A logistic regression stores aggregates only: no rule acts on it.
    # It used to print "wrote the safer model" for an unchanged file.
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(300, 3)), columns=["a", "b", "c"])
    frame["label"] = (frame["a"] + rng.normal(size=300) > 0).astype(int)
    model = LogisticRegression().fit(frame[["a", "b", "c"]], frame["label"])
    joblib.dump(model, tmp_path / "lr.joblib")
    code = main(["sanitize", str(tmp_path / "lr.joblib"), "-o", str(tmp_path / "out.skops")])
    err = capsys.readouterr().err
    assert code == 1 and "wrote no model: no rule found anything to change" in err
    assert "safer model" not in err
    assert not (tmp_path / "out.skops").exists()


def test_risk_changes_name_what_got_safer_and_what_got_riskier():
    from modelprivacy.auditing.verdict import CriterionVerdict, Verdict
    from modelprivacy.cli import risk_changes
    from modelprivacy.findings import Criterion

    def verdict(**risks: str) -> Verdict:
        criteria = {c: CriterionVerdict(c, risks[c.name.lower()], "yes") for c in Criterion}
        return Verdict("x", criteria)

    before = verdict(singling_out="high", linkability="high", inference="none")
    after = verdict(singling_out="medium", linkability="low", inference="low")
    assert risk_changes(before, after) == (
        ["singling out high -> medium", "linkability high -> low"],
        ["inference none -> low"],
    )
    assert risk_changes(before, before) == ([], [])
    unassessed = verdict(singling_out="high", linkability="not assessed", inference="none")
    assert risk_changes(before, unassessed) == ([], [])
