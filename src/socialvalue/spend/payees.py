"""Payees that are not suppliers: withheld names, and tax, pensions and other public bodies.

Published spend mixes payments to suppliers with payments that are not purchases:
personal data withheld (``Redacted``), tax and duty paid to HMRC, pension
contributions, and transfers between public bodies (councils, NHS bodies, police,
fire, combined authorities, government departments, courts). The Charter/Review
duty is about suppliers, so these rows are counted apart, never dropped:

- *withheld*: the name (or the supplier id) is a redaction marker, compared as
  words (case, spacing and punctuation aside). Exact, so ``Redactive Publishing
  Ltd``, a real supplier, is not withheld;
- *set apart*: a :class:`PayeeRule` matches the name (and none of its ``unless``
  terms does), or the row's expense type (or Proclass label), when the file has
  one. Rules are tried in order; the first that matches names the reason.

A rule's name terms are words, compared with the words of the name (see
:func:`~socialvalue.spend.names.words`): ``"city council"`` matches any name with
those two words in a row; ``"^department for"`` only at the start; ``"council$"``
only at the end; ``"superann*"`` any word that starts so. No regular expressions,
so a rule cannot make reading slow, and a rule reads the same in any language.

>>> rules = PAYEE_RULES
>>> rules.is_withheld("REdacted  Data"), rules.is_withheld("Redactive Publishing Ltd")
(True, False)
>>> rules.rule_for("H M Revenues and Customs").id, rules.rule_for("Trafford M B C").id
('tax-and-duty', 'councils')
>>> rules.rule_for("Acme Ltd", "Levies").id
'public-bodies'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, FieldCheck, Items, Text
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.spend._payee_terms import RuleIndex, any_term
from socialvalue.spend.names import words

__all__ = ["PAYEE_RULES", "REDACTION_MARKERS", "PayeeRule", "PayeeRules"]

#: Term syntax: words of a-z and 0-9, an optional ``^`` before and ``$`` after, and
#: ``*`` ending a word that may continue.
TERM_PATTERN: Final = r"\^?[a-z0-9]+\*?( [a-z0-9]+\*?)*\$?"
_TERM: Final = re.compile(TERM_PATTERN)

#: The redaction markers Greater Manchester bodies use (case and spacing aside, so
#: ``Redacted data`` and ``REdacted Data`` are ``Redacted Data``).
REDACTION_MARKERS: Final = (
    "Redacted",
    "Redacted Personal Information",
    "Redacted Personal Data",
    "Personal Redacted Data",
    "Personal Data Redacted",
    "Redacted Data",
    "Redacted Data Data",
    "Redaction",
    "Withheld",
)


def _said(text: str) -> str:
    return " ".join(words(text))


class _Terms(FieldCheck):
    def check(self, value: Any) -> None:
        for index, term in enumerate(value):
            if not isinstance(term, str) or not _TERM.fullmatch(term):
                raise RuleViolation(
                    "text.bad_format",
                    "a name term is lower-case words of a-z and 0-9 with single spaces, an"
                    " optional ^ before (at the start) and $ after (at the end), and * ending"
                    f" a word that may continue; got {term!r:.60}",
                    field=[index],
                )


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


# The rules are hashed on every look-up of their cached parts (once a payee): cache it.
@attrs.frozen(field_transformer=typed_fields, cache_hash=True)
class PayeeRule:
    """A kind of payee that is not a supplier: an id, why, and how to recognise it.

    ``names`` and ``unless`` are name terms (see the module documentation): a name
    matches when a ``names`` term does and no ``unless`` term does. ``expense_types``
    are labels, compared as words.

    >>> rule = PayeeRule("councils", "Other councils.", names=("council$",), unless=("scout*",))
    >>> rule.matches("Wigan Council"), rule.matches("Lowry District Scout Council")
    (True, False)
    """

    id: str = attrs.field(validator=Code())
    description: str = attrs.field(validator=Text(300))
    names: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        validator=[Items(max_items=200, unique_by=lambda t: t, what="term"), _Terms()],
    )
    expense_types: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        validator=Items(max_items=200, unique_by=_said, what="expense type", each=Text(200)),
    )
    unless: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        validator=[Items(max_items=200, unique_by=lambda t: t, what="term"), _Terms()],
    )

    @typed_arguments
    def matches(self, name: str, expense_type: str | None = None) -> bool:
        """Whether a payee of this ``name`` (and row of this ``expense_type``) is of this kind."""
        return _matches(self, tuple(words(name)), _said(expense_type or ""))


def _matches(rule: PayeeRule, name: tuple[str, ...], expense: str) -> bool:
    if expense and expense in _expense_keys(rule):
        return True
    return any_term(rule.names, name) and not any_term(rule.unless, name)


@functools.lru_cache(maxsize=256)
def _expense_keys(rule: PayeeRule) -> frozenset[str]:
    return frozenset(_said(label) for label in rule.expense_types)


def _rules(rules: Iterable[PayeeRule]) -> tuple[PayeeRule, ...]:
    return tuple(rules)


@attrs.frozen(field_transformer=typed_fields, cache_hash=True)
class PayeeRules:
    """Redaction markers and the rules that set payees apart, tried in order.

    >>> PayeeRules(withheld=("Name withheld",), apart=()).is_withheld("name  WITHHELD")
    True
    """

    withheld: tuple[str, ...] = attrs.field(
        default=REDACTION_MARKERS,
        converter=_texts,
        validator=Items(max_items=200, unique_by=_said, what="marker", each=Text(100)),
    )
    apart: tuple[PayeeRule, ...] = attrs.field(
        default=(),
        converter=_rules,
        validator=Items(max_items=100, unique_by=lambda r: r.id, what="rule"),
    )

    def is_withheld(self, *texts: str) -> bool:
        """Whether any of ``texts`` (a name, a supplier id) is a redaction marker."""
        markers = _markers(self)
        return any(_said(text) in markers for text in texts if text)

    @typed_arguments
    def rule_for(self, name: str, expense_type: str | None = None) -> PayeeRule | None:
        """The first rule that sets this payee apart, or ``None`` for a supplier."""
        return self._rule_for(name, expense_type or "")

    def _rule_for(self, name: str, expense_type: str) -> PayeeRule | None:
        return classify(self, name, "", expense_type)[1]


def classify(
    rules: PayeeRules, name: str, supplier_id: str, expense_type: str
) -> tuple[bool, PayeeRule | None]:
    """:meth:`PayeeRules.is_withheld` and :meth:`PayeeRules.rule_for` at once (for readers).

    The name is taken apart once, and sorted against all rules at once (see
    :class:`~socialvalue.spend._payee_terms.RuleIndex`): the same answer as trying
    each rule's :meth:`PayeeRule.matches` in order, which the tests check.
    """
    return classifier(rules)(name, supplier_id, expense_type)


# Expense types are few (a few hundred a year); a cleared memo is only work again.
_EXPENSES_REMEMBERED: Final = 4096
# Names, as many as a council's year holds (a few thousand); see names.words.
_NAMES_REMEMBERED: Final = 8192


class _Classifier:
    """:func:`classify` for one set of rules, its tables at hand."""

    __slots__ = ("_apart", "_expenses", "_index", "_markers", "_names")

    def __init__(self, rules: PayeeRules) -> None:
        self._apart, self._index, self._markers = rules.apart, payee_index(rules), _markers(rules)
        self._expenses: dict[str, int] = {}
        # What a name alone says (withheld; the rules its words match): a name paid
        # under several expense types is taken apart once.
        self._names: dict[str, tuple[bool, int]] = {}

    def forget(self) -> None:
        """Empty the memos of names and expense types."""
        self._names.clear()
        self._expenses.clear()

    def __call__(
        self, name: str, supplier_id: str, expense_type: str
    ) -> tuple[bool, PayeeRule | None]:
        said = self._names.get(name)
        if said is None:
            said = self.said(name, words(name))
            if len(self._names) >= _NAMES_REMEMBERED:
                self._names.clear()
            self._names[name] = said
        withheld, mask = said
        return withheld or self.withholds_id(supplier_id), self.rule(mask, expense_type)

    def said(self, name: str, found: tuple[str, ...]) -> tuple[bool, int]:
        """What ``name`` (its :func:`words` ``found``) says alone: withheld; the rules it matches.

        Not remembered: for a reader that remembers each name itself.
        """
        return bool(name) and " ".join(found) in self._markers, self._index.name_mask(found)

    def withholds_id(self, supplier_id: str) -> bool:
        """Whether ``supplier_id`` is a redaction marker."""
        return bool(supplier_id) and _said(supplier_id) in self._markers

    def rule(self, mask: int, expense_type: str) -> PayeeRule | None:
        """The first rule matching a name's rules (its ``mask``) or ``expense_type``."""
        bits = self._expenses.get(expense_type)
        if bits is None:
            bits = self._index.expense_mask(_said(expense_type) if expense_type else "")
            if len(self._expenses) >= _EXPENSES_REMEMBERED:
                self._expenses.clear()
            self._expenses[expense_type] = bits
        mask |= bits
        # The lowest bit set is the first rule in order.
        return self._apart[(mask & -mask).bit_length() - 1] if mask else None


