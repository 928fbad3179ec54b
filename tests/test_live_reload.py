"""A curator saves exhibit.yaml while the kiosk runs: good saves appear, broken ones never do."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import LIGHTHOUSES
from kiosk_pilot import heading, screen_text, until

from exhibit.loader import load_exhibit
from exhibit.ui.app import KioskApp


def save(path: Path, text: str) -> None:
    """Save as many editors do: write a new file, then rename it over the old one."""
    temporary = path.with_name(".exhibit.yaml.swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def marker_shown(app: KioskApp) -> bool:
    markers = app.screen.query("StaffMarker")
    return bool(markers) and all(m.display for m in markers)


@pytest.fixture
def running(write_yaml: Callable[[str], Path]) -> tuple[KioskApp, Path]:
    path = write_yaml(LIGHTHOUSES)
    exhibit = load_exhibit(path).exhibit
    assert exhibit is not None
    return KioskApp(exhibit, source=path, reload_interval=0.1), path


async def test_a_saved_title_appears_and_the_visitor_stays_on_the_panel(
    running: tuple[KioskApp, Path],
) -> None:
    app, path = running
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        save(path, LIGHTHOUSES.replace("The keepers' watch", "The keepers' long watch"))
        await until(pilot, lambda: heading(app) == "The keepers' long watch")
        assert app.position == 2


async def test_panel_moved_in_the_file_keeps_the_visitor_on_it(
    running: tuple[KioskApp, Path],
) -> None:
    app, path = running
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")  # lamps
        first, rest = LIGHTHOUSES.split("  - id: lamps\n")
        lamps, sources = rest.split("sources:\n  - id: L1")
        reordered = first.replace(
            "  - id: towers\n", "  - id: lamps\n" + lamps + "  - id: towers\n"
        )
        save(path, reordered + "sources:\n  - id: L1" + sources)
        await until(pilot, lambda: app.position == 1 and heading(app) == "Lamps and lenses")
        assert "1 / 3" in screen_text(app)


async def test_a_broken_save_keeps_the_last_good_exhibit_and_tells_staff(
    running: tuple[KioskApp, Path], caplog: pytest.LogCaptureFixture
) -> None:
    app, path = running
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("StaffMarker"))
        assert not marker_shown(app)
        with caplog.at_level(logging.ERROR, logger="exhibit.kiosk"):
            save(path, LIGHTHOUSES.replace("  title: Building on the rocks", "  title: [oops"))
            await until(pilot, lambda: marker_shown(app))
        assert heading(app) == "Building on the rocks"
        assert "Lighthouses of the North Sea".upper() in screen_text(app)
        assert any(
            f"{path}:" in r.message and "the list opened with '[' here is not closed" in r.message
            for r in caplog.records
        )
        save(path, LIGHTHOUSES.replace("Building on the rocks", "Built on the rocks"))
        await until(pilot, lambda: heading(app) == "Built on the rocks")
        assert not app.has_class("-stale")
        await until(pilot, lambda: app.screen.query("StaffMarker"))
        assert not marker_shown(app)


async def test_a_half_written_file_is_only_a_moment_of_staleness(
    running: tuple[KioskApp, Path],
) -> None:
    app, path = running
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        cut = LIGHTHOUSES.index("    title: Building")  # the first panel has no title yet
        with path.open("w", encoding="utf-8") as file:  # an editor writing in place, slowly
            file.write(LIGHTHOUSES[:cut])
            file.flush()
            await until(pilot, lambda: app.has_class("-stale"))
            assert heading(app) == "Building on the rocks"
            file.write(LIGHTHOUSES[cut:].replace("Bell Rock", "Bell Rock!"))
        await until(pilot, lambda: "Bell Rock! light first lit" in screen_text(app))
        assert not app.has_class("-stale")


async def test_a_new_image_file_is_picked_up(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    import media_files

    from exhibit.ui.images import ImageSettings, widget_class

    text = LIGHTHOUSES.replace(
        "      - alt: A granite tower", "      - file: tower.png\n        alt: A granite tower"
    )
    path = write_yaml(text)
    result = load_exhibit(path)
    assert result.exhibit is not None
    widget_class("halfcell")
    app = KioskApp(
        result.exhibit,
        images=ImageSettings(mode="halfcell", folder=tmp_path),
        source=path,
        reload_interval=0.1,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query(".picture > *"))
        assert not app.screen.query(".pixels")  # no file yet: its words
        media_files.photo(tmp_path / "tower.png")
        await until(pilot, lambda: app.screen.query(".pixels"))
