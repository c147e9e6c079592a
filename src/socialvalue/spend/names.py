"""Supplier names, normalised by one rule so that one supplier's spellings meet.

Files without a supplier id group payments by the supplier's name, OCDS parties
without an identifier are known by theirs, and spend is matched to contracts by
name when no registration number joins them. A name is written many ways:
``Addleshaw Goddard LLP``, ``Addleshaw Goddard Llp``, ``ADDLESHAW  GODDARD``,
``Bristow &amp; Sutor``. :meth:`NameRules.normalise` turns each spelling into one
key, in this order, and every part of the library uses it:

1. HTML character references are decoded (Contracts Finder writes ``&amp;``);
2. apostrophes are removed (``O'Rourke`` → ``ORourke``), so a name does not split
   at them;
3. the text is put in Unicode compatibility form (NFKC) and case-folded, so
   ``ＡＣＭＥ``, ``ACME`` and ``acme`` meet, and accents are dropped (``Café`` →
   ``cafe``), so a file that lost its accents still meets the one that kept them;
4. ``&`` and ``+`` become the word ``and``;
5. every character that is not a letter or digit separates words (punctuation,
   spaces, dashes, brackets), so spacing and punctuation do not matter; then
   single letters or digits in a row join into one word, so initials meet
   (``L.L.P.``, ``L L P`` and ``LLP``; ``H.M.`` and ``HM``);
6. leading words such as ``the`` are dropped, then legal suffixes at the end
   (``ltd``, ``limited``, ``plc``, ``llp``, ``cic``, …; several words such as
   ``community interest company`` count as one suffix), each repeatedly, but never
   the last word left.

The result is words of letters and digits joined by single spaces; normalising
it again changes nothing. Nothing that tells two organisations apart is dropped:
words in other scripts are kept, and a name with no letter or digit has no key.
:class:`NameRules` holds the word lists, so a body may add its own
(``NameRules(legal_suffixes=(*DEFAULT_SUFFIXES, "gmbh"))``).
:meth:`NameRules.key` turns a normalised name into a supplier id for
:class:`~socialvalue.spend.SpendLine`; OCDS parties without an identifier get the
same key behind ``name:`` (so it never clashes with a registration identifier).

>>> rules = NameRules()
>>> rules.normalise("The Toy House Ltd."), rules.normalise("TOY HOUSE LIMITED")
('toy house', 'toy house')
>>> rules.normalise("Laing O'Rourke & Co (UK) PLC")
'laing orourke and co uk'
>>> rules.normalise("Bristow &amp; Sutor Ltd") == rules.normalise("BRISTOW + SUTOR")
True
"""

from __future__ import annotations

import enum
import functools
import hashlib
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import FieldCheck, Items
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation

__all__ = ["DEFAULT_LEADING_WORDS", "DEFAULT_SUFFIXES", "NameRules", "SupplierKey", "words"]

#: Legal forms that end a company's name and say nothing about which company it is.
DEFAULT_SUFFIXES: Final = (
    "ltd",
    "limited",
    "plc",
    "public limited company",
    "llp",
    "limited liability partnership",
    "lp",
    "cic",
    "community interest company",
    "cio",
    "llc",
    "inc",
    "incorporated",
)
#: Words that may open a name without changing whose name it is.
DEFAULT_LEADING_WORDS: Final = ("the",)

# Straight, curly and reversed apostrophes, the acute accent and the Windows-1252
# apostrophe (0x92) left as a control character by a Latin-1 decoding.
_APOSTROPHES: Final = dict.fromkeys(map(ord, "'\u2018\u2019\u201b`\u00b4\u0092"))
_WORDS: Final = re.compile(r"[a-z0-9]+( [a-z0-9]+)*")
_CODE: Final = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")
_ASCII_WORD: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_WORD_RUN: Final = re.compile(r"[a-z0-9]+")
_REGISTRATION: Final = re.compile(r"[A-Z0-9]{1,20}")
_SCHEMES: Final = {"vat_number": "GB-VAT-", "company_number": "GB-COH-"}


