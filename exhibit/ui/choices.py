"""What a visitor may change for themselves, as the screen shows it: language, contrast, text
size, description mode, audio description. The choices themselves are one frozen value of the
journey (tour.Choices), undone in one step for the next visitor; this module only carries a
change of that value over to the app."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from textual.app import App

from ..drawings.spoken import sentences
from ..logs import LOGGER
from ..model import Exhibit
from ..text import cells
from ..tour import Choices, Stop
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


def spoken_text(exhibit: Exhibit, stop: Stop) -> str:
    """What audio description reads at `stop`: a panel's title, text and image descriptions,
    or the exhibit's title and introduction."""
    if stop.panel is not None:
        panel = exhibit.panels[stop.panel]
        parts = [panel.title, panel.period, _plain(panel.body)]
        for image in panel.images:
            # A chart's or timeline's every figure and date, and a map's names, as sentences.
            parts += [image.caption, image.alt, " ".join(sentences(image)), image.description]
    else:
        info = exhibit.exhibit
        parts = [info.title, info.subtitle, _plain(info.intro)]
    return "\n\n".join(part.strip() for part in parts if part.strip())


def _plain(markdown: str) -> str:
    """Markdown read as prose: no emphasis marks, links as their words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`#>]+", "", text)