@functools.lru_cache(maxsize=64)
def classifier(rules: PayeeRules) -> _Classifier:
    """:func:`classify` for ``rules``: a function of name, supplier id and expense type."""
    return _Classifier(rules)


@functools.lru_cache(maxsize=64)
def _markers(rules: PayeeRules) -> frozenset[str]:
    return frozenset(_said(marker) for marker in rules.withheld)


@functools.lru_cache(maxsize=64)
def payee_index(rules: PayeeRules) -> RuleIndex:
    """Every rule of ``rules`` in one table (for readers, which sort a name against all)."""
    return RuleIndex([(r.names, r.unless, _expense_keys(r)) for r in rules.apart])


# Words that end a company's name: a payee so named sells something, whoever owns it.
_COMPANY: Final = ("ltd$", "limited$", "plc$", "llp$")

#: The default rules: withheld names, then tax, government, courts, councils, NHS,
#: police, fire, combined authorities and pensions. Expense types are those that
#: Manchester and Salford publish for such payments.
PAYEE_RULES: Final = PayeeRules(
    apart=(
        PayeeRule(
            "tax-and-duty",
            "Tax, duty and rates: paid to HM Revenue and Customs or passed between"
            " collecting bodies, not bought.",
            names=("hmrc", "hm revenue*", "revenue* and customs", "inland revenue"),
            expense_types=(
                "Ctax - Preceptor Payments",
                "Business Rates - Preceptor Payments",
                "Bus Rates Pool Levy Payments",
            ),
        ),
        PayeeRule(
            "government",
            "Government departments and their agencies.",
            names=(
                "^department for",
                "^department of",
                "ministry of",
                "home office",
                "cabinet office",
                "hm treasury",
                "foreign and commonwealth office",
                "foreign commonwealth and development office",
                "environment agency",
                "dvla",
                "driver and vehicle licensing agency",
                "dwp",
                "hm land registry",
                "disclosure and barring service",
            ),
        ),
        PayeeRule(
            "courts",
            "Courts and tribunals, and payments into court.",
            names=(
                "hmcts",
                "hm courts*",
                "courts and tribunals",
                "county court",
                "magistrates court*",
                "crown court",
                "high court",
                "senior courts",
                "accountant general*",
            ),
        ),
        PayeeRule(
            "councils",
            "Other councils: payments between local authorities.",
            names=(
                "city council",
                "county council",
                "borough council",
                "district council",
                "parish council",
                "town council",
                "council$",
                "mbc",
                "metropolitan borough",
                "london borough of",
                "royal borough of",
            ),
            unless=("parochial", "church council", "scout*", "youth council", "british council"),
        ),
        PayeeRule(
            "nhs",
            "NHS bodies: trusts, commissioning groups and integrated care boards.",
            names=(
                "nhs",
                # Trafford cuts names at 35 characters: "... Mental Health NH".
                "health nh$",
                "clinical commissioning group",
                "ccg",
                "integrated care board",
                "icb",
                "uk health security agency",
                "public health england",
            ),
            # A company that NHS bodies own still sells to the council: NHS Property
            # Services Ltd lets premises, as any landlord does.
            unless=("charity", "charitable", *_COMPANY),
        ),
        PayeeRule(
            "police",
            "Police forces and police and crime commissioners.",
            names=(
                "police$",
                "police and crime commissioner*",
                "police service",
                "police force",
                "police authority",
                "constabulary",
            ),
        ),
        PayeeRule(
            "fire",
            "Fire and rescue services and authorities.",
            names=("fire and rescue*", "fire authority", "fire service"),
        ),
        PayeeRule(
            "public-bodies",
            "Combined authorities, their transport bodies and other levying bodies.",
            names=(
                "combined authori*",
                "gmca",
                "agma",
                "association of greater manchester authorities",
                "transport for greater manchester",
                "tfgm",
                "transport for london",
                "passenger transport executive",
                "port health authority",
            ),
            expense_types=(
                "Levies",
                "Contribution to GMCA",
                "AGMA Contributions",
                "BR growth to CA",
            ),
        ),
        PayeeRule(
            "pension-funds",
            "Pension funds and schemes: contributions, not purchases.",
            names=("pension", "pensions", "superann*"),
            # A company with "pension" in its name is a supplier: Quorum Estates
            # Pension Fund Ltd is a landlord; the Pensions Management Institute trains.
            unless=(*_COMPANY, "pensions management institute"),
            expense_types=(
                "Pension Contributions LGPS",
                "Pensions Increases",
                "Pension Increase Act",
            ),
        ),
    )
)
