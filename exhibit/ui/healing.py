"""What keeps a kiosk up for months: errors heal back to the title screen, signals end it
cleanly, and only staff can close it.

Textual ends an app on any unhandled exception and prints a traceback. A kiosk must never show
one: the app hands every error to the Healer instead (workarounds.errors_to).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from typing import TYPE_CHECKING, Any

from .. import exits
from ..logs import LOGGER
from ..model import Exhibit
from .workarounds import failing_in_app_itself

if TYPE_CHECKING:
    from .app import KioskApp

log = logging.getLogger(LOGGER)

FAILURE_WINDOW = 60.0
MAX_FAILURES = 3
"""More errors than this within FAILURE_WINDOW seconds: stop and let the supervisor restart."""


class Healer:
    """Turns unhandled errors into a return to the title screen, or a clean crash exit."""

    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self.failures: list[float] = []

    def handle(self, error: BaseException) -> None:
        log.error("unexpected error", exc_info=error)
        now = time.monotonic()
        self.failures = [t for t in self.failures if now - t < FAILURE_WINDOW] + [now]
        app_itself = failing_in_app_itself(self.app)
        if app_itself or len(self.failures) > MAX_FAILURES:
            log.critical("cannot recover; exiting with status %d for a restart", exits.CRASHED)
            self.app.exit(return_code=exits.CRASHED)
            return
        self.app.call_later(self.recover)

    def recover(self) -> None:
        try:
            self.app.restart_at_title()
            log.info("recovered: back at the title screen")
        except Exception as error:  # recovery itself failed: give up cleanly
            log.critical("recovery failed; exiting", exc_info=error)
            self.app.exit(return_code=exits.CRASHED)


class StaffExit:
    """A key sequence typed within a few seconds ends the kiosk with its own exit status."""

    def __init__(self, keys: tuple[str, ...], seconds: float) -> None:
        self.keys = keys
        self.seconds = seconds
        self._typed: list[tuple[str, float]] = []

    @classmethod
    def of(cls, exhibit: Exhibit) -> StaffExit:
        """The exhibit's staff sequence (kiosk.staff_exit)."""
        return cls(exhibit.kiosk.staff_exit, exhibit.kiosk.staff_exit_seconds)

    def typed(self, key: str, now: float) -> bool:
        """Note a key; True when it completes the sequence in time."""
        if not self.keys:
            return False
        self._typed = [*self._typed, (key, now)][-len(self.keys) :]
        keys = tuple(k for k, _ in self._typed)
        return keys == self.keys and now - self._typed[0][1] <= self.seconds


def install_signal_handlers(app: KioskApp, allow_quit: bool) -> None:
    """SIGTERM and SIGHUP end the kiosk cleanly (terminal restored); SIGTSTP cannot freeze it;
    SIGINT ends it only where quitting is allowed."""
    loop = asyncio.get_running_loop()

    def ending(signum: int) -> None:
        log.info("ending on %s", signal.Signals(signum).name)
        app.exit(return_code=exits.OK)

    def ignored(signum: int) -> None:
        log.info("ignored %s", signal.Signals(signum).name)

    handlers: dict[int, Any] = {signal.SIGTERM: ending, signal.SIGHUP: ending}
    handlers[signal.SIGINT] = ending if allow_quit else ignored
    handlers[signal.SIGTSTP] = ignored
    for signum, handler in handlers.items():
        loop.add_signal_handler(signum, handler, signum)
