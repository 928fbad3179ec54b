"""Garbage collection kept out of page turns, but never put off for long.

A full collection scanned ~380,000 objects in ~150 ms, and the collector started them in the
middle of page turns (bench/README.md). So: what exists once the title is up (Textual, the
exhibit) is frozen out of every collection; automatic collection keeps to the young
generations; the full one runs when nobody has pressed anything for a few seconds, and at
least every LONGEST_WITHOUT seconds even while keys keep coming: a child mashing keys for half
an hour otherwise left 1.8 GB of unreclaimed pages and windows (bench/soak.py mash).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

QUIET_FOR = 2.0
"""Seconds without input before a full garbage collection may run."""
LONGEST_WITHOUT = 30.0
"""Seconds after which a full collection runs even during input (one short pause)."""


def collect_when_quiet(
    app: App[Any], quiet_since: Callable[[], float], clock: Callable[[], float] = time.monotonic
) -> None:
    """Call once the first frame is drawn; `quiet_since()` is the seconds since the last
    input."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(5000, 20, 10**9)
    gc.enable()  # off from the command line's start (cli.main) until now
    last = clock()

    def collect() -> None:
        nonlocal last
        due = quiet_since() >= QUIET_FOR or clock() - last >= LONGEST_WITHOUT
        if due and gc.get_count()[2] > 0:
            gc.collect()
            last = clock()

    app.set_interval(min(QUIET_FOR, LONGEST_WITHOUT), collect, name="gc")
