"""Install footprint and import time of each command, in a fresh virtual environment.

1. A new venv gets ``pip install <this checkout>`` with no extras (the runtime
   install a user gets from ``pip install modelprivacy``), from the same
   package index pip uses here.
2. Its size: the whole venv, and the largest installed distributions (files
   listed in each distribution's RECORD), with the empty venv (pip itself)
   measured first so that the difference is what modelprivacy brings.
3. Import time of each command, best of ``--repeat`` fresh interpreters: the
   modules a command needs before it can start work (``modelprivacy <command>
   --help`` and the import of its implementation), against ``import numpy``.
4. Which optional heavy modules load for each command (none should, except
   the ones the command uses).

Goal of issue 17: the runtime install at most 450 MB (it was 680 MB, with
pyarrow 170 MB and matplotlib with its dependencies 96 MB). Writes
benchmarks/results/footprint.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
GOAL_MB = 450.0

# what a command imports before it starts work (its implementation's entry module)
COMMANDS: dict[str, str] = {
    "import numpy (baseline)": "import numpy",
    "import modelprivacy": "import modelprivacy",
    "modelprivacy --help": "import contextlib, io\nimport modelprivacy.cli as c\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    try: c.main(['--help'])\n    except SystemExit: pass",
    "inspect": "import modelprivacy.inspection.runner, modelprivacy.load, modelprivacy.report",
    "audit": "import modelprivacy.auditing.core, modelprivacy.auditing.render",
    "attack membership": "import modelprivacy.attacks.api",
    "sanitize": "import modelprivacy.sanitizing.core",
    "HTML report": "import modelprivacy.report.html, modelprivacy.report.plots",
}
HEAVY = ("pyarrow", "matplotlib", "xgboost", "lightgbm", "catboost", "onnx", "torch", "mlflow")


def _mb(n: float) -> float:
    return round(n / 1e6, 1)


def _tree_bytes(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            p = os.path.join(dirpath, f)
            if not os.path.islink(p):
                total += os.path.getsize(p)
    return total


def _distributions(python: str) -> list[tuple[str, int]]:
    """``(name, bytes)`` of every installed distribution, from its RECORD."""
    code = (
        "import importlib.metadata as m, json, os\n"
        "out = []\n"
        "for d in m.distributions():\n"
        "    n = 0\n"
        "    for f in d.files or []:\n"
        "        p = d.locate_file(f)\n"
        "        try:\n"
        "            n += os.path.getsize(p) if not os.path.islink(p) else 0\n"
        "        except OSError:\n"
        "            pass\n"
        "    out.append((d.metadata['Name'], n))\n"
        "print(json.dumps(out))"
    )
    text = subprocess.run([python, "-c", code], check=True, capture_output=True, text=True).stdout
    merged: dict[str, int] = {}
    for name, n in json.loads(text):
        merged[name.lower()] = merged.get(name.lower(), 0) + int(n)
    return sorted(merged.items(), key=lambda kv: -kv[1])


def best_of(python: str, code: str, repeat: int) -> float:
    """The shortest wall time of ``repeat`` fresh interpreters running ``code``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([python, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def heavy_loaded(python: str, code: str) -> list[str]:
    probe = code + f"\nimport sys; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True).stdout
    return [m for m in out.strip().split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the venv here and keep it")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mp-footprint-"))
    venv = args.keep or tmp / "venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = str(venv / "bin" / "python")
        empty = _tree_bytes(venv)
        start = time.perf_counter()
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--no-cache-dir", str(ROOT)],
            check=True,
            env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        )
        install_s = time.perf_counter() - start
        total = _tree_bytes(venv)
        dists = _distributions(python)
        # a cold run first (bytecode compiled, page cache warm), then the timings
        for code in COMMANDS.values():
            subprocess.run([python, "-c", code], check=True, capture_output=True)
        times = {name: best_of(python, code, args.repeat) for name, code in COMMANDS.items()}
        loaded = {name: heavy_loaded(python, code) for name, code in COMMANDS.items()}
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)

    base = times["import numpy (baseline)"]
    result = {
        "machine": {
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "load_average": os.getloadavg(),
        },
        "install_seconds": round(install_s, 1),
        "venv_mb": _mb(total),
        "empty_venv_mb": _mb(empty),
        "modelprivacy_brings_mb": _mb(total - empty),
        "goal_mb": GOAL_MB,
        "goal_met": _mb(total) <= GOAL_MB,
        "largest": [(n, _mb(b)) for n, b in dists[:12]],
        "import_seconds": {k: round(v, 3) for k, v in times.items()},
        "import_ratio_to_numpy": {k: round(v / base, 2) for k, v in times.items()},
        "heavy_modules_loaded": loaded,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "footprint.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Install footprint and import time",
        "",
        f"`python benchmarks/footprint.py` on {result['machine']['cores']} cores, Python "
        f"{result['machine']['python']}, load average at the end "
        f"{', '.join(f'{x:.2f}' for x in result['machine']['load_average'])}.",
        "",
        f"- Runtime install (`pip install modelprivacy`, no extras): **{result['venv_mb']} MB** "
        f"for the whole venv (the empty venv with pip: {result['empty_venv_mb']} MB); "
        f"goal at most {GOAL_MB:.0f} MB: {'met' if result['goal_met'] else 'NOT met'}. "
        f"Installed in {result['install_seconds']} s.",
        "- Parquet (pyarrow) and the model libraries are extras: "
        '`pip install "modelprivacy[parquet]"`, `[xgboost]`, `[lightgbm]`, ... The HTML '
        "report draws its figures as SVG itself (no matplotlib).",
        "",
        "| largest distributions | MB |",
        "|---|---:|",
        *[f"| {n} | {mb} |" for n, mb in result["largest"]],
        "",
        f"Import time, best of {args.repeat} fresh interpreters:",
        "",
        "| command | seconds | x import numpy | optional heavy modules loaded |",
        "|---|---:|---:|---|",
        *[
            f"| {k} | {v:.3f} | {v / base:.2f} | {', '.join(loaded[k]) or 'none'} |"
            for k, v in times.items()
        ],
        "",
    ]
    (RESULTS / "footprint.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
