"""The kiosk against its terminal: whatever arrives on input, however the terminal dies, the
kiosk either carries on or ends within seconds with the terminal restored.

Textual 8.2.8 (pinned) fails a kiosk here in three ways, each answered below:
- its input thread decodes with a strict UTF-8 decoder, so one invalid byte (0xFF, a Latin-1
  key) raises, and its parser calls chr() on the number of a CSI ...u / ...~ sequence, so
  ESC [ 1114112 u raises; either shows a traceback and ends the app with status 0. Here a
  lenient decoder drops invalid bytes and a tolerant parser starts afresh after a bad sequence;
- at end of input (a closed terminal) its input thread loops on select() and read() == b"",
  spinning; here the end of input is a hang-up;
- its writer thread dies on the first write to a dead terminal (EIO) while its queue holds at
  most 30 writes, so shutdown blocks for ever in Queue.put; here a dead writer discards.
The driver here also installs the signal handlers, arms the shutdown deadline and starts the
systemd watchdog's ping, all in signals.py.

Every reach into Textual's internals here has its reason; the package (workarounds/__init__.py)
refuses to import unless Textual and textual-image are the pinned versions these were written
against and tested with. This is the one module that imports private modules of Textual and
textual-image (a test checks): the other such reaches of the kiosk are at its end.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
import os
import selectors
import signal
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver
from textual.drivers._writer_thread import WriterThread
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from ...logs import LOGGER
from ...sd_notify import Notifier
from .signals import RESET_ON_START, arm_deadline, install_signal_handlers, keep_alive

if TYPE_CHECKING:
    from textual.app import App

log = logging.getLogger(LOGGER)


def guard(app: App[Any], notifier: Notifier | None = None) -> None:
    """Make `app` (not yet running) survive its terminal."""
    # Reason: the writer thread is created inside LinuxDriver.start_application_mode from this
    # module-level name; replacing the name is the only way to give the driver another one.
    linux_driver.WriterThread = DiscardingWriter  # type: ignore[attr-defined]
    # Public: App(driver_class=...) is read when run() creates the driver.
    app.driver_class = GuardedDriver
    GuardedDriver.app_notifier = notifier or Notifier()


def terminal_gone(reason: str) -> None:
    """The terminal has hung up (seen by the input or writer thread): end as on SIGHUP, which
    every thread may raise and whose handler runs in the UI loop."""
    if not _gone.is_set():
        _gone.set()
        log.info("the terminal has gone (%s); ending as on a hang-up", reason)
        os.kill(os.getpid(), signal.SIGHUP)
        for driver in _running:  # from now, even if the UI loop is stuck in a write
            arm_deadline(driver._app, driver.attrs_before)


_gone = threading.Event()
_running: list[GuardedDriver] = []
"""The driver in application mode, for terminal_gone."""


class TolerantParser(XTermParser):
    """Textual's parser, started afresh when a sequence makes it raise (it calls chr() on any
    number a CSI sequence carries); the rest of that read is dropped, as noise."""

    def feed(self, data: str) -> Iterable[Message]:
        try:
            yield from super().feed(data)
        except Exception as error:
            self._start_again(error)

    def tick(self) -> Iterable[Message]:
        try:
            yield from super().tick()
        except Exception as error:
            self._start_again(error)

    def _start_again(self, error: Exception) -> None:
        log.info("ignored unreadable input (%s)", type(error).__name__)
        # Reason: Parser.__init__ keeps the parsing generator in _gen and what it waits for
        # in _awaiting; a generator that raised is finished, so both are made anew.
        self._eof = False  # first: a parser at its end would stop at once
        self._timeout_time = None
        self._gen = self.parse(self._tokens.append)
        self._awaiting = next(self._gen)


class DiscardingWriter(WriterThread):
    """Textual's writer thread, except that once the terminal refuses a write it discards
    everything, so that no write (30 fill its queue) can block the kiosk's shutdown."""

    def __init__(self, file: Any) -> None:
        super().__init__(file)
        self.dead = False

    def write(self, text: str) -> None:
        if not self.dead:
            super().write(text)

    def run(self) -> None:
        try:
            super().run()
        except (OSError, ValueError) as error:  # EIO on a hung-up tty; ValueError: closed
            self.dead = True
            terminal_gone(f"writing failed: {error}")
            # Reason: the queue is WriterThread._queue; emptied until stop()'s None arrives.
            while self._queue.get() is not None:
                pass


