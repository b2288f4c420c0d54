"""Per-user preferences of this computer (UI language, last ledger), kept in the
data folder beside the default ledger rather than in the ledger itself."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from models.storage import paths

DEFAULT_LEDGER_NAME = paths.LEDGER_FILE_NAME
DEMO_LEDGER_NAME = "demo.qkledger"


def default_data_dir() -> Path:
    """The user's data folder, the same one the command line uses (`models.storage.paths`)."""
    return paths.data_dir()


class Preferences:
    """Settings stored in `<data dir>/gui.ini`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._qs = QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)

    @property
    def default_ledger(self) -> Path:
        return self.data_dir / DEFAULT_LEDGER_NAME

    @property
    def demo_ledger(self) -> Path:
        return paths.demo_ledger_path(self.data_dir)

    def language(self) -> str | None:
        value = self._qs.value("ui/language", None)
        return str(value) if value in ("zh", "en") else None

    def set_language(self, lang: str) -> None:
        self._qs.setValue("ui/language", lang)
        self._qs.sync()

    def geometry(self) -> QByteArray | None:
        value = self._qs.value("ui/geometry", None)
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._qs.setValue("ui/geometry", geometry)
        self._qs.sync()

    def the_ledger(self) -> str:
        """The ledger the window starts on and commands without --db use: the last one
        opened (kept in the data folder by `models.storage.paths`, without any password)."""
        return paths.the_ledger(self.data_dir)

    def set_last_ledger(self, target: str) -> None:
        paths.remember_ledger(target, self.data_dir)

    def backup_folder(self) -> Path | None:
        """Where automatic backups go when not beside the ledger (a USB stick …)."""
        value = self._qs.value("backup/folder", None)
        return Path(str(value)) if value else None

    def set_backup_folder(self, folder: Path | None) -> None:
        self._qs.setValue("backup/folder", str(folder) if folder else "")
        self._qs.sync()

    def import_mapping(self, layout: str) -> dict[int, str] | None:
        """The column mapping the clerk last used for a file of this layout."""
        value = self._qs.value(f"import/{layout}", None)
        if not value:
            return None
        try:
            return {int(k): str(v) for k, v in json.loads(str(value)).items()}
        except (ValueError, AttributeError):
            return None

    def set_import_mapping(self, layout: str, mapping: dict[int, str]) -> None:
        self._qs.setValue(f"import/{layout}", json.dumps(mapping, ensure_ascii=False))
        self._qs.sync()

    def printer(self, kind: str) -> str | None:
        """The printer documents of `kind` were last printed on (statements on the laser,
        IOU notes on the A5 tray), by its name on this computer."""
        value = self._qs.value(f"printers/{kind}", None)
        return str(value) if value else None

    def set_printer(self, kind: str, name: str) -> None:
        self._qs.setValue(f"printers/{kind}", name)
        self._qs.sync()
