"""Money: hostile input must fail fast; parsing valid amounts costs little."""

from __future__ import annotations

import timeit
from decimal import Decimal

from socialvalue import Money


def _per_call(stmt: object, number: int) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=5)) / number  # type: ignore[arg-type]


def _refuse(text: str) -> None:
    try:
        Money(text)
    except ValueError:
        return
    raise AssertionError(f"{text!r} was accepted")


def run() -> str:
    """Time refusing hostile amounts and parsing valid ones, beside bare Decimal()."""
    hostile = ["1e999999999", "9" * 10_000, "NaN", "-Infinity", "1_000"]
    rows = []
    for text in hostile:
        seconds = _per_call(lambda text=text: _refuse(text), 2_000)
        shown = text if len(text) < 20 else text[:8] + "…"
        verdict = "meets" if seconds < 1e-3 else "MISSES"
        rows.append(f"| `Money({shown!r})` refused | {seconds * 1e6:.1f} µs | < 1 ms: {verdict} |")
    parse = _per_call(lambda: Money("50000.00"), 50_000)
    floor = _per_call(lambda: Decimal("50000.00"), 50_000)
    rows.append(
        f"| `Money('50000.00')` | {parse * 1e6:.2f} µs | floor `Decimal()` {floor * 1e6:.2f} µs |"
    )
    return "\n".join(
        [
            "## Money",
            "",
            "| operation | time per call | target / floor |",
            "|---|---|---|",
            *rows,
        ]
    )
