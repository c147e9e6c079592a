"""Reading the region's real spend files, against a bare ``csv`` + ``Decimal`` loop.

Each of the three files in ../shared/data (Trafford 2024/25, Manchester and Salford
2020/21, the latter two twelve monthly CSVs each) is read two ways in one process,
the two alternating, best of nine by CPU time, each from a collected heap:

- the floor: each CSV opened from the zip, decoded, split by ``csv.DictReader`` and
  its amount column summed into a dict by payee name with ``Decimal`` (amounts such
  as Manchester's ``"£1,234.56"`` stripped of ``£`` and ``,`` first): the least any
  reader must do, checking nothing;
- the library: the same CSVs through the command line's reader
  (``socialvalue.cli._spend_stream.SpendStream``: bounded streaming, the choice of
  encoding, the strict CSV parser, layout recognition, the amount grammar, dates,
  payee rules, name keys and the reconciliation), each supplier's lines summed as
  ``socialvalue assess`` sums them, in the reader (``SpendStream.sums``).

Target (issue 14): the library at most twice the floor's time on each file.
"""

from __future__ import annotations

import csv
import gc
import io
import re
import time
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from socialvalue.cli._spend_files import Limits, open_source, spend_sources
from socialvalue.cli._spend_stream import SpendStream
from socialvalue.periods import parse_financial_year
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import forget
from socialvalue.spend._quoting import text_rows

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the clone; a git worktree one level deeper looks two up.
DATA = next(
    (
        base / "shared" / "data"
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "data").is_dir()
    ),
    ROOT.parent / "shared" / "data",
)
#: file, council, year, encoding
FILES = (
    ("trafford-supplier-spend-2024-25.zip", "Trafford", "2024/25", "utf-8"),
    ("manchester-spend-2020-21.zip", "Manchester", "2020/21", "cp1252"),
    ("salford-spend-2020-21.zip", "Salford", "2020/21", "utf-8"),
)
# Byte-order marks, plain or doubly encoded, before the first column's name.
_MARKS = re.compile("^(\ufeff|\u00ef\u00bb\u00bf|\u00c3\u00af\u00c2\u00bb\u00c2\u00bf)+")
NAMES = ("BeneficiaryName", "Supplier Name", "Vendor Name")
AMOUNTS = ("Amount", "Net Amount", "Net")
# Best of nine: on a shared machine a file of 30,000 rows took from 0.18 s to 0.32 s
# for the same floor within one run; the least of more tries is the steadier figure.
RUNS = 9
TARGET = 2.0
WHY = [
    "",
    "Before the reading path was made faster (issue 14, the same benchmark and floor):"
    " Trafford 1.66×, Manchester 5.41×, Salford 5.32× (1.27 s, 0.86 s and 0.74 s"
    " against floors of 1.27 s, 0.16 s and 0.14 s). Manchester's and Salford's years are"
    " small and their payees many, so the time went on work done per distinct payee,"
    " per distinct amount and per file. Now each payee (name, id, expense type) is"
    " sorted once for every file of the year, whatever its header (not once a monthly"
    " file); a name is taken apart once, whatever its expense type, and its words"
    " give its redaction check, its payee rules and its key in one pass (ASCII"
    " names without Unicode folding; every rule's terms in one table, behind a set"
    " of the words any rule starts with; an expense type's rules remembered as"
    " bits); amounts such as `£9,854.98` are read"
    " by the grammar's own patterns without its argument check, strip and look-ups,"
    " falling back to the full grammar for anything else, and a new gross, VAT and net"
    " triple is read and checked in one closure; a line with one quoted field"
    " is split at its quotes; the amounts of one format are remembered across files;"
    " a finished file's reconciliation is made once; and each supplier's lines are"
    " summed as they are read, as the command line sums them, with no `SpendLine` or"
    " `Money` made. Every fast path is checked against its definition by the"
    " properties in `tests/test_spend_fast_paths.py`. What is left beyond the floor is"
    " the reader's own work per row (the strict split, each row's amount, date and"
    " payee looked up, the reconciliation's tallies, the supplier's sum) and, on a"
    " cold start, reading each distinct amount"
    " and sorting each distinct payee once (a few µs each).",
]


