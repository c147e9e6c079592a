"""Suppliers: who the commissioner buys from, what kind of organisation, and where.

A :class:`Supplier` is keyed by its ``id``, the buyer's own stable supplier id
(``"100234"``) or an organisation identifier (``"GB-COH-01234567"``); spend lines
and contracts name suppliers by that id. The optional :class:`Identifier` carries
the registration in the Open Contracting style (a scheme from the org-id.guide list,
such as ``GB-COH`` for Companies House, and the id within it).

Where a supplier is matters to the policy: the commissioner reports the share of
spend with Greater Manchester organisations (£59m of £110m in 2016). "Local" is a
:class:`LocalArea`, configurable: the default, :data:`GREATER_MANCHESTER`, is the
ten boroughs; other bodies name their own boroughs or postcode districts.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, FieldCheck, Items, Text
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.spend.gm_postcodes import GM_POSTCODES, GM_POSTCODES_UNCERTAIN

__all__ = [
    "GREATER_MANCHESTER",
    "Borough",
    "GoodEmploymentTier",
    "Identifier",
    "LocalArea",
    "Locality",
    "Location",
    "OrganisationType",
    "Postcode",
    "Supplier",
]


class OrganisationType(enum.Enum):
    """The kind of organisation a supplier is (size bands as in the Companies Act).

    Published contract data often says less than a council's own supplier list:
    ``SME`` (band not stated) and ``UNKNOWN`` keep that honest rather than guessed.
    """

    MICRO = "micro"
    """Fewer than 10 staff."""
    SMALL = "small"
    """Fewer than 50 staff."""
    MEDIUM = "medium"
    """Fewer than 250 staff."""
    LARGE = "large"
    """250 staff or more."""
    VCSE = "vcse"
    """A voluntary, community or social enterprise organisation."""
    PUBLIC = "public"
    """Another public body."""
    SME = "sme"
    """A small or medium-sized enterprise whose band (micro, small or medium) is not
    stated: what Contracts Finder's ``sme`` flag and OCDS ``details.scale: "sme"`` say."""
    UNKNOWN = "unknown"
    """The source does not say (an OCDS party with no size or sector flags)."""


class Borough(enum.Enum):
    """The ten boroughs of Greater Manchester."""

    BOLTON = "bolton"
    BURY = "bury"
    MANCHESTER = "manchester"
    OLDHAM = "oldham"
    ROCHDALE = "rochdale"
    SALFORD = "salford"
    STOCKPORT = "stockport"
    TAMESIDE = "tameside"
    TRAFFORD = "trafford"
    WIGAN = "wigan"


class Locality(enum.Enum):
    """Whether a location is in a :class:`LocalArea`: inside, outside, or not known.

    ``UNCERTAIN`` is a postcode district that crosses the area's boundary: the
    supplier may be on either side, and is never counted as local on a guess.
    """

    INSIDE = "inside"
    OUTSIDE = "outside"
    UNCERTAIN = "uncertain"


class GoodEmploymentTier(enum.Enum):
    """Tiers of the Greater Manchester Good Employment Charter (GMCA)."""

    SUPPORTER = "supporter"
    """Supports the Charter's seven characteristics of good employment."""
    MEMBER = "member"
    """Assessed as meeting the Charter's characteristics."""


# UK postcode shape: outward code (area letters, district) and inward code.
_POSTCODE: Final = re.compile(r"([A-Z]{1,2})([0-9][A-Z0-9]?) ([0-9][A-Z]{2})")
_POSTCODE_PREFIX: Final = re.compile(r"[A-Z]{1,2}(?:[0-9][A-Z0-9]?)?")


@attrs.frozen(field_transformer=typed_fields)
class Postcode(FieldCheck):
    """A UK postcode in capitals with one space, such as ``"M1 1AD"``."""

    optional: bool = False

    def check(self, value: Any) -> None:
        """Raise :class:`RuleViolation` unless ``value`` is a well-formed UK postcode."""
        if not isinstance(value, str):
            raise TypeError(f"must be text; got {type(value).__name__}")
        if not _POSTCODE.fullmatch(value):
            raise RuleViolation(
                "text.bad_format",
                f"must be a UK postcode in capitals with one space, such as 'M1 1AD';"
                f" got {value[:20]!r}",
            )


@attrs.frozen(field_transformer=typed_fields)
class Identifier:
    """An organisation identifier: a registration ``scheme`` and the ``id`` within it.

    >>> Identifier("GB-COH", "01234567")
    Identifier(scheme='GB-COH', id='01234567')
    """

    scheme: str = attrs.field(validator=Code())
    id: str = attrs.field(validator=Code())


