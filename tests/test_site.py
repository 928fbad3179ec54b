"""`kiosk site DIR`: the exhibit as a static website a reader can use with any browser or
screen reader, in every language, asking no other host for anything."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from chromium import (
    HTML_VALIDATE,
    ONE_WORKER,
    axe_violations,
    browser,
    need,
    new_page,
    outside,
    shots_folder,
)
from conftest import BUNDLED
from media_files import photo
from PIL import Image
from test_command_line import kiosk

from exhibit.loader import load_exhibit
from exhibit.model import ImageRef
from exhibit.site import write_site
from exhibit.site.pictures import WEB_BOX, data_html

__all__ = ["browser", "outside"]  # fixtures, used by name
pytestmark = ONE_WORKER

TWO_LANGUAGES = """\
exhibit:
  title: {en: Lighthouses, ja: 灯台}
  languages: [en, ja]
  site_url: https://museum.example/lights
  timeline: {start: 1800, end: 1900}
  credits: {en: "Made for a *test*.", ja: "テスト用の展示です。"}
panels:
  - id: towers
    title: {en: Building on the rocks, ja: 岩の上に建てる}
    timeline: {start: 1800, end: 1850}
    summary: {en: Stone towers rise at sea., ja: 海に石の塔が建つ。}
    advisory: {en: Storm pictures., ja: 嵐の写真があります。}
    body: {en: "Granite <b>blocks</b> were [set](https://elsewhere.example) at low tide.",
           ja: 花崗岩の石材を干潮時に積みました。}
    facts:
      - label: "1811"
        text: {en: Bell Rock first lit, ja: ベル・ロック灯台が点灯}
    images:
      - file: media/tower.png
        alt: {en: A granite tower on a rock., ja: 岩の上の花崗岩の塔。}
        description: {en: "The tower stands on bare rock, waves below.", ja: 塔は裸の岩の上に立つ。}
        caption: {en: Bell Rock, ja: ベル・ロック}
        credit: {en: Test picture, ja: テスト画像}
      - alt: {en: A keeper trims the wick., ja: 灯台守が芯を整える。}
    sources: [L1]
  - id: keepers
    title: {en: The keepers' watch, ja: 灯台守の見張り}
    body: {en: Keepers lived in shifts of three., ja: 灯台守は三交代で暮らしました。}
sources:
  - id: L1
    text: {en: A history of lighthouses., ja: 灯台の歴史。}
"""


@pytest.fixture
def two_languages(write_yaml: Callable[[str], Path], tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir()
    photo(tmp_path / "media" / "tower.png", size=(2400, 1800))
    return write_yaml(TWO_LANGUAGES)


def build(exhibit_file: Path, site: Path) -> list[str]:
    result = load_exhibit(exhibit_file)
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    report = write_site(result.exhibit, result.folder, site, result.editions)
    assert report.problems == []
    return report.files


def test_a_page_per_panel_per_language_an_index_and_a_language_choice(
    two_languages: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    files = set(build(two_languages, site))
    for language in ("en", "ja"):
        for page in ("index", "towers", "keepers", "sources"):
            assert f"{language}/{page}.html" in files
    assert {"index.html", "style.css", "media/tower.png"} <= files
    top = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="ja/index.html" hreflang="ja"' in top and "灯台" in top


def test_a_panel_page_is_semantic_and_says_everything_the_kiosk_says(
    two_languages: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    build(two_languages, site)
    page = (site / "ja" / "towers.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page
    assert '<link rel="alternate" hreflang="en" href="../en/towers.html">' in page
    assert "<h1>岩の上に建てる</h1>" in page
    assert "<dt>1811</dt><dd>ベル・ロック灯台が点灯</dd>" in page  # the facts, as a list
    assert '<img src="../media/tower.png" alt="岩の上の花崗岩の塔。"' in page
    assert "<figcaption>ベル・ロック" in page and "提供: テスト画像" in page
    # The long description one click away; a picture without a file is its words.
    assert re.search(r"<details>\s*<summary>画像の説明: ベル・ロック</summary>", page)
    assert '<p class="described">灯台守が芯を整える。</p>' in page
    assert "嵐の写真があります。" in page  # the advisory
    assert '<a href="../sources.html' not in page and 'href="sources.html#source-L1"' in page
    english = (site / "en" / "towers.html").read_text(encoding="utf-8")
    # Curator text is text: markup escaped, links keep their words and lead nowhere.
    assert "Granite &lt;b&gt;blocks&lt;/b&gt; were set at low tide." in english
    assert 'rel="next" href="keepers.html"' in english


def test_no_page_names_another_host_or_a_script(two_languages: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(two_languages, site)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html
        assert not re.search(r'(src|href)="(https?:)?//', html), page


def test_pictures_are_resized_for_the_web(two_languages: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(two_languages, site)
    with Image.open(site / "media" / "tower.png") as picture:
        assert picture.width <= WEB_BOX[0] and picture.height <= WEB_BOX[1]
        assert picture.size == (1200, 900)  # the shape kept
    page = (site / "en" / "towers.html").read_text(encoding="utf-8")
    assert 'width="1200" height="900"' in page  # no layout jump while it loads


def test_a_missing_picture_is_shown_as_its_words(two_languages: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / "media" / "tower.png").unlink()
    result = load_exhibit(two_languages)
    assert result.exhibit is not None
    report = write_site(result.exhibit, result.folder, site, result.editions)
    assert report.problems and "media/tower.png" in report.problems[0]
    page = (site / "en" / "towers.html").read_text(encoding="utf-8")
    assert '<p class="described">A granite tower on a rock.</p>' in page


def test_picture_data_becomes_a_table_a_screen_reader_can_walk() -> None:
    rows = [{"year": 1945, "people": "575,000"}, {"year": 1956, "people": "1,025"}]
    table = data_html(rows, "Prisoners <held>")
    assert table.startswith("<table><caption>Prisoners &lt;held&gt;</caption>")
    assert '<th scope="col">Year</th><th scope="col">People</th>' in table
    assert "<tr><td>1945</td><td>575,000</td></tr>" in table
    assert "<dt>Label</dt><dd>Harbin</dd>" in data_html({"label": "Harbin"})


def test_the_command_writes_the_site_and_refuses_a_broken_exhibit(
    two_languages: Path, tmp_path: Path
) -> None:
    run = kiosk("site", str(tmp_path / "out"), str(two_languages))
    assert run.returncode == 0, run.stderr
    assert "open" in run.stdout and (tmp_path / "out" / "en" / "towers.html").is_file()
    broken = tmp_path / "broken.yaml"
    broken.write_text("exhibit:\n  titel: x\n", encoding="utf-8")
    run = kiosk("site", str(tmp_path / "nothing"), str(broken))
    assert run.returncode == 1
    assert "unknown key 'titel'" in run.stderr and "No website was written" in run.stderr
    assert not (tmp_path / "nothing").exists()
    run = kiosk("site", str(broken), str(two_languages))  # a file where the folder should be
    assert run.returncode == 1 and "give a folder" in run.stderr


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    build(BUNDLED, site)
    return site


def test_every_page_of_the_bundled_site_is_valid_html(bundled_site: Path) -> None:
    need(HTML_VALIDATE.is_file(), "html-validate (npm, in build/npm)")
    pages = sorted(str(p) for p in bundled_site.rglob("*.html"))
    assert len(pages) == 15
    run = subprocess.run(
        [str(HTML_VALIDATE), "--preset", "recommended", *pages],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_bundled_site_passes_axe_in_chromium(
    bundled_site: Path, browser: Any, outside: Any, language: str
) -> None:
    page = new_page(browser, outside, viewport={"width": 1000, "height": 800})
    shots = shots_folder()
    pages = ["index.html", *(p.name for p in sorted((bundled_site / language).glob("*.html")))]
    for name in dict.fromkeys(pages):
        page.goto((bundled_site / language / name).as_uri())
        assert page.evaluate("document.documentElement.lang") == language
        assert axe_violations(page) == [], name
        images = page.evaluate("[...document.images].map(i => i.naturalWidth)")
        assert all(width > 0 for width in images), f"{name}: a picture did not load"
        if shots is not None:
            page.screenshot(path=str(shots / f"site-{language}-{name}.png"), full_page=True)
    page.goto((bundled_site / "index.html").as_uri())
    assert axe_violations(page) == []
    assert outside.requests == []


class Bar(msgspec.Struct, frozen=True):
    label: str
    value: int


class ChartRef(ImageRef, frozen=True):
    """A text-drawn picture kind as a newer model may have one: data beside the words."""

    bars: tuple[Bar, ...] = ()
    kind: str = "photo"


def test_a_picture_drawn_from_data_is_published_as_its_data(
    two_languages: Path, tmp_path: Path
) -> None:
    result = load_exhibit(two_languages)
    assert result.exhibit is not None
    chart = ChartRef(
        alt="Prisoners held, by count",
        file="media/tower.png",
        caption="Competing counts",
        bars=(Bar(label="Soviet", value=594000), Bar(label="Japanese", value=575000)),
    )
    panel = msgspec.structs.replace(result.exhibit.panels[0], images=(chart,))
    exhibit = msgspec.structs.replace(result.exhibit, panels=(panel,))
    site = tmp_path / "site"
    write_site(exhibit, result.folder, site)
    page = (site / "en" / "towers.html").read_text(encoding="utf-8")
    assert "<caption>The picture&#x27;s data: bars</caption>" in page
    assert "<tr><td>Soviet</td><td>594000</td></tr>" in page
    assert "<img" not in page and "kind" not in page.lower().split("<main")[1]
    assert "<figcaption>Competing counts" in page


def test_a_panel_lead_where_the_model_has_one(two_languages: Path, tmp_path: Path) -> None:
    result = load_exhibit(two_languages)
    assert result.exhibit is not None
    panel = msgspec.structs.replace(result.exhibit.panels[0], lead="Granite & <courage>.")
    exhibit = msgspec.structs.replace(result.exhibit, panels=(panel,))
    write_site(exhibit, result.folder, tmp_path / "site")
    page = (tmp_path / "site" / "en" / "towers.html").read_text(encoding="utf-8")
    assert '<p class="lead">Granite &amp; &lt;courage&gt;.</p>' in page
    # the content advisory comes before anything it warns of, as on the kiosk
    assert page.index("Storm pictures.") < page.index('<p class="lead">')


def test_years_are_joined_as_each_language_writes_a_range(
    two_languages: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    build(two_languages, site)
    for language, years in (("en", "1800–1850"), ("ja", "1800〜1850")):
        page = (site / language / "towers.html").read_text(encoding="utf-8")
        assert f'<p class="period">{years}</p>' in page, language
        index = (site / language / "index.html").read_text(encoding="utf-8")
        assert years in index, language
