"""Reading aloud as the visitor sees it (issue 17): `a` reads the page the visitor sees (the
second layer too once opened), a bar at the top says so and which part is being read, a touch
on it (or any key, leaving the page, the idle reset) stops it, and where no voice here reads the
visitor's language the screen says so instead of reading nonsense.

The speaker is a stand-in at the engine's boundary: it reads nothing aloud, but tells the app
of its progress from a thread of its own, as the real one does (exhibit/speech/speaker.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from kiosk_pilot import ManualClock, click_like_the_terminal, until
from test_layers import DEEPER, LAYERED, load

from exhibit.model import Exhibit
from exhibit.speech import Speaker, page_reading
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.screens.title import TitleScreen
from exhibit.ui.widgets.reading_bar import ReadingBar


class Voice(Speaker):
    """Reads the languages in `reads`, silently; its progress is moved by the test."""

    def __init__(self, reads: tuple[str, ...] = ("en",)) -> None:
        super().__init__(engine=None)
        self.reads = reads
        self.read: list[tuple[tuple[str, ...], str]] = []
        self._part: int | None = None

    @property
    def available(self) -> bool:
        return True

    def speak(self, parts: Sequence[str], language: str) -> bool:
        self._part = None
        if language not in self.reads:
            return False
        self.read.append((tuple(parts), language))
        self._part = 0
        return True

    @property
    def is_speaking(self) -> bool:
        return self._part is not None

    @property
    def current_part(self) -> int | None:
        return self._part

    def stop(self) -> None:
        self._part = None

    def from_worker(self, part: int | None) -> None:
        """Move on to `part` (None: the end), telling the app from another thread."""

        def work() -> None:
            self._part = part
            assert self.on_change is not None
            self.on_change()

        worker = threading.Thread(target=work)
        worker.start()
        worker.join(0)  # the app answers on its own loop: do not wait here


@pytest.fixture
def layered(write_yaml: Callable[[str], Path]) -> tuple[Exhibit, dict[str, Exhibit]]:
    return load(write_yaml(LAYERED))


def bar(app: KioskApp) -> str:
    """What the reading bar says, or "" while it is hidden."""
    for found in app.screen.query(ReadingBar):
        if found.display and found.region.area:
            return str(found.content)
    return ""


async def test_a_reads_the_page_shows_it_and_a_touch_on_the_bar_stops_it(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    voice = Voice()
    app = KioskApp(exhibit, editions=editions, speaker=voice)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen))
        assert bar(app) == ""
        await pilot.press("a")
        parts = page_reading(exhibit, exhibit.panels[0])
        assert voice.read == [(parts, "en")] and DEEPER not in " ".join(parts)
        total = len(parts)
        assert bar(app) == f"Reading aloud 1 / {total} · touch or press a to stop"
        voice.from_worker(2)
        await until(pilot, lambda: bar(app).startswith(f"Reading aloud 3 / {total}"))
        found = app.screen.query_one(ReadingBar)
        await click_like_the_terminal(pilot, found.region.x + 3, found.region.y)
        await until(pilot, lambda: bar(app) == "")
        assert not voice.is_speaking and not app.state.choices.audio
        assert isinstance(app.screen, PanelScreen) and app.position == 1  # nothing else


async def test_the_opened_layer_is_read_and_the_bar_goes_when_the_reading_ends(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    voice = Voice()
    app = KioskApp(exhibit, editions=editions, speaker=voice)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "m", "a")
        await until(pilot, lambda: bar(app) != "")
        assert voice.read[-1] == (page_reading(exhibit, exhibit.panels[0], deeper_open=True), "en")
        assert DEEPER in voice.read[-1][0]
        voice.from_worker(None)  # read to its end
        await until(pilot, lambda: bar(app) == "" and not app.state.choices.audio)
        await pilot.press("a")  # and `a` reads it again
        assert len(voice.read) == 2 and bar(app) != ""


@pytest.mark.parametrize("leave", ["right", "l", "idle"])
async def test_reading_stops_on_leaving_the_page_a_new_language_and_the_idle_reset(
    layered: tuple[Exhibit, dict[str, Exhibit]], leave: str
) -> None:
    exhibit, editions = layered
    voice = Voice(reads=("en", "ja"))
    clock = ManualClock()
    app = KioskApp(exhibit, editions=editions, speaker=voice, clock=clock, idle_timeout=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "a")
        await until(pilot, lambda: bar(app) != "")
        if leave == "idle":
            await clock.advance(pilot, 60 + 10)  # the countdown, then back to the start
            await until(pilot, lambda: isinstance(app.screen, TitleScreen))
        else:
            await pilot.press(leave)
        assert not voice.is_speaking and not app.state.choices.audio
        assert bar(app) == ""


async def test_where_no_voice_reads_the_language_the_screen_says_so(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    voice = Voice(reads=("en",))
    app = KioskApp(exhibit, editions=editions, speaker=voice)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "1")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen) and app.language == "ja")
        await pilot.press("a")
        assert voice.read == [] and not app.state.choices.audio
        assert bar(app) == "この端末には日本語の音声がないため、読み上げできません"
        await pilot.press("down")  # the next key takes the notice away
        assert bar(app) == ""
        await pilot.press("l", "a")
        assert voice.read and bar(app).startswith("Reading aloud 1 / ")


async def test_a_long_reading_is_not_cut_by_the_idle_countdown(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    voice = Voice()
    clock = ManualClock()
    app = KioskApp(exhibit, editions=editions, speaker=voice, clock=clock, idle_timeout=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "a")
        for part in (1, 2, 3):  # each part read counts as someone listening
            await clock.advance(pilot, 50)
            voice.from_worker(part)
            wanted = f"Reading aloud {part + 1} /"
            await until(pilot, lambda: bar(app).startswith(wanted))  # noqa: B023
        await clock.advance(pilot, 50)
        voice.from_worker(None)
        await until(pilot, lambda: bar(app) == "")
        assert not app.state.countdown
        await clock.advance(pilot, 59)  # a whole idle time from the end of the reading
        assert not app.state.countdown
        await clock.advance(pilot, 2)
        assert app.state.countdown


async def test_the_title_page_is_read_and_shows_the_bar_too(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    voice = Voice()
    app = KioskApp(exhibit, editions=editions, speaker=voice)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, TitleScreen)
        assert voice.read == [(page_reading(exhibit), "en")]
        assert bar(app).startswith("Reading aloud 1 / ")
        await pilot.press("a")  # the audio key again: stopped, and the page stays
        assert bar(app) == "" and isinstance(app.screen, TitleScreen)
