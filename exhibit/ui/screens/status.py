"""The staff status screen (kiosk.staff_status keys): what the kiosk is showing and how the
machine is doing, at a glance. Any key or touch leaves it for the title (the journey says so)."""

from __future__ import annotations

import time

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...status import Status, describe_uptime
from ..words import StaffWords, Words
from .base import KioskOverlay

PROBLEMS_SHOWN = 4
"""Problems of the last reload listed on screen (the log has them all)."""
OTHER_LINES = 9
"""Lines of the window besides facts and log lines: frame, padding, title, hint, headings."""
LABEL_CELLS = 16
"""Terminal cells for a fact's label (a Japanese character takes two), then a space."""


class StatusScreen(KioskOverlay):
    def __init__(self, words: Words, status: Status) -> None:
        super().__init__(words)
        self.status = status
        self.staff = words.STAFF
        """The labels, in the language the kiosk shows now."""

    def compose(self) -> ComposeResult:
        staff = self.staff
        with Vertical(id="status-window", classes="overlay-window"):
            yield Static(Content(staff.TITLE), id="status-title")
            yield Static(Content(staff.LEAVE), id="status-leave")  # first: never cut off
            rows = facts(self.status, staff)
            for label, value in rows:
                yield Static(Content(f"{padded(label)} {value}"), classes="status-fact")
            # The newest log lines that fit below the facts (the log file has the rest).
            room = self.app.size.height - OTHER_LINES - len(rows)
            tail = self.status.log_tail[-room:] if room > 0 else ()
            if tail:
                yield Static(Content(staff.LOG), classes="status-heading")
                for line in tail:
                    yield Static(Content(line), classes="status-log")


def padded(label: str) -> str:
    """`label` filled out to LABEL_CELLS cells, so that the values line up in any script."""
    return label + " " * max(0, LABEL_CELLS - cell_len(label))


def facts(status: Status, staff: StaffWords) -> list[tuple[str, str]]:
    """(label, value) lines, in the order staff read them."""
    rows = [
        (staff.VERSION, status.version),
        (staff.EXHIBIT, status.exhibit_file),
        (staff.CHECKSUM, f"sha256 {status.exhibit_sha256}"),
        (staff.LAST_RELOAD, _reload(status, staff)),
    ]
    reload = status.last_reload
    rows += [("", f"· {problem}") for problem in (reload.problems if reload else ())][
        :PROBLEMS_SHOWN
    ]
    rows += [
        (staff.UPTIME, describe_uptime(status.uptime, staff.UPTIME_UNITS)),
        (staff.MEMORY, _megabytes(status.memory_mb, staff)),
        (staff.TEMPERATURE, _celsius(status.cpu_temperature_c, staff)),
        (staff.FREE_DISK, _megabytes(status.free_disk_mb, staff)),
        (staff.VISITORS, _visitors(status, staff)),
    ]
    return rows


def _reload(status: Status, staff: StaffWords) -> str:
    reload = status.last_reload
    if reload is None:
        return staff.NEVER
    at = time.strftime("%Y-%m-%d %H:%M", time.localtime(reload.at))
    return f"{at}  {staff.ACCEPTED if reload.accepted else staff.REFUSED}"


def _megabytes(value: float | None, staff: StaffWords) -> str:
    if value is None:
        return staff.NOT_REPORTED
    return f"{value / 1024:.1f} GB" if value >= 1024 else f"{value:.0f} MB"


def _celsius(value: float | None, staff: StaffWords) -> str:
    return staff.NOT_REPORTED if value is None else f"{value:.1f} °C"


def _visitors(status: Status, staff: StaffWords) -> str:
    if status.visitors_today is None or status.visitors_week is None:
        return staff.NOT_RECORDED
    return staff.VISITOR_FIGURES.format(today=status.visitors_today, week=status.visitors_week)
