"""The name key that OCDS parties without an identifier are known by (private).

Suppliers in published contract data often carry no registration number; the same
organisation must still meet itself across notices. Its key is its name,
normalised by the library's one rule for supplier names
(:meth:`socialvalue.spend.names.NameRules.normalise`, documented in
:mod:`socialvalue.spend.names`), the rule spend files without a supplier id group
payments by, so that a supplier keyed by name in a spend file and in OCDS meets
itself. The key is that supplier id behind ``name:``, so it never clashes with a
registration identifier.
"""

from __future__ import annotations

import html
import re
from typing import Final

from socialvalue.spend.names import NameRules, slug

__all__ = ["clean_text", "name_key"]

_RULES: Final = NameRules()
_SPACE: Final = re.compile(r"\s+")
#: A key must be a library code (64 characters at most) after the ``name:`` prefix.
_KEY_ROOM: Final = 59


def clean_text(text: str) -> str:
    """``text`` with HTML references decoded and runs of white space made one space.

    >>> clean_text("  Bristow &amp;  Sutor ")
    'Bristow & Sutor'
    """
    return _SPACE.sub(" ", html.unescape(text)).strip()


def name_key(name: str) -> str | None:
    """The key of an organisation known only by ``name``; ``None`` if it has no letter or digit.

    ``name:`` and the name's supplier id (:meth:`NameRules.key
    <socialvalue.spend.names.NameRules.key>`), kept to 64 characters in all: a name
    too long, or with letters beyond a-z (``Øresund``, ``北京公司``), keeps what it
    has in a-z and adds a short digest of the whole, so two such names never share
    a key by losing their differences.

    >>> name_key("Bristow &amp; Sutor Ltd")
    'name:bristow-and-sutor'
    >>> name_key("BRISTOW & SUTOR LIMITED") == name_key("Bristow and Sutor")
    True
    >>> name_key("  ") is None
    True
    """
    normal = _RULES.normalise(name)
    return "name:" + slug(normal, _KEY_ROOM) if normal else None
