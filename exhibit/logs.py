"""The kiosk's operational log: a small rotating file, never the screen (a traceback or a
warning printed into a running Textual app would reach visitors).

Only the kiosk's own logger gets a handler; its records still propagate to the root logger,
which has no handler in the kiosk (nothing in it calls logging.basicConfig), so they reach the
file alone: Python prints to stderr only records that found no handler at all, and the kiosk's
logger always has one (the file, or a NullHandler when the file cannot be written). Leaving
`propagate` alone keeps the logging of the process as it was: a test that runs the kiosk's
start-up still sees its records with caplog, and so does every later test.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOGGER = "exhibit.kiosk"
MAX_BYTES = 1_000_000
"""The log file is rotated at this size..."""
BACKUPS = 5
"""...and this many older parts are kept (kiosk.log.1 ... kiosk.log.5)."""


def default_log_file() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "museum-kiosk" / "kiosk.log"


class KioskLog:
    """The handler setup_logging installed, and how to take it away again."""

    def __init__(self, handler: logging.Handler, path: Path | None, level: int) -> None:
        self.handler = handler
        self.path = path
        """The file written to; None if it could not be opened (nothing is logged then)."""
        self._level_before = level

    def close(self) -> None:
        """Remove the handler and close its file, and give the logger back its level."""
        logger = logging.getLogger(LOGGER)
        if self.handler in logger.handlers:
            logger.removeHandler(self.handler)
            logger.setLevel(self._level_before)
        self.handler.close()
        if _installed.get(LOGGER) is self:
            del _installed[LOGGER]


_installed: dict[str, KioskLog] = {}
"""The one handler setup_logging keeps installed: a second call replaces it, never adds one."""


def setup_logging(path: Path) -> KioskLog:
    """Log the kiosk's records to `path` (rotated at MAX_BYTES, BACKUPS parts kept).

    Calling it again (a second start-up in the same process, as tests do) replaces the handler
    it installed before. `.path` is None if the file cannot be written."""
    earlier = _installed.get(LOGGER)
    if earlier is not None:
        earlier.close()
    logger = logging.getLogger(LOGGER)
    level = logger.level
    logger.setLevel(logging.INFO)
    handler: logging.Handler
    written: Path | None = path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler, written = logging.NullHandler(), None  # keeps records off stderr
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    installed = _installed[LOGGER] = KioskLog(handler, written, level)
    return installed
