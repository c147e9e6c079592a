"""Built-in policies: real bodies' threshold rules as plain frozen objects.

Each module cites its source. :func:`socialvalue.default_policy` returns the
Greater Manchester policing-and-crime policy (:mod:`.gm_policing`).
"""

from __future__ import annotations

from socialvalue.policies.gm_policing import default_policy

__all__ = ["default_policy"]
