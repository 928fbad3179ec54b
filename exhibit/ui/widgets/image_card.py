"""One image of a panel: its picture (or its words), caption and credit. Click to enlarge;
or choose it with the keys (the page marks it) and press Enter."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...journey import Do
from ...model import ImageRef
from ..images import ImageSettings
from ..messages import Asked
from ..words import Words
from .drawn_image import drawn_widget
from .picture import DescribedImage, Picture


class ImageCard(Vertical):
    """The picture where the terminal can draw it, its description card where it cannot."""

    def __init__(
        self,
        image: ImageRef,
        settings: ImageSettings,
        index: int,
        words: Words,
        box: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.image = image
        self.settings = settings
        self.index = index
        self.words = words
        self.box = box

    def compose(self) -> ComposeResult:
        # a chart, a timeline, a labelled map
        drawn = drawn_widget(self.image, self.settings, self.words, self.box)
        if drawn is not None:
            yield drawn
        elif self.settings.shows_pixels and self.image.file:
            yield Picture(self.image, self.settings, self.words, self.box)
        else:
            yield DescribedImage(self.image, self.words)
        if self.image.caption:
            yield Static(Content(self.image.caption), classes="image-caption")
        if self.image.credit:
            yield Static(Content(self.image.credit), classes="image-credit")
        yield Static(Content(self.words.CHOSEN_IMAGE_HINT), classes="image-hint")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Asked(Do.IMAGE, self.index))
