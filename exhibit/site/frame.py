"""The frame every page of the website shares: head, skip link, language links, landmarks.

No script, no font or file from another host: every page stands alone with the site's one
stylesheet, and reads the same printed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..text import clean
from .words import SiteWords, language_name


def text(value: str) -> str:
    """Curator text made safe for HTML: control characters dropped, markup escaped."""
    return html.escape(clean(value))


@dataclass(frozen=True)
class Alternate:
    """The same page in another language."""

    language: str
    href: str


@dataclass(frozen=True)
class Frame:
    """What a page needs besides its own content."""

    language: str
    words: SiteWords
    site_title: str
    home: str
    """The contents page, relative to this page."""
    stylesheet: str
    alternates: tuple[Alternate, ...] = ()


def page(frame: Frame, title: str, main: str, footer: str = "") -> str:
    """A whole HTML document: `main` is the page's own content (with its h1). The title is the
    page's alone (the exhibit's is in the header): validators and tabs want it short."""
    words = frame.words
    alternates = "".join(
        f'<link rel="alternate" hreflang="{a.language}" href="{a.href}">\n'
        for a in frame.alternates
    )
    languages = ""
    if frame.alternates:
        links = "".join(
            f'<li><a href="{a.href}" hreflang="{a.language}" lang="{a.language}">'
            f"{text(language_name(a.language))}</a></li>"
            for a in frame.alternates
        )
        languages = f'<nav aria-label="{text(words.LANGUAGES)}"><ul>{links}</ul></nav>\n'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{frame.language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n"
        f'<link rel="stylesheet" href="{frame.stylesheet}">\n{alternates}</head>\n<body>\n'
        f'<a class="skip" href="#main">{text(words.SKIP)}</a>\n'
        f'<header>\n<p class="site-title"><a href="{frame.home}">{text(frame.site_title)}</a>'
        f"</p>\n{languages}</header>\n"
        f'<main id="main">\n{main}</main>\n'
        f"{f'<footer>{footer}</footer>' if footer else ''}\n</body>\n</html>\n"
    )
