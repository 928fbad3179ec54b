"""The kiosk application, by composition: the visitor's journey (exhibit/journey.py) decides
where a visitor is; the stage (stage.py) shows it; attendance (attendance.py) runs the attract
loop and the idle countdown on an injected clock; the healer (healing.py) turns errors into a
fresh title screen.

Every key, every touch (screens and widgets post `messages.Asked` up) and every timer becomes
one journey event; `show` carries the resulting state to the screen. No key is bound anywhere.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from textual import events
from textual.app import App

from ..analytics.journey_events import Recording, VisitLog
from ..analytics.recorder import NoRecorder
from ..journey import (
    Effect,
    Event,
    Signal,
    State,
    Step,
    Tap,
    go,
    next_state,
    reloaded,
)
from ..journey import start as journey_start
from ..keys import Do
from ..layout import layout_variables
from ..logs import LOGGER
from ..model import Exhibit
from ..speech import Speaker
from ..tour import Tour
from . import workarounds
from .attendance import AppClock, Attendance, Clock
from .choices import offered, show_choices
from .collector import collect_when_quiet
from .healing import Healer, StaffExit, install_signal_handlers
from .images import ImageSettings
from .messages import Asked, PictureLaid
from .prebuild import Prebuilder
from .reading_aloud import ReadingAloud
from .reload import LiveReload
from .screens.base import KioskScreen
from .stage import Stage
from .theme import THEMES
from .unattended import Machine, Unattended
from .visitor_input import VisitorInput
from .words import words_for

log = logging.getLogger(LOGGER)


class KioskApp(App[int], inherit_bindings=False):
    """A full-screen exhibit. No bindings at all: ctrl+q, ctrl+c and the palette are gone."""

    CSS_PATH = [Path(__file__).with_name("kiosk.tcss"), Path(__file__).with_name("drawings.tcss")]
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False

    def __init__(
        self,
        exhibit: Exhibit,
        *,
        editions: Mapping[str, Exhibit] | None = None,
        speaker: Speaker | None = None,
        demo: bool = False,
        demo_interval: float | None = None,
        idle_timeout: float | None = None,
        countdown: float = 10.0,
        allow_quit: bool = False,
        images: ImageSettings | None = None,
        source: Path | None = None,
        reload_interval: float = 1.0,
        handle_signals: bool = False,
        clock: Clock | None = None,
        console: bool | None = None,
        collect_garbage: bool = False,
        recorder: Recording | None = None,
        machine: Machine | None = None,
        prebuild: bool = True,
        build_ahead: int | None = None,
        after_title: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.linux_console = os.environ.get("TERM") == "linux" if console is None else console
        """The Linux console: 16 colours, only its font's glyphs (see workarounds/)."""
        self.editions = offered(editions or {}, self.linux_console)
        self.exhibit = next(iter(self.editions.values())) if self.editions else exhibit
        """The exhibit in the language the visitor reads now."""
        self.speaker = speaker or Speaker(engine=None)
        self.reading = ReadingAloud(self)
        """The page read aloud, shown on screen (reading_aloud.py)."""
        self.demo, self.allow_quit = demo, allow_quit
        self.state: State = journey_start(self._tour(self.exhibit))
        """Where the visitor is: the journey's state, which everything on screen follows."""
        self.words = words_for(self.state.choices.language)
        self.title = self.exhibit.title
        self.visits = VisitLog(recorder or NoRecorder(), self.state)
        """The visitor figures (exhibit/analytics): told every step of the journey."""
        self._demo_interval, self._idle_timeout = demo_interval, idle_timeout
        self.clock = clock or AppClock(self)
        self.attendance = Attendance(
            self.clock,
            self.feed,
            idle_timeout=lambda: self._idle_timeout or self.exhibit.kiosk.idle_timeout,
            demo_interval=lambda: self.demo_interval,
            countdown=countdown,
        )
        self.reload = LiveReload(self, source, reload_interval) if source else None
        """Watches `source` (the exhibit file) and swaps in each good save."""
        self.healer = Healer(self)
        """Never a traceback on screen: errors are logged and the title comes back."""
        workarounds.errors_to(self, self.healer.handle)
        workarounds.japanese_line_breaking()
        self.handle_signals = handle_signals
        self.collect_garbage = collect_garbage
        """Garbage collection kept out of page turns (collector.py): the command line's."""
        self.images = images or ImageSettings()
        self.stage = Stage(self)
        # Builds pages while idle, all or those within build_ahead stops (prebuild.py).
        self.prebuild = Prebuilder(self, prebuild, build_ahead)
        self.after_title = after_title
        """Work kept out of the start (the exhibit's warnings-only checks): run in a thread
        once the title is on screen."""
        for theme in THEMES:
            self.register_theme(theme)
        self._theme_chosen = True
        workarounds.first_theme(self, THEMES[0].name)
        self.kept_css = workarounds.KeptCss(self.stylesheet, workarounds.css_rules_file())
        """The CSS parsed on the last start, kept (workarounds/): ~20 ms off every start."""
        self.visitor_input = VisitorInput(self)
        """A visitor's keys, touches and wheel turns, made journey events (visitor_input.py)."""
        self.unattended = Unattended(self, machine or Machine(), source)
        """Opening hours, screen care and the staff status (unattended.py)."""

    _theme_chosen = False

    def get_css_variables(self) -> dict[str, str]:
        """The theme's colours, and the layout's numbers (exhibit/layout.py); none for
        Textual's __init__, whose default theme first_theme replaces unused (~2.5 ms)."""
        if not self._theme_chosen:
            return {}
        return {**super().get_css_variables(), **layout_variables()}

    def _tour(self, exhibit: Exhibit) -> Tour:
        return Tour.of(exhibit, tuple(self.editions), demo=self.demo, audio=self.speaker.available)

    # What tests and the preview read ----------------------------------------------------------

    @property
    def position(self) -> int:
        """The stop's number: 0 the title, 1..N the panels, N+1 the closing page."""
        return self.state.stop.number

    @property
    def attract(self) -> bool:
        return self.state.attract

    @property
    def language(self) -> str:
        return self.state.choices.language

    @property
    def demo_interval(self) -> float:
        """Seconds per page in the demo loop: the command line's, else the exhibit's."""
        return self._demo_interval or self.exhibit.kiosk.demo_interval

    @property
    def next_language(self) -> str:
        """The language the language key switches to ("" for a one-language exhibit)."""
        languages = self.state.tour.languages
        if len(languages) < 2:
            return ""
        return languages[(languages.index(self.language) + 1) % len(languages)]

    # The journey -----------------------------------------------------------------------------

    def feed(self, event: Event) -> Step:
        """Where `event` takes the visitor, shown."""
        before = self.state
        step = next_state(before, event)
        self.show(step)
        self.visits.step(before, step.state, event)
        return step

    def show(self, step: Step) -> None:
        """Carry a step of the journey to the screen."""
        old, new, effects = self.state, step.state, step.effects
        self.state = new
        if Effect.STOP_SPEAKING in effects:
            self.speaker.stop()
        if new.choices.language != old.choices.language:
            self.exhibit = self.editions.get(new.choices.language, self.exhibit)
            self.words = words_for(new.choices.language)
            self.title = self.exhibit.title
        self.images.describe = new.choices.describe
        show_choices(self, old.choices, new.choices)
        self.set_class(new.attract, "-attract")  # the invitation to take over (banners.py)
        self.set_class(new.choices.describe, "-describing")
        if self.screen_stack and not self.unattended.resting:  # nor while the screen rests
            self.stage.show(new, effects)
            self.prebuild.kick()
        self.reading.forget_no_voice()
        if Effect.SPEAK in effects:
            self.state = new = self.reading.start(new)
        self.reading.follow()
        self.unattended.follow(new)  # the idle and demo timers, screen care: not while resting

    def go(self, number: int) -> None:
        """To the stop `number`, every window closed (for the preview and tests: visitors
        get there by keys and touches)."""
        before = self.state
        self.show(go(before, number))
        self.visits.step(before, self.state)

    def ask(self, do: Do, number: int = 0) -> Step:
        """What a touch on a target asking for `do` would do."""
        return self.feed(Tap(do, number))

    def on_asked(self, message: Asked) -> None:
        self.feed(message.tap)

    def on_picture_laid(self, message: PictureLaid) -> None:
        self.stage.box = message.box

    async def on_event(self, event: events.Event) -> None:
        if not self.visitor_input.used_up(event):
            await super().on_event(event)

    # Start, errors and reloads ---------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_class(self.linux_console, "-console")
        self.set_class(self.state.attract, "-attract")
        workarounds.console_scroll_bars(self.linux_console)
        self.attendance.follow(self.state)
        self.call_after_refresh(self._title_drawn)
        if self.reload:
            self.reload.start()
        if self.handle_signals:
            install_signal_handlers(self, self.allow_quit)
        if self.collect_garbage:
            self.call_after_refresh(collect_when_quiet, self.attendance)
        self.unattended.start()

    def get_default_screen(self) -> KioskScreen:
        # Not over Textual's empty default screen: one screen and one frame fewer before the title.
        return self.stage.page_for(self.state.stop)

    def _title_drawn(self) -> None:
        """The first frame is on screen: what was kept from before it may run now."""
        self.prebuild.start()
        self.kept_css.save()
        if self.after_title is not None:
            # Described: Textual's default, the work's repr, wrote out the whole exhibit (5 ms).
            work, described = self.after_title, "after the title"
            self.run_worker(work, thread=True, group="after-title", description=described)

    def restart_at_title(self) -> None:
        """A fresh title screen on an emptied screen stack, as if just started."""
        self.state = next_state(self.state, Signal.RESTART).state
        self.speaker.stop()
        self.prebuild.failed()
        self.stage.forget_pages()  # a page may be what failed: build every page anew
        self.stage.start_over(self.state.stop)
        self.attendance.restart_demo(self.state)
        self.unattended.follow(self.state)
        self.prebuild.kick()

    def replace_exhibit(
        self, exhibit: Exhibit, folder: Path, editions: Mapping[str, Exhibit] | None = None
    ) -> None:
        """Show a newly saved exhibit, keeping the visitor on the same panel (by id) and in
        the same language if the exhibit still has it."""
        self.editions = offered(editions or {}, self.linux_console)
        step = reloaded(self.state, self._tour(exhibit))
        language = step.state.choices.language
        self.exhibit = self.editions.get(language, exhibit)
        self.words = words_for(language)
        self.title = self.exhibit.title
        self.images.folder = folder
        self.visitor_input.staff_exit = StaffExit.of(self.exhibit)
        self.prebuild.forget_failures()
        self.stage.forget_pages()
        before = self.state
        self.show(step)
        self.visits.reloaded(before, self.state)
        self.attendance.restart_demo(self.state)  # the demo interval may have changed
        self.unattended.reloaded(self.exhibit)

    def set_stale(self, stale: bool) -> None:
        """Show or hide the staff-only marker: the file on disk is broken, the screen is not."""
        self.set_class(stale, "-stale")
