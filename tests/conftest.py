"""Shared fixtures: the bundled exhibit, a second unrelated exhibit, and small YAML files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "exhibit.yaml"

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
