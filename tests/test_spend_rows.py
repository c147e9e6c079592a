"""Strict rows: the small CSV parser, physical line numbers, and the row-width rule."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialvalue import BadRow, Record, SpendFileError, check_fields, csv_records, numbered


def parse(text: str, **options: bool) -> list[Record]:
    return list(csv_records(io.StringIO(text, newline=""), **options))


def test_plain_and_quoted_fields() -> None:
    records = parse('a,b,c\r\n"x, y","say ""hi""",\r\n\r\n"",z,"3"\n')
    assert [(r.line, r.fields) for r in records] == [
        (1, ("a", "b", "c")),
        (2, ("x, y", 'say "hi"', "")),
        (4, ("", "z", "3")),
    ]


def test_line_numbers_are_physical_lines_blank_lines_counted() -> None:
    records = parse("h\n\n\nx\n\ny\n", multiline=False)
    assert [r.line for r in records] == [1, 4, 6]
    assert [r.line for r in csv_records(["x", "y"], first_line=10)] == [10, 11]


def test_lines_may_come_without_line_ends_or_with_a_lone_cr() -> None:
    assert [r.fields for r in csv_records(["a,b", "c,d\r", '"e",f\r\n'])] == [
        ("a", "b"),
        ("c", "d"),
        ("e", "f"),
    ]


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('Acme "Best" Ltd,100', "a quote inside an unquoted field"),
        ('"Acme"Ltd,100', "after a closing quote"),
        ('Council,"Acme Ltd,100234,2025-05-01,600.00', "does not close on this line"),
    ],
)
def test_a_stray_quote_spoils_one_row_and_reading_goes_on(line: str, says: str) -> None:
    records = parse(f"h1,h2\n{line}\nnext,1\n")
    assert records[1].line == 2
    assert records[1].fields == ()
    assert records[1].problem is not None
    assert says in records[1].problem
    assert records[2] == Record(3, ("next", "1"))


def test_the_issue_stray_quote_case_keeps_the_following_rows() -> None:
    """Three payments of £600 after a stray quote: one bad row, two read (not one row)."""
    text = (
        "Body,BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount\n"
        'Council,"Acme Ltd,100234,2025-05-01,600.00\n'
        "Council,Acme Ltd,100234,2025-05-02,600.00\n"
        "Council,Acme Ltd,100234,2025-05-03,600.00\n"
    )
    records = parse(text)
    assert [r.line for r in records] == [1, 2, 3, 4]
    assert records[1].problem is not None
    assert [r.fields[-1] for r in records[2:]] == ["600.00", "600.00"]


def test_multiline_fields_when_allowed_and_an_unclosed_quote_names_its_first_line() -> None:
    records = parse('a,b\n1,"two\nlines"\n3,4\n', multiline=True)
    assert [(r.line, r.fields) for r in records] == [
        (1, ("a", "b")),
        (2, ("1", "two\nlines")),
        (4, ("3", "4")),
    ]
    with pytest.raises(SpendFileError) as info:
        parse('a,b\n1,"open\n2,3\n4,5\n', multiline=True)
    assert (info.value.code, info.value.row) == ("spend_file.unclosed_quote", 2)
    assert "to line 4" in str(info.value)


def test_a_quoting_fault_on_a_continued_line_spoils_that_record_only() -> None:
    records = parse('a,b\n1,"x\ny"z\n2,3\n', multiline=True)
    assert records[1].line == 2
    assert records[1].problem is not None
    assert records[2] == Record(4, ("2", "3"))


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (("Acme", "1"), None),
        (("Acme", "1", "", "  "), None),
        (("Acme", "1", "234.56"), "spend_file.extra_fields"),
        (("Acme",), "spend_file.short_row"),
    ],
)
def test_check_fields(fields: tuple[str, ...], code: str | None) -> None:
    bad = check_fields(("Name", "Amount"), fields, 9)
    assert (bad.code if bad else None) == code
    if bad is not None:
        assert bad.row == 9
        assert isinstance(bad, BadRow)


def test_extra_fields_name_the_values_found() -> None:
    bad = check_fields(
        ("Name", "Id", "Date", "Amount", "Purpose"),
        next(csv_records(["Acme Ltd,100234,2025-05-01,1,234.56,Guarding"])).fields,
        2,
    )
    assert bad is not None
    assert bad.value == "Guarding"
    assert "'Guarding'" in bad.message
    assert "1,234.56 not quoted" in bad.message
    assert bad.error().row == 2


def test_numbered_gives_csv_reader_rows_their_first_line() -> None:
    text = 'a,b\n\n"x\ny",1\nz,2\n'
    records = list(numbered(csv.reader(io.StringIO(text, newline=""))))
    assert [(r.line, r.fields) for r in records] == [
        (1, ("a", "b")),
        (3, ("x\ny", "1")),
        (5, ("z", "2")),
    ]


# Properties ---------------------------------------------------------------------

FIELD = st.text(alphabet=st.sampled_from('ab ,"\r£é'), max_size=6)


def write(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return out.getvalue()


@given(st.lists(st.lists(FIELD, min_size=1, max_size=4), max_size=8))
def test_what_csv_writes_reads_back_as_written(rows: list[list[str]]) -> None:
    """The parser reads exactly what Python's csv module writes (multi-line fields allowed)."""
    text = write(rows)
    expected = [tuple(row) for row in csv.reader(io.StringIO(text, newline=""), strict=True) if row]
    assert [r.fields for r in parse(text, multiline=True)] == expected


@given(st.lists(st.lists(FIELD, min_size=1, max_size=4), max_size=8))
def test_line_numbers_match_csv_readers(rows: list[list[str]]) -> None:
    text = write(rows)
    ours = [r.line for r in parse(text, multiline=True)]
    theirs = [r.line for r in numbered(csv.reader(io.StringIO(text, newline=""), strict=True))]
    assert ours == theirs
