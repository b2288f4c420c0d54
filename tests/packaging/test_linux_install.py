"""deploy/linux/install.sh from a folder whose path has a space (and worse): the menu
entry's Exec= must still name the program as one argument, per the desktop-entry spec."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="install.sh is for Linux")


def exec_arguments(value: str) -> list[str]:
    """The Exec= value split as a desktop environment does: first the string escapes
    (``\\\\`` → ``\\``), then the quoting rule (inside "…", a backslash escapes
    ``"`` ``\\``` ``$`` ``\\``), then ``%%`` → ``%``."""
    value = value.replace("\\\\", "\\")
    args, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        ch = value[i]
        if quoted:
            if ch == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
                current, i = current + value[i + 1], i + 2
                continue
            if ch == '"':
                quoted = False
            else:
                current += ch
        elif ch == '"':
            quoted = started = True
        elif ch == " ":
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current, started = current + ch, True
        i += 1
    assert not quoted, f"unterminated quote in {value!r}"
    if started or current:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


@pytest.mark.parametrize("folder_name", ["My apps", 'odd "$x" `y` 100% \\z'])
def test_exec_names_the_program_whatever_the_folder(tmp_path: Path, folder_name: str) -> None:
    app = tmp_path / folder_name / "qingkuan"
    (app / "share").mkdir(parents=True)
    for name in ("qingkuan.desktop", "qingkuan-mime.xml"):
        shutil.copy2(ROOT / "deploy" / "linux" / name, app / "share" / name)
    (app / "share" / "qingkuan.png").write_bytes(b"\x89PNG")
    shutil.copy2(ROOT / "deploy" / "linux" / "install.sh", app / "install.sh")
    program = app / "qingkuan"
    program.write_text('#!/bin/sh\necho started "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    home = tmp_path / "home"
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    done = subprocess.run(["sh", str(app / "install.sh")], env=env, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    entry = (home / "data" / "applications" / "qingkuan.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    args = exec_arguments(exec_line.removeprefix("Exec="))
    assert args == [str(program), "%f"]
    ran = subprocess.run([args[0], "x.qkledger"], capture_output=True, text=True, timeout=30)
    assert ran.stdout.strip() == "started x.qkledger"
    assert (home / ".local" / "bin" / "qingkuan").resolve() == program
    assert "MimeType=application/x-qingkuan-ledger;" in entry  # the rest is copied as is
    removed = subprocess.run(["sh", str(app / "install.sh"), "--remove"], env=env,
                             capture_output=True, text=True, timeout=60)  # fmt: skip
    assert (
        removed.returncode == 0
        and not (home / "data" / "applications" / "qingkuan.desktop").exists()
    )


def test_the_spec_reader_splits_as_the_spec_says() -> None:
    assert exec_arguments('"/a b/q" %f') == ["/a b/q", "%f"]
    assert exec_arguments('"/a\\\\"b/q"') == ['/a"b/q']
    assert exec_arguments("qingkuan %f") == ["qingkuan", "%f"]
