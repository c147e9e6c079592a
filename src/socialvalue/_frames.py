"""pandas frames whose exact decimal columns ``describe()`` as pandas's numbers do.

Imported only by :func:`socialvalue._records.records_frame`, so that pandas and
pyarrow (the ``pandas`` extra) load only when a caller asks for a frame.

Why a subclass: pandas (2.3 to 3.1) cannot ``describe()`` an Arrow decimal column;
it builds the summary as ``float64[pyarrow]`` from a NumPy count and ``Decimal``
statistics, which pyarrow refuses. The data stay exact decimals; only the summary,
whose standard deviation and quartiles are not exact decimals anyway, is computed
from the columns read as ``float64[pyarrow]`` (each value the float nearest
it), as pandas computes it for any other
numeric column.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa

__all__ = ["RecordsFrame", "RecordsSeries"]


def _is_decimal(dtype: object) -> bool:
    return isinstance(dtype, pd.ArrowDtype) and pa.types.is_decimal(dtype.pyarrow_dtype)


def _floats(column: Any) -> Any:
    """``column`` as ``float64[pyarrow]``, each value the float nearest its decimal.

    Arrow's own cast divides by a power of ten in floating point, so £5,125.40
    would show as 5125.400000000001; Python's ``float(Decimal)`` rounds correctly.
    """
    values = [None if value is pd.NA else float(value) for value in column.array]
    return pd.Series(values, index=column.index, name=column.name, dtype="float64[pyarrow]")


class RecordsSeries(pd.Series):  # type: ignore[misc]
    """A column of a :class:`RecordsFrame`; ``describe()`` works on exact decimals."""

    @property
    def _constructor(self) -> type[RecordsSeries]:
        return RecordsSeries

    @property
    def _constructor_expanddim(self) -> type[RecordsFrame]:
        return RecordsFrame

    def describe(self, *args: Any, **kwargs: Any) -> Any:
        """The summary pandas gives; a decimal column is summarised from its float values."""
        plain = pd.Series(self)
        if _is_decimal(self.dtype):
            plain = _floats(plain)
        return plain.describe(*args, **kwargs)


class RecordsFrame(pd.DataFrame):  # type: ignore[misc]
    """A ``pandas.DataFrame`` of records; ``describe()`` works on exact decimal columns.

    Everything else is pandas's own: sums, group-bys and comparisons on the decimal
    columns stay exact.
    """

    @property
    def _constructor(self) -> type[RecordsFrame]:
        return RecordsFrame

    @property
    def _constructor_sliced(self) -> type[RecordsSeries]:
        return RecordsSeries

    def describe(self, *args: Any, **kwargs: Any) -> Any:
        """The summary pandas gives; decimal columns are summarised from their float values."""
        plain = pd.DataFrame(self)
        for name, kind in self.dtypes.items():
            if _is_decimal(kind):
                plain[name] = _floats(plain[name])
        return plain.describe(*args, **kwargs)
