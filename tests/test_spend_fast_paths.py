"""The reading path's fast paths say exactly what the definitions they stand in for say.

Issue 14 item 11: reading a year's spend must cost at most twice a bare ``csv`` +
``Decimal`` loop, so the reader takes short cuts on the common cases: amounts such
as ``£1,234.56`` read without the full grammar, ASCII names taken apart without
Unicode folding, name suffixes dropped in one pass, every payee rule tried in one
pass, lines with simply quoted fields split at their quotes, and payees sorted
once for every file of a year. Each property here generates the inputs (including
hostile ones) and checks that the short cut and the definition agree, or that the
short cut declines and the definition decides.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from socialvalue import (
    AmountFormat,
    NameRules,
    PayeeRule,
    PayeeRules,
    SpendFileError,
    default_policy,
    parse_amount,
)
from socialvalue.cli._render import (
    _FORMULA_STARTS,
    _NUMBER,
    plain,
    spreadsheet_cell,
    spreadsheet_safe,
)
from socialvalue.periods import parse_financial_year
from socialvalue.policy.thresholds import Basis
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import Text, forget
from socialvalue.spend._quoting import scan, simply_quoted, text_rows
from socialvalue.spend._sorting import WITHHELD, Apart, BadKey, sorter_for
from socialvalue.spend.amounts import amount_reader
from socialvalue.spend.assessment import Assessment, AssessmentResult, with_spellings
from socialvalue.spend.assessment_rules import _assess_sums, assess
from socialvalue.spend.names import SupplierKey, _spelled_words, _stepwise, normalised, words
from socialvalue.spend.payees import PAYEE_RULES, classifier, classify
from socialvalue.spend.reading import SpendFile, add_sums
from socialvalue.spend.rows import csv_records

# -- amounts ------------------------------------------------------------------------

DIGITS = st.text("0123456789", min_size=1, max_size=19)
GROUPED = st.lists(st.text("0123456789", min_size=1, max_size=4), min_size=1, max_size=6).map(
    ",".join
)
NUMBER = st.one_of(DIGITS, GROUPED)
PLACES = st.one_of(st.just(""), st.text("0123456789", min_size=0, max_size=8).map(".{}".format))
SPELLING = st.tuples(
    st.sampled_from(["", "-", "(", "£", "-£", "£-", "(£", "$", "€", "+", " ", "--"]),
    NUMBER,
    PLACES,
    st.sampled_from(["", ")", " ", "e3", "\t", "\n", "x"]),
).map("".join)
FORMATS = st.builds(
    AmountFormat,
    currency=st.sampled_from(["GBP", "EUR", "USD", "JPY"]),
    thousands=st.booleans(),
    parentheses=st.booleans(),
    max_places=st.integers(0, 6),
)


def _outcome(read: object, text: str) -> tuple[str, str]:
    try:
        value = read(text)  # type: ignore[operator]
    except SpendFileError as exc:
        return "refused", str(exc)
    return "read", f"{value!r}"


@given(st.one_of(SPELLING, st.text(max_size=30)), FORMATS)
@example("£9,854.98", AmountFormat())
@example("-£1,234.56", AmountFormat())
@example("-0.00", AmountFormat())
@example("-£0.00", AmountFormat())
@example(" (1,234.56) ", AmountFormat())
@example("1,234,567,890,123,456.00", AmountFormat())
@example("(0)", AmountFormat(currency="JPY", thousands=False, parentheses=True, max_places=0))
def test_the_fast_amount_reader_agrees_with_the_grammar(text: str, amounts: AmountFormat) -> None:
    """Every spelling is read to the same Decimal (digits, sign, exponent) or refused alike."""
    assert _outcome(amount_reader(amounts), text) == _outcome(amounts.parse, text)


def test_the_fast_amount_reader_is_checked_and_kept_per_format() -> None:
    with pytest.raises(TypeError, match="amount_reader"):
        amount_reader("GBP")  # type: ignore[arg-type]
    assert amount_reader(AmountFormat()) is amount_reader(AmountFormat())


# -- names --------------------------------------------------------------------------

NAME_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(
            [*"abcXYZ019 .&+-'`()/\u2019\u00e9\u0301;#", "&amp;", "&#233;", "&eacute;"]
        ),
        max_size=20,
    ).map("".join),
    st.lists(
        st.sampled_from(
            ["the", "The", "acme", "L.", "L", "P", "ltd", "Ltd.", "limited", "plc", "llp", "x"]
        ),
        max_size=7,
    ).map(" ".join),
)


@given(NAME_TEXT)
@example("O\u2019Neill Plc")
@example("Caf\u00e9 &eacute; Ltd")
@example("L.L.P. & H.M. Co")
def test_words_of_ascii_names_are_the_documented_steps(name: str) -> None:
    """The ASCII short cut of steps 1-5 gives what the steps give, for any text."""
    assert words(name) == _spelled_words(name)


PHRASES = st.lists(
    st.lists(st.sampled_from(["a", "b", "c", "ltd", "the"]), min_size=1, max_size=3).map(" ".join),
    max_size=4,
    unique=True,
)
RULES = st.builds(NameRules, legal_suffixes=PHRASES, leading_words=PHRASES)


@given(st.lists(st.sampled_from(["a", "b", "c", "ltd", "the", "x"]), max_size=8), RULES)
def test_normalising_in_one_pass_is_the_documented_loop(found: list[str], rules: NameRules) -> None:
    """Suffixes and leading words dropped in one pass, or by the loop where order matters."""
    name = " ".join(found)
    assert normalised(rules, name) == _stepwise(rules, words(name))
    assert rules.normalise(name) == normalised(rules, name)


@given(NAME_TEXT)
def test_the_default_rules_normalise_in_one_pass(name: str) -> None:
    rules = NameRules()
    assert normalised(rules, name) == _stepwise(rules, words(name))


def test_overlapping_phrases_are_dropped_as_the_loop_drops_them() -> None:
    # "big red" then "big" in one pass of the loop: a longest-first pass would drop
    # "big red", then "big red fox", and leave only "dog".
    rules = NameRules(
        leading_words=("big red fox", "big red", "big"), legal_suffixes=("ltd", "co ltd")
    )
    name = "Big Red Big Red Fox Dog Co Ltd"
    assert normalised(rules, name) == _stepwise(rules, words(name)) == "red fox dog"


# -- payees -------------------------------------------------------------------------

TERMS = st.lists(
    st.tuples(
        st.booleans(),
        st.lists(
            st.sampled_from(["hm", "revenue", "rev*", "council", "nhs", "trust"]),
            min_size=1,
            max_size=2,
        ),
        st.booleans(),
    ).map(lambda t: ("^" if t[0] else "") + " ".join(t[1]) + ("$" if t[2] else "")),
    max_size=3,
    unique=True,
)
RULE_SETS = st.lists(
    st.builds(
        PayeeRule,
        id=st.sampled_from(["a", "b", "c", "d"]),
        description=st.just("A kind of payee."),
        names=TERMS,
        unless=TERMS,
        expense_types=st.lists(st.sampled_from(["Levies", "Pensions", "Rent"]), unique=True),
    ),
    max_size=4,
    unique_by=lambda rule: rule.id,
).map(lambda rules: PayeeRules(apart=rules))
PAYEE = st.lists(
    st.sampled_from(
        ["HM", "H.M.", "Revenue", "Revenues", "Council", "NHS", "Trust", "Acme", "Ltd"]
    ),
    max_size=5,
).map(" ".join)


@given(PAYEE, st.sampled_from(["", "Levies", "LEVIES", "Rent", "Other"]), RULE_SETS)
def test_one_pass_over_all_rules_is_trying_each_in_order(
    name: str, expense: str, rules: PayeeRules
) -> None:
    """The first rule that matches, as each rule's matches() in order says."""
    by_each = next((rule for rule in rules.apart if rule.matches(name, expense or None)), None)
    assert classify(rules, name, "", expense) == (rules.is_withheld(name), by_each)
    assert rules.rule_for(name, expense or None) == by_each


