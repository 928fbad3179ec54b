"""Try the proposed performance fixes without editing exhibit/ (run by hand).

    python3 bench/try_fixes.py FIXES [kiosk.py arguments ...]
    python3 bench/run.py --try FIXES          # the same, measured against the bare app

FIXES is a comma-separated list (or "all") of the changes proposed in bench/README.md, applied
here by monkeypatching before the kiosk starts, so that each can be measured in the real pty:

  reuse    keep each page's screen (installed per position, language, description mode and
           exhibit) and switch back to it instead of composing a new one; back at the top
  gc       gc.freeze() once the title is up, gen-2 collections only when input has been quiet
           for 2 s (gc.set_threshold(5000, 20, 10**9) and a timer)
  gutter   `#page { scrollbar-gutter: stable; }`: one layout width, one picture decode
  sources  SourceList as one Static holding a Rich grid instead of 1 + 3 widgets per source
  facts    FactsBox likewise (one Static instead of 3 widgets per fact)
  webp     import Pillow's four plugins so that Image.open(formats=...) never runs init()
  fields   cache msgspec.structs.fields and typing.get_type_hints per class (exhibit loading)
  guards   Up/Down on a page not composed yet scroll nothing (instead of NoMatches, which ends
           the kiosk with status 70), and a demo step with no screen does nothing

These are sketches to measure, not the finished changes: the look of sources and facts is
close but not identical, and a kept screen is not refreshed by a live reload.
"""

from __future__ import annotations

import functools
import gc
import sys
import typing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXES = ("reuse", "gc", "gutter", "sources", "facts", "webp", "fields", "guards")


def fields() -> None:
    import msgspec

    msgspec.structs.fields = functools.cache(msgspec.structs.fields)  # type: ignore[assignment]
    hints = typing.get_type_hints
    cached = functools.cache(lambda cls, extras: hints(cls, include_extras=extras))

    def get_type_hints(obj, *args, include_extras=False, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(obj, type) and not args and not kwargs:
            return cached(obj, include_extras)
        return hints(obj, *args, include_extras=include_extras, **kwargs)

    typing.get_type_hints = get_type_hints


def webp() -> None:
    from PIL import GifImagePlugin, JpegImagePlugin, PngImagePlugin, WebPImagePlugin  # noqa: F401


def reuse() -> None:
    from exhibit.ui.app import KioskApp
    from exhibit.ui.screens.base import ScrollingScreen

    make = KioskApp.screen_for

    def screen_for(self: KioskApp, position: int):  # type: ignore[no-untyped-def]
        generation = (self.language, self.images.describe, id(self.exhibit))
        kept: dict[int, str] = self.__dict__.setdefault("_kept", {})
        if self.__dict__.get("_generation") != generation:  # words or pictures changed
            for name in kept.values():
                if all(self.get_screen(name) is not s for s in self.screen_stack):
                    self.uninstall_screen(name)
            kept.clear()
            self.__dict__["_generation"] = generation
            self.__dict__["_round"] = self.__dict__.get("_round", 0) + 1
        if position not in kept:
            kept[position] = f"page-{position}-{self.__dict__['_round']}"
            self.install_screen(make(self, position), kept[position])
        return self.get_screen(kept[position])

    def on_screen_resume(self: ScrollingScreen) -> None:
        for page in self.query("#page"):
            page.scroll_home(animate=False)

    KioskApp.screen_for = screen_for  # type: ignore[method-assign]
    ScrollingScreen.on_screen_resume = on_screen_resume  # type: ignore[attr-defined]


def collect_when_quiet() -> None:
    from exhibit.ui.app import KioskApp

    mounted = KioskApp.on_mount

    def on_mount(self: KioskApp) -> None:
        mounted(self)

        def freeze() -> None:
            gc.collect()
            gc.freeze()  # Textual, the exhibit and the title screen: never garbage
            gc.set_threshold(5000, 20, 10**9)  # young generations only, automatically
            self.set_interval(2.0, quiet_collect, name="gc")

        def quiet_collect() -> None:
            if self.clock() - self._last_input >= 2.0 and gc.get_count()[2] > 0:
                gc.collect()

        self.call_after_refresh(freeze)

    KioskApp.on_mount = on_mount  # type: ignore[method-assign]


def gutter() -> None:
    from exhibit.ui.app import KioskApp

    KioskApp.CSS = "#page { scrollbar-gutter: stable; }"


def _grid(rows: list[tuple[str, str]], first: int, style: str):  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table.grid(padding=(0, 0), expand=True)
    table.add_column(width=first, style=style, no_wrap=False)
    table.add_column(ratio=1)
    for left, right in rows:
        table.add_row(left, right)
    return table


def sources() -> None:
    from textual.content import Content
    from textual.widgets import Static

    from exhibit.ui.widgets.source_list import SourceList

    def compose(self: SourceList):  # type: ignore[no-untyped-def]
        yield Static(Content(self.title), classes="sources-title")
        yield Static(_grid([(s.id, s.text) for s in self.sources], 6, ""))

    SourceList.compose = compose  # type: ignore[method-assign]


def facts() -> None:
    from textual.widgets import Static

    from exhibit.text import cells
    from exhibit.ui.widgets.facts_box import MAX_LABEL, FactsBox

    def compose(self: FactsBox):  # type: ignore[no-untyped-def]
        width = min(max(cells(f.label) for f in self.facts), MAX_LABEL) + 2
        accent = f"bold {self.app.current_theme.accent or ''}".strip()
        yield Static(_grid([(f.label, f.text) for f in self.facts], width, accent))

    FactsBox.compose = compose  # type: ignore[method-assign]


def guards() -> None:
    from exhibit.ui.attendance import Attendance
    from exhibit.ui.screens.base import Page, ScrollingScreen

    def action_scroll_text(self: ScrollingScreen, direction: int) -> None:
        for page in self.query("#page").results(Page):  # none before the page is composed
            page.scroll_relative(y=direction * max(1, page.size.height // 3), animate=False)

    step = Attendance._demo_step

    def demo_step(self: Attendance) -> None:
        if self.screen_stack:  # a timer firing while the app shuts down
            step(self)

    ScrollingScreen.action_scroll_text = action_scroll_text  # type: ignore[method-assign]
    Attendance._demo_step = demo_step  # type: ignore[method-assign]


def apply(fixes: str) -> tuple[str, ...]:
    """Apply `fixes` ("all" or comma-separated names); the names applied."""
    chosen = FIXES if fixes == "all" else tuple(filter(None, fixes.split(",")))
    unknown = set(chosen) - set(FIXES)
    if unknown:
        raise SystemExit(f"unknown fixes {sorted(unknown)}; choose from {', '.join(FIXES)}")
    for fix in chosen:
        APPLY[fix]()
    return chosen


APPLY = {
    "reuse": reuse,
    "gc": collect_when_quiet,
    "gutter": gutter,
    "sources": sources,
    "facts": facts,
    "webp": webp,
    "fields": fields,
    "guards": guards,
}


def main() -> int:
    apply(sys.argv[1])
    from exhibit.cli import main as kiosk

    return kiosk(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
