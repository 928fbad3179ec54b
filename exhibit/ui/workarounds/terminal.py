"""The kiosk against its terminal: whatever arrives on input, whatever signal comes, however the
terminal dies, the kiosk either carries on or ends within seconds with the terminal restored.

Textual 8.2.8 (pinned) fails a kiosk here in four ways, each answered below:
- its input thread decodes with a strict UTF-8 decoder, so one invalid byte (0xFF, a Latin-1
  key) raises, and its parser calls chr() on the number of a CSI ...u / ...~ sequence, so
  ESC [ 1114112 u raises; either shows a traceback and ends the app with status 0. Here a
  lenient decoder drops invalid bytes and a tolerant parser starts afresh after a bad sequence;
- at end of input (a closed terminal) its input thread loops on select() and read() == b"",
  spinning; here the end of input is a hang-up;
- its writer thread dies on the first write to a dead terminal (EIO) while its queue holds at
  most 30 writes, so shutdown blocks for ever in Queue.put; here a dead writer discards;
- signals without a handler (SIGQUIT, SIGUSR1, SIGALRM, ...) kill it without restoring the
  terminal or a log line; here each is ignored or ends the kiosk, logged either way.
Whatever still hangs, a shutdown deadline ends the process GRACE seconds after shutdown began.

Every reach into Textual's internals here has its reason; the package (workarounds/__init__.py)
refuses to import unless Textual and textual-image are the pinned versions these were written
against and tested with. The systemd watchdog's ping is started here
too, as it needs the UI loop once it runs (exhibit/sd_notify.py has the protocol).
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import logging
import os
import selectors
import signal
import termios
import threading
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver
from textual.drivers._writer_thread import WriterThread
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from ... import exits
from ...logs import LOGGER
from ...sd_notify import Notifier

if TYPE_CHECKING:
    from textual.app import App

log = logging.getLogger(LOGGER)

GRACE = 2.0
"""Seconds a shutdown may take before the process ends regardless (a healthy one takes well
under one); the kiosk must be gone within 3 s of its terminal closing."""
RESTORE = (
    "\x1b[<u\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1004l\x1b[?2004l"
    "\x1b[?7h\x1b[?1049l\x1b[?25h"
)
"""What Textual writes as it leaves the terminal: keyboard protocol, mouse, focus and paste
reporting off, line wrap on, the normal screen and the cursor back."""

ENDING = ("SIGQUIT", "SIGXCPU", "SIGXFSZ", "SIGPWR")
"""Signals meaning "stop": ended cleanly (terminal restored, status 0) for the supervisor."""
IGNORED: tuple[str, ...] = ("SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF", "SIGIO")
IGNORED += ("SIGPIPE", "SIGTTIN", "SIGTTOU", "SIGTRAP", "SIGSTKFLT")
"""Signals whose default would kill or stop the kiosk, though nothing is wrong: logged only.
(Also every real-time signal.) Left at their defaults, on purpose: SIGABRT, systemd's
watchdog signal, which must end a kiosk whose loop has hung; SIGSEGV, SIGBUS, SIGFPE, SIGILL
and SIGSYS, faults where a handler would re-run the faulting instruction; SIGKILL and SIGSTOP,
which no process can catch. SIGTERM, SIGHUP, SIGINT and SIGTSTP belong to healing.py, which
replaces the stand-ins set here as the app mounts."""


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


def keep_alive(loop: asyncio.AbstractEventLoop, ping: Callable[[], object], every: float) -> None:
    """Call `ping` now and every `every` seconds from the UI loop itself: if the loop hangs,
    the pings stop and systemd's watchdog restarts the kiosk."""
    ping()
    loop.call_later(every, keep_alive, loop, ping, every)


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"SIGRTMIN+{signum - signal.SIGRTMIN}"


RESET_ON_START = (signal.SIGTTOU, signal.SIGTTIN)
"""What LinuxDriver.start_application_mode sets back to SIG_DFL (stop the process) after its
check that the kiosk may write to its terminal. It changes no other signal there: SIGWINCH
gets Textual's own handler (wanted), and SIGTSTP and SIGCONT are set in LinuxDriver.__init__,
before the first install replaces SIGTSTP's (SIGCONT's is Textual's, harmless to a kiosk)."""


def install_signal_handlers(
    loop: asyncio.AbstractEventLoop, app: App[Any], only: Collection[int] | None = None
) -> None:
    """A handler, run in the UI loop, for every signal that could otherwise end the kiosk
    silently or freeze it (see ENDING and IGNORED); or for those of them in `only`. (Each
    install costs: asyncio lists the valid signals for every one, ~65 enums: ~7 ms for two
    full installs before the title.)"""

    def ending(signum: int) -> None:
        log.info("ending on %s", signal_name(signum))
        app.exit(return_code=exits.OK)

    def ignored(signum: int) -> None:
        log.info("ignored %s", signal_name(signum))

    quitting = ending if getattr(app, "allow_quit", False) else ignored
    handlers: dict[int, Callable[[int], None]] = {
        signal.SIGTERM: ending,  # these four until healing.py installs its own
        signal.SIGHUP: ending,
        signal.SIGINT: quitting,
        signal.SIGTSTP: ignored,
    }
    handlers.update({getattr(signal, name): ending for name in ENDING if hasattr(signal, name)})
    handlers.update({getattr(signal, name): ignored for name in IGNORED if hasattr(signal, name)})
    handlers.update({n: ignored for n in range(signal.SIGRTMIN, signal.SIGRTMAX + 1)})
    for signum, handler in handlers.items():
        if only is not None and signum not in only:
            continue
        with contextlib.suppress(ValueError, OSError, RuntimeError):
            loop.add_signal_handler(signum, handler, signum)


_deadline: list[threading.Timer] = []


def arm_deadline(app: App[Any], terminal_modes: list[Any] | None) -> None:
    """From now on the process has GRACE seconds left: then it restores what it can of the
    terminal and ends with the status the app was given, whatever is still waiting."""
    if _deadline:
        return

    def expire() -> None:
        code = app.return_code or exits.OK
        log.critical("shutdown took over %.0f s; ending now with status %d", GRACE, code)
        restorer = threading.Thread(target=_restore, args=(terminal_modes,), daemon=True)
        restorer.start()
        restorer.join(0.3)  # writing to a blocked terminal must not hold the exit
        os._exit(code)

    timer = threading.Timer(GRACE, expire)
    timer.daemon = True
    timer.start()
    _deadline.append(timer)


def _restore(terminal_modes: list[Any] | None) -> None:
    with contextlib.suppress(OSError, termios.error):
        if terminal_modes is not None:
            termios.tcsetattr(0, termios.TCSANOW, terminal_modes)
        os.write(2, RESTORE.encode())


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
