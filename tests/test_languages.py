"""An exhibit in two languages: one file, texts per language, every gap reported with its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import ROOT

from exhibit.cli import main
from exhibit.loader import load_exhibit

Write = Callable[[str], Path]

BILINGUAL = """\
exhibit:
  title:
    en: Lighthouses
    fr: Phares
  languages: [en, fr]
  intro:
    en: Three towers.
    fr: Trois tours.
panels:
  - id: towers
    title:
      en: Building on the rocks
      fr: Bâtir sur les rochers
    period: 1800–1850
    body:
      en: Granite blocks were set at low tide.
      fr: Les blocs de granit étaient posés à marée basse.
    facts:
      - label: "1811"
        text:
          en: Bell Rock light first lit
          fr: Premier feu de Bell Rock
"""


def messages(path: Path) -> list[str]:
    return [str(problem) for problem in load_exhibit(path).problems.sorted()]


def test_each_language_gets_its_own_edition(write_yaml: Write) -> None:
    result = load_exhibit(write_yaml(BILINGUAL))
    assert result.ok and result.exhibit is not None
    assert list(result.editions) == ["en", "fr"]
    english, french = result.editions["en"], result.editions["fr"]
    assert result.exhibit is english and english.title == "Lighthouses"
    assert french.title == "Phares"
    assert french.panels[0].title == "Bâtir sur les rochers"
    assert french.panels[0].facts[0].text == "Premier feu de Bell Rock"
    assert french.panels[0].period == english.panels[0].period == "1800–1850"  # plain: shared


def test_the_default_language_comes_first(write_yaml: Write) -> None:
    text = BILINGUAL.replace(
        "  languages: [en, fr]\n", "  languages: [en, fr]\n  default_language: fr\n"
    )
    result = load_exhibit(write_yaml(text))
    assert list(result.editions) == ["fr", "en"]
    assert result.exhibit is not None and result.exhibit.title == "Phares"


def test_a_missing_translation_is_a_warning_with_its_line(write_yaml: Write) -> None:
    text = BILINGUAL.replace("      fr: Bâtir sur les rochers\n", "")
    path = write_yaml(text)
    result = load_exhibit(path)
    assert result.ok, "a missing translation never stops the kiosk"
    assert result.editions["fr"].panels[0].title == "Building on the rocks"  # stands in
    assert messages(path) == [
        f"{path}:11:5: warning: panels[0].title: no 'fr' translation of 'title'; visitors "
        "reading 'fr' see the default language's text. Add a line 'fr: ...'"
    ]


def test_text_in_one_language_only_is_a_warning(write_yaml: Write) -> None:
    path = write_yaml(
        BILINGUAL.replace(
            "          en: Bell Rock light first lit\n          fr: Premier feu de Bell Rock\n", ""
        ).replace("        text:\n", "        text: Bell Rock light first lit\n")
    )
    (message,) = messages(path)
    assert message.startswith(f"{path}:20:9: warning: panels[0].facts[0].text:")
    assert "'text' is in one language only" in message and "en: ..., fr: ..." in message


def test_an_unlisted_language_is_an_error(write_yaml: Write) -> None:
    path = write_yaml(
        BILINGUAL.replace("    fr: Phares\n", "    fr: Phares\n    de: Leuchttürme\n")
    )
    result = load_exhibit(path)
    assert not result.ok
    (message,) = messages(path)
    assert message.startswith(f"{path}:5:5: error: exhibit.title.de: 'de' is not one of")
    assert "add it to 'languages:'" in message


def test_translations_without_languages_are_an_error(write_yaml: Write) -> None:
    path = write_yaml(BILINGUAL.replace("  languages: [en, fr]\n", ""))
    problems = messages(path)
    assert all("lists no languages" in p for p in problems) and len(problems) == 5
    assert problems[0].startswith(f"{path}:2:3: error: exhibit.title:")


def test_a_default_language_that_is_not_listed_is_an_error(write_yaml: Write) -> None:
    path = write_yaml(
        BILINGUAL.replace(
            "  languages: [en, fr]\n", "  languages: [en, fr]\n  default_language: ja\n"
        )
    )
    assert any(
        p.startswith(f"{path}:6:") and "'ja' is not in 'languages' (listed: en, fr)" in p
        for p in messages(path)
    )


def test_check_lists_missing_translations(write_yaml: Write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml(BILINGUAL.replace("    fr: Trois tours.\n", ""))
    assert main(["--check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{path}:6:3: warning: exhibit.intro: no 'fr' translation of 'intro'; visitors reading "
        "'fr' see the default language's text. Add a line 'fr: ...'"
    )


def test_japanese_text_too_wide_for_the_strip_is_measured_in_columns(write_yaml: Write) -> None:
    """Eleven wide characters take twenty-two columns, over the eighteen a label has."""
    wide = BILINGUAL.replace(
        '      - label: "1811"',
        "      - label:\n          en: '1811'\n          fr: 一八一一年九月一日まで",
    )
    path = write_yaml(wide)
    assert any("in 'fr', the label is 22 columns wide" in m for m in messages(path))


def test_the_bundled_exhibit_is_complete_in_english_and_japanese() -> None:
    result = load_exhibit(ROOT / "exhibit.yaml")
    assert list(result.editions) == ["en", "ja"]
    gaps = [str(p) for p in result.problems.warnings if "translation" in str(p)]
    assert gaps == []
    japanese = result.editions["ja"]
    assert "関東軍" in japanese.title
    assert all(
        panel.title != english.title
        for panel, english in zip(japanese.panels, result.editions["en"].panels, strict=True)
    )
