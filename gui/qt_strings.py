"""Qt's own strings that Qt's shipped Chinese catalogue (qtbase_zh_CN.qm) lacks.

Qt 6 renamed a few labels of its own dialogs (mnemonics added: "&Look in:", "Files of
&type:", "Page &Set:") and the Chinese catalogue that ships with PySide6 still has only
the old texts, so those labels stayed English in the Chinese interface. Listing them here,
in Qt's own contexts, puts them in Qingkuan's catalogue, which is installed after Qt's
and so is asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)
