"""Charts, timelines and labelled maps as a visitor sees them: snapshots at 80x24, 120x40 and
160x50 and in Japanese, on a small exhibit and on the bundled illustrations, and the words a
visitor can read on screen (even where the terminal shows no pixels)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import media_files
import pytest
from kiosk_pilot import until
from test_drawings import DRAWN
from textual.pilot import Pilot

from exhibit.keys import Do
from exhibit.loader import load_exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.images import ImageSettings, widget_class
from exhibit.ui.widgets.text_drawing import TextDrawing

SIZES = [(80, 24), (120, 40), (160, 50)]


def drawn_text(app: KioskApp) -> str:
    """What the drawings on the top screen show, as text."""
    return "\n".join(d.render().plain for d in app.screen.query(TextDrawing) if d.display)


def app_for(path: Path, mode: str = "halfcell") -> KioskApp:
    result = load_exhibit(path)
    assert result.exhibit is not None, result.problems.sorted()
    widget_class(mode)
    settings = ImageSettings(mode=mode, folder=result.folder)
    # Pages built on the spot, as in tests/test_snapshots.py (kiosk).
    return KioskApp(result.exhibit, editions=result.editions, images=settings, prebuild=False)


@pytest.fixture
def drawn_yaml(write_yaml: Callable[[str], Path], tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir(exist_ok=True)
    media_files.photo(tmp_path / "media" / "map.png", (200, 100))
    return write_yaml(DRAWN)


async def labels_placed(pilot: Pilot[int]) -> None:
    """Wait until every labelled map has its pixels and its words over them."""
    await until(
        pilot,
        lambda: all(
            m.query(".pixels") and m.query(".map-label")
            for m in pilot.app.screen.query(".labelled-map")
        ),
        note="(labels never arrived)",
    )
    await pilot.pause()


def opened(keys: tuple[str, ...], image: int) -> Callable[[Pilot[int]], Awaitable[None]]:
    async def run(pilot: Pilot[int]) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(pilot.app, KioskApp)
        pilot.app.ask(Do.IMAGE, image)  # a touch on the image
        await pilot.pause()
        await labels_placed(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("keys", "image"),
    [(("1",), 0), (("1",), 1), (("2",), 0), (("l", "1"), 0), (("l", "2"), 0)],
    ids=["chart", "timeline", "map", "chart-ja", "map-ja"],
)
def test_snapshot_drawn_images_full_screen(
    snap_compare: Callable[..., bool],
    drawn_yaml: Path,
    size: tuple[int, int],
    keys: tuple[str, ...],
    image: int,
) -> None:
    assert snap_compare(app_for(drawn_yaml), run_before=opened(keys, image), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_drawn_images_on_their_panel(
    snap_compare: Callable[..., bool], drawn_yaml: Path, size: tuple[int, int]
) -> None:
    async def run(pilot: Pilot[int]) -> None:
        await pilot.press("1")
        await pilot.pause()

    assert snap_compare(app_for(drawn_yaml), run_before=run, terminal_size=size)


BUNDLED = Path(__file__).resolve().parent.parent / "exhibit.yaml"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("keys", "image"),
    [
        (("1", "enter"), 0),  # panels 1, 2 and 4 open with a content advisory
        (("2", "enter"), 0),
        (("4", "enter"), 1),
        (("5",), 0),
        (("l", "1", "enter"), 0),
        (("l", "2", "enter"), 0),
        (("l", "4", "enter"), 1),
        (("l", "5"), 0),
    ],
    ids=[
        "timeline",
        "storm",
        "chart",
        "routes",
        "timeline-ja",
        "storm-ja",
        "chart-ja",
        "routes-ja",
    ],
)
def test_snapshot_bundled_illustrations(
    snap_compare: Callable[..., bool], size: tuple[int, int], keys: tuple[str, ...], image: int
) -> None:
    assert snap_compare(app_for(BUNDLED), run_before=opened(keys, image), terminal_size=size)


async def test_a_chart_is_words_even_on_a_terminal_without_pictures(drawn_yaml: Path) -> None:
    app = app_for(drawn_yaml, mode="none")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        app.ask(Do.IMAGE, 0)
        await pilot.pause()
        text = drawn_text(app)
        assert "North quay" in text and "1,200" in text and "≈300" in text


async def test_map_labels_stand_over_the_picture_in_the_visitors_language(
    drawn_yaml: Path,
) -> None:
    app = app_for(drawn_yaml)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(("l", "2"), 0)(pilot)
        pixels = app.screen.query_one(".pixels").region
        labels = {str(label.render()): label.region for label in app.screen.query(".map-label")}
        assert set(labels) == {"旧市街", "湾"}
        for region in labels.values():
            assert pixels.contains_region(region), (region, pixels)
        old_town = labels["旧市街"]
        # x 0.25, to the right of its point; y 0.5: the middle row.
        assert old_town.x == pixels.x + pixels.width // 4 + 1
        assert old_town.y == pixels.y + pixels.height // 2
        assert "フェリー航路" in drawn_text(app)


async def test_a_picture_being_prepared_is_a_quiet_frame(drawn_yaml: Path) -> None:
    """No "Picture.picture" (Textual's name for an empty widget) before the pixels arrive."""
    app = app_for(drawn_yaml)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        picture = app.screen.query_one(".picture")
        assert str(picture.render()) == ""
        lines = [strip.text for strip in picture.render_lines(picture.region.reset_offset)]
        assert "Picture" not in "".join(lines)


async def test_audio_description_reads_every_figure_of_a_chart(
    drawn_yaml: Path, tmp_path: Path
) -> None:
    import os
    import stat

    from exhibit.speech import Speaker

    heard = tmp_path / "heard.txt"
    engine = tmp_path / "fake-espeak"
    engine.write_text(  # each part of the page added to the file; the last one talks on
        f'#!/bin/sh\ntext=$(cat)\nprintf "%s\\n" "$text" >> "{heard}"\n'
        'case "$text" in *"First pier"*) exec sleep 60;; esac\n'
    )
    engine.chmod(engine.stat().st_mode | stat.S_IXUSR)
    result = load_exhibit(drawn_yaml)
    assert result.exhibit is not None
    app = KioskApp(
        result.exhibit,
        editions=result.editions,
        images=ImageSettings(mode="none", folder=result.folder),
        speaker=Speaker(engine=os.fspath(engine)),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "a")
        await until(
            pilot,
            lambda: "Fishing boom" in (heard.read_text() if heard.exists() else ""),
            note="(nothing was read aloud)",
        )
        spoken = heard.read_text()
        assert "North quay, harbour log: 1,200 ships." in spoken
        # Ranges and years as they are said (exhibit/speech/numbers.py).
        assert "Estimates: 400 to 900 ships." in spoken and "May 18 80: First pier." in spoken
        await pilot.press("down")


async def test_a_map_built_ahead_of_its_visitor_has_its_labels(drawn_yaml: Path) -> None:
    """A page built while the kiosk was idle (prebuild.py) and shown later still has its
    place names over the map: they are placed where the picture lies on screen."""
    from kiosk_pilot import ManualClock
    from test_prebuild import idle_until, kept

    result = load_exhibit(drawn_yaml)
    assert result.exhibit is not None
    widget_class("halfcell")
    clock = ManualClock()
    app = KioskApp(
        result.exhibit,
        editions=result.editions,
        images=ImageSettings(mode="halfcell", folder=result.folder),
        clock=clock,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await idle_until(app, clock, pilot, lambda: 2 in kept(app))
        await pilot.press("2")
        await until(pilot, lambda: app.screen is kept(app)[2], note="(the kept map page)")
        await labels_placed(pilot)
        pixels = app.screen.query_one(".pixels").region
        labels = {str(label.render()): label.region for label in app.screen.query(".map-label")}
        assert set(labels) == {"Old Town", "Bay"}
        for region in labels.values():
            assert pixels.contains_region(region), (region, pixels)


async def test_the_words_follow_the_pixels_when_they_settle_elsewhere(drawn_yaml: Path) -> None:
    """A picture can settle a row away inside its frame after the words were placed (a Sixel
    one once the terminal has told its cell size): the words move with it, and none is left
    on its last row, where in xterm a word hides the whole Sixel picture."""
    app = app_for(drawn_yaml)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(("2",), 0)(pilot)
        pixels = app.screen.query_one(".pixels")
        before = pixels.region
        pixels.styles.height = before.height - 4  # re-centred in its frame: lower down
        await until(pilot, lambda: pixels.region.y > before.y, note="(the pixels moved)")

        def old_town_row() -> int | None:
            for label in app.screen.query(".map-label"):
                if "Old Town" in str(label.render()):
                    return label.region.y
            return None

        # Old Town is at y 0.5 of the picture: the middle row of where the pixels are now.
        middle = pixels.region.y + pixels.region.height // 2
        await until(pilot, lambda: old_town_row() == middle, note="(the words stayed behind)")
        for label in app.screen.query(".map-label"):
            assert pixels.region.contains_region(label.region), (label, pixels.region)


async def test_new_pixels_get_their_words_written_again_after_them(drawn_yaml: Path) -> None:
    """A picture drawn anew (full screen, prepared at its new size) gets its words mounted
    again after it, even where they stood already: a Sixel picture covers the words written
    before it (seen in xterm: the full-screen map without its names)."""
    from exhibit.ui.widgets.labelled_map import MapPicture

    app = app_for(drawn_yaml)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(("2",), 0)(pilot)
        before = {id(word) for word in app.screen.query(".map-label")}
        app.screen.query_one(MapPicture).post_message(MapPicture.Drawn())
        await until(
            pilot,
            lambda: {id(word) for word in app.screen.query(".map-label")} - before,
            note="(the words were not written again)",
        )
        assert len(app.screen.query(".map-label")) == len(before)