@given(
    st.lists(
        st.tuples(PAYEE, st.sampled_from(["", "Levies", "LEVIES", "Rent", "Other"])), max_size=8
    ),
    RULE_SETS,
)
def test_a_name_met_again_under_another_expense_type_sorts_as_when_first_met(
    payees: list[tuple[str, str]], rules: PayeeRules
) -> None:
    """What a classifier remembers of a name never changes what it says of a later row."""
    remembering = classifier(rules)
    for name, expense in payees:
        by_each = next((r for r in rules.apart if r.matches(name, expense or None)), None)
        assert remembering(name, "", expense) == (rules.is_withheld(name), by_each)


@given(st.one_of(PAYEE, st.sampled_from(["Redacted", "REdacted  Data", "Redactive Ltd", ""])))
def test_the_default_rules_sort_in_one_pass(name: str) -> None:
    by_each = next((rule for rule in PAYEE_RULES.apart if rule.matches(name)), None)
    assert classify(PAYEE_RULES, name, "", "") == (PAYEE_RULES.is_withheld(name), by_each)


def test_a_withheld_id_and_rules_of_expense_types_only() -> None:
    rule = PayeeRule("levies", "Levies.", expense_types=("Levies", "--"))
    rules = PayeeRules(apart=(rule,))
    assert classify(rules, "Acme", "Redacted", "Levies") == (True, rule)
    assert classify(rules, "Acme", "100234", "Rent") == (False, None)
    # A label with no words names no expense type, as matches() says.
    assert classify(rules, "Acme", "", "--") == (False, None)
    assert not rule.matches("Acme", "--")


