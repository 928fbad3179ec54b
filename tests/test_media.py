"""Media files are untrusted: each bad file gives the right message, nothing hangs, and camera
photos come out upright in the right colours."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import media_files
import pytest

from exhibit import media
from exhibit.loader import load_exhibit

BACKGROUND = (26, 25, 22)


def test_a_good_photo_is_scaled_into_its_box(tmp_path: Path) -> None:
    path = media_files.photo(tmp_path / "p.jpg", (4000, 3000), quality=90)
    prepared = media.prepare(path, (80, 80), BACKGROUND)
    assert prepared.mode == "RGB" and prepared.size == (80, 60)


def test_exif_rotation_is_applied(tmp_path: Path) -> None:
    prepared = media.prepare(media_files.rotated_jpeg(tmp_path / "r.jpg"), (100, 100), BACKGROUND)
    assert prepared.size == (50, 100)  # stored landscape, shown portrait


def test_cmyk_comes_out_in_rgb_colours(tmp_path: Path) -> None:
    prepared = media.prepare(media_files.cmyk_jpeg(tmp_path / "c.jpg"), (32, 32), BACKGROUND)
    red, green, blue = prepared.getpixel((16, 16))  # type: ignore[misc]
    assert red < 40 and green > 200 and blue > 200  # cyan, not a colour-inverted mess


def test_16_bit_png_keeps_its_grey(tmp_path: Path) -> None:
    prepared = media.prepare(media_files.png16(tmp_path / "g.png"), (32, 32), BACKGROUND)
    assert all(120 <= c <= 136 for c in prepared.getpixel((5, 5)))  # type: ignore[union-attr]


def test_transparency_sits_on_the_kiosk_background(tmp_path: Path) -> None:
    prepared = media.prepare(media_files.transparent_png(tmp_path / "t.png"), (32, 32), BACKGROUND)
    assert prepared.getpixel((3, 3)) == BACKGROUND


def test_animated_gif_shows_its_first_frame(tmp_path: Path) -> None:
    prepared = media.prepare(media_files.animated_gif(tmp_path / "a.gif"), (32, 32), BACKGROUND)
    assert prepared.getpixel((3, 3)) == (0, 0, 255)


def test_cache_serves_a_returning_visitor_and_notices_a_new_file(tmp_path: Path) -> None:
    cache = media.PreparedCache()
    path = media_files.photo(tmp_path / "p.png", (300, 200))
    first = cache.get(path, (60, 60), BACKGROUND)
    assert cache.get(path, (60, 60), BACKGROUND) is first
    media_files.photo(path, (200, 200))
    os.utime(path, ns=(1, 1))  # a curator's new file: another mtime and size
    assert cache.get(path, (60, 60), BACKGROUND).size == (60, 60)


BAD_FILES: dict[str, tuple[Callable[[Path], object], str]] = {
    "bomb.png": (media_files.bomb_png, "too large to decode safely"),
    "cut.jpg": (media_files.truncated_jpeg, "damaged or truncated"),
    "notes.jpg": (lambda p: p.write_text("not an image"), "is not a JPEG, PNG, GIF or WebP"),
    "fifo.png": (lambda p: os.mkfifo(p), "is not a regular file"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_is_refused_with_a_clear_message(tmp_path: Path, name: str) -> None:
    make, expected = BAD_FILES[name]
    make(tmp_path / name)
    with pytest.raises(media.MediaError, match=expected):
        media.inspect(media.resolve(tmp_path, name))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../x.png", "outside the exhibit folder"), ("/etc/hosts", "outside the exhibit folder")],
)
def test_paths_outside_the_folder_are_refused(tmp_path: Path, name: str, expected: str) -> None:
    with pytest.raises(media.MediaError, match=expected):
        media.resolve(tmp_path, name)


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "exhibit"
    folder.mkdir()
    media_files.photo(tmp_path / "outside.png")
    (folder / "in.png").symlink_to(tmp_path / "outside.png")
    with pytest.raises(media.MediaError, match="links outside"):
        media.resolve(folder, "in.png")


def test_check_reports_each_bad_image_with_its_line(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    for name, (make, _) in BAD_FILES.items():
        make(tmp_path / name)
    media_files.photo(tmp_path / "good.png")
    images = "".join(
        f"      - file: {name}\n        alt: Image {name}.\n"
        for name in [*BAD_FILES, "good.png", "missing.png"]
    )
    path = write_yaml(
        f"exhibit:\n  title: T\npanels:\n  - id: one\n    title: One\n    images:\n{images}"
    )
    result = load_exhibit(path)
    found = {p.line: p for p in result.problems.items}
    for offset, (name, (_, expected)) in enumerate(BAD_FILES.items()):
        problem = found[7 + 2 * offset]
        assert expected in problem.message and name in problem.message
        assert problem.severity.value == "warning"  # as the kiosk: it shows the words
    assert "not found" in found[17].message and found[17].severity.value == "warning"
    assert 15 not in found  # the good image
    assert result.exhibit is not None, "bad media never keeps the kiosk from starting"
