"""GUI fixtures: a launcher on an empty data folder, and a main window on the
(SQLite or PostgreSQL) `ledger` fixture, always starting in English."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui import language
from gui.app import Launcher, make_application
from gui.mainwindow import MainWindow
from models import customers, people, settings
from models.records import CustomerDraft, Terms, TermsKind

# The offscreen platform cannot resize native windows; real platforms can. Only this
# exact message is ignored: every other Qt warning still fails a test.
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "gui.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    return folder


@pytest.fixture
def launcher(qapp: object, data_dir: Path) -> Iterator[Launcher]:
    make_application([])
    launcher = Launcher(data_dir)
    yield launcher
    launcher.shutdown()
    language.set_language("en")


@pytest.fixture
def window(ledger: str, launcher: Launcher, qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window on an empty ledger of either kind."""
    assert launcher.open(ledger)
    assert launcher.window is not None
    window = launcher.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.customer_list.reader.busy)
    yield window
    launcher.shutdown()  # before the ledger fixture closes the ledger


def add_customer(code: str, name: str, **kw: object) -> int:
    return customers.add_customer(CustomerDraft(code=code, name=name, **kw)).id  # type: ignore[arg-type]


@pytest.fixture
def shop() -> int:
    """One customer on 30-day terms with a rep and a route, in a ledger whose company
    has its name (an IOU note is not printed without the creditor's name)."""
    company = settings.get_company()
    settings.save_company(dataclasses.replace(company, name="佛山鑫达食品批发部"))
    rep = people.add_rep("张伟", "13800000000")
    route = people.add_route("城东线", (1, 4), rep.id)
    return add_customer(
        "C0001",
        "东城王记",
        phones="13912345678",
        route_id=route.id,
        rep_id=rep.id,
        terms=Terms(TermsKind.DAYS, 30),
    )


@pytest.fixture(autouse=True)
def discard_answer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The "discard what you typed?" question answers Discard (a real modal box would
    wait for a click forever); a test may patch `gui.discard.ask_discard` itself. The
    list records each time it was asked."""
    from gui import discard

    asked: list[str] = []

    def answer(parent: object, *, can_save: bool = True) -> discard.Choice:
        asked.append(type(parent).__name__)
        return discard.Choice.DISCARD

    monkeypatch.setattr(discard, "ask_discard", answer)
    return asked
