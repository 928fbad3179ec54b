"""Sixel pictures that xterm draws in their own colours, from their first row.

textual-image's encoder defines each colour register where it is first used (`#1;2;0;100;100`)
and then draws with it straight away, counting on the definition to select the register, as
the VT340 manual and most terminals do. xterm does not: a definition leaves the current register
as it was, so everything drawn before the first plain selection (`#1`) comes out in whatever
colour that register held. On screen that is a wrong-coloured strip, one or two sixel bands
high, across the top of every picture (seen in xterm 379 -ti vt340, Debian 12, with
textual-image 0.12.0; ImageMagick's encoder, which selects after defining, draws the same image
correctly). Following every definition with its selection costs a few bytes per colour and means
the same to every terminal.
"""

from __future__ import annotations

import re
from typing import Any

from textual.app import ComposeResult
from textual_image.widget import sixel

_DEFINITION = re.compile(r"#(\d+);2;(\d+;\d+;\d+)")
"""A colour register defined in RGB percentages: `#register;2;red;green;blue`."""


def select_defined_colours(sixels: str) -> str:
    """The same image, with each colour register selected where it is defined."""
    return _DEFINITION.sub(r"#\1;2;\2#\1", sixels)


class _Encoder(sixel._ImageSixelImpl):
    """textual-image's inner Sixel widget, its encoding passed through select_defined_colours
    (its result is what textual-image caches, so this runs once per picture and size)."""

    def _image_to_sixels(self, *args: Any, **kwargs: Any) -> str:
        return select_defined_colours(super()._image_to_sixels(*args, **kwargs))


class SixelImage(sixel.Image, Renderable=sixel._NoopRenderable):
    """textual-image's Sixel widget (its CSS type name included), drawing through _Encoder."""

    def compose(self) -> ComposeResult:
        yield _Encoder(self.image, self._sixel_options)
