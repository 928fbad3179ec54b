"""Noticing that a curator saved exhibit.yaml or a media file, cheaply enough to ask every
second for months: a few stat() calls, nothing that needs a thread; and waiting until a save
has finished before it is loaded (Settling)."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from .model import Exhibit

Signature = tuple[tuple[str, int, int], ...]


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (str(path), -1, -1)  # missing now; appearing later counts as a change
    return (str(path), info.st_mtime_ns, info.st_size)


def signature(exhibit_file: Path, exhibit: Exhibit | None) -> Signature:
    """Changes whenever the YAML file or any media file it names is saved, replaced (an
    editor's save-by-rename), removed or created."""
    folder = exhibit_file.parent
    files = [exhibit_file]
    if exhibit is not None:
        files += [
            folder / image.file
            for panel in exhibit.panels
            for image in panel.images
            if image.file and not Path(image.file).is_absolute() and ".." not in image.file
        ]
    return tuple(_stamp(path) for path in files)


SETTLE = 1.0
"""Seconds a changed file must stay the same before it is loaded: a save in progress is not."""
SETTLE_MID_LINE = 5.0
"""The same, for an exhibit file whose last line has no line break: most likely a save cut
short (editors end a file with one, though some may not), so it gets longer to finish."""


class Settling:
    """Decides when a change has settled: the same new signature on polls at least SETTLE
    seconds apart (SETTLE_MID_LINE if the exhibit file ends mid-line). The caller then loads
    it, and a file that does not parse is refused as before. The clock is injected."""

    def __init__(self, loaded: Signature, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._loaded = loaded
        self._pending: tuple[Signature, float] | None = None
        """A new signature and when it was first seen."""

    def settled(self, current: Signature, exhibit_file: Path) -> bool:
        """True (once) when `current` is a change that has stopped changing: load it now."""
        now = self.clock()
        if current == self._loaded:
            self._pending = None
            return False
        if self._pending is None or self._pending[0] != current:
            self._pending = (current, now)
            return False
        wait = SETTLE_MID_LINE if ends_mid_line(exhibit_file) else SETTLE
        if now - self._pending[1] < wait:
            return False
        self._loaded, self._pending = current, None
        return True

    def loaded(self, signature: Signature) -> None:
        """What is on screen now (a reload may name other media files)."""
        self._loaded = signature


def ends_mid_line(path: Path) -> bool:
    """True if the regular file at `path` is not empty and its last byte is no line break.
    Opened without blocking: a FIFO put in its place must not hang the kiosk."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            return False
        return os.pread(descriptor, 1, info.st_size - 1) not in (b"\n", b"\r")
    except OSError:
        return False
    finally:
        os.close(descriptor)
