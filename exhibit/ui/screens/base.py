"""What every kiosk screen shares: the kiosk's words, no inherited escape routes, no focus.

No screen binds a key: every key goes to the journey (exhibit/keys.py, exhibit/journey.py),
and the app shows what it says."""

from __future__ import annotations

import contextlib
from typing import Any

from textual import events
from textual.app import App
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import MountError

from ...layout import NARROW, SHORT, TINY, WIDE
from .. import workarounds
from ..widgets.banners import Describing, TakeOver
from ..widgets.reading_bar import ReadingBar
from ..widgets.staff_marker import StaffMarker, TooSmall
from ..words import Words


def _look(app: App[Any]) -> tuple[str, frozenset[str]]:
    """What the app-wide styles of every page depend on."""
    return (app.theme, frozenset(app.classes))


class KioskScreen(Screen[None], inherit_bindings=False):
    """A full page of the exhibit. Drops Screen's tab/ctrl+c bindings; focuses nothing."""

    AUTO_FOCUS = None

    def __init__(self, words: Words) -> None:
        super().__init__()
        self.words = words
        """Everything the kiosk itself says, in the visitor's language."""
        # The look its widgets are styled in as they mount: a page shown for the first time
        # (the title at start, a page built ahead) is not styled again unless it changed.
        with contextlib.suppress(RuntimeError):  # made outside an app: no look to keep
            self._look_when_left = _look(self.app)

    def on_mount(self) -> None:
        # A page replaced by the next key before it mounted has nothing left to add to.
        with contextlib.suppress(MountError):
            self.mount(ReadingBar(self.words), StaffMarker(self.words), TooSmall(self.words))
            self.mount(TakeOver(self.words), Describing(self.words))

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to(event.size)

    def on_screen_resume(self) -> None:
        # A kept page (shelf.py) sat out any resize while another page was on screen.
        self.fit_to(self.app.size)

    def on_screen_suspend(self) -> None:
        self._look_when_left = _look(self.app)

    def post_message(self, message: Message) -> bool:
        # A kept page need not be restyled unless the look changed while it was away (theme,
        # large layout, console, staff marker: all classes or the theme of the app).
        unchanged = getattr(self, "_look_when_left", None) == _look(self.app)
        workarounds.keep_styles_on_resume(message, unchanged)
        return super().post_message(message)

    def fit_to(self, size: Size, *, update: bool = True) -> None:
        """Set the classes by which the stylesheet arranges the page for the terminal's size.
        `update=False` before the page mounts: its widgets are styled for them as they mount
        (set after, every widget of the page was styled again: at 80x24, about half of a
        first visit's time here)."""
        width, height = TINY
        self.set_class(size.width < width or size.height < height, "-tiny", update=update)


class Page(VerticalScroll, can_focus=False, inherit_bindings=False):
    """The scrolling part of a page. Never focused, so its own keys (Home, End, PageDown)
    cannot shadow the kiosk's navigation; the screen scrolls it on Up and Down."""

    class Overflows(Message):
        """The text became longer than the screen (or no longer is)."""

        def __init__(self, overflows: bool) -> None:
            super().__init__()
            self.overflows = overflows

    class Relaid(Message):
        """The page, or the length of what it holds, changed size (a picture made ready, the
        text made larger, the terminal resized): what was in view may have moved."""

    def on_resize(self) -> None:
        self.post_message(self.Relaid())

    def watch_virtual_size(self) -> None:
        # What it holds grew or shrank: Textual sends no Resize for that, the page's own
        # size being unchanged.
        self.post_message(self.Relaid())

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # Textual shows the scroll bar exactly when the text overflows: the page's ▲ ▼
        # targets follow it.
        self.post_message(self.Overflows(shown))


class ScrollingScreen(KioskScreen):
    """A page whose text may be longer than the screen: Up and Down scroll it.

    The classes -narrow and -short let the stylesheet rearrange the page for small terminals.
    """

    has_aside = False
    """The page has a column beside its text (images, facts, a QR code)."""

    def on_page_overflows(self, message: Page.Overflows) -> None:
        message.stop()
        # The strip's ▲ ▼ targets themselves, not a class of the page: that would restyle
        # every widget on it, just after it was first shown.
        for target in self.query(".nav-scroll"):
            target.display = message.overflows

    def scroll_text(self, direction: int) -> None:
        """A third of the visible text up (-1) or down (1)."""
        # A key can arrive before the page is composed: then there is nothing to scroll yet.
        for page in self.query("#page").results(Page):
            page.scroll_relative(y=direction * max(1, page.size.height // 3), animate=False)

    def reset_view(self) -> None:
        """Back to the first line, for a kept page shown again (nothing to do before it is
        composed)."""
        for page in self.query("#page").results(Page):
            page.scroll_home(animate=False, immediate=True)

    def fit_to(self, size: Size, *, update: bool = True) -> None:
        super().fit_to(size, update=update)
        self.set_class(size.width < NARROW, "-narrow", update=update)
        self.set_class(size.height < SHORT, "-short", update=update)
        # Only a page with an aside widens (a text alone stays centred).
        self.set_class(size.width >= WIDE and self.has_aside, "-wide", update=update)

    def on_mount(self) -> None:
        super().on_mount()
        self.fit_to(self.app.size)  # built for another size (the stage fits it as it builds)


class KioskOverlay(ModalScreen[None], inherit_bindings=False):
    """A window over the page (advisory, index, help, image, countdown)."""

    AUTO_FOCUS = None

    def __init__(self, words: Words) -> None:
        super().__init__()
        self.words = words
        self.shows: tuple[object, ...] = ()
        """What the app opened this window for (the journey's window and its image): the app
        compares it with the journey's state to know which windows to close or open."""

    def on_mount(self) -> None:
        # The attract loop shows content advisories too: they carry its invitation.
        with contextlib.suppress(MountError):
            self.mount(TakeOver(self.words))
