"""The staff status screen behind kiosk.staff_status, and status.json for monitoring tools.

Staff type the sequence anywhere; the screen names the version, the exhibit file and its
checksum, the last reload and its problems, uptime, memory, free disk, the visitor figures and
the last log lines; any key returns to the title. status.json is rewritten every minute on the
kiosk's clock and at each reload."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from analytics_visits import record_hall
from kiosk_pilot import ManualClock, heading, screen_text, until
from test_hours_on_screen import Wall

from exhibit import __version__
from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.status import checksum
from exhibit.tour import Window
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.status import StatusScreen
from exhibit.ui.unattended import Machine
from exhibit.ui.words import EN, JA, StaffWords

STAFF_EXHIBIT = """\
exhibit:
  title: Tide Mills
  intro: How the sea turned millstones.
kiosk:
  idle_timeout: 600
  staff_status: [f12, s, f12]
panels:
  - id: ponds
    title: The mill pond
    body: The rising tide filled the pond through a gate.
  - id: wheels
    title: The wheel
    body: At ebb the pond emptied through the wheel.
"""
NOON = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
"""A day of recorded visits (tests/analytics_visits.py: one on 3 March, five that week)."""
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
"""Kana or kanji."""
LOG_LINES = ["2026-03-03 09:00:01 INFO kiosk 1.0 started", "2026-03-03 09:00:02 INFO all well"]


@pytest.fixture
def source(write_yaml: Callable[[str], Path]) -> Path:
    return write_yaml(STAFF_EXHIBIT)


def loaded(path: Path) -> Exhibit:
    result = load_exhibit(path)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit


def kiosk(
    source: Path, clock: ManualClock, tmp_path: Path, visits: Path | None = None, **options: float
) -> KioskApp:
    log = tmp_path / "kiosk.log"
    log.write_text("\n".join(LOG_LINES) + "\n")
    machine = Machine(
        wall_clock=Wall(clock, NOON),
        log_file=log,
        status_file=tmp_path / "state" / "status.json",
        visits_file=visits,
    )
    return KioskApp(loaded(source), clock=clock, source=source, machine=machine, **options)  # type: ignore[arg-type]


async def test_the_staff_sequence_shows_the_kiosks_state_and_any_key_leaves(
    source: Path, tmp_path: Path
) -> None:
    visits = tmp_path / "visits.sqlite"
    record_hall(visits)
    clock = ManualClock()
    app = kiosk(source, clock, tmp_path, visits)
    async with app.run_test(size=(100, 40)) as pilot:
        await clock.advance(pilot, 3 * 3600 + 240)
        await pilot.press("f12", "s", "f12")
        assert isinstance(app.screen, StatusScreen) and app.state.window is Window.STATUS
        shown = screen_text(app)
        for fact in (
            f"Version          {__version__}",
            f"Exhibit file     {source}",
            f"Checksum         sha256 {checksum(source)}",
            "Last reload      none since the start",
            "Running for      3 h 4 min",
            "Visitors         1 today · 5 in the last 7 days",
            *LOG_LINES,
            "Any key returns to the title",
        ):
            assert fact in shown, fact
        assert " MB" in shown or " GB" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, StatusScreen)
        assert app.position == 0 and heading(app) == "Tide Mills"


async def test_leaving_the_status_screen_from_a_panel_returns_to_the_title(
    source: Path, tmp_path: Path
) -> None:
    app = kiosk(source, ManualClock(), tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("right", "right")
        assert app.position == 2
        await pilot.press("f12", "s", "f12")
        assert isinstance(app.screen, StatusScreen)
        assert "Visitors         not recorded" in screen_text(app)
        await pilot.press("right")  # any key: not the next panel, the title
        assert app.position == 0 and not isinstance(app.screen, StatusScreen)


async def test_without_a_staff_sequence_nothing_opens_it(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    source = write_yaml(STAFF_EXHIBIT.replace("  staff_status: [f12, s, f12]\n", ""))
    app = kiosk(source, ManualClock(), tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f12", "s", "f12")
        assert not isinstance(app.screen, StatusScreen)


async def test_status_json_beats_every_minute_on_the_kiosks_clock(
    source: Path, tmp_path: Path
) -> None:
    clock = ManualClock()
    app = kiosk(source, clock, tmp_path)
    status_file = tmp_path / "state" / "status.json"
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, status_file.exists, note="(the first beat, after the title)")
        first = json.loads(status_file.read_text())
        assert first["version"] == __version__ and first["last_reload"] is None
        assert first["exhibit_sha256"] == checksum(source)
        await clock.advance(pilot, 59)
        assert json.loads(status_file.read_text())["last_heartbeat"] == first["last_heartbeat"]
        await clock.advance(pilot, 1)
        beat = json.loads(status_file.read_text())["last_heartbeat"]
        assert beat != first["last_heartbeat"]
        assert datetime.fromisoformat(beat) == datetime(2026, 3, 3, 12, 1, tzinfo=UTC)


async def test_a_refused_reload_and_its_problems_reach_the_screen_and_the_file(
    source: Path, tmp_path: Path
) -> None:
    app = kiosk(source, ManualClock(), tmp_path, reload_interval=0.05)
    status_file = tmp_path / "state" / "status.json"
    async with app.run_test(size=(100, 40)) as pilot:
        source.write_text(STAFF_EXHIBIT.replace("  - id: wheels\n", "  - id: Wheels!\n"))
        await until(pilot, lambda: app.reload is not None and app.reload.last is not None)
        written = json.loads(status_file.read_text())["last_reload"]
        assert written["accepted"] is False and any("Wheels!" in p for p in written["problems"])
        await pilot.press("f12", "s", "f12")
        shown = screen_text(app)
        assert "refused: the last good exhibit stays on screen" in shown
        assert "Wheels!" in shown
        await pilot.press("escape")
        source.write_text(STAFF_EXHIBIT.replace("The wheel", "The water wheel"))
        await until(pilot, lambda: app.reload is not None and app.reload.last.accepted)  # type: ignore[union-attr]
        assert json.loads(status_file.read_text())["last_reload"]["accepted"] is True


BILINGUAL = """\
exhibit:
  title: {en: Tide Mills, ja: 潮力の水車小屋}
  intro: {en: How the sea turned millstones., ja: 海が石臼を回したしくみ。}
  languages: [en, ja]
