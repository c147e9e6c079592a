"""The generated loaders' shortcuts give the thorough path's verdicts.

Unknown keys are found by reading when a document has as many keys as the class
has fields, and codes and dates already read are not matched and parsed again.
Each shortcut must refuse what the thorough path refuses (the loader then leaves
the document to it) and never remember what it did not accept.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue._fields import CODE_PATTERN, Code
from socialvalue.documents import _loaders, _reading
from socialvalue.review.submissions import Declaration, ReportedLine, ReviewSubmission

KIND = "review-submission"
MINIMAL = Path(__file__).parent / "examples" / KIND / "minimal.json"


def document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MINIMAL.read_text(encoding="utf-8"))
    return data


def codes(read: Any, index: int) -> Any:
    """The codes a generated loader keeps for its field ``index``."""
    return read.__globals__[f"codes{index}"]


def test_an_unknown_key_in_place_of_an_absent_null_field_is_refused() -> None:
    line = {"measure": "GM-JOBS", "quantity": "1", "evidence": None, "local": None, "other": 1}
    with pytest.raises(_reading.NotCommon):
        _loaders.loader(ReportedLine)(line)
    bad = document()
    bad["lines"] = [line]
    assert [issue.path for issue in sv.validate(KIND, bad).issues] == ["$.lines[0].other"]


def test_an_unknown_key_in_place_of_an_absent_defaulted_field_is_refused() -> None:
    bad = document()
    del bad["commitments"]
    bad["other"] = []
    with pytest.raises(_reading.NotCommon):
        _loaders.loader(ReviewSubmission)(bad)
    assert [issue.path for issue in sv.validate(KIND, bad).issues] == ["$.other"]


def test_absent_optional_fields_take_their_defaults() -> None:
    line = {"measure": "GM-JOBS", "quantity": "1"}
    assert _loaders.loader(ReportedLine)(line) == ReportedLine("GM-JOBS", sv.Money("1").amount)
    shorter = document()
    del shorter["commitments"]
    assert sv.load(KIND, shorter).commitments == ()


def test_a_code_read_once_is_known_and_a_bad_one_is_never_kept() -> None:
    read = _loaders.loader(ReportedLine)
    read({"measure": "GM-KNOWN-CODE", "quantity": "1"})
    assert "GM-KNOWN-CODE" in codes(read, 0)
    for bad in ("-starts-with-a-dash", "x" * 65, "GM JOBS"):
        with pytest.raises(_reading.NotCommon):
            read({"measure": bad, "quantity": "1"})
        assert bad not in codes(read, 0)


class Sly(str):
    """A ``str`` subclass: equal to a known code, yet not exactly text."""

    __slots__ = ()


def test_a_str_subclass_equal_to_a_known_code_goes_the_thorough_way() -> None:
    read = _loaders.loader(ReportedLine)
    read({"measure": "GM-SLY", "quantity": "1"})
    with pytest.raises(_reading.NotCommon):
        read({"measure": Sly("GM-SLY"), "quantity": "1"})
    contract = document()
    contract["contract_ids"] = ["C-1"]
    sv.load(KIND, contract)
    contract["contract_ids"] = [Sly("C-1")]
    with pytest.raises(_reading.NotCommon):
        _loaders.loader(ReviewSubmission)(contract)


def test_known_codes_are_bounded() -> None:
    read = _loaders.loader(ReportedLine)
    for n in range(_reading.REMEMBERED + 10):
        read({"measure": f"GM-{n}", "quantity": "1"})
    assert 0 < len(codes(read, 0)) <= _reading.REMEMBERED


def test_contract_ids_are_checked_as_codes_and_once_each() -> None:
    read = _loaders.loader(ReviewSubmission)
    good = document()
    good["contract_ids"] = ["C-1", "C-2"]
    assert read(good).contract_ids == ("C-1", "C-2")
    for ids in (["C-1", "C-1"], ["C-1", "not a code"], ["C-1", 7]):
        bad = copy.deepcopy(good)
        bad["contract_ids"] = ids
        with pytest.raises(_reading.NotCommon):
            read(bad)
        assert not sv.validate(KIND, bad).ok


def test_a_date_read_once_is_the_same_date_and_an_impossible_one_is_never_kept() -> None:
    read = _loaders.loader(Declaration)
    days = read.__globals__["days2"]
    signed = {"signatory": "A. Person", "role": "Owner", "signed_on": "2026-03-31"}
    first, second = read(signed), read(dict(signed))
    assert first.signed_on == second.signed_on == date(2026, 3, 31)
    assert days["2026-03-31"] == date(2026, 3, 31)
    with pytest.raises(ValueError, match="day is out of range"):
        read({**signed, "signed_on": "2026-02-30"})
    assert "2026-02-30" not in days
    for bad in ("2026-3-31", "2026-03-31 ", 20260331):
        with pytest.raises(_reading.NotCommon):
            read({**signed, "signed_on": bad})
    for n in range(_reading.REMEMBERED + 10):
        read({**signed, "signed_on": date.fromordinal(700_000 + n).isoformat()})
    assert 0 < len(days) <= _reading.REMEMBERED


@given(st.text(max_size=70))
def test_the_code_shortcut_agrees_with_the_pattern(text: str) -> None:
    read = _loaders.loader(ReportedLine)
    accepted = re.fullmatch(CODE_PATTERN, text) is not None
    for _ in range(2):  # the second time, a good code is known
        try:
            read({"measure": text, "quantity": "1"})
        except _reading.NotCommon:
            assert not accepted
        else:
            assert accepted


def test_a_loaded_object_is_of_its_own_class_and_behaves_as_one_built_directly() -> None:
    loaded = sv.load(KIND, document())
    assert type(loaded) is ReviewSubmission
    assert type(loaded.lines[0]) is ReportedLine
    assert type(loaded.declaration) is Declaration
    twin = attrs.evolve(loaded)
    assert twin == loaded
    assert hash(twin) == hash(loaded)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        loaded.supplier_id = "other"  # type: ignore[misc]
    assert sv.dump(loaded) == document()


@attrs.frozen(slots=False)
class Unslotted:
    """Fields kept in the object's ``__dict__``: no twin class, set one by one."""

    code: str = attrs.field(validator=Code())
    note: str | None = None


def test_a_class_without_slots_is_loaded_field_by_field() -> None:
    read = _loaders.loader(Unslotted)
    assert read({"code": "A-1"}) == Unslotted("A-1")
    assert type(read({"code": "A-1", "note": "n"})) is Unslotted
    with pytest.raises(_reading.NotCommon):
        read({"code": "not a code"})
