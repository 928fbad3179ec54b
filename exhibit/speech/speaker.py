"""The speaker: reads a page's parts aloud, one at a time, with the engine for its language.

Texts travel on the engines' standard input (or in a file the speaker wrote), never on their
command lines, so that no text can become an option such as `-w /some/file`. Every engine and
player runs in a session of its own, so a signal from the kiosk's terminal does not reach it;
`stop` ends them all, and every finished one is reaped. A missing or failing engine is logged,
never raised: a kiosk without speech still shows its exhibit.

Reading happens in a worker thread; `on_change` (if given) is called from that thread whenever
`is_speaking` or `current_part` may have changed. A Textual app hands it on with
`call_from_thread` and then reads those two properties.
"""

from __future__ import annotations

import enum
import logging
import os
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from ..logs import LOGGER
from .engines import Engine, espeak, find_engines, find_player, installed
from .engines import engine_for as first_reader
from .processes import end, finish, output

log = logging.getLogger(LOGGER)


class _Find(enum.Enum):
    FIND = "find"


FIND: Final = _Find.FIND
"""`Speaker()`'s default: look for engines (and a player) on this machine."""

EngineChoice = str | Engine | Sequence[Engine] | Literal[_Find.FIND] | None


@dataclass
class _Job:
    parts: tuple[str, ...]
    language: str
    engine: Engine
    cancelled: threading.Event = field(default_factory=threading.Event)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    part: int | None = None


