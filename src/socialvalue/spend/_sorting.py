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
from socialvalue.spend.names import NameRules, SupplierKey, name_id, normalised, words
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
        self._include, self._exclude_ids = include_apart, exclude_ids
        self._exclude_names = exclude_names
        self.entries: dict[Any, Entry] = {}
        self._named: dict[str, Entry] = {}

    def remember(self, picked: Any, entry: Entry) -> None:
        """Remember ``entry`` for ``picked``, within the sorter's bound."""
        if len(self.entries) >= _REMEMBERED:
            self.entries.clear()
        self.entries[picked] = entry

    def entry(self, name: str, raw_id: str, expense: str, number: str) -> Entry:
        """What the payee of a row is: its name, supplier id, expense type and number (stripped)."""
        withheld, rule = self._classify(name, raw_id, expense)
        if withheld:
            return WITHHELD
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
        return self._supplier(name, raw_id, number)

    def _supplier(self, name: str, raw_id: str, number: str) -> Entry:
        key = self._key
        if key is SupplierKey.NAME:
            # A name paid under several expense types is keyed once (a fifth of
            # Salford's payees, a third of Manchester's).
            found = self._named.get(name)
            if found is None:
                found = self._keyed(name, raw_id, number)
                if len(self._named) >= _REMEMBERED:
                    self._named.clear()
                self._named[name] = found
            return found
        return self._keyed(name, raw_id, number)

    def _keyed(self, name: str, raw_id: str, number: str) -> Entry:
        key = self._key
        try:
            if key is SupplierKey.NAME:
                # A name's key is an id as made (tests/test_spend_names.py checks it).
                return (name_id(self._names, name), name)
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
        sorter._named.clear()
        sorter._classify.forget()
    _SORTERS.clear()
    words.cache_clear()
    payee_index.cache_clear()
    classifier.cache_clear()
