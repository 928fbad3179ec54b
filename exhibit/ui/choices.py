"""What a visitor may change for themselves, as the screen shows it: language, contrast, text
size, description mode, audio description. The choices themselves are one frozen value of the
journey (tour.Choices), undone in one step for the next visitor; this module only carries a
change of that value over to the app."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from textual.app import App

from ..journey import State
from ..logs import LOGGER
from ..model import Exhibit
from ..text import cells
from ..tour import Choices
from .theme import HIGH_CONTRAST, MUSEUM

log = logging.getLogger(LOGGER)


def show_choices(app: App[Any], old: Choices, new: Choices) -> None:
    """Contrast and the large layout, which are the app's theme and class."""
    if new.contrast != old.contrast:
        app.theme = HIGH_CONTRAST.name if new.contrast else MUSEUM.name
    if new.large != old.large:
        app.set_class(new.large, "-large")


def offered(editions: Mapping[str, Exhibit], linux_console: bool) -> Mapping[str, Exhibit]:
    """The languages a visitor can read here. The Linux console's font has no wide (CJK)
    characters: an edition written in them is left out there, and the log says so."""
    if not linux_console:
        return editions
    readable = {code: e for code, e in editions.items() if cells(e.title) == len(e.title)}
    for code in editions.keys() - readable.keys():
        log.warning("language %r is not offered: the Linux console cannot show its script", code)
    return readable or editions  # nothing readable at all: show what there is


def page_parts(exhibit: Exhibit, state: State) -> tuple[str, ...]:
    """What audio description reads on the page the visitor sees, in order (speech/reading.py):
    a panel's title, period, lead, its second layer if open, facts and pictures' words; the
    exhibit's title and introduction elsewhere."""
    # Imported here: the reading (and the drawings' spoken words) waits for a first reading.
    from ..speech.reading import page_reading

    panel = exhibit.panels[state.stop.panel] if state.stop.panel is not None else None
    return page_reading(exhibit, panel, deeper_open=state.more)
