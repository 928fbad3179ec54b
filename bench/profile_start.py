"""Profile (run by hand): where the start-up goes, from `python3 kiosk.py` to the title drawn.

    python3 bench/profile_start.py [--images auto|none|halfcell] [--top 25]
                                   [--sort cumulative|tottime] [--out FILE.prof]

Runs the real kiosk, as `kiosk.py` starts it, in bench/terminal.py's 120x40 pty (which answers
as a modern terminal does), under cProfile from the first import on. The profile stops after
the title's first frame (`call_after_refresh` from the app's mount, the same moment the kiosk
turns garbage collection back on), and this prints a timeline of phases (what share of the
profiled start each took) and the top functions. Profiling roughly doubles Python-heavy time:
read the shares, not the milliseconds; bench/run.py gives the real wall time.
"""

from __future__ import annotations

import argparse
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from terminal import Terminal  # noqa: E402

WRAPPER = """
import cProfile, sys, time
sys.path.insert(0, {root!r})
profiler = cProfile.Profile()
profiler.enable()
def stop():
    profiler.disable()
    profiler.dump_stats({out!r})
import exhibit.ui.app as _app  # counted: it is imported by the start anyway
_mount = _app.KioskApp.on_mount
def on_mount(self):
    _mount(self)
    self.call_after_refresh(stop)
_app.KioskApp.on_mount = on_mount
from exhibit.cli import main
sys.argv = ["kiosk.py", *{args!r}]
sys.exit(main())
"""

PHASES = {
    "imports (all modules)": ("<frozen importlib._bootstrap>", "_find_and_load"),
    "reading exhibit.yaml (load_exhibit)": ("exhibit/loader.py", "load_exhibit"),
    "  of which media checks": ("exhibit/checks.py", "_media"),
    "or from its compiled copy (compiled.load)": ("exhibit/compiled.py", "load"),
    "choosing the picture mode (terminal query)": ("exhibit/ui/images.py", "choose_mode"),
    "  of which our terminal question": ("exhibit/ui/terminal_answers.py", "ask"),
    "widget_class (textual-image import)": ("exhibit/ui/images.py", "widget_class"),
    "speech engines": ("exhibit/speech/", "log_engines"),
    "the visit recorder": ("exhibit/analytics/recorder.py", "open_recorder"),
    "KioskApp() itself": ("exhibit/ui/app.py", "__init__"),
    "CSS: reading and parsing the .tcss": ("textual/css/stylesheet.py", "parse"),
    "CSS: applying styles": ("textual/css/stylesheet.py", "apply"),
    "composing (compose)": ("textual/widget.py", "_compose"),
    "layout (_refresh_layout)": ("textual/screen.py", "_refresh_layout"),
}


def cumulative(stats: pstats.Stats, where: str, name: str) -> float:
    """The largest cumulative time of a function called `name` in a file matching `where`."""
    best = 0.0
    for (file, _line, func), row in stats.stats.items():  # type: ignore[attr-defined]
        if func == name and where in file:
            best = max(best, row[3])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", default="auto")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-profile-") as folder:
        out = args.out or Path(folder) / "start.prof"
        out.unlink(missing_ok=True)  # its appearance is the signal that the title is drawn
        argv = [str(ROOT / "exhibit.yaml"), "--log", f"{folder}/kiosk.log"]
        argv += ["--images", args.images]
        code = WRAPPER.format(root=str(ROOT), out=str(out), args=argv)
        terminal = Terminal([sys.executable, "-c", code])
        try:
            for _ in range(300):  # written once the title's first frame is out
                if out.exists() and out.stat().st_size:
                    break
                time.sleep(0.1)
            terminal.settle(0.3)
        finally:
            terminal.close()
        stats = pstats.Stats(str(out))
        total = stats.total_tt  # type: ignore[attr-defined]
        print(f"profiled start, to the title's first frame: {total * 1000:.0f} ms (cProfile)")
        for label, (where, name) in PHASES.items():
            seconds = cumulative(stats, where, name)
            print(f"{label:<45} {seconds * 1000:7.0f} ms  {seconds / total:5.1%}")
        text = io.StringIO()
        pstats.Stats(str(out), stream=text).sort_stats(args.sort).print_stats(args.top)
        print(text.getvalue())


if __name__ == "__main__":
    main()