def floor(path: Path, encoding: str) -> int:
    """Rows summed by name with ``csv.DictReader`` and ``Decimal``, checking nothing.

    The floor is told each file's encoding; the library finds it out.
    """
    totals: dict[str, Decimal] = {}
    rows = 0
    with zipfile.ZipFile(path) as archive:
        for member in sorted(m for m in archive.namelist() if m.lower().endswith(".csv")):
            with archive.open(member) as raw:
                reader = csv.DictReader(io.TextIOWrapper(raw, encoding=encoding, newline=""))
                header = [_MARKS.sub("", h).strip() for h in reader.fieldnames or []]
                reader.fieldnames = header
                name = next(n for n in NAMES if n in header)
                amount = next(a for a in AMOUNTS if a in header)
                for row in reader:
                    rows += 1
                    key = row[name]
                    text = row[amount].replace("£", "").replace(",", "")
                    totals[key] = totals.get(key, Decimal(0)) + Decimal(text)
    return rows


def library(path: Path, year: str) -> int:
    """The same CSVs read and summed by supplier as ``socialvalue assess`` does.

    The memo of payees sorted, kept between files read with the same rules, is
    emptied first: each run pays for sorting its payees, as a command-line run does.
    """
    forget()
    stream = SpendStream(
        [str(path)], io.StringIO(), vat_basis=VatBasis.NET, period=parse_financial_year(year)
    )
    stream.sums("GBP")
    return stream.reconciliation().rows_read


def stages(path: Path) -> tuple[float, float]:
    """CPU time to stream the file's lines (bounded, decoded), and to split them strictly."""
    sources = list(spend_sources([str(path)], io.StringIO()))
    start = time.process_time()
    for source in sources:
        opened = open_source(source, Limits(), None)
        for _ in opened.text:
            pass
        opened.text.close()
    lines = time.process_time() - start
    start = time.process_time()
    for source in sources:
        opened = open_source(source, Limits(), None)
        for _ in text_rows(opened.text):
            pass
        opened.text.close()
    return lines, time.process_time() - start


def _cpu(call: Callable[[], int]) -> tuple[float, int]:
    # Each run starts from a collected heap, as bench_assess's do: what the run
    # before left behind is not collected on this one's time.
    gc.collect()
    start = time.process_time()
    result = call()
    return time.process_time() - start, result


def run() -> str:
    lines = [
        "## Reading the region's spend files",
        "",
        "Each real file in ../shared/data read whole, two ways in one process, alternating;"
        f" best of {RUNS} by CPU time, each run from a collected heap. Floor:"
        " `csv.DictReader` + `Decimal` sums by name,"
        " checking nothing. Library: the command line's reader (bounded streaming,"
        " encoding, strict CSV, layout, amount grammar, dates, payee rules, name keys,"
        " reconciliation), its lines summed by supplier.",
        "",
        "| file | rows | floor | library | ratio | target ≤ 2× |",
        "|---|---|---|---|---|---|",
    ]
    where = [
        "",
        "Where the library's time goes (one run each): streaming the lines (bounded,"
        " decoded), splitting them by the strict CSV rules, and the rest of the reader.",
        "",
        "| file | lines | strict CSV | the rest | floor, all of it |",
        "|---|---|---|---|---|",
    ]
    for name, council, year, encoding in FILES:
        path = DATA / name
        if not path.exists():
            lines.append(f"| {council} | skipped: {path} is not there | | | | |")
            continue
        floors, ours = [], []
        for _ in range(RUNS):
            floors.append(_cpu(lambda p=path, e=encoding: floor(p, e)))  # type: ignore[misc]
            ours.append(_cpu(lambda p=path, y=year: library(p, y)))  # type: ignore[misc]
        (floor_time, rows), (our_time, read) = min(floors), min(ours)
        if rows != read:
            raise RuntimeError(f"{name}: the floor read {rows:,} rows, the library {read:,}")
        ratio = our_time / floor_time
        streamed, split = stages(path)
        where.append(
            f"| {council} | {streamed:.2f} s | {split - streamed:.2f} s"
            f" | {our_time - split:.2f} s | {floor_time:.2f} s |"
        )
        verdict = "meets" if ratio <= TARGET else "MISSES"
        lines.append(
            f"| {council} {year} | {rows:,} | {floor_time:.2f} s | {our_time:.2f} s"
            f" | {ratio:.2f}× | {verdict} |"
        )
    return "\n".join(lines + where + WHY)
