"""One version, from pyproject.toml, shown by --version and written into every PDF."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from pypdf import PdfReader

from models.vocabulary import version as version_module
from models.vocabulary.version import version

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_one_in_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        declared = tomllib.load(fh)["project"]["version"]
    assert version() == declared
    assert version().count(".") == 2


def test_missing_pyproject_says_unknown(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(version_module, "PYPROJECT", tmp_path / "gone.toml")
    version_module.version.cache_clear()
    try:
        assert version_module.version() == "unknown"
    finally:
        version_module.version.cache_clear()


def test_command_line_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0
    assert done.stdout.strip() == f"Qingkuan {version()}"


def test_pdf_metadata_names_the_version(tmp_path: Path) -> None:
    import io

    from reports.typesetting.output import new_canvas

    buffer = io.BytesIO()
    canvas = new_canvas(buffer, title="t", author="a")
    canvas.drawString(100, 100, "x")
    canvas.save()
    buffer.seek(0)
    meta = PdfReader(buffer).metadata
    assert meta is not None
    assert meta.creator == f"Qingkuan {version()}"
