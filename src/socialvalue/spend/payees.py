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


_Term = tuple[tuple[tuple[str, bool], ...], bool, bool]


@functools.lru_cache(maxsize=512)
def _compiled(terms: tuple[str, ...]) -> tuple[_Term, ...]:
    """Each term as (word, is a prefix) pairs with its start and end anchors."""
    found = []
    for term in terms:
        start, end = term.startswith("^"), term.endswith("$")
        parts = term.strip("^$").split()
        found.append((tuple((w.rstrip("*"), w.endswith("*")) for w in parts), start, end))
    return tuple(found)


def _matches(rule: PayeeRule, name: tuple[str, ...], expense: str) -> bool:
    if expense and expense in _expense_keys(rule):
        return True
    return _any_term(rule.names, name) and not _any_term(rule.unless, name)


@functools.lru_cache(maxsize=512)
def _by_first_word(terms: tuple[str, ...]) -> tuple[dict[str, list[_Term]], list[_Term]]:
    """Terms by their first word, and those whose first word is a prefix (tried at every word)."""
    exact: dict[str, list[_Term]] = {}
    prefixed: list[_Term] = []
    for term in _compiled(terms):
        first, is_prefix = term[0][0]
        if is_prefix:
            prefixed.append(term)
        else:
            exact.setdefault(first, []).append(term)
    return exact, prefixed


def _fits(term: _Term, name: tuple[str, ...], at: int) -> bool:
    parts, start, end = term
    if (start and at) or at + len(parts) > len(name) or (end and at + len(parts) < len(name)):
        return False
    return all(
        name[at + k] == w or (prefix and name[at + k].startswith(w))
        for k, (w, prefix) in enumerate(parts)
    )


def _any_term(terms: tuple[str, ...], name: tuple[str, ...]) -> bool:
    # A name is matched word by word against the terms that can start there, so a
    # rule's cost does not grow with its number of terms.
    exact, prefixed = _by_first_word(terms)
    for at, word in enumerate(name):
        for term in exact.get(word, ()):
            if _fits(term, name, at):
                return True
        for term in prefixed:
            if word.startswith(term[0][0][0]) and _fits(term, name, at):
                return True
    return False


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
        found, expense = tuple(words(name)), _said(expense_type or "")
        return next((rule for rule in self.apart if _matches(rule, found, expense)), None)


@functools.lru_cache(maxsize=64)
def _markers(rules: PayeeRules) -> frozenset[str]:
    return frozenset(_said(marker) for marker in rules.withheld)


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
