"""The systemd watchdog (issue 14): the kiosk tells systemd it is ready once its title is up
and, while its UI loop runs, that it is alive; when the loop hangs the pings stop, and
systemd's SIGABRT ends it.

The stand-in for systemd is a unix datagram socket in tmp_path named by NOTIFY_SOCKET, with
WATCHDOG_USEC and WATCHDOG_PID set, as systemd sets them for a Type=notify unit with
WatchdogSec=; like systemd it learns who sent each message (SO_PASSCRED). Two units:
- the console unit (museum-kiosk.service): the kiosk is the main process, WATCHDOG_PID is its own;
- the cage unit (museum-kiosk-cage.service): the main process is deploy/cage-kiosk.sh, the
  kiosk its great-grandchild (script -> cage -> sh -> foot -> kiosk), so WATCHDOG_PID names the
  script; the unit's NotifyAccess=all and MUSEUM_KIOSK_WATCHDOG=unit make the watchdog the
  kiosk's. Real cage and foot need a Wayland display (and cage refuses to run as root, as CI
  does), so shell scripts stand in for them, as in tests/test_deploy.py: each runs the next
  program in the same terminal and process group, which is all the watchdog depends on.
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_deploy import CAGE_SCRIPT, CAGE_UNIT, CONSOLE_UNIT, parse_unit, words
from test_real_kiosk_pty import STAFF_EXHIBIT, Terminal

from exhibit.sd_notify import UNIT_WATCHDOG, Notifier

WATCHDOG_SECONDS = 3.0
"""WatchdogSec in the test: the kiosk pings every 1.5 s."""
TITLE_DELAY = 1.5
"""Seconds the title takes to compose in the test: READY=1 must come after it, not before."""

HANGING_KIOSK = """\
import os, sys, time
sys.path.insert(0, {root!r})  # this checkout's exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.title import TitleScreen
from exhibit.cli import main

feed = KioskApp.feed

def hang(self, event):  # "?" hangs the UI loop, as a handler stuck in a bad file read would
    if getattr(event, "name", None) == "question_mark":  # every key is fed to the journey
        time.sleep(3600)
    return feed(self, event)

compose = TitleScreen.compose

def slow_compose(self):  # the first title takes a while, noted on the system's monotonic clock
    if not os.path.exists({composing!r}):
        with open({composing!r}, "w") as f:
            f.write(str(time.monotonic()))
        time.sleep({delay!r})
    return compose(self)

