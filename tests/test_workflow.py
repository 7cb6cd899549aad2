"""The GitHub workflow (it cannot run here: read as text, and parsed when a YAML parser is
at hand) and the linux_only marker that lets the suite run on Windows and macOS."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import IN_CI

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _parsed_by_a_yaml_parser() -> dict | None:
    """The workflow as data, from PyYAML in this environment or in the system's Python
    (none is a dependency of the project); None when neither has it."""
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        system = shutil.which("python3", path="/usr/bin:/bin")
        if system is None:
            return None
        done = subprocess.run(
            [system, "-c", "import json, sys, yaml; "
             "print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), "
             "default=str))", str(WORKFLOW)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if done.returncode != 0:
            if "No module named 'yaml'" in done.stderr:
                return None
            pytest.fail(f"the workflow is not valid YAML:\n{done.stderr}")
        return json.loads(done.stdout)
    return json.loads(json.dumps(yaml.safe_load(WORKFLOW.read_text("utf-8")), default=str))


def test_the_workflow_is_valid_yaml_with_a_job_per_system() -> None:
    workflow = _parsed_by_a_yaml_parser()
    if workflow is None:
        message = "no YAML parser here: install python3-yaml (README: system packages)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    jobs = workflow["jobs"]
    assert {job["runs-on"] for job in jobs.values()} == {
        "ubuntu-latest",
        "windows-latest",
        "macos-latest",
    }
    for name in ("windows", "macos"):
        steps = jobs[name]["steps"]
        uses = [step.get("uses", "") for step in steps]
        runs = "\n".join(step.get("run", "") for step in steps)
        assert any(use.startswith("astral-sh/setup-uv@") for use in uses)
        assert any(use.startswith("actions/setup-python@") for use in uses)
        python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
        assert python["with"]["python-version"] == "3.11"
        assert "uv sync --locked" in runs and "uv run pytest" in runs
        assert "uv run --locked --group build python -m readiness.build" in runs
        assert "packaging/ci_frozen_check.py" in runs
        upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
        assert "screenshots/" in upload["with"]["path"]
    assert "readiness-cli.exe" in "\n".join(s.get("run", "") for s in jobs["windows"]["steps"])
    assert "bash .ci/run" in "\n".join(s.get("run", "") for s in jobs["linux"]["steps"])


def test_the_workflow_text() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text  # YAML forbids tabs for indentation
    for needed in (
        "runs-on: windows-latest",
        "runs-on: macos-latest",
        "runs-on: ubuntu-latest",
        "uv run pytest",
        "readiness-cli.exe",
        "actions/upload-artifact@",
    ):
        assert needed in text
    assert "--with pyinstaller" not in text and '--with "pyinstaller' not in text
    assert not (ROOT / ".github" / "workflows" / "installers.yml").exists()  # one workflow


def test_the_frozen_check_accepts_a_verdict_and_refuses_a_crash(tmp_path: Path) -> None:
    script = str(ROOT / "packaging" / "ci_frozen_check.py")
    app = [sys.executable, "-m", "readiness"]
    done = subprocess.run(
        [sys.executable, script, *app], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("exit ")
    crashing = [sys.executable, "-c", "raise SystemExit(70)"]
    done = subprocess.run(
        [sys.executable, script, *crashing], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1 and "exit 70" in done.stderr


def _pytest(*args: str, platform: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("READINESS_TEST_PLATFORM", None)
    if platform:
        env["READINESS_TEST_PLATFORM"] = platform
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_linux_only_tests_skip_elsewhere_with_their_reason() -> None:
    done = _pytest("-q", "-rs", "tests/test_url_opener.py", platform="darwin")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Linux only: a stand-in xdg-open, a POSIX shell script on PATH" in done.stdout
    assert "Linux only: a stand-in program written as a POSIX shell script" in done.stdout
    assert "test_windows_hands_the_url_to_the_shell" not in done.stdout.split("short test")[-1]
    assert " passed" in done.stdout  # the ones that need nothing of Linux still run


def test_linux_only_marks_what_needs_pulseaudio_and_at_spi_and_nothing_else() -> None:
    marked = _pytest(
        "--collect-only", "-q", "-m", "linux_only",
        "tests/test_microphone_check.py", "tests/test_screen_reader.py", "tests/test_config.py",
    )  # fmt: skip
    assert marked.returncode == 0, marked.stdout + marked.stderr
    names = [line for line in marked.stdout.splitlines() if "::" in line]
    assert any(name.startswith("tests/test_screen_reader.py::") for name in names)
    assert any("test_a_sine_at_a_known_level_is_read_back_within_one_db" in name for name in names)
    assert not any(name.startswith("tests/test_config.py::") for name in names)
