"""A list of sources, each with its id, as cited at the foot of a page."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Source


class SourceList(Vertical):
    """Source ids and their citations; unknown ids never reach here (the loader refuses them).

    One table in one widget, not a row of widgets per source: a page cites up to twenty
    sources, and every widget costs time each time a visitor turns to the page."""

    def __init__(self, sources: tuple[Source, ...], title: str) -> None:
        super().__init__()
        self.sources = sources
        self.title = title

    def compose(self) -> ComposeResult:
        yield Static(Content(self.title), classes="sources-title")
        table = Table.grid(padding=(0, 1))
        table.add_column(width=5, no_wrap=True)
        table.add_column(ratio=1)
        for source in self.sources:
            table.add_row(Text(source.id), Text(source.text))
        yield Static(table, classes="sources")
