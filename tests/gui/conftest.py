"""GUI fixtures: a launcher on an empty data folder, and a main window on the
(SQLite or PostgreSQL) `ledger` fixture, always starting in English."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui import discard, language
from gui.app import Launcher, make_application
from gui.discard import Answer
from gui.mainwindow import MainWindow
from models.ledger import customers, people, settings
from models.vocabulary.customer_records import CustomerDraft, Terms, TermsKind
from tests import conftest as root_conftest

# The offscreen platform cannot resize native windows; real platforms can. Only this
# exact message is ignored: every other Qt warning still fails a test.
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def launchers_stop_before_the_ledger_closes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every Launcher a test makes stops its windows' background readers before a
    ledger fixture closes the ledger, whatever order the test took its fixtures in."""
    made: list[Launcher] = []
    original = Launcher.__init__

    def recorded(self: Launcher, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(self)

    def stop() -> None:
        for launcher in made:
            if shiboken6.isValid(launcher):
                launcher.shutdown()

    monkeypatch.setattr(Launcher, "__init__", recorded)
    root_conftest.BEFORE_LEDGER_CLOSES.append(stop)
    yield
    root_conftest.BEFORE_LEDGER_CLOSES.remove(stop)


@pytest.fixture(autouse=True)
def qt_objects_die_with_their_test(qapp: object) -> Iterator[None]:
    """Every GUI test ends with its Qt objects gone, on the GUI thread: the widgets
    pytest-qt and the launcher closed with deleteLater are deleted, and Python's cyclic
    collector frees the rest (a launcher, a lambda's window). Left to chance, a collection
    would free them in a later test, in the middle of building its window, or on a
    background reader's thread, where deleting a QObject can crash the process (CI once
    died in a QPushButton constructor that way). A crash here names the guilty test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not gc.get_freeze_count():
        # What outlives the first test (modules, the application, fonts) lives as long
        # as the process: the collector stops walking it, so the collection above
        # costs each later test only what that test made.
        gc.freeze()


class DiscardQuestions:
    """Stands in for `gui.discard.ask_discard` (a real modal box would wait for a click
    forever): records who asked, with or without Save, and gives `answer`."""

    def __init__(self) -> None:
        self.answer = Answer.DISCARD
        self.asked: list[tuple[QWidget, bool]] = []

    def __call__(self, parent: QWidget, *, can_save: bool = True) -> Answer:
        self.asked.append((parent, can_save))
        return self.answer


@pytest.fixture(autouse=True)
def discard_questions(monkeypatch: pytest.MonkeyPatch) -> DiscardQuestions:
    """Every GUI test: "discard unsaved input?" is answered Discard unless the test sets
    `discard_questions.answer`; `asked` says whether the question came."""
    questions = DiscardQuestions()
    monkeypatch.setattr(discard, "ask_discard", questions)
    return questions


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
