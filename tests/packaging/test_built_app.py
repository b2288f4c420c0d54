"""The packaged Linux app, run as a user would: unpacked from its archive into a folder of
its own, with no uv, no Python and no source tree on its path.

Runs when QK_BUILT_APP names the archive `deploy/build.py` made (``.ci/run`` builds it
and sets QK_REQUIRE_BUILT_APP=1, so there it fails instead of skipping).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from models.ledger import promises
from models.storage import db
from models.storage.tables import CustomerRow
from models.vocabulary import clock
from models.vocabulary.version import version
from tests.reports.helpers import fonts_of

ARCHIVE = os.environ.get("QK_BUILT_APP", "")
pytestmark = pytest.mark.skipif(
    not ARCHIVE and os.environ.get("QK_REQUIRE_BUILT_APP") != "1",
    reason="no built app: run `uv run python deploy/build.py` and set QK_BUILT_APP",
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The unpacked app's executable."""
    if not ARCHIVE or not Path(ARCHIVE).is_file():
        pytest.fail(f"QK_BUILT_APP does not name a built archive: {ARCHIVE!r}")
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(folder, filter="tar")
    yield folder / "qingkuan" / "qingkuan"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def run(  # type: ignore[no-untyped-def]
    app: Path,
    home: Path,
    *args: str,
    extra_env: dict[str, str] | None = None,
    wrap: Callable[..., list[str]] | None = None,
):
    """Run the app with a bare environment: its own folder is all it has. `wrap` turns
    the app and its arguments into the command line to run instead."""
    env = {
        "PATH": "/nonexistent",  # no python, no uv
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "QK_LANG": "en",
        **(extra_env or {}),
    }
    argv = wrap(app, *args) if wrap else [str(app), *args]
    return subprocess.run(argv, cwd=home, env=env, capture_output=True, text=True, timeout=120)


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    return done.stdout


@pytest.fixture(scope="module")
def ledger(app: Path, home: Path) -> Path:
    target = home / "smoke.qkledger"
    out = ok(run(app, home, "--db", str(target), "demo", "--customers", "30"))
    assert "Demo ledger ready" in out
    return target


def test_version(app: Path, home: Path) -> None:
    assert ok(run(app, home, "--version")).strip() == f"Qingkuan {version()}"


def test_no_python_or_source_on_its_path(app: Path) -> None:
    assert not (app.parent / "main.py").exists()
    assert not (app.parent / "models").exists() or not any(
        app.parent.glob("models/*.py")
    )  # code is inside the archive of compiled modules, not lying about as source


def _chinese_pdf(path: Path) -> str:
    reader = PdfReader(str(path))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert not any("STSong" in f for f in fonts), f"fell back to a non-embedded font: {fonts}"
    return text


def test_statement_in_chinese(app: Path, home: Path, ledger: Path) -> None:
    out = home / "statement.pdf"
    ok(run(app, home, "--db", str(ledger), "print", "statement", "C00001",
           "--lang", "zh", "--out", str(out)))  # fmt: skip
    text = _chinese_pdf(out)
    assert "对账单" in text and "C00001" in text


def test_iou_note(app: Path, home: Path, ledger: Path) -> None:
    # A promise made today by the source tree's model (the demo's are all past due by
    # now), printed by the packaged app.
    clock.pin(None)
    db.open_ledger(ledger, create=False)
    try:
        customer = CustomerRow.get(CustomerRow.code == "C00001")
        due = dt.datetime.combine(clock.today() + dt.timedelta(days=2), dt.time(10))
        promises.make_promise(customer.id, 12_345, due)
    finally:
        db.close_ledger()
    out = home / "iou.pdf"
    ok(run(app, home, "--db", str(ledger), "print", "iou", "C00001", "--lang", "zh",
           "--out", str(out)))  # fmt: skip
    text = _chinese_pdf(out)
    assert "欠\u3000条" in text and "壹佰贰拾叁元肆角伍分" in text


def _embedded_bundled_font(path: Path) -> None:
    """Every font in the PDF is embedded, and the Chinese one is the app's own."""
    used = fonts_of(path)
    assert used and all(used.values()), f"every font must be embedded: {used}"
    assert any("WenQuanYiMicroHei" in name for name in used), used


def test_the_bundled_font_ships_with_its_licence(app: Path) -> None:
    font = next(app.parent.rglob("wqy-microhei.ttc"))
    assert font.stat().st_size > 4_000_000
    assert (font.parent / "wqy-microhei-LICENSE-Apache-2.0.txt").is_file()
    assert (font.parent / "wqy-microhei-COPYRIGHT.txt").is_file()


def test_statement_with_system_fonts_hidden(app: Path, home: Path, ledger: Path) -> None:
    # QK_SYSTEM_FONT_DIRS empty: no system font folder at all, as on a bare computer.
    out = home / "statement-own-font.pdf"
    ok(run(app, home, "--db", str(ledger), "print", "statement", "C00001", "--lang", "zh",
           "--out", str(out), extra_env={"QK_SYSTEM_FONT_DIRS": ""}))  # fmt: skip
    text = _chinese_pdf(out)
    assert "对账单" in text and "C00001" in text
    _embedded_bundled_font(out)


