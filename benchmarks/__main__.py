"""Run the benchmarks and record their figures in docs/performance.md."""

from __future__ import annotations

import importlib
import pathlib
import platform
import re
import sys

HERE = pathlib.Path(__file__).parent
DOC = HERE.parent / "docs" / "performance.md"


def _names() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def _record(name: str, section: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{begin}\n{section.strip()}\n\n_Machine: {platform.python_implementation()} "
    block += f"{platform.python_version()} on {platform.machine()}, {_cores()} cores._\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else f"{text}\n{block}\n"
    DOC.write_text(text, encoding="utf-8")


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def main(argv: list[str]) -> int:
    names = argv or _names()
    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        print(f"== {name}", flush=True)
        section = module.run()
        print(section, flush=True)
        _record(name, section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
