"""Visits to two kiosks, recorded through the Recorder with a hand-turned clock: the scenario
the analytics tests check figure by figure (their expected values are worked out by hand in
each test, from the times written here)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from exhibit.analytics.recorder import Recorder
from exhibit.analytics.vocabulary import CLOSING, INDEX, TITLE

PANELS = ("a", "b", "c", "d")
"""The panels' ids: a diligent visit sees three or more."""


class Clock:
    """Wall-clock time that moves only when a test says so (UTC)."""

    def __init__(self, when: str = "2026-03-02 08:00:00") -> None:
        self.now = 0.0
        self.at(when)

    def at(self, when: str) -> None:
        self.now = datetime.fromisoformat(when).replace(tzinfo=UTC).timestamp()

    def __call__(self) -> float:
        return self.now


def record_hall(path: Path, **options: object) -> None:
    """Five visits on 2 and 3 March 2026 (UTC); see the comments for what each did."""
    clock = Clock()
    r = Recorder(path, panels=PANELS, kiosk_id="hall", clock=clock, tz=UTC, **options)  # type: ignore[arg-type]
    r.choice_changed("language", "en")
    r.page_shown(TITLE)

    # Visit 1, from the attract loop, on panel a: a 40 s, b 50 s (opens its 2nd picture),
    # c 160 s (switches to Japanese at 09:02:00); 5 touches; idle reset at 09:04:10.
    clock.at("2026-03-02 08:59:50")
    r.attract_started()
    r.page_shown("a")
    clock.at("2026-03-02 09:00:00")
    r.interaction()
    clock.at("2026-03-02 09:00:40")
    r.interaction()
    r.page_shown("b")
    clock.at("2026-03-02 09:01:00")
    r.interaction()
    r.image_opened("b", 1)
    clock.at("2026-03-02 09:01:30")
    r.interaction()
    r.page_shown("c")
    clock.at("2026-03-02 09:02:00")
    r.interaction()
    r.choice_changed("language", "ja")
    clock.at("2026-03-02 09:04:10")
    r.visit_ended("idle")
    r.page_shown(TITLE)
    r.choice_changed("language", "en")

    # Visit 2, at the title (no attract loop): one touch, idle reset two minutes later.
    clock.at("2026-03-02 09:30:00")
    r.interaction()
    clock.at("2026-03-02 09:32:00")
    r.visit_ended("idle")

    # Visit 3, from the attract loop (started explicitly), on panel d: d 30 s, index 10 s,
    # a 80 s (opens its second layer), skips b's advisory, c 120 s (opens its first picture
    # twice); description mode on, then off again; 8 touches; a new visitor at 14:14:00.
    r.attract_started()
    clock.at("2026-03-02 14:09:00")
    r.page_shown("d")
    clock.at("2026-03-02 14:10:00")
    r.visit_started("attract")
    r.interaction()
    clock.at("2026-03-02 14:10:20")
    r.interaction()
    r.choice_changed("describe", True)
    clock.at("2026-03-02 14:10:30")
    r.interaction()
    r.page_shown(INDEX)
    clock.at("2026-03-02 14:10:40")
    r.interaction()
    r.page_shown("a")
    clock.at("2026-03-02 14:11:40")
    r.interaction()
    r.more_opened("a")
    clock.at("2026-03-02 14:12:00")
    r.interaction()
    r.advisory_skipped("b")
    r.page_shown("c")
    clock.at("2026-03-02 14:12:30")
    r.interaction()
    r.image_opened("c", 0)
    clock.at("2026-03-02 14:13:00")
    r.image_opened("c", 0)
    clock.at("2026-03-02 14:13:59")
    r.interaction()
    r.choice_changed("describe", False)

    # Visit 4, a new visitor on panel c: c 5 s, d 125 s; 2 touches; idle reset at 14:16:10.
    clock.at("2026-03-02 14:14:00")
    r.visit_started("title")
    r.interaction()
    clock.at("2026-03-02 14:14:05")
    r.page_shown("d")
    clock.at("2026-03-02 14:14:10")
    r.interaction()
    clock.at("2026-03-02 14:16:10")
    r.visit_ended("idle")
    r.page_shown(TITLE)

    # Visit 5, next day, from the attract loop on panel b: b, c, d 60 s each, the closing
    # page 120 s; high contrast and large layout on; 6 touches; idle reset at 10:05:00.
    clock.at("2026-03-03 09:59:55")
    r.attract_started()
    r.page_shown("b")
    clock.at("2026-03-03 10:00:00")
    r.interaction()
    clock.at("2026-03-03 10:00:10")
    r.interaction()
    r.choice_changed("contrast", True)
    clock.at("2026-03-03 10:00:20")
    r.interaction()
    r.choice_changed("large", True)
    clock.at("2026-03-03 10:01:00")
    r.interaction()
    r.page_shown("c")
    clock.at("2026-03-03 10:02:00")
    r.interaction()
    r.page_shown("d")
    clock.at("2026-03-03 10:03:00")
    r.interaction()
    r.page_shown(CLOSING)
    clock.at("2026-03-03 10:05:00")
    r.visit_ended("idle")
    r.page_shown(TITLE)
    r.choice_changed("contrast", False)
    r.choice_changed("large", False)
    r.close()


def record_foyer(path: Path) -> None:
    """One visit to a second kiosk on 3 March: title 1 s, panel a 60 s, 2 touches."""
    clock = Clock("2026-03-03 10:59:00")
    r = Recorder(path, panels=PANELS, kiosk_id="foyer", clock=clock, tz=UTC)
    r.choice_changed("language", "en")
    r.page_shown(TITLE)
    clock.at("2026-03-03 11:00:00")
    r.interaction()
    clock.at("2026-03-03 11:00:01")
    r.interaction()
    r.page_shown("a")
    clock.at("2026-03-03 11:01:01")
    r.visit_ended("idle")
    r.close()
