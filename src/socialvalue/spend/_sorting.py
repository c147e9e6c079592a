"""Payees sorted once for every file read alike: withheld, set apart, a supplier's, or bad.

What the rules say of a payee is the same in every file read with the same rules,
key and options, whatever its header: a year published as twelve monthly files
(Salford's under four headers) sorts its payees once, not twelve times. A
:class:`PayeeSorter` remembers, for the fields that name a payee in a row (as a
reader picks them), what the payee is; :func:`sorter_for` keeps a few sorters
between files. Each file then keeps its own tallies
(:class:`~socialvalue.spend.reading.SpendFile`).
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from socialvalue._fields import Code
from socialvalue.errors import RuleViolation
from socialvalue.spend.names import NameRules, SupplierKey, id_maker, normalised, words
from socialvalue.spend.payees import PayeeRules, classifier, payee_index

__all__ = ["WITHHELD", "Apart", "BadKey", "Entry", "PayeeSorter", "forget", "sorter_for"]


class Apart(NamedTuple):
    """A payee set apart: by which rule, its normalised name, and its name as written."""

    rule: str
    normal: str
    name: str


class BadKey(NamedTuple):
    """A payee whose key cannot be made: the role whose column is named, why, and the value."""

    role: str | None
    message: str
    value: str


#: A withheld payee.
WITHHELD: Final = object()
#: What a payee is: a supplier, as a plain ``(key, name as written)`` tuple (told
#: apart from the others by its class, on every row), :class:`Apart`,
#: :class:`BadKey`, or :data:`WITHHELD`.
Entry = tuple[str, str] | Apart | BadKey | object
_ID_CHECK: Final = Code()
# Payees remembered by each sorter (a year has a few thousand; a cleared memo is
# only work done again).
_REMEMBERED: Final = 65_536
# Names remembered (a year has a few thousand; a file of 50,000 suppliers keyed by
# id asks each name once per payee remembered, so a larger memo only holds memory).
_NAMES_REMEMBERED: Final = 8_192
# What a name says alone: withheld, the payee rules it matches (as bits), and its
# supplier's entry when suppliers are keyed by name.
_Said = tuple[bool, int, "Entry | None"]
# Words not kept by words' own cache: the sorter remembers what each name says.
_words: Final = words.__wrapped__
_SORTERS: Final[dict[tuple[Any, ...], PayeeSorter]] = {}


class PayeeSorter:
    """What each payee is, under the rules, key and options of one reading.

    ``entries`` maps what a reader picks from a row (see :meth:`entry`) to the
    payee's :data:`Entry`; readers look there first.
    """

    def __init__(
        self,
        payees: PayeeRules,
        names: NameRules,
        key: SupplierKey,
        include_apart: bool,
        exclude_ids: frozenset[str],
        exclude_names: frozenset[str],
    ) -> None:
        self._classify, self._names, self._key = classifier(payees), names, key
        self._id = id_maker(names)
        self._include, self._exclude_ids = include_apart, exclude_ids
        self._exclude_names = exclude_names
        # Whether a payee no rule sets apart is always a supplier (no option says otherwise).
        self._plain = not (include_apart or exclude_ids or exclude_names)
        self.entries: dict[Any, Entry] = {}
        self._said: dict[str, _Said] = {}

    def remember(self, picked: Any, entry: Entry) -> None:
        """Remember ``entry`` for ``picked``, within the sorter's bound."""
        if len(self.entries) >= _REMEMBERED:
            self.entries.clear()
        self.entries[picked] = entry

    def entry(self, name: str, raw_id: str, expense: str, number: str) -> Entry:
        """What the payee of a row is: its name, supplier id, expense type and number (stripped)."""
        said = self._said.get(name)
        if said is None:
            said = self._say(name)
        withheld, mask, keyed = said
        classify = self._classify
        if withheld or (raw_id and classify.withholds_id(raw_id)):
            return WITHHELD
        rule = classify.rule(mask, expense)
        if rule is None and self._plain:
            return keyed if keyed is not None else self._keyed(name, raw_id, number)
        # The normalised name is wanted only to exclude by name and to tally a payee
        # set apart; a supplier keyed by name is normalised in its key already.
        normal = normalised(self._names, name) if self._exclude_names or rule else ""
        rule_id = None if rule is None else rule.id
        if raw_id in self._exclude_ids or (normal and normal in self._exclude_names):
            rule_id = "excluded"
        elif self._include:
            rule_id = None
        if rule_id is not None:
            return Apart(rule_id, normal or normalised(self._names, name), name)
        return keyed if keyed is not None else self._keyed(name, raw_id, number)

    def _say(self, name: str) -> _Said:
        """What ``name`` says whatever else the row holds, taken apart once and remembered.

        Its words are found once for the redaction markers, the payee rules and,
        when suppliers are keyed by name, its key: a new payee was six calls deep
        and four memos wide, a quarter of reading Salford's year.
        """
        found = _words(name)
        withheld, mask = self._classify.said(name, found)
        keyed: Entry | None = None
        if self._key is SupplierKey.NAME and not withheld:
            try:
                # A name's key is an id as made (tests/test_spend_names.py checks it).
                keyed = (self._id(found, name), name)
            except ValueError as exc:
                keyed = BadKey("supplier_name", str(exc), name)
        if len(self._said) >= _NAMES_REMEMBERED:
            self._said.clear()
        said = self._said[name] = (withheld, mask, keyed)
        return said

    def _keyed(self, name: str, raw_id: str, number: str) -> Entry:
        """The entry of a supplier keyed by id or number (by name, :meth:`_say` keys it)."""
        key = self._key
        try:
            supplier = key.key(
                name,
                supplier_id=raw_id,
                vat_number=number,
                company_number=number,
                rules=self._names,
            )
        except ValueError as exc:
            if key is SupplierKey.SUPPLIER_ID:
                role, value = "supplier_id", raw_id
            else:
                role, value = (key.value, number) if number else ("supplier_name", name)
            return BadKey(role, str(exc), value)
        try:
            _ID_CHECK.check(supplier)
        except RuleViolation as exc:  # pragma: no cover - every key is made an id
            return BadKey(None, exc.message, supplier)
        return (supplier, name)


def sorter_for(
    payees: PayeeRules,
    names: NameRules,
    key: SupplierKey,
    include_apart: bool,
    exclude_ids: frozenset[str],
    exclude_names: frozenset[str],
    shape: tuple[bool, ...],
) -> PayeeSorter:
    """The sorter of readings alike, whose rows name payees by the columns ``shape`` says."""
    # By value: equal rules say the same of every payee (the rules hash once, cached).
    ident = (payees, names, key, include_apart, exclude_ids, exclude_names, shape)
    found = _SORTERS.get(ident)
    if found is None:
        if len(_SORTERS) >= 8:
            _SORTERS.clear()
        found = _SORTERS[ident] = PayeeSorter(
            payees, names, key, include_apart, exclude_ids, exclude_names
        )
    return found


def forget() -> None:
    """Empty every memo kept between readings, so that the next one starts cold.

    For benchmarks, and for the command line once its files are read (see
    :func:`socialvalue.spend._hot.forget`).
    """
    for sorter in _SORTERS.values():
        sorter.entries.clear()
        sorter._said.clear()
        sorter._classify.forget()
    _SORTERS.clear()
    words.cache_clear()
    payee_index.cache_clear()
    classifier.cache_clear()
