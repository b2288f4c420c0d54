"""Fault bench: the kill -9 tests at full strength (200 kills of a posting loop, and
the fault storm with 200 kills on each backend).

``uv run python bench/bench_faults.py`` runs tests/faults with QK_FAULT_KILLS=200 and
QK_STORM_KILLS=200 and prints how long each took, with the storm's counts. CI runs the
posting-loop tests with 50 kills and the storm with 200.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    env = {
        **os.environ,
        "QK_FAULT_KILLS": os.environ.get("QK_FAULT_KILLS", "200"),
        "QK_STORM_KILLS": os.environ.get("QK_STORM_KILLS", "200"),
    }
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--durations=0", "tests/faults"],
        cwd=ROOT,
        env=env,
        check=False,
    )
    print(
        f"kills per test: {env['QK_FAULT_KILLS']}, per storm: {env['QK_STORM_KILLS']}; "
        f"total {time.perf_counter() - started:.0f} s"
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
