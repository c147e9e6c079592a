"""MkDocs build hook: list every exported JSON Schema on the schema reference page.

`make schemas` (helper "documents") writes one file per document kind into
docs/schemas/. The page docs/reference/schemas.md holds the marker below; this hook
replaces it with a table linking each file, so a new kind appears without an edit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

MARKER = "<!-- schema-table -->"


def table(schemas_dir: Path, page_dir: Path) -> str:
    """A Markdown table of the schemas in ``schemas_dir``, linked relative to ``page_dir``."""
    files = sorted(schemas_dir.glob("*.json")) if schemas_dir.is_dir() else []
    if not files:
        return "_No schemas exported yet: run `make schemas`._"
    rows = ["| kind | title | file |", "|---|---|---|"]
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except ValueError:
            data = {}
        title = str(data.get("title", "")).replace("|", "\\|")
        link = Path(os.path.relpath(file, page_dir)).as_posix()
        rows.append(f"| `{file.stem}` | {title} | [{file.name}]({link}) |")
    return "\n".join(rows)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if MARKER not in markdown:
        return markdown
    docs = Path(config["docs_dir"])
    page_dir = (docs / page.file.src_uri).parent
    return markdown.replace(MARKER, table(docs / "schemas", page_dir))
