"""The command line: `kiosk [EXHIBIT_YAML] [--demo] [--interval S] [--idle S] [--check]`,
and the curator's tools `--schema` and `--screenshot DIR [--size WxH]`; `kiosk report ...`
(staff's report of what the kiosk recorded) is analytics/report_cli.py."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__, compiled
from .arguments import BUILD_AHEAD, DEFAULT_EXHIBIT, build_parser
from .logs import LOGGER, default_log_file, setup_logging
from .model import Exhibit
from .text import one_line

if TYPE_CHECKING:
    from .analytics.recorder import NoRecorder, Recorder
    from .loader import LoadResult
    from .speech import Speaker

# Reading exhibit.yaml (exhibit.loader: PyYAML, the validator, the checks) is imported where it
# is used: a start from the compiled copy (compiled.py) needs none of it before its title.

__all__ = ["DEFAULT_EXHIBIT", "build_parser", "main", "report", "screenshots"]

SCREENSHOT_SIZE = (80, 24)
"""--screenshot's default size: the smallest terminal the kiosk is made for."""


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


def advice_to_log(
    result: LoadResult,
    recorder: Recorder | NoRecorder | None = None,
    *,
    compile_to: Path | None = None,
) -> None:
    """Once the title is on screen: the visit recorder's file opened (its writer started), the
    exhibit read from `compile_to` kept as its compiled copy if the start found no problem in
    it, and the warnings the start left out (loader.advise) to the log, as a reload logs its
    own."""
    from .loader import advise

    if recorder is not None:
        recorder.start()
    clean = result.exhibit is not None and not result.problems.items  # before the title
    advise(result)
    advice = [str(problem) for problem in result.problems.sorted()]
    if compile_to is not None and clean and result.exhibit is not None:
        compiled.save(compile_to, result.exhibit, result.editions, result.digest, advice=advice)
    for line in advice:
        logging.getLogger(LOGGER).warning("%s", line)


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
    if args.check or args.screenshot is not None:
        return curators_tools(args)
    return start(args)


def curators_tools(args: argparse.Namespace) -> int:
    """--check and --screenshot: every check at once, warnings included, always on the file
    itself (never its compiled copy)."""
    from .length_checks import rights_notes
    from .loader import load_exhibit

    result = load_exhibit(args.exhibit)
    if args.check:
        report(result, sys.stdout)
        if result.exhibit is not None:  # staff notes: never shown in the kiosk
            for note in rights_notes(result.exhibit, result.problems):
                print(note, file=sys.stderr)
        return 0 if result.ok else 1
    if result.exhibit is not None:
        size = args.size or SCREENSHOT_SIZE
        return screenshots(result.exhibit, args.screenshot, size, result.editions)
    report(result, sys.stderr)
    print("The kiosk did not start. Fix the errors above, then start it again.", file=sys.stderr)
    return 1


def start(args: argparse.Namespace) -> int:
    """The kiosk itself. Before the first frame only what it needs: the checks that can only
    warn and the search for speech engines wait until the title is drawn (after_the_title)."""
    # No garbage collection while the exhibit is read, Textual imported and the title built:
    # nothing made then is garbage, and the collector kept scanning it (~35 ms). The app, told
    # to by collect_garbage, turns it back on at the first quiet moment after its first frame
    # (ui/collector.py).
    gc.disable()
    setup_logging(args.log)
    from .speech import FIND, Speaker

    speaker = Speaker(None if args.no_audio else FIND)  # its engines are looked for later
    opened = compiled.load(args.exhibit)
    if opened is not None:  # the file is the one the last good start read
        return run(args, opened, speaker, partial(advice_from_compiled, args.exhibit, opened))
    from .loader import load_exhibit

    result = load_exhibit(args.exhibit, advice=False)
    if result.exhibit is None:
        gc.enable()
        result = load_exhibit(args.exhibit)  # the report lists the warnings too
        report(result, sys.stderr)
        print(
            "The kiosk did not start. Fix the errors above, then start it again.", file=sys.stderr
        )
        for problem in result.problems.sorted():  # a kiosk that will not start: the log says why
            logging.getLogger(LOGGER).error("%s", problem)
        logging.getLogger(LOGGER).error("not started: %s has errors", args.exhibit)
        return 1
    opening = compiled.Opened(result.exhibit, result.editions, result.folder)
    return run(args, opening, speaker, partial(advice_to_log, result, compile_to=args.exhibit))


def advice_from_compiled(
    source: Path, opened: compiled.Opened, recorder: Recorder | NoRecorder
) -> None:
    """advice_to_log for a start from the compiled copy: the copy was saved only from a start
    that found no problem before its title, with what the warnings-only checks then found;
    those are logged again, without the loader (its imports and memory) checking anew."""
    recorder.start()
    for where_and_what in opened.advice:
        logging.getLogger(LOGGER).warning("%s%s", source, where_and_what)


def after_the_title(
    speaker: Speaker,
    opened: compiled.Opened,
    after_title: Callable[[Recorder | NoRecorder], object],
    recorder: Recorder | NoRecorder,
) -> None:
    """What waits for the title's first frame: looking for the speech engines (listing
    espeak-ng's voices runs a program, which on two cores delayed the title by 40-90 ms;
    nothing on the title speaks), then `after_title` (advice_to_log)."""
    speaker.log_engines(opened.editions or ("en",))  # which engine and voice read each language
    after_title(recorder)


def run(
    args: argparse.Namespace,
    opened: compiled.Opened,
    speaker: Speaker,
    after_title: Callable[[Recorder | NoRecorder], object],
) -> int:
    """Run the kiosk on the exhibit `opened` until it ends; its exit status. `after_title` is
    given the visit recorder once the title is on screen (advice_to_log)."""
    from .analytics.recorder import NoRecorder, open_recorder
    from .ui.app import KioskApp  # Textual is imported only when the kiosk really runs
    from .ui.hours_keeper import ScreenCommands
    from .ui.images import ImageSettings, choose_mode, widget_class
    from .ui.unattended import Machine

    logging.getLogger(LOGGER).info("kiosk %s started on %s", __version__, args.exhibit)
    mode = choose_mode(args.images)
    widget_class(mode)  # asks the terminal what it can do now, before Textual owns it
    recorder = (
        NoRecorder()
        if args.no_record
        else open_recorder(
            opened.exhibit.kiosk.analytics, [p.id for p in opened.exhibit.panels], start=False
        )
    )
    app = KioskApp(
        opened.exhibit,
        editions=opened.editions,
        speaker=speaker,
        recorder=recorder,
        demo=args.demo,
        demo_interval=args.interval,
        idle_timeout=args.idle,
        allow_quit=args.allow_quit,
        images=ImageSettings(mode=mode, folder=opened.folder),
        source=args.exhibit,
        handle_signals=True,
        collect_garbage=True,
        build_ahead=BUILD_AHEAD[args.build_ahead],
        after_title=partial(after_the_title, speaker, opened, after_title, recorder),
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
