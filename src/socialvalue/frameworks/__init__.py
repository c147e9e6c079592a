"""Priority frameworks: the vocabularies that social value commitments are made in.

Built in (each module cites its source):

- ``"gm-policing-sv"`` — the source policy's own aims (:mod:`.gm_policing`);
- ``"gm-sv-policy-2014"`` — GM Social Value Policy 2014 (:mod:`.gm_2014`);
- ``"gm-sv-framework-2020"`` — GM Social Value Framework 2020 (:mod:`.gm_2020`);
- ``"ppn-06-20"`` — the Social Value Model of PPN 06/20 (:mod:`.ppn_06_20`);
- ``"ppn-002-missions"`` — the Government's five missions, the level at which PPN 002
  aligns the Social Value Model (:mod:`.ppn_002`);

crosswalks from the first two onto the 2020 framework (:mod:`.crosswalks`), and
from the policing aims and the 2020 framework onto PPN 06/20
(:mod:`.crosswalks_ppn_06_20`), and from those two and PPN 06/20 onto the PPN 002
missions (:mod:`.crosswalks_ppn_002`). Crosswalks of your own load from ``crosswalk``
documents: ``socialvalue.load("crosswalk", {...})``.

>>> get("gm-sv-framework-2020").priority("clean-air").title
'Keep the air clean'
>>> crosswalk("gm-sv-policy-2014", "gm-sv-framework-2020").map("living-standards")
('best-employment', 'skills-opportunities')
>>> crosswalk("gm-policing-sv", "ppn-06-20").map("social-capital")
('community-cohesion',)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from socialvalue._arguments import typed_arguments
from socialvalue.errors import SocialValueError
from socialvalue.frameworks.crosswalks import GM_2014_TO_2020, GM_POLICING_TO_2020
from socialvalue.frameworks.crosswalks_ppn_002 import (
    GM_2020_TO_PPN_002,
    GM_POLICING_TO_PPN_002,
    PPN_06_20_TO_PPN_002,
)
from socialvalue.frameworks.crosswalks_ppn_06_20 import (
    GM_2020_TO_PPN_06_20,
    GM_POLICING_TO_PPN_06_20,
)
from socialvalue.frameworks.gm_2014 import GM_2014
from socialvalue.frameworks.gm_2020 import GM_2020
from socialvalue.frameworks.gm_policing import GM_POLICING
from socialvalue.frameworks.model import (
    Crosswalk,
    CrosswalkLink,
    Framework,
    Priority,
    Theme,
    UnknownPriority,
)
from socialvalue.frameworks.ppn_002 import PPN_002_MISSIONS
from socialvalue.frameworks.ppn_06_20 import PPN_06_20

__all__ = [
    "BUILTIN_CROSSWALKS",
    "BUILTIN_FRAMEWORKS",
    "Crosswalk",
    "CrosswalkLink",
    "Framework",
    "Priority",
    "Theme",
    "UnknownCrosswalk",
    "UnknownFramework",
    "UnknownPriority",
    "crosswalk",
    "get",
]

#: The built-in frameworks by id.
BUILTIN_FRAMEWORKS: Final[Mapping[str, Framework]] = MappingProxyType(
    {fw.id: fw for fw in (GM_POLICING, GM_2014, GM_2020, PPN_06_20, PPN_002_MISSIONS)}
)

#: The built-in crosswalks by ``(source id, target id)``.
BUILTIN_CROSSWALKS: Final[Mapping[tuple[str, str], Crosswalk]] = MappingProxyType(
    {
        (cw.source.id, cw.target.id): cw
        for cw in (
            GM_2014_TO_2020,
            GM_POLICING_TO_2020,
            GM_POLICING_TO_PPN_06_20,
            GM_2020_TO_PPN_06_20,
            GM_POLICING_TO_PPN_002,
            GM_2020_TO_PPN_002,
            PPN_06_20_TO_PPN_002,
        )
    }
)


class UnknownFramework(SocialValueError, KeyError):
    """No built-in framework has the id asked for."""

    def __str__(self) -> str:
        return (
            f"no built-in framework {self.args[0]!r}; built in: {', '.join(BUILTIN_FRAMEWORKS)}."
            " Load your own with socialvalue.load('framework', document)"
        )


class UnknownCrosswalk(SocialValueError, KeyError):
    """No built-in crosswalk joins the two frameworks asked for."""

    def __str__(self) -> str:
        known = ", ".join(f"{a} -> {b}" for a, b in BUILTIN_CROSSWALKS)
        return f"no built-in crosswalk {self.args[0]} -> {self.args[1]}; built in: {known}"


@typed_arguments
def get(framework_id: str) -> Framework:
    """The built-in framework ``framework_id``; :class:`UnknownFramework` if none."""
    try:
        return BUILTIN_FRAMEWORKS[framework_id]
    except KeyError:
        raise UnknownFramework(framework_id) from None


@typed_arguments
def crosswalk(from_id: str, to_id: str) -> Crosswalk:
    """The built-in crosswalk from framework ``from_id`` to ``to_id``.

    Raises :class:`UnknownCrosswalk` (a ``KeyError``) when there is none.
    """
    try:
        return BUILTIN_CROSSWALKS[(from_id, to_id)]
    except KeyError:
        raise UnknownCrosswalk(from_id, to_id) from None
