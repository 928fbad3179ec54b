"""Media files of an exhibit: where they may be, and how to open them safely.

Every image named in exhibit.yaml is untrusted: a path may point outside the exhibit, at a FIFO
(a plain open() blocks forever) or at a symlink; a 65-byte file may claim a billion pixels; a
camera JPEG may be 12 MP, rotated by EXIF, CMYK or 16-bit. Nothing here imports Textual: the
kiosk and `--check` share it.
"""

from __future__ import annotations

import os
import stat
import threading
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

# The plugins of FORMATS are imported by name so that Image.open(formats=FORMATS) finds them
# all registered and never runs Image.init(), which imports every one of Pillow's ~45 plugins
# (about 30 ms at start-up and on every --check).
from PIL import (  # noqa: F401
    GifImagePlugin,
    Image,
    JpegImagePlugin,
    PngImagePlugin,
    UnidentifiedImageError,
    WebPImagePlugin,
)

from . import media_problems as problem
from .decoding import one_decode
from .media_problems import MediaError as MediaError  # raised here, caught by name

FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
"""The only formats opened; anything else is refused before it is decoded."""
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PIXELS = 64_000_000
"""About five times a 12 MP camera photo; larger images are refused as unsafe to decode."""
MEMORY_BUDGET = 250_000_000
"""Preparing any image --check accepts takes at most this much memory at its peak (bytes):
the decoded image (DECODE_BUDGET) and a strip at a time of its conversion (STRIP_BYTES)."""
DECODE_BUDGET = 176_000_000
"""Bytes the decoded image may take. Pillow keeps 1 byte a pixel for greyscale and palette
images, 2 for 16-bit greyscale and 4 for all others (RGB too): so 64 MP greyscale, palette or
16-bit images, and 50 MP colour ones."""
STRIP_BYTES = 2_000_000
"""A large decoded image is converted and reduced a strip of rows at a time, each about this
big; one of at most SMALL_BYTES is converted whole (a few copies of it are cheap)."""
SMALL_BYTES = 16_000_000
CACHE_ENTRIES = 48
BLOCK_BYTES = 64 * 1024 * 1024
"""Pillow keeps a decoded image in blocks of this size at most (16 MB by default). glibc maps
an allocation above 32 MB afresh and unmaps it when freed; smaller ones it may keep, per
thread, in heaps that grew for an earlier picture: a kiosk that decoded one large image after
another in worker threads then held ~200 MB more than the largest needed."""
Image.core.set_block_size(BLOCK_BYTES)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    format: str


