"""What audio description is given to read: numbers, dates and ranges as each language says
them (on the bundled exhibit's own texts), a page's parts in reading order, and the pieces
Open JTalk can take. No engine is needed."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit, Fact, Panel
from exhibit.speech import for_speech, page_reading, panel_reading, plain
from exhibit.speech.engines import Engine
from exhibit.speech.prepare import OPEN_JTALK_MAX_BYTES, pieces

ROOT = Path(__file__).resolve().parent.parent
OPEN_JTALK = Engine(kind="open-jtalk", program="open_jtalk", voice="v", dictionary="d")
ESPEAK = Engine(kind="espeak-ng", program="espeak-ng")

RANGE_LEFT = re.compile(r"\d\s*[–—〜～~]\s*\d")
"""Two numbers joined by a dash: a range an engine would read as two numbers and a pause."""


@pytest.fixture(scope="module")
def editions() -> Mapping[str, Exhibit]:
    result = load_exhibit(ROOT / "exhibit.yaml")
    assert result.ok
    return result.editions


def every_text(exhibit: Exhibit) -> Iterator[str]:
    yield from page_reading(exhibit)
    for panel in exhibit.panels:
        yield from panel_reading(panel, deeper_open=True)
        yield panel.summary


# Numbers, dates and ranges on the exhibit's own texts ------------------------------------------


def test_no_range_in_the_exhibit_is_left_for_an_engine_to_misread(
    editions: Mapping[str, Exhibit],
) -> None:
    for language, edition in editions.items():
        ranges = [text for text in every_text(edition) if RANGE_LEFT.search(text)]
        assert len(ranges) > 10, language  # the exhibit is full of them
        for text in ranges:
            assert not RANGE_LEFT.search(for_speech(text, language)), text


@pytest.mark.parametrize(
    ("language", "written", "said"),
    [
        ("en", "The End of the Kwantung Army, 1906–1956", "Army, 19 oh 6 to 19 56"),
        ("en", "Soviet military dead at 9,780–12,031.", "dead at 9,780 to 12,031."),
        ("en", "the Russo-Japanese War of 1904–05.", "War of 19 oh 4 to 19 oh 5."),
        ("en", "8–20 August 1945", "8 to 20 August 19 45"),
        ("en", "15 August – 10 October 1945", "15 August to 10 October 19 45"),
        ("en", "5 Sep 1905", "5 September 19 oh 5"),
        ("en", "≈575,000–640,000", "about 575,000 to 640,000"),
        ("en", "temperatures fell to −30 °C", "fell to minus 30 °C"),
        ("en", "Soviet M-72 motorcycles and PPS-43 guns", "M-72 motorcycles and PPS-43 guns"),
        ("en", "In 1945 – the year of defeat – it fell", "In 19 45 – the year of defeat – it"),
        ("ja", "関東軍の終焉 1906〜1956", "関東軍の終焉 1906年から1956年"),
        ("ja", "1904–05年の日露戦争", "1904年から1905年の日露戦争"),
        ("ja", "約57万5000人", "約57万5000人"),
        ("ja", "戦死者は、資料により9780–1万2031人とされる。", "9780人から1万2031人とされる"),
        ("ja", "約66万5000–71万3000人であった", "約66万5000人から71万3000人"),
        ("ja", "60万–80万人", "60万人から80万人"),
        ("ja", "20〜30万人", "20万人から30万人"),
        ("ja", "ドイツ降伏の2–3か月後", "2か月から3か月後"),
        ("ja", "1945年8月8日–20日", "1945年8月8日から20日"),
        ("ja", "1945年8月–1956年12月", "1945年8月から1956年12月"),
        ("ja", "ソ連製のM-72が混じっていた", "ソ連製のM-72が"),
        ("ja", "−30℃", "マイナス30度"),
        ("fr", "1945–1956", "1945–1956"),  # no rules for French: read as written
    ],
)
def test_numbers_are_written_out_as_the_language_says_them(
    language: str, written: str, said: str
) -> None:
    assert said in for_speech(written, language)


def test_the_cited_forms_are_in_the_exhibit(editions: Mapping[str, Exhibit]) -> None:
    """The forms above are the exhibit's own (so the rules are tested on what it says)."""
    english = "\n".join(every_text(editions["en"]))
    japanese = "\n".join(every_text(editions["ja"]))
    for form in ("1906–1956", "9,780–12,031", "15 August – 10 October", "M-72"):
        assert form in english
    for form in ("1906〜1956", "約57万5000人", "9780〜1万2031人", "60万〜80万人", "2〜3か月"):
        assert form in japanese


# The page's parts in reading order -------------------------------------------------------------


