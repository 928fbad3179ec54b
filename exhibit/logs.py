"""The kiosk's operational log: a small rotating file, never the screen (a traceback or a
warning printed into a running Textual app would reach visitors)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOGGER = "exhibit.kiosk"


def default_log_file() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "museum-kiosk" / "kiosk.log"


def setup_logging(path: Path) -> Path | None:
    """Log to `path` (rotated at 1 MB, 5 files kept); None if it cannot be written."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        logger.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    return path
