"""deploy/smoke.py, the release workflow's smoke test, run here: its checks on documents
made to fail them, and the whole script on the Linux build (as the workflow runs it on
every platform's)."""

from __future__ import annotations

import os
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))
import smoke  # noqa: E402

CJK_FONTS = [
    Path(p)
    for p in (
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    )
    if Path(p).is_file()
]


def _pdf(path: Path, font: str) -> Path:
    page = canvas.Canvas(str(path), pageCompression=1)
    page.setFont(font, 14)
    page.drawString(72, 720, "对账单 C00001")
    page.save()
    return path


def test_a_statement_in_the_non_embedded_fallback_fails(tmp_path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    with pytest.raises(smoke.SmokeError, match="STSong"):
        smoke.check_statement(_pdf(tmp_path / "s.pdf", "STSong-Light"))


def test_a_statement_without_any_font_file_fails(tmp_path: Path) -> None:
    with pytest.raises(smoke.SmokeError, match="not embedded"):
        smoke.check_statement(_pdf(tmp_path / "s.pdf", "Helvetica"))


@pytest.mark.skipif(not CJK_FONTS, reason="no TrueType CJK font on this machine")
def test_a_statement_with_an_embedded_cjk_font_passes(tmp_path: Path) -> None:
    pdfmetrics.registerFont(TTFont("SmokeCJK", str(CJK_FONTS[0]), subfontIndex=0))
    found = smoke.check_statement(_pdf(tmp_path / "s.pdf", "SmokeCJK"))
    assert "all embedded" in found and "对账单" in found


def test_the_aging_export_must_have_a_row_per_demo_customer(tmp_path: Path) -> None:
    book = Workbook()
    for row in range(smoke.DEMO_CUSTOMERS + 1):
        book.active.append([f"C{row:05d}", row])
    book.save(tmp_path / "ok.xlsx")
    assert smoke.check_aging(tmp_path / "ok.xlsx") == f"{smoke.DEMO_CUSTOMERS + 1} rows"
    book.active.delete_rows(2)
    book.save(tmp_path / "short.xlsx")
    with pytest.raises(smoke.SmokeError, match="rows"):
        smoke.check_aging(tmp_path / "short.xlsx")
    with zipfile.ZipFile(tmp_path / "empty.xlsx", "w") as empty:
        empty.writestr("x", "")
    with pytest.raises(smoke.SmokeError, match="no worksheet"):
        smoke.check_aging(tmp_path / "empty.xlsx")


def test_a_missing_app_fails_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert smoke.main([str(tmp_path / "nothing")]) == 1
    assert "there is no built app" in capsys.readouterr().err


ARCHIVE = os.environ.get("QK_BUILT_APP", "")


@pytest.mark.skipif(
    not ARCHIVE and os.environ.get("QK_REQUIRE_BUILT_APP") != "1",
    reason="no built app: run `uv run python deploy/build.py` and set QK_BUILT_APP",
)
def test_the_smoke_script_passes_on_the_linux_build(tmp_path: Path) -> None:
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(tmp_path, filter="tar")
    from models.vocabulary.version import version

    passed = smoke.smoke(tmp_path / "qingkuan" / "qingkuan", version=version())
    assert [line.split(" (")[0].split(":")[0] for line in passed] == [
        "ok  --version", "ok  demo", "ok  print statement", "ok  export aging",
        "ok  window until ready",
    ]  # fmt: skip
