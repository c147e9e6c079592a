"""Limits: a million-item list in every kind of document, refused within the bound.

For each document kind, an example document (from ``tests/examples``) gets a list of
1,000,000 nulls in each place one level or two down (every key, and every key of
the first item of each list) and as the whole document; ``validate`` runs on each.
The table gives, per kind, the slowest of those places (best of three runs) and
the largest peak that ``tracemalloc`` saw, beside the target of issue 15: under a
second and under 100 MB.

Run with ``python -m benchmarks limits``.
"""

from __future__ import annotations

import copy
import json
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import socialvalue as sv

EXAMPLES = Path(__file__).parent.parent / "tests" / "examples"
MILLION = 1_000_000


def _places(document: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    yield ()
    for key, value in document.items():
        yield (key,)
        inner = value[0] if isinstance(value, list) and value else value
        prefix = (key, 0) if isinstance(value, list) else (key,)
        if isinstance(inner, dict):
            for name in inner:
                yield (*prefix, name)


def _put(document: Any, steps: tuple[Any, ...], value: Any) -> Any:
    if not steps:
        return value
    copied = copy.deepcopy(document)
    parent = copied
    for step in steps[:-1]:
        parent = parent[step]
    parent[steps[-1]] = value
    return copied


def _measure(kind: str, document: Any) -> tuple[float, int]:
    seconds = min(_timed(kind, document) for _ in range(3))
    tracemalloc.start()
    try:
        sv.validate(kind, document)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return seconds, peak


def _timed(kind: str, document: Any) -> float:
    started = time.perf_counter()
    sv.validate(kind, document)
    return time.perf_counter() - started


def run() -> str:
    """Time and measure ``validate`` on a million-item list in every place, per kind."""
    rows = []
    nulls: list[None] = [None] * MILLION
    for kind in sv.SCHEMA_KINDS:
        path = sorted((EXAMPLES / kind).glob("*.json"))[0]
        example = json.loads(path.read_text(encoding="utf-8"))
        worst_seconds, worst_peak, where = 0.0, 0, "$"
        for steps in _places(example):
            sv.validate(kind, _put(example, steps, [None] * 3))  # build the hooks first
            seconds, peak = _measure(kind, _put(example, steps, nulls))
            if seconds > worst_seconds:
                worst_seconds, where = seconds, sv.Issue.at(steps, "value.invalid", "").path
            worst_peak = max(worst_peak, peak)
        verdict = "meets" if worst_seconds < 1 and worst_peak < 100 * 2**20 else "MISSES"
        rows.append(
            f"| {kind} | `{where}` | {worst_seconds * 1000:.1f} ms"
            f" | {worst_peak / 2**20:.1f} MiB | {verdict} |"
        )
    return "\n".join(
        [
            "## Limits: a million-item list in each kind of document",
            "",
            "| kind | slowest place | time | peak memory | < 1 s and < 100 MB |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
