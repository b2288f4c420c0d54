"""The arguments of ``audit``: which audited changes to write, and where."""

from __future__ import annotations

import argparse

from cli.arg_types import date_arg
from cli.parser_base import command
from models.vocabulary.i18n import _


def add_audit(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``audit``: the audit trail, filtered, to a CSV or XLSX file."""
    audit = command(
        commands, "audit", _("export the audit trail: who changed what, when"),
        _(
            "Writes every audited change (customers, settings, promises, voids, cheque "
            "status, reps and routes, import layouts, restores, people and roles) with who "
            "made it, when, and each changed field before and after, newest first. The "
            "database itself records them, whoever changed what and however."
        ),
        ("main.py audit --out audit.xlsx",
         "main.py audit --from 2026-11-01 --to 2026-11-30 --user clerk2 --out audit.csv",
         "main.py audit --customer C0001 --out c0001-audit.xlsx"),
        [db_too],
    )  # fmt: skip
    audit.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx",
                       help=_("the file to write (.csv or .xlsx)"))  # fmt: skip
    audit.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD",
                       help=_("the first day of changes to include"))  # fmt: skip
    audit.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD",
                       help=_("the last day of changes to include"))  # fmt: skip
    audit.add_argument("--user", metavar="NAME",
                       help=_("only the changes this person made (their sign-in name)"))  # fmt: skip
    audit.add_argument("--customer", metavar="CODE",
                       help=_("only the changes about this customer"))  # fmt: skip
    audit.add_argument(
        "--bom", action="store_true", help=_("start a CSV with a UTF-8 BOM (for Excel)")
    )


def cmd_audit(args: argparse.Namespace) -> int:
    from cli.ledger_target import open_target
    from cli.output import EXIT_OK, say
    from models.ledger.audit import check_filter
    from models.storage.output_paths import OutputKind, check_output
    from models.vocabulary.audit_records import AuditFilter
    from reports.spreadsheets.audit_export import export_audit

    check_output(args.out, OutputKind.SPREADSHEET)  # before the ledger is even opened
    chosen = AuditFilter(args.date_from, args.date_to, args.user or "", args.customer or "")
    if chosen.date_from and chosen.date_to:
        check_filter(AuditFilter(chosen.date_from, chosen.date_to))  # before opening, too
    open_target(args, create=False)
    path, rows = export_audit(args.out, chosen, bom=args.bom)
    if rows == 1:
        text = _("1 audited change written to {path}.")
    else:
        text = _("{n} audited changes written to {path}.")
    say(text.format(n=rows, path=path))
    return EXIT_OK
