"""What a visitor may change (language, contrast, text size, audio) and the content advisory,
pressed like a visitor; the next visitor finds the defaults again."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from kiosk_pilot import ManualClock, heading, screen_text, until
from rich.console import Console
from textual.widgets import Static

from exhibit.loader import LoadResult, load_exhibit
from exhibit.speech import Speaker
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.advisory import AdvisoryScreen
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.screens.title import TitleScreen
from exhibit.ui.theme import HIGH_CONTRAST, MUSEUM

BILINGUAL = """\
exhibit:
  title: {en: Lighthouses, fr: Phares}
  languages: [en, fr]
  intro: {en: Three towers., fr: Trois tours.}
kiosk:
  idle_timeout: 60
panels:
  - id: towers
    theme: {en: Towers, fr: Tours}
    title: {en: Building on the rocks, fr: Bâtir sur les rochers}
    body: {en: Granite blocks were set at low tide., fr: Les blocs étaient posés à marée basse.}
    images:
      - alt: {en: A granite tower at low tide., fr: Une tour de granit à marée basse.}
  - id: wrecks
    theme: {en: Wrecks, fr: Naufrages}
    title: {en: Lost at sea, fr: Perdus en mer}
    advisory: {en: This panel describes deaths at sea., fr: Ce panneau évoque des morts en mer.}
    body: {en: Many ships were lost., fr: Beaucoup de navires furent perdus.}
  - id: lamps
    theme: {en: Lamps, fr: Lampes}
    title: {en: Lamps and lenses, fr: Lampes et lentilles}
    body: {en: Lenses threw the light far., fr: Les lentilles portaient la lumière loin.}
