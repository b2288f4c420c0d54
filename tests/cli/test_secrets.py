"""A PostgreSQL password never reaches output, logs, settings or titles (issue 7.1).

Every command and the window run against a shared ledger whose role has a password
used nowhere else; then stdout, stderr and the data, config, state and log folders are
searched for it. The ledger is shown as ``user@host/db``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from tests.cli.test_main import D2, TODAY
from tests.conftest import postgres_or_skip
from tests.pg_roles import TEST_DB, make_role, url_for

__all__ = ["make_role"]  # the fixture, used by name

ROOT = Path(__file__).resolve().parents[2]

# The window, started as main.py starts it, quits by itself once shown; what the user
# would see (dialog texts, window titles) goes to stdout to be searched too.
WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import gui.app as app

    app.tell_user = lambda parent, title, text: print("DIALOG", title, text)
    make = app.make_application

    def quitting(argv):
        qapp = make(argv)
        def bye():
            print("TITLES", [w.windowTitle() for w in QApplication.topLevelWidgets()])
            qapp.quit()
        timer = QTimer(qapp)
        timer.timeout.connect(bye)
        timer.start(1500)
        return qapp

    app.make_application = quitting
    sys.exit(app.run(sys.argv[1], ["main.py"]))
    """
)


class Session:
    """Runs main.py (or the window) with HOME and the XDG folders in `home`."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.outputs: list[str] = []
        self.env = {
            **os.environ,
            "QK_LANG": "en",
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "PYTHONIOENCODING": "utf-8",
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
        }
        self.env.pop("QK_DEBUG", None)
        self.env.pop("PGPASSWORD", None)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=self.home,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=180,
        )
        self.outputs += [done.stdout, done.stderr]
        return done

    def main(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(str(ROOT / "main.py"), *args)

    def window(self, target: str) -> subprocess.CompletedProcess[str]:
        return self.run("-c", WINDOW, target)

    def hits(self, secret: str) -> list[str]:
        found = [f"output {i}" for i, text in enumerate(self.outputs) if secret in text]
        for path in self.home.rglob("*"):
            if path.is_file() and secret.encode() in path.read_bytes():
                found.append(str(path))
        return found


def test_no_command_and_no_window_shows_the_password(
    tmp_path: Path, make_role: Callable[..., tuple[str, str]]
) -> None:
    postgres_or_skip()  # an empty database: the role makes the ledger
    role, password = make_role("qk_secret", "GRANT ALL ON SCHEMA public TO {role}")
    url = url_for(role, password)
    shown = f"{role}@localhost/{TEST_DB}"
    home = tmp_path / "home"
    home.mkdir()
    s = Session(home)
    customers = home / "customers.csv"
    customers.write_text(
        "code,name,route,rep,terms\nC1,东城王记,城东线,张伟,30\n", encoding="utf-8"
    )
    entries = home / "entries.csv"
    entries.write_text(
        f"customer_code,date,kind,amount,doc_no,method\nC1,{D2},delivery,250.50,D100,\n",
        encoding="utf-8",
    )
    promises = home / "promises.csv"
    due = (TODAY + dt.timedelta(days=5)).isoformat()
    promises.write_text(f"customer_code,amount,due\nC1,100,{due} 10:00\n", encoding="utf-8")

    demo = s.main("--db", url, "demo", "--customers", "3", "--days", "20")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.strip().endswith(f"written to {shown}.")
    for what, path in (("customers", customers), ("entries", entries), ("promises", promises)):
        done = s.main("--db", url, "import", what, str(path))
        assert done.returncode == 0, done.stderr
    for out in ("aging.csv", "aging.xlsx"):
        assert s.main("--db", url, "export", "aging", "--out", str(home / out)).returncode == 0
    check = s.main("--db", url, "check")
    assert check.stdout.strip() == f"No problems found in {shown}.", check.stderr
    for args in (
        ("statement", "C1", "--out", "s.pdf"),
        ("iou", "C1", "--out", "i.pdf"),
        ("route", "城东线", "--out", "r.pdf"),
    ):
        done = s.main("--db", url, "print", *args)
        assert done.returncode == 0, done.stderr
    # Failures: an unknown customer, a database that does not exist, a wrong password,
    # a URL typed where the command belongs.
    assert s.main("--db", url, "print", "statement", "C404", "--out", "x.pdf").returncode == 1
    wrong_db = s.main("--db", url_for(role, password, f"{TEST_DB}_missing"), "check")
    assert wrong_db.returncode == 1 and f"{TEST_DB}_missing" in wrong_db.stderr
    wrong_pw = s.main("--db", url_for(role, password + "x"), "check")
    assert wrong_pw.returncode == 1 and "password" in wrong_pw.stderr
    assert s.main(url, "check").returncode == 2
    # A '/' in a password (unescaped) makes urlparse read it as the port.
    garbled = s.main("--db", f"postgresql://{role}:{password}/x@localhost/{TEST_DB}", "check")
    assert garbled.returncode == 1

    shown_window = s.window(url)
    assert f"Qingkuan 清款 – {shown}" in shown_window.stdout, shown_window.stderr
    failed_window = s.window(url_for(role, password, f"{TEST_DB}_missing"))
    assert "DIALOG" in failed_window.stdout, failed_window.stderr
    settings = (home / "data" / "Qingkuan" / "current-ledger.txt").read_text(encoding="utf-8")
    assert role in settings  # the address is remembered, without its password
    log = (home / "state" / "Qingkuan" / "log" / "qingkuan.log").read_text(encoding="utf-8")
    assert f"cannot open {role}@localhost/{TEST_DB}_missing" in log

    assert s.hits(password) == []
