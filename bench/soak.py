"""Soak (run by hand): months in a hall, compressed. Headless `App.run_test()`, 120x40.

    python3 bench/soak.py [demo] [switches] [mash] [--hours 48] [--switches 10000]
                          [--keys 100000] [--quick] [--tracemalloc]

demo      the attract loop for --hours of simulated time at the exhibit's demo_interval
          (20 s a page: 8,640 steps for 48 h), driven by the real Textual demo timer with
          demo_interval=--step-interval (0.01 s) and an injected clock that advances one
          interval per step;
switches  --switches panel switches, "right" posted as key events in bursts of 10;
mash      --keys random keys, touches and resizes, tests/test_hardening.py's
          test_a_thousand_random_keys_clicks_and_resizes at scale (its KEYS, its seed).

Each part warms up first, then notes resident memory (VmRSS), Python's traced memory (with
--tracemalloc, started after the warm-up, so it counts only what the soak itself keeps) and
the number of objects the garbage collector tracks, after a full collection, at the start and
at the end, and checks that the app still runs and healed no error (`app.healer.failures`).
Warm-up is a fifth of each run: Textual's render caches (strips, styles, text) keep filling
for the first two to three thousand page turns before they level off, so a shorter warm-up
reports their filling as growth. RSS before the warm-up is printed as well. Goal: growth
under 5 MB after warm-up. With no part named, all three run. --quick divides
every count by 20. --try FIXES applies bench/try_fixes.py's proposed changes first.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from exhibit.journey import Event, Signal, Step  # noqa: E402
from exhibit.loader import LoadResult, load_exhibit  # noqa: E402
from exhibit.model import Exhibit  # noqa: E402
from exhibit.ui.app import KioskApp  # noqa: E402

GOAL_MB = 5.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Meter:
    """Memory at the start of the soak proper and at its end, after full collections."""

    def __init__(self, name: str, traced: bool) -> None:
        self.name, self.traced = name, traced
        self.samples: list[tuple[float, float, float, int]] = []
        self.started = time.perf_counter()

    def note(self) -> None:
        gc.collect()
        if self.traced and not tracemalloc.is_tracing():
            tracemalloc.start(10)
        traced = tracemalloc.get_traced_memory()[0] / 2**20 if self.traced else 0.0
        self.samples.append((time.perf_counter(), rss_mb(), traced, len(gc.get_objects())))

    def report(self, steps: int, app: KioskApp) -> bool:
        (t0, rss0, tr0, ob0), (t1, rss1, tr1, ob1) = self.samples[0], self.samples[-1]
        growth = rss1 - rss0
        half = rss1 - self.samples[len(self.samples) // 2][1]
        peak = max(s[1] for s in self.samples)
        healthy = app.is_running and app.return_code is None and app.healer.failures == []
        ok = healthy and growth < GOAL_MB
        print(
            f"{self.name}: {steps} steps in {t1 - t0:.0f} s ({1000 * (t1 - t0) / steps:.1f} ms "
            f"each); RSS {rss0:.1f} -> {rss1:.1f} MB ({growth:+.1f} MB, peak {peak:.1f}); "
            f"second half {half:+.1f} MB; gc objects {ob0} -> {ob1} ({ob1 - ob0:+d})"
            + (f"; traced {tr0:.1f} -> {tr1:.1f} MB" if self.traced else "")
        )
        print(
            f"  running: {app.is_running}, healed errors: {len(app.healer.failures)}; "
            f"goal growth < {GOAL_MB:.0f} MB: {'met' if ok else 'NOT met'}"
        )
        if self.traced:
            top = tracemalloc.take_snapshot().statistics("lineno")[:5]
            for stat in top:
                print(f"    {stat}")
            tracemalloc.stop()
        return ok


async def soak(
    app: KioskApp,
    name: str,
    total: int,
    traced: bool,
    warm: int,
    step: Callable[[Pilot[int], int], Awaitable[int]],
) -> bool:
    """Run `step` (which returns how many steps are done) until `total`, noting memory after
    `warm` steps and ten times on the way."""
    meter = Meter(name, traced)
    done = 0
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            rss_before = rss_mb()
            warm = max(warm, total // 5)
            while done < warm:
                done = await step(pilot, done)
            meter.note()
            print(
                f"  {name}: RSS {rss_before:.1f} MB at the start, {meter.samples[-1][1]:.1f} MB "
                f"after {done} steps of warm-up",
                flush=True,
            )
            start, marks = done, [warm + (total - warm) * k // 10 for k in range(1, 11)]
            while done < total:
                done = await step(pilot, done)
                if marks and done >= marks[0]:
                    marks.pop(0)
                    meter.note()
                    rss = meter.samples[-1][1]
                    print(f"  {name}: {done}/{total}, RSS {rss:.1f} MB", flush=True)
            await pilot.pause()
            meter.note()
            return meter.report(done - start, app)
    except Exception as error:  # the app stopped, or a check failed: say where
        print(
            f"{name}: FAILED after {done} of {total} steps: {type(error).__name__}: {error}; "
            f"app running: {app.is_running}, return code {app.return_code}, "
            f"healed errors: {len(app.healer.failures)} (the traceback is above)"
        )
        return False


def kiosk_exhibit(loaded: LoadResult) -> Exhibit:
    assert loaded.exhibit is not None, "the bundled exhibit does not load"
    return loaded.exhibit


class DemoKiosk(KioskApp):
    """Counts the demo loop's steps."""

    steps = 0

    def feed(self, event: Event) -> Step:
        if event is Signal.DEMO_STEP:
            DemoKiosk.steps += 1
        return super().feed(event)


