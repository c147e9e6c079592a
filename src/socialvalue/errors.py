"""One error model for the whole library.

Every problem the library finds in data is an :class:`Issue`: *where* it is (a JSON
path such as ``$.lines[2].quantity``), *what* it is (a stable, machine-readable
``code``) and a ``message`` written for the person who has to fix it.

Exceptions carry issues rather than bare strings, and each subclasses the builtin
that fits, as ``packaging``'s ``InvalidVersion(ValueError)`` does, so callers may
catch ``ValueError`` without knowing this library:

- :class:`SocialValueError` is the root of every exception raised on purpose here;
- :class:`InvalidDocument` carries *every* issue found in a document at once;
- :class:`RuleViolation` is one broken domain rule, raised when an object would be
  invalid, naming the field it concerns so that paths survive inside documents.

Every code is listed, with its meaning, in :data:`ERROR_CODES` and in
``docs/reference/error-codes.md`` (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final, TypeAlias

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._typed import typed_fields

__all__ = [
    "ERROR_CODES",
    "InvalidDocument",
    "Issue",
    "PathStep",
    "RuleViolation",
    "SocialValueError",
    "render_path",
]

PathStep: TypeAlias = str | int
"""One step of a JSON path: an object key (``str``) or an array index (``int``)."""

#: Every issue code the library emits, with what it means. Codes are stable: they
#: may be added, never renamed or reused, so other systems can key on them.
ERROR_CODES: Final[Mapping[str, str]] = {
    # documents in general
    "document.too_large": "The document has more values than the documented limit.",
    "document.too_deep": "The document nests deeper than the documented limit.",
    "document.unknown_kind": "The document kind is not one of SCHEMA_KINDS.",
    "document.other_kind": "The document is not of the kind asked for, but is valid as another.",
    "value.missing": "A required key is missing.",
    "value.unexpected": "A key that the schema does not define is present.",
    "value.wrong_type": "A value has the wrong JSON type (e.g. a number where a string belongs).",
    "value.not_in_choices": "A value is not one of the allowed choices.",
    "value.invalid": "A value breaks a rule not covered by a more specific code.",
    "text.empty": "A text value is empty or only white space.",
    "text.too_long": "A text value is longer than its documented maximum.",
    "text.untrimmed": "A text value starts or ends with white space.",
    "text.bad_format": "A text value does not have the required form (e.g. a code or id).",
    "text.control_character": "A text value holds a control character its field does not allow.",
    "list.too_long": "A list has more items than its documented maximum.",
    "list.empty": "A list that needs at least one item is empty.",
    "list.duplicate": "A list holds the same item, or the same key, twice.",
    "list.more_problems": "More items of a list have problems than are reported one by one.",
    # numbers and money
    "decimal.bad_format": 'A decimal is not a plain decimal string such as "12.50".',
    "decimal.out_of_range": "A decimal is outside its allowed range.",
    "money.bad_amount": "A money amount is not an acceptable decimal amount.",
    "money.bad_type": "A money amount was given as a float or bool instead of a decimal.",
    "money.bad_currency": "A currency is not a three-letter ISO 4217 code.",
    "money.currency_mismatch": "Two amounts in different currencies were combined.",
    # dates and periods
    "date.bad_format": "A date is not an ISO calendar date YYYY-MM-DD.",
    "date.impossible": "A date has the right form but does not exist (e.g. 2024-02-30).",
    "period.end_before_start": "A period ends before it starts.",
    "period.bad_label": "A financial-year label is not of the form 2025/26.",
    # suppliers, contracts, spend and the threshold rule
    "threshold.empty_band": "A threshold band holds no amount (lower bound above upper).",
    "threshold.bands_gap": "Some amounts fall in no threshold band.",
    "threshold.bands_overlap": "Two threshold bands share more than one boundary amount.",
    "threshold.bands_unordered": "Threshold bands are not listed from the lowest amount up.",
    "threshold.not_monotone": "A band for larger amounts asks for a lighter duty than one below.",
    "spend.currency_mismatch": "A spend line or contract is in another currency than the policy.",
    "spend.vat_basis_mismatch": "A spend line or contract is on another VAT basis than the policy.",
    "spend.wrong_item": "An item given to assess is not what the policy's basis assesses.",
    # priority frameworks, the Charter and compliance
    "framework.unknown_theme": "A priority names a theme its framework does not declare.",
    "crosswalk.unknown_priority": "A crosswalk link names a priority its framework lacks.",
    "charter.bad_validity": "A Charter signup's validity is not 1 to 60 months.",
    "charter.framework_mismatch": "A signup is checked against a framework it does not name.",
    "charter.no_commitments": "A Charter signup holds no commitment.",
    "charter.unknown_priority": "A Charter commitment names a priority the framework lacks.",
    "charter.duplicate_commitment": "A Charter commitment repeats an earlier one.",
    "charter.signed_in_future": "A Charter signup is dated after the day it is judged on.",
    "charter.no_signatory": "A Charter signup does not name the person who signed it.",
    "charter.unknown_measure": "A Charter commitment's target names a measure the catalogue lacks.",
    # review measures, catalogues and scoring
    "measure.bad_proxy": "A proxy value is negative or has more than 6 decimal places.",
    "measure.proxy_mismatch": "A record-only measure has a proxy, or a valued measure has none.",
    "discount.bad_schedule": "Discount bands do not start at year 0 or are not in year order.",
    "submission.negative_spend": "A submission's spend in the period is negative.",
    "submission.declared_before_period": "A declaration is signed before the period starts.",
    "score.unknown_measure": "A line or commitment names a measure not in the catalogue.",
    "score.wrong_unit": "A line states a unit other than its measure's unit.",
    "score.bad_quantity": "A quantity does not suit its unit (whole people or counts; % <= 100).",
    "score.currency_mismatch": "Spend and a proxy value are in different currencies.",
    "score.too_large": "A total value is beyond the largest amount the library holds.",
    "lm3.no_income": "LM3's round-1 income is zero, so there is nothing to multiply.",
    "lm3.local_exceeds_round": "LM3 local spend is greater than the round it comes from.",
    "lm3.round_unreported": "A Review does not report both parts of LM3's round 2.",
    "lm3.measure_reused": "One measure is named for two parts of a supplier's local re-spend.",
    "lm3.measure_not_money": "A measure named for local re-spend is not in pounds.",
    # bid evaluation and commissioning decisions
    "evaluation.weights_not_100": (
        "The criterion weights of an evaluation model do not add up to exactly 100%."
    ),
    "evaluation.social_value_below_floor": (
        "The social value criteria carry less weight than the model's minimum social value weight."
    ),
    "evaluation.environmental_below_floor": (
        "The environmental social value criteria carry less weight than the model's "
        "minimum environmental weight."
    ),
    "evaluation.criterion_mismatch": (
        "A criterion's kind, scoring basis, pass mark or environmental flag do not fit together."
    ),
    "evaluation.pass_mark_out_of_range": (
        "A pass mark is above the top of the model's scoring scale."
    ),
    "evaluation.scale_not_ascending": (
        "A scoring scale's bands are not in strictly ascending order of points."
    ),
    "evaluation.budget_missing": (
        "The budget-linear price method is used without a budget above zero."
    ),
    "evaluation.bad_price": "A bid price is not above zero, so it cannot be scored.",
    "evaluation.mark_not_on_scale": "A mark is not one of the points of the model's scoring scale.",
    "evaluation.mark_missing": "A bid has no mark for a marked criterion.",
    "evaluation.unknown_criterion": (
        "A bid has a mark for a criterion that the model does not mark."
    ),
    "evaluation.catalogue_missing": (
        "A model scores the £ social value offered but no measure catalogue was given."
    ),
    "evaluation.unknown_measure": (
        "A bid commits to a measure that the measure catalogue does not hold."
    ),
    "commissioning.bad_cost": "A service's annual cost is not above zero.",
    "commissioning.thresholds_out_of_order": (
        "Decision rules whose decommission ratio is above their retain ratio."
    ),
    "commissioning.unknown_grade": (
        "An outcome's evidence confidence grade is not in the optimism bias table."
    ),
    # command line and transparency spend files
    "json.syntax": "A file is not well-formed UTF-8 JSON.",
    "json.duplicate_key": "A JSON object has the same key twice (readers disagree on which wins).",
    "json.not_a_number": "A JSON file holds NaN or Infinity, which JSON does not allow.",
    "json.number_too_large": "A JSON number is too large to read (beyond a float, or too long).",
    "spend_file.missing_column": "A spend file has no column of the name expected.",
    "spend_file.bad_amount": "A spend file's row has an amount that is not a number of pounds.",
    "spend_file.bad_date": "A spend file's row has a payment date not in the expected format.",
    "spend_file.bad_id": "A spend file's row has no usable supplier (or contract) id or name.",
    "spend_file.vat_mismatch": "A spend file's VAT basis differs from the policy's.",
    "spend_file.unreadable": "A spend file is not readable CSV text in the expected encoding.",
    "spend_file.no_header": "A spend file has no header row.",
    "spend_file.unknown_layout": "A spend file's header fits none of the layouts given.",
    "spend_file.extra_fields": "A spend file's row has more non-empty fields than the header.",
    "spend_file.short_row": "A spend file's row has fewer fields than the header.",
    "spend_file.bad_quoting": "A spend file's row has a stray quote or a quote left open.",
    "spend_file.unclosed_quote": "A quoted field in a spend file is never closed.",
    "spend_file.amounts_disagree": "A spend file's row has gross less VAT unequal to net.",
    "spend_file.unreconciled": "A reconciliation's categories do not add up to the rows read.",
    "layout.no_amount": "A spend layout names no net amount, nor both gross amount and VAT.",
    "layout.column_reused": "A spend layout names one column for two roles.",
    # contracts and suppliers read from OCDS
    "ocds.not_ocds": "A document is not an OCDS release, record or package of either.",
    "ocds.bad_release": "A release, record or award is not an object, or has no ocid.",
    "ocds.no_compiled_release": "A record has no compiled release and only links to its releases.",
    "ocds.superseded_release": "Several releases describe one process; only the latest is read.",
    "ocds.bad_date": "An OCDS date is missing or not an ISO 8601 date or date-time.",
    "ocds.award_not_active": "An award or contract is cancelled or unsuccessful, or pending.",
    "ocds.no_supplier": "An award names no supplier with an identifier or a name.",
    "ocds.unknown_party": "An award's supplier names a party id missing from the parties.",
    "ocds.bad_identifier": "An organisation identifier cannot be used as a supplier id.",
    "ocds.matched_by_name": "A supplier without an identifier was matched to one by name.",
    "ocds.ambiguous_name": "A supplier without an identifier has a name fitting several.",
    "ocds.missing_value": "An award's (or contract's) value or amount is null or absent.",
    "ocds.bad_amount": "An OCDS amount is text, negative, non-finite or beyond the money limits.",
    "ocds.bad_currency": "An OCDS value's currency is missing or not a three-letter code.",
    "ocds.vat_mismatch": "An OCDS value's VAT flag disagrees with the declared VAT basis.",
    "ocds.zero_value": "An award's value is zero, which publishers often use for 'not disclosed'.",
    "ocds.no_period": "An award has no contract period with a start and an end.",
    "ocds.no_category": "An award's category (goods, services or works) cannot be told.",
    "ocds.duplicate_supplier": "An award names one supplier more than once.",
    "ocds.joint_award": "An award names several suppliers; the joint-award rule was applied.",
    # the regional report
    "report.duplicate_assessment": "A supplier is assessed twice for the report's period.",
    "report.previous_not_earlier": "A report's previous report is not for an earlier period.",
}


def render_path(steps: Iterable[PathStep]) -> str:
    """Render path steps as a JSON path string.

    >>> render_path(["lines", 2, "quantity"])
    '$.lines[2].quantity'
    >>> render_path(["odd key"])
    "$['odd key']"
    """
    parts = ["$"]
    for step in steps:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif step.isidentifier():
            parts.append(f".{step}")
        else:
            parts.append("[" + repr(step) + "]")
    return "".join(parts)


def _to_steps(steps: Iterable[PathStep]) -> tuple[PathStep, ...]:
    return tuple(steps)


def _check_code(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in ERROR_CODES:
        raise ValueError(f"unknown issue code {value!r}: add it to ERROR_CODES and the docs")


@attrs.frozen(order=False, field_transformer=typed_fields)
class Issue:
    """One problem in a document or object: where, what, and a message for people.

    ``steps`` holds the path as data (keys and indices); ``path`` renders it as a
    JSON path string. Build one with :meth:`at`:

    >>> issue = Issue.at(["lines", 0, "quantity"], "decimal.bad_format", "must be a decimal")
    >>> issue.path, issue.code
    ('$.lines[0].quantity', 'decimal.bad_format')
    """

    steps: tuple[PathStep, ...] = attrs.field(converter=_to_steps, repr=False)
    code: str = attrs.field(validator=_check_code)
    message: str

    @property
    def path(self) -> str:
        """The JSON path of the problem, e.g. ``$.lines[2].quantity``."""
        return render_path(self.steps)

    @classmethod
    @typed_arguments
    def at(cls, steps: Iterable[PathStep], code: str, message: str) -> Issue:
        """Make an issue at ``steps`` (keys and indices from the document root)."""
        return cls(tuple(steps), code, message)

    def __repr__(self) -> str:
        return f"Issue(path={self.path!r}, code={self.code!r}, message={self.message!r})"

    def sort_key(self) -> tuple[tuple[tuple[int, str | int], ...], str, str]:
        """Key that sorts issues by path (indices numerically), then code and message."""
        steps = tuple((0, s) if isinstance(s, int) else (1, s) for s in self.steps)
        return (steps, self.code, self.message)

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.code}]"


class SocialValueError(Exception):
    """Root of every exception this library raises on purpose."""


class RuleViolation(SocialValueError, ValueError):
    """A domain rule is broken, so the object cannot be built.

    ``field`` names the attribute (or a path below the object) the rule concerns;
    when the object is built from a document, the loader adds it to the object's
    path, so the issue points at the field rather than at the enclosing object.
    """

    def __init__(self, code: str, message: str, *, field: Iterable[PathStep] = ()) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown issue code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message
        self.field: tuple[PathStep, ...] = tuple(field)

    @typed_arguments
    def issue(self, at: Iterable[PathStep] = ()) -> Issue:
        """This violation as an :class:`Issue` under the object path ``at``."""
        return Issue.at([*at, *self.field], self.code, self.message)


class InvalidDocument(SocialValueError, ValueError):
    """A document (or object) has problems; ``issues`` lists every one, sorted by path."""

    def __init__(self, issues: Iterable[Issue], *, kind: str | None = None) -> None:
        self.issues: tuple[Issue, ...] = tuple(sorted(issues, key=Issue.sort_key))
        self.kind = kind
        what = f"{kind} document" if kind else "document"
        count = len(self.issues)
        lines = "\n".join(f"  {issue}" for issue in self.issues[:20])
        more = f"\n  … and {count - 20} more" if count > 20 else ""
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{what} has {count} {noun}:\n{lines}{more}")
