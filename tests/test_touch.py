"""Touch first (issue 18, point 3): every hint that looks like a button is one. Each target is
touched as the terminal sends a touch (a press and release the app's on_event sees) and the
page that follows is checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kiosk_pilot import ManualClock, click_like_the_terminal, heading, screen_text, until
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.base import Page
from exhibit.ui.screens.closing import ClosingScreen
from exhibit.ui.screens.help import HelpScreen
from exhibit.ui.screens.image_view import ImageViewScreen
from exhibit.ui.screens.index import IndexScreen
from exhibit.ui.widgets.banners import Describing, TakeOver
from exhibit.ui.widgets.image_card import ImageCard
from exhibit.ui.widgets.target import Target
from exhibit.ui.widgets.timeline import Timeline
from exhibit.ui.words import EN, JA

TWO_LANGUAGES = """\
exhibit:
  title: {en: Bells, ja: 鐘}
  languages: [en, ja]
  default_language: en
panels:
  - id: casting
    title: {en: Casting a bell, ja: 鐘を鋳る}
    body: {en: Bronze is poured into a mould., ja: 青銅を型に流し込む。}
  - id: ringing
    title: {en: Ringing, ja: 鐘をつく}
    body: {en: Ropes and wheels., ja: 綱と車。}
"""


async def tap(pilot: Pilot[int], target: Widget) -> None:
    """A finger on the middle of `target`."""
    region = target.region
    assert region.width and region.height, f"{target} is not on screen"
    await click_like_the_terminal(pilot, region.x + region.width // 2, region.y)
    await pilot.pause()


def target(app: KioskApp, selector: str, number: int = 0) -> Widget:
    found = [w for w in app.screen.query(selector) if w.display]
    assert found, f"no {selector} on screen"
    return found[number]


async def begin(pilot: Pilot[int], panel: str) -> None:
    await pilot.press(panel)
    await until(pilot, lambda: pilot.app.screen.query(".nav-next"))
    await pilot.pause()


async def test_previous_next_index_and_help_in_the_strip(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "1")
        await tap(pilot, target(app, ".nav-next"))
        assert heading(app) == clocks.panels[1].title
        await tap(pilot, target(app, ".nav-previous"))
        assert heading(app) == clocks.panels[0].title
        await tap(pilot, target(app, ".nav-index"))
        assert isinstance(app.screen, IndexScreen)
        await pilot.press("escape")
        await tap(pilot, target(app, ".nav-help"))
        assert isinstance(app.screen, HelpScreen)
        assert EN.HELP_MEANINGS["touch"] in screen_text(app)
        await click_like_the_terminal(pilot, 40, 12)  # any touch closes help
        assert heading(app) == clocks.panels[0].title and not app.screen.is_modal
        await tap(pilot, target(app, ".nav-item", 2))
        assert heading(app) == clocks.panels[2].title


async def test_the_language_target_switches_on_the_same_page(
    write_yaml: Callable[[str], Path],
) -> None:
    result = load_exhibit(write_yaml(TWO_LANGUAGES))
    assert result.exhibit is not None
    app = KioskApp(result.exhibit, editions=result.editions)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "2")
        await tap(pilot, target(app, ".nav-language"))
        await until(pilot, lambda: heading(app) == "鐘をつく")
        assert str(target(app, ".nav-index").render()) == JA.NAV_INDEX


async def test_next_previous_and_close_on_an_image_full_screen(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "2")
        card = next(iter(app.screen.query(ImageCard)))
        app.screen.query_one("#page", Page).scroll_to_widget(card, animate=False)
        await pilot.pause()
        await tap(pilot, card)
        assert isinstance(app.screen, ImageViewScreen)
        assert "Image 1 of 2" in screen_text(app)
        await tap(pilot, target(app, ".viewer-next"))
        await until(pilot, lambda: "Image 2 of 2" in screen_text(app))
        await tap(pilot, target(app, ".viewer-previous"))
        await until(pilot, lambda: "Image 1 of 2" in screen_text(app))
        await tap(pilot, target(app, ".viewer-close"))
        assert not app.screen.is_modal and heading(app) == clocks.panels[1].title


async def test_a_one_image_panel_offers_no_next_image(lighthouses: Exhibit) -> None:
    app = KioskApp(lighthouses)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "1")
        await pilot.press("z")
        assert "Image 1 of 1" in screen_text(app)
        assert not app.screen.query(".viewer-next") and not app.screen.query(".viewer-previous")
        assert "next" not in screen_text(app)
        await tap(pilot, target(app, ".viewer-close"))
        assert not app.screen.is_modal


async def test_scroll_targets_and_the_wheel_scroll_a_long_text(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "2")  # a long text
        page = app.screen.query_one("#page", Page)
        await until(pilot, lambda: app.screen.query(".nav-scroll").first().display)
        down, up = target(app, ".nav-scroll", 1), target(app, ".nav-scroll", 0)
        assert (str(up.render()), str(down.render())) == ("▲", "▼")
        await tap(pilot, down)
        await tap(pilot, down)
        assert page.scroll_y > 0
        lower = page.scroll_y
        await tap(pilot, up)
        assert 0 < page.scroll_y < lower
        before = page.scroll_y
        for _ in range(3):
            x, y = page.region.x + 10, page.region.y + 2
            app.post_message(events.MouseScrollDown(None, x, y, 0, 0, 0, False, False, False))
            await pilot.pause()
        assert page.scroll_y > before, "the wheel scrolls the text too"
        await begin(pilot, "3")  # a few lines: nothing to scroll, no targets
        await pilot.pause()
        assert not [w for w in app.screen.query(".nav-scroll") if w.display]


async def test_every_target_is_a_finger_wide_and_on_screen_at_80x24(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "2")
        await until(pilot, lambda: app.screen.query(".nav-scroll").first().display)
        shown = [t for t in app.screen.query(Target) if t.display]
        strip = [t for t in shown if t.region.y == 23]
        assert len(strip) >= 10, [str(t.render()) for t in shown]
        for t in strip:
            assert t.region.width >= 3 and t.region.right <= 80, str(t.render())


@pytest.mark.parametrize("key", ["0", "a", "left", "backspace", "home", "x"])
async def test_every_key_begins_from_the_title(clocks: Exhibit, key: str) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        assert EN.PRESS_TO_BEGIN in screen_text(app) and "Touch" in EN.PRESS_TO_BEGIN
        await pilot.press(key)
        assert heading(app) == clocks.panels[0].title


async def test_a_touch_on_the_title_begins(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await click_like_the_terminal(pilot, 5, 5)
        assert heading(app) == clocks.panels[0].title


def test_the_invitations_say_touch_in_both_languages() -> None:
    for words in (EN.PRESS_TO_BEGIN, EN.PRESS_TO_STAY, EN.TAKE_OVER, EN.HELP_HINT):
        assert "Touch or press any key" in words
    for words in (JA.PRESS_TO_BEGIN, JA.PRESS_TO_STAY, JA.TAKE_OVER, JA.HELP_HINT):
        assert "画面に触れるか、キーを押" in words


async def test_the_attract_loop_invites_a_passer_by_to_take_over(clocks: Exhibit) -> None:
    clock = ManualClock()
    app = KioskApp(clocks, demo=True, demo_interval=5, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):  # the title, then panels
            banner = app.screen.query_one(TakeOver)
            assert banner.display and str(banner.render()) == EN.TAKE_OVER
            await clock.advance(pilot, 5)
        assert app.attract and heading(app) != clocks.exhibit.title
        await pilot.press("x")  # hands control over
        assert not app.attract and not app.screen.query_one(TakeOver).display


async def test_description_mode_says_it_is_on(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "2")
        assert not app.screen.query_one(Describing).display
        await pilot.press("d")
        await until(pilot, lambda: app.screen.query(Describing))
        marker = app.screen.query_one(Describing)
        assert marker.display and str(marker.render()) == EN.DESCRIBING
        await pilot.press("d")
        await until(pilot, lambda: not app.screen.query_one(Describing).display)


async def test_the_countdown_says_touch(clocks: Exhibit) -> None:
    clock = ManualClock()
    app = KioskApp(clocks, idle_timeout=30, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "1")
        await clock.advance(pilot, 31)
        assert EN.PRESS_TO_STAY in screen_text(app)


async def test_the_timeline_says_where_the_visitor_is_in_words_and_years(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await begin(pilot, "2")  # the pendulum, 1656–1900 of 1500–2000
        bar, labels = str(app.screen.query_one(Timeline).render()).splitlines()
        assert bar.count("●") == 2 and "━" in bar
        assert "1656–1900" in labels, "the panel's period under its span"
        assert labels.startswith("1500") and labels.endswith("2000")
        assert sum(word.isdigit() for word in labels.split()) >= 4, "labelled ticks"
        period = labels.index("1656–1900")
        assert bar.index("●") <= period + len("1656–1900") and period <= bar.rindex("●")
        await pilot.press("end", "right")  # the sources page: no place on the timeline
        assert isinstance(app.screen, ClosingScreen)
        assert not app.screen.query(Timeline)
        assert isinstance(app.screen.query_one(".nav-next"), Static)


async def test_a_content_advisory_can_be_skipped_or_continued_by_touch(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")  # the wartime panel, behind an advisory
        await until(pilot, lambda: app.screen.query(".advisory-choice"))
        await tap(pilot, target(app, ".advisory-choice", 1))  # skip
        assert heading(app) == clocks.panels[4].title and not app.screen.is_modal
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query(".advisory-choice"))
        await tap(pilot, target(app, ".advisory-choice", 0))  # continue
        assert heading(app) == clocks.panels[3].title and not app.screen.is_modal


async def test_the_linux_console_gets_arrows_its_font_has(clocks: Exhibit) -> None:
    app = KioskApp(clocks, console=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "2")
        shown = [str(t.render()) for t in app.screen.query(".nav-previous, .nav-scroll, .nav-next")]
        assert shown == ["←", "↑", "↓", "→"]
        await tap(pilot, target(app, ".nav-next"))
        assert heading(app) == clocks.panels[2].title


LONG_DESCRIPTION = """\
exhibit:
  title: Maps
panels:
  - id: coast
    title: The coast
    body: One map.
    images:
      - alt: A map of the coast.
        caption: The coast, 1850
        description: |
          {words}
"""


async def test_scroll_targets_over_an_image_with_long_words(
    write_yaml: Callable[[str], Path],
) -> None:
    words = " ".join(f"Soundings along the coast, line {n}, fathom by fathom." for n in range(60))
    result = load_exhibit(write_yaml(LONG_DESCRIPTION.format(words=words)))
    assert result.exhibit is not None
    app = KioskApp(result.exhibit)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot, "1")
        await pilot.press("z")
        await until(pilot, lambda: [w for w in app.screen.query(".viewer-scroll") if w.display])
        scroll = app.screen.query_one("#viewer-words", Page)
        await tap(pilot, target(app, ".viewer-scroll", 1))
        assert scroll.scroll_y > 0
        await tap(pilot, target(app, ".viewer-scroll", 0))
        assert scroll.scroll_y == 0 and isinstance(app.screen, ImageViewScreen)
