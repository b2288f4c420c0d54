"""Writing PDFs: atomic, and errors a clerk can act on."""

from __future__ import annotations

import os

import pytest

from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import using_language
from reports.documents.samples import sample_statement
from reports.documents.statement import render_statement
from reports.typesetting import files
from reports.typesetting.output import OutputError, write_atomic
from tests.ordinary_user import as_ordinary_user, folder_anyone_can_enter


def test_missing_folder(tmp_path):
    with using_language("en"), pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.pdf", b"%PDF")


def test_folder_instead_of_file(tmp_path):
    with using_language("zh"), pytest.raises(OutputError, match="是一个文件夹"):
        write_atomic(tmp_path, b"%PDF")


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_read_only_folder():
    with folder_anyone_can_enter() as parent:
        folder = parent / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        with (
            as_ordinary_user(),
            using_language("en"),
            pytest.raises(OutputError, match="permission"),
        ):
            write_atomic(folder / "x.pdf", b"%PDF")
        assert list(folder.iterdir()) == []


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "s.pdf"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")  # as Windows does for an open file

    monkeypatch.setattr(files.os, "replace", refuse)
    with using_language("en"), pytest.raises(OutputError, match="open in another program"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["s.pdf"]


def test_output_errors_are_ledger_errors(cjk_fonts, tmp_path):
    with pytest.raises(LedgerError):
        render_statement(sample_statement(3), tmp_path / "no" / "s.pdf", fonts=cjk_fonts)


def test_existing_file_is_replaced_whole(cjk_fonts, tmp_path):
    target = tmp_path / "s.pdf"
    target.write_bytes(b"old")
    render_statement(sample_statement(3), target, fonts=cjk_fonts)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["s.pdf"]
