"""Pages kept once built, so that going back to a page (a visitor paging back and forth, the
attract loop going round) shows it at once.

Composing a panel page means Textual building, styling and laying out about a hundred widgets;
that was the largest part of a page turn (bench/README.md). A kept page is only laid out and
shown (restyled too if the theme or the layout classes changed meanwhile: screens/base.py).
Pages not visited yet are built onto the shelf while the kiosk is idle (prebuild.py).
The shelf holds one page per position for one edition of the exhibit (its language and whether
pictures are shown as words); anything else that changes what a page says (a reload, a return
to the title after an error) empties it, so a kept page is never out of date.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App


PageT = TypeVar("PageT", bound=Screen[None])


class PageShelf(Generic[PageT]):
    """At most one kept page per position, all of the same edition."""

    def __init__(self, app: App[Any], name: str = "page") -> None:
        self._app = app
        self._name = name
        """Prefix of the install names, so that two shelves never share one."""
        self._edition: Hashable = None
        self._pages: dict[int, PageT] = {}
        self._leaving: list[PageT] = []
        """Emptied pages that were on screen at the time (see let_go)."""
        self._round = 0
        """Counts emptyings, so that a page's install name is never reused."""

    def get(self, edition: Hashable, position: int, build: Callable[[], PageT]) -> PageT:
        """The kept page at `position`, or a new one from `build` (kept from now on)."""
        if edition != self._edition:
            self.empty()
            self._edition = edition
        page = self._pages.get(position)
        if page is None:
            page = self._pages[position] = build()
            # Installed, Textual keeps the screen when it leaves the stack instead of removing it.
            self._app.install_screen(page, f"{self._name}-{position}-{self._round}")
        return page

    def holds(self, edition: Hashable, position: int) -> bool:
        """A page for `position` of `edition` is kept."""
        return edition == self._edition and position in self._pages

    def __len__(self) -> int:
        return len(self._pages)

    def empty(self) -> None:
        """Forget every kept page. A page not on screen is removed now; one on screen stays
        installed until `let_go` is called once it has been replaced (Textual refuses to
        uninstall a screen on its stack)."""
        on_stack = set(self._app.screen_stack)
        for page in self._pages.values():
            if page in on_stack:
                self._leaving.append(page)
            else:
                self._app.uninstall_screen(page)
                page.remove()
        self._pages.clear()
        self._edition = None
        self._round += 1

    def let_go(self) -> None:
        """Call straight after replacing the screen: emptied pages that have just left the
        screen are uninstalled, so that Textual removes them as it finishes the switch."""
        on_stack = set(self._app.screen_stack)
        for page in [page for page in self._leaving if page not in on_stack]:
            self._app.uninstall_screen(page)
            self._leaving.remove(page)
