"""Charts, timelines and map labels drawn as text: what a visitor reads at each width, what the
audio description says, and what --check tells a curator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import media_files
import pytest

from exhibit.drawings.chart import chart_lines
from exhibit.drawings.labels import place_labels
from exhibit.drawings.pieces import plain_text
from exhibit.drawings.spoken import sentences
from exhibit.drawings.timeline import timeline_lines, year_of
from exhibit.loader import load_exhibit
from exhibit.model import Exhibit, MapLabel

DRAWN = """\
exhibit:
  title: Harbours
  languages: [en, ja]
panels:
  - id: ships
    title: {en: Ships, ja: 船}
    images:
      - alt: {en: Ships a year., ja: 年ごとの船。}
        chart:
          title: {en: Ships in port, ja: 入港した船}
          unit: {en: ships, ja: 隻}
          groups:
            - title: {en: Arrivals, ja: 入港}
              bars:
                - label: {en: North quay, ja: 北の岸壁}
                  detail: {en: harbour log, ja: 港の記録}
                  value: 1200
                  key: log
                - label: {en: South quay, ja: 南の岸壁}
                  value: 300
                  about: true
                - label: {en: Estimates, ja: 推計}
                  low: 400
                  high: 900
                  disputed: true
          note: {en: Counted at noon., ja: 正午に数えた。}
        legend:
          - {id: log, label: {en: Harbour master, ja: 港長}, colour: "#E07A6A"}
      - alt: {en: Dates., ja: 日付。}
        timeline:
          title: {en: The harbour, ja: 港の歩み}
          events:
            - when: 1880-05
              date: {en: May 1880, ja: 1880年5月}
              label: {en: First pier, ja: 最初の桟橋}
            - {when: "1912", label: {en: Lighthouse lit, ja: 灯台点灯}}
          periods:
            - {start: "1890", end: "1930", label: {en: Fishing boom, ja: 漁業の最盛期}}
  - id: map
    title: {en: Map, ja: 地図}
    images:
      - alt: {en: A map., ja: 地図。}
        file: media/map.png
        labels:
          - {text: {en: Old Town, ja: 旧市街}, x: 0.25, y: 0.5, side: right}
          - {text: {en: Bay, ja: 湾}, x: 0.75, y: 0.2, kind: area}
        legend:
          - {label: {en: Ferry route, ja: フェリー航路}, mark: "━", colour: "#D9A441"}
