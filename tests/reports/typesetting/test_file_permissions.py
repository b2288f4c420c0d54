"""Files Qingkuan writes get the permissions the user's umask gives, like any saved
file: 0644 under the usual umask 022, not the 0600 of a temporary file (issue 7.6)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.exchange.demo import make_demo
from models.ledger.people import list_routes
from reports.documents import cli
from reports.documents.batch import StatementJob, render_batch
from reports.documents.samples import sample_customer, sample_statement
from reports.spreadsheets.aging_sheet import export_aging
from tests.reports.documents.test_cli import _with_open_promise


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_the_umask_permissions(
    sqlite_ledger: str, tmp_path: Path, umask: int, mode: int
) -> None:
    make_demo(customers=6, days=40, seed=3)
    customer = _with_open_promise()
    out = tmp_path / "out"
    out.mkdir()
    old = os.umask(umask)
    try:
        files = [
            cli.print_statement(customer.code, out=out / "statement.pdf"),
            cli.print_iou(customer.code, out=out / "iou.pdf"),
            cli.print_route(list_routes()[0].name, out=out / "route.pdf"),
            export_aging(out / "aging.csv")[0],
            export_aging(out / "aging.xlsx")[0],
            *render_batch(
                [StatementJob(sample_statement(3, customer=sample_customer(i))) for i in (1, 2)],
                out / "folder",
                one_file=False,
            ).files,
        ]
    finally:
        os.umask(old)
    modes = {f.name: oct(stat.S_IMODE(f.stat().st_mode)) for f in files}
    assert modes == {f.name: oct(mode) for f in files}
    assert len(modes) == 7
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["statement.pdf", "iou.pdf", "route.pdf", "aging.csv", "aging.xlsx", "folder"]
    )  # no temporary files left
