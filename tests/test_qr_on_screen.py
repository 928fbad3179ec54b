"""QR codes on screen (issue 16): each panel carries a small code of its own web page, and the
closing page one of the whole exhibit's, in the visitor's language; read back from what the
terminal is sent, as a phone would read the screen. None at 80x24 (it would crowd the text),
none without `site_url`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kiosk_pilot import until
from test_qr import decode

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.qr import Matrix
from exhibit.site.addresses import exhibit_address, panel_address
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.closing import ClosingScreen
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.widgets.qr_code import DARK, UPPER_HALF, QRCode

SITE = "https://museum.example/lights"
EXHIBIT = f"""\
exhibit:
  title: {{en: Lighthouses, ja: 灯台}}
  languages: [en, ja]
  site_url: {SITE}
panels:
  - id: towers
    title: {{en: Building on the rocks, ja: 岩の上に建てる}}
    lead: {{en: Stone towers rise on rocks at sea., ja: 海の岩の上に石の塔が建つ。}}
    body: {{en: Granite blocks were set at low tide., ja: 干潮のときに花崗岩を積んだ。}}
    facts:
      - label: "1811"
        text: {{en: Bell Rock light first lit, ja: ベル・ロック灯台が初めて点灯}}
  - id: keepers
    title: {{en: The keepers' watch, ja: 灯台守の見張り}}
    body: {{en: Keepers lived in shifts of three., ja: 灯台守は三交代で暮らした。}}
"""


def load(path: Path) -> tuple[Exhibit, dict[str, Exhibit]]:
    result = load_exhibit(path)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit, dict(result.editions)


def on_screen(app: KioskApp) -> list[Matrix]:
    """Every QR code the terminal shows, as modules read back from the screen's cells (upper
    half the foreground, lower half the background of each "▀")."""
    screen = app.screen
    strips = screen._compositor.render_strips()
    found: list[Matrix] = []
    for code in screen.query(QRCode):
        region = code.region
        if not code.display or not region.area or not code.visible:
            continue
        rows: list[tuple[bool, ...]] = []
        for y in range(region.y, region.bottom):
            line = strips[y].crop(region.x, region.right)
            upper: list[bool] = []
            lower: list[bool] = []
            for segment in line:
                assert set(segment.text) <= {UPPER_HALF}, "the code is covered"
                style = segment.style
                assert style is not None and style.color and style.bgcolor
                upper += [style.color.name == DARK] * len(segment.text)
                lower += [style.bgcolor.name == DARK] * len(segment.text)
            rows += [tuple(upper), tuple(lower)]
        found.append(tuple(rows[: region.width]))  # square: drop the odd last light row
    return found


@pytest.fixture
def lights(write_yaml: Callable[[str], Path]) -> tuple[Exhibit, dict[str, Exhibit]]:
    return load(write_yaml(EXHIBIT))


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_each_panel_and_the_closing_page_show_their_own_address(
    lights: tuple[Exhibit, dict[str, Exhibit]], language: str
) -> None:
    exhibit, editions = lights
    app = KioskApp(exhibit, editions=editions)
    async with app.run_test(size=(120, 40)) as pilot:
        if language == "ja":
            await pilot.press("l")
        for number, panel in enumerate(exhibit.panels, start=1):
            await pilot.press(str(number))
            await until(pilot, lambda: isinstance(app.screen, PanelScreen))
            assert app.position == number
            await pilot.pause()
            codes = on_screen(app)
            assert [decode(code) for code in codes] == [panel_address(exhibit, panel.id, language)]
        await pilot.press("end", "right")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen))
        await pilot.pause()
        assert [decode(code) for code in on_screen(app)] == [exhibit_address(exhibit, language)]
        assert decode(on_screen(app)[0]) == f"{SITE}/{language}/"


async def test_no_code_at_80x24_where_it_would_crowd_the_text(
    lights: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = lights
    app = KioskApp(exhibit, editions=editions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen))
        await pilot.pause()
        assert on_screen(app) == []


async def test_no_site_no_code(write_yaml: Callable[[str], Path]) -> None:
    exhibit, editions = load(write_yaml(EXHIBIT.replace(f"  site_url: {SITE}\n", "")))
    app = KioskApp(exhibit, editions=editions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen))
        assert not app.screen.query(QRCode)
        await pilot.press("end", "right")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen))
        assert not app.screen.query(QRCode)


@pytest.mark.parametrize("size", [(100, 30), (104, 30), (160, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_code_is_shown_whole_or_not_at_all(
    lights: tuple[Exhibit, dict[str, Exhibit]], size: tuple[int, int]
) -> None:
    exhibit, editions = lights
    app = KioskApp(exhibit, editions=editions)
    async with app.run_test(size=size) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen))
        await pilot.pause()
        codes = app.screen.query(QRCode)
        assert len(codes) == 1
        code = codes.first()
        shown = on_screen(app)
        if shown:
            assert code.region.width == code.get_content_width(code.size, code.size)
            assert [decode(matrix) for matrix in shown] == [panel_address(exhibit, "towers", "en")]
        else:
            assert size[0] < 120  # there is room at 120 columns and more