async def demo(loaded: LoadResult, hours: float, interval: float | None, traced: bool) -> bool:
    exhibit = kiosk_exhibit(loaded)
    per_step = exhibit.kiosk.demo_interval
    total = round(hours * 3600 / per_step)
    how = f"the demo timer at {interval:g} s" if interval else "each step awaited"
    print(f"demo: {hours:g} simulated hours at {per_step:g} s a page = {total} steps; {how}")
    app = DemoKiosk(
        exhibit,
        editions=loaded.editions,
        demo=True,
        demo_interval=interval or 86400.0,  # without --step-interval the timer never fires
        collect_garbage=True,
    )

    async def step(pilot: Pilot[int], done: int) -> int:
        if interval:
            await asyncio.sleep(0.05)
        else:  # the timer's own callback, each step awaited until the app is idle again
            app.feed(Signal.DEMO_STEP)
            await pilot.pause()
        return DemoKiosk.steps

    return await soak(app, "demo", total, traced, warm=3 * (len(exhibit.panels) + 2), step=step)


async def switches(loaded: LoadResult, count: int, traced: bool) -> bool:
    print(f"switches: {count} presses of 'right', in bursts of 10")

    async def step(pilot: Pilot[int], done: int) -> int:
        for _ in range(10):
            pilot.app.post_message(events.Key("right", None))
        await pilot.pause()
        return done + 10

    app = KioskApp(kiosk_exhibit(loaded), editions=loaded.editions, collect_garbage=True)
    return await soak(app, "switches", count, traced, warm=100, step=step)


async def mash(loaded: LoadResult, count: int, traced: bool) -> bool:
    """test_a_thousand_random_keys_clicks_and_resizes, `count` inputs instead of 1,000."""
    from test_hardening import KEYS  # the test's own list: keys a child might press

    print(f"mash: {count} random keys, touches and resizes (tests/test_hardening.py's KEYS)")
    rng = random.Random(20261126)
    app = KioskApp(kiosk_exhibit(loaded), editions=loaded.editions, collect_garbage=True)

    async def step(pilot: Pilot[int], done: int) -> int:
        for _ in range(20):
            roll = rng.random()
            if roll < 0.03:
                await pilot.resize_terminal(rng.randint(20, 200), rng.randint(8, 60))
            elif roll < 0.08:  # a touch anywhere, as the terminal reports it
                x, y = rng.randrange(app.size.width), rng.randrange(app.size.height)
                for kind in (events.MouseDown, events.MouseUp):
                    app.post_message(
                        kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
                    )
            else:
                key = rng.choice(KEYS)
                app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        assert app.is_running, "the app stopped during the mash"
        return done + 20

    ok = await soak(app, "mash", count, traced, warm=200, step=step)
    if app.healer.failures:
        print(f"mash: {len(app.healer.failures)} errors were raised (and healed) on the way")
    return ok and not app.healer.failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", choices=("demo", "switches", "mash"))
    parser.add_argument("--hours", type=float, default=48.0, help="simulated demo hours")
    parser.add_argument(
        "--step-interval",
        type=float,
        help="drive the demo with its real timer at this many seconds a step (default: call "
        "the timer's callback and await each step); shorter than a page switch, steps pile up",
    )
    parser.add_argument("--switches", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a twentieth of every count")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations")
    parser.add_argument("--try", dest="fixes", default="", help="bench/try_fixes.py's FIXES")
    args = parser.parse_args()
    if args.fixes:
        import try_fixes

        print(f"with the proposed fixes: {', '.join(try_fixes.apply(args.fixes))}")
    if args.quick:
        args.hours, args.switches, args.keys = args.hours / 20, args.switches // 20, args.keys // 20
    loaded = load_exhibit(ROOT / "exhibit.yaml")
    parts = args.parts or ["demo", "switches", "mash"]
    verdicts = []
    for part in parts:
        if part == "demo":
            run = demo(loaded, args.hours, args.step_interval, args.tracemalloc)
        elif part == "switches":
            run = switches(loaded, args.switches, args.tracemalloc)
        else:
            run = mash(loaded, args.keys, args.tracemalloc)
        verdicts.append(asyncio.run(run))
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
