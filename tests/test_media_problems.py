"""Each kind of media problem, as `--check` words it for a curator: what is wrong with the file
named on that line, and the advice that fits it (never "export it again" for a missing file)."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import media_files
import pytest

from exhibit.loader import load_exhibit

EXPORT = "export it again as a JPEG or PNG"
MEANWHILE = "Until then the kiosk shows the description instead"


def png_header(path: Path, width: int, height: int, colour_type: int) -> None:
    """A PNG that claims a size in its header (nothing is decoded before the size is checked)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))


def warning_for(folder: Path, name: str) -> str:
    """The one warning `--check` gives for an exhibit whose only image is `name`."""
    (folder / "exhibit.yaml").write_text(
        "exhibit:\n  title: T\npanels:\n  - id: one\n    title: One\n    images:\n"
        f"      - file: {name}\n        alt: A picture.\n",
        encoding="utf-8",
    )
    result = load_exhibit(folder / "exhibit.yaml")
    assert result.exhibit is not None, "a picture that cannot be shown never stops the kiosk"
    (problem,) = result.problems.items
    assert problem.line == 7 and problem.severity.value == "warning"
    assert problem.message.endswith(MEANWHILE)
    return problem.message


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir()
    return tmp_path


def test_a_missing_file_asks_to_check_the_name_and_its_folder(folder: Path) -> None:
    message = warning_for(folder, "media/Lamp.png")
    assert message.startswith(
        "'media/Lamp.png' not found; check the file name (capital letters count) "
        "and that the file is in the exhibit's media/ folder."
    )
    assert EXPORT not in message


def test_a_missing_file_beside_the_yaml_names_the_exhibit_folder(folder: Path) -> None:
    message = warning_for(folder, "lamp.png")
    assert "and that the file is in the exhibit folder." in message


def test_a_picture_with_too_many_pixels_says_how_small_to_make_it(folder: Path) -> None:
    png_header(folder / "media" / "huge.png", 9_000, 8_000, 2)  # 72 MP
    message = warning_for(folder, "media/huge.png")
    assert message.startswith(
        "'media/huge.png' is 9000x8000 pixels, too large to decode safely; "
        "make it smaller than 64 megapixels, for example 8485x7542 pixels at most."
    )
    assert EXPORT not in message


def test_a_decompression_bomb_says_the_largest_size(folder: Path) -> None:
    media_files.bomb_png(folder / "media" / "bomb.png")
    message = warning_for(folder, "media/bomb.png")
    assert message.startswith(
        "'media/bomb.png' is too large to decode safely; make it smaller than 64 megapixels."
    )
    assert EXPORT not in message


def test_a_colour_picture_over_the_memory_budget_says_its_own_limit(folder: Path) -> None:
    png_header(folder / "media" / "rgba.png", 7_000, 7_000, 6)  # 49 MP, 4 bytes each
    message = warning_for(folder, "media/rgba.png")
    assert "needs 196 MB to decode, more than the kiosk's 176 MB" in message
    assert "make it smaller than 44 megapixels, for example 6633x6633 pixels at most" in message


def test_a_damaged_picture_is_exported_again(folder: Path) -> None:
    media_files.truncated_jpeg(folder / "media" / "cut.jpg")
    message = warning_for(folder, "media/cut.jpg")
    assert message.startswith("'media/cut.jpg' is damaged or truncated (")
    assert f"; {EXPORT}. {MEANWHILE}" in message


def test_a_file_of_an_unknown_format_is_exported_again(folder: Path) -> None:
    (folder / "media" / "notes.jpg").write_text("not a picture")
    message = warning_for(folder, "media/notes.jpg")
    assert message == (
        "'media/notes.jpg' is not a JPEG, PNG, GIF or WebP image (or it is damaged); "
        f"{EXPORT}. {MEANWHILE}"
    )


def test_a_symlink_loop_is_replaced_by_the_file(folder: Path) -> None:
    (folder / "media" / "loop.png").symlink_to("loop.png")
    message = warning_for(folder, "media/loop.png")
    assert message == (
        "'media/loop.png' is a symbolic link that leads back to itself (a loop); "
        f"replace the link with the image file itself. {MEANWHILE}"
    )


def test_a_link_out_of_the_exhibit_is_replaced_by_a_copy(folder: Path, tmp_path: Path) -> None:
    exhibit = folder / "exhibit"
    (exhibit / "media").mkdir(parents=True)
    media_files.photo(tmp_path / "elsewhere.png")
    (exhibit / "media" / "in.png").symlink_to(tmp_path / "elsewhere.png")
    message = warning_for(exhibit, "media/in.png")
    assert message == (
        "'media/in.png' links outside the exhibit folder; "
        f"replace the link with a copy of the image file. {MEANWHILE}"
    )


@pytest.mark.parametrize("name", ["../lamp.png", "/etc/hosts"])
def test_a_path_outside_the_exhibit_says_where_to_put_the_file(folder: Path, name: str) -> None:
    message = warning_for(folder, name)
    assert message == (
        f"{name!r} is outside the exhibit folder; put the file in the exhibit folder and give "
        f"its path from there, such as media/map.png. {MEANWHILE}"
    )


def test_a_folder_or_a_pipe_is_replaced_by_the_image_file(folder: Path) -> None:
    os.mkfifo(folder / "media" / "pipe.png")
    message = warning_for(folder, "media/pipe.png")
    assert message == (
        "'media/pipe.png' is not a regular file (a folder, a pipe or a device); "
        f"put the image file itself under this name. {MEANWHILE}"
    )


def test_a_file_too_large_in_bytes_says_the_limit(folder: Path) -> None:
    with open(folder / "media" / "big.jpg", "wb") as big:
        big.truncate(70 * 2**20)  # sparse: takes no room on the disk
    message = warning_for(folder, "media/big.jpg")
    assert message == (
        "'media/big.jpg' is 70 MiB; the limit is 64 MiB; "
        f"save it smaller than 64 MiB (fewer pixels, or as a JPEG). {MEANWHILE}"
    )


@pytest.mark.parametrize(
    "make",
    [lambda p: p.write_text("x"), lambda p: p.symlink_to(p.name)],
    ids=["damaged", "loop"],
)
def test_each_message_has_one_piece_of_advice(folder: Path, make: Callable[[Path], object]) -> None:
    make(folder / "media" / "x.png")
    message = warning_for(folder, "media/x.png")
    assert message.count(";") == 1 and message.count(MEANWHILE) == 1