def test_memos_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every memo kept between rows or files is cleared when full, and reading goes on alike."""
    from socialvalue.spend import _hot, _sorting, payees

    for module, bound in [
        (_hot, "_MEMOS_KEPT"),
        (payees, "_NAMES_REMEMBERED"),
        (_sorting, "_REMEMBERED"),
        (_sorting, "_NAMES_REMEMBERED"),
        (payees, "_EXPENSES_REMEMBERED"),
    ]:
        monkeypatch.setattr(module, bound, 1)
    forget()
    for _ in range(2):
        spend = SpendFile.from_lines(
            ["Supplier Name,Invoice Payment Date,Net Amount,Expenses Type", *ROWS]
        )
        assert [line.supplier_id for line in spend] == ["acme", "bolt", "acme"]
    # Each memo of payees holds at most its bound (one) after meeting three names.
    for sorter in _sorting._SORTERS.values():
        assert len(sorter.entries) <= 1
        assert len(sorter._said) <= 1
        assert len(sorter._classify._expenses) <= 1


NAME_RULES = NameRules()


def _entry_by_definition(
    rules: PayeeRules, name: str, raw_id: str, expense: str, options: dict[str, Any]
) -> object:
    """What a payee is, from the public rules alone: withheld, set apart, a supplier, or bad."""
    if rules.is_withheld(name, raw_id):
        return WITHHELD
    rule = rules.rule_for(name, expense or None)
    normal = NAME_RULES.normalise(name)
    if normal and normal in options["exclude_names"]:
        return Apart("excluded", normal, name)
    if rule is not None and not options["include_apart"]:
        return Apart(rule.id, normal, name)
    try:
        return (NAME_RULES.key(name), name)
    except ValueError as exc:
        return BadKey("supplier_name", str(exc), name)


@given(
    st.lists(
        st.tuples(
            st.one_of(PAYEE, st.sampled_from(["Redacted", "--", "Acme & Co", "Café Ltd"])),
            st.sampled_from(["", "Redacted"]),
            st.sampled_from(["", "Levies", "LEVIES", "Rent"]),
        ),
        max_size=8,
    ),
    RULE_SETS,
    st.booleans(),
    st.booleans(),
)
def test_a_payee_is_sorted_as_its_definition_says_when_new_or_met_again(
    rows: list[tuple[str, str, str]],
    rules: PayeeRules,
    include_apart: bool,
    exclude_first: bool,
) -> None:
    """Each name taken apart once (words, markers, rules and key) sorts as the rules say."""
    # Excluding a name met: one that other spellings of the rows may share.
    exclude = {NAME_RULES.normalise(rows[0][0])} if rows and exclude_first else set()
    exclude_names = frozenset(exclude - {""})
    options = {"include_apart": include_apart, "exclude_names": exclude_names}
    forget()
    sorter = sorter_for(
        rules, NAME_RULES, SupplierKey.NAME, include_apart, frozenset(), exclude_names, ()
    )
    for name, raw_id, expense in rows:
        expected = _entry_by_definition(rules, name, raw_id, expense, options)
        assert sorter.entry(name, raw_id, expense, "") == expected


MANCHESTER = "Supplier Name,Invoice Payment Date,Net Amount,Expenses Type"
ROWS = ["Acme Ltd,01.05.2025,1.00,Rent", "Bolt Ltd,02.05.2025,2.00,Fuel", "Acme,03.05.2025,1.00,X"]


def test_each_of_three_amounts_is_read_once_and_a_bad_one_names_its_column() -> None:
    header = "Authority Name,Date of Payment,DocumentNo,Gross,VAT,Net,Vendor Name"
    rows = [
        "S,2020-08-03,1,120.00,20.00,100.00,Apem Ltd",
        "S,2020-08-04,2,20.00,0.00,20.00,Apem Ltd",  # 20.00 read once, as VAT then as gross
        "S,2020-08-05,3,1,23,0.00,1.23,Apem Ltd",
    ]
    spend = SpendFile.from_lines([header, *rows], skip_bad_rows=True)
    assert [str(line.amount) for line in spend] == ["£100.00", "£20.00"]
    bad = spend.bad_rows[0]
    assert (bad.row, bad.code, bad.value) == (4, "spend_file.extra_fields", "Apem Ltd")
    spend = SpendFile.from_lines(
        [header, "S,2020-08-05,3,1.234,0.00,1.23,Apem Ltd"], skip_bad_rows=True
    )
    assert list(spend) == []
    bad = spend.bad_rows[0]
    assert (bad.column, bad.code, bad.value) == ("Gross", "spend_file.bad_amount", "1.234")


#: Salford's header, and the same with one amount column left out.
THREE = ["Gross", "VAT", "Net"]
AMOUNT_TEXT = st.one_of(
    st.sampled_from(["0.00", "20.00", "100.00", "120.00", "-20.00", "1,23", "", "12e3"]),
    st.decimals(min_value=-999, max_value=999, places=2).map(str),
)


def _three_by_definition(
    texts: dict[str, str], basis: VatBasis
) -> tuple[str, str | None] | Decimal:
    """A row's amount from its columns by the grammar alone, or (code, column) if bad."""
    read: dict[str, Decimal] = {}
    for column in ("Net", "Gross", "VAT"):
        if column in texts:
            try:
                read[column] = parse_amount(texts[column])
            except SpendFileError as exc:
                return (exc.code, column)
    if len(read) == 3 and read["Gross"] - read["VAT"] != read["Net"]:
        return ("spend_file.amounts_disagree", "Net")
    if basis is VatBasis.NET:
        return read["Net"] if "Net" in read else read["Gross"] - read["VAT"]
    return read["Gross"] if "Gross" in read else read["Net"] + read["VAT"]


