"""The name key that OCDS parties without an identifier are known by (private).

Suppliers in published contract data often carry no registration number; the same
organisation must still meet itself across notices. Its key is its name, normalised
so that spelling noise does not split it, but nothing that could merge two
different organisations is thrown away:

1. HTML character references are decoded (Contracts Finder writes ``&amp;``);
2. Unicode is folded: compatibility forms (NFKC), case (``casefold``) and accents
   (``é`` to ``e``);
3. ``&`` and ``+`` read as ``and``;
4. everything but letters and digits separates words;
5. a legal form at the *end* of the name is dropped, repeatedly (``limited``,
   ``ltd``, ``plc``, ``llp``, ``lp``, ``cic``, ``cio``), and ``the`` at the start,
   as long as a word remains.

The words are joined by ``-``. This is private on purpose: the spend-file reading
needs the same idea, and one shared normaliser can replace this one by changing
:func:`name_key` alone.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from typing import Final

__all__ = ["clean_text", "name_key"]

_LEGAL_FORMS: Final = frozenset({"limited", "ltd", "plc", "llp", "lp", "cic", "cio"})
_NOT_WORD: Final = re.compile(r"[^0-9a-z]+")
_SEPARATORS: Final = re.compile(r"[\W_]+")
_PLAIN: Final = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")
_SPACE: Final = re.compile(r"\s+")
#: A key must be a library code (64 characters at most) after the ``name:`` prefix.
_KEY_ROOM: Final = 59


def clean_text(text: str) -> str:
    """``text`` with HTML references decoded and runs of white space made one space.

    >>> clean_text("  Bristow &amp;  Sutor ")
    'Bristow & Sutor'
    """
    return _SPACE.sub(" ", html.unescape(text)).strip()


def _words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", clean_text(name)).casefold()
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    plain = plain.replace("&", " and ").replace("+", " and ")
    words = [w for w in _SEPARATORS.split(plain) if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return words


def _digest(text: str, size: int) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:size]


def name_key(name: str) -> str | None:
    """The key of an organisation known only by ``name``; ``None`` if it has no letter or digit.

    Keys start ``name:`` so they never clash with a registration identifier. A name
    with letters beyond a-z (``Øresund``, ``北京公司``) keeps what it has in a-z and
    adds a short digest of the whole, as does a name too long for a 64-character
    code, so two such names never share a key by losing their differences.

    >>> name_key("Bristow &amp; Sutor Ltd")
    'name:bristow-and-sutor'
    >>> name_key("BRISTOW & SUTOR LIMITED") == name_key("Bristow and Sutor")
    True
    >>> name_key("  ") is None
    True
    """
    words = _words(name)
    if not words:
        return None
    joined = "-".join(words)
    if not _PLAIN.fullmatch(joined):
        ascii_part = "-".join(filter(None, (_NOT_WORD.sub("", w) for w in words)))
        joined = f"{ascii_part or 'x'}-{_digest(joined, 10)}"
    if len(joined) > _KEY_ROOM:
        joined = joined[: _KEY_ROOM - 11].rstrip("-") + "-" + _digest(joined, 10)
    return "name:" + joined
