"""The real engines: Open JTalk reads Japanese, espeak-ng reads English, and what they say is
checked on the bundled exhibit's own texts.

.ci/run installs both engines, so in CI (env CI set) a missing engine fails these tests; on a
developer's machine without them they are skipped.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import wave
from array import array
from collections.abc import Mapping
from pathlib import Path

import pytest
from waiting import wait_until

from exhibit.loader import load_exhibit
from exhibit.logs import LOGGER
from exhibit.model import Exhibit
from exhibit.speech import (
    Engine,
    Speaker,
    duration,
    find_engines,
    for_speech,
    panel_reading,
    synthesize_to_wav,
)
from exhibit.speech.engines import engine_for, find_espeak, find_open_jtalk
from exhibit.speech.prepare import has_han, pieces

ROOT = Path(__file__).resolve().parent.parent

CHINESE_LETTER = re.compile(r"tS'aIni:z.{0,6}?l\W?[eE]t")
"""espeak-ng's phonemes for "Chinese letter", what its voices say for a character they cannot
read (in English `tS'aIni:zl,Et3`; the word "Chinese" alone is `tSaIn'i:z`)."""


def needs(program: str) -> None:
    """Skip when `program` is missing, but only outside CI: .ci/run installs it."""
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is not installed, and .ci/run should have installed it")
        pytest.skip(f"{program} is not installed")


@pytest.fixture(scope="module")
def espeak_ng() -> Engine:
    needs("espeak-ng")
    engine = find_espeak()
    assert engine is not None
    return engine


@pytest.fixture(scope="module")
def open_jtalk() -> Engine:
    needs("open_jtalk")
    engine = find_open_jtalk()
    assert engine is not None, "open_jtalk without its dictionary (open-jtalk-mecab-naist-jdic)"
    return engine


@pytest.fixture(scope="module")
def editions() -> Mapping[str, Exhibit]:
    result = load_exhibit(ROOT / "exhibit.yaml")
    assert result.ok, result.problems
    return result.editions


def phonemes(engine: Engine, text: str, language: str) -> str:
    """What espeak-ng would say, as its phoneme mnemonics (nothing is played)."""
    command = [*engine.command(language), "-q", "-x"]
    return subprocess.run(
        command, input=text.encode(), capture_output=True, check=True, timeout=60
    ).stdout.decode()


def open_jtalk_reading(engine: Engine, text: str) -> str:
    """Open JTalk's reading of one line, in katakana, from its trace of the text analysis."""
    command = [*engine.command("ja")[:-2], "-ow", "/dev/null", "-ot", "/dev/stdout"]
    trace = subprocess.run(
        command, input=text.encode(), capture_output=True, check=True, timeout=60
    ).stdout.decode()
    analysis = trace.split("[Text analysis result]")[1].split("[")[0]
    return "".join(line.split(",")[9] for line in analysis.splitlines() if line.count(",") > 9)


def samples(path: Path) -> array[int]:
    with wave.open(os.fspath(path), "rb") as wav:
        assert wav.getsampwidth() == 2
        return array("h", wav.readframes(wav.getnframes()))


FULL_SCALE = 32767


# Which engine reads what ----------------------------------------------------------------------


def test_japanese_is_read_by_open_jtalk_and_english_by_espeak_ng(
    espeak_ng: Engine, open_jtalk: Engine
) -> None:
    installed = find_engines()
    japanese, english = engine_for("ja", installed), engine_for("en", installed)
    assert japanese is not None and japanese.kind == "open-jtalk"
    assert english is not None and english.kind == "espeak-ng"
    assert engine_for("tlh", installed) is None  # Klingon: nothing here reads it
    assert Path(japanese.voice).name == "mei_normal.htsvoice"


