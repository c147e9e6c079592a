"""Name terms of payee rules, compiled: matched word by word, and all rules in one pass.

:mod:`socialvalue.spend.payees` documents the term syntax (``city council``,
``^department for``, ``council$``, ``superann*``). Here each term becomes word
tuples with its anchors (:func:`compiled`); :func:`any_term` says whether one rule's
terms match a name; :class:`RuleIndex` sorts a name against every rule at once,
which is what reading a file does for each of its payees.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import repeat

__all__ = ["RuleIndex", "Term", "any_term", "compiled", "fits"]

#: A term: its (word, is a prefix) pairs, and whether it is anchored at the start, the end.
Term = tuple[tuple[tuple[str, bool], ...], bool, bool]
_starts = str.startswith


@functools.lru_cache(maxsize=512)
def compiled(terms: tuple[str, ...]) -> tuple[Term, ...]:
    """Each term as (word, is a prefix) pairs with its start and end anchors."""
    found = []
    for term in terms:
        start, end = term.startswith("^"), term.endswith("$")
        parts = term.strip("^$").split()
        found.append((tuple((w.rstrip("*"), w.endswith("*")) for w in parts), start, end))
    return tuple(found)


@functools.lru_cache(maxsize=512)
def _by_first_word(terms: tuple[str, ...]) -> tuple[dict[str, list[Term]], list[Term]]:
    """Terms by their first word, and those whose first word is a prefix (tried at every word)."""
    exact: dict[str, list[Term]] = {}
    prefixed: list[Term] = []
    for term in compiled(terms):
        first, is_prefix = term[0][0]
        if is_prefix:
            prefixed.append(term)
        else:
            exact.setdefault(first, []).append(term)
    return exact, prefixed


def fits(term: Term, name: tuple[str, ...], at: int) -> bool:
    """Whether ``term`` matches the words of ``name`` from word ``at``."""
    parts, start, end = term
    if (start and at) or at + len(parts) > len(name) or (end and at + len(parts) < len(name)):
        return False
    for k, (w, prefix) in enumerate(parts, at):
        if name[k] != w and not (prefix and name[k].startswith(w)):
            return False
    return True


def any_term(terms: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether any of ``terms`` matches the words of ``name`` somewhere."""
    # A name is matched word by word against the terms that can start there, so a
    # rule's cost does not grow with its number of terms.
    exact, prefixed = _by_first_word(terms)
    for at, word in enumerate(name):
        for term in exact.get(word, ()):
            if fits(term, name, at):
                return True
        for term in prefixed:
            if word.startswith(term[0][0][0]) and fits(term, name, at):
                return True
    return False


class RuleIndex:
    """Every rule's name terms in one table, so that a name is sorted in one pass.

    ``rules`` are, in order, each rule's ``names`` terms, ``unless`` terms and
    expense-type keys (labels as words joined by spaces). A rule's bit is set in a
    name's :meth:`name_mask` when one of its ``names`` terms matches and none of its
    ``unless`` terms does, and in an expense key's :meth:`expense_mask` when the key
    is one of its labels; the lowest bit set in either is the first rule that the
    name and expense type match, as trying the rules one by one would find.
    """

    __slots__ = ("_begun", "_exact", "_expenses", "_prefixed", "_starts", "_whole")

    def __init__(
        self, rules: Sequence[tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]]
    ) -> None:
        self._exact: dict[str, list[tuple[int, Term, bool]]] = {}
        self._prefixed: list[tuple[int, Term, bool]] = []
        self._expenses: dict[str, int] = {}
        for position, (names, unless, expenses) in enumerate(rules):
            bit = 1 << position
            for terms, excepting in ((names, False), (unless, True)):
                for term in compiled(terms):
                    first, is_prefix = term[0][0]
                    entry = (bit, term, excepting)
                    if is_prefix:
                        self._prefixed.append(entry)
                    else:
                        self._exact.setdefault(first, []).append(entry)
            for key in expenses:
                if key:
                    self._expenses[key] = self._expenses.get(key, 0) | bit
        # The words the names terms start with (or, for a prefix, a word's start): a
        # name none of whose words is one matches no rule (most names), and is told so
        # by a set look-up per word, in C.
        firsts = {(t[0][0][0], t[0][0][1]) for names, _, _ in rules for t in compiled(names)}
        self._whole = frozenset(w for w, prefix in firsts if not prefix)
        self._begun = tuple(sorted(w for w, prefix in firsts if prefix))
        # What a word must start with for a prefixed term to be tried there.
        self._starts = tuple({term[0][0][0] for _, term, _ in self._prefixed})

    def expense_mask(self, expense: str) -> int:
        """The rules an expense key (a label's words joined by spaces) matches, as bits."""
        return self._expenses.get(expense, 0) if expense else 0

    def name_mask(self, name: tuple[str, ...]) -> int:
        """The rules the words ``name`` match, whatever the expense type, as bits.

        Those whose ``names`` terms match and whose ``unless`` terms do not. Not
        remembered: readers remember what each name says.
        """
        if self._whole.isdisjoint(name) and not any(map(_starts, name, repeat(self._begun))):
            return 0
        matched = excepted = 0
        exact, prefixed, starts = self._exact, self._prefixed, self._starts
        last = len(name) - 1
        for at, word in enumerate(name):
            for bit, term, excepting in exact.get(word, ()):
                parts, start, end = term
                # A term of one word, that word: only its anchors can fail it.
                if len(parts) == 1 and not parts[0][1]:
                    if (start and at) or (end and at < last):
                        continue
                elif not fits(term, name, at):
                    continue
                if excepting:
                    excepted |= bit
                else:
                    matched |= bit
            if not word.startswith(starts):
                continue
            for bit, term, excepting in prefixed:
                if word.startswith(term[0][0][0]) and fits(term, name, at):
                    if excepting:
                        excepted |= bit
                    else:
                        matched |= bit
        return matched & ~excepted
