"""Audio description: the text goes to the engine on stdin only, never on its command line;
stop() ends the engine; a missing or failing engine is logged, never raised.

These tests use a fake espeak-ng (a small Python script in tmp_path that records its argv and
its stdin). The real engines are tested in test_speech_engines.py.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from waiting import wait_until

from exhibit.logs import LOGGER
from exhibit.speech import (
    Speaker,
    SpeechError,
    clean_text,
    find_engine,
    synthesize_to_wav,
    voice_for,
)

HOSTILE = "--help; rm -rf / $(reboot) `id` -w /tmp/owned \"' | & > <"
needs_engine = pytest.mark.skipif(find_engine() is None, reason="espeak-ng is not installed")


def gone(pid: int) -> bool:
    """True when `pid` has ended: reaped, or a zombie waiting for a parent that is not us."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return status.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def reaped(pid: int) -> bool:
    """True when our child `pid` has ended *and* been waited for: no zombie left. (WNOWAIT:
    looking must not reap it, or a leak would be hidden.)"""
    try:
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return True
    return False


class FakeEngine:
    """A script standing in for espeak-ng: records argv, stdin and its pid, then maybe sleeps."""

    def __init__(
        self, directory: Path, *, before: float = 0.0, after: float = 0.0, status: int = 0
    ) -> None:
        self.directory = directory
        self.path = directory / "fake-espeak-ng"
        self.path.write_text(
            textwrap.dedent(
                f"""\
                #!{sys.executable}
                import json, os, sys, time
                out = {str(directory)!r}
                with open(os.path.join(out, "pid"), "w") as f:
                    f.write(str(os.getpid()))
                time.sleep({before})
                data = sys.stdin.buffer.read()
                with open(os.path.join(out, "stdin"), "wb") as f:
                    f.write(data)
                with open(os.path.join(out, "argv.json"), "w") as f:
                    json.dump(sys.argv, f)
                time.sleep({after})
                sys.exit({status})
                """
            )
        )
        self.path.chmod(0o755)

    @property
    def argv(self) -> list[str]:
        result: list[str] = json.loads((self.directory / "argv.json").read_text())
        return result

    @property
    def stdin(self) -> str:
        return (self.directory / "stdin").read_bytes().decode("utf-8")

    @property
    def pid(self) -> int:
        return int((self.directory / "pid").read_text())

    def has(self, name: str) -> bool:
        path = self.directory / name
        return path.exists() and path.stat().st_size > 0


@pytest.fixture
def kiosk_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """The kiosk logger's records (it may not propagate to the root once the CLI has run)."""
    logger = logging.getLogger(LOGGER)
    logger.addHandler(caplog.handler)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        yield caplog
    finally:
        logger.removeHandler(caplog.handler)
        logger.setLevel(level)


# Without an engine ----------------------------------------------------------------------------


def test_a_speaker_without_an_engine_does_nothing_and_raises_nothing() -> None:
    speaker = Speaker(engine=None)
    assert speaker.available is False
    speaker.say("Hello", "en")
    assert not speaker.speaking()
    speaker.stop()
    speaker.stop()


def test_a_missing_engine_is_logged_not_raised(
    tmp_path: Path, kiosk_log: pytest.LogCaptureFixture
) -> None:
    speaker = Speaker(engine=str(tmp_path / "no-such-espeak-ng"))
    speaker.say("Hello", "en")
    wait_until(lambda: "cannot start" in kiosk_log.text)
    wait_until(lambda: not speaker.speaking())
    speaker.stop()


def test_no_engine_is_found_where_none_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert find_engine() is None
    assert Speaker().available is False
    assert Speaker().engine_for("en") is None
    with pytest.raises(SpeechError, match="no speech engine reads 'en'"):
        synthesize_to_wav("Hello", "en", Path("never.wav"))


# With a fake engine ---------------------------------------------------------------------------


def test_the_text_arrives_on_stdin_and_not_in_argv(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path)
    speaker = Speaker(engine=str(fake.path))
    assert speaker.available
    speaker.say("The lamp was lit at dusk.", "en")
    wait_until(lambda: fake.has("argv.json"))
    # Reaped when it ends, by the Speaker itself: nobody here polls it.
    wait_until(lambda: reaped(fake.pid))
    assert not speaker.speaking()
    assert fake.stdin == "The lamp was lit at dusk."
    assert fake.argv[1:] == ["-v", "en", "-b", "1", "--stdin"]
    assert not any("lamp" in arg for arg in fake.argv)


