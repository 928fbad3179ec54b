"""Pictures of every page of an exhibit, without a terminal: `kiosk --screenshot DIR`.

The real KioskApp runs headless at the size asked for and is walked page by page the way a
visitor would: the title, each panel (with its second layer opened, if it has one, and each of
its images full screen), the index, help and
the closing page of sources. One SVG per page, named so that the files sort in that order;
any web browser opens them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual.pilot import Pilot

from ..journey import Do, Window
from ..model import Exhibit

if TYPE_CHECKING:
    from .app import KioskApp


@dataclass(frozen=True)
class Page:
    """One picture to take: the file, the page under it, and a window opened over that page."""

    filename: str
    position: int
    """0 the title, 1..N the panels, N+1 the closing page (as KioskApp counts)."""
    window: Literal["", "image", "index", "help", "advisory", "more"] = ""
    """A window over the page; "more" is the panel's second layer of text opened."""
    image: int = 0
    """With window "image": which of the panel's images, from 0."""

    def show(self, app: KioskApp) -> None:
        app.go(self.position)  # also closes the window of the page before
        if self.window != "advisory" and app.state.window is Window.ADVISORY:
            app.ask(Do.CLOSE)  # the advisory that going to a panel shows first
        if self.window == "image":
            app.ask(Do.IMAGE, self.image)
        elif self.window == "index":
            app.ask(Do.INDEX)
        elif self.window == "help":
            app.ask(Do.HELP)
        elif self.window == "more":
            app.ask(Do.MORE)


def preview_pages(exhibit: Exhibit) -> list[Page]:
    """Every page to photograph, in visiting order, with a file name that sorts the same way.

    Two-digit numbers (three for an exhibit of 90 panels or more): 00 the title, then each
    panel by number and id, its second layer opened as `.with-more`, its images as `.zoom-N`
    after it, then the index and help (both over the title screen), and the closing page
    last (90, 91 and 99)."""
    count = len(exhibit.panels)
    width = 2
    while count >= 9 * 10 ** (width - 1):
        width += 1
    index = 9 * 10 ** (width - 1)

    def name(number: int, what: str) -> str:
        return f"{number:0{width}d}-{what}.svg"

    pages = [Page(name(0, "title"), 0)]
    for number, panel in enumerate(exhibit.panels, start=1):
        if panel.advisory:
            pages.append(Page(name(number, f"{panel.id}.advisory"), number, "advisory"))
        pages.append(Page(name(number, panel.id), number))
        if panel.lead.strip() and panel.body.strip():
            pages.append(Page(name(number, f"{panel.id}.with-more"), number, "more"))
        digits = len(str(len(panel.images)))
        for shown in range(len(panel.images)):
            zoom = f"{panel.id}.zoom-{shown + 1:0{digits}d}"
            pages.append(Page(name(number, zoom), number, "image", shown))
    return [
        *pages,
        Page(name(index, "index"), 0, "index"),
        Page(name(index + 1, "help"), 0, "help"),
        Page(name(10**width - 1, "sources"), count + 1),
    ]


def write_previews(app: KioskApp, folder: Path, size: tuple[int, int]) -> list[Path]:
    """Run `app` (a kiosk not yet started) headless at `size` and save one SVG per page in
    `folder` (created if missing; files of the same name are replaced, others are left alone).
    Returns the files. An exhibit in several languages gets one folder per language
    (`folder/en`, `folder/ja`).

    Pictures are shown as their words (description cards), as on a text-only terminal: an SVG
    cannot carry a graphics protocol. Textual holds stdout while it runs: report afterwards."""
    written: list[Path] = []
    languages = list(app.editions) if len(app.editions) > 1 else [""]

    async def walk(pilot: Pilot[object]) -> None:
        await _settle(pilot)
        for language in languages:
            while language and app.language != language:
                app.ask(Do.LANGUAGE)
            into = folder / language
            into.mkdir(parents=True, exist_ok=True)
            for page in preview_pages(app.exhibit):
                page.show(app)
                await _settle(pilot)
                path = Path(app.save_screenshot(filename=page.filename, path=str(into)))
                written.append(path)
        app.exit()

    app.run(headless=True, size=size, auto_pilot=walk)
    return written


async def _settle(pilot: Pilot[object]) -> None:
    """Until the new page has mounted, laid out and finished any animation."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
