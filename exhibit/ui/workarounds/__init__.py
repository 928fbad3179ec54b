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

import contextlib
import functools
import importlib.util
import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.events import ScreenResume
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen

from ...logs import LOGGER, default_log_file
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


CSS_RULES_FORMAT = 1
"""Raise it when what KeptCss stores changes: a file of another format is not read."""

CssKey = tuple[str, tuple[str, str], bool, int, str]
"""What Textual parses a piece of CSS with: the text, where it is from, whether it is a
widget's DEFAULT_CSS, its tie breaker and its scope (`Stylesheet._parse_rules`' arguments)."""


def css_rules_file() -> Path:
    """Where the parsed CSS of the last start is kept: beside the kiosk's log, in its state
    folder. Deleting it is always safe (the next start parses the CSS again)."""
    return default_log_file().with_name("css-rules.pickle")


_CSS_MODULES = ("textual.color", "textual.css.", "textual.geometry", "textual.layouts.")


class _RulesUnpickler(pickle.Unpickler):
    """Reads only what parsed CSS is made of: the classes of Textual's CSS modules, the
    selector checks (textual.css.model's `_check_*`, in functools.partial, over a dict's
    `get` or a set's `__contains__`). Anything else a pickle may name (os.system...) stops
    the load: the file, which the kiosk's own user can write, cannot make a later start run
    code of its choosing."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("functools", "partial"):
            return functools.partial
        if (module, name) == ("builtins", "getattr"):  # how a bound method is pickled
            return _container_method
        if module.startswith(_CSS_MODULES) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) or (name.startswith("_check_") and callable(found)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of parsed CSS")


def _container_method(container: object, name: str) -> Any:
    if isinstance(container, dict | set | frozenset) and name in ("get", "__contains__"):
        return getattr(container, name)
    raise pickle.UnpicklingError(f"{type(container).__name__}.{name} is not part of parsed CSS")


class KeptCss:
    """Textual's parsed CSS kept from one start to the next.

    Reason: parsing kiosk.tcss and the widgets' DEFAULT_CSS is ~25 ms of every start (a
    tenth of it), done again on every start although the CSS almost never changes. Textual
    parses each piece with the private `Stylesheet._parse_rules` (and keeps the result only
    in memory); here that method is replaced on the app's stylesheet only, so that rules
    parsed on the last start are taken from a pickle file (~4 ms) when the CSS text, where
    it is from, and every CSS variable (the theme's and the layout's) are the same. The
    file is written after the title is drawn when something was parsed anew; it is read
    only with the pinned Textual (check_versions) and this format, and a file that cannot
    be read or is not what it should be is ignored (logged) and written again. It lives in
    the kiosk's own state folder, beside its log (css_rules_file), and is read with an
    unpickler that knows only what parsed CSS is made of (_RulesUnpickler).
    """

    def __init__(self, stylesheet: Stylesheet, file: Path | None) -> None:
        self.file = file
        self._stylesheet = stylesheet
        self._variables, self._kept = self._read()
        self._used: dict[CssKey, list[RuleSet]] = {}
        self._parsed_anew = False
        setattr(stylesheet, "_parse_rules", self._parse_rules)  # noqa: B010 - this instance

    def _read(self) -> tuple[dict[str, str], dict[CssKey, list[RuleSet]]]:
        if self.file is None or not self.file.exists():
            return {}, {}
        try:
            with self.file.open("rb") as stream:
                found = _RulesUnpickler(stream).load()
            if found["format"] != CSS_RULES_FORMAT or found["textual"] != PINNED["textual"]:
                raise ValueError(f"kept for Textual {found['textual']}, format {found['format']}")
            variables, kept = found["variables"], found["rules"]
            if not isinstance(variables, dict) or not isinstance(kept, dict):
                raise TypeError("not the variables and rules expected")
            for rules in kept.values():
                if not all(isinstance(rule, RuleSet) for rule in rules):
                    raise TypeError("not a list of Textual rule sets")
        except Exception as error:  # a damaged file is parsed anew, never shown
            logging.getLogger(LOGGER).warning(
                "The kept CSS (%s) is not used, the CSS is parsed again: %s", self.file, error
            )
            return {}, {}
        return variables, kept

    def _parse_rules(
        self,
        css: str,
        read_from: tuple[str, str],
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key: CssKey = (css, read_from, is_default_rules, tie_breaker, scope)
        variables = self._stylesheet._variables
        rules = self._kept.get(key) if variables == self._variables else None
        if rules is None:
            rules = Stylesheet._parse_rules(self._stylesheet, *key)
            if any(rule.errors for rule in rules):
                return rules  # Textual reports them; never kept
            self._parsed_anew = True
        if variables != self._variables:  # a new theme: what is kept from now on is for it
            self._variables, self._kept, self._used = dict(variables), {}, {}
            self._parsed_anew = True
        self._used[key] = rules
        return rules

    def save(self) -> None:
        """Keep the CSS parsed so far for the next start, if any of it was parsed anew."""
        if self.file is None or not self._parsed_anew:
            return
        found = {
            "format": CSS_RULES_FORMAT,
            "textual": PINNED["textual"],
            "variables": self._variables,
            "rules": self._used,
        }
        part = self.file.with_name(f"{self.file.name}.{os.getpid()}")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            part.write_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(part, self.file)
        except Exception as error:  # keeping it only saves time: never an error on screen
            logging.getLogger(LOGGER).warning("The parsed CSS cannot be kept: %s", error)
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        self._parsed_anew = False


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
    if not console and not _TEXTUAL_BARS:
        return  # Textual's own bars, never changed in this process (and not imported yet)
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
