"""The Dask recipe in the millions-of-lines how-to runs as printed, on a real engine.

The script block is written to a file and run as a script (``spawn`` re-imports
it in each worker process), with a two-worker ``LocalCluster`` on Manchester's
twelve monthly files, and its answer is compared with the single-process
``socialvalue assess`` on the same zip: every supplier, obligation and total.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "docs" / "how-to" / "millions-of-spend-lines.md"
DATA = ROOT.parent / "shared" / "data" / "manchester-spend-2020-21.zip"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def recipe() -> str:
    """The page's script: the one block with a ``__main__`` guard."""
    scripts = [b for b in BLOCK.findall(PAGE.read_text(encoding="utf-8")) if "__main__" in b]
    assert len(scripts) == 1
    return scripts[0]


def rows(text: str) -> dict[str, tuple[str, str]]:
    return {
        r["supplier_id"]: (r["obligation"], r["total"]) for r in csv.DictReader(io.StringIO(text))
    }


def test_the_recipe_guards_its_main_and_uses_a_local_cluster_or_an_address() -> None:
    script = recipe()
    assert 'if __name__ == "__main__":' in script
    assert "LocalCluster(n_workers=2" in script
    assert "Client(address)" in script
    assert "float" not in script


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="needs dask")
@pytest.mark.skipif(not DATA.exists(), reason=f"{DATA.name} is not in {DATA.parent}")
def test_the_recipe_on_two_worker_processes_agrees_with_assess(tmp_path: Path) -> None:
    script = tmp_path / "assess_region.py"
    script.write_text(recipe(), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script), str(DATA), "2020/21"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assess = ["assess", str(DATA), "--year", "2020/21", "--format", "csv"]
    single = subprocess.run(
        [sys.executable, "-m", "socialvalue", *assess],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    on_dask, in_one = rows(run.stdout), rows(single.stdout)
    assert len(on_dask) > 3000
    assert on_dask == in_one
    assert list(on_dask) == list(in_one)  # the same natural id order
    assert "'review'" in run.stderr  # the counts main() returns
