"""Qingkuan (清款): ``uv run main.py`` opens the window, ``uv run main.py --help`` lists the
commands (demo, import, export, check, print)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the command, return the exit status."""
    from cli.language import message_language
    from cli.packaged import glibc_problem, program_name
    from cli.parser import build_parser, ledger_shorthand
    from models.vocabulary.i18n import set_language

    set_language(message_language())
    problem = glibc_problem()
    if problem:  # before any bundled library (Qt, reportlab's C code) is loaded
        print(f"{program_name()}: {problem}", file=sys.stderr)
        return 1
    for stream in (sys.stdout, sys.stderr):
        # A console in a legacy code page must not turn a Chinese name into a traceback.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(ledger_shorthand(sys.argv[1:] if argv is None else argv, parser))
    # Only now the commands (peewee, psycopg2 …): --help and argument errors stay quick.
    from cli.commands import run

    return run(args, sys.argv[0] if sys.argv else program_name())


if __name__ == "__main__":
    sys.exit(main())
