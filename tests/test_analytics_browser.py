"""The HTML report in a real browser (Debian's chromium, driven by Playwright): it renders
offline, its charts have size, nothing spills sideways, and Japanese is drawn in a Japanese
font. Screenshots go to tmp_path (or to $ANALYTICS_SHOTS, for a person to look at)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from analytics_visits import record_foyer, record_hall
from chromium import ONE_WORKER
from playwright.sync_api import Page, sync_playwright

from exhibit.analytics.figures import compute
from exhibit.analytics.html_page import html_report
from exhibit.analytics.reading import read_kiosks

pytestmark = ONE_WORKER
CHROMIUM = shutil.which("chromium")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def report_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    hall, foyer = folder / "hall.sqlite", folder / "foyer.sqlite"
    record_hall(hall)
    record_foyer(foyer)
    report = compute(read_kiosks([hall, foyer]))
    pages = {}
    for language in ("en", "ja"):
        page = folder / f"report-{language}.html"
        page.write_text(html_report(report, language), encoding="utf-8")
        pages[language] = page
    return pages


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    assert CHROMIUM is not None, "chromium must be installed in CI"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1000, "height": 800}, offline=True)
        yield context.new_page()
        browser.close()


def shoot(page: Page, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ANALYTICS_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_english_report_renders_with_charts(
    page: Page, report_files: dict[str, Path], tmp_path: Path
) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(report_files["en"].as_uri())
    assert page.locator("h1").inner_text() == "What the kiosk recorded"
    headings = page.locator("h2").all_inner_texts()
    assert headings[:3] == ["Summary", "Visits per day", "Visits by hour of the day"]
    charts = page.locator("section svg")
    assert charts.count() == 7  # every table but the summary has its chart
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 20
    assert page.locator("section svg rect").count() > 30
    all_row = page.locator("table").first.locator("tr", has_text="all kiosks")
    assert all_row.locator("td").all_inner_texts()[:4] == ["all kiosks", "6", "3", "185"]
    sideways = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not sideways
    assert failed == []
    assert shoot(page, "analytics-report-en.png", tmp_path).stat().st_size > 10_000


def test_japanese_report_is_drawn_in_a_japanese_font(
    page: Page, report_files: dict[str, Path], tmp_path: Path
) -> None:
    page.goto(report_files["ja"].as_uri())
    assert page.locator("h1").inner_text() == "キオスクの利用記録"
    assert page.locator("h2").first.inner_text() == "概要"
    # The fonts the browser really drew the heading with (a missing font draws boxes)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    heading = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    assert any("CJK" in font["familyName"] for font in fonts), fonts
    assert shoot(page, "analytics-report-ja.png", tmp_path).stat().st_size > 10_000
