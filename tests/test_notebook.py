"""The example notebook is valid nbformat 4 and its code cells run, in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

NOTEBOOK = Path(__file__).parent.parent / "docs" / "notebooks" / "example.ipynb"


def load() -> dict[str, Any]:
    notebook: dict[str, Any] = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return notebook


def test_the_notebook_is_nbformat_4_without_stale_outputs() -> None:
    notebook = load()
    assert notebook["nbformat"] == 4
    kinds = {cell["cell_type"] for cell in notebook["cells"]}
    assert kinds <= {"markdown", "code"}
    for cell in notebook["cells"]:
        assert isinstance(cell["source"], list)
        if cell["cell_type"] == "code":
            assert cell["outputs"] == []
            assert cell["execution_count"] is None


def test_the_code_cells_run_and_their_results_display() -> None:
    namespace: dict[str, object] = {"__name__": "notebook"}
    shown = []
    for number, cell in enumerate(load()["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        exec(compile(source, f"example.ipynb[cell {number}]", "exec"), namespace)
        # A notebook displays a cell's last line when it is a bare name: check it can.
        last = source.strip().splitlines()[-1]
        if last.isidentifier():
            value = namespace[last]
            html = getattr(value, "_repr_html_", None)
            shown.append(html() if html is not None else repr(value))
    assert any("<table" in text for text in shown)