def small_exhibit(tmp_path: Path) -> Exhibit:
    (tmp_path / "exhibit.yaml").write_text(
        textwrap.dedent(
            """\
            exhibit:
              title: The Lighthouse
              subtitle: A keeper's year
              intro: |
                The light was *first* lit in 1850.

                It burned for [a century](https://example.org).
            panels:
              - id: building
                title: Building on the rocks
                period: 1846–1850
                body: |
                  The granite came by sea.

                  - Blocks were dovetailed.
                  - Mortar set under water.
                facts:
                  - label: 1850
                    text: First lit
                images:
                  - alt: A tower on a rock
                    description: A granite tower rises from a wave-washed rock.
                    caption: The tower in 1851
                  - alt: Keeper's log
            """
        )
    )
    result = load_exhibit(tmp_path / "exhibit.yaml")
    assert result.exhibit is not None, result.problems
    return result.exhibit


def test_a_panel_is_read_title_text_facts_then_pictures(tmp_path: Path) -> None:
    panel = small_exhibit(tmp_path).panels[0]
    assert panel_reading(panel) == (
        "Building on the rocks",
        "1846–1850",
        "The granite came by sea.",
        "Blocks were dovetailed. Mortar set under water.",
        "1850. First lit",
        "The tower in 1851",
        "A granite tower rises from a wave-washed rock.",
        "Keeper's log",
    )


def test_the_title_page_is_read_title_subtitle_introduction(tmp_path: Path) -> None:
    exhibit = small_exhibit(tmp_path)
    assert page_reading(exhibit) == (
        "The Lighthouse",
        "A keeper's year",
        "The light was first lit in 1850.",
        "It burned for a century.",
    )


class PanelWithLead(Panel, frozen=True):
    """A panel as the model will have it once panels gain a lead (read before the body)."""

    lead: str = ""


def test_with_a_lead_the_body_is_read_only_when_the_visitor_opened_it(tmp_path: Path) -> None:
    panel = small_exhibit(tmp_path).panels[0]
    with_lead = PanelWithLead(
        id=panel.id, title=panel.title, lead="Four years on a *bare* rock.", body=panel.body
    )
    assert panel_reading(with_lead) == ("Building on the rocks", "Four years on a bare rock.")
    assert panel_reading(with_lead, deeper_open=True) == (
        "Building on the rocks",
        "Four years on a bare rock.",
        "The granite came by sea.",
        "Blocks were dovetailed. Mortar set under water.",
    )


def test_a_japanese_fact_is_joined_with_a_japanese_comma() -> None:
    assert panel_reading(Panel(id="p", title="降伏")) == ("降伏",)
    panel = Panel(id="p", title="降伏", facts=(Fact(label="1906年", text="守備隊を置く"),))
    assert panel_reading(panel)[-1] == "1906年、守備隊を置く"
    panel = Panel(id="p", title="降伏", facts=(Fact(label="約5万5000–6万2000", text="死者数"),))
    assert panel_reading(panel)[-1] == "約5万5000–6万2000、死者数"


def test_plain_drops_markdown_marks() -> None:
    assert plain("# Title\n\n*one* _two_ `three` [four](x)\n\n> five") == (
        "Title",
        "one two three four",
        "five",
    )


# Pieces for the engines ------------------------------------------------------------------------


def test_open_jtalk_gets_one_sentence_a_line_and_never_too_many_bytes() -> None:
    text = "一つ目の文です。二つ目！\n三つ目" + "、長い文" * 200 + "。"
    said = pieces(text, "ja", OPEN_JTALK)
    assert said[:2] == ["一つ目の文です。", "二つ目！"]
    assert all("\n" not in piece for piece in said)
    assert all(len(piece.encode()) <= OPEN_JTALK_MAX_BYTES for piece in said)
    assert "".join(said) == text.replace("\n", "")
    packed = pieces(text, "ja", OPEN_JTALK, packed=True)
    assert len(packed) < len(said) and "".join(packed) == "".join(said)
    assert all(len(piece.encode()) <= OPEN_JTALK_MAX_BYTES for piece in packed)


def test_a_sentence_without_commas_is_still_cut_to_fit() -> None:
    said = pieces("あ" * 1000, "ja", OPEN_JTALK)
    assert "".join(said) == "あ" * 1000
    assert all(len(piece.encode()) <= OPEN_JTALK_MAX_BYTES for piece in said)


def test_espeak_ng_gets_the_whole_text_without_chinese_characters() -> None:
    assert pieces("Maizuru (舞鶴), 1945–1958", "en", ESPEAK) == ["Maizuru ( ), 19 45 to 19 58"]
    assert pieces("舞鶴", "zh", ESPEAK) == ["舞鶴"]  # Chinese voices read them
    assert pieces("関東軍", "en", ESPEAK) == []
