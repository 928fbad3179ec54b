"""The recorder wired into the real kiosk app, as the app will call it after the journey
refactor of exhibit/ui: each hook below is the one line the app needs. Used by
tests/test_analytics_kiosk.py and bench/analytics.py."""

from __future__ import annotations

from textual import events

from exhibit.analytics.recorder import NoRecorder, Recorder
from exhibit.analytics.vocabulary import CLOSING, TITLE
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.image_view import ImageViewScreen
from exhibit.ui.theme import HIGH_CONTRAST


class RecordedKiosk(KioskApp):
    """The kiosk with its recorder (set `recorder` before running)."""

    recorder: Recorder | NoRecorder

    def on_mount(self) -> None:
        super().on_mount()
        self.recorder.choice_changed("language", self.language)
        self.recorder.page_shown(TITLE)

    def _start_attract(self) -> None:
        # Idle at the title, the kiosk goes back to its loop without a countdown or a reset:
        # that also ends a visit (no visit is open at start-up or after a reset).
        self.recorder.visit_ended("idle")
        super()._start_attract()
        self.recorder.attract_started()

    def _on_visitor_input(self, event: events.Event) -> bool:
        self.recorder.interaction()
        return super()._on_visitor_input(event)

    def show_page(self, position: int) -> None:
        super().show_page(position)
        page = TITLE if position == 0 else CLOSING if position == self.last_position else None
        self.recorder.page_shown(page or self.exhibit.panels[position - 1].id)

    def show_image(self, index: int) -> None:
        super().show_image(index)
        if isinstance(self.screen, ImageViewScreen):
            self.recorder.image_opened(self.current_panel.id, index)

    def skip_panel(self, direction: int) -> None:
        self.recorder.advisory_skipped(self.current_panel.id)
        super().skip_panel(direction)

    def set_language(self, language: str) -> None:
        super().set_language(language)
        self.recorder.choice_changed("language", language)

    def action_describe(self) -> None:
        super().action_describe()
        self.recorder.choice_changed("describe", self.images.describe)

    def action_contrast(self) -> None:
        super().action_contrast()
        self.recorder.choice_changed("contrast", self.theme == HIGH_CONTRAST.name)

    def action_larger(self) -> None:
        super().action_larger()
        self.recorder.choice_changed("large", True)

    def action_smaller(self) -> None:
        super().action_smaller()
        self.recorder.choice_changed("large", False)

    def reset_to_start(self) -> None:
        self.recorder.visit_ended("idle")
        super().reset_to_start()
        for mode in ("describe", "contrast", "large"):
            self.recorder.choice_changed(mode, False)
