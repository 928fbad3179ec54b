"""The kiosk's colours: calm, warm and readable from a step away (every pair over 4.5:1)."""

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
