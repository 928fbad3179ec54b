"""Who is at the kiosk: the attract loop until a visitor comes, the idle countdown after they
leave. An object the app holds: it owns its timers and tells the time by an injected clock, so
that tests turn pages by moving a clock instead of sleeping.

It decides nothing about pages: it tells the journey when a demo step is due, when the kiosk
has been idle long enough and when the countdown has run out (journey.Signal), and follows the
state the journey returns (attract loop running or not, countdown shown or not).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from ..journey import Signal, State

Cancel = Callable[[], object]


class Clock(Protocol):
    """The time, and a way to be called back after a delay (cancellable)."""

    def now(self) -> float: ...

    def later(self, delay: float, callback: Callable[[], None]) -> Cancel: ...


class AppClock:
    """The real time, with the app's own timers (they stop when the app does)."""

    def __init__(self, app: Any) -> None:
        self._app = app

    def now(self) -> float:
        return time.monotonic()

    def later(self, delay: float, callback: Callable[[], None]) -> Cancel:
        timer = self._app.set_timer(delay, callback)
        return timer.stop  # type: ignore[no-any-return]


class Attendance:
    """The demo loop's steps, the idle timer and the countdown, for one kiosk."""

    def __init__(
        self,
        clock: Clock,
        signal: Callable[[Signal], object],
        *,
        idle_timeout: Callable[[], float],
        demo_interval: Callable[[], float],
        countdown: float,
    ) -> None:
        self.clock = clock
        self._signal = signal
        self._idle_timeout = idle_timeout
        self._demo_interval = demo_interval
        self.countdown_seconds = countdown
        self.last_input = clock.now()
        self.countdown_deadline = 0.0
        """When the countdown on screen runs out (clock time)."""
        self._idle: Cancel | None = None
        self._demo: Cancel | None = None
        self._demo_due = 0.0
        self._countdown: Cancel | None = None

    def quiet_for(self) -> float:
        """Seconds since a visitor last did anything."""
        return self.clock.now() - self.last_input

    def when_quiet(
        self, seconds: float, callback: Callable[[], None], *, not_before: float = 0.0
    ) -> Cancel:
        """Call `callback` once nobody has pressed or touched anything for `seconds`, and not
        sooner than `not_before` seconds from now; cancellable."""
        cancelled = False
        pending: list[Cancel] = []

        def check() -> None:
            pending.clear()
            if cancelled:
                return
            left = seconds - self.quiet_for()
            if left > 0:
                pending.append(self.clock.later(left, check))
            else:
                callback()

        def cancel() -> None:
            nonlocal cancelled
            cancelled = True
            for stop in pending:
                stop()

        # Textual cannot time 0 seconds: at least a millisecond.
        first = max(0.001, not_before, seconds - self.quiet_for())
        pending.append(self.clock.later(first, check))
        return cancel

    def countdown_left(self) -> float:
        """Seconds until the countdown on screen runs out."""
        return self.countdown_deadline - self.clock.now()

    def noticed_input(self) -> None:
        """A visitor is here: the idle timer runs from now (one timer, re-armed only when it
        fires early, so keys cost nothing)."""
        self.last_input = self.clock.now()
        if self._idle is None:
            self._idle = self.clock.later(self._idle_timeout(), self._idle_check)

    def _idle_check(self) -> None:
        self._idle = None
        quiet, timeout = self.quiet_for(), self._idle_timeout()
        if quiet < timeout:
            self._idle = self.clock.later(timeout - quiet, self._idle_check)
        else:
            self._signal(Signal.IDLE)

    def follow(self, state: State) -> None:
        """Run the timers the state needs: the demo loop while it attracts, the countdown
        while it asks "Still reading?"."""
        if state.attract and self._demo is None:
            self._demo_due = self.clock.now() + self._demo_interval()
            self._demo = self.clock.later(self._demo_interval(), self._demo_step)
        elif not state.attract:
            _cancel(self._demo)
            self._demo = None
        if state.countdown and self._countdown is None:
            self.countdown_deadline = self.clock.now() + self.countdown_seconds
            self._countdown = self.clock.later(self.countdown_seconds, self._countdown_end)
        elif not state.countdown:
            _cancel(self._countdown)
            self._countdown = None

    def restart_demo(self, state: State) -> None:
        """Start the loop's timing again (its interval may have changed)."""
        _cancel(self._demo)
        self._demo = None
        self.follow(state)

    def stop(self) -> None:
        for cancel in (self._idle, self._demo, self._countdown):
            _cancel(cancel)
        self._idle = self._demo = self._countdown = None

    def _demo_step(self) -> None:
        # Each step is due one interval after the last was due, not after it ran: no drift.
        self._demo_due += self._demo_interval()
        self._demo = self.clock.later(
            max(0.001, self._demo_due - self.clock.now()), self._demo_step
        )
        self._signal(Signal.DEMO_STEP)

    def _countdown_end(self) -> None:
        self._countdown = None
        self._signal(Signal.COUNTDOWN_END)


def _cancel(cancel: Cancel | None) -> None:
    """Stop a timer if there is one; None, for the attribute that held it."""
    if cancel is not None:
        cancel()
    return None
