"""Every keyboard shortcut a window has right now, and the keys bound twice in it.

Qt gives a key to exactly one shortcut: when two shortcuts match the same key press
(both on the window, or one on the window and one on the focused widget), the key is
ambiguous and does nothing (issue 20: Ctrl+F and Ctrl+E on the customer list). A
shortcut counts while its widget is visible and enabled, as Qt counts it: the pages of
a stacked widget that are not shown have none.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

Context = Qt.ShortcutContext


@dataclass(frozen=True)
class Binding:
    keys: str  # portable text, e.g. "Ctrl+E"
    context: Context
    owner: QWidget  # the widget whose visibility and focus decide
    what: str  # for the failure message

    def overlaps(self, other: Binding) -> bool:
        """Could one key press match both?"""
        window_wide = (Context.WindowShortcut, Context.ApplicationShortcut)
        if self.context in window_wide or other.context in window_wide:
            return True
        if self.owner is other.owner:
            return True
        for a, b in ((self, other), (other, self)):
            if a.context == Context.WidgetWithChildrenShortcut and a.owner.isAncestorOf(b.owner):
                return True
        return False


def _live(widget: QWidget, window: QWidget) -> bool:
    """Whether a shortcut on `widget` can fire in `window` now (a dialog parented to the
    window is a window of its own)."""
    if isinstance(widget, QMenu):  # a menu of the menu bar (or a button's) counts hidden
        parent = widget.parentWidget()
        return parent is not None and parent.window() is window
    return widget.window() is window and widget.isVisible() and widget.isEnabled()


def _describe(obj: QAction | QShortcut, owner: QWidget) -> str:
    text = obj.text() if isinstance(obj, QAction) else ""
    return f"{type(obj).__name__} {text!r} on {type(owner).__name__} {owner.objectName()!r}"


def bindings(window: QWidget) -> list[Binding]:
    """The shortcuts that are live in `window` now."""
    found: list[Binding] = []
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if not isinstance(owner, QWidget):
            continue
        if not shortcut.isEnabled() or not _live(owner, window):
            continue
        for key in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
            if not key.isEmpty():
                text = key.toString(QKeySequence.SequenceFormat.PortableText)
                found.append(Binding(text, shortcut.context(), owner, _describe(shortcut, owner)))
    for action in window.findChildren(QAction):
        if not action.isEnabled():
            continue
        owners = [
            o for o in action.associatedObjects() if isinstance(o, QWidget) and _live(o, window)
        ]
        for owner in owners[:1]:  # one action is one binding, however many menus show it
            for key in action.shortcuts():
                if not key.isEmpty():
                    text = key.toString(QKeySequence.SequenceFormat.PortableText)
                    found.append(
                        Binding(text, action.shortcutContext(), owner, _describe(action, owner))
                    )
    return found


def clashes(window: QWidget) -> list[str]:
    """ "KEY: A / B" for every key two live shortcuts of `window` could both take."""
    found = bindings(window)
    problems = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.keys == b.keys and a.overlaps(b):
                problems.append(f"{a.keys}: {a.what} / {b.what}")
    return problems
