"""One check for every form: an error shown after a bad value goes away as soon as the
clerk edits (it described what was there before; Save checks again)."""

from __future__ import annotations

from collections.abc import Callable

from gui.widgets import ErrorLabel


def assert_error_clears_on_edit(
    error: ErrorLabel, *, bad: Callable[[], None], edit: Callable[[], None]
) -> None:
    """`bad` types or does something wrong and submits; `edit` changes one field."""
    assert not error.isVisible()
    bad()
    assert error.isVisible() and error.text(), "the bad value showed no error"
    edit()
    assert not error.isVisible() and not error.text(), f"still shown: {error.text()!r}"
