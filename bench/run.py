"""Benchmark (run by hand): the real kiosk in a pseudo-terminal against a bare Textual app.

    python3 bench/run.py [--runs 5] [--switches 35] [--idle-seconds 60] [--quick] [--no-images]
                         [--quiet-ms 50] [--try FIXES] [--only startup,keys,idle]

Starts `kiosk.py` on a frozen copy of the bundled exhibit.yaml and media/ (so that edits made
during the run cannot trigger a live reload), with `--images none` (text) or
`--images halfcell` (pictures) and `--log` in a temporary folder, in a 120x40 pty with
TERM=xterm-256color (bench/terminal.py), and bench/baseline_app.py the same way. Measures:

1. start-up: process start to the first complete title frame (marker text seen, the frame closed
   by ESC[?2026l and then 50 ms of silence, not counted), for the kiosk as deployed (no
   --images: it asks the terminal), with --images none and with half blocks, against a
   one-Static Textual app (baseline_app.py --static), interleaved round by round;
2. key to frame: "right" written to the pty until the next page is drawn and settled, median
   and p95 over at least --switches switches into panels (text; and, with half-block
   pictures already cached, into panels with images), against five full-text panels in a
   ContentSwitcher (baseline_app.py); "settled" counts every switch of a run, first visits
   to each page included, the others only revisits;
3. pictures: bench/images.py in a subprocess (12 MP JPEG, first paint and cached repaint);
4. memory: VmRSS at the title screen and after a walk through every page;
5. CPU at rest and in demo mode (--interval 5, after one loop round: the first builds
   every page), utime+stime over --idle-seconds.

Every figure is divided by the bare app's, measured in the same run; --quick is a ~2 minute
run (2 runs, 30 switches, 10 s of idle, no images.py). --try FIXES measures the kiosk with
bench/try_fixes.py's proposed changes applied (e.g. --try all). See bench/README.md.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import baseline_app  # noqa: E402
import report  # noqa: E402
from terminal import Terminal  # noqa: E402

from exhibit.loader import load_exhibit  # noqa: E402
from exhibit.ui.prebuild import ALL_BUILT  # noqa: E402
from exhibit.ui.words import words_for  # noqa: E402


@dataclass(frozen=True)
class Page:
    marker: str  # a text only this page shows
    kind: str  # title, panel, advisory, reveal (the panel behind an advisory), closing
    images: bool = False  # a panel with picture files


def kiosk_pages(exhibit_file: Path) -> list[Page]:
    """The pages "right" walks through, from the title back to it, and a text of each."""
    result = load_exhibit(exhibit_file)
    assert result.exhibit is not None, "the bundled exhibit does not load"
    language = next(iter(result.editions), "")
    exhibit = result.editions.get(language, result.exhibit)
    words = words_for(language)
    pages = [Page(words.PRESS_TO_BEGIN, "title")]
    for panel in exhibit.panels:
        images = any(image.file for image in panel.images)
        if panel.advisory:
            pages += [Page(words.ADVISORY_CONTINUE, "advisory", images)]
        pages += [Page(panel.title, "reveal" if panel.advisory else "panel", images)]
    return [*pages, Page(words.SOURCES_AND_CREDITS, "closing")]


BASELINE_PAGES = [Page(baseline_app.TITLE, "title")] + [
    Page(baseline_app.heading(n), "panel") for n in range(1, baseline_app.SCREENS + 1)
]


@dataclass
class Program:
    name: str
    argv: list[str]
    pages: list[Page]
    log: Path | None = None
    """The kiosk's own log file (each kiosk program has one): it says when the pages are
    built ahead of visitors."""

    def start(self) -> Terminal:
        if self.log is not None:
            self.log.unlink(missing_ok=True)
        return Terminal(self.argv)

    def wait_for_pages(self, timeout: float = 60.0) -> float:
        """Wait (for a kiosk) until every page has been built in the background while idle
        (exhibit/ui/prebuild.py logs ALL_BUILT); seconds waited."""
        start = time.perf_counter()
        if self.log is None:
            return 0.0
        while time.perf_counter() - start < timeout:
            if self.log.exists() and ALL_BUILT in self.log.read_text(encoding="utf-8"):
                return time.perf_counter() - start
            time.sleep(0.05)
        raise RuntimeError(f"{self.name}: the pages were not built within {timeout:.0f} s")


def programs(folder: Path, fixes: str = "") -> dict[str, Program]:
    exhibit = folder / "exhibit.yaml"
    shutil.copy(ROOT / "exhibit.yaml", exhibit)
    shutil.copytree(ROOT / "media", folder / "media")
    pages = kiosk_pages(exhibit)
    start = [str(HERE / "try_fixes.py"), fixes] if fixes else [str(ROOT / "kiosk.py")]

    def kiosk(name: str, *options: str) -> Program:
        log = folder / f"{name}.log"
        argv = [sys.executable, *start, str(exhibit), "--log", str(log), *options]
        return Program(name, argv, pages, log)

    return {
        "baseline": Program(
            "baseline", [sys.executable, str(HERE / "baseline_app.py")], [*BASELINE_PAGES]
        ),
        "static": Program(
            "static",
            [sys.executable, str(HERE / "baseline_app.py"), "--static"],
            [*BASELINE_PAGES[:1]],
        ),
        # As a museum starts it: pictures chosen from what the terminal answers (here half
        # blocks: the pty answers as a terminal without Sixel or Kitty graphics).
        "deployed": kiosk("deployed"),
        "text": kiosk("text", "--images", "none"),
        "images": kiosk("images", "--images", "halfcell"),
        "demo": kiosk("demo", "--images", "none", "--demo", "--interval", str(DEMO_INTERVAL)),
    }


class Results(dict[str, list[float]]):
    def add(self, key: str, value: float) -> None:
        self.setdefault(key, []).append(value)


def measure_startup(progs: dict[str, Program], runs: int, quiet: float, out: Results) -> None:
    for run in range(runs + 1):  # the first round only warms the disk cache and .pyc files
        for name in ("static", "baseline", "deployed", "text", "images"):
            prog = progs[name]
            with prog.start() as term:
                end = term.frame(prog.pages[0].marker, 0, quiet)
                term.settle(0.3)
                if run:
                    out.add(f"start.{name}", (end - term.started) * 1000)
                    out.add(f"rss.title.{name}", term.rss_kb() / 1024)


def measure_keys(prog: Program, share: int, quiet: float, out: Results) -> None:
    """One run: a walk round every page (pictures decoded and cached, memory noted after it),
    then switches timed until `share` of them went into a panel (with pictures, for the
    halfcell kiosk). A switch into a panel behind an advisory is timed to the advisory, the
    page that the switch (which builds the panel) draws.

    The walk is what a visitor meets first: like a visitor who arrives after the kiosk has
    stood idle for a moment, it starts once the kiosk has built its pages in the background
    (its log says so), so the first visits it times are to pages built off-stage, not yet
    shown. The bare app composes its five panels at start-up."""
    with prog.start() as term:
        term.frame(prog.pages[0].marker, 0, quiet)
        if prog.log is not None:
            out.add(f"prebuilt.{prog.name}", prog.wait_for_pages() * 1000)
        term.settle(0.3)
        lap_start = term.offset
        for page in [*prog.pages[1:], prog.pages[0]]:
            pressed, offset = term.press()
            end = term.frame(page.marker, offset, quiet)
            if page.kind in ("panel", "advisory"):  # each page built for the first time
                out.add(f"cold.{prog.name}", (end - pressed) * 1000)
                out.add(f"settled.{prog.name}", (end - pressed) * 1000)
            term.settle(0.5 if prog.name == "images" else 0.2)  # pictures decode in a thread
        if prog.name == "images":
            out.add("halfblocks", float("▀" in term.text(lap_start)))
        out.add(f"rss.walked.{prog.name}", term.rss_kb() / 1024)
        done, position = 0, 0
        while done < share:
            position = (position + 1) % len(prog.pages)
            page = prog.pages[position]
            pressed, offset = term.press()
            first, end = term.frame_times(page.marker, offset, quiet)
            if page.kind in ("panel", "advisory") and (prog.name != "images" or page.images):
                out.add(f"key.{prog.name}", (end - pressed) * 1000)
                out.add(f"settled.{prog.name}", (end - pressed) * 1000)
                out.add(f"first.{prog.name}", (first - pressed) * 1000)
                done += 1
            term.settle(0.1)


DEMO_INTERVAL = 5
"""Seconds a page in the demo measured for CPU use (the bundled exhibit says 20)."""


def measure_idle(progs: dict[str, Program], runs: int, seconds: float, out: Results) -> None:
    """The three at once (CPU time barely depends on the neighbours): `runs` windows each."""

    def idle(name: str) -> None:
        prog = progs[name]
        with prog.start() as term:
            term.frame(prog.pages[0].marker, 0, 0.05)
            prog.wait_for_pages()  # the background building is over: the kiosk is at rest
            term.settle(1.0)
            if name == "demo":  # once round first: the first loop builds every page
                time.sleep(DEMO_INTERVAL * (len(prog.pages) + 1))
            for _ in range(runs):
                cpu, wall = term.cpu_seconds(), time.perf_counter()
                time.sleep(seconds / runs)
                used = term.cpu_seconds() - cpu
                out.add(f"cpu.{name}", 100 * used / (time.perf_counter() - wall))

    threads = [threading.Thread(target=idle, args=(n,)) for n in ("baseline", "text", "demo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def calibrate() -> float:
    """A pure-Python yardstick (ms, best of 5) to compare this machine with another, such as
    the kiosk's own: absolute figures scale roughly with it, ratios much less."""

    def fib(n: int) -> int:
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    times = []
    for _ in range(5):
        start = time.perf_counter()
        fib(25)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def images_bench(runs: int) -> str:
    command = [sys.executable, str(HERE / "images.py"), "--runs", str(runs)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repeats of each measurement")
    parser.add_argument("--switches", type=int, default=35, help="timed switches per case")
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--quiet-ms", type=float, default=50.0, help="silence ending a frame")
    parser.add_argument("--quick", action="store_true", help="about two minutes in all")
    parser.add_argument("--no-images", action="store_true", help="skip bench/images.py")
    parser.add_argument("--try", dest="fixes", default="", help="bench/try_fixes.py's FIXES")
    parser.add_argument("--only", default="startup,keys,idle", help="a subset of these three")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.switches, args.idle_seconds, args.no_images = 2, 30, 10.0, True
    quiet = args.quiet_ms / 1000
    started = time.monotonic()
    print(f"yardstick: fib(25) in {calibrate():.1f} ms (compare on the target machine)")
    res = Results()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        # The kiosks' state (the compiled exhibit, status, visits) in this run's folder: the
        # unmeasured first round writes the compiled copy that a deployed kiosk's every
        # later start reads (exhibit/compiled.py), and nothing lands in the user's home.
        os.environ["XDG_STATE_HOME"] = str(Path(folder) / "state")
        progs = programs(Path(folder), args.fixes)
        if args.fixes:
            print(f"the kiosk with the proposed fixes: {args.fixes} (bench/try_fixes.py)")
        if "startup" in args.only:
            print(f"start-up, {args.runs} runs ...", flush=True)
            measure_startup(progs, args.runs, quiet, res)
        if "keys" in args.only:
            print(f"key to frame, {args.switches} switches each ...", flush=True)
            for _ in range(args.runs):  # interleaved, so that a busy minute hits all three
                for name in ("baseline", "text", "images"):
                    measure_keys(progs[name], math.ceil(args.switches / args.runs), quiet, res)
        if "idle" in args.only:
            print(f"CPU at rest and in demo mode, {args.idle_seconds:.0f} s ...", flush=True)
            measure_idle(progs, args.runs, args.idle_seconds, res)
        pages = progs["text"].pages
    images_text = "" if args.no_images else images_bench(args.runs)
    print()
    print("\n".join(report.table(res, report.parse_images(images_text))))
    print(report.per_image(res, sum(p.images for p in pages if p.kind in ("panel", "reveal"))))
    if res.get("halfblocks") and not all(res["halfblocks"]):
        print("warning: no half-block pictures seen in the halfcell walk")
    timed = f"{len(res.get('key.text', []))} text, {len(res.get('key.images', []))} picture"
    print(f"{timed} switches timed; {time.monotonic() - started:.0f} s in all")
    if images_text:
        print("\nbench/images.py:\n" + images_text)


if __name__ == "__main__":
    main()
