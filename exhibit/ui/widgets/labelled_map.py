"""A picture with words over it: place names drawn as terminal text at their points, in the
visitor's language, sharp whatever draws the pixels; the legend under it.

The words are placed once the pixels are on screen, over the part of the box the picture
really covers (it is centred, and keeps its shape). Names that find no room are listed under
the picture, so none is lost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PIL import Image as PILImage
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...drawings.labels import place_labels
from ...drawings.pieces import Line, legend_lines
from ...model import ImageRef
from ..images import ImageSettings
from ..words import Words
from .picture import Picture
from .text_drawing import TextDrawing


class MapPicture(Picture):
    """A Picture that says when its pixels are on screen."""

    class Drawn(Message):
        pass

    def on_mount(self) -> None:
        if self.query(".pixels"):  # prepared already: part of the first layout
            self.call_after_refresh(self.post_message, self.Drawn())

    async def _show(self, prepared: PILImage.Image) -> None:
        await super()._show(prepared)
        self.call_after_refresh(self.post_message, self.Drawn())


class Legend(TextDrawing):
    def __init__(self, image: ImageRef) -> None:
        super().__init__(classes="map-legend")
        self.image = image

    def lines(self, width: int, height: int | None) -> Sequence[Line]:
        return legend_lines(self.image.legend, max(1, width))


class LabelledMap(Vertical):
    """The picture, its labels over it, the names that did not fit, and the legend."""

    def __init__(
        self,
        image: ImageRef,
        settings: ImageSettings,
        words: Words,
        box: tuple[int, int] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(classes="labelled-map")
        self.image = image
        self.settings = settings
        self.words = words
        self.box = box

    def compose(self) -> ComposeResult:
        yield MapPicture(self.image, self.settings, self.words, self.box)
        yield Static("", classes="map-left-out")
        if self.image.legend:
            yield Legend(self.image)

    def on_mount(self) -> None:
        # A page built ahead of its visitor (prebuild.py) is laid out off-stage, where the
        # picture may have no place yet: the words are placed again once it is on screen.
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self.place)

    def on_map_picture_drawn(self, event: MapPicture.Drawn) -> None:
        event.stop()
        self.call_after_refresh(self.place)

    def on_resize(self) -> None:
        self.call_after_refresh(self.place)

    async def place(self) -> None:
        """The labels over the pixels as they lie now, on the screen shown (off-stage, a
        picture may lie nowhere yet)."""
        if not self.is_attached or self.screen is not self.app.screen:
            return
        picture = self.query_one(MapPicture)
        await picture.query(".map-label").remove()
        pixels = list(picture.query(".pixels"))
        left_out_line = self.query_one(".map-left-out", Static)
        if not pixels:
            left_out_line.update(Content(" · ".join(label.text for label in self.image.labels)))
            return
        box, origin = pixels[0].region, picture.region
        # textual-image sends a Sixel picture at the start of the last row of its box: words
        # there hide the whole picture (seen in xterm; tests/test_real_terminals.py). They
        # keep off that row.
        rows = box.height - (1 if self.settings.mode == "sixel" else 0)
        placed, left_out = place_labels(self.image.labels, box.width, rows)
        words = []
        for label in placed:
            static = Static(Content(label.text), classes=f"map-label -{label.kind}")
            static.styles.offset = (box.x - origin.x + label.col, box.y - origin.y + label.row)
            words.append(static)
        await picture.mount_all(words)
        left_out_line.update(Content(" · ".join(label.text for label in left_out)))
        left_out_line.display = bool(left_out)
