"""What the built app checks and says at start (cli/packaged.py): its own name in help,
the glibc its libraries need, and "no display" instead of Qt's libxcb-cursor0 abort."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import packaged
from cli.parser import build_parser
from models.vocabulary.i18n import using_language

ROOT = Path(__file__).resolve().parents[2]


def test_from_the_source_tree_the_program_is_main_py() -> None:
    assert packaged.program_name() == "main.py"
    assert packaged.command_docs() == "docs/command-line.md"


def test_the_built_app_uses_its_own_name_and_shipped_docs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "argv", [r"C:\Program Files\Qingkuan\qingkuan-cli.exe"])
    monkeypatch.setattr(os.path, "basename", lambda p: p.replace("\\", "/").rsplit("/", 1)[-1])
    assert packaged.program_name() == "qingkuan-cli.exe"
    monkeypatch.setattr(sys, "argv", ["/opt/qingkuan/qingkuan"])
    assert packaged.program_name() == "qingkuan"
    parser = build_parser()
    text = parser.format_help()
    assert parser.prog == "qingkuan" and "main.py" not in text
    assert str(tmp_path / "docs" / "command-line.md") in " ".join(text.split())
    demo = next(a for a in parser._actions if a.dest == "command").choices["demo"]
    assert "qingkuan --db try.qkledger demo" in demo.format_help()
    assert "main.py" not in demo.format_help()


@pytest.mark.parametrize(
    ("running", "needed", "refused"),
    [("2.35", "2.36", True), ("2.36", "2.36", False), ("2.40", "2.36", False),
     ("2.9", "2.17", True), ("2.17", "2.9", False)],
)  # fmt: skip
def test_glibc_older_than_the_build_needs_is_refused(
    tmp_path: Path, running: str, needed: str, refused: bool
) -> None:
    info = tmp_path / packaged.BUILD_INFO
    info.write_text(json.dumps({"glibc": needed}), encoding="utf-8")
    problem = packaged.glibc_problem(info, running)
    assert (problem is not None) == refused
    if problem:
        assert f"glibc) {needed} or newer" in problem and f"this system has {running}" in problem
        with using_language("zh"):
            assert "glibc" in packaged.glibc_problem(info, running)  # type: ignore[operator]


def test_glibc_check_without_a_record_or_glibc_passes(tmp_path: Path) -> None:
    assert packaged.glibc_problem(tmp_path / "missing.json", "2.0") is None
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    assert packaged.glibc_problem(tmp_path / "x.json", "2.0") is None
    assert packaged.glibc_problem() is None  # not frozen: the source tree's own libraries


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc")
def test_this_systems_glibc_is_read() -> None:
    found = packaged.running_glibc()
    assert found is None or found.split(".")[0] == "2"


@pytest.mark.parametrize(
    ("environ", "platform", "no_display"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_no_display_is_detected(environ: dict[str, str], platform: str, no_display: bool) -> None:
    assert (packaged.display_problem(environ, platform) is not None) == no_display


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is Linux's")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_window_without_a_display_says_so(tmp_path: Path, lang: str) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QK_DEBUG")}  # fmt: skip
    env |= {"QK_LANG": lang, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONIOENCODING": "utf-8"}  # fmt: skip
    done = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1
    assert ("No display" if lang == "en" else "没有显示器") in done.stderr
    assert "xcb" not in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_models_messages_name_the_program_as_started(monkeypatch) -> None:
    """A refusal that tells the user a command to run names the built app's program,
    not the source tree's main.py (issue 19, item 8)."""
    from models.storage.schema_audit import FOREIGN, Problem

    foreign = Problem(FOREIGN, "trigger", "audit_me")
    assert "‘main.py check --remove-foreign’" in foreign.sentence()  # from the source tree
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["/opt/qingkuan/qingkuan"])
    assert "‘qingkuan check --remove-foreign’" in foreign.sentence()
    assert "main.py" not in foreign.sentence()
