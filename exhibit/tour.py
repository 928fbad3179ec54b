"""What the visitor's journey needs to know of an exhibit, and the values it is made of: the
stops (title, panels, closing page) and the visitor's own choices. No Textual here.

The values are msgspec Structs (made in C: the start does not compile a dataclass's
generated methods for each, ~0.5 ms apiece), except Choices and Tour, which the journey and
its tests copy with dataclasses.replace."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import msgspec

from .keys import Do
from .model import Exhibit


@dataclass(frozen=True)
class Choices:
    """What a visitor may change for themselves; all of it undone for the next visitor."""

    language: str = ""
    contrast: bool = False
    large: bool = False
    describe: bool = False
    """Every image shown as its words."""
    audio: bool = False
    """The page is being read aloud."""


class Stop(msgspec.Struct, frozen=True, order=True):
    """Where in the exhibit a visitor is: 0 the title, 1..count the panels, count+1 the
    closing page of sources and credits."""

    number: int
    count: int
    """How many panels the exhibit has."""

    @property
    def is_title(self) -> bool:
        return self.number == 0

    @property
    def is_closing(self) -> bool:
        return self.number == self.count + 1

    @property
    def panel(self) -> int | None:
        """The panel's index (from 0), None on the title and the closing page."""
        return self.number - 1 if 1 <= self.number <= self.count else None

    @property
    def after(self) -> int:
        """The next stop's number: after the closing page comes the title again."""
        return 0 if self.is_closing else self.number + 1

    @property
    def demo_next(self) -> int:
        """The attract loop's next stop: title, every panel, title (no closing page)."""
        return self.number + 1 if self.number < self.count else 0

    @classmethod
    def closing(cls, count: int) -> Stop:
        return cls(count + 1, count)


class PanelShape(msgspec.Struct, frozen=True):
    """What the journey needs of a panel."""

    id: str
    advisory: bool = False
    images: int = 0
    layers: bool = False
    """A lead and a body: the body is a second layer the visitor opens on purpose."""


@dataclass(frozen=True)
class Tour:
    """An exhibit as far as walking it goes, plus what this kiosk offers."""

    panels: tuple[PanelShape, ...]
    languages: tuple[str, ...] = ()
    """The languages offered here, the default first."""
    demo: bool = False
    """The attract loop runs when nobody is there."""
    audio: bool = False
    """A speech engine is installed: the page can be read aloud."""

    @classmethod
    def of(
        cls,
        exhibit: Exhibit,
        languages: tuple[str, ...] = (),
        *,
        demo: bool = False,
        audio: bool = False,
    ) -> Tour:
        shapes = tuple(
            PanelShape(
                p.id, bool(p.advisory), len(p.images), bool(p.lead.strip() and p.body.strip())
            )
            for p in exhibit.panels
        )
        return cls(shapes, languages, demo, audio)

    @property
    def defaults(self) -> Choices:
        return Choices(language=self.languages[0] if self.languages else "")

    def images(self, stop: Stop) -> int:
        """How many images the panel at `stop` has (none on the title and closing page)."""
        return self.panels[stop.panel].images if stop.panel is not None else 0


class Window(Enum):
    NONE = "none"
    ADVISORY = "advisory"
    INDEX = "index"
    HELP = "help"
    IMAGE = "image"
    STATUS = "status"
    """The staff status screen (kiosk.staff_status): any key or touch leaves it for the title."""


class Effect(Enum):
    """What the UI does besides showing the new state."""

    SHOW_PAGE = "show_page"
    """Show the stop's page anew, from its top (a new stop, language, description mode)."""
    SCROLL_UP = "scroll_up"
    SCROLL_DOWN = "scroll_down"
    SPEAK = "speak"
    STOP_SPEAKING = "stop_speaking"
    PASS = "pass"
    """The input is not the journey's: let the widget under it have it (the index list's
    arrows, the mouse wheel)."""


class Key(msgspec.Struct, frozen=True):
    name: str
    text_at_end: bool = False
    """For "down" on a panel: the text's end is in view (or the first image is about to
    scroll off the top beside it), so ↓ goes on to the images."""


class Tap(msgspec.Struct, frozen=True):
    """A touch (or click) on a target: the same requests as keys."""

    do: Do
    number: int = 0
    """The panel's number for Do.PANEL, the image's index for Do.IMAGE."""


class Touch(msgspec.Struct, frozen=True):
    """A finger or button coming down anywhere: it wakes the kiosk, nothing more."""


class Wheel(msgspec.Struct, frozen=True):
    """The mouse wheel: wakes the kiosk and scrolls what is under it."""


class Signal(Enum):
    DEMO_STEP = "demo_step"
    IDLE = "idle"
    """Nobody has touched anything for the idle timeout."""
    COUNTDOWN_END = "countdown_end"
    SPEECH_ENDED = "speech_ended"
    RESTART = "restart"
    """Back to a fresh title after an error (choices kept)."""
    STAFF_STATUS = "staff_status"
    """Staff typed the status key sequence (kiosk.staff_status)."""


Event = Key | Tap | Touch | Wheel | Signal