def _without_accents(text: str) -> str:
    # Only marks on a-z letters go: in other scripts a mark can be a vowel that tells
    # two names apart.
    kept: list[str] = []
    for c in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(c) and kept and "a" <= kept[-1][-1] <= "z":
            continue
        kept.append(c)
    return "".join(kept)


def _fold(text: str) -> str:
    # NFKC and case-folding can each undo the other's work on a few characters; a
    # second round settles them. Accents go between rounds, so "É" and "é" meet "e".
    for _ in range(3):
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
        folded = unicodedata.normalize("NFKC", _without_accents(folded))
        if folded == text:
            break
        text = folded
    return text


# Names repeat thousands of times in a year's file; each is taken apart once. A
# reader asks for a payee's words once per payee (its sorter remembers the payee),
# so the cache need only span a council's year of names (a few thousand), not a
# year of 50,000 suppliers: each entry kept costs ~0.4 kB, 65,536 of them ~25 MB.
@functools.lru_cache(maxsize=8_192)
def words(name: str) -> tuple[str, ...]:
    """The words of ``name``, as normalisation and payee rules compare them.

    Steps 1 to 5 of the module's list: HTML references decoded, apostrophes
    removed, NFKC, case-folded and without accents, ``&`` and ``+`` as ``and``,
    anything not a letter or digit a separator, initials joined.

    >>> words("H.M. Revenue & Customs")
    ('hm', 'revenue', 'and', 'customs')
    """
    text = html.unescape(name) if "&" in name else name
    if not text.isascii():
        return _spelled_words(name)
    # ASCII text is its own NFKC form, case-folds as it lower-cases and has no
    # accents or marks, and its letters and digits are a-z and 0-9 once lowered:
    # steps 2 to 5 come to a few replacements and one pass of a pattern (its only
    # apostrophes are ' and `; tests check it against the steps).
    text = text.replace("'", "").replace("`", "").lower()
    split = _ASCII_WORD_RUN.findall(text.replace("&", " and ").replace("+", " and "))
    return _joined(split) if 1 in map(len, split) else tuple(split)


def _spelled_words(name: str) -> tuple[str, ...]:
    """:func:`words` step by step, for any text: the definition the fast path keeps to."""
    text = _fold(html.unescape(name).translate(_APOSTROPHES))
    text = text.replace("&", " and ").replace("+", " and ")
    # A mark (a vowel sign in Devanagari, say) belongs to the word it follows:
    # dropping it would merge two different names; one with no letter before it is
    # a separator.
    kept: list[str] = []
    for c in text:
        mark = unicodedata.category(c)[0] == "M" and kept and kept[-1] != " "
        kept.append(c if c.isalnum() or mark else " ")
    return _joined("".join(kept).split())


def _joined(split: list[str]) -> tuple[str, ...]:
    """Words with single letters or digits in a row joined: L.L.P., L L P and LLP meet."""
    found: list[str] = []
    initials = False
    for word in split:
        if len(word) == 1 and initials:
            found[-1] += word
        else:
            found.append(word)
            initials = len(word) == 1
    return tuple(found)


