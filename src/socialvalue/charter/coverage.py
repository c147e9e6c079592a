"""Coverage of priorities: how many Charter commitments support each priority.

For the commissioner's report (source policy: suppliers sign the Charter to
commit to the commissioner's priorities), commitments are counted per priority,
either in each signup's own framework or, through crosswalks, in one framework
chosen for the report.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.charter.signups import CharterSignup
from socialvalue.frameworks import BUILTIN_CROSSWALKS, BUILTIN_FRAMEWORKS, Crosswalk, Framework

__all__ = ["PriorityCoverage", "priority_coverage"]


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class PriorityCoverage:
    """How many active Charter commitments, from how many suppliers, support one priority."""

    framework_id: str
    priority: str
    title: str | None
    commitments: int
    suppliers: int

    def to_record(self) -> dict[str, object]:
        """This coverage line as a flat dict of plain values."""
        return {
            "framework_id": self.framework_id,
            "priority": self.priority,
            "title": self.title,
            "commitments": self.commitments,
            "suppliers": self.suppliers,
        }


@in_library_context
@typed_arguments
def priority_coverage(
    signups: Iterable[CharterSignup],
    *,
    framework: Framework | None = None,
    crosswalks: Iterable[Crosswalk] | None = None,
) -> tuple[tuple[PriorityCoverage, ...], int]:
    """How many commitments in ``signups``, from how many suppliers, support each priority.

    Returns the coverage lines and the number of commitments that could not be
    reported. Without ``framework`` every commitment counts under its own
    framework's code, lines sorted by framework and code. With one, the lines follow
    that framework's priorities (zeros included) and commitments made under another
    framework are carried across by ``crosswalks`` (default: the built-in ones); a
    commitment with no crosswalk or no link is counted as not reported. Pass only
    the signups that should count (:func:`~socialvalue.charter.compliance_report` passes the valid
    Charters that are active or due for renewal).
    """
    walks = (
        dict(BUILTIN_CROSSWALKS)
        if crosswalks is None
        else {(w.source.id, w.target.id): w for w in crosswalks}
    )
    commitments: dict[tuple[str, str], int] = {}
    suppliers: dict[tuple[str, str], set[str]] = {}
    unmapped = 0
    for signup in signups:
        for commitment in signup.commitments:
            if framework is None or signup.framework_id == framework.id:
                keys = [(signup.framework_id, commitment.priority)]
            elif (signup.framework_id, framework.id) in walks:
                walk = walks[(signup.framework_id, framework.id)]
                if commitment.priority not in walk.source:
                    unmapped += 1
                    continue
                keys = [(framework.id, code) for code in walk.map(commitment.priority)]
            else:
                keys = []
            if not keys:
                unmapped += 1
            for key in keys:
                commitments[key] = commitments.get(key, 0) + 1
                suppliers.setdefault(key, set()).add(signup.supplier_id)
    if framework is not None:
        ordered = [(framework.id, code) for code in framework.codes]
        ordered += sorted(key for key in commitments if key not in set(ordered))
    else:
        ordered = sorted(commitments)

    def title(framework_id: str, code: str) -> str | None:
        known = framework if framework is not None and framework.id == framework_id else None
        known = known or BUILTIN_FRAMEWORKS.get(framework_id)
        return known.priority(code).title if known is not None and code in known else None

    lines = tuple(
        PriorityCoverage(
            framework_id=fid,
            priority=code,
            title=title(fid, code),
            commitments=commitments.get((fid, code), 0),
            suppliers=len(suppliers.get((fid, code), ())),
        )
        for fid, code in ordered
    )
    return lines, unmapped
