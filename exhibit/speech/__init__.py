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

from .engines import Engine, base_language, find_engines, voice_for
from .numbers import for_speech
from .prepare import clean_text, has_han
from .reading import page_reading, panel_reading, plain, title_reading
from .speaker import FIND, Speaker
from .wav import SpeechError, duration, synthesize_to_wav

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
