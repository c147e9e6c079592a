"""`socialvalue assess` on 1,000,000 synthetic Transparency Code lines, against a plain loop.

The file is made for the run, deterministically (a fixed seed), in a temporary
folder: 1,000,000 payment lines over 50,000 suppliers in 2025/26, in the layout
Trafford Council publishes (the Transparency Code's sixteen columns, CRLF line ends,
ISO dates, plain amounts such as ``3082.50``, one in ten a credit note). Each
supplier has one id, one spelling of its name and one Proclass label, as most of
Trafford's do; amounts average £2,500, so that totals straddle the £50,000 line.

Two readers, in one process, alternating, best of three by CPU time:

- the floor: ``csv.DictReader`` over the file and a ``Decimal`` sum per supplier id,
  checking nothing (the least any tool must do to answer);
- the command line: ``socialvalue.cli.main(["assess", FILE, "--format", "csv"])``
  in this process (bounded streaming, the choice of encoding, the strict CSV parser,
  layout recognition, the amount grammar, dates, payee rules, the reconciliation,
  the assessment of every supplier and its CSV), starting cold (no memo kept from an
  earlier run), its output written and dropped; once, kept and checked against the
  floor's totals, supplier by supplier, to the penny.

Peak memory is measured twice: traced (``tracemalloc``) in this process, and
resident, for a separate interpreter running the same command.

Targets (issue 14): at most twice the floor's time; peak memory under 100 MB.
"""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from socialvalue.cli import main
from socialvalue.cli._spend_stream import SpendStream
from socialvalue.periods import parse_financial_year
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import forget

LINES = 1_000_000
SUPPLIERS = 50_000
RUNS = 3
TIME_TARGET = 2.0
MEMORY_TARGET = 100 * 1000 * 1000  # 100 MB
YEAR = parse_financial_year("2025/26")
#: Measured with this benchmark before the reading path was made faster (issue 14).
BEFORE = "floor 5.32 s, command line 25.05 s: 4.71×"
HEADER = (
    "OrganisationLabel,OrganisationURI,EffectiveDate,OrganisationalUnit,BeneficiaryName,"
    "BeneficiaryOtherID,PaymentDate,TransactionNumber,Amount,IrrecoverableVATAmount,Purpose,"
    "ProclassLabel,ProclassCode,InvoiceNumber,ProfitCentre,VATRegistrationNumber"
)
_BODY = "Trafford Council,https://opendatacommunities.org/id/metropolitan-district-council/trafford"
_WORDS = (
    "Abbey",
    "Acorn",
    "Apex",
    "Beacon",
    "Bridge",
    "Canal",
    "Cedar",
    "Civic",
    "Crown",
    "Delta",
    "Eagle",
    "Forge",
    "Granite",
    "Harbour",
    "Heath",
    "Irwell",
    "Kestrel",
    "Lantern",
    "Maple",
    "Meadow",
    "Mersey",
    "Northern",
    "Pennine",
    "Quay",
    "Ridge",
    "Summit",
    "Thistle",
    "Willow",
)
_TRADES = (
    "Building",
    "Care",
    "Cleaning",
    "Consulting",
    "Digital",
    "Engineering",
    "Facilities",
    "Foods",
    "Landscapes",
    "Logistics",
    "Plumbing",
    "Print",
    "Roofing",
    "Security",
    "Supplies",
    "Training",
    "Transport",
)
_SUFFIXES = ("Ltd", "Limited", "LLP", "Ltd", "Limited", "& Co", "CIC", "Group Ltd")
_LABELS = (
    "SOCIAL CARE : Equipment",
    "CONSTRUCTION: Bld Construction",
    "FACILITIES MANAGEMENT: Cleaning",
    "ICT: Software",
    "TRANSPORT: Fleet Hire",
    "CATERING: Food",
    "SOCIAL CARE : Residential",
    "HIGHWAYS: Maintenance",
    "PROFESSIONAL SERVICES: Legal",
    "ENERGY: Electricity",
)


def make_file(folder: Path, lines: int = LINES, suppliers: int = SUPPLIERS) -> Path:
    """Write the synthetic year into ``folder``; the same bytes on every run."""
    rng = random.Random(2025)
    people = []
    for number in range(suppliers):
        name = (
            f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_TRADES)}"
            f" {number} {rng.choice(_SUFFIXES)}"
        )
        label = rng.randrange(len(_LABELS))
        prefix = f"{_BODY},2026-03-31,UNIT {label:02d},{name},{100000 + number},"
        suffix = f",0.00,Services {number},{_LABELS[label]},{391110 + label},"
        people.append((prefix, suffix, f"GB{800000000 + number}"))
    days = [(date(2025, 4, 1) + timedelta(days=d)).isoformat() for d in range(365)]
    mean_pence = 250_000 * suppliers * 20 // lines
    path = folder / "synthetic-spend-2025-26.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\r\n")
        for number in range(lines):
            prefix, suffix, vat = people[rng.randrange(suppliers)]
            pence = rng.randrange(1, 2 * mean_pence)
            sign = "-" if rng.random() < 0.1 else ""
            out.write(
                f"{prefix}{days[rng.randrange(365)]},{5100000000 + number},"
                f"{sign}{pence // 100}.{pence % 100:02d}{suffix}{60000 + number},610098,{vat}\r\n"
            )
    return path


def floor(path: Path) -> dict[str, Decimal]:
    """Each supplier id's total with ``csv.DictReader`` and ``Decimal``, checking nothing."""
    totals: dict[str, Decimal] = {}
    get = totals.get
    zero = Decimal(0)
    with path.open(encoding="utf-8", newline="") as text:
        for row in csv.DictReader(text):
            key = row["BeneficiaryOtherID"]
            totals[key] = get(key, zero) + Decimal(row["Amount"])
    return totals


