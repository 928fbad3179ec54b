"""QR codes that take a visitor from a panel to its page on the museum's website: each one,
as the kiosk draws it in half blocks, reads back (with a real decoder) as the address of a page
that `kiosk site` wrote; no address set, nothing shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from textual.app import App, ComposeResult

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.qr import Matrix, qr_matrix
from exhibit.site import write_site
from exhibit.site.addresses import exhibit_address, panel_address
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
  - id: keepers-and-their-families
    title: {{en: The keepers' watch, ja: 灯台守の見張り}}
"""


def decode(matrix: Matrix, scale: int = 6) -> str:
    """What a QR reader makes of the matrix, drawn dark on light with a white margin."""
    side = len(matrix)
    image = Image.new("L", (side, side), 255)
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    big = image.resize((side * scale, side * scale), Image.Resampling.NEAREST)
    framed = Image.new("L", (big.width + 8 * scale, big.height + 8 * scale), 255)
    framed.paste(big, (4 * scale, 4 * scale))
    found = zxingcpp.read_barcodes(framed)
    assert len(found) == 1, "no QR code found"
    return str(found[0].text)


def load(path: Path) -> tuple[Exhibit, dict[str, Exhibit]]:
    result = load_exhibit(path)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit, dict(result.editions)


@pytest.fixture
def exhibit_file(write_yaml: Callable[[str], Path]) -> Path:
    return write_yaml(EXHIBIT)


def test_every_code_reads_back_as_a_page_the_site_has(exhibit_file: Path, tmp_path: Path) -> None:
    exhibit, editions = load(exhibit_file)
    site = tmp_path / "site"
    write_site(exhibit, exhibit_file.parent, site, editions)
    addresses = []
    for language in ("en", "ja"):
        addresses.append(exhibit_address(exhibit, language))
        addresses.extend(panel_address(exhibit, p.id, language) for p in exhibit.panels)
    assert f"{SITE}/ja/keepers-and-their-families.html" in addresses
    for address in addresses:
        assert address is not None
        assert decode(qr_matrix(address)) == address
        page = address.removeprefix(SITE + "/")
        assert (site / page / "index.html" if page.endswith("/") else site / page).is_file()


def test_no_site_address_no_code(write_yaml: Callable[[str], Path]) -> None:
    exhibit, _ = load(write_yaml(EXHIBIT.replace(f"  site_url: {SITE}\n", "")))
    assert panel_address(exhibit, "towers", "en") is None
    assert exhibit_address(exhibit, "en") is None


def test_a_site_address_that_is_not_one_is_refused_in_plain_words(
    write_yaml: Callable[[str], Path],
) -> None:
    result = load_exhibit(write_yaml(EXHIBIT.replace(SITE, "museum.example/lights")))
    assert result.exhibit is None
    assert any("site_url" in str(p) and ":4:" in str(p) for p in result.problems.items)


class OneCode(App[None]):
    def __init__(self, address: str | None) -> None:
        super().__init__()
        self.address = address

    def compose(self) -> ComposeResult:
        yield QRCode(self.address)


def drawn_matrix(code: QRCode) -> Matrix:
    """The modules back from the half blocks the widget draws: foreground above, background
    below."""
    rows: list[list[bool]] = []
    for y in range(code.size.height):
        upper: list[bool] = []
        lower: list[bool] = []
        for segment in code.render_line(y):
            assert set(segment.text) == {UPPER_HALF}
            style = segment.style
            assert style is not None and style.color is not None and style.bgcolor is not None
            upper += [style.color.name == DARK] * len(segment.text)
            lower += [style.bgcolor.name == DARK] * len(segment.text)
        rows += [upper, lower]
    return tuple(tuple(row) for row in rows)


async def test_the_widget_draws_a_code_a_phone_can_read() -> None:
    address = f"{SITE}/en/towers.html"
    app = OneCode(address)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        code = app.query_one(QRCode)
        side = len(qr_matrix(address))
        assert (code.size.width, code.size.height) == (side, (side + 1) // 2)
        assert decode(drawn_matrix(code)[:side]) == address
        code.address = f"{SITE}/ja/towers.html"  # the visitor turned the page or the language
        await pilot.pause()
        assert decode(drawn_matrix(code)[:side]) == f"{SITE}/ja/towers.html"


async def test_the_widget_without_an_address_takes_no_room() -> None:
    app = OneCode(None)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        code = app.query_one(QRCode)
        assert code.display is False or code.size.height == 0
        assert code.region.area == 0
