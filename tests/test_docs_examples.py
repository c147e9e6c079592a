"""Every ``python`` code block in the README and docs runs, page by page, and so does
every command the README and the docs show."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "page", [p for p in PAGES if blocks(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_page_code_runs(page: Path) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, code in enumerate(blocks(page), 1):
        try:
            exec(compile(code, f"{page.name}[block {number}]", "exec"), namespace)
        except Exception as exc:
            pytest.fail(f"{page.name} block {number} failed: {exc!r}\n{code}")


def test_readme_has_a_runnable_example() -> None:
    assert blocks(ROOT / "README.md")


SHELL = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)


def readme_commands() -> list[str]:
    lines = (
        line.split("#")[0].strip()
        for block in SHELL.findall((ROOT / "README.md").read_text(encoding="utf-8"))
        for line in block.splitlines()
    )
    return [line for line in lines if line.startswith("socialvalue ")]


def test_the_readme_shows_commands() -> None:
    assert len(readme_commands()) >= 4


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs_as_printed(command: str) -> None:
    """Run from the repository's folder, as the README says, with the installed command."""
    executable = Path(sys.executable).parent / "socialvalue"
    done = subprocess.run(
        [str(executable), *shlex.split(command)[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_the_readme_activates_the_environment_it_installs() -> None:
    blocks = SHELL.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert any(". .venv/bin/activate" in block for block in blocks)


def test_the_demos_commands_run_as_printed() -> None:
    executable = Path(sys.executable).parent / "socialvalue"
    shown = subprocess.run(
        [str(executable), "demo"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    commands = [
        line.strip().split("  (")[0]
        for line in shown.splitlines()
        if line.startswith("   socialvalue ")
    ]
    assert len(commands) == 2
    for command in commands:
        done = subprocess.run(
            [str(executable), *shlex.split(command)[1:]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, (command, done.stderr)


DATA = ROOT.parent / "shared" / "data"


def docs_commands() -> list[str]:
    """Every ``socialvalue`` command in the docs' shell blocks, once each, in page order."""
    found: dict[str, None] = {}
    for page in PAGES[1:]:
        for block in SHELL.findall(page.read_text(encoding="utf-8")):
            for line in block.splitlines():
                if line.startswith("socialvalue "):
                    found[line.strip()] = None
    return list(found)


def test_the_docs_show_commands_on_the_bundled_examples() -> None:
    commands = docs_commands()
    assert "socialvalue examples ." in commands
    assert any("review-submission.json" in c for c in commands)


@pytest.mark.parametrize("command", docs_commands())
def test_docs_command_runs_as_printed(command: str, tmp_path: Path) -> None:
    """In a new folder holding the bundled examples (and the published files it names)."""
    bin_dir = Path(sys.executable).parent
    if not command.startswith("socialvalue examples "):
        subprocess.run(
            [str(bin_dir / "socialvalue"), "examples", "."],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            timeout=60,
        )
    for name in re.findall(r"[\w.-]+\.zip", command):
        if not (DATA / name).exists():
            pytest.skip(f"{name} is not in {DATA}")
        (tmp_path / name).symlink_to(DATA / name)
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, (command, done.stderr[-2000:])
