"""The import wizard's saved layouts (models/exchange/import_layouts.py): the box on the file
step that picks one (or recognises it from the file's header row), and the fixed
values a mapping may give a column the file lacks ("every row is a delivery")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from models.exchange.import_layouts import ImportLayout
from models.exchange.importing.columns import ImportKind
from models.vocabulary.entry_records import EntryKind

AUTO, NONE = "auto", "none"
FIXED = "="  # a mapping box's data "=delivery": every row holds "delivery"


def fixed_choices(kind: ImportKind, key: str) -> list[tuple[str, str]]:
    """(value, label) of the fixed values a column of `kind` may take for every row:
    only an entries file's kind (an invoicing program's export lists deliveries)."""
    if kind is not ImportKind.ENTRIES or key != "kind":
        return []
    return [(k.value, k.label) for k in (EntryKind.DELIVERY, EntryKind.RETURN)]


def fixed_label(label: str) -> str:
    return QCoreApplication.translate("ImportWizard", "(every row: {value})").format(value=label)


class LayoutBox(QComboBox):
    """Recognise the layout by the header row, map the columns by hand, or a saved one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layouts: dict[int, ImportLayout] = {}
        self.fill([])

    def fill(self, layouts: list[ImportLayout]) -> None:
        """The choices for these layouts; the choice made stays when it still exists."""
        keep = self.currentData()
        self.layouts = {layout.id: layout for layout in layouts}
        self.blockSignals(True)
        self.clear()
        self.addItem("", AUTO)
        self.addItem("", NONE)
        for layout in layouts:
            self.addItem(layout.name, layout.id)
        self.setCurrentIndex(max(self.findData(keep), 0))
        self.blockSignals(False)
        self.retranslate()

    def chosen(self) -> ImportLayout | str:
        """AUTO, NONE or the layout picked."""
        data = self.currentData()
        return self.layouts.get(data, data) if isinstance(data, int) else str(data or AUTO)

    def select(self, layout: ImportLayout) -> None:
        self.setCurrentIndex(max(self.findData(layout.id), 0))

    def retranslate(self) -> None:
        self.setItemText(
            0, QCoreApplication.translate("ImportWizard", "Recognise it by the file's header row")
        )
        self.setItemText(
            1, QCoreApplication.translate("ImportWizard", "None: I map the columns myself")
        )


def confirm_delete(parent: QWidget, name: str) -> bool:
    """Ask before a layout every PC of the office uses is deleted."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ImportWizard", "Delete the layout"),
        QCoreApplication.translate(
            "ImportWizard",
            "Delete the layout ‘{name}’? Every PC of the office loses it; entries imported "
            "with it stay as they are.",
        ).format(name=name),
    )
    return answer == QMessageBox.StandardButton.Yes
