"""Greater Manchester by postcode: the districts inside the region and those across its edge.

A supplier known only by its postcode (``Location(None, "M1 1AA")``) is local when
its postcode district lies inside Greater Manchester's ten boroughs. Postcode
districts follow delivery rounds, not council boundaries, so some cross the edge of
the region: a supplier in one of those may be inside or not, and the library says
*uncertain* rather than guess (:meth:`~socialvalue.spend.suppliers.LocalArea.locality`).

Source: the "Coverage" tables of the Wikipedia articles "M postcode area", "BL
postcode area", "OL postcode area", "SK postcode area", "WN postcode area" and "WA
postcode area" (English Wikipedia; the copies read on 29 November 2026, whose
statistics are as at May 2020 from the ONS Postcode Directory, Office for National
Statistics). Each table lists every district of its area with the local authority
areas it covers; the articles call that coverage approximate. The rule applied:

- a district whose local authority areas are all Greater Manchester boroughs is
  *inside* (the whole ``M`` area: its article says its districts cover the ten
  boroughs, and every district listed is in one of them);
- a district listed with a Greater Manchester borough *and* an authority outside
  the region (Bolton and Chorley for ``BL6``, say) is *uncertain*;
- a district listed with authorities outside the region only is outside (``SK9``,
  Cheshire East; ``OL14``, Calderdale), as is every other postcode area.

The ``WA`` (Warrington) article says that the area covers "small parts of Greater
Manchester (including Altrincham)", but its district table was not in the copy
read, so the whole ``WA`` area is uncertain here rather than guessed district by
district. A body that knows better (``WA14`` and ``WA15`` are in Trafford for its
purposes, say) passes its own :class:`~socialvalue.spend.suppliers.LocalArea`.
Postcode districts change (Royal Mail adds and splits them): check the table against
the current ONS Postcode Directory before relying on it for a published figure.
"""

from __future__ import annotations

from typing import Final

__all__ = ["GM_POSTCODES", "GM_POSTCODES_UNCERTAIN"]

#: Postcode areas and districts wholly inside Greater Manchester (see the module's source).
GM_POSTCODES: Final[tuple[str, ...]] = (
    # M: Manchester, Salford and Sale post towns; every district in a GM borough.
    "M",
    # BL: Bolton and Bury (BL0, BL6 and BL7 cross into Lancashire).
    "BL1",
    "BL2",
    "BL3",
    "BL4",
    "BL5",
    "BL8",
    "BL9",
    # OL: Oldham, Tameside, Rochdale (OL12 crosses into Rossendale; OL13 is
    # Rossendale, OL14 Calderdale).
    "OL1",
    "OL2",
    "OL3",
    "OL4",
    "OL5",
    "OL6",
    "OL7",
    "OL8",
    "OL9",
    "OL10",
    "OL11",
    "OL15",
    "OL16",
    # SK: Stockport and Tameside (SK9 to SK13 and SK17 on are Cheshire East,
    # Staffordshire Moorlands and Derbyshire).
    "SK1",
    "SK2",
    "SK3",
    "SK4",
    "SK5",
    "SK6",
    "SK7",
    "SK8",
    "SK14",
    "SK15",
    "SK16",
    # WN: Wigan and Leigh (WN4 to WN6 cross into St Helens and West Lancashire;
    # WN8 is West Lancashire).
    "WN1",
    "WN2",
    "WN3",
    "WN7",
)

#: Postcode areas and districts that cross Greater Manchester's boundary: a supplier
#: there may be inside the region or not.
GM_POSTCODES_UNCERTAIN: Final[tuple[str, ...]] = (
    "BL0",  # Bury, Rossendale
    "BL6",  # Bolton, Chorley
    "BL7",  # Blackburn with Darwen, Bolton
    "OL12",  # Rochdale, Rossendale
    "WN4",  # Wigan, St Helens
    "WN5",  # Wigan, St Helens
    "WN6",  # Wigan, West Lancashire
    "WA",  # small parts of Greater Manchester; district table not read (see above)
)
