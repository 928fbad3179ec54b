"""No page a visitor waits for: the pages of the current edition that are not built yet are
built in the background while nobody touches the kiosk, one at a time.

Building a page on its first visit (composing, styling and laying out a hundred widgets) cost
several times what showing a kept page costs (bench/README.md), and every start, reload,
language or description-mode change begins a new set of first visits. So whenever the kiosk
has been quiet for QUIET seconds, the next page not on the shelf (stage.unbuilt: the title,
the panels on from the visitor's, their advisories, the closing page) is built, composed and
laid out off-stage (workarounds.compose_off_stage) and kept, without being shown. After each
page the event loop has its turn, and the next waits for quiet again: a key or touch meanwhile
is handled first and puts the rest off. The round starts again by itself whenever there is a
page to build (`kick`, after every change of page).

A kiosk can be told to build less ahead (`reach`, the command line's --build-ahead): only the
pages that many stops from the one shown. kiosk serve's browser sessions build just the
neighbours, so that a server holding many sessions does not hold every page of each.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widget import MountError
from textual.worker import WorkType

from ..logs import LOGGER
from . import workarounds
from .attendance import Cancel
from .screens.base import KioskScreen
from .stage import Prebuild

if TYPE_CHECKING:
    from .app import KioskApp

log = logging.getLogger(LOGGER)

QUIET = 0.5
"""Seconds without a key or touch before the next page is built (about one page's build on a
Raspberry Pi: a visitor who has just pressed a key is likely to press another soon)."""
ALL_BUILT = "every page built ahead of visitors"
"""Logged when a round is complete (bench/run.py waits for it before its first lap)."""
BETWEEN = 0.1
"""Seconds at least between two pages: the event loop's turn (drawing, pictures, keys)."""


class Prebuilder:
    """Builds the pages a visitor has not seen yet, while the kiosk is idle."""

    def __init__(self, app: KioskApp, enabled: bool = True, reach: int | None = None) -> None:
        self.app = app
        self.enabled = enabled
        self.reach = reach
        """Build only pages at most this many stops from the one shown (None: every page)."""
        self._waiting: Cancel | None = None
        self._building: Prebuild | None = None
        self._title_drawn = False
        """Nothing is built before the first frame is on screen (`start`)."""
        self._failed: set[tuple[str, int]] = set()
        """Pages whose building failed (the healer was called meanwhile): left to a visitor's
        visit, so that one broken page cannot make the kiosk fail over and over while idle."""

    @property
    def busy(self) -> bool:
        """A page is being built now."""
        return self._building is not None

    def start(self) -> None:
        """The title is on screen: from QUIET seconds on, build the rest. (The idle time is
        counted from the app's creation, which a slow start can use up: without this the
        first page was built while the title was still being drawn, delaying it.)"""
        self._title_drawn = True
        self.kick(not_before=QUIET)

    def kick(self, not_before: float = 0.0) -> None:
        """Build what is not built yet, once the kiosk is quiet (nothing if all is built)."""
        if not self.enabled or not self._title_drawn:
            return
        if self._waiting is not None or self._building is not None:
            return
        if next(self._todo(), None) is not None:
            attendance = self.app.attendance
            self._waiting = attendance.when_quiet(QUIET, self._build_next, not_before=not_before)

    def stop(self) -> None:
        """No more building until the next kick."""
        if self._waiting is not None:
            self._waiting()
            self._waiting = None

    def failed(self) -> None:
        """The healer is at work: if a page was being built, it may be what failed; it is
        left to a visitor, and the build under way is given up."""
        self.stop()
        job, self._building = self._building, None
        if job is not None:
            log.warning("building %s %d in the background failed", job.kind, job.number)
            self._failed.add((job.kind, job.number))
            self.app.workers.cancel_group(self.app, "prebuild")

    def forget_failures(self) -> None:
        """A new exhibit: every page gets its chance again."""
        self._failed.clear()

    def _todo(self) -> Iterator[Prebuild]:
        """The pages still to build, within reach of the page shown."""
        here = self.app.state.stop.number
        for job in self.app.stage.unbuilt(self._failed):
            if self.reach is None or abs(job.number - here) <= self.reach:
                yield job

    def _build_next(self) -> None:
        self._waiting = None
        job = next(self._todo(), None)
        if job is None or not self.app.is_running:
            return
        self._building = job
        page = job.build()
        if isinstance(page, KioskScreen):
            page.fit_to(self.app.size)  # its classes for this screen size, before styling
        # A function, not a coroutine made here: the worker calls it once it runs. A worker
        # cancelled before it ever ran (the app closing just as a page was queued) left the
        # coroutine never awaited, and Python warned of it. (Typed: left to infer the result
        # from the partial, mypy finds none.)
        work: WorkType[None] = partial(self._compose, job, page)
        self.app.run_worker(work, group="prebuild", description=f"building {job.kind} {job.number}")

    async def _compose(self, job: Prebuild, page: Screen[None]) -> None:
        """Compose, lay out and render `page` off-stage, each a step of its own with the event
        loop's turn between; a visitor's key meanwhile leaves the rest to when it is shown."""
        try:
            with contextlib.suppress(MountError):  # emptied from the shelf meanwhile
                await workarounds.start_off_stage(self.app, page)
            # Laid out again while the widgets' answers to their sizes ask for it (twice at most).
            steps = (self._lay_out, self._lay_out_again, self._lay_out_again)
            for step in (*steps, workarounds.render_off_stage):
                await asyncio.sleep(BETWEEN / 4)  # the widgets' own start-up messages
                shown = page in self.app.screen_stack  # a visitor went there meanwhile
                if shown or self.app.attendance.quiet_for() < QUIET or not page.is_attached:
                    break
                step(page)
            if isinstance(page, KioskScreen) and page.is_attached:
                page.on_screen_suspend()  # styled for the current look, as if it had just left
        finally:
            if self._building is job:
                self._building = None
        if self.reach is None and next(self._todo(), None) is None:
            log.info("%s (%s)", ALL_BUILT, self.app.language or "one language")
        self.kick(not_before=BETWEEN)

    def _lay_out(self, page: Screen[None]) -> None:
        workarounds.lay_out_off_stage(page, self.app.size)

    def _lay_out_again(self, page: Screen[None]) -> None:
        if workarounds.needs_layout(page):
            self._lay_out(page)
