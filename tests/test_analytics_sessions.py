"""Visits as recorded: the Recorder, driven with a hand-turned clock, stores what each visitor
did, and the visits read back match what happened (tests/analytics_visits.py)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from analytics_visits import PANELS, Clock, record_hall

from exhibit.analytics import store
from exhibit.analytics.recorder import NoRecorder, Recorder, open_recorder
from exhibit.analytics.sessions import Visit, visits
from exhibit.analytics.vocabulary import CLOSING, INDEX, TITLE, Kind
from exhibit.logs import LOGGER
from exhibit.model import AnalyticsSettings


def read_visits(path: Path) -> list[Visit]:
    db = store.open_for_reading(path)
    try:
        return list(visits(store.events(db)))
    finally:
        db.close()


@pytest.fixture
def hall(tmp_path: Path) -> list[Visit]:
    path = tmp_path / "visits.sqlite"
    record_hall(path)
    return read_visits(path)


def test_each_visit_has_its_origin_length_and_ending(hall: list[Visit]) -> None:
    assert [(v.session, v.origin, v.reason, v.seconds) for v in hall] == [
        (1, "attract", "idle", 250.0),  # 09:00:00 to 09:04:10
        (2, "title", "idle", 120.0),
        (3, "attract", "next_visitor", 240.0),  # 14:10:00 to 14:14:00
        (4, "title", "idle", 130.0),
        (5, "attract", "idle", 300.0),
    ]
    assert all(v.panels_total == len(PANELS) for v in hall)


def test_pages_and_their_times_begin_with_the_page_on_screen(hall: list[Visit]) -> None:
    assert [v.views for v in hall] == [
        [("a", 40.0), ("b", 50.0), ("c", 160.0)],
        [(TITLE, 120.0)],
        [("d", 30.0), (INDEX, 10.0), ("a", 80.0), ("c", 120.0)],
        [("c", 5.0), ("d", 125.0)],
        [("b", 60.0), ("c", 60.0), ("d", 60.0), (CLOSING, 120.0)],
    ]
    assert [v.last_page for v in hall] == ["c", TITLE, "c", "d", CLOSING]


def test_touches_diligence_and_bounce(hall: list[Visit]) -> None:
    assert [v.touches for v in hall] == [5, 1, 8, 2, 6]
    assert [v.bounced for v in hall] == [False, True, False, False, False]
    # more than half of 4 panels: 3 of a-d seen in visits 1, 3 and 5; visit 4 saw only 2
    assert [len(v.panels_seen) for v in hall] == [3, 0, 3, 2, 3]
    assert [v.diligent for v in hall] == [True, False, True, False, True]


def test_languages_modes_pictures_advisories_and_second_layer(hall: list[Visit]) -> None:
    first = hall[0]
    assert first.language_seconds == {"en": 120.0, "ja": 130.0}
    assert [v.language for v in hall] == ["ja", "en", "en", "en", "en"]
    assert [v.modes for v in hall] == [set(), set(), {"describe"}, set(), {"contrast", "large"}]
    assert [v.images for v in hall] == [[("b", 1)], [], [("c", 0), ("c", 0)], [], []]
    assert [v.skipped for v in hall] == [[], [], ["b"], [], []]
    assert [v.more for v in hall] == [[], [], ["a"], [], []]


def test_a_visit_left_open_ends_at_its_last_event_as_interrupted(tmp_path: Path) -> None:
    """As a power cut leaves it: events of a visit, and no end."""
    path = tmp_path / "visits.sqlite"
    clock = Clock()
    t = round(clock() * 1000)
    db = store.open_for_writing(path, "hall")
    with store.transaction(db):
        store.add_events(
            db,
            [
                (t, 1, Kind.START, "title", "2"),
                (t, 1, Kind.PAGE, TITLE, ""),
                (t, 1, Kind.TOUCH, "", "1"),
                (t + 30_000, 1, Kind.PAGE, "b", ""),
                (t + 30_000, 1, Kind.TOUCH, "", "1"),
            ],
        )
    db.close()
    assert [(v.reason, v.seconds, v.views) for v in read_visits(path)] == [
        ("interrupted", 30.0, [(TITLE, 30.0), ("b", 0.0)])
    ]
    # The kiosk's next start writes the missing end, so the file says it too
    Recorder(path, panels=("a", "b"), clock=clock).close()
    db = sqlite3.connect(path)
    ends = db.execute("SELECT t, name FROM events WHERE kind = ?", (Kind.END,)).fetchall()
    assert ends == [(t + 30_000, "interrupted")]


def test_closing_the_kiosk_ends_the_open_visit(tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite"
    clock = Clock("2026-03-02 10:00:00")
    recorder = Recorder(path, panels=("a", "b"), clock=clock)
    recorder.interaction()
    clock.at("2026-03-02 10:00:07")
    recorder.close()
    assert [(v.reason, v.seconds) for v in read_visits(path)] == [("closed", 7.0)]


def test_events_outside_a_visit_are_not_recorded(tmp_path: Path) -> None:
    """The attract loop's pages and choices reset between visits are nobody's visit."""
    path = tmp_path / "visits.sqlite"
    recorder = Recorder(path, panels=("a", "b"), clock=Clock())
    for page in ("a", "b", TITLE, "a"):
        recorder.page_shown(page)
    recorder.choice_changed("language", "ja")
    recorder.image_opened("a", 0)
    recorder.visit_ended("idle")
    recorder.close()
    assert store.last_session(sqlite3.connect(path)) == 0


def test_sessions_count_on_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite"
    for _ in range(2):
        recorder = Recorder(path, panels=("a", "b"), clock=Clock())
        recorder.interaction()
        recorder.visit_ended()
        recorder.close()
    assert [v.session for v in read_visits(path)] == [1, 2]


def test_the_same_page_shown_again_is_not_a_new_view(tmp_path: Path) -> None:
    """A page is shown anew when the language or description mode changes."""
    path = tmp_path / "visits.sqlite"
    clock = Clock("2026-03-02 10:00:00")
    recorder = Recorder(path, panels=("a", "b"), clock=clock)
    recorder.page_shown("a")
    recorder.interaction()
    clock.at("2026-03-02 10:00:20")
    recorder.choice_changed("language", "ja")
    recorder.page_shown("a")
    clock.at("2026-03-02 10:00:30")
    recorder.visit_ended()
    recorder.close()
    assert [v.views for v in read_visits(path)] == [[("a", 30.0)]]


def test_values_outside_the_vocabulary_are_never_stored(tmp_path: Path) -> None:
    """Only ids from the exhibit file and the recorder's own words reach the file: a value
    that could be text typed by someone (spaces, capitals, punctuation, any script) is
    dropped, whichever call it comes through."""
    path = tmp_path / "visits.sqlite"
    recorder = Recorder(path, panels=("a", "b"), clock=Clock())
    recorder.interaction()
    for text in ("hello world", "Alice", "a@b.example", "東京", "x" * 41, "09012345678", "c"):
        recorder.page_shown(text)
        recorder.choice_changed("language", text)
        recorder.choice_changed(text, "on")
        recorder.choice_changed("contrast", text)
        recorder.image_opened(text, 0)
        recorder.advisory_skipped(text)
        recorder.more_opened(text)
        recorder.visit_started(text)
        recorder.visit_ended(text)
    recorder.close()
    db = sqlite3.connect(path)
    stored = db.execute("SELECT kind, name, value FROM events").fetchall()
    assert stored == [
        (Kind.START, "title", "2"),
        (Kind.PAGE, TITLE, ""),
        (Kind.TOUCH, "", "1"),
        (Kind.END, "closed", ""),
    ]


def test_a_file_that_cannot_be_written_stops_recording_not_the_kiosk(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the kiosk's log may have been set up by another test, which stops it propagating
    monkeypatch.setattr(logging.getLogger(LOGGER), "propagate", True)
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    recorder = Recorder(blocker / "visits.sqlite", panels=("a",), clock=Clock())
    recorder._thread.join(10)  # the writer has given up
    assert not recorder.working
    for _ in range(3):
        recorder.interaction()  # still fine to call, and nothing is queued
        recorder.page_shown("a")
    assert recorder._queue.empty()
    recorder.close()
    assert "visit recording stopped" in caplog.text and "visits.sqlite" in caplog.text


def test_a_file_that_is_not_a_database_stops_recording_not_the_kiosk(tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite"
    path.write_bytes(b"this is not SQLite" * 100)
    recorder = Recorder(path, panels=("a",), clock=Clock())
    recorder.interaction()
    recorder.close()
    assert not recorder.working
    assert path.read_bytes() == b"this is not SQLite" * 100  # left as it was, for a person


def test_exhibit_yaml_switches_recording_off(tmp_path: Path) -> None:
    off = open_recorder(AnalyticsSettings(record=False), ("a",), tmp_path / "off.sqlite")
    assert isinstance(off, NoRecorder)
    off.interaction()
    off.close()
    assert not (tmp_path / "off.sqlite").exists()
    on = open_recorder(AnalyticsSettings(keep_raw_days=7), ("a",), tmp_path / "on.sqlite")
    assert isinstance(on, Recorder)
    on.interaction()
    on.close()
    assert [v.touches for v in read_visits(tmp_path / "on.sqlite")] == [1]
