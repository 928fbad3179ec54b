"""The visitor's journey, told to the recorder: one call per step of exhibit/journey.py.

The app feeds every key, touch and timer to the journey; `VisitLog.step` compares the state
before and after and tells the recorder what a museum wants to count (a page shown, a picture
opened, a choice changed, an advisory skipped, a visit begun or ended). The UI calls it in one
place and knows nothing of the figures. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..journey import Event, Key, Signal, State, Tap, Touch, Wheel, Window
from .vocabulary import CHOICES, CLOSING, HELP, INDEX, TITLE


class Recording(Protocol):
    """What VisitLog needs of a recorder (Recorder and NoRecorder have it)."""

    def attract_started(self) -> None: ...
    def page_shown(self, page: str) -> None: ...
    def choice_changed(self, name: str, value: str | bool) -> None: ...
    def image_opened(self, panel: str, number: int) -> None: ...
    def advisory_skipped(self, panel: str) -> None: ...
    def more_opened(self, panel: str) -> None: ...
    def interaction(self) -> None: ...
    def visit_ended(self, reason: str = "idle") -> None: ...
    def exhibit_changed(self, panels: Sequence[str]) -> None: ...
    def close(self, timeout: float = 5.0) -> None: ...


_VISITOR = (Key, Tap, Touch, Wheel)


class VisitLog:
    """Tells `recorder` what each step of the journey means for the visitor figures."""

    def __init__(self, recorder: Recording, state: State) -> None:
        self.recorder = recorder
        recorder.exhibit_changed(_panel_ids(state))
        if state.choices.language:
            recorder.choice_changed("language", state.choices.language)
        if state.attract:
            recorder.attract_started()
        recorder.page_shown(page_of(state))

    def step(self, before: State, after: State, event: Event | None = None) -> None:
        """`event` took the visitor from `before` to `after` (None: a reload or a jump)."""
        recorder = self.recorder
        if isinstance(event, _VISITOR):
            recorder.interaction()  # first: outside a visit it begins one, on the page shown
        idle_at_title = before.stop.is_title and before.window is Window.NONE
        if event is Signal.IDLE and idle_at_title and not (before.attract or before.countdown):
            recorder.visit_ended("idle")  # idle at the title: no countdown, no reset
        if event is Signal.COUNTDOWN_END and before.countdown:
            recorder.visit_ended("idle")
        if before.window is Window.ADVISORY and after.stop != before.stop:
            panel = before.stop.panel
            if panel is not None and not before.attract:
                recorder.advisory_skipped(before.tour.panels[panel].id)
        for name in CHOICES:
            old, new = getattr(before.choices, name), getattr(after.choices, name)
            if old != new:
                recorder.choice_changed(name, new)
        if after.attract and not before.attract:
            recorder.attract_started()
        shown = page_of(after)
        if shown != page_of(before) or after.stop != before.stop:
            recorder.page_shown(shown)
        opened = after.window is Window.IMAGE and (
            before.window is not Window.IMAGE or before.image != after.image
        )
        if opened and after.stop.panel is not None:
            recorder.image_opened(after.tour.panels[after.stop.panel].id, after.image)
        if after.more and not before.more and after.stop == before.stop:
            self.more_opened(after)

    def reloaded(self, before: State, after: State) -> None:
        """A new exhibit file is on screen."""
        if _panel_ids(after) != _panel_ids(before):
            self.recorder.exhibit_changed(_panel_ids(after))
        self.step(before, after)

    def more_opened(self, state: State) -> None:
        """The panel's second layer of text opened."""
        if state.stop.panel is not None:
            self.recorder.more_opened(state.tour.panels[state.stop.panel].id)

    def close(self) -> None:
        self.recorder.close()


def page_of(state: State) -> str:
    """The page a visitor sees in `state`, as the recorder names it: a panel's id, or the
    title, closing, index or help page. An advisory, a picture full screen and the countdown
    belong to the page under them."""
    if state.window is Window.INDEX:
        return INDEX
    if state.window is Window.HELP:
        return HELP
    if state.stop.is_title:
        return TITLE
    if state.stop.is_closing:
        return CLOSING
    panel = state.stop.panel
    return state.tour.panels[panel].id if panel is not None else TITLE


def _panel_ids(state: State) -> tuple[str, ...]:
    return tuple(panel.id for panel in state.tour.panels)
