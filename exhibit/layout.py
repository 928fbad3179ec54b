"""The kiosk's layout numbers, written once: the stylesheet reads them as CSS variables
($page-padding, ...: layout_variables, handed to Textual by the app), the screens use the
breakpoints, and fit.py's check of the smallest screen computes with the same widths. Core:
no Textual here, so that `--check` can use them."""

from __future__ import annotations

SMALLEST = (80, 24)
"""The smallest screen the kiosk serves in full: columns, rows."""
TINY = (40, 12)
"""Below this many columns or rows a page cannot be read: it asks for a larger window."""
NARROW = 100
"""Below this many columns the images and facts move under the text, and the strip narrows."""
SHORT = 30
"""Below this many rows the timeline line is left out."""
COMPACT = 60
"""Below this many columns the strip names only the current panel, and the title screen
leaves out its introduction (also below COMPACT_ROWS rows)."""
COMPACT_ROWS = 20
WIDE = 150
"""From this many columns on, the page widens: the text column keeps its readable width and
the images and facts beside it take the rest (pictures grow with them)."""

PAGE_MAX_WIDTH = 128
"""The page's widest (header, heading, page, strip), centred on a wider screen."""
PAGE_MAX_WIDTH_WIDE = 176
"""The same from WIDE columns on."""
TEXT_MAX_WIDTH = 72
"""The text column's widest: about 70 characters a line are read most easily."""
ASIDE_MAX_WIDTH = 60
"""The images and facts beside the text, at their widest."""
ASIDE_MAX_WIDTH_WIDE = 88
"""The same from WIDE columns on."""

PAGE_PADDING = 2
"""Columns of padding each side of the header, heading, page and strip."""
STRIP_GAP = 3
"""Columns after each panel in the strip."""
STRIP_GAP_NARROW = 1
"""The same below NARROW columns."""
HINT_GAP = 2
"""Columns after the language button and the hints in the strip."""
WINDOW_WIDTH = 76
"""The title card and every window."""
TITLE_CARD_PADDING = 4
"""Columns of padding each side inside the title card (it has a one-column border too)."""
MAX_FACT_LABEL = 18
"""Longer labels in the facts box wrap inside their column."""


def layout_variables() -> dict[str, str]:
    """The numbers above that kiosk.tcss uses, as CSS variables."""
    return {
        "page-padding": str(PAGE_PADDING),
        "strip-gap": str(STRIP_GAP),
        "strip-gap-narrow": str(STRIP_GAP_NARROW),
        "hint-gap": str(HINT_GAP),
        "window-width": str(WINDOW_WIDTH),
        "title-card-padding": str(TITLE_CARD_PADDING),
        "page-max-width": str(PAGE_MAX_WIDTH),
        "page-max-width-wide": str(PAGE_MAX_WIDTH_WIDE),
        "strip-max-width": str(PAGE_MAX_WIDTH - 2 * PAGE_PADDING),
        "strip-max-width-wide": str(PAGE_MAX_WIDTH_WIDE - 2 * PAGE_PADDING),
        "text-max-width": str(TEXT_MAX_WIDTH),
        "aside-max-width": str(ASIDE_MAX_WIDTH),
        "aside-max-width-wide": str(ASIDE_MAX_WIDTH_WIDE),
    }
