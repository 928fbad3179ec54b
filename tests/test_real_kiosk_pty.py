"""The real kiosk.py in a real pseudo-terminal: signals, the staff exit and the keys that
interrupt or stop ordinary programs.

Each test starts `python kiosk.py` as a developer's shell would: a small launcher leads a
session whose controlling terminal is the pty, and runs the kiosk in its own foreground process
group. That is what makes the tests mean something: in this arrangement ctrl+c, ctrl+z and
ctrl+\\ typed into the pty would become SIGINT, SIGTSTP and SIGQUIT if the kiosk let them, and
SIGTSTP really stops a process that does not handle it (the kernel discards it for a session
leader, whose process group is orphaned). Two control tests run `sleep` in the same harness to
show both. The launcher waits for the kiosk with WUNTRACED and exits 99 if it was ever stopped;
otherwise it exits with the kiosk's own status.

(Under systemd or foot the kiosk is itself a session leader, so a SIGTSTP sent with kill() is
discarded by the kernel before the kiosk's handler matters; the handler is for terminals like
this one.)
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import LIGHTHOUSES
from waiting import wait_until

from exhibit import exits

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="pseudo-terminals and /proc as on the kiosk's Linux"
)

ROOT = Path(__file__).resolve().parent.parent
KIOSK = ROOT / "kiosk.py"
STOPPED = 99
"""The launcher's exit status when the program it ran was stopped (state T)."""
SECONDS_TO_END = 8.0
"""How long an ending may take (it takes well under a second on an idle machine)."""

LAUNCHER = f"""\
import os, signal, sys, time
STOPPED = {STOPPED}
pid_file, program = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    # As a login shell leaves them: a test run started in the background of a script inherits
    # SIGINT and SIGQUIT ignored, and an exec keeps them ignored.
    for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP, signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    os.setpgid(0, 0)
    while os.tcgetpgrp(0) != os.getpid():  # in the foreground first, or SIGTTOU could stop it
        time.sleep(0.001)
    os.execv(program[0], program)
os.setpgid(pid, pid)
os.tcsetpgrp(0, pid)  # the program's group reads the terminal and gets its signals
with open(pid_file + ".tmp", "w") as f:
    f.write(str(pid))
os.rename(pid_file + ".tmp", pid_file)
_, status = os.waitpid(pid, os.WUNTRACED)
if os.WIFSTOPPED(status):
    os._exit(STOPPED)
os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
"""

F12 = "\x1b[24~"
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|.)")
STAFF_EXHIBIT = LIGHTHOUSES.replace(
    "  idle_timeout: 60\n", "  idle_timeout: 60\n  staff_exit: [f12, x, f12, q]\n"
)


class Terminal:
    """A program running under the launcher in an 80x24 pty, its output read as it comes."""

    def __init__(self, tmp_path: Path, program: list[str]) -> None:
        launcher = tmp_path / "launcher.py"
        launcher.write_text(LAUNCHER, encoding="utf-8")
        pid_file = tmp_path / "program.pid"
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TEXTUAL", "PYTHON"))
            and key not in ("NO_COLOR", "TMUX", "COLORTERM", "TERM_PROGRAM")
        }
        env.update(TERM="xterm-256color", COLUMNS="80", LINES="24", LANG="C.UTF-8")
        args = [sys.executable, str(launcher), str(pid_file), *program]
        pid, self.master = pty.fork()
        if pid == 0:  # the child: set the terminal size, then become the launcher at once
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
                os.chdir(tmp_path)
                os.execve(args[0], args, env)
            finally:
                os._exit(127)
        self.launcher = pid
        self.status: int | None = None
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.pid = self._wait_for_pid(pid_file)

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO: every process holding the terminal has gone
                return
            if not data:
                return
            with self._lock:
                self._output += data

    def _wait_for_pid(self, pid_file: Path) -> int:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if pid_file.exists():
                return int(pid_file.read_text())
            assert self.exited() is None, f"the launcher ended early: {self.text()!r}"
            time.sleep(0.02)
        raise AssertionError("the launcher did not start the program")

    @property
    def output(self) -> bytes:
        with self._lock:
            return bytes(self._output)

    def text(self) -> str:
        """What a person could read: the output without escape sequences."""
        return ESCAPES.sub("", self.output.decode("utf-8", "replace"))

    def type(self, *keys: str, pause: float = 0.15) -> None:
        for key in keys:
            os.write(self.master, key.encode())
            time.sleep(pause)

    def exited(self) -> int | None:
        """The launcher's exit status if it has ended, else None (never blocks)."""
        if self.status is None:
            pid, status = os.waitpid(self.launcher, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def wait(self, seconds: float) -> int | None:
        deadline = time.monotonic() + seconds
        while self.exited() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if self.status is not None:
            self._reader.join(timeout=5)
        return self.status

    def program_state(self) -> str:
        """The kernel's one-letter state of the program (R, S, T for stopped, ...), or "gone"."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return "gone"
        return stat.rsplit(")", 1)[1].split()[0]

    def close(self) -> None:
        if self.exited() is None:
            for pid in (self.pid, self.launcher):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.launcher, 0)
        os.close(self.master)
        self._reader.join(timeout=5)


class Kiosk(Terminal):
    def __init__(self, tmp_path: Path, *options: str) -> None:
        self.exhibit = tmp_path / "exhibit.yaml"
        self.exhibit.write_text(STAFF_EXHIBIT, encoding="utf-8")
        self.log_file = tmp_path / "kiosk.log"
        program = [sys.executable, str(KIOSK), str(self.exhibit), "--images", "none"]
        super().__init__(tmp_path, [*program, "--log", str(self.log_file), *options])

    def log(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    def wait_for_log(self, line: str) -> None:
        """Until the log holds `line`: a signal is logged when the UI loop gets to it, which
        on a busy machine can be a while after it arrived."""
        wait_until(lambda: line in self.log(), f"{line!r} in the log", seconds=10)

    def wait_for_title(self) -> None:
        """Until the title screen has been drawn: the app is mounted, its handlers installed."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if "started" in self.log() and "Lighthouses of the North Sea" in self.text():
                return
            assert self.exited() is None, f"the kiosk ended: {self.text()[-2000:]!r}"
            time.sleep(0.05)
        raise AssertionError(f"no title screen after 20 s: {self.text()[-2000:]!r}")

    def assert_restored_cleanly(self) -> None:
        """The alternate screen was left at the very end, and nothing crashed on the way."""
        output = self.output
        assert b"\x1b[?1049h" in output, "the kiosk never switched to the alternate screen"
        assert output.rfind(b"\x1b[?1049l") > output.rfind(b"\x1b[?1049h")
        assert b"\x1b[?1049l" in output[-400:], f"not restored at the end: {output[-400:]!r}"
        assert "Traceback" not in self.text() and "Traceback" not in self.log()


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Callable[..., Kiosk]]:
    """Start the kiosk with extra options and wait for its title screen; killed at the end if
    a test left it running."""
    started: list[Kiosk] = []

    def start(*options: str) -> Kiosk:
        k = Kiosk(tmp_path, *options)
        started.append(k)
        k.wait_for_title()
        return k

    yield start
    for k in started:
        k.close()


