"""The speech engines the kiosk can use, and which one reads which language.

Two engines, both offline and packaged by Debian:

- Open JTalk (`open_jtalk`, with the NAIST dictionary) reads Japanese, kanji included. It only
  writes WAV files, so a player (`aplay` or `paplay`) makes it heard; it reads one line at a
  time, so texts go to it sentence by sentence (see prepare.py).
- espeak-ng reads English and a hundred other languages and plays its own sound. Its Japanese
  voice knows only kana: every kanji comes out as the English words "Chinese letter", so it is
  never given Japanese.

Nothing here names an exhibit: which engine reads a language is decided from what is installed.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from ..logs import LOGGER

log = logging.getLogger(LOGGER)

ESPEAK_PROGRAMS: Final = ("espeak-ng", "espeak")
"""espeak-ng (or the older espeak, whose command line it shares), best first."""

OPEN_JTALK: Final = "open_jtalk"
OPEN_JTALK_LANGUAGES: Final = frozenset({"ja"})
OPEN_JTALK_DICTIONARIES: Final = (
    Path("/var/lib/mecab/dic/open-jtalk/naist-jdic"),  # Debian's open-jtalk-mecab-naist-jdic
    Path("/usr/share/open-jtalk/dic"),
    Path("/usr/local/share/open-jtalk/dic"),
)
BUNDLED_VOICES: Final = Path(__file__).parent / "voices"
"""HTS voices shipped with the kiosk: "Mei" (mei_normal.htsvoice), CC BY 3.0, Nagoya Institute
of Technology / MMDAgent Project, as carried in the pyopenjtalk packages on PyPI (its licence
is beside it, in mei_normal.LICENSE.txt)."""
SYSTEM_VOICES: Final = (Path("/usr/share/hts-voice"), Path("/usr/local/share/hts-voice"))

OPEN_JTALK_GAIN_DB: Final = "-4"
"""Open JTalk's volume: at 0 dB the Mei voice clips (over a thousand samples at full scale in
one panel: distortion on loud syllables); at -4 dB its peaks stay below -1.5 dB."""

PLAYERS: Final = ("aplay", "paplay")
"""Programs that play the WAV file named on their command line (a file the speaker wrote):
ALSA's (which PipeWire, where it runs, takes over through pipewire-alsa), then PulseAudio's."""

ESPEAK_CANNOT_READ: Final = frozenset({"ja"})
"""Languages espeak-ng has a voice for but cannot read: its Japanese voice says "Chinese
letter" for every kanji."""

DEFAULT_VOICE: Final = "en"

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")

