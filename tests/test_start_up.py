"""The kiosk's start leaves what the title does not need until the title is on screen: the
checks that can only warn (label lengths, fit, every picture opened), the speech engines'
search, Pillow and the screens not shown. What a visitor sees and what staff are told stay the
same: a broken picture is still described on its panel, `--check` still names it, and the
running kiosk logs the same warnings once the title is up."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

import media_files
import pytest
from kiosk_pilot import screen_text, until
from test_pictures_on_screen import settled

from exhibit import cli
from exhibit.analytics import store
from exhibit.analytics.recorder import Recorder, open_recorder
from exhibit.analytics.sessions import Visit, visits
from exhibit.loader import advise, load_exhibit
from exhibit.logs import LOGGER
from exhibit.model import AnalyticsSettings
from exhibit.problems import Problems
from exhibit.speech.engines import Engine
from exhibit.ui.app import KioskApp
from exhibit.ui.images import ImageSettings, widget_class

LONG_ALT = "A drawing of a lighthouse on a rock, " * 5
EXHIBIT = f"""\
exhibit:
  title: {{en: A small gallery, fr: Une petite galerie}}
  languages: [en, fr]
panels:
  - id: pictures
    title: {{en: Two pictures, fr: Deux images}}
    body: {{en: Look to the right., fr: Regardez à droite.}}
    images:
      - file: media/broken.jpg
        alt: {{en: A picture whose file is damaged., fr: "{LONG_ALT}"}}
        caption: {{en: The broken picture, fr: L'image abîmée}}
      - file: media/missing.png
        alt: {{en: A picture never saved., fr: Une image jamais enregistrée.}}
  - id: words
    title: {{en: Only words, fr: Rien que des mots}}
    body: {{en: Nothing to see., fr: Rien à voir.}}
"""


@pytest.fixture
def exhibit_file(write_yaml: Callable[[str], Path], tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir()
    media_files.truncated_jpeg(tmp_path / "media" / "broken.jpg")
    return write_yaml(EXHIBIT)


def warnings(problems: Problems) -> list[str]:
    return [str(problem) for problem in problems.sorted()]


def test_the_warnings_left_out_at_start_are_the_ones_check_gives(exhibit_file: Path) -> None:
    full = load_exhibit(exhibit_file)
    everything = warnings(full.problems)
    assert any("broken.jpg" in w for w in everything), everything
    assert any("missing.png" in w for w in everything), everything
    assert any("'fr'" in w and "alt text" in w for w in everything), everything
    started = load_exhibit(exhibit_file, advice=False)
    assert started.ok and warnings(started.problems) == []
    advise(started)
    assert warnings(started.problems) == everything


def test_check_still_names_every_picture_it_cannot_show(
    exhibit_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([str(exhibit_file), "--check"]) == 0
    out = capsys.readouterr().out
    assert "broken.jpg" in out and "missing.png" in out and ": OK (" in out


async def test_the_kiosk_describes_a_broken_picture_and_logs_it_after_the_title(
    exhibit_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    result = load_exhibit(exhibit_file, advice=False)
    assert result.exhibit is not None
    widget_class("halfcell")
    app = KioskApp(
        result.exhibit,
        editions=result.editions,
        images=ImageSettings(mode="halfcell", folder=result.folder),
        after_title=partial(cli.advice_to_log, result),
    )
    caplog.set_level(logging.WARNING, logger=LOGGER)
    async with app.run_test(size=(120, 40)) as pilot:

        def logged() -> str:
            return "\n".join(record.getMessage() for record in caplog.records)

        await until(pilot, lambda: "broken.jpg" in logged(), note="(the warnings logged)")
        assert "missing.png" in logged() and "alt text" in logged()
        await pilot.press("1")
        await settled(pilot)
        text = screen_text(app)
        assert "A picture whose file is damaged." in text and "The broken picture" in text
        assert "A picture never saved." in text


def test_the_speech_engines_are_looked_for_only_once_the_title_is_drawn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Listing espeak-ng's voices runs a program, which on two cores delayed the title: the
    search starts with what the app runs after its first frame (cli.after_the_title), in the
    background, and what asks for the engines afterwards gets what it found."""
    from exhibit.speech import speaker as speaker_module

    searched = threading.Event()
    espeak = Engine("espeak-ng", "/usr/bin/espeak-ng")

    def search() -> tuple[Engine, ...]:
        searched.set()
        return (espeak,)

    monkeypatch.setattr(speaker_module, "find_engines", search)
    monkeypatch.setattr(speaker_module, "find_player", lambda: None)
    monkeypatch.setenv("TEXTUAL_DRIVER", "headless")  # no terminal guard: the app never runs
    seen: dict[str, object] = {}

    def run(app: KioskApp) -> None:
        seen["before the title"] = searched.is_set()
        assert app.after_title is not None
        app.after_title()  # what the app runs once its first frame is drawn
        seen["after it"] = searched.wait(10)
        seen["engines"] = app.speaker.engines

    monkeypatch.setattr(KioskApp, "run", run)
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text("exhibit: {title: Words}\npanels:\n  - {id: a, title: A, body: Text.}\n")
    try:
        code = cli.main([str(exhibit), "--no-record", "--log", str(tmp_path / "kiosk.log")])
    finally:
        gc.enable()  # the start turns it off until the app's first quiet moment
    assert code == 0
    assert seen == {"before the title": False, "after it": True, "engines": (espeak,)}


def test_what_the_title_does_not_need_is_not_imported_before_it(exhibit_file: Path) -> None:
    """The start as cli.start runs it up to the app (in a fresh interpreter): Pillow, numpy,
    textual-image, importlib.metadata, the website writer, the panel screens, the staff screen's
    visitor figures, the reading of pages and (with no time zone for opening hours) zoneinfo
    come later, when something needs them."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from exhibit.loader import load_exhibit\n"
        "from exhibit.speech import Speaker\n"
        "from exhibit.ui.app import KioskApp\n"
        "from exhibit.ui.images import ImageSettings, widget_class\n"
        "from exhibit.ui.unattended import Machine\n"
        f"result = load_exhibit(Path({str(exhibit_file)!r}), advice=False)\n"
        "widget_class('halfcell')\n"
        "KioskApp(result.exhibit, editions=result.editions, speaker=Speaker(None),\n"
        "         images=ImageSettings(mode='halfcell', folder=result.folder))\n"
        "later = ('PIL', 'numpy', 'textual_image', 'importlib.metadata', 'exhibit.media',\n"
        "         'exhibit.site.writer', 'exhibit.ui.screens.panel',\n"
        "         'exhibit.analytics.headline', 'exhibit.speech.reading',\n"
        "         'exhibit.drawings.spoken', 'exhibit.speech.wav', 'wave', 'zoneinfo')\n"
        "print(sorted(set(later) & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


@pytest.mark.parametrize("started_by_the_title", [True, False])
def test_the_visit_recorder_opens_its_file_once_the_title_is_drawn_and_loses_nothing(
    tmp_path: Path, started_by_the_title: bool
) -> None:
    """The kiosk makes its recorder with start=False and starts it after the title's first
    frame (cli.advice_to_log): until then no SQLite is opened, the visit's events wait in the
    queue, and a kiosk that stops before its title still writes them."""
    path = tmp_path / "visits.sqlite"
    recorder = open_recorder(AnalyticsSettings(), ("a", "b"), path, start=False)
    assert isinstance(recorder, Recorder)
    recorder.interaction()
    recorder.page_shown("a")
    assert not path.exists()
    assert "recorder" not in [thread.name for thread in threading.enumerate()]  # no writer yet
    if started_by_the_title:
        cli.advice_to_log(load_exhibit(write_small_exhibit(tmp_path), advice=False), recorder)
    recorder.close()
    [visit] = read_visits(path)
    assert visit.touches == 1 and visit.reason == "closed"


def write_small_exhibit(folder: Path) -> Path:
    path = folder / "exhibit.yaml"
    path.write_text(
        "exhibit: {title: {en: Words}}\npanels:\n  - {id: a, title: {en: A}, body: {en: Text.}}\n",
        encoding="utf-8",
    )
    return path


def read_visits(path: Path) -> list[Visit]:
    db = store.open_for_reading(path)
    try:
        return list(visits(store.events(db)))
    finally:
        db.close()
