"""What the visitor sees, pinned as pictures at the two sizes the kiosk must serve well.

Update after an intended change with `pytest --snapshot-update`, then look at the report.
Panels 1, 2 and 4 of the bundled exhibit open with a content advisory: "enter" continues."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp

SIZES = [(80, 24), (120, 40)]
Snap = Callable[..., bool]


def kiosk(exhibit: Exhibit, **options: Any) -> KioskApp:
    """Pages built on the spot: with building while idle (exhibit/ui/prebuild.py), which
    pages were built before the picture was taken would depend on the machine's speed. Pages
    built ahead show the same, cell for cell (tests/test_prebuild.py)."""
    return KioskApp(exhibit, prebuild=False, **options)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_title_screen(snap_compare: Snap, bundled: Exhibit, size: tuple[int, int]) -> None:
    assert snap_compare(kiosk(bundled), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_panel_with_images_and_facts(
    snap_compare: Snap, bundled: Exhibit, size: tuple[int, int]
) -> None:
    assert snap_compare(kiosk(bundled), press=["2", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_index(snap_compare: Snap, bundled: Exhibit, size: tuple[int, int]) -> None:
    assert snap_compare(kiosk(bundled), press=["3", "i"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: Snap, bundled: Exhibit, size: tuple[int, int]) -> None:
    assert snap_compare(kiosk(bundled), press=["1", "enter", "question_mark"], terminal_size=size)


def test_closing_view(snap_compare: Snap, bundled: Exhibit) -> None:
    assert snap_compare(kiosk(bundled), press=["end", "right"], terminal_size=(120, 40))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_japanese_panel(
    snap_compare: Snap, bundled_editions: Mapping[str, Exhibit], size: tuple[int, int]
) -> None:
    """Wide characters wrap whole, borders stay aligned, the strip offers English."""
    app = kiosk(bundled_editions["en"], editions=bundled_editions)
    assert snap_compare(app, press=["3", "l"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_japanese_title(
    snap_compare: Snap, bundled_editions: Mapping[str, Exhibit], size: tuple[int, int]
) -> None:
    app = kiosk(bundled_editions["en"], editions=bundled_editions)
    assert snap_compare(app, press=["l"], terminal_size=size)


def test_high_contrast_panel(snap_compare: Snap, bundled: Exhibit) -> None:
    assert snap_compare(kiosk(bundled), press=["1", "enter", "c"], terminal_size=(120, 40))


def test_content_advisory(snap_compare: Snap, bundled_editions: Mapping[str, Exhibit]) -> None:
    app = kiosk(bundled_editions["en"], editions=bundled_editions)
    assert snap_compare(app, press=["4"], terminal_size=(80, 24))


def test_large_layout(snap_compare: Snap, bundled: Exhibit) -> None:
    assert snap_compare(kiosk(bundled), press=["1", "enter", "plus"], terminal_size=(120, 40))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_panel_with_its_second_layer_open(
    snap_compare: Snap, bundled: Exhibit, size: tuple[int, int]
) -> None:
    assert snap_compare(kiosk(bundled), press=["2", "enter", "m"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_japanese_panel_with_its_second_layer_open(
    snap_compare: Snap, bundled_editions: Mapping[str, Exhibit], size: tuple[int, int]
) -> None:
    app = kiosk(bundled_editions["en"], editions=bundled_editions)
    assert snap_compare(app, press=["3", "l", "m"], terminal_size=size)
