"""The pixels of one image, prepared off the UI thread; its words if they cannot be shown."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from PIL import Image as PILImage
from textual import events, work
from textual.app import App, ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ... import media
from ...model import ImageRef
from ..images import ImageSettings, pixels_per_cell, widget_class
from ..messages import PictureLaid
from ..words import Words


def prewarm(
    app: App[Any], settings: ImageSettings, box: tuple[int, int], images: Sequence[ImageRef]
) -> None:
    """Prepare `images` in the background at `box` (the size the last picture had), so that
    the page that shows them has its pictures at once."""
    if not settings.shows_pixels:
        return
    files = [image.file for image in images if image.file]
    background = background_of(app)

    def prepare() -> None:
        for file in files:
            with contextlib.suppress(FileNotFoundError, media.MediaError):
                settings.cache.get(media.resolve(settings.folder, file), box, background)

    app.run_worker(prepare, thread=True, group="prewarm", exclusive=True)


def background_of(app: App[Any]) -> tuple[int, int, int]:
    """The theme's background, on which transparent pixels are laid."""
    color = Color.parse(app.current_theme.background or "#000000")
    return (color.r, color.g, color.b)


class DescribedImage(Vertical):
    """The image as words: a framed alt text, and the long description where asked for."""

    def __init__(self, image: ImageRef, words: Words, *, long: bool = False) -> None:
        super().__init__(classes="image-frame")
        self.image = image
        self.long = long
        self.border_title = words.DESCRIBED_IMAGE

    def compose(self) -> ComposeResult:
        yield Static(Content(self.image.alt), classes="image-alt")
        if self.long and self.image.description:
            yield Static(Content(self.image.description), classes="image-description")


class Picture(Widget):
    """Fills its box with the image, scaled to fit; the description card if that fails."""

    def __init__(
        self,
        image: ImageRef,
        settings: ImageSettings,
        words: Words,
        box: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(classes="picture")
        self.image = image
        self.settings = settings
        self.words = words
        self.box_hint = box
        """The last picture's box: most pictures are laid out at that size."""
        self._box: tuple[int, int] | None = None

    def render(self) -> str:
        """A quiet, empty frame while the pixels are prepared (not Textual's "Picture.picture")."""
        return ""

    def compose(self) -> ComposeResult:
        # Most pictures are laid out at the size of the last one: if that is prepared
        # already, it is part of the first layout instead of arriving after it.
        box = self.box_hint
        cached = self._cached(box, self._background()) if box else None
        if cached is not None:
            self._box = box
            yield self._pixels(cached)

    def on_resize(self, event: events.Resize) -> None:
        per_cell = pixels_per_cell(self.settings.mode)
        box = (event.size.width * per_cell[0], event.size.height * per_cell[1])
        if box != self._box and min(event.size) > 0:
            self._box = box
            self.post_message(PictureLaid(box))
            background = self._background()
            cached = self._cached(box, background)
            if cached is not None:  # prepared for an earlier visitor: no thread, no wait
                self.call_later(self._show, cached)
            else:
                self._load(box, background)

    def _cached(
        self, box: tuple[int, int], background: tuple[int, int, int]
    ) -> PILImage.Image | None:
        try:
            path = media.resolve(self.settings.folder, self.image.file or "")
            return self.settings.cache.peek(path, box, background)
        except (FileNotFoundError, media.MediaError):
            return None

    def _background(self) -> tuple[int, int, int]:
        return background_of(self.app)

    @work(thread=True, exclusive=True, group="picture")
    def _load(self, box: tuple[int, int], background: tuple[int, int, int]) -> None:
        """In a thread: decoding a camera JPEG takes long enough to freeze the screen."""
        file = self.image.file or ""
        try:
            path = media.resolve(self.settings.folder, file)
            prepared = self.settings.cache.get(path, box, background)
        except (FileNotFoundError, media.MediaError):
            self.app.call_from_thread(self.call_later, self._show_words)
            return
        self.app.call_from_thread(self.call_later, self._show, prepared)

    def _pixels(self, prepared: PILImage.Image) -> Widget:
        cls: Any = widget_class(self.settings.mode)
        pixels: Widget = cls(prepared, classes="pixels")
        # Sized in cells from the prepared pixels, so that they are drawn 1:1, unscaled.
        across, down = pixels_per_cell(self.settings.mode)
        pixels.styles.width = max(1, -(-prepared.width // across))
        pixels.styles.height = max(1, -(-prepared.height // down))
        return pixels

    async def _show(self, prepared: PILImage.Image) -> None:
        if not self.is_attached:
            return
        pixels = self._pixels(prepared)
        await self.remove_children()
        await self.mount(pixels)

    async def _show_words(self) -> None:
        if self.is_attached:
            await self.remove_children()
            await self.mount(DescribedImage(self.image, self.words))
            self.add_class("-words")
