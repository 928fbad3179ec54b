"""The closing view after the last panel: credits, a QR code of the exhibit's website (when it
has one), and every source of the exhibit in full (panels show only their ids)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Exhibit
from ...site.addresses import exhibit_address
from ..widgets.header import ExhibitHeader
from ..widgets.markdown_text import MarkdownText
from ..widgets.nav_strip import NavStrip
from ..widgets.qr_block import QRBlock
from ..widgets.source_list import SourceList
from ..words import Words
from .base import Page, ScrollingScreen


class ClosingScreen(ScrollingScreen):
    def __init__(
        self, exhibit: Exhibit, words: Words, next_language: str = "", language: str = ""
    ) -> None:
        super().__init__(words)
        self.exhibit = exhibit
        self.next_language = next_language
        self.language = language
        """The language this page is in (for the address of the website's pages in it)."""

    def compose(self) -> ComposeResult:
        words = self.words
        yield ExhibitHeader(self.exhibit.title, words.END)
        with Vertical(id="heading"):
            yield Static(Content(words.SOURCES_AND_CREDITS), classes="panel-title")
        with Page(id="page"), Vertical(id="text"):
            if self.exhibit.exhibit.credits:
                yield MarkdownText(self.exhibit.exhibit.credits, classes="body")
            address = exhibit_address(self.exhibit, self.language)
            if address:
                yield QRBlock(address, words.EXHIBIT_QR, classes="exhibit-qr")
            if self.exhibit.sources:
                yield SourceList(self.exhibit.sources, words.SOURCES)
        yield NavStrip(self.exhibit, None, words, self.next_language)
