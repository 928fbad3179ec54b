"""Reading the page aloud, as the app shows it: what is read, which part, and where no voice
reads the visitor's language (the bar on every page, widgets/reading_bar.py).

The speaker works in its own thread; its word that a part changed or the reading ended comes
back here and is handed to the app's thread."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from ..journey import Signal, State, next_state
from .choices import page_parts
from .widgets.reading_bar import ReadingBar

if TYPE_CHECKING:
    from .app import KioskApp


class ReadingAloud:
    """The app's reading aloud: started by the journey's SPEAK effect, followed on screen."""

    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self._thread = threading.get_ident()
        self._parts = 0
        """How many parts the page being read has."""
        self._no_voice = ""
        """The language no voice here reads ("" but just after `a` found none)."""
        app.speaker.on_change = self._changed

    def start(self, state: State) -> State:
        """Read the page at `state` aloud; where no voice reads its language, the state
        without reading (the bar then says so)."""
        app = self.app
        parts, language = page_parts(app.exhibit, state), app.language or "en"
        self._parts = len(parts)
        if not app.speaker.speak(parts, language):  # no voice here reads it: say so
            self._parts, self._no_voice = 0, language
            return next_state(state, Signal.SPEECH_ENDED).state
        return state

    def forget_no_voice(self) -> None:
        """Say "no voice" only just after `a` found none."""
        self._no_voice = ""

    def follow(self) -> None:
        """Show, on every page, whether (and which part of) the page is being read aloud."""
        app = self.app
        reading = app.state.choices.audio and app.speaker.is_speaking
        part = (app.speaker.current_part or 0) if reading else None
        for screen in app.screen_stack:
            for bar in screen.query(ReadingBar):
                bar.follow(part, self._parts, self._no_voice)

    def _changed(self) -> None:
        """The speaker's word (from its worker thread) that the part read changed or the
        reading ended; its stops on the app's own thread are followed by `show` already."""
        if threading.get_ident() != self._thread:
            with contextlib.suppress(RuntimeError):  # the app has already ended
                self.app.call_from_thread(self._moved)

    def _moved(self) -> None:
        app = self.app
        # Someone listening is there: no "Still reading?" in the middle of a long reading.
        app.attendance.noticed_input()
        if app.state.choices.audio and not app.speaker.is_speaking:
            app.feed(Signal.SPEECH_ENDED)  # read to its end
        else:
            self.follow()
