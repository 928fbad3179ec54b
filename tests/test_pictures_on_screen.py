"""Pictures as a visitor meets them: pixels where the terminal can draw them, words where it
cannot or the file is bad, full screen on z or a touch, and description mode on d."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import media_files
import pytest
from kiosk_pilot import heading, screen_text, until
from textual.pilot import Pilot

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.images import ImageSettings, choose_mode, widget_class
from exhibit.ui.screens.image_view import ImageViewScreen
from exhibit.ui.widgets.picture import DescribedImage

GALLERY = """\
exhibit:
  title: A small gallery
panels:
  - id: pictures
    title: Two pictures
    body: Look to the right.
    images:
      - file: media/good.png
        alt: A light square on a dark blue ground.
        description: The long description of the good picture.
        caption: The good picture
        credit: Drawn by a test
      - file: media/broken.jpg
        alt: A picture whose file is damaged.
        description: The long description of the broken picture.
        caption: The broken picture
  - id: words
    title: Only words
    body: Nothing to see.
"""


@pytest.fixture
def gallery(write_yaml: Callable[[str], Path], tmp_path: Path) -> tuple[Exhibit, Path]:
    (tmp_path / "media").mkdir()
    media_files.photo(tmp_path / "media" / "good.png", (320, 240))
    media_files.truncated_jpeg(tmp_path / "media" / "broken.jpg")
    result = load_exhibit(write_yaml(GALLERY))
    assert result.exhibit is not None
    return result.exhibit, result.folder


def halfcell_app(gallery: tuple[Exhibit, Path]) -> KioskApp:
    exhibit, folder = gallery
    widget_class("halfcell")
    # Pages built on the spot, as in tests/test_snapshots.py (kiosk).
    return KioskApp(exhibit, images=ImageSettings(mode="halfcell", folder=folder), prebuild=False)


async def settled(pilot: Pilot[int]) -> None:
    """Wait until every picture on screen has its pixels or its words."""
    screen = pilot.app.screen
    await until(pilot, lambda: all(p.children for p in screen.query(".picture")), note="(pictures)")
    await pilot.pause()


async def test_pixels_for_a_good_file_words_for_a_broken_one(gallery: tuple[Exhibit, Path]) -> None:
    app = halfcell_app(gallery)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await settled(pilot)
        pictures = list(app.screen.query(".picture"))
        assert pictures[0].query(".pixels") and not pictures[0].query(DescribedImage)
        assert pictures[1].query(DescribedImage) and not pictures[1].query(".pixels")
        text = screen_text(app)
        assert "A picture whose file is damaged." in text and "The broken picture" in text
        assert "The good picture" in text and "Drawn by a test" in text
        pixels = pictures[0].query_one(".pixels")
        assert 0 < pixels.size.width <= pictures[0].size.width
        assert 0 < pixels.size.height <= pictures[0].size.height


async def test_z_opens_the_image_full_screen_and_steps_through(
    gallery: tuple[Exhibit, Path],
) -> None:
    app = halfcell_app(gallery)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "z")
        assert isinstance(app.screen, ImageViewScreen)
        await settled(pilot)
        text = screen_text(app)
        assert "Image 1 of 2" in text and "The long description of the good picture." in text
        assert app.screen.query(".pixels")
        await pilot.press("right")
        await settled(pilot)
        text = screen_text(app)
        assert "Image 2 of 2" in text and "The long description of the broken picture." in text
        await pilot.press("escape")
        assert heading(app) == "Two pictures"


async def test_touching_an_image_opens_it(gallery: tuple[Exhibit, Path]) -> None:
    app = halfcell_app(gallery)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await settled(pilot)
        await pilot.click(list(app.screen.query("ImageCard"))[1])
        assert isinstance(app.screen, ImageViewScreen)
        assert "Image 2 of 2" in screen_text(app)


async def test_description_mode_replaces_every_picture_by_its_words(
    gallery: tuple[Exhibit, Path],
) -> None:
    app = halfcell_app(gallery)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await settled(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert heading(app) == "Two pictures"
        assert not app.screen.query(".pixels")
        assert len(app.screen.query(DescribedImage)) == 2
        assert "A light square on a dark blue ground." in screen_text(app)
        await pilot.press("z")  # the full-screen view keeps to words as well
        assert not app.screen.query(".pixels")
        assert "The long description of the good picture." in screen_text(app)
        await pilot.press("escape", "d")
        await settled(pilot)
        assert app.screen.query(".pixels")


async def test_no_picture_mode_shows_words_only(gallery: tuple[Exhibit, Path]) -> None:
    exhibit, folder = gallery
    app = KioskApp(exhibit, images=ImageSettings(mode="none", folder=folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        assert not app.screen.query(".picture")
        assert "A light square on a dark blue ground." in screen_text(app)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"TERM": "linux"}, "none"),
        ({"TERM": "xterm-256color", "TMUX": "/tmp/tmux"}, "halfcell"),
        ({"TERM": "xterm", "COLORTERM": "truecolor", "TMUX": "x"}, "halfcell"),
        ({"TERM": "vt100"}, "none"),
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, "none"),
    ],
)
def test_auto_mode_fits_the_terminal(environ: dict[str, str], expected: str) -> None:
    assert choose_mode("auto", environ, tty=True) == expected


def test_auto_mode_without_a_terminal_is_words() -> None:
    assert choose_mode("auto", {"TERM": "xterm-256color"}, tty=False) == "none"
    assert choose_mode("sixel", {"TERM": "linux"}, tty=False) == "sixel"  # forced is forced


SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_panel_with_a_picture(
    snap_compare: Callable[..., bool], gallery: tuple[Exhibit, Path], size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        await pilot.press("1")
        await settled(pilot)

    assert snap_compare(halfcell_app(gallery), run_before=ready, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_full_screen_image(
    snap_compare: Callable[..., bool], gallery: tuple[Exhibit, Path], size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        await pilot.press("1", "z")
        await settled(pilot)

    assert snap_compare(halfcell_app(gallery), run_before=ready, terminal_size=size)


async def test_every_kind_of_bad_file_shows_as_words_and_nothing_hangs(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    from test_media import BAD_FILES

    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    media_files.photo(outside)
    (tmp_path / "link.png").symlink_to(outside)
    for name, (make, _) in BAD_FILES.items():
        make(tmp_path / name)
    names = [*BAD_FILES, "link.png", "../outside.png", "missing.png"]
    images = "".join(f"      - file: {n}\n        alt: Words for {n}.\n" for n in names)
    result = load_exhibit(
        write_yaml(
            f"exhibit:\n  title: T\npanels:\n  - id: one\n    title: One\n    images:\n{images}"
        )
    )
    assert result.exhibit is not None
    widget_class("halfcell")
    app = KioskApp(result.exhibit, images=ImageSettings(mode="halfcell", folder=tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await settled(pilot)
        assert not app.screen.query(".pixels")
        assert len(app.screen.query(DescribedImage)) == len(names)
        text = screen_text(app)
        assert all(f"Words for {n}." in text for n in names)
