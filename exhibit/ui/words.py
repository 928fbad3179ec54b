"""Everything the kiosk itself says to visitors, in one place so that it can be translated."""

from __future__ import annotations

PRESS_TO_BEGIN = "Press any key to begin"
STILL_READING = "Still reading?"
PRESS_TO_STAY = "Press any key to stay on this page."
RETURNING_IN = "Returning to the start in {seconds} s"
POSITION = "{number} / {total}"
SOURCES = "Sources"
SOURCES_AND_CREDITS = "Sources and credits"
FACTS = "Facts"
DESCRIBED_IMAGE = "Image, described"
IMAGE_COUNTER = "Image {number} of {total}"
VIEWER_HINT = "← → next image · Esc close"
INDEX = "Index"
INDEX_HINT = "↑ ↓ choose · Enter open · Esc close"
HELP = "Keys"
HELP_HINT = "Press any key to close"
NAV_ARROWS = "← →"
NAV_HINTS = "i index  ? help"
END = "End"

HELP_KEYS: tuple[tuple[str, str], ...] = (
    ("→  Space  Enter  PgDn", "next page"),
    ("←  Backspace  PgUp", "previous page"),
    ("1 - 9", "go to that panel"),
    ("Home", "back to the start"),
    ("End", "last panel"),
    ("↑ ↓", "scroll the text"),
    ("i  Tab", "index of all panels"),
    ("z  or touch an image", "the image full screen, with its description"),
    ("d", "describe images in words instead of pictures"),
    ("?", "this help"),
    ("Esc", "close a window like this one"),
    ("Mouse / touch", "choose a panel in the bottom strip"),
)
