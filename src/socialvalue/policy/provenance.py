"""Where a result's rule comes from: the policy's id, version, owner, effective date and source.

An assessment, a score or a report is only as good as the policy behind it, and
policies change hands: the Greater Manchester Police and Crime Commissioner's
functions passed to the Mayor of Greater Manchester on 8 May 2017. Every output
names the policy it applied with a :class:`PolicyProvenance`: in text
(:attr:`~PolicyProvenance.text`), as flat record fields
(:meth:`~PolicyProvenance.to_record`) and as a JSON object
(:meth:`~PolicyProvenance.to_dict`).
"""

from __future__ import annotations

from datetime import date

import attrs

from socialvalue._fields import Code, Text
from socialvalue._typed import typed_fields

__all__ = ["PolicyOwner", "PolicyProvenance"]


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


@attrs.frozen(field_transformer=typed_fields)
class PolicyOwner:
    """Who owns a policy: a named office holder, their role, and since when.

    Owners change: Greater Manchester's Police and Crime Commissioner's functions
    passed to the Mayor of Greater Manchester on 8 May 2017, so the owner is data.
    """

    name: str = attrs.field(
        validator=Text(200),
        metadata={"description": "The owner, e.g. 'Mayor of Greater Manchester'."},
    )
    role: str = attrs.field(
        validator=Text(300), metadata={"description": "The owner's role in relation to the policy."}
    )
    since: date = attrs.field(metadata={"description": "The day the owner took the policy on."})


@attrs.frozen(field_transformer=typed_fields)
class PolicyProvenance:
    """The policy a result applied: id, version, title, owner, role, since, effective, source.

    Every :class:`~socialvalue.policy.social_value_policy.Policy` gives its own as
    ``policy.provenance``.

    >>> from socialvalue.policy.gm_policing import default_policy
    >>> provenance = default_policy().provenance
    >>> provenance.owner, provenance.owner_since, provenance.effective
    ('Mayor of Greater Manchester', datetime.date(2017, 5, 8), datetime.date(2017, 5, 8))
    """

    policy_id: str = attrs.field(validator=Code(), metadata={"description": "Id of the policy."})
    version: str = attrs.field(validator=Code(), metadata={"description": "Version of the policy."})
    title: str = attrs.field(validator=Text(200), metadata={"description": "The policy's title."})
    owner: str = attrs.field(
        validator=Text(200),
        metadata={"description": "Who owns the policy, e.g. 'Mayor of Greater Manchester'."},
    )
    owner_role: str = attrs.field(
        validator=Text(300), metadata={"description": "The owner's role in relation to the policy."}
    )
    owner_since: date = attrs.field(
        metadata={"description": "The day the owner took the policy on."}
    )
    effective: date = attrs.field(metadata={"description": "The day the policy took effect."})
    source: str = attrs.field(
        validator=Text(1000), metadata={"description": "Where the policy's rule comes from."}
    )

    @property
    def lines(self) -> tuple[str, str, str]:
        """Three sentences: the policy, owner and effective date; the owner's role; the source."""
        return (
            f"Policy {self.policy_id} {self.version} ({self.title}); owner: {self.owner}"
            f" since {_day(self.owner_since)}; effective {_day(self.effective)}.",
            f"Owner's role: {self.owner_role}.",
            f"Source: {self.source}",
        )

    @property
    def text(self) -> str:
        """:attr:`lines` as one paragraph."""
        return " ".join(self.lines)

    def to_record(self) -> dict[str, object]:
        """Flat fields (``policy_id``, ``policy_owner_since`` …) to add to a record."""
        return {
            "policy_id": self.policy_id,
            "policy_version": self.version,
            "policy_owner": self.owner,
            "policy_owner_role": self.owner_role,
            "policy_owner_since": self.owner_since.isoformat(),
            "policy_effective": self.effective.isoformat(),
            "policy_source": self.source,
        }

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready object (dates as ISO text) for a ``policy`` field."""
        return {
            "id": self.policy_id,
            "version": self.version,
            "title": self.title,
            "owner": self.owner,
            "owner_role": self.owner_role,
            "owner_since": self.owner_since.isoformat(),
            "effective": self.effective.isoformat(),
            "source": self.source,
        }
