"""The real kiosk.py against its terminal (issue 14): a closed terminal ends it within 3 s every
time, any byte typed at it is harmless, and every signal it can get is handled or ends it
cleanly. The pty harness is test_real_kiosk_pty.py's: a launcher leads the session, the kiosk
runs in the terminal's foreground group, as under a shell in tmux.
"""

from __future__ import annotations

import contextlib
import os
import pty
import random
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_real_kiosk_pty import (
    ESCAPES,
    KIOSK,
    SECONDS_TO_END,
    STAFF_EXHIBIT,
    Kiosk,
    Terminal,
    still_running,
)

from exhibit import exits
from exhibit.ui.workarounds.signals import ENDING, IGNORED

SECONDS_TO_BE_GONE = 3.0
"""Issue 14: from the terminal closing to no kiosk process at all."""
CLOSINGS = 20


class HangingUpKiosk(Kiosk):
    """A kiosk whose terminal can be closed, as tmux does when its session is killed: the
    terminal may first stop reading (its output then backs up in the pty and in Textual's
    writer), the kiosk gets SIGHUP, then the terminal's side of the pty is closed."""

    reading = True

    def _read(self) -> None:
        # Never blocked in read() for long: a read in progress would keep the pty open after
        # hang_up() closes it.
        while self.master != -1:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.02)
                if not (ready and self.reading):
                    continue
                data = os.read(self.master, 65536)
            except (OSError, ValueError):  # EIO: the kiosk has gone; EBADF: closed
                return
            if not data:
                return
            with self._lock:
                self._output += data

    def hang_up(self, stop_reading_first: bool = False) -> float:
        """Close the terminal; the seconds until the kiosk process is gone (or inf)."""
        closed = time.monotonic()
        if stop_reading_first:
            os.kill(self.pid, signal.SIGHUP)
            time.sleep(0.3)
        os.close(self.master)
        self.master = -1
        while time.monotonic() - closed < 10:
            self.exited()  # reaps the launcher, which the hang-up ends
            if self.program_state() in ("gone", "Z", "X"):  # a zombie has ended too
                return time.monotonic() - closed
            time.sleep(0.02)
        return float("inf")

    def close(self) -> None:
        if self.master == -1:  # already closed: only make sure nothing is left running
            if self.program_state() not in ("gone", "Z", "X"):
                os.kill(self.pid, signal.SIGKILL)
            self.exited()
            self._reader.join(timeout=5)
            return
        super().close()


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Callable[..., HangingUpKiosk]]:
    started: list[HangingUpKiosk] = []

    def start(*options: str) -> HangingUpKiosk:
        folder = tmp_path / f"kiosk-{len(started)}"  # its own pid file, log and exhibit
        folder.mkdir()
        k = HangingUpKiosk(folder, *options)
        started.append(k)
        k.wait_for_title()
        return k

    yield start
    for k in started:
        k.close()


def ends_cleanly_on_sigterm(k: Kiosk) -> None:
    """Still alive and answering: SIGTERM ends it with status 0 and the terminal restored."""
    os.kill(k.pid, signal.SIGTERM)
    assert k.wait(SECONDS_TO_END) == exits.OK, k.text()[-2000:]
    k.assert_restored_cleanly()


def test_closing_the_terminal_ends_it_within_3_seconds_every_time(
    kiosk: Callable[..., HangingUpKiosk],
) -> None:
    times = []
    for attempt in range(CLOSINGS):
        k = kiosk()
        after_page_turns = bool(attempt % 2)
        if after_page_turns:  # the terminal stops reading while the pages are drawn
            k.reading = False
            k.type(*["\x1b[C"] * 8, pause=0.05)
            time.sleep(0.5)
        times.append(k.hang_up(stop_reading_first=after_page_turns))
        log = k.log()
        assert "SIGHUP" in log or "the terminal has gone" in log, log
        assert "Traceback" not in log
    assert max(times) < SECONDS_TO_BE_GONE, [f"{t:.2f}" for t in times]


def answers_keys(k: Kiosk) -> None:
    """Still reading keys: Escape twice (the first may only hand control back from the idle
    countdown; together they close any window the bytes opened, and any key closes help),
    End, then Home: the title, wherever the bytes left the kiosk. Then → turns to the first
    panel. (Not Home twice: on the title every key without a meaning there begins the visit,
    Home included (keys.TITLE_OWN), so a second Home would already show the first panel and
    → would turn to the second.)"""
    k.type("\x1b", "\x1b", "\x1b[F", "\x1b[H", pause=0.5)
    drawn = len(k.output)
    k.type("\x1b[C", pause=0.5)
    deadline = time.monotonic() + SECONDS_TO_END
    while "Building on the rocks" not in ESCAPES.sub(
        "", k.output[drawn:].decode("utf-8", "replace")
    ):
        assert time.monotonic() < deadline, "keys no longer work: " + k.text()[-3000:]
        time.sleep(0.1)
    assert "input thread error" not in k.log()


def test_every_single_byte_typed_is_harmless(kiosk: Callable[..., HangingUpKiosk]) -> None:
    k = kiosk()
    for byte in range(256):
        os.write(k.master, bytes([byte]))
        time.sleep(0.005)
    assert still_running(k), k.text()[-2000:]
    assert "Traceback" not in k.text()
    answers_keys(k)
    ends_cleanly_on_sigterm(k)


