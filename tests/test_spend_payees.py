"""Withheld and non-supplier payees, recognised by rules that are data."""

from __future__ import annotations

import pytest

from socialvalue import PAYEE_RULES, PayeeRule, PayeeRules
from socialvalue.errors import RuleViolation

#: Every redaction spelling the issue lists, as the files write them.
REDACTION_SPELLINGS = [
    "Redacted",
    "Redacted Personal Information",
    "REDACTED PERSONAL DATA",
    "Redacted Personal Data",
    "Redacted Data",
    "Redacted data",
    "REdacted Data",
    "Redacted Data Data",
    "Personal Redacted Data",
    "Redaction",
    "  redacted  personal   data ",
]


@pytest.mark.parametrize("name", REDACTION_SPELLINGS)
def test_redaction_markers_are_withheld(name: str) -> None:
    assert PAYEE_RULES.is_withheld(name)


@pytest.mark.parametrize(
    "name", ["Redactive Publishing Ltd", "Redactive Publishing Limited", "Redacted Ltd", ""]
)
def test_real_suppliers_are_not_withheld(name: str) -> None:
    assert not PAYEE_RULES.is_withheld(name)
    assert PAYEE_RULES.rule_for(name) is None


def test_a_withheld_id_withholds_the_row() -> None:
    assert PAYEE_RULES.is_withheld("", "Redacted")
    assert PAYEE_RULES.is_withheld("Acme", "REDACTED")


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("HMRC CUMBERNAULD", "tax-and-duty"),
        ("H M Revenues and Customs", "tax-and-duty"),
        ("HM Revenue & Customs", "tax-and-duty"),
        ("TEACHERS PENSIONS", "pension-funds"),
        ("GREATER MANCHESTER SUPERANN FUND", "pension-funds"),
        ("Greater Manchester Combined Authori", "public-bodies"),
        ("GMCA", "public-bodies"),
        ("Transport for Greater Manchester", "public-bodies"),
        ("Salford City Council", "councils"),
        ("Wigan Council", "councils"),
        ("Trafford M B C", "councils"),
        ("Stockport MBC (Accts Receiveable)", "councils"),
        ("Bury M.B.C.", "councils"),
        ("London Borough of Camden", "councils"),
        ("Manchester University NHS FT", "nhs"),
        ("Greater Manchester Mental Health NH", "nhs"),
        ("NHS Greater Manchester ICB", "nhs"),
        ("Nhs Salford Ccg", "nhs"),
        ("Greater Manchester Police", "police"),
        ("Lancashire Constabulary", "police"),
        ("Greater Manchester Fire and Rescue Service", "fire"),
        ("Department For Work & Pensions", "government"),
        ("Environment Agency", "government"),
        ("Dvla Vehicle Tax", "government"),
        ("HMCTS (Manchester)", "courts"),
        ("Accountant General of the Senior", "courts"),
    ],
)
def test_non_suppliers_are_set_apart_by_name(name: str, rule: str) -> None:
    found = PAYEE_RULES.rule_for(name)
    assert found is not None
    assert found.id == rule


@pytest.mark.parametrize(
    "name",
    [
        "Amey LG Ltd",
        "Country Court Care Homes 2 Limited",
        "Sitewatch Fire & Surveillance Ltd",
        "Lowry District Scout Council",
        "St Chad's Parochial Church Council",
        "Manchester Uni NHS FT Charity",
        "Office for Metropolitan Architectur",
        "Police Mutual Assurance Society",
        "Kids Planet Day Nurseries",
        "Sure Care UK Ltd (Brocklehurst N H)",
        # Companies, whoever owns them: a landlord (Salford 2020/21), premises let by
        # the NHS's property company (Trafford 2024/25), a professional institute.
        "Quorum Estates Pension Fund Ltd",
        "NHS Property Services Ltd",
        "NHS Property Services Limited",
        "Pensions Management Institute",
    ],
)
def test_suppliers_are_not_set_apart(name: str) -> None:
    assert PAYEE_RULES.rule_for(name) is None


def test_set_apart_by_expense_type() -> None:
    assert PAYEE_RULES.rule_for("Acme Ltd", "Levies") is not None
    found = PAYEE_RULES.rule_for("Acme Ltd", "  ctax -  PRECEPTOR payments")
    assert found is not None
    assert found.id == "tax-and-duty"
    assert PAYEE_RULES.rule_for("Acme Ltd", "Professional fees") is None
    assert PAYEE_RULES.rule_for("Acme Ltd", None) is None


def test_terms_and_anchors() -> None:
    rule = PayeeRule(
        "gov", "Departments.", names=("^department for", "council$", "superann*", "nh$")
    )
    assert rule.matches("Department for Education")
    assert not rule.matches("The Department for Education")
    assert rule.matches("Wigan Council")
    assert not rule.matches("Council for Voluntary Service")
    assert rule.matches("GM Superannuation")
    assert not rule.matches("Super annuation")
    assert rule.matches("nh")
    assert not rule.matches("")
    whole = PayeeRule("x", "Exact.", names=("^hmrc$",))
    assert whole.matches("HMRC")
    assert not whole.matches("HMRC Cumbernauld")


def test_rules_are_data_and_checked() -> None:
    custom = PayeeRules(
        withheld=("Name withheld",),
        apart=(PayeeRule("schools", "Schools.", names=("school",), expense_types=("Fees",)),),
    )
    assert custom.is_withheld("NAME WITHHELD")
    assert not custom.is_withheld("Redacted")
    assert custom.rule_for("St John Vianney School") is custom.apart[0]
    with pytest.raises(RuleViolation) as info:
        PayeeRule("x", "X.", names=("City Council",))
    assert info.value.field == ("names", 0)
    with pytest.raises(RuleViolation) as info:
        PayeeRule("x", "X.", unless=("a$b",))
    assert info.value.field == ("unless", 0)
    with pytest.raises(RuleViolation, match="repeats"):
        PayeeRules(withheld=("Redacted", "REDACTED"))
    with pytest.raises(RuleViolation, match="repeats"):
        PayeeRules(apart=(PayeeRule("a", "A."), PayeeRule("a", "B.")))


def test_rules_are_tried_in_order() -> None:
    # Department for Work and Pensions: a government department before a pension fund.
    found = PAYEE_RULES.rule_for("Department For Work & Pensions")
    assert found is not None
    assert found.id == "government"
    ids = [rule.id for rule in PAYEE_RULES.apart]
    assert ids.index("government") < ids.index("pension-funds")
