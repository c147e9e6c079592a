"""Spend files for ``assess`` and ``report``: found, opened, bounded and decoded as they stream.

A council publishes a year as one file, a folder of monthly files or a zip of them.
:func:`spend_sources` turns the names given (files, folders, zips, ``-`` for stdin)
into :class:`Source` objects, one per CSV, in name order; :func:`open_source` opens
one as text, read a chunk at a time (never the whole file in memory), through
:class:`_Bounded`, which:

- refuses a file (or zip member) that decompresses to more than
  :data:`MAX_SPEND_BYTES`, a zip member whose bytes outgrow its compressed size
  more than :data:`MAX_RATIO` times (a zip bomb), and a line longer than
  :data:`MAX_LINE_BYTES`, each as one line naming the file and the limit;
- decodes deterministically: UTF-8 (a byte-order mark, even a doubly encoded one,
  is kept for the layout to recognise) unless the first bytes that are not ASCII
  are not UTF-8, in which case the file is Windows-1252 from its start (the text
  before them is ASCII, which both read alike). A file whose UTF-8 text is
  followed by bytes that are not UTF-8 mixes encodings and is refused rather than
  shown as mojibake;
- hashes what it reads, so that the same file given twice (by its content, under
  any name) is refused (:class:`SeenFiles`).

The limits are options of ``assess`` (``--max-file-bytes``, ``--max-zip-ratio``,
``--max-line-bytes``); docs/reference/cli.md lists their defaults.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Final, NamedTuple, TextIO, cast

from socialvalue.cli._input import STDIN, DataError, UsageError

__all__ = [
    "MAX_LINE_BYTES",
    "MAX_RATIO",
    "MAX_SPEND_BYTES",
    "Limits",
    "SeenFiles",
    "Source",
    "Opened",
    "open_source",
    "spend_sources",
]

#: The most bytes one spend file (or zip member) may hold once decompressed: 1 GiB,
#: five times a year of the largest body's payments (Trafford's is 54 MB).
MAX_SPEND_BYTES: Final = 1024 * 1024 * 1024
#: The most a zip member may grow on decompression: a year of spend compresses
#: 7 to 17 times (Manchester, Salford, Trafford); a zip bomb, thousands of times.
MAX_RATIO: Final = 100
#: The longest line: 1 MiB, thousands of times a payment row (Trafford's longest is
#: 327 bytes), and small enough that one line never strains memory.
MAX_LINE_BYTES: Final = 1024 * 1024
# Below this many bytes a member's ratio is not judged: a tiny file of repeated
# commas compresses far, and holds no bomb.
_RATIO_FROM: Final = 1024 * 1024
_CHUNK: Final = 1024 * 1024
_UTF8: Final = "UTF-8"
_CP1252: Final = "Windows-1252"
# The five bytes Windows-1252 leaves undefined (Python's codec refuses them).
_NOT_CP1252: Final = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")


class Limits(NamedTuple):
    """The bounds every spend file is read within (see the module)."""

    file_bytes: int = MAX_SPEND_BYTES
    zip_ratio: int = MAX_RATIO
    line_bytes: int = MAX_LINE_BYTES


class Source(NamedTuple):
    """One spend CSV: its name as messages give it, how to open its bytes, and its zip size."""

    name: str
    open: Callable[[], IO[bytes]]
    compressed: int | None = None


def spend_sources(names: Sequence[str], stdin: TextIO) -> Iterator[Source]:
    """Every CSV in ``names``: files, the CSVs of folders and of zips (in name order), or stdin.

    A folder gives its ``*.csv`` and ``*.zip`` files, not those of its subfolders.
    """
    for name in names:
        if name == STDIN:
            yield Source(name, lambda: stdin.buffer)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".zip"))
            if not found:
                raise DataError(f"{name} holds no spend file (*.csv or *.zip)")
            for inner in found:
                yield from _file(str(inner))
        else:
            yield from _file(name)


def _file(name: str) -> Iterator[Source]:
    if not name.lower().endswith(".zip"):
        if not Path(name).is_file():
            raise UsageError(f"cannot read {name}: no such file")
        yield Source(name, _opener(Path(name)))
        return
    try:
        with zipfile.ZipFile(name) as archive:
            members = sorted(
                (m for m in archive.infolist() if m.filename.lower().endswith(".csv")),
                key=lambda m: m.filename,
            )
    except (OSError, zipfile.BadZipFile) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UsageError(f"cannot read {name}: {reason}") from None
    if not members:
        raise UsageError(f"{name} holds no .csv file")
    for member in members:
        yield Source(f"{name}:{member.filename}", _member(name, member), member.compress_size)


def _opener(path: Path) -> Callable[[], IO[bytes]]:
    def opened() -> IO[bytes]:
        return path.open("rb")  # closed by the text stream read from it

    return opened


def _member(name: str, member: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
    def opened() -> IO[bytes]:
        archive = zipfile.ZipFile(name)
        try:
            return cast(IO[bytes], _Closing(archive.open(member), archive))
        except BaseException:
            archive.close()
            raise

    return opened


class _Closing(io.RawIOBase):
    """A zip member's stream that closes its archive with it."""

    def __init__(self, member: IO[bytes], archive: zipfile.ZipFile) -> None:
        self._member, self._archive = member, archive

    def read(self, size: int = -1) -> bytes:
        return self._member.read(size)

    def close(self) -> None:
        self._member.close()
        self._archive.close()
        super().close()