class GuardedDriver(LinuxDriver):
    """Textual's Linux driver with the input thread, signals and shutdown of a kiosk."""

    app_notifier: Notifier = Notifier({})

    def start_application_mode(self) -> None:
        loop = asyncio.get_running_loop()
        # Before: the input thread, started in there, may report a hang-up at once. After:
        # only the signals Textual sets back to their defaults as it starts (RESET_ON_START).
        install_signal_handlers(loop, self._app)
        _running.append(self)
        super().start_application_mode()  # type: ignore[no-untyped-call]
        install_signal_handlers(loop, self._app, only=RESET_ON_START)
        notifier = self.app_notifier
        # READY=1 once the title is on the screen: the app's message loop starts after this
        # (composing, mounting, pushing the title), and a callback after refresh runs once
        # the screen on top then has been drawn.
        self._app.call_after_refresh(notifier.ready)
        if notifier.watchdog_seconds is not None:
            keep_alive(loop, notifier.alive, notifier.watchdog_seconds)

    def disable_input(self) -> None:
        """The first step of Textual's shutdown: from here it has GRACE seconds. (Also called
        to suspend the app, which the kiosk never does: the exit status tells them apart.)"""
        # Reason: the driver's app is LinuxDriver._app; return_code is set by App.exit.
        if self._app.return_code is not None:
            arm_deadline(self._app, self.attrs_before)
            self.app_notifier.stopping()
        super().disable_input()

    def run_input_thread(self) -> None:
        """Textual's input loop (LinuxDriver.run_input_thread), with a decoder that drops
        invalid UTF-8, a parser that survives any sequence, and the end of input taken as the
        terminal's hang-up instead of a reason to spin."""
        parser = TolerantParser()
        decode = codecs.getincrementaldecoder("utf-8")(errors="ignore").decode
        # select(), as Textual's: epoll refuses files such as /dev/null, whose end is news too.
        with selectors.SelectSelector() as selector:
            selector.register(self.fileno, selectors.EVENT_READ)
            while not self.exit_event.is_set():
                try:
                    if selector.select(0.1):
                        data = os.read(self.fileno, 4096)
                        if not data:
                            terminal_gone("end of input")
                            return
                        text = without_paste_brackets(decode(data))
                        if text:  # "" would tell the parser that input has ended
                            self._dispatch(parser.feed(text))
                    self._dispatch(parser.tick())
                except OSError as error:  # EIO: the terminal has hung up
                    terminal_gone(f"reading failed: {error}")
                    return
                except Exception as error:  # never a traceback; the next key may do
                    log.warning("input thread error: %r", error)

    def _dispatch(self, messages: Iterable[Message]) -> None:
        for message in messages:
            self.process_message(message)


PASTE_BRACKETS = ("\x1b[200~", "\x1b[201~")
"""Bracketed paste's start and end. After a start the parser gathers every key until an end,
so a start alone (typed, or from a keyboard-emulating device) would leave the kiosk deaf.
Without them a paste is plain keys, all a kiosk needs. (A marker split across two reads
still gets through: unlikely, and the next end marker undoes it.)"""


def without_paste_brackets(text: str) -> str:
    for marker in PASTE_BRACKETS:
        text = text.replace(marker, "")
    return text


# Other reaches into private modules, kept in this one file ------------------------------------


def failing_in_app_itself(app: App[Any]) -> bool:
    """The error happened in the app's own message loop (not in a screen or widget): nothing
    is left to heal. Textual keeps the running message pump in a private context variable."""
    from textual._context import active_message_pump

    return active_message_pump.get(None) is app


def use_cell_size(cell: tuple[int, int]) -> None:
    """Scale pictures to the cell size the terminal answered, not to the window size the kernel
    reports (which may count a border): then a picture fills its box, nothing cut or spilling.
    textual-image keeps the size it measured on its function and has no public setter; this
    sets it first."""
    from textual_image._terminal import CellSize, get_cell_size

    get_cell_size._result = CellSize(*cell)  # type: ignore[attr-defined]


def cell_size() -> tuple[int, int]:
    """Pixels per terminal cell, across and down, as textual-image measured them when it was
    imported; it exports no public way to ask."""
    from textual_image._terminal import get_cell_size

    size = get_cell_size()
    return (size.width, size.height)
