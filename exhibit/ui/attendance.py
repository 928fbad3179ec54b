"""Who is at the kiosk: the attract loop until a visitor comes, the idle reset after they
leave, and the staff exit. Mixed into the kiosk app, which decides what each page shows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import events
from textual.timer import Timer

from .. import exits
from ..logs import LOGGER
from .choices import VisitorChoices
from .healing import StaffExit
from .screens.advisory import AdvisoryScreen
from .screens.countdown import CountdownScreen

if TYPE_CHECKING:
    from .app import KioskApp

log = logging.getLogger(LOGGER)

_ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""What counts as a visitor at the kiosk."""


class Attendance(VisitorChoices):
    """The demo loop, the idle countdown and reset, and the staff exit sequence."""

    demo: bool
    attract: bool
    """True while the demo loop runs; the first visitor input ends it."""
    allow_quit: bool
    countdown_seconds: float
    clock: Callable[[], float]
    _last_input: float
    _idle_timer: Timer | None
    _demo_timer: Timer | None
    _swallow_mouse_up: bool
    _staff_exit: StaffExit

    def _init_attendance(
        self, demo: bool, allow_quit: bool, countdown: float, clock: Callable[[], float]
    ) -> None:
        self.demo = demo
        self.attract = demo
        self.allow_quit = allow_quit
        self.countdown_seconds = countdown
        self.clock = clock
        self._last_input = clock()
        self._idle_timer = None
        self._demo_timer = None
        self._swallow_mouse_up = False

    @property
    def _app(self) -> KioskApp:
        return cast("KioskApp", self)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.MouseUp) and self._swallow_mouse_up:
            self._swallow_mouse_up = False
            return
        is_input = isinstance(event, _ACTIVITY) and not event.is_forwarded
        if is_input and self._on_visitor_input(event):
            return
        await super().on_event(event)

    def _on_visitor_input(self, event: events.Event) -> bool:
        """Note the input; True when it only wakes the kiosk and must not act as well."""
        self._last_input = self.clock()
        if not (isinstance(event, events.Key) and event.key == "a"):
            self.speaker.stop()  # audio description ends with the next thing the visitor does
        if isinstance(event, events.Key):
            quitting = self.allow_quit and event.key == "ctrl+q"
            if quitting or self._staff_exit.typed(event.key, self._last_input):
                log.info("closed by staff" if not quitting else "closed with ctrl+q")
                self.exit(return_code=exits.STAFF_EXIT if not quitting else exits.OK)
                return True
        wakes = self.attract or isinstance(self.screen, CountdownScreen)
        if self.attract:
            self._stop_attract()
        elif isinstance(self.screen, CountdownScreen):
            self.pop_screen()
        if self._idle_timer is None:
            self._arm_idle(self._app.idle_timeout)
        if wakes and isinstance(event, events.MouseDown):
            self._swallow_mouse_up = True
        return wakes and not isinstance(event, (events.MouseScrollDown, events.MouseScrollUp))

    def _arm_idle(self, delay: float) -> None:
        self._idle_timer = self.set_timer(delay, self._idle_check, name="idle")

    def _idle_check(self) -> None:
        """One timer for the idle reset, re-armed only while visitors keep pressing keys."""
        self._idle_timer = None
        quiet = self.clock() - self._last_input
        if self.attract or not self.screen_stack:
            return
        if quiet < self._app.idle_timeout:
            self._arm_idle(self._app.idle_timeout - quiet)
        elif self._app.position == 0 and not self.screen.is_modal:
            if self.demo:
                self._start_attract()
        else:
            self.push_screen(CountdownScreen(self.countdown_seconds))

    def reset_to_start(self) -> None:
        """Back to the title screen with every visitor choice undone; in demo mode the loop
        starts again."""
        self._app.images.describe = False
        self.reset_choices()
        self._app.go(0)
        if self.demo:
            self._start_attract()

    # The attract loop -----------------------------------------------------------------------

    def _start_attract(self) -> None:
        self.attract = True
        if self._demo_timer is None:
            self._demo_timer = self.set_interval(
                self._app.demo_interval, self._demo_step, name="demo"
            )

    def _stop_attract(self) -> None:
        self.attract = False
        if self._demo_timer is not None:
            self._demo_timer.stop()
            self._demo_timer = None

    def _demo_step(self) -> None:
        """Title, every panel, title again: the closing view of sources is left to visitors.
        A panel's advisory is shown for one interval before the panel itself."""
        if not self.screen_stack:  # a timer firing while the app shuts down
            return
        if isinstance(self.screen, AdvisoryScreen):
            self.pop_screen()
            return
        self._app.go(
            self._app.position + 1 if self._app.position < len(self._app.exhibit.panels) else 0
        )
