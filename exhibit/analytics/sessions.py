"""Visits read back from a kiosk's events: what each visitor saw, for how long, and how.

A visit is everything between its START and its END event; one with no END (the kiosk lost
power or was killed) ends at its last event, for the reason "interrupted".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .store import Event
from .vocabulary import MODES, Kind


@dataclass
class Visit:
    """One visit, as recorded. Times are seconds since 1970 (UTC)."""

    session: int
    start: float
    origin: str
    panels_total: int
    end: float = 0.0
    reason: str = "interrupted"
    views: list[tuple[str, float]] = field(default_factory=list)
    """(page, seconds on it), in the order shown."""
    touches: int = 0
    """Keys pressed and touches made."""
    language_seconds: dict[str, float] = field(default_factory=dict)
    modes: set[str] = field(default_factory=set)
    """Modes (vocabulary.MODES) switched on at some time during the visit."""
    images: list[tuple[str, int]] = field(default_factory=list)
    """(panel id, picture number) of each picture opened full screen."""
    skipped: list[str] = field(default_factory=list)
    more: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """The holding time: from the first key to the end of the visit."""
        return self.end - self.start

    @property
    def pages(self) -> int:
        """Pages shown, counting the one on screen when the visit began and each return."""
        return len(self.views)

    @property
    def panels_seen(self) -> set[str]:
        return set(self.reading_seconds)

    @property
    def diligent(self) -> bool:
        """Saw more than half of the exhibit's panels (Serrell's "diligent visitor")."""
        return len(self.reading_seconds) * 2 > self.panels_total

    @property
    def bounced(self) -> bool:
        """Fewer than two interactions: someone pressed a key and walked on."""
        return self.touches < 2

    @property
    def last_page(self) -> str:
        return self.views[-1][0] if self.views else ""

    @property
    def language(self) -> str:
        """The language read longest (the first chosen of equals); "" if none was noted."""
        if not self.language_seconds:
            return ""
        longest = max(self.language_seconds.values())
        return next(code for code, s in self.language_seconds.items() if s == longest)

    @cached_property
    def reading_seconds(self) -> dict[str, float]:
        """Seconds on each panel seen, all its showings added up (read once the visit is
        complete)."""
        totals: dict[str, float] = {}
        for page, seconds in self.views:
            if not page.startswith(":"):  # pages that are not panels begin with one
                totals[page] = totals.get(page, 0.0) + seconds
        return totals


_START, _PAGE, _TOUCH, _CHOICE = int(Kind.START), int(Kind.PAGE), int(Kind.TOUCH), int(Kind.CHOICE)
"""As plain integers: compared for every event of a year's report."""


class _Builder:
    """Follows one visit's events in order."""

    def __init__(self, session: int, t: float, origin: str, panels: int) -> None:
        self.visit = Visit(session, t, origin, panels, end=t)
        self.page: str | None = None
        self.page_since = t
        self.language = ""
        self.language_since = t

    def add(self, t: float, kind: int, name: str, value: str) -> None:
        visit = self.visit
        visit.end = t  # events come in the order they happened
        if kind == _PAGE:
            if self.page is not None:
                visit.views.append((self.page, t - self.page_since))
            self.page, self.page_since = name, t
        elif kind == _TOUCH:
            visit.touches += int(value)
        elif kind == _CHOICE:
            if name == "language":
                self._close_language(t)
                self.language = value
            elif name in MODES and value == "on":
                visit.modes.add(name)
        elif kind == Kind.IMAGE:
            visit.images.append((name, int(value)))
        elif kind == Kind.SKIP:
            visit.skipped.append(name)
        elif kind == Kind.MORE:
            visit.more.append(name)
        elif kind == Kind.END:
            visit.reason = name

    def _close_language(self, t: float) -> None:
        if self.language:
            seconds = self.visit.language_seconds
            seconds[self.language] = seconds.get(self.language, 0.0) + t - self.language_since
        self.language_since = t

    def finish(self) -> Visit:
        end = self.visit.end
        if self.page is not None:
            self.visit.views.append((self.page, end - self.page_since))
        self._close_language(end)
        if self.language and self.language not in self.visit.language_seconds:
            self.visit.language_seconds[self.language] = 0.0
        return self.visit


def visits(events: Iterable[Event]) -> Iterator[Visit]:
    """The visits in `events` (as store.events gives them), in the order they began."""
    current: _Builder | None = None
    for t_ms, session, kind, name, value in events:
        t = t_ms / 1000
        if current is not None and session != current.visit.session:
            yield current.finish()
            current = None
        if kind == _START:
            if current is not None:
                yield current.finish()
            current = _Builder(session, t, name, int(value))
        elif current is not None:
            current.add(t, kind, name, value)
    if current is not None:
        yield current.finish()
