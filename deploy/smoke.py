"""Smoke-test a built Qingkuan as a user would run it: from its installed or unpacked
folder, with no Python, uv or source tree on its path.

    python deploy/smoke.py dist/unpacked/qingkuan/qingkuan
    python deploy/smoke.py "C:\\…\\Qingkuan\\qingkuan-cli.exe" --window "C:\\…\\Qingkuan\\qingkuan.exe"
    python deploy/smoke.py /Applications/Qingkuan.app/Contents/MacOS/qingkuan

Runs what loads each part of the bundle: ``--version``; ``demo`` (SQLite, the models);
``print statement`` in Chinese (reportlab, the CJK font: every font in the PDF must be
embedded, none the non-embedded STSong fallback, and the text must read back as 对账单);
``export aging`` to XLSX (openpyxl); and the window offscreen until the customer list is
searchable (Qt, its plugins), reported through QK_READY_REPORT. Exit 0 when all pass,
else 1 with what failed. The release workflow runs it on every platform's built app
(.github/workflows/build.yml); tests/packaging/test_smoke_script.py runs it here on the
Linux build. Needs only the standard library; reads the PDF's text with pypdf when it is
importable (``uv run``), else checks the fonts from the PDF's bytes.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

DEMO_CUSTOMERS = 30
TIMEOUT_S = 300  # a first start on a cold runner (macOS verifies every signature)
# Variables a Windows process cannot start without, or that locate its temp folder.
_KEPT = ("SYSTEMROOT", "WINDIR", "COMSPEC", "TEMP", "TMP", "TMPDIR", "NUMBER_OF_PROCESSORS",
         "PROCESSOR_ARCHITECTURE")  # fmt: skip


class SmokeError(Exception):
    """A step failed: the message says which and why."""


def bare_environment(home: Path, **extra: str) -> dict[str, str]:
    """The app's whole environment: a fresh home with its data, settings and caches in
    it, messages in English, and a PATH without Python or uv."""
    env = {k: v for k, v in os.environ.items() if k.upper() in _KEPT}
    env |= {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "QK_LANG": "en",
        "PYTHONIOENCODING": "utf-8",  # what it prints decodes the same on every platform
    }
    if sys.platform == "win32":
        env["PATH"] = os.path.join(env.get("SYSTEMROOT", r"C:\Windows"), "System32")
    else:
        env["PATH"] = "/nonexistent"
    return env | extra


def run(exe: Path, home: Path, *args: str, **extra: str) -> str:
    """Run the app; its stdout when it exits 0 without a traceback, else SmokeError."""
    try:
        done = subprocess.run(
            [str(exe), *args], cwd=home, env=bare_environment(home, **extra),
            capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=TIMEOUT_S,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise SmokeError(f"{' '.join(args) or 'the window'}: no exit in {TIMEOUT_S} s") from None
    output = (done.stdout or "") + (done.stderr or "")
    if done.returncode != 0 or "Traceback" in output:
        raise SmokeError(
            f"{' '.join(args) or 'the window'}: exit status {done.returncode}\n{output.strip()}"
        )
    return done.stdout or ""


def pdf_fonts(data: bytes) -> tuple[set[str], int]:
    """The BaseFont names in a PDF written without object streams (as reportlab writes
    them) and how many embedded font programs (FontFile, FontFile2, FontFile3) it has."""
    if b"/ObjStm" in data:
        raise SmokeError("the PDF uses object streams: read it with pypdf (uv run)")
    names = {m.decode("latin-1") for m in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", data)}
    embedded = len(re.findall(rb"/FontFile[23]?\s+\d+\s+\d+\s+R", data))
    return names, embedded


def check_statement(pdf: Path) -> str:
    """Every font of the statement embedded, none the STSong fallback, 对账单 in its
    text (when pypdf can read it). Returns what was found, for the log."""
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF"):
        raise SmokeError(f"{pdf.name} is not a PDF")
    names, embedded = pdf_fonts(data)
    if any("STSong" in name for name in names):
        raise SmokeError(f"the statement fell back to the non-embedded STSong: {sorted(names)}")
    # Type0 (CID) fonts name their font twice (the font and its descendant), so compare
    # with the descriptors rather than the names.
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", data))
    if embedded == 0 or embedded < descriptors:
        raise SmokeError(
            f"the statement has fonts that are not embedded ({embedded} of {descriptors} "
            f"font descriptors carry a font file): {sorted(names)}"
        )
    try:
        from pypdf import PdfReader
    except ImportError:
        return f"fonts {sorted(names)}, all embedded (text not read: no pypdf)"
    text = "".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    if "对账单" not in text or "C00001" not in text:
        raise SmokeError(f"the statement's text does not read back as Chinese: {text[:200]!r}")
    return f"fonts {sorted(names)}, all embedded; text reads 对账单"


def check_aging(xlsx: Path) -> str:
    """The aging workbook: a header row and one row per demo customer."""
    with zipfile.ZipFile(xlsx) as book:
        sheets = sorted(n for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
        if not sheets:
            raise SmokeError(f"{xlsx.name} has no worksheet")
        rows = len(re.findall(rb"<row[ >]", book.read(sheets[0])))
    if rows != DEMO_CUSTOMERS + 1:
        raise SmokeError(f"the aging export has {rows} rows, not {DEMO_CUSTOMERS + 1}")
    return f"{rows} rows"


def check_window(window: Path, home: Path, ledger: Path) -> str:
    """The window offscreen on the demo ledger until its customer list is searchable;
    the app writes ``ready <time> <title>`` to a file (a windowed .exe has no stdout)."""
    report = home / "ready.txt"
    report.unlink(missing_ok=True)
    started = time.time()
    run(window, home, "--db", str(ledger), QT_QPA_PLATFORM="offscreen",
        QK_READY_REPORT=str(report))  # fmt: skip
    line = report.read_text(encoding="utf-8").strip() if report.exists() else ""
    if not line.startswith("ready ") or ledger.name not in line:
        raise SmokeError(f"the window never reported ready: {line!r}")
    return f"ready after {float(line.split()[1]) - started:.1f} s: {line.split(' ', 2)[2]}"


def smoke(exe: Path, window: Path | None = None, version: str | None = None) -> list[str]:
    """Run every step; returns one line per step passed, raises SmokeError on the first
    that fails."""
    exe = exe.resolve()
    window = (window or exe).resolve()
    for program in {exe, window}:
        if not program.is_file():
            raise SmokeError(f"there is no built app at {program}")
    passed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="qk-smoke-") as tmp:
        home = Path(tmp)
        ledger = home / "smoke.qkledger"
        statement, aging = home / "statement.pdf", home / "aging.xlsx"
        steps: list[tuple[str, Callable[[], str]]] = [
            ("--version", lambda: _version(run(exe, home, "--version"), version)),
            (
                "demo",
                lambda: _demo(
                    run(exe, home, "--db", str(ledger), "demo", "--customers", str(DEMO_CUSTOMERS))
                ),
            ),  # fmt: skip
            (
                "print statement (Chinese)",
                lambda: (
                    run(
                        exe,
                        home,
                        "--db",
                        str(ledger),
                        "print",
                        "statement",
                        "C00001",
                        "--lang",
                        "zh",
                        "--out",
                        str(statement),
                    ),
                    check_statement(statement),
                )[1],
            ),  # fmt: skip
            (
                "export aging",
                lambda: (
                    run(exe, home, "--db", str(ledger), "export", "aging", "--out", str(aging)),
                    check_aging(aging),
                )[1],
            ),  # fmt: skip
            ("window until ready", lambda: check_window(window, home, ledger)),
        ]
        for name, step in steps:
            started = time.perf_counter()
            try:
                found = step()
            except SmokeError as err:
                raise SmokeError(f"{name}: {err}") from None
            passed.append(f"ok  {name} ({time.perf_counter() - started:.1f} s): {found}")
            print(passed[-1], flush=True)
    return passed


def _version(out: str, expected: str | None) -> str:
    line = out.strip()
    if not line.startswith("Qingkuan ") or (expected and line != f"Qingkuan {expected}"):
        raise SmokeError(f"--version said {line!r}")
    return line


def _demo(out: str) -> str:
    if "Demo ledger ready" not in out:
        raise SmokeError(f"demo said {out.strip()!r}")
    return out.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exe", type=Path, help="the built app's command-line executable")
    parser.add_argument("--window", type=Path,
                        help="the executable that opens the window (default: EXE; on "
                             "Windows qingkuan.exe beside qingkuan-cli.exe)")  # fmt: skip
    parser.add_argument("--version", dest="expect_version", help="the version it must report")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        # A Windows runner's console code page has no 对账单: never fail on printing it.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        smoke(args.exe, args.window, args.expect_version)
    except SmokeError as err:
        print(f"smoke test FAILED: {err}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
