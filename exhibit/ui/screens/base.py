"""What every kiosk screen shares: a typed app, no inherited escape routes, strip clicks."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen

from ..widgets.nav_strip import NavStrip

if TYPE_CHECKING:
    from ..app import KioskApp


class KioskScreen(Screen[None], inherit_bindings=False):
    """A full page of the exhibit. Drops Screen's tab/ctrl+c bindings; focuses nothing."""

    AUTO_FOCUS = None

    @property
    def kiosk(self) -> KioskApp:
        return cast("KioskApp", self.app)

    def on_nav_strip_chosen(self, message: NavStrip.Chosen) -> None:
        self.kiosk.go(message.position)


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
        page = self.query_one("#page", Page)
        page.scroll_relative(y=direction * max(1, page.size.height // 3), animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self.set_class(event.size.height < SHORT, "-short")


class KioskOverlay(ModalScreen[None], inherit_bindings=False):
    """A window over the page (index, help, countdown). Escape closes it."""

    AUTO_FOCUS = None
    BINDINGS = [Binding("escape", "close", show=False)]

    @property
    def kiosk(self) -> KioskApp:
        return cast("KioskApp", self.app)

    def action_close(self) -> None:
        self.dismiss()
