"""Garbage collection kept out of page turns, but never put off for long.

A full collection scanned ~380,000 objects in ~150 ms, and the collector started them in the
middle of page turns (bench/README.md). So: what exists once the title is up (Textual, the
exhibit) is frozen out of every collection; automatic collection keeps to the young
generations; the full one runs when nobody has pressed anything for a few seconds, and at
least every LONGEST_WITHOUT seconds even while keys keep coming: a child mashing keys for half
an hour otherwise left 1.8 GB of unreclaimed pages and windows (bench/soak.py mash).

The collector stays off from the command line's start (cli.start) until the first of those
quiet moments, not just until the title's first frame: a full collection there (~20-40 ms
holding the interpreter) delayed the title itself, Textual's writer thread still writing it
(bench/run.py --only startup). The checks run on the kiosk's clock (attendance.Clock), so
tests move a clock instead of waiting.
"""

from __future__ import annotations

import gc

from .attendance import Attendance

QUIET_FOR = 2.0
"""Seconds without input before a full garbage collection may run."""
LONGEST_WITHOUT = 30.0
"""Seconds after which a full collection runs even during input (one short pause)."""
THRESHOLDS = (5000, 20, 10**9)
"""Automatic collection: young generations only, less often than Python's (700, 10, 10)."""


def collect_when_quiet(attendance: Attendance) -> None:
    """Call once the title's first frame is drawn: from then on, a full collection whenever
    the kiosk is quiet (`attendance.quiet_for()`), or has not had one for LONGEST_WITHOUT."""
    # Freezing is cheap (the generations' lists are moved, nothing is scanned: ~10 µs for
    # 300,000 objects), so it is done here, at the title: what is alive now stays alive. At
    # the first quiet moment the pages built meanwhile in the background (prebuild.py, about
    # 200,000 objects for the bundled exhibit) would be frozen too, and their reference
    # cycles never freed once a language change or a reload empties the shelf. The price:
    # the start's own garbage (~1,700 objects here) is frozen with the rest, once.
    gc.freeze()
    clock = attendance.clock
    last = clock.now()  # when the last full collection ran (for the first: the title)
    enabled = False

    def check() -> None:
        nonlocal last, enabled
        every = min(QUIET_FOR, LONGEST_WITHOUT)
        due = attendance.quiet_for() >= QUIET_FOR or clock.now() - last >= LONGEST_WITHOUT
        # The first is always needed: with the collector off, nothing made since the start
        # has been scanned, and the oldest generation's count does not grow.
        if due and (not enabled or gc.get_count()[2] > 0):
            gc.collect()
            last = clock.now()
            if not enabled:
                gc.set_threshold(*THRESHOLDS)
                gc.enable()  # off from the command line's start (cli.start) until now
                enabled = True
        clock.later(every, check)

    # The first check comes QUIET_FOR after the title at the earliest, even when the start
    # took longer than that: the frame, and the pictures decoded in threads after it, are
    # done by then.
    clock.later(min(QUIET_FOR, LONGEST_WITHOUT), check)
