"""Start-up time of the command line and the package, against importing numpy.

Runs, each in a fresh interpreter, ``--repeat`` times and keeps the best (the
page cache warm, the machine's noise removed):

- ``python -c "import numpy"``: the baseline, the least any numpy tool pays;
- ``python -c "import modelprivacy"``: the package, whose names load lazily;
- ``modelprivacy --help`` (as ``python -m modelprivacy --help``);
- ``python -c "import modelprivacy; modelprivacy.audit"``: the first use of the
  API's name, which imports the audit's modules (scikit-learn, pandas and scipy
  load when it is called).

Targets of issue 12: ``--help`` at most 2x the numpy import, ``import
modelprivacy`` at most 1.5x. Writes benchmarks/results/startup.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

# Benchmarks time the fits: the reference-model cache (on by default) is off here.
os.environ.setdefault("MODELPRIVACY_NO_CACHE", "1")

RESULTS = Path(__file__).resolve().parent / "results"

COMMANDS = {
    "import numpy": [sys.executable, "-c", "import numpy"],
    "import modelprivacy": [sys.executable, "-c", "import modelprivacy"],
    "modelprivacy --help": [sys.executable, "-m", "modelprivacy", "--help"],
    "first use of modelprivacy.audit": [
        sys.executable,
        "-c",
        "import modelprivacy; modelprivacy.audit",
    ],
}


def best_of(command: list[str], repeat: int) -> float:
    """The shortest wall time of ``repeat`` runs of a command."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    for command in COMMANDS.values():  # warm the page cache
        subprocess.run(command, check=True, capture_output=True)
    seconds = {name: best_of(command, args.repeat) for name, command in COMMANDS.items()}
    base = seconds["import numpy"]
    ratios = {name: s / base for name, s in seconds.items()}
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f} at the end"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "startup.json").write_text(
        json.dumps(
            {"machine": machine, "repeat": args.repeat, "seconds": seconds, "ratios": ratios},
            indent=2,
        )
        + "\n"
    )
    md = [
        "# Start-up time",
        "",
        f"`python benchmarks/startup.py`; best of {args.repeat} runs each, in fresh "
        f"interpreters. Machine: {machine}.",
        "",
        "| command | seconds | ratio to `import numpy` | target |",
        "|---|---:|---:|---|",
    ]
    targets = {"import modelprivacy": "at most 1.5", "modelprivacy --help": "at most 2"}
    for name, s in seconds.items():
        md.append(f"| `{name}` | {s:.3f} | {ratios[name]:.2f} | {targets.get(name, '')} |")
    md.append("")
    (RESULTS / "startup.md").write_text("\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
