"""Opening hours on screen (kiosk.hours, exhibit/hours.py): outside them the screen rests.

Resting means the machine's own screen-off command, if the command line gave one (--screen-off;
never exhibit.yaml: curators must not be able to make the kiosk run programs), and on screen a
black page with a small dim clock that moves now and then (screens/rest.py). A key or touch
while resting brings the exhibit back for the schedule's wake time; at opening the kiosk starts
afresh at the title, with the attract loop in demo mode.

The schedule is read from the wall clock (injected: tests run days in a loop), checked on the
app's Clock every CHECK_EVERY seconds and exactly at the next change.
"""

from __future__ import annotations

import logging
import shlex
import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..hours import OpeningHours, Schedule, screen_state, wake
from ..journey import Effect, Step, start
from ..logs import LOGGER
from .attendance import Cancel, Clock

if TYPE_CHECKING:
    from .app import KioskApp
    from .screens.rest import RestScreen

log = logging.getLogger(LOGGER)

CHECK_EVERY = 30.0
"""Seconds between looks at the wall clock (the next change itself is never missed)."""
COMMAND_TIMEOUT = 30.0
"""Seconds a screen command may take before it is given up (and logged)."""

WallClock = Callable[[], datetime]


def local_now() -> datetime:
    """The machine's wall clock, aware: the schedule converts it to the museum's zone."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class ScreenCommands:
    """The commands that switch the display off and on (command line: --screen-off, --screen-on),
    each a program and its arguments; empty: nothing to run."""

    off: tuple[str, ...] = ()
    on: tuple[str, ...] = ()


_last_command: threading.Thread | None = None
"""The screen command asked for last: the next one runs once it has ended."""


def run_in_background(argv: Sequence[str], what: str) -> threading.Thread | None:
    """Run `argv` (no shell) on a thread of its own, after the one asked for before it, so the
    screen never waits for it; a failure is logged, never shown."""
    global _last_command
    if not argv:
        return None
    command = tuple(argv)
    before = _last_command

    def run() -> None:
        # In the order asked: a slow "off" must not end after the "on" that followed it.
        if before is not None:
            before.join()
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=COMMAND_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as error:
            log.error("screen %s command failed: %s: %s", what, shlex.join(command), error)
            return
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
            log.error(
                "screen %s command exited with status %d: %s %s",
                what,
                done.returncode,
                shlex.join(command),
                said[0] if said else "",
            )
        else:
            log.info("screen %s: %s", what, shlex.join(command))

    thread = threading.Thread(target=run, name=f"screen-{what}", daemon=True)
    thread.start()
    _last_command = thread
    return thread


class HoursKeeper:
    """Rests the screen outside opening hours and wakes it for a visitor."""

    def __init__(
        self, app: KioskApp, clock: Clock, wall: WallClock, commands: ScreenCommands
    ) -> None:
        self.app = app
        self.clock = clock
        self.wall = wall
        self.commands = commands
        self.resting = False
        """True while the screen rests (outside hours and not woken)."""
        self.woken_until: datetime | None = None
        self._timer: Cancel | None = None
        self._hours: OpeningHours | None = None
        self._schedule: Schedule | None = None
        self._rest_screen: RestScreen | None = None
        self._started = False
        self.enabled = True
        """False: kiosk.hours is not kept (pictures of the pages, taken at any hour)."""

    @property
    def schedule(self) -> Schedule | None:
        """The exhibit's opening hours (None: always open), re-read after a reload."""
        hours = self.app.exhibit.kiosk.hours if self.enabled else None
        if hours is not self._hours:
            self._hours = hours
            self._schedule = Schedule.from_hours(hours) if hours else None
        return self._schedule

    def check(self) -> None:
        """Rest or show the exhibit as the wall clock says; look again at the next change."""
        if self._timer is not None:
            self._timer()
            self._timer = None
        schedule, now = self.schedule, self.wall()
        state = screen_state(schedule, now, self.woken_until)
        self.woken_until = state.woken_until
        if not self._started:
            self._started = True
            if state.showing and schedule is not None:  # a display an earlier run left off
                run_in_background(self.commands.on, "on")
        if state.showing and self.resting:
            self._show_exhibit(state.open)
        elif not state.showing and not self.resting:
            self._rest()
        if self.resting:  # no demo steps, idle timers or screen care while the screen rests
            self.app.attendance.stop()
            self.app.unattended.care.stop()
            if self._rest_screen not in self.app.screen_stack:  # a healed error emptied it
                self._push_rest_screen()
        if self._rest_screen is not None:
            self._rest_screen.tell(now)
        if schedule is None:
            return
        delay = CHECK_EVERY
        for due in (schedule.next_change(now), self.woken_until):
            if due is not None:
                delay = min(delay, (due - now).total_seconds())
        self._timer = self.clock.later(max(0.5, delay), self.check)

    def wake(self) -> None:
        """A key or touch while resting: the exhibit for the schedule's wake time."""
        schedule = self.schedule
        if schedule is None:
            return
        self.woken_until = wake(schedule, self.wall())
        log.info("woken outside opening hours until %s", self.woken_until.strftime("%H:%M"))
        self.check()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer()
            self._timer = None

    def _rest(self) -> None:
        log.info("outside opening hours: the screen rests")
        self.resting = True
        self.app.speaker.stop()
        self.app.visits.recorder.visit_ended("closed")  # whoever was reading: closing time
        run_in_background(self.commands.off, "off")
        self._push_rest_screen()

    def _push_rest_screen(self) -> None:
        from .screens.rest import RestScreen  # outside opening hours only

        self._rest_screen = RestScreen()
        self.app.push_screen(self._rest_screen)

    def _show_exhibit(self, opening: bool) -> None:
        log.info("opening hours: the exhibit is shown" if opening else "woken by a visitor")
        self.resting = False
        self._rest_screen = None
        run_in_background(self.commands.on, "on")
        self.app.restart_at_title()  # empties the screen stack, the rest screen with it
        # Whoever comes next is a new visitor: every choice of the last one undone.
        before = self.app.state
        self.app.show(Step(start(self.app.state.tour), (Effect.SHOW_PAGE,)))
        self.app.visits.step(before, self.app.state)
