"""Garbage collection kept out of page turns.

A full collection scanned ~380,000 objects in ~150 ms, and the collector started them in the
middle of page turns (bench/README.md). So: what exists once the title is up (Textual, the
exhibit) is frozen out of every collection; automatic collection keeps to the young
generations; and the full one runs when nobody has pressed anything for a few seconds.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

QUIET_FOR = 2.0
"""Seconds without input before a full garbage collection may run."""


def collect_when_quiet(app: App[Any], quiet_since: Callable[[], float]) -> None:
    """Call once the first frame is drawn; `quiet_since()` is the seconds since the last
    input."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(5000, 20, 10**9)
    gc.enable()  # off from the command line's start (cli.main) until now

    def collect() -> None:
        if quiet_since() >= QUIET_FOR and gc.get_count()[2] > 0:
            gc.collect()

    app.set_interval(QUIET_FOR, collect, name="gc")
