"""The first exhibit meets the museum's writing brief; --check would only warn, this fails."""

from __future__ import annotations

import re

import pytest

from exhibit.model import Exhibit
from exhibit.text import sentences, word_count

ORDER = ["formation", "collapse", "surrender", "captivity", "return"]


def test_five_panels_in_order(bundled: Exhibit) -> None:
    assert [p.id for p in bundled.panels] == ORDER
    assert bundled.title == "The End of the Kwantung Army, 1906–1956"


@pytest.mark.parametrize("index", range(5), ids=ORDER)
def test_panel_follows_the_label_rules(bundled: Exhibit, index: int) -> None:
    panel = bundled.panels[index]
    assert 150 <= word_count(panel.body) <= 250
    longest = max(sentences(panel.body), key=word_count)
    assert word_count(longest) <= 25, longest
    assert 3 <= len(panel.facts) <= 5
    assert panel.sources, "every panel cites its sources"
    assert panel.summary and panel.period and panel.timeline is not None


def test_archive_photographs_are_described_not_shown(bundled: Exhibit) -> None:
    """Seven photographs whose rights are not cleared: words only, never a file."""
    images = [image for panel in bundled.panels for image in panel.images]
    photographs = [image for image in images if image.file is None and not image.drawn]
    assert len(photographs) == 7
    for image in photographs:
        assert "drawn for this exhibit" not in image.credit
    for image in images:
        assert 0 < len(image.alt) <= 125
        assert image.description and image.caption and image.credit


def test_drawn_illustrations_are_shown_with_their_data_credited(bundled: Exhibit) -> None:
    """The four original illustrations: two maps (files, with their names as labels) and a
    timeline and a chart the terminal draws, all credited to the exhibit's own drawing."""
    images = [image for panel in bundled.panels for image in panel.images]
    maps = [image for image in images if image.file]
    assert {image.file for image in maps} == {
        "media/map-manchuria-1945.png",
        "media/map-repatriation-routes.png",
    }
    assert all(image.labels and image.legend for image in maps)
    drawn = [image for image in images if image.drawn]
    assert [image.chart is not None for image in drawn] == [False, True]
    for image in maps + drawn:
        assert "drawn for this exhibit" in image.credit


def test_no_seed_article_error_survives(bundled: Exhibit) -> None:
    """Errors of the article the exhibit grew from, corrected in the research brief."""
    text = " ".join(
        " ".join([p.body, p.title, *(i.description + i.caption for i in p.images)])
        for p in bundled.panels
    )
    assert "Hata Shunroku" not in text  # the negotiator was Lt Gen. Hata Hikosaburō
    assert "Hata Hikosaburō" in text and "Zharikovo" in text
    assert "Dnepr" not in text  # the 1945 motorcycle was the M-72
    assert "LST" not in text  # no source for landing ships at Wonsan
    assert not re.search(r"(?<![\d,])60,000", text)  # "quickly paroled": unverified
    assert "664,531" in text  # not the seed's "some 660,000 ... late 1940s and early 1950s"
