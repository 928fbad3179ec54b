"""The facts box: short dated or numbered lines beside the panel text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...layout import MAX_FACT_LABEL
from ...model import Fact
from ...text import cells


class FactsBox(Vertical):
    """A titled box of label / text pairs."""

    def __init__(self, facts: tuple[Fact, ...], title: str) -> None:
        super().__init__()
        self.facts = facts
        self.border_title = title

    def compose(self) -> ComposeResult:
        # The label column fits the longest label (within reason), so "≈575,000–640,000" stays
        # on one line and short dates do not leave a gap. Measured in columns: 年 takes two.
        label_width = min(max(cells(fact.label) for fact in self.facts), MAX_FACT_LABEL) + 2
        for fact in self.facts:
            with Horizontal(classes="fact"):
                label = Static(Content(fact.label), classes="fact-label")
                label.styles.width = label_width
                yield label
                yield Static(Content(fact.text), classes="fact-text")
