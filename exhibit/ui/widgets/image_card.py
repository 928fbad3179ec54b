"""An image shown as its words: alt text in a frame, caption and credit beneath."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import ImageRef
from .. import words


class ImageCard(Vertical):
    """A framed card standing for one image (pixels arrive with the images work)."""

    def __init__(self, image: ImageRef) -> None:
        super().__init__()
        self.image = image

    def compose(self) -> ComposeResult:
        with Vertical(classes="image-frame") as frame:
            frame.border_title = words.DESCRIBED_IMAGE
            yield Static(Content(self.image.alt), classes="image-alt")
        if self.image.caption:
            yield Static(Content(self.image.caption), classes="image-caption")
        if self.image.credit:
            yield Static(Content(self.image.credit), classes="image-credit")
