"""Many documents at once: into one PDF, or one file each, with progress and cancel.

No Qt here: the GUI runs `render_batch` in a worker thread, passes a `progress`
callback that emits a signal, and a `cancel` callable (e.g. ``event.is_set``).

A job is a `StatementJob`, `IouJob` or `RouteJob`, or a zero-argument callable that
returns one; callables are called when their turn comes, so a route-day packet of 500
statements reads the ledger one statement at a time and reports progress as it goes.

Nothing half-done is left behind: in one-PDF mode the file appears only when every
document is in it (a cancel or an error writes nothing); in one-file-each mode each
file is written atomically, a cancel stops before the next document, and the files
already finished are kept and listed in the result.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from models.papers.ious import IouNote
from models.vocabulary.collecting_records import RouteSheet
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer
from models.vocabulary.i18n import _
from models.vocabulary.paper_records import Statement
from reports.documents.iou import build_iou
from reports.documents.routesheet import build_route_sheet
from reports.documents.statement import build_statement
from reports.typesetting.fonts import FontSet
from reports.typesetting.layout import Document
from reports.typesetting.output import (
    NothingToPrint,
    OutputError,
    check_destination,
    new_canvas,
    write_atomic,
)


@dataclass(frozen=True)
class StatementJob:
    statement: Statement
    lang: str | None = None  # None: the batch's language, else the company setting


@dataclass(frozen=True)
class IouJob:
    note: IouNote  # the promise and the figures the note states (`models.papers.ious.notes_for`)
    customer: Customer
    company: CompanySettings
    lang: str | None = None


@dataclass(frozen=True)
class RouteJob:
    sheet: RouteSheet
    company: CompanySettings
    lang: str | None = None


Job = StatementJob | IouJob | RouteJob
JobLike = Job | Callable[[], Job]
Progress = Callable[[int, int, str], None]


@dataclass
class BatchResult:
    """What a batch produced. `files` are complete PDFs; `cancelled` says it stopped early."""

    files: list[Path] = field(default_factory=list)
    documents: int = 0
    pages: int = 0
    cancelled: bool = False


def build(
    job: Job, *, lang: str | None = None, fonts: FontSet | None = None, voided: str = "strike"
) -> Document:
    """Lay out one job's document."""
    lang = job.lang or lang
    if isinstance(job, StatementJob):
        return build_statement(job.statement, lang=lang, fonts=fonts, voided=voided)
    if isinstance(job, IouJob):
        return build_iou(job.note, job.customer, job.company, lang=lang, fonts=fonts)
    if isinstance(job, RouteJob):
        return build_route_sheet(job.sheet, job.company, lang=lang, fonts=fonts)
    raise TypeError(f"not a document job: {job!r}")


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(stem: str) -> str:
    """`stem` made safe as a file name on Windows, macOS and Linux (Chinese is kept)."""
    cleaned = _UNSAFE.sub("_", stem).strip(" .")
    return cleaned[:120] or "document"


def render_batch(
    jobs: Sequence[JobLike],
    out: str | Path,
    *,
    one_file: bool = True,
    lang: str | None = None,
    fonts: FontSet | None = None,
    voided: str = "strike",
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    title: str = "",
    odd_starts: Collection[int] = (),
) -> BatchResult:
    """Render `jobs` into the PDF `out` (``one_file=True``) or into the folder `out`, one
    PDF per document named after it (``statement-C0001-2026-12-13.pdf``).

    In one PDF, the jobs numbered in `odd_starts` (from 0) start on an odd page: a blank
    page goes before them when needed, so each customer starts on a new sheet when the
    packet is printed on both sides.

    `progress(done, total, title)` is called after each document; `cancel()` is asked
    before each one. Raises `NothingToPrint` for an empty job list and `OutputError` when
    the destination cannot be written; errors from jobs propagate (in one-PDF mode
    nothing is written then).
    """
    if not jobs:
        raise NothingToPrint(_("There is nothing to print."))
    if one_file:
        return _one_pdf(
            jobs, Path(out), lang, fonts, voided, progress, cancel, title, set(odd_starts)
        )
    return _many_files(jobs, Path(out), lang, fonts, voided, progress, cancel)


def _resolve(job: JobLike) -> Job:
    return job() if callable(job) else job


def _one_pdf(
    jobs: Sequence[JobLike],
    out: Path,
    lang: str | None,
    fonts: FontSet | None,
    voided: str,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
    title: str,
    odd_starts: set[int],
) -> BatchResult:
    check_destination(out)
    buffer = io.BytesIO()
    c = None
    result = BatchResult()
    total = len(jobs)
    for done, job in enumerate(jobs, start=1):
        if cancel is not None and cancel():
            result.cancelled = True
            return result
        doc = build(_resolve(job), lang=lang, fonts=fonts, voided=voided)
        if c is None:
            c = new_canvas(buffer, title=title or doc.title, font=doc.font)
        elif done - 1 in odd_starts and result.pages % 2 == 1:
            c.setPageSize(doc.size)
            c.showPage()  # the blank back of the previous customer's last sheet
            result.pages += 1
        doc.draw(c)
        result.documents += 1
        result.pages += doc.page_count
        if progress is not None:
            progress(done, total, doc.title)
    assert c is not None
    c.save()
    result.files.append(write_atomic(out, buffer.getvalue()))
    return result


def _many_files(
    jobs: Sequence[JobLike],
    folder: Path,
    lang: str | None,
    fonts: FontSet | None,
    voided: str,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
) -> BatchResult:
    if not folder.is_dir():
        if folder.exists() or not folder.parent.is_dir():
            raise OutputError(
                _("The folder ‘{folder}’ does not exist: choose another place for the PDF.").format(
                    folder=folder
                )
            )
        folder.mkdir()
    result = BatchResult()
    used: set[str] = set()
    total = len(jobs)
    for done, job in enumerate(jobs, start=1):
        if cancel is not None and cancel():
            result.cancelled = True
            break
        doc = build(_resolve(job), lang=lang, fonts=fonts, voided=voided)
        name = safe_file_name(doc.file_stem)
        stem, n = name, 2
        while name.lower() in used:
            name, n = f"{stem}-{n}", n + 1
        used.add(name.lower())
        buffer = io.BytesIO()
        c = new_canvas(buffer, title=doc.title, font=doc.font)
        doc.draw(c)
        c.save()
        result.files.append(write_atomic(folder / f"{name}.pdf", buffer.getvalue(), sync=False))
        result.documents += 1
        result.pages += doc.page_count
        if progress is not None:
            progress(done, total, doc.title)
    return result
