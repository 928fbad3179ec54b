"""What the title does not need is not imported before the title is on screen: SQLite and the
visit logic (the recorder starts its writer after the title), status.json's first beat (json;
hashlib is the compiled exhibit's, exhibit/compiled.py, needed before the title), the text
prepared for a speech engine (numbers, pieces), the drawn year scale of the panels' timeline
strip, the screen shown outside opening hours and Textual's scroll bars (the title has none).
Checked in a fresh interpreter, at the title's first frame of a kiosk started as cli.run starts
it (headless)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

LATER = (
    "json",  # status.json's first beat comes after the title
    "exhibit.status",
    "sqlite3",
    "exhibit.analytics.writer",
    "exhibit.analytics.sessions",
    "exhibit.analytics.totals",
    "exhibit.speech.numbers",
    "exhibit.speech.prepare",
    "exhibit.ui.screens.rest",
    "textual.scrollbar",  # only the Linux console's scroll bars are changed at start
)
"""Imported only once the title is drawn, or when first used."""

START = """
import asyncio, sys
from pathlib import Path
from exhibit.loader import load_exhibit
from exhibit.analytics.recorder import open_recorder
from exhibit.speech import Speaker
from exhibit.ui.app import KioskApp
from exhibit.ui.unattended import Machine

later = {later!r}
result = load_exhibit(Path({exhibit!r}), advice=False)
exhibit = result.exhibit
recorder = open_recorder(exhibit.kiosk.analytics, [p.id for p in exhibit.panels],
                         Path({visits!r}), start=False)
seen = []
title_drawn = KioskApp._title_drawn

def at_the_title(self):
    seen.append(sorted(set(later) & set(sys.modules)))
    title_drawn(self)

KioskApp._title_drawn = at_the_title
app = KioskApp(exhibit, editions=result.editions, speaker=Speaker(None), recorder=recorder,
               prebuild=False, machine=Machine(status_file=Path({status!r})))

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        while not seen:
            await pilot.pause()
    recorder.close()

asyncio.run(main())
print("seen", seen[0])
"""


def test_the_title_is_drawn_before_sqlite_speech_text_and_the_rest_screen_are_imported(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    exhibit = write_yaml(
        "exhibit: {title: Words}\npanels:\n  - {id: a, title: A, body: In 1950 the first text.}\n"
    )
    code = START.format(
        later=LATER,
        exhibit=str(exhibit),
        visits=str(tmp_path / "visits.sqlite"),
        status=str(tmp_path / "status.json"),
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["seen"] == "[]", done.stdout
    assert (tmp_path / "status.json").exists()  # the kiosk did start, as cli.run starts it
    assert (tmp_path / "visits.sqlite").exists()  # and the recorder wrote once it was closed


def test_the_linux_consoles_scroll_bars_are_whole_cells_and_given_back() -> None:
    from textual.scrollbar import ScrollBarRender

    from exhibit.ui import workarounds

    # Each kiosk sets them as it mounts: an earlier test's console kiosk may have left them.
    workarounds.console_scroll_bars(False)
    textual_bars = list(ScrollBarRender.VERTICAL_BARS)
    assert textual_bars != [" "] * 8
    try:
        workarounds.console_scroll_bars(True)
        assert ScrollBarRender.VERTICAL_BARS == ScrollBarRender.HORIZONTAL_BARS == [" "] * 8
    finally:
        workarounds.console_scroll_bars(False)
    assert textual_bars == ScrollBarRender.VERTICAL_BARS
