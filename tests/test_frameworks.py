"""Priority frameworks as data, user frameworks from documents, and crosswalks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

import socialvalue as sv
from socialvalue import frameworks
from socialvalue.frameworks import model
from tests.strategies import frameworks as any_framework

EXPECTED = {
    "gm-policing-sv": (
        "resilient-communities",
        "reduced-demand",
        "lower-environmental-impact",
        "social-capital",
        "early-intervention",
    ),
    "gm-sv-policy-2014": (
        "employment",
        "living-standards",
        "participation",
        "vcse-capacity",
        "equity-fairness",
        "environmental-sustainability",
    ),
    "gm-sv-framework-2020": (
        "best-employment",
        "clean-air",
        "skills-opportunities",
        "local-community",
        "greener-organisation",
        "local-supply-chain",
    ),
    "ppn-06-20": (
        "covid-recovery",
        "new-jobs-skills",
        "supply-chain-resilience",
        "environmental-stewardship",
        "disability-employment-gap",
        "workforce-inequality",
        "health-wellbeing",
        "community-cohesion",
    ),
    "ppn-002-missions": (
        "economic-growth",
        "clean-energy",
        "safer-streets",
        "opportunity",
        "nhs-future",
    ),
}


def test_builtin_frameworks_have_the_agreed_codes() -> None:
    assert {fid: fw.codes for fid, fw in frameworks.BUILTIN_FRAMEWORKS.items()} == EXPECTED


@pytest.mark.parametrize("framework_id", sorted(EXPECTED))
def test_builtin_frameworks_cite_their_source(framework_id: str) -> None:
    framework = frameworks.get(framework_id)
    module = {
        "gm-policing-sv": frameworks.gm_policing,
        "gm-sv-policy-2014": frameworks.gm_2014,
        "gm-sv-framework-2020": frameworks.gm_2020,
        "ppn-06-20": frameworks.ppn_06_20,
        "ppn-002-missions": frameworks.ppn_002,
    }[framework_id]
    assert module.__doc__ is not None
    assert "Source:" in module.__doc__
    assert framework.source
    assert sv.load("framework", sv.dump(framework)) == framework


def test_ppn_themes_group_the_eight_outcomes() -> None:
    ppn = frameworks.get("ppn-06-20")
    assert [t.code for t in ppn.themes] == [
        "covid-19-recovery",
        "tackling-economic-inequality",
        "fighting-climate-change",
        "equal-opportunity",
        "wellbeing",
    ]
    assert ppn.priority("disability-employment-gap").theme == "equal-opportunity"
    assert ppn.theme("wellbeing").title == "Wellbeing"
    with pytest.raises(KeyError):
        ppn.theme("nope")
    assert all(p.theme for p in ppn)
    assert len(ppn) == 8


def test_unknown_codes_raise_key_errors_that_say_what_is_known() -> None:
    fw = frameworks.get("gm-sv-framework-2020")
    with pytest.raises(sv.UnknownPriority) as info:
        fw.priority("clean-water")
    assert isinstance(info.value, KeyError)
    assert "clean-air" in str(info.value)
    assert "clean-water" not in fw
    assert fw.label == "gm-sv-framework-2020@2020"
    with pytest.raises(sv.UnknownFramework, match="built in: gm-policing-sv"):
        frameworks.get("toms-2024")
    with pytest.raises(sv.UnknownCrosswalk, match="gm-sv-policy-2014 -> gm-sv-framework-2020"):
        frameworks.crosswalk("ppn-06-20", "gm-sv-framework-2020")


def test_crosswalk_2014_to_2020_is_many_to_many_and_total() -> None:
    walk = frameworks.crosswalk("gm-sv-policy-2014", "gm-sv-framework-2020")
    assert walk.map("living-standards") == ("best-employment", "skills-opportunities")
    assert walk.map("environmental-sustainability") == ("greener-organisation", "clean-air")
    assert walk.unmapped == ()
    targets = [link.target for link in walk.links]
    assert targets.count("local-community") >= 2  # several old priorities meet in one
    assert set(targets) == set(walk.target.codes)
    assert all(len(link.rationale) > 20 for link in walk.links)
    assert walk.links_for("participation")[0].target == "local-community"
    with pytest.raises(sv.UnknownPriority):
        walk.map("clean-air")


def test_crosswalk_policing_aims_to_2020() -> None:
    walk = frameworks.crosswalk("gm-policing-sv", "gm-sv-framework-2020")
    assert walk.map("social-capital") == ("local-community",)
    assert len(walk.map("reduced-demand")) == 2
    assert walk.unmapped == ()


def test_crosswalk_links_must_name_known_priorities() -> None:
    old, new = frameworks.get("gm-sv-policy-2014"), frameworks.get("gm-sv-framework-2020")
    with pytest.raises(sv.RuleViolation) as info:
        sv.Crosswalk(old, new, [sv.CrosswalkLink("employment", "jobs", "because")])
    assert info.value.code == "crosswalk.unknown_priority"
    assert info.value.field == ("links", 0, "target")
    with pytest.raises(sv.RuleViolation) as info:
        sv.Crosswalk(old, new, [sv.CrosswalkLink("jobs", "clean-air", "because")])
    assert info.value.field == ("links", 0, "source")
    partial = sv.Crosswalk(old, new, [sv.CrosswalkLink("employment", "clean-air", "odd but ok")])
    assert partial.map("participation") == ()
    assert "participation" in partial.unmapped
    with pytest.raises(sv.RuleViolation) as info:
        sv.Crosswalk(old, new, [sv.CrosswalkLink("employment", "clean-air", "x")] * 2)
    assert info.value.code == "list.duplicate"


def test_users_build_their_own_framework_from_a_dict() -> None:
    document = {
        "id": "my-council",
        "title": "My Council priorities",
        "version": "2025",
        "source": "My Council, Social Value Policy, 2025.",
        "published": "2025-04-01",
        "priorities": [
            {"code": "local-jobs", "title": "Local jobs", "description": "Hire locally."},
            {"code": "net-zero", "title": "Net zero", "description": "Cut carbon."},
        ],
    }
    framework = sv.load("framework", document)
    assert isinstance(framework, sv.Framework)
    assert framework.codes == ("local-jobs", "net-zero")
    assert framework.published == date(2025, 4, 1)
    assert sv.load("framework", sv.dump(framework)) == framework


def test_bad_framework_documents_report_every_issue_with_paths() -> None:
    document = {
        "id": "bad id",
        "title": "",
        "version": "1",
        "source": "x",
        "published": "2025-13-01",
        "priorities": [{"code": "a", "title": "A"}],
        "colour": "red",
    }
    report = sv.validate("framework", document)
    assert {(i.path, i.code) for i in report.issues} == {
        ("$.id", "text.bad_format"),
        ("$.title", "text.empty"),
        ("$.published", "date.impossible"),
        ("$.priorities[0].description", "value.missing"),
        ("$.colour", "value.unexpected"),
    }


def test_framework_cross_field_rules_keep_their_paths() -> None:
    base = sv.dump(frameworks.get("ppn-06-20"))
    base["priorities"][3]["theme"] = "climate"
    report = sv.validate("framework", base)
    assert [(i.path, i.code) for i in report.issues] == [
        ("$.priorities[3].theme", "framework.unknown_theme")
    ]
    base = sv.dump(frameworks.get("gm-sv-framework-2020"))
    base["priorities"][4]["code"] = "clean-air"
    report = sv.validate("framework", base)
    assert [(i.path, i.code) for i in report.issues] == [("$.priorities[4]", "list.duplicate")]


def test_a_framework_without_declared_themes_takes_any_theme_code() -> None:
    fw = model.Framework(
        "x", "X", "1", "src", date(2025, 1, 1), [model.Priority("a", "A", "a", theme="t")]
    )
    assert fw.priorities[0].theme == "t"


@given(any_framework())
def test_any_framework_round_trips_and_knows_its_codes(framework: sv.Framework) -> None:
    assert sv.load("framework", sv.dump(framework)) == framework
    for code in framework.codes:
        assert code in framework
        assert framework.priority(code).code == code


def test_the_reference_page_lists_every_framework_and_link() -> None:
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "reference" / "frameworks.md").read_text(
        encoding="utf-8"
    )
    for framework in frameworks.BUILTIN_FRAMEWORKS.values():
        assert f"## `{framework.id}`: {framework.title}" in page
        assert framework.source in page
        for priority in framework:
            assert f"| `{priority.code}` | {priority.title} |" in page
    for (source, target), walk in frameworks.BUILTIN_CROSSWALKS.items():
        assert f"## Crosswalk `{source}` → `{target}`" in page
        for link in walk.links:
            assert f"| `{link.source}` | `{link.target}` | {link.rationale} |" in page


def test_frameworks_and_crosswalks_show_themselves_as_tables() -> None:
    ppn = frameworks.get("ppn-06-20")
    records = ppn.to_records()
    assert records[3] == {
        "framework_id": "ppn-06-20",
        "version": "2020",
        "code": "environmental-stewardship",
        "title": "Effective stewardship of the environment",
        "theme": "fighting-climate-change",
        "theme_title": "Fighting climate change",
        "outcome": None,
        "description": ppn.priority("environmental-stewardship").description,
    }
    assert frameworks.get("gm-sv-framework-2020").to_records()[0]["theme_title"] is None
    assert ppn._repr_html_().count("<tr>") == 1 + 8
    walk = frameworks.crosswalk("gm-policing-sv", "gm-sv-framework-2020")
    assert walk.to_records()[0]["from"] == "resilient-communities"
    assert "Crosswalk gm-policing-sv@2017 to gm-sv-framework-2020@2020" in walk._repr_html_()
