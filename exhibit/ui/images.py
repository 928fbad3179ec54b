"""How this terminal shows pictures: decided once, before the app runs.

The terminal is asked what it supports (terminal_answers.py) before Textual takes over stdin;
so the choice is made here, from the command line, and handed to the app as a plain setting.
textual-image (which asks again when it is imported, then answered at once) is imported only
for the Sixel and Kitty modes.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..picture_modes import MODES
from .terminal_answers import Answers, ask, kitty_draws_placeholders

if TYPE_CHECKING:
    from ..media import PreparedCache

__all__ = ["MODES", "ImageSettings", "choose_mode", "pixels_per_cell", "widget_class"]

_TEXT_TERMINALS = ("linux", "dumb", "vt100", "vt102", "vt220")
"""Terminals (the Linux console among them) that cannot draw a picture worth looking at."""


def choose_mode(
    requested: str,
    environ: Mapping[str, str] = os.environ,
    tty: bool | None = None,
    answers: Answers | None = None,
) -> str:
    """The mode to use: `requested` unless it is "auto", which is resolved for this terminal
    from what it answers (`answers`: asked here when not given)."""
    if requested != "auto":
        return requested
    if tty is None:
        tty = sys.__stdout__ is not None and sys.__stdout__.isatty()
    if not tty:
        return "none"
    term = environ.get("TERM", "")
    if term in _TEXT_TERMINALS or "NO_COLOR" in environ:
        return "none"
    if "TMUX" not in environ:  # inside tmux the protocols need passthrough: half blocks instead
        answers = answers or ask()
        if answers.sixel:  # Sixel first, as textual-image chooses
            return _with_cell_size("sixel", answers)
        if answers.kitty_graphics:
            if kitty_draws_placeholders(answers):
                return _with_cell_size("kitty", answers)
            return "halfcell"  # an old kitty: never its boxes (it has no Sixel either)
    if "256" in term or environ.get("COLORTERM") in ("truecolor", "24bit"):
        return "halfcell"
    return "none"


def _with_cell_size(mode: str, answers: Answers) -> str:
    """`mode`, with pictures scaled to the cell size the terminal answered."""
    if answers.cell:
        from .workarounds import use_cell_size

        use_cell_size(answers.cell)
    return mode


def widget_class(mode: str) -> Any:
    """The widget class that draws a prepared picture in `mode` (None for words only).

    Graphics protocols are textual-image's; importing textual_image.widget measures the
    terminal's cell size, so call this before run(). Half blocks are the kiosk's own
    (widgets/half_blocks.py): they need no terminal query, and repaint from built lines."""
    if mode == "none":
        return None
    if mode == "halfcell":
        from .widgets.half_blocks import HalfBlocks

        return HalfBlocks
    if mode == "sixel":
        from .workarounds.sixel import SixelImage

        return SixelImage
    from textual_image import widget

    return widget.TGPImage


def pixels_per_cell(mode: str) -> tuple[int, int]:
    """How many image pixels one terminal cell shows, across and down."""
    if mode == "halfcell":
        return (1, 2)
    from .workarounds import cell_size

    return cell_size()


@dataclass
class ImageSettings:
    """What every picture on screen needs to know, handed down from the app."""

    mode: str = "none"
    folder: Path = Path(".")
    describe: bool = False
    """Description mode: every image replaced by its words, whatever the terminal can do."""
    _cache: PreparedCache | None = field(default=None, init=False, repr=False, compare=False)
    _making: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    @property
    def cache(self) -> PreparedCache:
        """Pictures prepared for the screen, kept; made on first use (from worker threads too):
        exhibit.media brings Pillow (~15 ms, 3 MB), which the title does not need."""
        with self._making:
            if self._cache is None:
                from ..media import PreparedCache

                self._cache = PreparedCache()
            return self._cache

    @property
    def shows_pixels(self) -> bool:
        return self.mode != "none" and not self.describe
