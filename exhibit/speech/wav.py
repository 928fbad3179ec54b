"""Speech into a WAV file instead of aloud: for tests, previews and checking what is said."""

from __future__ import annotations

import io
import os
import subprocess
import wave
from pathlib import Path
from typing import Final

from .engines import Engine, espeak, find_engines
from .engines import engine_for as first_reader
from .prepare import pieces

WAV_TIMEOUT: Final = 60.0
"""Seconds one engine run may take."""


class SpeechError(RuntimeError):
    """`synthesize_to_wav` could not make the file (no engine, or the engine failed)."""


def synthesize_to_wav(
    text: str, language: str, path: Path, engine: str | Engine | None = None
) -> Engine:
    """Speak `text` into the WAV file `path`; returns the engine that read it.

    `engine` is an engine, the path of an espeak-ng-compatible program, or None for the
    engine installed here that reads `language`. Raises SpeechError when none reads it or the
    engine fails. Blocks until the file is written.
    """
    if isinstance(engine, str):
        chosen: Engine | None = espeak(engine)
    else:
        chosen = engine or first_reader(language, find_engines())
    if chosen is None or not chosen.reads(language):
        raise SpeechError(
            f"no speech engine reads {language!r}: install espeak-ng, and open-jtalk for ja"
        )
    said = pieces(text, language, chosen, packed=True)
    if chosen.kind == "open-jtalk":
        _join([_run(chosen, language, piece) for piece in said], path)
    else:
        _run(chosen, language, "\n".join(said), ["-w", os.fspath(path)])
    return chosen


def duration(path: Path) -> float:
    """Seconds of sound in the WAV file `path`."""
    with wave.open(os.fspath(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def _run(engine: Engine, language: str, text: str, extra: list[str] | None = None) -> bytes:
    command = [*engine.command(language), *(extra or [])]
    try:
        done = subprocess.run(
            command,
            input=text.encode("utf-8"),
            capture_output=True,
            close_fds=True,
            start_new_session=True,
            timeout=WAV_TIMEOUT,
            check=True,
        )
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", errors="replace").strip()
        raise SpeechError(f"{engine.program} failed ({error.returncode}): {message}") from error
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpeechError(f"{engine.program} failed: {error}") from error
    return done.stdout


def _join(wavs: list[bytes], path: Path) -> None:
    """The WAV files `wavs` (one engine, one format) one after the other in `path`."""
    with wave.open(os.fspath(path), "wb") as out:
        for number, data in enumerate(wavs):
            with wave.open(io.BytesIO(data), "rb") as wav:
                if number == 0:
                    out.setparams(wav.getparams())
                out.writeframes(wav.readframes(wav.getnframes()))
        if not wavs:
            out.setparams((1, 2, 16000, 0, "NONE", "not compressed"))
