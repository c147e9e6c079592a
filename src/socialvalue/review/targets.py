"""Measure targets, as the Review area names them.

:class:`~socialvalue.targets.MeasureTarget` is defined in :mod:`socialvalue.targets`,
a core module, so that contracts can hold KPIs; this module keeps the name where
the Review area has always offered it.
"""

from __future__ import annotations

from socialvalue.targets import MeasureTarget

__all__ = ["MeasureTarget"]
