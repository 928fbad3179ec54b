"""The bundled exhibit as a standing visitor meets it: a short lead on every panel, no word
about image rights anywhere a visitor reads, advisories where the history is hardest, and
every figure traceable to a listed source."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from exhibit.length_checks import (
    MAX_LEAD_CHARACTERS,
    MAX_LEAD_WORDS,
    RIGHTS,
    characters,
    visitor_texts,
)
from exhibit.model import Exhibit
from exhibit.text import sentences, word_count

PANELS = ["formation", "collapse", "surrender", "captivity", "return"]


@pytest.mark.parametrize("index", range(len(PANELS)), ids=PANELS)
def test_every_panel_has_a_short_lead_in_both_languages(
    bundled_editions: Mapping[str, Exhibit], index: int
) -> None:
    english = bundled_editions["en"].panels[index].lead
    japanese = bundled_editions["ja"].panels[index].lead
    assert 40 <= word_count(english) <= MAX_LEAD_WORDS
    assert max(word_count(s) for s in sentences(english)) <= 25
    assert 100 <= characters(japanese) <= MAX_LEAD_CHARACTERS
    assert english.strip() != bundled_editions["en"].panels[index].body.strip()


def test_no_visitor_facing_text_mentions_rights(bundled_editions: Mapping[str, Exhibit]) -> None:
    checked = 0
    for code, edition in bundled_editions.items():
        for path, text in visitor_texts(edition):
            checked += 1
            assert not RIGHTS.search(text), (code, path, text)
            assert "not yet cleared" not in text and "未了" not in text, (code, path)
    assert checked > 300


def test_photographs_carry_a_staff_rights_note_and_a_plain_credit(bundled: Exhibit) -> None:
    photographs = [
        image
        for panel in bundled.panels
        for image in panel.images
        if not image.file and not image.drawn  # archive photographs, described until cleared
    ]
    assert len(photographs) == 7
    for image in photographs:
        assert image.rights.startswith("Not cleared"), image.alt
        assert image.credit
    getty = [image for image in photographs if "Keystone" in image.credit]
    assert len(getty) == 1 and "Getty Images" in getty[0].credit


def test_the_hardest_panels_begin_with_an_advisory(bundled_editions: Mapping[str, Exhibit]) -> None:
    for edition in bundled_editions.values():
        warned = {panel.id for panel in edition.panels if panel.advisory.strip()}
        assert {"formation", "collapse", "captivity"} <= warned


def test_every_cited_source_is_listed_and_every_listed_source_cited(bundled: Exhibit) -> None:
    listed = [source.id for source in bundled.sources]
    assert len(listed) == len(set(listed))
    cited = {source_id for panel in bundled.panels for source_id in panel.sources}
    assert cited <= set(listed), cited - set(listed)
    assert set(listed) <= cited, set(listed) - cited


def test_sources_name_wikipedia_and_carry_no_blogs_or_hobby_wikis(bundled: Exhibit) -> None:
    for source in bundled.sources:
        text = source.text
        assert "Encyclopedia article" not in text and "Encyclopedia summary" not in text, text
        assert "blog" not in text.lower() and "Military Wiki" not in text, text
        assert "(mirror)" not in text, text


@pytest.mark.parametrize(
    ("figure", "source_id", "author"),
    [
        ("594,000", "S60", "Vasilevsky"),
        ("347,000", "S61", "Nimmo"),
        ("575,000", "S21", "Ministry of Health, Labour and Welfare"),
        ("immunity", "S14", "Factories of Death"),
        ("17 August", "S53", "Cherevko"),
        ("Hakodate", "S70", "Hakodate"),
        ("969", "S77", "Fushun"),
    ],
)
def test_figures_are_cited_to_their_scholarly_source(
    bundled: Exhibit, figure: str, source_id: str, author: str
) -> None:
    """The panel where a visitor reads the figure cites the source a historian would ask for."""
    source = bundled.source(source_id)
    assert source is not None and author in source.text
    panels = [panel for panel in bundled.panels if figure in panel.lead + panel.body]
    assert panels, f"no panel mentions {figure!r}"
    assert all(source_id in panel.sources for panel in panels), [p.id for p in panels]
