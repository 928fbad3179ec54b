"""The kiosk's process against its signals and its supervisor: whatever signal comes, the kiosk
either carries on or ends cleanly, logged either way; a shutdown that hangs still ends within
GRACE seconds with the terminal restored; and systemd's watchdog hears from the UI loop while
it runs (exhibit/sd_notify.py has the protocol).

Textual 8.2.8 (pinned) leaves signals without a handler (SIGQUIT, SIGUSR1, SIGALRM, ...) at
their defaults, which kill it without restoring the terminal or a log line; here each is
ignored or ends the kiosk (ENDING, IGNORED). Its shutdown can hang (a writer blocked on a dead
terminal, see terminal.py): here a deadline ends the process GRACE seconds after shutdown began.
terminal.py's driver installs these handlers and arms the deadline; no private module of
Textual is needed here (those are all in terminal.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import termios
import threading
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING, Any

from ... import exits
from ...logs import LOGGER

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
    with _valid_signals_listed_once():
        for signum, handler in handlers.items():
            if only is not None and signum not in only:
                continue
            with contextlib.suppress(ValueError, OSError, RuntimeError):
                loop.add_signal_handler(signum, handler, signum)


@contextlib.contextmanager
def _valid_signals_listed_once() -> Iterator[None]:
    """Reason: asyncio's add_signal_handler checks each signal against
    `signal.valid_signals()`, a new set of ~65 enums every call (~3 ms for the ~50 handlers
    installed before the title). The set cannot change while they are installed."""
    listing = signal.valid_signals
    valid = listing()
    signal.valid_signals = lambda: valid
    try:
        yield
    finally:
        signal.valid_signals = listing


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
