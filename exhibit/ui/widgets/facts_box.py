"""The facts box: short dated or numbered lines beside the panel text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Fact
from .. import words


class FactsBox(Vertical):
    """A titled box of label / text pairs."""

    def __init__(self, facts: tuple[Fact, ...]) -> None:
        super().__init__()
        self.facts = facts
        self.border_title = words.FACTS

    def compose(self) -> ComposeResult:
        for fact in self.facts:
            with Horizontal(classes="fact"):
                yield Static(Content(fact.label), classes="fact-label")
                yield Static(Content(fact.text), classes="fact-text")
