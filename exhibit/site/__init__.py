"""The exhibit as a static, accessible website (`kiosk site DIR`): no Textual, no script.

The writer is imported when first asked for: the kiosk's QR codes need only addresses.py,
and importing the writer (its HTML, words and frames) cost every kiosk start ~10 ms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .writer import SiteReport, write_site

__all__ = ["SiteReport", "write_site"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
