"""What every kiosk screen shares: a typed app, no inherited escape routes, strip clicks."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, cast

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import MountError

from ..widgets.nav_strip import NavStrip
from ..widgets.staff_marker import StaffMarker, TooSmall

if TYPE_CHECKING:
    from ..app import KioskApp


TINY = (40, 12)
"""Below this many columns or rows a page cannot be read: it asks for a larger window."""


def _look(app: App[Any]) -> tuple[str, frozenset[str]]:
    """What the app-wide styles of every page depend on."""
    return (app.theme, frozenset(app.classes))


class KioskScreen(Screen[None], inherit_bindings=False):
    """A full page of the exhibit. Drops Screen's tab/ctrl+c bindings; focuses nothing."""

    AUTO_FOCUS = None

    @property
    def kiosk(self) -> KioskApp:
        return cast("KioskApp", self.app)

    def on_mount(self) -> None:
        # A page replaced by the next key before it mounted has nothing left to add to.
        with contextlib.suppress(MountError):
            self.mount(StaffMarker(), TooSmall())

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to(event.size)

    def on_screen_resume(self) -> None:
        # A kept page (shelf.py) sat out any resize while another page was on screen.
        self.fit_to(self.app.size)

    def on_screen_suspend(self) -> None:
        self._look_when_left = _look(self.app)

    def post_message(self, message: Message) -> bool:
        # Textual restyles every widget of a screen it shows again: a third of showing a kept
        # page. Needless unless the look changed while the page was away (theme, large
        # layout, console, staff marker: all classes or the theme of the app).
        if (
            isinstance(message, events.ScreenResume)
            and message.refresh_styles
            and getattr(self, "_look_when_left", None) == _look(self.app)
        ):
            message.refresh_styles = False
        return super().post_message(message)

    def fit_to(self, size: Size) -> None:
        """Set the classes by which the stylesheet arranges the page for the terminal's size."""
        width, height = TINY
        self.set_class(size.width < width or size.height < height, "-tiny")

    def on_nav_strip_chosen(self, message: NavStrip.Chosen) -> None:
        self.kiosk.go(message.position)

    def on_nav_strip_language_chosen(self, message: NavStrip.LanguageChosen) -> None:
        self.kiosk.action_language()


class Page(VerticalScroll, can_focus=False, inherit_bindings=False):
    """The scrolling part of a page. Never focused, so its own keys (Home, End, PageDown)
    cannot shadow the kiosk's navigation; the screen scrolls it on Up and Down."""


NARROW = 100
"""Below this many columns the images and facts move under the text."""
SHORT = 30
"""Below this many rows the timeline line is left out."""


class ScrollingScreen(KioskScreen):
    """A page whose text may be longer than the screen: Up and Down scroll it.

    The classes -narrow and -short let the stylesheet rearrange the page for small terminals.
    """

    BINDINGS = [
        Binding("up", "scroll_text(-1)", show=False),
        Binding("down", "scroll_text(1)", show=False),
    ]

    def action_scroll_text(self, direction: int) -> None:
        # A key can arrive before the page is composed: then there is nothing to scroll yet.
        for page in self.query("#page").results(Page):
            page.scroll_relative(y=direction * max(1, page.size.height // 3), animate=False)

    def reset_view(self) -> None:
        """Back to the first line, for a kept page shown again (nothing to do before it is
        composed)."""
        for page in self.query("#page").results(Page):
            page.scroll_home(animate=False, immediate=True)

    def fit_to(self, size: Size) -> None:
        super().fit_to(size)
        self.set_class(size.width < NARROW, "-narrow")
        self.set_class(size.height < SHORT, "-short")


class KioskOverlay(ModalScreen[None], inherit_bindings=False):
    """A window over the page (index, help, countdown). Escape closes it."""

    AUTO_FOCUS = None
    BINDINGS = [Binding("escape", "close", show=False)]

    @property
    def kiosk(self) -> KioskApp:
        return cast("KioskApp", self.app)

    def action_close(self) -> None:
        self.close()

    def close(self) -> None:
        """Close this window if it is still the top screen. Keys typed faster than the screen
        changes may still be queued for a window that has closed; they must not close the page
        under it (Screen.dismiss pops whatever screen is on top)."""
        if self.is_current:
            self.dismiss()
