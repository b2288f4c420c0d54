"""The release workflow (.github/workflows/build.yml), read here since it runs elsewhere:
it parses, builds for Windows, macOS on Apple silicon and on Intel, and Linux, and on
every one of them runs deploy/smoke.py on the installed or unpacked app; signing steps
run only with their secrets and warn without them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


@pytest.fixture(scope="module")
def job() -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert set(workflow["jobs"]) == {"build"}
    return workflow["jobs"]["build"]


def _steps_for(job: dict[str, Any], runner_os: str) -> list[dict[str, Any]]:
    """The steps a runner of that OS runs (those without an `if`, or whose `if` names it)."""
    return [
        step
        for step in job["steps"]
        if "if" not in step
        or f"runner.os == '{runner_os}'" in step["if"]
        or ("runner.os ==" not in step["if"])
    ]


def test_it_builds_every_platform_an_office_uses(job: dict[str, Any]) -> None:
    runners = {entry["os"]: entry.get("arch") for entry in job["strategy"]["matrix"]["include"]}
    assert any(os.startswith("windows") for os in runners)
    mac_archs = {arch for os, arch in runners.items() if os.startswith("macos")}
    assert mac_archs == {"arm64", "x86_64"}
    assert "macos-13" not in runners  # retired: a job for it waits for ever
    assert "ubuntu-22.04" in runners


@pytest.mark.parametrize("runner_os", ["Windows", "macOS", "Linux"])
def test_every_platform_smoke_tests_what_it_releases(job: dict[str, Any], runner_os: str) -> None:
    steps = _steps_for(job, runner_os)
    scripts = [step.get("run", "") for step in steps]
    smoke = [s for s in scripts if "deploy/smoke.py" in s]
    assert smoke, f"{runner_os} runs no smoke test"
    assert not any(re.search(r"--version\s*(;|$)", s, re.MULTILINE) for s in smoke)
    built = next(i for i, s in enumerate(scripts) if "deploy/build.py --app-only" in s)
    packed = next(i for i, s in enumerate(scripts) if "deploy/build.py --pack-only" in s)
    first_smoke = next(i for i, s in enumerate(scripts) if "deploy/smoke.py" in s)
    assert built < packed < first_smoke  # the packed (released) files are what is tested
    if runner_os == "Windows":
        assert any("-setup.exe" in s and "/VERYSILENT" in s for s in smoke)  # installed
        assert any("--window" in s and "qingkuan.exe" in s for s in smoke)
    if runner_os == "macOS":
        assert any("hdiutil attach" in s and "lipo -archs" in s for s in smoke)
    if runner_os == "Linux":
        assert any("tar -xzf" in s for s in smoke)
    upload = job["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact")


@pytest.mark.parametrize(("runner_os", "secret_flag"),
                         [("Windows", "HAVE_WINDOWS_SIGNING"), ("macOS", "HAVE_MACOS_SIGNING")])  # fmt: skip
def test_signing_runs_only_with_its_secrets_and_warns_without(
    job: dict[str, Any], runner_os: str, secret_flag: str
) -> None:
    assert "secrets." in job["env"][secret_flag]
    signing = [s for s in job["steps"] if f"env.{secret_flag} == 'true'" in s.get("if", "")]
    skipped = [s for s in job["steps"] if f"env.{secret_flag} != 'true'" in s.get("if", "")]
    assert signing and len(skipped) == 1
    assert "::warning::" in skipped[0]["run"]
    text = " ".join(str(s.get("run", "")) + str(s.get("uses", "")) for s in signing)
    if runner_os == "macOS":
        assert all(word in text for word in ("codesign", "notarytool submit", "stapler staple"))
        assert (ROOT / "deploy" / "macos" / "entitlements.plist").is_file()
    else:
        assert "trusted-signing-action" in text
