"""The fault storm's counts go into pytest's own report, so CI's log keeps them. Each
storm records its lines as a property of its test report: under pytest-xdist the
report travels from the worker that ran the storm to the process that prints."""

from __future__ import annotations

import pytest

from tests.faults.storm import SUMMARY


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        for name, value in report.user_properties:
            if name == "fault storm":
                SUMMARY.extend(value)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("fault storm")
        for line in SUMMARY:
            terminalreporter.write_line(line)