CENTS = st.decimals(min_value=-999, max_value=999, places=2)
#: Gross, VAT and net that agree, as most rows do.
AGREEING = st.tuples(CENTS, CENTS).map(lambda t: (str(t[0] + t[1]), str(t[1]), str(t[0])))


@given(
    st.lists(st.one_of(AGREEING, st.tuples(AMOUNT_TEXT, AMOUNT_TEXT, AMOUNT_TEXT)), max_size=12),
    st.sampled_from([None, "Gross", "Net"]),
    st.sampled_from(VatBasis),
)
def test_amounts_of_three_columns_are_read_as_the_grammar_and_the_vat_rule_say(
    rows: list[tuple[str, str, str]], left_out: str | None, basis: VatBasis
) -> None:
    """Each row's gross, VAT and net read once and checked, or bad naming its column."""
    columns = [c for c in THREE if c != left_out]
    header = ",".join(["Authority Name", "Date of Payment", *columns, "Vendor Name"])
    lines = []
    for row in rows:
        cells = [f'"{t}"' for c, t in zip(THREE, row, strict=True) if c != left_out]
        lines.append(",".join(["S", "2020-08-03", *cells, "Apem Ltd"]))
    forget()
    spend = SpendFile.from_lines([header, *lines], skip_bad_rows=True, vat_basis=basis)
    got = [line.amount.amount for line in spend]
    bad = {row.row: (row.code, row.column) for row in spend.bad_rows}
    expected = [
        _three_by_definition(
            {c: t for c, t in zip(THREE, row, strict=True) if c != left_out}, basis
        )
        for row in rows
    ]
    assert got == [e for e in expected if isinstance(e, Decimal)]
    assert [str(a) for a in got] == [str(e) for e in expected if isinstance(e, Decimal)]
    assert bad == {at + 2: e for at, e in enumerate(expected) if not isinstance(e, Decimal)}