def still_running(k: Terminal, seconds: float = 1.0) -> bool:
    """True if, `seconds` from now, the program has neither ended nor been stopped."""
    ended = k.wait(seconds)
    return ended is None and k.program_state() not in ("T", "t", "gone")


# The harness itself: without these, the tests below could pass for the wrong reason.


def test_control_sigtstp_really_stops_an_ordinary_program_here(tmp_path: Path) -> None:
    sleeper = Terminal(tmp_path, ["/bin/sleep", "30"])
    try:
        os.kill(sleeper.pid, signal.SIGTSTP)
        assert sleeper.wait(SECONDS_TO_END) == STOPPED
    finally:
        sleeper.close()


def test_control_ctrl_backslash_typed_here_kills_an_ordinary_program(tmp_path: Path) -> None:
    sleeper = Terminal(tmp_path, ["/bin/sleep", "30"])
    try:
        time.sleep(0.2)
        sleeper.type("\x1c")
        assert sleeper.wait(SECONDS_TO_END) == 128 + signal.SIGQUIT
    finally:
        sleeper.close()


# The kiosk.


def test_sigterm_ends_it_with_status_0_and_restores_the_terminal(
    kiosk: Callable[..., Kiosk],
) -> None:
    k = kiosk()
    os.kill(k.pid, signal.SIGTERM)
    assert k.wait(SECONDS_TO_END) == exits.OK
    k.assert_restored_cleanly()
    assert "ending on SIGTERM" in k.log()
    assert "stopped with exit status 0" in k.log()


def test_sighup_ends_it_with_status_0_and_restores_the_terminal(
    kiosk: Callable[..., Kiosk],
) -> None:
    k = kiosk()
    os.kill(k.pid, signal.SIGHUP)
    assert k.wait(SECONDS_TO_END) == exits.OK
    k.assert_restored_cleanly()
    assert "ending on SIGHUP" in k.log()


def test_sigtstp_does_not_stop_it(kiosk: Callable[..., Kiosk]) -> None:
    k = kiosk()
    os.kill(k.pid, signal.SIGTSTP)
    assert still_running(k), f"state {k.program_state()}, launcher status {k.exited()}"
    k.wait_for_log("ignored SIGTSTP")
    os.kill(k.pid, signal.SIGTERM)
    assert k.wait(SECONDS_TO_END) == exits.OK
    k.assert_restored_cleanly()


def test_sigint_is_ignored_in_kiosk_mode(kiosk: Callable[..., Kiosk]) -> None:
    k = kiosk()
    os.kill(k.pid, signal.SIGINT)
    assert still_running(k)
    k.wait_for_log("ignored SIGINT")
    os.kill(k.pid, signal.SIGTERM)
    assert k.wait(SECONDS_TO_END) == exits.OK
    k.assert_restored_cleanly()


def test_sigint_ends_it_with_allow_quit(kiosk: Callable[..., Kiosk]) -> None:
    k = kiosk("--allow-quit")
    os.kill(k.pid, signal.SIGINT)
    assert k.wait(SECONDS_TO_END) == exits.OK
    k.assert_restored_cleanly()
    assert "ending on SIGINT" in k.log()


def test_the_staff_sequence_typed_into_the_terminal_exits_with_status_10(
    kiosk: Callable[..., Kiosk],
) -> None:
    assert "staff_exit: [f12, x, f12, q]" in STAFF_EXHIBIT
    k = kiosk()
    k.type(F12, "x", F12, "q")
    assert k.wait(SECONDS_TO_END) == exits.STAFF_EXIT
    k.assert_restored_cleanly()
    assert "closed by staff" in k.log()
    assert "stopped with exit status 10" in k.log()


def test_interrupt_and_suspend_keys_and_q_do_not_end_it(kiosk: Callable[..., Kiosk]) -> None:
    k = kiosk()
    k.type("\x03", "\x1a", "\x1c", "q")
    assert still_running(k), f"state {k.program_state()}, launcher status {k.exited()}"
    # They arrived as keys, not as signals: the terminal was in raw mode.
    assert "ignored SIG" not in k.log()
    os.kill(k.pid, signal.SIGTERM)
    assert k.wait(SECONDS_TO_END) == exits.OK
    k.assert_restored_cleanly()
