"""What a visitor may change for themselves: language, contrast, text size, audio description.

Every choice lasts until the kiosk resets for the next visitor, who finds the defaults again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, cast

from textual.app import App

from ..drawings.spoken import sentences
from ..logs import LOGGER
from ..model import Exhibit
from ..speech import Speaker
from ..text import cells
from .screens.advisory import AdvisoryScreen
from .screens.panel import PanelScreen
from .theme import HIGH_CONTRAST, MUSEUM
from .words import Words, words_for

if TYPE_CHECKING:
    from .app import KioskApp

log = logging.getLogger(LOGGER)


class VisitorChoices(App[int]):
    """The visitor's choices, mixed into the kiosk app (keys l, c, + and -, a)."""

    editions: Mapping[str, Exhibit]
    language: str
    words: Words
    speaker: Speaker

    def _init_choices(self, editions: Mapping[str, Exhibit], speaker: Speaker | None) -> None:
        self.editions = editions
        self.language = next(iter(editions), "")
        self.words = words_for(self.language)
        self.speaker = speaker or Speaker(engine=None)

    @property
    def _kiosk(self) -> KioskApp:
        return cast("KioskApp", self)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.editions)

    @property
    def next_language(self) -> str:
        """The language the language key switches to ("" for a one-language exhibit)."""
        if len(self.languages) < 2:
            return ""
        return self.languages[(self.languages.index(self.language) + 1) % len(self.languages)]

    def reset_choices(self) -> None:
        """The defaults again, for the next visitor."""
        self.speaker.stop()
        self.theme = MUSEUM.name
        self.set_class(False, "-large")
        if self.languages and self.language != self.languages[0]:
            self.set_language(self.languages[0])

    # Language --------------------------------------------------------------------------------

    def action_language(self) -> None:
        """The next of the exhibit's languages, in place: same panel, same window closed."""
        if self.next_language:
            self.set_language(self.next_language)

    def set_language(self, language: str) -> None:
        kiosk = self._kiosk
        self.speaker.stop()
        self.language = language
        self.words = words_for(language)
        kiosk.exhibit = self.editions[language]
        self.title = kiosk.exhibit.title
        advisory = isinstance(self.screen, AdvisoryScreen)
        direction = self.screen.direction if isinstance(self.screen, AdvisoryScreen) else 1
        while self.screen.is_modal:
            self.pop_screen()
        kiosk.show_page(kiosk.position)
        if advisory and kiosk.screen_is_panel:
            self.push_screen(kiosk.advisory_for(direction))

    # Contrast and size -----------------------------------------------------------------------

    def action_contrast(self) -> None:
        self.theme = MUSEUM.name if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def action_larger(self) -> None:
        self.set_class(True, "-large")

    def action_smaller(self) -> None:
        self.set_class(False, "-large")

    # Audio description -----------------------------------------------------------------------

    def action_speak(self) -> None:
        """Read the page aloud: title, text, then each image's description."""
        if not self.speaker.available:
            return
        if self.speaker.speaking():
            self.speaker.stop()
            return
        self.speaker.say(spoken_text(self._kiosk), self.language or "en")


def offered(editions: Mapping[str, Exhibit], linux_console: bool) -> Mapping[str, Exhibit]:
    """The languages a visitor can read here. The Linux console's font has no wide (CJK)
    characters: an edition written in them is left out there, and the log says so."""
    if not linux_console:
        return editions
    readable = {code: e for code, e in editions.items() if cells(e.title) == len(e.title)}
    for code in editions.keys() - readable.keys():
        log.warning("language %r is not offered: the Linux console cannot show its script", code)
    return readable or editions  # nothing readable at all: show what there is


def spoken_text(kiosk: KioskApp) -> str:
    """What audio description reads on the page the visitor sees."""
    exhibit = kiosk.exhibit
    if isinstance(kiosk.screen, PanelScreen) or kiosk.screen_is_panel:
        panel = kiosk.current_panel
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