def test_the_chinese_letter_check_can_fail(espeak_ng: Engine) -> None:
    """What issue 17 heard: given kanji, espeak-ng's voices say "Chinese letter". The check
    used below finds it (so its finding nothing means something)."""
    raw = subprocess.run(
        [espeak_ng.program, "-q", "-x", "-v", "ja", "-b", "1", "--stdin"],
        input="関東軍の終焉".encode(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert len(CHINESE_LETTER.findall(raw)) == 5
    mixed = "The army 関東軍 fell"
    assert CHINESE_LETTER.search(phonemes(espeak_ng, mixed, "fr"))  # given as written
    (prepared,) = pieces(mixed, "fr", espeak_ng)  # as the speaker gives it
    assert CHINESE_LETTER.search(phonemes(espeak_ng, prepared, "fr")) is None


def test_no_kanji_reach_espeak_ng_from_either_edition(
    espeak_ng: Engine, open_jtalk: Engine, editions: Mapping[str, Exhibit]
) -> None:
    """Japanese pages go to Open JTalk only; espeak-ng, given the English pages, never meets a
    Chinese character and so never says "Chinese letter"."""
    installed = find_engines()
    assert engine_for("ja", installed) == open_jtalk
    assert engine_for("ja", [espeak_ng]) is None  # without Open JTalk: not read, not misread
    for panel in editions["en"].panels:
        for part in panel_reading(panel, deeper_open=True):
            for piece in pieces(part, "en", espeak_ng):
                assert not has_han(piece)
                assert CHINESE_LETTER.search(phonemes(espeak_ng, piece, "en")) is None, piece


# Every panel, both languages, into WAV files ---------------------------------------------------

WORDS_PER_SECOND = (1.5, 4.0)
"""English read aloud: espeak-ng's default is 175 words a minute (2.9 a second); the bundled
panels measure 2.2 to 3.1 (years and numbers are several words each)."""
CHARACTERS_PER_SECOND = (3.0, 7.0)
"""Japanese read aloud: about 7 to 8 morae a second, a kanji being one to three morae; the
bundled panels measure 4.3 to 5.0 characters a second."""


@pytest.mark.parametrize("language", ["en", "ja"])  # one language a test: two workers at once
def test_every_panel_in_both_languages_becomes_speech_of_plausible_length(
    espeak_ng: Engine,
    open_jtalk: Engine,
    editions: Mapping[str, Exhibit],
    language: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each panel's title and the start of what is read first (its lead, or without one the
    first paragraph of its body), to a WAV file by the engine for its language; its length
    must fit the amount of text, and it must be neither silence nor clipped. The first
    panel's lead is read whole (Open JTalk at 0 dB clipped in it); the others' first
    sentence: synthesis costs about a twentieth of the speech's length in CPU time, which the
    whole of every lead would take from the rest of the suite."""
    assert set(editions) == {"en", "ja"}
    measured = []
    for number, panel in enumerate(editions[language].panels):
        lead = getattr(panel, "lead", "") or panel.body.split("\n\n")[0]
        if number:
            lead = re.split(r"(?<=[.。!?！？])\s*", lead.strip(), maxsplit=1)[0]
        text = f"{panel.title}\n\n{lead}"
        path = tmp_path / f"{panel.id}.{language}.wav"
        engine = synthesize_to_wav(text, language, path)
        seconds = duration(path)
        assert engine == (open_jtalk if language == "ja" else espeak_ng)
        if language == "ja":
            low, high = CHARACTERS_PER_SECOND
            amount = len(re.sub(r"\s", "", text))
        else:
            low, high = WORDS_PER_SECOND
            amount = len(for_speech(text, "en").split())
        assert amount / high < seconds < amount / low, (panel.id, language, seconds)
        sound = samples(path)
        assert max(max(sound), -min(sound)) > 1000, (panel.id, language)  # not silence
        # (array.count, not a loop in Python: a minute of speech is over a million samples)
        clipped = sum(sound.count(peak) for peak in (FULL_SCALE, -FULL_SCALE, -FULL_SCALE - 1))
        # A peak may touch full scale; clipping (Open JTalk at 0 dB: 125 samples in the
        # first panel's lead) is heard as distortion.
        assert clipped < 10, (panel.id, language, clipped)
        measured.append(f"{language} {panel.id}: {amount} units, {seconds:.1f} s")
    with capsys.disabled():
        print("\n" + "\n".join(measured))


def test_open_jtalk_reads_ranges_and_counts_as_numbers(open_jtalk: Engine) -> None:
    """Readings from Open JTalk itself, of the exhibit's own forms once rewritten."""

    def reading(text: str) -> str:
        return open_jtalk_reading(open_jtalk, for_speech(text, "ja"))

    assert reading("1945–1956年") == (
        "センキューヒャクヨンジューゴネン" + "カラ" + "センキューヒャクゴジューロクネン"
    )
    assert reading("約57万5000人") == "ヤクゴジューナナマンゴセンニン"
    assert reading("9780–1万2031人") == (
        "キューセンナナヒャク’ハチジューニン" + "カラ" + "イチマンニセンサンジューイチニン"
    )
    assert reading("関東軍の終焉") == "カントーグンノシューエン"


def test_espeak_ng_reads_ranges_and_years_as_a_visitor_says_them(espeak_ng: Engine) -> None:
    def said(text: str) -> str:
        return phonemes(espeak_ng, for_speech(text, "en"), "en").strip()

    hundred = "h'VndrI2d"
    assert hundred in phonemes(espeak_ng, "In 1945 the army", "en")  # as written
    assert hundred not in said("In 1945 the army")  # "nineteen forty-five"
    assert said("1945").startswith("n'aInti:n f")
    assert said("9,780–12,031") == phonemes(espeak_ng, "9,780 to 12,031", "en").strip()
    assert " t@ " in said("1945–1956")


# Reading aloud --------------------------------------------------------------------------------


def fake_player(folder: Path, *, sleep: float = 0.0) -> Path:
    """A player that keeps a copy of every WAV file it is given (and maybe takes its time)."""
    script = folder / "fake-aplay"
    script.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import os, shutil, sys, time
            out = {str(folder)!r}
            number = len([n for n in os.listdir(out) if n.startswith("heard-")])
            shutil.copy(sys.argv[1], os.path.join(out, f"heard-{{number}}.wav"))
            with open(os.path.join(out, f"pid-{{number}}"), "w") as f:
                f.write(str(os.getpid()))
            time.sleep({sleep})
            """
        )
    )
    script.chmod(0o755)
    return script


def test_japanese_is_read_aloud_sentence_by_sentence_through_the_player(
    open_jtalk: Engine, tmp_path: Path
) -> None:
    changes: list[tuple[bool, int | None]] = []
    speaker = Speaker(player=os.fspath(fake_player(tmp_path)))  # every engine installed here
    assert speaker.engine_for("ja") == open_jtalk
    speaker.on_change = lambda: changes.append((speaker.is_speaking, speaker.current_part))
    page = ["関東軍の終焉 1906–1956", "約57万5000人が抑留された。11年に及んだ。"]
    assert speaker.speak(page, "ja")
    wait_until(lambda: not speaker.is_speaking)
    heard = sorted(tmp_path.glob("heard-*.wav"))
    assert len(heard) == 3  # one title, two sentences
    seconds = [duration(path) for path in heard]
    assert all(0.5 < s < 10 for s in seconds), seconds
    assert (True, 0) in changes and (True, 1) in changes and changes[-1] == (False, None)


def test_stop_ends_the_player_and_open_jtalk(open_jtalk: Engine, tmp_path: Path) -> None:
    speaker = Speaker([open_jtalk], player=os.fspath(fake_player(tmp_path, sleep=60)))
    speaker.speak(["一つ目の文です。", "二つ目の文です。"], "ja")
    wait_until(lambda: (tmp_path / "pid-0").exists() and (tmp_path / "pid-0").read_text() != "")
    pid = int((tmp_path / "pid-0").read_text())
    started = time.monotonic()
    speaker.stop()
    assert time.monotonic() - started < 3
    assert not speaker.is_speaking
    with pytest.raises(ChildProcessError):
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)  # ended and reaped
    time.sleep(0.5)
    assert not (tmp_path / "heard-1.wav").exists()  # the second sentence was never played


def test_the_log_says_which_engine_and_voice_read_each_language(
    espeak_ng: Engine, open_jtalk: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger(LOGGER)
    logger.addHandler(caplog.handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        speaker = Speaker(player=os.fspath(fake_player(tmp_path)))
        described = speaker.describe(["en", "ja", "tlh"])
    finally:
        logger.removeHandler(caplog.handler)
        logger.setLevel(level)
    assert described["en"].startswith("espeak-ng") and described["en"].endswith("voice en")
    assert described["ja"].startswith("Open JTalk") and "mei_normal.htsvoice" in described["ja"]
    assert described["tlh"] == "no engine reads this language"
    assert "speech: 'ja' is read by Open JTalk" in caplog.text
    assert "speech: 'en' is read by espeak-ng" in caplog.text
    assert "no installed engine reads 'tlh'" in caplog.text


def test_a_player_that_fails_is_logged_and_the_reading_ends(
    open_jtalk: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """aplay without a sound card exits 1: the log says so, nothing is left running."""
    player = tmp_path / "broken-aplay"
    player.write_text("#!/bin/sh\nexit 1\n")
    player.chmod(0o755)
    logger = logging.getLogger(LOGGER)
    logger.addHandler(caplog.handler)
    try:
        speaker = Speaker([open_jtalk], player=os.fspath(player))
        assert speaker.speak(["一つ目の文です。二つ目の文です。"], "ja")
        wait_until(lambda: not speaker.is_speaking)
    finally:
        logger.removeHandler(caplog.handler)
    assert "broken-aplay" in caplog.text and "exited with status 1" in caplog.text
