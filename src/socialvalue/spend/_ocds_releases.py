"""Which release of each contracting process to read, from parsed OCDS data (private).

Accepted shapes, alone or in a list (one item per line of line-delimited JSON, or
per file): a release package (``releases``), a record package (``records``), a
record (``ocid`` with ``compiledRelease`` or ``releases``) and a bare release
(``ocid``). Every release-like object is a *candidate* for its process (its
``ocid``); a record offers its ``compiledRelease``, or, without one, each release
it embeds (releases it only links to, by ``url``, cannot be read).

**The rule for several candidates of one process:** the latest by ``date`` is
read; at an equal date a compiled release beats a plain one, then the greater
release ``id``, then (for copies of one release that differ) a fixed order of
their contents. Candidates without a readable date come before every dated one.
Nothing here depends on the order of the input, so shuffling releases never
changes what is read. Releases are not merged field by field: a publisher that
spreads one process over partial releases should be read through its compiled
records.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final, NamedTuple

from socialvalue.errors import PathStep, render_path

__all__ = ["EARLIEST", "Candidate", "Notes", "choose", "id_text", "instant", "refuse_floats"]

_DATE_TIME: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?"
)
#: Where releases without a readable date sort: before every dated one.
#: Where releases without a readable date sort: before every dated one.
EARLIEST: Final = datetime.min.replace(tzinfo=UTC)


class Note(NamedTuple):
    """A problem or flag before it becomes public: where, what and why."""

    ocid: str | None
    steps: tuple[PathStep, ...]
    code: str
    message: str


class Notes:
    """Problems (data set aside) and flags (data used, worth a look), as they are found."""

    def __init__(self) -> None:
        self.problems: list[Note] = []
        self.flags: list[Note] = []

    def problem(self, ocid: str | None, steps: Sequence[PathStep], code: str, text: str) -> None:
        """Record data that could not be used."""
        self.problems.append(Note(ocid, tuple(steps), code, text))

    def flag(self, ocid: str | None, steps: Sequence[PathStep], code: str, text: str) -> None:
        """Record data that was used but deserves a look."""
        self.flags.append(Note(ocid, tuple(steps), code, text))


class Candidate(NamedTuple):
    """One release-like object that may be read for its process."""

    ocid: str
    release: Mapping[str, Any]
    steps: tuple[PathStep, ...]
    compiled: bool
    seen: int = 1


def refuse_floats(data: object) -> None:
    """Raise :class:`TypeError` naming the first ``float`` in ``data``, if there is one.

    A float means the JSON was parsed without decimal hooks, so amounts may already
    have lost pence: nothing read from such data can be trusted.
    """
    stack: list[object] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            path = render_path(_path_to(data, item))
            raise TypeError(
                f"a float ({item!r}) at {path}: OCDS numbers must be parsed as Decimal, never"
                " float, or amounts lose pence; parse with"
                " json.loads(text, **ocds_parse_options())"
            )
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _path_to(data: object, target: float) -> list[PathStep]:
    # Only on failure: a second walk that keeps paths, rather than paths for every node.
    stack: list[tuple[object, list[PathStep]]] = [(data, [])]
    while stack:
        item, steps = stack.pop()
        if item is target:
            return steps
        if isinstance(item, Mapping):
            stack.extend((v, [*steps, str(k)]) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, [*steps, i]) for i, v in enumerate(item))
    return []  # pragma: no cover - the target came from this very walk


def id_text(value: object) -> str | None:
    """An OCDS id (a string or an integer) as text; ``None`` when absent or of another type."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    # Integers arrive as Decimal under ocds_parse_options(); large ones are not ids.
    if isinstance(value, Decimal) and value.is_finite() and 0 <= value.adjusted() < 30:
        return str(int(value)) if value == value.to_integral_value() else None
    return None


def instant(value: object) -> datetime | None:
    """An OCDS date-time as an aware ``datetime`` (UTC when no offset); ``None`` if unreadable."""
    if not isinstance(value, str) or not _DATE_TIME.fullmatch(value):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _canonical(value: object) -> object:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_canonical(v) for v in value)
    return (type(value).__name__, str(value))


def _order(candidate: Candidate) -> tuple[bool, datetime, bool, str]:
    moment = instant(candidate.release.get("date"))
    ident = id_text(candidate.release.get("id")) or ""
    return (moment is not None, moment or EARLIEST, candidate.compiled, ident)