# -- rows ---------------------------------------------------------------------------

LINE = st.lists(
    st.one_of(
        st.text(st.sampled_from('ab,"\u00a3 '), max_size=6),
        st.text(st.sampled_from("ab, \u00a3"), max_size=6).map('"{}"'.format),
    ),
    max_size=5,
).map(",".join)
ENDED = st.tuples(LINE, st.sampled_from(["", "\n", "\r\n", "\r"])).map("".join)


@given(LINE)
@example('a,"b,c",d')
@example('"a",,"b"')
@example('"a"x,"b"')
@example('"a""b",c')
@example('a,"b')
@example('"a","b"x')
@example('"a","b",')
def test_simply_quoted_lines_split_as_the_strict_parser_splits_them(line: str) -> None:
    simple = simply_quoted(line)
    if simple is not None:
        fields: list[str] = []
        assert scan(line, fields, None) is None
        assert simple == fields


@given(st.lists(ENDED, max_size=8))
def test_text_rows_are_csv_records(lines: list[str]) -> None:
    """Line, fields and problem of every record, as csv_records (one line a record) reads them."""
    expected = [(r.line, r.fields, r.problem) for r in csv_records(lines)]
    assert [(n, tuple(f), p) for n, f, p in text_rows(lines)] == expected
    assert list(Text(lines)) == list(csv_records(lines))


# -- reading ------------------------------------------------------------------------

MONTH = [
    "Supplier Name,Invoice Payment Date,Net Amount",
    'Acme Ltd,01.05.2025,"£1,234.56"',
    "ACME LIMITED,02.05.2025,-£34.56",
    "Trafford Council,03.05.2025,£100.00",
    "Redacted Personal Information,03.05.2025,£500.00",
]


@pytest.mark.parametrize("cold", [True, False])
def test_a_file_reads_alike_cold_or_after_others_and_from_text_or_records(cold: bool) -> None:
    """What is remembered between files never changes what a file reads to."""
    if cold:
        forget()
    SpendFile.from_lines([*MONTH[:1], *reversed(MONTH[1:])])  # the same payees, read before
    for spend in (
        SpendFile.from_lines(MONTH),
        SpendFile._from_text(line + "\r\n" for line in MONTH),
    ):
        lines = [(line.supplier_id, str(line.amount)) for line in spend]
        assert lines == [("acme", "£1,234.56"), ("acme", "-£34.56")]
        assert spend.supplier_spellings() == {"acme": ("Acme Ltd", "ACME LIMITED")}
        reconciliation = spend.reconciliation()
        assert [p.payee for p in reconciliation.apart_payees] == ["Trafford Council"]
        assert reconciliation.withheld.lines == 1


# -- CSV cells ----------------------------------------------------------------------


def _safe_by_definition(value: object) -> object:
    """spreadsheet_safe as first written: numbers as they are, formula starts quoted."""
    if not isinstance(value, str) or _NUMBER.fullmatch(value):
        return value
    if value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


CELLS = st.one_of(
    st.text(),
    st.tuples(st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "'", "1"]), st.text()).map(
        "".join
    ),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.none(),
    st.integers(),
    st.booleans(),
)


@given(CELLS)
@example("-2000.00")
@example("-1e5")
@example("=1")
@example("-")
@example("+12")
def test_a_cell_is_made_safe_as_its_definition_says(value: object) -> None:
    assert spreadsheet_safe(value) == _safe_by_definition(value)


