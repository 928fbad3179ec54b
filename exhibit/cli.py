"""The command line: `kiosk [EXHIBIT_YAML] [--demo] [--interval S] [--idle S] [--check]`,
and the curator's tools `--schema` and `--screenshot DIR [--size WxH]`; `kiosk report ...`
(staff's report of what the kiosk recorded) is analytics/report_cli.py."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import shlex
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .length_checks import rights_notes
from .loader import LoadResult, load_exhibit
from .logs import LOGGER, default_log_file, setup_logging
from .model import Exhibit
from .picture_modes import MODES
from .text import one_line

DEFAULT_EXHIBIT = Path(__file__).resolve().parent.parent / "exhibit.yaml"
"""The bundled exhibit beside kiosk.py, whatever the working directory."""
SCREENSHOT_SIZE = (80, 24)
"""--screenshot's default size: the smallest terminal the kiosk is made for."""
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


def report(result: LoadResult, stream: TextIO) -> None:
    """Every problem on its own line, then a one-line summary."""
    for problem in result.problems.sorted():
        print(problem, file=stream)
    verdict = "OK" if result.ok else "not valid"  # OK exactly when the kiosk shows the file
    name = one_line(str(result.problems.file))
    print(f"{name}: {verdict} ({result.problems.summary()})", file=stream)


def print_schema() -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def screenshots(
    exhibit: Exhibit,
    folder: Path,
    size: tuple[int, int],
    editions: Mapping[str, Exhibit] | None = None,
) -> int:
    """Every page as an SVG in `folder`; one line per file, then a summary."""
    from .ui.app import KioskApp  # Textual is imported only when it is needed
    from .ui.preview import write_previews
    from .ui.unattended import Machine

    try:
        every_hour = Machine(opening_hours=False)  # the pages, even when taken at night
        written = write_previews(
            KioskApp(exhibit, editions=editions, machine=every_hour), folder, size
        )
    except OSError as error:
        print(f"{folder}: cannot save the pictures here ({error})", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    print(f"{len(written)} pictures at {size[0]}x{size[1]} in {folder}; open them in a browser")
    return 0


def beyond_the_hall(argv: Sequence[str]) -> int | None:
    """`kiosk site DIR` (the exhibit as a website) and `kiosk serve` (the kiosk in browsers):
    each in its own module, imported only when asked for; None for any other command line."""
    if argv[:1] == ["site"]:
        from .site.command import main as site

        return site(argv[1:], DEFAULT_EXHIBIT)
    if argv[:1] == ["serve"]:
        from .web.command import main as serve

        return serve(argv[1:], DEFAULT_EXHIBIT)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["report"]:  # `kiosk report ...`: what the kiosk recorded (analytics/)
        from .analytics.report_cli import main as report_main

        return report_main(argv[1:])
    code = beyond_the_hall(argv)
    if code is not None:
        return code
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.size and args.screenshot is None:
        parser.error("--size goes with --screenshot DIR")
    if args.schema:
        return print_schema()
    result = load_exhibit(args.exhibit)
    if args.check:
        report(result, sys.stdout)
        if result.exhibit is not None:  # staff notes: never shown in the kiosk
            for note in rights_notes(result.exhibit, result.problems):
                print(note, file=sys.stderr)
        return 0 if result.ok else 1
    if args.screenshot is not None and result.exhibit is not None:
        size = args.size or SCREENSHOT_SIZE
        return screenshots(result.exhibit, args.screenshot, size, result.editions)
    if result.exhibit is None:
        report(result, sys.stderr)
        print(
            "The kiosk did not start. Fix the errors above, then start it again.", file=sys.stderr
        )
        if args.screenshot is None:  # a kiosk that will not start: the log says why
            setup_logging(args.log)
            for problem in result.problems.sorted():
                logging.getLogger(LOGGER).error("%s", problem)
            logging.getLogger(LOGGER).error("not started: %s has errors", args.exhibit)
        return 1
    # No garbage collection while Textual is imported and the title is built: nothing made
    # then is garbage, and the collector kept scanning it (~15 ms). The app, told to by
    # collect_garbage, turns it back on after its first frame (ui/collector.py).
    gc.disable()
    from .analytics.recorder import NoRecorder, open_recorder
    from .speech import FIND, Speaker
    from .ui.app import KioskApp  # Textual is imported only when the kiosk really runs
    from .ui.hours_keeper import ScreenCommands
    from .ui.images import ImageSettings, choose_mode, widget_class
    from .ui.unattended import Machine

    setup_logging(args.log)
    logging.getLogger(LOGGER).info("kiosk %s started on %s", __version__, args.exhibit)
    mode = choose_mode(args.images)
    widget_class(mode)  # asks the terminal what it can do now, before Textual owns it
    speaker = Speaker(None if args.no_audio else FIND)
    speaker.log_engines(result.editions or ("en",))  # which engine and voice read each language
    recorder = (
        NoRecorder()
        if args.no_record
        else open_recorder(result.exhibit.kiosk.analytics, [p.id for p in result.exhibit.panels])
    )
    app = KioskApp(
        result.exhibit,
        editions=result.editions,
        speaker=speaker,
        recorder=recorder,
        demo=args.demo,
        demo_interval=args.interval,
        idle_timeout=args.idle,
        allow_quit=args.allow_quit,
        images=ImageSettings(mode=mode, folder=result.folder),
        source=args.exhibit,
        handle_signals=True,
        collect_garbage=True,
        build_ahead=BUILD_AHEAD[args.build_ahead],
        machine=Machine(
            screen_commands=ScreenCommands(off=args.screen_off or (), on=args.screen_on or ()),
            log_file=args.log,
            # The hall kiosk's status; kiosk serve's browser sessions (--no-record) are not it.
            status_file=None if args.no_record else default_log_file().with_name("status.json"),
            visits_file=None if isinstance(recorder, NoRecorder) else recorder.path,
            opening_hours=not args.always_open,
            staff_status=not args.no_staff_status,
        ),
    )
    if not os.environ.get("TEXTUAL_DRIVER"):  # kiosk serve's browser sessions bring their own
        from .ui.workarounds.terminal import guard  # survives its terminal; systemd watchdog

        guard(app)
    try:
        app.run()
    finally:
        speaker.stop()  # the engine runs in its own session: the terminal does not end it
        recorder.close()  # the open visit ends as "closed"; what is queued is written
    code = app.return_code or 0
    logging.getLogger(LOGGER).info("kiosk stopped with exit status %d", code)
    return code
