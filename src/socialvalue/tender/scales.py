"""Scoring scales: the bands an evaluation panel marks quality and social value answers on.

A scale is data, not code, because councils differ. Each :class:`ScaleBand` has
points, a label and a descriptor that tells the panel when to award it; a mark is
worth its points divided by the scale's top points, so a "Good" 75 on a 0–100
scale earns three quarters of the criterion's weight.

:func:`common_scale` is the five-band 0/25/50/75/100 scale (Fail, Limited,
Satisfactory, Good, Exceeds) that many UK public bodies publish in their tender
documents. It is *common practice, not a rule*: no statute or procurement policy
note fixes it (PPN 06/20 leaves the scale to the contracting authority), so pass
your own :class:`ScoringScale` where your council's differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, DecimalRange, Items, Text
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation

__all__ = ["ScaleBand", "ScoringScale", "common_scale"]

# The source note of common_scale(): widely used, set by no rule.
_COMMON_PRACTICE = (
    "Common practice in UK tender documents (unconfirmed as any standard: no statute or"
    " procurement policy note sets it); descriptors are socialvalue's own wording"
)


def _bands(value: Iterable[ScaleBand]) -> tuple[ScaleBand, ...]:
    return tuple(value)


@attrs.frozen(field_transformer=typed_fields)
class ScaleBand:
    """One band of a scoring scale: the points it is worth, its label and descriptor.

    >>> ScaleBand(Decimal("75"), "Good", "A full answer with some evidence.").label
    'Good'
    """

    points: Decimal = attrs.field(validator=DecimalRange(minimum=Decimal(0)))
    label: str = attrs.field(validator=Text(60))
    descriptor: str = attrs.field(validator=Text(1000, multiline=True))


def _check_bands(bands: tuple[ScaleBand, ...]) -> None:
    for index in range(1, len(bands)):
        if bands[index].points <= bands[index - 1].points:
            raise RuleViolation(
                "evaluation.scale_not_ascending",
                "scale bands must be listed in strictly ascending order of points; band"
                f" {index} ({bands[index].label}, {bands[index].points}) does not come above"
                f" band {index - 1} ({bands[index - 1].label}, {bands[index - 1].points})",
                field=["bands", index, "points"],
            )
    # Two or more ascending bands of points >= 0 put the top above 0, so a mark's
    # fraction (points ÷ top points) is always defined.


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ScoringScale:
    """A marking scale: two or more bands in strictly ascending order of points.

    A mark must be exactly one band's points. :meth:`fraction` is the share of a
    criterion's weight a mark earns (points ÷ top points). ``source`` says where the
    scale comes from (a council's tender pack, or "common practice").

    >>> scale = common_scale()
    >>> scale.fraction(Decimal("75")), scale.band(Decimal("75")).label
    (Decimal('0.75'), 'Good')
    """

    id: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text())
    bands: tuple[ScaleBand, ...] = attrs.field(
        converter=_bands,
        validator=Items(min_items=2, max_items=20, unique_by=lambda b: b.label, what="band"),
    )
    source: str | None = attrs.field(default=None, validator=Text(300, optional=True))

    def __attrs_post_init__(self) -> None:
        _check_bands(self.bands)

    @property
    def top(self) -> Decimal:
        """The points of the highest band: a full mark."""
        return self.bands[-1].points

    @typed_arguments
    def band(self, points: Decimal) -> ScaleBand:
        """The band worth exactly ``points``; ``RuleViolation`` if there is none."""
        for band in self.bands:
            if band.points == points:
                return band
        allowed = ", ".join(f"{b.points} ({b.label})" for b in self.bands)
        raise RuleViolation(
            "evaluation.mark_not_on_scale",
            f"a mark must be one of the points on the {self.title} scale: {allowed}; got {points}",
        )

    @typed_arguments
    def fraction(self, points: Decimal) -> Decimal:
        """The share of a criterion's weight that ``points`` earns (points ÷ top points)."""
        self.band(points)
        return points / self.top

    def __contains__(self, points: object) -> bool:
        return any(band.points == points for band in self.bands)


@in_library_context
def common_scale() -> ScoringScale:
    """The five-band 0/25/50/75/100 scale many UK councils publish (common practice).

    The points and labels are widespread in UK tender documents but not set by any
    statute or procurement policy note; the descriptors are this library's own
    plain-English wording. Configurable: build a :class:`ScoringScale` of your own.
    """
    return ScoringScale(
        "common-0-100",
        "Common five-band scale (0/25/50/75/100)",
        (
            ScaleBand(
                Decimal(0), "Fail", "No answer, or an answer that does not address the question."
            ),
            ScaleBand(
                Decimal(25),
                "Limited",
                "Addresses the question only in part; little detail and no evidence.",
            ),
            ScaleBand(
                Decimal(50),
                "Satisfactory",
                "Addresses the question with some detail; commitments are general.",
            ),
            ScaleBand(
                Decimal(75),
                "Good",
                "A full answer with specific, measurable commitments and some evidence.",
            ),
            ScaleBand(
                Decimal(100),
                "Exceeds",
                "A full answer with specific, measurable, evidenced commitments that go"
                " beyond the requirement.",
            ),
        ),
        _COMMON_PRACTICE,
    )
