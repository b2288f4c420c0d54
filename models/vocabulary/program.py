"""How the user starts Qingkuan, for messages that tell them a command to run: the
built app's own name (``qingkuan``, ``qingkuan-cli.exe``) or ``main.py`` from the
source tree. No Qt, no command line here: models' messages name commands too."""

from __future__ import annotations

import os
import sys


def program_name(argv0: str | None = None) -> str:
    """``qingkuan`` or ``qingkuan-cli.exe`` in the built app (as started), ``main.py``
    from the source tree."""
    if not getattr(sys, "frozen", False):
        return "main.py"
    name = os.path.basename(argv0 if argv0 is not None else (sys.argv[0] if sys.argv else ""))
    return name or "qingkuan"
