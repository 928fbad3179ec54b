"""One panel: theme and period, title, body, images, facts and sources; the strip below.

Keys reach the images without any hidden focus: Down past the end of the text chooses the
first image (it is marked, with "Enter  full screen" under it), Down again the next; Up goes
back towards the text. Enter opens the chosen image, and is "next page" when none is chosen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Exhibit, Panel
from ..widgets.facts_box import FactsBox
from ..widgets.header import ExhibitHeader
from ..widgets.image_card import ImageCard
from ..widgets.markdown_text import MarkdownText
from ..widgets.nav_strip import NavStrip
from ..widgets.picture import prewarm
from ..widgets.source_list import SourceList
from ..words import words_of
from .base import Page, ScrollingScreen


class PanelScreen(ScrollingScreen):
    BINDINGS = [
        Binding("enter", "enter", show=False),
        Binding("z", "zoom", show=False),
    ]

    def __init__(self, exhibit: Exhibit, number: int) -> None:
        super().__init__()
        self.exhibit = exhibit
        self.number = number
        self.panel: Panel = exhibit.panels[number - 1]
        self.chosen: int | None = None
        """The image chosen with the keys, by its index in the panel; None: the text."""

    def compose(self) -> ComposeResult:
        panel = self.panel
        total = len(self.exhibit.panels)
        yield ExhibitHeader(
            self.exhibit.title, words_of(self).POSITION.format(number=self.number, total=total)
        )
        with Vertical(id="heading"):
            theme = "  ·  ".join(part for part in (panel.label.upper(), panel.period) if part)
            yield Static(Content(theme), classes="theme-line")
            yield Static(Content(panel.title), classes="panel-title")
        with Page(id="page"), Horizontal(id="columns"):
            with Vertical(id="text"):
                yield MarkdownText(panel.body, classes="body")
                cited = tuple(s for i in panel.sources if (s := self.exhibit.source(i)))
                if cited:
                    yield SourceList(cited, words_of(self).SOURCES)
            if panel.images or panel.facts:
                with Vertical(id="aside"):
                    for index, image in enumerate(panel.images):
                        yield ImageCard(image, self.kiosk.images, index)
                    if panel.facts:
                        yield FactsBox(panel.facts)
        yield NavStrip(self.exhibit, self.number, self.kiosk.next_language)

    def on_mount(self) -> None:
        # After this page's own pictures have had their turn, get the next page's ready.
        self.set_timer(1.0, self._prewarm_next)

    def _prewarm_next(self) -> None:
        if self.number < len(self.exhibit.panels):
            prewarm(self.app, self.kiosk.images, self.exhibit.panels[self.number].images)

    def on_image_card_chosen(self, message: ImageCard.Chosen) -> None:
        self.kiosk.show_image(message.index)

    def action_scroll_text(self, direction: int) -> None:
        cards = list(self.query(ImageCard))
        last = len(cards) - 1
        if direction > 0 and self.chosen is not None and self.chosen < last:
            self.choose(self.chosen + 1)
            return
        if direction > 0 and self.chosen is None and cards and self._text_at_end():
            self.choose(0)
            return
        if direction < 0 and self.chosen is not None:
            self.choose(self.chosen - 1 if self.chosen > 0 else None)
            return
        super().action_scroll_text(direction)

    def _text_at_end(self) -> bool:
        return all(page.scroll_y >= page.max_scroll_y for page in self.query("#page"))

    def choose(self, index: int | None) -> None:
        """Mark the image at `index` (None: none) and bring it into view."""
        self.chosen = index
        for card in self.query(ImageCard):
            card.set_class(card.index == index, "-chosen")
            if card.index == index:
                card.scroll_visible(animate=False)

    def action_enter(self) -> None:
        if self.chosen is None:
            self.kiosk.action_next()
        else:
            self.kiosk.show_image(self.chosen)

    def action_zoom(self) -> None:
        self.kiosk.show_image(self.chosen or 0)

    def reset_view(self) -> None:
        super().reset_view()
        self.choose(None)
