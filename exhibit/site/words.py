"""What the website itself says (the exhibit's texts come from exhibit.yaml), per language.
A language the site has no words for gets the English ones."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteWords:
    SKIP: str = "Skip to the text"
    CONTENTS: str = "Contents"
    PANELS: str = "Panels"
    LANGUAGES: str = "Languages"
    PAGES: str = "Pages"
    PREVIOUS: str = "Previous"
    NEXT: str = "Next"
    FACTS: str = "Facts"
    PICTURES: str = "Pictures"
    DESCRIPTION: str = "Description of the picture"
    CREDIT: str = "Credit"
    SOURCES: str = "Sources"
    SOURCES_AND_CREDITS: str = "Sources and credits"
    ADVISORY: str = "Before you continue"
    TIMELINE: str = "Timeline"
    YEARS: str = "Years"
    RANGE: str = "–"
    """Joins the two ends of a range of years the site writes itself."""
    THIS_PANEL: str = "this panel"
    PICTURE_DATA: str = "The picture's data"
    # The kiosk in a browser (kiosk serve)
    BUSY_TITLE: str = "The kiosk is busy"
    BUSY_TEXT: str = (
        "Everyone's place at the online kiosk is taken just now. "
        "Please try again in a minute or two."
    )
    BUSY_SITE: str = "Or read the exhibit on its website."
    SESSION_ENDED: str = "This visit has ended."
    START_AGAIN: str = "Start again"
    TEXT_VERSION: str = "This exhibit as a web page, for screen readers"


EN = SiteWords()
JA = SiteWords(
    SKIP="本文へ移動",
    CONTENTS="目次",
    PANELS="パネル",
    LANGUAGES="言語",
    PAGES="ページ",
    PREVIOUS="前へ",
    NEXT="次へ",
    FACTS="要点",
    PICTURES="画像",
    DESCRIPTION="画像の説明",
    CREDIT="提供",
    SOURCES="出典",
    SOURCES_AND_CREDITS="出典とクレジット",
    ADVISORY="ご覧になる前に",
    TIMELINE="年表",
    YEARS="年",
    RANGE="〜",
    THIS_PANEL="このパネル",
    PICTURE_DATA="画像のデータ",
    BUSY_TITLE="ただいま混み合っています",
    BUSY_TEXT="オンライン展示の席がすべて埋まっています。1、2分後にもう一度お試しください。",
    BUSY_SITE="ウェブサイトでも展示をご覧いただけます。",
    SESSION_ENDED="ご覧いただきありがとうございました。",
    START_AGAIN="もう一度はじめる",
    TEXT_VERSION="スクリーンリーダー向け：この展示のウェブページ版",
)

LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}
"""Each language's name in that language, for the language links."""


def site_words(language: str) -> SiteWords:
    return {"en": EN, "ja": JA}.get(language.split("-")[0], EN)


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language.split("-")[0], language)
