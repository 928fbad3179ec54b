"""The systemd watchdog (issue 14): the kiosk tells systemd it is ready and, while its UI loop
runs, that it is alive; when the loop hangs the pings stop, and systemd's SIGABRT ends it.

The stand-in for systemd is a unix datagram socket in tmp_path named by NOTIFY_SOCKET, with
WATCHDOG_USEC set, as systemd sets them for a Type=notify unit with WatchdogSec=.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_real_kiosk_pty import STAFF_EXHIBIT, Terminal

from exhibit.sd_notify import Notifier

WATCHDOG_SECONDS = 3.0
"""WatchdogSec in the test: the kiosk pings every 1.5 s."""

HANGING_KIOSK = f"""\
import sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})  # this checkout's exhibit
from exhibit.ui.app import KioskApp
from exhibit.cli import main

feed = KioskApp.feed

def hang(self, event):  # "?" hangs the UI loop, as a handler stuck in a bad file read would
    if getattr(event, "name", None) == "question_mark":  # every key is fed to the journey
        time.sleep(3600)
    return feed(self, event)

KioskApp.feed = hang
sys.exit(main(sys.argv[1:]))
"""


class FakeSystemd:
    """Receives notify messages and notes when each arrived."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(path))
        self.socket.settimeout(0.1)
        self.messages: list[tuple[float, str]] = []
        self._open = True
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while self._open:
            try:
                data = self.socket.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.messages.append((time.monotonic(), data.decode()))

    def pings(self, since: float = 0.0) -> list[float]:
        return [t for t, m in self.messages if m == "WATCHDOG=1" and t >= since]

    def wait_for(self, message: str, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(m == message for _, m in self.messages):
                return True
            time.sleep(0.05)
        return False

    def watchdog_fired(self, since: float) -> bool:
        """What systemd decides: no ping within WatchdogSec of the last one (or of `since`)."""
        last = max([since, *self.pings(since)])
        return time.monotonic() - last > WATCHDOG_SECONDS

    def close(self) -> None:
        self._open = False
        self.socket.close()
        self._thread.join(timeout=2)


@pytest.fixture
def systemd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSystemd]:
    fake = FakeSystemd(tmp_path / "notify")
    monkeypatch.setenv("NOTIFY_SOCKET", str(fake.path))
    monkeypatch.setenv("WATCHDOG_USEC", str(int(WATCHDOG_SECONDS * 1_000_000)))
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    yield fake
    fake.close()


@pytest.mark.skipif(sys.platform != "linux", reason="unix sockets and ptys as on the kiosk")
def test_pings_arrive_while_healthy_and_stop_when_the_ui_loop_hangs(
    tmp_path: Path, systemd: FakeSystemd
) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(STAFF_EXHIBIT, encoding="utf-8")
    script = tmp_path / "hanging_kiosk.py"
    script.write_text(HANGING_KIOSK, encoding="utf-8")
    log = tmp_path / "kiosk.log"
    program = [sys.executable, str(script), str(exhibit), "--images", "none", "--log", str(log)]
    kiosk = Terminal(tmp_path, program)
    try:
        assert systemd.wait_for("READY=1", 20), systemd.messages
        healthy_from = time.monotonic()
        kiosk.type("\x1b[C", "\x1b[C", pause=1.0)  # a visitor turns pages meanwhile
        time.sleep(3.0)
        healthy = systemd.pings(healthy_from)
        assert len(healthy) >= 3, systemd.messages
        gaps = [b - a for a, b in zip([healthy_from, *healthy], healthy, strict=False)]
        assert max(gaps) < WATCHDOG_SECONDS, gaps

        kiosk.type("?")  # the UI loop hangs
        hung_at = time.monotonic()
        deadline = hung_at + 4 * WATCHDOG_SECONDS
        while not systemd.watchdog_fired(hung_at) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert systemd.watchdog_fired(hung_at), "the kiosk kept pinging with its loop hung"
        assert len(systemd.pings(hung_at + 1.0)) == 0
        assert kiosk.exited() is None, "hung, not ended: only the watchdog can tell"

        os.kill(kiosk.pid, signal.SIGABRT)  # systemd's WatchdogSignal
        assert kiosk.wait(10) == 128 + signal.SIGABRT
    finally:
        kiosk.close()


def test_the_notifier_reads_systemds_environment(tmp_path: Path) -> None:
    fake = FakeSystemd(tmp_path / "notify")
    try:
        notifier = Notifier({"NOTIFY_SOCKET": str(fake.path), "WATCHDOG_USEC": "30000000"})
        assert notifier.watchdog_seconds == 15.0  # half of WatchdogSec, as systemd advises
        assert notifier.ready() and notifier.alive() and notifier.stopping()
        assert fake.wait_for("STOPPING=1", 5)
        assert [m for _, m in fake.messages] == ["READY=1", "WATCHDOG=1", "STOPPING=1"]
    finally:
        fake.close()


def test_without_systemd_or_for_another_process_nothing_is_sent() -> None:
    assert not Notifier({}).enabled and not Notifier({}).alive()
    assert Notifier({}).watchdog_seconds is None
    other = {"NOTIFY_SOCKET": "/nonexistent", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"}
    assert Notifier(other).watchdog_seconds is None  # pid 1's watchdog, not the kiosk's
    assert Notifier({"NOTIFY_SOCKET": "@abstract"}).address == "\0abstract"
    assert Notifier({"NOTIFY_SOCKET": "/nonexistent"}).alive() is False  # logged, not raised