def test_a_hostile_text_arrives_verbatim_on_stdin_and_never_in_argv(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path)
    speaker = Speaker(engine=str(fake.path))
    speaker.say(HOSTILE, "en")
    wait_until(lambda: fake.has("argv.json") and not speaker.speaking())
    assert fake.stdin == HOSTILE
    assert fake.argv[1:] == ["-v", "en", "-b", "1", "--stdin"]
    for part in ("--help", "rm", "$(reboot)", "-w", "/tmp/owned"):
        assert part not in fake.argv
    assert not Path("/tmp/owned").exists()


def test_japanese_is_never_given_to_espeak_ng(
    tmp_path: Path, kiosk_log: pytest.LogCaptureFixture
) -> None:
    """espeak-ng reads every kanji as "Chinese letter": with only espeak-ng, Japanese is not
    read at all, the speaker says so (for the screen) and the log says why."""
    fake = FakeEngine(tmp_path)
    speaker = Speaker(engine=str(fake.path))
    assert speaker.engine_for("ja") is None
    assert speaker.engine_for("ja-JP") is None
    assert speaker.speak(["灯台の光は二十キロ先まで届いた。"], "ja") is False
    speaker.say("灯台の光は二十キロ先まで届いた。", "ja")
    time.sleep(0.3)
    assert not (tmp_path / "pid").exists()
    assert not speaker.speaking()
    assert "no installed engine reads 'ja'" in kiosk_log.text


def test_kanji_in_another_language_never_reach_espeak_ng(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path)
    speaker = Speaker(engine=str(fake.path))
    speaker.say("The Kwantung Army (関東軍) surrendered.", "en")
    wait_until(lambda: fake.has("argv.json") and not speaker.speaking())
    assert "関" not in fake.stdin and "軍" not in fake.stdin
    assert "Kwantung Army" in fake.stdin and "surrendered" in fake.stdin


def test_control_characters_never_reach_the_engine(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path)
    speaker = Speaker(engine=str(fake.path))
    speaker.say("Keeper\x1b[2J\x00 of the\r\nlight\x07", "en")
    wait_until(lambda: fake.has("argv.json") and not speaker.speaking())
    assert fake.stdin == "Keeper[2J of the\nlight"


def test_a_hostile_language_code_never_becomes_an_option(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path)
    speaker = Speaker(engine=str(fake.path))
    speaker.say("Hello", "--help")
    wait_until(lambda: fake.has("argv.json") and not speaker.speaking())
    assert fake.argv[1:] == ["-v", "en", "-b", "1", "--stdin"]


def test_stop_ends_a_long_running_engine_and_reaps_it(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path, after=60)
    speaker = Speaker(engine=str(fake.path))
    speaker.say("A very long description.", "en")
    wait_until(lambda: fake.has("argv.json"))
    assert speaker.speaking()
    started = time.monotonic()
    speaker.stop()
    assert time.monotonic() - started < 3
    assert not speaker.speaking()
    assert reaped(fake.pid)


def test_stop_ends_the_engines_whole_process_group(tmp_path: Path) -> None:
    """An engine that started a helper of its own: stop() ends the helper too."""
    script = tmp_path / "fake-with-child"
    script.write_text(
        f'#!/bin/sh\ncat > "{tmp_path}/stdin"\nsleep 60 &\necho $! > "{tmp_path}/child"\nwait\n'
    )
    script.chmod(0o755)
    speaker = Speaker(engine=str(script))
    speaker.say("Hello", "en")
    wait_until(lambda: (tmp_path / "child").exists() and (tmp_path / "child").read_text() != "")
    child = int((tmp_path / "child").read_text())
    assert not gone(child)
    speaker.stop()
    wait_until(lambda: gone(child))


def test_a_new_text_interrupts_the_one_being_spoken(tmp_path: Path) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = FakeEngine(tmp_path / "first", after=60)
    second = FakeEngine(tmp_path / "second")
    speaker = Speaker(engine=str(first.path))
    speaker.say("First", "en")
    wait_until(lambda: first.has("argv.json"))
    speaker.engine = str(second.path)
    speaker.say("Second", "en")
    assert reaped(first.pid)  # ended and waited for before the second one started
    wait_until(lambda: second.has("argv.json") and not speaker.speaking())
    assert second.stdin == "Second"


