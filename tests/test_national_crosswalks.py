"""The national Social Value Model: crosswalks onto PPN 06/20 and the PPN 002 missions."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue import frameworks
from socialvalue.cli import main
from tests.strategies import frameworks as any_framework
from tests.test_cli_report import _write_folder

#: Each national crosswalk, with the PPN 06/20 outcomes no link reaches.
NATIONAL = {
    # The policing aims say nothing of employment terms or of the supply chain.
    ("gm-policing-sv", "ppn-06-20"): {
        "disability-employment-gap",
        "workforce-inequality",
        "supply-chain-resilience",
    },
    ("gm-sv-framework-2020", "ppn-06-20"): {"disability-employment-gap"},
    # The policing aims speak of communities, demand, environment and prevention, not growth.
    ("gm-policing-sv", "ppn-002-missions"): {"economic-growth"},
    ("gm-sv-framework-2020", "ppn-002-missions"): set(),
    ("ppn-06-20", "ppn-002-missions"): set(),
}


@pytest.mark.parametrize(("source", "target"), sorted(NATIONAL))
def test_national_crosswalks_give_every_source_priority_a_reason(source: str, target: str) -> None:
    walk = frameworks.crosswalk(source, target)
    assert walk.unmapped == ()  # every GM aim or priority is carried somewhere
    assert all(len(link.rationale) > 30 for link in walk.links)
    # Nothing in the GM vocabularies speaks of disabled people: nothing is carried there.
    unreached = set(walk.target.codes) - {link.target for link in walk.links}
    assert unreached == NATIONAL[(source, target)]


def test_named_links() -> None:
    policing = frameworks.crosswalk("gm-policing-sv", "ppn-06-20")
    assert policing.map("social-capital") == ("community-cohesion",)
    assert policing.map("lower-environmental-impact") == ("environmental-stewardship",)
    gm_2020 = frameworks.crosswalk("gm-sv-framework-2020", "ppn-06-20")
    assert gm_2020.map("local-supply-chain") == ("supply-chain-resilience",)
    assert gm_2020.map("skills-opportunities") == ("new-jobs-skills", "covid-recovery")


def test_a_report_under_ppn_06_20_carries_every_pound() -> None:
    year = sv.example_year()
    gm = year.report()
    national = year.report(framework="ppn-06-20")
    assert (national.framework_id, national.framework_version) == ("ppn-06-20", "2020")
    assert "gm-policing-sv → ppn-06-20" in national.apportionment
    for measure in ("gross", "net", "present-value"):
        total = national.value("contribution", "total", measure=measure)
        assert total == gm.value("contribution", "total", measure=measure)
        parts = [f.value for f in national.of("contribution", "priority") if f.measure == measure]
        assert sum(parts) == total
    # All the example's valued measures serve social capital: one link, to community cohesion.
    priorities = {f.item for f in national.of("contribution", "priority")}
    assert priorities == {"community-cohesion"}
    assert national.caveat(sv.CaveatKind.UNMAPPED_PRIORITY) is None
    # Charter coverage crosses too: social-capital and resilient-communities both reach cohesion.
    assert national.value("coverage", "priority", "community-cohesion", "commitments") == 4


def test_a_report_under_the_ppn_002_missions_carries_every_pound() -> None:
    year = sv.example_year()
    gm = year.report()
    missions = year.report(framework="ppn-002-missions")
    assert (missions.framework_id, missions.framework_version) == ("ppn-002-missions", "2025")
    assert "Through gm-policing-sv → ppn-002-missions." in missions.apportionment
    for measure in ("gross", "net", "present-value"):
        total = missions.value("contribution", "total", measure=measure)
        assert total == gm.value("contribution", "total", measure=measure)
        parts = [f.value for f in missions.of("contribution", "priority") if f.measure == measure]
        assert sum(parts) == total
    # The example's valued measures all serve social capital: one link, to safer streets.
    assert {f.item for f in missions.of("contribution", "priority")} == {"safer-streets"}
    assert missions.caveat(sv.CaveatKind.UNMAPPED_PRIORITY) is None


def test_ppn_06_20_outcomes_each_reach_a_mission() -> None:
    walk = frameworks.crosswalk("ppn-06-20", "ppn-002-missions")
    assert walk.map("new-jobs-skills") == ("economic-growth", "opportunity")
    assert walk.map("disability-employment-gap") == ("opportunity",)
    assert walk.map("community-cohesion") == ("safer-streets",)
    # GM 2014 reaches the missions in two steps, through GM 2020.
    chained, how = sv.report.priorities.find_crosswalk("gm-sv-policy-2014", "ppn-002-missions")
    assert chained is not None
    assert how.startswith("Through gm-sv-policy-2014 → gm-sv-framework-2020, then")
    assert chained.map("environmental-sustainability") == ("clean-energy",)


def test_the_2014_objectives_reach_ppn_06_20_in_two_steps() -> None:
    walk, how = sv.report.priorities.find_crosswalk("gm-sv-policy-2014", "ppn-06-20")
    assert walk is not None
    assert how.startswith("Through gm-sv-policy-2014 → gm-sv-framework-2020, then")
    assert walk.map("environmental-sustainability") == ("environmental-stewardship",)


def test_a_report_under_ppn_06_20_from_the_command_line(tmp_path: Path) -> None:
    _write_folder(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    argv = ["report", str(tmp_path), "--year", "2025/26", "--framework", "ppn-06-20"]
    argv.append("--include-non-suppliers")  # the example year counts a council as a supplier
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    expected = sv.example_year().report(framework="ppn-06-20").summary() + "\n"
    assert _summary(out.getvalue()) == expected
    assert "by priority of ppn-06-20" in out.getvalue()


def _summary(text: str) -> str:
    """The report's summary: what ``report`` prints before its last line, the spend read."""
    summary, spend = text.rstrip("\n").rsplit("\n", 1)
    assert spend.startswith("spend: 17 rows read")
    return summary + "\n"


