"""Which language the command line speaks, and the default ledger path."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.language import message_language
from models.storage import paths


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "QK_LANG": "en"}, "en"),
        ({"LANG": "en_US.UTF-8", "QK_LANG": "zh"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "QK_LANG": "fr"}, "zh"),  # an unknown override is ignored
    ],
)
def test_message_language(env: dict[str, str], expected: str) -> None:
    assert message_language(env) == expected


def test_default_ledger_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "user_data_dir", lambda *a, **k: str(tmp_path / "Qingkuan"))
    path = paths.default_ledger_path()
    assert path == tmp_path / "Qingkuan" / "ledger.qkledger"
    assert not path.parent.exists()
    assert paths.default_ledger_path(create_folder=True).parent.is_dir()


def test_gui_missing_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli import commands
    from cli.parser import build_parser

    monkeypatch.setattr(commands.importlib.util, "find_spec", lambda name: None)
    status = commands.run(build_parser().parse_args(["--db", "x.qkledger"]))
    assert status == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not available" in err


def test_gui_gets_the_db_target(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from cli import commands
    from cli.parser import build_parser

    seen: list[object] = []
    fake = types.SimpleNamespace(run=lambda db, argv: seen.append((db, argv)) or 0)
    monkeypatch.setattr(commands.importlib.util, "find_spec", lambda name: object())
    monkeypatch.setattr(commands.importlib, "import_module", lambda name: fake)
    assert commands.run(build_parser().parse_args(["--db", "x.qkledger"]), "main.py") == 0
    assert commands.run(build_parser().parse_args([]), "main.py") == 0
    assert seen == [("x.qkledger", ["main.py"]), (None, ["main.py"])]


def test_db_before_or_after_the_command() -> None:
    from cli.parser import build_parser

    parser = build_parser()
    assert parser.parse_args(["--db", "a", "check"]).db == "a"
    assert parser.parse_args(["check", "--db", "b"]).db == "b"
    assert parser.parse_args(["check"]).db is None
    args = parser.parse_args(["print", "iou", "C1", "--out", "x.pdf", "--db", "c"])
    assert (args.db, args.code, args.document) == ("c", "C1", "iou")


def test_command_line_messages_have_chinese() -> None:
    """models/test_translations.py covers models/ and reports/; the command line's own
    sentences (cli/) need Chinese too."""
    import ast
    import json

    root = Path(__file__).resolve().parents[2]
    catalog = json.loads((root / "models/translations/zh_CN.json").read_text(encoding="utf-8"))
    missing = []
    for path in sorted((root / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and not catalog.get(node.args[0].value, "").strip()
            ):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value!r}")
    assert not missing, "\n".join(missing)
