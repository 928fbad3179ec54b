"""Sixel pictures in xterm's own colours: xterm draws with the selected colour register and does
not take a definition (`#1;2;r;g;b`) as a selection. Decoded by those rules, the kiosk's Sixel
encoding must give back the picture it was made from, first rows included (the real xterm is in
test_real_terminals.py)."""

from __future__ import annotations

import re

from PIL import Image

from exhibit.ui.workarounds.sixel import select_defined_colours

CYAN, MAGENTA = (0, 255, 255), (255, 0, 255)
_COMMAND = re.compile(r"#(\d+)(?:;2;(\d+);(\d+);(\d+))?|!(\d+)([?-~])|([?-~])|(\$)|(-)")


def decode_as_xterm(sixels: str, width: int, height: int) -> list[list[int | None]]:
    """Which colour register each pixel was drawn with, as xterm decides it."""
    body = sixels[sixels.index("q") + 1 :]
    body = re.sub(r'^"\d+;\d+;\d+;\d+', "", body)
    pixels: list[list[int | None]] = [[None] * width for _ in range(height)]
    register, x, band = 0, 0, 0
    for found in _COMMAND.finditer(body):
        number, red, _, _, count, repeated, single, carriage, newline = found.groups()
        if number is not None:
            if red is None:  # a plain selection; a definition selects nothing in xterm
                register = int(number)
            continue
        if carriage:
            x = 0
        elif newline:
            x, band = 0, band + 1
        else:
            bits = ord(repeated or single) - 63
            run = int(count or 1)
            for column in range(x, x + run):
                for row in range(6):
                    y = band * 6 + row
                    if bits >> row & 1 and y < height and column < width:
                        pixels[y][column] = register
            x += run
    return pixels


def framed(width: int = 40, height: int = 30, frame: int = 4) -> Image.Image:
    image = Image.new("RGB", (width, height), CYAN)
    image.paste(MAGENTA, (frame, frame, width - frame, height - frame))
    return image


def registers(sixels: str) -> dict[int, tuple[int, int, int]]:
    """Each register's colour, as 0-255 RGB, from its definition."""
    found = re.findall(r"#(\d+);2;(\d+);(\d+);(\d+)", sixels)
    return {int(n): tuple(round(int(c) * 255 / 100) for c in rgb) for n, *rgb in found}  # type: ignore[misc]


def encode(image: Image.Image) -> str:
    from textual_image._sixel import image_to_sixels

    return image_to_sixels(image)


def test_every_row_of_a_picture_comes_out_in_its_own_colours() -> None:
    image = framed()
    sixels = select_defined_colours(encode(image))
    colours = registers(sixels)
    drawn = decode_as_xterm(sixels, *image.size)
    for y in range(image.height):
        for x in range(image.width):
            register = drawn[y][x]
            assert register is not None, (x, y)
            assert colours[register] == image.getpixel((x, y)), (x, y)


def test_without_the_selection_xterm_would_draw_the_top_in_the_wrong_colour() -> None:
    # The encoder as textual-image ships it: the first band is drawn before any selection.
    image = framed()
    sixels = encode(image)
    colours = registers(sixels)
    drawn = decode_as_xterm(sixels, *image.size)
    top = [colours.get(register) if register is not None else None for register in drawn[0]]
    assert top != [CYAN] * image.width