class SeenFiles:
    """The content hashes of the files read so far, to refuse one given twice."""

    def __init__(self) -> None:
        self._seen: dict[bytes, str] = {}

    def check(self, name: str, digest: bytes) -> None:
        """Remember ``name``'s content, or refuse it if an earlier file had the same."""
        earlier = self._seen.get(digest)
        if earlier is not None:
            raise DataError(
                f"{name} has the same content as {earlier}: the same file given twice would"
                " count every payment twice"
            )
        self._seen[digest] = name


class _Bounded(io.RawIOBase):
    """The bytes of a source within its limits, as UTF-8 (see the module)."""

    def __init__(
        self, source: Source, raw: IO[bytes], limits: Limits, *, codec: str | None, hashing: bool
    ) -> None:
        self.source, self._raw, self._limits = source, raw, limits
        # A codec given (--encoding) decodes every chunk; without one, UTF-8 or
        # Windows-1252 is chosen as the module says.
        self._given = None if codec is None else codecs.getincrementaldecoder(codec)("strict")
        self._hashing = hashing
        self._step = max(1, min(_CHUNK, limits.line_bytes))
        self._ended = False
        self.size = 0
        self.encoding = _UTF8
        # Windows-1252 bytes handed on as read, for the text layer to decode once:
        # when the first chunk shows the encoding before the text layer is made.
        self._as_read = False
        self._decided = False  # whether text that is not ASCII has been met
        self._held = b""  # an incomplete UTF-8 sequence at the end of the last chunk
        self._out = b""  # bytes decoded, handed on up to self._at
        self._at = 0
        self._run = 0  # bytes since the last line end
        self._hash = hashlib.sha256()

    @property
    def digest(self) -> bytes:
        """The SHA-256 of the bytes read so far (when asked to hash)."""
        return self._hash.digest()

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if self.source.name != STDIN:  # stdin is the caller's to close
            self._raw.close()
        super().close()

    def start(self) -> str:
        """Read the first chunk, before the text layer is made; the codec that layer decodes.

        ``"cp1252"`` when that chunk shows the file is Windows-1252 (Manchester's
        monthly files, each one chunk): its bytes are then handed on as read, not
        decoded, encoded as UTF-8 and decoded again. Else ``"utf-8"``.
        """
        data = self._chunk()
        self._as_read = self._given is None
        try:
            self._out, self._at = self._decode(data or b"", final=not data), 0
        finally:
            self._as_read = self._as_read and self.encoding == _CP1252
        return "cp1252" if self._as_read else "utf-8"

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        # The text layer asks for a few kilobytes at a time: hand them out of the
        # decoded chunk by position, never by slicing off (and copying) the rest.
        while self._at >= len(self._out):
            data = self._chunk()
            if data is None:
                return 0
            self._out, self._at = self._decode(data, final=not data), 0
            if not data and not self._out:
                return 0
        start = self._at
        size = min(len(buffer), len(self._out) - start)
        buffer[:size] = memoryview(self._out)[start : start + size]
        self._at = start + size
        return size

    def _chunk(self) -> bytes | None:
        """The next chunk of the source, checked against the limits; ``b""`` once, at the end."""
        if self._ended:
            return None
        name, limits = self.source.name, self._limits
        try:
            data = self._raw.read(self._step)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise DataError(f"{name}: the zip member is corrupt ({exc})") from None
        if not data:
            self._ended = True
            return b""
        self.size += len(data)
        if self._hashing:
            self._hash.update(data)
        if self.size > limits.file_bytes:
            raise DataError(
                f"{name} holds more than {limits.file_bytes:,} bytes, the most a spend file"
                " may hold (raise it with --max-file-bytes)"
            )
        packed = self.source.compressed
        if packed is not None and self.size > _RATIO_FROM and self.size > limits.zip_ratio * packed:
            raise DataError(
                f"{name} decompresses to more than {limits.zip_ratio} times its compressed"
                f" size ({packed:,} bytes), the most a spend file may (a zip bomb?; raise it"
                " with --max-zip-ratio)"
            )
        self._check_lines(data)
        return data

    def _check_lines(self, data: bytes) -> None:
        # A line longer than the limit spans a stretch with no line end; chunks are
        # no longer than the limit's worth, so only the runs across chunks count.
        ends = [at for at in (data.find(b"\n"), data.find(b"\r")) if at >= 0]
        if not ends:
            self._run += len(data)
        else:
            self._run += min(ends)
            self._refuse_long_line()
            self._run = len(data) - 1 - max(data.rfind(b"\n"), data.rfind(b"\r"))
        self._refuse_long_line()

    def _refuse_long_line(self) -> None:
        if self._run > self._limits.line_bytes:
            raise DataError(
                f"{self.source.name} has a line longer than {self._limits.line_bytes:,} bytes,"
                " the most a spend file's line may hold (raise it with --max-line-bytes)"
            )

    def _decode(self, data: bytes, *, final: bool) -> bytes:
        if self._given is not None:
            try:
                return self._given.decode(data, final).encode()
            except UnicodeDecodeError as exc:
                raise DataError(
                    f"{self.source.name} is not {self.encoding} text (byte"
                    f" {self.size - len(data) + exc.start:,} cannot be decoded); name its"
                    " encoding with --encoding"
                ) from None
        if self.encoding == _CP1252:
            return self._windows_1252(data) if self._as_read else self._cp1252(data)
        data = self._held + data
        if data.isascii():
            self._held = b""
            return data
        try:
            _, used = codecs.utf_8_decode(data, "strict", final)
        except UnicodeDecodeError as exc:
            if self._decided or not data[: exc.start].isascii():
                raise DataError(
                    f"{self.source.name} mixes encodings: its text is UTF-8 up to byte"
                    f" {self.size - len(data) + exc.start:,}, which is not; name the"
                    " encoding with --encoding"
                ) from None
            self.encoding, self._held = _CP1252, b""
            return self._windows_1252(data) if self._as_read else self._cp1252(data)
        self._decided = self._decided or not data[:used].isascii()
        self._held = data[used:]
        return data[:used]

    def _cp1252(self, data: bytes) -> bytes:
        try:
            return data.decode("cp1252").encode()
        except UnicodeDecodeError as exc:
            raise self._neither(data, exc.start) from None

    def _windows_1252(self, data: bytes) -> bytes:
        """``data`` as read, for a text layer decoding Windows-1252, once checked it can."""
        found = [at for at in map(data.find, _NOT_CP1252) if at >= 0]
        if found:
            raise self._neither(data, min(found))
        return data

    def _neither(self, data: bytes, start: int) -> DataError:
        return DataError(
            f"{self.source.name} is not UTF-8 or Windows-1252 text (byte"
            f" {self.size - len(data) + start:,} is neither); name its encoding"
            " with --encoding"
        )


