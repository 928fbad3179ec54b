"""One image of a panel: its picture (or its words), caption and credit. Click to enlarge;
or choose it with the keys (the page marks it) and press Enter."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ...model import ImageRef
from ..images import ImageSettings
from ..words import words_of
from .drawn_image import drawn_widget
from .picture import DescribedImage, Picture


class ImageCard(Vertical):
    """The picture where the terminal can draw it, its description card where it cannot."""

    class Chosen(Message):
        """The visitor clicked or touched the image at `index` of the panel."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, image: ImageRef, settings: ImageSettings, index: int) -> None:
        super().__init__()
        self.image = image
        self.settings = settings
        self.index = index

    def compose(self) -> ComposeResult:
        drawn = drawn_widget(self.image, self.settings)  # a chart, a timeline, a labelled map
        if drawn is not None:
            yield drawn
        elif self.settings.shows_pixels and self.image.file:
            yield Picture(self.image, self.settings)
        else:
            yield DescribedImage(self.image)
        if self.image.caption:
            yield Static(Content(self.image.caption), classes="image-caption")
        if self.image.credit:
            yield Static(Content(self.image.credit), classes="image-credit")
        yield Static(Content(words_of(self).CHOSEN_IMAGE_HINT), classes="image-hint")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self.index))
