"""One image full screen, with its caption, credit and long description; ← → step through
(which image is the journey's: the app calls `show`). The top line's previous, next and close
are touch targets; a one-image panel offers no next image."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...journey import Do
from ...model import ImageRef
from ..images import ImageSettings
from ..messages import Asked
from ..widgets.drawn_image import drawn_widget
from ..widgets.picture import DescribedImage, Picture
from ..widgets.target import Target
from ..words import Words
from .base import KioskOverlay, Page


class ImageViewScreen(KioskOverlay):
    def __init__(
        self,
        images: tuple[ImageRef, ...],
        index: int,
        settings: ImageSettings,
        words: Words,
        box: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(words)
        self.box = box
        self.images = images
        self.index = index
        self.settings = settings

    @property
    def image(self) -> ImageRef:
        return self.images[self.index]

    def compose(self) -> ComposeResult:
        image = self.image
        with Vertical(id="viewer"):
            words = self.words
            counter = words.IMAGE_COUNTER.format(number=self.index + 1, total=len(self.images))
            with Horizontal(id="viewer-bar"):
                yield Static(Content(counter), id="viewer-counter")
                if len(self.images) > 1:  # no "next image" where there is none
                    yield Target(
                        words.VIEWER_PREVIOUS, Do.PREVIOUS_IMAGE, classes="viewer-previous"
                    )
                    yield Target(words.VIEWER_NEXT, Do.NEXT_IMAGE, classes="viewer-next")
                # Shown only while the words below are longer than their space.
                yield Target(words.TARGET_UP, Do.UP, classes="viewer-scroll")
                yield Target(words.TARGET_DOWN, Do.DOWN, classes="viewer-scroll")
                yield Target(words.VIEWER_CLOSE, Do.CLOSE, classes="viewer-close")
            # a chart, a timeline, a labelled map
            drawn = drawn_widget(image, self.settings, words, self.box)
            if drawn is not None and not image.drawn:
                yield drawn
            elif drawn is None and self.settings.shows_pixels and image.file:
                yield Picture(image, self.settings, words, self.box)
            scroll = Page(id="viewer-words")
            scroll.set_class(image.drawn, "-drawing")  # a chart or timeline scrolls with its words
            with scroll:
                if image.drawn and drawn is not None:
                    yield drawn
                elif drawn is None and not (self.settings.shows_pixels and image.file):
                    yield DescribedImage(image, words)
                if image.caption:
                    yield Static(Content(image.caption), classes="image-caption")
                if image.credit:
                    yield Static(Content(image.credit), classes="image-credit")
                if image.description:
                    yield Static(Content(image.description), classes="image-description")

    async def show(self, index: int) -> None:
        """Another of the panel's images, in place."""
        if index != self.index:
            self.index = index
            await self.recompose()

    def scroll_words(self, direction: int) -> None:
        # Up or Down can arrive while the view is still being composed (or recomposed after a
        # step): then there is nothing to scroll yet. Found by the 100,000-key mash.
        for words in self.query("#viewer-words").results(VerticalScroll):
            words.scroll_relative(y=direction * 3, animate=False)

    def on_page_overflows(self, message: Page.Overflows) -> None:
        message.stop()
        self.set_class(message.overflows, "-overflows")

    def on_click(self) -> None:
        self.post_message(Asked(Do.PAGE))