def reader(path: Path) -> int:
    """The command line's reader alone (no assessment, no output), summing by supplier."""
    forget()
    stream = SpendStream([str(path)], io.StringIO(), vat_basis=VatBasis.NET, period=YEAR)
    totals, _ = stream.sums("GBP")
    return len(totals)


class _Discard(io.StringIO):
    """Output written and dropped: the timed and traced runs do not hold 50,000 rows."""

    def write(self, text: str) -> int:
        return len(text)


def cli(path: Path, out: io.StringIO | None = None) -> str:
    """The command line, in this process, starting cold: its CSV output (if ``out`` keeps it)."""
    forget()
    out, err = out if out is not None else _Discard(), io.StringIO()
    if main(["assess", str(path), "--format", "csv"], stdout=out, stderr=err) != 0:
        raise RuntimeError(err.getvalue())
    return out.getvalue()


def _totals(output: str) -> dict[str, Decimal]:
    rows = csv.DictReader(line for line in output.splitlines() if not line.startswith("#"))
    return {row["supplier_id"]: Decimal(row["total"]) for row in rows}


def _cpu(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def _traced(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# The child reports its own peak, so no earlier child's peak is mistaken for it.
_CHILD = """
import resource, sys
from socialvalue.cli import main
from socialvalue.cli._spend_stream import SpendStream
from socialvalue.periods import parse_financial_year
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import forget
code = main(["assess", sys.argv[1], "--format", "csv"])
sys.stdout.flush()
# VmHWM is this program's own peak; ru_maxrss also keeps the peak of the process
# that started it (Linux carries it over exec), the benchmark's hundreds of MB.
try:
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, file=sys.stderr)
sys.exit(code)
"""


def _resident(path: Path) -> tuple[float, int]:
    """Wall time and peak resident bytes of ``python -c … assess FILE`` in its own process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stderr.split()[-1]) * 1024


def run() -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = make_file(Path(folder))
        size = path.stat().st_size
        expected, output = floor(path), cli(path, io.StringIO())
        got = _totals(output)
        if got != expected:
            wrong = sorted(k for k in expected.keys() | got.keys() if expected.get(k) != got.get(k))
            raise RuntimeError(f"the command line's totals differ from the floor's: {wrong[:5]}")
        floors, clis, readers = [], [], []
        for _ in range(RUNS):
            floors.append(_cpu(lambda: floor(path)))
            clis.append(_cpu(lambda: cli(path)))
            readers.append(_cpu(lambda: reader(path)))
        floor_time, cli_time, reader_time = min(floors), min(clis), min(readers)
        floor_peak, cli_peak = _traced(lambda: floor(path)), _traced(lambda: cli(path))
        process_time, resident = _resident(path)
    ratio = cli_time / floor_time
    mb = 1000 * 1000
    time_verdict = "meets" if ratio <= TIME_TARGET else "MISSES"
    memory_verdict = "meets" if max(cli_peak, resident) < MEMORY_TARGET else "MISSES"
    return "\n".join(
        [
            f"## `socialvalue assess` on {LINES:,} synthetic lines",
            "",
            f"{LINES:,} Transparency Code lines (Trafford's sixteen columns, {size / mb:.0f} MB)"
            f" over {len(expected):,} suppliers in 2025/26, made for the run with a fixed"
            f" seed; CPU time, best of {RUNS}, the two alternating in one process. The"
            " command line's totals equal the floor's for every supplier, to the penny.",
            "",
            "| run | CPU time | peak traced memory |",
            "|---|---|---|",
            f"| floor: `csv.DictReader` + `Decimal` sum per supplier id | {floor_time:.2f} s"
            f" | {floor_peak / mb:.1f} MB |",
            f"| `socialvalue assess FILE.csv --format csv`, in process | {cli_time:.2f} s"
            f" | {cli_peak / mb:.1f} MB |",
            f"| of which its reader alone, summing by supplier | {reader_time:.2f} s"
            f" ({reader_time / floor_time:.2f}×) | |",
            "",
            f"Time: {ratio:.2f}× the floor; target ≤ {TIME_TARGET:.0f}×: {time_verdict}."
            f" Peak memory: {cli_peak / mb:.1f} MB traced, {resident / mb:.0f} MB resident"
            f" (a separate interpreter, {process_time:.1f} s with start-up); target < 100 MB:"
            f" {memory_verdict}.",
            "",
            f"Before the reading path was made faster (issue 14): {BEFORE}; 2.58–2.88×"
            " before the reader summed each supplier's lines itself. The command line now"
            " makes no `SpendLine`: its reader adds each line to its supplier's total as it"
            " reads, and `assess` tests the totals. The reader's own time is the strict"
            " split of sixteen fields a line, each line's payee looked up among 50,000"
            " (and each sorted once), hundreds of thousands of distinct amounts read by the"
            " grammar and the reconciliation's tallies; the rest is assessing the"
            f" {len(expected):,} suppliers (built without checking again values already"
            " checked) and writing their explained rows as CSV, cell by cell.",
            "",
            "Resident memory was 133 MB before the change (the 269 MB recorded earlier was"
            " this benchmark's own peak: the child's `ru_maxrss` keeps its parent's across"
            " `exec`, so the child now reports its `VmHWM`), with the reader's memos bounded"
            " at 65,536 names' words, rule"
            " masks and amounts: on this year they held ~30 MB of words and masks for"
            " names each asked about once (the payee's sorter remembers it) and ~16 MB of"
            " amounts that mostly never repeat. Words and masks are now kept for 8,192"
            " names and amounts for 32,768 texts (Trafford's 36,137 distinct amounts clear"
            " the memo once); results are the same, only work may be done again.",
        ]
    )
