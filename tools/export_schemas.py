"""Write every document kind's JSON Schema into a folder: ``make schemas``.

Usage: ``python tools/export_schemas.py docs/schemas``. The text comes from
``socialvalue.documents.export_schemas()`` (the domain does no I/O, so the writing
happens here); ``.json`` files in the folder that no kind produces are removed, so
the folder mirrors ``SCHEMA_KINDS`` exactly. ``tests/test_schema_agreement.py``
fails when ``docs/schemas/`` differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from socialvalue.documents import export_schemas


def main(argv: list[str]) -> int:
    """Export the schemas into ``argv[0]``; print one line per file written or removed."""
    if len(argv) != 1:
        print("usage: python tools/export_schemas.py FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    texts = export_schemas()
    for stale in sorted(folder.glob("*.json")):
        if stale.name not in texts:
            stale.unlink()
            print(f"removed {stale}")
    for name, text in texts.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
