"""The real kiosk app, driven key by key through two visits, with its recorder (the app tells
it every step of the journey: exhibit/analytics/journey_events.py). The recorder's clock is
turned by hand, so every recorded time is exact; the app's own timers (idle, countdown, attract
loop) run on a ManualClock moved by the test.

Also here: nothing a visitor types reaches the file, whatever keys they press."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from pathlib import Path

from analytics_visits import Clock
from kiosk_pilot import ManualClock, until
from textual import events

from exhibit.analytics import store
from exhibit.analytics.figures import compute
from exhibit.analytics.reading import read_kiosks
from exhibit.analytics.recorder import Recorder
from exhibit.analytics.sessions import visits
from exhibit.analytics.vocabulary import CLOSING, HELP, INDEX, TITLE, Kind, allowed
from exhibit.loader import load_exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.image_view import ImageViewScreen
from exhibit.ui.screens.title import TitleScreen

EXHIBIT = """\
exhibit:
  title: {en: Lighthouses, ja: 灯台}
  languages: [en, ja]
panels:
  - id: towers
    title: {en: Building on the rocks, ja: 岩の上に建てる}
    body: {en: Granite blocks were set at low tide., ja: 花崗岩の石材は干潮時に据えられた。}
    images:
      - alt: {en: A granite tower on a rock., ja: 岩の上の花崗岩の塔。}
        caption: {en: Bell Rock, ja: ベルロック}
  - id: keepers
    title: {en: The keepers' watch, ja: 灯台守の見張り}
    body: {en: Keepers lived in shifts of three., ja: 灯台守は三交代で暮らした。}
  - id: lamps
    title: {en: Lamps and lenses, ja: 灯火とレンズ}
    body: {en: Fresnel lenses threw the light twenty miles., ja: フレネルレンズは光を遠くへ届けた。}
"""


IDLE, COUNTDOWN = 60.0, 10.0
"""The kiosk's idle timeout and countdown, in seconds of its ManualClock."""


def make_kiosk(tmp_path: Path, clock: Clock) -> tuple[KioskApp, Recorder, ManualClock]:
    path = tmp_path / "exhibit.yaml"
    path.write_text(EXHIBIT, encoding="utf-8")
    result = load_exhibit(path)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    recorder = Recorder(
        tmp_path / "visits.sqlite",
        panels=[panel.id for panel in result.exhibit.panels],
        kiosk_id="pier",
        clock=clock,
        tz=UTC,
    )
    timers = ManualClock()
    app = KioskApp(
        result.exhibit,
        editions=result.editions,
        demo=True,
        demo_interval=600,  # the attract loop stays on the title during the test
        idle_timeout=IDLE,
        countdown=COUNTDOWN,
        clock=timers,
        recorder=recorder,
    )
    return app, recorder, timers


async def test_two_visits_through_the_real_kiosk(tmp_path: Path) -> None:
    clock = Clock("2026-05-04 10:00:00")
    app, recorder, timers = make_kiosk(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        # Visit 1: wakes the attract loop on the title, reads towers 30 s (opens its picture),
        # switches to Japanese, keepers 60 s, turns on high contrast, lamps 90 s, leaves.
        await pilot.press("space")  # only hands control over
        clock.at("2026-05-04 10:00:10")
        await pilot.press("right")
        clock.at("2026-05-04 10:00:25")
        await pilot.press("z")
        assert isinstance(app.screen, ImageViewScreen)
        clock.at("2026-05-04 10:00:35")
        await pilot.press("escape")
        await pilot.press("l")
        clock.at("2026-05-04 10:00:40")
        await pilot.press("right")
        clock.at("2026-05-04 10:01:00")
        await pilot.press("c")
        clock.at("2026-05-04 10:01:40")
        await pilot.press("right")
        clock.at("2026-05-04 10:03:10")  # gone: the idle reset comes at this time
        await timers.advance(pilot, IDLE + COUNTDOWN)
        await until(pilot, lambda: isinstance(app.screen, TitleScreen) and app.attract)

        # Visit 2: one key at the attract loop, then nothing (a bounce).
        clock.at("2026-05-04 15:30:00")
        await pilot.press("3")
        clock.at("2026-05-04 15:32:00")
        await timers.advance(pilot, IDLE + COUNTDOWN)
        await until(pilot, lambda: isinstance(app.screen, TitleScreen) and app.attract)
    recorder.close()

    db = store.open_for_reading(tmp_path / "visits.sqlite")
    first, second = list(visits(store.events(db)))
    assert (first.origin, first.reason, first.seconds, first.touches) == ("attract", "idle", 190, 8)
    assert first.views == [
        (TITLE, 10.0),
        ("towers", 30.0),
        ("keepers", 60.0),
        ("lamps", 90.0),
    ]
    assert first.images == [("towers", 0)]
    assert first.language_seconds == {"en": 35.0, "ja": 155.0}
    assert first.modes == {"contrast"}
    assert first.diligent and not first.bounced
    assert (second.origin, second.views, second.touches) == ("attract", [(TITLE, 120.0)], 1)
    assert second.bounced and not second.diligent

    report = compute(read_kiosks([tmp_path / "visits.sqlite"]))
    # 190 and 120 s -> median 155, p90 (rank 2) 190; pages 4 and 1 -> 2.5
    assert report.table("summary").rows == (("pier", 2, 2, 155, 190, 2.5, 50.0, 50.0, 1),)
    assert report.table("endings").rows == (
        ("pier", TITLE, 1, 50.0),
        ("pier", "lamps", 1, 50.0),
    )
    assert report.table("languages").rows == (("pier", "en", 1, 50.0), ("pier", "ja", 1, 50.0))


async def test_nothing_a_visitor_types_is_recorded(tmp_path: Path) -> None:
    clock = Clock("2026-05-04 10:00:00")
    app, recorder, _ = make_kiosk(tmp_path, clock)
    typed = "hello world, my name is Alice; 090-1234-5678 東京"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right")
        for key in ("h", "e", "l", "l", "o", "space", "w", "o", "r", "d", "9", "0", "1"):
            await pilot.press(key)
        for character in typed:  # as a terminal would deliver pasted or IME text
            app.post_message(events.Key(character, character))
        await pilot.pause()
    recorder.close()
    db = sqlite3.connect(tmp_path / "visits.sqlite")
    rows = db.execute("SELECT kind, name, value FROM events").fetchall()
    assert rows
    for kind, name, value in rows:
        assert allowed(Kind(kind), name, value), (kind, name, value)
        for word in ("hello", "world", "alice", "090", "東京", "h", "w"):
            assert word not in (name + value).lower() or name in ("towers", "keepers", "lamps")
    names = {name for _, name, _ in rows}
    assert names <= {"", "attract", "title", "language", "describe", "contrast", "closed",
                     TITLE, CLOSING, INDEX, HELP, "towers", "keepers", "lamps"}  # fmt: skip
