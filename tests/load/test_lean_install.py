"""The lean install: Parquet needs the [parquet] extra, and the HTML report needs no matplotlib."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.tree import DecisionTreeClassifier

# a child interpreter in which pyarrow and matplotlib cannot be imported, as after a plain
# `pip install modelprivacy`: a finder that refuses them (not None in sys.modules, which other
# libraries would take for an imported module)
_WITHOUT = """
import sys
class _Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pyarrow", "matplotlib"):
            raise ImportError(f"No module named {name!r}")
        return None
sys.meta_path.insert(0, _Refuse())
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT + code], capture_output=True, text=True, timeout=120
    )


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    frame = pd.DataFrame({"a": np.arange(20.0), "y": np.arange(20) % 2})
    frame.to_parquet(tmp_path / "train.parquet")
    model = DecisionTreeClassifier(random_state=0).fit(frame[["a"]], frame["y"])
    sio.dump(model, tmp_path / "model.skops")
    proc = _run(
        "from modelprivacy.cli import main\n"
        f"sys.exit(main(['inspect', {str(tmp_path / 'model.skops')!r}, '--train', "
        f"{str(tmp_path / 'train.parquet')!r}, '--target', 'y']))"
    )
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert "pyarrow" in lines[0] and 'pip install "modelprivacy[parquet]"' in lines[0]
    assert "train.parquet" in lines[0]


def test_csv_and_the_html_report_need_neither(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"a": rng.normal(size=200), "b": rng.normal(size=200)})
    frame["y"] = (frame["a"] + rng.normal(scale=0.5, size=200) > 0).astype(int)
    frame.iloc[:120].to_csv(tmp_path / "train.csv", index=False)
    frame.iloc[120:].to_csv(tmp_path / "holdout.csv", index=False)
    model = DecisionTreeClassifier(random_state=0).fit(
        frame.iloc[:120][["a", "b"]], frame.iloc[:120]["y"]
    )
    sio.dump(model, tmp_path / "model.skops")
    out = tmp_path / "report.html"
    proc = _run(
        "from modelprivacy.cli import main\n"
        f"code = main(['audit', {str(tmp_path / 'model.skops')!r}, '--train', "
        f"{str(tmp_path / 'train.csv')!r}, '--holdout', {str(tmp_path / 'holdout.csv')!r}, "
        f"'--target', 'y', '--reference-models', '2', '--format', 'html', '--output', {str(out)!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyarrow', 'matplotlib') "
        "and sys.modules[m] is not None))\n"
        "sys.exit(code)"
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
    html = out.read_text(encoding="utf-8")
    assert (
        html.count("<svg") == 2
    )  # the ROC curves and the score histogram, drawn without matplotlib
    assert 'id="mp-roc"' in html and 'id="mp-hist"' in html
