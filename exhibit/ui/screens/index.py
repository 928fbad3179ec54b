"""The index: every panel with its period and a one-line summary; choose one to go there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...journey import Do
from ...model import Exhibit
from ..messages import Asked
from ..words import Words
from .base import KioskOverlay


class IndexScreen(KioskOverlay):
    def __init__(self, exhibit: Exhibit, current: int, words: Words) -> None:
        super().__init__(words)
        self.exhibit = exhibit
        self.current = current

    def compose(self) -> ComposeResult:
        options: list[Option | None] = []
        for number, panel in enumerate(self.exhibit.panels, start=1):
            heading = f"{number}  {panel.label.upper()}"
            parts: list[str | tuple[str, str]] = [(heading, "bold")]
            if panel.period:
                parts.append(f"  ·  {panel.period}")
            parts.append(f"\n{panel.title}")
            if panel.summary:
                parts.append((f"\n{panel.summary}", "italic"))
            if options:
                options.append(None)  # a separator line between panels
            options.append(Option(Content.assemble(*parts), id=f"panel-{number}"))
        with Vertical(id="index-window", classes="overlay-window") as window:
            window.border_title = self.words.INDEX
            window.border_subtitle = self.words.INDEX_HINT
            yield OptionList(*options, id="index-list")

    def on_mount(self) -> None:
        # Nothing to set up on a window closed by the next key before it mounted (found by
        # the 100,000-key mash: its list was already gone).
        for options in self.query(OptionList).results(OptionList):
            options.highlighted = max(0, self.current - 1)
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        number = int((event.option.id or "panel-0").removeprefix("panel-"))
        self.post_message(Asked(Do.PANEL, number))
