"""Audio description: texts read aloud by espeak-ng, where it is installed.

Part of the core (no Textual): a preview tool or another front end may speak too.

The text always travels on the engine's standard input, never on its command line, so that a
curator's (or anyone's) text cannot become an option such as `-w /some/file`. The engine runs
in a session of its own, so a signal from the kiosk's terminal does not reach it; `Speaker.stop`
ends it, and every finished engine is reaped. A missing or failing engine is logged, never
raised: a kiosk without speech still shows its exhibit.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import re
import shutil
import signal
import subprocess
import threading
import unicodedata
from pathlib import Path
from typing import Final, Literal

from .logs import LOGGER

log = logging.getLogger(LOGGER)

ENGINES: Final = ("espeak-ng", "espeak")
"""The engines looked for on PATH, best first (espeak-ng's command line is espeak's)."""

DEFAULT_VOICE: Final = "en"

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")

_VOICES: Final = {
    # Regional voices espeak-ng has under these names (`espeak-ng --voices`).
    "en-us": "en-us",
    "en-gb": "en-gb",
    "en-029": "en-029",
    "es-419": "es-419",
    "pt-br": "pt-br",
    "fr-be": "fr-be",
    "fr-ch": "fr-ch",
    # Codes whose voice is called otherwise.
    "zh": "cmn",
    "zh-cn": "cmn",
    "zh-hans": "cmn",
    "zh-tw": "cmn",
    "zh-hant": "cmn",
    "zh-hk": "yue",
    "no": "nb",
}
"""Language code (lower case) to espeak-ng voice; any other code speaks with the voice of its
first part ("ja-JP" with "ja", "de-AT" with "de")."""

STOP_WAIT: Final = 0.5
"""Seconds an engine gets to end after SIGTERM before it is killed."""

WAV_TIMEOUT: Final = 60.0
"""Seconds `synthesize_to_wav` waits for the engine."""


class SpeechError(RuntimeError):
    """`synthesize_to_wav` could not make the file (no engine, or the engine failed)."""


def find_engine() -> str | None:
    """The path of espeak-ng (or espeak) on PATH; None when neither is installed."""
    for name in ENGINES:
        path = shutil.which(name)
        if path:
            return path
    return None


def voice_for(language: str) -> str:
    """The espeak-ng voice for a language code such as "en", "ja" or "pt-BR".

    A code that is not shaped like one (it comes from exhibit.yaml) gets the default voice, so
    nothing but a plain voice name ever reaches the engine's command line.
    """
    code = language.strip()
    if not _LANGUAGE.fullmatch(code):
        log.warning("speech: %r is not a language code; speaking with %r", code, DEFAULT_VOICE)
        return DEFAULT_VOICE
    code = code.lower().replace("_", "-")
    return _VOICES.get(code) or _VOICES.get(code.split("-")[0]) or code.split("-")[0]


def clean_text(text: str) -> str:
    """`text` without control characters: line breaks (of any kind, as newlines) and tabs are
    kept; every other control character (escape sequences' ESC, NUL, ...) is dropped."""
    kept = []
    for char in text.replace("\r\n", "\n"):
        if char in "\n\t":
            kept.append(char)
        elif char in "\r\v\f\x85\u2028\u2029":
            kept.append("\n")
        elif unicodedata.category(char) not in ("Cc", "Cs"):
            kept.append(char)
    return "".join(kept)


def engine_command(engine: str, language: str) -> list[str]:
    """The engine's arguments: a voice, UTF-8, and the text from standard input."""
    return [engine, "-v", voice_for(language), "-b", "1", "--stdin"]


class _Find(enum.Enum):
    FIND = "find"


FIND: Final = _Find.FIND
"""`Speaker()`'s default: look for an engine on PATH."""


class Speaker:
    """Speaks one text at a time; a new text interrupts the one being spoken.

    Call `stop()` when the kiosk exits: the engine runs in its own session, so the terminal's
    signals do not end it (a short text would simply finish).
    """

    def __init__(self, engine: str | Literal[_Find.FIND] | None = FIND) -> None:
        self.engine: str | None = find_engine() if engine is FIND else engine
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        """True when there is an engine to speak with."""
        return self.engine is not None

    def say(self, text: str, language: str) -> None:
        """Stop what is being spoken and start speaking `text`; returns at once."""
        self.stop()
        if self.engine is None:
            return
        cleaned = clean_text(text)
        if not cleaned.strip():
            return
        data = cleaned.encode("utf-8")
        command = engine_command(self.engine, language)
        with self._lock:
            try:
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    close_fds=True,
                    start_new_session=True,
                )
            except OSError as error:
                log.warning("speech: cannot start %s: %s", self.engine, error)
                return
            self._process = process
        threading.Thread(
            target=_feed, args=(process, data, self.engine), name="speech-feed", daemon=True
        ).start()

    def stop(self) -> None:
        """End whatever is being spoken (SIGTERM, then SIGKILL); safe to call at any time."""
        with self._lock:
            process, self._process = self._process, None
        if process is not None:
            _end(process)

    def speaking(self) -> bool:
        """True while an engine is still speaking."""
        with self._lock:
            process = self._process
        return process is not None and process.poll() is None


def _feed(process: subprocess.Popen[bytes], data: bytes, engine: str) -> None:
    """Give the engine its text, close its input and reap it when it ends (in a thread)."""
    try:
        process.communicate(data)
    except (OSError, ValueError) as error:  # stopped while writing, or already closed
        log.debug("speech: feeding the engine: %s", error)
        if process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                process.stdin.close()
        process.wait()  # at end of input the engine ends (or stop() ends it): reap it
        return
    if process.returncode > 0:
        log.warning("speech: %s exited with status %d", engine, process.returncode)


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        # The engine leads its own process group (start_new_session): end all of it.
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


def synthesize_to_wav(text: str, language: str, path: Path, engine: str | None = None) -> None:
    """Speak `text` into the WAV file `path` instead of aloud (for tests and previews).

    Blocks until the file is written; raises SpeechError when there is no engine or it fails.
    """
    engine = engine or find_engine()
    if engine is None:
        raise SpeechError("no speech engine: install espeak-ng")
    data = clean_text(text).encode("utf-8")
    command = [*engine_command(engine, language), "-w", str(path)]
    try:
        subprocess.run(
            command,
            input=data,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            close_fds=True,
            start_new_session=True,
            timeout=WAV_TIMEOUT,
            check=True,
        )
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", errors="replace").strip()
        raise SpeechError(f"{engine} failed ({error.returncode}): {message}") from error
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpeechError(f"{engine} failed: {error}") from error
