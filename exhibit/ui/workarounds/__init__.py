"""Every place the kiosk reaches past the public API of Textual or textual-image, in one place:
this module, terminal.py beside it (the kiosk against its terminal: input, output, hang-ups),
signals.py (signals, the shutdown deadline, the watchdog's ping) and sixel.py (Sixel colours
xterm draws right).

Each function says why it is needed. They depend on the exact versions pinned in pyproject.toml:
importing this module with any other version stops with a message saying what to re-check, so
that an upgrade cannot silently break the kiosk (wrapped Japanese text, unhealed errors...).
Private modules of Textual and textual-image (`textual._...`, `textual_image._...`) are imported
in terminal.py and nowhere else (a test checks).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.events import ScreenResume
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen

from ..line_breaking import kinsoku

PINNED = {"textual": "8.2.8", "textual-image": "0.12.0"}
"""The versions these workarounds were written for and tested with."""


def installed_version(package: str) -> str:
    """The installed version of `package`: from the name of the one dist-info folder beside
    it (pip's layout), which spares every start importing importlib.metadata and the email
    package it reads metadata with (~13 ms); else as importlib.metadata says."""
    module = package.replace("-", "_")
    spec = importlib.util.find_spec(module)
    if spec is not None and spec.origin:
        found = list(Path(spec.origin).parent.parent.glob(f"{module}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(module) + 1 : -len(".dist-info")]
    from importlib.metadata import version

    return version(package)


def check_versions(installed: Callable[[str], str] = installed_version) -> None:
    """Stop, with what to do, unless the pinned versions are the ones installed."""
    for package, pinned in PINNED.items():
        found = installed(package)
        if found != pinned:
            raise RuntimeError(
                f"{package} {found} is installed; the kiosk's workarounds "
                f"(exhibit/ui/workarounds/) were written for {pinned}. Install {package}=="
                f"{pinned}, or check each workaround against {found} and update PINNED."
            )


check_versions()


def japanese_line_breaking() -> None:
    """Japanese line breaking (line_breaking.py): Textual has no hook for where a line may
    break, so its `textual.content.divide_line` (Rich's, imported there) is wrapped. Once;
    safe to call again."""
    import textual.content

    current = getattr(textual.content, "divide_line")  # noqa: B009 - not exported
    if not getattr(current, "kinsoku", False):
        setattr(textual.content, "divide_line", kinsoku(current))  # noqa: B010


def first_theme(app: App[Any], name: str) -> None:
    """Start with theme `name` without the theme watcher: set before the stylesheet is first
    read, the watcher would parse every stylesheet again (~15 ms at start-up); the class it
    would set is set here."""
    app.set_reactive(App.theme, name)
    app.set_class(True, f"-theme-{name}")
    app.stylesheet.set_variables(app.get_css_variables())


def errors_to(app: App[Any], handler: Callable[[Exception], None]) -> None:
    """Send every unhandled error to `handler` instead of Textual's, which ends the app and
    prints a traceback: a kiosk must never show one (healing.py). Textual has no public hook;
    its private `App._handle_exception` is replaced on this one app."""
    app._handle_exception = handler  # type: ignore[method-assign,assignment]


def keep_styles_on_resume(message: Message, look_unchanged: bool) -> None:
    """Textual restyles every widget of a screen it shows again: a third of showing a kept
    page (shelf.py). Needless when the look (theme, app classes) has not changed while the
    page was away, so the resume event is told not to."""
    if isinstance(message, ScreenResume) and message.refresh_styles and look_unchanged:
        message.refresh_styles = False


_TEXTUAL_BARS: dict[str, list[str]] = {}


def console_scroll_bars(console: bool) -> None:
    """Scroll bars without the eighth-block glyphs (▁▂▃▄▅▆▇ ▉▊▋▌▍▎▏) that the Linux console's
    font lacks, whole cells only; or Textual's own bars again. Textual draws every scroll bar
    with these class attributes (no style or hook sets them), so each app sets them."""
    from textual.scrollbar import ScrollBarRender

    if not _TEXTUAL_BARS:
        _TEXTUAL_BARS["vertical"] = list(ScrollBarRender.VERTICAL_BARS)
        _TEXTUAL_BARS["horizontal"] = list(ScrollBarRender.HORIZONTAL_BARS)
    ScrollBarRender.VERTICAL_BARS = [" "] * 8 if console else _TEXTUAL_BARS["vertical"]
    ScrollBarRender.HORIZONTAL_BARS = [" "] * 8 if console else _TEXTUAL_BARS["horizontal"]


async def start_off_stage(app: App[Any], screen: Screen[Any]) -> None:
    """Compose and style `screen` (installed) without showing it (prebuild.py). Textual
    composes a screen only when it is pushed or switched to; `App._get_screen` (private) is
    the part of that which starts the screen and mounts its widgets."""
    if not screen.is_running:
        await app._get_screen(screen)[1]


def needs_layout(screen: Screen[Any]) -> bool:
    """A widget of `screen` has asked to be laid out again (Textual's private flag)."""
    return bool(screen._layout_required)


def lay_out_off_stage(screen: Screen[Any], size: Size) -> None:
    """Lay out `screen`, not on screen, for a terminal of `size` as Textual does when it shows
    it (`Screen._refresh_layout`, private: every widget gets its size, so pictures are
    prepared at theirs), and clear the layout it still has pending (Textual clears it only on
    a screen being shown), so that showing it does not lay it out again."""
    if screen.is_attached and size:
        screen._size_updated(size, size, size, layout=False)  # else laid out again on resume
        screen._refresh_layout(size)
        screen._layout_required = False
        screen._dirty_widgets.clear()


def render_off_stage(screen: Screen[Any]) -> None:
    """Render every line of `screen`, not on screen, once: the widgets keep their rendered
    lines, so that showing the screen draws from them (the compositor's private render)."""
    if screen.is_attached:
        screen._compositor.render_update(full=True)


# Reaches into private modules live in terminal.py, the one file that imports them.
from .terminal import cell_size, failing_in_app_itself, use_cell_size  # noqa: E402

__all__ = ["cell_size", "failing_in_app_itself", "use_cell_size"]
