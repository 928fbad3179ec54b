"""A panel's lead first, the rest as a second layer the visitor opens on purpose (issue 19):
by key m or a touch on "Read more ▼", closed again the same way, in both languages, and
closed on every new page; a panel without a lead shows its body as before. Sources are one
line of ids on the panel, in full on the closing page. On small exhibits written here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kiosk_pilot import click_like_the_terminal, screen_text, until

from exhibit.analytics.journey_events import Recording
from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.closing import ClosingScreen
from exhibit.ui.screens.help import HelpScreen
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.widgets.more_toggle import MoreToggle

LEAD = "Keepers climbed the tower at dusk to light the lamp."
DEEPER = "The deeper story: a keeper's log of the great storm of 1881."
NO_LEAD = "Fresnel lenses threw the light twenty miles."
LAYERED = f"""\
exhibit:
  title: {{en: Lighthouses, ja: 灯台}}
  languages: [en, ja]
panels:
  - id: keepers
    title: {{en: The keepers' watch, ja: 灯台守の見張り}}
    summary: {{en: Keepers lived in shifts of three., ja: 灯台守は三交代で暮らした。}}
    lead: {{en: "{LEAD}", ja: 灯台守は夕暮れに塔に登り、灯をともした。}}
    body: {{en: "{DEEPER}", ja: もっと深い話：1881年の大嵐の日誌。}}
    facts:
      - label: "1811"
        text: {{en: Bell Rock light first lit, ja: ベル・ロック灯台が初めて点灯}}
    sources: [L1, L2]
  - id: lamps
    title: {{en: Lamps and lenses, ja: 灯とレンズ}}
    body: {{en: "{NO_LEAD}", ja: フレネルレンズの光は二十マイル先まで届いた。}}
sources:
  - id: L1
    text: A history of lighthouses.
  - id: L2
    text: The keepers' logbooks.
"""


def load(path: Path) -> tuple[Exhibit, dict[str, Exhibit]]:
    result = load_exhibit(path)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit, dict(result.editions)


@pytest.fixture
def layered(write_yaml: Callable[[str], Path]) -> tuple[Exhibit, dict[str, Exhibit]]:
    return load(write_yaml(LAYERED))


def deeper_shown(app: KioskApp) -> bool:
    return any(w.display and DEEPER in str(getattr(w, "source", "")) for w in app.screen.query("*"))


def visible(app: KioskApp, words: str) -> bool:
    """`words` are on screen where a visitor sees them: shown, with room, not scrolled away."""
    page = app.screen
    for widget in page.query("*"):
        source = str(getattr(widget, "source", "")) + str(getattr(widget, "content", ""))
        if words in source and widget.display and widget.region.area:
            return bool(widget.visible) and all(a.display for a in widget.ancestors_with_self)
    return False


class Figures:
    """A recorder that keeps only what the second layer tells it (every other call is
    accepted and forgotten)."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def more_opened(self, panel: str) -> None:
        self.opened.append(panel)

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_panel_shows_its_lead_and_m_opens_and_closes_the_rest(
    layered: tuple[Exhibit, dict[str, Exhibit]], size: tuple[int, int]
) -> None:
    exhibit, editions = layered
    figures = Figures()
    recorder: Recording = figures
    app = KioskApp(exhibit, editions=editions, recorder=recorder)
    async with app.run_test(size=size) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen))
        text = screen_text(app)
        assert visible(app, LEAD) and visible(app, "Bell Rock light first lit")
        assert not deeper_shown(app)
        assert "m  Read more ▼" in text
        assert "Sources: L1, L2" in text and "A history of lighthouses." not in text
        await pilot.press("m")
        await until(pilot, lambda: deeper_shown(app))
        assert visible(app, DEEPER)
        assert "m  Show less ▲" in screen_text(app)
        assert figures.opened == ["keepers"]
        await pilot.press("m")
        await until(pilot, lambda: not deeper_shown(app))
        await pilot.press("m", "right", "left")  # opened, then away and back: closed again
        await until(pilot, lambda: isinstance(app.screen, PanelScreen) and app.position == 1)
        assert not deeper_shown(app) and "Read more ▼" in screen_text(app)
        assert figures.opened == ["keepers", "keepers"]


async def test_a_touch_on_read_more_opens_the_layer_in_japanese_too(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    app = KioskApp(exhibit, editions=editions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l", "1")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen) and app.language == "ja")
        assert "m  続きを読む ▼" in screen_text(app)
        assert "出典：L1, L2" in screen_text(app)
        toggle = app.screen.query_one(MoreToggle)
        x, y = toggle.region.x + 1, toggle.region.y
        await click_like_the_terminal(pilot, x, y)
        await until(pilot, lambda: app.state.more)
        await until(pilot, lambda: "m  閉じる ▲" in screen_text(app))
        assert any(
            w.display and "1881年の大嵐" in str(getattr(w, "source", ""))
            for w in app.screen.query("*")
        )
        toggle = app.screen.query_one(MoreToggle)
        await click_like_the_terminal(pilot, toggle.region.x + 1, toggle.region.y)
        await until(pilot, lambda: not app.state.more)


async def test_a_panel_without_a_lead_shows_its_body_and_no_target(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    app = KioskApp(exhibit, editions=editions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, PanelScreen) and app.position == 2)
        assert visible(app, NO_LEAD)
        assert not app.screen.query(MoreToggle)
        await pilot.press("m")
        assert not app.state.more and visible(app, NO_LEAD)


async def test_help_names_the_key_and_the_closing_page_lists_every_source(
    layered: tuple[Exhibit, dict[str, Exhibit]],
) -> None:
    exhibit, editions = layered
    app = KioskApp(exhibit, editions=editions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "read more of this panel / less" in screen_text(app)
        await pilot.press("escape", "end", "right")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen))
        text = screen_text(app)
        assert "A history of lighthouses." in text and "The keepers' logbooks." in text
