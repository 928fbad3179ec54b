"""One panel: theme and period, title, body, images, facts and sources; the strip below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Exhibit, Panel
from ..widgets.facts_box import FactsBox
from ..widgets.header import ExhibitHeader
from ..widgets.image_card import ImageCard
from ..widgets.markdown_text import MarkdownText
from ..widgets.nav_strip import NavStrip
from ..widgets.source_list import SourceList
from ..words import words_of
from .base import Page, ScrollingScreen


class PanelScreen(ScrollingScreen):
    def __init__(self, exhibit: Exhibit, number: int) -> None:
        super().__init__()
        self.exhibit = exhibit
        self.number = number
        self.panel: Panel = exhibit.panels[number - 1]

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
        self.set_timer(1.0, lambda: self.kiosk.prewarm(self.number + 1))

    def on_image_card_chosen(self, message: ImageCard.Chosen) -> None:
        self.kiosk.show_image(message.index)
