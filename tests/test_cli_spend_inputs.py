"""``socialvalue assess`` over several files, within limits, and with hostile names shown safely.

Issue 14 items 8 to 10: a year published month by month is read as one stream with
each file named; the same file given twice is refused; zips are bounded (size,
compression ratio, line length) and their faults are one-line errors; names and
messages never pass control characters or bidirectional overrides to the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import IO

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from socialvalue.cli import main
from socialvalue.cli._input import DataError, UsageError
from socialvalue.cli._render import escaped
from socialvalue.cli._spend_files import Limits, Source, open_source

HEADER = "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount\n"


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.TextIOWrapper(io.BytesIO(stdin)))
    return code, out.getvalue(), err.getvalue()


def month(folder: Path, name: str, *rows: str) -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def test_several_files_are_one_stream_each_named(tmp_path: Path) -> None:
    april = month(tmp_path, "2025-04.csv", "Acme Ltd,1,2025-04-10,30000.00")
    may = month(
        tmp_path, "2025-05.csv", "ACME LIMITED,1,2025-05-10,20000.00", "Bolt,2,2025-05-11,5"
    )
    code, out, err = run("assess", str(april), str(may), "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert [(f["name"], f["reconciliation"]["rows_read"]) for f in report["files"]] == [
        (str(april), 1),
        (str(may), 2),
    ]
    acme = next(a for a in report["assessments"] if a["supplier_id"] == "1")
    assert (acme["total"], acme["obligation"]) == ("50000.00", "review")
    assert acme["spellings"] == "Acme Ltd | ACME LIMITED"
    code, out, _ = run("assess", str(april), str(may))
    assert "Acme Ltd (+1 spelling)" in out
    assert f"  {may}: 2 rows read, 2 lines assessed (£20,005.00)" in out


def test_a_folder_is_its_spend_files_in_name_order(tmp_path: Path) -> None:
    month(tmp_path, "2025-05.csv", "Acme Ltd,1,2025-05-10,bad")
    month(tmp_path, "2025-04.csv", "Acme Ltd,1,2025-04-10,30000.00", "Acme Ltd,1,2025-04-11,1")
    (tmp_path / "notes.txt").write_text("not spend", encoding="utf-8")
    code, _, err = run("assess", str(tmp_path))
    # Row numbers are the file's own: row 2 of the second file read.
    assert code == 1
    assert f"{tmp_path / '2025-05.csv'}: row 2: Amount:" in err
    code, out, err = run("assess", str(tmp_path), "--skip-bad-rows")
    assert code == 0, err
    assert "2 files in layout transparency-code" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("assess", str(empty))
    assert (code, err.strip()) == (
        1,
        f"socialvalue assess: error: {empty} holds no spend file (*.csv or *.zip)",
    )


def test_the_same_file_twice_is_refused_by_its_content(tmp_path: Path) -> None:
    april = month(tmp_path, "2025-04.csv", "Acme Ltd,1,2025-04-10,30000.00")
    copy = tmp_path / "copy-of-april.csv"
    copy.write_bytes(april.read_bytes())
    for files in ((april, april), (april, copy)):
        code, out, err = run("assess", *map(str, files))
        assert (code, out) == (1, "")
        assert f"{files[1]} has the same content as {april}" in err
    zipped = tmp_path / "year.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(april, "april.csv")
    code, _, err = run("assess", str(april), str(zipped))
    assert code == 1
    assert f"{zipped}:april.csv has the same content as {april}" in err
    # Two payments alike in two different files are two payments.
    other = month(tmp_path, "2025-05.csv", "Acme Ltd,1,2025-04-10,30000.00", "")
    code, out, err = run("assess", str(april), str(other), "--format", "csv")
    assert (code, err) == (0, "")
    # The policy's provenance comes first, as `#` comment lines.
    (acme,) = csv.DictReader(line for line in io.StringIO(out) if not line.startswith("#"))
    assert (acme["supplier_id"], acme["total"], acme["line_count"]) == ("1", "60000.00", "2")


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.zip", {"a.csv": HEADER.encode() + b"," * 8_000_000})
    code, _, err = run("assess", str(bomb))
    assert code == 1
    assert f"{bomb}:a.csv decompresses to more than 100 times its compressed size" in err
    assert "--max-zip-ratio" in err


def test_size_and_line_length_are_capped(tmp_path: Path) -> None:
    rows = HEADER + "Acme Ltd,1,2025-04-10,30000.00\n" * 10
    spend = _zip(tmp_path / "spend.zip", {"a.csv": rows.encode()})
    code, _, err = run("assess", str(spend), "--max-file-bytes", "100")
    assert code == 1
    assert f"{spend}:a.csv holds more than 100 bytes" in err
    long = tmp_path / "long.csv"
    long.write_text(HEADER + "A" * 5000 + ",1,2025-04-10,1\n", encoding="utf-8")
    code, _, err = run("assess", str(long), "--max-line-bytes", "1000")
    assert code == 1
    assert f"{long} has a line longer than 1,000 bytes" in err
    code, _, err = run("assess", str(long), "--max-line-bytes", "0")
    assert code == 2
    assert "must be 1 or more" in err


def _patched(path: Path, offset_of: bytes, at: int, value: bytes) -> None:
    data = bytearray(path.read_bytes())
    start = data.index(offset_of) + at
    data[start : start + len(value)] = value
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("encrypted", "the zip member is encrypted; decrypt it first"),
        ("method", "the zip member uses an unsupported compression"),
        ("corrupt", "the zip member is corrupt"),
    ],
)
def test_zip_member_faults_are_one_line_errors(tmp_path: Path, fault: str, message: str) -> None:
    rows = HEADER + "".join(f"Acme Ltd,1,2025-04-10,{n}.00\n" for n in range(2000))
    spend = _zip(tmp_path / "spend.zip", {"a.csv": rows.encode()})
    if fault == "encrypted":  # the general-purpose flag's bit 0, in both headers
        _patched(spend, b"PK\x03\x04", 6, b"\x01")
        _patched(spend, b"PK\x01\x02", 8, b"\x01")
    elif fault == "method":  # compression method 99 (AES), which zipfile lacks
        _patched(spend, b"PK\x03\x04", 8, b"\x63")
        _patched(spend, b"PK\x01\x02", 10, b"\x63")
    else:  # the deflated bytes damaged after the first kilobyte
        _patched(spend, b"PK\x03\x04", 30 + len("a.csv") + 1024, b"\xff" * 64)
    code, out, err = run("assess", str(spend))
    assert (code, out) == (1, "")
    assert err.startswith(f"socialvalue assess: error: {spend}:a.csv: {message}")
    assert err.count("\n") == 1


def test_windows_1252_after_ascii_and_mixed_encodings(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        (HEADER + "Café Ltd,1,2025-04-10,£5\n").encode("cp1252").replace(b"\xa3", b"")
    )
    code, out, err = run("assess", str(latin))
    assert code == 0, err
    assert "Café Ltd" in out
    assert "Windows-1252" in out
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(
        HEADER.encode() + "Café Ltd,1,2025-04-10,5\n".encode() + b"Caf\xe9 Ltd,1,2025-04-10,5\n"
    )
    code, _, err = run("assess", str(mixed))
    assert code == 1
    assert f"{mixed} mixes encodings: its text is UTF-8 up to byte" in err
    code, out, err = run("assess", str(mixed), "--encoding", "latin-1")
    assert code == 0, err


def test_stdin_is_read_as_a_stream(tmp_path: Path) -> None:
    code, out, err = run("assess", "-", stdin=(HEADER + "Acme Ltd,1,2025-04-10,5\n").encode())
    assert (code, err) == (0, "")
    assert "Acme Ltd" in out


HOSTILE = "Acme\x1b[2J\x07 Ltd \u202egnp.exe\u2066"


def test_control_and_bidi_characters_are_escaped_in_the_table_and_messages(
    tmp_path: Path,
) -> None:
    spend = month(tmp_path, "spend.csv", f"{HOSTILE},1,2025-04-10,5", f"{HOSTILE},1,2025-04-10,x")
    code, out, err = run("assess", str(spend), "--skip-bad-rows")
    assert code == 0, err
    assert "Acme\\x1b[2J\\x07 Ltd \\u202egnp.exe\\u2066" in out
    for raw in ("\x1b", "\x07", "\u202e", "\u2066"):
        assert raw not in out
    # A message quoting the name: an id that is not an id.
    bad = month(tmp_path, "bad.csv", f"Acme Ltd,{HOSTILE},2025-04-10,5")
    code, _, err = run("assess", str(bad))
    assert code == 1
    assert "\x1b" not in err
    assert "\u202e" not in err
    hostile_name = tmp_path / "evil\u202ecod.csv"
    code, _, err = run("assess", str(hostile_name))
    assert code == 2
    assert "evil\\u202ecod.csv" in err


def test_escaped_leaves_ordinary_text_alone() -> None:
    assert escaped("Café & Co — Ltd, 東京") == "Café & Co — Ltd, 東京"
    assert escaped("\x00\x9b\u200e\u2029") == "\\x00\\x9b\\u200e\\u2029"


def _text_of(data: bytes, **options: object) -> str:
    source = Source("test.csv", lambda: io.BytesIO(data))
    opened = open_source(source, Limits(), None, **options)  # type: ignore[arg-type]
    try:
        return opened.text.read()
    finally:
        opened.text.close()


def test_bytes_neither_encoding_reads_are_refused_naming_the_byte() -> None:
    # 0x81 is not Windows-1252 either (it is undefined there).
    with pytest.raises(DataError, match=r"test.csv is not UTF-8 or Windows-1252 text \(byte 4 "):
        _text_of(b"a,b\n\x81\n")


def test_a_utf_8_sequence_cut_at_the_end_of_the_file() -> None:
    # Cut before anything else was not ASCII: the file is Windows-1252.
    assert _text_of(b"a,b\nx\xc3") == "a,b\nx\u00c3"
    # Cut after UTF-8 text: the file mixes encodings.
    with pytest.raises(DataError, match="mixes encodings"):
        _text_of("é,b\n".encode() + b"x\xc3")


def _by_the_rule(data: bytes) -> str:
    """The module's rule for a whole file: UTF-8, else Windows-1252 if all before is ASCII."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not data[: exc.start].isascii():
            return "mixes encodings"
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        return f"(byte {exc.start} is neither)"


