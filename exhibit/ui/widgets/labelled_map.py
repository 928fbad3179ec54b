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
from textual.geometry import Region
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
        self._placed_for: Region | None = None
        """The pixels' box the words were placed for (see _where)."""

    def compose(self) -> ComposeResult:
        yield MapPicture(self.image, self.settings, self.words, self.box)
        yield Static("", classes="map-left-out")
        if self.image.legend:
            yield Legend(self.image)

    def on_mount(self) -> None:
        # The words stand where the pixels lie on the screen shown, and move when they do: a
        # page built ahead of its visitor (prebuild.py) is laid out off-stage, where the
        # picture lies nowhere yet; and a picture can settle a row away after its first
        # drawing (a Sixel one once the terminal has told its cell size), which left words on
        # its last row, where they hide the whole picture (seen in xterm).
        self.app.screen_change_signal.subscribe(self, self._check)
        self.screen.screen_layout_refresh_signal.subscribe(self, self._check)

    def on_map_picture_drawn(self, event: MapPicture.Drawn) -> None:
        # New pixels: the words are written again after them, even where they stood already
        # (a Sixel picture covers the words written before it: seen full screen in xterm).
        event.stop()
        self._placed_for = None
        self._check()

    def on_resize(self) -> None:
        self._check()

    def _check(self, _screen: Screen[Any] | None = None) -> None:
        if self._where() != self._placed_for:
            self.call_after_refresh(self.place)

    def _where(self) -> Region | None:
        """The pixels' box, from the picture's corner, if they are on the screen shown."""
        if not self.is_attached or self.screen is not self.app.screen:
            return None
        pixels = list(self.query(".pixels"))
        if not pixels:
            return None
        box, origin = pixels[0].region, self.query_one(MapPicture).region
        return box.translate((-origin.x, -origin.y))

    async def place(self) -> None:
        """The labels over the pixels as they lie now, on the screen shown (off-stage, a
        picture may lie nowhere yet)."""
        if not self.is_attached or self.screen is not self.app.screen:
            return
        where = self._where()
        if where is not None and where == self._placed_for:
            return
        self._placed_for = where  # before the awaits: a second call meanwhile does nothing
        picture = self.query_one(MapPicture)
        await picture.query(".map-label").remove()
        pixels = list(picture.query(".pixels"))
        left_out_line = self.query_one(".map-left-out", Static)
        if not pixels:
            left_out_line.update(Content(" · ".join(label.text for label in self.image.labels)))
            return
        box, origin = pixels[0].region, picture.region
        self._placed_for = box.translate((-origin.x, -origin.y))
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
