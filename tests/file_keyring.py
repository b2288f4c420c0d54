"""A keychain for programs the tests start: keyring's backend reading the JSON file
named by QK_TEST_KEYRING ({"service account": password}), as a real computer's
keychain would answer a separate process (PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _entries(self) -> dict[str, str]:
        return json.loads(Path(os.environ["QK_TEST_KEYRING"]).read_text(encoding="utf-8"))

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service} {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service} {username}"] = password
        Path(os.environ["QK_TEST_KEYRING"]).write_text(json.dumps(entries), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        entries.pop(f"{service} {username}", None)
        Path(os.environ["QK_TEST_KEYRING"]).write_text(json.dumps(entries), encoding="utf-8")
