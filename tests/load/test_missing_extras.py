"""A model of a library that is not installed: one line that names the package extra.

Each test runs a fresh interpreter in which the library cannot be imported (a
meta path finder refuses it), on a real pickle of that library's model, through
``load_model`` and the command line.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

_BLOCK = """
import sys

BLOCKED = sys.argv[2]
TRUST = sys.argv[3] == "trust"

class _Blocked:
    def find_spec(self, name, path=None, target=None):
        if name == BLOCKED or name.startswith(BLOCKED + "."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, _Blocked())
from modelprivacy.cli import main
from modelprivacy.errors import ModelLoadError
from modelprivacy.load import load_model

try:
    load_model(sys.argv[1], trust=TRUST)
except ModelLoadError as exc:
    print("load_model:", exc)
sys.exit(main(["inspect", sys.argv[1], *(["--trust"] if TRUST else [])]))
"""


def _model(library: str):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    y = (X[:, 0] > 0).astype(int)
    if library == "lightgbm":
        import lightgbm

        return lightgbm.LGBMClassifier(n_estimators=3, verbose=-1).fit(X, y)
    if library == "xgboost":
        import xgboost

        return xgboost.XGBClassifier(n_estimators=3).fit(X, y)
    if library == "catboost":
        import catboost

        return catboost.CatBoostClassifier(
            iterations=3, verbose=0, allow_writing_files=False, thread_count=1
        ).fit(X, y)
    import statsmodels.api as sm

    return sm.OLS(X[:, 0], sm.add_constant(X[:, 1:])).fit()


@pytest.mark.parametrize(
    ("library", "shown"),
    [
        ("lightgbm", "LightGBM"),
        ("xgboost", "XGBoost"),
        ("catboost", "CatBoost"),
        ("statsmodels", "statsmodels"),
    ],
)
@pytest.mark.parametrize("trust", [False, True], ids=["restricted", "trusted"])
def test_a_missing_library_names_its_extra(
    library: str, shown: str, trust: bool, tmp_path: Path
) -> None:
    path = tmp_path / f"{library}.pkl"
    path.write_bytes(pickle.dumps(_model(library)))
    script = tmp_path / "blocked.py"
    script.write_text(_BLOCK)
    done = subprocess.run(
        [sys.executable, str(script), str(path), library, "trust" if trust else "restricted"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    extra = f'pip install "modelprivacy[{library}]"'
    assert done.stdout.startswith("load_model:") and extra in done.stdout, done.stdout
    [line] = done.stderr.strip().splitlines()
    assert extra in line and "not installed" in line
    assert (f"of {library}" if trust else f"{shown} model") in line
    assert "--trust" not in line and "Traceback" not in done.stderr
