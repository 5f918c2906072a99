"""Hostile XGBoost, LightGBM and CatBoost model files: refused cleanly or loaded, never a crash.

Every file is made from a real small model fitted on scikit-learn's breast cancer data and
then tampered with. Each is loaded three ways: the command line (``inspect``, contained in a
child), ``load_model(path, contain=False)`` and ``modelprivacy.inspect(path)``, the last two
in the calling process. The in-process loads run in a worker subprocess, so that a segfault,
an abort or a hang fails the test of that file instead of killing pytest; the worker is
restarted after a crash for the files that remain.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

xgb = pytest.importorskip("xgboost")
lgb = pytest.importorskip("lightgbm")
cb = pytest.importorskip("catboost")

#: Seconds a worker may spend on one file before it is killed as hung.
PER_FILE_TIMEOUT = 30

_WORKER = r"""
import json, os, resource, sys, warnings
warnings.simplefilter("ignore")
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
mode, out_path, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
import modelprivacy
from modelprivacy.errors import ModelPrivacyError
from modelprivacy.load import load_model
from modelprivacy.cli import main
# imported once here, not again in every forked child of the command line
import xgboost, lightgbm, catboost, sklearn.ensemble
import modelprivacy.inspection.runner
import modelprivacy.models.xgboost, modelprivacy.models.lightgbm, modelprivacy.models.catboost

out = open(out_path, "a")

def emit(record):
    out.write(json.dumps(record) + "\n")
    out.flush()

for path in paths:
    emit({"start": path})
    if mode == "cli":
        with open(path + ".err", "w+") as err, open(os.devnull, "w") as null:
            saved = os.dup(1), os.dup(2)
            sys.stdout.flush(); sys.stderr.flush()
            os.dup2(null.fileno(), 1); os.dup2(err.fileno(), 2)
            try:
                code = main(["inspect", path])
            finally:
                sys.stdout.flush(); sys.stderr.flush()
                os.dup2(saved[0], 1); os.dup2(saved[1], 2)
            err.seek(0)
            emit({"path": path, "code": code, "err": err.read()})
        continue
    result = {"path": path}
    for how in ("load_model", "inspect"):
        try:
            if how == "load_model":
                load_model(path, contain=False)
            else:
                modelprivacy.inspect(path)
            result[how] = "ok"
        except ModelPrivacyError as exc:
            result[how] = "error: " + str(exc)
        except BaseException as exc:
            result[how] = "UNEXPECTED " + type(exc).__name__ + ": " + str(exc)[:300]
    emit(result)
