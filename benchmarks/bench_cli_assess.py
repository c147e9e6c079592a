"""`socialvalue assess` on a real council spend file, against a plain-Python floor.

The file is Trafford Council's 2024/25 "expenditure exceeding £500" data (210,068
payment lines), read straight from the zip in ../shared/data. The floor is the least
any tool must do: a ``csv.DictReader`` loop summing ``Decimal(Amount)`` per
beneficiary. Both run in the same process, in the same run, best of three.
"""

from __future__ import annotations

import csv
import io
import resource
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from socialvalue.cli import main

ROOT = Path(__file__).resolve().parent.parent
NAME = "trafford-supplier-spend-2024-25.zip"
# ../shared beside the clone; a git worktree under <root>/wt/<name> looks two up.
DATA = next(
    (
        base / "shared" / "data" / NAME
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "data" / NAME).exists()
    ),
    ROOT.parent / "shared" / "data" / NAME,
)
RUNS = 3
TIME_TARGET = 2.0  # at most twice the floor's time
MEMORY_TARGET = 100 * 1024 * 1024  # bytes of peak traced memory


def floor() -> int:
    """Sum each beneficiary's amounts with nothing but the standard library."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    with zipfile.ZipFile(DATA) as archive, archive.open(archive.namelist()[0]) as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")):
            totals[row["BeneficiaryName"]] += Decimal(row["Amount"])
    return len(totals)


def cli() -> int:
    """The command line, in this process, its output discarded."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["assess", str(DATA), "--format", "csv"], stdout=out, stderr=err)
    if code != 0:
        raise RuntimeError(err.getvalue())
    return out.getvalue().count("\n") - 1


def _timed(call: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def _best_times() -> tuple[tuple[float, int], tuple[float, int]]:
    """Best of RUNS for each, interleaved so that a busy machine slows both alike."""
    floors, clis = [], []
    for _ in range(RUNS):
        floors.append(_timed(floor))
        clis.append(_timed(cli))
    return min(floors), min(clis)


def _peak(call: Callable[[], int]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _process() -> tuple[float, int]:
    """One `python -m socialvalue assess` process: wall time and peak resident memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "socialvalue", "assess", str(DATA), "--format", "csv"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak_kib, before) * 1024


def run() -> str:
    if not DATA.exists():
        return f"## `socialvalue assess`\n\nSkipped: {DATA} is not there."
    (floor_time, beneficiaries), (cli_time, suppliers) = _best_times()
    floor_peak, cli_peak = _peak(floor), _peak(cli)
    process_time, process_rss = _process()
    ratio = cli_time / floor_time
    mib = 1024 * 1024
    time_verdict = "meets" if ratio <= TIME_TARGET else "MISSES"
    memory_verdict = "meets" if max(cli_peak, process_rss) < MEMORY_TARGET else "MISSES"
    return "\n".join(
        [
            "## `socialvalue assess` on a real spend file",
            "",
            "Trafford Council, 2024/25, 210,068 payment lines read from the zip; best of"
            f" {RUNS} interleaved runs in one process (interpreter start-up not included).",
            "",
            "| run | time | peak traced memory | result |",
            "|---|---|---|---|",
            f"| floor: `csv.DictReader` + `Decimal` sum per name | {floor_time:.2f} s"
            f" | {floor_peak / mib:.1f} MiB | {beneficiaries:,} names |",
            f"| `socialvalue assess FILE.zip --format csv` | {cli_time:.2f} s"
            f" | {cli_peak / mib:.1f} MiB | {suppliers:,} suppliers assessed |",
            "",
            f"Time: {ratio:.2f}× the floor; target ≤ {TIME_TARGET:.0f}×: {time_verdict}."
            f" Peak memory: {cli_peak / mib:.1f} MiB traced, {process_rss / mib:.0f} MiB resident;"
            f" target < 100 MB: {memory_verdict}.",
            "",
            f"As a separate process (`python -m socialvalue assess FILE.zip --format csv`,"
            f" start-up included): {process_time:.2f} s, peak resident memory"
            f" {process_rss / mib:.0f} MiB for the whole interpreter.",
        ]
    )
