"""Live reload takes a file only once it has stopped changing (issue 14): a save written in
parts never reaches visitors half-way. Every wait runs on an injected clock."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kiosk_pilot import heading
from textual.pilot import Pilot

from exhibit.loader import load_exhibit
from exhibit.ui.app import KioskApp
from exhibit.watch import SETTLE, SETTLE_MID_LINE, Settling, ends_mid_line, signature

THREE_PANELS = """\
exhibit:
  title: Harbour cranes
sources:
  - id: H1
    text: A history of harbours.
panels:
  - id: steam
    title: Steam cranes
    body: Steam cranes lifted cargo from the holds of sailing ships in the port.
    sources: [H1]
  - id: electric
    title: Electric cranes
    body: Electric cranes came with the new quays.
    sources: [H1]
  - id: containers
    title: Container cranes
    body: Container cranes changed every port.
    sources: [H1]
"""
FIRST_PART = THREE_PANELS[: THREE_PANELS.index("holds of sailing")]
"""What an editor writing slowly has saved so far: a valid one-panel exhibit, cut mid-line."""


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_the_first_part_is_a_valid_exhibit_on_its_own(tmp_path: Path) -> None:
    """Without waiting for the rest, visitors would see it: the case this guards against."""
    path = tmp_path / "exhibit.yaml"
    path.write_text(FIRST_PART, encoding="utf-8")
    result = load_exhibit(path)
    assert result.exhibit is not None and len(result.exhibit.panels) == 1
    assert ends_mid_line(path)


def watching(tmp_path: Path, text: str) -> tuple[Path, Settling, Clock]:
    path = tmp_path / "exhibit.yaml"
    path.write_text(text, encoding="utf-8")
    clock = Clock()
    return path, Settling(signature(path, None), clock), clock


def poll(path: Path, settling: Settling) -> bool:
    return settling.settled(signature(path, None), path)


def test_a_change_is_taken_once_it_has_stayed_the_same_for_a_moment(tmp_path: Path) -> None:
    path, settling, clock = watching(tmp_path, THREE_PANELS)
    assert not poll(path, settling)
    path.write_text(THREE_PANELS.replace("Steam", "Early steam"), encoding="utf-8")
    assert not poll(path, settling)  # just seen: it may still be being written
    clock.advance(SETTLE / 2)
    assert not poll(path, settling)
    clock.advance(SETTLE / 2)
    assert poll(path, settling)  # unchanged for SETTLE seconds: load it
    clock.advance(SETTLE)
    assert not poll(path, settling)  # and only once


def test_a_file_still_growing_is_never_taken(tmp_path: Path) -> None:
    path, settling, clock = watching(tmp_path, THREE_PANELS)
    for length in range(40, len(THREE_PANELS), 40):  # more written at every poll, for a minute
        path.write_text(THREE_PANELS[:length] + "\n", encoding="utf-8")
        assert not poll(path, settling)
        clock.advance(SETTLE * 1.5)
    path.write_text(THREE_PANELS, encoding="utf-8")
    assert not poll(path, settling)
    clock.advance(SETTLE)
    assert poll(path, settling)


def test_a_file_ending_mid_line_gets_longer_to_finish(tmp_path: Path) -> None:
    path, settling, clock = watching(tmp_path, THREE_PANELS)
    path.write_text(FIRST_PART, encoding="utf-8")
    assert not poll(path, settling)
    for _ in range(int(SETTLE_MID_LINE) - 1):
        clock.advance(1.0)
        assert not poll(path, settling)
    clock.advance(1.0)
    assert poll(path, settling)  # an editor that writes no final line break is heard too


def test_a_fifo_in_place_of_the_file_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.yaml"
    os.mkfifo(path)
    assert not ends_mid_line(path)


async def until(
    pilot: Pilot[int], condition: Callable[[], bool], clock: Clock, seconds: float = 10
) -> None:
    """Wait, advancing the injected clock 0.1 s at every real pause of 0.05 s."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        clock.advance(0.1)
        await pilot.pause(0.05)
    raise AssertionError("the kiosk did not react in time")


async def test_a_save_written_in_two_parts_reaches_visitors_only_whole(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.yaml"
    path.write_text(THREE_PANELS, encoding="utf-8")
    exhibit = load_exhibit(path).exhibit
    assert exhibit is not None
    app = KioskApp(exhibit, source=path, reload_interval=0.05)
    assert app.reload is not None
    clock = Clock()
    app.reload.settling.clock = clock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert heading(app) == "Container cranes"
        with path.open("w", encoding="utf-8") as file:  # written in place, in two parts
            file.write(FIRST_PART)
            file.flush()
            for _ in range(35):  # 3.5 s pass before the rest is written
                clock.advance(0.1)
                await pilot.pause(0.05)
            assert len(app.exhibit.panels) == 3, "the first part reached visitors"
            assert app.position == 3 and heading(app) == "Container cranes"
            file.write(THREE_PANELS[len(FIRST_PART) :].replace("Container", "Box"))
        await until(pilot, lambda: heading(app) == "Box cranes", clock)
        assert app.position == 3  # the visitor kept their panel
        assert not app.has_class("-stale")