def _mine() -> sv.Framework:
    return sv.Framework(
        "my-council", "My Council priorities", "1", "My Council, Social Value Policy, 2025.",
        date(2025, 4, 1),
        [sv.Priority("people", "People", "Jobs and communities."),
         sv.Priority("planet", "Planet", "Carbon and waste.")],
    )  # fmt: skip


def _to_mine() -> sv.Crosswalk:
    link = sv.CrosswalkLink
    return sv.Crosswalk(
        frameworks.get("gm-policing-sv"),
        _mine(),
        [link(code, "people", "About people.") for code in frameworks.get("gm-policing-sv").codes]
        + [link("lower-environmental-impact", "planet", "About the planet.")],
    )


def test_a_crosswalk_document_feeds_a_report(tmp_path: Path) -> None:
    document = sv.dump(_to_mine())
    walk = sv.load("crosswalk", document)
    assert walk == _to_mine()
    report = sv.example_year().report(framework="my-council", crosswalks=[walk])
    assert report.framework_id == "my-council"
    _write_folder(tmp_path)
    (tmp_path / "crosswalks").mkdir()
    (tmp_path / "crosswalks" / "mine.json").write_text(json.dumps(document), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["report", str(tmp_path), "--year", "2025/26", "--framework", "my-council"]
    argv.append("--include-non-suppliers")
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    assert _summary(out.getvalue()) == report.summary() + "\n"
    # The same document given by --crosswalk, from outside the folder.
    (tmp_path / "crosswalks" / "mine.json").rename(tmp_path / "elsewhere.json")
    argv += ["--crosswalk", str(tmp_path / "elsewhere.json")]
    out = io.StringIO()
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    assert _summary(out.getvalue()) == report.summary() + "\n"


def test_a_bad_crosswalk_document_reports_every_issue_at_its_path() -> None:
    document: dict[str, Any] = sv.dump(_to_mine())
    document["links"][1]["target"] = "profit"
    document["links"][2]["source"] = "nope"
    document["links"].append(dict(document["links"][0]))
    del document["links"][3]["rationale"]
    document["target"]["published"] = "2025-02-30"
    issues = {(i.path, i.code) for i in sv.validate("crosswalk", document).issues}
    assert issues == {
        ("$.links[3].rationale", "value.missing"),
        ("$.target.published", "date.impossible"),
    }
    # Once the shapes are right, the links are checked against the frameworks, in turn.
    document["links"][3]["rationale"] = "Repeated."
    document["target"]["published"] = "2025-02-28"
    issues = [(i.path, i.code) for i in sv.validate("crosswalk", document).issues]
    assert issues == [("$.links[6]", "list.duplicate")]
    document["links"].pop()
    issues = [(i.path, i.code) for i in sv.validate("crosswalk", document).issues]
    assert issues == [("$.links[1].target", "crosswalk.unknown_priority")]
    document["links"][1]["target"] = "people"
    issues = [(i.path, i.code) for i in sv.validate("crosswalk", document).issues]
    assert issues == [("$.links[2].source", "crosswalk.unknown_priority")]


@st.composite
def crosswalks(draw: st.DrawFn) -> sv.Crosswalk:
    """Two user frameworks and any set of links between their priorities."""
    source, target = draw(any_framework()), draw(any_framework())
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(source.codes), st.sampled_from(target.codes)),
            unique=True,
            max_size=12,
        )
    )
    rationale = (
        st.text(
            st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40
        )
        .map(str.strip)
        .filter(bool)
    )
    return sv.Crosswalk(source, target, [sv.CrosswalkLink(a, b, draw(rationale)) for a, b in pairs])


@given(crosswalks())
def test_crosswalk_documents_round_trip(walk: sv.Crosswalk) -> None:
    """dump → validate → load gives back the same crosswalk, and dumps to the same document."""
    document = sv.dump(walk)
    assert sv.validate("crosswalk", document).ok
    loaded = sv.load("crosswalk", json.loads(json.dumps(document)))
    assert loaded == walk
    assert sv.dump(loaded) == document
    for link in walk.links:
        assert link.target in loaded.map(link.source)
