"""One picture decoded at a time in the whole kiosk, and its memory given back afterwards.

Nothing here imports Textual or Pillow: media.py decodes inside one_decode().
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

_DECODING = threading.Lock()
"""One image is decoded at a time in the whole kiosk, whichever thread asks (a page's picture,
the full-screen view, pre-warming, the pages built while idle, the check of a reloaded
exhibit): two at once would double the memory MEMORY_BUDGET (media.py) promises."""


@contextmanager
def one_decode() -> Iterator[None]:
    """Wait for any other decode to end; when this one ends, give its memory back.

    glibc keeps what a thread frees in that thread's own heap for its next allocations, and
    each decode runs in whichever worker thread asked: a kiosk that prepared a few large
    pictures one after another held the leftovers of each, ~60 MB apiece, and went over
    the budget on the next one. malloc_trim returns the free pages of every heap."""
    with _DECODING:
        try:
            yield
        finally:
            _trim()


def _trim() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    import ctypes  # only once a picture is decoded: not at every start-up

    try:
        function: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return function