class _Text(str):
    """Text of a subclass: the cell's short cut is for ``str`` itself."""


@given(
    st.one_of(
        CELLS,
        CELLS.filter(lambda v: isinstance(v, str)).map(_Text),
        st.decimals(allow_nan=False, allow_infinity=False, places=3),
        st.dates(),
    )
)
def test_a_cell_is_written_as_plain_then_safe(value: object) -> None:
    """The CSV writer's one step per cell is the two it stands for."""
    assert spreadsheet_cell(value) == spreadsheet_safe(plain(value))


# -- sums ---------------------------------------------------------------------------

PAYEES = st.sampled_from(
    [
        "Acme Ltd",
        "ACME LIMITED",
        "acme",
        "Bolt & Co",
        "Bolt and Co Ltd",
        "Cog CIC",
        "Trafford Council",
        "HMRC",
        "Redacted Personal Information",
        "",
    ]
)
PAID = st.sampled_from(["01.05.2025", "31.03.2026", "01.04.2026", "31.03.2025", "32.01.2025"])
AMOUNT = st.one_of(
    st.decimals(min_value=-99999, max_value=99999, places=2).map(lambda d: f'"£{d:,}"'),
    st.sampled_from(["1,23", "", "-£0.01", "£50,000.00", "-0.00", "£-0", "0.0", "-0"]),
)


def _summed_and_lined(rows: list[tuple[str, str, str]]) -> AssessmentResult:
    """The file of ``rows`` assessed from its sums, checked against its lines' assessment."""
    text = [MONTH[0], *(",".join(row) for row in rows)]
    policy, period = default_policy(), parse_financial_year("2025/26")
    lined = SpendFile.from_lines(text, skip_bad_rows=True, period=period)
    summed = SpendFile.from_lines(text, skip_bad_rows=True, period=period)
    expected = with_spellings(assess(policy, list(lined), period), lined.supplier_spellings())
    totals: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    add_sums(totals, counts, summed._sums())
    got = _assess_sums(policy, totals, counts, period, summed.supplier_spellings())
    assert got == expected
    # As text, too: Decimals equal in value may differ in places or in a zero's sign.
    assert [{k: str(v) for k, v in r.items()} for r in got.to_records()] == [
        {k: str(v) for k, v in r.items()} for r in expected.to_records()
    ]
    assert summed.reconciliation().to_dict() == lined.reconciliation().to_dict()
    assert summed.bad_rows == lined.bad_rows
    # Built without their checks, the assessments are what the checked constructor builds.
    for made in (*got, *expected):
        fields = attrs.fields(Assessment)
        assert Assessment(*(getattr(made, f.name) for f in fields)) == made
    return got


@given(st.lists(st.tuples(PAYEES, PAID, AMOUNT), max_size=25))
def test_a_file_summed_as_read_is_assessed_as_its_lines_are(
    rows: list[tuple[str, str, str]],
) -> None:
    """The command line's sums give the assessment, reconciliation and bad rows of the lines."""
    _summed_and_lined(rows)


def test_spellings_of_one_supplier_are_summed_together() -> None:
    rows = [
        ("Acme Ltd", "01.05.2025", '"£30,000.00"'),
        ("ACME LIMITED", "02.05.2025", '"£25,000"'),
        ("Acme Ltd", "01.04.2026", "£1.00"),  # outside 2025/26
    ]
    [acme] = _summed_and_lined(rows)
    assert (acme.supplier_name, acme.spellings) == ("Acme Ltd", ("Acme Ltd", "ACME LIMITED"))
    assert (acme.amount, acme.line_count, acme.obligation.value) == (
        Decimal("55000.00"),
        2,
        "review",
    )


def test_a_file_is_summed_once() -> None:
    spend = SpendFile.from_lines(MONTH)
    spend._sums()
    with pytest.raises(RuntimeError, match="reads its records once"):
        spend._sums()


def test_sums_of_spend_are_not_assessed_against_contract_values() -> None:
    contracts = attrs.evolve(default_policy(), basis=Basis.CONTRACT_VALUE)
    with pytest.raises(ValueError, match="annual-spend basis only"):
        _assess_sums(contracts, {}, {}, parse_financial_year("2025/26"), {})
