"""Qingkuan's version: written once, in pyproject.toml.

A source checkout reads it from there; the packaged app carries the same file at the same
place relative to this module (deploy/build.py bundles it), so there is one number.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


@cache
def version() -> str:
    """The program's version, e.g. ``"0.2.0"``; ``"unknown"`` if pyproject.toml is gone."""
    try:
        with PYPROJECT.open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"
