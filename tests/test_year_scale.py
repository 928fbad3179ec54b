"""The line of years under the timeline strip and under a drawn timeline: at every width, two
labels never touch, and the visitor's own panel stays marked and named."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence

import pytest

from exhibit.drawings.pieces import line_text
from exhibit.drawings.timeline import timeline_lines
from exhibit.drawings.year_scale import Label, LabelLine, column, steps, strip, tick_step
from exhibit.model import Span, TimelineDrawing, TimelineEvent
from exhibit.text import cells

WIDTHS = range(20, 201)
WHOLE = Span(start=1905, end=1958)
PERIODS = [
    "",
    "1945",
    "8–26 August 1945",
    "15 August – 10 October 1945",
    "1945年8月15日〜10月10日",
    "August 1945 – December 1956, the years of captivity in the camps of Siberia",
]


def apart(labels: Sequence[Label]) -> bool:
    """At least one blank cell between every two labels."""
    ordered = sorted(labels, key=lambda label: label.start)
    return all(b.start > a.end for a, b in itertools.pairwise(ordered))


def random_cases(count: int) -> list[tuple[Span, Span, str]]:
    """(whole span, panel span, panel words): years 1905..1956, random but the same each run."""
    rng = random.Random(1945)
    cases = []
    for _ in range(count):
        start = rng.randint(1905, 1955)
        whole = Span(start=start, end=rng.randint(start + 1, 1956))
        first = rng.randint(whole.start, whole.end)
        panel = Span(start=first, end=rng.randint(first, whole.end))
        cases.append((whole, panel, rng.choice(PERIODS)))
    return cases


def check_strip(whole: Span, width: int, panel: Span, words: str) -> None:
    laid = strip(whole, width, panel, words)
    where = f"{whole} {panel} {words!r} at {width}"
    assert len(laid.cells) == width
    assert apart(laid.labels), f"labels touch: {laid.labels} ({where})"
    assert all(label.start >= 0 and label.end <= width for label in laid.labels), where
    # The panel is marked: its span on the line, between two dots...
    first, last = column(panel.start, whole, width), column(panel.end, whole, width)
    assert laid.cells[first] == laid.cells[last] == "dot", where
    assert set(laid.cells[first : last + 1]) <= {"dot", "current"}, where
    assert "dot" not in laid.cells[:first] + laid.cells[last + 1 :], where
    # ...and named under it, in the curator's words where they fit, else in years.
    (name,) = [label for label in laid.labels if label.kind == "current"]
    assert name.start <= last and name.end > first, f"{name} not under its span ({where})"
    if cells(words) and cells(words) <= width:
        assert name.text == words, where
    # Each tick's year that is written sits under its tick.
    for label in laid.labels:
        if label.kind == "tick":
            assert label.start <= column(int(label.text), whole, width) < label.end, where


@pytest.mark.parametrize("words", PERIODS)
def test_the_bundled_scale_at_every_width(words: str) -> None:
    for width in WIDTHS:
        for panel in (Span(start=1905, end=1945), Span(start=1945, end=1945), WHOLE):
            check_strip(WHOLE, width, panel, words)


def test_random_spans_and_panels_at_every_width() -> None:
    for whole, panel, words in random_cases(60):
        for width in WIDTHS:
            check_strip(whole, width, panel, words)


def test_the_first_and_last_years_are_kept_unless_the_panel_needs_their_room() -> None:
    for whole, panel, words in random_cases(40):
        for width in WIDTHS:
            laid = strip(whole, width, panel, words)
            (name,) = [label for label in laid.labels if label.kind == "current"]
            ends = {label.text for label in laid.labels if label.kind == "end"}
            for year, at in ((whole.start, 0), (whole.end, width - len(str(whole.end)))):
                wanted = Label(at, str(year), "end")
                if str(year) not in ends and year not in (panel.start, panel.end):
                    assert not apart([name, wanted]), f"{year} dropped at {width} for no reason"


def test_a_strip_without_a_panel_labels_its_ends_and_ticks() -> None:
    laid = strip(WHOLE, 120)
    assert [label.text for label in laid.labels if label.kind == "end"] == ["1905", "1958"]
    assert laid.ticks == tuple(range(1910, 1958, 5))
    assert "dot" not in laid.cells and laid.cells[0] == laid.cells[-1] == "end"
    assert laid.cells.count("tick") == len(laid.ticks)


def test_words_wider_than_the_screen_give_way_to_the_years() -> None:
    laid = strip(WHOLE, 20, Span(start=1945, end=1956), PERIODS[-1])
    assert [label.text for label in laid.labels if label.kind == "current"] == ["1945–1956"]


def test_japanese_words_are_measured_in_cells() -> None:
    words = "1945年8月15日〜10月10日"  # 23 cells, 17 characters
    for width in WIDTHS:
        laid = strip(WHOLE, width, Span(start=1945, end=1945), words)
        if width < 23:
            continue  # the years instead: tested above
        (name,) = [label for label in laid.labels if label.kind == "current"]
        assert name.end - name.start == 23 and apart(laid.labels)


def test_a_label_needs_one_blank_cell_on_each_side() -> None:
    line = LabelLine(20)
    assert line.place("1905", 0, "end")
    assert not line.place("1910", 4, "tick"), "touching on the right"
    assert line.place("1910", 5, "tick")
    assert not line.place("1900", 9, "tick", shift=False) and line.place("1915", 10, "tick")
    assert not line.place("1920", 17, "tick", shift=False), "past the end, not moved"
    assert line.text() == "1905 1910 1915"


def test_tick_steps_are_round_years() -> None:
    assert [s for _, s in zip(range(14), steps(), strict=False)] == [
        *(1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500)
    ]
    assert tick_step(53, 120, 6) == 5 and tick_step(53, 40, 6) == 10
    assert tick_step(20_000, 20, 8) == 10_000


def axis_and_years(drawing: TimelineDrawing, width: int) -> tuple[str, str]:
    """The axis of a drawn timeline and the line of years under it."""
    lines = [line_text(line) for line in timeline_lines(drawing, (), width)]
    axis = next(n for n, text in enumerate(lines) if "┼" in text)
    return lines[axis], lines[axis + 1]


def test_a_drawn_timeline_never_runs_two_years_together() -> None:
    rng = random.Random(1905)
    for _ in range(25):
        years = sorted(rng.sample(range(1905, 1957), rng.randint(2, 9)))
        events = tuple(TimelineEvent(when=str(y), label=f"Event {y}") for y in years)
        drawing = TimelineDrawing(events=events)
        for width in WIDTHS:
            axis, text = axis_and_years(drawing, width)
            assert len(text) <= width and text.split(), f"no year at all at {width}"
            for found in re.finditer(r"\S+", text):
                # A run-together pair ("19051910") is no year of the span.
                assert years[0] <= int(found[0]) <= years[-1] + 1, f"{text!r} at {width}"
                assert axis[found.start()] == "┼", f"{found[0]} not under its tick at {width}"