"""


def _run_worker(mode: str, paths: list[str], tmp: Path) -> dict[str, dict[str, Any]]:
    """Run every path through a worker; restart it after a crash or a hang."""
    results: dict[str, dict[str, Any]] = {}
    script = tmp / f"worker-{mode}.py"
    script.write_text(_WORKER)
    todo = list(paths)
    run = 0
    while todo:
        run += 1
        out = tmp / f"{mode}-{run}.jsonl"
        out.write_text("")
        proc = subprocess.Popen(
            [sys.executable, str(script), mode, str(out), *todo],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"},
        )
        try:
            _, err = proc.communicate(timeout=20 + PER_FILE_TIMEOUT * len(todo))
            hung = False
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            hung = True
        records = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
        started = None
        for record in records:
            if "start" in record:
                started = record["start"]
            else:
                results[record["path"]] = record
                started = None
        done = set(results)
        if started is not None:
            why = "hung" if hung else f"died with status {proc.returncode}"
            results[started] = {"path": started, "crash": why, "stderr": err.decode()[-500:]}
        elif proc.returncode != 0 and not hung:
            tail = err.decode()[-1000:]
            raise AssertionError(f"the worker failed before any file: {tail}")
        todo = [p for p in todo if p not in results]
        assert started is not None or not todo or run < 3, done
    return results


# --------------------------------------------------------------------------
# Real small models
# --------------------------------------------------------------------------


def _data() -> tuple[pd.DataFrame, np.ndarray]:
    from sklearn.datasets import load_breast_cancer

    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    X = X.iloc[:, :6].copy()
    X.columns = [f"f{i}" for i in range(6)]
    return X, np.asarray(y)


def _categorical(X: pd.DataFrame, y: np.ndarray) -> pd.DataFrame:
    """``X`` with a category column that predicts ``y`` (so that trees split on it)."""
    rng = np.random.default_rng(0)
    Xc = X.copy()
    codes = np.where(
        y == 1, rng.choice(["a", "b", "c"], y.size), rng.choice(["d", "e", "f"], y.size)
    )
    Xc["c"] = pd.Categorical(codes)
    return Xc


def _base_models(tmp: Path) -> dict[str, bytes]:
    X, y = _data()
    Xc = _categorical(X, y)
    files: dict[str, bytes] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        booster = xgb.XGBClassifier(
            n_estimators=3, max_depth=3, n_jobs=1, random_state=0, tree_method="hist"
        ).fit(X, y)
        for ext in ("json", "ubj"):
            booster.get_booster().save_model(tmp / f"x.{ext}")
            files[f"xgb.{ext}"] = (tmp / f"x.{ext}").read_bytes()
        cat = xgb.XGBClassifier(
            n_estimators=3,
            max_depth=3,
            n_jobs=1,
            random_state=0,
            tree_method="hist",
            enable_categorical=True,
            max_cat_to_onehot=1,
        ).fit(Xc, y)
        cat.get_booster().save_model(tmp / "xc.json")
        files["xgbcat.json"] = (tmp / "xc.json").read_bytes()
        lgbm = lgb.LGBMClassifier(
            n_estimators=3, num_leaves=6, verbose=-1, n_jobs=1, random_state=0
        ).fit(X, y)
        files["lgb.txt"] = lgbm.booster_.model_to_string().encode()
        lgbc = lgb.LGBMClassifier(
            n_estimators=3, num_leaves=6, verbose=-1, n_jobs=1, random_state=0, min_data_per_group=5
        ).fit(Xc, y)
        files["lgbcat.txt"] = lgbc.booster_.model_to_string().encode()
        cbm = cb.CatBoostClassifier(
            iterations=3,
            depth=3,
            random_seed=0,
            verbose=0,
            allow_writing_files=False,
            thread_count=1,
        ).fit(X, y)
        cbm.save_model(str(tmp / "c.cbm"))
        cbm.save_model(str(tmp / "c.json"), format="json")
        files["cb.cbm"] = (tmp / "c.cbm").read_bytes()
        files["cb.json"] = (tmp / "c.json").read_bytes()
    return files


# --------------------------------------------------------------------------
# Tampering
# --------------------------------------------------------------------------


def _xgb_edit(base: bytes, change: Any) -> bytes:
    doc = json.loads(base)
    change(doc)
    return json.dumps(doc).encode()


def _tree(doc: dict[str, Any], i: int = 0) -> dict[str, Any]:
    return doc["learner"]["gradient_booster"]["model"]["trees"][i]


def _internal(tree: dict[str, Any]) -> list[int]:
    return [i for i, c in enumerate(tree["left_children"]) if c != -1]


def _set(key: str, index: Any, value: Any, tree: int = 0) -> Any:
    def change(doc: dict[str, Any]) -> None:
        t = _tree(doc, tree)
        at = index(t) if callable(index) else index
        t[key][at] = value

    return change


def _do(fn: Any) -> Any:
    def change(doc: dict[str, Any]) -> None:
        fn(doc)

    return change


def _param(key: str, value: Any) -> Any:
    return _do(lambda d: d["learner"]["learner_model_param"].update({key: value}))


def _tree_param(key: str, value: Any) -> Any:
    return _do(lambda d: _tree(d)["tree_param"].update({key: value}))


def _cat_tree(doc: dict[str, Any]) -> dict[str, Any]:
    trees = doc["learner"]["gradient_booster"]["model"]["trees"]
    return next(t for t in trees if t["categories_nodes"])


def _cat(key: str, value: Any) -> Any:
    return _do(lambda d: _cat_tree(d)[key].__setitem__(0, value))


def _to_ubj(doc: Any) -> bytes:
    """UBJSON as XGBoost writes it (typed float32/int arrays are written as generic ones)."""
    out = bytearray()

    def enc(v: Any) -> None:
        if isinstance(v, bool):
            out.extend(b"T" if v else b"F")
        elif isinstance(v, int):
            out.extend(b"L" + struct.pack(">q", v))
        elif isinstance(v, float):
            out.extend(b"D" + struct.pack(">d", v))
        elif isinstance(v, str):
            raw = v.encode()
            out.extend(b"SL" + struct.pack(">q", len(raw)) + raw)
        elif isinstance(v, list):
            out.extend(b"[")
            for x in v:
                enc(x)
            out.extend(b"]")
        elif isinstance(v, dict):
            out.extend(b"{")
            for k, x in v.items():
                raw = k.encode()
                out.extend(b"L" + struct.pack(">q", len(raw)) + raw)
                enc(x)
            out.extend(b"}")
        else:  # pragma: no cover - the test's own mistake
            raise TypeError(type(v))

    enc(doc)
    return bytes(out)


def _lgb_tree_line(text: str, key: str, edit: Any, tree: int = 0) -> str:
    head, sep, rest = text.partition(f"Tree={tree}\n")
    lines = rest.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{key}="):
            values = line.split("=", 1)[1].split(" ")
            lines[i] = f"{key}=" + " ".join(edit(values))
            break
    else:
        raise AssertionError(key)
    return head + sep + "\n".join(lines)


def _no_sizes(text: str) -> str:
    return "\n".join(x for x in text.split("\n") if not x.startswith("tree_sizes="))


def _lgb(base: bytes, key: str, edit: Any, tree: int = 0) -> bytes:
    return _lgb_tree_line(_no_sizes(base.decode()), key, edit, tree).encode()


def _lgb_cat_tree(text: str) -> int:
    for block in text.split("Tree=")[1:]:
        if "cat_boundaries=" in block:
            return int(block.split("\n", 1)[0])
    raise AssertionError("no categorical tree")


def _lgb_cat(base: bytes, key: str, edit: Any) -> bytes:
    return _lgb(base, key, edit, _lgb_cat_tree(base.decode()))


def _lgb_header(base: bytes, key: str, value: str) -> bytes:
    lines = _no_sizes(base.decode()).split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{key}="):
            lines[i] = f"{key}={value}"
            return "\n".join(lines).encode()
    raise AssertionError(key)


def _lgb_pandas(base: bytes, value: str) -> bytes:
    text = base.decode()
    head, sep, _ = text.rpartition("pandas_categorical:")
    return (head + sep + value + "\n").encode()


def _first(value: str) -> Any:
    return lambda v: [value, *v[1:]]


def _cb_json(base: bytes, change: Any) -> bytes:
    doc = json.loads(base)
    change(doc)
    return json.dumps(doc).encode()


def _cb_split(key: str, value: Any) -> Any:
    return lambda d: d["oblivious_trees"][0]["splits"][0].update({key: value})


def _flip(data: bytes, at: int, value: int) -> bytes:
    out = bytearray(data)
    out[at] = value
    return bytes(out)


def _cb_flips(data: bytes, n: int, seed: int) -> bytes:
    """``n`` bytes of the flatbuffer after the header set to random values, seeded."""
    rng = np.random.default_rng(seed)
    out = bytearray(data)
    for at in rng.integers(8, len(data), size=n):
        out[int(at)] = int(rng.integers(0, 256))
    return bytes(out)


def _deep_json(depth: int) -> bytes:
    return b'{"learner": ' + b"[" * depth + b"]" * depth + b"}"


def _deep_ubj(depth: int) -> bytes:
    return b"{L\x00\x00\x00\x00\x00\x00\x00\x07learner" + b"[" * depth + b"]" * depth + b"}"


def _ubj_count(count: int, marker: bytes = b"d") -> bytes:
    return (
        b"{L\x00\x00\x00\x00\x00\x00\x00\x07learner[$"
        + marker
        + b"#L"
        + struct.pack(">q", count)
        + b"\x00" * 32
        + b"}"
    )


def _ubj_string(length: int) -> bytes:
    return b"{L\x00\x00\x00\x00\x00\x00\x00\x07learnerSL" + struct.pack(">q", length) + b"abc}"


def _ubj_of(base_json: bytes, change: Any) -> bytes:
    doc = json.loads(base_json)
    change(doc)
    return _to_ubj(doc)


def _cycle_root(doc: dict[str, Any]) -> None:
    t = _tree(doc)
    t["left_children"][_internal(t)[-1]] = 0


def _self_cycle(doc: dict[str, Any]) -> None:
    t = _tree(doc)
    inner = _internal(t)[1]
    t["left_children"][inner] = inner


def _shared_child(doc: dict[str, Any]) -> None:
    t = _tree(doc)
    a = _internal(t)[0]
    t["right_children"][a] = t["left_children"][a]


def _drop_tree(doc: dict[str, Any]) -> None:
    doc["learner"]["gradient_booster"]["model"]["trees"].pop()


def _all_nan(doc: dict[str, Any]) -> None:
    for t in doc["learner"]["gradient_booster"]["model"]["trees"]:
        t["split_conditions"] = [float("nan")] * len(t["split_conditions"])
        t["base_weights"] = [float("inf")] * len(t["base_weights"])


HOSTILE: dict[str, Any] = {
    # ---- XGBoost JSON
    "xgb left child 2**31": ("xgb.json", lambda b: _xgb_edit(b, _set("left_children", 0, 2**31))),
    "xgb left child -5": ("xgb.json", lambda b: _xgb_edit(b, _set("left_children", 0, -5))),
    "xgb right child beyond": (
        "xgb.json",
        lambda b: _xgb_edit(b, _set("right_children", 0, 10**6)),
    ),
    "xgb only a right child": (
        "xgb.json",
        lambda b: _xgb_edit(b, _set("right_children", lambda t: t["left_children"].index(-1), 1)),
    ),
    "xgb cycle to root": ("xgb.json", lambda b: _xgb_edit(b, _cycle_root)),
    "xgb self cycle": ("xgb.json", lambda b: _xgb_edit(b, _self_cycle)),
    "xgb shared child": ("xgb.json", lambda b: _xgb_edit(b, _shared_child)),
    "xgb parent out of range": ("xgb.json", lambda b: _xgb_edit(b, _set("parents", 1, 10**9))),
    "xgb root parent 5": ("xgb.json", lambda b: _xgb_edit(b, _set("parents", 0, 5))),
    "xgb num_nodes -1": ("xgb.json", lambda b: _xgb_edit(b, _tree_param("num_nodes", "-1"))),
    "xgb num_nodes 2**40": (
        "xgb.json",
        lambda b: _xgb_edit(b, _tree_param("num_nodes", "1099511627776")),
    ),
    "xgb num_nodes one more": (
        "xgb.json",
        lambda b: _xgb_edit(
            b,
            _do(
                lambda d: _tree(d)["tree_param"].update(num_nodes=str(len(_tree(d)["parents"]) + 1))
            ),
        ),
    ),
    "xgb num_nodes one less": (
        "xgb.json",
        lambda b: _xgb_edit(
            b,
            _do(
                lambda d: _tree(d)["tree_param"].update(num_nodes=str(len(_tree(d)["parents"]) - 1))
            ),
        ),
    ),
    "xgb num_deleted huge": ("xgb.json", lambda b: _xgb_edit(b, _tree_param("num_deleted", "999"))),
    "xgb size_leaf_vector 10**6": (
        "xgb.json",
        lambda b: _xgb_edit(b, _tree_param("size_leaf_vector", "1000000")),
    ),
    "xgb short left_children": (
        "xgb.json",
        lambda b: _xgb_edit(b, _do(lambda d: _tree(d)["left_children"].pop())),
    ),
    "xgb long base_weights": (
        "xgb.json",
        lambda b: _xgb_edit(b, _do(lambda d: _tree(d)["base_weights"].append(1.0))),
    ),
    "xgb split_indices 10**6": (
        "xgb.json",
        lambda b: _xgb_edit(b, _set("split_indices", 0, 10**6)),
    ),
    "xgb split_indices -1": ("xgb.json", lambda b: _xgb_edit(b, _set("split_indices", 0, -1))),
    "xgb split_indices 2**63": (
        "xgb.json",
        lambda b: _xgb_edit(b, _set("split_indices", 0, 2**63)),
    ),
    "xgb split_type 7": ("xgb.json", lambda b: _xgb_edit(b, _set("split_type", 0, 7))),
    "xgb categorical split without categories": (
        "xgb.json",
        lambda b: _xgb_edit(b, _set("split_type", 0, 1)),
    ),
    "xgb default_left 9": ("xgb.json", lambda b: _xgb_edit(b, _set("default_left", 0, 9))),
    "xgb num_feature 0": ("xgb.json", lambda b: _xgb_edit(b, _param("num_feature", "0"))),
    "xgb num_feature 2**40": (
        "xgb.json",
        lambda b: _xgb_edit(b, _param("num_feature", "1099511627776")),
    ),
    "xgb num_feature abc": ("xgb.json", lambda b: _xgb_edit(b, _param("num_feature", "abc"))),
    "xgb num_class 10**9": ("xgb.json", lambda b: _xgb_edit(b, _param("num_class", "1000000000"))),
    "xgb num_class 5": ("xgb.json", lambda b: _xgb_edit(b, _param("num_class", "5"))),
    "xgb num_target 0": ("xgb.json", lambda b: _xgb_edit(b, _param("num_target", "0"))),
    "xgb base_score abc": ("xgb.json", lambda b: _xgb_edit(b, _param("base_score", "abc"))),
    "xgb base_score empty": ("xgb.json", lambda b: _xgb_edit(b, _param("base_score", ""))),
    "xgb base_score [nan]": ("xgb.json", lambda b: _xgb_edit(b, _param("base_score", "[nan]"))),
    "xgb base_score 1e999": ("xgb.json", lambda b: _xgb_edit(b, _param("base_score", "1E999"))),
    "xgb base_score list of 10**6": (
        "xgb.json",
        lambda b: _xgb_edit(b, _param("base_score", "[" + ",".join(["0.5"] * 10**6) + "]")),
    ),
    "xgb base_score number": ("xgb.json", lambda b: _xgb_edit(b, _param("base_score", 0.5))),
    "xgb NaN and inf values": ("xgb.json", lambda b: _xgb_edit(b, _all_nan)),
    "xgb num_trees 4 of 3": (
        "xgb.json",
        lambda b: _xgb_edit(
            b,
            _do(
                lambda d: d["learner"]["gradient_booster"]["model"]["gbtree_model_param"].update(
                    num_trees="4"
                )
            ),
        ),
    ),
    "xgb one tree missing": ("xgb.json", lambda b: _xgb_edit(b, _drop_tree)),
    "xgb tree_info 9": (
        "xgb.json",
        lambda b: _xgb_edit(
            b,
            _do(lambda d: d["learner"]["gradient_booster"]["model"]["tree_info"].__setitem__(0, 9)),
        ),
    ),
    "xgb iteration_indptr wrong": (
        "xgb.json",
        lambda b: _xgb_edit(
            b,
            _do(
                lambda d: d["learner"]["gradient_booster"]["model"].update(
                    iteration_indptr=[0, 5, 2, 3]
                )
            ),
        ),
    ),
    "xgb unknown objective": (
        "xgb.json",
        lambda b: _xgb_edit(b, _do(lambda d: d["learner"]["objective"].update(name="evil:obj"))),
    ),
    "xgb unknown booster": (
        "xgb.json",
        lambda b: _xgb_edit(
            b, _do(lambda d: d["learner"]["gradient_booster"].update(name="gbevil"))
        ),
    ),
    "xgb feature_types wrong": (
        "xgb.json",
        lambda b: _xgb_edit(b, _do(lambda d: d["learner"].update(feature_types=["zz"] * 6))),
    ),
    "xgb feature_names 3 of 6": (
        "xgb.json",
        lambda b: _xgb_edit(b, _do(lambda d: d["learner"].update(feature_names=["a", "b", "c"]))),
    ),
    "xgb version huge": (
        "xgb.json",
        lambda b: _xgb_edit(b, _do(lambda d: d.update(version=[99, 0, 0]))),
    ),
    "xgb version 0": (
        "xgb.json",
        lambda b: _xgb_edit(b, _do(lambda d: d.update(version=[0, 1, 0]))),
    ),
    "xgb truncated": ("xgb.json", lambda b: b[: len(b) // 2]),
    "xgb deep nesting": ("xgb.json", lambda b: _deep_json(100_000)),
    "xgb NUL bytes": ("xgb.json", lambda b: b.replace(b'"learner"', b'"learner"\x00', 1)),
    # ---- XGBoost categorical
    "xgb categories_segments beyond": (
        "xgbcat.json",
        lambda b: _xgb_edit(b, _cat("categories_segments", 10**6)),
    ),
    "xgb categories_segments -1": (
        "xgbcat.json",
        lambda b: _xgb_edit(b, _cat("categories_segments", -1)),
    ),
    "xgb categories_sizes beyond": (
        "xgbcat.json",
        lambda b: _xgb_edit(b, _cat("categories_sizes", 10**6)),
    ),
    "xgb categories_sizes 2**62": (
        "xgbcat.json",
        lambda b: _xgb_edit(b, _cat("categories_sizes", 2**62)),
    ),
    "xgb categories_nodes beyond": (
        "xgbcat.json",
        lambda b: _xgb_edit(b, _cat("categories_nodes", 10**6)),
    ),
    "xgb category code 2**31": ("xgbcat.json", lambda b: _xgb_edit(b, _cat("categories", 2**31))),
    "xgb category code 2**30": ("xgbcat.json", lambda b: _xgb_edit(b, _cat("categories", 2**30))),
    "xgb category code -1": ("xgbcat.json", lambda b: _xgb_edit(b, _cat("categories", -1))),
    "xgb categorical split on numeric feature": (
        "xgbcat.json",
        lambda b: _xgb_edit(
            b,
            _do(
                lambda d: _cat_tree(d)["split_indices"].__setitem__(
                    _cat_tree(d)["categories_nodes"][0], 0
                )
            ),
        ),
    ),
    # ---- XGBoost UBJSON
    "ubj base model re-encoded": ("xgb.json", lambda b: _ubj_of(b, lambda d: None)),
    "ubj left child out of range": (
        "xgb.json",
        lambda b: _ubj_of(b, _set("left_children", 0, 2**31)),
    ),
    "ubj cycle to root": ("xgb.json", lambda b: _ubj_of(b, _cycle_root)),
    "ubj split_indices 10**6": ("xgb.json", lambda b: _ubj_of(b, _set("split_indices", 0, 10**6))),
    "ubj base_score abc": ("xgb.json", lambda b: _ubj_of(b, _param("base_score", "abc"))),
    "ubj NaN and inf values": ("xgb.json", lambda b: _ubj_of(b, _all_nan)),
    "ubj categories_sizes beyond": (
        "xgbcat.json",
        lambda b: _ubj_of(b, _cat("categories_sizes", 10**6)),
    ),
    "ubj count 2**40 float64": ("xgb.ubj", lambda b: _ubj_count(2**40)),
    "ubj count 2**40 uint8": ("xgb.ubj", lambda b: _ubj_count(2**40, b"U")),
    "ubj count -1": ("xgb.ubj", lambda b: _ubj_count(-1)),
    "ubj string 2**40": ("xgb.ubj", lambda b: _ubj_string(2**40)),
    "ubj deep nesting": ("xgb.ubj", lambda b: _deep_ubj(100_000)),
    "ubj truncated": ("xgb.ubj", lambda b: b[: len(b) // 2]),
    "ubj truncated at 100": ("xgb.ubj", lambda b: b[:100]),
    # ---- LightGBM
    "lgb num_leaves one more": (
        "lgb.txt",
        lambda b: _lgb(b, "num_leaves", lambda v: [str(int(v[0]) + 1)]),
    ),
    "lgb num_leaves one less": (
        "lgb.txt",
        lambda b: _lgb(b, "num_leaves", lambda v: [str(int(v[0]) - 1)]),
    ),
    "lgb num_leaves 0": ("lgb.txt", lambda b: _lgb(b, "num_leaves", lambda v: ["0"])),
    "lgb num_leaves -3": ("lgb.txt", lambda b: _lgb(b, "num_leaves", lambda v: ["-3"])),
    "lgb num_leaves 2**40": ("lgb.txt", lambda b: _lgb(b, "num_leaves", lambda v: [str(2**40)])),
    "lgb left child out of range": ("lgb.txt", lambda b: _lgb(b, "left_child", _first("99"))),
    "lgb left leaf out of range": ("lgb.txt", lambda b: _lgb(b, "left_child", _first("-99"))),
    "lgb cycle": ("lgb.txt", lambda b: _lgb(b, "right_child", _first("0"))),
    "lgb child int overflow": ("lgb.txt", lambda b: _lgb(b, "left_child", _first("99999999999"))),
    "lgb split_feature beyond": ("lgb.txt", lambda b: _lgb(b, "split_feature", _first("6"))),
    "lgb split_feature -1": ("lgb.txt", lambda b: _lgb(b, "split_feature", _first("-1"))),
    "lgb threshold nan": ("lgb.txt", lambda b: _lgb(b, "threshold", _first("nan"))),
    "lgb leaf_value inf": ("lgb.txt", lambda b: _lgb(b, "leaf_value", _first("inf"))),
    "lgb threshold text": ("lgb.txt", lambda b: _lgb(b, "threshold", _first("abc"))),
    "lgb decision_type categorical without cats": (
        "lgb.txt",
        lambda b: _lgb(b, "decision_type", _first("1")),
    ),
    "lgb decision_type 255": ("lgb.txt", lambda b: _lgb(b, "decision_type", _first("255"))),
    "lgb short leaf_value": ("lgb.txt", lambda b: _lgb(b, "leaf_value", lambda v: v[:-1])),
    "lgb max_feature_idx 2**40": (
        "lgb.txt",
        lambda b: _lgb_header(b, "max_feature_idx", str(2**40)),
    ),
    "lgb max_feature_idx 2": ("lgb.txt", lambda b: _lgb_header(b, "max_feature_idx", "2")),
    "lgb num_class 10**9": ("lgb.txt", lambda b: _lgb_header(b, "num_class", "1000000000")),
    "lgb num_class 0": ("lgb.txt", lambda b: _lgb_header(b, "num_class", "0")),
    "lgb num_tree_per_iteration 2": (
        "lgb.txt",
        lambda b: _lgb_header(b, "num_tree_per_iteration", "2"),
    ),
    "lgb num_tree_per_iteration 0": (
        "lgb.txt",
        lambda b: _lgb_header(b, "num_tree_per_iteration", "0"),
    ),
    "lgb objective unknown": ("lgb.txt", lambda b: _lgb_header(b, "objective", "evil")),
    "lgb objective multiclass 10**6": (
        "lgb.txt",
        lambda b: _lgb_header(b, "objective", "multiclass num_class:1000000"),
    ),
    "lgb feature_infos short": ("lgb.txt", lambda b: _lgb_header(b, "feature_infos", "[0:1]")),
    "lgb tree count mismatch": (
        "lgb.txt",
        lambda b: _no_sizes(b.decode()).replace("Tree=2\n", "Tree=5\n").encode(),
    ),
    "lgb tree missing": (
        "lgb.txt",
        lambda b: (lambda t: t[: t.index("Tree=2\n")] + t[t.index("end of trees") :])(
            _no_sizes(b.decode())
        ).encode(),
    ),
    "lgb tree_sizes wrong": ("lgb.txt", lambda b: b.replace(b"tree_sizes=", b"tree_sizes=1", 1)),
    "lgb truncated mid tree": ("lgb.txt", lambda b: b[: b.index(b"Tree=1\n") + 40]),
    "lgb truncated header": ("lgb.txt", lambda b: b[:60]),
    "lgb truncated after end of trees": ("lgb.txt", lambda b: b[: b.index(b"end of trees") + 13]),
    "lgb shrinkage text": ("lgb.txt", lambda b: _lgb(b, "shrinkage", lambda v: ["abc"])),
    "lgb is_linear without arrays": ("lgb.txt", lambda b: _lgb(b, "is_linear", lambda v: ["1"])),
    "lgb pandas_categorical deep": (
        "lgb.txt",
        lambda b: _lgb_pandas(b, "[" * 100_000 + "]" * 100_000),
    ),
    "lgb pandas_categorical huge": (
        "lgb.txt",
        lambda b: _lgb_pandas(b, "[[" + ",".join(['"a"'] * 2_000_000) + "]]"),
    ),
    "lgb pandas_categorical not a list": ("lgb.txt", lambda b: _lgb_pandas(b, '{"a": 1}')),
    "lgb pandas_categorical bad json": ("lgb.txt", lambda b: _lgb_pandas(b, "[[")),
    # found by seeded byte flips: LightGBM's parser of the parameters section read out of bounds
    "lgb parameter line broken in two": (
        "lgb.txt",
        lambda b: b.replace(b"[max_bin: 255]", b"[max_bi\n: 255]", 1),
    ),
    "lgb parameter line without brackets": (
        "lgb.txt",
        lambda b: b.replace(b"[max_bin: 255]", b"max_bin", 1),
    ),
    "lgb parameters not closed": (
        "lgb.txt",
        lambda b: b.replace(b"end of parameters", b"", 1),
    ),
    # LightGBM writes this value back unquoted in its parameters JSON, which then does not parse
    "lgb categorical_feature parameter not a number": (
        "lgbcat.txt",
        lambda b: b.replace(b"[categorical_feature: 6]", b"[categorical_feature: M]", 1),
    ),
    "lgb NUL byte": ("lgb.txt", lambda b: b.replace(b"version=", b"version=\x00", 1)),
    "lgb cat_boundaries beyond": (
        "lgbcat.txt",
        lambda b: _lgb_cat(b, "cat_boundaries", lambda v: [*v[:-1], "9999"]),
    ),
    "lgb cat_boundaries decreasing": (
        "lgbcat.txt",
        lambda b: _lgb_cat(
            b, "cat_boundaries", lambda v: [v[0], "5", "1", *v[3:]] if len(v) > 2 else ["1", "0"]
        ),
    ),
    "lgb cat_threshold word 2**40": (
        "lgbcat.txt",
        lambda b: _lgb_cat(b, "cat_threshold", _first(str(2**40))),
    ),
    "lgb cat_threshold short": (
        "lgbcat.txt",
        lambda b: _lgb_cat(b, "cat_threshold", lambda v: v[:-1] or ["1"]),
    ),
    "lgb categorical index beyond": (
        "lgbcat.txt",
        lambda b: _lgb_cat(b, "threshold", lambda v: ["99"] * len(v)),
    ),
    "lgb num_cat wrong": (
        "lgbcat.txt",
        lambda b: _lgb_cat(b, "num_cat", lambda v: [str(int(v[0]) + 5)]),
    ),
    # ---- CatBoost
    "cb cbm truncated half": ("cb.cbm", lambda b: b[: len(b) // 2]),
    "cb cbm truncated 12": ("cb.cbm", lambda b: b[:12]),
    "cb cbm core smaller": ("cb.cbm", lambda b: b[:4] + struct.pack("<I", 16) + b[8:]),
    "cb cbm core zero padding": ("cb.cbm", lambda b: b[:8] + b"\x00" * (len(b) - 8)),
    "cb cbm root offset huge": ("cb.cbm", lambda b: b[:8] + struct.pack("<I", 2**31) + b[12:]),
    **{
        f"cb cbm random bytes seed {s}": ("cb.cbm", lambda b, s=s: _cb_flips(b, 4, s))
        for s in range(12)
    },
    "cb json split index beyond": (
        "cb.json",
        lambda b: _cb_json(b, _cb_split("float_feature_index", 10**6)),
    ),
    "cb json split index -1": (
        "cb.json",
        lambda b: _cb_json(b, _cb_split("float_feature_index", -1)),
    ),
    "cb json border beyond": ("cb.json", lambda b: _cb_json(b, _cb_split("border_id", 10**6))),
    "cb json split type evil": ("cb.json", lambda b: _cb_json(b, _cb_split("split_type", "Evil"))),
    "cb json leaf_values short": (
        "cb.json",
        lambda b: _cb_json(b, lambda d: d["oblivious_trees"][0]["leaf_values"].pop()),
    ),
    "cb json leaf_values long": (
        "cb.json",
        lambda b: _cb_json(b, lambda d: d["oblivious_trees"][0]["leaf_values"].extend([0.0] * 8)),
    ),
    "cb json depth 17": (
        "cb.json",
        lambda b: _cb_json(
            b,
            lambda d: d["oblivious_trees"][0].update(
                splits=d["oblivious_trees"][0]["splits"][:1] * 17, leaf_values=[0.0] * 2**17
            ),
        ),
    ),
    "cb json leaf NaN": (
        "cb.json",
        lambda b: _cb_json(
            b, lambda d: d["oblivious_trees"][0]["leaf_values"].__setitem__(0, float("nan"))
        ),
    ),
    "cb json feature index beyond": (
        "cb.json",
        lambda b: _cb_json(
            b, lambda d: d["features_info"]["float_features"][0].update(feature_index=10**6)
        ),
    ),
    "cb json no borders": (
        "cb.json",
        lambda b: _cb_json(
            b, lambda d: [f.update(borders=[]) for f in d["features_info"]["float_features"]]
        ),
    ),
    "cb json truncated": ("cb.json", lambda b: b[: len(b) // 2]),
    "cb json deep nesting": (
        "cb.json",
        lambda b: b'{"oblivious_trees": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ),
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("hostile-native")
    base = _base_models(tmp)
    paths: dict[str, str] = {}
    for i, (name, (source, make)) in enumerate(HOSTILE.items()):
        path = tmp / f"h{i:03d}.model"
        path.write_bytes(make(base[source]))
        paths[name] = str(path)
    # the two workers side by side: the command line's and the in-process loads
    with ThreadPoolExecutor(max_workers=2) as pool:
        cli_run = pool.submit(_run_worker, "cli", list(paths.values()), tmp)
        api_run = pool.submit(_run_worker, "api", list(paths.values()), tmp)
        cli, api = cli_run.result(), api_run.result()
    return {name: {"cli": cli[p], "api": api[p]} for name, p in paths.items()}


def _one_line_error(result: str) -> bool:
    return result.startswith("error: ") and "\n" not in result.strip()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_native_file_is_refused_or_loaded(name: str, outcomes: dict[str, Any]) -> None:
    cli, api = outcomes[name]["cli"], outcomes[name]["api"]
    assert "crash" not in cli, cli
    assert cli["code"] in (0, 1, 2), cli
    err = cli["err"].strip()
    assert "Traceback" not in err, err
    if cli["code"] == 2:
        assert len(err.splitlines()) == 1, err
    assert "crash" not in api, api
    for how in ("load_model", "inspect"):
        assert api[how] == "ok" or _one_line_error(api[how]), (how, api[how])
    # the command line and the API agree on whether the file loads
    assert (cli["code"] == 2) == (api["load_model"] != "ok"), (cli, api)


def _cb_tree_field(data: bytes, field: int, item: int, value: int) -> bytes:
    """The .cbm ``data`` with item ``item`` of the trees table's int vector ``field`` set."""
    buf = data[8:]

    def u32(at: int) -> int:
        return int(struct.unpack_from("<I", buf, at)[0])

    def field_at(table: int, index: int) -> int:
        vtable = table - struct.unpack_from("<i", buf, table)[0]
        return table + int(struct.unpack_from("<H", buf, vtable + 4 + 2 * index)[0])

    root = u32(0)
    at = field_at(root, 1)
    trees = at + u32(at)
    at = field_at(trees, field)
    start = at + u32(at)
    out = bytearray(data)
    struct.pack_into("<i", out, 8 + start + 4 + 4 * item, value)
    return bytes(out)