class _Reader:
    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.candidates: dict[str, list[Candidate]] = {}
        self.documents = 0

    def document(self, doc: object, steps: tuple[PathStep, ...]) -> None:
        self.documents += 1
        if isinstance(doc, Mapping) and isinstance(doc.get("records"), list):
            for index, record in enumerate(doc["records"]):
                self.record(record, (*steps, "records", index))
        elif (
            isinstance(doc, Mapping)
            and "ocid" in doc
            and ("compiledRelease" in doc or isinstance(doc.get("releases"), list))
        ):
            self.record(doc, steps)
        elif isinstance(doc, Mapping) and isinstance(doc.get("releases"), list):
            for index, release in enumerate(doc["releases"]):
                self.release(release, (*steps, "releases", index), None, compiled=False)
        elif isinstance(doc, Mapping) and "ocid" in doc:
            self.release(doc, steps, None, compiled=False)
        else:
            self.notes.problem(
                None,
                steps,
                "ocds.not_ocds",
                "expected an OCDS release package (with 'releases'), a record package (with"
                " 'records'), a record or a release (with 'ocid');"
                f" got {_kind(doc)}",
            )

    def release(
        self, release: object, steps: tuple[PathStep, ...], ocid: str | None, *, compiled: bool
    ) -> None:
        if not isinstance(release, Mapping):
            self.notes.problem(
                ocid,
                steps,
                "ocds.bad_release",
                f"a release must be an object; got {_kind(release)}",
            )
            return
        own = release.get("ocid")
        ocid = own.strip() if isinstance(own, str) and own.strip() else ocid
        if ocid is None:
            self.notes.problem(
                None, steps, "ocds.bad_release", "a release needs an 'ocid' (text) to be read"
            )
            return
        if instant(release.get("date")) is None:
            self.notes.flag(
                ocid,
                (*steps, "date"),
                "ocds.bad_date",
                "the release date is missing or not an ISO 8601 date-time, so any dated release"
                f" of this process wins over it; got {_shown(release.get('date'))}",
            )
        self.candidates.setdefault(ocid, []).append(Candidate(ocid, release, steps, compiled))

    def record(self, record: object, steps: tuple[PathStep, ...]) -> None:
        own = record.get("ocid") if isinstance(record, Mapping) else None
        if not isinstance(record, Mapping) or not isinstance(own, str) or not own.strip():
            self.notes.problem(
                None, steps, "ocds.bad_release", "a record must be an object with an 'ocid' (text)"
            )
            return
        ocid = own.strip()
        compiled = record.get("compiledRelease")
        if compiled is not None:
            self.release(compiled, (*steps, "compiledRelease"), ocid, compiled=True)
            return
        releases = record.get("releases")
        embedded = [
            (index, r)
            for index, r in enumerate(releases if isinstance(releases, list) else [])
            if not (isinstance(r, Mapping) and "url" in r and "id" not in r and "ocid" not in r)
        ]
        if not embedded:
            self.notes.problem(
                ocid,
                steps,
                "ocds.no_compiled_release",
                "the record has no compiledRelease and only links to its releases by url;"
                " give the releases themselves, or a record with its compiled release",
            )
        for index, release in embedded:
            self.release(release, (*steps, "releases", index), ocid, compiled=False)


def choose(data: object, notes: Notes) -> tuple[list[Candidate], int, int]:
    """The candidate read for each process, in ocid order; documents and releases seen."""
    reader = _Reader(notes)
    if isinstance(data, list):
        for index, doc in enumerate(data):
            reader.document(doc, (index,))
    else:
        reader.document(data, ())
    chosen = []
    for ocid in sorted(reader.candidates):
        found = reader.candidates[ocid]
        best = max(_order(c) for c in found)
        tied = [c for c in found if _order(c) == best]
        pick = max(tied, key=lambda c: repr(_canonical(c.release))) if len(tied) > 1 else tied[0]
        chosen.append(pick._replace(seen=len(found)))
        if len(found) > 1:
            what = "compiled release" if pick.compiled else "release"
            notes.flag(
                ocid,
                pick.steps,
                "ocds.superseded_release",
                f"{len(found)} releases describe this process; the latest {what} (id"
                f" {_shown(pick.release.get('id'))}, dated {_shown(pick.release.get('date'))})"
                f" is read and the other {len(found) - 1} set aside",
            )
    releases = sum(len(found) for found in reader.candidates.values())
    return chosen, reader.documents, releases


def _kind(value: object) -> str:
    if isinstance(value, Mapping):
        keys = ", ".join(repr(str(k)) for k in list(value)[:5])
        return f"an object with keys {keys}" if keys else "an empty object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__ if value is not None else "null"


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else repr(value[:60])
    return text if len(text) <= 80 else text[:77] + "..."
