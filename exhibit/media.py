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
    ImageOps,
    JpegImagePlugin,
    PngImagePlugin,
    UnidentifiedImageError,
    WebPImagePlugin,
)

FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
"""The only formats opened; anything else is refused before it is decoded."""
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PIXELS = 64_000_000
"""About five times a 12 MP camera photo; larger images are refused as unsafe to decode."""
CACHE_ENTRIES = 48


class MediaError(Exception):
    """A media file that cannot be shown; the message is written for curators."""


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
        raise MediaError(
            f"{name!r} is outside the exhibit folder; give a path relative to it, "
            "such as media/map.png"
        )
    root = folder.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root):
        raise MediaError(f"{name!r} links outside the exhibit folder")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise FileNotFoundError(name) from None
    except OSError as error:
        raise MediaError(f"{name!r} cannot be read ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise MediaError(f"{name!r} is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise MediaError(
            f"{name!r} is {info.st_size / 2**20:.0f} MiB; "
            f"the limit is {MAX_FILE_BYTES / 2**20:.0f} MiB"
        )
    return target


def _open(path: Path) -> Image.Image:
    """Open (not yet decode) an image of an allowed format, refusing decompression bombs."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path, formats=FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise MediaError(f"{path.name!r} is too large to decode safely") from None
        except UnidentifiedImageError:
            raise MediaError(
                f"{path.name!r} is not a JPEG, PNG, GIF or WebP image (or it is damaged)"
            ) from None
        except OSError as error:
            raise MediaError(f"{path.name!r} cannot be read ({error})") from None
    if image.width * image.height > MAX_PIXELS:
        image.close()
        raise MediaError(
            f"{path.name!r} is {image.width}x{image.height} pixels, too large to decode safely; "
            f"scale it below {MAX_PIXELS // 1_000_000} megapixels"
        )
    return image


def inspect(path: Path) -> ImageInfo:
    """Decode the image once (at reduced size where the format allows) to prove it is whole."""
    with _open(path) as image:
        info = ImageInfo(image.width, image.height, image.format or "")
        try:
            image.draft("RGB", (256, 256))
            image.load()
        except (OSError, SyntaxError, ValueError) as error:
            raise MediaError(f"{path.name!r} is damaged or truncated ({error})") from None
    return info


def prepare(path: Path, box: tuple[int, int], background: tuple[int, int, int]) -> Image.Image:
    """An RGB image that fits `box` (pixels), upright, with transparency on `background`."""
    with _open(path) as image:
        try:
            image.seek(0)  # first frame of an animation
            if image.format == "JPEG":
                image.draft("RGB", box)  # decode at 1/2, 1/4 or 1/8 size: fast on a Pi
            image.load()
            upright = ImageOps.exif_transpose(image)
            result = _to_rgb(upright, background)
        except (OSError, SyntaxError, ValueError) as error:
            raise MediaError(f"{path.name!r} is damaged or truncated ({error})") from None
    result.thumbnail(box, Image.Resampling.LANCZOS, reducing_gap=2.0)
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
    sees its images at once. Bounded, and safe to use from worker threads."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self._entries = entries
        self._items: OrderedDict[tuple[object, ...], Image.Image] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _key(
        path: Path, box: tuple[int, int], background: tuple[int, int, int]
    ) -> tuple[object, ...]:
        info = path.stat()
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
        key = self._key(path, box, background)
        image = prepare(path, box, background)
        with self._lock:
            self._items[key] = image
            while len(self._items) > self._entries:
                self._items.popitem(last=False)
        return image

    def __len__(self) -> int:
        return len(self._items)
