"""Batch rendering: one PDF or one file each, progress, cancel, nothing half-done."""

from __future__ import annotations

import pytest

from reports.documents.batch import IouJob, RouteJob, StatementJob, render_batch, safe_file_name
from reports.documents.samples import (
    COMPANY,
    sample_customer,
    sample_note,
    sample_promise,
    sample_route_sheet,
    sample_statement,
)
from reports.typesetting.output import NothingToPrint
from tests.reports.helpers import page_texts


def _jobs(n: int) -> list:
    return [StatementJob(sample_statement(8, customer=sample_customer(i))) for i in range(1, n + 1)]


def test_one_pdf_with_progress(cjk_fonts, tmp_path):
    customer = sample_customer()
    jobs = [
        *_jobs(3),
        IouJob(sample_note(sample_promise(1, customer)), customer, COMPANY),
        lambda: RouteJob(sample_route_sheet(4), COMPANY),  # lazy: built when its turn comes
    ]
    seen = []
    result = render_batch(
        jobs,
        tmp_path / "all.pdf",
        fonts=cjk_fonts,
        progress=lambda done, total, title: seen.append((done, total)),
    )
    assert seen == [(i, 5) for i in range(1, 6)]
    assert result.files == [tmp_path / "all.pdf"] and not result.cancelled
    pages = page_texts(tmp_path / "all.pdf")
    assert result.pages == len(pages) and result.documents == 5
    # Each statement numbers its own pages.
    assert sum("第1页/共1页" in "".join(p.split()) for p in pages) >= 3


def test_one_file_each_with_safe_unique_names(cjk_fonts, tmp_path):
    jobs = _jobs(2) + _jobs(1)  # C0001 twice
    result = render_batch(jobs, tmp_path / "packet", one_file=False, fonts=cjk_fonts)
    names = sorted(p.name for p in result.files)
    assert names == [
        "statement-C0001-2026-12-13-2.pdf",
        "statement-C0001-2026-12-13.pdf",
        "statement-C0002-2026-12-13.pdf",
    ]
    assert all(p.stat().st_size > 1000 for p in result.files)
    assert sorted(p.name for p in (tmp_path / "packet").iterdir()) == names


def test_cancel_in_one_pdf_mode_writes_nothing(cjk_fonts, tmp_path):
    done = []
    result = render_batch(
        _jobs(5),
        tmp_path / "all.pdf",
        fonts=cjk_fonts,
        progress=lambda d, t, s: done.append(d),
        cancel=lambda: len(done) >= 2,
    )
    assert result.cancelled and result.files == []
    assert list(tmp_path.iterdir()) == []


def test_cancel_in_files_mode_keeps_finished_files(cjk_fonts, tmp_path):
    done = []
    result = render_batch(
        _jobs(5),
        tmp_path,
        one_file=False,
        fonts=cjk_fonts,
        progress=lambda d, t, s: done.append(d),
        cancel=lambda: len(done) >= 2,
    )
    assert result.cancelled and len(result.files) == 2
    assert sorted(tmp_path.iterdir()) == sorted(result.files)  # no temporary files left


def test_error_in_a_job_leaves_no_file(cjk_fonts, tmp_path):
    def broken():
        raise RuntimeError("ledger went away")

    with pytest.raises(RuntimeError):
        render_batch([*_jobs(2), broken], tmp_path / "all.pdf", fonts=cjk_fonts)
    assert list(tmp_path.iterdir()) == []


def test_empty_batch_is_nothing_to_print(tmp_path):
    with pytest.raises(NothingToPrint):
        render_batch([], tmp_path / "x.pdf")


def test_safe_file_name():
    assert safe_file_name('route-城东/线:1*"?') == "route-城东_线_1_"
    assert safe_file_name("...") == "document"
