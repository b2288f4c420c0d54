"""What a command says: its exit statuses, a line on stdout, one line on stderr (never
a password a driver's message may quote)."""

from __future__ import annotations

import sys

from models.storage.targets import scrub

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


def say(text: str) -> None:
    print(scrub(text), flush=True)


def complain(text: str) -> None:
    """One line on stderr (newlines inside a message would break that promise), with
    any password a driver's message may quote taken out."""
    print(" ".join(scrub(text).split("\n")), file=sys.stderr, flush=True)
