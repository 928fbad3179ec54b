"""Every key a visitor can press and what it asks for, written once.

The journey (journey.py) turns what is asked into where the visitor goes; the UI binds no key
of its own. A touch on a target asks for the same things (journey.Tap), so a touch screen and a
keyboard can never drift apart. The help window and README's key table are made from, or
tested against, HELP_ROWS below.

Key names are Textual's ("right", "question_mark", "plus"), plain strings: the core never
imports Textual.
"""

from __future__ import annotations

from enum import Enum


class Do(Enum):
    """What a visitor asks for, by key or by touch."""

    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    PANEL = "panel"
    """A panel by number (the digit keys; a panel touched in the strip or the index)."""
    OPEN = "open"
    """Enter on a page: the chosen image full screen, or the next page if none is chosen."""
    ZOOM = "zoom"
    IMAGE = "image"
    """An image touched on a panel, by its index."""
    INDEX = "index"
    HELP = "help"
    DESCRIBE = "describe"
    LANGUAGE = "language"
    CONTRAST = "contrast"
    LARGER = "larger"
    SMALLER = "smaller"
    SPEAK = "speak"
    UP = "up"
    DOWN = "down"
    CLOSE = "close"
    SKIP = "skip"
    """At a content advisory: not this panel; on, the way the visitor came."""
    MORE = "more"
    """On a panel with a lead: open its second layer of text (the body), or close it."""
    NEXT_IMAGE = "next_image"
    PREVIOUS_IMAGE = "previous_image"
    BEGIN = "begin"
    """Any key on the title screen that has no meaning of its own there."""
    PAGE = "page"
    """A touch on the page or window itself, not on a target in it."""
    OWN = "own"
    """The window's own widget handles the key (the index list's arrows and Enter)."""


def _keys(*pairs: tuple[str, Do]) -> dict[str, Do]:
    return {key: do for keys, do in pairs for key in keys.split(",")}


DIGITS = tuple(str(n) for n in range(1, 10))
"""Keys 1-9: that panel (Do.PANEL with the digit's number)."""

PAGE_KEYS = _keys(
    ("right,space", Do.NEXT),
    ("enter", Do.OPEN),
    ("pagedown", Do.NEXT),
    ("left,backspace,pageup", Do.PREVIOUS),
    ("home", Do.FIRST),
    ("end", Do.LAST),
    ("i,tab", Do.INDEX),
    ("question_mark", Do.HELP),
    ("d", Do.DESCRIBE),
    ("l,L", Do.LANGUAGE),
    ("c", Do.CONTRAST),
    ("plus,equals_sign", Do.LARGER),
    ("minus", Do.SMALLER),
    ("a", Do.SPEAK),
    ("up", Do.UP),
    ("down", Do.DOWN),
    ("z", Do.ZOOM),
    ("m", Do.MORE),
)
"""On a page with no window over it (in the order the help window lists them)."""

_TITLE_KEEPS = {Do.LAST, Do.INDEX, Do.HELP, Do.LANGUAGE, Do.CONTRAST, Do.LARGER, Do.SMALLER}
_TITLE_KEEPS |= {Do.SPEAK}  # the title read aloud, where a voice is installed
TITLE_OWN = frozenset(key for key, do in PAGE_KEYS.items() if do in _TITLE_KEEPS)
"""Keys that keep their page meaning on the title screen: each changes what the visitor sees
there at once (with the digits 1-9, which go to a panel). Every other key begins the visit:
the title says "press any key", so no key may be dead there (←, Backspace, Home, 0; and any of
these that would change nothing, such as `a` where no voice is installed, begins too)."""

ADVISORY_KEYS = _keys(
    ("enter,right,space,pagedown", Do.CLOSE),
    ("escape,s", Do.SKIP),
    ("left,pageup,backspace", Do.PREVIOUS),
    ("home", Do.FIRST),
    ("l,L", Do.LANGUAGE),
    ("c", Do.CONTRAST),
    ("plus,equals_sign", Do.LARGER),
    ("minus", Do.SMALLER),
)
INDEX_KEYS = _keys(
    ("escape,tab,i", Do.CLOSE),
    ("up,down,enter,home,end,pageup,pagedown", Do.OWN),
)
IMAGE_KEYS = _keys(
    ("escape,z,enter,space", Do.CLOSE),
    ("right,pagedown", Do.NEXT_IMAGE),
    ("left,pageup,backspace", Do.PREVIOUS_IMAGE),
    ("down", Do.DOWN),
    ("up", Do.UP),
)

KEY_LABELS = {
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "space": "Space",
    "enter": "Enter",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "backspace": "Backspace",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
    "escape": "Esc",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
}
"""How a key is written for visitors; any other key is written as its name."""


def keys_for(*wanted: Do, keymap: dict[str, Do] = PAGE_KEYS) -> tuple[str, ...]:
    """Every key of `keymap` that asks for one of `wanted`, in the map's order."""
    return tuple(key for key, asked in keymap.items() if asked in wanted)


_ARROWS = frozenset("←→↑↓")


def label(keys: tuple[str, ...]) -> str:
    """`keys` as a visitor reads them: "→  Space  PgDn", "↑ ↓". Shifted twins (L, =) are left
    out: the visitor presses the key, not the character."""
    shown = [KEY_LABELS.get(key, key) for key in keys if key not in ("L", "equals_sign")]
    return (" " if set(shown) <= _ARROWS else "  ").join(shown)


CLOSES_EVERY_WINDOW = tuple(
    key for key, do in INDEX_KEYS.items() if do is Do.CLOSE and IMAGE_KEYS.get(key) is Do.CLOSE
)
"""The key that closes any window (help closes on any key; the advisory's Esc skips)."""

HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("next", label(keys_for(Do.NEXT, Do.OPEN))),
    ("previous", label(keys_for(Do.PREVIOUS))),
    ("panel", f"{DIGITS[0]} - {DIGITS[-1]}"),
    ("first", label(keys_for(Do.FIRST))),
    ("last", label(keys_for(Do.LAST))),
    ("scroll", label(keys_for(Do.UP, Do.DOWN))),
    ("more", label(keys_for(Do.MORE))),
    ("index", label(keys_for(Do.INDEX))),
    ("zoom", label(keys_for(Do.ZOOM) + keys_for(Do.OPEN))),
    ("describe", label(keys_for(Do.DESCRIBE))),
    ("help", label(keys_for(Do.HELP))),
    ("language", label(keys_for(Do.LANGUAGE))),
    ("contrast", label(keys_for(Do.CONTRAST))),
    ("large", label(keys_for(Do.LARGER, Do.SMALLER))),
    ("speak", label(keys_for(Do.SPEAK))),
    ("close", label(CLOSES_EVERY_WINDOW)),
    ("touch", ""),
)
"""The help window's rows, in order: a name (its meaning is in the kiosk's words, per
language) and the keys, written from the maps above. "touch" has no keys: its words say it."""
