"""Lazy package attributes (PEP 562), so that importing a package imports nothing else.

A package lists each exported name with the module that defines it and hands the
table to :func:`attach`; the module is imported the first time the name is read,
and the value is then kept in the package's namespace, so later reads cost nothing.
``import socialvalue`` therefore loads no area until one is used, and a program that
only loads Review submissions never imports the tender or report areas.

Type checkers and the documentation do not run ``__getattr__``: each package also
imports the same names under ``if TYPE_CHECKING:``, and a test keeps that block and
the table in agreement.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

__all__ = ["attach"]


def attach(
    namespace: MutableMapping[str, Any], table: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for the package whose ``globals()`` is ``namespace``.

    ``table`` maps each module (a full dotted name) to the names it gives the
    package; a name equal to the module's last part, with the module listed as
    giving it, stands for the module itself (``socialvalue.frameworks``).
    """
    package = namespace["__name__"]
    origin = {name: module for module, names in table.items() for name in names}

    def getattr_(name: str) -> Any:
        try:
            module_name = origin[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        module = importlib.import_module(module_name)
        value = module if module_name == f"{package}.{name}" else getattr(module, name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *origin})

    return getattr_, dir_
