"""systemd's notify protocol, the little the kiosk needs: "READY=1" once it shows its first
screen, "WATCHDOG=1" while its UI loop is alive, "STOPPING=1" as it ends.

A datagram to the unix socket named in $NOTIFY_SOCKET (a leading "@" means Linux's abstract
namespace); the watchdog's period comes from $WATCHDOG_USEC. Outside systemd (no socket in
the environment) every call does nothing. A dozen lines instead of a dependency
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
    watchdog or it is meant for another process ($WATCHDOG_PID)."""
    pid = environ.get("WATCHDOG_PID", "")
    if pid and pid != str(os.getpid()):
        return None
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec / 2_000_000 if usec > 0 else None