@attrs.frozen(field_transformer=typed_fields)
class Location:
    """Where a supplier is: a Greater Manchester borough, or outside (``borough=None``).

    A postcode is optional either way; it lets a non-GM :class:`LocalArea` (or one
    drawn by postcode district) decide whether the supplier is local.
    """

    borough: Borough | None = None
    postcode: str | None = attrs.field(default=None, validator=Postcode(optional=True))

    @property
    def outward_code(self) -> str | None:
        """The postcode's first half (``"M1"`` of ``"M1 1AD"``), if there is a postcode."""
        return None if self.postcode is None else self.postcode.split(" ", 1)[0]


def _check_prefix(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for index, prefix in enumerate(value):
        if not isinstance(prefix, str) or not _POSTCODE_PREFIX.fullmatch(prefix):
            raise RuleViolation(
                "text.bad_format",
                "must be a postcode area such as 'M' or 'BL', or a district such as 'SK4';"
                f" got {prefix!r}",
                field=[attribute.name, index],
            )


def _boroughs(boroughs: Iterable[Borough]) -> tuple[Borough, ...]:
    return tuple(boroughs)


def _postcodes(postcodes: Iterable[str]) -> tuple[str, ...]:
    return tuple(postcodes)


@attrs.frozen(field_transformer=typed_fields)
class LocalArea:
    """A definition of "local": boroughs, and optionally postcode areas or districts.

    A location is local when its borough is one of ``boroughs``, or its postcode
    starts in one of ``postcodes``: an area (letters only, ``"BL"``) matches every
    district in it; a district (``"SK4"``) matches that outward code exactly.
    ``uncertain`` lists the areas or districts that cross the boundary: a location
    there (and in none of the boroughs) is :attr:`Locality.UNCERTAIN`, never local.
    A district listed in either list outranks its area listed in the other.

    >>> GREATER_MANCHESTER.contains(Location(Borough.SALFORD))
    True
    >>> GREATER_MANCHESTER.contains(Location(None, "M1 1AA"))
    True
    >>> GREATER_MANCHESTER.locality(Location(None, "BL6 5AB")).value
    'uncertain'
    >>> LocalArea("Bolton", (Borough.BOLTON,), ("BL",)).contains(
    ...     Location(None, "BL9 0AA")
    ... )
    True
    """

    name: str = attrs.field(validator=Text(100))
    boroughs: tuple[Borough, ...] = attrs.field(converter=_boroughs, default=())
    postcodes: tuple[str, ...] = attrs.field(
        converter=_postcodes, default=(), validator=[Items(max_items=500), _check_prefix]
    )
    uncertain: tuple[str, ...] = attrs.field(
        converter=_postcodes, default=(), validator=[Items(max_items=500), _check_prefix]
    )

    @typed_arguments
    def contains(self, location: Location) -> bool:
        """Whether ``location`` is in this area for certain (see :meth:`locality`)."""
        return self.locality(location) is Locality.INSIDE

    @typed_arguments
    def locality(self, location: Location) -> Locality:
        """Whether ``location`` is inside this area, outside it, or uncertain."""
        if location.borough is not None and location.borough in self.boroughs:
            return Locality.INSIDE
        match = None if location.postcode is None else _POSTCODE.fullmatch(location.postcode)
        if match is None:
            return Locality.OUTSIDE
        area, outward = match[1], match[1] + match[2]
        for code in (outward, area):
            if code in self.postcodes:
                return Locality.INSIDE
            if code in self.uncertain:
                return Locality.UNCERTAIN
        return Locality.OUTSIDE


#: The ten Greater Manchester boroughs, and the postcode districts inside them (a
#: supplier known only by its postcode): the area the commissioner's local-spend
#: figure counts ("£59m with 1,393 GM organisations", 2016). Districts across the
#: region's edge are uncertain; the table and its source are in
#: :mod:`socialvalue.spend.gm_postcodes`.
GREATER_MANCHESTER: Final = LocalArea(
    "Greater Manchester", tuple(Borough), GM_POSTCODES, GM_POSTCODES_UNCERTAIN
)


@attrs.frozen(field_transformer=typed_fields)
class Supplier:
    """An organisation the commissioner buys from.

    >>> acme = Supplier(
    ...     "100234",
    ...     "Acme Ltd",
    ...     OrganisationType.SMALL,
    ...     Location(Borough.MANCHESTER, "M1 1AD"),
    ...     identifier=Identifier("GB-COH", "01234567"),
    ... )
    >>> acme.is_local()
    True
    """

    id: str = attrs.field(validator=Code())
    name: str = attrs.field(validator=Text(200))
    organisation_type: OrganisationType
    location: Location
    identifier: Identifier | None = None
    good_employment: GoodEmploymentTier | None = None

    @typed_arguments
    def is_local(self, area: LocalArea = GREATER_MANCHESTER) -> bool:
        """Whether this supplier is in ``area`` (Greater Manchester by default)."""
        return area.contains(self.location)
