"""systemd's notify protocol, the little the kiosk needs: "READY=1" once it shows its first
screen, "WATCHDOG=1" while its UI loop is alive, "STOPPING=1" as it ends.

A datagram to the unix socket named in $NOTIFY_SOCKET (a leading "@" means Linux's abstract
namespace); the watchdog's period comes from $WATCHDOG_USEC. Outside systemd (no socket in
the environment) every call does nothing.

Whose watchdog it is: systemd names the unit's main process in $WATCHDOG_PID, and a program
that is not that process leaves the watchdog alone (as libsystemd's sd_watchdog_enabled does).
The console unit runs the kiosk as its main process. The cage unit cannot: its main process is
deploy/cage-kiosk.sh, which runs cage, which runs foot, which runs the kiosk. That unit lets
every one of its processes notify (NotifyAccess=all) and says so to the kiosk with
MUSEUM_KIOSK_WATCHDOG=unit: the watchdog is then the kiosk's to feed, whatever $WATCHDOG_PID
says (deploy/README.md, "Pictures and Japanese on screen"). A dozen lines instead of a dependency
(python-systemd needs libsystemd headers to build); nothing here imports Textual.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .logs import LOGGER

if TYPE_CHECKING:
    import socket

log = logging.getLogger(LOGGER)

UNIT_WATCHDOG = "MUSEUM_KIOSK_WATCHDOG"
"""Set to "unit" by a unit whose main process is not the kiosk but which accepts the kiosk's
messages (NotifyAccess=all): the kiosk feeds the unit's watchdog."""


class Notifier:
    """Sends notify messages to the socket systemd gave this process, if any."""

    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        address = environ.get("NOTIFY_SOCKET", "")
        self.address = "\0" + address[1:] if address.startswith("@") else address
        self.watchdog_seconds = _watchdog_seconds(environ)
        """Ping at least this often (half systemd's WatchdogSec), or None: no watchdog."""
        self._socket: socket.socket | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def send(self, message: str) -> bool:
        """Send one message; False (logged once) if it could not be sent. Never raises."""
        if not self.address:
            return False
        import socket  # only under systemd: not a cost to every start elsewhere

        try:
            if self._socket is None:
                self._socket = socket.socket(
                    socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC
                )
            self._socket.sendto(message.encode(), self.address)
        except OSError as error:
            log.warning("could not tell systemd %r (%s)", message, error)
            return False
        return True

    def ready(self) -> bool:
        return self.send("READY=1")

    def alive(self) -> bool:
        return self.send("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")


def _watchdog_seconds(environ: Mapping[str, str]) -> float | None:
    """Half of $WATCHDOG_USEC, as systemd's documentation advises; None if there is no
    watchdog or it is meant for another process ($WATCHDOG_PID), unless the unit hands it to
    the kiosk ($MUSEUM_KIOSK_WATCHDOG=unit)."""
    pid = environ.get("WATCHDOG_PID", "")
    handed_over = environ.get(UNIT_WATCHDOG) == "unit"
    if pid and pid != str(os.getpid()) and not handed_over:
        return None
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec / 2_000_000 if usec > 0 else None
