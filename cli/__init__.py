"""The command line (``uv run main.py …``): argument parsing and the subcommands.

It sits beside `gui/` on top of `reports/` and `models/`, and imports no Qt unless the
window is asked for.
"""
