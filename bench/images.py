"""Benchmark (run by hand): a 12 MP camera JPEG, first paint and cached repaint.

    python bench/images.py [--runs 5]

Measures the kiosk's Picture widget against textual-image's own HalfcellImage widget given the
same file, both in headless Textual apps in this same run, and prints medians, ranges and the
ratio kiosk / textual-image. Goals (issue "Photographs and illustrations"): first paint faster
than textual-image alone; repaint of a cached image under 10 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exhibit.model import ImageRef
from exhibit.ui.images import ImageSettings
from exhibit.ui.widgets.picture import Picture
from exhibit.ui.words import EN

SIZE = (120, 40)
BOX_STYLE = "height: 30; width: 100;"


def camera_jpeg(folder: Path) -> Path:
    """4000 x 3000 (12 MP), rotated by EXIF like a phone photo."""
    image = PILImage.new("RGB", (4000, 3000), (40, 70, 110))
    draw = ImageDraw.Draw(image)
    for x in range(0, 4000, 160):
        draw.rectangle((x, 0, x + 60, 3000), fill=(200, 150, 60))
    draw.ellipse((1200, 700, 2800, 2300), fill=(235, 235, 225))
    exif = PILImage.Exif()
    exif[0x0112] = 6
    path = folder / "camera.jpg"
    image.save(path, "JPEG", quality=92, exif=exif.tobytes())
    return path


class Stage(App[None]):
    CSS = f"#stage {{ {BOX_STYLE} }}"

    def compose(self) -> ComposeResult:
        yield Vertical(id="stage")


async def timed(
    make: Callable[[], object], ready: Callable[[App[None]], bool]
) -> list[tuple[float, float]]:
    """Seconds from mounting `make()` until `ready(app)` and the screen has painted, then the
    same again with a fresh widget for the same file (the visitor coming back): wall-clock
    time, and the CPU time of the process over the same span (the wall time also waits for
    Textual's frame timer, ~17 ms at 60 frames a second, which dwarfs the cached case)."""
    app = Stage()
    times: list[tuple[float, float]] = []
    async with app.run_test(size=SIZE) as pilot:
        stage = app.query_one("#stage")
        for _ in range(2):
            await stage.remove_children()
            await pilot.pause()
            start, cpu = time.perf_counter(), time.process_time()
            await stage.mount(make())  # type: ignore[arg-type]
            while not ready(app):
                await asyncio.sleep(0.0005)
            await pilot.pause()  # lets the compositor paint the new widget
            times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


async def measure(path: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    from textual_image.widget import HalfcellImage as halfcell

    keys = ("floor", "ti-first", "ti-again", "k-first", "k-again")
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in keys}
    for _ in range(runs):
        results["floor"] += await timed(lambda: Static("A line of text."), lambda app: True)
        first, again = await timed(lambda: halfcell(path), lambda app: True)
        results["ti-first"].append(first)
        results["ti-again"].append(again)
        settings = ImageSettings(mode="halfcell", folder=path.parent)  # a fresh cache per run
        ref = ImageRef(alt="A test photograph.", file=path.name)
        first, again = await timed(
            lambda ref=ref, settings=settings: Picture(ref, settings, EN),
            lambda app: bool(app.query(".pixels")),
        )
        results["k-first"].append(first)
        results["k-again"].append(again)
    return results


def row(
    name: str, pairs: list[tuple[float, float]], baseline: list[tuple[float, float]] | None
) -> str:
    values = [wall for wall, _ in pairs]
    median = statistics.median(values) * 1000
    spread = f"{min(values) * 1000:7.1f} - {max(values) * 1000:7.1f}"
    ratio = "     "
    if baseline:
        ratio = f"{median / (statistics.median(wall for wall, _ in baseline) * 1000):5.2f}x"
    cpu = statistics.median(cpu for _, cpu in pairs) * 1000
    return f"{name:<42} {median:8.1f} ms  [{spread}]  {ratio}  {cpu:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        path = camera_jpeg(Path(folder))
        results = asyncio.run(measure(path, runs))
    print(f"12 MP JPEG, half-cell, box {BOX_STYLE} at {SIZE[0]}x{SIZE[1]}; {runs} runs")
    print(f"{'':42} {'median':>11}  {'range':^19}  ratio  {'CPU, median':>11}")
    print(row("floor: mount a Static and paint", results["floor"], None))
    print(row("textual-image HalfcellImage, first paint", results["ti-first"], None))
    print(row("kiosk Picture, first paint", results["k-first"], results["ti-first"]))
    print(row("textual-image HalfcellImage, again", results["ti-again"], None))
    print(row("kiosk Picture, again (cached)", results["k-again"], results["ti-again"]))
    for label, index in (("wall", 0), ("CPU", 1)):
        floor = statistics.median(pair[index] for pair in results["floor"])
        again = statistics.median(pair[index] for pair in results["k-again"])
        net = (again - floor) * 1000
        print(f"cached repaint above the floor, {label}: {net:.1f} ms (goal: under 10 ms)")


if __name__ == "__main__":
    main()
