"""Where each page of the exhibit's website lives: one rule for the site writer, which names the
files, and for the kiosk's QR codes, which point at them.

A one-language exhibit keeps its pages at the top of the site; an exhibit in several languages
has one folder per language (en/, ja/) and, at the top, a page to choose among them.
"""

from __future__ import annotations

from ..model import Exhibit

INDEX = "index.html"
SOURCES = "sources.html"
STYLESHEET = "style.css"
MEDIA = "media"
"""The folder of the site's pictures, shared by every language."""


def language_folder(exhibit: Exhibit, language: str) -> str:
    """The folder of one language's pages, relative to the site ('' for a one-language
    exhibit, else 'en/', 'ja/'...)."""
    return f"{language}/" if len(exhibit.languages) > 1 else ""


def panel_file(panel_id: str) -> str:
    """A panel's page, inside its language's folder."""
    return f"{panel_id}.html"


def _address(exhibit: Exhibit, relative: str) -> str | None:
    base = exhibit.exhibit.site_url
    if not base:
        return None
    return base.rstrip("/") + "/" + relative


def panel_address(exhibit: Exhibit, panel_id: str, language: str = "") -> str | None:
    """The web address of a panel's page in `language`, or None when the exhibit names no
    site (`exhibit.site_url`)."""
    language = language or next(iter(exhibit.languages), "")
    return _address(exhibit, language_folder(exhibit, language) + panel_file(panel_id))


def exhibit_address(exhibit: Exhibit, language: str = "") -> str | None:
    """The web address of the exhibit's contents page in `language`, or None without a site."""
    language = language or next(iter(exhibit.languages), "")
    return _address(exhibit, language_folder(exhibit, language))
