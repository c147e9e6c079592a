"""Built-in measure catalogues (reference data, each citing its sources).

Only figures that a public source states are bundled; licensed tables (National
TOMs, HACT Social Value Bank) are loaded by users from their own data with
``socialvalue.load("measure-catalogue", document)``.
"""

from __future__ import annotations

from socialvalue.catalogues.gm_default import default_catalogue

__all__ = ["default_catalogue"]
