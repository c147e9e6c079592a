"""The three councils' files as published, read whole: totals recounted, every pound reconciled.

The files are the copies in ``../shared/data`` (see its README). Each test reads them
with :class:`SpendFile` as the command line will (text decoded by the layout's
encodings, lines handed over), and recounts them independently with :mod:`csv` and
:class:`~decimal.Decimal`, grouping by supplier id (Trafford) or by the documented
normalised name (Manchester, Salford) and leaving out the payees the documented rules
leave out.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from socialvalue import (
    PAYEE_RULES,
    AssessmentResult,
    Encoding,
    Money,
    NameRules,
    Obligation,
    Reconciliation,
    SpendFile,
    assess,
    default_policy,
    parse_financial_year,
    with_names,
)

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the clone; a worktree one level deeper looks two up.
DATA = next(
    (
        base / "shared" / "data"
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "data").is_dir()
    ),
    None,
)


def data_file(name: str) -> Path:
    path = None if DATA is None else DATA / name
    if path is None or not path.exists():
        pytest.skip(f"the real spend file ../shared/data/{name} is not beside the repository")
    return path


def decoded(data: bytes) -> tuple[str, Encoding]:
    """The text of a file in the first encoding that reads it whole (as the CLI will)."""
    for encoding in (Encoding.UTF_8, Encoding.WINDOWS_1252):
        try:
            return data.decode(encoding.value), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("no encoding reads the file")  # pragma: no cover


@attrs.frozen
class Read:
    """One council's year: supplier totals and names, layouts, encodings, marks, results."""

    totals: dict[str, Decimal]
    names: dict[str, tuple[str, ...]]
    layouts: set[str]
    encodings: set[Encoding]
    marks: set[str | None]
    reconciliation: Reconciliation
    result: AssessmentResult

    @property
    def result_totals(self) -> dict[str, Money]:
        return {a.supplier_id: a.total for a in self.result}


