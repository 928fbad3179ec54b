"""The exhibit as a static, accessible website (`kiosk site DIR`): no Textual, no script."""

from .writer import SiteReport, write_site

__all__ = ["SiteReport", "write_site"]
