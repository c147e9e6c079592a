"""The domain does no I/O: no files, terminal, clock or environment outside the CLI.

import-linter (``make contracts``) forbids I/O *modules*; this test forbids the
I/O *builtins and calls* that need no import: ``open``, ``print``, ``input``,
``date.today()``, ``datetime.now()`` and friends.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "socialvalue"
# The command line (a package) and ``python -m socialvalue`` are the adapters.
ADAPTERS = {SRC / "cli", SRC / "__main__.py"}
FORBIDDEN_NAMES = {"open", "print", "input", "breakpoint", "exec", "eval", "__import__"}
FORBIDDEN_ATTRS = {"today", "now", "utcnow", "getenv", "environ", "read_text", "write_text"}
# The modules that generate code, as attrs and cattrs do, from a class's own fields
# (no document or file text reaches them): each class's loader, and the trusted
# constructor of a class (``_typed.filler``).
GENERATES_CODE = {SRC / "documents" / "_loaders.py": "exec", SRC / "_typed.py": "exec"}


def violations(source: str) -> list[str]:
    """Each forbidden call or attribute in ``source``, as ``line: name``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            found.append(f"{node.lineno}: {node.id}")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRS:
            found.append(f"{node.lineno}: .{node.attr}")
    return found


def domain_modules() -> list[Path]:
    return sorted(
        p for p in SRC.rglob("*.py") if not any(p == a or a in p.parents for a in ADAPTERS)
    )


@pytest.mark.parametrize("path", domain_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_domain_module_does_no_io(path: Path) -> None:
    allowed = GENERATES_CODE.get(path)
    found = violations(path.read_text(encoding="utf-8"))
    assert [v for v in found if v.split(": ", 1)[1] != allowed] == []


@pytest.mark.parametrize(
    "source",
    [
        "open('x')",
        "print(1)",
        "from datetime import date\ndate.today()",
        "import datetime\ndatetime.datetime.now()",
        "import os\nos.environ['X']",
        "f = open\n",
    ],
)
def test_the_checker_catches_io(source: str) -> None:
    assert violations(source), source


def test_the_checker_passes_pure_code() -> None:
    assert violations("from datetime import date\nx = date(2025, 4, 1)\n") == []