class Speaker:
    """Speaks one page at a time; a new one interrupts the one being spoken.

    `engine` is FIND (every engine installed here), None (silent), a list of engines, or the
    path of an espeak-ng-compatible program. Call `stop()` when the kiosk exits.
    """

    def __init__(
        self,
        engine: EngineChoice = FIND,
        *,
        player: str | Literal[_Find.FIND] | None = FIND,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._choice: EngineChoice = engine
        self._engines: tuple[Engine, ...] | None = None
        self._player_choice = player
        self._player: str | None = None
        self.on_change = on_change
        self._lock = threading.Lock()
        self._found = threading.Lock()
        self._job: _Job | None = None
        self._logged: set[str] = set()

    # What can be read ----------------------------------------------------------------------

    @property
    def engines(self) -> tuple[Engine, ...]:
        """The engines this speaker uses (looked for once, on first use)."""
        with self._found:
            if self._engines is None:
                choice = self._choice
                if choice is FIND:
                    self._engines = find_engines()
                elif choice is None:
                    self._engines = ()
                elif isinstance(choice, str):
                    self._engines = (espeak(choice),)
                elif isinstance(choice, Engine):
                    self._engines = (choice,)
                else:
                    self._engines = tuple(choice)
                player = self._player_choice
                self._player = find_player() if player is FIND else player
            return self._engines

    @property
    def engine(self) -> str | None:
        """The program of the first engine (None when silent)."""
        return self.engines[0].program if self.engines else None

    @engine.setter
    def engine(self, choice: EngineChoice) -> None:
        with self._found:
            self._choice, self._engines = choice, None

    @property
    def available(self) -> bool:
        """True when there is an engine to speak with (for some language). Until the engines
        are looked for (cli.after_the_title: it runs a program), an engine's program counts."""
        if self._engines is None and self._choice is FIND:
            return installed()
        return bool(self.engines)

    def engine_for(self, language: str) -> Engine | None:
        """The engine that reads `language` aloud here; None when none can (the screen should
        then say so). Open JTalk counts only with a player to make its sound heard."""
        engines = self.engines
        heard = [e for e in engines if e.kind != "open-jtalk" or self._player is not None]
        engine = first_reader(language, heard)
        self._log_choice(language, engine, engines)
        return engine

    def describe(self, languages: Iterable[str]) -> dict[str, str]:
        """For a status screen: each language and what reads it (or that nothing does)."""
        return {code: _description(code, self.engine_for(code)) for code in languages}

    def log_engines(self, languages: Iterable[str]) -> None:
        """Look for the engines in the background (espeak-ng --voices is a program; whoever
        asks meanwhile waits for the rest), and log which engine reads each language."""
        codes = tuple(languages)
        threading.Thread(
            target=self.describe, args=(codes,), name="speech-find", daemon=True
        ).start()

    def _log_choice(self, language: str, engine: Engine | None, engines: Sequence[Engine]) -> None:
        if language in self._logged:
            return
        self._logged.add(language)
        if engine is not None:
            log.info("speech: %r is read by %s", language, engine.describe(language))
        elif any(e.reads(language) for e in engines):
            log.warning("speech: %r: Open JTalk has no player; install alsa-utils", language)
        else:
            log.warning("speech: no installed engine reads %r; see deploy/AUDIO.md", language)

    # Speaking ------------------------------------------------------------------------------

    def speak(self, parts: Sequence[str], language: str) -> bool:
        """Stop what is being spoken and start reading `parts` in order; returns at once.
        False when no engine here reads `language` (nothing is started)."""
        self.stop()
        engine = self.engine_for(language)
        if engine is None:
            return False
        if not any(part.strip() for part in parts):
            return True
        job = _Job(tuple(parts), language, engine)  # made ready in the worker: texts can be long
        with self._lock:
            self._job = job
        threading.Thread(target=self._run, args=(job,), name="speech", daemon=True).start()
        return True

    def say(self, text: str, language: str) -> None:
        """Read one text (the older interface; `speak` reads a page's parts)."""
        self.speak((text,), language)

    @property
    def is_speaking(self) -> bool:
        with self._lock:
            return self._job is not None

    def speaking(self) -> bool:
        return self.is_speaking

    @property
    def current_part(self) -> int | None:
        """The index (in the `parts` given to `speak`) of the part being read, if any."""
        with self._lock:
            return self._job.part if self._job is not None else None

    def stop(self) -> None:
        """End whatever is being spoken (SIGTERM, then SIGKILL); safe to call at any time."""
        with self._lock:
            job, self._job = self._job, None
            if job is None:
                return
            job.cancelled.set()
            processes = list(job.processes)
        for process in processes:
            end(process)
        self._changed()

    # The worker ----------------------------------------------------------------------------

    def _run(self, job: _Job) -> None:
        try:
            if job.engine.kind == "open-jtalk":
                self._run_open_jtalk(job)
            else:
                self._run_espeak(job)
        finally:
            with self._lock:
                ended = self._job is job
                if ended:
                    self._job = None
            if ended:
                self._changed()

    def _run_espeak(self, job: _Job) -> None:
        from .prepare import pieces  # on the first page read aloud, not at the start

        for index, part in enumerate(job.parts):
            for piece in pieces(part, job.language, job.engine):
                process = self._start(job, job.engine.command(job.language), stdin=True)
                if process is None:
                    return
                self._at(job, index)
                if not finish(process, piece.encode("utf-8"), job.engine.program):
                    return

    def _run_open_jtalk(self, job: _Job) -> None:
        from .prepare import pieces

        playing: subprocess.Popen[bytes] | None = None
        with tempfile.TemporaryDirectory(prefix="kiosk-speech-") as folder:
            number = 0
            for index, part in enumerate(job.parts):
                for piece in pieces(part, job.language, job.engine):
                    # The next piece is made while the one before it plays.
                    process = self._start(job, job.engine.command(job.language), stdin=True)
                    if process is None:
                        return
                    wav = output(process, piece.encode("utf-8"), job.engine.program)
                    if wav is None:
                        return
                    path = Path(folder) / f"{number % 2}.wav"
                    number += 1
                    if playing is not None and not _played(job, playing):
                        return
                    path.write_bytes(wav)
                    assert self._player is not None  # engine_for checked it
                    playing = self._start(job, [self._player, os.fspath(path)], stdin=False)
                    if playing is None:
                        return
                    self._at(job, index)
            if playing is not None:
                _played(job, playing)

    def _start(
        self, job: _Job, command: list[str], *, stdin: bool
    ) -> subprocess.Popen[bytes] | None:
        makes_wav = stdin and job.engine.kind == "open-jtalk"  # its WAV comes on stdout
        with self._lock:
            if job.cancelled.is_set():
                return None
            try:
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                    stdout=subprocess.PIPE if makes_wav else subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    close_fds=True,
                    start_new_session=True,
                )
            except OSError as error:
                log.warning("speech: cannot start %s: %s", command[0], error)
                return None
            job.processes.append(process)
            return process

    def _at(self, job: _Job, index: int) -> None:
        if job.part != index:
            job.part = index
            self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            try:
                self.on_change()
            except Exception:  # a listener's bug must not end the reading
                log.exception("speech: on_change failed")


def _played(job: _Job, player: subprocess.Popen[bytes]) -> bool:
    """Wait for the player; False (and the log says why) when it failed, e.g. no sound card."""
    status = player.wait()
    if status > 0 and not job.cancelled.is_set():
        program = player.args[0] if isinstance(player.args, list) else player.args
        log.warning("speech: %s exited with status %d (see deploy/AUDIO.md)", program, status)
        return False
    return status == 0


def _description(language: str, engine: Engine | None) -> str:
    return engine.describe(language) if engine else "no engine reads this language"
