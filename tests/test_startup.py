"""``import modelprivacy`` and ``modelprivacy --help`` stay cheap: no scikit-learn, scipy or pandas."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("sklearn", "scipy", "pandas", "matplotlib", "skops", "joblib")

PROBE = """
import contextlib, io, json, sys
{code}
print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))
"""

HELP = """
from modelprivacy.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["--help"])
    except SystemExit:
        pass
"""


@pytest.mark.parametrize(
    "code",
    [
        "import modelprivacy",
        "import modelprivacy.load",
        HELP,
        "import modelprivacy; modelprivacy.audit",
    ],
    ids=["import", "import-load", "help", "name-audit"],
)
def test_startup_imports_nothing_heavy(code):
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = set(json.loads(proc.stdout.splitlines()[-1]))
    assert "modelprivacy" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
