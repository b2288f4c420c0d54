"""The README's set-up says what a fresh Linux machine needs, and CI installs exactly that."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_installs_the_qt_libraries_the_readme_lists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"sudo apt-get install ([^\n`]+)", readme)
    assert listed is not None
    wanted = set(listed.group(1).split())
    assert {"libxcb-cursor0", "libegl1", "libfontconfig1"} <= wanted
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    packages = re.search(r"packages=\((.*?)\n\)", ci, re.DOTALL)
    assert packages is not None
    installed = {
        word for line in packages.group(1).splitlines() for word in line.split("#")[0].split()
    }
    assert wanted <= installed, wanted - installed
