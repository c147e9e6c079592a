"""Supplier names: one key per supplier however its name is spelled."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialvalue import NameRules, SupplierKey
from socialvalue._fields import CODE_PATTERN
from socialvalue.errors import RuleViolation
from socialvalue.spend.names import DEFAULT_SUFFIXES, slug, words

RULES = NameRules()


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (
            ["Addleshaw Goddard Llp", "ADDLESHAW  GODDARD LLP", "Addleshaw Goddard"],
            "addleshaw goddard",
        ),
        (["The Toy House Ltd.", "TOY HOUSE LIMITED", "toy-house"], "toy house"),
        (["Smith & Sons", "Smith and Sons Ltd", "SMITH AND SONS (LTD)"], "smith and sons"),
        (["East Learning Cic", "East Learning C.I.C", "East Learning CIC"], "east learning"),
        (["O'Neill Plc", "ONeill PLC", "O\u2019Neill plc", "O\x92Neill Plc"], "oneill"),
        (["Afifah Primary School\xa0", "Afifah  Primary School"], "afifah primary school"),
        (["Acme Community Interest Company", "ACME CIC"], "acme"),
        (["Ａｃｍｅ Ltd", "acme"], "acme"),
        (["Pabla&Pabla Solicitors", "Pabla+Pabla Solicitors"], "pabla and pabla solicitors"),
        (["Harbottle &amp; Lewis", "HARBOTTLE & LEWIS"], "harbottle and lewis"),
        (["Crème Brûlée Ltd", "CREME BRULEE LIMITED"], "creme brulee"),
    ],
)
def test_spellings_meet(spellings: list[str], key: str) -> None:
    assert {RULES.normalise(s) for s in spellings} == {key}


def test_a_name_is_never_reduced_to_nothing() -> None:
    assert RULES.normalise("Limited") == "limited"
    assert RULES.normalise("The Ltd") == "ltd"
    assert RULES.normalise("The") == "the"
    assert RULES.normalise("---") == ""
    # Different suppliers stay apart.
    assert RULES.normalise("Redactive Publishing Ltd") != RULES.normalise("Redacted")
    assert RULES.normalise("Arriva UK Ltd") != RULES.normalise("Arriva Ltd")


def test_rules_are_configurable() -> None:
    german = NameRules(legal_suffixes=(*DEFAULT_SUFFIXES, "gmbh"), leading_words=())
    assert german.normalise("The Muster GmbH") == "the muster"
    with pytest.raises(RuleViolation) as info:
        NameRules(legal_suffixes=("Ltd.",))
    assert info.value.field == ("legal_suffixes", 0)
    with pytest.raises(RuleViolation, match="repeats"):
        NameRules(leading_words=("the", "the"))


def test_keys_are_supplier_ids() -> None:
    assert RULES.key("The Toy House Ltd") == "toy-house"
    # Accents on a-z go (a file that lost them still meets); other scripts are kept.
    assert RULES.key("Café Nero") == RULES.key("CAFE NERO") == "cafe-nero"
    assert RULES.key("Øresund") != RULES.key("resund")
    assert RULES.normalise("नमन") != RULES.normalise("नमनु")
    assert RULES.key("株式会社").startswith("name-")
    # 64 characters are an id as they stand; 65 are cut and hashed.
    assert RULES.key("ab " * 21 + "c") == "ab-" * 21 + "c"
    assert RULES.key("ab " * 21 + "cd") == slug("ab " * 21 + "cd") != "ab-" * 21 + "cd"
    long = RULES.key("word " * 30)
    assert len(long) <= 64
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}", long)
    with pytest.raises(ValueError, match="no letters or digits"):
        RULES.key("--- ...")


def test_supplier_keys() -> None:
    assert SupplierKey.SUPPLIER_ID.key("x", supplier_id="100234") == "100234"
    with pytest.raises(ValueError, match="is empty"):
        SupplierKey.SUPPLIER_ID.key("x")
    with pytest.raises(ValueError, match="is not an id"):
        SupplierKey.SUPPLIER_ID.key("x", supplier_id="a b")
    assert SupplierKey.VAT_NUMBER.key("x", vat_number="gb 123 4567 89") == "GB-VAT-123456789"
    assert SupplierKey.COMPANY_NUMBER.key("x", company_number="01234567") == "GB-COH-01234567"
    assert SupplierKey.COMPANY_NUMBER.key("Acme Ltd") == "acme"
    assert SupplierKey.NAME.key("Acme Ltd", vat_number="123") == "acme"
    with pytest.raises(ValueError, match="vat number is letters and digits"):
        SupplierKey.VAT_NUMBER.key("x", vat_number="12-34")


def test_words() -> None:
    assert words("H.M. Revenue & Customs") == ("hm", "revenue", "and", "customs")
    assert words("A. J. Gallagher") == words("AJ Gallagher") == ("aj", "gallagher")
    assert words("Plan B Ltd") == ("plan", "b", "ltd")
    assert words("") == ()


# Properties ---------------------------------------------------------------------

NAME_TEXT = st.text(max_size=40)


@given(
    st.one_of(NAME_TEXT, st.lists(st.sampled_from(["word", "é", "株", "ltd", "9"])).map(" ".join))
)
def test_every_name_key_is_an_id(name: str) -> None:
    """A key made of a name is a supplier id as it is: readers do not check it again."""
    try:
        key = RULES.key(name)
    except ValueError:
        return  # no letters or digits
    assert re.fullmatch(CODE_PATTERN, key)
    # The key's short cut for ASCII words is the slug of the normalised name.
    assert key == slug(RULES.normalise(name))


@given(NAME_TEXT)
def test_normalising_twice_changes_nothing(name: str) -> None:
    once = RULES.normalise(name)
    assert RULES.normalise(once) == once
    assert once == " ".join(once.split())
    assert RULES.key(once) == RULES.key(name) if once else True


# Words of two or more characters: single letters in a row are initials, and join.
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=2, max_size=8).filter(
    lambda w: w not in {"the", "and", *" ".join(DEFAULT_SUFFIXES).split()}
)
SUFFIX = st.sampled_from(["", " Ltd", " LIMITED", " Ltd.", " plc", " L.L.P.", " LLP", " Cic"])


def spelled(words_: list[str], data: st.DataObject) -> str:
    """One way a person might write a name made of ``words_``."""
    separators = st.sampled_from([" ", "  ", " - ", ", ", ". ", "\xa0", "/"])
    cases = st.sampled_from([str.lower, str.upper, str.title, str.capitalize])
    ands = st.sampled_from(["and", "&", "AND", "And"])
    written = [data.draw(ands) if w == "and" else data.draw(cases)(w) for w in words_]
    lead = data.draw(st.sampled_from(["", "The ", "THE "]))
    return f"{lead}{data.draw(separators).join(written)}{data.draw(SUFFIX)}"


@given(st.lists(WORD, min_size=1, max_size=4), st.booleans(), st.data())
def test_spelling_variants_meet(words_: list[str], joined: bool, data: st.DataObject) -> None:
    """Case, spacing, punctuation, & or and, a leading 'The' and legal suffixes aside."""
    if joined and len(words_) > 1:
        words_.insert(1, "and")
    first, second = spelled(words_, data), spelled(words_, data)
    assert RULES.normalise(first) == RULES.normalise(second) == " ".join(words_)
