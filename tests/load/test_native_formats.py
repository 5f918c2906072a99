"""XGBoost, LightGBM and CatBoost model files: validated as data, then loaded from memory."""

from __future__ import annotations

import json
import struct
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from modelprivacy.cli import main
from modelprivacy.errors import ModelLoadError
from modelprivacy.load import load_model
from modelprivacy.load.formats import detect_format, formats, require

xgb = pytest.importorskip("xgboost")
lgb = pytest.importorskip("lightgbm")
cb = pytest.importorskip("catboost")


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 4))
    y = (X[:, 0] + 0.5 * X[:, 1] > 0).astype(int)
    return X, y


def _xgb_model(data, **kw):
    X, y = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kw.get("multi_strategy"):
            return xgb.XGBRegressor(
                n_estimators=3, max_depth=2, n_jobs=1, tree_method="hist", **kw
            ).fit(X, X[:, :2])
        return xgb.XGBClassifier(n_estimators=3, max_depth=3, n_jobs=1, **kw).fit(X, y)


@pytest.fixture(scope="module")
def xgb_json(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("xgb") / "m.json"
    model = _xgb_model(data)
    model.get_booster().save_model(path)
    return path, model


@pytest.fixture(scope="module")
def lgb_text(data, tmp_path_factory):
    X, y = data
    path = tmp_path_factory.mktemp("lgb") / "m.txt"
    model = lgb.LGBMClassifier(n_estimators=3, num_leaves=4, verbose=-1, n_jobs=1).fit(X, y)
    model.booster_.save_model(path)
    return path, model


def _xgb_predict(booster, X):
    return booster.predict(xgb.DMatrix(X))


@pytest.mark.parametrize(
    "kw",
    [{}, {"booster": "dart"}, {"booster": "gblinear"}, {"multi_strategy": "multi_output_tree"}],
)
@pytest.mark.parametrize("ext,fmt", [("json", "xgboost-json"), ("ubj", "xgboost-ubj")])
def test_xgboost_round_trip(kw, ext, fmt, data, tmp_path):
    model = _xgb_model(data, **kw)
    path = tmp_path / f"m.{ext}"
    model.get_booster().save_model(path)
    loaded = load_model(path)
    assert loaded.format == fmt
    assert isinstance(loaded.estimator, xgb.Booster)
    X = data[0]
    np.testing.assert_array_equal(
        _xgb_predict(loaded.estimator, X), _xgb_predict(model.get_booster(), X)
    )


def test_lightgbm_round_trip_plain_categorical_linear(data, tmp_path):
    X, y = data
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"c": pd.Categorical(rng.choice(list("pqrstu"), len(X))), "x": X[:, 1]})
    target = frame["c"].isin(["p", "q", "r"]).astype(float) * 3 + X[:, 1]
    cases = [
        (lgb.LGBMClassifier(n_estimators=3, verbose=-1, n_jobs=1), X, y),
        (
            lgb.LGBMRegressor(
                n_estimators=3,
                verbose=-1,
                n_jobs=1,
                min_child_samples=3,
                min_data_per_group=3,
                cat_smooth=1,
                max_cat_to_onehot=2,
            ),
            frame,
            target,
        ),
        (lgb.LGBMRegressor(n_estimators=2, verbose=-1, n_jobs=1, linear_tree=True), X, X[:, 0]),
        (
            lgb.LGBMRegressor(n_estimators=1, verbose=-1, n_jobs=1, min_child_samples=500),
            X,
            X[:, 0],
        ),
    ]
    texts = []
    for i, (model, features, target_) in enumerate(cases):
        model.fit(features, target_)
        path = tmp_path / f"m{i}.txt"
        model.booster_.save_model(path)
        texts.append(path.read_text())
        loaded = load_model(path)
        assert loaded.format == "lightgbm-text"
        np.testing.assert_array_equal(
            loaded.estimator.predict(features), model.booster_.predict(features)
        )
    assert "num_cat=0" not in texts[1].split("Tree=0")[1].split("\n")[2], "no categorical split"
    assert "is_linear=1" in texts[2] and "num_leaves=1" in texts[3]


