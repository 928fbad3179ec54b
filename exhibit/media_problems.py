"""What can be wrong with a media file, each in plain words with what the curator can do about
it: the advice fits the problem (a missing file is not exported again, a loop is not scaled).

media.py raises these; `--check` (checks.py) and `kiosk site` print them. Nothing here
imports Textual or Pillow.
"""

from __future__ import annotations

import math
from pathlib import PurePosixPath

EXPORT_AGAIN = "export it again as a JPEG or PNG"
"""For a file whose contents the kiosk cannot decode: damaged, cut short, an unknown format."""
EXAMPLE_PATH = "media/map.png"


class MediaError(Exception):
    """A media file that cannot be shown: what is wrong, then what to do about it."""

    def __init__(self, problem: str, advice: str) -> None:
        super().__init__(f"{problem}; {advice}")
        self.problem = problem
        self.advice = advice


def missing(name: str) -> str:
    """The words for a file that is not there, naming the folder it should be in."""
    folder = PurePosixPath(name).parent
    where = "the exhibit folder" if str(folder) == "." else f"the exhibit's {folder}/ folder"
    return (
        f"{name!r} not found; check the file name (capital letters count) "
        f"and that the file is in {where}"
    )


def outside(name: str) -> MediaError:
    return MediaError(
        f"{name!r} is outside the exhibit folder",
        f"put the file in the exhibit folder and give its path from there, such as {EXAMPLE_PATH}",
    )


def link_loop(name: str) -> MediaError:
    return MediaError(
        f"{name!r} is a symbolic link that leads back to itself (a loop)",
        "replace the link with the image file itself",
    )


def link_outside(name: str) -> MediaError:
    return MediaError(
        f"{name!r} links outside the exhibit folder",
        "replace the link with a copy of the image file",
    )


def unreadable(name: str, reason: str) -> MediaError:
    return MediaError(
        f"{name!r} cannot be read ({reason})",
        "copy the file in again and check that the kiosk's user may read it",
    )


def not_a_file(name: str) -> MediaError:
    return MediaError(
        f"{name!r} is not a regular file (a folder, a pipe or a device)",
        "put the image file itself under this name",
    )


def too_many_bytes(name: str, size: int, limit: int) -> MediaError:
    return MediaError(
        f"{name!r} is {size / 2**20:.0f} MiB; the limit is {limit / 2**20:.0f} MiB",
        f"save it smaller than {limit / 2**20:.0f} MiB (fewer pixels, or as a JPEG)",
    )


def undecodable(name: str, what: str) -> MediaError:
    """The file's contents: damaged, cut short or in a format the kiosk does not open."""
    return MediaError(f"{name!r} {what}", EXPORT_AGAIN)


def too_many_pixels(name: str, problem: str, size: tuple[int, int] | None, most: int) -> MediaError:
    """A picture too large to decode: smaller than `most` pixels, e.g. at this size."""
    megapixels = f"{most / 1e6:.0f} megapixels"
    if size is None:
        return MediaError(f"{name!r} {problem}", f"make it smaller than {megapixels}")
    width, height = size
    scale = math.sqrt(most / (width * height))
    example = f"{math.floor(width * scale)}x{math.floor(height * scale)}"
    return MediaError(
        f"{name!r} {problem}",
        f"make it smaller than {megapixels}, for example {example} pixels at most",
    )
