"""Screen care on screen (exhibit/screen_care.py has the arithmetic): while the attract loop
runs, the whole page is moved by a cell now and then and dimmed after a long quiet spell; the
visitor who takes over gets the page back where it belongs, at full brightness.

It only sets app classes (kiosk.tcss, "Screen care"): -care-up, -care-downleft and so on
move every screen's widgets, -dimmed tints them dark. Timed on the app's Clock, by the time
since the last visitor (Attendance.quiet_for), so a day passes in a test loop.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..journey import State
from ..screen_care import DIM_AFTER, SHIFT_EVERY, dimmed, offset
from .attendance import Cancel, Clock

if TYPE_CHECKING:
    from .app import KioskApp

SHIFT_CLASSES = {
    (dx, dy): "-care-"
    + "".join(
        name
        for name, wanted in (("up", dy < 0), ("down", dy > 0), ("left", dx < 0), ("right", dx > 0))
        if wanted
    )
    for dx in (-1, 0, 1)
    for dy in (-1, 0, 1)
    if (dx, dy) != (0, 0)
}
"""The app class that moves every screen's widgets by (columns, rows), e.g. -care-upleft."""
DIMMED = "-dimmed"


class ScreenCare:
    """Moves and dims the unattended screen; follows the journey's state."""

    def __init__(self, app: KioskApp, clock: Clock, quiet_for: Callable[[], float]) -> None:
        self.app = app
        self.clock = clock
        self.quiet_for = quiet_for
        self.shift: tuple[int, int] = (0, 0)
        self.dimmed = False
        self._timer: Cancel | None = None

    def follow(self, state: State) -> None:
        """Care runs while the attract loop does; anything else shows the page as it is."""
        if state.attract and self._timer is None:
            self._tick()
        elif not state.attract:
            self.stop()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer()
            self._timer = None
        self._apply((0, 0), False)

    def _tick(self) -> None:
        quiet = self.quiet_for()
        self._apply(offset(quiet), dimmed(quiet))
        due = (math.floor(quiet / SHIFT_EVERY) + 1) * SHIFT_EVERY
        if quiet < DIM_AFTER:
            due = min(due, DIM_AFTER)
        self._timer = self.clock.later(max(0.5, due - quiet), self._tick)

    def _apply(self, shift: tuple[int, int], dim: bool) -> None:
        if (shift, dim) == (self.shift, self.dimmed):
            return
        self.shift, self.dimmed = shift, dim
        for moved, name in SHIFT_CLASSES.items():
            self.app.set_class(moved == shift, name)
        self.app.set_class(dim, DIMMED)