def members(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            yield name, archive.read(name)


def read_year(name: str, year: str) -> Read:
    period = parse_financial_year(year)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    names: dict[str, tuple[str, ...]] = {}
    layouts, encodings, marks = set(), set(), set()
    done: Reconciliation | None = None
    lines = []
    for _, data in members(data_file(name)):
        text, encoding = decoded(data)
        spend = SpendFile.from_lines(text.split("\n"), period=period)
        for line in spend:
            totals[line.supplier_id] += line.amount.amount
            lines.append(line)
        for key, spellings in spend.supplier_spellings().items():
            names[key] = tuple(dict.fromkeys((*names.get(key, ()), *spellings)))
        layouts.add(spend.recognition.layout.id)
        encodings.add(encoding)
        marks.add(spend.recognition.mark)
        done = spend.reconciliation() if done is None else done + spend.reconciliation()
    assert done is not None
    result = assess(default_policy(), lines, period)
    return Read(dict(totals), names, layouts, encodings, marks, done, result)


@attrs.frozen
class Recount:
    rows: int
    everything: Decimal
    withheld: Decimal
    apart: Decimal
    suppliers: dict[str, Decimal]


def recount(
    name: str, *, name_col: str, amount_col: str, expense_col: str, id_col: str | None
) -> Recount:
    """An independent count: csv.reader and Decimal, the documented names and payee rules."""
    rows, everything, withheld, apart = 0, Decimal(0), Decimal(0), Decimal(0)
    suppliers: dict[str, Decimal] = defaultdict(Decimal)
    keys = NameRules()
    # The rules are applied once per distinct payee, as a person recounting would.
    seen: dict[tuple[str, str, str], str] = {}
    for _, data in members(data_file(name)):
        text, _ = decoded(data)
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
        header = [h.strip() for h in next(reader)]
        # Salford's renamed columns: whichever of the names the month uses.
        at = {
            role: next(i for i, h in enumerate(header) if h in options)
            for role, options in (
                ("name", name_col.split("|")),
                ("amount", amount_col.split("|")),
                ("expense", expense_col.split("|")),
            )
        }
        for row in reader:
            if not row:
                continue
            rows += 1
            amount = Decimal(row[at["amount"]].replace("£", "").replace(",", ""))
            everything += amount
            payee = row[at["name"]].strip()
            supplier_id = row[header.index(id_col)] if id_col else ""
            who = (payee, supplier_id, row[at["expense"]])
            if who not in seen:
                if PAYEE_RULES.is_withheld(payee, supplier_id):
                    seen[who] = "withheld"
                elif PAYEE_RULES.rule_for(payee, who[2]) is not None:
                    seen[who] = "apart"
                else:
                    seen[who] = supplier_id or keys.key(payee)
            if seen[who] == "withheld":
                withheld += amount
            elif seen[who] == "apart":
                apart += amount
            else:
                suppliers[seen[who]] += amount
    return Recount(rows, everything, withheld, apart, dict(suppliers))


def check_against(read: Read, counted: Recount) -> None:
    done = read.reconciliation
    assert done.rows_read == counted.rows
    assert done.read_total == Money(counted.everything)
    assert done.withheld.total == Money(counted.withheld)
    assert done.apart.total == Money(counted.apart)
    assert (done.bad.lines, done.outside_period.lines) == (0, 0)
    # Per supplier: the reader's lines, the assessment's totals and the recount agree.
    assert read.totals == counted.suppliers
    assert {k: v.amount for k, v in read.result_totals.items()} == counted.suppliers
    # To the penny: every row and every pound is somewhere.
    assert done.assessed.total + done.withheld.total + done.apart.total == done.read_total
    assert done.assessed.lines + done.withheld.lines + done.apart.lines == done.rows_read


@pytest.fixture(scope="module")
def trafford() -> Read:
    return read_year("trafford-supplier-spend-2024-25.zip", "2024/25")


@pytest.fixture(scope="module")
def manchester() -> Read:
    return read_year("manchester-spend-2020-21.zip", "2020/21")


@pytest.fixture(scope="module")
def salford() -> Read:
    return read_year("salford-spend-2020-21.zip", "2020/21")


def test_trafford_by_supplier_id(trafford: Read) -> None:
    assert trafford.layouts == {"transparency-code"}
    assert trafford.encodings == {Encoding.UTF_8}
    check_against(
        trafford,
        recount(
            "trafford-supplier-spend-2024-25.zip",
            name_col="BeneficiaryName",
            amount_col="Amount",
            expense_col="ProclassLabel",
            id_col="BeneficiaryOtherID",
        ),
    )
    done = trafford.reconciliation
    assert done.rows_read == 210_068
    assert done.withheld.lines == 34_612
    rules = done.to_dict()["apart_by_rule"]
    assert rules["public-bodies"]["total"].startswith("685")  # GMCA, £68.5m
    assert {"tax-and-duty", "pension-funds", "councils", "nhs"} <= set(rules)
    assert trafford.result_totals["160373"] == Money("50000.00")  # The Toy House
    assert "100320" not in trafford.result_totals  # the Combined Authority
    assert "163782" not in trafford.result_totals  # HMRC
    # Companies whose names hold "NHS" or "Pension" are suppliers (25 lines of rent
    # to NHS Property Services Ltd; training from the Pensions Management Institute).
    assert trafford.result_totals["162271"] == Money("382532.44")
    assert trafford.result_totals["165869"] == Money("477.99")


def test_trafford_boundary_supplier_owes_the_review(trafford: Read) -> None:
    lines = [(key, total) for key, total in trafford.result_totals.items() if key == "160373"]
    assert lines == [("160373", Money("50000.00"))]
    assert default_policy().obligation_for(Money("50000.00")) is Obligation.REVIEW


def test_manchester_as_published_by_normalised_name(manchester: Read) -> None:
    assert manchester.layouts == {"manchester"}
    assert manchester.encodings == {Encoding.WINDOWS_1252}
    check_against(
        manchester,
        recount(
            "manchester-spend-2020-21.zip",
            name_col="Supplier Name",
            amount_col="Net Amount",
            expense_col="Expenses Type",
            id_col=None,
        ),
    )
    done = manchester.reconciliation
    assert done.rows_read == 34_155
    assert done.withheld.lines == 2_022
    assert "redactive-publishing" in manchester.totals
    # Names come out as the council wrote them, never as mojibake.
    spellings = [s for names in manchester.names.values() for s in names]
    assert not [s for s in spellings if "Ã" in s or "Â" in s or "\ufffd" in s]


def test_salford_in_every_header_variant_by_normalised_name(salford: Read) -> None:
    assert salford.layouts == {"salford"}
    assert salford.marks == {None, "ï»¿", "Ã¯»¿"}
    check_against(
        salford,
        recount(
            "salford-spend-2020-21.zip",
            name_col="Supplier Name|Vendor Name",
            amount_col="Net",
            expense_col="G/L description.|GL Description",
            id_col=None,
        ),
    )
    done = salford.reconciliation
    # Gross less VAT is checked against net on every row, and none disagrees.
    assert done.rows_read == 31_553
    assert done.withheld.lines == 7_057
    assert "redactive-publishing" in salford.totals
    # A landlord company with "Pension Fund" in its name: rent is a purchase
    # (net £15,250.00 in November and January, £941.58 + £15,250.00 in May).
    assert salford.totals["quorum-estates-pension-fund"] == Decimal("46691.58")
    # Another landlord: nine rents, £3.08m net.
    assert salford.totals["legal-and-general-pensions"] == Decimal("3080039.00")
    # Spellings of one supplier meet under one key, and every spelling is kept.
    assert len(salford.names["addleshaw-goddard"]) >= 1
    assert max(len(v) for v in salford.names.values()) > 1


def test_names_on_the_assessment(manchester: Read) -> None:
    spellings = {key: names[0] for key, names in manchester.names.items()}
    result = with_names(manchester.result, spellings)
    assert result["redactive-publishing"].supplier_name == "Redactive Publishing Limited"
