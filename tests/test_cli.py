"""The command line: output, errors and exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from socialvalue.cli import main


def test_demo_prints_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "£50,000.01" in out  # 30,000 + 25,000 - 4,999.995, rounded half-up
    assert "2025-04-01 to 2026-03-31" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "socialvalue", "demo"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Money is exact" in done.stdout
