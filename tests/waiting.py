"""The one way tests wait for something outside a Pilot app (a process, a file, a browser):
poll `condition` until it holds, failing with `what` after `seconds`. Pilot tests wait with
kiosk_pilot.until, which lets the app run between looks; kiosk time itself is never waited
for (kiosk_pilot.ManualClock)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest


def wait_until(
    condition: Callable[[], object],
    what: str = "",
    *,
    seconds: float = 30.0,
    pause: Callable[[], object] | None = None,
) -> None:
    """Poll `condition`; `pause` runs between looks (a browser tab handles its events only
    while Playwright is called), else a short sleep."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting{': ' + what if what else ''}")
        if pause is None:
            time.sleep(0.02)
        else:
            pause()
