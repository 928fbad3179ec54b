"""The kiosk's command line, as argparse reads it: every option, its help and the checks of
its value (seconds, sizes, folders, screen commands). What each option does is cli.py's."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

from . import __version__
from .logs import default_log_file
from .picture_modes import MODES

DEFAULT_EXHIBIT = Path(__file__).resolve().parent.parent / "exhibit.yaml"
"""The bundled exhibit beside kiosk.py, whatever the working directory."""
BUILD_AHEAD = {"all": None, "neighbours": 1, "none": 0}
"""--build-ahead: the pages built while idle, by their distance in stops from the one shown
(None: every page of the exhibit)."""


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 1 <= value <= 86400:
        raise argparse.ArgumentTypeError("give a number of seconds from 1 to 86400")
    return value


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"([0-9]{1,6})[xX]([0-9]{1,6})", text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a size; write WIDTHxHEIGHT in characters, e.g. 80x24"
        )
    width, height = int(match[1]), int(match[2])
    if not (20 <= width <= 400 and 20 <= height <= 400):
        raise argparse.ArgumentTypeError(
            f"{text!r}: give a width and a height from 20 to 400 characters each, e.g. 120x40"
        )
    return width, height


def _folder(text: str) -> Path:
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is a file; give a folder for the pictures")
    return path


def _command(text: str) -> tuple[str, ...]:
    """A screen command as the shell would split it, run later without a shell."""
    try:
        words = tuple(shlex.split(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None
    if not words:
        raise argparse.ArgumentTypeError("give a command, e.g. 'wlr-randr --output HDMI-A-1 --off'")
    return words


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
        "--schema",
        action="store_true",
        help="print the JSON Schema of exhibit files, for editors, and exit "
        "(python kiosk.py --schema > exhibit.schema.json)",
    )
    parser.add_argument(
        "--screenshot",
        type=_folder,
        metavar="DIR",
        help="save a picture (SVG) of every page of the exhibit in DIR, created if missing, "
        "and exit",
    )
    parser.add_argument(
        "--size",
        type=_size,
        metavar="WxH",
        help="with --screenshot: the terminal size in characters, 20 to 400 each (default: 80x24)",
    )
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
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="record no visitor figures for this run (kiosk serve's browser sessions are not "
        "visits to the hall; kiosk.analytics.record: false switches recording off for good)",
    )
    parser.add_argument(
        "--no-audio",
        action="store_true",
        help="no audio description (kiosk serve's browser sessions: the computer's speakers "
        "are not the visitor's)",
    )
    parser.add_argument(
        "--always-open",
        action="store_true",
        help="ignore kiosk.hours: never rest the screen or run --screen-off (kiosk serve's "
        "browser sessions: a reader at home keeps their own hours)",
    )
    parser.add_argument(
        "--no-staff-status",
        action="store_true",
        help="no staff status screen, whatever kiosk.staff_status says (kiosk serve's browser "
        "sessions: it would show the server's log and files to anyone typing the keys)",
    )
    parser.add_argument(
        "--build-ahead",
        choices=BUILD_AHEAD,
        default="all",
        help="pages built in the background while idle: every page (all, the default), only "
        "the pages next to the one shown (neighbours: kiosk serve's browser sessions, less "
        "memory each), or none",
    )
    parser.add_argument(
        "--log",
        type=Path,
        metavar="FILE",
        default=default_log_file(),
        help="the kiosk's log: starts, reloads, refused saves (default: %(default)s)",
    )
    # Programs the kiosk may run belong to the machine's owner (the unit file), never to
    # exhibit.yaml: curators must not be able to make the kiosk run programs.
    parser.add_argument(
        "--screen-off",
        type=_command,
        metavar="CMD",
        help="outside kiosk.hours, run CMD to switch the display off "
        "(e.g. 'wlr-randr --output HDMI-A-1 --off'; see deploy/HOURS.md)",
    )
    parser.add_argument(
        "--screen-on",
        type=_command,
        metavar="CMD",
        help="at opening, or when a visitor wakes the kiosk, run CMD to switch the display on",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser
