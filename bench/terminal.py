"""A program in a pseudo-terminal, for bench/run.py: a fixed size, its output read as it comes
with the time of every chunk, and the few answers a real terminal would give.

The answers: Textual asks whether the terminal has synchronized output (DECRQM 2026) and
textual-image asks for the device attributes (DA1) when it is imported. A modern terminal such as
foot, kitty or WezTerm answers both at once; a silent pty would make textual-image wait 0.1 s for
a reply that never comes and would leave Textual's frames unmarked. This terminal says "yes" to
2026 (so every frame ends with ESC[?2026l, the exact end of a frame) and answers DA1 as a VT220
without Sixel (so the kiosk draws half blocks, as asked with --images halfcell). The Kitty
graphics query is left unanswered, as a terminal without that protocol does.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import termios
import threading
import time
from pathlib import Path

SYNC_END = b"\x1b[?2026l"
ANSWERS = {
    b"\x1b[?2026$p": b"\x1b[?2026;2$y",  # synchronized output: supported, off
    b"\x1b[c": b"\x1b[?62;22c",  # DA1: VT220 with ANSI colour, no Sixel (4)
}
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|.)")
RIGHT = b"\x1b[C"
OVERLAP = 2048
"""Bytes of old output searched again with new output, for a marker cut between chunks."""
CELL = (10, 20)
"""Pixels per cell reported with the window size, as a graphical terminal does."""


def visible(data: bytes) -> str:
    """What a person could read in `data`: the text without escape sequences."""
    return ESCAPES.sub(b"", data).decode("utf-8", "replace")


def clean_env() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "PYTHON"))
        and key not in ("NO_COLOR", "TMUX", "COLORTERM", "TERM_PROGRAM", "COLUMNS", "LINES")
    }
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    return env


class Terminal:
    """`argv` running in a `cols` x `rows` pty. `started` is the perf_counter time just before
    the fork: start-up is measured from there."""

    def __init__(self, argv: list[str], cols: int = 120, rows: int = 40) -> None:
        env = clean_env()
        winsize = struct.pack("HHHH", rows, cols, cols * CELL[0], rows * CELL[1])
        self._data = bytearray()
        self._times: list[tuple[float, int]] = []  # (perf_counter, length after the chunk)
        self._cond = threading.Condition()
        self._closed = False
        self._sync = False
        self.started = time.perf_counter()
        pid, self.master = pty.fork()
        if pid == 0:  # the child: set the size, then become the program at once
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid = pid
        self.status: int | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:  # EIO: the program has gone
                chunk = b""
            now = time.perf_counter()
            with self._cond:
                if not chunk:
                    self._closed = True
                    self._cond.notify_all()
                    return
                start = max(0, len(self._data) - 16)
                self._data += chunk
                self._times.append((now, len(self._data)))
                window = bytes(self._data[start:])
                self._sync = self._sync or SYNC_END in window
                self._cond.notify_all()
            for query, answer in ANSWERS.items():
                if query in window and query not in window[: len(window) - len(chunk)]:
                    os.write(self.master, answer)

    @property
    def offset(self) -> int:
        with self._cond:
            return len(self._data)

    def text(self, since: int = 0) -> str:
        with self._cond:
            return visible(bytes(self._data[since:]))

    def press(self, key: bytes = RIGHT) -> tuple[float, int]:
        """Write `key`; the time it was written and the output offset before it."""
        offset = self.offset
        now = time.perf_counter()
        os.write(self.master, key)
        return now, offset

    def frame(self, marker: str, since: int, quiet: float = 0.05, timeout: float = 30.0) -> float:
        """The time of the last output chunk once `marker` has appeared after `since`, the last
        chunk ends a frame, and nothing more came for `quiet` seconds (the quiet is not
        counted)."""
        return self.frame_times(marker, since, quiet, timeout)[1]

    def frame_times(
        self, marker: str, since: int, quiet: float = 0.05, timeout: float = 30.0
    ) -> tuple[float, float]:
        """As `frame`, with the time of the first finished frame showing `marker` as well."""
        deadline = time.perf_counter() + timeout
        seen = since
        found = False
        first: float | None = None
        while True:
            with self._cond:  # copy the new output only: the reader must never wait long
                new = bytes(self._data[max(since, seen - OVERLAP) :]) if not found else b""
                seen = len(self._data)
            # Searched outside the lock, and only the new part (with some overlap for a
            # marker cut by a chunk): a stalled reader would stall the program's writes.
            found = found or marker in visible(new)
            with self._cond:
                now = time.perf_counter()
                if found and self._times:
                    last, _ = self._times[-1]
                    settled = not self._sync or self._data.endswith(SYNC_END)
                    if settled and first is None:
                        first = last
                    if settled and now - last >= quiet:
                        return first or last, last
                if self._closed:
                    raise RuntimeError(f"the program ended: {self.tail()!r}")
                if now > deadline:
                    raise TimeoutError(f"no {marker!r} within {timeout} s: {self.tail()!r}")
                if len(self._data) == seen:
                    self._cond.wait(quiet / 4)

    def tail(self, chars: int = 600) -> str:
        return visible(bytes(self._data))[-chars:]

    def settle(self, quiet: float = 0.2, timeout: float = 10.0) -> None:
        """Until nothing has been written for `quiet` seconds, counted from now at the earliest
        (output that a key press is about to cause may not have begun)."""
        since = time.perf_counter()
        deadline = since + timeout
        while time.perf_counter() < deadline:
            with self._cond:
                last = max(self._times[-1][0] if self._times else since, since)
            if time.perf_counter() - last >= quiet:
                return
            time.sleep(quiet / 4)

    def rss_kb(self) -> int:
        """Resident memory (VmRSS) in kB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self) -> float:
        """utime + stime of the whole process, in seconds."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self, seconds: float = 5.0) -> None:
        """SIGTERM (the kiosk ends cleanly on it), SIGKILL if it lingers; then the pty."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, sig)
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    self.status = status
                    break
                time.sleep(0.02)
            if self.status is not None:
                break
        with contextlib.suppress(OSError):
            os.close(self.master)
        self._reader.join(timeout=2)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
