"""Will the text fit the smallest screen the kiosk serves (80x24) where nothing can scroll?

Panel bodies and the sources page scroll, so their length is a matter of label practice (see
checks.py). The navigation strip, a panel's heading and the title screen cannot scroll: text
too long for them is cut off or pushes the page off screen. The widths come from layout.py,
from which the stylesheet (ui/kiosk.tcss) takes them too.
"""

from __future__ import annotations

from .layout import (
    MAX_FACT_LABEL,
    NARROW,
    PAGE_PADDING,
    SMALLEST,
    STRIP_GAP_NARROW,
    TITLE_CARD_PADDING,
    WINDOW_WIDTH,
)
from .model import Exhibit
from .problems import Problems
from .text import cells, wrapped_lines

assert SMALLEST[0] < NARROW  # so the strip at the smallest size is the narrow one
TARGET_FRAME = 2 + STRIP_GAP_NARROW
"""Columns a touch target in the strip takes besides its words (ui/widgets/nav_strip.py)."""
STRIP_TARGETS = sum(len(words) + TARGET_FRAME for words in ("◄", "►", "▲", "▼", "i index"))
STRIP_HINTS = STRIP_TARGETS + len("? help") + 2
"""Previous, next, scrolling, index and help: the strip's targets besides the panels."""
LANGUAGE_BUTTON = 6 + TARGET_FRAME  # "日本語", the longest language name offered: 6 columns
"""Columns of the language button, when the exhibit has more than one language."""
TITLE_CARD_INNER = WINDOW_WIDTH - 2 - 2 * TITLE_CARD_PADDING
"""The title card: a double border and padding each side."""
TITLE_CARD_FRAME = 2 + 2
"""Its border and padding above and below."""
MAX_HEADING_LINES = 2


_lines = wrapped_lines


def check_fit(exhibit: Exhibit, problems: Problems, language: str = "") -> None:
    """Warn of text too long for the parts of the 80x24 screen that cannot scroll.

    `language` names the edition in the messages when the exhibit has several."""
    in_language = f"in {language!r}, " if language else ""
    width, height = SMALLEST
    inner = width - 2 * PAGE_PADDING
    # At 80 columns the strip names only the current panel; the others are numbers.
    numbers = sum(len(str(n)) + TARGET_FRAME for n in range(1, len(exhibit.panels)))
    longest = max((cells(f"{n} {p.label}") for n, p in enumerate(exhibit.panels, 1)), default=0)
    strip = numbers + longest + TARGET_FRAME
    if len(exhibit.languages) > 1:
        strip += LANGUAGE_BUTTON
    if strip + STRIP_HINTS > inner:
        problems.warn(
            ("panels",),
            f"{in_language}the navigation strip needs {strip + STRIP_HINTS} columns and has "
            f"{inner} at {width}x{height}; shorten the panels' 'theme' names",
        )
    info = exhibit.exhibit
    card = TITLE_CARD_FRAME + _lines(info.title, TITLE_CARD_INNER) + 2  # + "Touch or press any key"
    if len(exhibit.languages) > 1:
        card += 2  # the language button
    if info.subtitle:
        card += 1 + _lines(info.subtitle, TITLE_CARD_INNER)
    if info.intro:
        card += 1 + _lines(info.intro, TITLE_CARD_INNER)
    if card > height:
        problems.warn(
            ("exhibit", "intro"),
            f"{in_language}the title screen needs {card} lines and has {height} at "
            f"{width}x{height}; shorten the intro",
        )
    for index, panel in enumerate(exhibit.panels):
        theme_line = "  ·  ".join(part for part in (panel.label.upper(), panel.period) if part)
        if cells(theme_line) > inner:
            problems.warn(
                ("panels", index, "period"),
                f"{in_language}'{theme_line}' is {cells(theme_line)} columns, more than the "
                f"{inner} of one line at 80x24; shorten the theme or the period",
            )
        if _lines(panel.title, inner) > MAX_HEADING_LINES:
            problems.warn(
                ("panels", index, "title"),
                f"{in_language}the title takes more than {MAX_HEADING_LINES} lines at "
                f"{width}x{height}; shorten it",
            )
        for f_index, fact in enumerate(panel.facts):
            if cells(fact.label) > MAX_FACT_LABEL:
                problems.warn(
                    ("panels", index, "facts", f_index, "label"),
                    f"{in_language}the label is {cells(fact.label)} columns wide and wraps after "
                    f"{MAX_FACT_LABEL}; put the detail in 'text'",
                )
