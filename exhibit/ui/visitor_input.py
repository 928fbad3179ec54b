"""A visitor's keys, touches and wheel turns, as the app receives them: each becomes one
journey event (the app's `feed`), or wakes the exhibit, or is the staff's way out. What is not
used up here goes on to Textual (a scroll, a touch on a target)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from textual import events

from .. import exits
from ..journey import Effect, Key, Signal, Touch, Wheel
from ..logs import LOGGER
from .healing import StaffExit

if TYPE_CHECKING:
    from .app import KioskApp

log = logging.getLogger(LOGGER)

WHEEL = (events.MouseScrollDown, events.MouseScrollUp)


class VisitorInput:
    """Turns the app's input events into journey events, for `app`."""

    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self.staff_exit = StaffExit.of(app.exhibit)
        """The staff's exit keys, as the exhibit sets them (renewed on reload)."""
        self._swallow_mouse_up = False

    def used_up(self, event: events.Event) -> bool:
        """True when `event` is used up here and must not reach Textual."""
        if isinstance(event, events.MouseUp) and self._swallow_mouse_up:
            self._swallow_mouse_up = False
            return True
        visitor = isinstance(event, (events.Key, events.MouseDown, *WHEEL))
        return visitor and not event.is_forwarded and self._visitor(event)

    def _visitor(self, event: events.Event) -> bool:
        """A visitor's key, touch or wheel; True when it is used up here."""
        from .screens.panel import PanelScreen  # not before the title (stage.py)

        app = self.app
        app.attendance.noticed_input()
        if app.unattended.woken():  # outside opening hours: it only wakes the exhibit
            self._swallow_mouse_up = isinstance(event, events.MouseDown)
            return True
        asleep = app.state.attract or app.state.countdown
        if isinstance(event, events.Key):
            if self._staff_leaves(event.key):
                return True
            if app.unattended.status_asked(event.key):
                app.feed(Signal.STAFF_STATUS)
                return True
            page = app.screen
            at_end = event.key == "down" and isinstance(page, PanelScreen) and page.next_image_due()
            if event.key == "a" and app.state.choices.audio and not app.speaker.speaking():
                app.feed(Signal.SPEECH_ENDED)  # it finished by itself: `a` reads again
            return Effect.PASS not in app.feed(Key(event.key, at_end)).effects
        if isinstance(event, events.MouseDown):
            app.feed(Touch())
            self._swallow_mouse_up = asleep  # waking is all that touch does
            return asleep
        app.feed(Wheel())
        return False

    def _staff_leaves(self, key: str) -> bool:
        app = self.app
        quitting = app.allow_quit and key == "ctrl+q"
        if quitting or self.staff_exit.typed(key, app.clock.now()):
            log.info("closed by staff" if not quitting else "closed with ctrl+q")
            app.exit(return_code=exits.STAFF_EXIT if not quitting else exits.OK)
            return True
        return False
