"""The reference-model cache: hits reuse the fits, anything that changes misses, files are safe."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler

from modelprivacy.attacks import membership_inference
from modelprivacy.attacks.cache import (
    CACHE_ENV,
    NO_CACHE_ENV,
    ReferenceCache,
    default_directory,
    reference_cache,
)
from modelprivacy.attacks.reference import (
    ReferenceSignals,
    balanced_membership,
    fit_reference_models,
    reference_fits,
)
from modelprivacy.attacks.target import Target
from modelprivacy.auditing import audit
from modelprivacy.cli import main

K = 4


@pytest.fixture(autouse=True)
def _default_cache_on(monkeypatch):
    """The suite turns the default cache off (tests/conftest.py); these tests turn it on."""
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)


def _table(n: int = 240, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(
        {
            "a": rng.normal(size=n),
            "b": rng.normal(size=n),
            "c": rng.integers(0, 5, n),
            # a distinctive training column: its bytes must never be in a cache file
            "planted": 987_654.321 + np.arange(n) * 0.001953125,
        }
    )
    df["y"] = (df.a + 0.5 * rng.normal(size=n) > 0).astype(int)
    return df


@pytest.fixture(scope="module")
def data() -> tuple[pd.DataFrame, pd.DataFrame]:
    df = _table()
    return df.iloc[:120].reset_index(drop=True), df.iloc[120:].reset_index(drop=True)


def _lr(train: pd.DataFrame, C: float = 1.0) -> object:
    model = make_pipeline(MinMaxScaler(), LogisticRegression(C=C))
    return model.fit(train.drop(columns="y"), train.y)


def _mi(model: object, train: pd.DataFrame, holdout: pd.DataFrame, **kw: object) -> tuple:
    """membership_inference and the reference fits it ran."""
    before = reference_fits()
    kw.setdefault("reference_models", K)
    result = membership_inference(model, train, holdout, target="y", **kw)
    return result, reference_fits() - before


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.npz")) if directory.exists() else []


def test_a_repeated_audit_fits_nothing_and_gives_the_same_report(data, tmp_path):
    train, holdout = data
    model = _lr(train)
    cache = tmp_path / "cache"
    fits = reference_fits()
    first = audit(model, train, holdout, target="y", reference_models=K, cache=cache)
    # one set of K fits for every release mode; an entry per mode that reads other signals
    # from them (file, rounded:2, top:1, labels; scores reads the file's)
    assert reference_fits() - fits == K and not first.membership.from_cache
    assert len(_entries(cache)) == 4
    fits = reference_fits()
    second = audit(model, train, holdout, target="y", reference_models=K, cache=cache)
    assert reference_fits() - fits == 0 and second.membership.from_cache
    fresh = audit(model, train, holdout, target="y", reference_models=K, cache=False)
    assert not fresh.membership.from_cache
    assert second.render("json") == first.render("json") == fresh.render("json")
    assert "from_cache" not in json.dumps(second.membership.to_dict())


def test_the_default_directory_comes_from_the_environment(data, monkeypatch, tmp_path):
    train, holdout = data
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "env"))
    assert default_directory() == tmp_path / "env"
    _mi(_lr(train), train, holdout)  # cache=None: the default directory
    assert len(_entries(tmp_path / "env")) == 1
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_directory() == tmp_path / "xdg" / "modelprivacy" / "reference-models"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_directory() == tmp_path / "home" / ".cache/modelprivacy/reference-models"


def test_no_cache_env_turns_the_default_off_not_a_directory_given(
    data, monkeypatch, tmp_path, _reference_cache_dir
):
    train, holdout = data
    model = _lr(train)
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    _, fits = _mi(model, train, holdout)
    _, again = _mi(model, train, holdout)
    assert fits == again == K and not any(_reference_cache_dir.iterdir())
    _mi(model, train, holdout, cache=tmp_path / "given")
    assert len(_entries(tmp_path / "given")) == 1


@pytest.mark.parametrize(
    "change",
    ["hyperparameters", "X", "y", "K", "seed", "max_records", "more records"],
)
def test_anything_that_changes_misses(data, tmp_path, change):
    train, holdout = data
    model = _lr(train)
    cache = tmp_path / "cache"
    _, fits = _mi(model, train, holdout, cache=cache)
    assert fits == K
    kw: dict = {"cache": cache}
    changed_train, k = train, K
    if change == "hyperparameters":
        model = _lr(train, C=0.5)
    elif change == "X":
        changed_train = train.copy()
        changed_train.loc[3, "b"] += 1e-9
    elif change == "y":
        changed_train = train.copy()
        changed_train.loc[3, "y"] = 1 - changed_train.loc[3, "y"]
    elif change == "K":
        k = kw["reference_models"] = K + 1
    elif change == "seed":
        kw["seed"] = 1
    elif change == "max_records":  # the same pooled data and fits' halves, other records scored
        kw["max_records"] = 100
    else:
        holdout = pd.concat([holdout, _table(5, seed=1)], ignore_index=True)
    other, fits = _mi(model, changed_train, holdout, **kw)
    assert fits == k and not other.from_cache
    again, fits = _mi(model, changed_train, holdout, **kw)
    assert fits == 0 and again.from_cache
    assert again.to_dict() == other.to_dict()
    assert len(_entries(cache)) == 2


def test_the_same_pooled_records_split_otherwise_share_the_fits(data, tmp_path):
    # the reference models train on halves of members and non-members alike: moving a
    # record from the holdout to the training data changes the audit, not the fits
    train, holdout = data
    model = _lr(train)
    base, _ = _mi(model, train, holdout, cache=tmp_path)
    moved = pd.concat([train, holdout.iloc[:1]], ignore_index=True)
    other, fits = _mi(model, moved, holdout.iloc[1:].reset_index(drop=True), cache=tmp_path)
    assert fits == 0 and other.from_cache
    assert (other.n_members, other.n_nonmembers) == (base.n_members + 1, base.n_nonmembers - 1)


def test_the_key_covers_column_names_dtypes_and_the_signal(data):
    train, _ = data
    X, y = train.drop(columns="y"), train.y.to_numpy()
    model = _lr(train)
    target = Target(model)
    store = ReferenceCache(Path("unused"))
    membership = balanced_membership(len(y), K, np.random.default_rng(0))
    base = store.key(target, X, y, membership)
    assert base is not None and len(base) == 64
    assert store.key(Target(model), X.copy(), y.copy(), membership.copy()) == base
    renamed = X.rename(columns={"b": "b2"})
    retyped = X.astype({"c": "float64"})
    others = [
        store.key(target, renamed, y, membership),
        store.key(target, retyped, y, membership),
        store.key(target, X, y, ~membership),
        store.key(target, X, y, membership, np.arange(10)),
        store.key(Target(model, output="label"), X, y, membership),
        store.key(Target(model, leaf_counts=True), X, y, membership),
        # what a served release mode returns: rounded scores and top classes differ from scores
        store.key(Target(model, release="rounded:2"), X, y, membership),
        store.key(Target(model, release="rounded:1"), X, y, membership),
        store.key(Target(model, release="top:1"), X, y, membership),
    ]
    assert base not in others and len(set(others)) == len(others)
    # the full output is the file's: the same fits
    assert store.key(Target(model, release="scores"), X, y, membership) == base


def test_a_user_fit_fn_is_not_cached(data, tmp_path, caplog):
    train, holdout = data
    model = _lr(train)

    def fit_fn(X, y):
        return _lr(pd.concat([X, pd.Series(y, name="y", index=X.index)], axis=1))

    with caplog.at_level("DEBUG", logger="modelprivacy.attacks.cache"):
        _, fits = _mi(model, train, holdout, fit_fn=fit_fn, cache=tmp_path / "c")
        _, again = _mi(model, train, holdout, fit_fn=fit_fn, cache=tmp_path / "c")
    assert fits == again == K
    assert not _entries(tmp_path / "c")
    assert "fit_fn" in caplog.text


def test_a_generator_seed_is_cached_by_the_split_it_makes(data, tmp_path):
    train, _ = data
    X, y = train.drop(columns="y"), train.y.to_numpy()
    target = Target(_lr(train))
    store = ReferenceCache(tmp_path)
    kw = {"k": K, "cache": store}
    first = fit_reference_models(target, X, y, random_state=np.random.default_rng(7), **kw)
    fits = reference_fits()
    second = fit_reference_models(target, X, y, random_state=np.random.default_rng(7), **kw)
    assert reference_fits() == fits and second.cached and not first.cached
    np.testing.assert_array_equal(second.membership, first.membership)
    np.testing.assert_array_equal(second.signals, first.signals)
    assert second.refit_notes == first.refit_notes and second.signal == first.signal == "logit"
    other = fit_reference_models(target, X, y, random_state=np.random.default_rng(8), **kw)
    assert not other.cached and store.hits == 1 and store.stores == 2


def test_the_file_holds_scores_never_training_rows(data, tmp_path):
    train, holdout = data
    _mi(_lr(train), train, holdout, cache=tmp_path)
    (entry,) = _entries(tmp_path)
    raw = entry.read_bytes()
    planted = pd.concat([train, holdout]).planted.to_numpy()
    assert planted.tobytes() not in raw
    assert not any(value.tobytes() in raw for value in planted)
    with np.load(entry, allow_pickle=False) as npz:
        assert sorted(npz.files) == ["membership", "meta", "signals"]
        assert npz["membership"].dtype == bool and npz["signals"].dtype == np.float64
        assert npz["membership"].shape == npz["signals"].shape == (K, len(planted))
        meta = json.loads(str(npz["meta"][()]))
    assert set(meta) == {"format", "key", "refit_notes", "signal", "placement"}


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _bad_json(path: Path) -> None:
    with np.load(path) as npz:
        arrays = {name: npz[name] for name in ("membership", "signals")}
    np.savez(path, meta=np.asarray("{not json"), **arrays)


def _wrong_shape(path: Path) -> None:
    with np.load(path) as npz:
        membership, meta = npz["membership"], npz["meta"]
    np.savez(path, membership=membership, signals=np.zeros((K, 3)), meta=meta)


@pytest.mark.parametrize("damage", [_truncate, _bad_json, _wrong_shape])
def test_a_corrupt_entry_is_ignored_and_rebuilt(data, tmp_path, damage):
    train, holdout = data
    model = _lr(train)
    first, _ = _mi(model, train, holdout, cache=tmp_path)
    (entry,) = _entries(tmp_path)
    damage(entry)
    again, fits = _mi(model, train, holdout, cache=tmp_path)
    assert fits == K and not again.from_cache
    assert again.to_dict() == first.to_dict()
    third, fits = _mi(model, train, holdout, cache=tmp_path)  # rebuilt: a hit again
    assert fits == 0 and third.from_cache and _entries(tmp_path) == [entry]


def _signals(k: int, n: int, value: float) -> ReferenceSignals:
    membership = balanced_membership(n, k, np.random.default_rng(0))
    return ReferenceSignals(membership, np.full((k, n), value), ("a note",), "logit")


def test_writes_are_atomic(tmp_path):
    store = ReferenceCache(tmp_path / "c")
    key = "0" * 64
    assert store.store(key, _signals(K, 2000, 0.0)) == store.path(key)
    seen: list[float] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        reader = ReferenceCache(tmp_path / "c")
        try:
            while not done.is_set():
                hit = reader.load(key)
                assert hit is not None, "a reader saw no entry, or a partial one"
                assert hit.signals.shape == (K, 2000) and len(set(hit.signals.ravel())) == 1
                seen.append(float(hit.signals[0, 0]))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        for i in range(1, 40):
            store.store(key, _signals(K, 2000, float(i)))
    finally:
        done.set()
        thread.join()
    assert not errors and seen
    assert store.load(key).signals[0, 0] == 39.0
    assert [p.name for p in (tmp_path / "c").iterdir()] == [f"{key}.npz"]  # no temp files
    # a write that fails half-way leaves the old entry and no temp file
    bad = ReferenceSignals(np.zeros((K, 3), bool), np.array([["x"] * 3] * K), (), None)
    with pytest.raises(ValueError):
        store.store(key, bad)
    assert [p.name for p in (tmp_path / "c").iterdir()] == [f"{key}.npz"]
    assert store.load(key).signals[0, 0] == 39.0


def test_reference_cache_blocks_nest(tmp_path):
    with reference_cache(tmp_path / "outer") as outer:
        with reference_cache() as inner:
            assert inner is outer
        with reference_cache(False) as off:
            assert off is None
    with pytest.raises(TypeError, match="'cache' parameter"), reference_cache(3):
        pass


# -- the command line ---------------------------------------------------------


@pytest.fixture
def files(data, tmp_path):
    train, holdout = data
    train.to_csv(tmp_path / "train.csv", index=False)
    holdout.to_csv(tmp_path / "holdout.csv", index=False)
    return tmp_path


def _args(files: Path, model: str, *extra: str) -> list[str]:
    return [
        str(files / model),
        "--train",
        str(files / "train.csv"),
        "--holdout",
        str(files / "holdout.csv"),
        "--target",
        "y",
        "--reference-models",
        str(K),
        *extra,
    ]


def _run(argv: list[str], capsys) -> tuple[int, str, str, int]:
    fits = reference_fits()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err, reference_fits() - fits


def test_cli_attack_membership_after_audit_reads_the_cache(data, files, capsys):
    train, _ = data
    joblib.dump(_lr(train), files / "model.joblib")
    cache = files / "cache"
    *_, err, fits = _run(["audit", *_args(files, "model.joblib", "--cache", str(cache))], capsys)
    assert fits == K and "read from the cache" not in err
    *_, err, fits = _run(
        ["attack", "membership", *_args(files, "model.joblib", "--cache", str(cache))], capsys
    )
    assert fits == 0
    assert f"modelprivacy: note: reference models: read from the cache {cache}" in err
    code, out, err, fits = _run(
        ["audit", *_args(files, "model.joblib", "--cache", str(cache), "--format", "json")], capsys
    )
    assert fits == 0 and "read from the cache" in err
    fresh_code, fresh, err, fits = _run(
        ["audit", *_args(files, "model.joblib", "--no-cache", "--format", "json")], capsys
    )
    assert fits == K and "read from the cache" not in err and fresh_code == code
    assert json.loads(out) == json.loads(fresh)


def test_cli_no_cache_writes_nothing(data, files, capsys, _reference_cache_dir):
    train, _ = data
    joblib.dump(_lr(train), files / "model.joblib")
    for command in (["audit"], ["attack", "membership"]):
        _run([*command, *_args(files, "model.joblib", "--no-cache")], capsys)
    assert not any(_reference_cache_dir.iterdir())
    _run(["audit", *_args(files, "model.joblib", "--release", "file")], capsys)  # the default
    assert len(_entries(_reference_cache_dir)) == 1  # directory: the environment's
    with pytest.raises(SystemExit):
        main(["audit", *_args(files, "model.joblib", "--no-cache", "--cache", "x")])
    assert "not allowed with" in capsys.readouterr().err


def _hgb(train: pd.DataFrame) -> object:
    model = HistGradientBoostingClassifier(max_iter=15, min_samples_leaf=1, random_state=0)
    return model.fit(train.drop(columns="y"), train.y)


@pytest.mark.parametrize(
    ("make", "hit"),
    [(_lr, True), (_hgb, False)],
    ids=["same hyperparameters", "min_samples_leaf raised"],
)
def test_cli_sanitize_reaudit_reuses_the_fits_unless_the_hyperparameters_change(
    data, files, capsys, make, hit
):
    train, _ = data
    joblib.dump(make(train), files / "model.joblib")
    cache = files / "cache"
    argv = ["sanitize", *_args(files, "model.joblib", "--cache", str(cache))]
    _, _, err, fits = _run([*argv, "--output", str(files / "safer.joblib")], capsys)
    assert (files / "safer.joblib").exists(), err
    if hit:  # the scaler's extremes are clipped: the reference models are the same fits
        assert fits == K and "read from the cache" in err
        assert len(_entries(cache)) == 1
    else:  # min_samples_leaf=1 -> a larger minimum: other reference models
        assert fits == 2 * K and "read from the cache" not in err
        assert len(_entries(cache)) == 2


def test_cli_refuses_a_cache_that_is_a_file(data, files, capsys):
    train, _ = data
    joblib.dump(_lr(train), files / "model.joblib")
    (files / "afile").write_text("x")
    code, _, err, fits = _run(
        ["audit", *_args(files, "model.joblib", "--cache", str(files / "afile"))], capsys
    )
    assert code == 2 and fits == 0
    assert "is a file: name a directory for the reference-model cache" in err


def test_an_entry_with_another_membership_matrix_is_ignored(tmp_path):
    store = ReferenceCache(tmp_path)
    key = "1" * 64
    entry = _signals(K, 50, 0.5)
    store.store(key, entry)
    assert store.load(key, entry.membership) is not None
    assert store.load(key, ~entry.membership) is None
    assert store.load("2" * 64) is None and store.hits == 1


_STRINGS = ["ab", None, "c", "d", np.nan, "ab", "é", "x"] * 5  # strings and missing values


@pytest.mark.parametrize(
    ("values", "dtype"),
    [
        (_STRINGS, object),
        (_STRINGS, "str"),
        ([None] * 40, object),  # no value at all
        ([None] * 40, "str"),
        (["a", 1, "b", 2.5] * 10, object),  # not all strings: fed whole, as before
    ],
)
def test_a_text_column_fed_in_blocks_keys_as_fed_whole(values, dtype):
    import hashlib

    from modelprivacy.attacks.cache import _feed_array, _feed_objects

    col = pd.Series(values, dtype=dtype)
    whole, blocks = hashlib.sha256(), hashlib.sha256()
    _feed_array(whole, col.to_numpy())
    _feed_objects(blocks, col, block=7)  # 6 blocks, the last one short
    assert blocks.hexdigest() == whole.hexdigest()
    other = hashlib.sha256()
    _feed_objects(other, pd.Series(["zz", *values[1:]], dtype=dtype), block=7)
    assert other.hexdigest() != whole.hexdigest()
