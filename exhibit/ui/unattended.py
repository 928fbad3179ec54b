"""A kiosk left alone for months (issue 14), as one part of the app: opening hours rest the
screen (hours_keeper.py), screen care moves and dims the attract loop (screen_care.py), and
staff get a status screen behind their key sequence and monitoring tools a status file
(status_keeper.py). The app calls the few hooks below; each part keeps its own timers on the
app's Clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..journey import State
from ..model import Exhibit
from .healing import StaffExit
from .hours_keeper import HoursKeeper, ScreenCommands, WallClock, local_now
from .screen_care import ScreenCare
from .status_keeper import StatusKeeper

if TYPE_CHECKING:
    from .app import KioskApp


@dataclass(frozen=True)
class Machine:
    """What the command line says about the machine the kiosk runs on (tests inject a wall
    clock; the defaults write no files and run no commands)."""

    wall_clock: WallClock = local_now
    screen_commands: ScreenCommands = field(default_factory=ScreenCommands)
    log_file: Path | None = None
    status_file: Path | None = None
    """status.json in the state folder, for monitoring tools."""
    visits_file: Path | None = None
    """The recorder's database, for the visitor figures on the status screen."""
    opening_hours: bool = True
    """False: always show the exhibit, whatever kiosk.hours says (--screenshot at night,
    kiosk serve's browser sessions)."""
    staff_status: bool = True
    """False: no status screen, whatever kiosk.staff_status says (kiosk serve's browser
    sessions: it would show the server's log, files and figures to whoever types the keys)."""


class Unattended:
    def __init__(self, app: KioskApp, machine: Machine, source: Path | None) -> None:
        self.app = app
        wall = machine.wall_clock
        self.hours = HoursKeeper(app, app.clock, wall, machine.screen_commands)
        self.hours.enabled = machine.opening_hours
        """Rests the screen outside kiosk.hours; a key or touch wakes it."""
        self.care = ScreenCare(app, app.clock, app.attendance.quiet_for)
        """Moves and dims the attract loop's screen."""
        self.staff = StatusKeeper(
            app,
            app.clock,
            wall,
            source=source,
            log_file=machine.log_file,
            status_file=machine.status_file,
            visits=machine.visits_file,
        )
        """The staff status screen's facts and status.json."""
        self.staff_status = machine.staff_status
        self._status_keys = self._keys(app.exhibit)

    @property
    def resting(self) -> bool:
        """Outside opening hours and not woken: nothing but the rest screen is shown."""
        return self.hours.resting

    def start(self) -> None:
        """The app is on screen."""
        self.care.follow(self.app.state)
        self.hours.check()
        self.staff.start()

    def follow(self, state: State) -> None:
        """The journey moved (or started afresh)."""
        if not self.resting:
            self.app.attendance.follow(state)
            self.care.follow(state)

    def woken(self) -> bool:
        """A visitor's key or touch: True if it only woke the resting screen."""
        if not self.resting:
            return False
        self.hours.wake()
        return True

    def status_asked(self, key: str) -> bool:
        """True when `key` completes the staff's status sequence (kiosk.staff_status)."""
        return self._status_keys.typed(key, self.app.clock.now())

    def reloaded(self, exhibit: Exhibit) -> None:
        """A new exhibit file: its staff keys and opening hours may have changed."""
        self._status_keys = self._keys(exhibit)
        self.hours.check()

    def _keys(self, exhibit: Exhibit) -> StaffExit:
        """The staff's key sequence for the status screen, timed as staff_exit is (none where
        the command line switched the screen off)."""
        keys = exhibit.kiosk.staff_status if self.staff_status else ()
        return StaffExit(keys, exhibit.kiosk.staff_exit_seconds)
