"""The report's words in English and Japanese: table titles, column heads, page and mode
names. Keys are the names used in figures.py."""

from __future__ import annotations

from .vocabulary import CLOSING, HELP, INDEX, TITLE

LANGUAGES = ("en", "ja")

_EN = {
    "report": "What the kiosk recorded",
    "period": "Visits from {first} to {last}",
    "nothing": "No visits were recorded in this period.",
    "privacy": "Anonymous counts only: no text typed, no camera, nothing that identifies "
    "a visitor.",
    "summary": "Summary",
    "days": "Visits per day",
    "hours": "Visits by hour of the day",
    "endings": "Where visits ended (last page before the idle reset)",
    "panels": "Panels: reading time",
    "languages": "Languages (the one read longest)",
    "modes": "Modes used",
    "pictures": "Pictures opened full screen",
    "kiosk": "Kiosk",
    "visits": "Visits",
    "from_attract": "From the attract loop",
    "median_seconds": "Median time (s)",
    "p90_seconds": "90th percentile (s)",
    "median_pages": "Median pages",
    "diligent": "Diligent %",
    "bounce": "Bounce %",
    "pictures_opened": "Pictures opened",
    "day": "Day",
    "hour": "Hour",
    "page": "Page",
    "share": "Share %",
    "panel": "Panel",
    "median_reading_seconds": "Median reading (s)",
    "advisory_skipped": "Advisory skipped",
    "more_opened": "More opened",
    "language": "Language",
    "mode": "Mode",
    "picture": "Picture",
    "opened": "Opened",
    "all": "all kiosks",
    "seconds_unit": " s",
    "notes": "Diligent: saw more than half of the panels. Bounce: fewer than two keys or "
    "touches. Times are from the first key to the end of the visit.",
}

_JA = {
    "report": "キオスクの利用記録",
    "period": "{first} から {last} までの利用",
    "nothing": "この期間の利用記録はありません。",
    "privacy": "匿名の集計のみ：入力された文字、カメラ、個人を特定できる情報は記録していません。",
    "summary": "概要",
    "days": "日別の利用数",
    "hours": "時間帯別の利用数",
    "endings": "利用の終わったページ（無操作で最初に戻る前のページ）",
    "panels": "パネル別の閲覧時間",
    "languages": "言語（最も長く読まれた言語）",
    "modes": "使われたモード",
    "pictures": "全画面で開かれた画像",
    "kiosk": "キオスク",
    "visits": "利用数",
    "from_attract": "デモ表示からの利用",
    "median_seconds": "滞在時間の中央値（秒）",
    "p90_seconds": "滞在時間の90パーセンタイル（秒）",
    "median_pages": "ページ数の中央値",
    "diligent": "熱心な利用 %",
    "bounce": "直帰 %",
    "pictures_opened": "開かれた画像",
    "day": "日付",
    "hour": "時",
    "page": "ページ",
    "share": "割合 %",
    "panel": "パネル",
    "median_reading_seconds": "閲覧時間の中央値（秒）",
    "advisory_skipped": "注意書きで飛ばした数",
    "more_opened": "詳しい解説を開いた数",
    "language": "言語",
    "mode": "モード",
    "picture": "画像",
    "opened": "開かれた回数",
    "all": "全キオスク",
    "seconds_unit": " 秒",
    "notes": "熱心な利用：パネルの半数を超えて見た利用。直帰：キーまたはタッチが2回未満の利用。"
    "時間は最初のキー操作から利用の終わりまで。",
}

WORDS = {"en": _EN, "ja": _JA}

_NAMES = {
    "en": {
        TITLE: "title screen",
        CLOSING: "sources and credits",
        INDEX: "index",
        HELP: "help",
        "describe": "description mode",
        "contrast": "high contrast",
        "large": "large layout",
        "audio": "read aloud",
    },
    "ja": {
        TITLE: "タイトル画面",
        CLOSING: "出典とクレジット",
        INDEX: "目次",
        HELP: "ヘルプ",
        "describe": "画像説明モード",
        "contrast": "高コントラスト",
        "large": "大きな表示",
        "audio": "読み上げ",
    },
}
"""Pages that are not panels (their keys begin with ":"), and modes."""


def words(language: str) -> dict[str, str]:
    return WORDS[language]


def cell_text(column: str, value: object, language: str) -> str:
    """A cell as shown: special pages, modes and "all" in words (panel ids stay ids)."""
    text = str(value)
    if column == "mode" or (column == "page" and text.startswith(":")):
        return _NAMES[language].get(text, text)
    if column == "kiosk" and text == "all":
        return WORDS[language]["all"]
    return text