def resolve(folder: Path, name: str) -> Path:
    """The real path of media file `name` inside `folder`, or MediaError saying why not.

    Only relative names inside the folder, no link leading out, regular files only, a size cap.
    """
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or not name.strip():
        raise problem.outside(name)
    try:
        root = folder.resolve()
        target = (root / relative).resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a symlink loop
        raise problem.link_loop(name) from None
    if not target.is_relative_to(root):
        raise problem.link_outside(name)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise FileNotFoundError(name) from None
    except OSError as error:
        raise problem.unreadable(name, error.strerror or str(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise problem.not_a_file(name)
    if info.st_size > MAX_FILE_BYTES:
        raise problem.too_many_bytes(name, info.st_size, MAX_FILE_BYTES)
    return target


def _open(path: Path) -> Image.Image:
    """Open (not yet decode) an image of an allowed format, refusing decompression bombs."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path, formats=FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            too_large = "is too large to decode safely"
            raise problem.too_many_pixels(path.name, too_large, None, MAX_PIXELS) from None
        except UnidentifiedImageError:
            unknown = "is not a JPEG, PNG, GIF or WebP image (or it is damaged)"
            raise problem.undecodable(path.name, unknown) from None
        except OSError as error:
            raise problem.undecodable(path.name, f"cannot be read ({error})") from None
        except (ValueError, SyntaxError) as error:  # a text or colour-profile chunk too large
            damaged = f"is damaged or unsafe to decode ({error})"
            raise problem.undecodable(path.name, damaged) from None
    if image.width * image.height > MAX_PIXELS:
        image.close()
        too_large = f"is {image.width}x{image.height} pixels, too large to decode safely"
        raise problem.too_many_pixels(path.name, too_large, image.size, MAX_PIXELS)
    needed = decoded_bytes(image)
    if needed > DECODE_BUDGET and image.format != "JPEG":  # JPEG: see _jpeg_request
        pixels = DECODE_BUDGET // (needed // (image.width * image.height))
        image.close()
        too_large = (
            f"({image.width}x{image.height} pixels, {image.mode}) needs "
            f"{needed / 1e6:.0f} MB to decode, more than the kiosk's {DECODE_BUDGET / 1e6:.0f} MB"
        )
        raise problem.too_many_pixels(path.name, too_large, image.size, pixels)
    return image


def decoded_bytes(image: Image.Image) -> int:
    """The memory Pillow takes to hold `image` decoded, from its mode and size."""
    if image.mode in ("1", "L", "P"):
        per_pixel = 1
    elif image.mode.startswith("I;16"):
        per_pixel = 2
    else:
        per_pixel = 4
    return image.width * image.height * per_pixel


def inspect(path: Path) -> ImageInfo:
    """Decode the image once (at reduced size where the format allows) to prove it is whole."""
    with one_decode(), _open(path) as image:
        info = ImageInfo(image.width, image.height, image.format or "")
        try:
            image.draft("RGB", (256, 256))
            image.load()
        except (OSError, SyntaxError, ValueError) as error:
            raise problem.undecodable(path.name, f"is damaged or truncated ({error})") from None
    return info


_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
"""EXIF orientation -> the transposition that makes the picture upright."""
_ON_ITS_SIDE = (
    Image.Transpose.TRANSPOSE,
    Image.Transpose.TRANSVERSE,
    Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_270,
)


def prepare(path: Path, box: tuple[int, int], background: tuple[int, int, int]) -> Image.Image:
    """An RGB image that fits `box` (pixels), upright, with transparency on `background`.

    Within MEMORY_BUDGET: decoded once (JPEG at a reduced size already); a large image is
    then converted and reduced a strip at a time, so that no full-size copy is ever made."""
    with _open(path) as image:
        try:
            image.seek(0)  # first frame of an animation
            turn = _UPRIGHT.get(image.getexif().get(0x0112, 1))
            stored_box = (box[1], box[0]) if turn in _ON_ITS_SIDE else box
            if image.format == "JPEG":
                # Decoded at 1/2, 1/4 or 1/8 size where that still fills the box: fast on a Pi.
                image.draft("RGB", _jpeg_request(image, stored_box))
            image.load()
            if decoded_bytes(image) <= SMALL_BYTES:  # converted whole: the copies are small
                result = _to_rgb(image.transpose(turn) if turn else image, background)
                turn = None
            else:
                result = _reduced_rgb(image, stored_box, background)
        except (OSError, SyntaxError, ValueError) as error:
            raise problem.undecodable(path.name, f"is damaged or truncated ({error})") from None
    result.thumbnail(stored_box if turn else box, Image.Resampling.LANCZOS, reducing_gap=2.0)
    return result.transpose(turn) if turn else result


def _jpeg_request(image: Image.Image, box: tuple[int, int]) -> tuple[int, int]:
    """What to ask a JPEG's draft for: `box`, or less where decoding large enough for it would
    exceed DECODE_BUDGET (a 64 MP photo for a 4K box: decoded at half size, not whole)."""
    scale = 1
    while scale < 8 and -(-image.width // scale) * -(-image.height // scale) * 4 > DECODE_BUDGET:
        scale *= 2
    return (min(box[0], image.width // scale), min(box[1], image.height // scale))


def _reduced_rgb(
    image: Image.Image, box: tuple[int, int], background: tuple[int, int, int]
) -> Image.Image:
    """`image` in RGB, reduced by the largest whole factor that leaves it at least as large
    as `box`, converted a strip of rows at a time (LANCZOS then scales it to fit). The factor
    is at most a strip's rows: 44 MP for a small box took 368-row strips, 5 copies of 10 MB."""
    width, height = image.size
    fitted = min(box[0] / width, box[1] / height, 1.0)
    most_rows = max(1, STRIP_BYTES // (width * 4))
    factor = max(1, min(int(1 / fitted), most_rows))
    rows = most_rows // factor * factor
    result = Image.new("RGB", (-(-width // factor), -(-height // factor)))
    for top in range(0, height, rows):
        strip = _to_rgb(image.crop((0, top, width, min(top + rows, height))), background)
        result.paste(strip.reduce(factor) if factor > 1 else strip, (0, top // factor))
    return result


def _to_rgb(image: Image.Image, background: tuple[int, int, int]) -> Image.Image:
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit greyscale PNGs
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode == "CMYK":
        return image.convert("RGB")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if has_alpha:
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (*background, 255))
        return Image.alpha_composite(canvas, rgba).convert("RGB")
    return image.convert("RGB")


class PreparedCache:
    """Scaled images by (file, modification time, size, box): a visitor returning to a panel
    sees its images at once. Bounded, safe to use from worker threads; one image is decoded
    at a time (decoding.py), and a thread that waited for the same file finds it prepared."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self._entries = entries
        self._items: OrderedDict[tuple[object, ...], Image.Image] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _key(
        path: Path, box: tuple[int, int], background: tuple[int, int, int]
    ) -> tuple[object, ...]:
        try:
            info = path.stat()
        except FileNotFoundError:
            raise
        except (OSError, RuntimeError) as error:  # replaced by a loop since it was resolved
            raise problem.unreadable(path.name, str(error)) from None
        return (str(path), info.st_mtime_ns, info.st_size, box, background)

    def peek(
        self, path: Path, box: tuple[int, int], background: tuple[int, int, int]
    ) -> Image.Image | None:
        """The prepared image if it is cached: cheap enough for the UI thread (one stat)."""
        key = self._key(path, box, background)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def get(
        self, path: Path, box: tuple[int, int], background: tuple[int, int, int]
    ) -> Image.Image:
        """The prepared image, decoding and scaling it if needed: call from a worker thread."""
        cached = self.peek(path, box, background)
        if cached is not None:
            return cached
        with one_decode():
            cached = self.peek(path, box, background)  # prepared while this thread waited
            if cached is not None:
                return cached
            key = self._key(path, box, background)
            image = prepare(path, box, background)
        with self._lock:
            self._items[key] = image
            while len(self._items) > self._entries:
                self._items.popitem(last=False)
        return image

    def __len__(self) -> int:
        return len(self._items)
