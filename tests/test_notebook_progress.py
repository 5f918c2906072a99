"""Progress in a notebook: one display updated in place, nothing on stderr.

A notebook written with nbformat runs in a real IPython kernel (nbclient) on
this interpreter, through a kernel spec made for the test in ``tmp_path``; the
test reads the outputs the cells left. The cells pass no progress callback: the
display is what `audit` and `membership_inference` show by default in a kernel.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from modelprivacy import progress

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

SETUP = """
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

import modelprivacy
import modelprivacy.progress

rng = np.random.default_rng(0)
frame = pd.DataFrame(rng.normal(size=(200, 3)), columns=["a", "b", "c"])
frame["s"] = rng.integers(0, 2, 200)
frame["y"] = (frame["a"] + frame["s"] > 0).astype(int)
train, holdout = frame.iloc[:100], frame.iloc[100:]
columns = ["a", "b", "c", "s"]
model = RandomForestClassifier(n_estimators=5, random_state=0).fit(train[columns], train["y"])
"""

AUDIT = """
result = modelprivacy.audit(
    model, train, holdout, target="y", sensitive=["s"], reference_models=4
)
"""

MEMBERSHIP = """
membership = modelprivacy.membership_inference(
    model, train[columns], holdout[columns], y_train=train["y"], y_holdout=holdout["y"],
    reference_models=3,
)
"""

CHECK = """
print(result.verdict.overall)
print(type(membership).__name__)
"""


def _kernel(tmp_path: Path) -> tuple[object, str]:
    """A kernel manager for a kernel spec that runs this interpreter."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    name = "modelprivacy-test"
    spec = tmp_path / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "modelprivacy test",
                "language": "python",
            }
        )
    )
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
    return KernelManager(kernel_name=name, kernel_spec_manager=specs), name


def _html(output: dict) -> str:
    return str(output.get("data", {}).get("text/html", ""))


def test_audit_in_a_notebook_shows_one_display_and_no_stderr(tmp_path, monkeypatch):
    # the suite turns progress off (conftest.py); the kernel inherits this environment
    monkeypatch.delenv(progress.PROGRESS_ENV, raising=False)
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(textwrap.dedent(code).strip())
        for code in (SETUP, AUDIT, MEMBERSHIP, CHECK)
    ]
    km, name = _kernel(tmp_path)
    client = nbclient.NotebookClient(
        nb, km=km, kernel_name=name, timeout=600, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    setup, audit, membership, check = (cell.outputs for cell in nb.cells)
    for outputs in (setup, audit, membership, check):
        assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"], outputs
        assert not [o for o in outputs if o.output_type == "error"], outputs
    # the audit: one display, drawn at the first step and updated in place to the last
    assert [o.output_type for o in audit] == ["display_data"]
    view = _html(audit[0])
    assert 'class="modelprivacy-progress"' in view and "<progress " in view
    for step in ("reference models", "attribute inference", "inspection"):
        assert f'<td style="text-align:left;padding-right:1em">{step}</td>' in view, view
    assert '<td style="text-align:right">4/4</td>' in view
    text = audit[0].data["text/plain"].splitlines()
    assert text[0].startswith("modelprivacy: ")
    # every step shown ended (the forest stores no rows: that lookup ends short of its total)
    assert [re.sub(r" in \d+\.\d s$", "", line) for line in text[1:]] == [
        "  reference models 4/4 done",
        "  stored rows lookup 0/1 ended",
        "  attribute inference 1/1 done",
        "  release rounded:2 1/1 done",
        "  release top:1 1/1 done",
        "  release labels 1/1 done",
        "  inspection 1/1 done",
    ]
    # membership inference's (done, total) callback: one row, the three reference models
    assert [o.output_type for o in membership] == ["display_data"]
    shown = membership[0].data["text/plain"].splitlines()
    assert shown[0].startswith("modelprivacy: finished in ")
    assert shown[1].startswith("  reference models 3/3 done in ")
    printed = "".join(o.text for o in check if o.output_type == "stream")
    assert printed.splitlines()[1] == "MembershipResult"


def test_outside_a_kernel_nothing_is_imported_or_shown():
    code = (
        "import sys, modelprivacy.progress as p\n"
        "assert p.notebook_progress() is None and p.notebook_progress_bar() is None\n"
        "print('IPython' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != progress.PROGRESS_ENV}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
