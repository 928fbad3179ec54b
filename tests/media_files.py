"""Small image files made on the spot, good and bad, for the media tests."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image


def photo(path: Path, size: tuple[int, int] = (400, 300), **save: object) -> Path:
    """A deterministic picture: a dark frame around a light disc, left half warmer."""
    image = Image.new("RGB", size, (30, 60, 90))
    for x in range(size[0] // 2):
        for y in range(0, size[1], 7):
            image.putpixel((x, y), (200, 150, 60))
    image.paste((230, 230, 230), (size[0] // 3, size[1] // 3, 2 * size[0] // 3, 2 * size[1] // 3))
    image.save(path, **save)  # type: ignore[arg-type]
    return path


def bomb_png(path: Path, side: int = 100_000) -> Path:
    """A valid PNG header that claims side x side pixels: 10 gigapixels in ~60 bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))
    return path


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.effect_noise((600, 400), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])
    return path


def rotated_jpeg(path: Path) -> Path:
    """Stored 400 wide, 200 tall, with EXIF orientation 6: shown upright it is 200 x 400."""
    image = Image.new("RGB", (400, 200), (200, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


def cmyk_jpeg(path: Path) -> Path:
    Image.new("CMYK", (64, 64), (255, 0, 0, 0)).save(path, "JPEG", quality=95)  # pure cyan
    return path


def png16(path: Path) -> Path:
    Image.new("I;16", (64, 64), 65535 // 2).save(path, "PNG")  # mid grey, 16 bits
    return path


def transparent_png(path: Path) -> Path:
    Image.new("RGBA", (64, 64), (255, 0, 0, 0)).save(path, "PNG")  # fully transparent red
    return path


def animated_gif(path: Path) -> Path:
    frames = [Image.new("RGB", (32, 32), colour) for colour in ((0, 0, 255), (255, 255, 0))]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path