class _Phrases(FieldCheck):
    def check(self, value: Any) -> None:
        for index, phrase in enumerate(value):
            if not isinstance(phrase, str) or not _WORDS.fullmatch(phrase):
                raise RuleViolation(
                    "text.bad_format",
                    "must be words of lower-case letters a-z and digits separated by single"
                    f" spaces, as normalised names are written; got {phrase!r:.60}",
                    field=[index],
                )


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@functools.lru_cache(maxsize=64)
def _phrases(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, longest first, so that a longer suffix is tried first."""
    return tuple(sorted((tuple(p.split()) for p in phrases), key=len, reverse=True))


# Hashed on every look-up of its compiled plan (once a name): cache the hash.
@attrs.frozen(field_transformer=typed_fields, cache_hash=True)
class NameRules:
    """How supplier names are normalised: see the module documentation for the steps.

    ``legal_suffixes`` and ``leading_words`` are written as normalised words
    (lower case, single spaces).

    >>> NameRules(legal_suffixes=("gmbh",)).normalise("Muster GmbH")
    'muster'
    """

    legal_suffixes: tuple[str, ...] = attrs.field(
        default=DEFAULT_SUFFIXES,
        converter=_texts,
        validator=[Items(max_items=200, unique_by=lambda p: p, what="suffix"), _Phrases()],
    )
    leading_words: tuple[str, ...] = attrs.field(
        default=DEFAULT_LEADING_WORDS,
        converter=_texts,
        validator=[Items(max_items=50, unique_by=lambda p: p, what="word"), _Phrases()],
    )

    @typed_arguments
    def normalise(self, name: str) -> str:
        """``name`` as a key that its other spellings share; empty if it has no letter or digit."""
        return normalised(self, name)

    @typed_arguments
    def key(self, name: str) -> str:
        """A supplier id made from ``name``'s normalised form, or ``ValueError`` if it has none.

        The words joined by ``-`` when that is a valid id (ASCII, at most 64
        characters); otherwise the ASCII letters and digits it has, cut to leave
        room, and ``-`` with eight hexadecimal digits of a hash of the normalised
        name, so that different names keep different ids.

        >>> NameRules().key("Café Nero Ltd"), NameRules().key("Acme & Sons")
        ('cafe-nero', 'acme-and-sons')
        >>> NameRules().key("Øresund Ltd")
        'resund-04c9ac38'
        """
        return name_id(self, name)


def normalised(rules: NameRules, name: str) -> str:
    """:meth:`NameRules.normalise`, its arguments' types not checked again (for readers)."""
    return " ".join(_keeper(rules)(words(name)))


@functools.lru_cache(maxsize=64)
def _keeper(rules: NameRules) -> Callable[[tuple[str, ...]], Sequence[str]]:
    """The words of a name (its :func:`words`) that its normalised form keeps (step 6)."""
    plan = _plan(rules)
    if plan is None:
        return lambda found: _stepwise(rules, found).split()
    # At most one phrase can match at each end at a time (see _plan), so taking the
    # one that does, until none does, is the documented loop in one pass.
    firsts, lasts = plan

    def kept(found: tuple[str, ...]) -> Sequence[str]:
        start, end = 0, len(found)
        while start < end:
            for phrase in firsts.get(found[start], ()):
                if end - start > len(phrase) and found[start : start + len(phrase)] == phrase:
                    start += len(phrase)
                    break
            else:
                break
        while start < end:
            for phrase in lasts.get(found[end - 1], ()):
                if end - start > len(phrase) and found[end - len(phrase) : end] == phrase:
                    end -= len(phrase)
                    break
            else:
                break
        return found[start:end]

    return kept


def name_id(rules: NameRules, name: str) -> str:
    """:meth:`NameRules.key`, its arguments' types not checked again (for readers).

    ``slug(normalised(rules, name))``; words all ASCII (a-z and 0-9, as words are)
    joined by hyphens in 64 characters are the id as they stand, with no pattern
    tried (``tests/test_spend_names.py`` checks the two agree).
    """
    return id_maker(rules)(words(name), name)


@functools.lru_cache(maxsize=64)
def id_maker(rules: NameRules) -> Callable[[tuple[str, ...], str], str]:
    """:func:`name_id` by ``rules`` of a name and its :func:`words` (for readers that have them).

    The function takes the words and the name (for its error), and finds the
    rules' plan once, not once a name.
    """
    keep = _keeper(rules)

    def make(found: tuple[str, ...], name: str) -> str:
        kept = keep(found)
        if not kept:
            raise ValueError(f"the name {name[:60]!r} has no letters or digits")
        joined = "-".join(kept)
        if len(joined) <= _ROOM and joined.isascii():
            return joined
        return slug(" ".join(kept))

    return make


_Plan = tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[tuple[str, ...], ...]]]


