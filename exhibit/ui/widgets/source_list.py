"""A list of sources, each with its id, as cited at the foot of a page."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Source


class SourceList(Vertical):
    """Source ids and their citations; unknown ids never reach here (the loader refuses them)."""

    def __init__(self, sources: tuple[Source, ...], title: str) -> None:
        super().__init__()
        self.sources = sources
        self.title = title

    def compose(self) -> ComposeResult:
        yield Static(Content(self.title), classes="sources-title")
        for source in self.sources:
            with Horizontal(classes="source"):
                yield Static(Content(source.id), classes="source-id")
                yield Static(Content(source.text), classes="source-text")
