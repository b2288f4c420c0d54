"""Refresh the Qt Linguist catalogue: `uv run python -m gui.translations`.

Runs pyside6-lupdate over gui/ (keeping existing translations, dropping vanished
ones), then pyside6-lrelease to compile the committed .qm. Translate new strings in
Qt Linguist (`uv run pyside6-linguist gui/translations/qingkuan_zh_CN.ts`) or by
editing the .ts, then run this again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
GUI = HERE.parent
TS = HERE / "qingkuan_zh_CN.ts"
QM = HERE / "qingkuan_zh_CN.qm"


def sources() -> list[str]:
    return sorted(str(p) for p in GUI.rglob("*.py") if "translations" not in p.parts)


def lupdate(ts: Path = TS) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(tool), *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), str(ts), "-qm", str(qm)], check=True, capture_output=True)


if __name__ == "__main__":
    lupdate()
    lrelease()
    print(f"updated {TS.name} and {QM.name}")
