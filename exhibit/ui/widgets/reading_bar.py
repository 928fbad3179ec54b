"""A bar across the top of a page while it is read aloud ("Reading aloud 2 / 7 · touch or
press a to stop"), or saying that no voice here reads the visitor's language; hidden otherwise.

Touching it stops the reading: every touch does (the journey stops speech on any input but
the audio key), so the bar only has to be there to be touched, and swallow the click."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from ...keys import Do, keys_for, label
from ..words import LANGUAGE_NAMES, Words


class ReadingBar(Static):
    def __init__(self, words: Words) -> None:
        super().__init__()
        self.words = words

    def follow(self, part: int | None, total: int, no_voice: str = "") -> None:
        """Reading part `part` (from 0; None: nothing is read) of `total`; or, with
        `no_voice` (a language code), say that nothing reads that language here."""
        words = self.words
        if no_voice:
            name = LANGUAGE_NAMES.get(no_voice, no_voice)
            self.update(Content(words.NO_VOICE.format(language=name)))
        elif part is not None:
            key = label(keys_for(Do.SPEAK))
            wording = words.READING_ALOUD.format(number=part + 1, total=total, key=key)
            self.update(Content(wording))
        self.set_class(part is not None and not no_voice, "-reading")
        self.set_class(bool(no_voice), "-no-voice")

    def on_click(self, event: events.Click) -> None:
        event.stop()