def test_say_returns_at_once_even_when_the_engine_is_slow_to_read(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path, before=1.5)
    speaker = Speaker(engine=str(fake.path))
    text = "The fog horn sounded. " * 50_000  # 1.1 MB: far more than a pipe holds
    started = time.monotonic()
    speaker.say(text, "en")
    assert time.monotonic() - started < 1.0
    wait_until(lambda: fake.has("argv.json") and not speaker.speaking(), seconds=30)
    assert fake.stdin == text


def test_a_failing_engine_is_logged_not_raised(
    tmp_path: Path, kiosk_log: pytest.LogCaptureFixture
) -> None:
    fake = FakeEngine(tmp_path, status=3)
    speaker = Speaker(engine=str(fake.path))
    speaker.say("Hello", "en")
    # The failure is logged as the engine ends, and the speaker is idle a moment after.
    wait_until(lambda: "exited with status 3" in kiosk_log.text and not speaker.speaking())


def test_an_empty_text_starts_nothing(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path)
    speaker = Speaker(engine=str(fake.path))
    speaker.say(" \x00\x1b ", "en")
    time.sleep(0.3)
    assert not (tmp_path / "pid").exists()


def test_synthesize_to_wav_passes_the_file_and_the_text_on_stdin(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path)
    synthesize_to_wav(HOSTILE, "pt-BR", tmp_path / "out.wav", engine=str(fake.path))
    assert fake.stdin == HOSTILE
    assert fake.argv[1:] == ["-v", "pt-br", "-b", "1", "--stdin", "-w", str(tmp_path / "out.wav")]


def test_synthesize_to_wav_raises_when_the_engine_fails(tmp_path: Path) -> None:
    fake = FakeEngine(tmp_path, status=2)
    with pytest.raises(SpeechError, match="failed"):
        synthesize_to_wav("Hello", "en", tmp_path / "out.wav", engine=str(fake.path))


# Pure helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "voice"),
    [
        ("en", "en"),
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("de_AT", "de"),
        ("en-US", "en-us"),
        ("pt-BR", "pt-br"),
        ("zh", "cmn"),
        ("zh-Hant", "cmn"),
        ("--help", "en"),
        ("en -w /tmp/x", "en"),
        ("", "en"),
    ],
)
def test_voice_for(language: str, voice: str) -> None:
    assert voice_for(language) == voice


def test_clean_text_keeps_line_breaks_and_drops_other_controls() -> None:
    assert clean_text("a\tb\r\nc\rd\u2028e") == "a\tb\nc\nd\ne"
    assert clean_text("\x1b[31mred\x1b[0m\x00\x7f\x9b") == "[31mred[0m"
    assert clean_text("灯台 — “light”") == "灯台 — “light”"


# With the real engine -------------------------------------------------------------------------


@needs_engine
@pytest.mark.parametrize(
    ("text", "language"),
    [("The lighthouse keeper lit the lamp.", "en"), ("灯台守がランプを灯した。", "ja")],
)
def test_espeak_ng_writes_a_wav_file(text: str, language: str, tmp_path: Path) -> None:
    path = tmp_path / f"{language}.wav"
    synthesize_to_wav(text, language, path)
    data = path.read_bytes()
    assert len(data) > 44
    assert data[:4] == b"RIFF"
    assert data[8:12] == b"WAVE"


@needs_engine
def test_espeak_ng_treats_a_hostile_text_as_words(tmp_path: Path) -> None:
    path = tmp_path / "hostile.wav"
    synthesize_to_wav(HOSTILE, "en", path)
    assert path.read_bytes()[:4] == b"RIFF"
    assert not Path("/tmp/owned").exists()


def test_a_page_is_read_part_by_part_and_the_screen_is_told_which(tmp_path: Path) -> None:
    """Each part is one engine run, in order; `current_part` is the index in the parts given
    (an empty part is skipped, not counted out), and the end is announced too."""
    heard = tmp_path / "heard"
    script = tmp_path / "fake-espeak-ng"
    script.write_text(f'#!/bin/sh\ncat >> "{heard}"\necho "|" >> "{heard}"\n')
    script.chmod(0o755)
    speaker = Speaker(engine=str(script))
    seen: list[tuple[bool, int | None]] = []
    speaker.on_change = lambda: seen.append((speaker.is_speaking, speaker.current_part))
    assert speaker.speak(["Building on the rocks", " ", "1846–1850"], "en")
    wait_until(lambda: not speaker.is_speaking)
    assert heard.read_text() == "Building on the rocks|\n18 46 to 18 50|\n"
    assert seen == [(True, 0), (True, 2), (False, None)]
