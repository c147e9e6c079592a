"""Benchmarks: each ``bench_*.py`` module measures one target against its floor.

Run all with ``make bench`` or one with ``python -m benchmarks money``. Each module
has ``run() -> str``, returning a Markdown section that the runner writes between
``<!-- bench:NAME -->`` markers in ``docs/performance.md``. Targets are checked
here, never by timed assertions in the tests.
"""
