"""The command line (``uv run main.py …``): argument parsing and the subcommands.

`parser` builds the arguments (``build_parser``) and `commands` runs them (``run``);
``main.py`` wires the two. Each family of subcommands has its arguments in one module
and its work in another, so ``--help`` loads no database or document library:
`ledger_args`/`ledger_commands` (demo, check), `exchange_args`/`exchange_commands`
(import, export), `backup_args`/`backup_commands` (backup, restore) and
`print_args`/`print_commands` (print, today). Shared by them: `parser_base` and
`arg_types` (the parser's parts, the values accepted), `output` (exit statuses, what a
command says) and `ledger_target` (the ledger a command works on).

It sits beside `gui/` on top of `reports/` and `models/`, and imports no Qt unless the
window is asked for.
"""
