"""The kiosk's colours: calm, warm and readable from a step away.

Two themes, both checked by tests/test_contrast.py against the pairs kiosk.tcss actually uses:

- MUSEUM, the default: every text pair at least 4.5:1 (WCAG AA).
- HIGH_CONTRAST, for visitors with low vision: near-white and amber on near-black, every text
  pair at least 7:1 (WCAG AAA).

On a 16-colour console (TERM=linux) Textual maps these down to the nearest standard colours,
so nothing may carry meaning by a subtle tint alone: the current item is also bold, and so on.
"""

from __future__ import annotations

from textual.theme import Theme

MUSEUM = Theme(
    name="museum",
    primary="#d9a441",
    secondary="#8fa8b8",
    accent="#d9a441",
    foreground="#ece6d8",
    background="#1a1916",
    surface="#22201c",
    panel="#2b2924",
    warning="#e0b050",
    error="#e07a6a",
    success="#8fb87a",
    dark=True,
    variables={
        "text-muted": "#b3ab9b",
        "footer-background": "#22201c",
        "border": "#5e584c",
    },
)

HIGH_CONTRAST = Theme(
    name="museum-high-contrast",
    primary="#ffcc33",
    secondary="#a8d4ff",
    accent="#ffcc33",
    foreground="#fafaf5",
    background="#0b0b0a",
    surface="#151513",
    panel="#22211d",
    warning="#ffb347",
    error="#ff9e90",
    success="#9ee39e",
    dark=True,
    variables={
        # Opaque, so no text depends on blending: body text is the full foreground.
        "text": "#fafaf5",
        "text-muted": "#d9d5ca",
        "footer-background": "#151513",
        # Frames stay visible (over 3:1 on every background) without competing with text.
        "border": "#a49f92",
        # A highlighted option, wherever Textual's own defaults show one: dark on amber.
        "block-cursor-foreground": "#0b0b0a",
        "block-cursor-background": "#ffcc33",
    },
)

THEMES = (MUSEUM, HIGH_CONTRAST)
"""Every theme the kiosk registers; the first is the default."""
