"""A page's widgets are styled as they mount; showing the page the first time does not style
them again (screens/base.py), unless the look (theme, the app's classes) changed since the page
was made: the title at start is styled once, and a page built ahead while the visitor chose
high contrast or the large layout shows in that look."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from kiosk_pilot import ManualClock
from test_prebuild import idle_until, kept, kiosk
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from exhibit.model import Exhibit
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.screens.title import TitleScreen


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[int]]:
    """How many times each node (by id) had the stylesheet applied."""
    times: Counter[int] = Counter()
    apply = Stylesheet.apply

    def counted(self: Stylesheet, node: DOMNode, **options: object) -> None:
        times[id(node)] += 1
        apply(self, node, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counted)
    yield times


async def test_the_title_is_styled_once_at_start(clocks: Exhibit, styled: Counter[int]) -> None:
    app = kiosk(clocks, ManualClock(), prebuild=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        widgets = list(app.screen.walk_children(with_self=True))
        assert len(widgets) > 5
        times = {type(w).__name__: styled[id(w)] for w in widgets}
        # Not the second pass over every widget (35 applies for 13 nodes). One widget may be
        # styled again by a change of its own: Textual's :last-child moves when a widget is
        # mounted after it (the notifications' rack), sooner or later on a busy machine.
        assert times["TitleScreen"] == 1, times
        assert sum(count > 1 for count in times.values()) <= 1, times


async def test_the_title_is_the_first_screen_there_is(clocks: Exhibit) -> None:
    """No empty screen set up and drawn before it (app.get_default_screen); a visitor who
    goes on and comes back finds the same page, nothing piled under or over it."""
    app = kiosk(clocks, ManualClock(), prebuild=False)
    async with app.run_test(size=(120, 40)) as pilot:
        title = app.screen
        assert isinstance(title, TitleScreen) and app.screen_stack == [title]
        await pilot.press("1", "right", "i")
        assert isinstance(app.screen_stack[-2], PanelScreen) and len(app.screen_stack) == 3
        await pilot.press("escape", "home")
        assert app.screen_stack == [title]
        await pilot.press("2")
        assert app.screen_stack[0] is title and isinstance(app.screen, PanelScreen)


@pytest.mark.parametrize(
    ("size", "classes"), [((80, 24), {"-narrow", "-short"}), ((160, 50), {"-wide"})]
)
async def test_a_page_is_styled_once_at_a_size_that_rearranges_it(
    clocks: Exhibit, styled: Counter[int], size: tuple[int, int], classes: set[str]
) -> None:
    """The classes a size gives the page are set as it is built: set after its widgets
    mounted, they restyled every one of them (~18 ms a page at 80x24)."""
    app = kiosk(clocks, ManualClock(), prebuild=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")  # facts and images beside the text: the page widens
        await pilot.pause()
        assert isinstance(app.screen, PanelScreen) and classes <= app.screen.classes
        widgets = list(app.screen.walk_children(with_self=True))
        times = {w: styled[id(w)] for w in widgets}
        assert times[app.screen] == 1, times
        twice = [type(w).__name__ for w, count in times.items() if count > 1]
        assert len(twice) <= len(widgets) // 10, twice


@pytest.mark.parametrize("key", ["c", "plus"])  # high contrast (the theme), large (a class)
async def test_a_page_built_ahead_shows_in_the_look_chosen_after_it_was_built(
    clocks: Exhibit, key: str
) -> None:
    clock = ManualClock()
    app = kiosk(clocks, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await idle_until(app, clock, pilot, lambda: 2 in kept(app))
        built = kept(app)[2]
        assert isinstance(built, PanelScreen) and built.is_running
        before = (built.styles.background, built.query_one("#text").styles.max_width)
        await pilot.press(key)  # chosen on the title: the page built ahead is not shown
        await pilot.press("2")
        assert app.screen is built
        await pilot.pause()
        fresh = kiosk(clocks, ManualClock(), prebuild=False)
        async with fresh.run_test(size=(120, 40)) as fresh_pilot:
            await fresh_pilot.press(key, "2")
            await fresh_pilot.pause()
            looks = (
                fresh.screen.styles.background,
                fresh.screen.query_one("#text").styles.max_width,
            )
        shown = (built.styles.background, built.query_one("#text").styles.max_width)
        assert shown == looks and shown != before