"""


@pytest.fixture
def bilingual(write_yaml: Callable[[str], Path]) -> LoadResult:
    result = load_exhibit(write_yaml(BILINGUAL))
    assert result.ok and result.exhibit is not None, [str(p) for p in result.problems.items]
    return result


def kiosk(result: LoadResult, **options: object) -> KioskApp:
    assert result.exhibit is not None
    return KioskApp(result.exhibit, editions=result.editions, **options)  # type: ignore[arg-type]


async def test_l_switches_language_in_place(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        assert heading(app) == "Lamps and lenses"
        assert "Français" not in screen_text(app)  # the button names the other language
        await pilot.press("l")
        assert isinstance(app.screen, PanelScreen) and app.position == 3
        assert heading(app) == "Lampes et lentilles"
        assert "Les lentilles portaient la lumière loin." in screen_text(app)
        await pilot.press("L")
        assert heading(app) == "Lamps and lenses"


async def test_the_language_button_in_the_strip_switches_too(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        await pilot.click(".nav-language")
        assert heading(app) == "Bâtir sur les rochers"
        assert "Une tour de granit à marée basse." in screen_text(app)
        assert "English" in screen_text(app)  # now the button offers the way back


async def test_the_title_screen_offers_the_other_language(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, TitleScreen)
        assert heading(app) == "Phares"
        assert "Trois tours." in screen_text(app)


async def test_idle_reset_brings_back_the_defaults(bilingual: LoadResult) -> None:
    clock = ManualClock()
    app = kiosk(bilingual, idle_timeout=2, countdown=0.3, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "l", "c", "plus", "d")
        assert heading(app) == "Bâtir sur les rochers"
        assert app.theme == HIGH_CONTRAST.name and app.has_class("-large")
        await clock.advance(pilot, 2.3)
        assert isinstance(app.screen, TitleScreen)
        assert heading(app) == "Lighthouses"
        assert app.theme == MUSEUM.name and not app.has_class("-large")
        assert not app.images.describe


async def test_c_switches_high_contrast_and_back(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.screen.styles.background
        await pilot.press("c")
        assert app.theme == HIGH_CONTRAST.name
        assert app.screen.styles.background != before
        await pilot.press("c")
        assert app.theme == MUSEUM.name


async def test_plus_gives_fewer_words_per_line(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("1")
        normal = app.screen.query_one("#text").size.width
        await pilot.press("plus")
        await pilot.pause()
        large = app.screen.query_one("#text").size.width
        assert large < normal
        await pilot.press("minus")
        await pilot.pause()
        assert app.screen.query_one("#text").size.width == normal


async def test_the_advisory_comes_first_and_can_be_accepted(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right")
        assert isinstance(app.screen, AdvisoryScreen)
        assert "This panel describes deaths at sea." in screen_text(app)
        assert "Many ships were lost." not in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, PanelScreen) and heading(app) == "Lost at sea"


async def test_the_advisory_can_be_skipped_either_way(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "right", "escape")
        assert heading(app) == "Lamps and lenses"
        await pilot.press("left")
        assert isinstance(app.screen, AdvisoryScreen)
        await pilot.press("escape")
        assert heading(app) == "Building on the rocks"
        await pilot.press("right", "left")  # back out of an advisory: the page before it
        assert heading(app) == "Building on the rocks"


async def test_the_advisory_follows_a_language_switch(bilingual: LoadResult) -> None:
    app = kiosk(bilingual)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "l")
        assert isinstance(app.screen, AdvisoryScreen)
        assert "Ce panneau évoque des morts en mer." in screen_text(app)


async def test_demo_mode_shows_the_advisory_before_the_panel(bilingual: LoadResult) -> None:
    clock = ManualClock()
    app = kiosk(bilingual, demo=True, demo_interval=20, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await clock.advance(pilot, 40)
        assert isinstance(app.screen, AdvisoryScreen) and app.position == 2
        await clock.advance(pilot, 20)
        assert isinstance(app.screen, PanelScreen) and app.position == 2
        assert heading(app) == "Lost at sea"


async def test_help_says_when_audio_is_not_available(bilingual: LoadResult) -> None:
    app = kiosk(bilingual, speaker=Speaker(engine=None))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("1", "a", "question_mark")
        console = Console(width=100, file=io.StringIO(), record=True)
        console.print(app.screen.query_one("#help-window Static", Static).content)
        help_text = console.export_text()
        assert "Audio description is not available on this kiosk" in help_text
        assert "switch language" in help_text and "high contrast" in help_text


@pytest.fixture
def fake_engine(tmp_path: Path) -> tuple[Path, Path]:
    """A speech engine that adds each part of the page it is given to a file; at the last
    part (the picture's words) it talks for a minute."""
    heard = tmp_path / "heard.txt"
    engine = tmp_path / "fake-espeak"
    engine.write_text(
        f'#!/bin/sh\ntext=$(cat)\nprintf "%s\\n" "$text" >> "{heard}"\n'
        'case "$text" in *granit*) exec sleep 60;; esac\n'
    )
    engine.chmod(engine.stat().st_mode | stat.S_IXUSR)
    return engine, heard


async def test_a_reads_the_panel_aloud_and_the_next_key_stops_it(
    bilingual: LoadResult, fake_engine: tuple[Path, Path]
) -> None:
    engine, heard = fake_engine
    app = kiosk(bilingual, speaker=Speaker(engine=os.fspath(engine)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "l", "a")
        await until(pilot, lambda: heard.exists() and heard.stat().st_size > 0)
        await until(pilot, lambda: "Une tour de granit" in heard.read_text())
        spoken = heard.read_text()
        assert spoken.index("Bâtir sur les rochers") < spoken.index("Les blocs étaient posés")
        assert app.speaker.speaking()
        await pilot.press("down")
        assert not app.speaker.speaking()


async def test_the_linux_console_offers_only_what_its_font_can_show(tokei: LoadResult) -> None:
    english, japanese = tokei.editions["en"], tokei.editions["ja"]
    japanese_first = {"ja": japanese, "en": english}
    app = KioskApp(japanese, editions=japanese_first, console=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert heading(app) == english.title
        assert "日本語" not in screen_text(app)
        await pilot.press("l")  # no other language here: like any key, it begins, in English
        assert app.language == "en" and app.position == 1
