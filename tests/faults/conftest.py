"""The fault storm's counts go into pytest's own report, so CI's log keeps them."""

from __future__ import annotations

import pytest

from tests.faults.storm import SUMMARY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("fault storm")
        for line in SUMMARY:
            terminalreporter.write_line(line)