@pytest.mark.parametrize("kind,fmt", [("cbm", "catboost-cbm"), ("json", "catboost-json")])
def test_catboost_round_trip(kind, fmt, data, tmp_path):
    X, y = data
    model = cb.CatBoostClassifier(
        iterations=3, depth=2, verbose=0, thread_count=1, allow_writing_files=False
    ).fit(X, y)
    path = tmp_path / f"m.{kind}"
    model.save_model(str(path), format=kind)
    loaded = load_model(path)
    assert loaded.format == fmt
    np.testing.assert_allclose(
        loaded.estimator.predict(X, prediction_type="RawFormulaVal"),
        model.predict(X, prediction_type="RawFormulaVal"),
    )


def test_format_is_detected_from_content_not_extension(xgb_json, lgb_text, tmp_path, data):
    json_as_pkl = tmp_path / "model.pkl"
    json_as_pkl.write_bytes(xgb_json[0].read_bytes())
    text_as_bin = tmp_path / "model.bin"
    text_as_bin.write_bytes(lgb_text[0].read_bytes())
    assert load_model(json_as_pkl).format == "xgboost-json"
    loaded = load_model(text_as_bin)
    assert loaded.format == "lightgbm-text"
    np.testing.assert_array_equal(
        loaded.estimator.predict(data[0]), lgb_text[1].booster_.predict(data[0])
    )
    assert {f.name for f in formats()} >= {
        "xgboost-json",
        "xgboost-ubj",
        "lightgbm-text",
        "catboost-cbm",
        "catboost-json",
    }
    assert detect_format(b"\x80\x05garbage") is None


# --------------------------------------------------------------------------
# Bad files
# --------------------------------------------------------------------------


def _xgb_doc(xgb_json):
    return json.loads(xgb_json[0].read_text())


def _tree0(doc):
    return doc["learner"]["gradient_booster"]["model"]["trees"][0]


def _lgb_replace(text, key, value, tree=0):
    head, sep, rest = text.partition(f"Tree={tree}\n")
    lines = rest.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{key}="):
            lines[i] = f"{key}={value}"
            break
    else:  # pragma: no cover - the test's own mistake
        raise AssertionError(key)
    return head + sep + "\n".join(lines)


def _bad_xgb(xgb_json, change):
    doc = _xgb_doc(xgb_json)
    change(doc)
    return json.dumps(doc).encode()


def _set(tree_key, index, value):
    def change(doc):
        _tree0(doc)[tree_key][index] = value

    return change


def _without_tree_sizes(text):
    # tree_sizes would no longer match the edited tree; LightGBM reads files without it
    return "\n".join(line for line in text.split("\n") if not line.startswith("tree_sizes="))


def _lgb_tree0(text, key):
    tree = text.split("Tree=0\n")[1].split("\n\n")[0]
    return next(x for x in tree.split("\n") if x.startswith(f"{key}=")).split("=")[1].split()


def _lgb_bad(lgb_text, key, edit):
    text = _without_tree_sizes(lgb_text[0].read_text())
    values = _lgb_tree0(text, key)
    return _lgb_replace(text, key, " ".join(edit(values))).encode()


def _first(value):
    return lambda values: [value, *values[1:]]


