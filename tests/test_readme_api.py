"""The README's Python code blocks, run exactly as written, on a sample of Adult.

The blocks name ``model``, ``train_df``, ``holdout_df``, ``X_train`` and
``y_train`` without defining them; this test defines them the way a reader
would (a Pipeline fitted on the training frame without its label) and runs
every ``python`` block of the README in that namespace.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sklearn.compose import make_column_transformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

import modelprivacy
from modelprivacy.datasets import ADULT_CATEGORICAL, ADULT_TARGET, load_adult

README = Path(__file__).resolve().parents[1] / "README.md"


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def namespace() -> dict[str, object]:
    adult = load_adult().sample(1200, random_state=0).reset_index(drop=True)
    train_df, holdout_df = adult.iloc[:600], adult.iloc[600:].reset_index(drop=True)
    X_train, y_train = train_df.drop(columns=ADULT_TARGET), train_df[ADULT_TARGET]
    encode = make_column_transformer(
        (
            OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
            ADULT_CATEGORICAL,
        ),
        remainder="passthrough",
    )
    model = make_pipeline(encode, RandomForestClassifier(n_estimators=10, random_state=0))
    model.fit(X_train, y_train)
    return {
        "model": model,
        "train_df": train_df,
        "holdout_df": holdout_df,
        "X_train": X_train,
        "y_train": y_train,
    }


def test_the_readme_has_python_blocks():
    blocks = _python_blocks()
    assert len(blocks) >= 2
    assert any("modelprivacy.audit(" in block for block in blocks)
    assert any("modelprivacy.sanitize(" in block for block in blocks)


@pytest.mark.parametrize("index", range(len(_python_blocks())))
def test_a_readme_python_block_runs(index, namespace, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    scope = dict(namespace)
    exec(compile(_python_blocks()[index], f"README.md python block {index + 1}", "exec"), scope)
    if "result" in scope and "modelprivacy.audit(" in _python_blocks()[index]:
        result = scope["result"]
        assert isinstance(result, modelprivacy.AuditResult)
        assert result.verdict.overall
    if "safer" in scope:
        assert isinstance(scope["safer"], modelprivacy.SanitizeResult)
        assert (tmp_path / "safer.skops").is_file()


def test_the_top_level_names_are_the_functions():
    from modelprivacy.auditing import audit
    from modelprivacy.sanitizing import sanitize

    assert modelprivacy.audit is audit
    assert modelprivacy.sanitize is sanitize
    for name in modelprivacy.__all__:
        assert getattr(modelprivacy, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = modelprivacy.nope  # type: ignore[attr-defined]
