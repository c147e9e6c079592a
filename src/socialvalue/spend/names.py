"""Supplier names, normalised so that one supplier's spellings meet.

Files without a supplier id group payments by the supplier's name, and a name is
written many ways: ``Addleshaw Goddard LLP``, ``Addleshaw Goddard Llp``,
``ADDLESHAW  GODDARD``. :meth:`NameRules.normalise` turns each spelling into one
key, in this order:

1. apostrophes are removed (``O'Rourke`` → ``ORourke``), so a name does not split
   at them;
2. the text is put in Unicode compatibility form (NFKC) and case-folded, so
   ``ＡＣＭＥ``, ``ACME`` and ``acme`` meet;
3. ``&`` becomes the word ``and``;
4. every character that is not a letter or digit separates words (punctuation,
   spaces, dashes, brackets), so spacing and punctuation do not matter; then
   single letters or digits in a row join into one word, so initials meet
   (``L.L.P.``, ``L L P`` and ``LLP``; ``H.M.`` and ``HM``);
5. leading words such as ``the`` are dropped, then legal suffixes at the end
   (``ltd``, ``limited``, ``plc``, ``llp``, ``cic``, …; several words such as
   ``community interest company`` count as one suffix), each repeatedly, but never
   the last word left.

The result is words of letters and digits joined by single spaces; normalising
it again changes nothing. :class:`NameRules` holds the word lists, so a body may
add its own (``NameRules(legal_suffixes=(*DEFAULT_SUFFIXES, "gmbh"))``).
:meth:`NameRules.key` turns a normalised name into a supplier id for
:class:`~socialvalue.spend.SpendLine`.

>>> rules = NameRules()
>>> rules.normalise("The Toy House Ltd."), rules.normalise("TOY HOUSE LIMITED")
('toy house', 'toy house')
>>> rules.normalise("Laing O'Rourke & Co (UK) PLC")
'laing orourke and co uk'
"""

from __future__ import annotations

import enum
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
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
_REGISTRATION: Final = re.compile(r"[A-Z0-9]{1,20}")
_SCHEMES: Final = {"vat_number": "GB-VAT-", "company_number": "GB-COH-"}


def _fold(text: str) -> str:
    # NFKC and case-folding can each undo the other's work on a few characters; a
    # second round settles them.
    for _ in range(3):
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
        if folded == text:
            break
        text = folded
    return text


# Names repeat thousands of times in a year's file; each is taken apart once.
@functools.lru_cache(maxsize=65_536)
def words(name: str) -> tuple[str, ...]:
    """The words of ``name``, as normalisation and payee rules compare them.

    Steps 1 to 4 of the module's list: apostrophes removed, NFKC and case-folded,
    ``&`` as ``and``, anything not a letter or digit a separator, initials joined.

    >>> words("H.M. Revenue & Customs")
    ('hm', 'revenue', 'and', 'customs')
    """
    text = _fold(name.translate(_APOSTROPHES)).replace("&", " and ")
    found: list[str] = []
    initials = False
    for word in "".join(c if c.isalnum() else " " for c in text).split():
        # Initials meet however they are spaced or dotted: L.L.P., L L P and LLP.
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


@attrs.frozen(field_transformer=typed_fields)
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
        found = list(words(name))
        leading, suffixes = _phrases(self.leading_words), _phrases(self.legal_suffixes)
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

    @typed_arguments
    def key(self, name: str) -> str:
        """A supplier id made from ``name``'s normalised form, or ``ValueError`` if it has none.

        The words joined by ``-`` when that is a valid id (ASCII, at most 64
        characters); otherwise an ASCII form of at most 54 characters and ``-``
        with eight hexadecimal digits of a hash of the normalised name, so that
        different names keep different ids.

        >>> NameRules().key("Café Nero Ltd"), NameRules().key("Acme & Sons")
        ('cafe-nero-c9950009', 'acme-and-sons')
        """
        normal = self.normalise(name)
        if not normal:
            raise ValueError(f"the name {name[:60]!r} has no letters or digits")
        slug = normal.replace(" ", "-")
        if _CODE.fullmatch(slug):
            return slug
        ascii_form = unicodedata.normalize("NFKD", normal).encode("ascii", "ignore").decode()
        stem = "-".join("".join(c if c.isalnum() else " " for c in ascii_form).split())[:54]
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
        return (rules or NameRules()).key(name)
