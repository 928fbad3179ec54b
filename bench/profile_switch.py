"""Profile (run by hand): where a panel switch spends its time, headless, with cProfile.

    python3 bench/profile_switch.py [--images none|halfcell] [--switches 40] [--top 25]
                                    [--sort cumulative|tottime] [--out FILE.prof]

Starts KioskApp on the bundled exhibit in `App.run_test()` at 120x40, walks once round every
page (pictures cached), then profiles --switches presses of "right" (each awaited until the
app is idle again) and prints the wall time per switch, the top functions, and the share of
the time spent in a few suspects (Markdown, CSS, layout, compositor, textual-image).
Open --out with `python3 -m pstats FILE` or snakeviz for more.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exhibit.loader import load_exhibit  # noqa: E402
from exhibit.ui.app import KioskApp  # noqa: E402
from exhibit.ui.images import ImageSettings, widget_class  # noqa: E402

SUSPECTS = {
    "Markdown / markdown-it": ("markdown", "markdown_it"),
    "CSS: styles update / stylesheet apply": ("stylesheet.py", "styles.py", "_styles_cache"),
    "layout / arrange": ("_arrange.py", "_layout", "layouts/", "_resolve.py"),
    "compositor / render": ("_compositor.py", "strip.py", "_segment_tools", "segment.py"),
    "textual-image": ("textual_image",),
    "kiosk code (exhibit/)": ("/exhibit/",),
}


async def profile(mode: str, switches: int) -> tuple[cProfile.Profile, list[float]]:
    result = load_exhibit(ROOT / "exhibit.yaml")
    assert result.exhibit is not None
    widget_class(mode)
    settings = ImageSettings(mode=mode, folder=result.folder)
    app = KioskApp(result.exhibit, editions=result.editions, images=settings)
    profiler = cProfile.Profile()
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        pages = len(result.exhibit.panels) + 2
        for _ in range(pages + 2):  # a walk round everything: pictures decoded and cached
            await pilot.press("right")
            await pilot.pause(0.3 if mode != "none" else 0.05)
        for _ in range(switches):
            start = time.perf_counter()
            profiler.enable()
            await pilot.press("right")
            await pilot.pause()
            await app.animator.wait_until_complete()
            await pilot.pause()
            profiler.disable()
            times.append(time.perf_counter() - start)
            await pilot.pause(0.02)
    return profiler, times


def shares(stats: pstats.Stats, total: float) -> list[str]:
    """Own time (tottime) of functions in files matching each suspect, as a share of all."""
    lines = []
    for label, needles in SUSPECTS.items():
        own = sum(
            row[2]
            for (file, _, _), row in stats.stats.items()  # type: ignore[attr-defined]
            if any(n in file for n in needles)
        )
        lines.append(f"  {label:<40} {own:7.3f} s own time  {100 * own / total:5.1f}%")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", choices=("none", "halfcell"), default="none")
    parser.add_argument("--switches", type=int, default=40)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", choices=("cumulative", "tottime"), default="cumulative")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    profiler, times = asyncio.run(profile(args.images, args.switches))
    ms = sorted(t * 1000 for t in times)
    print(
        f"{args.switches} switches, --images {args.images}, under cProfile (slower than "
        f"without): median {statistics.median(ms):.1f} ms, min {ms[0]:.1f}, max {ms[-1]:.1f}"
    )
    if args.out:
        profiler.dump_stats(args.out)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"profiled: {total:.3f} s of CPU in all, {1000 * total / args.switches:.1f} ms a switch")
    print("\n".join(shares(stats, total)))
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)
    print(stream.getvalue())


if __name__ == "__main__":
    main()