BAD = {
    "truncated xgboost json": (
        lambda x, lt: x[0].read_bytes()[: len(x[0].read_bytes()) // 2],
        "not valid JSON",
    ),
    "xgboost child out of range": (
        lambda x, lt: _bad_xgb(x, _set("left_children", 0, 99)),
        "child index 99 out of range",
    ),
    "xgboost cycle": (
        lambda x, lt: _bad_xgb(x, _cycle_xgb),
        "twice",
    ),
    "xgboost split feature beyond num_feature": (
        lambda x, lt: _bad_xgb(x, _set("split_indices", 0, 4)),
        "on feature 4",
    ),
    "xgboost wrong array length": (
        lambda x, lt: _bad_xgb(x, lambda d: _tree0(d)["sum_hessian"].pop()),
        "sum_hessian has",
    ),
    "xgboost huge declared num_nodes": (
        lambda x, lt: _bad_xgb(
            x, lambda d: _tree0(d)["tree_param"].update(num_nodes="999999999999")
        ),
        "num_nodes",
    ),
    "ubjson huge declared size": (
        lambda x, lt: (
            b"{L\x00\x00\x00\x00\x00\x00\x00\x07learner[$d#L"
            + struct.pack(">q", 2**60)
            + b"\x00" * 16
            + b"}"
        ),
        "items in",
    ),
    "catboost huge declared size": (
        lambda x, lt: b"CBM1" + struct.pack("<I", 10**9) + b"\x00" * 64,
        "declares 1,000,000,000 bytes",
    ),
    "wrong magic bytes": (lambda x, lt: b"CBM9" + b"\x00" * 64, "not a pickle, joblib or skops"),
    "lightgbm child out of range": (
        lambda x, lt: _lgb_bad(lt, "right_child", _first("7")),
        "out of range",
    ),
    "lightgbm cycle": (lambda x, lt: _lgb_bad(lt, "right_child", _first("0")), "a cycle"),
    "lightgbm wrong array length": (
        lambda x, lt: _lgb_bad(lt, "threshold", lambda v: v[1:]),
        "threshold values",
    ),
    "lightgbm huge num_leaves": (
        lambda x, lt: _lgb_bad(lt, "num_leaves", lambda v: ["10000000000"]),
        "num_leaves",
    ),
    "lightgbm wrong tree_sizes": (
        lambda x, lt: lt[0].read_text().replace("tree_sizes=", "tree_sizes=9").encode(),
        "tree_sizes",
    ),
    "lightgbm truncated": (
        lambda x, lt: lt[0].read_bytes()[: lt[0].read_bytes().index(b"end of trees") - 30],
        "no 'end of trees' line",
    ),
}


def _cycle_xgb(doc):
    tree = _tree0(doc)
    internal = [i for i, c in enumerate(tree["left_children"]) if c != -1]
    assert len(internal) >= 2
    tree["left_children"][internal[1]] = internal[1]  # a node that is its own child


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_model_file_gives_one_line_error_and_exit_2(name, xgb_json, lgb_text, tmp_path, capsys):
    make, expected = BAD[name]
    path = tmp_path / "bad.model"
    path.write_bytes(make(xgb_json, lgb_text))
    with pytest.raises(ModelLoadError) as info:
        load_model(path)
    message = str(info.value)
    assert "\n" not in message and "bad.model" in message and expected in message
    code = main(["inspect", str(path)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in err and expected in err


def test_lightgbm_check_names_the_cycle(lgb_text):
    from modelprivacy.load.formats._checks import FormatError
    from modelprivacy.load.formats.lightgbm import check_model_text

    text = lgb_text[0].read_text()
    # Tree 0 of 4 leaves: nodes 0..2; point node 2 back at node 1.
    tree = text.split("Tree=0\n")[1].split("\n\n")[0]
    left = next(x for x in tree.split("\n") if x.startswith("left_child=")).split("=")[1].split()
    right = next(x for x in tree.split("\n") if x.startswith("right_child=")).split("=")[1].split()
    internal = [int(c) for c in left + right if int(c) > 0]
    assert internal, "a tree with more than one internal node"
    bad = _lgb_replace(_without_tree_sizes(text), "left_child", " ".join(["1"] * len(left)))
    with pytest.raises(FormatError, match=r"twice|out of range"):
        check_model_text(bad)
    check_model_text(text)  # the original passes


def test_missing_library_names_the_pip_command(xgb_json, monkeypatch):
    monkeypatch.setitem(sys.modules, "xgboost", None)  # the import fails as if not installed
    fmt = detect_format(xgb_json[0].read_bytes())
    assert fmt is not None and fmt.name == "xgboost-json"
    with pytest.raises(ModelLoadError) as info:
        require(fmt, "model file 'm.json'")
    assert str(info.value) == (
        "model file 'm.json' is an XGBoost JSON model, which needs the xgboost package: "
        'install it with pip install "modelprivacy[xgboost]"'
    )
    with pytest.raises(ModelLoadError, match=r'pip install "modelprivacy\[xgboost\]"'):
        load_model(xgb_json[0], contain=False)


def test_lightgbm_file_parameters_and_threads_are_reset(lgb_text, tmp_path):
    text = lgb_text[0].read_text()
    text = text.replace("[forcedsplits_filename: ]", "[forcedsplits_filename: /etc/hostname]")
    text = text.replace("[num_threads: 1]", "[num_threads: 512]")
    path = tmp_path / "m.txt"
    path.write_text(text)
    loaded = load_model(path)
    assert loaded.estimator.params["forcedsplits_filename"] == ""
    assert any("forcedsplits_filename" in note for note in loaded.notes)
    assert any("num_threads" in note for note in loaded.notes)
