"""Files written safely and read within bounds (issue 15 item 7).

``schema --all DIR`` refuses to write through a symbolic link and replaces each
file whole; ``validate --max-bytes`` takes a bounded limit and reads a file a chunk
at a time, so the limit costs nothing on a small file.
"""

from __future__ import annotations

import io
import json
import os
import stat
import tracemalloc
from pathlib import Path

import pytest

from socialvalue import documents
from socialvalue.cli import main
from socialvalue.cli._input import MAX_BYTES_CEILING, JsonProblem, UsageError, read_bytes

from .test_cli import Run, write

SUPPLIER = (Path(__file__).parent / "examples" / "supplier" / "minimal.json").read_text(
    encoding="utf-8"
)


# schema --all ------------------------------------------------------------------


def test_schema_all_refuses_a_link_and_writes_nothing(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "supplier.json").symlink_to(victim)
    run = Run(["schema", "--all", str(out)])
    assert run.code == 2
    assert "symbolic link" in run.err
    assert "supplier.json" in run.err
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in out.iterdir()) == ["supplier.json"]


def test_schema_all_refuses_a_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "bid.json").symlink_to(tmp_path / "nowhere" / "bid.json")
    run = Run(["schema", "--all", str(tmp_path)])
    assert run.code == 2
    assert not (tmp_path / "nowhere").exists()


def test_schema_all_replaces_files_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "supplier.json").write_text("old", encoding="utf-8")
    assert Run(["schema", "--all", str(tmp_path)]).code == 0
    exported = documents.export_schemas()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(exported)
    for name, text in exported.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
    umask = os.umask(0)
    os.umask(umask)
    mode = stat.S_IMODE((tmp_path / "supplier.json").stat().st_mode)
    assert mode == 0o666 & ~umask


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bid.json").write_text("old", encoding="utf-8")

    def refuse(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    run = Run(["schema", "--all", str(tmp_path)])
    assert run.code == 2
    assert "No space left on device" in run.err
    assert (tmp_path / "bid.json").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bid.json"]


# validate --max-bytes ---------------------------------------------------------------


@pytest.mark.parametrize("limit", ["5000000000", "99999999999999999999", "9" * 5000, "-1"])
def test_max_bytes_beyond_the_ceiling_is_a_usage_error(
    tmp_path: Path, limit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate", "supplier", "--max-bytes", limit, write(tmp_path, "s.json", SUPPLIER)])
    assert info.value.code == 2
    assert f"from 1 to {MAX_BYTES_CEILING:,}" in capsys.readouterr().err


def test_the_ceiling_itself_costs_nothing_on_a_small_file(tmp_path: Path) -> None:
    name = write(tmp_path, "s.json", SUPPLIER)
    run = Run(["validate", "supplier", "--max-bytes", str(MAX_BYTES_CEILING), name])
    assert run.code == 0, run.out + run.err
    tracemalloc.start()
    try:
        read_bytes(name, MAX_BYTES_CEILING, io.StringIO())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024


@pytest.mark.parametrize("size", [1, 1024 * 1024, 2 * 1024 * 1024 + 17])
def test_a_file_of_the_limit_is_read_and_one_byte_more_is_refused(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"7" * size)
    assert read_bytes(str(path), size, io.StringIO()) == b"7" * size
    path.write_bytes(b"7" * (size + 1))
    with pytest.raises(JsonProblem) as raised:
        read_bytes(str(path), size, io.StringIO())
    assert raised.value.issue.code == "document.too_large"


def test_standard_input_is_read_within_the_limit_too() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps({"a": 1}).encode("utf-8")))
    assert read_bytes("-", 100, stdin) == b'{"a": 1}'
    stdin = io.TextIOWrapper(io.BytesIO(b"x" * 101))
    with pytest.raises(JsonProblem):
        read_bytes("-", 100, stdin)


@pytest.mark.parametrize("limit", [0, MAX_BYTES_CEILING + 1])
def test_read_bytes_refuses_a_limit_outside_its_bounds(tmp_path: Path, limit: int) -> None:
    with pytest.raises(UsageError, match="byte limit"):
        read_bytes(write(tmp_path, "s.json", SUPPLIER), limit, io.StringIO())