_ESPEAK_VOICES: Final = {
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
first part ("de-AT" with "de")."""

VOICE_LIST_TIMEOUT: Final = 10.0


def base_language(language: str) -> str:
    """ "ja" for "ja-JP" or "JA_jp"; "" for something that is not a language code."""
    code = language.strip()
    if not _LANGUAGE.fullmatch(code):
        return ""
    return code.lower().replace("_", "-").split("-")[0]


def voice_for(language: str) -> str:
    """The espeak-ng voice for a language code such as "en", "fr" or "pt-BR".

    A code that is not shaped like one (it comes from exhibit.yaml) gets the default voice, so
    nothing but a plain voice name ever reaches the engine's command line.
    """
    code = language.strip()
    if not _LANGUAGE.fullmatch(code):
        log.warning("speech: %r is not a language code; speaking with %r", code, DEFAULT_VOICE)
        return DEFAULT_VOICE
    code = code.lower().replace("_", "-")
    base = code.split("-")[0]
    return _ESPEAK_VOICES.get(code) or _ESPEAK_VOICES.get(base) or base


@dataclass(frozen=True)
class Engine:
    """One installed engine: how to run it and what it reads.

    `languages` is None when the engine's voices are unknown (a program given by hand): it is
    then trusted with every language it is not known to misread.
    """

    kind: Literal["espeak-ng", "open-jtalk"]
    program: str
    voice: str = ""
    """Open JTalk: the HTS voice file. espeak-ng: empty (the voice follows the language)."""
    dictionary: str = ""
    languages: frozenset[str] | None = field(default=None, repr=False)

    def reads(self, language: str) -> bool:
        base = base_language(language)
        if self.kind == "open-jtalk":
            return base in OPEN_JTALK_LANGUAGES
        if base in ESPEAK_CANNOT_READ:
            return False
        if self.languages is None:
            return True
        voice = voice_for(language)
        return voice in self.languages or voice.split("-")[0] in self.languages

    def command(self, language: str) -> list[str]:
        """Arguments that read standard input aloud (espeak-ng) or into a WAV on standard
        output (Open JTalk, one line at a time)."""
        if self.kind == "open-jtalk":
            return [
                *(self.program, "-x", self.dictionary, "-m", self.voice),
                *("-g", OPEN_JTALK_GAIN_DB, "-ow", "/dev/stdout"),
            ]
        return [self.program, "-v", voice_for(language), "-b", "1", "--stdin"]

    def describe(self, language: str) -> str:
        """For the log: the engine and the voice that read `language`."""
        if self.kind == "open-jtalk":
            return f"Open JTalk ({self.program}), voice {self.voice}"
        return f"{Path(self.program).name} ({self.program}), voice {voice_for(language)}"


def espeak(program: str) -> Engine:
    """espeak-ng (or a program that takes its arguments) at `program`, trusted with any
    language it is not known to misread."""
    return Engine(kind="espeak-ng", program=program)


def find_espeak() -> Engine | None:
    for name in ESPEAK_PROGRAMS:
        path = shutil.which(name)
        if path:
            return Engine(kind="espeak-ng", program=path, languages=espeak_languages(path))
    return None


@functools.cache
def espeak_languages(program: str) -> frozenset[str] | None:
    """The voices `espeak-ng --voices` lists, and each one's first part ("en-gb" and "en")."""
    try:
        listing = subprocess.run(
            [program, "--voices"],
            capture_output=True,
            text=True,
            timeout=VOICE_LIST_TIMEOUT,
            check=True,
            stdin=subprocess.DEVNULL,
        ).stdout
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("speech: cannot list the voices of %s: %s", program, error)
        return None
    codes: set[str] = set()
    for line in listing.splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 2:
            code = fields[1].lower()
            codes |= {code, code.split("-")[0]}
    return frozenset(codes)


def find_open_jtalk() -> Engine | None:
    """Open JTalk with a dictionary and a voice; None (and why, in the log) if one is missing."""
    program = shutil.which(OPEN_JTALK)
    if program is None:
        return None
    dictionary = next((d for d in OPEN_JTALK_DICTIONARIES if (d / "sys.dic").is_file()), None)
    voice = find_hts_voice()
    if dictionary is None or voice is None:
        missing = "dictionary (open-jtalk-mecab-naist-jdic)" if dictionary is None else "voice"
        log.warning("speech: Open JTalk is installed but has no %s", missing)
        return None
    return Engine(kind="open-jtalk", program=program, voice=str(voice), dictionary=str(dictionary))


def find_hts_voice(places: Sequence[Path] = (*SYSTEM_VOICES, BUNDLED_VOICES)) -> Path | None:
    """The first HTS voice file in `places`: one an administrator installed on purpose (see
    deploy/AUDIO.md), else the bundled one."""
    for place in places:
        found = sorted(place.rglob("*.htsvoice")) if place.is_dir() else []
        if found:
            return found[0]
    return None


def find_player() -> str | None:
    for name in PLAYERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def installed() -> bool:
    """Whether an engine's program is here, without asking it for its voices (find_engines
    runs `espeak-ng --voices`, a program)."""
    return any(shutil.which(name) for name in (OPEN_JTALK, *ESPEAK_PROGRAMS))


def find_engines() -> tuple[Engine, ...]:
    """Every engine installed here, the specialist (Open JTalk) before the generalist."""
    return tuple(e for e in (find_open_jtalk(), find_espeak()) if e is not None)


def engine_for(language: str, engines: Sequence[Engine]) -> Engine | None:
    """The first of `engines` that reads `language`; None when none can."""
    return next((engine for engine in engines if engine.reads(language)), None)