def _without_system_fonts(app: Path, *args: str) -> list[str]:
    """Run the app where /usr/share/fonts and /usr/local/share/fonts are empty (a mount
    namespace of its own): no test switch, the app sees what a computer without fonts
    shows it."""
    hide = "; ".join(
        f"/usr/bin/mount -t tmpfs none {d}"
        for d in ("/usr/share/fonts", "/usr/local/share/fonts")
        if Path(d).is_dir()
    )
    return ["/usr/bin/unshare", "-rm", "/bin/sh", "-ec", f'{hide}; exec "$@"', "sh",
            str(app), *args]  # fmt: skip


def _can_hide_fonts() -> bool:
    if sys.platform != "linux" or not shutil.which("unshare"):
        return False
    probe = ["/usr/bin/unshare", "-rm", "/bin/sh", "-ec", "/usr/bin/mount -t tmpfs none /mnt"]
    return subprocess.run(probe, capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_hide_fonts(), reason="no user namespaces to hide the fonts in")
def test_a_computer_without_fonts_prints_with_the_bundled_one(
    app: Path, home: Path, ledger: Path
) -> None:
    out = home / "statement-no-fonts.pdf"
    done = run(app, home, "--db", str(ledger), "print", "statement", "C00001", "--lang",
               "zh", "--out", str(out), wrap=_without_system_fonts)  # fmt: skip
    ok(done)
    text = _chinese_pdf(out)
    assert "对账单" in text and "C00001" in text
    _embedded_bundled_font(out)
    # The window too starts without any font of the system's.
    done = run(app, home, "--db", str(ledger), wrap=_without_system_fonts,
               extra_env={"QT_QPA_PLATFORM": "offscreen", "QK_READY_REPORT": "1"})  # fmt: skip
    assert ok(done).startswith("ready ")


def test_export_aging_xlsx(app: Path, home: Path, ledger: Path) -> None:
    out = home / "aging.xlsx"
    ok(run(app, home, "--db", str(ledger), "export", "aging", "--out", str(out)))
    sheet = load_workbook(out, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 31  # header + 30 customers


def test_window_opens_and_closes_cleanly(app: Path, home: Path, ledger: Path) -> None:
    done = run(app, home, "--db", str(ledger),
               extra_env={"QT_QPA_PLATFORM": "offscreen", "QK_READY_REPORT": "1"})  # fmt: skip
    out = ok(done)
    assert out.startswith("ready ") and "smoke.qkledger" in out
    assert "Could not find the Qt platform plugin" not in done.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="the desktop entry is for Linux")
def test_desktop_entry_and_mime_type_ship_with_it(app: Path) -> None:
    desktop = (app.parent / "share" / "qingkuan.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-qingkuan-ledger;" in desktop
    assert "Exec=qingkuan %f" in desktop
    mime = (app.parent / "share" / "qingkuan-mime.xml").read_text(encoding="utf-8")
    assert '<glob pattern="*.qkledger"/>' in mime
    assert (app.parent / "install.sh").stat().st_mode & 0o111


def test_help_names_the_program_and_its_shipped_docs(app: Path, home: Path) -> None:
    text = ok(run(app, home, "--help"))
    assert text.startswith("usage: qingkuan ") and "main.py" not in text
    docs = app.parent / "_internal" / "docs" / "command-line.md"
    assert str(docs) in " ".join(text.split()) and docs.is_file()
    assert "qingkuan --db try.qkledger demo" in ok(run(app, home, "demo", "--help"))


@pytest.mark.skipif(sys.platform != "linux", reason="glibc is Linux's")
def test_an_older_glibc_than_the_build_needs_is_told_so(app: Path, home: Path) -> None:
    import json

    from deploy.build import needed_glibc

    record = app.parent / "_internal" / "qingkuan-build.json"
    info = json.loads(record.read_text(encoding="utf-8"))
    assert info["glibc"] == needed_glibc(app.parent)  # the newest any bundled library needs
    original = record.read_text(encoding="utf-8")
    try:
        # This machine cannot be made older: the record is made newer instead.
        record.write_text(json.dumps(info | {"glibc": "2.99"}), encoding="utf-8")
        done = run(app, home, "--version")
        assert done.returncode == 1 and done.stdout == ""
        assert "glibc) 2.99 or newer" in done.stderr and "this system has 2." in done.stderr
        assert done.stderr.startswith("qingkuan: ")
    finally:
        record.write_text(original, encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="DISPLAY is Linux's")
def test_the_window_without_a_display_says_no_display(app: Path, home: Path, ledger: Path) -> None:
    done = run(app, home, "--db", str(ledger))  # no DISPLAY, WAYLAND_DISPLAY or platform
    assert done.returncode == 1
    assert "No display" in done.stderr and "libxcb-cursor0" not in done.stderr