PIECES = st.sampled_from([b"a", b"Acme", b",", b"1.00", "é".encode(), b"\xe9", b"\xa3", b"\x81"])


@given(
    st.lists(st.lists(PIECES, max_size=12).map(b"".join), max_size=12).map(b"\n".join),
    st.integers(min_value=48, max_value=200),
)
# The first chunk all ASCII, so the text layer decodes UTF-8; then Windows-1252, and a
# byte neither encoding has.
@example(b"a,b\n" * 20 + b"\xa3\n\x81\n", 48)
def test_a_file_read_chunk_by_chunk_is_decoded_as_the_rule_says(data: bytes, step: int) -> None:
    """Whichever chunk first shows the encoding, and however it is handed on, the text is one."""
    source = Source("test.csv", lambda: io.BytesIO(data))
    try:
        opened = open_source(source, Limits(line_bytes=step), None)
        try:
            got = opened.text.read()
        finally:
            opened.text.close()
    except DataError as exc:
        got = str(exc)
    expected = _by_the_rule(data)
    if expected.startswith(("mixes", "(byte")):
        assert expected in got.replace(",", "")
    else:
        assert got == expected


def test_a_multibyte_character_split_between_chunks_is_read_whole() -> None:
    # é's first byte is the last of the first megabyte read.
    data = (b"a" * 1023 + b"\n") * 1023 + b"a" * 1023 + "é\n".encode()
    assert data.index(b"\xc3") == 1024 * 1024 - 1
    assert _text_of(data).endswith("é\n")


@pytest.mark.parametrize(
    ("raised", "expected", "message"),
    [
        (OSError(13, "Permission denied"), UsageError, "cannot read test.csv: Permission denied"),
        (RuntimeError("Bad password for file"), DataError, "the zip member cannot be read"),
    ],
)
def test_a_source_that_cannot_be_opened(
    raised: Exception, expected: type[Exception], message: str
) -> None:
    def fail() -> IO[bytes]:
        raise raised

    with pytest.raises(expected, match=message):
        open_source(Source("test.csv", fail), Limits(), None)


def test_an_archive_that_is_not_a_zip_is_a_usage_error(tmp_path: Path) -> None:
    fake = tmp_path / "spend.zip"
    fake.write_bytes(b"not a zip")
    code, _, err = run("assess", str(fake))
    assert code == 2
    assert f"cannot read {fake}: File is not a zip file" in err
    empty = _zip(tmp_path / "empty.zip", {"notes.txt": b"none"})
    code, _, err = run("assess", str(empty))
    assert (code, err.strip()) == (2, f"socialvalue assess: error: {empty} holds no .csv file")
