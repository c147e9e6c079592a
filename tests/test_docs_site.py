"""The documentation site's build hook lists every exported schema."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parent.parent


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_schema_table_links_each_file(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "supplier.json").write_text(
        json.dumps({"title": "Supplier | org"}), encoding="utf-8"
    )
    (tmp_path / "schemas" / "broken.json").write_text("{", encoding="utf-8")
    table = hooks().table(tmp_path / "schemas", tmp_path / "reference")
    assert "| `supplier` | Supplier \\| org | [supplier.json](../schemas/supplier.json) |" in table
    assert "| `broken` |  | [broken.json](../schemas/broken.json) |" in table


def test_schema_table_without_schemas(tmp_path: Path) -> None:
    assert "make schemas" in hooks().table(tmp_path / "none", tmp_path)


def test_the_marker_is_replaced_only_on_its_page() -> None:
    module = hooks()

    class File:
        src_uri = "reference/schemas.md"

    class Page:
        file = File()

    config = {"docs_dir": str(ROOT / "docs")}
    assert module.on_page_markdown("no marker", Page(), config, None) == "no marker"
    assert module.MARKER not in module.on_page_markdown(module.MARKER, Page(), config, None)


def test_the_site_has_no_hand_written_nav() -> None:
    # Pages written by any area appear by being written; a nav list would hide them.
    assert "\nnav:" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
