"""Audio description: a page read aloud, each language by an engine that can read it.

Part of the core (no Textual): a preview tool or another front end may speak too.

- engines.py: which engines are installed (Open JTalk for Japanese, espeak-ng for the rest)
  and which one reads a language;
- numbers.py: numbers, dates and ranges rewritten as each language says them;
- prepare.py: a text made safe and cut into pieces its engine can take;
- reading.py: the parts of a page, in reading order, from the model;
- speaker.py: reading aloud, stopping, and telling the screen what is being read;
- wav.py: the same into a WAV file, for tests and checks.

For the UI:

    speaker = Speaker(on_change=...)            # on_change is called from a worker thread
    speaker.engine_for(language) is None        # -> say on screen that audio is unavailable
    speaker.speak(page_reading(exhibit, panel, deeper_open=...), language)
    speaker.is_speaking, speaker.current_part   # what to show while reading
    speaker.stop()                              # on a key, a touch, leaving the page, reset
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .engines import Engine, base_language, find_engines, voice_for
from .speaker import FIND, Speaker

if TYPE_CHECKING:
    from .numbers import for_speech
    from .prepare import clean_text, has_han
    from .reading import page_reading, panel_reading, plain, title_reading
    from .wav import SpeechError, duration, synthesize_to_wav

_LATER = {
    "for_speech": ".numbers",
    "clean_text": ".prepare",
    "has_han": ".prepare",
    "page_reading": ".reading",
    "panel_reading": ".reading",
    "plain": ".reading",
    "title_reading": ".reading",
    "SpeechError": ".wav",
    "duration": ".wav",
    "synthesize_to_wav": ".wav",
}
"""Names imported on first use: the kiosk's start needs only the Speaker (and its engines),
not the text prepared for an engine (numbers and pieces: ~3 ms of regular expressions),
the reading of pages (with the drawings' spoken words) or the WAV writer
(tests/test_start_up.py, tests/test_title_imports.py)."""

__all__ = [
    "FIND",
    "Engine",
    "Speaker",
    "SpeechError",
    "base_language",
    "clean_text",
    "duration",
    "find_engine",
    "find_engines",
    "for_speech",
    "has_han",
    "page_reading",
    "panel_reading",
    "plain",
    "synthesize_to_wav",
    "title_reading",
    "voice_for",
]


def find_engine() -> str | None:
    """The program of the first engine installed here (None when there is none)."""
    engines = find_engines()
    return engines[0].program if engines else None


def __getattr__(name: str) -> object:
    if name in _LATER:
        return getattr(importlib.import_module(_LATER[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
