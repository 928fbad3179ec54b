"""Japanese line breaking in the core: kinsoku rules, runs of digits and Latin letters kept
whole, every line within its width, over every Japanese text of the bundled exhibit; and one
pass over a paragraph, however long."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pytest
from rich.cells import cell_len, get_character_cell_size

from exhibit.length_checks import visitor_texts
from exhibit.line_breaks import NO_LINE_END, NO_LINE_START, break_offsets
from exhibit.model import Exhibit

WIDTHS = range(20, 121)
"""From narrower than the smallest screen's text column (33) to wider than the largest."""
RUN = re.compile(r"[0-9A-Za-z]+(?:[-.,:/][0-9A-Za-z]+)*")


def lines_of(text: str, width: int) -> list[str]:
    offsets = break_offsets(text, width, True, get_character_cell_size)
    return [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]


def japanese_paragraphs(editions: Mapping[str, Exhibit]) -> Iterator[str]:
    for _path, text in visitor_texts(editions["ja"]):
        for paragraph in text.split("\n"):
            if paragraph.strip():
                yield paragraph.strip()


def test_every_japanese_text_breaks_by_the_rules(bundled_editions: Mapping[str, Exhibit]) -> None:
    paragraphs = list(japanese_paragraphs(bundled_editions))
    assert len(paragraphs) > 100
    checked = 0
    for paragraph in paragraphs:
        runs = [m.span() for m in RUN.finditer(paragraph)]
        for width in WIDTHS:
            offsets = break_offsets(paragraph, width, True, get_character_cell_size)
            pieces = lines_of(paragraph, width)
            assert "".join(pieces) == paragraph
            for line in pieces:
                assert cell_len(line.rstrip()) <= width, (width, line)
            for offset in offsets:
                checked += 1
                assert paragraph[offset] not in NO_LINE_START, (width, paragraph[offset - 5 :])
                assert paragraph[offset - 1] not in NO_LINE_END, (width, paragraph[offset - 5 :])
                inside = [paragraph[a:b] for a, b in runs if a < offset < b and b - a <= width]
                assert not inside, f"{inside[0]!r} split at width {width}"
    assert checked > 10_000


@pytest.mark.parametrize("whole", ["1945", "17", "M-72", "WLA", "1,500", "203"])
def test_numbers_and_latin_words_stay_whole(whole: str) -> None:
    text = f"ソ連軍は8月17日に、ハーレーダビッドソン{whole}と共に1945年の攻勢に加わった。" * 3
    for width in range(8, 60):
        for offset in break_offsets(text, width):
            for match in re.finditer(re.escape(whole), text):
                assert not match.start() < offset < match.end(), (whole, width)


def test_kinsoku_moves_a_full_stop_off_the_line_start() -> None:
    # Width 6 (three wide characters) would put 。 first on the second line: the break moves
    # one character back.
    assert lines_of("あいう。えお", 6) == ["あい", "う。え", "お"]
    assert lines_of("あ「いう」え", 4) == ["あ", "「い", "う」", "え"]


def test_english_breaks_at_spaces_and_folds_long_words() -> None:
    assert lines_of("The Kwantung Army surrendered", 12) == [
        "The Kwantung ",
        "Army ",
        "surrendered",
    ]
    assert lines_of("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def characters_measured(length: int) -> int:
    """How many times dividing a paragraph of `length` characters measures a character."""
    text = ("関東軍は1945年8月、ソ連軍の攻勢を受けた。「抑留」は11年に及んだ。" * 1000)[:length]
    measured = 0

    def cell_size(char: str) -> int:
        nonlocal measured
        measured += 1
        return get_character_cell_size(char)

    break_offsets(text, 40, True, cell_size)
    return measured


def test_a_long_paragraph_divides_in_linear_time() -> None:
    """Each character is measured a bounded number of times, however long the paragraph (the
    old divider re-divided the rest of the paragraph after every line: the work grew with the
    square of the length). Counted, not timed: a busy machine cannot make it fail."""
    short, long = characters_measured(5_000), characters_measured(20_000)
    assert short <= 2 * 5_000 and long <= 2 * 20_000, (short, long)
    assert long <= 4.5 * short, (short, long)