@functools.lru_cache(maxsize=64)
def _plan(rules: NameRules) -> _Plan | None:
    """Leading phrases by their first word and suffixes by their last; ``None`` if order matters.

    The documented loop drops whichever phrase matches, longest first, until none
    does. When no leading phrase begins another and no suffix ends another, at most
    one can match at a time, so the order cannot change the result and a phrase can
    be looked up by the word at the end it would take. Otherwise (a body's own
    overlapping words) the loop itself runs.
    """
    leading, suffixes = _phrases(rules.leading_words), _phrases(rules.legal_suffixes)
    if any(len(b) < len(a) and a[: len(b)] == b for a in leading for b in leading):
        return None
    if any(len(b) < len(a) and a[len(a) - len(b) :] == b for a in suffixes for b in suffixes):
        return None
    firsts: dict[str, tuple[tuple[str, ...], ...]] = {}
    lasts: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in leading:
        firsts[phrase[0]] = (*firsts.get(phrase[0], ()), phrase)
    for phrase in suffixes:
        lasts[phrase[-1]] = (*lasts.get(phrase[-1], ()), phrase)
    return firsts, lasts


def _stepwise(rules: NameRules, words_of_name: tuple[str, ...]) -> str:
    """Step 6 as documented: leading phrases, then suffixes, each dropped while one matches."""
    found = list(words_of_name)
    leading, suffixes = _phrases(rules.leading_words), _phrases(rules.legal_suffixes)
    changed = True
    while changed:
        changed = False
        for phrase in leading:
            if len(found) > len(phrase) and tuple(found[: len(phrase)]) == phrase:
                del found[: len(phrase)]
                changed = True
    changed = True
    while changed:
        changed = False
        for phrase in suffixes:
            if len(found) > len(phrase) and tuple(found[-len(phrase) :]) == phrase:
                del found[-len(phrase) :]
                changed = True
    return " ".join(found)


_ROOM: Final = 64


def slug(normal: str, room: int = _ROOM) -> str:
    """A normalised name as an id of at most ``room`` characters (see :meth:`NameRules.key`)."""
    joined = normal.replace(" ", "-")
    if len(joined) <= room and _CODE.fullmatch(joined):
        return joined
    ascii_words = "".join(c if c in _ASCII_WORD else " " for c in normal).split()
    stem = "-".join(ascii_words)[: room - 9]
    digest = hashlib.blake2b(normal.encode(), digest_size=4).hexdigest()
    return f"{stem.rstrip('-')}-{digest}" if stem else f"name-{digest}"


class SupplierKey(enum.Enum):
    """What keys a supplier's payments together when a file is read.

    >>> SupplierKey.VAT_NUMBER.key("Acme Ltd", vat_number="GB 123 4567 89")
    'GB-VAT-123456789'
    """

    SUPPLIER_ID = "supplier_id"
    """The file's supplier id column (the Transparency Code's ``BeneficiaryOtherID``)."""
    NAME = "name"
    """The supplier's normalised name (see :class:`NameRules`)."""
    VAT_NUMBER = "vat_number"
    """The VAT registration number, as ``GB-VAT-…``; the name where a row has none."""
    COMPANY_NUMBER = "company_number"
    """The Companies House number, as ``GB-COH-…``; the name where a row has none."""

    def key(
        self,
        name: str,
        *,
        supplier_id: str = "",
        vat_number: str = "",
        company_number: str = "",
        rules: NameRules | None = None,
    ) -> str:
        """The supplier id a row with these values gets; ``ValueError`` names what is wrong."""
        if self is SupplierKey.SUPPLIER_ID:
            if not _ID.fullmatch(supplier_id):
                what = "is empty" if not supplier_id else f"is not an id: {supplier_id[:40]!r}"
                raise ValueError(
                    f"the supplier id {what} (letters, digits and . _ : / -, at most 64)"
                )
            return supplier_id
        number = vat_number if self is SupplierKey.VAT_NUMBER else company_number
        if self is not SupplierKey.NAME and number:
            value = "".join(number.split()).upper()
            if self is SupplierKey.VAT_NUMBER:
                value = value.removeprefix("GB")
            if not _REGISTRATION.fullmatch(value):
                raise ValueError(
                    f"a {self.value.replace('_', ' ')} is letters and digits; got {number[:40]!r}"
                )
            return _SCHEMES[self.value] + value
        return name_id(rules or _DEFAULT_RULES, name)


_DEFAULT_RULES: Final = NameRules()
