"""Timer drift (run by hand): does the attract loop keep time, page after page?

    python3 bench/timer_drift.py [--seconds 70] [--interval 0.5]

Runs the kiosk headless in demo mode at --interval seconds a page and notes when each demo
step fires. After the first round (which builds every page) it prints the mean period and how
far the steps strayed from start + n x interval. A loop that re-armed its timer after each
page would fall behind by the page's cost every time; Textual's interval timer schedules from
its start, so the error stays within a millisecond or so.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exhibit.journey import Event, Signal, Step  # noqa: E402
from exhibit.loader import load_exhibit  # noqa: E402
from exhibit.ui.app import KioskApp  # noqa: E402


async def measure(seconds: float, interval: float) -> list[float]:
    loaded = load_exhibit(ROOT / "exhibit.yaml")
    assert loaded.exhibit is not None
    steps: list[float] = []

    class Timed(KioskApp):
        def feed(self, event: Event) -> Step:
            if event is Signal.DEMO_STEP:
                steps.append(time.monotonic())
            return super().feed(event)

    app = Timed(loaded.exhibit, editions=loaded.editions, demo=True, demo_interval=interval)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(seconds)
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=70.0)
    parser.add_argument("--interval", type=float, default=0.5)
    args = parser.parse_args()
    steps = asyncio.run(measure(args.seconds, args.interval))[10:]  # after the first round
    count = len(steps) - 1
    if count < 2:
        raise SystemExit("too few steps: give it more --seconds")
    period = (steps[-1] - steps[0]) / count
    off = [t - (steps[0] + k * args.interval) for k, t in enumerate(steps)]
    print(
        f"{count} demo steps at {args.interval * 1000:.0f} ms: mean period {period * 1000:.2f} ms; "
        f"off schedule by at most {max(off) * 1000:+.1f} ms, last {off[-1] * 1000:+.1f} ms"
    )


if __name__ == "__main__":
    main()
