"""Where Dask starts to pay: the how-to's recipe on two workers against one process.

The recipe is the script in docs/how-to/millions-of-spend-lines.md, run as written:
each task reads one of Manchester's monthly files (2020/21, 34,155 rows over twelve
files, in ../shared/data) and sums its suppliers exactly. The work is the year's
twelve files repeated ``copies`` times, as a region's councils or years would be.
One process runs the same function over the same files in a loop; Dask runs it on a
``LocalCluster`` of two worker processes, timed with and without the cluster's
start-up. Best of two, interleaved, in the same run.
"""

from __future__ import annotations

import re
import time
import types
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "how-to" / "millions-of-spend-lines.md"
NAME = "manchester-spend-2020-21.zip"
DATA = ROOT.parent / "shared" / "data" / NAME
COPIES = (1, 4)
RUNS = 2


def _recipe() -> types.ModuleType:
    """The how-to's script as a module the workers cannot import.

    Not in ``sys.modules``, so its functions travel to the workers by value
    (cloudpickle), as a script's do.
    """
    blocks = re.findall(r"^```python\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.S | re.M)
    module = types.ModuleType("assess_region_recipe")
    exec(next(b for b in blocks if "__main__" in b), module.__dict__)
    return module


def _one_process(recipe: Any, members: list[str]) -> int:
    parts = [recipe.file_totals(str(DATA), m, "2020/21") for m in members]
    return sum(len(totals) for totals, _ in parts)


def _on_dask(recipe: Any, client: Any, members: list[str]) -> int:
    futures = client.map(
        recipe.file_totals, [str(DATA)] * len(members), members, year="2020/21", pure=False
    )
    return sum(len(totals) for totals, _ in client.gather(futures))


def run() -> str:
    if not DATA.exists():
        return f"## Dask against one process\n\nSkipped: {DATA} is not there."
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        return "## Dask against one process\n\nSkipped: dask is not installed."
    recipe = _recipe()
    year = recipe.csv_members(str(DATA))
    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    client = Client(cluster)
    client.submit(sum, [1]).result()  # the workers are up
    start_up = time.perf_counter() - start
    rows = []
    try:
        for copies in COPIES:
            members = year * copies
            single, dask = [], []
            for _ in range(RUNS):
                began = time.perf_counter()
                _one_process(recipe, members)
                single.append(time.perf_counter() - began)
                began = time.perf_counter()
                _on_dask(recipe, client, members)
                dask.append(time.perf_counter() - began)
            rows.append((copies, len(members), min(single), min(dask)))
    finally:
        client.close()
        cluster.close()
    lines = [
        "## Dask against one process (the how-to's recipe)",
        "",
        f"Manchester City Council's 2020/21 spend ({NAME}: 34,155 rows in twelve monthly"
        " files), the twelve files repeated to make the work bigger; each file one task."
        f" Best of {RUNS} interleaved runs. Starting a two-worker `LocalCluster`"
        f" took {start_up:.1f} s.",
        "",
        "| files | rows | one process | Dask, 2 workers | Dask with start-up |",
        "|---|---|---|---|---|",
    ]
    crossover = None
    for copies, files, single_time, dask_time in rows:
        with_start = dask_time + start_up
        if crossover is None and with_start < single_time:
            crossover = files
        lines.append(
            f"| {files} | {34_155 * copies:,} | {single_time:.1f} s | {dask_time:.1f} s"
            f" | {with_start:.1f} s |"
        )
    lines += [
        "",
        "Crossover (Dask with its start-up faster than one process): "
        + (
            f"from {crossover} files here."
            if crossover
            else f"not reached at {rows[-1][1]} files on this machine."
        )
        + " The machine's two cores are shared with other work, so two workers can do at"
        " most twice as well; a cluster of several machines moves the crossover down.",
    ]
    return "\n".join(lines)