class Opened(NamedTuple):
    """A source open as text, and what reads it (its size, encoding and hash when done)."""

    text: io.TextIOWrapper
    bytes: _Bounded


def open_source(
    source: Source, limits: Limits, encoding: str | None, *, hashing: bool = False
) -> Opened:
    """``source`` as a text stream of whole lines, bounded by ``limits`` (see the module).

    ``encoding`` (``--encoding``) replaces the choice between UTF-8 and
    Windows-1252; one Python does not know, or that is not a text encoding, is a
    :class:`UsageError`.
    """
    codec = None
    if encoding is not None:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"--encoding: unknown text encoding {encoding!r}") from None
        if not info._is_text_encoding:  # e.g. 'hex' or 'rot13'
            raise UsageError(f"--encoding: {encoding!r} is not a text encoding") from None
        codec = info.name
    try:
        raw = source.open()
    except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
        raise _unreadable(source.name, exc) from None
    bounded = _Bounded(source, raw, limits, codec=codec, hashing=hashing)
    if encoding is not None:
        bounded.encoding = encoding
    try:
        decoding = bounded.start()
    except BaseException:
        bounded.close()
        raise
    buffered = io.BufferedReader(bounded, buffer_size=_CHUNK)
    # What the bounded reader hands on is UTF-8, or Windows-1252 as read (see start).
    return Opened(io.TextIOWrapper(buffered, encoding=decoding, newline=""), bounded)


def _unreadable(name: str, exc: BaseException) -> UsageError | DataError:
    if isinstance(exc, OSError):
        return UsageError(f"cannot read {name}: {exc.strerror or exc}")
    if isinstance(exc, NotImplementedError):  # a compression method zipfile lacks
        return DataError(f"{name}: the zip member uses an unsupported compression ({exc})")
    if "encrypted" in str(exc):
        return DataError(f"{name}: the zip member is encrypted; decrypt it first")
    return DataError(f"{name}: the zip member cannot be read ({exc})")