KioskApp.feed = hang
TitleScreen.compose = slow_compose
sys.exit(main(sys.argv[1:]))
"""
AS_MAIN_PROCESS = 'export WATCHDOG_PID=$$; exec "$@"'
"""What systemd does as it starts a unit's main process: WATCHDOG_PID is that process's PID
(an exec keeps it)."""

# The cage unit's programs, standing in for /opt/museum-kiosk/venv/bin/kiosk, cage and foot.
KIOSK_COMMAND = """\
#!/bin/sh
exec {python!r} {script!r} "$@"
"""
FAKE_CAGE = """\
#!/bin/sh
# Like cage: runs its one client (in the foreground here, so it keeps the terminal).
[ "$1" = -d ] && shift
[ "$1" = -- ] && shift
"$@"
exit 0
"""
FAKE_FOOT = """\
#!/bin/sh
# Like foot: runs the program with the environment it was given, and exits with its status.
case "$1" in --config=*) shift ;; esac
"$@"
"""


class FakeSystemd:
    """Receives notify messages and notes when each arrived and which process sent it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)  # as systemd does
        self.socket.bind(str(path))
        self.socket.settimeout(0.1)
        self.messages: list[tuple[float, str]] = []
        self.senders: dict[str, set[int]] = defaultdict(set)
        """Each message and the PIDs it came from."""
        self._open = True
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        credentials = struct.calcsize("3i")
        while self._open:
            try:
                data, extra, _, _ = self.socket.recvmsg(4096, socket.CMSG_SPACE(credentials))
            except TimeoutError:
                continue
            except OSError:
                return
            message = data.decode()
            for level, kind, payload in extra:
                if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                    self.senders[message].add(struct.unpack("3i", payload[:credentials])[0])
            self.messages.append((time.monotonic(), message))

    def pings(self, since: float = 0.0) -> list[float]:
        return [t for t, m in self.messages if m == "WATCHDOG=1" and t >= since]

    def arrived(self, message: str) -> float | None:
        return next((t for t, m in self.messages if m == message), None)

    def wait_for(self, message: str, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.arrived(message) is not None:
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
    monkeypatch.delenv("WATCHDOG_PID", raising=False)  # set by AS_MAIN_PROCESS, as systemd does
    monkeypatch.delenv(UNIT_WATCHDOG, raising=False)
    yield fake
    fake.close()


def unit_environment(unit: Path) -> dict[str, str]:
    """The Environment= assignments of a unit file."""
    return dict(word.split("=", 1) for word in words(parse_unit(unit), "Service", "Environment"))


def parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def generations(ancestor: int, pid: int) -> int:
    """How many parents up from `pid` `ancestor` is (0: not an ancestor)."""
    count = 0
    while pid > 1:
        pid, count = parent(pid), count + 1
        if pid == ancestor:
            return count
    return 0


def console_kiosk(tmp_path: Path, kiosk: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The console unit: the kiosk is the unit's main process (and nothing is handed over:
    test_a_unit_hands_its_watchdog_to_the_kiosk_it_runs_further_down checks the unit)."""
    return ["/bin/sh", "-c", AS_MAIN_PROCESS, "sh", *kiosk]


def cage_kiosk(tmp_path: Path, kiosk: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The cage unit: its start script is the main process and runs (stand-ins for) cage and
    foot, which run the kiosk installed in an /opt/museum-kiosk look-alike."""
    home, bin_dir, runtime = tmp_path / "opt", tmp_path / "bin", tmp_path / "run"
    for folder in (home / "venv" / "bin", home / "deploy", bin_dir, runtime):
        folder.mkdir(parents=True)
    (home / "deploy" / "foot.ini").touch()
    python, script, *arguments = kiosk
    for path, text in (
        (home / "venv" / "bin" / "kiosk", KIOSK_COMMAND.format(python=python, script=script)),
        (bin_dir / "cage", FAKE_CAGE),
        (bin_dir / "foot", FAKE_FOOT),
    ):
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("MUSEUM_KIOSK_HOME", str(home))
    monkeypatch.setenv("RUNTIME_DIRECTORY", str(runtime))
    for name, value in unit_environment(CAGE_UNIT).items():
        if name == UNIT_WATCHDOG:  # what the unit tells the kiosk
            monkeypatch.setenv(name, value)
    return ["/bin/sh", "-c", AS_MAIN_PROCESS, "sh", "/bin/sh", str(CAGE_SCRIPT), *arguments]


@pytest.mark.skipif(sys.platform != "linux", reason="unix sockets, ptys and /proc as on the kiosk")
@pytest.mark.parametrize("unit", [console_kiosk, cage_kiosk], ids=["console", "cage"])
def test_pings_arrive_while_healthy_and_stop_when_the_ui_loop_hangs(
    tmp_path: Path, systemd: FakeSystemd, monkeypatch: pytest.MonkeyPatch, unit: object
) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(STAFF_EXHIBIT, encoding="utf-8")
    script = tmp_path / "hanging_kiosk.py"
    composing = tmp_path / "composing"
    root = str(Path(__file__).resolve().parent.parent)
    script.write_text(
        HANGING_KIOSK.format(root=root, composing=str(composing), delay=TITLE_DELAY),
        encoding="utf-8",
    )
    log = tmp_path / "kiosk.log"
    kiosk = [sys.executable, str(script), str(exhibit), "--images", "none", "--log", str(log)]
    main_process = Terminal(tmp_path, unit(tmp_path, kiosk, monkeypatch))  # type: ignore[operator]
    try:
        assert systemd.wait_for("READY=1", 30), systemd.messages
        # Ready once the title is up: after its (slow) composing, and it is on the screen.
        ready_at = systemd.arrived("READY=1")
        assert ready_at is not None and composing.exists()
        assert ready_at > float(composing.read_text()) + TITLE_DELAY
        deadline = time.monotonic() + 5
        while "Lighthouses of the North Sea" not in main_process.text():
            assert time.monotonic() < deadline, main_process.text()
            time.sleep(0.05)
        # Sent by the kiosk: the unit's main process itself, or its great-grandchild under cage.
        (sender,) = systemd.senders["READY=1"]
        assert systemd.senders["WATCHDOG=1"] == {sender}
        if unit is console_kiosk:
            assert sender == main_process.pid
        else:
            assert generations(main_process.pid, sender) >= 2, "not run under cage and foot"

        healthy_from = time.monotonic()
        main_process.type("\x1b[C", "\x1b[C", pause=1.0)  # a visitor turns pages meanwhile
        time.sleep(3.0)
        healthy = systemd.pings(healthy_from)
        assert len(healthy) >= 3, systemd.messages
        gaps = [b - a for a, b in zip([healthy_from, *healthy], healthy, strict=False)]
        assert max(gaps) < WATCHDOG_SECONDS, gaps

        main_process.type("?")  # the UI loop hangs
        hung_at = time.monotonic()
        deadline = hung_at + 4 * WATCHDOG_SECONDS
        while not systemd.watchdog_fired(hung_at) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert systemd.watchdog_fired(hung_at), "the kiosk kept pinging with its loop hung"
        assert len(systemd.pings(hung_at + 1.0)) == 0
        assert main_process.exited() is None, "hung, not ended: only the watchdog can tell"

        # systemd's WatchdogSignal, to every process of the unit (KillMode=control-group).
        os.killpg(main_process.pid, signal.SIGABRT)
        assert main_process.wait(10) == 128 + signal.SIGABRT
    finally:
        main_process.close()


def test_the_notifier_reads_systemds_environment(tmp_path: Path) -> None:
    fake = FakeSystemd(tmp_path / "notify")
    try:
        notifier = Notifier({"NOTIFY_SOCKET": str(fake.path), "WATCHDOG_USEC": "30000000"})
        assert notifier.watchdog_seconds == 15.0  # half of WatchdogSec, as systemd advises
        assert notifier.ready() and notifier.alive() and notifier.stopping()
        assert fake.wait_for("STOPPING=1", 5)
        assert [m for _, m in fake.messages] == ["READY=1", "WATCHDOG=1", "STOPPING=1"]
        assert fake.senders["READY=1"] == {os.getpid()}
    finally:
        fake.close()


def test_without_systemd_or_for_another_process_nothing_is_sent() -> None:
    assert not Notifier({}).enabled and not Notifier({}).alive()
    assert Notifier({}).watchdog_seconds is None
    other = {"NOTIFY_SOCKET": "/nonexistent", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"}
    assert Notifier(other).watchdog_seconds is None  # pid 1's watchdog, not the kiosk's
    assert Notifier({**other, UNIT_WATCHDOG: "yes"}).watchdog_seconds is None  # only "unit"
    own = {**other, "WATCHDOG_PID": str(os.getpid())}
    assert Notifier(own).watchdog_seconds == 1.0  # the console unit: the kiosk is the main process
    assert Notifier({"NOTIFY_SOCKET": "@abstract"}).address == "\0abstract"
    assert Notifier({"NOTIFY_SOCKET": "/nonexistent"}).alive() is False  # logged, not raised


def test_a_unit_hands_its_watchdog_to_the_kiosk_it_runs_further_down() -> None:
    """The cage unit's main process is a script; its MUSEUM_KIOSK_WATCHDOG=unit tells the kiosk
    that the watchdog named for that script is the kiosk's to feed."""
    cage = {"NOTIFY_SOCKET": "/run/systemd/notify", "WATCHDOG_USEC": "30000000"}
    cage |= {"WATCHDOG_PID": "1", **unit_environment(CAGE_UNIT)}
    assert Notifier(cage).watchdog_seconds == 15.0
    assert UNIT_WATCHDOG not in unit_environment(CONSOLE_UNIT)  # there the kiosk is the main one
