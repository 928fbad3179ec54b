"""One panel: theme and period, title, lead, facts and the lead picture near the top; the body
as a second layer the visitor opens on purpose (key m or the "Read more ▼" target: the
journey's State.more); a line of source ids (the full entries are on the closing page); a QR
code of the panel's web page where the exhibit has a site and the screen has room; the strip
below. A panel without a lead shows its body at once.

Keys reach the images without any hidden focus: Down past the end of the text chooses the
first image (it is marked, with "Enter  full screen" under it), Down again the next; Up goes
back towards the text. Enter opens the chosen image, and is "next page" when none is chosen.
Which image is chosen is the journey's (exhibit/journey.py); this page marks it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Exhibit, Panel
from ...site.addresses import panel_address
from ..images import ImageSettings
from ..messages import PictureLaid
from ..widgets.facts_box import FactsBox
from ..widgets.header import ExhibitHeader
from ..widgets.image_card import ImageCard
from ..widgets.markdown_text import MarkdownText
from ..widgets.more_toggle import MoreToggle
from ..widgets.nav_strip import NavStrip
from ..widgets.picture import prewarm
from ..widgets.qr_block import QRBlock
from ..words import Words
from .base import Page, ScrollingScreen


class PanelScreen(ScrollingScreen):
    def __init__(
        self,
        exhibit: Exhibit,
        number: int,
        words: Words,
        settings: ImageSettings,
        *,
        next_language: str = "",
        language: str = "",
        box: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(words)
        self.exhibit = exhibit
        self.number = number
        self.settings = settings
        self.next_language = next_language
        self.language = language
        """The language this page is in (for the address of its web page)."""
        self.box = box
        """The pixel box of the last picture laid out: the size to prepare pictures at."""
        self.panel: Panel = exhibit.panels[number - 1]
        self.chosen: int | None = None
        """The image chosen with the keys, by its index in the panel; None: the text."""
        self.more = False
        """The second layer (the body, after a lead) is open."""
        self._large = False
        """The layout the chosen image was brought into view in (the app's -large class)."""
        self.address = panel_address(exhibit, self.panel.id, language)
        """The panel's web page, for its QR code ("" without a website)."""
        self.has_aside = bool(self.panel.images or self.panel.facts or self.address)

    def compose(self) -> ComposeResult:
        panel = self.panel
        total = len(self.exhibit.panels)
        yield ExhibitHeader(
            self.exhibit.title, self.words.POSITION.format(number=self.number, total=total)
        )
        with Vertical(id="heading"):
            theme = "  ·  ".join(part for part in (panel.label.upper(), panel.period) if part)
            yield Static(Content(theme), classes="theme-line")
            yield Static(Content(panel.title), classes="panel-title")
        with Page(id="page"), Horizontal(id="columns"):
            with Vertical(id="text"):
                if panel.lead.strip():
                    yield MarkdownText(panel.lead, classes="lead")
                    if panel.body.strip():
                        yield MoreToggle(self.words)
                        yield MarkdownText(panel.body, classes="body more-layer")
                else:
                    yield MarkdownText(panel.body, classes="body")
                if panel.sources:
                    ids = ", ".join(panel.sources)
                    yield Static(
                        Content(self.words.SOURCE_IDS.format(ids=ids)), classes="source-ids"
                    )
            if self.has_aside:
                with Vertical(id="aside"):
                    # The facts and the lead picture first, near the top; the QR code after them.
                    if panel.facts:
                        yield FactsBox(panel.facts, self.words.FACTS)
                    cards = [
                        ImageCard(image, self.settings, index, self.words, self.box)
                        for index, image in enumerate(panel.images)
                    ]
                    yield from cards[:1]
                    if self.address:
                        yield QRBlock(self.address, self.words.PANEL_QR, classes="panel-qr")
                    yield from cards[1:]
        yield NavStrip(self.exhibit, self.number, self.words, self.next_language)

    def on_mount(self) -> None:
        # After this page's own pictures have had their turn, get the next page's ready.
        self.set_timer(1.0, self._prewarm_next)

    def _prewarm_next(self) -> None:
        if self.number < len(self.exhibit.panels) and self.box is not None:
            prewarm(self.app, self.settings, self.box, self.exhibit.panels[self.number].images)

    def on_page_relaid(self, message: Page.Relaid) -> None:
        # A chosen image stays in view however the page is laid out anew, and whenever that
        # happens: on a slow machine a picture above it may be made ready after the text was
        # made larger, moving it down once more.
        message.stop()
        if self.chosen is not None:
            self.call_after_refresh(self.choose, self.chosen)

    def on_picture_laid(self, message: PictureLaid) -> None:
        self.box = message.box  # and on to the app, for the pages built after this one

    def next_image_due(self) -> bool:
        """↓ now chooses the first image rather than scrolling (the journey goes on from one
        chosen image to the next by itself): the body text's end is in view, or the image is
        in view and the next scroll would carry it off the top (beside a long text, on wide
        screens). So the view only ever moves on: no image is chosen after it scrolled away."""
        for page in self.query("#page").results(Page):
            if page.scroll_y >= page.max_scroll_y:
                return True
            view = page.content_region
            cards = [card for card in self.query(ImageCard) if card.index == 0]
            texts = list(self.query("#text"))
            if texts and texts[0].region.bottom <= view.bottom:
                return True
            step = max(1, page.size.height // 3)  # as ScrollingScreen.scroll_text
            return any(view.y <= card.region.y < view.y + step for card in cards)
        return False

    def choose(self, index: int | None) -> None:
        """Mark the image at `index` (None: none) and bring it into view."""
        self.chosen = index
        self._large = self.app.has_class("-large")
        for card in self.query(ImageCard):
            card.set_class(card.index == index, "-chosen")
            if card.index == index:
                card.scroll_visible(animate=False, immediate=True)

    def follow(self, chosen: int | None) -> None:
        """Mark the journey's chosen image; after + or - (a new layout) bring it into view
        again once the page is laid out anew."""
        if chosen != self.chosen:
            self.choose(chosen)
        elif chosen is not None and self.app.has_class("-large") != self._large:
            self._large = self.app.has_class("-large")
            self.call_after_refresh(self.choose, chosen)

    def show_more(self, more: bool) -> None:
        """Open (or close) the second layer; opened, it is brought into view under its target."""
        self.more = more
        self.set_class(more, "-more")
        for toggle in self.query(MoreToggle):
            toggle.show_open(more)
            if more:
                self.call_after_refresh(toggle.scroll_visible, top=True, animate=False)

    def reset_view(self) -> None:
        super().reset_view()
        self.choose(None)
        self.show_more(False)
