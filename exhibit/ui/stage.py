"""What is on screen, made to match the journey's state: the page at the visitor's stop (built
pages kept, see shelf.py) and the windows over it.

The journey (exhibit/journey.py) decides; this module only builds, shows and closes screens
until the screen stack says what the state says.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..journey import Effect, State, Window
from ..tour import Stop
from .screens.base import KioskOverlay, KioskScreen, ScrollingScreen
from .screens.title import TitleScreen
from .shelf import PageShelf

# The other screens are imported where they are first built: the title needs none of them,
# and their widgets (pictures, QR codes, sources, the status) cost the start ~17 ms here, a
# tenth of a second on a Raspberry Pi. The pages built while idle bring them in after it.
if TYPE_CHECKING:
    from .app import KioskApp
    from .screens.advisory import AdvisoryScreen

COUNTDOWN = "countdown"


@dataclass(frozen=True)
class Prebuild:
    """A page not built yet, and how to build it (kept on its shelf) without showing it."""

    kind: str
    """"page" or "advisory"."""
    number: int
    """The stop's number."""
    build: Callable[[], KioskScreen | KioskOverlay]


class Stage:
    """The app's screens, kept in step with the visitor's journey."""

    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self.pages: PageShelf[KioskScreen] = PageShelf(app)
        """Pages already built, shown again instead of built anew (shelf.py)."""
        self.advisories: PageShelf[AdvisoryScreen] = PageShelf(app, "advisory")
        """Content advisories already built, likewise, by the stop of their panel."""
        self.box: tuple[int, int] | None = None
        """The pixel box of the last picture laid out: the size pictures are prepared at."""

    @property
    def edition(self) -> tuple[str, bool]:
        """What every kept page depends on besides the exhibit: language and description mode."""
        choices = self.app.state.choices
        return (choices.language, choices.describe)

    def page_for(self, stop: Stop) -> KioskScreen:
        """The page at `stop` in the visitor's language: the kept one if there is one."""
        return self.pages.get(self.edition, stop.number, lambda: self._build(stop))

    def advisory_for(self, number: int) -> AdvisoryScreen:
        """The content advisory of the panel at stop `number`: the kept one if there is one."""
        from .screens.advisory import AdvisoryScreen

        panel = self.app.exhibit.panels[number - 1]
        build = lambda: AdvisoryScreen(panel, self.app.words)  # noqa: E731
        return self.advisories.get(self.edition, number, build)

    def unbuilt(self, skip: Collection[tuple[str, int]] = ()) -> Iterator[Prebuild]:
        """How to build each page of this edition that is not kept yet, in the order a visitor
        is likely to want them: the title, the panels on from where the visitor is (each
        with its advisory), the closing page. `skip`: (kind, stop number) pairs left out."""
        here, count = self.app.state.stop.number, self.app.state.stop.count
        edition, panels = self.edition, self.app.exhibit.panels
        order = [0, *[(here + step - 1) % count + 1 for step in range(1, count + 1)], count + 1]
        for number in order if count else [0]:
            stop = Stop(number, count)
            if not self.pages.holds(edition, number) and ("page", number) not in skip:
                yield Prebuild("page", number, partial(self.page_for, stop))
            advisory = stop.panel is not None and panels[stop.panel].advisory
            held = self.advisories.holds(edition, number)
            if advisory and not held and ("advisory", number) not in skip:
                yield Prebuild("advisory", number, partial(self.advisory_for, number))

    def _build(self, stop: Stop) -> KioskScreen:
        page = self._make(stop)
        page.fit_to(self.app.size, update=False)  # styled once, as it mounts
        return page

    def _make(self, stop: Stop) -> KioskScreen:
        app = self.app
        exhibit, words, language = app.exhibit, app.words, app.next_language
        if stop.is_title:
            return TitleScreen(exhibit, words, language)
        from .screens.closing import ClosingScreen
        from .screens.panel import PanelScreen

        if stop.is_closing:
            return ClosingScreen(exhibit, words, language, app.language)
        return PanelScreen(
            exhibit,
            stop.number,
            words,
            app.images,
            next_language=language,
            language=app.language,
            box=self.box,
        )

    def show(self, state: State, effects: tuple[Effect, ...]) -> None:
        """Make the screens say what `state` says; scroll as `effects` ask."""
        from .screens.image_view import ImageViewScreen
        from .screens.panel import PanelScreen

        if Effect.SHOW_PAGE in effects:
            self.close_windows()
            self.show_page(state.stop)
        self._windows(state)
        page = self.page
        if isinstance(page, PanelScreen):
            page.follow(state.chosen)
            if page.more != state.more:
                page.show_more(state.more)
        for effect in effects:
            if effect in (Effect.SCROLL_UP, Effect.SCROLL_DOWN):
                direction = -1 if effect is Effect.SCROLL_UP else 1
                top = self.app.screen
                if isinstance(top, ImageViewScreen):
                    top.scroll_words(direction)
                elif isinstance(top, ScrollingScreen):
                    top.scroll_text(direction)

    @property
    def page(self) -> KioskScreen | None:
        """The page under any windows."""
        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, KioskScreen):
                return screen
        return None

    def show_page(self, stop: Stop) -> None:
        """Replace the page on screen (no window may be open over it) with the one at `stop`,
        from its top."""
        page = self.page_for(stop)
        if isinstance(page, ScrollingScreen):
            page.reset_view()
        stack = self.app.screen_stack
        if page is stack[0]:  # the page the kiosk started on (app.get_default_screen)
            self._close_all_over_the_first()
        elif len(stack) == 1:  # over it: Textual cannot switch away from its first screen
            self.app.push_screen(page)
        else:
            self.app.switch_screen(page)
        self.let_go()

    def start_over(self, stop: Stop) -> None:
        """Every screen closed but Textual's first, then the page at `stop` shown."""
        self._close_all_over_the_first()
        self.show_page(stop)

    def _close_all_over_the_first(self) -> None:
        while len(self.app.screen_stack) > 1:  # Textual never lets go of its first screen
            self.app.pop_screen()

    def close_windows(self) -> None:
        while self.app.screen_stack and self.app.screen.is_modal:
            self.app.pop_screen()

    def _windows(self, state: State) -> None:
        """Close and open windows until they are the state's: its window, then the countdown."""
        wanted: list[tuple[object, ...]] = []
        if state.window is not Window.NONE:
            wanted.append((state.window, state.image if state.window is Window.IMAGE else 0))
        if state.countdown:
            wanted.append((COUNTDOWN,))
        from .screens.image_view import ImageViewScreen

        shown = [s for s in self.app.screen_stack if isinstance(s, KioskOverlay)]
        same = 0
        while same < min(len(shown), len(wanted)) and shown[same].shows == wanted[same]:
            same += 1
        top = shown[same] if same < len(shown) else None
        in_place = len(shown) == same + 1 == len(wanted) and wanted[same][0] is Window.IMAGE
        if isinstance(top, ImageViewScreen) and in_place:  # another image of the panel
            top.shows = wanted[same]
            self.app.call_later(top.show, state.image)
            return
        for _ in shown[same:]:
            self.app.pop_screen()
        for shows in wanted[same:]:
            window = self._window(shows, state)
            window.shows = shows
            self.app.push_screen(window)

    def _window(self, shows: tuple[object, ...], state: State) -> KioskOverlay:
        from .screens.countdown import CountdownScreen
        from .screens.help import HelpScreen
        from .screens.image_view import ImageViewScreen
        from .screens.index import IndexScreen
        from .screens.status import StatusScreen

        app, kind = self.app, shows[0]
        if kind is Window.ADVISORY:
            return self.advisory_for(state.stop.number)
        if kind is Window.INDEX:
            return IndexScreen(app.exhibit, state.stop.number, app.words)
        if kind is Window.HELP:
            return HelpScreen(app.words, len(state.tour.languages) > 1, state.tour.audio)
        if kind is Window.STATUS:  # staff only (kiosk.staff_status)
            return StatusScreen(app.words, app.unattended.staff.status())
        if kind is Window.IMAGE:
            images = app.exhibit.panels[state.stop.number - 1].images
            return ImageViewScreen(images, state.image, app.images, app.words, self.box)
        return CountdownScreen(app.words, app.attendance.countdown_left)

    def forget_pages(self) -> None:
        for shelf in (self.pages, self.advisories):
            shelf.empty()

    def let_go(self) -> None:
        """After a screen change: see PageShelf.let_go."""
        for shelf in (self.pages, self.advisories):
            shelf.let_go()