"""


@pytest.fixture
def editions(write_yaml: Callable[[str], Path], tmp_path: Path) -> dict[str, Exhibit]:
    (tmp_path / "media").mkdir(exist_ok=True)
    media_files.photo(tmp_path / "media" / "map.png", (200, 100))
    result = load_exhibit(write_yaml(DRAWN))
    assert result.exhibit is not None, result.problems.sorted()
    return dict(result.editions)


def test_a_chart_writes_every_figure_and_label_at_every_width(
    editions: dict[str, Exhibit],
) -> None:
    image = editions["en"].panels[0].images[0]
    assert image.chart is not None
    for width in (20, 36, 60, 120):
        lines = chart_lines(image.chart, image.legend, width)
        text = plain_text(lines)
        for words in ("Ships in port", "North quay", "1,200", "≈300", "400–900", "Counted"):
            assert words in text, (width, text)
        assert all(len(line.rstrip()) <= width for line in text.splitlines()), text
    wide = plain_text(chart_lines(image.chart, image.legend, 80)).splitlines()
    north = next(line for line in wide if line.startswith("North quay"))
    south = next(line for line in wide if line.startswith("South quay"))
    # The bars are to scale: 1,200 is four times 300 (to the half cell).
    assert north.count("█") * 2 + north.count("▌") == pytest.approx(
        4 * (south.count("█") * 2 + south.count("▌")), abs=2
    )
    estimates = next(line for line in wide if line.startswith("Estimates"))
    assert "░" in estimates and "█" not in estimates  # disputed: never a solid bar
    assert estimates.index("░") > north.index("█") + 10  # a range starts at its low end


def test_a_narrow_chart_puts_labels_above_their_bars(editions: dict[str, Exhibit]) -> None:
    image = editions["en"].panels[0].images[0]
    assert image.chart is not None
    text = plain_text(chart_lines(image.chart, image.legend, 24)).splitlines()
    at = text.index("North quay")
    assert "█" in text[at + 2] and "1,200" in text[at + 2]


def test_a_chart_in_japanese_is_in_japanese_and_fits(editions: dict[str, Exhibit]) -> None:
    image = editions["ja"].panels[0].images[0]
    assert image.chart is not None
    text = plain_text(chart_lines(image.chart, image.legend, 40))
    assert "入港した船" in text and "北の岸壁" in text and "1,200" in text
    from exhibit.text import cells

    assert all(cells(line) <= 40 for line in text.splitlines())


def test_a_timeline_places_events_in_order_and_lists_them(editions: dict[str, Exhibit]) -> None:
    image = editions["en"].panels[0].images[1]
    assert image.timeline is not None
    for width in (24, 80):
        text = plain_text(timeline_lines(image.timeline, image.legend, width))
        assert "1 May 1880" in text and "First pier" in text
        assert "2 1912" in text and "Lighthouse" in text
        assert "1890–1930" in text and "Fishing boom" in text
    lines = plain_text(timeline_lines(image.timeline, image.legend, 80)).splitlines()
    marks = next(line for line in lines if "1" in line and "2" in line and "─" not in line)
    assert marks.index("1") < marks.index("2")
    years = next(line for line in lines if "1880" in line and "May" not in line)
    # The first pier's mark stands over its year.
    assert abs(marks.index("1") - years.index("1880")) <= 2


def test_japanese_labels_in_a_drawing_break_as_japanese_is_set(
    write_yaml: Callable[[str], Path],
) -> None:
    """A long Japanese event label, wrapped in a narrow timeline, breaks as the panel text does
    (line_breaks.py): no line starts with 。 or 、, and a figure such as 600000 stays whole."""
    label = "ソ連軍が満洲に侵攻し、関東軍は壊滅した。約600000人がシベリアへ送られた。"
    result = load_exhibit(
        write_yaml(
            DRAWN.replace(
                "label: {en: First pier, ja: 最初の桟橋}", f"label: {{en: Pier, ja: {label}}}"
            )
        )
    )
    assert result.exhibit is not None, result.problems.sorted()
    image = result.editions["ja"].panels[0].images[1]
    assert image.timeline is not None
    for width in range(20, 41):
        text = plain_text(timeline_lines(image.timeline, image.legend, width))
        rows = [row.strip() for row in text.splitlines()]
        assert not any(row.startswith(("。", "、")) for row in rows), (width, text)
        assert "600000" in text, (width, text)
        assert "".join(text.split()).count(label.replace(" ", "")) == 1, (width, text)


def test_dates_become_fractional_years() -> None:
    assert year_of("1945") == 1945.0
    assert year_of("1945-07") == pytest.approx(1945.5)
    assert year_of("-44-03-15") == pytest.approx(-44 + 2 / 12 + 14 / 365)


def label(text: str, x: float, y: float, side: str = "centre") -> MapLabel:
    return MapLabel(text=text, x=x, y=y, side=side)  # type: ignore[arg-type]


def test_labels_go_beside_their_point_inside_the_picture() -> None:
    placed, left_out = place_labels(
        [label("Harbin", 0.5, 0.5, "right"), label("Edge", 0.99, 0.0, "right")], 40, 10
    )
    assert not left_out
    harbin, edge = placed
    assert (harbin.row, harbin.col) == (5, 21)
    assert edge.row == 0 and edge.col + len("Edge") <= 40  # pulled back inside


def test_labels_never_overlap_and_those_without_room_are_handed_back() -> None:
    labels = [label("Alpha", 0.5, 0.5), label("Beta", 0.5, 0.5), label("Gamma", 0.5, 0.5)]
    placed, left_out = place_labels(labels, 20, 3)
    rows = {(p.row, p.col) for p in placed}
    assert len(rows) == len(placed) == 3 and not left_out
    placed, left_out = place_labels(labels, 20, 1)
    assert [p.text for p in placed] == ["Alpha"] and left_out == labels[1:]


def test_the_audio_description_says_every_figure(editions: dict[str, Exhibit]) -> None:
    (
        chart,
        timeline,
    ) = editions["en"].panels[0].images
    said = sentences(chart)
    assert "North quay, harbour log: 1,200 ships." in said
    assert "South quay: ≈300 ships." in said and "Estimates: 400–900 ships." in said
    assert "Harbour master." in said
    assert "May 1880: First pier." in sentences(timeline)
    assert "1890–1930: Fishing boom." in sentences(timeline)
    assert "北の岸壁, 港の記録: 1,200 隻." in sentences(editions["ja"].panels[0].images[0])
    assert sentences(editions["en"].panels[1].images[0]) == ["Old Town, Bay.", "Ferry route."]


BAD = """exhibit:
  title: T
panels:
  - id: a
    title: A
    images:
      - alt: A chart.
        chart:
          groups:
            - bars:
                - label: No figure
                - label: Both
                  value: 3
                  low: 1
                - label: Backwards
                  low: 5
                  high: 2
                  key: sovet
        legend:
          - {id: soviet, label: S}
      - alt: Words with nothing under them.
        labels: [{text: X, x: 0.5, y: 0.5}]
"""


def test_check_names_each_mistake_in_plain_words(write_yaml: Callable[[str], Path]) -> None:
    result = load_exhibit(write_yaml(BAD))
    assert result.exhibit is None
    said = [(p.line, p.message) for p in result.problems.sorted()]
    messages = " | ".join(m for _, m in said)
    assert "give the bar a 'value:', or a range with 'low:' and 'high:'" in messages
    assert "give either 'value:' or 'low:' and 'high:', not both" in messages
    assert "'low' (5) is more than 'high' (2)" in messages
    assert "the key 'sovet' is not in this image's 'legend:'; did you mean 'soviet'?" in messages
    assert "labels are drawn over a picture, but this image has no 'file:'" in messages
    outside = load_exhibit(write_yaml(BAD.replace("y: 0.5", "y: 1.5")))
    found = [(p.line, p.message) for p in outside.problems.errors]
    assert (
        22,
        "expected a fraction of the picture, from 0 (left or top) to 1, got '1.5'; "
        "write a plain number from 0 to 1",
    ) in found
    # the other mistakes are still reported in the same run
    assert any("give the bar a 'value:'" in message for _, message in found)


def test_ranges_are_written_as_each_language_writes_them(editions: dict[str, Exhibit]) -> None:
    from exhibit.ui.images import ImageSettings
    from exhibit.ui.widgets.drawn_image import drawn_widget
    from exhibit.ui.words import EN, JA

    for language, words, chart_range, years in (
        ("en", EN, "400–900", "1890–1930"),
        ("ja", JA, "400〜900", "1890〜1930"),
    ):
        chart, timeline = editions[language].panels[0].images
        shown = []
        for image in (chart, timeline):
            widget: Any = drawn_widget(image, ImageSettings(), words, None)
            shown.append(plain_text(widget.lines(80, None)))
        assert chart_range in shown[0], (language, shown[0])
        assert years in shown[1], (language, shown[1])