kiosk:
  staff_status: [f12, s, f12]
panels:
  - id: ponds
    title: {en: The mill pond, ja: 水車の池}
    body: {en: The rising tide filled the pond., ja: 満ち潮が池を満たした。}
"""


async def test_in_japanese_the_status_screen_speaks_japanese(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    """Staff of a Japanese museum: the kiosk shows Japanese, so does its status screen, its
    values lined up under Japanese labels (two cells a character)."""
    source = write_yaml(BILINGUAL)
    result = load_exhibit(source)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    clock = ManualClock()
    log = tmp_path / "kiosk.log"
    log.write_text("\n".join(LOG_LINES) + "\n")
    machine = Machine(wall_clock=Wall(clock, NOON), log_file=log)
    app = KioskApp(
        result.exhibit,
        editions=result.editions,
        clock=clock,
        source=source,
        machine=machine,
        console=False,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("l")
        assert app.language == "ja" and heading(app) == "潮力の水車小屋"
        await clock.advance(pilot, 3 * 3600 + 240)
        await pilot.press("f12", "s", "f12")
        assert isinstance(app.screen, StatusScreen)
        shown = screen_text(app)
        for fact in (
            "端末の状態",
            f"バージョン       {__version__}",  # 10 cells, padded to 16, then a space
            f"展示ファイル     {source}",
            "前回の再読み込み 起動後はまだありません",  # 16 cells: just the space
            "稼働時間         3時間 4分",
            "利用者数         記録していません",
            "最新のログ",
            *LOG_LINES,
            "いずれかのキーでタイトル画面に戻ります",
        ):
            assert fact in shown, fact
        for english in ("Version", "Running for", "Any key returns"):
            assert english not in shown
        await pilot.press("escape")
        assert app.position == 0 and heading(app) == "潮力の水車小屋"


def test_every_status_label_has_a_japanese_word() -> None:
    """Each of the status screen's words is written in Japanese, keeping its placeholders."""
    placeholders = re.compile(r"\{[a-z_]*\}")
    for field in dataclasses.fields(StaffWords):
        english, japanese = getattr(EN.STAFF, field.name), getattr(JA.STAFF, field.name)
        pairs = (
            zip(english, japanese, strict=True)
            if isinstance(english, tuple)
            else [(english, japanese)]
        )
        for en, ja in pairs:
            assert en != ja and JAPANESE.search(ja), f"{field.name}: {ja!r}"
            assert sorted(placeholders.findall(en)) == sorted(placeholders.findall(ja)), field.name
