"""Noticing that a curator saved exhibit.yaml or a media file, cheaply enough to ask every
second for months: a few stat() calls, no file reads, nothing that needs a thread."""

from __future__ import annotations

import os
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