@pytest.mark.parametrize(
    "field,item,value,expected",
    [
        (3, 2, 148, "tree 2 has the size 3 at the offset 148"),  # TreeStartOffsets
        (2, 0, 9, "tree 1 has the size"),  # TreeSizes
        (1, 0, 10**6, "binary feature outside 0..8"),  # TreeSplits
        (1, 0, -1, "binary feature outside"),
    ],
)
def test_cbm_tree_tampering_is_refused_before_catboost(
    field: int, item: int, value: int, expected: str, tmp_path: Path
) -> None:
    from modelprivacy.errors import ModelLoadError
    from modelprivacy.load import load_model

    base = _base_models(tmp_path)["cb.cbm"]
    path = tmp_path / "bad.cbm"
    path.write_bytes(_cb_tree_field(base, field, item, value))
    with pytest.raises(ModelLoadError, match="cannot be loaded safely") as info:
        load_model(path, contain=False)
    assert expected in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("value", ["abc", "", "[0.5,x]", "[]"])
def test_xgboost_base_score_that_is_not_a_number_is_named(value: str, tmp_path: Path) -> None:
    from modelprivacy.errors import ModelLoadError
    from modelprivacy.load import load_model

    X, y = _data()
    booster = xgb.XGBClassifier(n_estimators=2, max_depth=2, n_jobs=1, random_state=0).fit(X, y)
    booster.get_booster().save_model(tmp_path / "m.json")
    path = tmp_path / "bad.json"
    path.write_bytes(_xgb_edit((tmp_path / "m.json").read_bytes(), _param("base_score", value)))
    with pytest.raises(ModelLoadError, match=r"base_score .* is not a number"):
        load_model(path, contain=False)
