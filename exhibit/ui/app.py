"""The kiosk application: which page is shown, the attract loop, and the idle reset.

Screens render; this class decides. Positions: 0 is the title screen, 1..N the panels, N+1 the
closing view of sources and credits.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.timer import Timer

from ..media import MediaError, resolve
from ..model import Exhibit
from .images import ImageSettings
from .screens.base import KioskScreen
from .screens.closing import ClosingScreen
from .screens.countdown import CountdownScreen
from .screens.help import HelpScreen
from .screens.image_view import ImageViewScreen
from .screens.index import IndexScreen
from .screens.panel import PanelScreen
from .screens.title import TitleScreen
from .theme import MUSEUM
from .widgets.picture import background_of

_ACTIVITY = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


class KioskApp(App[int], inherit_bindings=False):
    """A full-screen exhibit. No inherited bindings: ctrl+q, ctrl+c and the palette are gone."""

    CSS_PATH = Path(__file__).with_name("kiosk.tcss")
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    BINDINGS = [
        Binding("right,space,pagedown,enter", "next", show=False),
        Binding("left,pageup,backspace", "previous", show=False),
        Binding("home", "go(0)", show=False),
        Binding("end", "last", show=False),
        Binding("tab,i", "index", show=False),
        Binding("question_mark", "help", show=False),
        Binding("z", "zoom", show=False),
        Binding("d", "describe", show=False),
        *(Binding(str(n), f"panel({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(
        self,
        exhibit: Exhibit,
        *,
        demo: bool = False,
        demo_interval: float | None = None,
        idle_timeout: float | None = None,
        countdown: float = 10.0,
        allow_quit: bool = False,
        images: ImageSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.exhibit = exhibit
        self.title = exhibit.title
        self.demo = demo
        self.demo_interval = demo_interval or exhibit.kiosk.demo_interval
        self.idle_timeout = idle_timeout or exhibit.kiosk.idle_timeout
        self.countdown_seconds = countdown
        self.allow_quit = allow_quit
        self.images = images or ImageSettings()
        """How pictures are shown; description mode is toggled here (key d)."""
        self.clock = clock
        self.position = 0
        self.attract = demo
        """True while the demo loop runs; the first visitor input ends it."""
        self._last_input = clock()
        self._idle_timer: Timer | None = None
        self._demo_timer: Timer | None = None
        self._swallow_mouse_up = False

    @property
    def last_position(self) -> int:
        """The closing view's position."""
        return len(self.exhibit.panels) + 1

    def on_mount(self) -> None:
        self.register_theme(MUSEUM)
        self.theme = MUSEUM.name
        self.push_screen(self._screen_for(0))
        if self.attract:
            self._start_attract()

    def _screen_for(self, position: int) -> KioskScreen:
        if position == 0:
            return TitleScreen(self.exhibit)
        if position == self.last_position:
            return ClosingScreen(self.exhibit)
        return PanelScreen(self.exhibit, position)

    # Navigation -----------------------------------------------------------------------------

    def go(self, position: int) -> None:
        """Show the page at `position` (clamped), closing any window over the current one."""
        if not self.screen_stack:  # a timer firing while the app shuts down
            return
        position = max(0, min(position, self.last_position))
        while self.screen.is_modal:
            self.pop_screen()
        if position != self.position:
            self.position = position
            self.switch_screen(self._screen_for(position))

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
            self.push_screen(HelpScreen())

    def action_zoom(self) -> None:
        self.show_image(0)

    def show_image(self, index: int) -> None:
        """The panel's image at `index`, full screen with its words."""
        if isinstance(self.screen, PanelScreen) and self.screen.panel.images:
            images = self.screen.panel.images
            self.push_screen(ImageViewScreen(images, min(index, len(images) - 1), self.images))

    def prewarm(self, number: int) -> None:
        """Prepare panel `number`'s images in the background, so that the next page shows its
        pictures at once (at the size the last picture had)."""
        box = self.images.last_box
        if (
            not self.images.shows_pixels
            or box is None
            or not 1 <= number <= len(self.exhibit.panels)
        ):
            return
        files = [i.file for i in self.exhibit.panels[number - 1].images if i.file]
        background = background_of(self)

        def work() -> None:
            for file in files:
                with contextlib.suppress(FileNotFoundError, MediaError):
                    self.images.cache.get(resolve(self.images.folder, file), box, background)

        self.run_worker(work, thread=True, group="prewarm", exclusive=True)

    def action_describe(self) -> None:
        """Every image as words, or back to pictures; the visitor stays where they are."""
        self.images.describe = not self.images.describe
        while self.screen.is_modal:
            self.pop_screen()
        self.switch_screen(self._screen_for(self.position))

    # Visitors arriving and leaving ------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.MouseUp) and self._swallow_mouse_up:
            self._swallow_mouse_up = False
            return
        is_input = isinstance(event, _ACTIVITY) and not event.is_forwarded
        if is_input and self._on_visitor_input(event):
            return
        await super().on_event(event)

    def _on_visitor_input(self, event: events.Event) -> bool:
        """Note the input; True when it only wakes the kiosk and must not act as well."""
        self._last_input = self.clock()
        if self.allow_quit and isinstance(event, events.Key) and event.key == "ctrl+q":
            self.exit(0)
            return True
        wakes = self.attract or isinstance(self.screen, CountdownScreen)
        if self.attract:
            self._stop_attract()
        elif isinstance(self.screen, CountdownScreen):
            self.pop_screen()
        if self._idle_timer is None:
            self._arm_idle(self.idle_timeout)
        if wakes and isinstance(event, events.MouseDown):
            self._swallow_mouse_up = True
        return wakes and not isinstance(event, (events.MouseScrollDown, events.MouseScrollUp))

    def _arm_idle(self, delay: float) -> None:
        self._idle_timer = self.set_timer(delay, self._idle_check, name="idle")

    def _idle_check(self) -> None:
        """One timer for the idle reset, re-armed only while visitors keep pressing keys."""
        self._idle_timer = None
        quiet = self.clock() - self._last_input
        if self.attract or not self.screen_stack:
            return
        if quiet < self.idle_timeout:
            self._arm_idle(self.idle_timeout - quiet)
        elif self.position == 0 and not self.screen.is_modal:
            if self.demo:
                self._start_attract()
        else:
            self.push_screen(CountdownScreen(self.countdown_seconds))

    def reset_to_start(self) -> None:
        """Back to the title screen; in demo mode the loop starts again."""
        self.go(0)
        if self.demo:
            self._start_attract()

    # The attract loop -----------------------------------------------------------------------

    def _start_attract(self) -> None:
        self.attract = True
        if self._demo_timer is None:
            self._demo_timer = self.set_interval(self.demo_interval, self._demo_step, name="demo")

    def _stop_attract(self) -> None:
        self.attract = False
        if self._demo_timer is not None:
            self._demo_timer.stop()
            self._demo_timer = None

    def _demo_step(self) -> None:
        """Title, every panel, title again: the closing view of sources is left to visitors."""
        self.go(self.position + 1 if self.position < len(self.exhibit.panels) else 0)
