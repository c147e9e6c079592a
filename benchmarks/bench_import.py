"""Import: what ``import socialvalue`` and a first ``load`` cost in a fresh process.

Issue 13's targets, measured in one run as paired ratios so that a machine whose
speed drifts during the run still gives a fair comparison:

- ``python -c "import socialvalue"`` takes at most 1.0x the time of
  ``python -c "from pydantic import BaseModel"`` (whole processes, run in turn,
  the ratio taken pair by pair and its median quoted);
- ``import socialvalue`` plus the first ``load`` of a Review submission takes at
  most 100 ms, timed inside the process (interpreter start-up excluded, as a
  long-running app or notebook sees it).

Run with ``python -m benchmarks import``; ``BENCH_IMPORT_PAIRS`` sets the number
of pairs (default 21).
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "socialvalue"
EXAMPLE = PACKAGE / "examples" / "review-submission.json"

_IMPORT = "import socialvalue"
_PYDANTIC = "from pydantic import BaseModel"
_FIRST_LOAD = """
import json, sys, time
document = json.loads(sys.argv[1])
start = time.perf_counter()
import socialvalue as sv
sv.load("review-submission", document)
taken = time.perf_counter() - start
print(taken, sum(name.startswith("socialvalue") for name in sys.modules))
"""
_MODULES = """
import sys
import socialvalue
print(sorted(name for name in sys.modules if name.startswith("socialvalue")))
"""


def _wall(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def _paired(pairs: int) -> tuple[list[float], list[float], list[float]]:
    """Whole-process seconds of each command, taken in turn, and their ratios."""
    ours, theirs = [], []
    _wall(_IMPORT), _wall(_PYDANTIC)  # warm the file cache for both
    for _ in range(pairs):
        ours.append(_wall(_IMPORT))
        theirs.append(_wall(_PYDANTIC))
    return ours, theirs, [a / b for a, b in zip(ours, theirs, strict=True)]


def _first_load(runs: int) -> tuple[list[float], int]:
    text = json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    taken, modules = [], 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_LOAD, text], check=True, capture_output=True, text=True
        )
        seconds, count = out.stdout.split()
        taken.append(float(seconds))
        modules = int(count)
    return taken, modules


def _loaded_by_import() -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", _MODULES], check=True, capture_output=True, text=True
    )
    return list(json.loads(out.stdout.replace("'", '"')))


def _spread(values: list[float], scale: float = 1e3, unit: str = "ms") -> str:
    return (
        f"{statistics.median(values) * scale:.1f} {unit}"
        f" (min {min(values) * scale:.1f}, max {max(values) * scale:.1f})"
    )


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def run() -> str:
    """Measure both targets and return the Markdown section."""
    pairs = int(os.environ.get("BENCH_IMPORT_PAIRS", "21"))
    # An installed wheel ships compiled bytecode, as pydantic's does; an editable
    # checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every module
    # on every import, which no user's program pays.
    compileall.compile_dir(PACKAGE, quiet=1)
    ours, theirs, ratios = _paired(pairs)
    ratio = statistics.median(ratios)
    first, modules = _first_load(pairs)
    first_ms = statistics.median(first) * 1e3
    bare = [_wall("pass") for _ in range(pairs)]
    loaded = _loaded_by_import()
    return "\n".join(
        [
            "## Import",
            "",
            f"Fresh processes, {pairs} pairs run in turn; medians, with the spread.",
            "",
            "| command or step | time | against | target |",
            "|---|---|---|---|",
            f'| `python -c "{_IMPORT}"` | {_spread(ours)} |'
            f" {ratio:.2f}x pydantic (pair by pair: min {min(ratios):.2f}, max"
            f" {max(ratios):.2f}) | ≤ 1.0x: {_verdict(ratio <= 1.0)} |",
            f'| `python -c "{_PYDANTIC}"` | {_spread(theirs)} | floor | |',
            f'| `python -c "pass"` | {_spread(bare)} | interpreter start-up | |',
            f"| `import socialvalue` + first `load` of a Review submission, in process |"
            f" {_spread(first)} | {modules} socialvalue modules loaded |"
            f" ≤ 100 ms: {_verdict(first_ms <= 100)} |",
            "",
            f"`import socialvalue` alone loads {len(loaded)} of the package's modules"
            f" ({', '.join(f'`{name}`' for name in loaded)}): every other name is loaded"
            " on first use (PEP 562), and a document kind imports its area only when the"
            " kind is first used.",
        ]
    )
