"""The command line on ledgers that are not ordinary (issue 7.6): an empty file is not
a ledger unless a new one is asked for; a read-only ledger can be checked, printed
and exported, but not written."""

from __future__ import annotations

import encodings.mac_roman
import encodings.utf_16_be
import os
import stat
from pathlib import Path

import pytest

import main
import models.exchange.importing.run
import reports.documents.cli
import reports.spreadsheets.aging_sheet
from models.ledger import customers, posting
from models.storage import db
from models.vocabulary.customer_records import CustomerDraft
from tests.cli.test_main import D2, TODAY, run
from tests.models.storage.test_ledger_file import _as_ordinary_user, public_dir

__all__ = ["public_dir"]  # the fixture, used by name


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["export", "aging", "--out", "aging.csv"],
        ["print", "statement", "C1", "--out", "s.pdf"],
    ],
    ids=lambda c: c[0],
)
def test_empty_file_is_refused_by_commands_that_read(tmp_path: Path, command: list[str]) -> None:
    empty = tmp_path / "empty.qkledger"
    empty.touch()
    result = run(tmp_path, "--db", str(empty), *command)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"‘{empty}’ is empty: it is not a Qingkuan ledger. Open your ledger file, or start "
        "a new ledger."
    )
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("empty")) == [
        "empty.qkledger"
    ]


def test_empty_file_becomes_a_ledger_by_demo(tmp_path: Path) -> None:
    empty = tmp_path / "touched.qkledger"
    empty.touch()
    result = run(tmp_path, "--db", str(empty), "demo", "--customers", "3", "--days", "10")
    assert result.returncode == 0, result.stderr
    assert run(tmp_path, "--db", str(empty), "check").returncode == 0


# Imported now: as `nobody` the interpreter's own folder may be out of reach, and a codec
# that fails to load then (pypdf asks for mac_roman) stays "unknown" for the whole run.
PRELOADED = (
    encodings.mac_roman, encodings.utf_16_be, models.exchange.importing.run, reports.documents.cli,
    reports.spreadsheets.aging_sheet,
)  # fmt: skip


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """main.py in this process, as a user who may not write the ledger."""
    with _as_ordinary_user():
        code = main.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_read_only_ledger_is_checked_printed_and_exported_not_written(
    public_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QK_LANG", "en")
    path = public_dir / "archive.qkledger"
    db.open_ledger(path)
    cid = customers.add_customer(CustomerDraft(code="C1", name="东城王记")).id
    posting.post_delivery(cid, TODAY, 100_00, doc_no="D1")
    db.close_ledger()
    out = public_dir / "out"
    out.mkdir()
    out.chmod(0o777)
    path.chmod(0o444)
    public_dir.chmod(0o555)
    before = path.read_bytes()

    assert _main(capsys, "--db", str(path), "check")[:2] == (0, f"No problems found in {path}.\n")
    code, said, err = _main(capsys, "--db", str(path), "export", "aging", "--out", f"{out}/a.csv")
    assert code == 0, err
    code, said, err = _main(
        capsys, "--db", str(path), "print", "statement", "C1", "--out", f"{out}/s.pdf"
    )
    assert code == 0, err
    assert stat.S_IMODE((out / "s.pdf").stat().st_mode) == 0o644 & ~_umask()
    code, said, err = _main(capsys, "--db", str(path), "import", "entries", str(_entries(out)))
    assert code == 1
    assert "is open read-only: nothing can be posted or changed" in err
    assert path.read_bytes() == before


def _entries(folder: Path) -> Path:
    path = folder / "entries.csv"
    path.write_text(
        f"customer_code,date,kind,amount,doc_no,method\nC1,{D2},payment,10,,cash\n",
        encoding="utf-8",
    )
    path.chmod(0o644)
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
