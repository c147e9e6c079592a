"""The Social Value Charter: signups, the Charter's rules, and status in time."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue import frameworks
from socialvalue.charter.signups import add_months, last_day_within
from tests.strategies import frameworks as any_framework
from tests.strategies import signups

GM_2020 = frameworks.get("gm-sv-framework-2020")
AS_OF = date(2025, 7, 1)


def signup(**changes: object) -> sv.CharterSignup:
    base = sv.CharterSignup(
        supplier_id="100234",
        signatory="Asha Patel",
        role="Managing Director",
        signed_on=date(2025, 6, 1),
        policy_version="2025",
        framework_id="gm-sv-framework-2020",
        framework_version="2020",
        commitments=(
            sv.CharterCommitment("best-employment", "Pay the real Living Wage."),
            sv.CharterCommitment(
                "local-community",
                "Volunteer 40 hours with Salford food banks.",
                sv.MeasureTarget("NT29", Decimal(40)),
            ),
        ),
    )
    return attrs.evolve(base, **changes)


def test_a_good_signup_has_no_issues() -> None:
    assert sv.check_signup(signup(), GM_2020, AS_OF) == ()
    assert sv.check_signup(signup(), GM_2020, date(2025, 6, 1)) == ()


def test_a_bad_signup_reports_every_issue_at_once_with_paths() -> None:
    bad = signup(
        signatory="  ",
        signed_on=date(2025, 8, 1),
        commitments=(
            sv.CharterCommitment("clean-air", "Switch the van fleet to electric."),
            sv.CharterCommitment("clean-water", "Fix leaks."),
            sv.CharterCommitment("clean-air", "switch the van   FLEET to electric."),
        ),
    )
    issues = sv.check_signup(bad, GM_2020, AS_OF)
    assert [(i.path, i.code) for i in issues] == [
        ("$.commitments[1].priority", "charter.unknown_priority"),
        ("$.commitments[2]", "charter.duplicate_commitment"),
        ("$.signatory", "charter.no_signatory"),
        ("$.signed_on", "charter.signed_in_future"),
    ]
    assert "clean-air" in issues[0].message  # says what would be accepted
    assert "commitment 0" in issues[1].message


def test_no_commitments_and_wrong_framework() -> None:
    issues = sv.check_signup(signup(commitments=()), frameworks.get("ppn-06-20"), AS_OF)
    assert [(i.path, i.code) for i in issues] == [
        ("$.commitments", "charter.no_commitments"),
        ("$.framework_id", "charter.framework_mismatch"),
    ]
    other_version = attrs.evolve(GM_2020, version="2022")
    assert [i.code for i in sv.check_signup(signup(), other_version, AS_OF)] == [
        "charter.framework_mismatch"
    ]


def test_same_priority_with_different_pledges_is_not_a_duplicate() -> None:
    two = signup(
        commitments=(
            sv.CharterCommitment("local-community", "Sponsor a youth team."),
            sv.CharterCommitment("local-community", "Donate to the food bank."),
        )
    )
    assert sv.check_signup(two, GM_2020, AS_OF) == ()


def test_validity_defaults_to_twelve_months_and_is_configurable() -> None:
    assert signup().valid_months == 12
    assert signup().valid_until == date(2026, 5, 31)
    assert signup().period == sv.Period(date(2025, 6, 1), date(2026, 5, 31))
    assert signup(valid_months=24).valid_until == date(2027, 5, 31)
    assert signup(signed_on=date(2024, 2, 29)).valid_until == date(2025, 2, 28)
    for months in (0, 61):
        with pytest.raises(sv.RuleViolation) as info:
            signup(valid_months=months)
        assert info.value.code == "charter.bad_validity"
        assert info.value.field == ("valid_months",)
    with pytest.raises(TypeError):
        signup(valid_months=True)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


def test_status_on_two_dates_and_the_renewal_window() -> None:
    s = signup()
    assert sv.charter_status(s, date(2025, 12, 1)) is sv.CharterStatus.ACTIVE
    assert sv.charter_status(s, date(2026, 5, 1)) is sv.CharterStatus.ACTIVE
    assert sv.charter_status(s, date(2026, 5, 2)) is sv.CharterStatus.RENEWAL_DUE
    assert sv.charter_status(s, date(2026, 5, 31)) is sv.CharterStatus.RENEWAL_DUE
    assert sv.charter_status(s, date(2026, 6, 1)) is sv.CharterStatus.EXPIRED
    wide = timedelta(days=90)
    assert s.status(date(2026, 3, 15), renewal_window=wide) is sv.CharterStatus.RENEWAL_DUE
    assert s.status(date(2026, 5, 31), renewal_window=timedelta(0)) is sv.CharterStatus.ACTIVE


def test_status_before_signing_is_refused() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.charter_status(signup(), date(2025, 5, 31))
    assert info.value.code == "charter.signed_in_future"
    with pytest.raises(ValueError, match="negative"):
        sv.charter_status(signup(), AS_OF, renewal_window=timedelta(days=-1))


def test_signup_fields_are_checked_when_built() -> None:
    with pytest.raises(sv.RuleViolation):
        signup(supplier_id="not an id")
    with pytest.raises(sv.RuleViolation):
        signup(signatory="x" * 201)
    with pytest.raises(TypeError):
        signup(signatory=None)
    with pytest.raises(TypeError):
        signup(signed_on="2025-06-01")
    with pytest.raises(sv.RuleViolation):
        sv.CharterCommitment("clean-air", "")


def test_signup_documents_round_trip_and_report_paths() -> None:
    document = sv.dump(signup())
    assert document["commitments"][1]["target"] == {"measure": "NT29", "quantity": "40"}
    assert sv.load("charter-signup", document) == signup()
    del document["valid_months"]
    assert sv.load("charter-signup", document).valid_months == 12
    document.update(valid_months=0, role="", signed_on="2025-6-1")
    document["commitments"][0]["priority"] = "bad code"
    report = sv.validate("charter-signup", document)
    assert {(i.path, i.code) for i in report.issues} == {
        ("$.valid_months", "charter.bad_validity"),
        ("$.role", "text.empty"),
        ("$.signed_on", "date.bad_format"),
        ("$.commitments[0].priority", "text.bad_format"),
    }


# Faults that each break exactly one Charter rule, keyed by the code they must produce.
FAULTS = {
    "charter.no_commitments": lambda s, fw, d: attrs.evolve(s, commitments=()),
    "charter.unknown_priority": lambda s, fw, d: attrs.evolve(
        s, commitments=(*s.commitments, sv.CharterCommitment("ZZ.unknown", "Extra."))
    ),
    "charter.duplicate_commitment": lambda s, fw, d: attrs.evolve(
        s, commitments=(*s.commitments, s.commitments[0])
    ),
    "charter.signed_in_future": lambda s, fw, d: attrs.evolve(s, signed_on=d + timedelta(days=1)),
    "charter.no_signatory": lambda s, fw, d: attrs.evolve(s, signatory=" "),
    "charter.framework_mismatch": lambda s, fw, d: attrs.evolve(s, framework_version="ZZ.other"),
}


@given(
    st.data(),
    any_framework(),
    st.sets(st.sampled_from(sorted(FAULTS))),
    st.integers(0, 800),
)
def test_a_signup_is_valid_iff_it_has_no_issues(
    data: st.DataObject, framework: sv.Framework, faults: set[str], days_after: int
) -> None:
    """Each injected fault is reported (all at once); with none, there is no issue."""
    good = data.draw(signups(framework))
    as_of = good.signed_on + timedelta(days=days_after)
    assert sv.check_signup(good, framework, as_of) == ()
    bad = good
    # Emptying the commitments goes last: it would otherwise hide the other list faults.
    for code in sorted(faults, key=lambda c: c == "charter.no_commitments"):
        bad = FAULTS[code](bad, framework, as_of)
    expected = set(faults)
    if "charter.no_commitments" in faults:
        expected -= {"charter.unknown_priority", "charter.duplicate_commitment"}
    issues = sv.check_signup(bad, framework, as_of)
    assert {i.code for i in issues} == expected
    assert (issues == ()) == (not faults)


STATUS_ORDER = {
    sv.CharterStatus.ACTIVE: 0,
    sv.CharterStatus.RENEWAL_DUE: 1,
    sv.CharterStatus.EXPIRED: 2,
}


@given(
    any_framework().flatmap(signups),
    st.integers(0, 2000),
    st.integers(0, 2000),
    st.integers(0, 400),
)
def test_status_is_monotone_in_time(
    s: sv.CharterSignup, first: int, gap: int, window_days: int
) -> None:
    """active → renewal due → expired, never back without a new signup."""
    window = timedelta(days=window_days)
    earlier = s.signed_on + timedelta(days=first)
    later = earlier + timedelta(days=gap)
    a = sv.charter_status(s, earlier, renewal_window=window)
    b = sv.charter_status(s, later, renewal_window=window)
    assert STATUS_ORDER[a] <= STATUS_ORDER[b]
    assert (b is sv.CharterStatus.EXPIRED) == (later > s.valid_until)


def test_targets_are_checked_against_a_review_catalogue_when_given() -> None:
    from socialvalue.review.gm_catalogue import default_catalogue

    catalogue = default_catalogue()
    known = next(iter(catalogue.measures)).code
    policing = frameworks.get("gm-policing-sv")
    s = signup(
        framework_id=policing.id,
        framework_version=policing.version,
        commitments=(
            sv.CharterCommitment(
                "social-capital", "Volunteer.", sv.MeasureTarget(known, Decimal(5))
            ),
            sv.CharterCommitment("reduced-demand", "Mentor.", sv.MeasureTarget("NOPE", Decimal(1))),
            sv.CharterCommitment("early-intervention", "Talk to schools."),
        ),
    )
    assert sv.check_signup(s, policing, AS_OF) == ()  # no catalogue: targets not judged
    issues = sv.check_signup(s, policing, AS_OF, catalogue=catalogue)
    assert [(i.path, i.code) for i in issues] == [
        ("$.commitments[1].target.measure", "charter.unknown_measure")
    ]
    assert catalogue.id in issues[0].message


def test_the_default_catalogue_names_only_priorities_of_its_framework() -> None:
    from socialvalue.review.gm_catalogue import default_catalogue

    catalogue = default_catalogue()
    framework = frameworks.get(catalogue.framework_id)
    for measure in catalogue.measures:
        for priority in measure.priorities:
            assert priority in framework, (measure.code, priority)


# Validity at month ends: "12 months" ends the day before the same day-of-month 12
# months on, and runs to the month's end where that day does not exist.
def test_validity_at_month_ends() -> None:
    assert signup(signed_on=date(2024, 2, 29)).valid_until == date(2025, 2, 28)
    one_month = [signup(signed_on=date(2025, 1, d), valid_months=1) for d in (28, 29, 30, 31)]
    assert [s.valid_until for s in one_month] == [
        date(2025, 2, 27),
        date(2025, 2, 28),
        date(2025, 2, 28),
        date(2025, 2, 28),
    ]


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(1, 120))
def test_validity_is_the_day_before_the_same_day_months_on(day: date, months: int) -> None:
    end = last_day_within(day, months)
    later = add_months(day, months)
    if later.day == day.day:
        assert end + timedelta(days=1) == later
    else:  # the day does not exist that month: run to its end
        assert end == later
        assert (end + timedelta(days=1)).day == 1
    assert day < end + timedelta(days=1)


@given(st.dates(date(1900, 1, 1), date(2200, 12, 30)), st.integers(1, 120))
def test_a_later_signing_never_ends_earlier(day: date, months: int) -> None:
    assert last_day_within(day, months) <= last_day_within(day + timedelta(days=1), months)
