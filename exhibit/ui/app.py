"""The kiosk application: which page is shown (built pages kept, see shelf.py), and the windows
over it; the attract loop and idle reset are in attendance.py, visitor choices in choices.py.

Screens render; this class decides. Positions: 0 is the title screen, 1..N the panels, N+1 the
closing view of sources and credits.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from textual import events
from textual.binding import Binding

from ..logs import LOGGER
from ..model import Exhibit, Panel
from ..speech import Speaker
from . import line_breaking
from .attendance import Attendance
from .choices import offered
from .collector import collect_when_quiet
from .healing import Healer, StaffExit, install_signal_handlers
from .images import ImageSettings, use_console_glyphs
from .reload import LiveReload
from .screens.advisory import AdvisoryScreen
from .screens.base import KioskScreen, ScrollingScreen
from .screens.closing import ClosingScreen
from .screens.help import HelpScreen
from .screens.image_view import ImageViewScreen
from .screens.index import IndexScreen
from .screens.panel import PanelScreen
from .screens.title import TitleScreen
from .shelf import PageShelf
from .theme import THEMES
from .words import words_for

log = logging.getLogger(LOGGER)

_ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


class KioskApp(Attendance, inherit_bindings=False):
    """A full-screen exhibit. No inherited bindings: ctrl+q, ctrl+c and the palette are gone."""

    CSS_PATH = [Path(__file__).with_name("kiosk.tcss"), Path(__file__).with_name("drawings.tcss")]
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    BINDINGS = [
        Binding("right,space,pagedown,enter", "next", show=False),
        Binding("left,pageup,backspace", "previous", show=False),
        Binding("home", "go(0)", show=False),
        Binding("end", "last", show=False),
        Binding("tab,i", "index", show=False),
        Binding("question_mark", "help", show=False),
        Binding("d", "describe", show=False),
        Binding("l,L", "language", show=False),
        Binding("c", "contrast", show=False),
        Binding("plus,equals_sign", "larger", show=False),
        Binding("minus", "smaller", show=False),
        Binding("a", "speak", show=False),
        *(Binding(str(n), f"panel({n})", show=False) for n in range(1, 10)),
    ]

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
        clock: Callable[[], float] = time.monotonic,
        console: bool | None = None,
    ) -> None:
        super().__init__()
        line_breaking.install()
        self.linux_console = os.environ.get("TERM") == "linux" if console is None else console
        """The Linux console: 16 colours and only its font's glyphs (see use_console_glyphs)."""
        self._init_choices(offered(editions or {}, self.linux_console), speaker)
        self.exhibit = next(iter(self.editions.values())) if self.editions else exhibit
        """The exhibit in the language the visitor reads now."""
        self.title = self.exhibit.title
        self._init_attendance(demo, allow_quit, countdown, clock)
        self._demo_interval = demo_interval
        self._idle_timeout = idle_timeout
        self.reload = LiveReload(self, source, reload_interval) if source else None
        """Watches `source` (the exhibit file) and swaps in each good save."""
        self.healer = Healer(self)
        self.handle_signals = handle_signals
        self.images = images or ImageSettings()
        """How pictures are shown; description mode is toggled here (key d)."""
        for theme in THEMES:
            self.register_theme(theme)
        # Before the stylesheet is first read, and without the theme watcher, which parses
        # every stylesheet again (~15 ms at start-up); the classes it would set, set here.
        self.set_reactive(KioskApp.theme, THEMES[0].name)
        self.set_class(True, f"-theme-{THEMES[0].name}")
        self.stylesheet.set_variables(self.get_css_variables())
        self.position = 0
        self.pages: PageShelf[KioskScreen] = PageShelf(self)
        """Pages already built, shown again instead of built anew (shelf.py)."""
        self.advisories: PageShelf[AdvisoryScreen] = PageShelf(self, "advisory")
        """Content advisories already built, likewise, by the position of their panel."""
        settings = exhibit.kiosk
        self._staff_exit = StaffExit(settings.staff_exit, settings.staff_exit_seconds)

    @property
    def current_panel(self) -> Panel:
        """The panel on screen (only while `screen_is_panel`)."""
        return self.exhibit.panels[self.position - 1]

    @property
    def demo_interval(self) -> float:
        """Seconds per page in the demo loop: the command line's, else the exhibit's."""
        return self._demo_interval or self.exhibit.kiosk.demo_interval

    @property
    def idle_timeout(self) -> float:
        return self._idle_timeout or self.exhibit.kiosk.idle_timeout

    @property
    def last_position(self) -> int:
        """The closing view's position."""
        return len(self.exhibit.panels) + 1

    def on_mount(self) -> None:
        self.set_class(self.linux_console, "-console")
        use_console_glyphs(self.linux_console)
        self.push_screen(self.screen_for(0))
        if self.attract:
            self._start_attract()
        if self.reload:
            self.reload.start()
        if self.handle_signals:
            install_signal_handlers(self, self.allow_quit)
        self.call_after_refresh(collect_when_quiet, self, lambda: self.clock() - self._last_input)

    def _handle_exception(self, error: Exception) -> None:
        """Never a traceback on screen: log it and go back to the title (see healing.py)."""
        self.healer.handle(error)

    def restart_at_title(self) -> None:
        """A fresh title screen on an emptied screen stack, as if just started."""
        self._stop_attract()
        self._forget_pages()  # a page may be what failed: build every page anew
        while len(self.screen_stack) > 1:  # the first is Textual's own default screen
            self.pop_screen()
        self.position = 0
        self.push_screen(self.screen_for(0))
        self._let_go_of_pages()
        if self.demo:
            self._start_attract()

    def replace_exhibit(
        self, exhibit: Exhibit, folder: Path, editions: Mapping[str, Exhibit] | None = None
    ) -> None:
        """Show a newly saved exhibit, keeping the visitor on the same panel (by id) and in
        the same language if the exhibit still has it."""
        on_panel = self.current_panel.id if self.screen_is_panel else None
        at_end = self.position == self.last_position
        self.editions = offered(editions or {}, self.linux_console)
        if self.language not in self.editions:
            self.language = next(iter(self.editions), "")
        self.words = words_for(self.language)
        exhibit = self.editions.get(self.language, exhibit)
        self.exhibit = exhibit
        self.title = exhibit.title
        self.images.folder = folder
        settings = exhibit.kiosk
        self._staff_exit = StaffExit(settings.staff_exit, settings.staff_exit_seconds)
        ids = [panel.id for panel in exhibit.panels]
        if on_panel in ids:
            position = ids.index(on_panel) + 1
        else:
            position = self.last_position if at_end else min(self.position, len(ids))
        while self.screen.is_modal:
            self.pop_screen()
        self.position = position
        self._forget_pages()
        self.show_page(position)
        if self.attract:  # the demo interval may have changed
            self._stop_attract()
            self._start_attract()

    @property
    def screen_is_panel(self) -> bool:
        return 1 <= self.position <= len(self.exhibit.panels)

    def set_stale(self, stale: bool) -> None:
        """Show or hide the staff-only marker: the file on disk is broken, the screen is not."""
        self.set_class(stale, "-stale")

    @property
    def edition(self) -> tuple[str, bool]:
        """What every kept page depends on besides the exhibit: language and description mode."""
        return (self.language, self.images.describe)

    def screen_for(self, position: int) -> KioskScreen:
        """The page at `position` in the visitor's language: the kept one if there is one."""
        return self.pages.get(self.edition, position, lambda: self._build_page(position))

    def _build_page(self, position: int) -> KioskScreen:
        if position == 0:
            return TitleScreen(self.exhibit)
        if position == self.last_position:
            return ClosingScreen(self.exhibit)
        return PanelScreen(self.exhibit, position)

    def show_page(self, position: int) -> None:
        """Replace the page on screen (no window may be open over it) with the one at
        `position`, from its top."""
        page = self.screen_for(position)
        if isinstance(page, ScrollingScreen):
            page.reset_view()
        self.switch_screen(page)
        self._let_go_of_pages()

    def _forget_pages(self) -> None:
        for shelf in (self.pages, self.advisories):
            shelf.empty()

    def _let_go_of_pages(self) -> None:
        """After a screen change: see PageShelf.let_go."""
        for shelf in (self.pages, self.advisories):
            shelf.let_go()

    def advisory_for(self, direction: int) -> AdvisoryScreen:
        """The content advisory in front of the panel on screen (kept, as pages are)."""
        panel = self.current_panel
        advisory = self.advisories.get(
            self.edition, self.position, lambda: AdvisoryScreen(panel, direction)
        )
        advisory.direction = direction
        return advisory

    # Navigation -----------------------------------------------------------------------------

    def go(self, position: int) -> None:
        """Show the page at `position` (clamped), closing any window over the current one."""
        if not self.screen_stack:  # a timer firing while the app shuts down
            return
        position = max(0, min(position, self.last_position))
        self.speaker.stop()
        while self.screen.is_modal:
            self.pop_screen()
        if position != self.position:
            direction = 1 if position > self.position else -1
            self.position = position
            self.show_page(position)
            if self.screen_is_panel and self.current_panel.advisory:
                self.push_screen(self.advisory_for(direction))

    def skip_panel(self, direction: int) -> None:
        """The visitor chose not to see the panel behind an advisory: on, the way they came."""
        self.go(self.position + direction)

    def action_go(self, position: int) -> None:
        self.go(position)

    def action_next(self) -> None:
        self.go(0 if self.position == self.last_position else self.position + 1)

    def action_previous(self) -> None:
        self.go(self.position - 1)

    def action_last(self) -> None:
        self.go(len(self.exhibit.panels))

    def action_panel(self, number: int) -> None:
        if number <= len(self.exhibit.panels):
            self.go(number)

    def action_index(self) -> None:
        if not self.screen.is_modal:
            self.push_screen(IndexScreen(self.exhibit, self.position))

    def action_help(self) -> None:
        if not self.screen.is_modal:
            self.push_screen(HelpScreen(len(self.languages) > 1, self.speaker.available))

    def show_image(self, index: int) -> None:
        """The panel's image at `index`, full screen with its words."""
        if isinstance(self.screen, PanelScreen) and self.screen.panel.images:
            images = self.screen.panel.images
            self.push_screen(ImageViewScreen(images, min(index, len(images) - 1), self.images))

    def action_describe(self) -> None:
        """Every image as words, or back to pictures; the visitor stays where they are."""
        self.images.describe = not self.images.describe
        while self.screen.is_modal:
            self.pop_screen()
        self.show_page(self.position)