MALFORMED = [
    "\x1b[1114112u",  # one past the last code point
    "\x1b[99999999999999999999u",  # 20 digits: chr() overflows
    "\x1b[97;1:1114112u",  # the associated-text part of a Kitty key
    "\x1b[99999999999999999999~",
    "\x1b[99999999999999999999A",
    "\x1b[1;99999999999999999999A",
    "\x1b[<99999999999999999999;1;1M",  # a mouse report
    "\x1b[8;99999999999999999999;99999999999999999999t",  # a window size report
    "\x1b[?99999999999999999999;2$y",
    "\x1b[" + ";" * 500 + "u",
]


def test_malformed_key_sequences_and_random_bytes_are_harmless(
    kiosk: Callable[..., HangingUpKiosk],
) -> None:
    k = kiosk()
    for sequence in MALFORMED:
        os.write(k.master, sequence.encode())  # in one write: inside the escape delay
        time.sleep(0.05)
    rng = random.Random(14)
    for _ in range(300):
        os.write(k.master, rng.randbytes(rng.randint(1, 48)))
        time.sleep(0.005)
    os.write(k.master, b"\x1b[200~")  # a paste that never ends
    assert still_running(k), k.text()[-2000:]
    assert "Traceback" not in k.text()
    answers_keys(k)
    ends_cleanly_on_sigterm(k)


def test_signals_without_a_meaning_for_a_kiosk_are_logged_and_ignored(
    kiosk: Callable[..., HangingUpKiosk],
) -> None:
    k = kiosk()
    names = [name for name in IGNORED if hasattr(signal, name)]
    for name in names:
        os.kill(k.pid, getattr(signal, name))
        time.sleep(0.05)
    os.kill(k.pid, signal.SIGRTMIN + 3)
    assert still_running(k), f"state {k.program_state()}: {k.text()[-2000:]}"
    log = k.log()
    for name in [*names, "SIGRTMIN+3"]:
        assert f"ignored {name}" in log
    ends_cleanly_on_sigterm(k)


@pytest.mark.parametrize("name", [name for name in ENDING if hasattr(signal, name)])
def test_signals_meaning_stop_end_it_with_the_terminal_restored(
    kiosk: Callable[..., HangingUpKiosk], name: str
) -> None:
    k = kiosk()
    os.kill(k.pid, getattr(signal, name))
    assert k.wait(SECONDS_TO_END) == exits.OK
    k.assert_restored_cleanly()
    assert f"ending on {name}" in k.log()
    assert "stopped with exit status 0" in k.log()


HANGING_SHUTDOWN = f"""\
import sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})  # this checkout's exhibit
from exhibit.ui.app import KioskApp
from exhibit.cli import main

def on_unmount(self):  # a shutdown step that never finishes, as a write to a stuck terminal
    time.sleep(3600)

KioskApp.on_unmount = on_unmount
sys.exit(main(sys.argv[1:]))
"""


def test_a_shutdown_that_hangs_is_cut_short_with_the_terminal_restored(tmp_path: Path) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(STAFF_EXHIBIT, encoding="utf-8")
    script = tmp_path / "hanging_shutdown.py"
    script.write_text(HANGING_SHUTDOWN, encoding="utf-8")
    log = tmp_path / "kiosk.log"
    program = [sys.executable, str(script), str(exhibit), "--images", "none", "--log", str(log)]
    k = Terminal(tmp_path, program)
    try:
        deadline = time.monotonic() + 20
        while "Lighthouses of the North Sea" not in k.text():
            assert k.exited() is None and time.monotonic() < deadline, k.text()[-2000:]
            time.sleep(0.05)
        os.kill(k.pid, signal.SIGTERM)
        sent = time.monotonic()
        assert k.wait(SECONDS_TO_BE_GONE + 2) == exits.OK
        assert time.monotonic() - sent < SECONDS_TO_BE_GONE
        assert "shutdown took over" in log.read_text(encoding="utf-8")
        assert b"\x1b[?1049l" in k.output[-200:], "the normal screen was not restored"
    finally:
        k.close()


def test_end_of_input_ends_it_instead_of_spinning(tmp_path: Path) -> None:
    """Input that ends (here /dev/null; a hung-up terminal reads the same) is a hang-up. Textual
    alone would loop on the empty reads for ever, at about 10 % CPU."""
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(STAFF_EXHIBIT, encoding="utf-8")
    log = tmp_path / "kiosk.log"
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PYTHON"))}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    program = [sys.executable, str(KIOSK), str(exhibit), "--images", "none", "--log", str(log)]
    output = bytearray()

    def drain() -> None:
        with contextlib.suppress(OSError):
            while data := os.read(master, 65536):
                output.extend(data)

    with subprocess.Popen(
        program, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env
    ) as child:
        os.close(slave)
        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        try:
            assert child.wait(timeout=30) == exits.OK
        finally:
            if child.poll() is None:
                child.kill()
            os.close(master)
    said = log.read_text(encoding="utf-8")
    assert "the terminal has gone (end of input)" in said and "ending on SIGHUP" in said
    assert b"Traceback" not in output
