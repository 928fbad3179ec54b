"""What staff and monitoring tools learn about the running kiosk (exhibit/status.py gathers it):
the staff status screen's facts, and status.json in the state folder, rewritten every
HEARTBEAT seconds on the app's Clock and after each reload, so that a tool sees a stale
heartbeat when the kiosk has hung or stopped."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..logs import LOGGER
from .attendance import Cancel, Clock
from .hours_keeper import WallClock

if TYPE_CHECKING:
    from ..analytics.headline import Glance
    from ..status import Status
    from .app import KioskApp

log = logging.getLogger(LOGGER)

HEARTBEAT = 60.0
"""Seconds between rewrites of status.json."""


class StatusKeeper:
    """Gathers the kiosk's status for the staff screen and keeps status.json fresh."""

    def __init__(
        self,
        app: KioskApp,
        clock: Clock,
        wall: WallClock,
        *,
        source: Path | None,
        log_file: Path | None,
        status_file: Path | None,
        visits: Path | None,
    ) -> None:
        self.app = app
        self.clock = clock
        self.wall = wall
        self.source, self.log_file = source, log_file
        self.status_file = status_file
        """status.json (None: no file, as in tests and previews)."""
        self.visits = visits
        """The recorder's database, if visits are recorded."""
        self.started = wall().timestamp()
        self._timer: Cancel | None = None
        self._failed = False

    def status(self, *, visitors: bool = True) -> Status:
        """One look at the kiosk now (the visitor figures only if asked: they read a database)."""
        from ..status import gather  # imported at the first beat, after the title

        figures = self.figures() if visitors else None
        return gather(
            self.source or Path("-"),
            started=self.started,
            now=self.wall().timestamp(),
            log_file=self.log_file,
            last_reload=self.app.reload.last if self.app.reload else None,
            visitors_today=figures.today.visits if figures else None,
            visitors_week=figures.week.visits if figures else None,
        )

    def figures(self) -> Glance | None:
        """Today's and this week's visitor figures, if any are recorded and readable."""
        if self.visits is None:
            return None
        # Imported here: only the staff screen asks, and the title need not wait for them.
        import sqlite3

        from ..analytics.headline import glance
        from ..analytics.store import NotARecord

        try:
            return glance(self.visits, self.wall().date())
        except (NotARecord, sqlite3.Error, OSError):
            return None

    def start(self) -> None:
        """The first beat once the title is drawn: it reads and hashes the exhibit file."""
        if self.status_file is not None:
            self.app.call_after_refresh(self._beat)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer()
            self._timer = None

    def write(self) -> None:
        """Rewrite status.json now (a heartbeat, or after a reload)."""
        if self.status_file is None:
            return
        status = self.status(visitors=False)  # status.json has no figures: spare the database
        from ..status import write_status_file

        written = write_status_file(self.status_file, status, self.wall().timestamp())
        if written == self._failed:  # log a change only, not every minute
            self._failed = not written
            if not written:
                log.warning("cannot write %s; the kiosk goes on", self.status_file)

    def _beat(self) -> None:
        self.write()
        self._timer = self.clock.later(HEARTBEAT, self._beat)
