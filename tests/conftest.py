"""Shared fixtures: the bundled exhibit, a second unrelated exhibit, and small YAML files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from small_exhibits import write_tokei

from exhibit.loader import LoadResult, load_exhibit
from exhibit.model import Exhibit

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "exhibit.yaml"

LONGEST_FIRST = (
    "test_untrusted_text.py::test_a_sweep_of_sizes",
    "test_hardening.py::test_a_thousand_random_keys",
    "test_terminal_survival.py::test_closing_the_terminal",
    "test_speech_engines.py::test_every_panel",
    "test_media_hardening.py::test_at_start_up_every_picture",
    "test_media_hardening.py::test_by_live_reload_every_picture",
    "test_kept_pages.py::test_a_new_language",
    "test_preview.py::test_every_page",
    "test_ansible.py::test_the_playbook_provisions",
    "test_screen_care_on_screen.py::test_a_day_unattended",
    "test_untrusted_text.py::test_every_page_renders_at_any_size",
    "test_watchdog.py::test_pings_arrive_while_healthy_and_stop_when_the_ui_loop_hangs",
    "test_terminal_survival.py::test_malformed_key_sequences_and_random_bytes_are_harmless",
)
"""Tests of ten seconds or more (`pytest --durations=30`), started first: the suite runs on
parallel workers (pytest-xdist, in pyproject's addopts), and a long test handed out last
would keep one worker busy while the others stand idle."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        where = item.nodeid.rpartition("/")[2]
        return next(
            (n for n, name in enumerate(LONGEST_FIRST) if where.startswith(name)),
            len(LONGEST_FIRST),
        )

    items.sort(key=rank)  # stable: the rest keep their order


LIGHTHOUSES = """\
exhibit:
  title: Lighthouses of the North Sea
  subtitle: Keepers, lamps and storms
  intro: |
    Three towers, two centuries, one job: keep the light burning.
  timeline: {start: 1800, end: 1990}
  credits: |
    A test exhibit about lighthouses.
kiosk:
  demo_interval: 5
  idle_timeout: 60
panels:
  - id: towers
    theme: Towers
    title: Building on the rocks
    period: 1800–1850
    timeline: {start: 1800, end: 1850}
    summary: Stone towers rise on rocks at sea.
    body: |
      Granite blocks were cut on shore and set at low tide.
    facts:
      - label: "1811"
        text: Bell Rock light first lit
    images:
      - alt: A granite tower on a rock at low tide.
        caption: Bell Rock, about 1820
        credit: Engraver unknown
    sources: [L1]
  - id: keepers
    title: The keepers' watch
    body: Keepers lived in shifts of three.
    sources: [L1]
  - id: lamps
    title: Lamps and lenses
    body: Fresnel lenses threw the light twenty miles.
sources:
  - id: L1
    text: A history of lighthouses.
"""


LONG_BODY = " ".join(
    f"Clockmakers in workshop {n} filed teeth, hung weights and set the beat by ear."
    for n in range(1, 40)
)

CLOCKS = f"""\
exhibit:
  title: Keeping Time
  subtitle: Five ways of telling the hour
  intro: |
    From shadows to atoms: how people counted the hours.
  timeline: {{start: 1500, end: 2000}}
  credits: |
    A test exhibit about clocks.
panels:
  - id: shadows
    theme: Shadows
    title: Reading the sun
    period: 1500–1650
    timeline: {{start: 1500, end: 1650}}
    summary: Sundials tell the hour when the sun shines.
    body: A gnomon casts a shadow on the hour lines.
    sources: [C1]
  - id: pendulum
    theme: Pendulum
    title: The swinging weight
    period: 1656–1900
    timeline: {{start: 1656, end: 1900}}
    summary: The pendulum makes clocks true to a minute a day.
    body: |
      {LONG_BODY}
    facts:
      - label: "1656"
        text: Huygens builds the first pendulum clock
      - label: "1721"
        text: Graham's deadbeat escapement
      - label: "1889"
        text: Riefler's precision regulator
    images:
      - alt: A tall case clock with its pendulum showing.
        caption: Long-case clock, about 1700
        credit: Museum photograph
      - alt: A drawing of an anchor escapement.
        caption: The anchor escapement
        credit: Engraving, 1780
    sources: [C1, C2]
  - id: springs
    theme: Springs
    title: Time in the pocket
    period: 1700–1950
    body: A coiled spring drives the watch.
  - id: wartime
    theme: Wartime
    title: Clocks at war
    period: 1914–1945
    advisory: This panel mentions the dead of two wars.
    body: Trench watches were worn on the wrist.
  - id: atoms
    theme: Atoms
    title: The caesium second
    period: 1955–2000
    body: Since 1967 the second is counted in caesium atoms.
sources:
  - id: C1
    text: A history of timekeeping.
  - id: C2
    text: Pendulum clocks and their makers.
"""
"""Five panels like the bundled exhibit's: facts, images and sources on the second, a long text
there (it scrolls at 80x24), and a content advisory before the fourth."""


@pytest.fixture(scope="session", autouse=True)
def kiosks_of_their_own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """What the kiosks the tests start inherit, made theirs: the log, status.json and visit
    record (XDG_STATE_HOME) in this run's own folder, not the developer's, nor shared with
    the other parallel workers (pytest-xdist); and no COLUMNS or LINES, which xdist sets in
    its workers (80x24) and a kiosk would take for its terminal's size."""
    folder = tmp_path_factory.mktemp("state")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", str(folder))
        patch.delenv("COLUMNS", raising=False)
        patch.delenv("LINES", raising=False)
        yield folder


@pytest.fixture
def clocks(tmp_path: Path) -> Exhibit:
    path = tmp_path / "clocks" / "exhibit.yaml"
    path.parent.mkdir()
    path.write_text(CLOCKS, encoding="utf-8")
    result = load_exhibit(path)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit


@pytest.fixture(scope="session")
def bundled() -> Exhibit:
    result = load_exhibit(BUNDLED)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit


@pytest.fixture(scope="session")
def bundled_editions() -> Mapping[str, Exhibit]:
    """The bundled exhibit in each of its languages, the default first."""
    result = load_exhibit(BUNDLED)
    assert result.exhibit is not None and result.editions
    return result.editions


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str], Path]:
    """Write YAML text (dedented) to a fresh exhibit.yaml in tmp_path and return its path."""

    def write(text: str) -> Path:
        path = tmp_path / "exhibit.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def lighthouses(write_yaml: Callable[[str], Path]) -> Exhibit:
    result = load_exhibit(write_yaml(LIGHTHOUSES))
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit


@pytest.fixture
def tokei(tmp_path: Path) -> LoadResult:
    """Keeping Time in English and Japanese, with a picture file (tests/small_exhibits.py)."""
    return write_tokei(tmp_path / "tokei")
