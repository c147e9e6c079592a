"""Generated spend files: every row is read exactly or reported bad, and every pound reconciles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from socialvalue import (
    DateFormat,
    Layout,
    Money,
    NameRules,
    SpendFile,
    parse_financial_year,
)
from socialvalue.spend.reconciliation import CATEGORIES

LAYOUT = Layout(
    id="generated",
    name="Generated",
    supplier_name=("Supplier",),
    paid_on=("Paid",),
    net=("Amount",),
    date_formats=(DateFormat.ISO, DateFormat.DOTTED),
)
HEADER = "Supplier,Amount,Paid,Note"
NAMES = [
    "Acme Ltd",
    "ACME LIMITED",
    "Smith, Jones & Co",
    'The "Best" Cleaners',
    "Redacted Data",
    "HMRC",
    "Café Nero",
    "Beta",
]
KEYS = NameRules()


@attrs.frozen
class Row:
    name: str
    amount: Decimal
    paid_on: date
    note: str


ROWS = st.builds(
    Row,
    st.sampled_from(NAMES),
    st.decimals(min_value=Decimal("-9999999.99"), max_value=Decimal("9999999.99"), places=2),
    st.dates(date(2024, 1, 1), date(2026, 12, 31)),
    st.sampled_from(["", "fees", "a, b", 'say "hi"']),
)


def quoted(text: str, force: bool) -> str:
    if force or any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def amount_text(amount: Decimal, form: int) -> str:
    magnitude = abs(amount)
    grouped = f"{magnitude:,.2f}"
    negative = amount.is_signed()
    forms = (
        [f"-{magnitude}", f"-£{grouped}", f"£-{grouped}", f"({grouped})", f"(£{grouped})"]
        if negative
        else [f"{magnitude}", f"£{grouped}", grouped]
    )
    return forms[form % len(forms)]


#: How a row may be spoiled: some ways keep it exact, the others must make it bad.
HARMLESS = ("none", "trailing empty fields")
SPOILS = (
    *HARMLESS,
    "amount not quoted",
    "stray quote",
    "extra field",
    "missing field",
)


@st.composite
def lines_of(draw: st.DrawFn, row: Row) -> tuple[str, bool]:
    """A row written as a line, and whether it is still exactly the row."""
    form = draw(st.integers(0, 4))
    day = row.paid_on.isoformat() if draw(st.booleans()) else row.paid_on.strftime("%d.%m.%Y")
    amount = amount_text(row.amount, form)
    spoil = draw(st.sampled_from(SPOILS))
    fields = [
        quoted(row.name, draw(st.booleans())),
        amount if spoil == "amount not quoted" else quoted(amount, draw(st.booleans())),
        quoted(day, draw(st.booleans())),
        quoted(row.note, draw(st.booleans())),
    ]
    if spoil == "extra field":
        fields.append(draw(st.sampled_from(["x", "1", '" "'])))
    elif spoil == "trailing empty fields":
        fields.extend([""] * draw(st.integers(1, 3)))
    elif spoil == "missing field":
        del fields[draw(st.integers(0, 3))]
    line = ",".join(fields)
    if spoil == "stray quote":
        at = draw(st.integers(0, len(line)))
        line = line[:at] + '"' + line[at:]
    return line, spoil in HARMLESS or (spoil == "amount not quoted" and "," not in amount)


@given(st.lists(ROWS, max_size=12), st.data())
def test_every_row_is_read_exactly_or_reported_bad(rows: list[Row], data: st.DataObject) -> None:
    """Random extra fields, quotes and amount spellings never change a row silently."""
    written = [data.draw(lines_of(row)) for row in rows]
    spend = SpendFile.from_lines(
        [HEADER, *(line for line, _ in written)], layouts=[LAYOUT], skip_bad_rows=True
    )
    found = list(spend)
    bad = {b.row for b in spend.bad_rows}
    numbered = list(enumerate(zip(rows, (exact for _, exact in written), strict=True), 2))
    expected = [
        (KEYS.key(row.name), Money(row.amount), row.paid_on)
        for number, (row, _) in numbered
        if number not in bad and row.name not in {"Redacted Data", "HMRC"}
    ]
    # What was read is what was meant, row for row; a row still exact is never bad.
    assert [(x.supplier_id, x.amount, x.paid_on) for x in found] == expected
    assert not [number for number, (_, exact) in numbered if exact and number in bad]
    done = spend.reconciliation()
    assert done.rows_read == len(rows)
    assert done.bad.lines == len(bad)


@given(st.lists(ROWS, max_size=20), st.sampled_from(["2024/25", "2025/26"]))
def test_every_pound_is_accounted_for(rows: list[Row], label: str) -> None:
    """Read = assessed + withheld + set apart + outside the period + bad, in lines and money."""
    lines = [
        ",".join(
            [quoted(r.name, False), f'"{r.amount:,.2f}"', str(r.paid_on), quoted(r.note, False)]
        )
        for r in rows
    ]
    period = parse_financial_year(label)
    spend = SpendFile.from_lines([HEADER, *lines], layouts=[LAYOUT], period=period)
    found = list(spend)
    done = spend.reconciliation()
    everything = sum((r.amount for r in rows), Decimal(0))
    assert done.rows_read == len(rows)
    assert done.read_total == Money(everything)
    assert sum(done.tally(c).lines for c in CATEGORIES) == len(rows)
    assert sum((done.tally(c).total for c in CATEGORIES), Money.zero()) == Money(everything)
    inside = [r for r in rows if period.contains(r.paid_on)]
    assert done.outside_period.lines == len(rows) - len(inside)
    assert done.withheld.lines == sum(r.name == "Redacted Data" for r in inside)
    assert done.apart.lines == sum(r.name == "HMRC" for r in inside)
    assert done.assessed.total == sum((x.amount for x in found), Money.zero())
    records = done.to_records()
    assert [r["category"] for r in records] == [*CATEGORIES, "read"]
    assert done.to_dict()["rows_read"] == len(rows)
