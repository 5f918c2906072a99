"""Membership inference against real estimators on small data, with seeds."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeRegressor

from modelprivacy.attacks import membership_inference
from modelprivacy.attacks.reference import balanced_membership
from modelprivacy.attacks.target import Target, logit_signal


@pytest.fixture(scope="module")
def digits_forest():
    X, y = load_digits(return_X_y=True)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(y))
    tr, ho = order[: len(y) // 2], order[len(y) // 2 :]
    model = RandomForestClassifier(n_estimators=50, random_state=0).fit(X[tr], y[tr])
    result = membership_inference(
        model, X[tr], X[ho], y_train=y[tr], y_holdout=y[ho], reference_models=8, seed=0
    )
    return result


def test_logit_signal_is_stable_and_monotone():
    p = np.array([[1 - 1e-15, 1e-15], [0.5, 0.5], [0.1, 0.9]])
    s = logit_signal(p, np.array([0, 0, 0]))
    assert np.all(np.isfinite(s)) and s[0] > 30 and s[1] == pytest.approx(0.0) and s[2] < 0


def test_balanced_membership_puts_each_record_in_half_the_models():
    m = balanced_membership(1000, 8, np.random.default_rng(0))
    assert m.shape == (8, 1000) and np.all(m.sum(axis=0) == 4)
    assert 400 < m[0].sum() < 600


def test_model_independent_of_its_records_is_not_accused():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(600, 5))
    y = rng.integers(0, 2, size=600)
    result = membership_inference(
        DummyClassifier(strategy="prior").fit(X[:300], y[:300]),
        X[:300],
        X[300:],
        y_train=y[:300],
        y_holdout=y[300:],
        reference_models=4,
        seed=0,
    )
    for m in result.metrics.values():
        assert m.auc.low <= 0.5 + 1e-9 <= m.auc.high + 0.05, m.name
        assert m.epsilon.low == 0.0, m.name


def test_strongly_regularised_model_on_many_rows_is_not_accused():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(4000, 5))
    y = (X[:, 0] + rng.normal(size=4000) > 0).astype(int)
    model = LogisticRegression(C=0.01).fit(X[:2000], y[:2000])
    result = membership_inference(
        model, X[:2000], X[2000:], y_train=y[:2000], y_holdout=y[2000:], reference_models=4
    )
    for m in result.metrics.values():
        assert abs(m.auc.value - 0.5) < 0.05, m.name
        assert m.epsilon.low == 0.0, m.name


def test_overfit_forest_on_digits_is_caught_and_reference_attacks_beat_loss(digits_forest):
    result = digits_forest
    loss = result.metrics["loss"].tpr_at_fpr[0.01].value
    best = max(
        result.metrics[a].tpr_at_fpr[0.01].value
        for a in ("lira_online", "rmia_offline", "rmia_online")
    )
    assert best > 0.05 > 0.01 and best > loss
    assert result.metrics["lira_online"].auc.value > 0.75
    assert not result.metrics["loss"].resolvable[0.001]  # 899 non-members cannot resolve 0.1% FPR


def test_same_seed_same_numbers_and_backends_agree():
    X, y = load_digits(return_X_y=True)
    X, y = X[:400], y[:400]
    model = RandomForestClassifier(n_estimators=10, random_state=0).fit(X[:200], y[:200])
    kw = dict(y_train=y[:200], y_holdout=y[200:], reference_models=4, seed=3)
    a = membership_inference(model, X[:200], X[200:], backend="loky", n_jobs=2, **kw)
    b = membership_inference(model, X[:200], X[200:], backend="threading", n_jobs=2, **kw)
    # the same numbers; only the note of where the reference models ran differs
    assert a.refit_notes[-1].startswith("reference models: all 4 fitted in this process")
    assert b.refit_notes == ("reference models: 1 fitted in this process (timed), 3 on 2 threads",)
    assert {**a.to_dict(), "refit_notes": []} == {**b.to_dict(), "refit_notes": []}
    for name in a.scores:
        np.testing.assert_array_equal(a.scores[name], b.scores[name])


def test_regressor_and_decision_function_targets():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(300, 3))
    y = X[:, 0] + rng.normal(scale=0.5, size=300)
    tree = DecisionTreeRegressor(random_state=0).fit(X[:150], y[:150])
    result = membership_inference(
        tree, X[:150], X[150:], y_train=y[:150], y_holdout=y[150:], reference_models=4
    )
    assert result.metrics["loss"].auc.value > 0.8  # a fully grown tree fits its members exactly
    from sklearn.svm import LinearSVC

    yc = (y > 0).astype(int)
    svm = LinearSVC().fit(X[:150], yc[:150])
    assert Target(svm).output == "decision"
    result = membership_inference(
        svm, X[:150], X[150:], y_train=yc[:150], y_holdout=yc[150:], reference_models=4
    )
    assert set(result.metrics) >= {"loss", "lira_online"}


def test_unknown_attack_is_refused():
    X = np.zeros((10, 2))
    y = np.arange(10) % 2
    with pytest.raises(ValueError, match="unknown attack 'magic'"):
        membership_inference(
            DummyClassifier().fit(X, y),
            X[:5],
            X[5:],
            y_train=y[:5],
            y_holdout=y[5:],
            attacks=["magic"],
        )


def test_cli_attack_membership_json(tmp_path, capsys):
    import json

    import joblib
    import pandas as pd

    from modelprivacy.cli import main

    X, y = load_digits(return_X_y=True)
    X, y = X[:600], y[:600]
    cols = [f"p{i}" for i in range(X.shape[1])]
    frame = pd.DataFrame(X, columns=cols).assign(digit=y)
    # stratified: every record is scored (see tests/attacks/test_class_balance.py otherwise)
    train, holdout = train_test_split(frame, test_size=0.5, stratify=y, random_state=0)
    train.to_csv(tmp_path / "train.csv", index=False)
    holdout.to_parquet(tmp_path / "holdout.parquet")
    model = RandomForestClassifier(n_estimators=20, random_state=0).fit(train[cols], train["digit"])
    joblib.dump(model, tmp_path / "model.joblib")
    out = tmp_path / "mia.json"
    code = main(
        [
            "attack",
            "membership",
            str(tmp_path / "model.joblib"),
            "--train",
            str(tmp_path / "train.csv"),
            "--holdout",
            str(tmp_path / "holdout.parquet"),
            "--target",
            "digit",
            "--reference-models",
            "4",
            "--format",
            "json",
            "--output",
            str(out),
            "--fail-on",
            "high",
        ]
    )
    _, err = capsys.readouterr()
    doc = json.loads(out.read_text())
    assert doc["kind"] == "membership" and doc["n_members"] == 300 and doc["k"] == 4
    assert doc["finding"]["check_id"] == "MP-L201" and doc["finding"]["criterion"] == "linkability"
    # 20 fully grown trees on 300 digits: membership is high, so --fail-on high exits 1
    assert doc["finding"]["severity"] == "high" and code == 1
    assert "membership inference:" in err


def test_per_record_exposure_and_outlierness(digits_forest):
    exp = digits_forest.exposure
    assert exp is not None and exp.attack == digits_forest.best(0.01).name
    # most_exposed names training rows; the scores are in audit order (members first)
    audit_pos = np.searchsorted(digits_forest.member_positions(), exp.most_exposed)
    assert np.array_equal(digits_forest.member_positions()[audit_pos], exp.most_exposed)
    assert all(digits_forest.is_member[i] for i in audit_pos)
    top = audit_pos[0]
    assert exp.vulnerability[top] == exp.vulnerability[digits_forest.is_member].max()
    assert exp.spearman is not None and -1 <= exp.spearman <= 1
    assert set(exp.by_class) == {f"#{d}" for d in range(10)}  # positions, not labels
    assert sum(v["members"] for v in exp.by_class.values()) == digits_forest.n_members


def test_svm_margin_attack_finds_free_support_vectors():
    from sklearn.svm import SVC, LinearSVC

    from modelprivacy.attacks.api import svm_margin_applies

    rng = np.random.default_rng(5)
    X = rng.normal(size=(600, 4))
    y = (X[:, 0] + X[:, 1] + rng.normal(scale=0.8, size=600) > 0).astype(int)
    svm = SVC(C=1.0).fit(X[:300], y[:300])
    result = membership_inference(
        svm, X[:300], X[300:], y_train=y[:300], y_holdout=y[300:], reference_models=4, seed=0
    )
    assert "svm_margin" in result.metrics  # added automatically for a binary kernel SVM
    free = (np.abs(svm.dual_coef_[0]) < svm.C - 1e-9).sum()
    margin = result.metrics["svm_margin"]
    # members on the margin are found at a low false-positive rate
    assert margin.tpr_at_fpr[0.01].value >= 0.5 * free / 300
    assert margin.tpr_at_fpr[0.01].value > 0.05
    assert not svm_margin_applies(LinearSVC().fit(X, y))
    with pytest.raises(ValueError, match="binary SVC or NuSVC"):
        membership_inference(
            LinearSVC().fit(X[:300], y[:300]),
            X[:300],
            X[300:],
            y_train=y[:300],
            y_holdout=y[300:],
            attacks=["svm_margin"],
        )


def test_cli_attack_membership_markdown_with_ids(tmp_path, capsys):
    import joblib
    import pandas as pd

    from modelprivacy.cli import main

    rng = np.random.default_rng(8)
    X = rng.normal(size=(400, 3))
    y = (X[:, 0] + rng.normal(scale=1.0, size=400) > 0).astype(int)
    cols = ["a", "b", "c"]
    frame = pd.DataFrame(X, columns=cols).assign(label=y, pid=[f"P{i:04d}" for i in range(400)])
    frame[:200].to_csv(tmp_path / "train.csv", index=False)
    frame[200:].to_csv(tmp_path / "holdout.csv", index=False)
    model = RandomForestClassifier(n_estimators=10, random_state=0).fit(frame[:200][cols], y[:200])
    joblib.dump(model, tmp_path / "model.joblib")
    args = ["attack", "membership", str(tmp_path / "model.joblib")]
    args += ["--train", str(tmp_path / "train.csv"), "--holdout", str(tmp_path / "holdout.csv")]
    args += ["--target", "label", "--id-column", "pid", "--reference-models", "4"]
    code = main([*args, "--format", "markdown", "--fail-on", "high"])
    out, _ = capsys.readouterr()
    assert code == 1  # 10 fully grown trees on 200 rows: membership is high at --fail-on high
    assert "## Membership inference" in out and "| rmia_online |" in out
    assert "Most exposed members under" in out and "record IDs" in out
    listed = out.split("record IDs): ")[1].split(".")[0].split(", ")
    assert listed and all(v.startswith("P0") and int(v[1:]) < 200 for v in listed)
    assert f"{X[0, 0]:.4f}" not in out  # no raw values
    code = main([*args, "--format", "terminal", "--fail-on", "high"])
    out, _ = capsys.readouterr()
    assert "epsilon lower bound" in out and "Class #1 " in out


def test_max_records_samples_the_audit_and_names_training_rows(digits_forest):
    X, y = load_digits(return_X_y=True)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(y))
    tr, ho = order[: len(y) // 2], order[len(y) // 2 :]
    model = RandomForestClassifier(n_estimators=50, random_state=0).fit(X[tr], y[tr])
    # a random split: the classes are balanced first, then 300 of each sampled by class
    kwargs = dict(y_train=y[tr], y_holdout=y[ho], reference_models=8, seed=0, max_records=300)
    result = membership_inference(model, X[tr], X[ho], **kwargs)
    assert result.n_members == 300 and result.n_nonmembers == 300 and result.n_train == len(tr)
    pos = result.member_positions()
    assert pos.size == 300 and np.all(np.diff(pos) > 0) and pos.max() < len(tr)
    assert set(result.exposure.most_exposed) <= set(pos.tolist())
    # the sampled audit keeps the attack's power (reference models still train on everyone)
    full = digits_forest.metrics["rmia_online"].auc.value
    assert abs(result.metrics["rmia_online"].auc.value - full) < 0.05
    again = membership_inference(model, X[tr], X[ho], **kwargs)
    assert np.array_equal(again.scores["rmia_online"], result.scores["rmia_online"])
    from modelprivacy.attacks.findings import membership_finding

    f = membership_finding(result, ids=np.array([f"r{i}" for i in range(len(tr))]))
    assert f.records.of == 300 and "Stratify the holdout" in f.description
    assert set(f.records.ids) <= {f"r{i}" for i in pos}


def test_threaded_queries_equal_one_call():
    from sklearn.neighbors import KNeighborsClassifier

    from modelprivacy.attacks.target import query

    rng = np.random.default_rng(3)
    X = rng.normal(size=(5000, 4))
    y = (X[:, 0] > 0).astype(int)
    knn = KNeighborsClassifier().fit(X[:1000], y[:1000])
    assert np.array_equal(query(knn.predict_proba, X, n_threads=2), knn.predict_proba(X))
    assert np.array_equal(query(knn.predict, X[:100], n_threads=2), knn.predict(X[:100]))


@pytest.mark.parametrize("n_holdout, starred", [(300, True), (2500, False)])
def test_star_legend_only_when_a_cell_has_a_star(n_holdout, starred):
    # 300 non-members cannot resolve an FPR of 0.1%: those cells get a star and
    # the legend explains it; with 2,500 every cell resolves, and no legend.
    from modelprivacy.attacks.findings import membership_finding
    from modelprivacy.report.membership import membership_markdown, membership_terminal

    rng = np.random.default_rng(2)
    X = rng.normal(size=(300 + n_holdout, 4))
    y = rng.integers(0, 2, size=len(X))
    result = membership_inference(
        DummyClassifier(strategy="prior").fit(X[:300], y[:300]),
        X[:300],
        X[300:],
        y_train=y[:300],
        y_holdout=y[300:],
        reference_models=2,
        attacks=["loss"],
        seed=0,
    )
    finding = membership_finding(result)
    legend = "too few non-members to resolve this FPR"
    assert (legend in membership_markdown(result, finding)) is starred
    assert (legend in membership_terminal(result, finding)) is starred


def test_the_training_data_given_as_holdout_is_refused(tmp_path, capfd):
    # A new user passed the training file as --holdout: every attack scored
    # nothing and linkability came out "none". It is refused, with exit code 2.
    import pandas as pd

    from modelprivacy.cli import main
    from modelprivacy.errors import DataError

    rng = np.random.default_rng(3)
    X = rng.normal(size=(400, 4))
    y = (X[:, 0] > 0).astype(int)
    model = LogisticRegression().fit(X[:200], y[:200])
    with pytest.raises(
        DataError, match=r"200 rows of the holdout data \(100%\) are rows of the training"
    ):
        membership_inference(model, X[:200], X[:200], y_train=y[:200], y_holdout=y[:200])
    # Half the holdout copied from training: still refused; a real holdout is not.
    mixed = np.vstack([X[:100], X[300:]])
    with pytest.raises(DataError, match="are rows of the training data"):
        membership_inference(model, X[:200], mixed, y_train=y[:200], y_holdout=y[:200])
    membership_inference(
        model, X[:200], X[200:], y_train=y[:200], y_holdout=y[200:], reference_models=2, seed=0
    )
    # Categorical survey answers repeat by chance: a genuine split is not refused.
    answers = rng.integers(0, 2, size=(600, 3))
    labels = answers[:, 0]
    tree = DummyClassifier().fit(answers[:300], labels[:300])
    membership_inference(
        tree,
        answers[:300],
        answers[300:],
        y_train=labels[:300],
        y_holdout=labels[300:],
        reference_models=2,
        seed=0,
    )
    frame = pd.DataFrame(X, columns=list("abcd")).assign(label=y)
    train_csv = tmp_path / "train.csv"
    frame.iloc[:200].to_csv(train_csv, index=False)
    import pickle

    model_path = tmp_path / "model.pkl"
    model_path.write_bytes(
        pickle.dumps(LogisticRegression().fit(frame.iloc[:200][list("abcd")], y[:200]))
    )
    code = main(
        [
            "audit",
            str(model_path),
            "--train",
            str(train_csv),
            "--holdout",
            str(train_csv),
            "--target",
            "label",
        ]
    )
    assert code == 2
    assert "are rows of the training data" in capfd.readouterr().err


def test_result_carries_the_roc_points_and_histogram_the_reports_draw(digits_forest):
    from modelprivacy import stats
    from modelprivacy.attacks.api import ROC_POINTS

    r = digits_forest
    assert set(r.roc) == set(r.metrics)
    for name, curve in r.roc.items():
        fpr, tpr = np.asarray(curve.fpr), np.asarray(curve.tpr)
        assert 2 <= len(fpr) == len(tpr) <= ROC_POINTS
        assert fpr[0] == pytest.approx(1 / r.n_nonmembers) and fpr[-1] == pytest.approx(1.0)
        assert np.all(np.diff(fpr) > 0)
        assert np.all(np.diff(tpr[:-1]) > 0) and tpr[-1] >= tpr[-2]  # where TPR rises, and 1
        s = r.scores[name]
        s_in, s_out = s[r.is_member], s[~r.is_member]
        for f, t in zip(fpr[:-1], tpr[:-1], strict=True):
            assert t == pytest.approx(stats.tpr_at_fpr(s_in, s_out, fpr=f))
        assert tpr[-1] == 1.0
    h = r.histogram
    assert h is not None and h.attack == r.best(0.01).name
    assert (h.n_members, h.n_nonmembers) == (r.n_members, r.n_nonmembers)
    widths = np.diff(h.edges)
    assert len(h.members) == len(h.nonmembers) == len(widths) == 50
    assert float(np.dot(h.members, widths)) == pytest.approx(1.0)
    assert float(np.dot(h.nonmembers, widths)) == pytest.approx(1.0)
    doc = r.to_dict()
    assert doc["roc"][h.attack]["fpr"] == list(r.roc[h.attack].fpr)
    assert doc["histogram"]["edges"] == list(h.edges)
