"""Live reload: a saved exhibit.yaml or media file reaches the screen within seconds.

A broken save never reaches visitors: the last good exhibit stays up, the problems go to the
log, and a small staff-only marker appears until the file is fixed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..logs import LOGGER
from ..watch import Settling, signature

if TYPE_CHECKING:
    from ..loader import LoadResult
    from ..status import Reload
    from .app import KioskApp

log = logging.getLogger(LOGGER)


class LiveReload:
    """Polls the exhibit's files (a few stat() calls a second) and reloads on change."""

    def __init__(self, app: KioskApp, source: Path, interval: float = 1.0) -> None:
        self.app = app
        self.source = source
        self.interval = interval
        self.settling = Settling(signature(source, app.exhibit))
        """Loads a change only once it has stopped changing (watch.py)."""
        self.last: Reload | None = None
        """The last reload and its problems, for the staff status screen and status.json."""

    def start(self) -> None:
        self.app.set_interval(self.interval, self.poll, name="reload")

    def poll(self) -> None:
        if self.settling.settled(signature(self.source, self.app.exhibit), self.source):
            self.app.run_worker(self._load, thread=True, group="reload", exclusive=True)

    def _load(self) -> None:
        # Imported on the first change, in this worker thread: a start from the compiled copy
        # (compiled.py) reads no YAML before its title, and need not import the loader.
        from ..loader import load_exhibit

        result = load_exhibit(self.source)
        self.app.call_from_thread(self._apply, result)

    def _apply(self, result: LoadResult) -> None:
        problems = tuple(str(problem) for problem in result.problems.sorted())
        from ..status import Reload  # imported on the first reload, not at start

        self.last = Reload(time.time(), accepted=result.exhibit is not None, problems=problems)
        self._take(result)
        self.app.unattended.staff.write()  # status.json tells monitoring tools at once

    def _take(self, result: LoadResult) -> None:
        from ..problems import Severity  # imported with the loader, in _load

        if result.exhibit is None:
            for problem in result.problems.sorted():
                level = logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING
                log.log(level, "reload refused: %s", problem)
            log.error("keeping the last good exhibit on screen until %s is fixed", self.source)
            self.app.set_stale(True)
            return
        for problem in result.problems.sorted():
            log.warning("%s", problem)
        log.info("reloaded %s", self.source)
        self.app.set_stale(False)
        self.app.replace_exhibit(result.exhibit, result.folder, result.editions)
        self.settling.loaded(signature(self.source, result.exhibit))
