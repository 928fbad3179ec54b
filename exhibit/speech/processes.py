"""Engine and player processes: fed on standard input, waited for, and ended as a group.

Every process runs in a session of its own (start_new_session), so that a signal from the
kiosk's terminal does not reach it and `end` can end it with everything it started.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
from typing import Final

from ..logs import LOGGER

log = logging.getLogger(LOGGER)

STOP_WAIT: Final = 0.5
"""Seconds a process gets to end after SIGTERM before it is killed."""


def finish(process: subprocess.Popen[bytes], data: bytes, program: str) -> bool:
    """Give the engine its text and wait for it; False when it failed or was stopped."""
    return communicate(process, data, program)[0]


def output(process: subprocess.Popen[bytes], data: bytes, program: str) -> bytes | None:
    """What the engine wrote (a WAV), or None when it failed or was stopped."""
    ok, output = communicate(process, data, program)
    return output if ok else None


def communicate(process: subprocess.Popen[bytes], data: bytes, program: str) -> tuple[bool, bytes]:
    try:
        output, _ = process.communicate(data)
    except (OSError, ValueError) as error:  # stopped while writing, or already closed
        log.debug("speech: feeding the engine: %s", error)
        if process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                process.stdin.close()
        process.wait()  # at end of input the engine ends (or stop() ends it): reap it
        return False, b""
    if process.returncode > 0:
        log.warning("speech: %s exited with status %d", program, process.returncode)
    return process.returncode == 0, output or b""


def end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        # Each process leads its own process group (start_new_session): end all of it.
        _signal(process, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            _signal(process, signal.SIGKILL)
            try:
                process.wait(timeout=STOP_WAIT)
            except subprocess.TimeoutExpired:
                log.warning("speech: engine %d did not end", process.pid)


def _signal(process: subprocess.Popen[bytes], signum: signal.Signals) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass
    except OSError:
        process.send_signal(signum)
