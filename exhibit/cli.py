"""The command line: `kiosk [EXHIBIT_YAML] [--demo] [--interval S] [--idle S] [--check]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .loader import LoadResult, load_exhibit
from .ui.images import MODES

DEFAULT_EXHIBIT = Path(__file__).resolve().parent.parent / "exhibit.yaml"
"""The bundled exhibit beside kiosk.py, whatever the working directory."""


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 1 <= value <= 86400:
        raise argparse.ArgumentTypeError("give a number of seconds from 1 to 86400")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="A museum kiosk in the terminal: shows an exhibit written in YAML.",
    )
    parser.add_argument(
        "exhibit",
        nargs="?",
        type=Path,
        default=DEFAULT_EXHIBIT,
        help="the exhibit file (default: the bundled exhibit.yaml)",
    )
    parser.add_argument("--check", action="store_true", help="check the exhibit and exit")
    parser.add_argument(
        "--demo", action="store_true", help="attract mode: loop through the panels on its own"
    )
    parser.add_argument(
        "--interval", type=_seconds, metavar="SECONDS", help="seconds per panel in demo mode"
    )
    parser.add_argument(
        "--idle",
        type=_seconds,
        metavar="SECONDS",
        help="seconds without input before the kiosk returns to the start",
    )
    parser.add_argument(
        "--images",
        choices=MODES,
        default="auto",
        help="how to draw pictures: detect (auto), a graphics protocol (kitty, sixel), "
        "coloured half blocks (halfcell), or their descriptions only (none)",
    )
    parser.add_argument(
        "--allow-quit",
        action="store_true",
        help="for development: let ctrl+q end the kiosk",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def report(result: LoadResult, stream: TextIO) -> None:
    """Every problem on its own line, then a one-line summary."""
    for problem in result.problems.sorted():
        print(problem, file=stream)
    verdict = "OK" if result.ok else "not valid"
    print(f"{result.problems.file}: {verdict} ({result.problems.summary()})", file=stream)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result = load_exhibit(args.exhibit)
    if args.check:
        report(result, sys.stdout)
        return 0 if result.ok else 1
    if result.exhibit is None:
        report(result, sys.stderr)
        print(
            "The kiosk did not start. Fix the errors above, then start it again.", file=sys.stderr
        )
        return 1
    from .ui.app import KioskApp  # Textual is imported only when the kiosk really runs
    from .ui.images import ImageSettings, choose_mode, widget_class

    mode = choose_mode(args.images)
    widget_class(mode)  # asks the terminal what it can do now, before Textual owns it
    app = KioskApp(
        result.exhibit,
        demo=args.demo,
        demo_interval=args.interval,
        idle_timeout=args.idle,
        allow_quit=args.allow_quit,
        images=ImageSettings(mode=mode, folder=result.folder),
    )
    return app.run() or 0
